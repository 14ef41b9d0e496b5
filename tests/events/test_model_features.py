"""The trigger model's features read for a whole article at once (kroniek.events.model_features) are, token for
token and string for string, what ``learned.token_features`` gives (the definition training uses)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kroniek.events.learned import ArticleContext, children_of, is_candidate, token_features
from kroniek.events.model_features import candidate_features, candidate_indices, token_columns

# Written for this test: two sentences with a parse, a word without a lemma, a title-case word, a hyphenated
# one, a one-letter word and punctuation.
WORDS = ["Ostria", "condemned", "the", "cross-border", "attack", "on", "Valdoria", ".", "A", "Minister", "spoke", "."]
HEADS = [1, 1, 4, 4, 1, 6, 4, 1, 9, 10, 10, 10]
DEPS = ["nsubj", "ROOT", "det", "amod", "obj", "case", "nmod", "punct", "det", "nsubj", "ROOT", "punct"]
POS = ["PROPN", "VERB", "DET", "ADJ", "NOUN", "ADP", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"]
LEMMAS = ["Ostria", "condemn", "the", "", "attack", "on", "Valdoria", ".", "a", "minister", "speak", "."]
MORPHS = ["", "Tense=Past|VerbForm=Fin", "", "", "Number=Sing", "", "", "", "", "Number=Sing", "Tense=Past", ""]
SPACES = [True] * 6 + [False, True, True, True, False, False]


def _parsed() -> Doc:
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=WORDS, spaces=SPACES, heads=HEADS, deps=DEPS, pos=POS, lemmas=LEMMAS, morphs=MORPHS)


def _by_token(doc: Doc, rules: dict[int, str], context: ArticleContext | None) -> tuple[list[int], list[list[str]]]:
    children = children_of(doc)
    tokens = [t for t in doc if is_candidate(t) or t.i in rules]
    return [t.i for t in tokens], [token_features(t, "en", rules.get(t.i), children, context) for t in tokens]


def _at_once(doc: Doc, rules: dict[int, str], context: ArticleContext | None) -> tuple[list[int], list[list[str]]]:
    columns = token_columns(doc)
    indices = candidate_indices(columns, rules)
    return indices, candidate_features(doc, columns, indices, "en", rules, context)


def test_the_same_candidates_and_features_as_token_by_token() -> None:
    doc = _parsed()
    rules = {1: "ACCUSE", 7: "ACCUSE"}  # a rule on punctuation makes it a candidate too
    expected = _by_token(doc, rules, None)
    assert _at_once(doc, rules, None) == expected
    assert 7 in expected[0] and 2 not in expected[0]  # "the" is no content word
    assert "en:head=condemn" in expected[1][expected[0].index(4)]


def test_the_same_with_the_context_features_of_set_2() -> None:
    doc = _parsed()
    context = ArticleContext({1: "ACCUSE"}, frozenset({0, 6}))
    assert _at_once(doc, {1: "ACCUSE"}, context) == _by_token(doc, {1: "ACCUSE"}, context)


def test_the_same_without_a_parse_and_on_an_empty_text() -> None:
    nlp = spacy.blank("fr")
    # Written for this test.
    doc = nlp("L'Ostrie a rejeté l'offre de Valdoria, dit-il : « NON » !")
    assert _at_once(doc, {}, None) == _by_token(doc, {}, None)
    assert _at_once(nlp(""), {}, None) == ([], [])
    columns = token_columns(doc)
    assert columns.idxs == [t.idx for t in doc] and columns.heads == [t.head.i for t in doc]
