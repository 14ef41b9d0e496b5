"""Shared fixtures. Test texts are written for the tests; the only article text in the project is the
bundled seed sample (examples/seed.txt)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import sys
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from kroniek.chronicle.models import Article
from kroniek.document import ArticleDoc
from kroniek.nlp.segment import add_news_segmentation
from kroniek.nlp.stage import NlpStage, make_nlp_stage

ROOT = Path(__file__).resolve().parent.parent
PG_ENV = "KRONIEK_TEST_PG_URL"

# A Wednesday: "woensdag" is this day, "dinsdag" the day before, "zondag" 2025-03-16 or 2025-03-23.
PUBLISHED = dt.date(2025, 3, 19)


class BlankNlpStage(NlpStage):
    """The nlp stage as it runs where no trained pipeline is shipped: tokens and sentences only. Folders that
    override ``nlp_pipeline`` run their tests under it and under the shipped trained pipeline, because both
    must give the described behaviour."""

    def load(self, lang: str) -> Any:
        if lang not in self._loaded:
            import spacy

            nlp = spacy.blank(lang)
            add_news_segmentation(nlp, lang)
            self._loaded[lang] = nlp
        return self._loaded[lang]


# One instance of each, so the loaded spaCy pipelines are shared by every test folder.
NLP_PIPELINES: dict[str, NlpStage] = {"trained": make_nlp_stage(), "blank": BlankNlpStage()}


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (ROOT / "examples" / "seed.txt").read_text(encoding="utf-8")


@pytest.fixture
def nlp_pipeline() -> str:
    """Which of NLP_PIPELINES builds test documents; a folder's conftest overrides it with
    ``params=["trained", "blank"]`` to run each test under both."""
    return "trained"


@pytest.fixture
def nlp_stage(nlp_pipeline: str) -> NlpStage:
    return NLP_PIPELINES[nlp_pipeline]


@pytest.fixture
def make_doc(nlp_stage: NlpStage) -> Callable[..., ArticleDoc]:
    """``make_doc(text, lang="nl", published=PUBLISHED)``: an ArticleDoc over a sentence written for the
    test, through the nlp stage only."""

    def build(text: str, lang: str = "nl", published: dt.date | None = PUBLISHED) -> ArticleDoc:
        doc = ArticleDoc(article=Article(id="test", language=lang, text=text), published=published)
        return nlp_stage(doc)

    return build


def _pg_url_or_skip() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f'{PG_ENV} is not set in CI: run `eval "$(.ci/postgres.sh)"` before the tests')
        pytest.skip(f'{PG_ENV} is not set: run `eval "$(.ci/postgres.sh)"` to test against PostgreSQL')
    return url


def _pg_execute(url: str, sql: str) -> None:
    from sqlalchemy import create_engine, text

    from kroniek.store.db import resolve_url

    engine = create_engine(resolve_url(url))
    with engine.begin() as conn:
        conn.execute(text(sql))
    engine.dispose()


@contextmanager
def _fresh_pg_schema(prefix: str) -> Iterator[str]:
    """A database URL whose search_path is a new empty schema (dropped on exit), so each user starts clean."""
    server = _pg_url_or_skip()
    schema = prefix + uuid.uuid4().hex[:12]
    _pg_execute(server, f"CREATE SCHEMA {schema}")
    try:
        yield f"{server}{'&' if '?' in server else '?'}options=-csearch_path%3D{schema}"
    finally:
        _pg_execute(server, f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(scope="session")
def pg_schema() -> Callable[[str], AbstractContextManager[str]]:
    """``with pg_schema("prefix_") as url:`` a fresh PostgreSQL schema on KRONIEK_TEST_PG_URL (set by
    .ci/postgres.sh); skips the test when it is not set, fails when it is missing in CI. A fixture rather than
    an importable helper because the test folders' conftest modules share a basename."""
    return _fresh_pg_schema


@pytest.fixture(scope="session")
def load_script() -> Callable[[str], ModuleType]:
    """Import a script of tools/ or benchmarks/ by its path in the repository ("tools/trigger_fates.py").

    Its folder is on sys.path while it loads, because scripts import their neighbours as when they are run
    (participant_kinds imports participant_fates, which imports trigger_fates).
    """

    def load(relative: str) -> ModuleType:
        path = ROOT / relative
        sys.path.insert(0, str(path.parent))
        try:
            spec = importlib.util.spec_from_file_location(path.stem, path)
            assert spec is not None and spec.loader is not None
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
        finally:
            sys.path.remove(str(path.parent))
        return module

    return load
