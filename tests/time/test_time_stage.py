"""The time stage on sentences written for these tests, published Wednesday 2025-03-19."""

from __future__ import annotations

import pytest

from kroniek.document import ArticleDoc, TimexRecord
from kroniek.time.stage import make_time_stage

STAGE = make_time_stage()


def timexes(doc: ArticleDoc) -> dict[str, TimexRecord]:
    STAGE(doc)
    return {doc.text[t.start : t.end]: t for t in doc.timexes}


CASES = [
    # (language, sentence, timex text, TIMEX3 value)
    ("nl", "De uitwisseling moet woensdag plaatsvinden.", "woensdag", "2025-03-19"),
    ("nl", "De delegaties ontmoeten elkaar zondag in Riyad.", "zondag", "2025-03-23"),
    ("nl", "De minister sprak zondag met haar ambtgenoot.", "zondag", "2025-03-16"),
    ("nl", "Het leger trok dinsdag zijn troepen terug.", "dinsdag", "2025-03-18"),
    ("nl", "Vorige week dinsdag tekenden de twee landen een verdrag.", "Vorige week dinsdag", "2025-03-11"),
    ("nl", "Afgelopen zondag demonstreerden duizenden mensen.", "Afgelopen zondag", "2025-03-16"),
    ("nl", "Komende zaterdag reist de premier naar Kyiv.", "Komende zaterdag", "2025-03-22"),
    ("nl", "Het kabinet besloot dinsdagavond tot nieuwe sancties.", "dinsdagavond", "2025-03-18TEV"),
    ("nl", "De top begint op 18 maart in Brussel.", "18 maart", "2025-03-18"),
    ("nl", "Het verdrag werd op 18 maart 2025 getekend.", "18 maart 2025", "2025-03-18"),
    ("nl", "De missie loopt tot eind maart.", "eind maart", "2025-03"),
    ("nl", "Begin juni volgt een nieuwe ronde.", "Begin juni", "2025-06"),
    ("nl", "Vorig jaar werden de banden verbroken.", "Vorig jaar", "2024"),
    ("nl", "Vorig jaar september sloten de landen een akkoord.", "Vorig jaar september", "2024-09"),
    ("nl", "Drie weken geleden viel de regering.", "Drie weken geleden", "2025-W09"),
    ("nl", "Gisteren ontmoetten de ministers elkaar.", "Gisteren", "2025-03-18"),
    ("nl", "Er werd vannacht opnieuw gebombardeerd.", "vannacht", "2025-03-19TNI"),
    ("nl", "Het bestand moet in eerste instantie dertig dagen duren.", "dertig dagen", "P30D"),
    ("nl", "Het ruim twee uur durende gesprek verliep goed.", "ruim twee uur", "PT2H"),
    ("nl", "De VS hervatten vorige week de leveranties.", "vorige week", "2025-W11"),
    ("nl", "Het afgelopen weekend bleef het rustig.", "Het afgelopen weekend", "2025-W11-WE"),
    ("nl", "De situatie is nu onhoudbaar.", "nu", "PRESENT_REF"),
    ("nl", "De gesprekken worden binnenkort hervat.", "binnenkort", "FUTURE_REF"),
    ("nl", "De spanningen liepen dagenlang op.", "dagenlang", "PXD"),
    ("nl", "Het overleg duurt van 9 tot 11 maart.", "9 tot 11 maart", "2025-03-09"),
    ("nl", "Bericht | 19-03-2025 | 17:07De minister zei dat.", "19-03-2025", "2025-03-19"),
    ("nl", "De top vindt plaats op 24 en 25 juni in Den Haag.", "24 en 25 juni", "2025-06-24"),
    ("nl", "Het leger voerde zaterdag aanvallen uit.", "zaterdag", "2025-03-15"),
    ("nl", "Bericht | 19-03-2025 | 17:07De minister zei dat.", "17:07", "2025-03-19T17:07"),
    ("nl", "Het parlement debatteert donderdag over de steun, meldde de omroep.", "donderdag", "2025-03-20"),
    ("nl", "Hij zei dat de minister donderdag naar Kyiv reist.", "donderdag", "2025-03-20"),
    ("nl", "De woordvoerder zei zaterdag dat hij bereid is.", "zaterdag", "2025-03-15"),
    ("en", "Officials said the delegations meet on Friday.", "Friday", "2025-03-21"),
    ("en", "The ministry said on Monday it was ready.", "Monday", "2025-03-17"),
    ("fr", "Les ministres se rencontrent vendredi, a indiqué le porte-parole.", "vendredi", "2025-03-21"),
    ("en", "The ministers met last Tuesday in Geneva.", "last Tuesday", "2025-03-18"),
    ("en", "The summit opens on March 18 in Brussels.", "March 18", "2025-03-18"),
    ("en", "The treaty was signed on March 18, 2025.", "March 18, 2025", "2025-03-18"),
    ("en", "Talks will resume on Sunday.", "Sunday", "2025-03-23"),
    ("en", "The army shelled the city on Sunday.", "Sunday", "2025-03-16"),
    ("en", "The president spoke with his counterpart Tuesday evening.", "Tuesday evening", "2025-03-18TEV"),
    ("en", "Yesterday the embassy was closed.", "Yesterday", "2025-03-18"),
    ("en", "The government fell three weeks ago.", "three weeks ago", "2025-W09"),
    ("en", "Shipments resumed last week.", "last week", "2025-W11"),
    ("en", "Elections are expected next month.", "next month", "2025-04"),
    ("en", "The call lasted more than two hours.", "more than two hours", "PT2H"),
    ("en", "A ceasefire of 30 days was proposed.", "30 days", "P30D"),
    ("en", "A deal is possible in the near future.", "the near future", "FUTURE_REF"),
    ("en", "Fighting resumed in early June.", "early June", "2025-06"),
    ("en", "The Prime Minister spoke with the President this evening.", "this evening", "2025-03-19TEV"),
    ("en", "The strike came on January 9–10.", "January 9–10", "2025-01-09"),
    ("de", "Die Minister trafen sich am Dienstag in Berlin.", "Dienstag", "2025-03-18"),
    ("de", "Letzten Dienstag wurde der Vertrag unterzeichnet.", "Letzten Dienstag", "2025-03-18"),
    ("de", "Der Gipfel fand am 18. März 2025 statt.", "18. März 2025", "2025-03-18"),
    ("de", "Vor drei Wochen trat die Regierung zurück.", "Vor drei Wochen", "2025-W09"),
    ("de", "Gestern Abend sprach der Kanzler mit dem Präsidenten.", "Gestern Abend", "2025-03-18TEV"),
    ("de", "Eine Regierung muss innerhalb von 45 Tagen gebildet werden.", "45 Tagen", "P45D"),
    ("de", "Zwanzig Abgeordnete wollen auch in Zukunft blockfrei bleiben.", "Zukunft", "FUTURE_REF"),
    ("fr", "Les ministres se sont rencontrés mardi dernier.", "mardi dernier", "2025-03-18"),
    ("fr", "Le traité a été signé le 18 mars 2025.", "18 mars 2025", "2025-03-18"),
    ("fr", "Le gouvernement est tombé il y a trois semaines.", "il y a trois semaines", "2025-W09"),
    ("fr", "Le président a parlé hier avec son homologue.", "hier", "2025-03-18"),
    ("fr", "Les livraisons ont repris la semaine dernière.", "la semaine dernière", "2025-W11"),
    ("fr", "Une trêve de trente jours a été proposée.", "trente jours", "P30D"),
    ("fr", "Les rebelles se battent depuis plusieurs jours.", "plusieurs jours", "PXD"),
]


