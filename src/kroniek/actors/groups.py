"""Counted groups as actors (issues 13 and 14: participants): "27 burgers", "two gunmen", "hundreds of
protesters", "Tausende Demonstranten", "des milliers de manifestants", "zo'n 40.000 mensen".

A noun of people after a count is one group actor, named as the gold names such groups (docs/annotation.md,
"Groups and juntas"): the English head noun, without a nationality or place ("journalists", "soldiers",
"people"); its country is that of the place after "in" ("in Athens"), else the state the article names most,
as for the bare group nouns of kroniek.actors.finders. A count is a number in digits or words, a vague plural
("hundreds of", "Tausende", "des centaines de") or a quantifier ("several", "mehrere", "plusieurs", "enkele");
up to two lower-case modifiers may stand between it and the noun ("31 politische Gefangene", "three young men").

The nouns are word data per language (``kroniek/lang/<code>/groups.toml``, ``[counted]``: noun -> English
name; ``quantifiers``), read only after a count: a bare "suspects" or "Menschen" names nobody in particular,
and groups7 (round 7) found that reading such nouns everywhere let the events stage keep triggers the gold does
not list. German capitalises every noun, so there a lower-case word is never one of these nouns ("banden" is
a form of "binden", "verdächtige" an adjective).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from kroniek.actors.kb import SECTORS
from kroniek.actors.lexicon import CONJUNCTIONS, DEFINITE, OF_WORDS, Found, GazMatch, NewActor, Pending
from kroniek.errors import KroniekError
from kroniek.lang import SUPPORTED
from kroniek.lang import get as language_pack
from kroniek.lang.numbers import number_lexicon
from kroniek.lang.text import Token, fold, tokenize

if TYPE_CHECKING:
    from kroniek.actors.resolve import Resolver

PEOPLE = "people"  # the English name of "Menschen", "mensen", "personnes": the story may name them better
MODIFIERS = 2  # lower-case words between the count and the noun ("drei tote Zivilisten", "two senior officers")


class CountedNoun(NamedTuple):
    english: str  # the group's name: "people", "journalists"
    sector: str | None


class CountedWords(NamedTuple):
    nouns: dict[tuple[str, ...], CountedNoun]  # folded token keys of the noun (one or two words) -> group
    counts: frozenset[str]  # folded words that count: number words, scales, vague plurals, quantifiers
    approx: frozenset[tuple[str, ...]]  # words before a count that belong to it ("at least", "rund")
    of_words: frozenset[str]  # "of" after a vague plural ("hundreds of", "des centaines de", "d'")


@lru_cache(maxsize=16)  # one entry per language
def counted_words(lang: str) -> CountedWords:
    """The counted-group nouns and count words of ``lang`` (E411 when its groups.toml is malformed)."""
    if lang not in SUPPORTED:
        return CountedWords({}, frozenset(), frozenset(), frozenset())
    table = language_pack(lang).table("groups")
    counted = table.get("counted", {})
    if not isinstance(counted, dict):
        raise KroniekError("E411", lang=lang, detail="[counted] must be a table of nouns and English names")
    nouns: dict[tuple[str, ...], CountedNoun] = {}
    for noun, entry in counted.items():
        english, sector = _entry(lang, noun, entry)
        words = tuple(t.key for t in tokenize(noun))
        if not 1 <= len(words) <= 2:
            raise KroniekError("E411", lang=lang, detail=f"{noun!r}: a counted noun has one or two words")
        nouns[words] = CountedNoun(english, sector)
    quantifiers = language_pack(lang).words("groups", "quantifiers")
    of_words = language_pack(lang).words("groups", "of_words")
    lexicon = number_lexicon(lang)
    # not the words for one ("ein", "a", "un"): articles too, and a German plural is often its singular ("ein
    # Mitarbeiter", "ein Opfer")
    numbers = [w for w, value in lexicon.words.items() if value > 1]
    counts = {fold(w) for w in (*numbers, *lexicon.scales, *lexicon.vague, *quantifiers) if " " not in w}
    approx = frozenset(tuple(t.key for t in tokenize(a)) for a in lexicon.approx)
    return CountedWords(nouns, frozenset(counts), approx, frozenset(fold(w) for w in of_words))


def _entry(lang: str, noun: str, entry: object) -> tuple[str, str | None]:
    """An entry is the English name, or a table {name = "...", sector = "..."}."""
    if isinstance(entry, str) and entry.strip():
        return entry, None
    if isinstance(entry, dict) and isinstance(entry.get("name"), str) and entry["name"].strip():
        sector = entry.get("sector")
        if sector is not None and sector not in SECTORS:
            raise KroniekError(
                "E412", lang=lang, noun=noun, detail=f"sector {sector!r} is none of {', '.join(sorted(SECTORS))}"
            )
        return entry["name"], sector
    raise KroniekError("E412", lang=lang, noun=noun, detail="give the English name, or a table with `name`")


def find_counted_groups(
    resolver: Resolver, tokens: list[Token], gaz: list[GazMatch], taken: list[Found]
) -> list[Found]:
    """Counted groups of the text that no other rule found (``taken``), each a group actor."""
    words = counted_words(resolver.lang)
    if not words.nouns:
        return []
    covered = bytearray(len(resolver.text) + 1)
    for f in taken:
        covered[f.start : f.end] = b"\x01" * (f.end - f.start)
    for g in gaz:
        covered[g.start : g.end] = b"\x01" * (g.end - g.start)
    by_start = {g.i: g for g in gaz}
    out: list[Found] = []
    for k, tok in enumerate(tokens):
        match = _noun_at(resolver, words, tokens, k)
        if match is None or covered[tok.start]:
            continue
        first, noun = match
        count = _count_before(resolver, words, tokens, first)
        if count is None or any(covered[tokens[n].start] for n in range(count, k + 1)):
            continue
        story = _story_group(taken) if noun.english == PEOPLE else None
        if story is not None:
            out.append(Found(tokens[count].start, tok.end, story, "description"))
            continue
        # the country only where the text gives it: the scorer matches groups of no country to any, and the
        # state the article names most was wrong for many counted groups on train ("civilians" of the article's
        # other state)
        state = resolver._state_in_place(tokens, k + 1, by_start)
        country = state.country if state is not None else None
        actor = NewActor(f"group:{country}:{fold(noun.english)}", noun.english, "group", country, noun.sector)
        out.append(Found(tokens[count].start, tok.end, actor, "description"))
    return out


def _noun_at(resolver: Resolver, words: CountedWords, tokens: list[Token], k: int) -> tuple[int, CountedNoun] | None:
    """The counted noun ending at token k (two words before one: "police officers"), with its first token."""
    tok = tokens[k]
    if not tok.text[:1].isalpha():
        return None
    if resolver.lang == "de" and not tok.text[:1].isupper():
        return None  # German nouns are capitalised: "banden" is "binden", "verdächtige" an adjective
    if resolver.lang != "de" and tok.text[:1].isupper():
        return None  # "three Houthi Officials", a name or a heading, not a counted noun
    if k > 0 and resolver.sentence_of[k - 1] == resolver.sentence_of[k]:
        pair = words.nouns.get((tokens[k - 1].key, tok.key))
        if pair is not None:
            return k - 1, pair
    single = words.nouns.get((tok.key,))
    return (k, single) if single is not None else None


def _count_before(resolver: Resolver, words: CountedWords, tokens: list[Token], first: int) -> int | None:
    """The first token of the count before the noun that starts at token ``first`` ("mehr als 300", "des
    centaines d'", "several"), or None when no count stands there."""
    sentence = resolver.sentence_of[first]
    j = first - 1
    modifiers = 0
    while (
        j >= 0
        and resolver.sentence_of[j] == sentence
        and modifiers < MODIFIERS
        and not _counts(words, tokens[j])
        and _modifier(resolver, tokens[j])
    ):
        j -= 1
        modifiers += 1
    if j >= 1 and tokens[j].key in words.of_words and tokens[j - 1].key in words.counts:
        j -= 1  # "hundreds of", "des milliers de", "tens of thousands of"
    if j < 0 or resolver.sentence_of[j] != sentence or not _counts(words, tokens[j]):
        return None
    # back over the rest of the number ("10,000", "1.2 million", "tens of thousands") and "at least", "rund"
    while j > 0 and resolver.sentence_of[j - 1] == sentence:
        prev = tokens[j - 1]
        if _counts(words, prev) or prev.text in (",", ".") and tokens[j].text.isdigit() and j >= 2:
            j -= 1
        elif prev.key in words.of_words and j >= 2 and tokens[j - 2].key in words.counts:
            j -= 1
        else:
            break
    for length in (3, 2, 1):
        if j - length >= 0 and tuple(t.key for t in tokens[j - length : j]) in words.approx:
            return j - length
    return j


def _counts(words: CountedWords, tok: Token) -> bool:
    return tok.text.isdigit() or tok.key in words.counts


def _modifier(resolver: Resolver, tok: Token) -> bool:
    """A lower-case word that may stand between a count and its noun: an adjective ("politische", "young"),
    or in English a noun ("police"); not a function word ("of", "the", "and")."""
    if not tok.text.islower() or not tok.text.replace("-", "").isalpha():
        return False
    return not (
        tok.key in resolver.determiners or tok.key in DEFINITE or tok.key in OF_WORDS or tok.key in CONJUNCTIONS
    )


def _story_group(taken: list[Found]) -> NewActor | Pending | None:
    """The group the article names most among the groups other rules found ("the protesters", "Greek
    protesters"): counted people in its story are that group ("rund 2.000 Menschen" among protesters)."""
    counts: dict[str, int] = {}
    refs: dict[str, NewActor | Pending] = {}
    for f in taken:
        ref = f.ref
        if isinstance(ref, Pending) and ref.role.offices[:1] == ("GROUP",):
            key = "pending:" + ref.role.offices[1]
        elif isinstance(ref, NewActor) and ref.kind == "group":
            key = ref.key
        else:
            continue
        counts[key] = counts.get(key, 0) + 1
        refs.setdefault(key, ref)
    if not counts:
        return None
    return refs[max(counts, key=lambda key: counts[key])]
