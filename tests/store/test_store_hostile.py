"""Hostile input against the store: one bad item never loses a batch (on SQLite and PostgreSQL), a
rerun does not stop on it either, CSV exports cannot carry spreadsheet formulas, row limits are checked.
Texts are written for these tests."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from store_fixtures import PUTIN, make_chronicle, with_mentions
from typer.testing import CliRunner

from kroniek.cli.app import build_app
from kroniek.errors import KroniekError
from kroniek.ingest import RawArticle
from kroniek.pipeline import load_config
from kroniek.store import schema as s
from kroniek.store.db import Store
from kroniek.store.export import to_string
from kroniek.store.ingest import ingest_articles, read_articles
from kroniek.store.query import check_row_limit, query_events
from kroniek.store.writer import write_chronicle

GOOD = "The mayor of Springfield opened a new bridge on Friday, story {n}."
DEEP = '{"text": ' + "[" * 100_000 + "}"


def count(store: Store, table: Any) -> int:
    with store.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def tokens_only_extractor() -> Any:
    from kroniek.extractor import Extractor

    return Extractor(config=load_config(overrides={"pipeline": {"stages": ["nlp.spacy/v1"]}}))


def hostile_folder(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD.format(n=1), encoding="utf-8")
    lines = [
        json.dumps({"id": "j1", "text": GOOD.format(n=2), "language": "en"}),
        DEEP,
        '{"id": "j3", "text": "A lone \\ud800 half", "language": "en"}',
        '{"id": "j4", "text": "A NUL \\u0000 here", "language": "en"}',
        json.dumps({"id": "j5", "text": GOOD.format(n=5), "language": "en"}),
    ]
    (folder / "b.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "c.html").write_text("<html><body><p>\ud800</p></body></html>", encoding="utf-8", errors="surrogatepass")
    (folder / "d.txt").write_text(GOOD.format(n=6), encoding="utf-8")
    return folder


@pytest.mark.parametrize("n_process", [1, 2])
def test_bad_items_are_recorded_and_every_other_article_stored(store: Store, tmp_path: Path, n_process: int) -> None:
    folder = hostile_folder(tmp_path / "in")
    report = ingest_articles(store, read_articles(folder), tokens_only_extractor(), lang="en", n_process=n_process)
    assert report.stored == 4
    places = sorted(where for where, _ in report.failures)
    assert places == sorted([f"{folder}/b.jsonl:2", f"{folder}/b.jsonl:3", f"{folder}/b.jsonl:4", f"{folder}/c.html"])
    assert count(store, s.articles) == 4 and count(store, s.ingest_failures) == 4
    # a rerun goes past the same items again: nothing new, nothing lost, no loop
    again = ingest_articles(store, read_articles(folder), tokens_only_extractor(), lang="en", n_process=n_process)
    assert again.duplicates == 4 and len(again.failures) == 4 and count(store, s.articles) == 4


class TitledExtractor:
    """Extracts nothing, but keeps the article's title: a title the database may refuse."""

    pipeline = object()

    def extract_article(self, raw: RawArticle, published: Any = None, lang: Any = None) -> Any:
        chronicle = make_chronicle(raw.id, raw.text, "en", None, [], [])
        chronicle.article.title = raw.title
        return chronicle


def test_an_article_the_database_refuses_does_not_stop_the_batch(store: Store) -> None:
    items = [
        RawArticle(text=GOOD.format(n=1), id="first"),
        RawArticle(text=GOOD.format(n=2), id="nul-title", title="a\x00b"),  # PostgreSQL text holds no NUL
        RawArticle(text=GOOD.format(n=3), id="third"),
    ]
    report = ingest_articles(store, items, TitledExtractor())
    refused = 1 if store.dialect == "postgresql" else 0
    assert report.stored == 3 - refused and len(report.failures) == refused
    assert count(store, s.articles) == 3 - refused


def test_cli_ingest_says_some_items_failed_with_its_exit_status(tmp_path: Path) -> None:
    folder = hostile_folder(tmp_path / "in")
    config = tmp_path / "tokens.toml"
    config.write_text('[pipeline]\nstages = ["nlp.spacy/v1"]\n', encoding="utf-8")
    db = str(tmp_path / "cli.db")
    args = ["ingest", str(folder), "--db", db, "--create", "--config", str(config), "--lang", "en", "--n-process", "1"]
    for _ in range(2):  # and the same again on a rerun
        result = CliRunner().invoke(build_app(), args)
        assert result.exit_code == 3, result.output
        assert "b.jsonl:2" in result.output and "nested too deeply" in result.output


def test_csv_exports_neutralise_spreadsheet_formulas(sqlite_store: Store) -> None:
    text = '=HYPERLINK("http://attacker.example","Putin") met envoys. @SUM(1) followed.'
    evil = make_chronicle(
        "evil",
        text,
        "en",
        "2025-02-01",
        [with_mentions(PUTIN, "Putin")],
        [{"event": "CONSULT", "actor": ["p"], "evidence": text}],
    )
    write_chronicle(sqlite_store, evil)
    rows = list(csv.DictReader(io.StringIO(to_string(sqlite_store, "events", "csv"))))
    evidence = [row["evidence"] for row in rows]
    assert evidence and all(cell.startswith("'=") for cell in evidence)
    result = CliRunner().invoke(build_app(), ["query", "--db", sqlite_store.url.split("///")[1], "-f", "csv"])
    assert result.exit_code == 0 and "'=HYPERLINK" in result.stdout and ",=HYPERLINK" not in result.stdout


@pytest.mark.parametrize("value", [-5, 0, "1e20", 10**20, 2.5, "-5", True])
def test_row_limits_outside_the_range_are_e212(value: Any) -> None:
    with pytest.raises(KroniekError) as caught:
        check_row_limit(value)
    assert caught.value.code == "E212"


def test_row_limit_minus_five_does_not_return_everything(sqlite_store: Store) -> None:
    assert check_row_limit("5") == 5 and check_row_limit(None) is None
    with pytest.raises(KroniekError):
        query_events(sqlite_store, limit=-5)
