"""Paging commitments: the pages of page_commitments join up to list_commitments, in its order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from api_fixtures import NORWAY, SWEDEN, chronicle

from kroniek.api.queries import page_commitments
from kroniek.store.db import Store, open_store
from kroniek.store.fusion import fuse
from kroniek.store.query import list_commitments
from kroniek.store.writer import write_chronicle

DAYS = ["2025-06-02", "2025-06-09", "2025-06-16", "2025-06-23", "2025-06-30"]


@pytest.fixture
def promises(tmp_path: Path) -> Iterator[Store]:
    """Five promises a week apart (five commitments), each in its own article."""
    store = open_store(tmp_path / "promises.db")
    for n, day in enumerate(DAYS):
        text = f"Norway promised Sweden on {day} to close harbour number {n + 1} to trawlers."
        write_chronicle(
            store,
            chronicle(
                f"promise-{n}",
                text,
                "en",
                day,
                f"Outlet {n}",
                [(NORWAY, "Norway"), (SWEDEN, "Sweden")],
                [
                    {
                        "event": "AGREE",
                        "actor": ["no"],
                        "recipient": ["se"],
                        "date": (day, day),
                        "evidence": text,
                        "proposition": {"event": "RETREAT", "text": f"close harbour number {n + 1}"},
                    }
                ],
            ),
        )
    fuse(store)
    try:
        yield store
    finally:
        store.close()


def test_commitment_pages_join_up_in_library_order(promises: Store) -> None:
    everything = list_commitments(promises)
    assert len(everything) == 5
    seen, token, pages = [], None, 0
    while True:
        page = page_commitments(promises, limit=2, next=token)
        seen += page["commitments"]
        pages += 1
        token = page["next"]
        if token is None:
            break
    assert seen == everything
    assert pages == 3
    assert [c["since"] for c in seen] == DAYS
