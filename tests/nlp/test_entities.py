import spacy
from spacy.tokens import Span

from kroniek.nlp.entities import add_entity_cleanup, entity_cleanup


def test_entities_with_a_quotation_mark_at_an_edge_are_dropped() -> None:
    nlp = spacy.blank("nl")
    doc = nlp("„Wij gaan door”, zei Jan de Vries tegen „ de pers.")
    words = [t.text for t in doc]
    jan = words.index("Jan")
    marks = [i for i, w in enumerate(words) if w == "„"]
    doc.set_ents(
        [
            Span(doc, 0, 2, label="PER"),  # „Wij
            Span(doc, jan, jan + 3, label="PER"),  # Jan de Vries
            Span(doc, marks[1], marks[1] + 1, label="PER"),  # a lone „
        ]
    )
    entity_cleanup(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Jan de Vries", "PER")]


def test_added_after_ner_only() -> None:
    nlp = spacy.blank("en")
    add_entity_cleanup(nlp)
    assert "kroniek_entity_cleanup" not in nlp.pipe_names
    nlp.add_pipe("ner")
    add_entity_cleanup(nlp)
    assert nlp.pipe_names == ["ner", "kroniek_entity_cleanup"]
