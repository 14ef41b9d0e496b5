"""A preposition inside a title before a name ("Le ministre de l'Intérieur Gérald Darmanin") does not govern
the name (events/clauses.py): the person is the subject. Sentences written for these tests."""

from events_support import make_doc, names, only, run_events

ACTORS = {
    "Jean Martin": ["Jean Martin"],
    "Russia": ["la Russie", "Russland"],
    "Anna Weber": ["Anna Weber"],
}
KINDS = {"Jean Martin": "person", "Anna Weber": "person"}


def events_of(text: str, lang: str):
    doc = make_doc(text, lang, ACTORS, kinds=KINDS)
    return doc, run_events(doc)


def test_fr_minister_of_the_interior_is_the_subject():
    doc, events = events_of("Le ministre de l'Intérieur Jean Martin a condamné la Russie.", "fr")
    accuse = only(events, "ACCUSE")
    assert names(doc, accuse.actor) == {"Jean Martin"}
    assert names(doc, accuse.recipient) == {"Russia"}


def test_fr_a_name_after_a_plain_preposition_stays_its_object():
    doc, events = events_of("La police a condamné les propos de Jean Martin.", "fr")
    assert all("Jean Martin" not in names(doc, e.actor) for e in events)


def test_de_head_of_an_organisation_is_the_subject():
    doc, events = events_of("Die Chefin von Greenpeace Anna Weber verurteilte Russland scharf.", "de")
    accuse = only(events, "ACCUSE")
    assert names(doc, accuse.actor) == {"Anna Weber"}
