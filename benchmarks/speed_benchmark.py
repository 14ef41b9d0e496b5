"""Speed benchmark: articles per second, peak memory per process, cold start of `kroniek extract`.

    PYTHONPATH=src python benchmarks/speed_benchmark.py [--articles 500] [--processes N] [--out benchmarks/results]

The batch cycles through the texts in ../shared/corpus/articles (mixed nl/en/de/fr; nothing is copied
into the project) until it holds ``--articles`` items. It measures

- the cold start: wall time of a `kroniek extract FILE` subprocess on one article (best and median of 3);
- one core: the batch extracted in this process, after the pipeline is loaded (load time reported
  separately), with the time spent in each pipeline stage;
- all cores: the same batch through ``Extractor.extract_many(n_process=cpu count)``;
- peak resident memory (ru_maxrss) of this process and of each worker.

It writes benchmarks/results/speed.json and a README-ready Markdown section benchmarks/results/speed.md,
and compares with the targets: >= 20 articles/s with all cores, cold start <= 3 s, peak RSS <= 1.5 GB.
Stages named in the configuration that cannot be imported yet are left out and listed as missing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO / "src") not in sys.path:
    sys.path.insert(0, str(REPO / "src"))

from kroniek.errors import KroniekError  # noqa: E402
from kroniek.evaluation.run import find_shared_dir  # noqa: E402
from kroniek.extractor import Extractor  # noqa: E402
from kroniek.ingest import RawArticle  # noqa: E402
from kroniek.pipeline import get_factory, load_config  # noqa: E402

TARGET_ARTICLES_PER_S = 20.0
TARGET_COLD_START_S = 3.0
TARGET_PEAK_RSS_MB = 1536.0


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


def load_batch(articles_dir: Path, size: int) -> list[RawArticle]:
    corpus = [read_corpus_article(p) for p in sorted(articles_dir.glob("*.txt"))]
    if not corpus:
        raise SystemExit(f"no articles in {articles_dir}")
    batch = []
    for i in range(size):
        a = corpus[i % len(corpus)]
        batch.append(RawArticle(text=a.text, id=f"{i:04d}-{a.name}", published=a.published, language=a.language))
    return batch


def available_config(path: Path | None = None) -> tuple[dict[str, Any], list[str]]:
    """The configuration minus the stages that cannot be imported (yet): (config, missing)."""
    config = load_config(path)
    missing = []
    kept = []
    for name in config["pipeline"]["stages"]:
        try:
            get_factory(name)
            kept.append(name)
        except (ImportError, KroniekError):
            missing.append(name)
    config["pipeline"]["stages"] = kept
    return config, missing


class TimedStage:
    """Wraps a stage and adds the CPU seconds spent in it to a shared table (robust to machine load)."""

    def __init__(self, stage: Any, table: dict[str, float]) -> None:
        self.stage = stage
        self.table = table
        self.name = stage.name
        self.requires = stage.requires
        self.provides = stage.provides

    def __call__(self, doc: Any) -> Any:
        started = time.process_time()
        try:
            return self.stage(doc)
        finally:
            self.table[self.name] += time.process_time() - started


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux, in bytes on macOS.
    scale = 1024 * 1024 if platform.system() == "Darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale


def children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def children_peak_rss_mb() -> float:
    scale = 1024 * 1024 if platform.system() == "Darwin" else 1024
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / scale


def cold_start(article: CorpusArticle, config: Path | None = None, repeats: int = 3) -> dict[str, Any]:
    """Wall time of a fresh `kroniek extract` process on one article."""
    kroniek_script = Path(sys.executable).with_name("kroniek")
    if kroniek_script.is_file():
        command = [str(kroniek_script)]
    else:
        command = [sys.executable, "-c", "from kroniek.cli.app import main; main()"]
    env = dict(os.environ, PYTHONPATH=str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    times = []
    cpu_times = []
    status = None
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text(article.text, encoding="utf-8")
        args = [*command, "extract", str(path)]
        if article.published:
            args += ["--published", article.published]
        if article.language:
            args += ["--lang", article.language]
        if config is not None:
            args += ["--config", str(config)]
        for _ in range(repeats):
            started, cpu_before = time.perf_counter(), children_cpu_s()
            done = subprocess.run(args, capture_output=True, env=env, text=True)
            times.append(time.perf_counter() - started)
            cpu_times.append(children_cpu_s() - cpu_before)
            status = done.returncode
            error = done.stderr.strip().splitlines()[-1] if done.returncode else None
    return {
        "article": article.name,
        "best_s": round(min(times), 3),
        "median_s": round(statistics.median(times), 3),
        "best_cpu_s": round(min(cpu_times), 3),
        "exit_status": status,
        "error": error,
    }


def cold_stage_profile(path: Path, config: Path | None) -> dict[str, Any]:
    """In a fresh process: CPU seconds of imports, pipeline build and each stage on the first article.

    The first article pays for loading every model, lexicon and gazetteer, so this says which stage
    makes the cold start slow.
    """
    code = (
        "import json, sys, time\n"
        "t0 = time.process_time()\n"
        "from collections import defaultdict\n"
        "from pathlib import Path\n"
        "import speed_benchmark as sb\n"
        "from kroniek.extractor import Extractor\n"
        "t1 = time.process_time()\n"
        "cfg, _ = sb.available_config(Path(sys.argv[2]) if sys.argv[2] else None)\n"
        "ex = Extractor(config=cfg)\n"
        "pipeline = ex.pipeline\n"
        "t2 = time.process_time()\n"
        "table = defaultdict(float)\n"
        "pipeline.stages = [sb.TimedStage(s, table) for s in pipeline.stages]\n"
        "a = sb.read_corpus_article(Path(sys.argv[1]))\n"
        "ex.extract(a.text, published=a.published, lang=a.language)\n"
        "out = {'python imports': t1 - t0, 'pipeline build': t2 - t1, **table}\n"
        "print(json.dumps({k: round(v, 3) for k, v in out.items()}))\n"
    )
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO / "src"), str(REPO / "benchmarks")]))
    done = subprocess.run(
        [sys.executable, "-c", code, str(path), str(config or "")], capture_output=True, text=True, env=env
    )
    if done.returncode:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"}
    parsed: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return parsed


def warm_up(extractor: Extractor, batch: list[RawArticle]) -> None:
    """Load every language's models (one article each) so that timing starts warm."""
    first_of_language = {a.language: a for a in reversed(batch)}
    for article in first_of_language.values():
        extractor.extract_article(article)


