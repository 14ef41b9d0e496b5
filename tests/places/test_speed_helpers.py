"""The precomputed helpers of the places stage give what the straightforward scans give."""

from __future__ import annotations

import re

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
