"""The closed vocabularies of the chronicle format, in one place: event types, modalities, actor kinds,
sectors, timex types and precisions. ``kroniek.document`` (the pipeline's records) and
``kroniek.chronicle.models`` (the output format) both use these aliases, so a stage cannot put a value in a
record that the chronicle would refuse, and the assembler needs no casts.
"""

from __future__ import annotations

from typing import Literal, TypeGuard, get_args

EventType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
EVENT_TYPES: tuple[str, ...] = get_args(EventType)

Modality = Literal["asserted", "planned", "negated", "hypothetical"]
MODALITIES: tuple[str, ...] = get_args(Modality)

ActorKind = Literal["person", "state", "organization", "group", "media"]
ACTOR_KINDS: tuple[str, ...] = get_args(ActorKind)

Sector = Literal["GOV", "MIL", "REB", "OPP", "JUD", "LEG", "MED", "BUS", "CVL", "IGO", "NGO"]
SECTORS: tuple[str, ...] = get_args(Sector)

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Precision = Literal["day", "week", "month", "year", "time", "season", "decade", "century", "vague"]

# Event types whose events carry a proposition (what is promised, demanded, refused ...).
PROPOSITION_TYPES = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN", "CONCEDE"})

# How a trigger word is used: a verb ("sprak"), a noun ("gesprek") or an adjective ("bereid").
TriggerKind = Literal["verb", "noun", "adj"]


# Checked conversions for values read from data files and knowledge bases: a value the format does not
# know is a bug in that data, reported with its name rather than written into a chronicle.
def _is_actor_kind(value: str) -> TypeGuard[ActorKind]:
    return value in ACTOR_KINDS


def _is_sector(value: str) -> TypeGuard[Sector]:
    return value in SECTORS


def _is_event_type(value: str) -> TypeGuard[EventType]:
    return value in EVENT_TYPES


def _is_modality(value: str) -> TypeGuard[Modality]:
    return value in MODALITIES


def _is_timex_type(value: str) -> TypeGuard[TimexType]:
    return value in get_args(TimexType)


def _is_precision(value: str) -> TypeGuard[Precision]:
    return value in get_args(Precision)


def _is_trigger_kind(value: str) -> TypeGuard[TriggerKind]:
    return value in get_args(TriggerKind)


def _unknown(what: str, value: str, known: tuple[str, ...]) -> ValueError:
    return ValueError(f"unknown {what} {value!r} (known: {', '.join(known)})")


def actor_kind(value: str) -> ActorKind:
    if _is_actor_kind(value):
        return value
    raise _unknown("actor kind", value, ACTOR_KINDS)


def sector(value: str | None) -> Sector | None:
    if value is None or _is_sector(value):
        return value
    raise _unknown("sector", value, SECTORS)


def event_type(value: str) -> EventType:
    if _is_event_type(value):
        return value
    raise _unknown("event type", value, EVENT_TYPES)


def modality(value: str) -> Modality:
    if _is_modality(value):
        return value
    raise _unknown("modality", value, MODALITIES)


def timex_type(value: str) -> TimexType:
    if _is_timex_type(value):
        return value
    raise _unknown("timex type", value, get_args(TimexType))


def precision(value: str) -> Precision:
    if _is_precision(value):
        return value
    raise _unknown("precision", value, get_args(Precision))


def trigger_kind(value: str) -> TriggerKind:
    if _is_trigger_kind(value):
        return value
    raise _unknown("trigger kind", value, get_args(TriggerKind))
