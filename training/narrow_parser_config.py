"""Write a config that retrains a UD pipeline's parser with a narrower head (issue 18), starting from
a trained UD pipeline: tok2vec, morphologizer and lemmatizer are sourced and keep training (so the
shared tok2vec adapts to the smaller parser while still serving the other two), the parser starts
from scratch with the given hidden width and maxout pieces.

    python training/narrow_parser_config.py training/configs/ud.cfg training/output/nl-ud-2/model-best \\
        --steps 1500 --hidden-width 64 --maxout-pieces 2 --out training/output/nl-ud-narrow.cfg

Run the written config with `spacy train ... --code training/callbacks.py` (the lemmatizer's label
index is restored after sourcing, as for training/continue_config.py).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from continue_config import continue_config
from thinc.api import Config


def narrow_parser_config(
    base: Path, resume: Path, steps: int, learn_rate: float, hidden_width: int, maxout_pieces: int
) -> Config:
    fresh = Config().from_disk(base, interpolate=False)
    config = continue_config(base, resume, steps, learn_rate, eval_frequency=250)
    parser = dict(fresh["components"]["parser"])
    model = dict(parser["model"])
    model["hidden_width"] = hidden_width
    model["maxout_pieces"] = maxout_pieces
    model["tok2vec"] = {"@architectures": "spacy.Tok2VecListener.v1", "width": 96, "upstream": "*"}
    parser["model"] = model
    config["components"]["parser"] = parser
    return config


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", type=Path)
    parser.add_argument("resume", type=Path)
    parser.add_argument("--steps", type=int, default=1500)
    parser.add_argument("--learn-rate", type=float, default=0.001)
    parser.add_argument("--hidden-width", type=int, default=64)
    parser.add_argument("--maxout-pieces", type=int, default=2)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    config = narrow_parser_config(
        args.base, args.resume, args.steps, args.learn_rate, args.hidden_width, args.maxout_pieces
    )
    config.to_disk(args.out)


if __name__ == "__main__":
    main()
