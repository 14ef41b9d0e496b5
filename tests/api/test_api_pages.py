"""Pages and their JSON twins over a real SQLite store: the JSON is the library's data, the HTML shows it."""

from __future__ import annotations

import html
import json
from typing import Any
from urllib.parse import quote

from api_fixtures import EN_TEXT
from fastapi.testclient import TestClient

from kroniek.api.queries import page_events
from kroniek.store.db import Store
from kroniek.store.query import list_commitments, query_events, query_fused, timeline


def twins(client: TestClient, path: str, query: str = "") -> tuple[Any, str]:
    """The JSON of ``path`` (checked to be the same by suffix and by ?_format=json) and its HTML."""
    suffix = "/.json" if path == "/" else path + ".json"
    by_suffix = client.get(suffix + (f"?{query}" if query else ""))
    by_param = client.get(path + "?" + "&".join(p for p in (query, "_format=json") if p))
    page = client.get(path + (f"?{query}" if query else ""))
    assert by_suffix.status_code == by_param.status_code == page.status_code == 200
    assert by_suffix.headers["content-type"].startswith("application/json")
    assert page.headers["content-type"].startswith("text/html")
    assert by_suffix.json() == by_param.json()
    return by_suffix.json(), page.text


def test_overview_counts_articles_events_fused_and_commitments(client: TestClient) -> None:
    data, page = twins(client, "/")
    assert data["counts"]["articles"] == 3
    assert data["counts"]["events"] == 5
    # the two reports of the promise (en, nl) are one fused event with two sources
    assert data["counts"]["fused_events"] == 4
    assert data["counts"]["multi_source_fused_events"] == 1
    assert data["counts"]["commitments"] == 1
    assert data["languages"] == {"de": 1, "en": 1, "nl": 1}
    for lang in data["languages"]:
        assert f"?lang={lang}" in page


def test_events_json_is_what_the_library_returns(client: TestClient, store: Store) -> None:
    data, page = twins(client, "/events")
    assert data["events"] == json.loads(json.dumps(query_events(store)))
    assert data["next"] is None
    for event in data["events"]:
        assert html.escape(event["evidence"], quote=False).replace('"', "&#34;") in page
    # the same event table as search and scope pages: a claim source links to its page
    sources = {e["source"] for e in data["events"] if e["source"]}
    assert sources
    for source in sources:
        assert f'href="/sources/{quote(source)}"' in page


def test_event_filters_mirror_the_library(client: TestClient, store: Store) -> None:
    cases: list[tuple[str, dict[str, Any]]] = [
        ("type=AGREE", {"type": "AGREE"}),
        ("type=agree,consult", {"type": "agree,consult"}),
        ("lang=nl", {"language": "nl"}),
        ("actor=norw", {"actor": "norw"}),
        ("actor=sweden&role=recipient", {"actor": "sweden", "role": "recipient"}),
        ("modality=planned", {"modality": "planned"}),
        ("since=2025-05-07", {"since": "2025-05-07"}),
        ("until=2025-05-06", {"until": "2025-05-06"}),
    ]
    for query, kwargs in cases:
        got = client.get(f"/events.json?{query}").json()["events"]
        assert got == json.loads(json.dumps(query_events(store, **kwargs))), query
    assert [e["event"] for e in client.get("/events.json?type=AGREE").json()["events"]] == ["AGREE", "AGREE"]
    assert [e["article"] for e in client.get("/events.json?modality=planned").json()["events"]] == ["talks-de"]
    # the undated report of 12 boats sits on its publication day (05-06), before the 05-07 filter
    assert {e["article"] for e in client.get("/events.json?since=2025-05-07").json()["events"]} == {"talks-de"}
    assert client.get("/events.json?actor=nobody-at-all").json() == {"events": [], "next": None}


def test_events_pages_follow_next_tokens_through_all_rows(client: TestClient, store: Store) -> None:
    everything = [e["id"] for e in query_events(store)]
    seen: list[int] = []
    url = "/events.json?limit=2"
    pages = 0
    while url:
        data = client.get(url).json()
        assert len(data["events"]) <= 2
        seen += [e["id"] for e in data["events"]]
        url = f"/events.json?limit=2&_next={data['next']}" if data["next"] else ""
        pages += 1
    assert seen == everything
    assert pages == 3
    # the HTML page links to the next page with the same filters
    page = client.get("/events?limit=2&type=AGREE,RETREAT").text
    assert "_next=" in page and "type=AGREE%2CRETREAT" in page
    # the library function gives the same pages
    first = page_events(store, limit=2)
    assert [e["id"] for e in first["events"]] == everything[:2]


