"""Fuzzing extraction: any text, HTML page or publication date gives a valid chronicle or a catalogue
error (KroniekError), never another exception."""

from __future__ import annotations

import datetime as dt

import pytest
from fuzz_settings import examples
from hypothesis import given
from hypothesis import strategies as st
from strategies import article_texts, date_strings, html_pages

from kroniek.chronicle import load_chronicle
from kroniek.errors import KroniekError
from kroniek.extractor import Extractor
from kroniek.ingest import parse_published


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    ex = Extractor()
    ex.preload()
    return ex


def check(extractor: Extractor, text: str, **kwargs: object) -> None:
    try:
        chronicle = extractor.extract(text, **kwargs)  # type: ignore[arg-type]
    except KroniekError:
        return
    # valid: every span reads as its text, every id resolves; and it survives its own JSON
    load_chronicle(chronicle.model_dump_json())


@examples(ci=100)
@given(text=article_texts(), lang=st.sampled_from([None, "nl", "en", "de", "fr"]))
def test_any_text_gives_a_valid_chronicle_or_a_catalogue_error(
    extractor: Extractor, text: str, lang: str | None
) -> None:
    check(extractor, text, lang=lang, published="2025-03-19")


@examples(ci=30)
@given(page=html_pages())
def test_any_html_page_gives_a_valid_chronicle_or_a_catalogue_error(extractor: Extractor, page: str) -> None:
    check(extractor, page, lang="en")


@examples(ci=40)
@given(published=st.one_of(date_strings, st.dates()))
def test_any_publication_date_is_read_or_refused_and_never_breaks_a_stage(
    extractor: Extractor, published: str | dt.date
) -> None:
    try:
        parse_published(published)
    except KroniekError:
        return
    check(
        extractor,
        "De minister sprak gisteren met Poetin. Volgend jaar wil hij terug, zei hij woensdag.",
        lang="nl",
        published=published,
    )
