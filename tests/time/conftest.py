"""Builds annotated documents from sentences written for these tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from kroniek.chronicle.models import Article
from kroniek.document import ArticleDoc
from kroniek.nlp.segment import add_news_segmentation
from kroniek.nlp.stage import NlpStage, make_nlp_stage

# A Wednesday: "woensdag" is this day, "dinsdag" the day before, "zondag" 2025-03-16 or 2025-03-23.
PUBLISHED = dt.date(2025, 3, 19)



class BlankNlpStage(NlpStage):
    """The nlp stage as it runs where no trained pipeline is shipped: tokens and sentences only. The tests
    run under it and under the shipped trained pipeline, because both must give the described behaviour."""

    def load(self, lang: str) -> Any:
        if lang not in self._loaded:
            import spacy

            nlp = spacy.blank(lang)
            add_news_segmentation(nlp, lang)
            self._loaded[lang] = nlp
        return self._loaded[lang]


PIPELINES: dict[str, NlpStage] = {"trained": make_nlp_stage(), "blank": BlankNlpStage()}


@pytest.fixture(params=list(PIPELINES))
def make_doc(request: pytest.FixtureRequest) -> Callable[..., ArticleDoc]:
    nlp = PIPELINES[request.param]

    def build(text: str, lang: str = "nl", published: dt.date | None = PUBLISHED) -> ArticleDoc:
        doc = ArticleDoc(article=Article(id="test", language=lang, text=text), published=published)
        return nlp(doc)

    return build
