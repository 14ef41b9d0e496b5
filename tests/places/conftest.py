"""Builds annotated documents from sentences written for these tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from kroniek.chronicle.models import Article
from kroniek.document import ArticleDoc
from kroniek.nlp.stage import make_nlp_stage

# A Wednesday: "woensdag" is this day, "dinsdag" the day before, "zondag" 2025-03-16 or 2025-03-23.
PUBLISHED = dt.date(2025, 3, 19)

_NLP = make_nlp_stage()


@pytest.fixture
def make_doc() -> Callable[..., ArticleDoc]:
    def build(text: str, lang: str = "nl", published: dt.date | None = PUBLISHED) -> ArticleDoc:
        doc = ArticleDoc(article=Article(id="test", language=lang, text=text), published=published)
        return _NLP(doc)

    return build
