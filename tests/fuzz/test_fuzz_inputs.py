"""Fuzzing the readers: JSONL lines, whole input files and dates give articles or per-item failures
with catalogue errors, never an exception that would end a batch."""

from __future__ import annotations

from fuzz_settings import examples
from hypothesis import given
from hypothesis import strategies as st
from strategies import article_texts, date_strings, jsonl_lines

from kroniek.errors import KroniekError
from kroniek.ingest import ItemFailure, RawArticle, parse_published, read_bytes, read_jsonl
from kroniek.store.dates import parse_day


@examples(ci=150)
@given(lines=st.lists(jsonl_lines(), min_size=1, max_size=5))
def test_every_jsonl_line_is_an_article_or_a_recorded_failure(lines: list[str]) -> None:
    items = list(read_jsonl(lines, "fuzz.jsonl"))
    assert len(items) == sum(1 for line in lines if line.strip())  # no line lost, none invented
    for item in items:
        assert isinstance(item, RawArticle | ItemFailure)
        if isinstance(item, ItemFailure):
            assert isinstance(item.error, KroniekError) and item.where.startswith("fuzz.jsonl:")
        else:
            item.text.encode("utf-8")  # whatever is read can be hashed and stored


@examples(ci=150)
@given(
    data=st.one_of(
        st.binary(max_size=300),
        article_texts().map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.lists(jsonl_lines(), min_size=1, max_size=4).map(lambda ls: "\n".join(ls).encode("utf-8", "surrogatepass")),
    )
)
def test_any_bytes_are_read_or_refused_with_a_catalogue_error(data: bytes) -> None:
    try:
        items = list(read_bytes(data, "fuzz.bin", max_chars=10_000))
    except KroniekError:
        return
    for item in items:
        assert isinstance(item, RawArticle | ItemFailure)


@examples(ci=300)
@given(value=date_strings)
def test_dates_are_read_or_refused_with_a_catalogue_error(value: str) -> None:
    for parse in (parse_published, lambda v: parse_day(v, "--since")):
        try:
            parse(value)
        except KroniekError:
            pass