@pytest.mark.parametrize(("lang", "sentence", "expression", "value"), CASES)
def test_expression_resolves(make_doc, lang: str, sentence: str, expression: str, value: str) -> None:
    found = timexes(make_doc(sentence, lang))
    assert expression in found, f"{expression!r} not tagged; got {sorted(found)}"
    assert found[expression].value == value


def test_types_and_precision(make_doc) -> None:
    found = timexes(make_doc("Het ruim twee uur durende gesprek vond dinsdagavond plaats, vorige week volgde overleg."))
    assert found["ruim twee uur"].type == "DURATION"
    assert found["dinsdagavond"].type == "TIME"
    assert found["vorige week"].precision == "week"


def test_bare_weekday_records_direction(make_doc) -> None:
    found = timexes(make_doc("Die gesprekken vinden zondag plaats. Het leger trok zaterdag terug."))
    assert found["zondag"].direction == "future"
    assert found["zaterdag"].direction == "past"
    assert found["zaterdag"].value == "2025-03-15"


def test_explicit_weekday_has_no_direction_to_revise(make_doc) -> None:
    found = timexes(make_doc("Komende zaterdag reist de premier af."))
    assert found["Komende zaterdag"].direction is None


def test_without_publication_date_relative_stays_unresolved(make_doc) -> None:
    doc = make_doc("De minister sprak dinsdag met zijn collega; vorige week was er ook overleg.", published=None)
    found = timexes(doc)
    assert found["dinsdag"].value == "XXXX-WXX-2"
    assert not found["dinsdag"].anchored
    assert not found["vorige week"].anchored
    assert any("no publication date" in note for note in doc.notes)


