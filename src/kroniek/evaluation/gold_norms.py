"""Annotation conventions that can be applied mechanically to gold: a national government is the state, an
event dated by a part of the day is dated by its day, and a span covers whole words.

The second (round 5, docs/annotation.md "Dates"): the spec's event date has the precisions day, week, month and
year; "Wednesday evening" dates its event to the Wednesday. Older gold wrote the TIMEX3 value of the part of the day
(``2021-09-16TEV``), newer gold the day, so the same reading was right in one document and wrong in the next.
``day_for_part_of_day`` rewrites such a date; clock times of live blogs (``T14:30``, precision ``time``) stay.

docs/annotation.md and ADJ #4 say "the government", "het kabinet", "die Bundesregierung" are the state (kind
state, sector GOV), and that "Government of X" organizations were merged into the state X. Annotators after
that adjudication kept writing "Government of the Netherlands" organizations, so the same words were a state in
one document and an organization in the next, and the scorer (which matches states by country) counted a
correct state as a wrong participant. ``national_government_state`` recognises such an actor; ``merge_into_state``
rewrites a stand-off gold file's JSON by the convention (``tools/normalize_gold.py`` runs it over the corpus,
``kroniek gold check`` reports any left).

Only a government named after a *state the actor knowledge base knows with the actor's own country code* is
merged: regional and rival governments ("Flemish Government", "Government of Catalonia", "Government of National
Unity"), historical ones whose state the knowledge base lacks ("Government of Prussia") and named administrations
or cabinets ("Trump administration", "Barnier government", "Schoof cabinet") stay organizations, as ADJ #4 says.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

# TIMEX3 parts of the day (morning, afternoon, evening, night, daytime) after a calendar day.
_PART_OF_DAY = re.compile(r"^(?P<day>\d{4}-\d{2}-\d{2})T(?:MO|AF|EV|NI|DT)$")


def part_of_day_date(value: str) -> str | None:
    """The day of a part-of-day value ("2021-09-16TEV" -> "2021-09-16"), else None."""
    match = _PART_OF_DAY.match(value)
    return match.group("day") if match else None


def day_for_part_of_day(gold: dict[str, Any]) -> list[str]:
    """Apply the date convention to one gold chronicle's JSON in place; returns a line per event changed."""
    changes: list[str] = []
    for event in gold.get("events", []):
        date = event.get("date")
        day = part_of_day_date(str(date.get("value", ""))) if isinstance(date, dict) else None
        if date is None or day is None:
            continue
        changes.append(f"event {event.get('id')} date {date['value']!r} -> {day!r} (day)")
        date.update({"value": day, "precision": "day"})
    return changes


