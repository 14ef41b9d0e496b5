"""Commitments: a 30-day pause on strikes on energy infrastructure, its window and later reports
(articles written for these tests)."""

from __future__ import annotations

import datetime as dt

from store_fixtures import PUTIN, RUSSIA, TRUMP, UKRAINE, make_chronicle, with_mentions

from kroniek.store.commitments import track_commitments
from kroniek.store.dates import add_duration, interval
from kroniek.store.db import Store
from kroniek.store.fusion import fuse
from kroniek.store.query import list_commitments
from kroniek.store.writer import write_chronicle

US = {"id": "us", "name": "United States", "kind": "state", "country": "USA", "sector": "GOV"}

PROMISE_TEXT = (
    "Putin promised Trump on Tuesday to stop strikes on energy facilities in Ukraine for thirty days. "
    "He also agreed to talks about shipping in the Black Sea. "
    "Moscow demanded that Ukraine stop mobilising soldiers. "
    "The two presidents spoke by phone on Tuesday."
)


def promise_article() -> object:
    return make_chronicle(
        "promise",
        PROMISE_TEXT,
        "en",
        "2025-03-19",
        [
            with_mentions(PUTIN, "Putin"),
            with_mentions(TRUMP, "Trump"),
            with_mentions(RUSSIA, "Moscow"),
            with_mentions(UKRAINE, "Ukraine"),
        ],
        [
            {
                "event": "AGREE",
                "actor": ["p"],
                "recipient": ["t"],
                "date": ("2025-03-18", "on Tuesday"),
                "evidence": PROMISE_TEXT.split(". ")[0] + ".",
                "proposition": {
                    "event": "RETREAT",
                    "mode": "ceasefire",
                    "text": "halt strikes on energy infrastructure",
                    "duration": "P30D",
                },
            },
            {
                "event": "AGREE",
                "actor": ["p"],
                "recipient": ["t"],
                "evidence": "He also agreed to talks about shipping in the Black Sea.",
                "proposition": {"event": "CONSULT", "text": "talks on a Black Sea truce"},
            },
            {
                "event": "CONSULT",
                "mode": "phone",
                "actor": ["t", "p"],
                "evidence": "The two presidents spoke by phone on Tuesday.",  # undated: reported 03-19
            },
            {
                "event": "REQUEST",
                "actor": ["ru"],
                "recipient": ["ua"],
                "evidence": "Moscow demanded that Ukraine stop mobilising soldiers.",
                "proposition": {"event": "MOBILIZE", "mode": "troops", "text": "stop mobilising new soldiers"},
            },
        ],
    )


def report(
    article_id: str,
    text: str,
    published: str,
    events: list[dict[str, object]],
    actors: list[dict[str, object]] | None = None,
) -> object:
    return make_chronicle(
        article_id,
        text,
        "en",
        published,
        actors or [with_mentions(RUSSIA, "Russian"), with_mentions(UKRAINE, "Ukrain")],
        events,
        source=f"Outlet {article_id}",
    )


def later_reports() -> list[object]:
    strike = "Russian drones hit a power plant in Ukraine on Monday."
    airfield = "Russian missiles struck a military airfield in Ukraine on Sunday."
    too_late = "Russian drones hit a power plant in Ukraine on Tuesday."
    accusation_text = "Ukrainian officials accused the Russian army of shelling a substation on Wednesday."
    talks = "Russian and American delegations held talks in Riyadh on Monday."
    mobilise = "Ukrainian authorities called up new soldiers on Friday."
    return [
        report(
            "strike",
            strike,
            "2025-03-25",
            [
                {
                    "event": "ASSAULT",
                    "mode": "drone",
                    "actor": ["ru"],
                    "recipient": ["ua"],
                    "evidence": strike,
                    "date": ("2025-03-24", "on Monday"),
                }
            ],
        ),
        report(
            "airfield",
            airfield,
            "2025-03-31",
            [
                {
                    "event": "ASSAULT",
                    "actor": ["ru"],
                    "recipient": ["ua"],
                    "evidence": airfield,
                    "date": ("2025-03-30", "on Sunday"),
                }
            ],
        ),
        report(
            "accusation",
            accusation_text,
            "2025-04-03",
            [
                {
                    "event": "ACCUSE",
                    "actor": ["ua"],
                    "recipient": ["ru"],
                    "evidence": accusation_text,
                    "date": ("2025-04-02", "on Wednesday"),
                }
            ],
        ),
        report(
            "too-late",
            too_late,
            "2025-04-23",
            [
                {
                    "event": "ASSAULT",
                    "actor": ["ru"],
                    "recipient": ["ua"],
                    "evidence": too_late,
                    "date": ("2025-04-22", "on Tuesday"),
                }
            ],
        ),
        report(
            "talks",
            talks,
            "2025-03-25",
            [{"event": "CONSULT", "actor": ["ru", "us"], "evidence": talks, "date": ("2025-03-24", "on Monday")}],
            actors=[with_mentions(RUSSIA, "Russian"), with_mentions(US, "American")],
        ),
        report(
            "mobilise",
            mobilise,
            "2025-03-29",
            [
                {
                    "event": "MOBILIZE",
                    "mode": "troops",
                    "actor": ["ua"],
                    "evidence": mobilise,
                    "date": ("2025-03-28", "on Friday"),
                }
            ],
            actors=[with_mentions(UKRAINE, "Ukrainian")],
        ),
    ]


