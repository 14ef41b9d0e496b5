"""Entity clean-up after the NER component.

The shipped NER was trained on CoNLL news, which writes quotation marks differently from Dutch and
French news („…”, « … »). It then sometimes pulls a quotation mark into an entity („We → PER) or tags a
lone mark. An entity whose first or last token is punctuation is dropped: the model's boundary there is
not to be trusted ("„We" is no person), and the actors stage still finds names it knows by itself.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span


@Language.component("kroniek_entity_cleanup")
def entity_cleanup(doc: Doc) -> Doc:
    kept: list[Span] = []
    for ent in doc.ents:
        first, last = doc[ent.start], doc[ent.end - 1]
        if first.is_punct or first.is_space or last.is_punct or last.is_space:
            continue
        kept.append(ent)
    if len(kept) != len(doc.ents):
        doc.set_ents(kept, default="outside")
    return doc


def add_entity_cleanup(nlp: Any) -> None:
    if "ner" in nlp.pipe_names and "kroniek_entity_cleanup" not in nlp.pipe_names:
        nlp.add_pipe("kroniek_entity_cleanup", after="ner")
