"""Untrusted article metadata: a javascript: URL is shown as text, never made a link."""

from __future__ import annotations

from pathlib import Path

from api_fixtures import NORWAY, SWEDEN, chronicle
from fastapi.testclient import TestClient

from kroniek.api import create_app
from kroniek.api.app import is_web_url
from kroniek.store.db import open_store
from kroniek.store.fusion import fuse
from kroniek.store.writer import write_chronicle

TEXT = "Norway criticised Sweden on Friday over the new border fees."


def test_only_http_urls_become_links(tmp_path: Path) -> None:
    db = tmp_path / "untrusted.db"
    store = open_store(db)
    write_chronicle(
        store,
        chronicle(
            "odd-url",
            TEXT,
            "en",
            "2025-05-09",
            "Odd Outlet",
            [(NORWAY, "Norway"), (SWEDEN, "Sweden")],
            [{"event": "ACCUSE", "actor": ["no"], "recipient": ["se"], "evidence": TEXT}],
            url="javascript:alert(1)",
        ),
    )
    fuse(store)
    store.close()
    with TestClient(create_app(str(db)), base_url="http://localhost") as client:
        for path in ("/articles", "/articles/1", "/fused/1"):
            page = client.get(path)
            assert page.status_code == 200, path
            assert 'href="javascript:' not in page.text, path
        assert "javascript:alert(1)" in client.get("/articles/1").text  # still shown, as text
        assert client.get("/articles/1.json").json()["article"]["url"] == "javascript:alert(1)"


def test_is_web_url() -> None:
    assert is_web_url("https://example.org/a?b=c")
    assert is_web_url(" HTTP://example.org")
    assert not is_web_url("javascript:alert(1)")
    assert not is_web_url("data:text/html,hi")
    assert not is_web_url("")
    assert not is_web_url(None)


def test_every_page_renders_on_an_empty_store(tmp_path: Path) -> None:
    with TestClient(create_app(str(tmp_path / "empty.db")), base_url="http://localhost") as client:
        for path in ("/", "/articles", "/events", "/fused", "/commitments", "/timeline?actor=anyone"):
            for twin in (
                path,
                path.replace("?", ".json?") if "?" in path else ("/.json" if path == "/" else path + ".json"),
            ):
                response = client.get(twin)
                assert response.status_code == 200, twin
        assert client.get("/.json").json()["counts"]["articles"] == 0
        assert client.get("/fused/1").status_code == 404
