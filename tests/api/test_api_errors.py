"""Errors: unknown ids are 404, unreadable parameters 422 naming the parameter, in HTML and in JSON."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(
    "path",
    ["/articles/9999", "/articles/not-a-number", "/articles/" + "9" * 30, "/fused/9999", "/fused/-1", "/fused/²"],
)
def test_unknown_ids_are_404_in_both_twins(client: TestClient, path: str) -> None:
    as_json = client.get(path + ".json")
    assert as_json.status_code == 404
    assert as_json.json()["error"]["code"] == "E231"
    page = client.get(path)
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "E231" in page.text


def test_unknown_page_is_404(client: TestClient) -> None:
    assert client.get("/no/such/page").status_code == 404
    assert client.get("/no/such/page?_format=json").json()["error"]["code"] == "HTTP404"


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("since=last%20week", "since"),
        ("until=2025-02-30", "until"),
        ("type=SHOUT", "type"),
        ("modality=rumoured", "modality"),
        ("role=bystander", "role"),
        ("limit=0", "limit"),
        ("limit=many", "limit"),
        ("_next=not-a-token", "_next"),
        ("_format=xml", "_format"),
    ],
)
def test_bad_event_filters_are_422_naming_the_parameter(client: TestClient, query: str, parameter: str) -> None:
    response = client.get(f"/events.json?{query}")
    assert response.status_code == 422, query
    error = response.json()["error"]
    assert error["code"] == "E233"
    assert error["parameter"] == parameter
    assert parameter in error["message"]
    page = client.get(f"/events?{query}")
    assert page.status_code == 422
    assert parameter in page.text


def test_escaping_in_error_pages(client: TestClient) -> None:
    page = client.get("/events?since=%3Cb%3Ebold%3C/b%3E")
    assert page.status_code == 422
    assert "<b>bold" not in page.text and "&lt;b&gt;bold" in page.text


def test_timeline_needs_an_actor(client: TestClient) -> None:
    response = client.get("/timeline.json")
    assert response.status_code == 422
    assert response.json()["error"] | {"message": ""} == {"code": "E232", "parameter": "actor", "message": ""}


@pytest.mark.parametrize(("query", "parameter"), [("status=sort%20of", "status"), ("kind=wish", "kind")])
def test_bad_commitment_filters_are_422(client: TestClient, query: str, parameter: str) -> None:
    response = client.get(f"/commitments.json?{query}")
    assert response.status_code == 422
    assert response.json()["error"]["parameter"] == parameter


@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("/fused.json?disagreement=maybe", "disagreement"),
        ("/fused.json?min_sources=two", "min_sources"),
        ("/fused.json?limit=0", "limit"),
        ("/timeline.json?actor=Norway&limit=5000", "limit"),
        ("/timeline.json?actor=Norway&since=05/05/2025", "since"),
        ("/articles.json?_next=%%%", "_next"),
    ],
)
def test_bad_parameters_elsewhere_are_422(client: TestClient, path: str, parameter: str) -> None:
    response = client.get(path)
    assert response.status_code == 422, path
    assert response.json()["error"]["parameter"] == parameter