# "Government of (the) Netherlands", "Cabinet of South Korea", "Council of Ministers of Belgium".
_OF_PLACE = re.compile(
    r"^(?:the )?(?:(?:federal |national )?government|cabinet|council of ministers) of (?:the )?(?P<place>.+)$",
    re.IGNORECASE,
)
# "Belgian government", "Belgian federal government": a nationality adjective, not a person's name.
_ADJECTIVE = re.compile(r"^(?:the )?(?P<adjective>[^\W\d_][\w-]*) (?:federal |national )?government$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _states() -> tuple[dict[tuple[str, str], tuple[str, str | None]], dict[tuple[str, str], tuple[str, str | None]]]:
    """(state by (lowercased name, country), state by (lowercased adjective, country)) from the shipped KB."""
    from kroniek.actors.kb import ActorKB

    by_name: dict[tuple[str, str], tuple[str, str | None]] = {}
    by_adjective: dict[tuple[str, str], tuple[str, str | None]] = {}
    for actor in ActorKB.shared().actors:
        if actor.kind != "state" or not actor.country:
            continue
        by_name.setdefault((actor.name.lower(), actor.country), (actor.name, actor.wikidata))
        if actor.adjective:
            by_adjective.setdefault((actor.adjective.lower(), actor.country), (actor.name, actor.wikidata))
    return by_name, by_adjective


def national_government_state(
    name: str, kind: str, country: str | None, sector: str | None
) -> tuple[str, str | None] | None:
    """(state name, state Wikidata id) when an actor so described is a national government, else None."""
    if kind not in ("organization", "state") or sector != "GOV" or not country:
        return None
    by_name, by_adjective = _states()
    if match := _OF_PLACE.match(name.strip()):
        return by_name.get((match["place"].lower(), country))
    if match := _ADJECTIVE.match(name.strip()):
        return by_adjective.get((match["adjective"].lower(), country))
    return None


def _replace_ids(ids: list[str], old: str, new: str) -> list[str]:
    return list(dict.fromkeys(new if i == old else i for i in ids))


def merge_into_state(gold: dict[str, Any]) -> list[str]:
    """Apply the convention to one gold chronicle's JSON in place; returns a line per actor changed.

    The government becomes the state: merged into the document's state actor of the same country when there
    is one (every reference and mention moves there), else renamed to the state and given kind state.
    """
    changes: list[str] = []
    for actor in list(gold.get("actors", [])):
        state = national_government_state(actor["name"], actor["kind"], actor.get("country"), actor.get("sector"))
        if state is None:
            continue
        state_name, wikidata = state
        twin = next(
            (
                a
                for a in gold["actors"]
                if a is not actor
                and a["kind"] == "state"
                and a.get("country") == actor["country"]
                and national_government_state(a["name"], a["kind"], a.get("country"), a.get("sector")) is None
            ),
            None,
        )
        if twin is None:
            changes.append(f"{actor['id']} {actor['name']!r} -> state {state_name!r}")
            actor.update({"name": state_name, "kind": "state", "sector": "GOV", "wikidata": wikidata})
            continue
        changes.append(f"{actor['id']} {actor['name']!r} merged into {twin['id']} {twin['name']!r}")
        _move_references(gold, actor, twin)
    return changes


def _move_references(gold: dict[str, Any], actor: dict[str, Any], twin: dict[str, Any]) -> None:
    old, new = actor["id"], twin["id"]
    twin["mentions"] = sorted([*twin.get("mentions", []), *actor.get("mentions", [])], key=lambda m: m.get("start", 0))
    for event in gold.get("events", []):
        event["actor"] = _replace_ids(event.get("actor", []), old, new)
        event["recipient"] = _replace_ids(event.get("recipient", []), old, new)
        if event.get("source") == old:
            event["source"] = new
        proposition = event.get("proposition")
        if isinstance(proposition, dict):
            for key in ("actor", "recipient"):
                if isinstance(proposition.get(key), list):
                    proposition[key] = _replace_ids(proposition[key], old, new)
    for statement in gold.get("statements", []):
        if statement.get("speaker") == old:
            statement["speaker"] = new
        if isinstance(statement.get("addressee"), list):
            statement["addressee"] = _replace_ids(statement["addressee"], old, new)
    gold["actors"].remove(actor)


# The third (round 6): a span covers whole words. Annotators' work files name a mention by its text and its
# occurrence, and the occurrence counted raw substrings, so "Russia" occurrence 3 could land inside "Russian", the
# particle "in" of "trekt de wet in" inside "belastingwet", the pronoun "ze" inside "kazerne". Such a span scores
# against a system span that reads the whole word, and it shows a cut word in every page that quotes it.
# ``whole_word_span`` repairs it the way the two kinds of slip happened: a span whose first letter is inside a word,
# or a short lowercase word (a particle, a pronoun) whose end is, was counted into the wrong place, and moves to the
# whole-word occurrence that its count meant (a slipped span of several words with none loses its cut first
# word instead); any other cut span ("Russia" in "Russian", "gijzelaar" in "gijzelaars") names the word it cuts,
# and widens to it.


def cuts_a_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] starts or ends inside a word (a letter or digit on both sides of an edge)."""
    return _cut_left(text, start) or _cut_right(text, end)


def _cut_left(text: str, start: int) -> bool:
    return 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum()


def _cut_right(text: str, end: int) -> bool:
    return 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum()


def _intended_whole(text: str, start: int, needle: str) -> int | None:
    """Where a span counted into the wrong place was meant to be, else None.

    The work files' occurrence N counted raw substrings where the annotator counted words, so a span landed at or
    before the word it was meant for: the first whole-word occurrence after it (else the nearest one before).
    """
    whole = [m.start() for m in re.finditer(re.escape(needle), text) if not cuts_a_word(text, m.start(), m.end())]
    after = [at for at in whole if at > start]
    if after:
        return after[0]
    return whole[-1] if whole else None


def whole_word_span(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of a span repaired so that it covers whole words (unchanged when it does)."""
    if start >= end or not cuts_a_word(text, start, end):
        return start, end
    needle = text[start:end]
    slipped = _cut_left(text, start) or (len(needle) <= 3 and needle.isalpha() and needle.islower())
    if slipped and (moved := _intended_whole(text, start, needle)) is not None:
        return moved, moved + len(needle)
    if _cut_left(text, start) and " " in needle.strip():
        start += len(needle) - len(needle.split(" ", 1)[1])
    while _cut_left(text, start):
        start -= 1
    while _cut_right(text, end):
        end += 1
    return start, end


def _spans(node: Any) -> Iterator[dict[str, Any]]:
    """Every span object ({"text", "start", "end"}) in a gold chronicle's JSON, at any depth."""
    if isinstance(node, dict):
        if (
            isinstance(node.get("start"), int)
            and isinstance(node.get("end"), int)
            and isinstance(node.get("text"), str)
        ):
            yield node
        for value in node.values():
            yield from _spans(value)
    elif isinstance(node, list):
        for item in node:
            yield from _spans(item)


def whole_words(gold: dict[str, Any], text: str) -> list[str]:
    """Repair every span of one gold chronicle's JSON that cuts a word (in place); a line per span changed.

    Only spans whose text reads back from the article are touched: one that does not is a different problem,
    which the chronicle validator reports.
    """
    changes: list[str] = []
    for span in _spans({key: value for key, value in gold.items() if key != "article"}):
        start, end = span["start"], span["end"]
        if text[start:end] != span["text"] or not cuts_a_word(text, start, end):
            continue
        new_start, new_end = whole_word_span(text, start, end)
        changes.append(f"span {span['text']!r} at {start} -> {text[new_start:new_end]!r} at {new_start} (whole words)")
        span.update({"text": text[new_start:new_end], "start": new_start, "end": new_end})
    return changes
