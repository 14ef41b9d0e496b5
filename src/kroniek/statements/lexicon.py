"""Cue lexicons of the statements stage, loaded from ``kroniek/lang/<lang>/statements.toml`` and ``cues/channels.toml``.

Entries are matched on word tokens (``tokenize``), case-insensitively; an entry may be several words,
and "…" in an entry is a gap of up to ``GAP_WORDS`` words, for separable verbs ("liet maandag weten",
"teilte am Montag mit"). The lists and what each does are documented in docs/statements.md.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from kroniek import lang as lang_packs

CUES_DIR = Path(__file__).resolve().parent / "cues"
GAP = "…"
GAP_WORDS = 4
# A separable particle that closes its clause may stand further off: "Das teilte das Außenministerium von
# Nordland am Sonntag mit." / "Dat maakte de premier van Nortland gisteren bekend." (the speaker's name and
# title fill the gap); beyond GAP_WORDS it must then end the pattern and be followed by punctuation.
CLOSING_GAP_WORDS = 10

# Not kroniek.lang.text.tokenize: that one keeps hyphenated words whole, and the cue and pronoun rules here
# need French inversions split ("a-t-il souligné", "dit-il"). Measured with the shared tokenizer: fr
# statements recall 1.000 -> 0.889 on the dev set. Merge once the shared tokenizer splits clitic inversions.
_TOKEN_RE = re.compile(r"\w+|[^\w\s]")


class Token(NamedTuple):
    # a named tuple, not a frozen dataclass: every word of every article makes one, and a frozen dataclass
    # sets each field through object.__setattr__ (three times the cost)
    start: int
    end: int
    low: str  # lower-cased text

    @property
    def is_word(self) -> bool:
        return self.low[:1].isalnum() or self.low[:1] == "_"


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [Token(m.start() + offset, m.end() + offset, m.group().lower()) for m in _TOKEN_RE.finditer(text)]


Pattern = tuple[str, ...]


def _pattern(entry: str) -> Pattern:
    parts: list[str] = []
    for piece in entry.split():
        if piece == GAP:
            parts.append(GAP)
        else:
            parts.extend(t.low for t in tokenize(piece))
    return tuple(parts)


@dataclass(frozen=True, slots=True)
class CueMatch:
    entry: str  # the lexicon entry as written
    kind: str  # verb | postposed | according_before | according_after
    first: int  # index of the first token
    last: int  # index of the last token (inclusive)
    start: int  # character offsets of the whole cue
    end: int


@dataclass(frozen=True)
class CueLexicon:
    lang: str
    inversion_first: bool
    patterns: dict[str, tuple[tuple[str, Pattern], ...]]  # kind -> (entry, pattern)
    bare_verbs: frozenset[str]
    complementizers: frozenset[str]
    pronouns_singular: frozenset[str]
    pronouns_plural: frozenset[str]
    pronouns_person: frozenset[str]
    auxiliaries: frozenset[str]
    impersonal: frozenset[str]
    participles: frozenset[str]
    definite_articles: frozenset[str]
    modifier_prepositions: frozenset[str]
    relative_pronouns: frozenset[str]
    agent_markers: frozenset[str]
    continuation: tuple[Pattern, ...]
    retro: tuple[Pattern, ...]
    not_followed_by: dict[str, tuple[Pattern, ...]]
    bare_blockers: frozenset[str]
    by_first: dict[str, tuple[tuple[str, str, Pattern], ...]]  # first token -> (kind, entry, pattern)
    possessive_pronouns: frozenset[str] = frozenset()  # "haar", "her": a pronoun that is no subject
    object_pronouns: frozenset[str] = frozenset()  # "hen", "them"
    coordinators: frozenset[str] = frozenset()  # "and", "but" (lang/<code>/words.toml)
    alternatives: frozenset[str] = frozenset()  # "or"
    contrast_openers: frozenset[str] = frozenset()  # "while", "terwijl": the author sets a clause against the last
    # verb forms of reported speech ("would", "zou", Konjunktiv I "werde", "sei"): a sentence with one right
    # after a report carries that report on
    reported_mood: frozenset[str] = frozenset()

    def is_pronoun(self, low: str) -> bool:
        return low in self.pronouns_singular or low in self.pronouns_plural

    def find(self, tokens: list[Token], kinds: tuple[str, ...] | None = None) -> list[CueMatch]:
        """Every cue in ``tokens`` (longest entry first at a position), in text order."""
        found: list[CueMatch] = []
        for i, tok in enumerate(tokens):
            for kind, entry, pattern in self.by_first.get(tok.low, ()):
                if kinds is not None and kind not in kinds:
                    continue
                last = match_at(tokens, i, pattern)
                if last is None or self._blocked(entry, tokens, last):
                    continue
                first = i
                if kind == "verb" and first > 0 and tokens[first - 1].low in self.auxiliaries:
                    first -= 1  # "a déclaré": the auxiliary belongs to the cue
                found.append(CueMatch(entry, kind, first, last, tokens[first].start, tokens[last].end))
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        out: list[CueMatch] = []
        for m in found:
            if out and m.start < out[-1].end:
                continue  # overlapping a longer cue at the same place
            out.append(m)
        return out

    def _blocked(self, entry: str, tokens: list[Token], last: int) -> bool:
        # "dit-on", "sagt man": nobody in particular speaks
        nxt = tokens[last + 1 : last + 3]
        if any(t.low in self.impersonal for t in nxt if t.is_word):
            return True
        return any(match_at(tokens, last + 1, p) is not None for p in self.not_followed_by.get(entry, ()))

    def starts_with(self, tokens: list[Token], i: int, patterns: tuple[Pattern, ...]) -> int | None:
        for p in patterns:
            last = match_at(tokens, i, p)
            if last is not None:
                return last
        return None


def match_at(tokens: list[Token], i: int, pattern: Pattern) -> int | None:
    """Index of the last token when ``pattern`` matches at token ``i``, else None."""
    j = i
    k = 0
    while k < len(pattern):
        part = pattern[k]
        if part == GAP:
            nxt = pattern[k + 1]
            closing = k + 2 == len(pattern)
            for gap in range(0, (CLOSING_GAP_WORDS if closing else GAP_WORDS) + 1):
                if j + gap < len(tokens) and tokens[j + gap].low == nxt:
                    if not all(t.is_word for t in tokens[j : j + gap]):
                        return None
                    after = tokens[j + gap + 1] if j + gap + 1 < len(tokens) else None
                    if gap <= GAP_WORDS or after is None or not after.is_word:
                        j += gap
                        break
            else:
                return None
            k += 1
            continue
        if j >= len(tokens) or tokens[j].low != part:
            return None
        j += 1
        k += 1
    return j - 1 if j > i else None


@lru_cache(maxsize=8)
def load_lexicon(lang: str) -> CueLexicon:
    # a language without a folder gets the English cues rather than none
    pack = lang_packs.get(lang if lang_packs.has(lang) else "en")
    data = pack.table("statements")

    def pats(key: str) -> tuple[tuple[str, Pattern], ...]:
        return tuple((e, _pattern(e)) for e in data.get(key, []))

    patterns = {
        "verb": pats("verbs"),
        "postposed": pats("postposed"),
        "according_before": pats("according_before"),
        "according_after": pats("according_after"),
    }
    by_first: dict[str, list[tuple[str, str, Pattern]]] = {}
    for kind, entries in patterns.items():
        for entry, pattern in entries:
            by_first.setdefault(pattern[0], []).append((kind, entry, pattern))
    return CueLexicon(
        lang=lang,
        inversion_first=bool(data.get("inversion_first", False)),
        patterns=patterns,
        bare_verbs=frozenset(data.get("bare_verbs", [])),
        complementizers=frozenset(_pattern(c)[0] for c in data.get("complementizers", [])),
        pronouns_singular=frozenset(data.get("pronouns_singular", [])),
        pronouns_plural=frozenset(data.get("pronouns_plural", [])),
        pronouns_person=frozenset(data.get("pronouns_person", [])),
        auxiliaries=frozenset(data.get("auxiliaries", [])),
        impersonal=frozenset(data.get("impersonal", [])),
        participles=frozenset(data.get("participles", [])),
        definite_articles=frozenset(data.get("definite_articles", [])),
        modifier_prepositions=frozenset(data.get("modifier_prepositions", [])),
        relative_pronouns=frozenset(data.get("relative_pronouns", [])),
        agent_markers=frozenset(data.get("agent_markers", [])),
        continuation=tuple(_pattern(e) for e in data.get("continuation", [])),
        retro=tuple(_pattern(e) for e in data.get("retro", [])),
        not_followed_by={k: tuple(_pattern(x) for x in v) for k, v in data.get("not_followed_by", {}).items()},
        bare_blockers=frozenset(data.get("bare_blockers", [])),
        by_first={k: tuple(v) for k, v in by_first.items()},
        possessive_pronouns=frozenset(data.get("possessive_pronouns", [])),
        object_pronouns=frozenset(data.get("object_pronouns", [])),
        coordinators=frozenset(pack.words("words", "coordinators")),
        alternatives=frozenset(pack.words("words", "alternatives")),
        contrast_openers=frozenset(pack.words("words", "contrast_openers")),
        reported_mood=frozenset(data.get("reported_mood", [])),
    )


@dataclass(frozen=True)
class ChannelLexicon:
    platforms: dict[str, str]
    platform_prepositions: frozenset[str]
    interview: dict[str, tuple[str, ...]]
    addressee: dict[str, tuple[str, ...]]
    generic: dict[str, str]


@lru_cache(maxsize=1)
def load_channels() -> ChannelLexicon:
    data = tomllib.loads((CUES_DIR / "channels.toml").read_text(encoding="utf-8"))
    return ChannelLexicon(
        platforms=dict(data.get("platforms", {})),
        platform_prepositions=frozenset(data.get("platform_prepositions", [])),
        interview={k: tuple(v) for k, v in data.get("interview", {}).items()},
        addressee={k: tuple(v) for k, v in data.get("addressee", {}).items()},
        generic=dict(data.get("generic", {})),
    )
