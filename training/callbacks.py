"""spaCy callbacks for kroniek's training runs (loaded with `spacy train --code training/callbacks.py`).

spaCy 3.8's EditTreeLemmatizer.from_disk restores the edit trees and labels but not its
tree -> label index, so a lemmatizer that is sourced to resume training learns every lemma as label
0 (its accuracy collapses). `kroniek.restore_lemmatizer_labels.v1` rebuilds that index after the
pipeline is created.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.pipeline import EditTreeLemmatizer
from spacy.util import registry


@registry.callbacks("kroniek.restore_lemmatizer_labels.v1")
def make_restore_lemmatizer_labels() -> Callable[[Language], Language]:
    def restore(nlp: Language) -> Language:
        for _, component in nlp.pipeline:
            if isinstance(component, EditTreeLemmatizer) and not component.tree2label:
                for label, tree in enumerate(component.labels):
                    component.tree2label[tree] = label
        return nlp

    return restore
