"""Relative clauses (events/relatives.py): the antecedent of ", who" / ", die" / ", qui" is the subject of
the act inside a subject relative clause and of the main clause resumed after a parenthetical one.
Sentences written for these tests."""

from events_support import make_doc, names, only, run_events

STATES = {
    "Russia": ["Russia", "Moscow", "Rusland", "Russland", "la Russie"],
    "Ukraine": ["Ukraine", "Kyiv", "Oekraïne", "Kiew", "l'Ukraine"],
    "France": ["France", "Paris", "Frankrijk", "Frankreich", "La France", "la France"],
    "Poland": ["Poland", "Polen", "Pologne", "la Pologne"],
    "Egypt": ["Egypt", "Egypte", "Ägypten", "l'Égypte"],
    "Somalia": ["Somalia", "Somalië", "la Somalie"],
}


def events_of(text: str, lang: str):
    doc = make_doc(text, lang, STATES)
    return doc, run_events(doc)


def test_en_act_inside_a_subject_relative_clause_is_the_antecedents():
    doc, events = events_of("Somalia signed a pact with Egypt, which sent weapons to Ukraine in May.", "en")
    aid = only(events, "AID")
    assert names(doc, aid.actor) == {"Egypt"}
    assert names(doc, aid.recipient) == {"Ukraine"}


def test_en_main_clause_after_a_parenthetical_relative_clause():
    doc, events = events_of("France, which has troops in Poland, condemned the attack on Kyiv.", "en")
    accuse = only(events, "ACCUSE")
    assert names(doc, accuse.actor) == {"France"}
    assert "Poland" not in names(doc, [*accuse.actor, *accuse.recipient])


def test_en_object_relative_clause_keeps_its_own_subject():
    doc, events = events_of("Paris sent a proposal to Moscow, which Poland rejected on Monday.", "en")
    reject = only(events, "REJECT")
    assert names(doc, reject.actor) == {"Poland"}


def test_en_a_later_antecedent_is_not_the_subject_of_a_resumed_clause():
    # "Ukraine" is the object of "attacked", not the subject of what follows the relative clause
    doc, events = events_of("Russia attacked Ukraine, which has resisted since 2022, and then signed a truce.", "en")
    assert all("Ukraine" not in names(doc, e.actor) for e in events if e.event == "AGREE")


def test_fr_qui_makes_the_antecedent_the_actor():
    doc, events = events_of("Le ministre a rencontré le président de la Pologne, qui a condamné la Russie.", "fr")
    accuse = only(events, "ACCUSE")
    assert names(doc, accuse.actor) == {"Poland"}
    assert names(doc, accuse.recipient) == {"Russia"}


def test_nl_main_verb_after_the_relative_clause():
    doc, events = events_of("Frankrijk, dat troepen in Polen heeft, veroordeelde Rusland.", "nl")
    accuse = only(events, "ACCUSE")
    assert names(doc, accuse.actor) == {"France"}
    assert names(doc, accuse.recipient) == {"Russia"}


def test_de_main_verb_after_the_relative_clause():
    doc, events = events_of("Frankreich, das Truppen in Polen hat, verurteilte Russland scharf.", "de")
    accuse = only(events, "ACCUSE")
    assert names(doc, accuse.actor) == {"France"}
    assert names(doc, accuse.recipient) == {"Russia"}
