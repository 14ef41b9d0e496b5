"""Scoring all tokens at once gives, to the bit, what scoring them one by one gives."""

from __future__ import annotations

import numpy as np
import spacy

from kroniek.events.learned import TriggerModel, children_of, token_features


def test_probabilities_many_equals_one_by_one() -> None:
    rng = np.random.default_rng(3)
    labels = ["O", "AGREE", "REJECT", "THREATEN"]
    model = TriggerModel.empty(labels, buckets=1 << 12)
    model.weights = rng.normal(size=model.weights.shape).astype(np.float16)
    model.bias = rng.normal(size=len(labels)).astype(np.float32)
    # Written for this test.
    doc = spacy.blank("en")("Ostria rejected the offer on Monday, and Valdoria threatened new sanctions.")
    children = children_of(doc)
    feature_lists = [token_features(token, "en", "REJECT" if token.i == 1 else None, children) for token in doc]
    many = model.probabilities_many(feature_lists)
    assert many.shape == (len(doc), len(labels))
    for row, features in zip(many, feature_lists, strict=True):
        single = model.probabilities(model.indices(features))
        assert single.dtype == row.dtype and np.array_equal(single, row)
    assert np.allclose(many.sum(axis=1), 1.0)
    assert model.probabilities_many([]).shape == (0, len(labels))


def test_model_signals_score_each_token_as_its_own_row() -> None:
    """model_signals reads every token's best type and probabilities from the batch in array operations;
    each score is what the token's own probabilities give."""
    from kroniek.events.learned import OUTSIDE, model_signals

    rng = np.random.default_rng(5)
    labels = ["O", "AGREE", "REJECT", "THREATEN"]
    model = TriggerModel.empty(labels, buckets=1 << 12)
    model.weights = rng.normal(scale=2.0, size=model.weights.shape).astype(np.float16)
    model.bias = rng.normal(size=len(labels)).astype(np.float32)
    # Written for this test (a blank pipeline: every alphabetic word of two letters or more is a candidate).
    doc = spacy.blank("en")("Ostria rejected the offer on Monday, and Valdoria threatened new sanctions.")
    signals = model_signals(model, doc, "en", [], threshold=0.3)
    assert signals.scores
    outside = labels.index(OUTSIDE)
    for idx, score in signals.scores.items():
        probs = model.probabilities(model.indices(signals.features[idx]))
        others = probs.copy()
        others[outside] = -1.0
        best = int(others.argmax())
        assert score.label == labels[best]
        assert score.probability == float(probs[best])
        assert score.event_probability == 1 - float(probs[outside])
    assert set(signals.proposals) <= {s.token for s in signals.scores.values() if s.event_probability >= 0.3}
