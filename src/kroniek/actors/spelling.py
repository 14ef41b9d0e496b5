"""Person names written in another language's transliteration: "Pasjinian" (nl), "Alijew" (de),
"Michoustine" (fr) for Nikol Pashinyan, Ilham Aliyev, Mikhail Mishustin.

A new person name (two words or more, not in the knowledge base) is folded with its language's spelling
folds (``name_spelling_folds`` in ``kroniek/lang/<code>/words.toml``) and both it and every multi-word
person name of the knowledge base are reduced to a skeleton (``y`` as ``i``, ``kh`` as ``h``, ``tz`` as
``ts``, doubled letters single). The name is that person only when the skeletons of all its words, given
name and surname alike, agree with exactly one knowledge-base person: one surname alone never decides.
"""

from __future__ import annotations

import functools
import re

from kroniek.actors.kb import ActorKB, KBActor
from kroniek.errors import KroniekError
from kroniek.lang import get as language_pack
from kroniek.lang import has as has_language
from kroniek.lang.text import fold

_SKELETON_RULES = (
    (re.compile(r"kh"), "h"),
    (re.compile(r"tz"), "ts"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"y"), "i"),
)
_DOUBLED = re.compile(r"([a-z])\1+")
_NOT_LETTER = re.compile(r"[^a-z ]+")


def skeleton(folded: str) -> str:
    """The letters of a folded name that survive transliteration."""
    text = _NOT_LETTER.sub("", folded.replace("-", " "))
    for pattern, replacement in _SKELETON_RULES:
        text = pattern.sub(replacement, text)
    return " ".join(_DOUBLED.sub(r"\1", text).split())


@functools.lru_cache(maxsize=8)  # one per language
def spelling_folds(lang: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """The language's ``name_spelling_folds`` (none for a language kroniek has no folder for); a row that is
    not [pattern, replacement] or a pattern that does not compile is E162, naming the file."""
    if not has_language(lang):
        return ()
    rows = language_pack(lang).table("words").get("name_spelling_folds", [])
    folds = []
    for row in rows:
        try:
            pattern, replacement = row
            folds.append((re.compile(str(pattern)), str(replacement)))
        except (ValueError, TypeError, re.error) as exc:
            detail = f"name_spelling_folds: {row!r} is not a [pattern, replacement] pair ({exc})"
            raise KroniekError("E162", lang=lang, where="words.toml", detail=detail) from exc
    return tuple(folds)


def spelling_key(name: str, lang: str) -> str:
    folded = fold(name)
    for pattern, replacement in spelling_folds(lang):
        folded = pattern.sub(replacement, folded)
    return skeleton(folded)


def person_by_spelling(kb: ActorKB, name: str, lang: str) -> KBActor | None:
    """The one knowledge-base person whose full name is ``name`` in another spelling, else None."""
    if len(name.split()) < 2:
        return None
    index = kb.person_skeletons(skeleton)
    found = index.get(spelling_key(name, lang), ()) or index.get(skeleton(fold(name)), ())
    return found[0] if len(found) == 1 else None
