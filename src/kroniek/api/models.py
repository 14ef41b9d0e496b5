"""The response models of the HTTP API: what every JSON twin holds, as the OpenAPI schema lists it.

They describe the dicts that kroniek.store.query and kroniek.api.queries return (the same data the
HTML pages render); FastAPI validates each JSON answer against them. Names, not ids: actors appear by
their canonical name; ``actor_details`` adds kind, country, sector and Wikidata id where a page needs them.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from kroniek.chronicle.models import Chronicle


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorDetail(_Out):
    code: str = Field(description="stable code from the catalogue (kroniek/errors.py), or HTTPnnn")
    message: str
    parameter: str | None = Field(None, description="the query parameter or body field at fault")


class ErrorBody(_Out):
    error: ErrorDetail


class Proposition(_Out):
    event: str
    mode: str | None = None
    text: str | None = None
    duration: str | None = None


class Quantity(_Out):
    value: int | float
    what: str
    text: str | None = None


class EventMention(_Out):
    """One event as one article reports it."""

    id: int
    fused_id: int | None
    article: str
    url: str | None
    source: str | None
    published: str | None
    language: str
    local_id: str
    event: str
    mode: str | None
    context: list[str]
    modality: str
    actor: list[str]
    recipient: list[str]
    reported_by: str | None
    proposition: Proposition | None
    date: str | None
    date_start: str | None
    date_end: str | None
    duration: str | None
    location: str | None
    location_country: str | None
    quantities: list[Quantity]
    evidence: str
    evidence_start: int
    evidence_end: int
    trigger: str | None
    confidence: float | None
    active: bool | None = None


class EventsPage(_Out):
    events: list[EventMention]
    next: str | None = Field(description="give as _next for the following page; null on the last")


class FusedMention(_Out):
    event_id: int
    article: str
    source: str | None
    url: str | None
    published: str | None
    language: str
    modality: str
    date: str | None
    quantities: list[Quantity]
    evidence: str
    evidence_start: int
    evidence_end: int


class Disagreement(BaseModel):
    """A field on which the reports of one event differ, with the sources behind each value."""

    model_config = ConfigDict(extra="allow")
    field: str
    values: list[dict[str, Any]] = []


class FusedEvent(_Out):
    """One real-world event, fused from the mentions of every article that reports it."""

    id: int
    event: str
    mode: str | None
    modality: str
    actor: list[str]
    recipient: list[str]
    proposition: Proposition | None
    date: str | None
    date_start: str | None
    date_end: str | None
    first_reported: str | None
    last_reported: str | None
    n_mentions: int
    n_articles: int
    n_sources: int
    sources: list[str]
    languages: list[str]
    disagreements: list[Disagreement]
    mentions: list[FusedMention] | None = None


class FusedList(_Out):
    fused: list[FusedEvent]


class ArticleSummary(_Out):
    id: int
    article: str
    title: str | None
    url: str | None
    source: str | None
    published: str | None
    language: str
    version: int
    superseded_by: int | None
    n_events: int | None = None
    text: str | None = None


class ArticlesPage(_Out):
    articles: list[ArticleSummary]
    next: str | None


class Version(_Out):
    id: int
    version: int


class ArticlePage(_Out):
    article: ArticleSummary
    versions: list[Version]
    events: list[EventMention]
    chronicle: dict[str, Any] | None = Field(description="the chronicle as stored (format chronicle/1)")


class CommitmentReport(_Out):
    relation: str
    date: str | None
    fused_id: int
    event: str
    actor: list[str]
    recipient: list[str]
    n_sources: int


class Commitment(_Out):
    id: int
    kind: str
    status: str
    as_of: str | None
    actor: list[str]
    recipient: list[str]
    proposition: Proposition
    since: str | None
    until: str | None
    domains: list[str]
    fused_id: int
    reports: list[CommitmentReport]


class CommitmentsPage(_Out):
    commitments: list[Commitment]
    next: str | None


class Counts(_Out):
    articles: int
    article_versions: int
    events: int
    fused_events: int
    multi_source_fused_events: int
    commitments: int


class PublishedRange(_Out):
    first: str | None
    last: str | None


class Overview(_Out):
    counts: Counts
    languages: dict[str, int]
    commitment_statuses: dict[str, int]
    published: PublishedRange
    event_types: dict[str, int] = {}
    top_actors: list[NamedCount] = []
    top_sources: list[NamedCount] = []


class NamedCount(_Out):
    id: int | None = None
    name: str
    n: int
    country: str | None = None
    wikidata: str | None = None


class ActorInfo(_Out):
    id: int
    name: str
    kind: str
    country: str | None
    country_name: str | None = None
    sector: str | None
    wikidata: str | None


class Timeline(_Out):
    actor: str
    actors: list[ActorInfo] = Field(description="the stored actors the actor parameter names")
    timeline: list[FusedEvent]


class TimelineBucket(_Out):
    """Event mentions per month and type: the data of the stacked timeline chart."""

    month: str
    event: str
    n: int


class Edge(_Out):
    """Who acts on whom: event mentions with ``actor`` as actor and ``recipient`` as recipient."""

    actor: str
    recipient: str
    n: int
    events: dict[str, int]


class PlacePoint(_Out):
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    n: int


class ActorPage(_Out):
    actor: ActorInfo
    roles: dict[str, int]
    by_month: list[TimelineBucket]
    counterparts: list[Edge]
    timeline: list[FusedEvent]
    commitments: list[Commitment]


class ScopePage(_Out):
    """A country, a place or a source: its events, its actors, where and when."""

    kind: Literal["country", "place", "source"]
    name: str
    label: str
    n_events: int
    by_month: list[TimelineBucket]
    actors: list[NamedCount]
    places: list[PlacePoint]
    edges: list[Edge]
    events: list[EventMention]


class Charts(_Out):
    by_month: list[TimelineBucket]
    edges: list[Edge]
    places: list[PlacePoint]


class SearchHit(_Out):
    kind: Literal["article", "event"]
    article_id: int
    article: str
    title: str | None
    source: str | None
    published: str | None
    language: str
    snippet: str = Field(description="the matching words in context; the terms between [ and ]")
    event: EventMention | None = None


class SearchPage(_Out):
    q: str | None
    engine: str = Field(description="sqlite-fts5, postgresql-fts or like (fallback)")
    total: int
    hits: list[SearchHit]
    events: list[EventMention] = Field(description="events matching the filters (and q, where given)")
    next: str | None


class ExtractRequest(_Out):
    """The body of POST /extract."""

    text: str = Field(description="the article: plain text or HTML (scripts and boilerplate are dropped)")
    published: str | None = Field(None, description="publication date (YYYY-MM-DD), anchors relative dates")
    lang: str | None = Field(None, description="language code (nl, en, de, fr); default: detected")
    id: str | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None


Overview.model_rebuild()

__all__ = [
    "ActorInfo",
    "ActorPage",
    "ArticlePage",
    "ArticlesPage",
    "Charts",
    "Chronicle",
    "CommitmentsPage",
    "ErrorBody",
    "EventsPage",
    "ExtractRequest",
    "FusedEvent",
    "FusedList",
    "Overview",
    "ScopePage",
    "SearchPage",
    "Timeline",
]
