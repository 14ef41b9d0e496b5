"""`kroniek serve` builds the app over the given store and hands it to uvicorn."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kroniek.cli.app import build_app


def test_serve_runs_uvicorn_on_the_store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import uvicorn

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append({"app": app, **kw}))
    db = tmp_path / "served.db"
    result = CliRunner().invoke(build_app(), ["serve", "--db", str(db), "--port", "9911"])
    assert result.exit_code == 0, result.output
    assert calls[0]["host"] == "127.0.0.1" and calls[0]["port"] == 9911
    assert calls[0]["app"].state.store.url.endswith("served.db")
    assert db.exists()


def test_serve_reports_an_unusable_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(build_app(), ["serve", "--db", str(tmp_path / "missing" / "x.db")])
    assert result.exit_code == 1
    assert "E200" in result.output


def test_create_app_without_fastapi_is_e230(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import sys

    from kroniek.api import create_app
    from kroniek.errors import KroniekError

    # make "import fastapi" fail as it would where the package is not installed
    monkeypatch.setitem(sys.modules, "fastapi", None)
    monkeypatch.delitem(sys.modules, "kroniek.api.app", raising=False)
    with pytest.raises(KroniekError) as caught:
        create_app(str(tmp_path / "x.db"))
    assert caught.value.code == "E230"
