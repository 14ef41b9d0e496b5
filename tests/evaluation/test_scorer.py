from __future__ import annotations

from typing import Any

import pytest

from kroniek.chronicle.models import Actor, Chronicle
from kroniek.evaluation.scorer import (
    PRF,
    Ratio,
    actors_match,
    greedy_pairs,
    normalize_name,
    score_article,
    sum_tallies,
)

from .conftest import span


def chron(data: dict[str, Any]) -> Chronicle:
    return Chronicle.model_validate(data)


def events_of(pred: dict[str, Any], *ids: str) -> list[dict[str, Any]]:
    return [e for e in pred["events"] if e["id"] in ids]


def test_perfect_prediction_scores_one(gold, pred) -> None:  # type: ignore[no-untyped-def]
    score = score_article(gold, chron(pred))
    m = score.tally.metrics()
    assert m["events.precision"] == m["events.recall"] == m["events.f1"] == 1.0
    assert score.tally.prf["events"].tp == 3  # e4 is optional: matched but neutral
    assert score.tally.optional_matched == 1
    for name in ("fields.direction", "fields.modality", "fields.proposition", "fields.date"):
        assert m[name] == 1.0
    assert m["timexes.value"] == m["statements.speaker"] == m["actors.resolution"] == 1.0
    assert not score.issues


def test_missing_optional_event_is_not_punished(gold, pred) -> None:  # type: ignore[no-untyped-def]
    pred["events"] = events_of(pred, "e1", "e2", "e3")
    score = score_article(gold, chron(pred))
    assert score.tally.prf["events"] == PRF(tp=3, fp=0, fn=0)


def test_wrong_type_is_missed_and_spurious_with_a_reason(gold, pred) -> None:  # type: ignore[no-untyped-def]
    pred["events"][0]["event"] = "REJECT"
    score = score_article(gold, chron(pred))
    assert score.tally.prf["events"] == PRF(tp=2, fp=1, fn=1)
    kinds = {(i.kind, i.event_id) for i in score.issues}
    assert kinds == {("missed", "e1"), ("spurious", "e1")}
    assert score.tally.by_type["REQUEST"] == PRF(tp=0, fp=0, fn=1)
    assert score.tally.by_type["REJECT"] == PRF(tp=0, fp=1, fn=0)
    assert score.tally.by_type["CONSULT"] == PRF(tp=1, fp=0, fn=0)
    missed = next(i for i in score.issues if i.kind == "missed")
    assert "type REJECT is not REQUEST" in missed.reason
    assert missed.evidence == "Valdoria eist terugtrekking."


def test_alternative_type_counts_as_correct(gold, pred) -> None:  # type: ignore[no-untyped-def]
    e3 = events_of(pred, "e3")[0]
    e3["event"], e3["proposition"] = "AID", None
    score = score_article(gold, chron(pred))
    assert score.tally.prf["events"].tp == 3
    assert score.tally.ratios["fields.proposition"].total == 1  # only e1: AID takes no proposition


def test_evidence_must_overlap(gold, pred) -> None:  # type: ignore[no-untyped-def]
    pred["events"][0]["evidence"] = span("", "Valdoria eist ook geld.")
    pred["events"] = [e for e in pred["events"] if e["id"] != "e4"]
    score = score_article(gold, chron(pred))
    # The moved REQUEST now matches the optional e4 (neutral) and the required e1 is missed.
    assert score.tally.prf["events"] == PRF(tp=2, fp=0, fn=1)
    assert score.tally.optional_matched == 1


def test_a_participant_must_match(gold, pred) -> None:  # type: ignore[no-untyped-def]
    e3 = events_of(pred, "e3")[0]
    e3["actor"], e3["recipient"] = ["a1"], []
    score = score_article(gold, chron(pred))
    assert score.tally.prf["events"] == PRF(tp=2, fp=1, fn=1)
    assert any("no participant matches" in i.reason for i in score.issues)


