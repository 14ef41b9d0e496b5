"""Feature set 2 of the learned coder: what the article around a word says (actor mentions, the head's
lexicon decision, lemma bigrams, morphology); a model records the set it was trained with."""

from __future__ import annotations

import numpy as np
import spacy
from spacy.tokens import Doc

from kroniek.events.learned import (
    ArticleContext,
    TriggerModel,
    actor_tokens_of,
    children_of,
    model_signals,
    token_features,
)

# Written for this test: "Ostria condemned the attack on Valdoria ." with a parse.
WORDS = ["Ostria", "condemned", "the", "attack", "on", "Valdoria", "."]
HEADS = [1, 1, 3, 1, 5, 3, 1]
DEPS = ["nsubj", "ROOT", "det", "obj", "case", "nmod", "punct"]
POS = ["PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"]
LEMMAS = ["Ostria", "condemn", "the", "attack", "on", "Valdoria", "."]
MORPHS = ["", "Tense=Past|VerbForm=Fin", "", "Number=Sing", "", "", ""]


def _doc() -> Doc:
    return Doc(spacy.blank("en").vocab, words=WORDS, heads=HEADS, deps=DEPS, pos=POS, lemmas=LEMMAS, morphs=MORPHS)


def test_actor_mentions_around_a_word_become_features() -> None:
    doc = _doc()
    mentions = [(doc[0].idx, doc[0].idx + 6), (doc[5].idx, doc[5].idx + 8)]
    actors = actor_tokens_of(doc, mentions)
    assert actors == frozenset({0, 5})
    context = ArticleContext({1: "ACCUSE"}, actors)
    verb = token_features(doc[1], "en", "ACCUSE", children_of(doc), context)
    # the object phrase "the attack on Valdoria" names an actor; the root has no head
    assert "subj_actor=True" in verb and "obj_actor=True" in verb
    assert not any(f.startswith(("head_rule", "head_actor")) for f in verb)
    assert "actor_left=near" in verb and "morph=Tense:Past" in verb and "en:pl+l=ostria|condemn" in verb
    noun = token_features(doc[3], "en", None, children_of(doc), context)
    assert "head_rule=ACCUSE" in noun and "actor_right=near" in noun
    # without a context only the first set is computed (models trained before feature set 2)
    plain = token_features(doc[1], "en", "ACCUSE", children_of(doc))
    assert not any(f.startswith(("subj_actor", "actor_left", "morph=")) for f in plain)


def test_a_model_of_feature_set_2_reads_the_mentions() -> None:
    doc = _doc()
    labels = ["O", "ACCUSE", "ASSAULT"]
    model = TriggerModel.empty(labels, buckets=1 << 12)
    model.meta["feature_set"] = 2
    # a weight only on "the subject is an actor": the verb is proposed only when its subject is a mention
    model.weights[model.indices(["subj_actor=True"])[0], 1] = 8.0
    with_mentions = model_signals(model, doc, "en", [], threshold=0.5, mention_spans=[(0, 6)])
    without = model_signals(model, doc, "en", [], threshold=0.5, mention_spans=[])
    assert 1 in with_mentions.proposals and with_mentions.proposals[1].event == "ACCUSE"
    assert 1 not in without.proposals
    assert np.isclose(without.scores[doc[1].idx].event_probability, 2 / 3)
