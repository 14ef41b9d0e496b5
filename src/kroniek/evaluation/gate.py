"""The evaluation gate: scores must not drop below the floors pinned in evaluation/floors.toml.

    python -m kroniek.evaluation.gate                 # evaluate the dev gold set, compare with the floors
    python -m kroniek.evaluation.gate --pin-floors --reason "stages X and Y landed"
    python -m kroniek.evaluation.gate --lower-floors --reason "gold 017 re-annotated"

(``kroniek evaluate --gate`` does the same.) The gate exits 1 when a score lies below its floor, or
when a floored metric has nothing to score any more. Floors never move silently: ``--pin-floors``
sets every floor to the current score minus the margin, ``--lower-floors`` lowers only the floors
that fail, and both need ``--reason``, which is recorded in the file's history together with every
changed value. Where the gold set is absent (no ../shared), the gate prints a loud notice and is
skipped (exit 0, or 3 with ``--require-gold``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kroniek.errors import KroniekError
from kroniek.evaluation.run import EvaluationReport, repo_root

DEFAULT_MARGIN = 0.02
DEFAULT_MIN_SUPPORT = 5  # metrics resting on fewer items are too noisy to gate
EXIT_BELOW = 1
EXIT_NO_GOLD = 3

FLOORS_HEADER = """\
# Evaluation floors: `python -m kroniek.evaluation.gate` (or `kroniek evaluate --gate`) fails when a score
# on the dev gold set drops below its floor. Written by the gate; do not edit floors by hand:
#   re-pin all floors (score - margin):   kroniek evaluate --pin-floors --reason "..."
#   lower only the failing floors:        kroniek evaluate --lower-floors --reason "..."
# A floor is the score minus `margin`, or minus one item (1/n) where the metric rests on few items.
# Metrics resting on fewer than `min_support` items are not floored. Scopes: "all" and one per language.
# Metrics are described in docs/evaluation.md.
"""


def default_floors_path(split: str | None = None) -> Path:
    """evaluation/floors.toml for the dev gold set; floors-<split>.toml for a split of the project corpus."""
    return repo_root() / "evaluation" / (f"floors-{split}.toml" if split else "floors.toml")


@dataclass(slots=True)
class Floors:
    floors: dict[str, dict[str, float]]  # scope -> metric -> floor
    margin: float = DEFAULT_MARGIN
    min_support: int = DEFAULT_MIN_SUPPORT
    history: list[dict[str, Any]] | None = None


@dataclass(frozen=True, slots=True)
class FloorCheck:
    scope: str
    metric: str
    floor: float
    score: float | None
    support: int
    status: str  # ok | below | missing

    @property
    def failed(self) -> bool:
        return self.status != "ok"


def read_floors(path: str | Path) -> Floors:
    path = Path(path)
    if not path.is_file():
        return Floors(floors={}, history=[])
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise KroniekError("E184", where=str(path), detail=str(exc)) from exc
    raw = data.get("floors", {})
    if not isinstance(raw, dict) or not all(isinstance(v, dict) for v in raw.values()):
        raise KroniekError("E184", where=str(path), detail="[floors.<scope>] tables of metric = number expected")
    floors = {scope: {m: float(v) for m, v in table.items()} for scope, table in raw.items()}
    return Floors(
        floors=floors,
        margin=float(data.get("margin", DEFAULT_MARGIN)),
        min_support=int(data.get("min_support", DEFAULT_MIN_SUPPORT)),
        history=list(data.get("history", [])),
    )


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[\n" + "".join(f"    {_toml_value(v)},\n" for v in value) + "]"
    text = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{text}"'


def write_floors(path: str | Path, floors: Floors) -> None:
    lines = [FLOORS_HEADER, f"margin = {floors.margin!r}", f"min_support = {floors.min_support}", ""]
    for scope in sorted(floors.floors, key=lambda s: (s != "all", s)):
        lines.append(f'[floors."{scope}"]')
        for metric in sorted(floors.floors[scope]):
            lines.append(f'"{metric}" = {floors.floors[scope][metric]!r}')
        lines.append("")
    for entry in floors.history or []:
        lines.append("[[history]]")
        for key, value in entry.items():
            lines.append(f"{key} = {_toml_value(value)}")
        lines.append("")
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text("\n".join(lines), encoding="utf-8")


def _scopes(report: EvaluationReport, languages: list[str] | None) -> dict[str, Any]:
    scopes = report.scopes()
    if languages:  # "all" was pinned over every language: not comparable under a language filter
        scopes.pop("all", None)
    return scopes


def check_floors(report: EvaluationReport, floors: Floors, languages: list[str] | None = None) -> list[FloorCheck]:
    """Compare every floor whose scope was evaluated with the current score."""
    checks = []
    scopes = _scopes(report, languages)
    for scope, table in sorted(floors.floors.items()):
        tally = scopes.get(scope)
        if tally is None:
            continue
        metrics, support = tally.metrics(), tally.support()
        for metric, floor in sorted(table.items()):
            score = metrics.get(metric)
            if score is None:
                status = "missing"
            else:
                status = "ok" if score >= floor - 1e-9 else "below"
            checks.append(FloorCheck(scope, metric, floor, score, support.get(metric, 0), status))
    return checks


def floor_for(score: float, margin: float, support: int) -> float:
    """score minus the margin, and never less than one item's worth (1/support) below it.

    On a metric resting on 8 statements one item moves the score by 0.125; a 0.02 margin there would
    fail the gate on any single flip, so small metrics get one item of slack and large ones the margin.
    """
    slack = max(margin, 1.0 / support) if support else margin
    return max(0.0, math.floor((score - slack) * 1000 + 1e-6) / 1000)


def _stamp(action: str, reason: str, changes: list[str], report: EvaluationReport) -> dict[str, Any]:
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "action": action,
        "reason": reason,
        "system": report.system,
        "changes": changes or ["(no floor changed)"],
    }


def pin_floors(report: EvaluationReport, path: str | Path, reason: str, margin: float | None = None) -> list[str]:
    """Set every floor to the current score minus the margin (metrics with enough support only)."""
    if not reason or not reason.strip():
        raise KroniekError("E185", where=str(path))
    floors = read_floors(path)
    if margin is not None:
        floors.margin = margin
    new: dict[str, dict[str, float]] = {}
    changes: list[str] = []
    for scope, tally in report.scopes().items():
        metrics, support = tally.metrics(), tally.support()
        table = {}
        for metric, score in metrics.items():
            if score is None or support[metric] < floors.min_support:
                continue
            table[metric] = floor_for(score, floors.margin, support[metric])
            old = floors.floors.get(scope, {}).get(metric)
            if old != table[metric]:
                changes.append(f"{scope} {metric}: {'–' if old is None else old} -> {table[metric]}")
        if table:
            new[scope] = table
    for scope, table in floors.floors.items():
        for metric, old in table.items():
            if metric not in new.get(scope, {}):
                changes.append(f"{scope} {metric}: {old} -> dropped (too little support now)")
    floors.floors = new
    floors.history = [*(floors.history or []), _stamp("pin", reason, changes, report)]
    write_floors(path, floors)
    return changes


def lower_floors(
    report: EvaluationReport, path: str | Path, reason: str, languages: list[str] | None = None
) -> list[str]:
    """Lower only the floors that fail now, to the current score minus the margin."""
    if not reason or not reason.strip():
        raise KroniekError("E185", where=str(path))
    floors = read_floors(path)
    changes: list[str] = []
    for check in check_floors(report, floors, languages):
        if not check.failed:
            continue
        if check.score is None:
            del floors.floors[check.scope][check.metric]
            changes.append(f"{check.scope} {check.metric}: {check.floor} -> dropped (nothing to score)")
        else:
            lowered = floor_for(check.score, floors.margin, check.support)
            floors.floors[check.scope][check.metric] = lowered
            changes.append(f"{check.scope} {check.metric}: {check.floor} -> {lowered}")
    floors.history = [*(floors.history or []), _stamp("lower", reason, changes, report)]
    write_floors(path, floors)
    return changes


def render_checks(checks: list[FloorCheck], only_failed: bool = False) -> str:
    lines = []
    for c in checks:
        if only_failed and not c.failed:
            continue
        score = "none" if c.score is None else f"{c.score:.3f}"
        mark = {"ok": "ok   ", "below": "BELOW", "missing": "NONE "}[c.status]
        lines.append(f"{mark} {c.scope:4} {c.metric:24} score {score:>6}  floor {c.floor:.3f}  (n={c.support})")
    return "\n".join(lines)


NO_GOLD_NOTICE = (
    "::warning::kroniek evaluation gate SKIPPED: the dev gold set was not found (looked for "
    "../shared/corpus/gold from the repository root; set $KRONIEK_SHARED or pass --gold). "
    "NOTHING WAS CHECKED."
)


def main(argv: list[str] | None = None) -> int:
    from kroniek.evaluation.run import default_gold_paths, evaluate, parse_languages

    parser = argparse.ArgumentParser(
        prog="python -m kroniek.evaluation.gate",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--gold", nargs="*", help="gold files or directories (default: the dev gold set)")
    parser.add_argument("--pred", help="score the chronicles in this directory instead of running kroniek")
    parser.add_argument("--lang", help="only these languages, e.g. nl,en")
    parser.add_argument("--floors", default=None, help="floors file (default: evaluation/floors.toml)")
    parser.add_argument("--pin-floors", action="store_true", help="set every floor to score - margin")
    parser.add_argument("--lower-floors", action="store_true", help="lower the failing floors to score - margin")
    parser.add_argument("--reason", help="why the floors change (required with --pin-floors/--lower-floors)")
    parser.add_argument("--margin", type=float, help="margin below the score for --pin-floors")
    parser.add_argument("--require-gold", action="store_true", help="exit 3 instead of 0 when the gold is absent")
    args = parser.parse_args(argv)
    floors_path = Path(args.floors) if args.floors else default_floors_path()
    if (args.pin_floors or args.lower_floors) and not (args.reason or "").strip():
        print(f"error: {KroniekError('E185', where=str(floors_path)).message}", file=sys.stderr)
        return 2
    gold = args.gold if args.gold else default_gold_paths()
    if not gold:
        print(NO_GOLD_NOTICE, file=sys.stderr)
        return EXIT_NO_GOLD if args.require_gold else 0
    try:
        languages = parse_languages(args.lang)
        report = evaluate(gold=gold, pred=args.pred, lang=languages)
        for key, error in report.errors.items():
            print(f"warning: {key}: {error}", file=sys.stderr)
        return run_gate(report, floors_path, languages, args.pin_floors, args.lower_floors, args.reason, args.margin)
    except KroniekError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def run_gate(
    report: EvaluationReport,
    floors_path: Path,
    languages: list[str] | None = None,
    pin: bool = False,
    lower: bool = False,
    reason: str | None = None,
    margin: float | None = None,
    out: Any = None,
) -> int:
    """Pin, lower or check the floors for ``report``; print what happened; return the exit status."""
    out = out or sys.stdout
    if pin:
        changes = pin_floors(report, floors_path, reason or "", margin)
        print(f"pinned {len(changes)} floor change(s) in {floors_path}:", file=out)
        print("\n".join(f"  {c}" for c in changes), file=out)
        return 0
    if lower:
        changes = lower_floors(report, floors_path, reason or "", languages)
        print(f"lowered {len(changes)} floor(s) in {floors_path}:", file=out)
        print("\n".join(f"  {c}" for c in changes), file=out)
        return 0
    floors = read_floors(floors_path)
    if not floors.floors:
        print(
            f'::warning::no floors in {floors_path}: pin them with --pin-floors --reason "..."',
            file=sys.stderr,
        )
        return EXIT_BELOW
    checks = check_floors(report, floors, languages)
    failed = [c for c in checks if c.failed]
    print(render_checks(checks), file=out)
    if failed:
        print(f"GATE FAILED: {len(failed)} of {len(checks)} scores below their floors:", file=out)
        print(render_checks(failed), file=out)
        print('(if a drop is intended: --lower-floors --reason "...")', file=out)
        return EXIT_BELOW
    print(f"gate passed: {len(checks)} scores at or above their floors", file=out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
