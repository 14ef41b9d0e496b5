"""Before/after on a shared machine: two checkouts measured interleaved (base, new, base, new …).

    python benchmarks/speed_ab.py BASE_CHECKOUT NEW_CHECKOUT [--articles 200] [--cold-repeats 5] [--out FILE]

Each checkout is measured with its own ``benchmarks/speed_benchmark.py`` (its ``run_process`` runs the
``kroniek`` command with that checkout's ``src`` first on PYTHONPATH): the README command's cold start
``--cold-repeats`` times each, then a batch of ``--articles`` corpus articles with 1 and 2 workers.
Interleaving spreads the other jobs' load over both sides; compare CPU seconds, not wall clock. A
checkout of an older commit can be made with ``git archive COMMIT | tar -x -C DIR``. Give both the same
warm disk cache (``KRONIEK_CACHE_DIR``), or the first runs pay for building it.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent


def benchmark_module(checkout: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, checkout / "benchmarks" / "speed_benchmark.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"{checkout}: no benchmarks/speed_benchmark.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("base", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--cold-repeats", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=HERE.parents[1] / "shared" / "corpus" / "articles")
    parser.add_argument("--out", type=Path, help="write the runs as JSON here")
    parser.add_argument("--from-source", action="store_true", help="do not compile either checkout to bytecode")
    args = parser.parse_args()
    sides = {
        "base": benchmark_module(args.base.resolve(), "speed_base"),
        "new": benchmark_module(args.new.resolve(), "speed_new"),
    }
    if not args.from_source:  # both as installed (bytecode), or both from source
        for module in sides.values():
            compile_sources = getattr(module, "compile_sources", None)
            if compile_sources is not None:
                compile_sources()
            else:  # a checkout from before round 6
                import compileall

                compileall.compile_dir(str(Path(module.__file__).resolve().parents[1] / "src" / "kroniek"), quiet=1)
    result: dict[str, Any] = {"cold": {side: [] for side in sides}, "batch": {}}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for _ in range(args.cold_repeats):
            for side, module in sides.items():
                run = module.run_process(module.README_COMMAND, tmp / f"cold-{side}.txt")
                result["cold"][side].append(run)
                print(
                    side,
                    "cold start",
                    run["wall_s"],
                    "s,",
                    run["cpu_s"],
                    "CPU-s, load",
                    run["load_average"],
                    flush=True,
                )
        for side in sides:
            runs = result["cold"][side]
            summary = {
                "median_cpu_s": statistics.median(r["cpu_s"] for r in runs),
                "best_cpu_s": min(r["cpu_s"] for r in runs),
                "median_wall_s": statistics.median(r["wall_s"] for r in runs),
                "peak_pss_mb": max(r["peak_pss_mb"] for r in runs),
            }
            result["cold"][f"{side}_summary"] = summary
            print(side, "cold start summary", json.dumps(summary), flush=True)
        batch = sides["base"].load_batch(args.corpus, args.articles)
        batch_path = tmp / "batch.jsonl"
        batch_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in batch), encoding="utf-8")
        for workers in (1, 2):
            for side, module in sides.items():
                run = module.run_batch(batch_path, args.articles, workers, 1, tmp)
                result["batch"][f"{side}-{workers}"] = run
                print(
                    side,
                    workers,
                    "worker(s):",
                    run["cpu_ms_per_article"],
                    "CPU ms/article,",
                    run["peak_pss_mb"],
                    "MB PSS",
                    flush=True,
                )
    if args.out:
        args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
