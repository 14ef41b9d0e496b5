"""Fixtures for the statements tests: documents with hand-made actors over sentences written for the tests."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from kroniek.chronicle.models import Article
from kroniek.document import ActorMention, ActorRecord, ArticleDoc
from kroniek.nlp.stage import NlpStage
from kroniek.statements.stage import StatementsStage

ActorSpec = tuple[str, str, list[str]]  # name, kind, mention strings


def build_doc(text: str, lang: str, actors: list[ActorSpec] | None, nlp: NlpStage) -> ArticleDoc:
    doc = nlp(ArticleDoc(article=Article(id="t", language=lang, text=text)))
    spans: list[tuple[int, int, int]] = []
    for index, (name, kind, mentions) in enumerate(actors or []):
        doc.actors.append(ActorRecord(key=name, name=name, kind=kind))
        for mention in mentions:
            # as an actors stage would: a sentence-initial capital does not hide a mention
            for m in re.finditer(rf"(?<!\w){re.escape(mention)}(?!\w)", text, flags=re.IGNORECASE):
                spans.append((m.start(), m.end(), index))
    spans.sort(key=lambda s: (s[0], -s[1]))
    last = -1
    for start, end, index in spans:
        if start >= last:
            doc.actors[index].mentions.append(ActorMention(start, end, index))
            last = end
    return doc


@pytest.fixture(params=["trained", "blank"])
def nlp_pipeline(request: pytest.FixtureRequest) -> str:
    """Each test that builds documents runs once per nlp pipeline (tests/conftest.py NLP_PIPELINES)."""
    return str(request.param)


@pytest.fixture
def run_stage(nlp_stage: NlpStage) -> Callable[..., ArticleDoc]:
    stage = StatementsStage()

    def run(text: str, lang: str, actors: list[ActorSpec] | None = None) -> ArticleDoc:
        return stage(build_doc(text, lang, actors, nlp_stage))

    return run


def said_in(doc: ArticleDoc) -> list[tuple[str | None, str, bool]]:
    """(speaker name, text, direct) of each statement, for compact assertions."""
    out = []
    for st in doc.statements:
        who = doc.actors[st.speaker].name if st.speaker is not None else None
        out.append((who, doc.text[st.text.start : st.text.end], st.direct))
    return out


@pytest.fixture
def said() -> Callable[[ArticleDoc], list[tuple[str | None, str, bool]]]:
    return said_in


@pytest.fixture
def build(nlp_stage: NlpStage) -> Callable[..., ArticleDoc]:
    def build_in(text: str, lang: str, actors: list[ActorSpec] | None = None) -> ArticleDoc:
        return build_doc(text, lang, actors, nlp_stage)

    return build_in
