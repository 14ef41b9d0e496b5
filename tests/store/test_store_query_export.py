"""Query, timeline, export and the CLI commands over a small store (texts written for these tests)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from store_fixtures import PUTIN, RUSSIA, TRUMP, UKRAINE, make_chronicle, with_mentions
from typer.testing import CliRunner

from kroniek.errors import KroniekError
from kroniek.store.cameo import TABLE_PATH, cameo_code, derive_table, quad_class
from kroniek.store.db import Store
from kroniek.store.export import export, to_string
from kroniek.store.fusion import fuse
from kroniek.store.query import find_actor_ids, query_events, timeline
from kroniek.store.writer import write_chronicle

CALL = "Trump and Putin spoke by phone on Tuesday."
DEAL = "Putin agreed on Thursday to exchange prisoners with Ukraine."
STRIKE = "Russia attacked Ukrainian ports on Saturday."


def fill(store: Store) -> None:
    actors = [with_mentions(TRUMP, "Trump"), with_mentions(PUTIN, "Putin")]
    write_chronicle(
        store,
        make_chronicle(
            "call",
            CALL,
            "en",
            "2025-03-19",
            actors,
            [
                {
                    "event": "CONSULT",
                    "mode": "phone",
                    "actor": ["t", "p"],
                    "evidence": CALL,
                    "date": ("2025-03-18", "on Tuesday"),
                }
            ],
            source="Wire A",
            url="https://a.example/call",
        ),
    )
    write_chronicle(
        store,
        make_chronicle(
            "deal",
            DEAL,
            "en",
            "2025-03-21",
            [with_mentions(PUTIN, "Putin"), with_mentions(UKRAINE, "Ukraine")],
            [
                {
                    "event": "AGREE",
                    "actor": ["p"],
                    "recipient": ["ua"],
                    "evidence": DEAL,
                    "date": ("2025-03-20", "on Thursday"),
                    "proposition": {"event": "RETREAT", "mode": "release", "text": "exchange prisoners"},
                }
            ],
            source="Wire B",
        ),
    )
    write_chronicle(
        store,
        make_chronicle(
            "strike",
            STRIKE,
            "en",
            "2025-02-23",
            [with_mentions(RUSSIA, "Russia"), with_mentions(UKRAINE, "Ukrainian")],
            [
                {
                    "event": "ASSAULT",
                    "actor": ["ru"],
                    "recipient": ["ua"],
                    "evidence": STRIKE,
                    "date": ("2025-02-22", "on Saturday"),
                    "location": {"name": "Odesa", "country": "UKR"},
                }
            ],
            source="Wire C",
        ),
    )
    fuse(store)


def test_query_by_actor_type_and_date(store: Store) -> None:
    fill(store)
    assert find_actor_ids(store, "putin") == find_actor_ids(store, "Q7747")
    rows = query_events(store, actor="Putin", type="AGREE", since="2025-03-01")
    assert [r["article"] for r in rows] == ["deal"]
    assert rows[0]["proposition"]["event"] == "RETREAT" and rows[0]["recipient"] == ["Ukraine"]
    assert [r["article"] for r in query_events(store, actor="Putin")] == ["call", "deal"]
    assert [r["article"] for r in query_events(store, actor="Ukraine", role="recipient")] == ["strike", "deal"]
    assert query_events(store, actor="Ukraine", role="actor") == []
    assert [r["article"] for r in query_events(store, until="2025-03-01")] == ["strike"]
    assert query_events(store, modality="planned") == []
    assert len(query_events(store, language="en", modality="asserted")) == 3
    with pytest.raises(KroniekError):
        query_events(store, modality="maybe")
    assert query_events(store, actor="Nobody Atall") == []
    with pytest.raises(KroniekError) as bad:
        query_events(store, type="HUG")
    assert bad.value.code == "E207"
    with pytest.raises(KroniekError) as day:
        query_events(store, since="March")
    assert day.value.code == "E208"


def test_timeline_is_in_date_order_with_sources(sqlite_store: Store) -> None:
    fill(sqlite_store)
    rows = timeline(sqlite_store, actor="Russia")
    assert [r["event"] for r in rows] == ["ASSAULT"]
    rows = timeline(sqlite_store, actor="Ukraine")
    assert [(r["date"], r["event"]) for r in rows] == [("2025-02-22", "ASSAULT"), ("2025-03-20", "AGREE")]
    assert rows[0]["n_sources"] == 1 and rows[0]["mentions"][0]["evidence"] == STRIKE


def test_exports(sqlite_store: Store, tmp_path: Path) -> None:
    fill(sqlite_store)
    chronicles = to_string(sqlite_store, "chronicles").splitlines()
    assert [json.loads(c)["article"]["id"] for c in chronicles] == ["call", "deal", "strike"]
    events = list(csv.DictReader(io.StringIO(to_string(sqlite_store, "events", "csv"))))
    assert {e["event"] for e in events} == {"CONSULT", "AGREE", "ASSAULT"}
    assert next(e for e in events if e["event"] == "CONSULT")["actor"] == "Donald Trump; Vladimir Putin"
    plover = [json.loads(line) for line in to_string(sqlite_store, "plover").splitlines()]
    call = next(p for p in plover if p["event"] == ["CONSULT"])
    assert call["date"] == "2025-03-18" and call["mode"] == ["phone"] and call["quad_code"] == 1
    assert {a["code"] for a in call["actor"]} == {"USA", "RUS"}
    assert call["cite_info"][0]["url"] == "https://a.example/call"
    rows = list(csv.DictReader(io.StringIO(to_string(sqlite_store, "gdelt")), delimiter="\t"))
    strike = next(r for r in rows if r["PloverEvent"] == "ASSAULT")
    assert strike["SQLDATE"] == "20250222" and strike["EventRootCode"] == "18" and strike["QuadClass"] == "4"
    assert strike["Actor1Code"] == "RUSGOV" and strike["Actor2CountryCode"] == "UKR"
    assert strike["ActionGeo_FullName"] == "Odesa"
    call_row = next(r for r in rows if r["PloverEvent"] == "CONSULT")
    assert call_row["EventCode"] == "041" and call_row["NumSources"] == "1"
    out = tmp_path / "events.parquet"
    try:
        import pyarrow.parquet as pq
    except ImportError:
        pq = None
    if pq is not None:
        assert export(sqlite_store, "events", output=out, format="parquet") == 3
        table = pq.read_table(out)
        assert table.num_rows == 3 and "evidence" in table.column_names
        assert sorted(table.column("event").to_pylist()) == ["AGREE", "ASSAULT", "CONSULT"]
    import sys

    with pytest.MonkeyPatch.context() as mp:  # as if pyarrow were not installed
        mp.setitem(sys.modules, "pyarrow", None)
        mp.setitem(sys.modules, "pyarrow.parquet", None)
        with pytest.raises(KroniekError) as missing:
            export(sqlite_store, "events", output=out, format="parquet")
    assert missing.value.code == "E205" and "pyarrow" in str(missing.value)
    with pytest.raises(KroniekError):
        export(sqlite_store, "events", format="xml")


def test_cameo_table_is_the_reversed_plover_mapping() -> None:
    assert cameo_code("CONSULT", "phone") == "041"
    assert cameo_code("RETREAT", "ceasefire") == "0871"
    assert cameo_code("ASSAULT", "no-such-mode") == "180"
    assert quad_class("041") == 1 and quad_class("0871") == 2 and quad_class("112") == 3 and quad_class("190") == 4
    repo = Path(__file__).resolve().parents[2]
    candidates = [
        up / "shared" / "data" / "plover" / "CAMEO2PLOVER-2021.txt" for up in (repo.parent, repo.parent.parent)
    ]
    source = next((c for c in candidates if c.exists()), None)
    if source is None:
        pytest.skip("the CAMEO2PLOVER source (../shared/data/plover) is not next to this checkout")
    shipped = [
        line.rstrip("\n").split("\t")
        for line in TABLE_PATH.read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    ][1:]
    assert [tuple(r) for r in shipped] == derive_table(source)


def test_cli_ingest_query_timeline_commitments_export(tmp_path: Path) -> None:
    from kroniek.cli.app import _add_subcommands, app

    _add_subcommands()
    db = str(tmp_path / "cli.db")
    chronicles = [
        make_chronicle(
            "call",
            CALL,
            "en",
            "2025-03-19",
            [with_mentions(TRUMP, "Trump"), with_mentions(PUTIN, "Putin")],
            [
                {
                    "event": "CONSULT",
                    "mode": "phone",
                    "actor": ["t", "p"],
                    "evidence": CALL,
                    "date": ("2025-03-18", "on Tuesday"),
                }
            ],
        ).model_dump_json()
    ]
    path = tmp_path / "c.jsonl"
    path.write_bytes(("\n".join(chronicles) + "\n{oops\n").encode("utf-8") + b'{"bad": "\xff"}\n')
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", str(path), "--chronicles", "--db", db, "--create"])
    assert result.exit_code == 3, result.output  # stored, but two lines failed
    assert "line 3: not UTF-8" in result.output
    assert "stored 1" in result.output and "line 2" in result.output
    again = runner.invoke(app, ["ingest", str(path), "--chronicles", "--db", db, "--format", "json"])
    assert json.loads(again.stdout)["duplicates"] == 1
    rows = json.loads(runner.invoke(app, ["query", "--db", db, "--actor", "Putin", "--format", "json"]).stdout)
    assert [r["event"] for r in rows] == ["CONSULT"]
    table = runner.invoke(app, ["timeline", "--db", db, "--actor", "Trump"])
    assert table.exit_code == 0 and "CONSULT" in table.stdout and "Trump" in table.stdout
    csv_out = runner.invoke(app, ["query", "--db", db, "--type", "CONSULT", "--fused", "--format", "csv"]).stdout
    assert (
        csv_out.splitlines()[0].startswith("id,event,mode,modality,actor")
        and "→" not in csv_out
        and "(None)" not in csv_out
    )
    assert runner.invoke(app, ["commitments", "--db", db, "--format", "json"]).stdout.strip() == "[]"
    bad = runner.invoke(app, ["commitments", "--db", db, "--status", "lost"])
    assert bad.exit_code == 1 and "E207" in bad.output
    exported = runner.invoke(app, ["export", "gdelt", "--db", db, "-o", str(tmp_path / "g.tsv")])
    assert exported.exit_code == 0
    assert (tmp_path / "g.tsv").read_text(encoding="utf-8").startswith("GLOBALEVENTID\t")
    missing = runner.invoke(app, ["ingest", str(tmp_path / "absent.txt"), "--db", db])
    assert missing.exit_code == 1 and "E010" in missing.output


def test_undated_events_sort_by_their_report_day_on_every_database(store: Store) -> None:
    fill(store)
    note = "Ukraine protested to Russia about the shelling."
    write_chronicle(
        store,
        make_chronicle(
            "note",
            note,
            "en",
            "2025-03-01",
            [with_mentions(UKRAINE, "Ukraine"), with_mentions(RUSSIA, "Russia")],
            [{"event": "PROTEST", "actor": ["ua"], "recipient": ["ru"], "evidence": note}],
        ),
    )
    fuse(store)
    assert [r["article"] for r in query_events(store, actor="Ukraine")] == ["strike", "note", "deal"]
    assert [r["event"] for r in timeline(store, actor="Ukraine")] == ["ASSAULT", "PROTEST", "AGREE"]


def test_cli_ingest_of_a_directory_of_press_files(tmp_path: Path) -> None:
    from kroniek.cli.app import _add_subcommands, app

    _add_subcommands()
    folder = tmp_path / "press"
    folder.mkdir()
    for n, body in enumerate(["The talks resumed in Vienna.", "Die Gespräche wurden in Wien fortgesetzt."]):
        (folder / f"p{n}.txt").write_text(
            f"url: https://p.example/{n}\nsource: Test Courier\npublished: 2025-05-0{n + 1}\n"
            f"language: {'en' if n == 0 else 'de'}\n\n{body}\n",
            encoding="utf-8",
        )
    config = tmp_path / "nlp_only.toml"
    config.write_text('[pipeline]\nstages = ["nlp.spacy/v1"]\n', encoding="utf-8")
    db = str(tmp_path / "press.db")
    runner = CliRunner()
    first = runner.invoke(
        app, ["ingest", str(folder), "--db", db, "--create", "--config", str(config), "--format", "json"]
    )
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["stored"] == 2
    second = runner.invoke(app, ["ingest", str(folder), "--db", db, "--config", str(config)])
    assert "stored 0" in second.stdout and "already stored 2" in second.stdout
    exported = runner.invoke(app, ["export", "chronicles", "--db", db])
    articles = [json.loads(line)["article"] for line in exported.stdout.splitlines()]
    assert [(a["url"], a["language"], a["published"]) for a in articles] == [
        ("https://p.example/0", "en", "2025-05-01"),
        ("https://p.example/1", "de", "2025-05-02"),
    ]
