from __future__ import annotations

import io
import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kroniek.chronicle.models import Chronicle
from kroniek.errors import KroniekError
from kroniek.evaluation import gate
from kroniek.evaluation.report import HAND_WRITTEN_MARKER, error_listing, markdown, write_markdown
from kroniek.evaluation.run import evaluate, parse_languages

from .conftest import gold_dict, pred_dict


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "t1.gold.json").write_text(json.dumps(gold_dict()), encoding="utf-8")
    return folder


def write_pred(folder: Path, data: dict[str, Any]) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "t1.json").write_text(json.dumps(data), encoding="utf-8")
    return folder


class FakeExtractor:
    """Stands in for kroniek.Extractor: returns a fixed chronicle, or fails."""

    config: dict[str, Any] = {"pipeline": {"stages": ["fake/v1"]}}

    def __init__(self, fail: bool = False, unbuildable: bool = False) -> None:
        self.fail = fail
        self.unbuildable = unbuildable

    @property
    def pipeline(self) -> object:
        if self.unbuildable:
            raise ModuleNotFoundError("No module named 'kroniek.nothing'")
        return object()

    def extract(self, text: str, **kwargs: Any) -> Chronicle:
        if self.fail:
            raise RuntimeError("stage exploded")
        return Chronicle.model_validate(pred_dict())


def test_evaluate_predictions_from_a_directory(gold_dir: Path, tmp_path: Path) -> None:
    report = evaluate(gold=[gold_dir], pred=write_pred(tmp_path / "pred", pred_dict()))
    assert report.overall.metrics()["events.f1"] == 1.0
    assert report.languages() == ["nl"]
    assert not report.errors
    data = report.to_dict()
    assert data["articles"]["t1"]["events"]["tp"] == 3
    assert "Events" in markdown(report)


def test_markdown_rewrite_keeps_the_hand_written_part(gold_dir: Path, tmp_path: Path) -> None:
    report = evaluate(gold=[gold_dir], pred=write_pred(tmp_path / "pred", pred_dict()))
    target = tmp_path / "evaluation.md"
    target.write_text(
        "stale generated tables\n" + HAND_WRITTEN_MARKER + "\n## Splits\nwritten by a person\n", encoding="utf-8"
    )
    write_markdown(report, target)
    text = target.read_text(encoding="utf-8")
    assert "stale generated tables" not in text and "| events.f1 |" in text
    assert text.endswith(HAND_WRITTEN_MARKER + "\n## Splits\nwritten by a person\n")
    write_markdown(report, tmp_path / "new.md")  # no file yet: the report alone
    assert HAND_WRITTEN_MARKER not in (tmp_path / "new.md").read_text(encoding="utf-8")


def test_missing_prediction_is_reported_and_scored_empty(gold_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    report = evaluate(gold=[gold_dir], pred=tmp_path / "empty")
    assert "no prediction for t1" in report.errors["t1"]
    assert report.overall.metrics()["events.recall"] == 0.0


def test_prediction_over_another_text_is_refused(gold_dir: Path, tmp_path: Path) -> None:
    other = pred_dict()
    other["article"]["text"] = other["article"]["text"] + " Extra."
    report = evaluate(gold=[gold_dir], pred=write_pred(tmp_path / "pred", other))
    assert "differs from the gold text" in report.errors["t1"]


def test_evaluate_runs_the_extractor_and_survives_its_failure(gold_dir: Path) -> None:
    report = evaluate(gold=[gold_dir], extractor=FakeExtractor())
    assert report.overall.metrics()["events.f1"] == 1.0
    assert "fake/v1" in report.system
    broken = evaluate(gold=[gold_dir], extractor=FakeExtractor(fail=True))
    assert "stage exploded" in broken.errors["t1"]
    assert "MISSED" in error_listing(broken)


def test_a_pipeline_that_cannot_be_built_fails_the_evaluation(gold_dir: Path) -> None:
    with pytest.raises(KroniekError) as info:
        evaluate(gold=[gold_dir], extractor=FakeExtractor(unbuildable=True))
    assert info.value.code == "E188" and "kroniek.nothing" in info.value.message


def test_language_filter(gold_dir: Path) -> None:
    assert evaluate(gold=[gold_dir], lang="en", extractor=FakeExtractor()).articles == []
    assert parse_languages("nl, EN") == ["nl", "en"]
    with pytest.raises(KroniekError):
        parse_languages("dutch")


def test_no_gold_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(KroniekError) as info:
        evaluate(gold=[tmp_path], extractor=FakeExtractor())
    assert info.value.code == "E183"


def test_pin_check_and_lower_floors(gold_dir: Path, tmp_path: Path) -> None:
    floors_path = tmp_path / "floors.toml"
    good = evaluate(gold=[gold_dir], extractor=FakeExtractor())
    with pytest.raises(KroniekError):
        gate.pin_floors(good, floors_path, reason=" ")
    floors = gate.read_floors(floors_path)
    floors.min_support = 1
    gate.write_floors(floors_path, floors)
    changes = gate.pin_floors(good, floors_path, reason="first pin", margin=0.05)
    assert changes
    pinned = tomllib.loads(floors_path.read_text(encoding="utf-8"))
    # Three scored events: one item (1/3) of slack is more than the 0.05 margin.
    assert pinned["floors"]["nl"]["events.f1"] == pytest.approx(0.666)
    assert pinned["history"][-1]["reason"] == "first pin"
    out = io.StringIO()
    assert gate.run_gate(good, floors_path, out=out) == 0
    bad = evaluate(gold=[gold_dir], extractor=FakeExtractor(fail=True))
    out = io.StringIO()
    assert gate.run_gate(bad, floors_path, out=out) == gate.EXIT_BELOW
    assert "GATE FAILED" in out.getvalue()
    lowered = gate.lower_floors(bad, floors_path, reason="stage removed on purpose")
    assert any("events.f1" in c for c in lowered)
    assert gate.run_gate(bad, floors_path, out=io.StringIO()) == 0
    history = tomllib.loads(floors_path.read_text(encoding="utf-8"))["history"]
    assert [h["action"] for h in history] == ["pin", "lower"]


def test_floor_is_margin_or_one_item_below_the_score() -> None:
    assert gate.floor_for(0.8, 0.02, 1000) == pytest.approx(0.78)
    assert gate.floor_for(0.25, 0.02, 8) == pytest.approx(0.125)
    assert gate.floor_for(0.01, 0.02, 1000) == 0.0


def test_gate_without_floors_fails(gold_dir: Path, tmp_path: Path) -> None:
    report = evaluate(gold=[gold_dir], extractor=FakeExtractor())
    assert gate.run_gate(report, tmp_path / "none.toml", out=io.StringIO()) == gate.EXIT_BELOW


def test_gate_main_skips_loudly_without_gold(monkeypatch: pytest.MonkeyPatch, capsys: Any, tmp_path: Path) -> None:
    monkeypatch.setenv("KRONIEK_SHARED", str(tmp_path / "absent"))
    monkeypatch.delenv("CI", raising=False)
    assert gate.main([]) == 0
    assert "SKIPPED" in capsys.readouterr().err
    assert gate.main(["--require-gold"]) == gate.EXIT_NO_GOLD
    assert gate.main(["--pin-floors"]) == 2  # no reason given


def test_cli_evaluate_with_predictions(gold_dir: Path, tmp_path: Path) -> None:
    from kroniek.cli.app import app
    from kroniek.cli.evaluate_cmd import register

    register(app)
    pred = write_pred(tmp_path / "pred", pred_dict())
    report = tmp_path / "report.json"
    md = tmp_path / "evaluation.md"
    result = CliRunner().invoke(
        app,
        [
            "evaluate",
            str(gold_dir),
            "--pred",
            str(pred),
            "--report",
            str(report),
            "--markdown",
            str(md),
            "--errors",
        ],
    )
    assert result.exit_code == 0, result.output
    assert json.loads(report.read_text(encoding="utf-8"))["overall"]["metrics"]["events.f1"] == 1.0
    assert "| events.f1 |" in md.read_text(encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(gold_dir), "--pred", str(pred), "--pin-floors"])
    assert result.exit_code == 2


