"""Fusion of the same event reported in several articles and languages (written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_fixtures import PUTIN, RUSSIA, TRUMP, UKRAINE, make_chronicle, sentence_with, with_mentions

from kroniek.chronicle.models import Chronicle
from kroniek.store.db import Store
from kroniek.store.fusion import fuse
from kroniek.store.query import query_fused
from kroniek.store.writer import write_chronicle

SEED = Path(__file__).resolve().parents[2] / "examples" / "seed.txt"

EN_TEXT = (
    "Donald Trump and Vladimir Putin spoke by phone on Tuesday for more than two hours. "
    "Putin agreed to halt strikes on energy infrastructure in Ukraine for 30 days."
)
DE_TEXT = "Am Mittwoch telefonierten Putin und Trump miteinander. Es ging um eine Waffenruhe."


def seed_chronicle() -> Chronicle:
    """The seed article's call, promise and exchange, with spans located in examples/seed.txt."""
    text = SEED.read_text(encoding="utf-8")
    return make_chronicle(
        "seed",
        text,
        "nl",
        "2025-03-19",
        [
            with_mentions(TRUMP, "Trump"),
            with_mentions(PUTIN, "Poetin"),
            with_mentions(RUSSIA, "Rusland"),
            with_mentions(UKRAINE, "Kyiv"),
        ],
        [
            {
                "event": "CONSULT",
                "mode": "phone",
                "actor": ["t", "p"],
                "trigger": "telefoongesprek",
                "evidence": sentence_with(text, "telefoongesprek"),
                "date": ("2025-03-18", "dinsdag"),
            },
            {
                "event": "AGREE",
                "actor": ["p"],
                "recipient": ["t"],
                "date": ("2025-03-18", "dinsdag"),
                "evidence": sentence_with(text, "energiesector"),
                "proposition": {
                    "event": "RETREAT",
                    "mode": "ceasefire",
                    "text": "halt attacks on the Ukrainian energy sector",
                    "duration": "P30D",
                },
            },
            {
                "event": "RETREAT",
                "mode": "release",
                "actor": ["ru", "ua"],
                "modality": "planned",
                "evidence": sentence_with(text, "175 soldaten"),
                "date": ("2025-03-19", "woensdag"),
                "quantities": [(175, "soldiers", "175 soldaten")],
            },
        ],
    )


def english_report() -> Chronicle:
    return make_chronicle(
        "wire-en",
        EN_TEXT,
        "en",
        "2025-03-19",
        [
            with_mentions(TRUMP, "Donald Trump"),
            with_mentions(PUTIN, "Vladimir Putin"),
            with_mentions(UKRAINE, "Ukraine"),
        ],
        [
            {
                "event": "CONSULT",
                "mode": "phone",
                "actor": ["t", "p"],
                "trigger": "spoke by phone",
                "evidence": "Donald Trump and Vladimir Putin spoke by phone on Tuesday for more than two hours.",
                "date": ("2025-03-18", "on Tuesday"),
            },
            {
                "event": "AGREE",
                "actor": ["p"],
                "recipient": ["t"],
                "evidence": "Putin agreed to halt strikes on energy infrastructure in Ukraine for 30 days.",
                "proposition": {
                    "event": "RETREAT",
                    "mode": "ceasefire",
                    "text": "halt strikes on energy infrastructure",
                    "duration": "P30D",
                },
            },
        ],
        source="Test Wire",
        url="https://wire.example/en/call",
    )


def german_report() -> Chronicle:
    return make_chronicle(
        "presse-de",
        DE_TEXT,
        "de",
        "2025-03-20",
        [with_mentions(PUTIN, "Putin"), with_mentions(TRUMP, "Trump")],
        [
            {
                "event": "CONSULT",
                "mode": "phone",
                "actor": ["p", "t"],
                "trigger": "telefonierten",
                "evidence": "Am Mittwoch telefonierten Putin und Trump miteinander.",
                "date": ("2025-03-19", "Am Mittwoch"),
            }
        ],
        source="Testpresse",
        url="https://presse.example/de/telefonat",
    )


