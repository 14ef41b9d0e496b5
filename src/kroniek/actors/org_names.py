"""Organisations the knowledge base lacks, named as the text writes them (issues 13 and 14, round 8).

The nlp stage tags many organisation names the knowledge base does not hold. Two kinds were lost:

- a long name that contains a state, a country adjective or a single known word ("the Law Society of Kenya",
  "the Myanmar Humanitarian Fund", "The Finnish Border Guard", "the Kenya National Commission on Human
  Rights"): the inner match won (Kenya, Myanmar, "Commission" as the European Commission) and the
  organisation was never an actor. Such an entity is now the organisation, named as written (the gold's
  convention for bodies without an English Wikipedia title of another form), with the state it contains as
  its country. A known name of two or more words inside it ("U.S. State Department") still wins: the
  knowledge base has a better name for it.
- a single word tagged ORG ("Waterleau", "Interpol", "Fifa", "ABVV"): see ``Finders._single_org_word``.
"""

from __future__ import annotations

from collections.abc import Callable

from kroniek.actors.kb import ActorKB
from kroniek.actors.lexicon import Found, GazMatch, NewActor
from kroniek.lang.text import Token, fold

ORG_LABELS = ("ORG", "NORP_ORG")


class OrgNames:
    """Needs the attributes the Resolver sets (kb, text, tokens) and Finders._org_entity."""

    kb: ActorKB
    text: str
    tokens: list[Token]

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


def _without_possessive(surface: str) -> str:
    for mark in ("'s", "’s"):
        if surface.endswith(mark):
            return surface[: -len(mark)]
    return surface
