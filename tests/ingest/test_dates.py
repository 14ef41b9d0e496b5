"""Publication dates: strict for the caller's own --published, read as far as it goes for the date an
article carries (header, JSONL field, HTML metadata); never today, never a guess at a missing year."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from kroniek.errors import InputError
from kroniek.ingest import parse_published, read_article_date
from kroniek.ingest.sources import RawArticle, article_from_text, read_jsonl


@pytest.mark.parametrize(
    ("raw", "iso", "left_out"),
    [
        ("2025-03-19 (stored date)", "2025-03-19", "(stored date)"),
        ("2025-01-15 22:22 UK", "2025-01-15T22:22:00", "UK"),
        ("19 maart 2025", "2025-03-19", None),
        ("Wednesday, March 19, 2025", "2025-03-19", None),
        ("19.03.2025 14:05 Uhr", "2025-03-19T14:05:00", None),
        ("le 19 mars 2025", "2025-03-19", None),
        ("12/03/2025", "2025-03-12", None),
    ],
)
def test_article_dates_are_read_as_far_as_they_go(raw: str, iso: str, left_out: str | None) -> None:
    date = read_article_date(raw, "a.txt")
    assert date.iso == iso and date.day is not None and date.day.isoformat() == iso[:10]
    assert date.problem is None
    if left_out:
        assert date.note is not None and repr(left_out) in date.note and "a.txt" in date.note
    else:
        assert date.note is None


@pytest.mark.parametrize("raw", ["unknown", "yesterday", "gisteren", "now", "19 maart", "March 2025", "2025-13-45"])
def test_no_date_is_made_up(raw: str) -> None:
    date = read_article_date(raw, "b.txt")
    assert (date.iso, date.day) == (None, None)
    assert date.problem is not None and repr(raw) in date.problem and "b.txt" in date.problem


def test_the_callers_date_is_strict_but_reads_words() -> None:
    assert parse_published("19 March 2025") == ("2025-03-19", dt.date(2025, 3, 19))
    with pytest.raises(InputError) as err:
        parse_published("2025-03-19 (stored date)")
    assert err.value.code == "E006"


def test_every_reader_keeps_the_article_and_the_reason() -> None:
    text = "The foreign minister met his counterpart in Vienna."
    plain = article_from_text(text, "x.txt", published="not known")
    [jsonl] = list(read_jsonl([json.dumps({"id": "j1", "text": text, "published": "not known"})], "b.jsonl"))
    assert isinstance(jsonl, RawArticle)
    for article in (plain, jsonl):
        assert article.published is None
        assert "'not known'" in (article.date_problem or "")
    kept = article_from_text(text, "y.txt", published="2025-01-15 22:22 UK")
    assert kept.published == "2025-01-15T22:22:00" and kept.date_problem is None
