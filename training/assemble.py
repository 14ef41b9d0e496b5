"""Assemble a shipped pipeline: the UD pipeline (tok2vec, morphologizer, lemmatizer, parser) plus the
NER component trained separately, written with nlp.to_disk to src/kroniek/models/<lang>.

The NER component either embeds its own tok2vec (training/configs/ner.cfg) or listens to the UD
pipeline's tok2vec, which its training sourced and froze (training/configs/ner-listener-cnn.cfg);
then the two tok2vec weights must be the same, and this script checks that they are.

    python training/assemble.py --lang nl --ud training/output/nl-ud/model-best \
        --ner training/output/nl-ner/model-best --out src/kroniek/models/nl
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

# Resumed runs name kroniek's training callback in their config; register it before loading them.
import callbacks  # noqa: F401  (training/callbacks.py, next to this script)
import spacy


def assemble(lang: str, ud_path: Path, ner_path: Path, out: Path) -> None:
    nlp = spacy.load(ud_path)
    ner_nlp = spacy.load(ner_path)
    if "ner" in nlp.pipe_names:  # a pipeline that already has one (e.g. a shipped pipeline)
        nlp.remove_pipe("ner")
    if "tok2vec" in ner_nlp.pipe_names:
        # NER listens to the tok2vec it was trained on: it must be the UD pipeline's, unchanged, or
        # NER would read features it never saw.
        if ner_nlp.get_pipe("tok2vec").model.to_bytes() != nlp.get_pipe("tok2vec").model.to_bytes():
            raise SystemExit(f"{ner_path}: its tok2vec is not the one of {ud_path}; train NER on that one")
    # Sourced by name, the listener (if any) is linked to this pipeline's "tok2vec" when it is loaded.
    nlp.add_pipe("ner", source=ner_nlp)
    nlp.meta["name"] = f"kroniek_{lang}"
    nlp.meta["version"] = "0.1.0"
    nlp.meta["description"] = f"kroniek's own pipeline, trained by training/train.sh; see docs/models/{lang}.md"
    nlp.meta["sources"] = json.loads((Path(__file__).parent / "sources.json").read_text())[lang]
    nlp.meta["license"] = "CC BY-SA 4.0 (UD components); NER trained on CoNLL data for research use"
    # The training-time callback (training/callbacks.py) is not needed, nor registered, at run time.
    nlp._config["nlp"]["after_pipeline_creation"] = None
    # Training scores belong to the model card, not the shipped meta (they are dev-set numbers).
    nlp.meta.pop("performance", None)
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    print(f"{lang}: {nlp.pipe_names} -> {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", required=True)
    parser.add_argument("--ud", type=Path, required=True)
    parser.add_argument("--ner", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    assemble(args.lang, args.ud, args.ner, args.out)


if __name__ == "__main__":
    main()
