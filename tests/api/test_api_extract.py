"""POST /extract: a posted text gives its chronicle; bad input gives 422 with the catalogue code."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kroniek.api import create_app
from kroniek.extractor import Extractor

TEXT = "The Norwegian minister met her Swedish colleague in Oslo on Monday. They agreed to hold talks on fishing."


@pytest.fixture(scope="module")
def extract_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db: Path = tmp_path_factory.mktemp("extract") / "empty.db"
    with TestClient(create_app(str(db), extractor=Extractor()), base_url="http://localhost") as client:
        yield client


def test_extract_returns_a_chronicle_of_the_text(extract_client: TestClient) -> None:
    response = extract_client.post("/extract", json={"text": TEXT, "published": "2025-05-06", "lang": "en"})
    assert response.status_code == 200
    chronicle = response.json()
    assert chronicle["format"] == "chronicle/1"
    assert chronicle["article"]["text"] == TEXT
    assert chronicle["article"]["language"] == "en"
    assert chronicle["article"]["published"] == "2025-05-06"
    for event in chronicle["events"]:
        span = event["evidence"]
        assert TEXT[span["start"] : span["end"]] == span["text"]


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"text": "   "}, "E001"),
        ({"text": TEXT, "published": "the day before"}, "E006"),
        ({"text": TEXT, "lang": "xx"}, "E007"),
        ({"published": "2025-05-06"}, "E234"),
        ({"text": 42}, "E234"),
        ({"text": TEXT, "colour": "blue"}, "E234"),
        (["not", "an", "object"], "E234"),
    ],
)
def test_bad_input_is_422_with_the_catalogue_code(extract_client: TestClient, body: object, code: str) -> None:
    response = extract_client.post("/extract", json=body)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == code
    assert error["message"]


def test_body_that_is_not_json_is_422(extract_client: TestClient) -> None:
    response = extract_client.post("/extract", content=b"text=hello", headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "E234"


def test_body_not_sent_as_json_is_415(extract_client: TestClient) -> None:
    # text/plain is what any web page may post to a local server without a CORS preflight
    response = extract_client.post("/extract", content=b"text=hello", headers={"content-type": "text/plain"})
    assert response.status_code == 415
    assert response.json()["error"]["code"] == "E216"
