from __future__ import annotations

import json
from pathlib import Path

import pytest

from kroniek.errors import KroniekError
from kroniek.evaluation.gold import find_occurrence, gold_files, letter_bounded, parse_gold, read_gold

from .conftest import TEXT, gold_dict


def test_find_occurrence_is_one_based_and_steps_one_character() -> None:
    assert find_occurrence("aXa aXa", "aXa", 1) == 0
    assert find_occurrence("aXa aXa", "aXa", 2) == 4
    assert find_occurrence("aaa", "aa", 2) == 1  # overlapping hits count: the search restarts at pos + 1
    assert find_occurrence("aXa", "aXa", 2) == -1
    assert find_occurrence("aXa", "aXa", 0) == -1


def test_letter_bounded() -> None:
    text = "Nederland en Nederlandse 07Nederland"
    assert letter_bounded(text, 0, 9)
    assert not letter_bounded(text, 13, 22)  # inside "Nederlandse"
    assert letter_bounded(text, 27, 36)  # digits before a name do not glue it to a word


def test_event_subspans_are_found_inside_their_evidence_first(gold) -> None:  # type: ignore[no-untyped-def]
    events = {e.id: e for e in gold.chronicle.events}
    second_demand = events["e4"]
    assert second_demand.trigger.text == "eist"
    assert second_demand.evidence.start <= second_demand.trigger.start < second_demand.evidence.end
    first_demand = events["e1"]
    assert first_demand.trigger.start == TEXT.find("eist")
    assert events["e2"].date.start == TEXT.find("dinsdag")


def test_explicit_occurrence_counts_in_the_whole_text(gold) -> None:  # type: ignore[no-untyped-def]
    jansen = next(a for a in gold.chronicle.actors if a.id == "a2")
    spans = [(m.text, m.start) for m in jansen.mentions]
    assert ("Minister Jansen", TEXT.find("Minister Jansen")) in spans
    # "Jansen" occurrence 2 is the one after "Minister Jansen"; occurrence 1 is nested inside it.
    assert ("Jansen", TEXT.find("Jansen zei")) in spans
    assert len(spans) == 2


def test_mentions_listed_once_expand_to_every_bounded_occurrence(gold) -> None:  # type: ignore[no-untyped-def]
    valdoria = next(a for a in gold.chronicle.actors if a.id == "a1")
    assert [m.start for m in valdoria.mentions] == [0, TEXT.rfind("Valdoria")]


def test_mentions_nested_in_a_longer_mention_are_dropped() -> None:
    data = gold_dict()
    data["actors"][2]["mentions"] = [{"text": "president Okoro"}, {"text": "Okoro"}]
    chron = parse_gold(data, "t").chronicle
    okoro = next(a for a in chron.actors if a.id == "a3")
    assert [m.text for m in okoro.mentions] == ["president Okoro", "Okoro"]
    assert okoro.mentions[1].start == TEXT.find("Okoro beloofde")


def test_optional_and_alternatives_are_kept_aside(gold) -> None:  # type: ignore[no-untyped-def]
    assert gold.extras_of("e4").optional
    assert gold.extras_of("e3").alternatives == ("AID",)
    assert not gold.extras_of("e1").optional


def test_statement_occurrence_two_is_the_second_hit() -> None:
    data = gold_dict()
    data["article"]["text"] = TEXT + " \u201eWij blijven praten.\u201d"
    data["statements"][0]["text"] = {"text": "Wij blijven praten.", "occurrence": 2}
    chron = parse_gold(data, "t").chronicle
    assert chron.statements[0].text.start == data["article"]["text"].rfind("Wij blijven praten.")


def test_a_span_not_in_the_text_is_a_clear_error() -> None:
    data = gold_dict()
    data["events"][0]["evidence"] = {"text": "this sentence is not in the article"}
    with pytest.raises(KroniekError) as info:
        parse_gold(data, "t")
    assert info.value.code == "E180"
    assert "this sentence is not in the article" in info.value.message


def test_occurrence_beyond_the_hits_is_an_error() -> None:
    data = gold_dict()
    data["events"][0]["trigger"] = {"text": "eist", "occurrence": 3}
    with pytest.raises(KroniekError, match="occurrence 3"):
        parse_gold(data, "t")


def test_read_gold_and_gold_files(tmp_path: Path) -> None:
    (tmp_path / "t1.gold.json").write_text(json.dumps(gold_dict()), encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    files = gold_files([tmp_path])
    assert [f.name for f in files] == ["t1.gold.json"]
    assert read_gold(files[0]).key == "t1"
    bad = tmp_path / "bad.gold.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(KroniekError) as info:
        read_gold(bad)
    assert info.value.code == "E181"
    with pytest.raises(KroniekError) as info:
        gold_files([tmp_path / "absent"])
    assert info.value.code == "E182"


def test_a_mention_listed_once_never_lands_inside_a_longer_word() -> None:
    data = gold_dict()
    text = "De Morlandse marine vertrok. Morland zweeg."
    data["article"]["text"] = text
    data["actors"] = [{**data["actors"][0], "mentions": [{"text": "Morland"}]}]
    data["events"], data["statements"], data["timexes"] = [], [], []
    actor = parse_gold(data, "t").chronicle.actors[0]
    assert [(m.text, m.start) for m in actor.mentions] == [("Morland", text.rfind("Morland"))]


def test_a_subspan_inside_its_evidence_prefers_the_whole_word() -> None:
    data = gold_dict()
    text = "De regering trok de belastingwet in na protesten."
    data["article"]["text"] = text
    data["actors"] = [{**data["actors"][0], "mentions": [{"text": "De regering"}]}]
    data["statements"], data["timexes"] = [], []
    data["events"] = [
        {
            "id": "e1",
            "event": "RETREAT",
            "actor": ["a1"],
            "evidence": {"text": text},
            "trigger": [{"text": "trok"}, {"text": "in"}],
        }
    ]
    event = parse_gold(data, "t").chronicle.events[0]
    assert isinstance(event.trigger, list)
    assert event.trigger[1].start == text.index(" in ") + 1
