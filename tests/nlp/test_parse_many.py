"""Parsing several articles together gives each the annotations it gets alone."""

from __future__ import annotations

import pytest

from kroniek.nlp.stage import NlpStage, has_shipped_model

# Written for this test.
TEXTS = [
    "The foreign minister met her Canadian counterpart in Ottawa on Tuesday. They signed a trade agreement.",
    "Protesters gathered outside parliament. The police arrested twelve people, a spokesman said.",
    "The president vetoed the bill.",
]


def annotations(doc: object) -> list[tuple[object, ...]]:
    return [
        (t.text, t.pos_, t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start)  # type: ignore[attr-defined]
        for t in doc  # type: ignore[attr-defined]
    ]


@pytest.mark.skipif(not has_shipped_model("en"), reason="needs the shipped en pipeline")
def test_parse_many_equals_one_by_one_and_long_texts_go_in_pieces() -> None:
    stage = NlpStage(chunk_chars=80)  # the third text is short, the first two are parsed in pieces
    nlp = stage.load("en")
    alone = [stage.parse(nlp, text) for text in TEXTS]
    together = stage.parse_many("en", TEXTS + [TEXTS[2]])
    assert [d.text for d in together] == TEXTS + [TEXTS[2]]
    assert [annotations(d) for d in together] == [annotations(d) for d in alone + [alone[2]]]