def test_matching_is_one_to_one(gold, pred) -> None:  # type: ignore[no-untyped-def]
    duplicate = dict(events_of(pred, "e2")[0], id="e9")
    duplicate["evidence"] = span("", "Minister Jansen belde dinsdag")
    pred["events"].append(duplicate)
    score = score_article(gold, chron(pred))
    assert score.tally.prf["events"] == PRF(tp=3, fp=1, fn=0)
    spurious = next(i for i in score.issues if i.kind == "spurious")
    # The full-sentence prediction overlaps best and wins; the clause-level copy is the spare one.
    assert spurious.event_id == "e9"
    assert "already matched by e2" in spurious.reason


def test_required_events_are_matched_before_optional_ones() -> None:
    preds = ["p"]
    golds = [(0, 10), (0, 4)]
    pairs = greedy_pairs(preds, golds, lambda p: (0, 4), lambda g: g, taken_gold={1})
    assert pairs == [(0, 0)]


def test_surname_alone_matches_a_person(gold, pred) -> None:  # type: ignore[no-untyped-def]
    okoro = next(a for a in pred["actors"] if a["id"] == "a3")
    okoro["name"], okoro["wikidata"] = "Okoro", None
    score = score_article(gold, chron(pred))
    assert score.tally.prf["events"].tp == 3
    assert score.tally.metrics()["fields.direction"] == 1.0


def test_state_matches_by_country_not_by_name(gold, pred) -> None:  # type: ignore[no-untyped-def]
    valdoria = next(a for a in pred["actors"] if a["id"] == "a1")
    valdoria["name"] = "Republic of Valdoria"
    score = score_article(gold, chron(pred))
    assert score.tally.prf["events"].tp == 3
    valdoria["country"] = "XXX"
    score = score_article(gold, chron(pred))
    assert score.tally.prf["events"].tp == 2


def test_actor_match_rules() -> None:
    def actor(name: str, kind: str, country: str | None = None, wikidata: str | None = None) -> Actor:
        return Actor(id="x", name=name, kind=kind, country=country, wikidata=wikidata)  # type: ignore[arg-type]

    assert actors_match(actor("Recep Tayyip Erdogan", "person"), actor("Recep Tayyip Erdoğan", "person"))
    assert actors_match(actor("V. Putin", "person", wikidata="Q1"), actor("Vladimir Putin", "person", wikidata="Q1"))
    assert actors_match(actor("Putin", "person"), actor("Vladimir Putin", "person"))
    # A surname does not match an organisation that carries it, nor a state a person of that country.
    assert not actors_match(actor("Cabinet Rutte", "organization"), actor("Mark Rutte", "person"))
    assert not actors_match(actor("Vladimir Putin", "person", "RUS"), actor("Russia", "state", "RUS"))
    assert actors_match(actor("Moscow", "state", "RUS"), actor("Russia", "state", "RUS"))
    assert not actors_match(actor("Syrian rebels", "group", "SYR"), actor("Syrian opposition", "group", "SYR"))
    # Groups: the head noun and the country decide, not where the annotator put the nationality.
    assert actors_match(actor("Russian soldiers", "group", "RUS"), actor("soldiers", "group", "RUS"))
    assert actors_match(actor("protesters", "group"), actor("protesters in Zahedan", "group", "IRN"))
    assert not actors_match(actor("Russian soldiers", "group", "RUS"), actor("soldiers", "group", "UKR"))
    assert not actors_match(actor("soldiers", "group", "RUS"), actor("protesters", "group", "RUS"))
    assert not actors_match(actor("Russian soldiers", "organization", "RUS"), actor("soldiers", "group", "RUS"))
    assert normalize_name("  Zelenskyy, ") == "zelenskyy"
    # Royal styles: the given name, not the country, identifies the person.
    assert actors_match(actor("Willem-Alexander", "person"), actor("Willem-Alexander of the Netherlands", "person"))
    assert not actors_match(
        actor("Beatrix of the Netherlands", "person"), actor("Willem-Alexander of the Netherlands", "person")
    )


def test_direction_needs_both_sets_to_agree(gold, pred) -> None:  # type: ignore[no-untyped-def]
    e2 = events_of(pred, "e2")[0]
    e2["actor"], e2["recipient"] = ["a2"], ["a3"]  # caller -> callee where the gold has a mutual call
    score = score_article(gold, chron(pred))
    assert score.tally.prf["events"].tp == 3
    assert score.tally.ratios["fields.direction"] == Ratio(correct=2, total=3)


