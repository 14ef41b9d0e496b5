"""A word list written as a trie (kroniek.lang.wordtrie) matches what the plain alternation matches, in the same
order of preference, also where an enclosing pattern backtracks into it."""

from __future__ import annotations

import re

import pytest

from kroniek.lang.numbers import number_lexicon
from kroniek.lang.wordtrie import literal_atoms, trie_alternation
from kroniek.time.lexicon import _word_atoms, _word_regex


def _plain(words: list[str]) -> str:
    return "(?:" + "|".join(_word_regex(w) for w in words) + ")"


def _trie(words: list[str]) -> str:
    return trie_alternation([_word_atoms(w) for w in words])


def _every_match(pattern: str, text: str) -> list[tuple[int, int, tuple[str | None, ...]]]:
    return [(m.start(), m.end(), m.groups()) for m in re.finditer(pattern, text, re.IGNORECASE)]


LONGEST_FIRST = ["twenty-five", "twenty", "twelve", "three", "two", "ten", "t"]


def test_shared_beginnings_are_written_once() -> None:
    source = _trie(LONGEST_FIRST)
    # twenty-five, twenty, twelve and two share one branch; a word that ends where longer ones go on comes last
    assert source == r"(?:t(?:w(?:e(?:nty(?:\-five|)|lve)|o)|hree|en|))"
    assert re.fullmatch(source, "twenty-five") and re.fullmatch(source, "t")


@pytest.mark.parametrize(
    "text",
    ["He spent twenty-five days, then twelve, then two or ten.", "twentyfive twenty- t tw", "TWELVE Ten tWo"],
)
def test_same_matches_as_the_plain_alternation(text: str) -> None:
    assert _every_match(_trie(LONGEST_FIRST), text) == _every_match(_plain(LONGEST_FIRST), text)


def test_backtracking_into_the_words_tries_them_in_list_order() -> None:
    # the group after the words only fits the shorter word: both forms must fall back from "twenty" to "twe"
    words = ["twenty", "twe", "tw"]
    pattern = "(?P<w>{words})(?P<rest>nty-one|lve)"
    for text in ("twenty-one", "twelve", "twentynty-one"):
        plain = _every_match(pattern.format(words=_plain(words)), text)
        assert _every_match(pattern.format(words=_trie(words)), text) == plain


def test_a_shorter_word_listed_first_keeps_its_preference() -> None:
    # not longest first: "ab" before "abc" must win where both match (the plain alternation's choice)
    words = ["ab", "abc", "abd"]
    source = _trie(words)
    assert re.match(source, "abc").group(0) == "ab"  # type: ignore[union-attr]
    assert _every_match(source + "c?", "abc abd") == _every_match(_plain(words) + "c?", "abc abd")


def test_letters_two_words_can_share_stay_in_list_order() -> None:
    # "[ée]" (from "été") and "e" both match "e": the words are not merged at that letter
    words = ["étés", "ete", "étais"]
    for text in ("ete etes étés etais", "ETE été"):
        assert _every_match(_trie(words) + "s?", text) == _every_match(_plain(words) + "s?", text)


def test_spaces_and_apostrophes_as_the_word_regex_writes_them() -> None:
    words = ["'s avonds", "'s morgens", "s avonds"]
    for text in ("’s  avonds en 's morgens", "s avonds"):
        assert _every_match(_trie(words), text) == _every_match(_plain(words), text)


def test_duplicates_and_single_words() -> None:
    assert re.fullmatch(_trie(["a", "a"]), "a")
    assert re.fullmatch(trie_alternation([literal_atoms("x.y", re.escape)]), "x.y")
    assert not re.fullmatch(trie_alternation([literal_atoms("x.y", re.escape)]), "xzy")


@pytest.mark.parametrize("lang", ["nl", "en", "de", "fr"])
def test_number_words_read_as_before(lang: str) -> None:
    """Every listed number word, with the plain alternation of all of them as the reference."""
    lex = number_lexicon(lang)
    words = sorted(lex.words, key=lambda w: (-len(w), w))
    plain = "(?:" + "|".join(re.escape(w) for w in words) + ")"
    trie = trie_alternation([literal_atoms(w, re.escape) for w in words])
    text = " ".join(words) + " " + "".join(words[:40]) + " " + " ".join(w.upper() for w in words)
    assert _every_match(rf"\b{trie}\b", text) == _every_match(rf"\b{plain}\b", text)
    assert _every_match(trie, text) == _every_match(plain, text)
