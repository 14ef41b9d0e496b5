"""Scaling benchmark: time and peak memory of extracting ONE article of 25k, 100k, 400k and 1M characters.

    PYTHONPATH=src python benchmarks/scaling_benchmark.py [--sizes 25000,100000,400000,1000000] [--out benchmarks/results]

Two kinds of text, both written for this benchmark (no third-party text):

- ``paragraphs``: a news-like article, sentences about varied actors in paragraphs of four sentences;
- ``one line``: the audit's repro, "President Trump met Putin in Helsinki. " repeated on one line
  without any paragraph or line break (the worst case for cutting a text into pieces).

Every size runs in a fresh process (so that its peak resident memory is its own), after the pipeline
is loaded there; the time is that of ``Extractor.extract`` alone. The goal (issue 16): time grows
linearly with length, within 1.5x of linear from the smallest size to the largest, i.e. the
time per character at the largest size is at most 1.5 times that at the smallest.
Results go to benchmarks/results/scaling.json and scaling.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
LINEAR_TOLERANCE = 1.5

# Written for this benchmark: varied actors, places, dates and numbers, so the text is not one repeat.
SENTENCES = [
    "Chancellor Olaf Scholz met President Emmanuel Macron in Paris on Tuesday to discuss energy prices.",
    "The Dutch government promised to send 200 trucks of food aid to Gaza before the end of the month.",
    "Russia accused Ukraine of shelling a power station near Zaporizhzhia, which Kyiv denied.",
    "The European Union imposed new sanctions on Iran after the talks in Vienna collapsed.",
    "Prime Minister Mark Rutte said the Netherlands would support the mission with two frigates.",
    "Protesters gathered outside the parliament in Budapest to demand the release of 12 journalists.",
    "President Joe Biden called President Xi Jinping to ask China to restrain North Korea.",
    "NATO ministers agreed in Brussels to increase the alliance's presence in the Baltic states.",
    "The United Nations appealed for 3 billion dollars to help families displaced by the floods in Pakistan.",
    "Turkey threatened to block Sweden's membership unless Stockholm extradited 33 suspects.",
    "Israeli troops withdrew from the Jenin refugee camp after a two-day operation, the army said.",
    "Brazil and Argentina signed an agreement on a common currency for trade between the two countries.",
    "The African Union suspended Niger after the army seized power in Niamey last week.",
    "Saudi Arabia hosted talks in Jeddah between the warring parties in Sudan.",
    "Poland mobilised 10,000 soldiers to guard its border with Belarus on Friday.",
    "Japan and South Korea pledged to cooperate on defence at a summit in Tokyo.",
]


def article_text(kind: str, size: int) -> str:
    """A text of exactly ``size`` characters of the given kind."""
    if kind == "one line":
        unit = "President Trump met Putin in Helsinki. "
        return (unit * (size // len(unit) + 1))[:size]
    parts: list[str] = []
    length = 0
    n = 0
    while length < size:
        sentence = SENTENCES[n % len(SENTENCES)]
        block = sentence + ("\n\n" if n % 4 == 3 else " ")
        parts.append(block)
        length += len(block)
        n += 1
    text = "".join(parts)[:size]
    return text.rstrip() + "." if not text.rstrip().endswith(".") else text


def measure_one(kind: str, size: int) -> dict[str, Any]:
    """Runs in the child process: load the pipeline, then time one extraction."""
    sys.path.insert(0, str(REPO / "src"))
    from kroniek.extractor import Extractor

    extractor = Extractor()
    extractor.preload(["en"])
    text = article_text(kind, size)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    wall0, cpu0 = time.perf_counter(), time.process_time()
    chronicle = extractor.extract(text, lang="en", published="2025-03-19")
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    return {
        "kind": kind,
        "chars": len(text),
        "wall_s": round(wall, 3),
        "cpu_s": round(cpu, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "rss_after_load_mb": round(rss_before, 1),
        "events": len(chronicle.events),
        "actors": len(chronicle.actors),
    }


def run_child(kind: str, size: int) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(size)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def markdown(rows: list[dict[str, Any]]) -> str:
    lines = [
        "# Scaling: one article of growing length",
        "",
        f"`python benchmarks/scaling_benchmark.py` on {platform.machine()}, {os.cpu_count()} cores (shared), "
        f"Python {platform.python_version()}. Time of `Extractor.extract` alone (pipeline loaded before), "
        "CPU time as the robust measure on a busy machine; peak resident memory of the process.",
        "",
        "| text | characters | wall s | CPU s | CPU µs/char | × linear | peak RSS MB | events |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['kind']} | {row['chars']:,} | {row['wall_s']:.2f} | {row['cpu_s']:.2f} | "
            f"{row['us_per_char']:.1f} | {row['vs_linear']:.2f} | {row['peak_rss_mb']:.0f} | {row['events']:,} |"
        )
    lines += [
        "",
        "× linear: CPU time per character relative to the smallest size of the same text; the goal is at most "
        f"{LINEAR_TOLERANCE} (time within 1.5× of linear). Long texts are extracted in pieces of "
        "`[input].chunk_chars` (20,000) characters, see kroniek/longtext.py.",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="25000,100000,400000,1000000")
    parser.add_argument("--kinds", default="paragraphs,one line")
    parser.add_argument("--out", default=str(REPO / "benchmarks" / "results"))
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure_one(args.child[0], int(args.child[1]))))
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    rows: list[dict[str, Any]] = []
    worst = 0.0
    for kind in args.kinds.split(","):
        base: float | None = None
        for size in sizes:
            row = run_child(kind, size)
            per_char = row["cpu_s"] / row["chars"]
            base = per_char if base is None else base
            row["us_per_char"] = per_char * 1e6
            row["vs_linear"] = per_char / base
            worst = max(worst, row["vs_linear"])
            rows.append(row)
            print(json.dumps(row), flush=True)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "scaling.json").write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    (out / "scaling.md").write_text(markdown(rows), encoding="utf-8")
    verdict = "within" if worst <= LINEAR_TOLERANCE else "NOT within"
    print(f"worst time per character vs the smallest size: {worst:.2f}x ({verdict} {LINEAR_TOLERANCE}x)")
    return 0 if worst <= LINEAR_TOLERANCE else 1


if __name__ == "__main__":
    sys.exit(main())
