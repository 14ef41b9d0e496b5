"""The typed query parameters the pages share, declared once so their names, types and help agree
(and so the OpenAPI schema lists each with its type, bounds and choices)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, get_args

from fastapi import Query
from pydantic import AfterValidator

from kroniek.api.queries import MAX_LIMIT
from kroniek.chronicle.models import EVENT_TYPES, MODALITIES
from kroniek.store.commitments import STATUSES
from kroniek.store.query import KIND_NAMES, ROLES


def _event_types(value: str | None) -> str | None:
    if value is None:
        return None
    unknown = [t for t in (part.strip().upper() for part in value.split(",")) if t and t not in EVENT_TYPES]
    if unknown:
        raise ValueError(f"unknown event type {unknown[0]}; choose from: {', '.join(EVENT_TYPES)}")
    return value


ModalityName = Literal["asserted", "planned", "negated", "hypothetical"]
RoleName = Literal["any", "actor", "recipient", "source"]
StatusName = Literal["pending", "in force", "expired", "reported broken", "fulfilled", "rejected", "reversed"]
KindName = Literal["promise", "demand", "refusal"]
# the Literal lists above are what the schema shows; they must stay the store's own choices
assert set(get_args(ModalityName)) == set(MODALITIES), "MODALITIES changed: update ModalityName"
assert set(get_args(RoleName)) == set(ROLES), "ROLES changed: update RoleName"
assert set(get_args(StatusName)) == set(STATUSES), "STATUSES changed: update StatusName"
assert set(get_args(KindName)) == set(KIND_NAMES), "KIND_NAMES changed: update KindName"

Actor = Annotated[
    str | None,
    Query(max_length=300, description="actor name or part of it (Putin), or a Wikidata id (Q7747)"),
]
EventType = Annotated[
    str | None,
    Query(max_length=300, description="PLOVER event type(s), comma-separated (AGREE,CONSULT)"),
    AfterValidator(_event_types),
]
Mode = Annotated[str | None, Query(max_length=40, description="PLOVER mode (release, seize ...)")]
Since = Annotated[dt.date | None, Query(description="from this day (YYYY-MM-DD): the event's date, else its report's")]
Until = Annotated[dt.date | None, Query(description="up to this day (YYYY-MM-DD)")]
Lang = Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$", description="article language (nl, en, de, fr)")]
Modality = Annotated[ModalityName | None, Query(description="the event's modality")]
Role = Annotated[RoleName | None, Query(description="the actor's role in the event (default any)")]
Limit = Annotated[int | None, Query(ge=1, le=MAX_LIMIT, description=f"rows per page (1 to {MAX_LIMIT})")]
Next = Annotated[
    str | None, Query(alias="_next", max_length=200, description="the next page's token from the previous page")
]
Format = Annotated[
    Literal["html", "json"] | None, Query(alias="_format", description="json: the page's JSON twin (same as .json)")
]
FormatCsv = Annotated[
    Literal["html", "json", "csv"] | None,
    Query(alias="_format", description="json or csv instead of the HTML page (same as .json, .csv)"),
]
Country = Annotated[
    str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO 3166 alpha-3 code: actors of it or events in it")
]
Place = Annotated[str | None, Query(max_length=300, description="event place, as named in the store")]
Source = Annotated[str | None, Query(max_length=300, description="the outlet (the article's source)")]
MinConfidence = Annotated[float | None, Query(ge=0, le=1, description="only events at least this confident")]
MinSources = Annotated[int | None, Query(ge=1, le=1000, description="only events reported by this many sources")]
