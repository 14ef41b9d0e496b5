from __future__ import annotations

import datetime as dt

import pytest

from kroniek.actors.kb import ActorKB
from kroniek.actors.stage import ActorStage
from kroniek.chronicle.models import Article
from kroniek.document import ArticleDoc


@pytest.fixture(scope="session")
def kb() -> ActorKB:
    return ActorKB.shared()


@pytest.fixture(scope="session")
def stage(kb: ActorKB) -> ActorStage:
    s = ActorStage()
    s._kb = kb
    return s


@pytest.fixture()
def resolve(stage: ActorStage):
    """Run the actor stage on a sentence; returns the doc."""

    def run(text: str, lang: str = "nl", published: dt.date | None = dt.date(2025, 3, 19), nlp=None) -> ArticleDoc:
        doc = ArticleDoc(Article(id="test", language=lang, text=text), published=published, nlp=nlp)
        return stage(doc)

    return run
