"""Mechanical annotation conventions applied to gold JSON: a national government is the state (ADJ #4), a part of
the day dates by its day, a span covers whole words (docs/annotation.md)."""

from __future__ import annotations

from typing import Any

from kroniek.evaluation.gold_norms import (
    cuts_a_word,
    day_for_part_of_day,
    merge_into_state,
    national_government_state,
    part_of_day_date,
    whole_word_span,
    whole_words,
)


def _actor(aid: str, name: str, kind: str, country: str | None, sector: str | None = "GOV") -> dict[str, Any]:
    return {
        "id": aid,
        "name": name,
        "kind": kind,
        "country": country,
        "sector": sector,
        "wikidata": None,
        "mentions": [{"text": name, "start": 0, "end": 1}],
    }


def test_national_governments_are_recognised_by_place_or_adjective() -> None:
    assert national_government_state("Government of the Netherlands", "organization", "NLD", "GOV")[0] == "Netherlands"  # type: ignore[index]
    assert national_government_state("Belgian federal government", "organization", "BEL", "GOV")[0] == "Belgium"  # type: ignore[index]
    assert national_government_state("Cabinet of South Korea", "organization", "KOR", "GOV")[0] == "South Korea"  # type: ignore[index]


def test_regional_rival_and_named_governments_stay_organizations() -> None:
    assert national_government_state("Government of Catalonia", "organization", "ESP", "GOV") is None
    assert national_government_state("Flemish Government", "organization", "BEL", "GOV") is None
    assert national_government_state("Government of National Unity", "organization", "LBY", "GOV") is None
    assert national_government_state("Barnier government", "organization", "FRA", "GOV") is None
    assert national_government_state("Trump administration", "organization", "USA", "GOV") is None
    # The country code must agree: a government of a place in another country is not that country's state.
    assert national_government_state("Government of Spain", "organization", "FRA", "GOV") is None
    assert national_government_state("Government of Spain", "group", "ESP", "GOV") is None


def test_a_government_merges_into_the_state_the_document_already_has() -> None:
    gold: dict[str, Any] = {
        "actors": [
            _actor("a1", "Netherlands", "state", "NLD"),
            _actor("a2", "Government of the Netherlands", "organization", "NLD"),
        ],
        "events": [
            {"id": "e1", "actor": ["a2"], "recipient": ["a1"], "source": "a2"},
            {"id": "e2", "actor": ["a1", "a2"], "recipient": [], "source": None},
        ],
        "statements": [{"speaker": "a2"}],
    }
    changes = merge_into_state(gold)
    assert len(changes) == 1 and "merged into a1" in changes[0]
    assert [a["id"] for a in gold["actors"]] == ["a1"]
    assert gold["events"][0] == {"id": "e1", "actor": ["a1"], "recipient": ["a1"], "source": "a1"}
    assert gold["events"][1]["actor"] == ["a1"]
    assert gold["statements"][0]["speaker"] == "a1"
    assert len(gold["actors"][0]["mentions"]) == 2


def test_a_government_without_a_state_beside_it_becomes_the_state() -> None:
    gold: dict[str, Any] = {"actors": [_actor("a1", "Government of Kenya", "organization", "KEN")], "events": []}
    merge_into_state(gold)
    assert gold["actors"][0]["name"] == "Kenya" and gold["actors"][0]["kind"] == "state"
    assert merge_into_state(gold) == []  # applying the convention twice changes nothing


def test_a_part_of_the_day_dates_its_event_by_the_day() -> None:
    gold = {
        "events": [
            {"id": "e1", "date": {"value": "2026-11-25TEV", "precision": "time", "text": "Wednesday evening"}},
            {"id": "e2", "date": {"value": "2026-11-25T14:30", "precision": "time", "text": "14.30"}},
            {"id": "e3", "date": None},
        ]
    }
    changes = day_for_part_of_day(gold)
    assert changes == ["event e1 date '2026-11-25TEV' -> '2026-11-25' (day)"]
    assert gold["events"][0]["date"]["value"] == "2026-11-25"
    assert gold["events"][0]["date"]["precision"] == "day"
    assert gold["events"][1]["date"]["value"] == "2026-11-25T14:30"
    assert part_of_day_date("2026-11-25TNI") == "2026-11-25"
    assert part_of_day_date("2026-11-25") is None


def _span_at(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    at = -1
    for _ in range(nth):
        at = text.index(needle, at + 1)
    return at, at + len(needle)


def test_a_span_that_cuts_a_word_is_found() -> None:
    text = "The Russian navy left. Russia said so."
    assert cuts_a_word(text, *_span_at(text, "Russia"))
    assert not cuts_a_word(text, *_span_at(text, "Russia", 2))
    assert not cuts_a_word(text, *_span_at(text, "Russian"))


def test_a_name_inside_its_adjective_widens_to_the_adjective() -> None:
    text = "The Russian navy left the port."
    assert whole_word_span(text, *_span_at(text, "Russia")) == _span_at(text, "Russian")


def test_a_particle_counted_into_another_word_moves_to_its_own_word() -> None:
    # "in" of the separable verb "trok ... in" landed inside "belastingwet" (raw substring counting).
    text = "De regering trok de belastingwet in na protesten."
    start, end = whole_word_span(text, *_span_at(text, "in"))
    assert text[start:end] == "in" and start == text.index(" in ") + 1


def test_a_slipped_phrase_with_no_whole_occurrence_drops_its_cut_first_word() -> None:
    text = "Zo stelde ACV-voorzitter Jan Peeters gisteren."
    start, end = whole_word_span(text, *_span_at(text, "de ACV-voorzitter"))
    assert text[start:end] == "ACV-voorzitter"


def test_whole_words_repairs_nested_spans_and_leaves_good_ones() -> None:
    text = "De Russische marine vertrok. Rusland zweeg."
    start, end = _span_at(text, "Rus")
    gold: dict[str, Any] = {
        "actors": [{"id": "a1", "mentions": [{"text": "Rus", "start": start, "end": end}, _mention(text, "Rusland")]}],
        "events": [{"trigger": [{"text": "vertrok", "start": 20, "end": 27}]}],
    }
    changes = whole_words(gold, text)
    assert len(changes) == 1
    assert gold["actors"][0]["mentions"][0]["text"] == "Russische"
    assert gold["actors"][0]["mentions"][1]["text"] == "Rusland"


def _mention(text: str, needle: str) -> dict[str, Any]:
    start, end = _span_at(text, needle)
    return {"text": needle, "start": start, "end": end}
