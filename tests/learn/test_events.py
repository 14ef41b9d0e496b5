"""Training the trigger model on gold chronicles written for this test (fictional countries)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from kroniek.errors import KroniekError
from kroniek.events.learned import TriggerModel
from kroniek.learn.events import train_from_gold

# Every sentence has one event word; "verwierp" (rejected) is what the model must learn, including its
# use as the only event of a sentence whose wording the lexicon does not hold.
SENTENCES = [
    ("Valdoria verwierp het voorstel van Morland.", "verwierp", "REJECT"),
    ("Morland verwierp de eis van Valdoria.", "verwierp", "REJECT"),
    ("De regering van Ostria verwierp het plan.", "verwierp", "REJECT"),
    ("Valdoria bedreigde Morland met sancties.", "bedreigde", "THREATEN"),
    ("Ostria bedreigde Valdoria opnieuw.", "bedreigde", "THREATEN"),
]


def gold_doc(key: str, text: str, trigger: str, event: str) -> dict[str, Any]:
    first = text.split(" ")[0]
    return {
        "format": "chronicle/1",
        "article": {"id": key, "published": "2024-05-08", "language": "nl", "text": text},
        "actors": [
            {
                "id": "a1",
                "name": first,
                "kind": "state",
                "country": None,
                "sector": "GOV",
                "wikidata": None,
                "mentions": [{"text": first}],
            },
        ],
        "events": [
            {
                "id": "e1",
                "event": event,
                "mode": None,
                "context": [],
                "actor": ["a1"],
                "recipient": [],
                "modality": "asserted",
                "proposition": {"event": "COOPERATE", "mode": None, "text": "plan", "duration": None}
                if event in ("REJECT", "THREATEN")
                else None,
                "date": None,
                "duration": None,
                "location": None,
                "quantities": [],
                "source": None,
                "trigger": {"text": trigger},
                "evidence": {"text": text},
                "confidence": 1.0,
            },
        ],
        "statements": [],
        "timexes": [],
    }


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    for copy in range(4):  # the same sentences under several keys: enough examples for a few epochs
        for i, (text, trigger, event) in enumerate(SENTENCES):
            key = f"d{copy}{i}"
            (folder / f"{key}.gold.json").write_text(json.dumps(gold_doc(key, text, trigger, event)), "utf-8")
    return folder


def test_the_model_learns_event_words_and_round_trips(gold_dir: Path, tmp_path: Path) -> None:
    result = train_from_gold([gold_dir], tmp_path / "model", options={"epochs": 8})
    assert result.model.meta["train_events"] > 0
    loaded = TriggerModel.load(tmp_path / "model")
    assert loaded.labels == result.model.labels
    assert loaded.threshold == result.model.threshold
    import spacy

    from kroniek.events.learned import token_features

    doc = spacy.blank("nl")("Ostria verwierp het bod.")
    verb = doc[1]
    probs = loaded.probabilities(loaded.indices(token_features(verb, "nl", None)))
    assert loaded.labels[int(probs.argmax())] == "REJECT"
    noun = doc[3]
    probs = loaded.probabilities(loaded.indices(token_features(noun, "nl", None)))
    assert loaded.labels[int(probs.argmax())] == "O"


def test_unknown_options_and_missing_models_are_catalogue_errors(gold_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(KroniekError) as err:
        train_from_gold([gold_dir], tmp_path / "m", options={"epoch": 3})
    assert err.value.code == "E194" and "epochs" in str(err.value)
    for wrong in (5, "3", True):
        with pytest.raises(KroniekError) as err:
            train_from_gold([gold_dir], tmp_path / "m", options={"feature_set": wrong})
        assert err.value.code == "E419" and "feature_set" in str(err.value)
    with pytest.raises(KroniekError) as err:
        TriggerModel.load(tmp_path / "nothing-here")
    assert err.value.code == "E193"
    later = TriggerModel.empty(["O", "AGREE"], buckets=16)
    later.meta["feature_set"] = 9
    later.save(tmp_path / "later")
    with pytest.raises(KroniekError) as err:
        TriggerModel.load(tmp_path / "later")
    assert err.value.code == "E193" and "feature set 9" in str(err.value)


def test_class_weights_favour_rare_types_and_averaging_smooths() -> None:
    from kroniek.learn.events import Example, _class_weights, train

    # one rare REJECT word and a frequent ACCUSE word share the feature "shared"
    examples = [Example(["bias", "shared", "w=accused"], "ACCUSE", "d", i) for i in range(9)]
    examples.append(Example(["bias", "shared", "w=rebuffed"], "REJECT", "d", 9))
    labels = ["O", "ACCUSE", "REJECT"]
    weights = _class_weights(labels, [1] * 9 + [2], 0, 0.5, 1.0)
    assert weights[0] == 0.5 and weights[1] < 1.0 < weights[2]
    assert _class_weights(labels, [1] * 9 + [2], 0, 0.5, 0.0) == [0.5, 1.0, 1.0]
    plain = train(examples, labels, epochs=3, learning_rate=0.1, buckets=64)
    weighted = train(examples, labels, epochs=3, learning_rate=0.1, buckets=64, class_weight=1.0)
    shared = plain.indices(["shared"])
    reject = labels.index("REJECT")
    assert weighted.weights[shared, reject].sum() > plain.weights[shared, reject].sum()
    averaged = train(examples, labels, epochs=3, learning_rate=0.1, buckets=64, average_from=2)
    assert not np.allclose(averaged.weights, plain.weights)
    rebuffed = averaged.probabilities(averaged.indices(["bias", "shared", "w=rebuffed"]))[reject]
    assert rebuffed > averaged.probabilities(averaged.indices(["bias", "shared", "w=accused"]))[reject]
