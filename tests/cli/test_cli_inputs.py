"""One input format, one reader: `extract` and `ingest` read press-file headers, folders and JSONL the
same way, treat an unreadable article date the same way (kept undated, reported), and refuse a --db
that does not exist. Texts written for these tests; the nlp-only pipeline keeps them fast."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from kroniek.cli.app import build_app

runner = CliRunner()
TALKS = "The foreign minister met his Austrian counterpart in Vienna on Tuesday."
STRIKE = "Die Gewerkschaft kündigte am Montag einen Streik in den Häfen an."


def run(*args: str) -> Result:
    return runner.invoke(build_app(), list(args))


@pytest.fixture
def nlp_only(tmp_path: Path) -> str:
    config = tmp_path / "nlp_only.toml"
    config.write_text('[pipeline]\nstages = ["nlp.spacy/v1"]\n', encoding="utf-8")
    return str(config)


def press(folder: Path, name: str, published: str, lang: str, body: str) -> Path:
    path = folder / name
    path.write_text(
        f"url: https://p.example/{name}\nsource: Test Courier\nlicense: test\npublished: {published}\n"
        f"language: {lang}\n\n{body}\n",
        encoding="utf-8",
    )
    return path


def test_extract_reads_the_header_block_that_ingest_reads(tmp_path: Path, nlp_only: str) -> None:
    path = press(tmp_path, "a.txt", "2025-03-19 (stored date)", "en", TALKS)
    result = run("extract", str(path), "--config", nlp_only, "-f", "jsonl")
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout)["article"]
    assert article["text"] == TALKS and article["url"] == "https://p.example/a.txt"
    assert (article["published"], article["language"], article["source"]) == ("2025-03-19", "en", "Test Courier")


def test_extract_a_folder_to_a_file_reporting_the_unreadable_date(tmp_path: Path, nlp_only: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    press(folder, "a.txt", "2025-01-15 22:22 UK", "en", TALKS)
    press(folder, "b.txt", "sometime last spring", "de", STRIKE)
    out = tmp_path / "out.jsonl"
    result = run("extract", str(folder), "--config", nlp_only, "-f", "jsonl", "-o", str(out))
    assert result.exit_code == 0, result.output
    chronicles = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(c["article"]["id"], c["article"]["published"]) for c in chronicles] == [
        ("a", "2025-01-15T22:22:00"),
        ("b", None),
    ]
    assert "'sometime last spring'" in result.stderr
    assert "1 with a publication date that could not be read" in result.stderr


def test_extract_batch_keeps_an_article_whose_date_is_unreadable(tmp_path: Path, nlp_only: str) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [{"id": "ok", "text": TALKS, "published": "2025-03-19"}, {"id": "odd", "text": TALKS, "published": "n/a"}]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    result = run("extract", str(path), "--config", nlp_only, "-f", "jsonl", "--lang", "en")
    assert result.exit_code == 0, result.output
    got = [json.loads(x)["article"] for x in result.stdout.splitlines()]
    assert [(a["id"], a["published"]) for a in got] == [("ok", "2025-03-19"), ("odd", None)]
    assert "undated odd" in result.stderr and "'n/a'" in result.stderr


def test_ingest_reports_undated_articles_the_same_for_files_and_jsonl(tmp_path: Path, nlp_only: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    press(folder, "a.txt", "2025-03-19 (stored date)", "en", TALKS)
    press(folder, "b.txt", "unknown", "de", STRIKE)
    (folder / "c.jsonl").write_text(
        json.dumps({"id": "c1", "text": "The ministers spoke again in Geneva.", "published": "soon", "language": "en"})
        + "\n",
        encoding="utf-8",
    )
    db, report = str(tmp_path / "k.db"), tmp_path / "report.json"
    result = run("ingest", str(folder), "--db", db, "--create", "--config", nlp_only, "--report", str(report))
    assert result.exit_code == 0, result.output
    assert "2 stored without a publication date, 2 of them because" in result.stdout
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["stored"] == 3 and data["undated"] == 2 and data["unreadable_dates"] == 2
    reasons = {d["article"]: d["problem"] for d in data["dates"]}
    assert set(reasons) == {"b", "c1"} and "'unknown'" in reasons["b"] and "'soon'" in reasons["c1"]


@pytest.mark.parametrize(
    "command",
    [
        ["query"],
        ["timeline", "--actor", "Putin"],
        ["commitments"],
        ["export", "events"],
        ["fuse"],
        ["ingest", "{folder}"],
    ],
)
def test_a_db_that_does_not_exist_is_refused(tmp_path: Path, command: list[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    press(folder, "a.txt", "2025-03-19", "en", TALKS)
    db = tmp_path / "typo.db"
    result = run(*[part.format(folder=folder) for part in command], "--db", str(db))
    assert result.exit_code == 1
    assert "E240" in result.output and "--create" in result.output
    assert not db.exists()


def test_ingest_of_a_missing_folder_makes_no_store(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    result = run("ingest", str(tmp_path / "no-such-folder"), "--db", str(db), "--create")
    assert result.exit_code == 1 and "E010" in result.output
    assert not db.exists()
