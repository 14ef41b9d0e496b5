"""The chronicle: the JSON one article becomes (format ``chronicle/1``)."""

from kroniek.chronicle.io import chronicle_json_schema, load_chronicle, read_chronicle
from kroniek.chronicle.models import (
    ACTOR_KINDS,
    EVENT_TYPES,
    FORMAT,
    MODALITIES,
    PROPOSITION_TYPES,
    SECTORS,
    Actor,
    Article,
    Chronicle,
    DateRef,
    Event,
    Location,
    Proposition,
    Quantity,
    Span,
    Statement,
    Timex,
    consistency_problems,
)

__all__ = [
    "ACTOR_KINDS", "EVENT_TYPES", "FORMAT", "MODALITIES", "PROPOSITION_TYPES", "SECTORS",
    "Actor", "Article", "Chronicle", "DateRef", "Event", "Location", "Proposition", "Quantity",
    "Span", "Statement", "Timex", "chronicle_json_schema", "consistency_problems",
    "load_chronicle", "read_chronicle",
]
