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


@pytest.mark.parametrize("lang", ["nl", "en", "de", "fr"])
def test_first_character_guard_keeps_every_match(lang: str) -> None:
    """Each pattern finds the same spans with and without its first-character look-ahead, on a text made
    of the lexicon's own words (in three cases, after digits and punctuation) and written sentences."""
    from kroniek import lang as lang_packs
    from kroniek.time.lexicon import _expand

    data = lang_packs.get(lang).table("time")
    classes = {cls: list(table) for cls, table in data.get("words", {}).items()}
    classes["holiday"] = list(data.get("holidays", {}))
    words = [w for table in classes.values() for w in table]
    pieces = []
    for index, word in enumerate(words):
        pieces += [word, f"{index % 31 + 1} {word}", f"in {index % 9 + 2} {word} later,", word.upper(), word.title()]
    text = " ".join(pieces) + " Talks on Tuesday 18 March 2025 at 5:30 pm; 2024-03-18, 03/18/2025, 15.30 Uhr, 17h30."
    lex = load_lexicon(lang)
    entries = data.get("patterns", [])
    assert len(entries) <= len(lex.patterns)
    checked = 0
    for entry, fast in zip(entries, lex.patterns, strict=False):
        case = bool(entry.get("case", False))
        source = _expand(entry["regex"], classes, lang, capitalised=case)
        end = r"(?!\d)" if entry.get("glued_end") else r"(?!\w)"
        plain = re.compile(rf"(?<![\w.])(?:{source}){end}", 0 if case else re.IGNORECASE)
        assert [m.span() for m in fast.regex.finditer(text)] == [m.span() for m in plain.finditer(text)]
        checked += fast.regex.pattern.startswith(("(?=[", "(?i:(?=["))
    assert checked > len(entries) // 2  # most patterns do get a guard


def test_first_character_guard_gives_up_where_it_cannot_tell() -> None:
    from kroniek.time.firstchars import first_char_guard

    assert first_char_guard(r"(?:the\s+)?(?:day|week)", re.IGNORECASE) == "(?=[DTWdtw])"
    assert first_char_guard(r"[^x]y") == ""  # a negated class: any character
    assert first_char_guard(r"(?:a)?") == ""  # can match nothing
    assert first_char_guard(r"\d+h") == "(?i:(?=[0123456789]))"
