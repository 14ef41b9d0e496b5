from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "speed_benchmark.py"


def load_benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("speed_benchmark", BENCHMARK)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["speed_benchmark"] = module
    spec.loader.exec_module(module)
    return module


def test_corpus_files_are_read_like_the_gold_texts(tmp_path: Path) -> None:
    bench = load_benchmark()
    path = tmp_path / "001_xx_test.txt"
    # Header, blank line, text, and one trailing newline that is not part of the text.
    path.write_text("url: x\npublished: 2024-01-02\nlanguage: en\n\nA title\n\nThe body.\n", encoding="utf-8")
    article = bench.read_corpus_article(path)
    assert article.text == "A title\n\nThe body."
    assert article.published == "2024-01-02" and article.language == "en"
    batch = bench.load_batch(tmp_path, 5)
    assert len(batch) == 5 and len({a["id"] for a in batch}) == 5
    assert batch[0]["language"] == "en" and batch[0]["published"] == "2024-01-02"


def test_the_process_tree_and_its_pss_are_read_from_proc() -> None:
    bench = load_benchmark()
    assert os.getpid() in bench.process_tree(os.getpid())
    assert bench.pss_kb(os.getpid()) > 0
    assert bench.pss_kb(2**22 + 7) == 0  # no such process: nothing, not an error


def _run(workers: int, rate: float, pss: float) -> dict[str, object]:
    return {
        "workers": workers,
        "wall_s": 10.0,
        "articles_per_s": rate,
        "cpu_ms_per_article": 40.0,
        "peak_pss_mb": pss,
        "load_average": [1.0, 1.5],
        "exit_status": 0,
        "error": None,
    }


def test_markdown_reports_targets_load_and_stages() -> None:
    bench = load_benchmark()
    result = {
        "date": "d",
        "machine": "m",
        "cpus": 2,
        "articles": 10,
        "languages": {"en": 10},
        "mean_chars": 2000.0,
        "findings": ["slow a"],
        "batch": [_run(1, 26.0, 300.0), _run(2, 40.0, 520.0)],
        "cold_start": {
            "command": "kroniek extract x",
            "best_s": 1.2,
            "median_s": 1.3,
            "best_cpu_s": 1.1,
            "peak_pss_mb": 200.0,
            "exit_status": 0,
            "error": None,
            "load_average": [0.5, 0.6],
        },
        "stages": {"cpu_ms_per_article": {"a/v1": 8.0}, "total_cpu_ms_per_article": 9.0},
    }
    text = bench.markdown(result)
    assert "| 1 worker | 10.0 s | 26.0 | 40.0 | 300 MB | 1.0 → 1.5 | >= 25/s: met |" in text
    assert ">= 45/s: **missed**; <= 500 MB: **missed**" in text
    assert "<= 1.5 s: met" in text
    assert "| a/v1 | 8.00 |" in text and "- slow a" in text
    assert "at most 50.0 articles/s" in text  # 2 cores x 1000 / 40 ms
