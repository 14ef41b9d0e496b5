"""Embedded acts (the guideline's embedded_act rule): an act under a demand, threat or wish is that
event's proposition, not an asserted event of its own; a mediator acts on the parties. Sentences written
for these tests."""

from events_support import make_doc, names, only, run_events

STATES = {
    "Russia": ["Russia", "Rusland", "Russland", "la Russie"],
    "Ukraine": ["Ukraine", "Oekraïne", "der Ukraine", "l'Ukraine"],
    "France": ["France", "Frankrijk", "Frankreich", "La France"],
    "Poland": ["Poland", "Polen", "La Pologne"],
    "Germany": ["Germany", "Deutschland", "Duitsland"],
    "United States": ["The US", "the US"],
}


def events_of(text: str, lang: str):
    doc = make_doc(text, lang, STATES)
    return doc, run_events(doc)


def test_en_wanted_act_of_the_addressee_is_the_demand_proposition():
    doc, events = events_of("The US wants Russia to agree to a ceasefire.", "en")
    request = only(events, "REQUEST")
    assert names(doc, request.actor) == {"United States"} and names(doc, request.recipient) == {"Russia"}
    assert request.proposition is not None
    assert not [e for e in events if e.event == "AGREE"], "the wanted agreement is not asserted"


def test_nl_wil_dat_is_a_demand_to_the_subject_of_the_wish():
    doc, events = events_of("Frankrijk wil dat Rusland instemt met een staakt-het-vuren.", "nl")
    request = only(events, "REQUEST")
    assert names(doc, request.actor) == {"France"} and names(doc, request.recipient) == {"Russia"}
    assert not [e for e in events if e.event == "AGREE"]


def test_fr_veut_que_is_a_demand():
    doc, events = events_of("La France veut que la Russie accepte un cessez-le-feu.", "fr")
    request = only(events, "REQUEST")
    assert names(doc, request.actor) == {"France"} and names(doc, request.recipient) == {"Russia"}
    assert not [e for e in events if e.event == "AGREE"]


def test_nl_threatened_sanction_is_the_threat_proposition():
    doc, events = events_of("Polen dreigt Rusland sancties op te leggen als de aanvallen doorgaan.", "nl")
    threat = only(events, "THREATEN")
    assert threat.proposition is not None and threat.proposition.event == "SANCTION"
    assert not [e for e in events if e.event == "SANCTION"]


def test_de_mediator_is_the_actor_and_the_parties_the_recipients():
    doc, events = events_of("Deutschland versucht zwischen Russland und der Ukraine zu vermitteln.", "de")
    talks = only(events, "CONSULT")
    assert talks.mode == "third-party"
    assert names(doc, talks.actor) == {"Germany"} and names(doc, talks.recipient) == {"Russia", "Ukraine"}


def test_en_mediator_is_the_actor():
    # trying to mediate is mediating; an offer to mediate is none yet (tests/events/test_attempts.py)
    doc, events = events_of("Poland tried to mediate between Russia and Ukraine.", "en")
    talks = [e for e in events if e.event == "CONSULT"]
    assert talks and names(doc, talks[0].actor) == {"Poland"}
    assert names(doc, talks[0].recipient) == {"Russia", "Ukraine"}


def test_en_talks_between_parties_without_a_mediator_keep_the_parties_as_actors():
    doc, events = events_of("Talks between Russia and Ukraine resumed.", "en")
    talks = only(events, "CONSULT")
    assert names(doc, talks.actor) == {"Russia", "Ukraine"}
