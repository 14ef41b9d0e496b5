"""The loader and scorer on the real dev gold set (../shared), read in place, never copied."""

from __future__ import annotations

import pytest

from kroniek.evaluation.gold import gold_files, read_gold
from kroniek.evaluation.run import default_gold_paths
from kroniek.evaluation.scorer import score_article, sum_tallies

PATHS = default_gold_paths()


@pytest.mark.skipif(not PATHS, reason="dev gold set (../shared/corpus/gold) not found: NOT CHECKED")
def test_every_dev_gold_file_loads_and_scores_perfectly_against_itself() -> None:
    golds = [read_gold(p) for p in gold_files(PATHS)]
    assert len(golds) >= 2
    total = sum_tallies(score_article(g, g.chronicle).tally for g in golds)
    assert total.gold_required > 0
    for metric, value in total.metrics().items():
        assert value in (None, 1.0), metric