def run_one_core(config: dict[str, Any], batch: list[RawArticle]) -> dict[str, Any]:
    started = time.perf_counter()
    extractor = Extractor(config=config)
    pipeline = extractor.pipeline
    stage_seconds: dict[str, float] = defaultdict(float)
    pipeline.stages = [TimedStage(s, stage_seconds) for s in pipeline.stages]
    warm_up(extractor, batch)
    load_s = time.perf_counter() - started
    stage_seconds.clear()
    started, cpu_started = time.perf_counter(), time.process_time()
    failures = sum(1 for r in extractor.extract_many(batch) if isinstance(r, KroniekError))
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    return {
        "load_s": round(load_s, 3),
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu_seconds, 3),
        "articles_per_s": round(len(batch) / seconds, 2),
        "articles_per_cpu_s": round(len(batch) / cpu_seconds, 2),
        "failures": failures,
        "stage_cpu_seconds": {k: round(v, 3) for k, v in stage_seconds.items()},
        "stage_share": {k: round(v / cpu_seconds, 3) for k, v in stage_seconds.items()},
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def run_all_cores(config: dict[str, Any], batch: list[RawArticle], processes: int) -> dict[str, Any]:
    extractor = Extractor(config=config)
    warm_up(extractor, batch)  # before the workers fork, so they share the loaded models
    started, cpu_before = time.perf_counter(), children_cpu_s()
    results = list(extractor.extract_many(batch, n_process=processes, chunk_size=8))
    seconds = time.perf_counter() - started
    cpu_seconds = children_cpu_s() - cpu_before
    return {
        "processes": processes,
        "seconds": round(seconds, 3),
        "worker_cpu_seconds": round(cpu_seconds, 3),
        "articles_per_s": round(len(batch) / seconds, 2),
        # What the processes would reach on an otherwise idle machine: each worker's CPU rate times
        # the workers that can run at once.
        "idle_machine_articles_per_s": round(min(processes, os.cpu_count() or 1) * len(batch) / cpu_seconds, 2)
        if cpu_seconds
        else None,
        "failures": sum(1 for r in results if isinstance(r, KroniekError)),
        "worker_peak_rss_mb": round(children_peak_rss_mb(), 1),
    }


