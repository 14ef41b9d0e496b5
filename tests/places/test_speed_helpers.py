"""The precomputed helpers of the places stage give what the straightforward scans give."""

from __future__ import annotations

import re
import unicodedata

from kroniek.places.gazetteer import _WORD, name_key
from kroniek.places.stage import DemonymIndex, _join_reach, _joinable, _tokens


def _demonyms_by_regex(stems: list[tuple[str, str]], lowered: str) -> list[tuple[str, int]]:
    found = []
    for stem, alpha3 in stems:
        found += [(alpha3, m.start()) for m in re.finditer(r"(?<!\w)" + re.escape(stem), lowered)]
    return found


def test_demonym_index_matches_a_scan_per_stem() -> None:
    stems = [("franse", "FRA"), ("frans", "FRA"), ("duits", "DEU"), ("a-a", "XXA"), ("-x", "XXB"), ("ir", "IRL")]
    stems.sort(key=lambda d: -len(d[0]))
    index = DemonymIndex(stems)
    for text in [
        "de franse en duitse ministers, ook frans-duits overleg",
        "a-a-a en a-a; -x en x-x; ierse irakese iran",
        "geen enkele demonym hier",
        "",
    ]:
        assert index.find(text) == _demonyms_by_regex(stems, text)


def test_join_reach_agrees_with_checking_every_gap() -> None:
    text = "De Stad Aan Zee-Kust ligt\nbij Noord - Zuid, en Oost--West."
    tokens = _tokens(text)
    reach = _join_reach(text, tokens)
    for i in range(len(tokens)):
        for j in range(i, len(tokens)):
            all_joinable = all(_joinable(text[tokens[k][1] : tokens[k + 1][0]]) for k in range(i, j))
            assert all_joinable == (j <= reach[i])


def test_stop_words_read_directly_equal_the_imported_ones() -> None:
    from importlib import import_module

    from kroniek.lang import SUPPORTED
    from kroniek.places.stage import _spacy_stop_words

    for lang in SUPPORTED:
        assert _spacy_stop_words(lang) == set(import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS)


def _name_key_by_decomposing(text: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(_WORD.findall(plain.lower()))


def test_name_key_of_ascii_text_is_the_key_decomposing_gives() -> None:
    every_ascii = "".join(chr(code) for code in range(128))
    # Written for this test.
    names = ["Den Haag", "St. Petersburg", "Port-au-Prince", "A_B  c\td", "sao paulo", every_ascii, ""]
    names += list(every_ascii)
    for name in names:
        assert name_key(name) == _name_key_by_decomposing(name), repr(name)
    assert name_key("São Paulo") == name_key("Sao Paulo") == "sao paulo"
    assert name_key("Côte d'Ivoire") == "cote d ivoire"
