"""`kroniek serve` builds the app over the given store and hands it to uvicorn."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kroniek.cli.app import build_app
from kroniek.store.db import open_store


def test_serve_runs_uvicorn_on_the_store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import uvicorn

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append({"app": app, **kw}))
    db = tmp_path / "served.db"
    open_store(db).close()
    result = CliRunner().invoke(build_app(), ["serve", "--db", str(db), "--port", "9911"])
    assert result.exit_code == 0, result.output
    assert calls[0]["host"] == "127.0.0.1" and calls[0]["port"] == 9911
    assert calls[0]["app"].state.store.url.endswith("served.db")
    assert db.exists()


def test_serve_refuses_a_store_that_does_not_exist(tmp_path: Path) -> None:
    for missing in (tmp_path / "missing" / "x.db", tmp_path / "typo.db"):
        result = CliRunner().invoke(build_app(), ["serve", "--db", str(missing)])
        assert result.exit_code == 1
        assert "E240" in result.output and "--create" in result.output
        assert not missing.exists()


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
