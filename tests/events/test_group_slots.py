"""Groups in argument slots (events/group_slots.py, round 9): with ``group_slots`` on (the default), a trigger
whose subject or object slot has no actor takes the plural noun of people there as a group actor named by its
head noun; off, it is dropped for want of a participant as before. Sentences written for these tests."""

import pytest
from events_support import make_doc, names, run_events

from kroniek.errors import KroniekError
from kroniek.events import fates
from kroniek.events.group_slots import checked_group_slots, slot_words
from kroniek.events.stage import EventsStage

STATES = {"Ruritania": ["Ruritania", "Ruritanië", "Ruritanien", "la Ruritanie"]}


def events_of(text: str, lang: str, **settings: object):
    doc = make_doc(text, lang, STATES)
    return doc, run_events(doc, **settings)


@pytest.mark.parametrize(
    ("text", "lang", "name"),
    [
        ("On Monday the strikers blocked the harbour of the capital.", "en", "strikers"),
        ("Maandag blokkeerden de stakers de haven van de hoofdstad.", "nl", "strikers"),
        ("Les grévistes ont bloqué le port de la capitale lundi.", "fr", "strikers"),
        ("Am Montag blockierten die Streikenden den Hafen der Hauptstadt.", "de", "strikers"),
    ],
)
def test_a_listed_group_subject_is_the_actor(text: str, lang: str, name: str):
    doc, events = events_of(text, lang, group_slots="listed")
    assert events, doc.dropped_triggers
    assert names(doc, events[0].actor) == {name}
    record = doc.actors[events[0].actor[0]]
    assert record.kind == "group" and record.country is None
    mention = record.mentions[0]
    assert doc.text[mention.start : mention.end].lower().endswith(("strikers", "stakers", "grévistes", "streikenden"))


def test_off_the_trigger_dies_for_want_of_a_participant():
    doc, events = events_of("On Monday the strikers blocked the harbour of the capital.", "en", group_slots="off")
    assert not events
    assert [d.reason for d in doc.dropped_triggers] == [fates.NO_PARTICIPANT]
    assert not any(a.key.startswith("group:") for a in doc.actors)


def test_on_by_default():
    doc, events = events_of("On Monday the strikers blocked the harbour of the capital.", "en")
    assert names(doc, events[0].actor) == {"strikers"}


@pytest.mark.parametrize(("scope", "found"), [("empty", {"Ruritania", "students"}), ("dropped", {"Ruritania"})])
def test_scope_empty_fills_a_slot_beside_a_found_recipient(scope: str, found: set[str]):
    doc, events = events_of("Students attacked Ruritania on Monday.", "en", group_slot_scope=scope)
    assert names(doc, events[0].actor) | names(doc, events[0].recipient) == found


def test_institution_members_are_no_slot_group():
    # the gold names them by their institution ("the armed forces"), so "soldiers" is left to other rules
    doc, events = events_of("Soldiers occupied the harbour of the capital.", "en")
    assert not events


def test_people_are_no_slot_group():
    doc, events = events_of("On Monday people blocked the harbour of the capital.", "en", group_slots="listed")
    assert not events


def test_a_found_actor_is_left_alone():
    doc, events = events_of("Ruritania blocked the harbour of the capital.", "en", group_slots="listed")
    assert names(doc, events[0].actor) == {"Ruritania"}
    assert len(doc.actors) == 1


def test_an_unlisted_plural_subject_only_in_plural_mode():
    text = "On Monday the lorry drivers blocked the harbour of the capital."
    assert not events_of(text, "en", group_slots="listed")[1]
    doc, events = events_of(text, "en", group_slots="plural")
    assert names(doc, events[0].actor) == {"drivers"}


def test_a_lower_case_german_word_is_no_group_noun():
    doc, events = events_of(
        "Am Montag blockierten die streikenden den Hafen der Hauptstadt.", "de", group_slots="listed"
    )
    assert not events


def test_settings_are_checked():
    with pytest.raises(KroniekError) as err:
        EventsStage(group_slots="all")
    assert err.value.code == "E444"
    with pytest.raises(KroniekError):
        checked_group_slots("listed", "everywhere")


def test_every_language_has_slot_nouns():
    for lang in ("nl", "en", "de", "fr"):
        words = slot_words(lang)
        assert words.nouns and all(n.english != "people" for n in words.nouns.values())
