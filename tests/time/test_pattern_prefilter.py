"""The first-letter look-ahead on the vague and anaphoric phrase patterns keeps their matches."""

from __future__ import annotations

import re

import pytest

from kroniek.time.lexicon import _alternation, load_lexicon


@pytest.mark.parametrize("lang", ["nl", "en", "de", "fr"])
def test_phrase_patterns_match_as_the_plain_alternation_does(lang: str) -> None:
    lex = load_lexicon(lang)
    for kind, table in (("vague", lex.vague), ("anaphoric", lex.anaphoric)):
        if not table:
            continue
        fast = [p.regex for p in lex.patterns if p.kind == kind][-1]  # the phrase patterns come last
        plain = re.compile(rf"(?<!\w){_alternation(list(table))}(?!\w)", re.IGNORECASE)
        # a text made of the lexicon's own phrases, in several cases and glued to other words
        phrases = sorted(table)
        text = " ; ".join(phrases) + " x" + "y ".join(phrases) + " " + " . ".join(p.upper() for p in phrases)
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
        assert any(True for _ in fast.finditer(text))


def test_listed_phrases_with_an_apostrophe_match_both_apostrophes() -> None:
    import re

    from kroniek.time.lexicon import _word_regex

    pattern = _word_regex("'s avonds")
    assert re.fullmatch(pattern, "'s avonds") and re.fullmatch(pattern, "’s  avonds")
