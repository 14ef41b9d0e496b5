"""Fuzzing the HTTP API: any query parameters and any request body give a page or a catalogue error
(400/404/413/415/422 with a code), never a server error."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from fuzz_settings import examples
from hypothesis import given
from hypothesis import strategies as st
from strategies import article_texts, date_strings, json_values

from kroniek.api import create_app
from kroniek.api.security import SecuritySettings
from kroniek.chronicle import load_chronicle
from kroniek.extractor import Extractor

PAGES = [
    "/events",
    "/events.json",
    "/events.csv",
    "/fused.json",
    "/articles.json",
    "/commitments.json",
    "/timeline.json",
]
PARAMETERS = [
    "actor",
    "type",
    "since",
    "until",
    "lang",
    "modality",
    "role",
    "limit",
    "_next",
    "_format",
    "disagreement",
    "min_sources",
    "status",
    "kind",
]
parameter_values = st.one_of(
    date_strings,
    st.text(max_size=20),
    st.integers(-(10**20), 10**20).map(str),
    st.sampled_from(["AGREE", "agree,CONSULT", "json", "csv", "html", "true", "asserted", "actor", "0", "1e20"]),
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db: Path = tmp_path_factory.mktemp("fuzz") / "store.db"
    app = create_app(str(db), extractor=Extractor(), security=SecuritySettings(max_body_bytes=200_000))
    with TestClient(app, base_url="http://localhost", raise_server_exceptions=False) as test_client:
        yield test_client


def assert_catalogue_answer(response: Any) -> None:
    assert response.status_code < 500, response.text
    if response.status_code >= 400 and response.headers["content-type"].startswith("application/json"):
        error = response.json()["error"]
        assert error["code"].startswith(("E", "HTTP")) and error["message"]


@examples(ci=150)
@given(
    page=st.sampled_from(PAGES + ["/articles/1", "/fused/1", "/articles/x"]),
    params=st.dictionaries(st.sampled_from(PARAMETERS), parameter_values, max_size=5),
)
def test_any_query_parameters_give_a_page_or_a_catalogue_error(
    client: TestClient, page: str, params: dict[str, str]
) -> None:
    assert_catalogue_answer(client.get(page, params=params))


@examples(ci=60)
@given(
    body=st.one_of(
        json_values,
        st.fixed_dictionaries(
            {"text": article_texts(max_tokens=25)},
            optional={
                "published": date_strings,
                "lang": st.sampled_from(["nl", "en", "de", "fr", "xx", ""]),
                "title": st.text(max_size=10),
                "id": st.text(max_size=10),
            },
        ),
    ),
    raw=st.booleans(),
)
def test_any_request_body_gives_a_chronicle_or_a_catalogue_error(client: TestClient, body: Any, raw: bool) -> None:
    content = json.dumps(body) if not raw else json.dumps(body)[: len(json.dumps(body)) // 2]
    response = client.post(
        "/extract", content=content.encode("utf-8", "surrogatepass"), headers={"content-type": "application/json"}
    )
    assert_catalogue_answer(response)
    if response.status_code == 200:
        load_chronicle(response.text)
