"""National institutions named after the country the text gives them (data/institutions.toml).

"Congress", "Parliament", "the Supreme Court" exist in many countries. A mention becomes the institution of
the country written next to it ("Peru's Congress", "the Libyan House of Representatives", "le parlement
libanais", "the Supreme Court of Pakistan"), else the one that word already stood for in the article; a
capitalised one with no country beside it is the institution of the language's home country when the article
names it (nl/de/fr: "l'Assemblée nationale" in a French article that names France), else of the state the
article names most, unless the knowledge base files the word under a country the article also
names (the United States Congress in an article that mentions the United States). The name is the English
Wikipedia title: a country's own title from [titles], else the institution's pattern ("Parliament of Kenya").
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from kroniek.actors.kb import CAPITAL, SEAT, ActorKB, KBActor
from kroniek.actors.lexicon import (
    DEFINITE,
    DEFINITE_STATE_NAMES,
    LANG_HOME,
    OF_WORDS,
    Found,
    GazMatch,
    NewActor,
    capitalised,
)
from kroniek.lang.text import Token, fold

POSSESSIVE_MARKS = {"'s", "’s", "'", "’"}
STATE_ITSELF = "{state}"
# languages where a capitalised word before "Parliament"/"High Court" is a local name ("the Islamabad High
# Court"); German capitalises every noun
LOCAL_NAME_LANGS = frozenset({"en", "nl", "fr"})
MAX_LOCAL_NAME_WORDS = 3  # an institution pattern that names the state itself, not a body of it


@dataclass(frozen=True, slots=True)
class Institution:
    key: str  # "supreme court"
    pattern: str  # "Supreme Court of {country}", "{adjective} Air Force"
    sector: str
    # a capitalised mention with no country beside it is the article's state's ("Parliament"); not so for a
    # body every party of a conflict has ("the foreign ministry", "the air force": whose is open)
    implicit: bool = True


@dataclass(frozen=True, slots=True)
class InstitutionTables:
    phrases: dict[str, dict[tuple[str, ...], Institution]]  # lang -> folded words -> institution
    titles: dict[str, str]  # "USA congress" -> "United States Congress"
    longest: int
    # lang -> the first word of each phrase: a word that starts none is not looked up further
    first_words: dict[str, frozenset[str]] = field(default_factory=dict)


@functools.lru_cache(maxsize=1)
def institution_tables() -> InstitutionTables:
    text = (resources.files("kroniek.actors") / "data" / "institutions.toml").read_text(encoding="utf-8")
    data: dict[str, Any] = tomllib.loads(text)
    phrases: dict[str, dict[tuple[str, ...], Institution]] = {}
    longest = 1
    for row in data["institution"]:
        inst = Institution(row["key"], row["name"], row["sector"], bool(row.get("implicit", True)))
        for lang in ("nl", "en", "de", "fr"):
            for phrase in row.get(lang, []):
                words = tuple(fold(phrase).split())
                phrases.setdefault(lang, {})[words] = inst
                longest = max(longest, len(words))
    first_words = {lang: frozenset(words[0] for words in table if words) for lang, table in phrases.items()}
    return InstitutionTables(phrases, dict(data.get("titles", {})), longest, first_words)


def institution_name(inst: Institution, state: KBActor, titles: dict[str, str]) -> str:
    if inst.pattern == STATE_ITSELF:
        return state.name
    title = titles.get(f"{state.country} {inst.key}")
    if title:
        return title
    country = re.sub(r" \(.*\)$", "", state.name)  # "Georgia (country)" -> "Parliament of Georgia"
    if "of {country}" in inst.pattern and state.name in DEFINITE_STATE_NAMES:
        country = "the " + country  # "Supreme Court of the Philippines", but "National Assembly (Philippines)"
    # "{adjective} Air Force" -> "Ukrainian Air Force"; a state with no English adjective keeps its name
    return inst.pattern.format(country=country, adjective=state.adjective or country)


class Institutions:
    """Needs the attributes the Resolver sets: kb, lang, text, tokens, determiners, article_state."""

    kb: ActorKB
    lang: str
    text: str
    tokens: list[Token]
    determiners: set[str]
    article_state: KBActor | None
    sentence_of: list[int]

    def _institutions(self, tokens: list[Token], gaz: list[GazMatch]) -> list[Found]:
        tables = institution_tables()
        phrases = tables.phrases.get(self.lang, {})
        first_words = tables.first_words.get(self.lang, frozenset())
        by_end = {g.j: g for g in gaz}
        named_states = _state_counts(gaz)
        # a match "het Congres" starts at its noun; one that goes on before it ("European Parliament") is a
        # longer name
        by_start = {g.i + (g.j - g.i > 1 and tokens[g.i].key in self.determiners): g for g in gaz}
        inside_name = {k for i, g in by_start.items() for k in range(i + 1, g.j)}
        # the institution a word already stood for in this article: "Peru's Congress ... Congress"
        earlier: dict[str, KBActor | NewActor] = {}
        found: list[Found] = []
        k = 0
        while k < len(tokens):
            match = self._institution_at(tokens, k, phrases, tables.longest) if tokens[k].key in first_words else None
            longer = by_start.get(k)
            if match is None or k in inside_name or (longer is not None and longer.j > match[1]):
                # inside a longer known name ("European Parliament", "U.S. Congress", "Parlement européen"):
                # that institution
                known = _ending_at(gaz, match[1]) if match is not None else None
                known = longer if longer is not None and match is not None and longer.j > match[1] else known
                if match is not None and known is not None and known.hits[0].actor.kind == "organization":
                    earlier[match[0].key] = self._titled(match[0], known, found)
                k += 1
                continue
            inst, j = match
            start_tok, state, end_tok = self._institution_country(tokens, k, j, by_end, by_start)
            # "Parliament", "het parlement": the article's own; "a parliament", "parlementen" are not one
            own = capitalised(tokens[k].text) or (k > 0 and tokens[k - 1].key in DEFINITE)
            ref: KBActor | NewActor | None = None
            local = self._local_name_start(tokens, k, gaz) if state is None and capitalised(tokens[k].text) else k
            if local < k:
                # "the Islamabad High Court", "het Vlaams Parlement": a region's or city's body, named as written
                name = self.text[tokens[local].start : tokens[j - 1].end]
                ref = NewActor(f"institution:{fold(name)}", name, "organization", None, inst.sector)
                start_tok = local
            elif state is not None:
                ref = self._institution_ref(inst, state)
            elif inst.key in earlier:
                ref = earlier[inst.key] if own else None
            elif own and inst.implicit:
                state = self._implicit_country(tokens, k, j, by_start, named_states)
                ref = self._institution_ref(inst, state) if state is not None else None
            if ref is None:
                k = j
                continue
            earlier[inst.key] = ref
            if start_tok > 0 and tokens[start_tok - 1].key in self.determiners:
                start_tok -= 1
            found.append(Found(tokens[start_tok].start, tokens[end_tok - 1].end, ref, "name"))
            k = end_tok
        return found

    def _local_name_start(self, tokens: list[Token], k: int, gaz: list[GazMatch]) -> int:
        """The first of the capitalised words right before an institution word at token k that name a place
        or region the knowledge base does not know as a state ("Islamabad", "Vlaams", "Los Angeles County"),
        else k. The first word of a sentence does not count (any word is capitalised there), nor German,
        which capitalises every noun."""
        if self.lang not in LOCAL_NAME_LANGS:
            return k
        # a known name stops it, except a city ("Islamabad" is Pakistan's capital, not Pakistan)
        known = {t for g in gaz if not all(h.flags & (CAPITAL | SEAT) for h in g.hits) for t in range(g.i, g.j)}
        first = k
        while first > 0 and k - first < MAX_LOCAL_NAME_WORDS:
            tok = tokens[first - 1]
            if first - 1 in known or not capitalised(tok.text) or not tok.text.replace("-", "").isalpha():
                break
            if tok.key in self.determiners or first - 1 == 0 or self.sentence_of[first - 1] != self.sentence_of[k]:
                break
            if self.sentence_of[first - 2] != self.sentence_of[first - 1] or not tokens[first - 2].text[:1].isalnum():
                break  # the sentence's first word (or one after a quotation mark or a dash)
            first -= 1
        return first

    def _titled(self, inst: Institution, known: GazMatch, found: list[Found]) -> KBActor | NewActor:
        """A known name that ends in an institution word ("the U.S. Supreme Court") under its English Wikipedia
        title from [titles] where the knowledge base names it otherwise ("United States Supreme Court")."""
        actor = known.hits[0].actor
        state = self.kb.states.get(actor.country or "")
        title = institution_titles().get(f"{actor.country} {inst.key}")
        if state is None or title is None or title == actor.name:
            return actor
        if not fold(actor.name).endswith(inst.key):
            return actor  # "Senate Foreign Relations Committee" is not the Senate
        ref = self._institution_ref(inst, state)
        found.append(Found(known.start, known.end, ref, "name"))
        return ref

    def _foreign_ministries(self, tokens: list[Token], gaz: list[GazMatch]) -> list[Found]:
        """A ministry the knowledge base lists for one country ("ministerie van Buitenlandse Zaken": the Dutch
        one) is another country's when the text says so ("het Chinese ministerie van Buitenlandse Zaken" ->
        "Ministry of Foreign Affairs (China)"), or when the article never names the listed country and names
        another most. Only ministries named "<portfolio> (<country>)", whose portfolio any country has."""
        by_end = {g.j: g for g in gaz}
        named_states = _state_counts(gaz)
        found: list[Found] = []
        for g in gaz:
            ministry = g.hits[0].actor
            listed = self.kb.states.get(ministry.country or "")
            if ministry.kind != "organization" or listed is None or not ministry.name.endswith(f" ({listed.name})"):
                continue
            start_tok = g.i
            left = by_end.get(g.i)
            state = (left.adjective or _state_of(left)) if left is not None else None
            if state is not None and left is not None:
                start_tok = left.i
            elif not named_states[listed.country or ""] and self.article_state is not None:
                state = self.article_state
            if state is None or state is listed:
                continue
            if start_tok > 0 and tokens[start_tok - 1].key in self.determiners:
                start_tok -= 1
            name = ministry.name[: -len(listed.name) - 3] + f" ({re.sub(r' [(].*[)]$', '', state.name)})"
            ref = NewActor(f"ministry:{fold(name)}", name, "organization", state.country, ministry.sector)
            found.append(Found(tokens[start_tok].start, g.end, ref, "name"))
        return found

    def _institution_at(
        self, tokens: list[Token], k: int, phrases: dict[tuple[str, ...], Institution], longest: int
    ) -> tuple[Institution, int] | None:
        for size in range(min(longest, len(tokens) - k), 0, -1):
            words = tuple(t.key for t in tokens[k : k + size])
            if words in phrases:
                return phrases[words], k + size
        return None

    def _institution_country(
        self, tokens: list[Token], k: int, j: int, by_end: dict[int, GazMatch], by_start: dict[int, GazMatch]
    ) -> tuple[int, KBActor | None, int]:
        """(first token, state, one past the last token) of the mention when the text names its country
        beside it: an adjective or a state before ("the Libyan", "Peru's"), an adjective after ("le parlement
        libanais"), or "of/van/de" and a state after ("the Supreme Court of Pakistan")."""
        left_end = k - 1 if k > 0 and tokens[k - 1].key in POSSESSIVE_MARKS else k
        left = by_end.get(left_end)
        if left is not None:
            state = left.adjective or _state_of(left)
            if state is not None:
                return left.i, state, j
        right = by_start.get(j)
        if right is not None and right.adjective is not None:
            return k, right.adjective, right.j
        if j < len(tokens) and tokens[j].key in OF_WORDS:
            after = j + 1
            if after < len(tokens) and tokens[after].key in self.determiners and after not in by_start:
                after += 1
            target = by_start.get(after)
            state = _state_of(target) if target is not None else None
            if state is not None and target is not None:
                return k, state, target.j
        return k, None, j

    def _implicit_country(
        self,
        tokens: list[Token],
        k: int,
        j: int,
        by_start: dict[int, GazMatch],
        named_states: Counter[str],
    ) -> KBActor | None:
        """The article's state for an institution with no country beside it, unless the knowledge
        base files the words under a country the article names about as often ("Congress" and the United
        States: at least half as often as the state it names most)."""
        if self.article_state is None:
            return None
        known = by_start.get(k)
        if known is not None and known.j == j:
            most = named_states[self.article_state.country or ""]
            for hit in known.hits:
                if hit.actor.kind != "state" and named_states[hit.actor.country or ""] * 2 >= most:
                    return None
        # "l'Assemblée nationale", "der Bundestag" in a French or German article that names its own country
        home = LANG_HOME.get(self.lang)
        if home in named_states:
            return self.kb.states.get(home or "")
        return self.article_state

    def _institution_ref(self, inst: Institution, state: KBActor) -> KBActor | NewActor:
        if inst.pattern == STATE_ITSELF:
            return state  # "Qatar's foreign ministry said": the corpus names the state (institutions.toml)
        name = institution_name(inst, state, institution_titles())
        for hit in self.kb.aliases.get(fold(name), []):
            if hit.actor.name == name and hit.actor.kind == "organization":
                return hit.actor
        return NewActor(f"institution:{fold(name)}", name, "organization", state.country, inst.sector)


def institution_titles() -> dict[str, str]:
    return institution_tables().titles


def _state_counts(gaz: list[GazMatch]) -> Counter[str]:
    """How often the article names each state (by name, adjective or capital)."""
    counts: Counter[str] = Counter()
    for g in gaz:
        state = _state_of(g)
        if state is not None and state.country:
            counts[state.country] += 1
    return counts


def _ending_at(gaz: list[GazMatch], j: int) -> GazMatch | None:
    return next((g for g in gaz if g.j == j and g.j - g.i > 1), None)


def _state_of(g: GazMatch) -> KBActor | None:
    return next((h.actor for h in g.hits if h.actor.kind == "state"), None)
