"""`kroniek explain FILE`: for each event, the lexicon entry and the rule that produced it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command()
    def explain(
        path: Annotated[str, typer.Argument(help="article file (text or HTML), or - for stdin")],
        published: Annotated[str | None, typer.Option(help="publication date, YYYY-MM-DD")] = None,
        lang: Annotated[str | None, typer.Option(help="language code (nl, en, de, fr); default: detected")] = None,
        format: Annotated[str, typer.Option("--format", "-f", help="text | json")] = "text",
        config: Annotated[Path | None, typer.Option(help="pipeline configuration file (TOML)")] = None,
        nlp: Annotated[str | None, typer.Option(help="use this installed spaCy pipeline")] = None,
    ) -> None:
        """Show, for each event, which lexicon entry and which rule (tree path or word order) produced it."""
        import json

        from kroniek.cli.app import fail
        from kroniek.errors import KroniekError
        from kroniek.events.explain import explain_events, format_explanation
        from kroniek.extractor import Extractor
        from kroniek.ingest import ItemFailure, read_path

        if format not in ("text", "json"):
            fail(KroniekError("E040", value=format, choices="text, json"))
        try:
            extractor = Extractor(config_path=config, nlp=nlp)
            items = list(read_path(path, max_chars=extractor.max_chars))
            for item in items:
                if isinstance(item, ItemFailure):
                    typer.echo(f"kroniek: skipped {item.where}: {item.error}", err=True)
                    continue
                doc = extractor.annotate(item, published=published, lang=lang)
                records = explain_events(doc)
                if format == "json":
                    no_event = [
                        {"trigger": doc.text[d.start : d.end], "start": d.start, "event": d.event, "reason": d.reason}
                        for d in doc.dropped_triggers
                    ]
                    payload = {"article": doc.article.id, "events": records, "no_event": no_event}
                    typer.echo(json.dumps(payload, ensure_ascii=False, indent=1))
                else:
                    typer.echo(f"# {doc.article.id} ({doc.lang}): {len(records)} events")
                    for note in doc.notes:
                        typer.echo(f"# note: {note}")
                    typer.echo(format_explanation(records))
                    for dropped in doc.dropped_triggers:
                        word = doc.text[dropped.start : dropped.end]
                        typer.echo(f"# no event: «{word}» {dropped.event} ({dropped.reason})")
        except KroniekError as exc:
            fail(exc)
