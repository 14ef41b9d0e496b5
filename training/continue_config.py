"""Write a config that resumes training every component of a trained pipeline.

spaCy cannot raise max_steps of a finished run; this continues from its model-last instead
(components sourced, fresh optimizer at a lower learning rate, full-size batches):

    python training/continue_config.py training/configs/ud.cfg training/output/nl-ud/model-last \
        --steps 3000 --out training/output/nl-ud-continue.cfg
"""

from __future__ import annotations

import argparse
from pathlib import Path

from thinc.api import Config


def continue_config(
    base: Path, resume: Path, steps: int, learn_rate: float, eval_frequency: int | None = None
) -> Config:
    config = Config().from_disk(base, interpolate=False)
    pipeline = list(config["nlp"]["pipeline"])
    config["components"] = {name: {"source": str(resume)} for name in pipeline}
    if "trainable_lemmatizer" in pipeline:
        # needs `--code training/callbacks.py` (spaCy does not restore the lemmatizer's label index)
        config["nlp"]["after_pipeline_creation"] = {"@callbacks": "kroniek.restore_lemmatizer_labels.v1"}
    config["training"]["max_steps"] = steps
    config["training"]["optimizer"]["learn_rate"] = learn_rate
    if eval_frequency:
        config["training"]["eval_frequency"] = eval_frequency
    config["training"]["batcher"]["size"] = {
        "@schedules": "compounding.v1",
        "start": 1000,
        "stop": 1000,
        "compound": 1.001,
        "t": 0.0,
    }
    return config


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", type=Path)
    parser.add_argument("resume", type=Path)
    parser.add_argument("--steps", type=int, default=3000)
    parser.add_argument("--learn-rate", type=float, default=0.0005)
    parser.add_argument("--eval-frequency", type=int, default=None)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    config = continue_config(args.base, args.resume, args.steps, args.learn_rate, args.eval_frequency)
    config.to_disk(args.out)


if __name__ == "__main__":
    main()