def _verdict(measured_ok: bool, idle_ok: bool) -> str:
    if measured_ok:
        return "met"
    return "met on an idle machine (CPU-time estimate), **missed** as measured" if idle_ok else "**missed**"


def markdown(result: dict[str, Any]) -> str:
    one, many, cold = result["one_core"], result["all_cores"], result["cold_start"]
    t = result["targets"]
    idle_rate = many.get("idle_machine_articles_per_s") or 0.0
    lines = [
        "## Speed",
        "",
        f"Measured by `benchmarks/speed_benchmark.py` on {result['machine']} ({result['cpus']} cores), "
        f"{result['date']}: {result['articles']} articles cycled from the dev corpus (mixed "
        f"{', '.join(f'{k} {v}' for k, v in sorted(result['languages'].items()))}), "
        f"{result['mean_chars']:.0f} characters on average.",
        f"Pipeline: {', '.join(result['stages'])}.",
    ]
    if result["missing_stages"]:
        lines.append(f"Not yet available, so not measured: {', '.join(result['missing_stages'])}.")
    lines += [
        "",
        f"The machine's 1-minute load average was {result['load_average'][0]:.1f} before and "
        f"{result['load_average'][1]:.1f} after the run on {result['cpus']} cores, so wall-clock rates are",
        "lower bounds; the CPU-time columns say what the same work costs on an idle machine.",
        "",
        "| measure | wall clock | CPU time | target |",
        "|---|---|---|---|",
        f"| one core | {one['articles_per_s']:.1f} articles/s | {one['articles_per_cpu_s']:.1f} articles/CPU-s | |",
        f"| all cores ({many['processes']} processes) | {many['articles_per_s']:.1f} articles/s | "
        f"{idle_rate:.1f} articles/s on an idle machine | >= {TARGET_ARTICLES_PER_S:.0f}/s: "
        f"{_verdict(t['articles_per_s'], idle_rate >= TARGET_ARTICLES_PER_S)} |",
        f"| cold start of `kroniek extract` (slowest language: {cold.get('language', '?')}, best of 2) | "
        f"{cold['best_s']:.2f} s | {cold['best_cpu_s']:.2f} s | "
        f"<= {TARGET_COLD_START_S:.0f} s: "
        f"{_verdict(t['cold_start'], cold['best_cpu_s'] <= TARGET_COLD_START_S and cold['exit_status'] == 0)} |",
        f"| pipeline load, all four languages (in process) | {one['load_s']:.2f} s | | |",
        f"| peak memory, one process | {one['peak_rss_mb']:.0f} MB | | "
        f"<= {TARGET_PEAK_RSS_MB:.0f} MB: {'met' if t['peak_rss'] else '**missed**'} |",
        f"| peak memory, largest worker | {many['worker_peak_rss_mb']:.0f} MB | | |",
        "",
        "CPU time per stage (one core):",
        "",
        "| stage | CPU seconds | share | ms per article |",
        "|---|---|---|---|",
    ]
    n = result["articles"]
    for stage, seconds in sorted(one["stage_cpu_seconds"].items(), key=lambda kv: -kv[1]):
        lines.append(f"| {stage} | {seconds:.2f} | {one['stage_share'][stage]:.0%} | {1000 * seconds / n:.1f} |")
    rest = one["cpu_seconds"] - sum(one["stage_cpu_seconds"].values())
    lines.append(
        f"| (outside the stages: checks, assembly, validation) | {rest:.2f} | {rest / one['cpu_seconds']:.0%} | "
        f"{1000 * rest / n:.1f} |"
    )
    by_language = cold.get("by_language") or {}
    if by_language:
        lines += [
            "",
            "Cold start by language: "
            + ", ".join(
                f"{k} {v['best_s']:.2f} s ({v['best_cpu_s']:.2f} CPU-s)" for k, v in sorted(by_language.items())
            )
            + ".",
        ]
    parts = cold.get("cpu_by_part") or {}
    if parts and "error" not in parts:
        lines += [
            "",
            f"Cold start ({cold.get('language', '?')}), CPU seconds by part (first article in a fresh process; "
            "it pays for loading):",
            "",
            "| part | CPU seconds |",
            "|---|---|",
        ]
        lines += [f"| {k} | {v:.2f} |" for k, v in sorted(parts.items(), key=lambda kv: -kv[1])]
    if result.get("findings"):
        lines += ["", "Findings:", ""] + [f"- {f}" for f in result["findings"]]
    if one["failures"] or many["failures"]:
        lines += ["", f"Failed articles: {one['failures']} (one core), {many['failures']} (all cores)."]
    if cold.get("error"):
        lines += ["", f"The cold-start run failed: {cold['error']}"]
    lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--corpus", type=Path, help="folder of corpus articles (default: ../shared/corpus/articles)")
    parser.add_argument("--config", type=Path, help="pipeline configuration (TOML) instead of the default")
    parser.add_argument("--note", action="append", default=[], help="a finding to print under the tables")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results")
    parser.add_argument(
        "--render-only", action="store_true", help="rewrite speed.md from the saved speed.json (with --note)"
    )
    args = parser.parse_args(argv)
    if args.render_only:
        saved = json.loads((args.out / "speed.json").read_text(encoding="utf-8"))
        saved["findings"] = args.note or saved.get("findings", [])
        (args.out / "speed.json").write_text(json.dumps(saved, indent=1) + "\n", encoding="utf-8")
        (args.out / "speed.md").write_text(markdown(saved), encoding="utf-8")
        return 0

    articles_dir = args.corpus
    if articles_dir is None:
        shared = find_shared_dir(REPO)
        if shared is None:
            print("speed benchmark SKIPPED: ../shared/corpus/articles not found (give --corpus)", file=sys.stderr)
            return 3
        articles_dir = shared / "corpus" / "articles"
    batch = load_batch(articles_dir, args.articles)
    config, missing = available_config(args.config)
    # One article per language: each loads its own pipeline, so the cold start differs by language;
    # the slowest language is the one reported against the target.
    first_paths: dict[str, Path] = {}
    for path in sorted(articles_dir.glob("*.txt")):
        first_paths.setdefault(read_corpus_article(path).language or "?", path)

    load_before = os.getloadavg()[0]
    per_language = {}
    for lang, path in sorted(first_paths.items()):
        print(f"cold start ({path.name}) ...", file=sys.stderr)
        per_language[lang] = cold_start(read_corpus_article(path), args.config, repeats=2)
    worst_lang = max(per_language, key=lambda lang: per_language[lang]["best_s"])
    cold = dict(per_language[worst_lang], language=worst_lang)
    cold["by_language"] = {
        lang: {"best_s": c["best_s"], "best_cpu_s": c["best_cpu_s"]} for lang, c in per_language.items()
    }
    cold["cpu_by_part"] = cold_stage_profile(first_paths[worst_lang], args.config)
    print(f"one core, {len(batch)} articles ...", file=sys.stderr)
    one = run_one_core(config, batch)
    print(f"{args.processes} processes ...", file=sys.stderr)
    many = run_all_cores(config, batch, args.processes)

    languages: dict[str, int] = defaultdict(int)
    for a in batch:
        languages[a.language or "?"] += 1
    best_rate = max(one["articles_per_s"], many["articles_per_s"])
    result = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{platform.machine()} {platform.system()}, Python {platform.python_version()}",
        "cpus": os.cpu_count(),
        # Other work on the machine slows every number down: the 1-minute load before and after.
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "articles": len(batch),
        "languages": dict(languages),
        "mean_chars": sum(len(a.text) for a in batch) / len(batch),
        "stages": config["pipeline"]["stages"],
        "missing_stages": missing,
        "findings": args.note,
        "cold_start": cold,
        "one_core": one,
        "all_cores": many,
        "targets": {
            "articles_per_s": best_rate >= TARGET_ARTICLES_PER_S,
            "cold_start": cold["best_s"] <= TARGET_COLD_START_S and cold["exit_status"] == 0,
            "peak_rss": max(one["peak_rss_mb"], many["worker_peak_rss_mb"]) <= TARGET_PEAK_RSS_MB,
        },
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "speed.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    (args.out / "speed.md").write_text(markdown(result), encoding="utf-8")
    print(markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
