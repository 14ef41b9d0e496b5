"""Collective addressees: "called on both sides", "riep beide partijen op", "drohte beiden Seiten", "a appelé
les deux parties" (issue 13, docs/annotation.md ``collective_participant``).

Gold resolves a collective phrase to the parties named earlier. The subject position is read by the
argument rules (``collective_subjects``, events/argument_rules.py); this module reads the object position:
a demand, threat, offer or mediation whose recipient is a dual phrase after its trigger, and that found no
recipient, is addressed to the two states, organisations or groups named most often before it, neither
its own actor nor a state of its actor's country. (The parties of the latest two-party event, tried first,
were often a side story's: dev 1 better and 1 worse, against 5 and 0.) On the corpus dev split before this
rule, 15 of the 26 matched gold events tagged ``collective_participant`` had such a phrase as recipient
and the prediction left it empty (docs/events.md "Implicit speech acts and collective subjects, round 9").
The phrases are per language: ``[collective].objects`` in lang/<code>/events.toml.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kroniek import lang as lang_packs
from kroniek.document import ArticleDoc, EventRecord
from kroniek.lang.text import alternation

ADDRESSED_TYPES = frozenset({"REQUEST", "THREATEN", "CONSULT", "AGREE", "SUPPORT", "ACCUSE"})
PARTY_KINDS = frozenset({"state", "organization", "group"})
# characters after the end of the trigger's first word in which the phrase must end: its object, not a
# genitive further on
OBJECT_GAP = 40


@lru_cache(maxsize=8)
def _objects(lang: str) -> re.Pattern[str] | None:
    """The dual phrases of the language, not after a word of ``not_after`` ("the crimes of both sides",
    "talks between the two sides": not the addressee)."""
    if not lang_packs.has(lang):
        return None
    table = lang_packs.get(lang).table("events").get("collective", {})
    words = table.get("objects", [])
    if not words:
        return None
    alternatives = alternation(words)
    guard = r"(?<!\w)" + "".join(rf"(?<!\b{re.escape(w)} )" for w in table.get("not_after", []))
    return re.compile(rf"{guard}(?:{alternatives})(?!\w)", re.IGNORECASE)


def _most_named(doc: ArticleDoc, before: int, actor: list[int]) -> list[int] | None:
    """The two states or organisations named most often before ``before`` (the first named first on a tie),
    neither of them one of ``actor`` nor of its country."""
    countries = {doc.actors[a].country for a in actor} - {None}
    counts: list[tuple[int, int, int]] = []
    for i, record in enumerate(doc.actors):
        if i in actor or record.kind not in PARTY_KINDS or (record.country in countries and record.kind == "state"):
            continue
        starts = [m.start for m in record.mentions if m.start < before]
        if starts:
            counts.append((-len(starts), min(starts), i))
    if len(counts) < 2:
        return None
    return [i for _, _, i in sorted(counts)[:2]]


def address_collectives(doc: ArticleDoc, events: list[EventRecord]) -> list[EventRecord]:
    """Give each event addressed to "both sides" (and no one else found) the parties named before it (in
    place); returns ``events``."""
    pattern = _objects(doc.lang)
    if pattern is None:
        return events
    for event in events:
        if event.event not in ADDRESSED_TYPES or event.recipient or not event.actor or not event.trigger:
            continue
        after = min(t.end for t in event.trigger)  # a separable verb: "riep beide partijen op"
        found = pattern.search(doc.text, after, max(after, min(event.evidence.end, after + OBJECT_GAP)))
        if found is None:
            continue
        parties = _most_named(doc, event.evidence.start, event.actor)
        if parties is None:
            continue
        event.recipient = parties
        event.explain["recipient"] = f"the parties of the latest two-party event, for {found.group(0)!r}"
    return events
