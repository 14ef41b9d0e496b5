"""An event's date read beyond its own words (issue 14): the date of the report of an act that has none
of its own, and the timexes of coordinated acts, which date only their own act unless fronted. Every
sentence here is written for these tests."""

from events_support import make_doc, only, run_statements_and_events

from kroniek.document import ArticleDoc

STATES = {
    "Nortland": ["Nortland"],
    "Sudland": ["Sudland"],
    "Ostrava Council": ["the Council", "The Council", "der Rat", "Der Rat", "de Raad", "De Raad", "le Conseil"],
}
PUBLISHED = "2025-03-21"


def run(text: str, lang: str, timexes: list[tuple[str, str, str]]) -> ArticleDoc:
    doc = make_doc(text, lang, STATES, timexes=timexes, published=PUBLISHED)
    return run_statements_and_events(doc)


# --- the date of the report -------------------------------------------------------------------------


def test_a_reported_act_takes_the_date_of_its_report_en():
    doc = run("The Council said on Wednesday that Nortland had agreed to a ceasefire with Sudland.", "en", [])
    # "had agreed": a tense shift back, the act is before its report
    assert only(doc.events, "AGREE").date is None
    doc = run(
        "The Council said on Wednesday that Nortland rejected the proposal of Sudland.",
        "en",
        [("Wednesday", "DATE", "2025-03-19")],
    )
    reject = only(doc.events, "REJECT")
    assert reject.date is not None and reject.date.value == "2025-03-19"
    assert "report" in reject.explain["date"]


def test_a_report_in_the_next_sentence_dates_the_act_nl():
    doc = run(
        "Nortland en Sudland hebben een akkoord gesloten over een wapenstilstand. "
        "Dat maakte de Raad woensdagavond bekend.",
        "nl",
        [("woensdagavond", "TIME", "2025-03-19TEV")],
    )
    agree = only(doc.events, "AGREE")
    assert agree.date is not None and agree.date.value == "2025-03-19"  # by its day, as a clause's own date


def test_a_report_dates_no_planned_act_de():
    doc = run(
        "Der Rat teilte am Mittwoch mit, Nortland werde Sudland angreifen.",
        "de",
        [("am Mittwoch", "DATE", "2025-03-19")],
    )
    for event in doc.events:
        if event.modality == "planned":
            assert event.date is None, event.explain


def test_an_act_with_its_own_date_keeps_it_fr():
    doc = run(
        "Le Conseil a déclaré mercredi que Nortland avait attaqué Sudland lundi.",
        "fr",
        [("mercredi", "DATE", "2025-03-19"), ("lundi", "DATE", "2025-03-17")],
    )
    attack = only(doc.events, "ASSAULT")
    assert attack.date is not None and attack.date.value == "2025-03-17"


# --- coordinated acts -------------------------------------------------------------------------------


def test_a_date_after_the_first_acts_verb_is_that_acts_only_en():
    doc = run(
        "Nortland expelled the ambassador of Sudland last week and accused Sudland of espionage.",
        "en",
        [("last week", "DATE", "2025-W11")],
    )
    expel = only(doc.events, "SANCTION")
    assert expel.date is not None and expel.date.value == "2025-W11"
    assert only(doc.events, "ACCUSE").date is None


def test_a_fronted_date_dates_every_coordinated_act_en():
    doc = run(
        "Last week Nortland expelled the ambassador of Sudland and accused Sudland of espionage.",
        "en",
        [("Last week", "DATE", "2025-W11")],
    )
    for kind in ("SANCTION", "ACCUSE"):
        event = only(doc.events, kind)
        assert event.date is not None and event.date.value == "2025-W11", kind


def test_a_later_acts_own_date_is_not_the_first_acts_nl():
    doc = run(
        "Nortland veroordeelde de aanval op Sudland en eiste vrijdag een onderzoek.",
        "nl",
        [("vrijdag", "DATE", "2025-03-21")],
    )
    assert only(doc.events, "ACCUSE").date is None
    demand = only(doc.events, "REQUEST")
    assert demand.date is not None and demand.date.value == "2025-03-21"


def test_coordinated_acts_de_fr():
    doc = run(
        "Nortland verurteilte am Dienstag den Angriff und forderte von Sudland eine Untersuchung.",
        "de",
        [("am Dienstag", "DATE", "2025-03-18")],
    )
    accuse = only(doc.events, "ACCUSE")
    assert accuse.date is not None and accuse.date.value == "2025-03-18"
    assert only(doc.events, "REQUEST").date is None
    doc = run(
        "Nortland a condamné mardi l'attaque et a exigé de Sudland une enquête.",
        "fr",
        [("mardi", "DATE", "2025-03-18")],
    )
    accuse = only(doc.events, "ACCUSE")
    assert accuse.date is not None and accuse.date.value == "2025-03-18"
    assert only(doc.events, "REQUEST").date is None


# --- a participle adjoined to a dated act -----------------------------------------------------------


def test_a_participle_after_the_dated_verb_is_not_dated_en():
    doc = run(
        "Nortland on Tuesday expelled the ambassador of Sudland, accusing Sudland of espionage.",
        "en",
        [("Tuesday", "DATE", "2025-03-18")],
    )
    expel = only(doc.events, "SANCTION")
    assert expel.date is not None and expel.date.value == "2025-03-18"
    assert only(doc.events, "ACCUSE").date is None


