"""The events stage's per-document token lists (events/token_table.py) hold what the spaCy tokens hold."""

from __future__ import annotations

import spacy

from kroniek.events.token_table import QUOTE_CHARS, STRIP_CHARS, token_table


def test_lists_match_the_tokens() -> None:
    nlp = spacy.blank("en")
    doc = nlp('The Minister said "We (the cabinet) Will act".')
    table = token_table(doc)
    assert table.texts == [t.text for t in doc]
    assert table.lowers == [t.text.lower() for t in doc]
    assert table.norms == [t.text.lower().strip(STRIP_CHARS) for t in doc]
    assert table.quote_lows == [t.text.lower().strip(QUOTE_CHARS) for t in doc]
    assert table.lemmas == [t.lemma_.lower() for t in doc]
    assert table.pos == [t.pos_ for t in doc]
    assert token_table(doc) is table  # built once per document


def test_each_document_has_its_own_table() -> None:
    nlp = spacy.blank("en")
    first, second = nlp("Troops withdrew."), nlp("Talks resumed today.")
    assert token_table(first).texts == ["Troops", "withdrew", "."]
    assert token_table(second).texts == ["Talks", "resumed", "today", "."]
    assert token_table(first).texts == ["Troops", "withdrew", "."]


def test_a_retokenised_document_gets_a_new_table() -> None:
    nlp = spacy.blank("en")
    doc = nlp("New York voted.")
    assert len(token_table(doc).texts) == 4
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    assert token_table(doc).texts == ["New York", "voted", "."]
