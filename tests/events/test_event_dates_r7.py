"""Event dates, round 7 (issue 14): the words of a timex never count as the verb that governs it. Every
sentence here is written for these tests."""

from events_support import make_doc, run_statements_and_events

from kroniek.document import ArticleDoc, TimexRecord

STATES = {"Nortland": ["Nortland"], "Sudland": ["Sudland"]}
PUBLISHED = "2025-03-19"


def run(text: str, lang: str, timexes: list[tuple[str, str, str]]) -> ArticleDoc:
    doc = make_doc(text, lang, STATES, timexes=timexes, published=PUBLISHED)
    return run_statements_and_events(doc)


def test_a_timex_word_tagged_as_a_participle_still_dates_the_act_nl():
    # the Dutch tagger reads "volgende" in "volgende week" as a participle modifying "week"
    doc = run(
        "Nortland stuurt volgende week een delegatie naar Sudland om te bemiddelen.",
        "nl",
        [("volgende week", "DATE", "2025-W13")],
    )
    dated = [e for e in doc.events if e.event == "CONSULT"]
    assert dated and all(e.date is not None and e.date.value == "2025-W13" for e in dated)


def test_a_timex_after_a_noun_and_of_dates_the_noun_not_the_act():
    for text, lang, timex in (
        ("Nortland rejected the budget of Sudland for 2027.", "en", ("2027", "DATE", "2027")),
        ("Nortland verwierp de uitslag van de verkiezingen van vorig jaar.", "nl", ("vorig jaar", "DATE", "2024")),
        ("Nortland lehnte das Ergebnis der Wahl von 2024 ab.", "de", ("2024", "DATE", "2024")),
    ):
        rejections = [e for e in run(text, lang, [timex]).events if e.event == "REJECT"]
        assert rejections and all(e.date is None for e in rejections), text


def test_a_timex_after_the_act_noun_itself_still_dates_it_nl():
    # the trigger is the noun: "de aanval van dinsdag" dates the attack
    doc = run(
        "Sudland veroordeelde de aanval van dinsdag door Nortland.",
        "nl",
        [("dinsdag", "DATE", "2025-03-18")],
    )
    dated = [e for e in doc.events if e.date is not None]
    assert dated and all(e.date.value == "2025-03-18" for e in dated)


def test_a_noun_of_time_before_van_leaves_the_date_to_the_act_nl():
    doc = run(
        "Nortland heeft de sancties tegen Sudland met ingang van vandaag opgeschort.",
        "nl",
        [("vandaag", "DATE", "2025-03-19")],
    )
    dated = [e for e in doc.events if e.date is not None]
    assert dated and all(e.date.value == "2025-03-19" for e in dated)


def test_a_day_of_a_named_month_dates_the_act_without_a_publication_date():
    # without a publication date "6 December" is XXXX-12-06, as the annotators write it; the chronicle keeps it,
    # while an unanchored weekday (XXXX-WXX-2) stays out
    from kroniek.assemble import to_chronicle

    doc = make_doc(
        "Nortland attacked Sudland on 6 December. On Tuesday Sudland attacked Nortland.", "en", STATES, published=None
    )
    for text, value in (("6 December", "XXXX-12-06"), ("Tuesday", "XXXX-WXX-2")):
        start = doc.text.index(text)
        doc.timexes.append(TimexRecord(start, start + len(text), "DATE", value, "day", False, None))
    run_statements_and_events(doc)
    dates = {e.evidence.text[:16]: e.date.value if e.date else None for e in to_chronicle(doc).events}
    assert dates == {"Nortland attacke": "XXXX-12-06", "On Tuesday Sudla": None}
