"""The CLI in-process: the main job and every kind of bad input gives one clear line and a non-zero exit."""

import json

import pytest
from typer.testing import CliRunner

from kroniek.cli.app import build_app

runner = CliRunner()
NL = "De Nederlandse minister-president sprak dinsdag met de Duitse bondskanselier over de oorlog.\n"


def run(*args, input=None):
    return runner.invoke(build_app(), list(args), input=input)


@pytest.fixture
def seed_json(root):
    result = run("extract", str(root / "examples" / "seed.txt"), "--published", "2025-03-19", "--format", "json")
    assert result.exit_code == 0, result.output
    return result.stdout


def test_extract_then_validate(seed_json):
    data = json.loads(seed_json)
    assert data["format"] == "chronicle/1" and data["article"]["language"] == "nl"
    assert data["article"]["published"] == "2025-03-19" and data["article"]["id"] == "seed"
    result = run("validate", "-", input=seed_json)
    assert result.exit_code == 0 and result.stdout.startswith("valid: seed")


def test_table_format(root):
    result = run("extract", str(root / "examples" / "seed.txt"), "--published", "2025-03-19", "--format", "table")
    assert result.exit_code == 0
    assert "seed" in result.stdout and "published 2025-03-19" in result.stdout


def test_stdin(tmp_path):
    result = run("extract", "-", "--format", "jsonl", input=NL)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["article"]["published"] is None


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.txt", b"", "E001"),
        ("image.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "E002"),
        ("nav.html", b"<html><body><nav><a href='/'>Home</a><a href='/x'>Over ons</a></nav></body></html>", "E005"),
    ],
    ids=["empty", "binary", "html-without-text"],
)
def test_file_without_usable_text_fails_with_its_code(tmp_path, name, content, code):
    path = tmp_path / name
    path.write_bytes(content)
    result = run("extract", str(path))
    assert result.exit_code != 0 and code in result.stderr


def test_cp1252_file_is_read(tmp_path):
    path = tmp_path / "oud.txt"
    path.write_bytes("De minister sprak over het café van de ambassade en de crisis in de regio.".encode("cp1252"))
    result = run("extract", str(path), "--format", "jsonl")
    assert result.exit_code == 0
    assert "café" in json.loads(result.stdout)["article"]["text"]


def test_huge_file(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text(NL * 600_000)  # about 50 MB
    result = run("extract", str(path))
    assert result.exit_code != 0 and "E004" in result.stderr


def test_unreadable_published(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(NL)
    result = run("extract", str(path), "--published", "volgende week")
    assert result.exit_code != 0 and "E006" in result.stderr and "volgende week" in result.stderr


def test_unsupported_language(tmp_path):
    path = tmp_path / "pl.txt"
    path.write_text("Minister spraw zagranicznych powiedział we wtorek, że rozmowy z delegacją będą kontynuowane.")
    result = run("extract", str(path))
    assert result.exit_code != 0 and "E007" in result.stderr and "'pl'" in result.stderr


def test_missing_file():
    result = run("extract", "/nonexistent/article.txt")
    assert result.exit_code != 0 and "E010" in result.stderr


def test_batch_records_bad_items_and_goes_on(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "ok1", "text": NL, "published": "2025-03-19"}),
        "{broken",
        json.dumps({"id": "pl", "text": "Minister spraw zagranicznych powiedział we wtorek, że rozmowy będą dalej."}),
        json.dumps(
            {"id": "ok2", "text": "The prime minister spoke with the German chancellor on Tuesday.", "language": "en"}
        ),
    ]
    path.write_text("\n".join(lines) + "\n")
    result = run("extract", str(path), "--format", "jsonl")
    assert result.exit_code == 3  # some items failed, the others were extracted
    ids = [json.loads(line)["article"]["id"] for line in result.stdout.splitlines()]
    assert ids == ["ok1", "ok2"]
    assert "batch.jsonl:2" in result.stderr and "E007" in result.stderr and "2 skipped" in result.stderr


def test_validate_refuses_broken_chronicle(seed_json):
    data = json.loads(seed_json)
    data["article"]["text"] = data["article"]["text"].replace("Poetin", "Putin")
    data["actors"] = [
        {
            "id": "a1",
            "name": "Vladimir Putin",
            "kind": "person",
            "mentions": [{"text": "Poetin", "start": 97, "end": 103}],
        }
    ]
    result = run("validate", "-", input=json.dumps(data))
    assert result.exit_code != 0 and "E020" in result.stderr


def test_unknown_format(root):
    result = run("extract", str(root / "examples" / "seed.txt"), "--format", "xml")
    assert result.exit_code != 0 and "E040" in result.stderr


def test_url_and_source_reach_the_article(tmp_path):
    path = tmp_path / "readout.txt"
    path.write_text("The Prime Minister spoke to the President of France this afternoon about the war.")
    result = run(
        "extract",
        str(path),
        "--lang",
        "en",
        "--url",
        "https://www.gov.uk/government/news/x",
        "--source",
        "GOV.UK",
        "--format",
        "jsonl",
    )
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout)["article"]
    assert article["url"] == "https://www.gov.uk/government/news/x" and article["source"] == "GOV.UK"
