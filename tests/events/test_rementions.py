"""Re-mentions inside one article (events/rementions.py): one act reported twice is one event with the
evidence of its fullest mention; different acts of the same parties stay apart. Sentences written for
these tests."""

from events_support import make_doc, names, run_events

from kroniek.document import CharSpan, EventRecord, PropositionRecord, TimexRecord
from kroniek.events.rementions import merge_rementions, same_act

STATES = {
    "Russia": ["Russia", "Moscow", "Rusland", "Moskou", "Russland", "la Russie"],
    "Poland": ["Poland", "Warsaw", "Polen", "Pologne", "Varsovie"],
    "Ukraine": ["Ukraine", "Kyiv", "Oekraïne", "Kiew", "l'Ukraine"],
}


def _date(value: str) -> TimexRecord:
    return TimexRecord(0, 5, "DATE", value, "day", True, None)


def _event(start: int, end: int, **fields: object) -> EventRecord:
    base: dict[str, object] = {"event": "SANCTION", "actor": [0], "recipient": [1], "entry_id": "en.expel"}
    base.update(fields)
    return EventRecord(evidence=CharSpan(start, end), trigger=[CharSpan(start, start + 3)], **base)  # type: ignore[arg-type]


def test_same_act_needs_equal_participants_type_and_polarity():
    a = _event(0, 40, date=_date("2025-03-17"))
    assert same_act(a, _event(50, 70, date=_date("2025-03-17")))
    assert not same_act(a, _event(50, 70, date=_date("2025-03-18")))
    assert not same_act(a, _event(50, 70, date=_date("2025-03-17"), recipient=[2]))
    assert not same_act(a, _event(50, 70, date=_date("2025-03-17"), modality="negated"))
    assert not same_act(a, _event(50, 70, date=_date("2025-03-17"), event="ACCUSE"))
    assert not same_act(a, _event(50, 70))  # one dated, one undated: maybe an earlier act


def test_undated_mentions_stay_apart():
    assert not same_act(_event(0, 20, event="ASSAULT"), _event(30, 50, event="ASSAULT"))
    assert not same_act(_event(0, 20, event="REQUEST"), _event(30, 50, event="REQUEST"))


def test_promises_of_different_things_stay_apart():
    aid = PropositionRecord(event="AID", text="aid")
    talks = PropositionRecord(event="CONSULT", text="talks")
    assert not same_act(_event(0, 20, event="AGREE", proposition=aid), _event(30, 50, event="AGREE", proposition=talks))


def test_merged_event_takes_the_fullest_mention():
    short = _event(0, 20, date=_date("2025-03-17"))
    full = _event(30, 90, date=_date("2025-03-17"), duration="P30D")
    merged = merge_rementions([short, full])
    assert len(merged) == 1
    assert merged[0].evidence == CharSpan(30, 90) and merged[0].duration == "P30D"
    assert merged[0].explain["merged"]


def _dated_doc(text: str, lang: str, word: str, value: str):
    """The document with every occurrence of ``word`` a timex of ``value``."""
    doc = make_doc(text, lang, STATES, published="2025-03-19")
    at = text.find(word)
    while at >= 0:
        doc.timexes.append(TimexRecord(at, at + len(word), "DATE", value, "day", True, None))
        at = text.find(word, at + 1)
    return doc


def test_en_the_same_expulsion_twice_is_one_event():
    text = (
        "Poland expelled a diplomat on Monday. Russia attacked Kyiv with drones. "
        "Poland expelled the diplomat on Monday for spying on military sites near the border."
    )
    doc = _dated_doc(text, "en", "Monday", "2025-03-17")
    expulsions = [e for e in run_events(doc) if e.event == "SANCTION"]
    assert len(expulsions) == 1
    assert doc.text[expulsions[0].evidence.start :].startswith("Poland expelled the diplomat on Monday for")


def test_nl_two_attacks_without_a_date_stay_two_events():
    text = "Rusland viel Oekraïne aan met raketten. Polen veroordeelde de aanval. Rusland viel Oekraïne opnieuw aan met drones."
    doc = make_doc(text, "nl", STATES)
    attacks = [e for e in run_events(doc) if e.event == "ASSAULT"]
    assert len(attacks) == 2
    assert all(names(doc, a.actor) == {"Russia"} and names(doc, a.recipient) == {"Ukraine"} for a in attacks)


def test_setting_off_keeps_every_mention():
    text = "Poland expelled a diplomat on Monday. Russia attacked Kyiv. Poland expelled the diplomat on Monday."
    doc = _dated_doc(text, "en", "Monday", "2025-03-17")
    expulsions = [e for e in run_events(doc, merge_mentions=False) if e.event == "SANCTION"]
    assert len(expulsions) == 2
