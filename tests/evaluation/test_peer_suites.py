"""benchmarks/peer_suites.py: parsing of the two peer formats, the PLOVER -> CAMEO-class mapping and the
scores, on records written for these tests (the peer files themselves stay outside the repository)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "peer_suites.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("peer_suites", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["peer_suites"] = module
    spec.loader.exec_module(module)
    return module


peers = _load()

# two records in the GSR's loose style: no brackets, trailing commas, braces around one text, one record
# without a target and one with an empty target string
LOOSE_GSR = """{
    "id": "T-AGREE-1",
    "date": "2001-02-03",
    "source": [{"actorText": "Norway", "code": "NOR"}, {"actorText": "the League", "code": "IGO"}],
    "target": [{"actorText": "Chile", "code": "CHL"}],
    "event": "AGREE",
    "mode": "",
    "text": "{Norway and the League agreed to send grain to Chile.}",
},
{
    "id": "T-ASSAULT-1",
    "date": "",
    "source": [{"actorText": "Rebels", "code": "REB"}],
    "target": "",
    "event": "ASSAULT",
    "mode": "Firearms",
    "text": "Rebels fired on a convoy near the border.",
    "comment": "",
},
"""


def test_loose_gsr_records_are_parsed() -> None:
    records = peers.parse_plover_gsr(LOOSE_GSR)
    assert [r.id for r in records] == ["T-AGREE-1", "T-ASSAULT-1"]
    first, second = records
    assert first.text == "Norway and the League agreed to send grain to Chile."
    assert first.date == "2001-02-03" and second.date is None
    assert first.source_codes == ["NOR", "IGO"] and first.target_codes == ["CHL"]
    assert second.target_codes == [] and second.mode == "firearms"


# the GSR's quirks: an editor's mark after a field, an older category name, a placeholder record whose
# actors have no text, a repeated record, and "---" for an uncoded actor
QUIRKY_GSR = """{
    "id": "T-DEMAND-1", ####
    "source": [{"actorText": "The union", "code": "---"}],
    "target": [{"actorText": "Peru", "code": "PER"}],
    "event": "DEMAND",
    "text": "The union demanded that Peru raise wages.",
    "comment": "is the code right? ###",
},
{
    "id": "T-MOBILIZE-1",
    "source": [{"actorText": "", "code": "---"}],
    "event": "MOBILIZE",
    "text": "NEED EXAMPLE.",
},
{
    "id": "T-DEMAND-2",
    "source": [{"actorText": "The union", "code": "---"}],
    "event": "DEMAND",
    "text": "The union demanded that Peru raise wages.",
},
"""


def test_gsr_quirks() -> None:
    records = peers.parse_plover_gsr(QUIRKY_GSR)
    assert [(r.id, r.event) for r in records] == [("T-DEMAND-1", "REQUEST")]
    score = peers.score_plover_gsr(records, [peers.SentenceEvents([("REQUEST", "", set(), {"PER"})])])
    # "---" is no country: only the target counts
    assert score["actor_country"]["source_actors"] == 0
    assert score["actor_country"]["target"] == 1.0


def test_gsr_in_brackets_and_broken_gsr() -> None:
    assert len(peers.parse_plover_gsr("[" + LOOSE_GSR + "]")) == 2
    with pytest.raises(peers.PeerDataError) as caught:
        peers.parse_plover_gsr('{"id": "x", "text": ')
    assert caught.value.code == "E316"


def test_cameo_class_lines() -> None:
    sentences = peers.parse_cameo_quad("The council urged calm.\t0\r\n\r\nTroops shelled the town.\t4\r\n")
    assert [(s.text, s.label) for s in sentences] == [("The council urged calm.", 0), ("Troops shelled the town.", 4)]
    with pytest.raises(peers.PeerDataError) as caught:
        peers.parse_cameo_quad("A sentence without a label\n")
    assert caught.value.code == "E316"
    with pytest.raises(peers.PeerDataError):
        peers.parse_cameo_quad("A sentence with a bad label\t7\n")


def test_mapping_covers_every_plover_type_once() -> None:
    assert set(peers.PLOVER_TO_LABEL.values()) == {1, 2, 3, 4}
    assert len(peers.PLOVER_TO_LABEL) == 16
    assert peers.PLOVER_TO_LABEL["CONCEDE"] == 2  # CAMEO 08 yield
    assert peers.PLOVER_TO_LABEL["SANCTION"] == 3  # CAMEO 16 reduce relations
    assert peers.PLOVER_TO_LABEL["REQUEST"] == 3
    assert peers.predicted_label([]) == 0
    assert peers.predicted_label(["ASSAULT", "AGREE"]) == 4


def test_gsr_scores() -> None:
    records = peers.parse_plover_gsr(LOOSE_GSR)
    results = [
        # the gold AGREE is second: right for "any", wrong for "first"; Norway found as an actor, Chile not
        peers.SentenceEvents([("AID", "", {"NOR"}, set()), ("AGREE", "", {"NOR"}, {"PER"})]),
        peers.SentenceEvents([]),
    ]
    score = peers.score_plover_gsr(records, results)
    assert score["top_type_any"] == 0.5 and score["top_type_first"] == 0.0 and score["no_event"] == 0.5
    # IGO and REB are group codes: only NOR counts as a source country; a missed event's mode is not scored
    assert score["actor_country"] == {"source": 1.0, "source_actors": 1, "target": 0.0, "target_actors": 1}
    assert score["mode"] == {"accuracy": None, "records": 0}
    assert score["most_common_confusions"] == [("AGREE -> AID", 1), ("ASSAULT -> (none)", 1)]


def test_quad_scores() -> None:
    score = peers.score_cameo_quad([0, 1, 4, 4], [0, 3, 4, 0], [True, False, True, False])
    assert score["per_label"]["4"] == {
        "name": "material conflict",
        "gold": 2,
        "predicted": 1,
        "precision": 1.0,
        "recall": 0.5,
        "f1": 0.667,
    }
    assert score["per_label"]["0"]["precision"] == 0.5
    # F1 per label: 0 -> 0.667, 1 -> 0, 2 -> 0, 3 -> 0, 4 -> 0.667
    assert score["macro_f1"] == round((2 / 3 + 2 / 3) / 5, 3)
    assert score["macro_f1_quad"] == round((2 / 3) / 4, 3)
    assert score["accuracy_first"] == 0.5 and score["accuracy_any"] == 0.5


def test_missing_files_stop_with_exit_code_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.delenv("KRONIEK_PEER_DATA", raising=False)
    assert peers.main(["--out", str(tmp_path / "p.json")]) == 2
    assert "E315" in capsys.readouterr().err
    assert peers.main(["--cameo-quad", str(tmp_path / "absent.tsv")]) == 2
    assert "--cameo-quad" in capsys.readouterr().err


def test_folder_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / peers.DEFAULT_NAMES["cameo_quad"]).write_text("Troops shelled the town.\t4\n", encoding="utf-8")
    monkeypatch.setenv("KRONIEK_PEER_DATA", str(tmp_path))
    paths = peers.resolve_paths(None, None)
    assert paths["plover_gsr"] is None
    assert paths["cameo_quad"] == tmp_path / peers.DEFAULT_NAMES["cameo_quad"]
