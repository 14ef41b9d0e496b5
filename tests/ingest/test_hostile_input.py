"""Hostile and careless input: every bad item is refused with a catalogue error of its own, and never
takes the rest of its batch with it. Texts are written for these tests."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from kroniek.errors import InputError, KroniekError
from kroniek.ingest import ItemFailure, RawArticle, article_from_text, read_bytes, read_jsonl, read_path
from kroniek.pipeline import load_config

GOOD = "De minister sprak dinsdag in Den Haag met de burgemeester over de begroting."
DEEP = '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}"


def good_line(n: int) -> str:
    return json.dumps({"id": f"ok{n}", "text": f"{GOOD} Dat was overleg nummer {n}."})


@pytest.mark.parametrize(
    ("bad", "code", "detail"),
    [
        (DEEP, "E009", "nested too deeply"),
        ('{"text": "Een \\ud800 losse helft"}', "E214", "lone surrogate"),
        ('{"text": "Een \\u0000 nul"}', "E002", "NUL"),
        ('{"text": "goed", "title": "\\udfff"}', "E214", "title"),
        ('{"text": "goed", "title": {"nested": true}}', "E009", "must be a string"),
        ("{kapot", "E009", "not JSON"),
    ],
)
def test_a_bad_jsonl_line_fails_alone(bad: str, code: str, detail: str) -> None:
    items = list(read_jsonl([good_line(1), bad, good_line(3)], "batch.jsonl"))
    assert [type(item) for item in items] == [RawArticle, ItemFailure, RawArticle]
    failure = items[1]
    assert isinstance(failure, ItemFailure) and failure.where == "batch.jsonl:2"
    assert failure.error.code == code and detail in failure.error.message


def test_a_corrupt_first_line_does_not_turn_a_batch_into_one_text() -> None:
    data = "\n".join(["{kapot", good_line(2), good_line(3)]).encode()
    items = list(read_bytes(data, "batch"))
    assert [type(item) for item in items] == [ItemFailure, RawArticle, RawArticle]


def test_a_jsonl_file_is_a_batch_even_when_every_line_is_bad(tmp_path: Path) -> None:
    path = tmp_path / "all-bad.jsonl"
    path.write_text("{kapot\n" + DEEP + "\n", encoding="utf-8")
    items = list(read_path(str(path)))
    assert [item.where for item in items if isinstance(item, ItemFailure)] == [f"{path}:1", f"{path}:2"]


def test_a_text_that_opens_with_a_brace_is_still_a_text() -> None:
    (item,) = list(read_bytes(b"{Update} " + GOOD.encode(), "note.txt"))
    assert isinstance(item, RawArticle) and item.text.startswith("{Update}")


@pytest.mark.parametrize(("text", "code"), [("\ud800", "E214"), ("Tekst \udc00 met helft", "E214"), ("a\x00b", "E002")])
def test_extract_refuses_text_no_output_can_hold(text: str, code: str) -> None:
    import kroniek

    with pytest.raises(KroniekError) as caught:
        kroniek.extract(text)
    assert caught.value.code == code


@pytest.mark.parametrize("placeholder", ["0001-01-01", "9999-12-31", "0001-01-01T00:00:00Z"])
def test_a_placeholder_publication_date_is_left_unknown(placeholder: str) -> None:
    import kroniek

    chronicle = kroniek.extract(
        "President Macron met Chancellor Scholz yesterday. Last year they met twice.", published=placeholder, lang="en"
    )
    assert chronicle.article.published is None
    assert all(timex.value for timex in chronicle.timexes)


def test_a_huge_html_page_is_refused_before_it_is_parsed() -> None:
    page = "<html><body>" + "<p>woord woord woord</p>" * 400_000 + "</body></html>"
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        article_from_text(page, "page.html", max_chars=100_000)
    assert caught.value.code == "E004"
    assert time.perf_counter() - started < 1.0  # a parse of 10 MB of HTML takes many seconds


def test_a_config_file_that_is_not_utf8_is_e033(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes(b"\xff\xfe[input]\nmax_chars = 5\n")
    with pytest.raises(KroniekError) as caught:
        load_config(path)
    assert caught.value.code == "E033" and "UTF-8" in caught.value.message


@pytest.mark.parametrize("value", [-5, "many", True, None])
def test_input_settings_of_the_wrong_kind_are_e033(value: object) -> None:
    from kroniek.extractor import Extractor

    config = load_config()
    config["input"]["time_budget_s"] = value
    if value is None:
        config["input"].pop("time_budget_s")
        assert Extractor(config=config).time_budget_s == 0
        return
    with pytest.raises(KroniekError) as caught:
        Extractor(config=config)
    assert caught.value.code == "E033" and "time_budget_s" in caught.value.message
