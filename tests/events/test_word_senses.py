"""Word senses that name no act (issue 13, spurious events): a date word, a word the tagger marks as a
name, a noun that modifies the next noun, a verb with a particle its entry does not list. Every sentence
here is written for these tests."""

from events_support import make_doc, run_events

from kroniek.events import fates

STATES = {"Nortland": ["Nortland"], "Sudland": ["Sudland"]}


def _events(text: str, lang: str, timexes: list[tuple[str, str, str]] | None = None) -> list[str]:
    doc = make_doc(text, lang, STATES, timexes=timexes)
    return sorted(e.event for e in run_events(doc))


def _set_aside(text: str, lang: str, timexes: list[tuple[str, str, str]] | None = None) -> list[str]:
    doc = make_doc(text, lang, STATES, timexes=timexes)
    run_events(doc)
    return [d.entry_id for d in doc.dropped_triggers if d.reason == fates.WORD_SENSE]


def test_a_trigger_word_inside_a_time_expression_is_a_date():
    text = "Nortland resumed talks with Sudland on 3 March after a long pause."
    timexes = [("3 March", "DATE", "2026-03-03")]
    assert _events(text, "en", timexes) == ["CONSULT"]
    assert _set_aside(text, "en", timexes) == ["en.protest"]


def test_a_noun_that_modifies_the_next_noun_names_no_act():
    text = "Nortland sent riot police to the border with Sudland."
    assert "PROTEST" not in _events(text, "en")
    assert "en.riot" in _set_aside(text, "en")


def test_the_same_word_heading_its_own_phrase_is_an_act():
    text = "Sudland rioted against Nortland on Monday."
    assert _events(text, "en") == ["PROTEST"]
    assert _set_aside(text, "en") == []


def test_a_word_the_tagger_marks_as_a_name_is_no_act():
    # "Ban" (a surname) is no ban; COERCE's entry lists the lemma "ban"
    text = "Nortland welcomed Secretary-General Ban to Sudland on Monday."
    assert "COERCE" not in _events(text, "en")
