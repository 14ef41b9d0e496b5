"""What the workbenches share (``coder_lab.py``, ``actors_lab.py``): the gold of a split and a pickled cache of
the corpus annotated by the first stages, so that a change to a later stage is measured without parsing again.

The test split is refused: it is sealed (docs/evaluation.md).
"""

from __future__ import annotations

import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kroniek.evaluation.gold import GoldChronicle
from kroniek.evaluation.run import select_golds
from kroniek.pipeline.config import load_config


def golds_of(split: str) -> list[GoldChronicle]:
    if split == "test":
        sys.exit("the test split is sealed")
    # "goldset": the old dev gold set that `kroniek evaluate` scores by default
    return select_golds(split=None if split == "goldset" else split)


def cache_docs(split: str, cache: Path, keep_stage: Callable[[str], bool]) -> None:
    """Annotate every document of the split with the configured stages that ``keep_stage`` keeps; pickle them."""
    from kroniek.extractor import Extractor
    from kroniek.ingest import RawArticle

    config = load_config()
    config["pipeline"]["stages"] = [s for s in config["pipeline"]["stages"] if keep_stage(s)]
    extractor = Extractor(config=config)
    cache.mkdir(parents=True, exist_ok=True)
    docs = {}
    for gold in golds_of(split):
        article = gold.chronicle.article
        raw = RawArticle(text=article.text, id=gold.key, language=article.language)
        doc = extractor.annotate(raw, published=article.published, lang=article.language)
        doc.article = article  # the gold's own metadata, as kroniek evaluate passes it
        docs[gold.key] = doc
    with open(cache / f"{split}.pkl", "wb") as fh:
        pickle.dump(docs, fh, protocol=pickle.HIGHEST_PROTOCOL)
    print(f"{len(docs)} documents cached in {cache / f'{split}.pkl'}")


def load_docs(split: str, cache: Path) -> dict[str, Any]:
    with open(cache / f"{split}.pkl", "rb") as fh:
        return pickle.load(fh)  # noqa: S301 (our own cache)
