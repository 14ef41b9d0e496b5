"""A negated act after a future or volitional word is a refusal (issue 13, round 9): "Nortland will not
negotiate with Sudland" is coded REJECT with the talks as its proposition (docs/annotation.md "refusal"), a
plain past "did not attack" stays no event. Every sentence here is written for these tests."""

import pytest
from events_support import make_doc, run_events

from kroniek.events import fates

STATES = {"Nortland": ["Nortland"], "Sudland": ["Sudland"]}


def _run(text: str, lang: str, **settings: object) -> tuple[list[tuple[str, str, str | None]], list[str]]:
    doc = make_doc(text, lang, STATES)
    events = sorted(
        (e.event, e.modality, e.proposition.event if e.proposition else None) for e in run_events(doc, **settings)
    )
    return events, [d.event for d in doc.dropped_triggers if d.reason == fates.NOT_DONE]


REFUSALS = [
    ("en", "Nortland will not negotiate with Sudland.", "CONSULT"),
    ("en", "The minister said Nortland would not send weapons to Sudland.", "AID"),
    ("nl", "Nortland zal niet met Sudland onderhandelen.", "CONSULT"),
    ("de", "Nortland wird nicht mit Sudland verhandeln.", "CONSULT"),
    ("de", "Der Kanzler sagte, Nortland werde keine Waffen an Sudland liefern.", "AID"),
    ("fr", "Nortland ne va pas négocier avec Sudland.", "CONSULT"),
]


@pytest.mark.parametrize(("lang", "text", "kind"), REFUSALS)
def test_a_negated_act_after_a_future_word_is_a_refusal(lang: str, text: str, kind: str):
    events, not_done = _run(text, lang)
    assert ("REJECT", "asserted", kind) in events
    assert kind not in [e for e, _, _ in events]
    assert not_done == []


@pytest.mark.parametrize(("lang", "text", "kind"), REFUSALS)
def test_the_setting_off_drops_the_negated_act(lang: str, text: str, kind: str):
    events, not_done = _run(text, lang, negated_refusals=False)
    assert ("REJECT", "asserted", kind) not in events
    assert not_done == [kind]


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [
        ("en", "Nortland did not attack Sudland.", "ASSAULT"),
        ("nl", "Nortland heeft Sudland niet aangevallen.", "ASSAULT"),
        ("de", "Nortland hat Sudland nicht angegriffen.", "ASSAULT"),
        ("fr", "Nortland n'a pas attaqué Sudland.", "ASSAULT"),
    ],
)
def test_a_plain_past_negation_is_no_refusal(lang: str, text: str, kind: str):
    events, not_done = _run(text, lang)
    assert "REJECT" not in [e for e, _, _ in events]
    assert not_done == [kind]
