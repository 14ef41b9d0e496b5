"""Light-verb constructions (entries with ``verbs``): a general verb whose event lies in its noun, found through
the parse (en, nl) or within a few words (de, fr). Sentences written for the tests."""

import pytest
from events_support import make_doc, names, only, run_events

from kroniek.errors import KroniekError
from kroniek.events.lexicon import load_lexicon, parse_lexicon

STATES = {
    "Russia": ["Russia", "Rusland", "Russland", "la Russie"],
    "Ukraine": ["Ukraine", "Oekraïne", "l'Ukraine"],
    "Georgia": ["Georgia", "Georgië", "Georgien", "La Géorgie", "la Géorgie"],
    "WTO": ["the World Trade Organization", "de Wereldhandelsorganisatie", "der Welthandelsorganisation", "l'OMC"],
}


def events_of(text: str, lang: str):
    doc = make_doc(text, lang, STATES, kinds={"WTO": "organization"})
    return doc, run_events(doc)


def _construction(events, event_type):
    event = only(events, event_type)
    assert event.explain["entry"].split(".")[1] == "lv", event.explain["entry"]
    return event


def test_english_verb_and_its_object_noun_make_one_event_anchored_on_the_verb():
    doc, events = events_of("Georgia lodged a formal complaint against Russia with the World Trade Organization.", "en")
    event = _construction(events, "ACCUSE")
    assert names(doc, event.actor) == {"Georgia"}
    text = doc.article.text
    # one span from the verb to the noun, as the corpus marks such triggers
    assert [text[t.start : t.end] for t in event.trigger] == ["lodged a formal complaint"]


def test_english_noun_alone_or_with_another_verb_is_no_event():
    _, events = events_of("Georgia read the complaint of Ukraine.", "en")
    assert not [e for e in events if e.event == "ACCUSE"]


def test_english_oblique_noun_opening_fire():
    doc, events = events_of("Russia opened fire on Ukraine at dawn.", "en")
    event = _construction(events, "ASSAULT")
    assert names(doc, event.actor) == {"Russia"}


def test_dutch_separated_particle_verb_far_from_its_noun():
    # "diende … in": the particle verb "indienen" split around its noun
    doc, events = events_of("Georgië diende gisteren een klacht in tegen Rusland.", "nl")
    event = _construction(events, "ACCUSE")
    assert names(doc, event.actor) == {"Georgia"}


def test_dutch_verb_final_subclause_noun_before_its_verb():
    text = "Oekraïne meldde dat Georgië een klacht heeft ingediend tegen Rusland."
    doc, events = events_of(text, "nl")
    event = _construction(events, "ACCUSE")
    # the noun stands before the verb: the verb is the anchor, the noun a second span
    assert sorted(text[t.start : t.end] for t in event.trigger) == ["ingediend", "klacht"]
    assert names(doc, event.actor) == {"Georgia"}


def test_german_window_finds_the_verb_across_an_article():
    doc, events = events_of("Georgien erstattete am Montag Strafanzeige gegen Russland.", "de")
    event = _construction(events, "ACCUSE")
    assert names(doc, event.actor) == {"Georgia"}


def test_french_complaint_without_article():
    doc, events = events_of("La Géorgie a porté plainte contre la Russie devant l'OMC.", "fr")
    event = _construction(events, "ACCUSE")
    assert names(doc, event.actor) == {"Georgia"}


def test_window_stops_at_a_clause_break():
    # "plainte" and "porté" are in different clauses: no construction
    _, events = events_of("La Géorgie évoque une plainte, mais la Russie a porté ses troupes vers l'Ukraine.", "fr")
    assert not [e for e in events if e.explain.get("entry", "").startswith("fr.lv.")]


def test_construction_nouns_are_kept_out_of_the_single_word_indexes():
    lexicon = load_lexicon("en")
    assert lexicon is not None
    assert "complaint" in lexicon.construction_nouns
    assert not any(".lv." in e.id for e in lexicon.by_first.get("complaint", ()))


@pytest.mark.parametrize(
    ("entry", "detail"),
    [
        ({"event": "ACCUSE", "forms": ["complaint"], "verbs": []}, "at least one"),
        ({"event": "ACCUSE", "forms": ["formal complaint"], "verbs": ["lodge"]}, "one-word nouns"),
        ({"event": "ACCUSE", "forms": ["klacht"], "verbs": ["dienen"], "particle": "in"}, "whole"),
        ({"event": "ACCUSE", "forms": ["klacht"], "verbs": ["dienen in"]}, "one word"),
    ],
)
def test_bad_construction_entry_is_e295(entry, detail):
    with pytest.raises(KroniekError) as err:
        parse_lexicon({"triggers": {"entries": [entry]}}, "en", "mine.toml")
    assert err.value.code == "E295" and detail in str(err.value)
