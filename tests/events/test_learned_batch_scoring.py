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
