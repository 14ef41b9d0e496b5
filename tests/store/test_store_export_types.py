"""Exports that load cleanly: Parquet with real types (date32, list<string>, structs with each actor's
country, sector and Wikidata id), CSV with raw values, GDELT rows with Goldstein and SQLDATE, and the
query command's filters on every export. Store filled from sentences written for the store tests."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from test_store_query_export import fill
from typer.testing import CliRunner

from kroniek.store.cameo import plover_score
from kroniek.store.db import Store
from kroniek.store.export import export, to_string


def test_parquet_has_real_types(sqlite_store: Store, tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    fill(sqlite_store)
    out = tmp_path / "events.parquet"
    assert export(sqlite_store, "events", output=out, format="parquet") == 3
    table = pq.read_table(out)
    schema = table.schema
    assert schema.field("date_start").type == pa.date32() and schema.field("published_day").type == pa.date32()
    assert schema.field("actor").type == pa.list_(pa.string())
    assert pa.types.is_struct(schema.field("quantities").type.value_type)
    assert schema.field("evidence_start").type == pa.int32()
    rows = {r["event"]: r for r in table.to_pylist()}
    assert rows["ASSAULT"]["date_start"] == dt.date(2025, 2, 22)
    assert rows["CONSULT"]["actor"] == ["Donald Trump", "Vladimir Putin"]
    putin = rows["AGREE"]["actor_details"][0]
    assert (putin["name"], putin["country"], putin["sector"], putin["wikidata"]) == (
        "Vladimir Putin",
        "RUS",
        "GOV",
        "Q7747",
    )
    assert rows["AGREE"]["proposition"]["event"] == "RETREAT"


def test_csv_has_raw_values_and_actor_details(sqlite_store: Store) -> None:
    fill(sqlite_store)
    rows = {r["event"]: r for r in csv.DictReader(io.StringIO(to_string(sqlite_store, "events", "csv")))}
    agree = rows["AGREE"]
    assert agree["actor"] == "Vladimir Putin" and agree["actor_wikidata"] == "Q7747" and agree["actor_country"] == "RUS"
    assert agree["proposition_event"] == "RETREAT" and agree["mode"] == ""
    text = to_string(sqlite_store, "events", "csv")
    assert "(None)" not in text and "→" not in text


def test_gdelt_rows_are_complete(sqlite_store: Store) -> None:
    fill(sqlite_store)
    rows = {r["PloverEvent"]: r for r in csv.DictReader(io.StringIO(to_string(sqlite_store, "gdelt")), delimiter="\t")}
    # GoldsteinScale carries the PLOVER manual's score of the event type and mode
    assert float(rows["ASSAULT"]["GoldsteinScale"]) == plover_score("ASSAULT", rows["ASSAULT"]["PloverMode"]) < 0
    assert float(rows["AGREE"]["GoldsteinScale"]) == 2.5
    assert all(r["SQLDATE"] and r["QuadClass"] for r in rows.values())


def test_plover_scores_follow_the_manual() -> None:
    assert plover_score("CONSULT", "phone") == 1.5 and plover_score("CONSULT") == 2.5
    assert plover_score("ASSAULT", "no-such-mode") == plover_score("ASSAULT") == -9.0  # the type's score
    assert plover_score("ACCUSE") == -3.0  # the manual's "3" read as a lost minus sign (docs/store.md)
    assert plover_score("NOT_A_TYPE") is None


def test_shipped_scores_equal_the_derivation_from_the_manual() -> None:
    from kroniek.store.cameo import SCORES_PATH, derive_scores

    repo = Path(__file__).resolve().parents[2]
    candidates = [up / "shared" / "data" / "plover" / "PLOVER_MANUAL.tex" for up in (repo.parent, repo.parent.parent)]
    source = next((c for c in candidates if c.exists()), None)
    if source is None:
        pytest.skip("the PLOVER manual (../shared/data/plover) is not next to this checkout")
    lines = [line for line in SCORES_PATH.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    rows = [(e, m, float(v)) for e, m, v in (line.split("\t") for line in lines[1:])]
    assert rows == derive_scores(source) and len({e for e, _, _ in rows}) == 16


def test_export_takes_the_query_filters(sqlite_store: Store) -> None:
    fill(sqlite_store)
    only = to_string_filtered(sqlite_store, "events", "jsonl", actor="Putin", type="AGREE")
    assert [json.loads(x)["event"] for x in only.splitlines()] == ["AGREE"]
    gdelt = to_string_filtered(sqlite_store, "gdelt", "csv", since="2025-03-01")
    assert {r["PloverEvent"] for r in csv.DictReader(io.StringIO(gdelt))} == {"CONSULT", "AGREE"}
    chronicles = to_string_filtered(sqlite_store, "chronicles", "jsonl", actor="Russia")
    assert [json.loads(c)["article"]["id"] for c in chronicles.splitlines()] == ["strike"]


def to_string_filtered(store: Store, what: str, fmt: str, **filters: str) -> str:
    buffer = io.StringIO()
    export(store, what, format=fmt, stream=buffer, filters=filters)
    return buffer.getvalue()


def test_cli_says_how_many_rows_the_limit_cut(sqlite_store: Store, tmp_path: Path) -> None:
    from kroniek.cli.app import build_app

    fill(sqlite_store)
    db = sqlite_store.url.removeprefix("sqlite:///")
    result = CliRunner().invoke(build_app(), ["query", "--db", db, "--limit", "2"])
    assert result.exit_code == 0 and "2 of 3 rows shown" in result.stderr
    exported = CliRunner().invoke(build_app(), ["export", "events", "--db", db, "--type", "ASSAULT", "-f", "csv"])
    assert exported.exit_code == 0 and len(exported.stdout.splitlines()) == 2
