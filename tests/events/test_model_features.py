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


# Written for this test: a reflexive, a particle, an infinitive complement with its marker and an oblique with
# its preposition ("Valdoria threw itself into the talks and called off the strike to protect its workers").
WORDS_3 = ["Valdoria", "threw", "itself", "into", "the", "talks", "and", "called", "off", "the", "strike"]
WORDS_3 += ["to", "protect", "its", "workers", "."]
HEADS_3 = [1, 1, 1, 5, 5, 1, 7, 1, 7, 10, 7, 12, 7, 14, 12, 1]
DEPS_3 = ["nsubj", "ROOT", "obj", "case", "det", "obl", "cc", "conj", "compound:prt", "det", "obj", "mark"]
DEPS_3 += ["advcl", "nmod:poss", "obj", "punct"]
POS_3 = ["PROPN", "VERB", "PRON", "ADP", "DET", "NOUN", "CCONJ", "VERB", "ADP", "DET", "NOUN", "PART", "VERB"]
POS_3 += ["PRON", "NOUN", "PUNCT"]
LEMMAS_3 = ["Valdoria", "throw", "itself", "into", "the", "talk", "and", "call", "off", "the", "strike", "to"]
LEMMAS_3 += ["protect", "its", "worker", "."]
MORPHS_3 = ["", "Tense=Past", "PronType=Prs|Reflex=Yes", "", "", "Number=Plur", "", "Tense=Past", "", "", ""]
MORPHS_3 += ["", "VerbForm=Inf", "Poss=Yes", "Number=Plur", ""]


def test_the_same_with_the_complement_features_of_sets_3_and_4() -> None:
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=WORDS_3, heads=HEADS_3, deps=DEPS_3, pos=POS_3, lemmas=LEMMAS_3, morphs=MORPHS_3)
    rules = {10: "PROTEST"}
    expected = _by_token_with(doc, rules, rules)
    assert _at_once_with(doc, rules, rules) == expected
    threw = expected[1][expected[0].index(1)]
    assert "en:l+refl=throw" in threw and "en:l+oblmark=throw|into" in threw and "en:w5>threw|itself" in threw
    called = expected[1][expected[0].index(7)]
    assert "en:l+prt=call|off" in called and "obj_rule=PROTEST" in called and "en:w5+next=calle|off" in called
    # the window stops at the sentence's end and at the text's start
    assert not any(f.startswith("en:w5<valdo") for f in expected[1][0])
    context = ArticleContext(rules, frozenset({0}))
    assert _at_once_with(doc, rules, rules, context) == _by_token_with(doc, rules, rules, context)


def test_the_complement_features_without_a_parse() -> None:
    nlp = spacy.blank("fr")
    # Written for this test.
    doc = nlp("Le ministre s'est imposé comme médiateur. Il a imposé des sanctions.")
    expected = _by_token_with(doc, {}, {})
    assert _at_once_with(doc, {}, {}) == expected
    first = expected[1][expected[0].index(4)]
    assert "fr:w5<impos|s'" in first and "fr:w5+next=impos|comme" in first
    second = expected[1][expected[0].index(10)]  # the window stops at the first sentence's end
    assert "fr:w5<impos|il" in second and not any("médiat" in f for f in second)


def _by_token_with(
    doc: Doc, rules: dict[int, str], complements: dict[int, str], context: ArticleContext | None = None
) -> tuple[list[int], list[list[str]]]:
    children = children_of(doc)
    tokens = [t for t in doc if is_candidate(t) or t.i in rules]
    return [t.i for t in tokens], [
        token_features(t, doc.lang_, rules.get(t.i), children, context, complements) for t in tokens
    ]


def _at_once_with(
    doc: Doc, rules: dict[int, str], complements: dict[int, str], context: ArticleContext | None = None
) -> tuple[list[int], list[list[str]]]:
    columns = token_columns(doc)
    indices = candidate_indices(columns, rules)
    return indices, candidate_features(doc, columns, indices, doc.lang_, rules, context, complements)
