"""Organisations the knowledge base lacks, named as the text writes them (issues 13 and 14, round 8).

The nlp stage tags many organisation names the knowledge base does not hold. Two kinds were lost:

- a long name that contains a state, a country adjective or a single known word ("the Law Society of Kenya",
  "the Myanmar Humanitarian Fund", "The Finnish Border Guard", "the Kenya National Commission on Human
  Rights"): the inner match won (Kenya, Myanmar, "Commission" as the European Commission) and the
  organisation was never an actor. Such an entity is now the organisation, named as written (the gold's
  convention for bodies without an English Wikipedia title of another form), with the state it contains as
  its country. A known name of two or more words inside it ("U.S. State Department"), or a known name
  other than a state that it opens with ("Philips Medical Systems"), still wins: the knowledge base has a
  better name for it.
- a name the tagger missed, written as capitalised words after a country adjective or state and ending in
  a capitalised organisation word ("the ruling Serbian Progressive Party", "The Finnish Border Guard"): the
  same, in en/nl/fr (German capitalises every noun), outside headlines set in title case.

A single word tagged ORG ("Waterleau", "Interpol", "Fifa", "ABVV") stays out: tried in round 8, it made more
spurious actors than it found ("UTC", "Twitter", datelines in capitals, "De Morgen" in the byline; docs/actors.md).
"""

from __future__ import annotations

from collections.abc import Callable

from kroniek.actors.kb import ActorKB, OfficeNoun
from kroniek.actors.lexicon import ORG_HEAD_WORDS, TITLES, Found, GazMatch, NewActor, capitalised
from kroniek.lang.text import Token, fold

ORG_LABELS = ("ORG", "NORP_ORG")
# languages whose capitalised words inside a sentence are names; German capitalises every noun
PHRASE_LANGS = frozenset({"en", "nl", "fr"})
# a sentence whose words are mostly capitalised is a headline in title case, not a run of names
TITLE_CASE_SHARE = 0.6


class OrgNames:
    """Needs the attributes the Resolver sets (below) and Finders._org_entity."""

    kb: ActorKB
    lang: str
    text: str
    tokens: list[Token]
    sentence_of: list[int]
    determiners: set[str]
    office_nouns: dict[str, OfficeNoun]
    role_nouns: dict[str, str | None]

    _org_entity: Callable[[int, int], tuple[int, int, str] | None]  # Finders._org_entity

    def _long_org_names(
        self, gaz: list[GazMatch], entities: list[tuple[int, int, str]], named: list[Found]
    ) -> list[Found]:
        """ORG entities that hold a shorter match of the knowledge base: a state, a country adjective or a
        capital, or one known word; the organisation named as written, the state inside as its country.
        An entity that overlaps a body the rules named (``named``: ministries, institutions) is theirs."""
        out: list[Found] = []
        for start, end, label in entities:
            if label not in ORG_LABELS:
                continue
            inner = [g for g in gaz if g.start < end and start < g.end]
            if not inner or any(g.start < start or g.end > end for g in inner):
                continue  # nothing known inside, or a known name that runs past the entity
            span = self._org_entity(start, end)
            if span is None:
                continue
            s, e, surface = span
            if any(f.start < e and s < f.end for f in named) or any(g.start <= s and e <= g.end for g in inner):
                continue  # the knowledge base names the whole of it
            first = min(inner, key=lambda g: g.start)
            if first.start <= s and not any(h.actor.kind == "state" for h in first.hits):
                continue  # "Philips Medical Systems": the known name it opens with is the one the gold takes
            country = None
            for g in inner:
                state = next((h.actor for h in g.hits if h.actor.kind == "state"), None)
                if state is None and g.j - g.i > 1:
                    break  # "U.S. State Department": a known body of two or more words inside names it better
                if state is not None and state.country:
                    country = country or state.country
            else:
                name = _without_possessive(surface)
                ref = NewActor(f"new:{fold(name)}", name, "organization", country, None)
                out.append(Found(s, s + len(name), ref, "name"))
        return out

    def _adjective_org_phrases(self, tokens: list[Token], gaz: list[GazMatch], named: list[Found]) -> list[Found]:
        """Capitalised words that open with a state or its adjective and end in a capitalised organisation
        word, with a word of their own between ("Serbian Progressive Party", "Finnish Border Guard"; not
        "Serbian Police"): an organisation named as written, the state as its country."""
        if self.lang not in PHRASE_LANGS:
            return []
        by_start = {g.i: g for g in gaz}
        known = {k for g in gaz for k in range(g.i, g.j)}
        out: list[Found] = []
        for g in gaz:
            state = next((h.actor for h in g.hits if h.actor.kind == "state"), None)
            opening = self.text[g.start : g.end]
            if state is None or not capitalised(opening) or opening.isupper() or self._title_case(g.i):
                continue
            k = g.j
            own_words = 0
            while k < len(tokens) and capitalised(tokens[k].text) and tokens[k].text.isalpha():
                key = tokens[k].key
                if k in known or key in self.determiners or key in TITLES or key in self.office_nouns:
                    break  # "ZWITSERLAND De Nationale Raad": a dateline, then a name of its own
                if key in self.role_nouns or self.sentence_of[k] != self.sentence_of[g.i]:
                    break
                k += 1
                if key in ORG_HEAD_WORDS and own_words and not (k < len(tokens) and capitalised(tokens[k].text)):
                    start, end = tokens[g.i].start, tokens[k - 1].end
                    if not any(f.start < end and start < f.end for f in named) and k not in by_start:
                        name = self.text[start:end]
                        ref = NewActor(f"new:{fold(name)}", name, "organization", state.country, None)
                        out.append(Found(start, end, ref, "name"))
                    break
                own_words += key not in ORG_HEAD_WORDS
        return out

    def _title_case(self, k: int) -> bool:
        sentence = self.sentence_of[k]
        words = [t for i, t in enumerate(self.tokens) if self.sentence_of[i] == sentence and t.text.isalpha()]
        upper = sum(1 for t in words if capitalised(t.text))
        return bool(words) and upper / len(words) > TITLE_CASE_SHARE


def _without_possessive(surface: str) -> str:
    for mark in ("'s", "’s"):
        if surface.endswith(mark):
            return surface[: -len(mark)]
    return surface
