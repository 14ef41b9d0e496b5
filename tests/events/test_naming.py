"""Naming constructions (events/naming.py): "X noemde de deal een capitulatie" is X's accusation; the thing
named takes no part. Sentences written for these tests."""

from events_support import make_doc, names, only, run_events

STATES = {
    "Russia": ["Russia", "Rusland", "Russland"],
    "Turkey": ["Turkey", "Ankara", "Turkije"],
    "Poland": ["Poland", "Polen", "Warschau"],
}


def events_of(text: str, lang: str):
    doc = make_doc(text, lang, STATES)
    return doc, run_events(doc)


def test_nl_the_predicate_is_the_namers_accusation():
    doc, events = events_of("Ankara noemde de verbranding een verachtelijke daad.", "nl")
    accuse = only(events, "ACCUSE")
    assert names(doc, accuse.actor) == {"Turkey"}


def test_nl_a_demonstrative_is_the_thing_named():
    doc, events = events_of("Warschau noemde dat een oorlogsdaad.", "nl")
    accuse = only(events, "ACCUSE")
    assert names(doc, accuse.actor) == {"Poland"}


def test_nl_a_material_act_as_predicate_is_no_act_of_the_namer():
    doc, events = events_of("Warschau noemde de nieuwe wet een aanval op de grondwet.", "nl")
    assert all(e.event != "ASSAULT" for e in events)
