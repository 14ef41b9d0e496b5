"""Speed as a user feels it: the `kroniek` command timed as a whole process.

    python benchmarks/speed_benchmark.py [--articles 500] [--workers 1 2] [--repeats 1] [--out benchmarks/results]

The batch cycles through the texts in ../shared/corpus/articles (mixed nl/en/de/fr) until it holds
``--articles`` items; it is written as JSONL to a temporary folder (never into the project) and run as

    kroniek extract BATCH.jsonl --format jsonl --n-process N      (standard output to a file)

once per worker count. For each run it reports the wall time from start to exit (imports, loading,
extraction and writing the output included), articles per second, the CPU seconds of the process and
all its workers together per article, and the peak memory as PSS summed over the process and its
workers (read from /proc/PID/smaps_rollup every 50 ms while it runs: PSS splits a page shared by
several processes between them, so the sum is the memory the run really takes).

The cold start is the README's first command on the shipped example, a fresh process each time:

    kroniek extract examples/seed.txt --published 2025-03-19 --format table

kroniek's modules are compiled to bytecode first (``compileall``, into the checkout's ``__pycache__``
folders, which git ignores), as ``pip install`` does: with ``PYTHONDONTWRITEBYTECODE`` set, as on the
development machine, every process would otherwise compile all of kroniek's source again (about 0.1 to
0.15 CPU-s of the cold start). ``--from-source`` measures without bytecode, as the rounds before round 6 did.

Other work on the machine slows the wall clock down but hardly the CPU time, so the CPU seconds per
article and the load average before and after each run are reported next to the wall-clock rates.
``--stages`` adds an in-process profile: CPU milliseconds per article in each pipeline stage.
Results: benchmarks/results/speed.json and speed.md (README-ready).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO / "src") not in sys.path:
    sys.path.insert(0, str(REPO / "src"))

TARGET_RATE_TWO_WORKERS = 45.0
TARGET_RATE_ONE_WORKER = 25.0
TARGET_COLD_START_S = 1.5
TARGET_PSS_MB = 500.0
README_COMMAND = ["extract", "examples/seed.txt", "--published", "2025-03-19", "--format", "table"]
POLL_S = 0.05


@dataclass(slots=True)
class CorpusArticle:
    name: str
    text: str
    published: str | None
    language: str | None


def read_corpus_article(path: Path) -> CorpusArticle:
    """Header lines ("key: value"), a blank line, the text (one trailing newline dropped)."""
    raw = path.read_text(encoding="utf-8")
    header, _, body = raw.partition("\n\n")
    fields = dict(line.split(": ", 1) for line in header.splitlines() if ": " in line)
    if body.endswith("\n"):
        body = body[:-1]
    published = fields.get("published")
    return CorpusArticle(
        path.name, body, published if published not in (None, "", "unknown") else None, fields.get("language")
    )


def load_batch(articles_dir: Path, size: int) -> list[dict[str, Any]]:
    """``size`` JSONL records cycling through the corpus in file-name order (the same batch every run)."""
    corpus = [read_corpus_article(p) for p in sorted(articles_dir.glob("*.txt"))]
    if not corpus:
        raise SystemExit(f"no articles in {articles_dir}")
    batch = []
    for i in range(size):
        a = corpus[i % len(corpus)]
        record = {"id": f"{i:04d}-{a.name}", "text": a.text, "published": a.published, "language": a.language}
        batch.append({k: v for k, v in record.items() if v is not None})
    return batch


def kroniek_command() -> list[str]:
    script = Path(sys.executable).with_name("kroniek")
    if script.is_file():
        return [str(script)]
    found = shutil.which("kroniek")
    return [found] if found else [sys.executable, "-m", "kroniek.cli"]


def process_tree(root: int) -> list[int]:
    """``root`` and its descendants, from /proc/PID/task/TID/children."""
    pids, todo = [], [root]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:  # the process ended between the listing and the read
            continue
    return pids


def pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def compile_sources() -> None:
    """kroniek's modules as bytecode beside the source (what an installed package has): later processes read
    it even where ``PYTHONDONTWRITEBYTECODE`` keeps them from writing it."""
    import compileall

    compileall.compile_dir(str(REPO / "src" / "kroniek"), quiet=1)


def run_process(args: list[str], stdout_path: Path) -> dict[str, Any]:
    """Run ``kroniek ARGS`` to its end: wall seconds, CPU seconds (with its workers), peak summed PSS."""
    load_before = os.getloadavg()[0]
    cpu_before = children_cpu_s()
    peak_kb, peak_processes = 0, 0
    with stdout_path.open("w", encoding="utf-8") as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        # the checkout this file lives in is measured, whichever one the environment installed
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")]))
        proc = subprocess.Popen([*kroniek_command(), *args], stdout=out, stderr=err, cwd=REPO, env=env)
        while proc.poll() is None:
            tree = process_tree(proc.pid)
            total = sum(pss_kb(pid) for pid in tree)
            if total > peak_kb:
                peak_kb, peak_processes = total, len(tree)
            time.sleep(POLL_S)
        wall = time.perf_counter() - started
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    cpu = children_cpu_s() - cpu_before  # the workers were waited for by the process, so they count here
    return {
        "wall_s": round(wall, 3),
        "cpu_s": round(cpu, 3),
        "peak_pss_mb": round(peak_kb / 1024, 1),
        "processes_at_peak": peak_processes,
        "exit_status": proc.returncode,
        "error": stderr.strip().splitlines()[-1] if proc.returncode and stderr.strip() else None,
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }


def run_batch(batch_path: Path, articles: int, workers: int, repeats: int, tmp: Path) -> dict[str, Any]:
    runs = []
    for _ in range(repeats):
        out = tmp / f"out-{workers}.jsonl"
        run = run_process(["extract", str(batch_path), "--format", "jsonl", "--n-process", str(workers)], out)
        run["chronicles"] = sum(1 for _ in out.open(encoding="utf-8"))
        runs.append(run)
    best = min(runs, key=lambda r: r["wall_s"])
    return {
        "workers": workers,
        **best,
        "articles_per_s": round(articles / best["wall_s"], 2),
        "cpu_ms_per_article": round(1000 * min(r["cpu_s"] for r in runs) / articles, 1),
        "peak_pss_mb": max(r["peak_pss_mb"] for r in runs),
        "wall_s_all": [r["wall_s"] for r in runs],
    }


def cold_start(repeats: int, tmp: Path) -> dict[str, Any]:
    runs = [run_process(README_COMMAND, tmp / "cold.txt") for _ in range(repeats)]
    walls = [r["wall_s"] for r in runs]
    return {
        "command": "kroniek " + " ".join(README_COMMAND),
        "best_s": min(walls),
        "median_s": round(statistics.median(walls), 3),
        "best_cpu_s": min(r["cpu_s"] for r in runs),
        "peak_pss_mb": max(r["peak_pss_mb"] for r in runs),
        "exit_status": runs[-1]["exit_status"],
        "error": runs[-1]["error"],
        "load_average": [runs[0]["load_average"][0], runs[-1]["load_average"][1]],
    }


class TimedStage:
    """Wraps a stage and adds the CPU seconds spent in it to a shared table (robust to machine load)."""

    def __init__(self, stage: Any, table: dict[str, float]) -> None:
        self.stage = stage
        self.table = table
        self.name = stage.name
        self.requires = stage.requires
        self.provides = stage.provides

    def __getattr__(self, name: str) -> Any:  # memory_zone and the like reach the wrapped stage
        return getattr(self.stage, name)

    def __call__(self, doc: Any) -> Any:
        started = time.process_time()
        try:
            return self.stage(doc)
        finally:
            self.table[self.name] += time.process_time() - started


def stage_profile(batch: list[dict[str, Any]]) -> dict[str, Any]:
    """In this process, after one article per language has loaded everything: CPU ms per article by stage."""
    from kroniek.extractor import Extractor
    from kroniek.ingest import RawArticle

    extractor = Extractor()
    table: dict[str, float] = defaultdict(float)
    pipeline = extractor.pipeline
    pipeline.stages = [TimedStage(s, table) for s in pipeline.stages]
    raws = [
        RawArticle(text=r["text"], id=r["id"], published=r.get("published"), language=r.get("language")) for r in batch
    ]
    for raw in {r.language: r for r in raws}.values():
        extractor.extract_article(raw)
    table.clear()
    started = time.process_time()
    for raw in raws:
        extractor.extract_article(raw)
    total = time.process_time() - started
    per_article = {k: round(1000 * v / len(raws), 2) for k, v in sorted(table.items(), key=lambda kv: -kv[1])}
    per_article["(outside the stages)"] = round(1000 * (total - sum(table.values())) / len(raws), 2)
    return {"cpu_ms_per_article": per_article, "total_cpu_ms_per_article": round(1000 * total / len(raws), 2)}


def _mark(ok: bool) -> str:
    return "met" if ok else "**missed**"


def markdown(result: dict[str, Any]) -> str:
    cold = result["cold_start"]
    lines = [
        "## Speed",
        "",
        f"Measured by `benchmarks/speed_benchmark.py` on {result['machine']} ({result['cpus']} cores), "
        f"{result['date']}: the `kroniek` command as a whole process (start-up, loading, extraction and "
        f"writing the output), {result['articles']} articles cycled from the dev corpus "
        f"({', '.join(f'{k} {v}' for k, v in sorted(result['languages'].items()))}; "
        f"{result['mean_chars']:.0f} characters on average) as one JSONL batch, "
        "`kroniek extract batch.jsonl --format jsonl --n-process N`"
        + (
            ", kroniek compiled to bytecode first (as installed)."
            if result.get("bytecode")
            else ", kroniek's modules compiled from source in every process."
        ),
        "",
        "The machine is shared: the load average (1 minute) before and after each run is given. "
        "Wall-clock rates are what the run got; CPU time per article is the least disturbed figure.",
        "",
        "| run | wall clock | articles/s | CPU ms per article | peak PSS (all processes) | load avg | target |",
        "|---|---|---|---|---|---|---|",
    ]
    targets = {1: TARGET_RATE_ONE_WORKER, 2: TARGET_RATE_TWO_WORKERS}
    for run in result["batch"]:
        target = targets.get(run["workers"])
        verdict = f">= {target:.0f}/s: {_mark(run['articles_per_s'] >= target)}" if target else ""
        if run["workers"] == 2:
            verdict += f"; <= {TARGET_PSS_MB:.0f} MB: {_mark(run['peak_pss_mb'] <= TARGET_PSS_MB)}"
        lines.append(
            f"| {run['workers']} worker{'s' if run['workers'] > 1 else ''} | {run['wall_s']:.1f} s | "
            f"{run['articles_per_s']:.1f} | {run['cpu_ms_per_article']:.1f} | {run['peak_pss_mb']:.0f} MB | "
            f"{run['load_average'][0]:.1f} → {run['load_average'][1]:.1f} | {verdict} |"
        )
    lines.append(
        f"| cold start: `{cold['command']}` | {cold['best_s']:.2f} s (median {cold['median_s']:.2f}) | | "
        f"{1000 * cold['best_cpu_s']:.0f} (whole process) | {cold['peak_pss_mb']:.0f} MB | "
        f"{cold['load_average'][0]:.1f} → {cold['load_average'][1]:.1f} | "
        f"<= {TARGET_COLD_START_S} s: {_mark(cold['best_s'] <= TARGET_COLD_START_S and cold['exit_status'] == 0)} |"
    )
    cpus = result["cpus"]
    for run in result["batch"]:
        if run["cpu_ms_per_article"]:
            idle = min(run["workers"], cpus) * 1000 / run["cpu_ms_per_article"]
            lines.append("")
            lines.append(
                f"On an idle machine the CPU time of the {run['workers']}-worker run would allow at most "
                f"{idle:.1f} articles/s ({min(run['workers'], cpus)} core(s) × 1000 / CPU ms per article)."
            )
    stages = result.get("stages")
    if stages:
        lines += ["", "CPU milliseconds per article by stage (in process, after loading):", ""]
        lines += ["| stage | CPU ms per article |", "|---|---|"]
        lines += [f"| {k} | {v:.2f} |" for k, v in stages["cpu_ms_per_article"].items()]
        lines.append(f"| total | {stages['total_cpu_ms_per_article']:.2f} |")
    for run in [*result["batch"], cold]:
        if run.get("error") or run.get("exit_status"):
            lines += ["", f"A run ended with status {run['exit_status']}: {run.get('error')}"]
    if result.get("findings"):
        lines += ["", "Findings:", ""] + [f"- {f}" for f in result["findings"]]
    lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeats", type=int, default=1, help="runs per worker count (the fastest is reported)")
    parser.add_argument("--cold-repeats", type=int, default=3)
    parser.add_argument("--stages", action="store_true", help="also profile the stages in this process")
    parser.add_argument("--corpus", type=Path, help="folder of corpus articles (default: ../shared/corpus/articles)")
    parser.add_argument("--note", action="append", default=[], help="a finding to print under the tables")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results")
    parser.add_argument("--from-source", action="store_true", help="do not compile kroniek to bytecode first")
    args = parser.parse_args(argv)
    if not args.from_source:
        compile_sources()

    articles_dir = args.corpus
    if articles_dir is None:
        from kroniek.evaluation.run import find_shared_dir

        shared = find_shared_dir(REPO)
        if shared is None:
            print("speed benchmark SKIPPED: ../shared/corpus/articles not found (give --corpus)", file=sys.stderr)
            return 3
        articles_dir = shared / "corpus" / "articles"
    batch = load_batch(articles_dir, args.articles)
    result: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{platform.machine()} {platform.system()}, Python {platform.python_version()}",
        "cpus": os.cpu_count(),
        "articles": len(batch),
        "languages": dict(Counter(r.get("language", "?") for r in batch)),
        "mean_chars": sum(len(r["text"]) for r in batch) / len(batch),
        "findings": args.note,
        "bytecode": not args.from_source,
    }
    with tempfile.TemporaryDirectory(prefix="kroniek-speed-") as tmp_name:
        tmp = Path(tmp_name)
        batch_path = tmp / "batch.jsonl"
        batch_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in batch), encoding="utf-8")
        print("cold start ...", file=sys.stderr)
        result["cold_start"] = cold_start(args.cold_repeats, tmp)
        result["batch"] = []
        for workers in args.workers:
            print(f"{len(batch)} articles, {workers} worker(s) ...", file=sys.stderr)
            result["batch"].append(run_batch(batch_path, len(batch), workers, args.repeats, tmp))
    if args.stages:
        print("stage profile ...", file=sys.stderr)
        result["stages"] = stage_profile(batch)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "speed.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    (args.out / "speed.md").write_text(markdown(result), encoding="utf-8")
    print(markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
