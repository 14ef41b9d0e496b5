from __future__ import annotations

import json

from typer.testing import CliRunner

from kroniek.cli.app import _add_subcommands, app


def test_actors_search_cli() -> None:
    _add_subcommands()
    runner = CliRunner()
    result = runner.invoke(
        app, ["actors", "search", "Poetin", "--date", "2009-01-01", "--lang", "nl", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0]["name"] == "Vladimir Putin"
    result = runner.invoke(
        app, ["actors", "search", "de Russische president", "--date", "2009-01-01", "--format", "json"]
    )
    assert json.loads(result.output)[0]["name"] == "Dmitry Medvedev"
    result = runner.invoke(app, ["actors", "search", "Xqzzyv Nonexistent"])
    assert result.exit_code == 1
