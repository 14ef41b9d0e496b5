"""The actors stage looks role nouns up by growing a span word by word and stops at the first span whose
folded key begins no role noun: that needs ``fold`` of a longer span to start with ``fold`` of each shorter
one from the same word, and the search must find exactly what trying every span length finds."""

from __future__ import annotations

import pytest

from kroniek.actors.kb import ActorKB
from kroniek.actors.resolve import Resolver, role_key_prefixes
from kroniek.lang.text import fold, tokenize

# Written for these tests: accents (composed and decomposed), underscores, curly apostrophes, dashes,
# runs of white space, a Greek capital sigma and a dotted capital I.
TRICKY = [
    "De minister\u2019s  van Buitenlandse   Zaken sprak",
    "le Premier ministre e\u0301tait a\u0300 Paris",
    "Staats_secretaris  van Justitie \u2013 en Veiligheid",
    "ΟΔΥΣΣΕΑΣ ΣΑΣ \u0130stanbul Bürgermeisterin",
    "the Secretary-General of the United Nations",
    "le ministre ¨ des Affaires étrangères",
]


@pytest.mark.parametrize("text", TRICKY)
def test_the_fold_of_a_span_starts_with_the_fold_of_each_shorter_span(text: str) -> None:
    tokens = tokenize(text)
    for i in range(len(tokens)):
        keys = [fold(text[tokens[i].start : tokens[j].end]) for j in range(i, len(tokens))]
        assert keys[0] == tokens[i].key
        for shorter, longer in zip(keys, keys[1:], strict=False):
            assert longer.startswith(shorter), (shorter, longer)


def test_the_prefixes_hold_every_role_key_and_each_of_its_beginnings(kb: ActorKB) -> None:
    prefixes = role_key_prefixes(kb.roles, "nl")
    assert role_key_prefixes(kb.roles, "nl") is prefixes  # built once
    for key in list(kb.roles.offices["nl"])[:50] + list(kb.roles.roles["nl"])[:50]:
        assert all(key[:k] in prefixes for k in range(len(key) + 1))


def _role_keys_by_trying_every_length(resolver: Resolver, tokens: list, i: int, max_words: int) -> list:
    """What the search gave before: every span length from the word, each folded and looked up."""
    found = []
    for n in range(1, min(max_words, len(tokens) - i) + 1):
        key = fold(resolver.text[tokens[i].start : tokens[i + n - 1].end])
        if key in resolver.office_nouns or key in resolver.counterparts or key in resolver.role_nouns:
            found.append((n, key))
    return found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("nl", "De voorzitter van de Tweede Kamer sprak met de minister van Buitenlandse Zaken en de premier."),
        ("en", "The Secretary of State met the Prime Minister and the Foreign Minister of Ostria on Monday."),
        ("fr", "Le ministre des Affaires étrangères a reçu le Premier ministre et le président du Sénat."),
        ("de", "Der Bundeskanzler traf die Außenministerin und den Präsidenten des Bundestages."),
    ],
)
def test_the_search_finds_what_trying_every_length_finds(kb: ActorKB, lang: str, text: str) -> None:
    resolver = Resolver(kb, lang, None)
    resolver.text = text
    tokens = tokenize(text)
    max_words = kb.roles.max_words
    prefixes = role_key_prefixes(kb.roles, resolver.lang)
    found_any = False
    for i in range(len(tokens)):
        expected = _role_keys_by_trying_every_length(resolver, tokens, i, max_words)
        assert resolver._role_keys_at(tokens, i, max_words, prefixes) == expected
        found_any = found_any or bool(expected)
    assert found_any
