"""Unnamed speakers as group actors: "diplomats said", "volgens ingewijden", "hieß es aus Regierungskreisen",
"selon des témoins". News cites such speakers as the source of a claim (docs/annotation.md: "Source from a
noun phrase", ADJ3 #10), and they are the actors of the speech acts they make; with no actor for them, the
statements stage found no speaker and the events stage no source or actor.

The phrases are word data per language (``kroniek/lang/<code>/speakers.toml``, ``[speakers]``: English
name -> ``phrases`` and ``sector``). A phrase is matched on whole tokens, longest first. The group is named
with the table's English name, or "<Adjective> <name>" after (French: before) a country adjective
("japanische Diplomaten" -> "Japanese diplomats"; English keeps the text's own words, "U.S. diplomats"); its
country is the adjective's state, else the state the article names most (``Resolver.article_state``), whose
adjective also names a government's people (``national``: "aus Regierungskreisen" -> "Canadian government
sources", as the gold names them).

Not a speaker: a phrase right before a capitalised name (a title: "diplomat Jan Smit", German aside, where
every noun is capitalised) or inside a mention another rule found.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from kroniek.actors.kb import KBActor
from kroniek.actors.lexicon import DEFINITE, INDEFINITE, Found, GazMatch, NewActor
from kroniek.errors import KroniekError
from kroniek.lang import SUPPORTED
from kroniek.lang import get as language_pack
from kroniek.lang.text import Token, fold, tokenize

if TYPE_CHECKING:
    from kroniek.actors.resolve import Resolver

SECTORS = frozenset({"GOV", "MIL", "REB", "OPP", "JUD", "LEG", "MED", "BUS", "CVL", "IGO", "NGO"})


class SpeakerNoun(NamedTuple):
    name: str  # the group's English name
    sector: str | None
    national: bool = False  # a government's people ("Regierungskreisen"): named with the article's state


class SpeakerPhrases(NamedTuple):
    by_words: dict[tuple[str, ...], SpeakerNoun]  # folded token keys -> speaker
    longest: int  # tokens in the longest phrase
    cues: frozenset[tuple[str, ...]] = frozenset()  # speech cues of statements.toml, as folded token keys
    first_words: frozenset[str] = frozenset()  # the first key of each phrase in by_words: where one can start


# Statements.toml lists whose words mark a speaker slot: speech verbs ("said", "hieß es"), source phrases
# ("according to", "volgens", "zufolge") and postposed words ("aldus").
CUE_LISTS = ("verbs", "according_before", "according_after", "postposed")
SLOT_REACH = 4  # tokens between a speech cue and the phrase ("hieß es aus Regierungskreisen")


@lru_cache(maxsize=16)  # one entry per language
def speaker_phrases(lang: str) -> SpeakerPhrases:
    """The unnamed-speaker phrases of ``lang`` (E290 when its speakers.toml is malformed)."""
    if lang not in SUPPORTED:
        return SpeakerPhrases({}, 0)
    table = language_pack(lang).table("speakers").get("speakers", {})
    if not isinstance(table, dict):
        raise KroniekError("E290", lang=lang, detail="[speakers] must be a table of English names")
    by_words: dict[tuple[str, ...], SpeakerNoun] = {}
    for name, entry in table.items():
        phrases, sector = _entry(lang, name, entry)
        national = entry.get("national", False)
        if not isinstance(national, bool):
            raise KroniekError("E290", lang=lang, detail=f"{name!r}: `national` must be true or false")
        for phrase in phrases:
            words = tuple(t.key for t in tokenize(phrase))
            if words:
                by_words[words] = SpeakerNoun(name, sector, national)
    longest = max((len(w) for w in by_words), default=0)
    return SpeakerPhrases(by_words, longest, _speech_cues(lang), frozenset(w[0] for w in by_words))


def _speech_cues(lang: str) -> frozenset[tuple[str, ...]]:
    """The speech cues of the language's statements.toml (language data; the actors stage imports nothing of the
    statements stage): each entry's words up to a gap ("teilte … mit" -> "teilte")."""
    pack = language_pack(lang)
    cues = set()
    for key in CUE_LISTS:
        for entry in pack.words("statements", key):
            head = entry.split("…")[0]
            words = tuple(t.key for t in tokenize(head))
            if words:
                cues.add(words)
    return frozenset(cues)


