"""A national government named as such is the state (docs/annotation.md, ADJ #4), applied to gold JSON."""

from __future__ import annotations

from typing import Any

from kroniek.evaluation.gold_norms import (
    day_for_part_of_day,
    merge_into_state,
    national_government_state,
    part_of_day_date,
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
