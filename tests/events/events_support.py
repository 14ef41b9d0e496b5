"""Build annotated documents for the events tests: sentences written for the tests, actors given by hand
(the name strings are matched as whole words), timexes and quantities by their text."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from kroniek.chronicle.models import Article
from kroniek.document import (
    ActorMention,
    ActorRecord,
    ArticleDoc,
    CharSpan,
    EventRecord,
    QuantityMention,
    TimexRecord,
)
from kroniek.events.stage import EventsStage
from kroniek.nlp.stage import NlpStage


@lru_cache(maxsize=1)
def nlp_stage() -> NlpStage:
    return NlpStage()


def make_doc(
    text: str,
    lang: str,
    actors: dict[str, list[str]],
    timexes: list[tuple[str, str, str]] | None = None,
    quantities: list[tuple[str, float, str]] | None = None,
    published: str | None = None,
    kinds: dict[str, str] | None = None,
    roles: dict[str, str] | None = None,
) -> ArticleDoc:
    """actors: canonical name -> strings that mention it; timexes: (text, type, value); kinds: actor kind
    by name (default "state"); roles: mention string -> the role word inside it ("President Joe Biden")."""
    doc = ArticleDoc(
        article=Article(id="t", language=lang, text=text, published=published),
        published=dt.date.fromisoformat(published) if published else None,
    )
    for name, strings in actors.items():
        record = ActorRecord(key=name, name=name, kind=(kinds or {}).get(name, "state"))  # type: ignore[arg-type]
        index = len(doc.actors)
        for s in strings:
            for m in re.finditer(r"(?<!\w)" + re.escape(s) + r"(?!\w)", text):
                role = (roles or {}).get(s)
                role_span = None
                if role is not None:
                    at = m.start() + s.index(role)
                    role_span = CharSpan(at, at + len(role))
                record.mentions.append(ActorMention(m.start(), m.end(), index, role_span=role_span))
        doc.actors.append(record)
    for tx_text, tx_type, value in timexes or []:
        start = text.index(tx_text)
        precision = "week" if "-W" in value else "day"
        direction = None
        doc.timexes.append(TimexRecord(start, start + len(tx_text), tx_type, value, precision, True, direction))
    for q_text, value, what in quantities or []:
        start = text.index(q_text)
        doc.quantities.append(QuantityMention(start, start + len(q_text), value, what))
    nlp_stage()(doc)
    return doc


def run_statements_and_events(doc: ArticleDoc, **settings: object) -> ArticleDoc:
    """The statements stage, then the events stage (which reads the quotes and their speakers)."""
    from kroniek.statements.stage import StatementsStage

    StatementsStage()(doc)
    EventsStage(**settings)(doc)  # type: ignore[arg-type]
    return doc


def of_type(doc: ArticleDoc, event_type: str) -> list[EventRecord]:
    return [e for e in doc.events if e.event == event_type]


def run_events(doc: ArticleDoc, **settings: object) -> list[EventRecord]:
    EventsStage(**settings)(doc)  # type: ignore[arg-type]
    return doc.events


def names(doc: ArticleDoc, indices: list[int]) -> set[str]:
    return {doc.actors[i].name for i in indices}


def only(events: list[EventRecord], event_type: str) -> EventRecord:
    found = [e for e in events if e.event == event_type]
    assert len(found) == 1, f"expected one {event_type}, got {[(e.event, e.explain.get('entry')) for e in events]}"
    return found[0]
