"""Rendering chronicles for the terminal and for pipes."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import TextIO

import typer

from kroniek.chronicle.models import Chronicle


def chronicle_json(chronicle: Chronicle, indent: int | None = 1) -> str:
    return chronicle.model_dump_json(indent=indent, exclude_none=False)


def render_chronicles(
    chronicles: list[Chronicle], format: str, batch: bool = False, file: TextIO | None = None
) -> None:
    """Chronicles as JSON (a list for a batch), JSONL or tables, to ``file`` (default: stdout)."""
    if format == "jsonl":
        for c in chronicles:
            typer.echo(chronicle_json(c, indent=None), file=file)
    elif format == "json":
        if batch:
            typer.echo("[" + ",\n".join(chronicle_json(c) for c in chronicles) + "]", file=file)
        elif chronicles:
            typer.echo(chronicle_json(chronicles[0]), file=file)
    else:
        for c in chronicles:
            print_table(c, file=file)


def print_table(chronicle: Chronicle, file: TextIO | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    names = {a.id: a.name for a in chronicle.actors}
    console = Console(width=max(100, Console().width), file=file)
    art = chronicle.article
    console.print(f"[bold]{art.id}[/bold]  {art.language}  published {art.published or 'unknown'}  {art.title or ''}")
    table = Table(show_lines=True)
    for col in ("id", "event", "actor → recipient", "modality", "date", "place", "evidence"):
        table.add_column(col, overflow="fold")
    for ev in chronicle.events:
        kind = ev.event + (f"/{ev.mode}" if ev.mode else "")
        if ev.proposition:
            kind += f"\n→ {ev.proposition.event}" + (f"/{ev.proposition.mode}" if ev.proposition.mode else "")
            if ev.proposition.duration:
                kind += f" {ev.proposition.duration}"
        who = ", ".join(names.get(a, a) for a in ev.actor) or "?"
        if ev.recipient:
            who += " → " + ", ".join(names.get(a, a) for a in ev.recipient)
        if ev.source:
            who += f"\n(per {names.get(ev.source, ev.source)})"
        quantities = "".join(f"\n{q.value:g} {q.what}" for q in ev.quantities)
        table.add_row(
            ev.id,
            kind,
            who + quantities,
            ev.modality,
            ev.date.value if ev.date else "",
            ev.location.name if ev.location else "",
            ev.evidence.text,
        )
    console.print(table)
    if chronicle.statements:
        st_table = Table(title="statements")
        for col in ("speaker", "direct", "text"):
            st_table.add_column(col, overflow="fold")
        for st in chronicle.statements:
            st_table.add_row(names.get(st.speaker or "", "?"), "yes" if st.direct else "no", st.text.text)
        console.print(st_table)


@contextlib.contextmanager
def progress(total: int, enabled: bool = True) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr for batches; a no-op for a single article or a non-terminal."""
    if not enabled or total <= 1:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(file=sys.stderr),
        transient=True,
    ) as bar:
        task = bar.add_task("extracting", total=total)
        yield lambda: bar.advance(task)
