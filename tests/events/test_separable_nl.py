"""Dutch separable verbs split over the clause (events/separable.py), in sentences written for the test."""

from events_support import make_doc, names, only, run_events

STATES = {
    "Russia": ["Rusland"],
    "Ukraine": ["Oekraïne"],
    "France": ["Frankrijk"],
    "Poland": ["Polen"],
}


def events_of(text):
    doc = make_doc(text, "nl", STATES)
    # the rule alone: the learned trigger model may find these verbs by itself
    return doc, run_events(doc, event_model="none")


def triggers(doc, ev):
    return [doc.text[t.start : t.end] for t in ev.trigger]


def test_release_with_its_particle_at_the_end_of_the_clause():
    doc, events = events_of("Polen liet gisteren twee Oekraïense gevangenen vrij.")
    ev = only(events, "RETREAT")
    assert names(doc, ev.actor) == {"Poland"}
    assert triggers(doc, ev) == ["liet", "vrij"]


def test_particle_before_a_moved_prepositional_phrase():
    doc, events = events_of("Rusland droeg dinsdag twintig gewonde soldaten over aan Oekraïne.")
    ev = only(events, "RETREAT")
    assert names(doc, ev.actor) == {"Russia"}
    assert triggers(doc, ev) == ["droeg", "over"]


def test_cooperation_split_around_a_place():
    doc, events = events_of("Frankrijk en Polen werken in de Oostzee samen met Oekraïne.")
    ev = only(events, "COOPERATE")
    assert {"France", "Poland"} <= names(doc, ev.actor)
    assert triggers(doc, ev) == ["werken", "samen"]


def test_joined_form_still_matches():
    doc, events = events_of("Rusland liet vrij wie het eerder had opgepakt, meldde Oekraïne.")
    ev = only(events, "RETREAT")
    assert triggers(doc, ev) == ["liet vrij"]


def test_a_preposition_heading_a_phrase_is_no_particle():
    # "aan de universiteit" is a phrase, not the particle of "hield aan" (arrested)
    _, events = events_of("Polen hield gisteren een lange rede aan de universiteit van Krakau.")
    assert [e for e in events if e.event == "COERCE"] == []


def test_the_particle_must_stand_in_the_same_clause():
    _, events = events_of("Frankrijk liet weten dat Polen de grens vrij wil houden.")
    assert [e for e in events if e.event == "RETREAT"] == []