def test_seed_and_two_reports_fuse_into_one_call_with_three_sources(store: Store) -> None:
    for chronicle in (seed_chronicle(), english_report(), german_report()):
        write_chronicle(store, chronicle)
    summary = fuse(store)
    assert summary["mentions"] == 6
    calls = query_fused(store, type="CONSULT")
    assert len(calls) == 1
    call = calls[0]
    assert call["mode"] == "phone"
    assert call["n_sources"] == 3 and call["n_mentions"] == 3
    assert sorted(call["languages"]) == ["de", "en", "nl"]
    assert call["date"] == "2025-03-18"  # two sources against one
    dates = [d for d in call["disagreements"] if d["field"] == "date"]
    assert len(dates) == 1
    values = {v["value"]: v["articles"] for v in dates[0]["values"]}
    assert values == {"2025-03-18": ["seed", "wire-en"], "2025-03-19": ["presse-de"]}
    assert sorted(call["actor"]) == ["Donald Trump", "Vladimir Putin"]
    # the promise is one fused event with two sources; the exchange stays on its own
    promises = query_fused(store, type="AGREE")
    assert len(promises) == 1 and promises[0]["n_sources"] == 2
    assert len(query_fused(store, type="RETREAT")) == 1


def test_fusion_keeps_different_events_apart(sqlite_store: Store) -> None:
    text = (
        "Russia and Ukraine exchanged 40 prisoners on Monday. Russia also handed over 12 wounded soldiers "
        "to Ukraine on Monday."
    )
    both = make_chronicle(
        "two-exchanges",
        text,
        "en",
        "2025-05-06",
        [with_mentions(RUSSIA, "Russia"), with_mentions(UKRAINE, "Ukraine")],
        [
            {
                "event": "RETREAT",
                "mode": "release",
                "actor": ["ru", "ua"],
                "date": ("2025-05-05", "Monday"),
                "evidence": "Russia and Ukraine exchanged 40 prisoners on Monday.",
                "quantities": [(40, "prisoners", "40 prisoners")],
            },
            {
                "event": "RETREAT",
                "mode": "release",
                "actor": ["ru"],
                "recipient": ["ua"],
                "evidence": "Russia also handed over 12 wounded soldiers to Ukraine on Monday.",
                "quantities": [(12, "wounded soldiers", "12 wounded soldiers")],
            },
        ],
    )
    far = make_chronicle(
        "later-exchange",
        "Russia and Ukraine exchanged 90 prisoners in June.",
        "en",
        "2025-06-20",
        [with_mentions(RUSSIA, "Russia"), with_mentions(UKRAINE, "Ukraine")],
        [
            {
                "event": "RETREAT",
                "mode": "release",
                "actor": ["ru", "ua"],
                "date": ("2025-06", "in June"),
                "precision": "month",
                "evidence": "Russia and Ukraine exchanged 90 prisoners in June.",
            }
        ],
    )
    near_month = make_chronicle(
        "june-report",
        "Russia and Ukraine swapped prisoners in June.",
        "en",
        "2025-07-02",
        [with_mentions(RUSSIA, "Russia"), with_mentions(UKRAINE, "Ukraine")],
        [
            {
                "event": "RETREAT",
                "mode": "release",
                "actor": ["ru", "ua"],
                "date": ("2025-06", "in June"),
                "precision": "month",
                "evidence": "Russia and Ukraine swapped prisoners in June.",
            }
        ],
    )
    write_chronicle(sqlite_store, both)
    write_chronicle(sqlite_store, far)
    write_chronicle(sqlite_store, near_month)
    text = "Russia and Ukraine exchanged prisoners on 30 May."
    write_chronicle(
        sqlite_store,
        make_chronicle(
            "may-day",
            text,
            "en",
            "2025-05-31",
            [with_mentions(RUSSIA, "Russia"), with_mentions(UKRAINE, "Ukraine")],
            [
                {
                    "event": "RETREAT",
                    "mode": "release",
                    "actor": ["ru", "ua"],
                    "evidence": text,
                    "date": ("2025-05-30", "on 30 May"),
                }
            ],
        ),
    )
    fuse(sqlite_store)
    fused = query_fused(sqlite_store, type="RETREAT")
    # same article: two events; June: another, which a second report "in June" joins; a coarse date is
    # not stretched by the window to meet a day outside it
    assert len(fused) == 4
    assert sorted(f["n_mentions"] for f in fused) == [1, 1, 1, 2]


