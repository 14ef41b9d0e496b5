"""Planned acts announced by their actor (issue 13, docs/annotation.md ``planned``; events/announced.py): the
infinitive or "that he would" clause after an announcing word has no subject of its own, and the announcer
is the act's actor. Every sentence here is written for these tests. Dutch is measured on the corpus only: its
result depends on the Dutch parser, which not every checkout ships."""

import pytest
from events_support import make_doc, names, run_events

from kroniek.events.announced import announced_words

ACTORS = {
    "Nortland": ["Nortland"],
    "Sudland": ["Sudland"],
    "Ana Vell": ["Ana Vell"],
}
KINDS = {"Ana Vell": "person"}


def actors_of(text: str, lang: str, event: str, **settings: object) -> list[set[str]]:
    doc = make_doc(text, lang, ACTORS, kinds=KINDS)
    return [names(doc, e.actor) for e in run_events(doc, **settings) if e.event == event]


@pytest.mark.parametrize(
    ("text", "lang", "event"),
    [
        ("Ana Vell kündigte am Montag an, in der kommenden Woche nach Sudland zu reisen.", "de", "CONSULT"),
        ("Ana Vell a annoncé lundi qu'elle se rendrait à Sudland la semaine prochaine.", "fr", "CONSULT"),
    ],
)
def test_the_announcer_acts(text: str, lang: str, event: str) -> None:
    assert {"Ana Vell"} in actors_of(text, lang, event)


def test_the_rule_can_be_switched_off() -> None:
    text = "Ana Vell kündigte am Montag an, in der kommenden Woche nach Sudland zu reisen."
    assert {"Ana Vell"} not in actors_of(text, "de", "CONSULT", announcer_subjects=False)


def test_the_announcer_of_an_act_in_english() -> None:
    text = "Ana Vell announced on Monday that she would travel to Sudland next week."
    assert {"Ana Vell"} in actors_of(text, "en", "CONSULT")


def test_a_named_subject_of_the_announced_act_stays() -> None:
    text = "Ana Vell announced on Monday that Nortland would send troops to the border."
    found = actors_of(text, "en", "MOBILIZE")
    assert found and all(a == {"Nortland"} for a in found)


def test_every_language_lists_its_announcing_words() -> None:
    for lang in ("nl", "en", "de", "fr"):
        words = announced_words(lang)
        assert words is not None and words.verbs and words.that and words.pronouns
