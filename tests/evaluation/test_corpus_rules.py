"""The spec's re-mention and alternative rules, corpus sources, and gold check/stats."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from kroniek.chronicle.models import Chronicle
from kroniek.errors import KroniekError
from kroniek.evaluation import sources
from kroniek.evaluation.corpus import check_gold, conventions, gold_stats
from kroniek.evaluation.gold import parse_gold
from kroniek.evaluation.scorer import PRF, score_article

from .conftest import TEXT, gold_dict, span


def chron(data: dict[str, Any]) -> Chronicle:
    return Chronicle.model_validate(data)


def test_a_remention_of_a_matched_event_is_neither_match_nor_spurious(gold, pred) -> None:  # type: ignore[no-untyped-def]
    # The system reports the demand e1 again on the last sentence (where gold has only an optional AID demand).
    pred["events"] = [e for e in pred["events"] if e["id"] != "e4"]
    again = copy.deepcopy(pred["events"][0])
    again.update(id="e9", evidence=span(TEXT, "Valdoria eist ook geld."), trigger=span(TEXT, "eist", 2))
    gold_no_optional = parse_gold({**gold_dict(), "events": gold_dict()["events"][:3]}, "t1")
    score = score_article(gold_no_optional, chron({**pred, "events": [*pred["events"], again]}))
    assert score.tally.prf["events"] == PRF(tp=3, fp=0, fn=0)
    assert score.tally.rementions == 1
    # Two predictions for the same mention: the second is still spurious.
    twice = copy.deepcopy(again)
    twice["id"] = "e10"
    score = score_article(gold_no_optional, chron({**pred, "events": [*pred["events"], again, twice]}))
    assert score.tally.prf["events"] == PRF(tp=3, fp=1, fn=0)


def test_a_promise_matched_as_its_act_reads_as_that_act_planned(gold, pred) -> None:  # type: ignore[no-untyped-def]
    e3 = next(e for e in pred["events"] if e["id"] == "e3")
    e3.update(event="AID", proposition=None, modality="planned")
    score = score_article(gold, chron(pred))
    assert score.tally.ratios["fields.modality"].correct == score.tally.ratios["fields.modality"].total
    e3["modality"] = "asserted"  # the promised aid is not reported as given
    score = score_article(gold, chron(pred))
    assert score.tally.ratios["fields.modality"].correct == score.tally.ratios["fields.modality"].total - 1


def test_a_negated_agree_reads_as_an_asserted_reject() -> None:
    data = gold_dict()
    data["events"][2].update(modality="negated", alternatives=["REJECT"])
    gold = parse_gold(data, "t1")
    pred = gold.chronicle.model_dump()
    pred["events"][2].update(event="REJECT", modality="asserted")
    score = score_article(gold, chron(pred))
    assert score.tally.prf["events"].tp == 3
    assert score.tally.ratios["fields.modality"].correct == score.tally.ratios["fields.modality"].total


def test_detokenize_joins_punctuation_and_quotes() -> None:
    tokens = ["De", "minister", "zei", ":", '"', "We", "gaan", "praten", '"', ",", "(", "dinsdag", ")", "."]
    assert sources.detokenize(tokens) == 'De minister zei: "We gaan praten", (dinsdag).'


def test_written_source_reads_back_and_checks_its_hash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "written" / "nl").mkdir(parents=True)
    (tmp_path / "written" / "nl" / "x.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.setattr(sources, "repo_corpus_dir", lambda: tmp_path)
    assert sources.read_source("written:nl/x.txt", sources.text_sha256(TEXT)) == TEXT
    with pytest.raises(KroniekError) as err:
        sources.read_source("written:nl/x.txt", "0" * 64)
    assert err.value.code == "E189"
    with pytest.raises(KroniekError, match="unknown source kind"):
        sources.read_source("nosuch:1")


def test_standoff_gold_takes_its_text_from_the_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "written" / "nl").mkdir(parents=True)
    (tmp_path / "written" / "nl" / "x.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.setattr(sources, "repo_corpus_dir", lambda: tmp_path)
    data = gold_dict()
    del data["article"]["text"]
    data["corpus"] = {"source": "written:nl/x.txt", "sha256": sources.text_sha256(TEXT), "split": "test"}
    data["events"][0]["phenomena"] = ["embedded_act"]
    path = tmp_path / "nl-w-x.gold.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    count, problems = check_gold([path])
    assert (count, problems) == (1, [])
    stats = gold_stats([path])
    assert stats["documents"] == 1 and stats["required_events"] == 3 and stats["optional_events"] == 1
    assert stats["by_split"]["test"]["required_events"] == 3
    assert stats["by_phenomenon"] == {"embedded_act": 1}


def test_conventions_catch_page_stamps_unnamed_participants_and_missing_propositions() -> None:
    data = gold_dict()
    data["article"]["text"] = "Published: 7 May 2024\n" + TEXT
    data["events"][1]["date"] = {"value": "2024-05-07", "precision": "day", "text": "7 May 2024"}
    data["events"][0]["proposition"] = None
    data["actors"].append(
        {
            "id": "a5",
            "name": "Nobody",
            "kind": "group",
            "country": None,
            "sector": None,
            "wikidata": None,
            "mentions": [],
        }
    )
    data["events"][2]["recipient"] = ["a4", "a5"]
    found = " | ".join(conventions(parse_gold(data, "t1")))
    assert "page stamp" in found
    assert "a5 is not named" in found
    assert "needs a proposition" in found


def test_a_text_that_repeats_another_is_a_near_copy_and_a_rewrite_is_not() -> None:
    from kroniek.evaluation.corpus import near_copies

    story = (
        "The mayor of the harbour town announced on Friday that the council had voted to close the old ferry "
        "terminal, after inspectors found cracks in the pier and the operator said it could no longer pay for "
        "repairs. Residents who depend on the ferry protested outside the town hall in the evening."
    )
    again = "Friday 3 May\n\n" + story + " A second protest is planned."
    rewrite = (
        "Inspectors found the pier cracked; the council of the small port then decided to shut the ferry "
        "terminal, its mayor said, and people who rely on the crossing gathered at the town hall to object."
    )
    assert near_copies({"b": again}, {"a": story}) == [("b", "a")]
    assert near_copies({"c": rewrite}, {"a": story}) == []
    assert near_copies({"x": story, "y": again}, {}) == [("y", "x")]
