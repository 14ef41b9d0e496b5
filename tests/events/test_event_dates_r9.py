"""Event dates, round 9 (issue 14): a weekday governed by a past-tense verb keeps its past reading though the
event it dates is planned ("Vrijdag kondigde X sancties af": the sanctions are a plan, the announcement was
last Friday). Every sentence here is written for these tests; published Wednesday 2025-03-19."""

from dataclasses import replace

import pytest
from events_support import make_doc, run_statements_and_events

from kroniek.document import ArticleDoc, TimexRecord
from kroniek.events.lexicon import load_lexicon
from kroniek.events.qualify import reanchor_for

STATES = {"Nortland": ["Nortland"], "Sudland": ["Sudland"]}
PUBLISHED = "2025-03-19"
READINGS = {"past": "2025-03-14", "future": "2025-03-21"}  # Friday before and after the publication day


def _weekday(text: str, lang: str, weekday: str) -> tuple[ArticleDoc, TimexRecord]:
    doc = make_doc(text, lang, STATES, timexes=[(weekday, "DATE", "2025-03-14")], published=PUBLISHED)
    timex = replace(doc.timexes[0], direction="past", readings=dict(READINGS))
    doc.timexes[0] = timex
    return doc, timex


@pytest.mark.parametrize(
    ("lang", "text", "weekday"),
    [
        ("nl", "Vrijdag kondigde Nortland sancties af tegen Sudland.", "Vrijdag"),
        ("nl", "Nortland heeft vrijdag sancties tegen Sudland aangekondigd.", "vrijdag"),
        ("en", "The government of Nortland announced new sanctions against Sudland on Friday.", "Friday"),
        ("en", "The government of Nortland has announced new sanctions against Sudland on Friday.", "Friday"),
        ("fr", "Nortland a annoncé vendredi des sanctions contre Sudland.", "vendredi"),
        ("fr", "Nortland et Sudland ont signé vendredi un accord.", "vendredi"),
        ("de", "Nortland hat am Freitag Sanktionen gegen Sudland angekündigt.", "Freitag"),
    ],
)
def test_a_plan_announced_on_a_weekday_is_dated_by_the_last_one(lang: str, text: str, weekday: str) -> None:
    doc, timex = _weekday(text, lang, weekday)
    assert reanchor_for(doc, timex, "planned", load_lexicon(lang).cues).value == READINGS["past"]


@pytest.mark.parametrize(
    ("lang", "text", "weekday"),
    [
        ("nl", "Nortland zal vrijdag sancties tegen Sudland aankondigen.", "vrijdag"),
        ("nl", "Nortland heeft toegezegd vrijdag de sancties tegen Sudland op te heffen.", "vrijdag"),
        ("en", "Nortland will announce sanctions against Sudland on Friday.", "Friday"),
        ("en", "Nortland has promised to lift the sanctions against Sudland on Friday.", "Friday"),
        ("fr", "Nortland annoncera vendredi des sanctions contre Sudland.", "vendredi"),
        ("de", "Nortland wird am Freitag Sanktionen gegen Sudland verhängen.", "Freitag"),
    ],
)
def test_a_plan_for_a_weekday_still_looks_ahead(lang: str, text: str, weekday: str) -> None:
    doc, timex = _weekday(text, lang, weekday)
    assert reanchor_for(doc, timex, "planned", load_lexicon(lang).cues).value == READINGS["future"]


def test_an_act_done_on_a_weekday_keeps_the_past_reading() -> None:
    doc, timex = _weekday("Nortland will announce sanctions against Sudland on Friday.", "en", "Friday")
    assert reanchor_for(doc, timex, "asserted", load_lexicon("en").cues).value == READINGS["past"]


def test_the_events_stage_dates_an_announced_plan_by_the_announcement_nl() -> None:
    doc, _ = _weekday("Vrijdag kondigde Nortland sancties af tegen Sudland.", "nl", "Vrijdag")
    dated = [e for e in run_statements_and_events(doc).events if e.date is not None]
    assert dated and all(e.date.value == READINGS["past"] for e in dated)


def _dated(text: str, lang: str, timex: tuple[str, str, str], event_type: str) -> list[str | None]:
    doc = make_doc(text, lang, STATES, timexes=[timex], published=PUBLISHED)
    return [e.date.value if e.date else None for e in run_statements_and_events(doc).events if e.event == event_type]


@pytest.mark.parametrize(
    ("lang", "text", "timex", "event_type"),
    [
        (
            "en",
            "The government of Nortland on Tuesday accused Sudland of spying on its ports, and expelled two diplomats.",
            ("Tuesday", "DATE", "2025-03-18"),
            "SANCTION",
        ),
        (
            "nl",
            "Op dinsdag beschuldigde Nortland Sudland van spionage in de haven, en zette de ambassadeur van Sudland het land uit.",
            ("dinsdag", "DATE", "2025-03-18"),
            "SANCTION",
        ),
    ],
)
def test_a_coordinated_act_takes_the_date_fronted_before_the_first(
    lang: str, text: str, timex: tuple[str, str, str], event_type: str
) -> None:
    assert _dated(text, lang, timex, event_type) == ["2025-03-18"]


@pytest.mark.parametrize(
    ("lang", "text", "timex"),
    [
        (
            "en",
            "The government of Nortland accused Sudland of spying on its ports on Tuesday, and expelled two diplomats.",
            ("Tuesday", "DATE", "2025-03-18"),
        ),
        (
            "nl",
            "Nortland beschuldigde Sudland dinsdag van spionage in de haven, en zette de ambassadeur van Sudland het land uit.",
            ("dinsdag", "DATE", "2025-03-18"),
        ),
    ],
)
def test_a_date_after_the_first_verb_stays_with_that_act(lang: str, text: str, timex: tuple[str, str, str]) -> None:
    assert _dated(text, lang, timex, "SANCTION") == [None]


def test_a_coordinated_clause_with_its_own_subject_takes_no_date_en() -> None:
    text = "The government of Nortland on Tuesday accused Sudland of espionage, and Sudland expelled two diplomats."
    assert _dated(text, "en", ("Tuesday", "DATE", "2025-03-18"), "SANCTION") == [None]