def test_cli_gate_without_gold_is_skipped_loudly(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from kroniek.cli.app import app
    from kroniek.cli.evaluate_cmd import register

    register(app)
    monkeypatch.setenv("KRONIEK_SHARED", str(tmp_path / "absent"))
    monkeypatch.delenv("CI", raising=False)
    result = CliRunner().invoke(app, ["evaluate", "--gate"])
    assert result.exit_code == 0
    assert "SKIPPED" in result.output
    result = CliRunner().invoke(app, ["evaluate"])
    assert result.exit_code == 1


def test_without_gold_the_gate_fails_in_ci(monkeypatch: pytest.MonkeyPatch, capsys: Any, tmp_path: Path) -> None:
    """CI always has ../shared: there a missing gold set is a broken checkout, not a reason to skip."""
    from kroniek.cli.app import app
    from kroniek.cli.evaluate_cmd import register

    register(app)
    monkeypatch.setenv("KRONIEK_SHARED", str(tmp_path / "absent"))
    monkeypatch.setenv("CI", "true")
    assert gate.main([]) == gate.EXIT_NO_GOLD
    assert "SKIPPED" in capsys.readouterr().err
    result = CliRunner().invoke(app, ["evaluate", "--gate"])
    assert result.exit_code == gate.EXIT_NO_GOLD


def test_floors_record_the_gold_hash_and_the_gate_says_when_it_changed(gold_dir: Path, tmp_path: Path) -> None:
    floors_path = tmp_path / "floors.toml"
    report = evaluate(gold=[gold_dir], extractor=FakeExtractor())
    assert len(report.gold_hash) == 64
    gate.pin_floors(report, floors_path, reason="first pin")
    data = tomllib.loads(floors_path.read_text(encoding="utf-8"))
    assert data["gold_sha256"] == report.gold_hash == data["history"][-1]["gold_sha256"]
    out = io.StringIO()
    assert gate.run_gate(report, floors_path, out=out) == 0
    assert "gold set changed" not in out.getvalue()
    # a re-annotated gold file: same scores here, but the gate must say the floors were set on other gold
    changed = next(gold_dir.glob("*.gold.json"))
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    again = evaluate(gold=[gold_dir], extractor=FakeExtractor())
    assert again.gold_hash != report.gold_hash
    out = io.StringIO()
    gate.run_gate(again, floors_path, out=out)
    assert "gold set changed since the floors were set" in out.getvalue()


def test_floors_without_a_gold_hash_say_so(gold_dir: Path, tmp_path: Path) -> None:
    floors_path = tmp_path / "floors.toml"
    report = evaluate(gold=[gold_dir], extractor=FakeExtractor())
    gate.pin_floors(report, floors_path, reason="first pin")
    floors = gate.read_floors(floors_path)
    floors.gold_sha256 = None
    gate.write_floors(floors_path, floors)
    out = io.StringIO()
    gate.run_gate(report, floors_path, out=out)
    assert "record no gold hash" in out.getvalue()
