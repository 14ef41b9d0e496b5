"""Hypothesis strategies for the fuzz tests: texts built from words written for these tests (four
languages, names, dates, numbers, quotes, datelines), mixed with arbitrary Unicode, control characters
and lone surrogates, HTML soups and JSONL lines."""

from __future__ import annotations

import json

from hypothesis import strategies as st

WORDS = [
    # written for the fuzz tests: the kinds of words the stages react to
    "President",
    "Minister",
    "minister",
    "premier",
    "Putin",
    "Poetin",
    "Zelensky",
    "Rutte",
    "Macron",
    "Scholz",
    "Trump",
    "Biden",
    "Russia",
    "Rusland",
    "Oekraïne",
    "Ukraine",
    "NAVO",
    "NATO",
    "EU",
    "VN",
    "Kremlin",
    "met",
    "sprak",
    "ontmoette",
    "traf",
    "rencontré",
    "signed",
    "tekende",
    "beloofde",
    "promised",
    "eiste",
    "demanded",
    "weigerde",
    "refused",
    "accused",
    "beschuldigde",
    "attacked",
    "aanval",
    "sancties",
    "sanctions",
    "talks",
    "gesprek",
    "Gespräch",
    "négociations",
    "ceasefire",
    "staakt-het-vuren",
    "200",
    "1.500",
    "3,5",
    "miljoen",
    "million",
    "soldiers",
    "soldaten",
    "in",
    "op",
    "at",
    "à",
    "de",
    "het",
    "the",
    "der",
    "le",
    "gisteren",
    "yesterday",
    "woensdag",
    "Monday",
    "lundi",
    "Montag",
    "vorige",
    "week",
    "next",
    "year",
    "2025",
    "19",
    "maart",
    "March",
    "mars",
    "März",
    "2024-03-01",
    "17:30",
    "1 januari",
    "Den Haag",
    "Helsinki",
    "Moskou",
    "Kyiv",
    "Genève",
    "WASHINGTON",
    "(ANP)",
    "(Reuters)",
    "-",
    "—",
    "zei",
    "said",
    "sagte",
    "a dit",
    "„",
    "”",
    '"',
    "«",
    "»",
    "'",
    "’",
    "dr.",
    "Mr.",
    "U.S.",
    "o.a.",
    "etc.",
    ".",
    ",",
    "!",
    "?",
    ":",
    ";",
    "…",
]
SEPARATORS = [" ", " ", " ", "\n", "\n\n", "\t", "  ", "\r\n", "\u00a0", "\u2028"]

odd_characters = st.sampled_from(
    [
        "\x00",
        "\x01",
        "\x0b",
        "\x1f",
        "\x7f",
        "\ufeff",
        "\u200b",
        "\u202e",
        "\ud800",
        "\udfff",
        "\U0001f600",
        "\u0301",
        "\ufffd",
        "\u0000",
        "ß",
        "İ",
        "ﬁ",
        "Ⅻ",
        "٣",
        "\uffff",
    ]
)

token = st.one_of(
    st.sampled_from(WORDS).map(lambda w: w),
    st.sampled_from(WORDS).map(str.upper),
    st.text(max_size=6),
    odd_characters,
    st.integers(min_value=-(10**6), max_value=10**9).map(str),
)


@st.composite
def article_texts(draw: st.DrawFn, max_tokens: int = 60) -> str:
    parts = draw(st.lists(st.tuples(token, st.sampled_from(SEPARATORS)), max_size=max_tokens))
    return "".join(word + separator for word, separator in parts)


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    tags = ["p", "div", "article", "h1", "title", "script", "style", "span", "br", "meta", "a", "time", "main"]
    pieces = ["<!DOCTYPE html>" if draw(st.booleans()) else "", "<html>"]
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(st.sampled_from(tags))
        attrs = draw(
            st.sampled_from(
                [
                    "",
                    ' property="article:published_time" content="2025-03-19T10:00:00Z"',
                    ' name="date" content="' + draw(st.text(max_size=12)).replace('"', "") + '"',
                    ' href="javascript:alert(1)"',
                    ' datetime="2025-13-45"',
                    ' class="article-body"',
                ]
            )
        )
        body = draw(article_texts(max_tokens=15))
        if draw(st.booleans()):
            body = body.replace("<", "&lt;")
        closing = f"</{tag}>" if draw(st.integers(0, 4)) else ""
        entity = draw(st.sampled_from(["", "&amp;", "&#0;", "&#xD800;", "&nbsp;", "&bogus;", "&#99999999;"]))
        pieces.append(f"<{tag}{attrs}>{body}{entity}{closing}")
    pieces.append("</html>" if draw(st.booleans()) else "")
    return "".join(pieces)


json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), article_texts(max_tokens=6)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=6,
)
FIELDS = ["id", "url", "source", "title", "published", "language", "text", "lang", "extra"]


@st.composite
def jsonl_lines(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 5))
    if kind == 0:  # plain garbage
        return draw(st.text(max_size=40))
    if kind == 1:  # nested deep
        depth = draw(st.sampled_from([1, 2, 50, 999, 1_000, 1_001, 3_000, 100_000]))
        opener = draw(st.sampled_from(["[", '{"a":']))
        return '{"text": ' + opener * depth + "1"
    record = draw(st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=6))
    if kind >= 3:
        record["text"] = draw(article_texts(max_tokens=20))
    if kind == 4:
        record["published"] = draw(st.sampled_from(["0001-01-01", "9999-12-31", "2025-02-30", "", "morgen"]))
    line = json.dumps(record, ensure_ascii=draw(st.booleans()))
    if kind == 5 and line:
        cut = draw(st.integers(0, len(line)))
        line = line[:cut] + draw(st.sampled_from(["", "\\ud800", "\\u0000", "\\", '"', "}"])) + line[cut:]
    return line


date_strings = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.datetimes().map(lambda d: d.isoformat()),
    st.text(max_size=25),
    st.sampled_from(
        [
            "0001-01-01",
            "9999-12-31",
            "0000-00-00",
            "2025-02-29",
            "2024-02-29T24:00",
            "20250319",
            "19.03.2025",
            "2025-03-19Z",
            "+002025-03-19",
            "2025-W12",
            "-1",
            "1e20",
        ]
    ),
)
