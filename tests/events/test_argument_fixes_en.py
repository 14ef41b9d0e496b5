"""Three argument errors found on unseen articles, each in sentences written for the test: a condemned act
does not take the condemner as its actor, an attributive participle is no trigger, and naming a group
as terrorists is a designation, not an appointment."""

from events_support import make_doc, names, only, run_events

STATES = {
    "Russia": ["Russia", "Moscow", "Russian"],
    "Ukraine": ["Ukraine", "Kyiv"],
    "France": ["France", "Paris"],
    "Poland": ["Poland", "Warsaw"],
    "Turkey": ["Turkey", "Ankara"],
    "Rebels": ["the Northern Front"],
}


def events_of(text):
    doc = make_doc(text, "en", STATES)
    return doc, run_events(doc)


def test_condemned_attack_does_not_take_the_condemners_as_actor():
    doc, events = events_of("France and Poland condemned the brutal attack on the power station.")
    ev = only(events, "ACCUSE")
    assert names(doc, ev.actor) == {"France", "Poland"}
    # nobody in the noun phrase says who attacked: no assault by France and Poland
    assert not any(e.event == "ASSAULT" and set(names(doc, e.actor)) & {"France", "Poland"} for e in events)


def test_condemned_attack_takes_the_possessor_as_actor():
    doc, events = events_of("Poland condemned Russia's deadly attack on Ukraine.")
    ev = only(events, "ASSAULT")
    assert names(doc, ev.actor) == {"Russia"} and names(doc, ev.recipient) == {"Ukraine"}
    assert names(doc, only(events, "ACCUSE").actor) == {"Poland"}


def test_attributive_participle_is_no_trigger():
    doc, events = events_of("Soldiers from Ukraine were guarding captured Russian pilots.")
    assert not any(e.event == "COERCE" for e in events)


def test_finite_verb_with_the_same_form_still_triggers():
    doc, events = events_of("Turkey captured Northern Front fighters near the border.")
    assert only(events, "COERCE")


def test_named_as_terrorists_is_a_designation_not_an_appointment():
    doc, events = events_of("Turkey named the Northern Front as terrorists last year.")
    assert not any(e.event == "COOPERATE" for e in events)
    ev = only(events, "SANCTION")
    assert names(doc, ev.actor) == {"Turkey"} and names(doc, ev.recipient) == {"Rebels"}


def test_named_as_a_minister_stays_an_appointment():
    doc, events = events_of("Turkey named the Northern Front leader as its new envoy.")
    assert not any(e.event == "SANCTION" for e in events)


def test_bare_plural_object_does_not_take_the_condemner_as_actor():
    doc, events = events_of("Poland condemned attacks on schools in Ukraine.")
    assert not any(e.event == "ASSAULT" and "Poland" in names(doc, e.actor) for e in events)


def test_discussed_planned_attack_is_not_an_attack_by_the_discussants():
    doc, events = events_of("France and Poland discussed the planned attack.")
    assert names(doc, only(events, "CONSULT").actor) == {"France", "Poland"}
    assert not any(e.event == "ASSAULT" for e in events)
