"""The API's protection (kroniek.api.security): Host header, body limit, JSON only, same origin, the
token for /extract and the docs beyond this machine, and security headers on every response."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from kroniek.api import create_app
from kroniek.api.security import SecuritySettings, is_loopback
from kroniek.chronicle.models import Article, Chronicle

TEXT = "The mayor opened the new bridge on Friday."


class CountingExtractor:
    """Stands in for the extractor: these tests are about what reaches it, not about extraction."""

    def __init__(self) -> None:
        self.calls = 0

    def extract(self, text: str, published: Any = None, lang: str | None = None, **meta: Any) -> Chronicle:
        self.calls += 1
        return Chronicle(article=Article(id=meta.get("id") or "t", language=lang or "en", text=text))


def make_client(tmp_path: Path, settings: SecuritySettings, host: str = "localhost") -> tuple[TestClient, Any]:
    extractor = CountingExtractor()
    app = create_app(str(tmp_path / "store.db"), extractor=extractor, security=settings)
    return TestClient(app, base_url=f"http://{host}"), extractor


@pytest.fixture
def local(tmp_path: Path) -> Iterator[tuple[TestClient, CountingExtractor]]:
    client, extractor = make_client(tmp_path, SecuritySettings(host="127.0.0.1", max_body_bytes=1000))
    with client:
        yield client, extractor


@pytest.mark.parametrize("host", ["localhost", "localhost:8731", "127.0.0.1:8731", "[::1]:8731"])
def test_local_names_are_answered(local: tuple[TestClient, CountingExtractor], host: str) -> None:
    client, _ = local
    assert client.get("/.json", headers={"host": host}).status_code == 200


@pytest.mark.parametrize("host", ["attacker.example", "attacker.example:8731", "localhost.attacker.example", ""])
def test_a_rebound_host_name_is_refused(local: tuple[TestClient, CountingExtractor], host: str) -> None:
    client, _ = local
    response = client.get("/.json", headers={"host": host})
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "E217"


def test_allowed_hosts_are_answered(tmp_path: Path) -> None:
    client, _ = make_client(tmp_path, SecuritySettings(host="127.0.0.1", allowed_hosts=("kroniek.internal",)))
    with client:
        assert client.get("/.json", headers={"host": "kroniek.internal:8731"}).status_code == 200
        assert client.get("/.json", headers={"host": "other.internal"}).status_code == 400


def test_a_body_over_the_limit_is_refused_before_extraction(local: tuple[TestClient, CountingExtractor]) -> None:
    client, extractor = local
    response = client.post("/extract", json={"text": "word " * 400})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "E243"
    assert extractor.calls == 0


def test_a_chunked_body_over_the_limit_is_refused(local: tuple[TestClient, CountingExtractor]) -> None:
    client, extractor = local

    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(100):
            yield b"word " * 20
        yield b'"}'

    response = client.post("/extract", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert extractor.calls == 0


def test_a_body_within_the_limit_reaches_the_extractor(local: tuple[TestClient, CountingExtractor]) -> None:
    client, extractor = local
    response = client.post("/extract", json={"text": TEXT, "lang": "en"})
    assert response.status_code == 200, response.text
    assert response.json()["article"]["text"] == TEXT and extractor.calls == 1


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]
)
def test_only_json_is_accepted(local: tuple[TestClient, CountingExtractor], content_type: str) -> None:
    client, extractor = local
    response = client.post("/extract", content=b'{"text": "x"}', headers={"content-type": content_type})
    assert response.status_code == 415
    assert response.json()["error"]["code"] == "E216" and extractor.calls == 0


def test_a_post_from_another_site_is_refused(local: tuple[TestClient, CountingExtractor]) -> None:
    client, extractor = local
    response = client.post("/extract", json={"text": TEXT}, headers={"origin": "https://attacker.example"})
    assert response.status_code == 403 and extractor.calls == 0
    same = client.post("/extract", json={"text": TEXT, "lang": "en"}, headers={"origin": "http://localhost:8731"})
    assert same.status_code == 200


@pytest.mark.parametrize("path", ["/.json", "/", "/no/such/page", "/events.csv"])
def test_every_response_carries_security_headers(local: tuple[TestClient, CountingExtractor], path: str) -> None:
    client, _ = local
    headers = client.get(path).headers
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["cross-origin-resource-policy"] == "same-origin"


def test_refusals_carry_security_headers_too(local: tuple[TestClient, CountingExtractor]) -> None:
    client, _ = local
    response = client.get("/.json", headers={"host": "attacker.example"})
    assert response.headers["x-content-type-options"] == "nosniff"


def test_beyond_localhost_extract_and_docs_are_off_without_a_token(tmp_path: Path) -> None:
    client, extractor = make_client(tmp_path, SecuritySettings(host="192.0.2.10"), host="192.0.2.10")
    with client:
        assert client.get("/.json").status_code == 200  # browsing stays open
        for response in (client.post("/extract", json={"text": TEXT}), client.get("/_docs")):
            assert response.status_code == 403
            assert response.json()["error"]["code"] == "E218"
        assert client.get("/_openapi.json").status_code == 403
        assert extractor.calls == 0


def test_beyond_localhost_a_token_opens_extract_and_docs(tmp_path: Path) -> None:
    settings = SecuritySettings(host="192.0.2.10", token="s3cret-token")
    client, extractor = make_client(tmp_path, settings, host="192.0.2.10")
    with client:
        assert client.post("/extract", json={"text": TEXT}).status_code == 401
        wrong = client.post("/extract", json={"text": TEXT}, headers={"authorization": "Bearer guess"})
        assert wrong.status_code == 401 and extractor.calls == 0
        auth = {"authorization": "Bearer s3cret-token"}
        assert client.post("/extract", json={"text": TEXT, "lang": "en"}, headers=auth).status_code == 200
        assert client.get("/_openapi.json", headers=auth).status_code == 200


def test_loopback_addresses() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost") and is_loopback("127.1.2.3")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.10") and not is_loopback("example.org")
