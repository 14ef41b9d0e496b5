"""Every page is balanced HTML: each opened element is closed, in order (catches template slips)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

VOID = {"meta", "br", "input", "link", "img", "hr"}


class Balance(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


@pytest.mark.parametrize(
    "path",
    ["/", "/articles", "/articles/1", "/events", "/fused", "/fused/1", "/commitments", "/timeline?actor=Norway",
     "/articles/424242", "/events?since=never"],
)  # fmt: skip
def test_pages_are_balanced_html(client: TestClient, path: str) -> None:
    checker = Balance()
    checker.feed(client.get(path).text)
    checker.close()
    assert checker.problems == []
    assert checker.stack == []
