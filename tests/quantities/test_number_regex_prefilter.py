"""The first-character look-ahead of the number regex changes its speed, never its matches."""

from __future__ import annotations

import re

import pytest

from kroniek.lang.numbers import number_lexicon as lexicon

# Written for this test.
SENTENCES = [
    "Ruim Vijfentwintig soldaten en 1.200 burgers; twee miljoen euro, dertig dagen, Honderden mensen.",
    "Some Twenty-Five envoys, 400,000 people, three million dollars and Dozens of trucks on 3 May.",
    "Fünfundzwanzig Soldaten, 1.500 Menschen, zwei Millionen Euro und Dutzende Lastwagen.",
    "Vingt-cinq soldats, 2 000 personnes, trois millions d'euros et des Dizaines de camions.",
    "x9 9x ENGLISH 12e 3. Oktober — ½ ٣ arrested",
]


@pytest.mark.parametrize("lang", ["nl", "en", "de", "fr"])
def test_prefiltered_regex_finds_what_the_plain_alternation_finds(lang: str) -> None:
    fast = lexicon(lang).regex
    prefix = re.match(r"\(\?=\[[^\]]*\]\)\(\?:", fast.pattern)
    assert prefix is not None, "the number regex starts with its first-character look-ahead"
    plain = re.compile(fast.pattern[prefix.end() : -1], fast.flags)
    for sentence in SENTENCES:
        for text in (sentence, sentence.upper(), sentence.lower()):
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
