"""CPU milliseconds per article in each spaCy component, over the annotated corpus's articles.

    python benchmarks/nlp_components.py [--split dev] [--langs nl en] [--batch-size 8] [--repeat 2]
        [--model LANG=PIPELINE_DIR ...]

Loads each language's pipeline as the nlp stage does (shipped model + kroniek's sentence rules and
entity cleanup), then runs the components one after another over all articles of that language,
each with ``pipe`` at the given batch size (``--model`` times another pipeline for a language, e.g. a
candidate written by training/assemble.py), and times each with the process's CPU clock. The best of
``--repeat`` passes is kept (the machine is shared; the minimum is the least disturbed pass).
Languages without a shipped model (de, fr) run spaCy's blank pipeline: the tokenizer only.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")


def corpus_texts(split: str) -> dict[str, list[str]]:
    """Article texts of one split of the annotated corpus, by language."""
    from kroniek.evaluation.gold import read_gold
    from kroniek.evaluation.run import corpus_gold_dir

    texts: dict[str, list[str]] = {}
    for path in sorted(corpus_gold_dir().glob("*.gold.json")):
        gold = read_gold(path)
        if gold.split == split:
            texts.setdefault(gold.language, []).append(gold.chronicle.article.text)
    return texts


def time_components(nlp: Any, texts: list[str], batch_size: int) -> dict[str, float]:
    """CPU seconds of the tokenizer and of each pipeline component over all texts."""
    seconds: dict[str, float] = {}
    start = time.process_time()
    docs: list[Any] = [nlp.make_doc(text) for text in texts]
    seconds["tokenizer"] = time.process_time() - start
    for name, proc in nlp.pipeline:
        start = time.process_time()
        piped: Iterable[Any] = proc.pipe(docs, batch_size=batch_size) if hasattr(proc, "pipe") else map(proc, docs)
        docs = list(piped)
        seconds[name] = time.process_time() - start
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev")
    parser.add_argument("--langs", nargs="*", default=None)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--model", action="append", default=[], metavar="LANG=PIPELINE_DIR")
    args = parser.parse_args()

    from kroniek.nlp.stage import NlpStage

    models = dict(choice.split("=", 1) for choice in args.model)
    stage = NlpStage(models=models)
    by_lang = corpus_texts(args.split)
    for lang in args.langs or sorted(by_lang):
        texts = by_lang.get(lang, [])
        if not texts:
            continue
        nlp = stage.load(lang)
        time_components(nlp, texts[:2], args.batch_size)  # warm-up: first-call allocations
        passes = [time_components(nlp, texts, args.batch_size) for _ in range(args.repeat)]
        best = {name: min(p[name] for p in passes) for name in passes[0]}
        words = sum(len(nlp.make_doc(t)) for t in texts)
        total = sum(best.values())
        print(f"{lang}: {len(texts)} articles, {words / len(texts):.0f} tokens/article, batch {args.batch_size}")
        for name, secs in best.items():
            share = secs / total if total else 0.0
            print(f"  {name:24s} {1000 * secs / len(texts):7.2f} ms/article  {share:6.1%}")
        print(f"  {'total':24s} {1000 * total / len(texts):7.2f} ms/article")


if __name__ == "__main__":
    main()
