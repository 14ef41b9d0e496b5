"""Agentless passives in the untagged languages (events/agentless.py): with an auxiliary that makes only a
passive ("a été", "wurde") and no agent, the subject is the one acted upon, not the actor. Sentences written
for these tests."""

from events_support import make_doc, names, only, run_events

PEOPLE = {"Karl Weber": ["Karl Weber"], "Pierre Durand": ["Pierre Durand"], "Poland": ["Polen", "Pologne"]}
KINDS = {"Karl Weber": "person", "Pierre Durand": "person"}


def coerce_of(text: str, lang: str):
    doc = make_doc(text, lang, PEOPLE, kinds=KINDS)
    return doc, only(run_events(doc), "COERCE")


def test_de_agentless_passive_subject_is_the_recipient():
    doc, arrest = coerce_of("Der Oppositionsführer Karl Weber wurde am Montag in der Hauptstadt festgenommen.", "de")
    assert arrest.actor == []
    assert names(doc, arrest.recipient) == {"Karl Weber"}


def test_de_verb_final_auxiliary_after_the_participle():
    doc, arrest = coerce_of("Die Polizei teilte mit, dass Karl Weber am Abend festgenommen worden sei.", "de")
    assert "Karl Weber" not in names(doc, arrest.actor)
    assert names(doc, arrest.recipient) == {"Karl Weber"}


def test_de_active_clause_keeps_its_actor():
    doc, arrest = coerce_of("Polen hat Karl Weber am Montag festgenommen.", "de")
    assert names(doc, arrest.actor) == {"Poland"}


def test_fr_agentless_passive_subject_is_the_recipient():
    doc, arrest = coerce_of("Le général Pierre Durand a été arrêté dans la soirée.", "fr")
    assert arrest.actor == []
    assert names(doc, arrest.recipient) == {"Pierre Durand"}


def test_fr_the_speaker_before_the_passive_is_no_patient():
    doc, arrest = coerce_of("Selon la Pologne, Pierre Durand a été arrêté dans la soirée.", "fr")
    assert names(doc, arrest.recipient) == {"Pierre Durand"}


def test_fr_active_perfect_keeps_its_actor():
    # "a arrêté" is a perfect, no passive: the subject acts
    doc, arrest = coerce_of("La Pologne a arrêté Pierre Durand dans la soirée.", "fr")
    assert names(doc, arrest.actor) == {"Poland"}