def test_absolute_date_needs_no_publication_date(make_doc) -> None:
    found = timexes(make_doc("Het verdrag werd op 18 maart 2025 getekend.", published=None))
    assert found["18 maart 2025"].value == "2025-03-18"
    assert found["18 maart 2025"].anchored


def test_numbers_that_are_not_years_are_not_dates(make_doc) -> None:
    found = timexes(make_doc("Het leger stuurde 2000 soldaten naar de grens."))
    assert "2000" not in found


def test_thousands_are_not_clock_times(make_doc) -> None:
    found = timexes(make_doc("Er vielen meer dan 14.000 doden."))
    assert found == {}


def test_conjunction_nu_at_sentence_start_is_not_a_timex(make_doc) -> None:
    found = timexes(make_doc("Nu de minister is vertrokken, neemt een collega het over."))
    assert "Nu" not in found


def test_following_day_counts_from_the_last_day_named(make_doc) -> None:
    text = "The ministers met on Wednesday. In a statement issued the following day, Ankara objected."
    found = timexes(make_doc(text, "en"))
    assert found["Wednesday"].value == "2025-03-19"
    assert found["the following day"].value == "2025-03-20"


def test_a_second_time_is_not_a_duration(make_doc) -> None:
    found = timexes(make_doc("The council met for a second time on the issue.", "en"))
    assert "a second" not in found


def test_bad_input_does_not_crash(make_doc) -> None:
    for text in ["", "   ", "\x00\x01 ??? 123", "31 februari 2025 en 29-02-2023", "x" * 5000]:
        doc = make_doc(text)
        STAGE(doc)
        assert all(0 <= t.start < t.end <= len(text) for t in doc.timexes)


def test_unsupported_language_is_recorded_not_raised(make_doc) -> None:
    doc = make_doc("Il ministro ha parlato martedì.", "it")
    STAGE(doc)
    assert doc.timexes == []
    assert any("no temporal lexicon" in note for note in doc.notes)


def test_spans_match_text(make_doc) -> None:
    doc = make_doc("Op 18 maart sprak de minister ruim twee uur met haar collega; gisteren volgde een brief.")
    STAGE(doc)
    assert [doc.text[t.start : t.end] for t in doc.timexes] == ["18 maart", "ruim twee uur", "gisteren"]


def test_a_bare_weekday_carries_both_readings(make_doc) -> None:
    """The stage resolves "zondag" by tense, and records the past and the future reading for later stages
    (the events stage picks one by the event's modality). Published on Wednesday 2025-03-19."""
    from kroniek.time.stage import make_time_stage

    doc = make_time_stage()(make_doc("De ministers praten zondag verder."))
    (sunday,) = doc.timexes
    assert sunday.direction is not None
    assert sunday.readings == {"past": "2025-03-16", "future": "2025-03-23"}
    assert sunday.value == sunday.readings[sunday.direction]


def test_an_explicit_date_has_no_readings(make_doc) -> None:
    from kroniek.time.stage import make_time_stage

    doc = make_time_stage()(make_doc("De ministers praten op 23 maart verder."))
    assert [t.readings for t in doc.timexes] == [None]


def test_without_a_publication_date_a_weekday_has_no_readings(make_doc) -> None:
    from kroniek.time.stage import make_time_stage

    doc = make_time_stage()(make_doc("De ministers praten zondag verder.", published=None))
    assert [(t.anchored, t.readings) for t in doc.timexes] == [(False, None)]
