"""An act only tried, hoped for or offered is no event of its own (issue 13, embedded acts): "Nortland tried to
meet Sudland" reports no meeting. Every sentence here is written for these tests."""

import dataclasses

import pytest
from events_support import make_doc, run_events

from kroniek.events import fates
from kroniek.events import stage as stage_module
from kroniek.events.lexicon import load_lexicon

STATES = {"Nortland": ["Nortland"], "Sudland": ["Sudland"]}


def _run(text: str, lang: str, **settings: object) -> tuple[list[str], list[str]]:
    doc = make_doc(text, lang, STATES)
    events = sorted(e.event for e in run_events(doc, **settings))
    return events, [d.entry_id for d in doc.dropped_triggers if d.reason == fates.ATTEMPTED]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Nortland tried to meet with Sudland on Monday."),
        ("en", "Nortland offered to mediate between Sudland and its neighbours."),
        ("nl", "Nortland probeerde te onderhandelen met Sudland."),
    ],
)
def test_an_attempted_act_is_no_event(lang: str, text: str):
    events, attempted = _run(text, lang)
    assert "CONSULT" not in events
    assert len(attempted) == 1


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Nortland met with Sudland on Monday."),
        ("nl", "Nortland onderhandelde met Sudland."),
        # trying to mediate is mediating (the annotators code it so); offering to is not (above)
        ("en", "Nortland tried to mediate between Sudland and its neighbours."),
    ],
)
def test_the_act_itself_is_reported(lang: str, text: str):
    events, attempted = _run(text, lang)
    assert events == ["CONSULT"]
    assert attempted == []


def test_the_setting_turns_the_rule_off():
    events, attempted = _run("Nortland tried to meet with Sudland on Monday.", "en", attempted_acts=False)
    assert events == ["CONSULT"]
    assert attempted == []


@pytest.mark.parametrize("lang", ["de", "en", "fr", "nl"])
def test_every_language_lists_lower_case_attempt_and_offer_words(lang: str):
    lexicon = load_lexicon(lang)
    assert lexicon is not None
    for words in (lexicon.cues.attempt_words, lexicon.cues.offer_words):
        assert words
        assert all(word == word.lower() for word in words)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Nortland forderte Sudland auf, die Angriffe sofort einzustellen."),
        ("de", "Nortland forderte Sudland auf, die Angriffe sofort zu beenden."),
    ],
)
def test_an_infinitive_clause_after_a_demand_is_its_complement(lang: str, text: str, monkeypatch: pytest.MonkeyPatch):
    events, _ = _run(text, lang)
    assert "REQUEST" in events
    assert "ASSAULT" not in events
    # German also keeps the clause whole in the clause splitter (the lexicon's comma_infinitives, "want X to" work
    # of round 7); each rule alone suffices, so the control turns both off
    events, _ = _run(text, lang, infinitive_complements=False)
    assert "ASSAULT" not in events
    lexicon = load_lexicon(lang)
    assert lexicon is not None
    without_cue = dataclasses.replace(lexicon, cues=dataclasses.replace(lexicon.cues, comma_infinitives=False))
    monkeypatch.setattr(stage_module, "load_lexicon", lambda *_args, **_kw: without_cue)
    events, _ = _run(text, lang)
    assert "ASSAULT" not in events, "the infinitive_complements rule alone keeps the attacks inside the demand"
    events, _ = _run(text, lang, infinitive_complements=False)
    assert "ASSAULT" in events, "without either rule the attacks come out as an act (the test would prove nothing)"
