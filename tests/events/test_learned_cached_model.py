"""The shipped trigger model read from kroniek's disk cache is the model its files give."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from kroniek.events import learned
from kroniek.pipeline import datacache


@pytest.mark.skipif(not (learned.SHIPPED_MODEL / "model.json").is_file(), reason="no trigger model shipped")
def test_the_cached_shipped_model_equals_the_one_read_from_its_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(datacache.CACHE_ENV, str(tmp_path))
    direct = learned.TriggerModel.load(learned.SHIPPED_MODEL)
    # Written for this test: a few features a token could have.
    features = [["bias", "lemma=protesteren", "pos=VERB"], ["bias", "lemma=stad", "pos=NOUN"], ["bias"]]
    for _ in range(2):  # the first call builds and stores, the second maps the stored file
        learned.load_trigger_model.cache_clear()
        cached = learned.load_trigger_model("shipped")
        assert cached is not None and cached is not direct
        assert cached.labels == direct.labels and cached.buckets == direct.buckets
        assert cached.meta == direct.meta and cached.threshold == direct.threshold
        assert cached.weights.dtype == direct.weights.dtype and np.array_equal(cached.weights, direct.weights)
        assert np.array_equal(cached.bias, direct.bias)
        assert np.array_equal(cached.probabilities_many(features), direct.probabilities_many(features))
    assert not cached.weights.flags.writeable  # mapped from the file, not copied
    assert len(list(tmp_path.glob("trigger-model-*.mapped"))) == 1
    learned.load_trigger_model.cache_clear()
