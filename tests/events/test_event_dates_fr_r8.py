"""French event dates, round 8 (issue 14): a timex after "depuis" or "dès" bounds a state or a plan, and a
timex in a relative clause set off by commas dates the relative clause's verb, not the act outside it.
Every sentence here is written for these tests."""

from events_support import make_doc, run_statements_and_events

from kroniek.document import ArticleDoc

STATES = {"Nortland": ["Nortland"], "Sudland": ["Sudland"]}
PUBLISHED = "2025-03-19"


def run(text: str, timexes: list[tuple[str, str, str]]) -> ArticleDoc:
    doc = make_doc(text, "fr", STATES, timexes=timexes, published=PUBLISHED)
    return run_statements_and_events(doc)


def test_a_timex_after_depuis_dates_no_act():
    doc = run("Nortland a accusé Sudland de bloquer la frontière depuis 2023.", [("2023", "DATE", "2023")])
    accusations = [e for e in doc.events if e.event == "ACCUSE"]
    assert accusations and all(e.date is None for e in accusations)


def test_a_timex_after_des_dates_no_act():
    doc = run(
        "Nortland a promis à Sudland de rouvrir la frontière dès l'an prochain.",
        [("l'an prochain", "DATE", "2026")],
    )
    promises = [e for e in doc.events if e.event == "AGREE"]
    assert promises and all(e.date is None for e in promises)


def test_a_timex_in_a_relative_clause_dates_its_own_verb():
    doc = run(
        "Nortland, qui avait fermé sa frontière le 2 mars, a accusé Sudland de soutenir les rebelles.",
        [("le 2 mars", "DATE", "2025-03-02")],
    )
    accusations = [e for e in doc.events if e.event == "ACCUSE"]
    assert accusations and all(e.date is None for e in accusations)


def test_a_timex_of_the_act_after_a_relative_clause_still_dates_it():
    doc = run(
        "Nortland, qui avait fermé sa frontière, a accusé mardi Sudland de soutenir les rebelles.",
        [("mardi", "DATE", "2025-03-18")],
    )
    accusations = [e for e in doc.events if e.event == "ACCUSE"]
    assert accusations and all(e.date is not None and e.date.value == "2025-03-18" for e in accusations)


def test_a_timex_in_the_relative_clause_that_holds_the_act_dates_it():
    doc = run(
        "Le gouvernement a salué la décision de Nortland, qui a accusé mardi Sudland de soutenir les rebelles.",
        [("mardi", "DATE", "2025-03-18")],
    )
    accusations = [e for e in doc.events if e.event == "ACCUSE"]
    assert accusations and all(e.date is not None and e.date.value == "2025-03-18" for e in accusations)


def test_a_relative_clause_of_the_sentence_before_leaves_a_fronted_timex_alone():
    doc = run(
        "Le ministre, qui avait fermé sa frontière, a parlé. Mardi, Nortland a accusé Sudland de soutenir les rebelles.",
        [("Mardi", "DATE", "2025-03-18")],
    )
    accusations = [e for e in doc.events if e.event == "ACCUSE"]
    assert accusations and all(e.date is not None and e.date.value == "2025-03-18" for e in accusations)