def test_articles_list_and_article_page_with_marked_evidence(client: TestClient) -> None:
    listing, page = twins(client, "/articles")
    assert [a["article"] for a in listing["articles"]] == ["talks-de", "bay-nl", "bay-en"]
    en_id = next(a["id"] for a in listing["articles"] if a["article"] == "bay-en")
    assert f'href="/articles/{en_id}"' in page

    data, page = twins(client, f"/articles/{en_id}")
    assert data["article"]["text"] == EN_TEXT
    assert data["chronicle"]["article"]["text"] == EN_TEXT
    assert [e["local_id"] for e in data["events"]] == ["e1", "e2", "e3"]
    for e in data["events"]:
        assert EN_TEXT[e["evidence_start"] : e["evidence_end"]] == e["evidence"]
        assert f'id="ev-{e["local_id"]}"' in page
        assert f'title="evidence of {e["local_id"]}"' in page
    # untrusted text is escaped, never markup
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; other" in page


def test_article_list_pages_by_limit_and_language(client: TestClient) -> None:
    first = client.get("/articles.json?limit=2").json()
    assert len(first["articles"]) == 2 and first["next"]
    rest = client.get(f"/articles.json?limit=2&_next={first['next']}").json()
    assert [a["article"] for a in rest["articles"]] == ["bay-en"] and rest["next"] is None
    assert [a["article"] for a in client.get("/articles.json?lang=nl").json()["articles"]] == ["bay-nl"]


def test_fused_event_page_lists_all_mentions_and_sources(client: TestClient, store: Store) -> None:
    promise = query_fused(store, type="AGREE")[0]
    data, page = twins(client, f"/fused/{promise['id']}")
    assert data == json.loads(json.dumps(promise))
    assert data["n_sources"] == 2
    assert {m["article"] for m in data["mentions"]} == {"bay-en", "bay-nl"}
    for m in data["mentions"]:
        assert html.escape(m["evidence"], quote=True).replace("&#x27;", "&#39;") in page
    for source in data["sources"]:
        assert source in page


def test_commitments_and_timeline_are_the_library_data(client: TestClient, store: Store) -> None:
    data, page = twins(client, "/commitments")
    assert data == {"commitments": json.loads(json.dumps(list_commitments(store))), "next": None}
    assert data["commitments"][0]["until"] == "2025-07-04"
    assert "2025-07-04" in page and data["commitments"][0]["status"] in page
    assert client.get("/commitments.json?status=expired").json() == {"commitments": [], "next": None}
    assert len(client.get("/commitments.json?actor=Norway&kind=promise").json()["commitments"]) == 1

    data, page = twins(client, "/timeline", "actor=Sweden")
    assert data["actor"] == "Sweden" and [a["name"] for a in data["actors"]] == ["Sweden"]
    assert data["timeline"] == json.loads(json.dumps(timeline(store, "Sweden")))
    assert len(data["timeline"]) == 3  # the promise (fused), the accusation, the planned talks
    for row in data["timeline"]:
        assert f'href="/fused/{row["id"]}"' in page


def test_fused_list_filters_like_the_library(client: TestClient, store: Store) -> None:
    data, page = twins(client, "/fused")
    assert data == {"fused": json.loads(json.dumps(query_fused(store, mentions=False)))}
    assert len(data["fused"]) == 4
    multi = client.get("/fused.json?min_sources=2").json()["fused"]
    assert [f["event"] for f in multi] == ["AGREE"]
    assert client.get("/fused.json?disagreement=true").json() == {"fused": []}
    assert len(client.get("/fused.json?disagreement=false&type=ACCUSE").json()["fused"]) == 1
    assert len(client.get("/fused.json?limit=1").json()["fused"]) == 1
    for row in data["fused"]:
        assert f'href="/fused/{row["id"]}"' in page


def test_article_page_lists_the_chronicle_actors_with_timeline_links(client: TestClient) -> None:
    listing = client.get("/articles.json?lang=de").json()["articles"]
    data, page = twins(client, f"/articles/{listing[0]['id']}")
    names = [a["name"] for a in data["chronicle"]["actors"]]
    assert names == ["Ingrid Testdal", "Sweden"]
    assert 'href="/timeline?actor=Ingrid%20Testdal"' in page


def test_events_csv_has_the_library_rows_and_links_the_next_page(client: TestClient, store: Store) -> None:
    import csv
    import io

    from kroniek.store.export import EVENT_COLUMNS, flat_event

    response = client.get("/events.csv?type=AGREE")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    expected = [flat_event(e) for e in query_events(store, type="AGREE")]
    assert tuple(rows[0]) == EVENT_COLUMNS
    assert [r["evidence"] for r in rows] == [e["evidence"] for e in expected]
    assert [r["actor"] for r in rows] == ["Norway", "Norway"]
    assert "link" not in response.headers
    paged = client.get("/events?_format=csv&limit=2")
    assert len(list(csv.DictReader(io.StringIO(paged.text)))) == 2
    assert 'rel="next"' in paged.headers["link"] and "_next=" in paged.headers["link"]
    assert "_format=csv" in paged.headers["link"]
    # a bad filter on the CSV twin answers in JSON, for scripts
    bad = client.get("/events.csv?since=soon")
    assert bad.status_code == 422 and bad.json()["error"]["parameter"] == "since"
    # CSV is offered where the rows are flat: not on the other pages
    assert client.get("/articles?_format=csv").status_code == 422
