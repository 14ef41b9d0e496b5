"""Event fields read from the whole article (issue 14): participants, date, place, source and modality rules,
each with sentences written for it."""

from events_support import make_doc, names, only, run_events

PERSONS = {
    "Joe Biden": "person",
    "Friedrich Merz": "person",
    "Vladimir Putin": "person",
    "Donald Trump": "person",
}


# --- participants ----------------------------------------------------------------------------------


def test_state_in_a_compound_title_is_the_persons_affiliation_not_a_second_actor():
    doc = make_doc(
        "US-Präsident Biden dankte Polen für die Hilfe.",
        "de",
        {"United States": ["US"], "Joe Biden": ["Biden"], "Poland": ["Polen"]},
        kinds=PERSONS,
    )
    support = only(run_events(doc), "SUPPORT")
    assert names(doc, support.actor) == {"Joe Biden"}
    assert names(doc, support.recipient) == {"Poland"}


def test_state_before_a_titled_person_is_the_affiliation():
    doc = make_doc(
        "US President Joe Biden thanked Poland for its help.",
        "en",
        {"United States": ["US"], "Joe Biden": ["President Joe Biden"], "Poland": ["Poland"]},
        kinds=PERSONS,
        roles={"President Joe Biden": "President"},
    )
    support = only(run_events(doc), "SUPPORT")
    assert names(doc, support.actor) == {"Joe Biden"}


def test_state_and_untitled_person_side_by_side_stay_two_participants():
    doc = make_doc(
        "Poland and Biden condemned the attack on Kyiv.",
        "en",
        {"Poland": ["Poland"], "Joe Biden": ["Biden"]},
        kinds=PERSONS,
    )
    accuse = only(run_events(doc), "ACCUSE")
    assert names(doc, accuse.actor) == {"Poland", "Joe Biden"}
