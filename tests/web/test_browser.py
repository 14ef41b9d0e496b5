"""The pages in a real browser: the charts render from the bundled files (no request leaves the
machine), a click on a timeline bar opens the search for that type, the map and graph draw, and the
search form filters. Names, never Wikidata ids, in the headings."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest


@pytest.fixture
def page(browser: Any, server: str) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside: list[str] = []
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if urlsplit(route.request.url).hostname == "127.0.0.1"
            else (outside.append(route.request.url), route.abort())
        ),
    )
    tab = context.new_page()
    tab.outside = outside  # requests that tried to leave the machine
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.errors = errors
    yield tab
    context.close()


def wait_for_charts(page: Any, count: int = 3) -> None:
    page.wait_for_function(f"window.kroniekCharts && window.kroniekCharts.rendered >= {count}", timeout=20000)
    assert page.evaluate("window.kroniekCharts.errors") == []


def test_search_page_draws_the_three_charts_offline(page: Any, server: str) -> None:
    page.goto(server + "/search")
    wait_for_charts(page)
    assert page.locator("#chart-timeline svg").count() == 1
    assert page.locator("#chart-graph svg path").count() >= 1  # the who-acts-on-whom links
    page.wait_for_selector("#chart-map svg path")  # the base map from the bundled TopoJSON
    assert page.outside == [] and page.errors == []


def test_a_click_on_a_timeline_bar_opens_the_search_for_it(page: Any, server: str) -> None:
    page.goto(server + "/search")
    wait_for_charts(page)
    bar = page.locator("#chart-timeline svg .mark-rect path").first
    bar.click()
    page.wait_for_url("**/search?*type=*")
    assert "since=2025-05-01" in page.url or "since=" in page.url
    assert page.locator("h2", has_text="Events").count() == 1


def test_actor_page_shows_names_and_charts(page: Any, server: str) -> None:
    page.goto(server + "/")
    page.get_by_role("link", name="Norway").first.click()
    page.wait_for_url("**/actors/*")
    assert page.locator("h1").inner_text() == "Norway"
    wait_for_charts(page)
    assert "Sweden" in page.locator("table").nth(1).inner_text()  # the counterparts


def test_search_form_filters_and_place_map(page: Any, server: str) -> None:
    page.goto(server + "/search")
    page.fill("input[name=q]", "fishing")
    page.fill("input[name=type]", "AGREE")
    page.click("button[type=submit]")
    page.wait_for_url("**/search?*q=fishing*")
    assert "bay-en" in page.locator("table").first.inner_text()
    page.goto(server + "/places/Stockholm")
    wait_for_charts(page)
    page.wait_for_selector("#chart-map svg path")
    assert page.locator("#chart-map svg .mark-symbol path, #chart-map svg .mark-circle path").count() >= 1


def test_docs_page_renders_offline(page: Any, server: str) -> None:
    page.goto(server + "/_docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20000)
    assert page.locator(".opblock").count() > 10
    assert page.outside == []
