"""The training configs for smaller spaCy models (issue 18) say what they were made to say."""

from __future__ import annotations

import sys
from pathlib import Path

from thinc.api import Config

TRAINING = Path(__file__).resolve().parents[2] / "training"
sys.path.insert(0, str(TRAINING))

from narrow_parser_config import narrow_parser_config  # noqa: E402


def test_narrow_parser_config_sources_all_but_a_fresh_narrow_parser(tmp_path: Path) -> None:
    config = narrow_parser_config(
        TRAINING / "configs" / "ud.cfg",
        tmp_path / "ud-model",
        steps=700,
        learn_rate=0.002,
        hidden_width=48,
        maxout_pieces=2,
    )
    components = config["components"]
    for name in ("tok2vec", "morphologizer", "trainable_lemmatizer"):
        assert components[name] == {"source": str(tmp_path / "ud-model")}
    parser = components["parser"]
    assert "source" not in parser and parser["factory"] == "parser"
    assert parser["model"]["hidden_width"] == 48
    assert parser["model"]["maxout_pieces"] == 2
    assert parser["model"]["tok2vec"]["@architectures"] == "spacy.Tok2VecListener.v1"
    assert config["training"]["max_steps"] == 700
    assert config["training"]["optimizer"]["learn_rate"] == 0.002
    # the sourced lemmatizer needs its label index rebuilt (training/callbacks.py)
    assert config["nlp"]["after_pipeline_creation"]["@callbacks"] == "kroniek.restore_lemmatizer_labels.v1"


def test_shared_tok2vec_configs_freeze_and_annotate_the_sourced_tok2vec() -> None:
    for name in ("ner-shared.cfg", "parser-shared.cfg"):
        config = Config().from_disk(TRAINING / "configs" / name, interpolate=False)
        assert config["components"]["tok2vec"] == {"source": "${paths.ud}"}
        assert config["training"]["frozen_components"] == ["tok2vec"]
        # without annotating, the frozen tok2vec would not write the doc.tensor its listeners read
        assert config["training"]["annotating_components"] == ["tok2vec"]
        trained = [c for c in config["nlp"]["pipeline"] if c != "tok2vec"]
        listener = config["components"][trained[0]]["model"]["tok2vec"]
        assert listener["upstream"] == "tok2vec"


def test_narrow_ner_config_is_narrower_than_the_shipped_one() -> None:
    shipped = Config().from_disk(TRAINING / "configs" / "ner.cfg", interpolate=False)
    narrow = Config().from_disk(TRAINING / "configs" / "ner-narrow.cfg", interpolate=False)
    for config, width, depth in ((shipped, 96, 4), (narrow, 64, 2)):
        tok2vec = config["components"]["ner"]["model"]["tok2vec"]
        assert tok2vec["embed"]["width"] == width
        assert tok2vec["encode"]["width"] == width
        assert tok2vec["encode"]["depth"] == depth


def test_shipped_ner_has_the_shape_of_the_config_train_sh_names() -> None:
    """The shipped NER's own tok2vec is the one its training config (training/train.sh CONFIG) builds,
    so retraining reproduces the shipped model's shape and the model cards' speed figures hold."""
    models = TRAINING.parent / "src" / "kroniek" / "models"
    train_sh = (TRAINING / "train.sh").read_text(encoding="utf8")
    for lang in ("nl", "en"):
        config_name = "ner-narrow" if f"[{lang}-ner]=ner-narrow" in train_sh else "ner"
        trained = Config().from_disk(TRAINING / "configs" / f"{config_name}.cfg", interpolate=False)
        shipped = Config().from_disk(models / lang / "config.cfg", interpolate=False)
        want = trained["components"]["ner"]["model"]["tok2vec"]
        have = shipped["components"]["ner"]["model"]["tok2vec"]
        assert (have["embed"]["width"], have["encode"]["width"], have["encode"]["depth"]) == (
            want["embed"]["width"],
            want["encode"]["width"],
            want["encode"]["depth"],
        ), lang