def by_kind(items: list[dict[str, object]], kind: str, prop_event: str) -> dict[str, object]:
    [item] = [c for c in items if c["kind"] == kind and c["proposition"]["event"] == prop_event]  # type: ignore[index]
    return item


def test_window_arithmetic() -> None:
    assert add_duration(dt.date(2025, 3, 18), "P30D") == dt.date(2025, 4, 17)
    assert add_duration(dt.date(2025, 1, 31), "P1M") == dt.date(2025, 2, 28)
    assert add_duration(dt.date(2025, 3, 18), "P2W") == dt.date(2025, 4, 1)
    assert add_duration(dt.date(2025, 3, 18), "nonsense") is None
    assert interval("2025-W11") == (dt.date(2025, 3, 10), dt.date(2025, 3, 16))
    assert interval("2025-W21-WE") == (dt.date(2025, 5, 24), dt.date(2025, 5, 25))
    assert interval("2025-03") == (dt.date(2025, 3, 1), dt.date(2025, 3, 31))
    assert interval("PAST_REF") is None


def test_energy_pause_collects_violations_within_its_window(store: Store) -> None:
    write_chronicle(store, promise_article())  # type: ignore[arg-type]
    for chronicle in later_reports():
        write_chronicle(store, chronicle)  # type: ignore[arg-type]
    fuse(store)
    items = list_commitments(store)
    pause = by_kind(items, "promise", "RETREAT")
    assert pause["since"] == "2025-03-18" and pause["until"] == "2025-04-17"
    assert pause["actor"] == ["Vladimir Putin"] and pause["recipient"] == ["Donald Trump"]
    assert pause["status"] == "reported broken"
    assert "energy" in pause["domains"]  # type: ignore[operator]
    reports = [(r["relation"], r["date"], r["event"]) for r in pause["reports"]]  # type: ignore[union-attr]
    # the strike on a power plant and the accusation about a substation; not the airfield (another
    # domain) and not the strike after the window closed
    assert reports == [("violation", "2025-03-24", "ASSAULT"), ("violation", "2025-04-02", "ACCUSE")]

    talks = by_kind(items, "promise", "CONSULT")
    assert talks["status"] == "fulfilled"
    # fulfilled by the later talks, not by the call in which it was promised (same article)
    assert [(r["relation"], r["date"]) for r in talks["reports"]] == [("fulfilment", "2025-03-24")]
    demand = by_kind(items, "demand", "MOBILIZE")
    assert demand["status"] == "rejected"  # Ukraine went on calling up soldiers
    assert [c["id"] for c in list_commitments(store, actor="Putin", status="reported broken")] == [pause["id"]]
    assert list_commitments(store, actor="Zelensky") == []


def test_pause_without_reports_is_in_force_then_expires(sqlite_store: Store) -> None:
    write_chronicle(sqlite_store, promise_article())  # type: ignore[arg-type]
    fuse(sqlite_store, as_of=dt.date(2025, 4, 1))
    pause = by_kind(list_commitments(sqlite_store), "promise", "RETREAT")
    assert pause["status"] == "in force" and pause["reports"] == []
    track_commitments(sqlite_store, as_of=dt.date(2025, 4, 18))
    assert by_kind(list_commitments(sqlite_store), "promise", "RETREAT")["status"] == "expired"
    track_commitments(sqlite_store, as_of=dt.date(2025, 3, 10))
    assert by_kind(list_commitments(sqlite_store), "promise", "RETREAT")["status"] == "pending"
    assert by_kind(list_commitments(sqlite_store), "demand", "MOBILIZE")["status"] == "pending"
