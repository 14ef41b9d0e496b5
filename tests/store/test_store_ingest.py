"""Ingest: idempotency, versions, press files, malformed lines, crash and resume, locked and read-only
stores. Article texts are written for these tests."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from contextlib import AbstractContextManager, ExitStack
from pathlib import Path

import pytest
from sqlalchemy import func, select
from store_fixtures import PUTIN, TRUMP, make_chronicle, with_mentions

from kroniek.errors import InputError, KroniekError, StoreError
from kroniek.pipeline import load_config
from kroniek.store import schema as s
from kroniek.store.db import Store, open_store
from kroniek.store.ingest import (
    ingest_articles,
    ingest_chronicle_items,
    parse_press_file,
    read_articles,
    read_chronicle_lines,
)
from kroniek.store.writer import write_chronicle

SRC = Path(__file__).resolve().parents[2] / "src"


def tokens_only_extractor():  # type: ignore[no-untyped-def]
    """An extractor with the nlp stage only: articles are stored with no events (fast, no models)."""
    from kroniek.extractor import Extractor

    return Extractor(config=load_config(overrides={"pipeline": {"stages": ["nlp.spacy/v1"]}}))


def count(store: Store, table: object) -> int:
    with store.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def press_file(path: Path, url: str, body: str, published: str = "2025-04-02", language: str = "en") -> Path:
    path.write_text(
        f"url: {url}\nsource: Test Courier\nlicense: written for the tests\npublished: {published}\n"
        f"language: {language}\nexcerpt: no\n\n{body}\n",
        encoding="utf-8",
    )
    return path


def test_press_file_header_is_parsed_and_kept_out_of_the_text() -> None:
    raw = parse_press_file(
        "url: https://x.example/a\nsource: Test Courier\npublished: 2025-04-02\nlanguage: en\n\n"
        "The minister resigned on Tuesday.\n",
        "a.txt",
        default_id="a",
    )
    assert raw is not None
    assert raw.text == "The minister resigned on Tuesday."
    assert (raw.url, raw.source, raw.published, raw.language, raw.id) == (
        "https://x.example/a",
        "Test Courier",
        "2025-04-02",
        "en",
        "a",
    )
    assert parse_press_file("Update: the talks went on.\nMore text.", "b.txt") is None
    undated = parse_press_file("url: https://x.example/u\npublished: unknown\n\nSome text.", "u.txt")
    assert undated is not None and undated.published is None and "not a date" in undated.notes[0]
    assert undated.date_problem is not None and "'unknown'" in undated.date_problem
    with pytest.raises(InputError) as info:
        parse_press_file("url: https://x.example/a\nsource: Test Courier\nThe text starts at once.", "c.txt")
    assert info.value.code == "E209"
    with pytest.raises(InputError) as empty:
        parse_press_file("url: https://x.example/a\nsource: Test Courier\n\n", "d.txt")
    assert empty.value.code == "E001"


def test_same_text_twice_is_stored_once_and_a_changed_text_is_a_new_version(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    press_file(folder / "a.txt", "https://x.example/a", "The cabinet met on Monday to discuss the budget.")
    press_file(folder / "b.txt", "https://x.example/b", "Parliament rejected the proposal by a wide margin.")
    extractor = tokens_only_extractor()
    first = ingest_articles(store, read_articles(folder), extractor)
    assert (first.stored, first.duplicates, first.failures) == (2, 0, [])
    again = ingest_articles(store, read_articles(folder), extractor)
    assert (again.stored, again.duplicates) == (0, 2)
    assert count(store, s.articles) == 2

    press_file(folder / "a.txt", "https://x.example/a", "The cabinet met on Monday and agreed the budget.")
    changed = ingest_articles(store, read_articles(folder), extractor)
    assert (changed.new_versions, changed.duplicates) == (1, 1)
    with store.connect() as conn:
        rows = conn.execute(
            select(s.articles.c.version, s.articles.c.superseded_by)
            .where(s.articles.c.url == "https://x.example/a")
            .order_by(s.articles.c.version)
        ).all()
    assert [r.version for r in rows] == [1, 2]
    assert rows[0].superseded_by is not None and rows[1].superseded_by is None


def test_new_version_retires_the_old_versions_events(sqlite_store: Store) -> None:
    def version(text: str) -> object:
        return make_chronicle(
            "v",
            text,
            "en",
            "2025-03-19",
            [with_mentions(TRUMP, "Trump"), with_mentions(PUTIN, "Putin")],
            [{"event": "CONSULT", "mode": "phone", "actor": ["t", "p"], "evidence": text}],
            url="https://x.example/call",
        )

    write_chronicle(sqlite_store, version("Trump and Putin spoke by phone."))  # type: ignore[arg-type]
    outcome = write_chronicle(sqlite_store, version("Trump and Putin spoke by phone for two hours."))  # type: ignore[arg-type]
    assert outcome.status == "new version"
    with sqlite_store.connect() as conn:
        active = conn.execute(select(s.events.c.evidence_text).where(s.events.c.active.is_(True))).scalars().all()
    assert active == ["Trump and Putin spoke by phone for two hours."]


def test_malformed_jsonl_line_is_reported_with_its_number_and_the_rest_ingested(store: Store, tmp_path: Path) -> None:
    good = make_chronicle("g1", "The envoy arrived in Cairo.", "en", "2025-01-02", [], [])
    good2 = make_chronicle("g2", "The summit was postponed.", "en", "2025-01-03", [], [])
    bad_span = json.loads(good.model_dump_json())
    bad_span["article"]["id"] = "bad"
    bad_span["article"]["text"] = "Different words here."
    bad_span["actors"] = [
        {"id": "a1", "name": "X", "kind": "person", "mentions": [{"text": "envoy", "start": 0, "end": 5}]}
    ]
    path = tmp_path / "c.jsonl"
    path.write_text(
        "\n".join([good.model_dump_json(), "{not json", json.dumps(bad_span), "", good2.model_dump_json()]) + "\n",
        encoding="utf-8",
    )
    with path.open(encoding="utf-8") as fh:
        report = ingest_chronicle_items(store, read_chronicle_lines(fh, str(path)))
    assert report.stored == 2
    assert [w for w, _ in report.failures] == [f"{path}:2", f"{path}:3"]
    assert "line 2" in report.failures[0][1] and "not JSON" in report.failures[0][1]
    assert "line 3" in report.failures[1][1]
    assert count(store, s.ingest_failures) == 2


def test_article_jsonl_bad_line_is_skipped_with_reason(sqlite_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        json.dumps({"id": "x1", "text": "The ministers met in Brussels.", "language": "en"})
        + "\n"
        + "{broken\n"
        + json.dumps({"id": "x2", "text": "Die Minister trafen sich in Berlin.", "language": "de"})
        + "\n",
        encoding="utf-8",
    )
    report = ingest_articles(sqlite_store, read_articles(path), tokens_only_extractor())
    assert report.stored == 2
    assert len(report.failures) == 1 and "E009" in report.failures[0][1] and "line 2" in report.failures[0][1]


CRASHING_RUN = textwrap.dedent("""
    import os, sys
    from kroniek.store.db import open_store
    from kroniek.store.ingest import ingest_chronicle_items, read_chronicle_lines
    store = open_store(sys.argv[1])
    stop_after = int(sys.argv[3])
    done = 0
    def progress(_where):
        global done
        done += 1
        if done == stop_after:
            os._exit(9)  # killed mid-batch: no cleanup, no commit of anything in flight
    with open(sys.argv[2], encoding="utf-8") as fh:
        ingest_chronicle_items(store, read_chronicle_lines(fh, sys.argv[2]), progress=progress,
                               batch_size=int(sys.argv[4]))
