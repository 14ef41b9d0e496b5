"""Pydantic models of the chronicle format (``chronicle/1``, see docs/event-format.md).

A chronicle describes one article. Every span is a pair of character offsets into
``article.text``; loading a chronicle checks that each span's ``text`` is exactly
``article.text[start:end]`` and that every actor id an event or statement names exists.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from kroniek.chronicle.types import (
    ACTOR_KINDS,
    EVENT_TYPES,
    MODALITIES,
    PROPOSITION_TYPES,
    SECTORS,
    ActorKind,
    EventType,
    Modality,
    Precision,
    Sector,
    TimexType,
)

FORMAT = "chronicle/1"

__all__ = [
    "ACTOR_KINDS",
    "EVENT_TYPES",
    "FORMAT",
    "MODALITIES",
    "PROPOSITION_TYPES",
    "SECTORS",
    "ActorKind",
    "EventType",
    "Modality",
    "Precision",
    "Sector",
    "TimexType",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Span(_Model):
    """A stretch of ``article.text``: ``text == article.text[start:end]``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} lies before its start {self.start}")
        return self


class Article(_Model):
    id: str
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: str | None = Field(default=None, description="ISO date or datetime, or null when unknown")
    language: str = Field(description="ISO 639-1 code")
    text: str


class Actor(_Model):
    id: str
    name: str = Field(description="canonical English name, as the English Wikipedia titles it")
    kind: ActorKind
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3")
    sector: Sector | None = None
    wikidata: str | None = None
    mentions: list[Span] = Field(default_factory=list)


class Proposition(_Model):
    event: EventType
    mode: str | None = None
    text: str = ""
    duration: str | None = None


class DateRef(_Model):
    value: str
    precision: Precision = "day"
    text: str
    start: int
    end: int


class Location(_Model):
    name: str
    country: str | None = None
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None


class Quantity(_Model):
    value: float | int
    what: str
    text: str
    start: int
    end: int


class Event(_Model):
    id: str
    event: EventType
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    actor: list[str] = Field(default_factory=list)
    recipient: list[str] = Field(default_factory=list)
    modality: Modality = "asserted"
    proposition: Proposition | None = None
    date: DateRef | None = None
    duration: str | None = None
    location: Location | None = None
    quantities: list[Quantity] = Field(default_factory=list)
    source: str | None = None
    trigger: Span | list[Span] | None = None
    evidence: Span
    confidence: float | None = Field(default=None, ge=0.0, le=1.0)


class Statement(_Model):
    speaker: str | None
    text: Span
    direct: bool
    cue: Span | None = None
    channel: str | None = None


class Timex(_Model):
    text: str
    start: int
    end: int
    type: TimexType
    value: str


class Chronicle(_Model):
    format: Literal["chronicle/1"] = "chronicle/1"
    article: Article
    actors: list[Actor] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> Chronicle:
        problems = consistency_problems(self)
        if problems:
            raise ValueError("; ".join(problems[:20]))
        return self


def _span_problem(text: str, where: str, value: str, start: int, end: int) -> str | None:
    if end > len(text):
        return f"{where}: span {start}:{end} runs past the end of the text ({len(text)} characters)"
    if text[start:end] != value:
        return f"{where}: span {start}:{end} reads {text[start:end]!r} in the article, not {value!r}"
    return None


def consistency_problems(chronicle: Chronicle) -> list[str]:
    """Every way in which a chronicle contradicts its own article (empty when it is sound)."""
    text = chronicle.article.text
    problems: list[str] = []

    def check(where: str, value: str, start: int, end: int) -> None:
        problem = _span_problem(text, where, value, start, end)
        if problem:
            problems.append(problem)

    actor_ids = [a.id for a in chronicle.actors]
    if len(set(actor_ids)) != len(actor_ids):
        problems.append("actor ids are not unique")
    known = set(actor_ids)
    for actor in chronicle.actors:
        for i, m in enumerate(actor.mentions):
            check(f"actor {actor.id} mention {i}", m.text, m.start, m.end)
    event_ids = [e.id for e in chronicle.events]
    if len(set(event_ids)) != len(event_ids):
        problems.append("event ids are not unique")
    for ev in chronicle.events:
        where = f"event {ev.id}"
        for ref in [*ev.actor, *ev.recipient, *([ev.source] if ev.source else [])]:
            if ref not in known:
                problems.append(f"{where}: names actor {ref!r}, which is not in actors")
        check(f"{where} evidence", ev.evidence.text, ev.evidence.start, ev.evidence.end)
        triggers = ev.trigger if isinstance(ev.trigger, list) else [ev.trigger] if ev.trigger else []
        for t in triggers:
            check(f"{where} trigger", t.text, t.start, t.end)
        if ev.date:
            check(f"{where} date", ev.date.text, ev.date.start, ev.date.end)
        for q in ev.quantities:
            check(f"{where} quantity", q.text, q.start, q.end)
        if ev.proposition is not None and ev.event not in PROPOSITION_TYPES:
            problems.append(f"{where}: {ev.event} events carry no proposition")
    for i, st in enumerate(chronicle.statements):
        where = f"statement {i}"
        if st.speaker is not None and st.speaker not in known:
            problems.append(f"{where}: names speaker {st.speaker!r}, which is not in actors")
        check(f"{where} text", st.text.text, st.text.start, st.text.end)
        if st.cue:
            check(f"{where} cue", st.cue.text, st.cue.start, st.cue.end)
    for i, tx in enumerate(chronicle.timexes):
        check(f"timex {i}", tx.text, tx.start, tx.end)
    return problems