def test_number_disagreement_is_flagged(sqlite_store: Store) -> None:
    one = make_chronicle(
        "n1",
        "Ukraine and Russia swapped 175 soldiers on Wednesday.",
        "en",
        "2025-03-20",
        [with_mentions(RUSSIA, "Russia"), with_mentions(UKRAINE, "Ukraine")],
        [
            {
                "event": "RETREAT",
                "mode": "release",
                "actor": ["ua", "ru"],
                "date": ("2025-03-19", "Wednesday"),
                "evidence": "Ukraine and Russia swapped 175 soldiers on Wednesday.",
                "quantities": [(175, "soldiers", "175 soldiers")],
            }
        ],
        source="Outlet One",
    )
    two = make_chronicle(
        "n2",
        "Russland und die Ukraine tauschten 172 Soldaten aus.",
        "de",
        "2025-03-20",
        [with_mentions(RUSSIA, "Russland"), with_mentions(UKRAINE, "Ukraine")],
        [
            {
                "event": "RETREAT",
                "mode": "release",
                "actor": ["ru", "ua"],
                "evidence": "Russland und die Ukraine tauschten 172 Soldaten aus.",
                "quantities": [(172, "soldiers", "172 Soldaten")],
            }
        ],
        source="Outlet Two",
    )
    write_chronicle(sqlite_store, one)
    write_chronicle(sqlite_store, two)
    fuse(sqlite_store)
    [event] = query_fused(sqlite_store, type="RETREAT")
    assert event["n_sources"] == 2
    [numbers] = [d for d in event["disagreements"] if d["field"] == "quantity"]
    assert numbers["what"] == "soldier"
    assert {v["value"] for v in numbers["values"]} == {175, 172}
    # an undated mention is no date disagreement
    assert not [d for d in event["disagreements"] if d["field"] == "date"]


@pytest.mark.xfail(
    strict=True,
    reason="issue 11: the seed's phone call was dated by a discourse rule fitted to the sample article, now "
    "removed; undated, it is not fused with the two reports. Discourse-level dates are the next quality push",
)
def test_extraction_based_fusion_of_the_seed_and_two_reports(tmp_path: Path) -> None:
    """The same acceptance check through real extraction (needs the event stages)."""
    from kroniek.extractor import Extractor

    extractor = Extractor()
    chronicles = [
        extractor.extract(SEED.read_text(encoding="utf-8"), published="2025-03-19", lang="nl", id="seed"),
        extractor.extract(EN_TEXT, published="2025-03-19", lang="en", id="wire-en", source="Test Wire"),
        extractor.extract(DE_TEXT, published="2025-03-20", lang="de", id="presse-de", source="Testpresse"),
    ]
    from kroniek.store.db import open_store

    with open_store(tmp_path / "x.db") as st:
        for c in chronicles:
            write_chronicle(st, c)
        fuse(st)
        calls = [f for f in query_fused(st, type="CONSULT") if f["mode"] == "phone"]
        assert len(calls) == 1
        assert calls[0]["n_sources"] == 3
        assert any(d["field"] == "date" for d in calls[0]["disagreements"])


def test_fused_ids_are_stable_across_rebuilds(sqlite_store: Store) -> None:
    write_chronicle(sqlite_store, english_report())
    fuse(sqlite_store)
    before = {f["event"]: f["id"] for f in query_fused(sqlite_store)}
    write_chronicle(sqlite_store, german_report())  # joins the call
    fuse(sqlite_store)
    after = {f["event"]: (f["id"], f["n_sources"]) for f in query_fused(sqlite_store)}
    assert after == {"CONSULT": (before["CONSULT"], 2), "AGREE": (before["AGREE"], 1)}
