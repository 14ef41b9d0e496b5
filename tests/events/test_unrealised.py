"""A material act or meeting the article reports as not done is no event (issue 13, spurious events of
round 9): "Nortland will not negotiate with Sudland" reports no talks. Every sentence here is written for
these tests."""

import pytest
from events_support import make_doc, run_events

from kroniek.errors import KroniekError
from kroniek.events import fates
from kroniek.events.stage import EventsStage
from kroniek.events.unrealised import UNREALISED_TYPES, checked_types

STATES = {"Nortland": ["Nortland"], "Sudland": ["Sudland"]}


def _run(text: str, lang: str, **settings: object) -> tuple[list[tuple[str, str]], list[str]]:
    doc = make_doc(text, lang, STATES)
    events = sorted((e.event, e.modality) for e in run_events(doc, **settings))
    return events, [d.event for d in doc.dropped_triggers if d.reason == fates.NOT_DONE]


NOT_DONE = [
    ("en", "Nortland will not negotiate with Sudland.", "CONSULT"),
    ("en", "Nortland did not attack Sudland.", "ASSAULT"),
    ("nl", "Nortland onderhandelt niet met Sudland.", "CONSULT"),
    ("nl", "Nortland heeft Sudland niet aangevallen.", "ASSAULT"),
    ("de", "Nortland wird nicht mit Sudland verhandeln.", "CONSULT"),
    ("fr", "Nortland ne négociera pas avec Sudland.", "CONSULT"),
]


@pytest.mark.parametrize(("lang", "text", "kind"), NOT_DONE)
def test_an_act_reported_as_not_done_is_no_event(lang: str, text: str, kind: str):
    # without the refusal reading ("will not negotiate" is a REJECT by default: test_negated_refusals.py)
    events, not_done = _run(text, lang, negated_refusals=False)
    assert kind not in [e for e, _ in events]
    assert not_done == [kind]


@pytest.mark.parametrize(("lang", "text", "kind"), NOT_DONE)
def test_the_setting_keeps_the_negated_act(lang: str, text: str, kind: str):
    events, not_done = _run(text, lang, unrealised_acts=[])
    assert (kind, "negated") in events
    assert not_done == []


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [
        ("en", "Nortland negotiated with Sudland.", "CONSULT"),
        ("nl", "Nortland onderhandelde met Sudland.", "CONSULT"),
    ],
)
def test_the_act_done_stays(lang: str, text: str, kind: str):
    events, not_done = _run(text, lang)
    assert (kind, "asserted") in events
    assert not_done == []


def test_a_negated_speech_act_stays():
    # gold codes some negated accusations and demands; only material acts and meetings are let go
    events, not_done = _run("Nortland did not accuse Sudland.", "en")
    assert ("ACCUSE", "negated") in events
    assert not_done == []


def test_the_setting_is_checked():
    assert checked_types(UNREALISED_TYPES) == frozenset(UNREALISED_TYPES)
    with pytest.raises(KroniekError) as caught:
        EventsStage(unrealised_acts=["MEETING"])
    assert caught.value.code == "E450"
    with pytest.raises(KroniekError):
        EventsStage(unrealised_acts="CONSULT")  # type: ignore[arg-type]


# --- acts only offered (events/offers.py) -----------------------------------------------------------------

OFFERED = [
    ("en", "Nortland offered Sudland talks on the border.", "CONSULT"),
    ("en", "Nortland offered Sudland aid.", "AID"),
    ("nl", "Nortland bood Sudland hulp aan.", "AID"),
    ("de", "Nortland bot Sudland Gespräche an.", "CONSULT"),
    ("fr", "Nortland a offert une aide à Sudland.", "AID"),
]


def _offered(text: str, lang: str, **settings: object) -> tuple[list[str], list[str]]:
    doc = make_doc(text, lang, STATES)
    events = [e.event for e in run_events(doc, **settings)]
    return events, [d.event for d in doc.dropped_triggers if d.reason == fates.ATTEMPTED]


@pytest.mark.parametrize(("lang", "text", "kind"), OFFERED)
def test_an_act_only_offered_is_no_event(lang: str, text: str, kind: str):
    events, offered = _offered(text, lang)
    assert kind not in events
    assert offered == [kind]


@pytest.mark.parametrize(("lang", "text", "kind"), OFFERED)
def test_the_setting_keeps_the_offered_noun(lang: str, text: str, kind: str):
    events, _ = _offered(text, lang, offered_acts=[])
    assert kind in events


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [
        ("en", "Nortland sent aid to Sudland.", "AID"),
        ("nl", "Nortland stuurde hulp naar Sudland.", "AID"),
    ],
)
def test_aid_given_stays(lang: str, text: str, kind: str):
    events, offered = _offered(text, lang)
    assert kind in events
    assert offered == []


def test_the_offered_setting_is_checked():
    with pytest.raises(KroniekError) as caught:
        EventsStage(offered_acts=["GIFT"])
    assert caught.value.code == "E450"