def _entry(lang: str, name: str, entry: Any) -> tuple[list[str], str | None]:
    if not isinstance(entry, dict) or not isinstance(entry.get("phrases"), list):
        raise KroniekError("E290", lang=lang, detail=f"{name!r} needs a list `phrases`")
    phrases = entry["phrases"]
    if not all(isinstance(p, str) and p.strip() for p in phrases):
        raise KroniekError("E290", lang=lang, detail=f"{name!r}: every phrase must be a non-empty string")
    sector = entry.get("sector", "")
    if sector and sector not in SECTORS:
        raise KroniekError(
            "E290", lang=lang, detail=f"{name!r}: sector {sector!r} is none of {', '.join(sorted(SECTORS))}"
        )
    return phrases, sector or None


def find_speakers(resolver: Resolver, tokens: list[Token], gaz: list[GazMatch], consumed: set[int]) -> list[Found]:
    """Unnamed-speaker mentions of the text, each a group actor; a country adjective used for one is added to
    ``consumed`` (so that the adjective-group rules do not read it again)."""
    table = speaker_phrases(resolver.lang)
    if not table.by_words:
        return []
    taken = bytearray(len(resolver.text) + 1)
    for f in resolver.composed:
        taken[f.start : f.end] = b"\x01" * (f.end - f.start)
    for g in gaz:
        if g.adjective is None:  # a name ("Pentagon"), not a country adjective
            taken[g.start : g.end] = b"\x01" * (g.end - g.start)
    ends = {g.j: g for g in gaz if id(g) not in consumed}
    starts = {g.i: g for g in gaz if id(g) not in consumed}
    out: list[Found] = []
    k = 0
    while k < len(tokens):
        match = _longest(table, tokens, k)
        if match is None or taken[tokens[k].start] or _before_a_name(resolver, tokens, k + match[0]):
            k += 1
            continue
        length, speaker = match
        start_tok, end_tok = k, k + length
        adjective = _adjective(resolver, ends.get(k), starts.get(end_tok))
        if (adjective is None and _owned(resolver, tokens, k, taken)) or not _in_speaker_slot(
            resolver, table, tokens, k, end_tok
        ):
            k = end_tok
            continue
        if adjective is not None:
            g, state = adjective
            consumed.add(id(g))
            start_tok, end_tok = min(start_tok, g.i), max(end_tok, g.j)
            out.append(_found(resolver, tokens, start_tok, end_tok, speaker, state))
        else:
            out.append(_found(resolver, tokens, start_tok, end_tok, speaker, None))
        k = end_tok
    return out


def _longest(table: SpeakerPhrases, tokens: list[Token], k: int) -> tuple[int, SpeakerNoun] | None:
    if tokens[k].key not in table.first_words:
        return None  # most words start no phrase: no tuples to build
    for length in range(min(table.longest, len(tokens) - k), 0, -1):
        speaker = table.by_words.get(tuple(t.key for t in tokens[k : k + length]))
        if speaker is not None:
            return length, speaker
    return None


def _in_speaker_slot(resolver: Resolver, table: SpeakerPhrases, tokens: list[Token], i: int, j: int) -> bool:
    """A speech cue stands within ``SLOT_REACH`` tokens of the phrase (tokens i..j) in its sentence: the phrase
    names who speaks ("diplomats said", "volgens ingewijden", "estiment des diplomates"). Elsewhere such a
    noun is a participant the gold names in many other ways ("Two former officials were sentenced"): read
    there, train events precision fell 0.506 -> 0.501 for no gain in recall."""
    sentence = resolver.sentence_of[i]
    lo, hi = max(0, i - SLOT_REACH), min(len(tokens), j + SLOT_REACH)
    keys = [t.key if resolver.sentence_of[n] == sentence else "" for n, t in enumerate(tokens[lo:hi], start=lo)]
    for start in range(len(keys)):
        if lo + start in range(i, j):
            continue
        for length in range(1, 4):
            if tuple(keys[start : start + length]) in table.cues:
                return True
    return False


