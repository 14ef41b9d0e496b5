"""The typed API and the analyst's pages: the OpenAPI schema lists every parameter and response model,
unknown parameters are refused, empty form fields are ignored, the docs work offline, and the actor,
country, place, source, search and chart pages answer in HTML and JSON with names, not ids."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kroniek.api import create_app


def test_openapi_lists_every_parameter_and_schema(client: TestClient) -> None:
    schema = client.get("/_openapi.json").json()
    events = schema["paths"]["/events.json"]["get"]
    names = {p["name"] for p in events["parameters"]}
    assert {"actor", "type", "since", "until", "lang", "modality", "role", "limit", "_next", "_format"} <= names
    modality = next(p for p in events["parameters"] if p["name"] == "modality")
    assert "planned" in str(modality["schema"])
    since = next(p for p in events["parameters"] if p["name"] == "since")
    assert "date" in str(since["schema"])
    for path, item in schema["paths"].items():
        for method, op in item.items():
            ok = op["responses"].get("200", {}).get("content", {}).get("application/json", {})
            assert "schema" in ok, (path, method)
    components = set(schema["components"]["schemas"])
    assert {
        "EventsPage",
        "EventMention",
        "FusedEvent",
        "ActorPage",
        "SearchPage",
        "ErrorBody",
        "Chronicle",
    } <= components
    assert "ExtractRequest" in str(schema["paths"]["/extract"]["post"]["requestBody"]) or "text" in str(
        schema["paths"]["/extract"]["post"]["requestBody"]
    )


@pytest.mark.parametrize("path", ["/events.json?acter=Norway", "/search.json?colour=red", "/.json?x=1"])
def test_unknown_parameters_are_refused(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "E242" and error["parameter"] in path


def test_empty_form_fields_are_not_given(client: TestClient) -> None:
    response = client.get("/events.json?actor=&since=&until=&type=&limit=")
    assert response.status_code == 200 and len(response.json()["events"]) == 5


def test_docs_page_works_offline(client: TestClient) -> None:
    page = client.get("/_docs").text
    assets = re.findall(r"""(?:src|href)=["']?([^"' >]+)""", page) + re.findall(r"url: ?'([^']+)'", page)
    assert assets and all(a.startswith("/") for a in assets), assets
    for asset in assets:
        assert client.get(asset).status_code == 200, asset


def test_actor_page_names_counterparts_and_commitments(client: TestClient) -> None:
    norway = next(a for a in client.get("/.json").json()["top_actors"] if a["name"] == "Norway")
    data = client.get(f"/actors/{norway['id']}.json").json()
    assert data["actor"]["name"] == "Norway" and data["actor"]["country_name"] == "Norway"
    assert {(e["actor"], e["recipient"]) for e in data["counterparts"]} == {("Norway", "Sweden"), ("Sweden", "Norway")}
    assert [c["kind"] for c in data["commitments"]] == ["promise"]
    assert {b["event"] for b in data["by_month"]} == {"AGREE", "RETREAT", "ACCUSE"}
    page = client.get(f"/actors/{norway['id']}").text
    assert "<h1>Norway</h1>" in page and "chart-timeline" in page and "/_static/vendor/vega-lite.min.js" in page
    assert client.get("/actors/999999.json").status_code == 404


def test_country_place_and_source_pages(client: TestClient) -> None:
    sweden = client.get("/countries/SWE.json").json()
    assert sweden["label"] == "Sweden", sweden
    assert sweden["n_events"] == 4  # the events with a Swedish actor, and the one in Stockholm
    place = client.get("/places/Stockholm.json").json()
    assert place["n_events"] == 1 and place["places"] == [
        {"name": "Stockholm", "country": "SWE", "lat": 59.33, "lon": 18.07, "n": 1}
    ]
    source = client.get("/sources/Dagblad%20Proef.json").json()
    assert [e["article"] for e in source["events"]] == ["bay-nl"]
    assert "Testzeitung" in client.get("/sources/Testzeitung").text


def test_search_full_text_with_filters(client: TestClient) -> None:
    found = client.get("/search.json?q=fishing").json()
    assert [h["article"] for h in found["hits"]] == ["bay-en"]
    assert "[fishing]" in found["hits"][0]["snippet"]
    assert {e["event"] for e in found["events"]} == {"AGREE", "RETREAT", "ACCUSE"}
    narrowed = client.get("/search.json?q=fishing&type=AGREE&source=Harbour%20Post").json()
    assert [e["event"] for e in narrowed["events"]] == ["AGREE"]
    assert client.get("/search.json?min_sources=2").json()["total"] == 2
    assert client.get("/search.json?modality=planned&country=swe").json()["total"] == 1
    assert client.get("/search.json?since=2025-05-10").json()["total"] == 1
    assert client.get("/search.json?min_confidence=2").status_code == 422
    page = client.get("/search?q=%3Cscript%3E").text
    assert "<script>alert" not in page


def test_fused_page_sets_reports_side_by_side(client: TestClient) -> None:
    multi = client.get("/fused.json?min_sources=2").json()["fused"][0]
    page = client.get(f"/fused/{multi['id']}").text
    assert len(re.findall(r'<div class="report[ "]', page)) == 2 and "Reports side by side" in page


def test_extract_body_has_a_size_limit(tmp_path: Path) -> None:
    with TestClient(create_app(str(tmp_path / "x.db"), max_extract_bytes=100), base_url="http://localhost") as small:
        response = small.post("/extract", json={"text": "word " * 50})
    assert response.status_code == 413 and response.json()["error"]["code"] == "E243"
