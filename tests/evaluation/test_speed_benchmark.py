from __future__ import annotations

import importlib.util
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
    assert len(batch) == 5 and len({a.id for a in batch}) == 5


def test_markdown_reports_targets_and_stages() -> None:
    bench = load_benchmark()
    result = {
        "date": "d",
        "machine": "m",
        "cpus": 2,
        "articles": 10,
        "languages": {"en": 10},
        "mean_chars": 2000.0,
        "load_average": [1.0, 1.0],
        "stages": ["a/v1"],
        "missing_stages": ["b/v1"],
        "findings": ["slow a"],
        "cold_start": {"best_s": 4.0, "best_cpu_s": 2.0, "exit_status": 0, "error": None},
        "one_core": {
            "articles_per_s": 5.0,
            "articles_per_cpu_s": 12.0,
            "load_s": 1.0,
            "peak_rss_mb": 100.0,
            "cpu_seconds": 1.0,
            "stage_cpu_seconds": {"a/v1": 0.8},
            "stage_share": {"a/v1": 0.8},
            "failures": 0,
        },
        "all_cores": {
            "processes": 2,
            "articles_per_s": 8.0,
            "idle_machine_articles_per_s": 24.0,
            "worker_peak_rss_mb": 90.0,
            "failures": 0,
        },
        "targets": {"articles_per_s": False, "cold_start": False, "peak_rss": True},
    }
    text = bench.markdown(result)
    assert "| a/v1 | 0.80 | 80% | 80.0 |" in text
    assert "met on an idle machine" in text
    assert "Not yet available, so not measured: b/v1." in text
    assert "- slow a" in text
