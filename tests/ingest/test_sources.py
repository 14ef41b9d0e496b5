import json

import pytest

from kroniek.errors import InputError
from kroniek.ingest import ItemFailure, RawArticle, read_bytes

ARTICLE_HTML = """<!DOCTYPE html><html><head><title>Ministers spreken in Genève</title>
<meta property="article:published_time" content="2024-05-02T10:00:00Z"></head><body>
<nav><a href="/">Home</a> | <a href="/nieuws">Nieuws</a></nav>
<article><h1>Ministers spreken in Genève</h1>
<p>De ministers van Buitenlandse Zaken van Nederland en België hebben donderdag in Genève urenlang gesproken
over de humanitaire hulp aan de getroffen regio en over een mogelijk staakt-het-vuren.</p>
<p>Na afloop zeiden beide ministers dat zij volgende week opnieuw bijeenkomen om de afspraken uit te werken
en dat zij de Verenigde Naties om steun zullen vragen bij de uitvoering van het plan.</p>
</article><footer>Copyright | Privacy | Cookies</footer></body></html>"""


def test_plain_text():
    (item,) = list(read_bytes(b"Een korte tekst over de minister.", "x.txt", default_id="x"))
    assert isinstance(item, RawArticle) and item.id == "x"


def test_html_main_text_title_and_date():
    (item,) = list(read_bytes(ARTICLE_HTML.encode(), "page.html"))
    assert isinstance(item, RawArticle)
    assert "staakt-het-vuren" in item.text
    assert "Cookies" not in item.text and "Home" not in item.text
    assert item.title == "Ministers spreken in Genève"
    assert item.published and item.published.startswith("2024-05-02")


def test_html_without_article_text():
    page = "<html><head><title>Leeg</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(InputError) as err:
        list(read_bytes(page.encode(), "empty.html"))
    assert err.value.code == "E005"


def test_broken_html_still_yields_text_or_clear_error():
    page = "<html><body><div><p>De premier sprak dinsdag met de Duitse bondskanselier over de oorlog en de hulp</div>"
    try:
        items = list(read_bytes(page.encode(), "broken.html"))
    except InputError as err:
        assert err.code == "E005"
    else:
        assert "bondskanselier" in items[0].text


def test_jsonl_batch_with_bad_line():
    lines = [
        json.dumps({"id": "1", "text": "De minister sprak met de pers.", "language": "nl", "published": "2025-01-02"}),
        "{not json",
        json.dumps({"id": "3", "title": "no text field"}),
        json.dumps({"id": "4", "text": "The minister spoke to reporters."}),
    ]
    items = list(read_bytes("\n".join(lines).encode(), "batch.jsonl"))
    assert [type(i) for i in items] == [RawArticle, ItemFailure, ItemFailure, RawArticle]
    assert items[1].error.code == "E009" and "line 2" in str(items[1].error)
    assert items[0].published == "2025-01-02" and items[0].language == "nl"


def test_too_long_text():
    with pytest.raises(InputError) as err:
        list(read_bytes(b"woord " * 1000, "big.txt", max_chars=100))
    assert err.value.code == "E004"