""")


def _write_putin_talks_batch(path: Path, count: int, key_prefix: str, sentence: str) -> Path:
    """A JSONL batch of ``count`` one-event chronicles (a CONSULT by Putin), ``sentence`` formatted with n."""
    lines = []
    for n in range(count):
        text = sentence.format(n=n)
        lines.append(
            make_chronicle(
                f"{key_prefix}{n}",
                text,
                "en",
                "2025-02-01",
                [with_mentions(PUTIN, "Putin")],
                [{"event": "CONSULT", "actor": ["p"], "evidence": text}],
            ).model_dump_json()
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("batch_size", [1, 5])
def test_killed_batch_is_completed_by_a_rerun_without_duplicates(tmp_path: Path, batch_size: int) -> None:
    path = _write_putin_talks_batch(
        tmp_path / "batch.jsonl", 30, "art", "Delegation number {n} arrived for talks with Putin."
    )
    db = tmp_path / "crash.db"
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    run = subprocess.run(
        [sys.executable, "-c", CRASHING_RUN, str(db), str(path), "12", str(batch_size)], env=env, timeout=120
    )
    assert run.returncode == 9
    with open_store(db) as st:
        survived = count(st, s.articles)
        # what was committed before the kill: 12 articles one by one, or three whole batches of 5
        assert survived == -(-12 // batch_size) * batch_size
        with path.open(encoding="utf-8") as fh:
            report = ingest_chronicle_items(st, read_chronicle_lines(fh, str(path)))
        assert report.duplicates == survived and report.stored == 30 - survived
        assert count(st, s.articles) == 30
        assert count(st, s.events) == 30
        assert count(st, s.actors) == 1


def test_locked_store_gives_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "locked.db"
    with open_store(db):
        pass
    holder = sqlite3.connect(db, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        import kroniek.store.db as dbmod

        old = dbmod.SQLITE_BUSY_TIMEOUT_MS
        dbmod.SQLITE_BUSY_TIMEOUT_MS = 50
        try:
            with pytest.raises(StoreError) as info:
                st = open_store(db)
                write_chronicle(st, make_chronicle("l", "A quiet day.", "en", None, [], []))
        finally:
            dbmod.SQLITE_BUSY_TIMEOUT_MS = old
    finally:
        holder.rollback()
        holder.close()
    assert info.value.code == "E201"
    assert "locked" in str(info.value)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_file_gives_a_clear_error_nonroot(tmp_path: Path) -> None:  # pragma: no cover - CI is root
    db = tmp_path / "ro.db"
    with open_store(db):
        pass
    db.chmod(0o444)
    with pytest.raises(StoreError) as info:
        st = open_store(db)
        write_chronicle(st, make_chronicle("r", "A quiet day.", "en", None, [], []))
    assert info.value.code == "E202"


def test_read_only_database_gives_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "ro.db"
    with open_store(db):
        pass
    st = open_store(f"sqlite:///file:{db}?mode=ro&uri=true")
    with pytest.raises(StoreError) as info:
        write_chronicle(st, make_chronicle("r", "A quiet day.", "en", None, [], []))
    st.close()
    assert info.value.code == "E202"
    assert "read-only" in str(info.value)


def test_unusable_locations_give_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as missing:
        open_store(tmp_path / "no" / "such" / "dir" / "x.db")
    assert missing.value.code == "E200"
    with pytest.raises(StoreError) as url:
        open_store("nosuchdialect://x/y")
    assert url.value.code == "E204"


def test_missing_path_and_empty_directory(tmp_path: Path) -> None:
    with pytest.raises(KroniekError) as missing:
        list(read_articles(tmp_path / "absent"))
    assert missing.value.code == "E010"
    (tmp_path / "empty").mkdir()
    with pytest.raises(KroniekError) as empty:
        list(read_articles(tmp_path / "empty"))
    assert empty.value.code == "E210"


def test_published_and_lang_options_fill_in_but_never_override(sqlite_store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    press_file(folder / "dated.txt", "https://x.example/d", "The envoy left Geneva.", published="2025-04-02")
    (folder / "plain.txt").write_text("De minister vertrok gisteren naar Brussel voor overleg.", encoding="utf-8")
    report = ingest_articles(
        sqlite_store, read_articles(folder), tokens_only_extractor(), published="2024-01-01", lang="nl"
    )
    assert report.stored == 2
    with sqlite_store.connect() as conn:
        rows = dict(conn.execute(select(s.articles.c.article_key, s.articles.c.published)).all())
        langs = dict(conn.execute(select(s.articles.c.article_key, s.articles.c.language)).all())
    assert rows == {"dated": "2025-04-02", "plain": "2024-01-01"}
    assert langs == {"dated": "en", "plain": "nl"}


def test_a_chronicle_the_database_refuses_does_not_take_its_batch_with_it(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kroniek.store.writer as writer

    real_rows = writer._event_rows

    def rows_with_a_fault(chronicle, article_id, day):  # type: ignore[no-untyped-def]
        rows = real_rows(chronicle, article_id, day)
        if chronicle.article.id == "refused":
            rows[0]["evidence_text"] = None  # NOT NULL: the database refuses this article
        return rows

    monkeypatch.setattr(writer, "_event_rows", rows_with_a_fault)
    batch = []
    for key in ("first", "refused", "third"):
        text = f"Putin received the {key} delegation."
        batch.append(
            (
                key,
                make_chronicle(
                    key,
                    text,
                    "en",
                    "2025-02-01",
                    [with_mentions(PUTIN, "Putin")],
                    [{"event": "CONSULT", "actor": ["p"], "evidence": text}],
                ),
            )
        )
    report = ingest_chronicle_items(store, iter(batch), batch_size=10)
    assert report.stored == 2
    assert [w for w, _ in report.failures] == ["refused"]
    with store.connect() as conn:
        keys = conn.execute(select(s.articles.c.article_key).order_by(s.articles.c.id)).scalars().all()
    assert keys == ["first", "third"]
    assert count(store, s.events) == 2 and count(store, s.actors) == 1


PARALLEL_RUN = textwrap.dedent("""
    import sys
    from kroniek.store.db import open_store
    from kroniek.store.ingest import ingest_chronicle_items, read_chronicle_lines
    store = open_store(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8") as fh:
        report = ingest_chronicle_items(store, read_chronicle_lines(fh, sys.argv[2]), batch_size=int(sys.argv[3]))
    print(report.stored, report.duplicates, len(report.failures))
    for where, message in report.failures:
        print(where, message, file=sys.stderr)
""")


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_two_processes_ingesting_the_same_file_at_once_store_it_once(
    tmp_path: Path, backend: str, pg_schema: Callable[[str], AbstractContextManager[str]]
) -> None:
    path = _write_putin_talks_batch(tmp_path / "shared.jsonl", 40, "par", "Envoy {n} met Putin in the capital.")
    with ExitStack() as stack:
        db: str | Path = stack.enter_context(pg_schema("t_")) if backend == "postgresql" else tmp_path / "parallel.db"
        with open_store(db):
            pass  # schema first, so that both processes start on an existing store
        env = {**os.environ, "PYTHONPATH": str(SRC)}
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", PARALLEL_RUN, str(db), str(path), size],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for size in ("1", "7")
        ]
        outputs = [p.communicate(timeout=180) for p in procs]
        assert [p.returncode for p in procs] == [0, 0], outputs
        counts = [tuple(int(x) for x in out.split()) for out, _ in outputs]
        assert sum(c[0] for c in counts) == 40 and all(c[2] == 0 for c in counts), outputs
        with open_store(db) as st:
            assert count(st, s.articles) == 40 and count(st, s.events) == 40 and count(st, s.actors) == 1


def test_parallel_ingest_stores_the_same_as_one_process(tmp_path: Path) -> None:
    """Extraction on two worker processes gives the same stored articles and events as one process."""
    from kroniek.extractor import Extractor
    from kroniek.ingest import RawArticle
    from kroniek.store.db import open_store
    from kroniek.store.ingest import ingest_articles

    texts = [
        "Rusland en Oekraïne wisselden dinsdag 90 krijgsgevangenen uit.",
        "The British prime minister spoke by phone with the German chancellor on Monday.",
        "De Nederlandse minister van Buitenlandse Zaken bezocht woensdag Kyiv.",
    ]
    items = [RawArticle(text=t, id=f"p{i}", published="2025-03-19") for i, t in enumerate(texts)]
    extractor = Extractor()
    counts = []
    for n in (1, 2):
        with open_store(tmp_path / f"n{n}.db") as st:
            report = ingest_articles(st, list(items), extractor, n_process=n)
            counts.append((report.stored, report.events))
    assert counts[0] == counts[1] and counts[0][0] == 3
