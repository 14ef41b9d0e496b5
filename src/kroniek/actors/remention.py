"""Definite re-mentions of an organisation by its type noun ("the union", "de partij", "la coalition", "das
Gericht"): the organisation of that type the article named last before it (issue 13, arguments that survive:
"The union rejected the offer" after "the FNV union" is FNV).

An organisation has a type when its name holds one of the type's name words ("Korean Confederation of Trade
Unions" is a union, "Islamabad High Court" a court) or when the text writes a type noun right beside a mention
of it ("de vakbond ABVV", "the FNV union", "le parti Vlaams Belang"). Types and their words are data
(``[[org_type]]`` in data/roles.toml). Only singular type nouns after a definite article are read, and only
where no other mention covers them.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

from kroniek.actors.kb import KBActor
from kroniek.actors.lexicon import DEFINITE, OF_WORDS, Found, NewActor
from kroniek.lang.text import Token, fold


@lru_cache(maxsize=1)
def org_types() -> tuple[dict[str, dict[str, str]], dict[str, tuple[str, ...]]]:
    """(lang -> folded type noun -> type, type -> folded name words) from data/roles.toml [[org_type]]."""
    text = (resources.files("kroniek.actors") / "data" / "roles.toml").read_text(encoding="utf-8")
    nouns: dict[str, dict[str, str]] = {}
    words: dict[str, tuple[str, ...]] = {}
    for entry in tomllib.loads(text).get("org_type", []):
        kind = entry["type"]
        for lang in ("nl", "en", "de", "fr"):
            for noun in entry.get(lang, []):
                nouns.setdefault(lang, {})[fold(noun)] = kind
        words[kind] = tuple(fold(w) for w in entry.get("name_words", []))
    return nouns, words


def _organisation(found: Found) -> KBActor | NewActor | None:
    ref = found.ref
    if isinstance(ref, KBActor | NewActor) and ref.kind in ("organization", "media"):
        return ref
    return None


def org_rementions(text: str, tokens: list[Token], found: list[Found], lang: str) -> list[Found]:
    """Mentions of the organisations in ``found`` by a definite type noun after them."""
    nouns_by_lang, name_words = org_types()
    nouns = nouns_by_lang.get(lang, {})
    if not nouns:
        return []
    covered = bytearray(len(text) + 1)
    for f in found:
        covered[f.start : f.end] = b"\x01" * (f.end - f.start)
    index_at = {t.start: k for k, t in enumerate(tokens)}
    # the type of each organisation: from its name, else from a type noun written beside one of its mentions
    types: dict[str, set[str]] = {}
    for f in found:
        ref = _organisation(f)
        if ref is None:
            continue
        name = f" {fold(ref.name)} "
        kinds = types.setdefault(ref.key, set())
        kinds.update(kind for kind, words in name_words.items() if any(f" {w}" in name for w in words))
        first = index_at.get(f.start)
        if first is None:
            continue
        last = first
        while last + 1 < len(tokens) and tokens[last + 1].start < f.end:
            last += 1
        for k in (first - 1, last + 1):
            if 0 <= k < len(tokens) and tokens[k].key in nouns:
                kinds.add(nouns[tokens[k].key])
    organisations = sorted((f for f in found if _organisation(f) is not None), key=lambda f: f.start)
    out = []
    for k, tok in enumerate(tokens):
        kind = nouns.get(tok.key)
        if (
            kind is None
            or k == 0
            or tokens[k - 1].key not in DEFINITE
            or covered[tok.start]
            or covered[tokens[k - 1].start]
        ):
            continue
        if (
            k + 1 < len(tokens)
            and text[tok.end : tokens[k + 1].start].strip() == ""
            and tokens[k + 1].text[:1].isupper()
        ):
            continue  # "de vakbond ABVV": a name follows, left to the name rules
        before = [f for f in organisations if f.end <= tokens[k - 1].start and kind in types.get(f.ref.key, set())]
        if before:
            out.append(Found(tokens[k - 1].start, tok.end, before[-1].ref, "description"))
    return out


# how many words before a person's name may hold its title when composition did not join them ("la ministre
# française des Affaires étrangères Catherine Colonna")
TITLE_WINDOW_WORDS = 8
# a title noun this long may end a compound title ("Außenministerin" ends in "Ministerin", "defensieminister" in
# "minister"); shorter ones ("mp") must be whole words
COMPOUND_MIN_CHARS = 5
COMPOUND_LANGS = ("nl", "de")
# a verb ends a title: "de minister sprak met Askar" does not title Askar
VERB_TAGS = ("VERB", "AUX")


@lru_cache(maxsize=1)
def person_role_nouns() -> dict[str, frozenset[str]]:
    """lang -> the folded role nouns of data/roles.toml [[role]] as curated there (the words the agents file adds
    at build time name institutions as often as persons: "police", "embassy", "school")."""
    text = (resources.files("kroniek.actors") / "data" / "roles.toml").read_text(encoding="utf-8")
    nouns: dict[str, set[str]] = {}
    for entry in tomllib.loads(text).get("role", []):
        for lang in ("nl", "en", "de", "fr"):
            nouns.setdefault(lang, set()).update(fold(noun) for noun in entry.get(lang, []))
    return {lang: frozenset(words) for lang, words in nouns.items()}


def _title_span(
    tokens: list[Token], k: int, f: Found, floor: int, sentence_of: list[int], pos: dict[int, str] | None
) -> tuple[int, int]:
    """The tokens [i, j) of a person mention's title: its role span when composition joined one, else the
    words before the name in its sentence, after the person named before it and after the last verb."""
    if f.role_span is not None:
        start, end = f.role_span
        inside = [
            n for n, t in enumerate(tokens[k : k + TITLE_WINDOW_WORDS * 2], k) if start <= t.start and t.end <= end
        ]
        return (inside[0], inside[-1] + 1) if inside else (k, k)
    j = k
    while (
        j > 0
        and k - j < TITLE_WINDOW_WORDS
        and tokens[j - 1].start >= floor
        and sentence_of[j - 1] == sentence_of[k]
        and (pos is None or pos.get(tokens[j - 1].start) not in VERB_TAGS)
    ):
        j -= 1
    return j, k


def _titled(words: list[str], noun: tuple[str, ...], lang: str) -> bool:
    """Whether the title words hold the role noun: as a phrase, or (nl, de) as the end of a compound."""
    n = len(noun)
    if any(tuple(words[i : i + n]) == noun for i in range(len(words) - n + 1)):
        return True
    return (
        n == 1
        and lang in COMPOUND_LANGS
        and len(noun[0]) >= COMPOUND_MIN_CHARS
        and any(w.endswith(noun[0]) for w in words)
    )


def _most_mentioned(candidates: list[KBActor | NewActor], found: list[Found], before: int) -> KBActor | NewActor | None:
    """The candidate mentioned most often before ``before`` (the story's minister, not the counterpart it met
    once), the latest one of a tie."""
    counts: dict[str, int] = {}
    for f in found:
        if f.start < before and isinstance(f.ref, KBActor | NewActor):
            counts[f.ref.key] = counts.get(f.ref.key, 0) + 1
    best = None
    for ref in candidates:  # in text order: a later one wins a tie
        if best is None or counts.get(ref.key, 0) >= counts.get(best.key, 0):
            best = ref
    return best


def person_rementions(
    text: str, tokens: list[Token], found: list[Found], lang: str, sentence_of: list[int], pos: dict[int, str] | None
) -> list[Found]:
    """Mentions of a titled person by a definite role noun after them ("de minister" after "minister Hoekstra",
    "the opposition leader" after "opposition leader Kemal Kilicdaroglu", "die Ministerin" after
    "Außenministerin Annalena Baerbock"): of the persons before it whose title holds that noun, the one
    mentioned most. A role noun followed by a name or an "of" phrase ("the minister of finance"), or inside
    the title of a person named after it ("le ministre israélien de la sécurité nationale, Itamar Ben Gvir"),
    is another person's title and is left alone."""
    nouns = {tuple(noun.split()): noun for noun in person_role_nouns().get(lang, frozenset())}
    if not nouns:
        return []
    longest = max(len(n) for n in nouns)
    covered = bytearray(len(text) + 1)
    for f in found:
        covered[f.start : f.end] = b"\x01" * (f.end - f.start)
    index_at = {t.start: k for k, t in enumerate(tokens)}
    # (start of the mention, its title words, the person) in text order; previous_end: end of the last person
    titled: list[tuple[int, list[str], KBActor | NewActor]] = []
    in_title = bytearray(len(tokens) + 1)  # tokens inside a person's title
    previous_end = 0
    for f in sorted(found, key=lambda f: f.start):
        k = index_at.get(f.start)
        ref = f.ref
        if k is not None and isinstance(ref, KBActor | NewActor) and ref.kind == "person":
            i, j = _title_span(tokens, k, f, previous_end, sentence_of, pos)
            in_title[i:j] = b"\x01" * (j - i)
            titled.append((f.start, [t.key for t in tokens[i:j]], ref))
            # a title before this person's name is not the next person's ("française" in a title is)
            previous_end = max(previous_end, f.end)
    out = []
    k = 1
    while k < len(tokens):
        det = tokens[k - 1]
        if det.key not in DEFINITE or covered[det.start] or covered[tokens[k].start] or in_title[k]:
            k += 1
            continue
        # the longest role noun after the article
        match = None
        for n in range(min(longest, len(tokens) - k), 0, -1):
            words = tuple(t.key for t in tokens[k : k + n])
            if words in nouns and not any(covered[t.start] for t in tokens[k : k + n]):
                match = words
                break
        if match is None:
            k += 1
            continue
        after = k + len(match)
        if after < len(tokens) and (tokens[after].key in OF_WORDS or tokens[after].text[:1].isupper()):
            k = after
            continue
        candidates = [ref for start, words, ref in titled if start < det.start and _titled(words, match, lang)]
        person = _most_mentioned(candidates, found, det.start)
        if person is not None:
            out.append(Found(det.start, tokens[after - 1].end, person, "description"))
        k = after
    return out