def _owned(resolver: Resolver, tokens: list[Token], k: int, taken: bytearray) -> bool:
    """The phrase at token k belongs to the body named right before it ("Pentagon officials", "Hamas
    sources", "army officials", "UN experts"): that body speaks, which other rules find; also somebody's
    own people ("his sources")."""
    if k == 0 or resolver.sentence_of[k] != resolver.sentence_of[k - 1]:
        return False
    prev = tokens[k - 1]
    if taken[prev.start] or prev.key in resolver.group_nouns or prev.key in resolver.role_nouns:
        return True
    possessives = resolver.determiners - DEFINITE - INDEFINITE - {"des", "dem"}
    if prev.key in possessives or (k >= 2 and prev.text.islower() and tokens[k - 2].key in possessives):
        return True  # "selon ses propres sources", "his aides": the possessor's people, found as such or not
    sentence_initial = k == 1 or resolver.sentence_of[k - 2] != resolver.sentence_of[k - 1]
    return resolver.lang != "de" and not sentence_initial and prev.text[:1].isupper() and prev.text.isalpha()


def _before_a_name(resolver: Resolver, tokens: list[Token], j: int) -> bool:
    """The phrase is a title of the capitalised name after it ("diplomat Jan Smit"); German capitalises every
    noun, so there two capitalised words must follow."""
    if j >= len(tokens) or not tokens[j].text[:1].isupper() or resolver.sentence_of[j] != resolver.sentence_of[j - 1]:
        return False
    if resolver.lang != "de":
        return True
    return j + 1 < len(tokens) and tokens[j + 1].text[:1].isupper() and tokens[j + 1].text.isalpha()


def _adjective(resolver: Resolver, before: GazMatch | None, after: GazMatch | None) -> tuple[GazMatch, KBActor] | None:
    """The country adjective of the phrase: right before it, or right after it in French ("diplomates
    rwandais"); in English a state name before it serves too ("U.S. officials")."""
    if before is not None:
        state = before.adjective
        if state is None and resolver.lang == "en":
            state = next((h.actor for h in before.hits if h.actor.kind == "state"), None)
        if state is not None:
            return before, state
    if after is not None and resolver.lang == "fr" and after.adjective is not None:
        return after, after.adjective
    return None


def _found(
    resolver: Resolver, tokens: list[Token], start_tok: int, end_tok: int, speaker: SpeakerNoun, state: KBActor | None
) -> Found:
    start, end = tokens[start_tok].start, tokens[end_tok - 1].end
    if state is None and speaker.national and resolver.article_state is not None:
        state = resolver.article_state  # "aus Regierungskreisen" about Canada: "Canadian government sources"
        name = f"{state.adjective or state.name} {speaker.name}"
        key = f"group:{state.country}:speaker:{fold(name)}"
        return Found(start, end, NewActor(key, name, "group", state.country, speaker.sector), "description")
    if state is None:
        country_state = resolver.article_state
        country = country_state.country if country_state is not None else None
        actor = NewActor(
            f"group:{country}:speaker:{fold(speaker.name)}", speaker.name, "group", country, speaker.sector
        )
        return Found(start, end, actor, "description")
    if resolver.lang == "en":
        name = resolver.text[start:end]  # English text names the group itself: "U.S. diplomats"
    else:
        name = f"{state.adjective or state.name} {speaker.name}"
    key = f"group:{state.country}:speaker:{fold(name)}"  # listed only when it acts or speaks (assemble.py)
    return Found(start, end, NewActor(key, name, "group", state.country, speaker.sector), "description")
