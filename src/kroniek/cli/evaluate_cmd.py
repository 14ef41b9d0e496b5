"""`kroniek evaluate`: score kroniek (or saved predictions) on gold chronicles; the evaluation gate."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kroniek.errors import KroniekError

SUMMARY_METRICS = (
    "events.precision",
    "events.recall",
    "events.f1",
    "fields.direction",
    "fields.participants",
    "fields.modality",
    "fields.proposition",
    "fields.date",
    "fields.location",
    "fields.quantities",
    "fields.source",
    "actors.precision",
    "actors.recall",
    "actors.resolution",
    "timexes.precision",
    "timexes.recall",
    "timexes.value",
    "statements.precision",
    "statements.recall",
    "statements.speaker",
)


def _print_summary(report: object) -> None:
    from rich.console import Console
    from rich.table import Table

    from kroniek.evaluation.report import fmt
    from kroniek.evaluation.run import EvaluationReport

    assert isinstance(report, EvaluationReport)
    scopes = report.scopes()
    table = Table(title=f"{report.system}: {len(report.articles)} articles")
    table.add_column("metric")
    for scope in scopes:
        table.add_column(scope, justify="right")
    for metric in SUMMARY_METRICS:
        table.add_row(metric, *(fmt(t.metrics()[metric]) for t in scopes.values()))
    Console().print(table)


def _print_errors(errors: dict[str, str]) -> None:
    """One line per distinct reason, naming the articles it hit."""
    by_reason: dict[str, list[str]] = {}
    for key, error in errors.items():
        by_reason.setdefault(error, []).append(key)
    for error, keys in by_reason.items():
        shown = ", ".join(keys[:8]) + (f" and {len(keys) - 8} more" if len(keys) > 8 else "")
        typer.echo(f"kroniek: {shown}: {error}", err=True)


def evaluate(
    gold: Annotated[
        list[Path] | None,
        typer.Argument(help="gold files or directories of *.gold.json (default: ../shared dev gold set + seed)"),
    ] = None,
    pred: Annotated[
        Path | None, typer.Option(help="score the chronicles in this directory (named like the gold)")
    ] = None,
    lang: Annotated[str | None, typer.Option(help="only these languages, e.g. nl,en")] = None,
    split: Annotated[
        str | None,
        typer.Option(help="score this split of the project corpus (train, dev, test; floors-<split>.toml)"),
    ] = None,
    report: Annotated[Path | None, typer.Option(help="write the full report (JSON) here")] = None,
    markdown: Annotated[Path | None, typer.Option(help="write the Markdown report here (docs/evaluation.md)")] = None,
    errors: Annotated[
        bool, typer.Option("--errors", help="list missed and spurious events with their evidence")
    ] = False,
    save_pred: Annotated[Path | None, typer.Option(help="also save each prediction here as <key>.json")] = None,
    config: Annotated[Path | None, typer.Option(help="pipeline configuration file (TOML)")] = None,
    nlp: Annotated[
        str | None, typer.Option(help="use this installed spaCy pipeline instead of the shipped one")
    ] = None,
    gate: Annotated[bool, typer.Option("--gate", help="exit 1 when a score is below its floor")] = False,
    floors: Annotated[Path | None, typer.Option(help="floors file (default: evaluation/floors.toml)")] = None,
    pin_floors: Annotated[bool, typer.Option("--pin-floors", help="set every floor to score - margin")] = False,
    lower_floors: Annotated[bool, typer.Option("--lower-floors", help="lower the failing floors")] = False,
    reason: Annotated[str | None, typer.Option(help="why floors change (needed by --pin/--lower-floors)")] = None,
    margin: Annotated[float | None, typer.Option(help="margin below the score for --pin-floors")] = None,
) -> None:
    """Score event, field, actor, timex and statement extraction against gold chronicles."""
    from kroniek.cli.app import fail
    from kroniek.evaluation.gate import NO_GOLD_NOTICE, default_floors_path, run_gate
    from kroniek.evaluation.report import error_listing, write_markdown
    from kroniek.evaluation.run import default_gold_paths, parse_languages, write_report_json
    from kroniek.evaluation.run import evaluate as run_evaluation

    floors_path = floors or default_floors_path(split)
    if (pin_floors or lower_floors) and not (reason or "").strip():
        fail(KroniekError("E185", where=str(floors_path)), code=2)
    from kroniek.evaluation.run import corpus_gold_dir

    gold_paths = list(gold) if gold else ([corpus_gold_dir()] if split else default_gold_paths())
    if not gold_paths:
        typer.echo(NO_GOLD_NOTICE, err=True)
        if gate or pin_floors or lower_floors:
            raise typer.Exit(0)
        fail(KroniekError("E183", where="../shared/corpus/gold (set $KRONIEK_SHARED or give GOLD)"))
    try:
        languages = parse_languages(lang)
        result = run_evaluation(
            gold=gold_paths, pred=pred, lang=languages, config=config, nlp=nlp, save_pred=save_pred, split=split
        )
    except KroniekError as exc:
        fail(exc)
    _print_summary(result)
    _print_errors(result.errors)
    if errors:
        typer.echo(error_listing(result))
    if report:
        write_report_json(result, report)
        typer.echo(f"report written to {report}", err=True)
    if markdown:
        write_markdown(result, markdown)
        typer.echo(f"Markdown report written to {markdown}", err=True)
    if gate or pin_floors or lower_floors:
        try:
            status = run_gate(result, floors_path, languages, pin_floors, lower_floors, reason, margin)
        except KroniekError as exc:
            fail(exc, code=2)
        if status:
            raise typer.Exit(status)


gold_app = typer.Typer(help="check and count gold chronicles (the project corpus: docs/annotation.md)")


@gold_app.command("check")
def gold_check(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="gold files or directories (default: the project corpus)")
    ] = None,
) -> None:
    """Read every gold file as the scorer does and check the annotation conventions; exit 1 on any problem."""
    from kroniek.cli.app import fail
    from kroniek.evaluation.corpus import check_gold
    from kroniek.evaluation.run import corpus_gold_dir

    try:
        count, problems = check_gold(list(paths) if paths else [corpus_gold_dir()])
    except KroniekError as exc:
        fail(exc)
    for problem in problems:
        typer.echo(str(problem))
    typer.echo(f"{count} gold files, {len(problems)} problems", err=True)
    if problems:
        raise typer.Exit(1)


@gold_app.command("stats")
def gold_stats(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="gold files or directories (default: the project corpus)")
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table or json")] = "table",
) -> None:
    """Documents and required events by language, PLOVER type, mode, hard-case tag, split and origin."""
    import json

    from kroniek.cli.app import fail
    from kroniek.evaluation.corpus import gold_stats as count_gold
    from kroniek.evaluation.run import corpus_gold_dir

    if format not in ("table", "json"):
        fail(KroniekError("E040", value=format, choices="table, json"))
    try:
        stats = count_gold(list(paths) if paths else [corpus_gold_dir()])
    except KroniekError as exc:
        fail(exc)
    if format == "json":
        typer.echo(json.dumps(stats, indent=1))
        return
    typer.echo(
        f"documents {stats['documents']}, required events {stats['required_events']}, "
        f"optional {stats['optional_events']}"
    )
    for section in ("by_language", "by_split", "by_origin"):
        rows = ", ".join(f"{k} {v['documents']} docs / {v['required_events']} ev" for k, v in stats[section].items())
        typer.echo(f"{section[3:]}: {rows}")
    for section in ("by_type", "by_mode", "by_phenomenon"):
        typer.echo(f"{section[3:]}: " + ", ".join(f"{k} {v}" for k, v in stats[section].items()))


def register(app: typer.Typer) -> None:
    app.command(name="evaluate")(evaluate)
    app.add_typer(gold_app, name="gold")
