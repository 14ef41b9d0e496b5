"""Representatives (events/clauses.py, cues representative_nouns): "a spokesman for X", "Delegations from
X", "een woordvoerder van X" stand for X, which takes part in their act. Sentences written for these tests."""

from events_support import make_doc, names, only, run_events

STATES = {
    "Russia": ["Russia", "Moscow", "Rusland", "Russland", "la Russie"],
    "Ukraine": ["Ukraine", "Kyiv", "Oekraïne", "Kiew", "l'Ukraine"],
    "France": ["France", "Paris", "Frankrijk", "Frankreich", "la France"],
    "Poland": ["Poland", "Polen", "Pologne"],
}


def events_of(text: str, lang: str):
    doc = make_doc(text, lang, STATES)
    return doc, run_events(doc)


def test_en_delegations_from_two_states_agree():
    doc, events = events_of("Delegations from Ukraine and Russia agreed on Monday to a pause in the fighting.", "en")
    agree = only(events, "AGREE")
    assert names(doc, agree.actor) == {"Ukraine", "Russia"}


def test_en_a_spokesman_speaks_for_the_state():
    doc, events = events_of("A spokesman for Poland condemned the attack on Kyiv.", "en")
    accuse = only(events, "ACCUSE")
    assert names(doc, accuse.actor) == {"Poland"}


def test_nl_woordvoerder_van_the_state_rejects():
    doc, events = events_of("Een woordvoerder van Rusland wees het voorstel van Frankrijk af.", "nl")
    reject = only(events, "REJECT")
    assert names(doc, reject.actor) == {"Russia"}


def test_en_a_representative_inside_a_prepositional_phrase_is_no_subject():
    # "with a spokesman for Poland": Poland is met, it does not act
    doc, events = events_of("Paris condemned Moscow after talks with a spokesman for Poland.", "en")
    accuse = only(events, "ACCUSE")
    assert names(doc, accuse.actor) == {"France"}
    assert "Poland" not in names(doc, accuse.actor)
