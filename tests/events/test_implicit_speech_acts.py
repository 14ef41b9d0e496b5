"""Implicit speech acts (issue 13): an accusation, demand, threat or refusal in a speaker's own words is
the speaker's act, not something the speaker reports (docs/annotation.md, ``implicit_speech_act``).
Every sentence here is written for these tests."""

from events_support import make_doc, names, of_type, run_statements_and_events

from kroniek.document import ArticleDoc, EventRecord
from kroniek.events.speech_acts import speakers_act

ACTORS = {
    "Nortland": ["Nortland"],
    "Sudland": ["Sudland"],
    "Ana Vell": ["Ana Vell", "Vell"],
}
KINDS = {"Ana Vell": "person"}


def run(text: str, lang: str) -> ArticleDoc:
    doc = make_doc(text, lang, ACTORS, kinds=KINDS)
    return run_statements_and_events(doc)


def speaker_acts(doc: ArticleDoc, event: str) -> EventRecord:
    found = [e for e in of_type(doc, event) if names(doc, e.actor) == {"Ana Vell"}]
    assert found, [(e.event, names(doc, e.actor), e.explain) for e in doc.events]
    return found[0]


# --- the speaker of a verbatim quote acts ----------------------------------------------------------------


def test_accusation_in_a_quote_is_the_speakers_en():
    doc = run('"The blockade that Sudland imposed on the port is unacceptable," Ana Vell said on Monday.', "en")
    accuse = speaker_acts(doc, "ACCUSE")
    assert names(doc, accuse.recipient) == {"Sudland"}
    assert accuse.source is None  # her own act, which the article states


def test_demand_in_a_quote_addresses_the_named_state_nl():
    doc = run("„Wij eisen dat Nortland de blokkade opheft”, zei Ana Vell.", "nl")
    demand = speaker_acts(doc, "REQUEST")
    assert names(doc, demand.recipient) == {"Nortland"}
    assert demand.source is None


def test_refusal_in_the_first_person_de():
    doc = run("„Wir lehnen jede Verhandlung mit Sudland ab“, sagte Ana Vell am Dienstag.", "de")
    refusal = speaker_acts(doc, "REJECT")
    assert "Ana Vell" not in names(doc, refusal.recipient)


def test_accusation_in_a_quote_fr():
    doc = run("« Sudland a violé le cessez-le-feu, nous le condamnons fermement », a déclaré Ana Vell.", "fr")
    accuse = speaker_acts(doc, "ACCUSE")
    assert accuse.source is None


# --- where the speaker does not act ----------------------------------------------------------------------


def test_a_passive_act_in_reported_speech_is_not_the_speakers_en():
    doc = run("Sudland was not asked to withdraw its troops, Ana Vell said.", "en")
    assert all(names(doc, e.actor) != {"Ana Vell"} for e in of_type(doc, "REQUEST"))


def test_an_investigation_is_a_deed_not_words_en():
    doc = run('"The police are investigating the attack on the embassy," Ana Vell said.', "en")
    assert all(names(doc, e.actor) != {"Ana Vell"} for e in of_type(doc, "ACCUSE"))


def test_a_third_partys_refusal_in_a_quote_is_relayed_en():
    doc = run('"Sudland refused our offer of talks twice," Ana Vell said on Monday.', "en")
    refusal = [e for e in of_type(doc, "REJECT") if names(doc, e.actor) == {"Sudland"}]
    assert refusal, [(e.event, names(doc, e.actor)) for e in doc.events]
    assert refusal[0].source is not None and doc.actors[refusal[0].source].name == "Ana Vell"


def test_reported_speech_keeps_the_actor_it_names_en():
    doc = run("Ana Vell said on Monday that Nortland had demanded compensation from Sudland.", "en")
    demand = [e for e in of_type(doc, "REQUEST") if names(doc, e.actor) == {"Nortland"}]
    assert demand, [(e.event, names(doc, e.actor)) for e in doc.events]
    assert names(doc, [demand[0].source] if demand[0].source is not None else []) == {"Ana Vell"}


# --- the decision itself -----------------------------------------------------------------------------------


def test_quoted_actor_becomes_the_addressee():
    assert speakers_act([1], [], speaker=7, direct=True, first_person=set()) == ([7], [1])


def test_first_person_side_is_not_addressed():
    assert speakers_act([3], [1], speaker=7, direct=True, first_person={3}) == ([7], [1])


def test_reported_speech_with_an_actor_is_left_alone():
    assert speakers_act([1], [], speaker=7, direct=False, first_person=set()) is None


def test_reported_speech_without_an_actor_gets_the_speaker():
    assert speakers_act([], [7, 2], speaker=7, direct=False, first_person=set()) == ([7], [2])


def test_the_speaker_already_acting_changes_nothing():
    assert speakers_act([7], [1], speaker=7, direct=True, first_person=set()) is None