def test_fields_apply_only_where_filled(gold, pred) -> None:  # type: ignore[no-untyped-def]
    e2 = events_of(pred, "e2")[0]
    e2["date"] = None
    e2["modality"] = "planned"
    e1 = events_of(pred, "e1")[0]
    e1["proposition"]["event"] = "AID"
    e1["source"] = "a2"
    score = score_article(gold, chron(pred))
    r = score.tally.ratios
    assert r["fields.date"] == Ratio(0, 1)
    assert r["fields.modality"] == Ratio(2, 3)
    assert r["fields.proposition"] == Ratio(1, 2)
    assert r["fields.source"] == Ratio(0, 1)
    assert r["fields.location"] == Ratio(0, 0)
    assert score.tally.metrics()["fields.location"] is None


def test_timex_recall_and_value(gold, pred) -> None:  # type: ignore[no-untyped-def]
    pred["timexes"][0]["value"] = "2024-05-14"
    score = score_article(gold, chron(pred))
    assert score.tally.prf["timexes"] == PRF(1, 0, 0)
    assert score.tally.ratios["timexes.value"] == Ratio(0, 1)
    pred["timexes"] = []
    assert score_article(gold, chron(pred)).tally.prf["timexes"] == PRF(0, 0, 1)


def test_statement_recall_and_speaker(gold, pred) -> None:  # type: ignore[no-untyped-def]
    pred["statements"][0]["speaker"] = "a3"
    score = score_article(gold, chron(pred))
    assert score.tally.prf["statements"] == PRF(1, 0, 0)
    assert score.tally.ratios["statements.speaker"] == Ratio(0, 1)


def test_actor_resolution_uses_the_predicted_actor_at_the_span(gold, pred) -> None:  # type: ignore[no-untyped-def]
    jansen = next(a for a in pred["actors"] if a["id"] == "a2")
    okoro = next(a for a in pred["actors"] if a["id"] == "a3")
    moved = jansen["mentions"].pop()  # "Jansen" in "Jansen zei" now resolves to Okoro
    okoro["mentions"].append(moved)
    score = score_article(gold, chron(pred))
    r = score.tally.ratios
    total = r["actors.resolution"].total
    assert r["actors.mention_recall"] == Ratio(total, total)
    assert r["actors.resolution"] == Ratio(total - 1, total)


def test_no_prediction_scores_zero_and_keeps_the_reason(gold) -> None:  # type: ignore[no-untyped-def]
    score = score_article(gold, None, error="extraction failed: boom")
    m = score.tally.metrics()
    assert m["events.recall"] == 0.0 and m["events.f1"] == 0.0 and m["events.precision"] is None
    assert score.error == "extraction failed: boom"
    assert {i.kind for i in score.issues} == {"missed"}


def test_tallies_sum_micro_averages(gold, pred) -> None:  # type: ignore[no-untyped-def]
    perfect = score_article(gold, chron(pred)).tally
    empty = score_article(gold, None).tally
    total = sum_tallies([perfect, empty])
    assert total.prf["events"] == PRF(tp=3, fp=0, fn=3)
    assert total.metrics()["events.recall"] == pytest.approx(0.5)
    assert total.gold_required == 6 and total.gold_optional == 2


def test_a_missing_recipient_is_no_direction_error_but_a_participant_error(gold, pred) -> None:  # type: ignore[no-untyped-def]
    e3 = events_of(pred, "e3")[0]
    e3["recipient"] = []  # the gold e3 has a3 -> a4; the prediction finds only the actor
    score = score_article(gold, chron(pred))
    assert score.tally.ratios["fields.direction"].correct == score.tally.ratios["fields.direction"].total
    assert score.tally.ratios["fields.participants"].correct == score.tally.ratios["fields.participants"].total - 1


def test_reversed_roles_are_a_direction_error(gold, pred) -> None:  # type: ignore[no-untyped-def]
    e3 = events_of(pred, "e3")[0]
    e3["actor"], e3["recipient"] = e3["recipient"], e3["actor"]
    score = score_article(gold, chron(pred))
    ratio = score.tally.ratios["fields.direction"]
    assert ratio.correct == ratio.total - 1