def test_a_fronted_date_dates_the_participle_too_en():
    doc = run(
        "On Tuesday, Nortland expelled the ambassador of Sudland, accusing Sudland of espionage.",
        "en",
        [("On Tuesday", "DATE", "2025-03-18")],
    )
    for kind in ("SANCTION", "ACCUSE"):
        event = only(doc.events, kind)
        assert event.date is not None and event.date.value == "2025-03-18", kind


# --- part of a day ----------------------------------------------------------------------------------


def test_a_part_of_the_day_dates_the_event_by_its_day_but_a_clock_time_stays_fr_nl():
    doc = run(
        "Nortland a attaqué Sudland jeudi soir.",
        "fr",
        [("jeudi soir", "DATE", "2025-03-20TEV")],
    )
    attack = only(doc.events, "ASSAULT")
    assert attack.date is not None and attack.date.value == "2025-03-20"
    doc = run(
        "11.25 uur - Nortland heeft Sudland aangevallen.",
        "nl",
        [("11.25 uur", "TIME", "2025-03-21T11:25")],
    )
    attack = only(doc.events, "ASSAULT")
    assert attack.date is not None and attack.date.value == "2025-03-21T11:25"


def _weekday_evening(doc: ArticleDoc, past: str, future: str) -> None:
    """Give the doc's one timex both readings of a bare weekday with a part of the day, as the time
    stage records them, the forward one chosen."""
    (timex,) = doc.timexes
    timex.value, timex.direction, timex.readings = future, "future", {"past": past, "future": future}


def test_a_weekday_with_a_part_of_the_day_read_again_is_dated_by_its_day_en():
    for text, want in (
        ("Nortland attacked Sudland on Wednesday evening.", "2025-03-19"),
        ("Nortland will attack Sudland on Wednesday evening.", "2025-03-26"),
    ):
        doc = make_doc(
            text, "en", STATES, timexes=[("Wednesday evening", "TIME", "2025-03-26TEV")], published=PUBLISHED
        )
        _weekday_evening(doc, "2025-03-19TEV", "2025-03-26TEV")
        run_statements_and_events(doc)
        attack = only(doc.events, "ASSAULT")
        assert attack.date is not None and attack.date.value == want, text


# --- a date in a clause that modifies a noun ----------------------------------------------------------


def test_a_date_of_a_relative_clause_with_a_light_verb_dates_another_act_en():
    # "began" is a light verb, but of the drills' clause, not of the warning
    doc = run(
        "Nortland said the launch was a warning to Sudland against military drills that began on Monday.",
        "en",
        [("on Monday", "DATE", "2025-03-17")],
    )
    assert only(doc.events, "THREATEN").date is None
    # the light verb the trigger itself hangs on keeps the date
    doc = run("Nortland began talks with Sudland on Monday.", "en", [("on Monday", "DATE", "2025-03-17")])
    talks = only(doc.events, "CONSULT")
    assert talks.date is not None and talks.date.value == "2025-03-17"


def test_a_date_under_a_controlled_verb_of_a_relative_clause_en():
    # "in 2019" hangs on "scrap", which "threatened" controls in the clause on the pact
    doc = run(
        "Nortland signed a trade pact with Sudland that it had threatened to scrap in 2019.",
        "en",
        [("2019", "DATE", "2019")],
    )
    assert only(doc.events, "COOPERATE").date is None
    threat = only(doc.events, "THREATEN")
    assert threat.date is not None and threat.date.value == "2019"


def test_a_light_verb_that_modifies_the_trigger_noun_is_its_own():
    # a parse written by hand: "protests" heads the sentence and "began" modifies it (acl), as parsers read
    # a headline-like "The protests began on Monday over prices"
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from kroniek.events.when import _another_verbs_date

    words = ["The", "protests", "began", "on", "Monday", "over", "prices"]
    heads = [1, 1, 1, 4, 2, 6, 2]
    deps = ["det", "ROOT", "acl", "case", "obl", "case", "obl"]
    pos = ["DET", "NOUN", "VERB", "ADP", "PROPN", "ADP", "NOUN"]
    parsed = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    assert not _another_verbs_date(parsed, 1, 4, frozenset({"began"}))
    # the same verb modifying another noun dates that noun's act, not the trigger's
    words = ["a", "warning", "against", "drills", "that", "began", "on", "Monday"]
    heads = [1, 1, 3, 1, 5, 3, 7, 5]
    deps = ["det", "ROOT", "case", "nmod", "nsubj", "acl:relcl", "case", "obl"]
    pos = ["DET", "NOUN", "ADP", "NOUN", "PRON", "VERB", "ADP", "PROPN"]
    parsed = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    assert _another_verbs_date(parsed, 1, 7, frozenset({"began"}))


def test_a_timex_glued_to_a_word_by_a_hyphen_is_part_of_a_name_fr_en():
    doc = run(
        "Nortland a attaqué Sudland, a annoncé Jean-Noël Durand.",
        "fr",
        [("Noël", "DATE", "2025-12-25")],
    )
    assert only(doc.events, "ASSAULT").date is None
    doc = run("Nortland attacked Sudland on Noël.", "en", [("Noël", "DATE", "2025-12-25")])
    attack = only(doc.events, "ASSAULT")
    assert attack.date is not None and attack.date.value == "2025-12-25"  # the same word, standing free
