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


# --- source -----------------------------------------------------------------------------------------


def test_the_actor_of_its_own_speech_act_is_not_its_source():
    doc = make_doc(
        "Nortland said it was ready to join the talks.",
        "en",
        {"Nortland": ["Nortland"]},
    )
    agree = only(run_events(doc), "AGREE")
    assert names(doc, agree.actor) == {"Nortland"}
    assert agree.source is None


def test_own_account_cue_makes_the_actor_its_source():
    doc = make_doc(
        "Der Präsident telefonierte nach eigenen Angaben mit Macron.",
        "de",
        {"Donald Trump": ["Der Präsident"], "Emmanuel Macron": ["Macron"]},
    )
    call = only(run_events(doc), "CONSULT")
    assert call.source is not None and doc.actors[call.source].name == "Donald Trump"
    assert "eigenen angaben" in call.explain["source"]


def test_german_source_postposition_and_compound():
    doc = make_doc(
        "Dem Kreml zufolge griff Südland die Stadt an.", "de", {"Russia": ["Kreml"], "Southland": ["Südland"]}
    )
    attack = only(run_events(doc), "ASSAULT")
    assert names(doc, attack.actor) == {"Southland"}
    assert attack.source is not None and doc.actors[attack.source].name == "Russia"
    doc = make_doc(
        "Nach Nordland-Angaben griff Südland erneut die Grenze an.",
        "de",
        {"Northland": ["Nordland"], "Southland": ["Südland"]},
    )
    attack = only(run_events(doc), "ASSAULT")
    assert attack.source is not None and doc.actors[attack.source].name == "Northland"


def test_source_preposition_a_few_words_before_the_source():
    doc = make_doc(
        "Nach Angaben der Armee von Nordland griff Südland die Grenze an.",
        "de",
        {"Northland": ["Armee von Nordland"], "Southland": ["Südland"]},
    )
    attack = only(run_events(doc), "ASSAULT")
    assert attack.source is not None and doc.actors[attack.source].name == "Northland"


def test_dutch_own_account_and_french_selon():
    nl = make_doc(
        "Oostland heeft naar eigen zeggen Westland aangevallen.",
        "nl",
        {"Eastland": ["Oostland"], "Westland": ["Westland"]},
    )
    event = only(run_events(nl), "ASSAULT")
    assert event.source is not None and nl.actors[event.source].name == "Eastland"
    fr = make_doc("Selon Moscou, l'Ukraine a attaqué Belgorod.", "fr", {"Russia": ["Moscou"], "Ukraine": ["l'Ukraine"]})
    attack = only(run_events(fr), "ASSAULT")
    assert attack.source is not None and fr.actors[attack.source].name == "Russia"


# --- date -------------------------------------------------------------------------------------------


LEADERS = {"Donald Trump": ["Trump"], "Vladimir Putin": ["Putin"]}


def test_running_anchor_dates_later_events_of_the_same_talks():
    doc = make_doc(
        "On Tuesday, Trump spoke with Putin by phone. The two leaders agreed to a ceasefire.",
        "en",
        LEADERS,
        timexes=[("Tuesday", "DATE", "2025-03-18")],
        published="2025-03-19",
        kinds=PERSONS,
    )
    assert only(run_events(doc), "AGREE").date is None  # off by default (config: carry_discourse)
    doc.events.clear()
    events = run_events(doc, carry_discourse=True)
    call = only(events, "CONSULT")
    assert call.date is not None and call.date.value == "2025-03-18"
    agree = only(events, "AGREE")
    assert agree.date is not None and agree.date.value == "2025-03-18"
    assert "running anchor" in agree.explain["date"]


def test_running_anchor_ends_with_a_shift_back():
    doc = make_doc(
        "On Tuesday, Trump spoke with Putin by phone. The two leaders had agreed to a ceasefire.",
        "en",
        LEADERS,
        timexes=[("Tuesday", "DATE", "2025-03-18")],
        published="2025-03-19",
        kinds=PERSONS,
    )
    assert only(run_events(doc, carry_discourse=True), "AGREE").date is None


def test_running_anchor_dates_only_the_parties_named_as_such():
    for text in (
        "On Tuesday, Trump spoke with Putin by phone. Trump condemned Putin.",
        "On Tuesday, Trump spoke with Putin by phone. Poland condemned Hungary.",
    ):
        doc = make_doc(
            text,
            "en",
            {**LEADERS, "Poland": ["Poland"], "Hungary": ["Hungary"]},
            timexes=[("Tuesday", "DATE", "2025-03-18")],
            published="2025-03-19",
            kinds=PERSONS,
        )
        assert only(run_events(doc, carry_discourse=True), "ACCUSE").date is None, text


def test_when_clause_takes_the_date_of_the_clause_it_modifies():
    doc = make_doc(
        "De crisis begon woensdag, toen Oostland Westland aanviel.",
        "nl",
        {"Eastland": ["Oostland"], "Westland": ["Westland"]},
        timexes=[("woensdag", "DATE", "2025-05-07")],
        published="2025-05-09",
    )
    attack = only(run_events(doc), "ASSAULT")
    assert attack.date is not None and attack.date.value == "2025-05-07"


def test_a_page_stamp_dates_no_event():
    doc = make_doc(
        "Published: 19 March 2025\nNortland condemned Sudland.",
        "en",
        {"Nortland": ["Nortland"], "Sudland": ["Sudland"]},
        timexes=[("19 March 2025", "DATE", "2025-03-19")],
        published="2025-03-19",
    )
    doc.timexes[0].stamp = True
    assert only(run_events(doc), "ACCUSE").date is None


def test_a_possessive_date_belongs_to_its_noun():
    doc = make_doc(
        "Nortland condemned Tuesday's attack on Sudland.",
        "en",
        {"Nortland": ["Nortland"], "Sudland": ["Sudland"]},
        timexes=[("Tuesday", "DATE", "2025-03-18")],
        published="2025-03-19",
    )
    assert only(run_events(doc), "ACCUSE").date is None


def test_a_modifiers_date_is_not_the_events():
    doc = make_doc(
        "Putin, re-elected on March 18, condemned Poland.",
        "en",
        {"Vladimir Putin": ["Putin"], "Poland": ["Poland"]},
        timexes=[("March 18", "DATE", "2025-03-18")],
        published="2025-03-19",
    )
    accuse = only(run_events(doc), "ACCUSE")
    assert accuse.date is None


# --- place ------------------------------------------------------------------------------------------


def test_the_meetings_place_carries_to_its_parties_later_acts():
    from kroniek.document import PlaceMention

    text = (
        "On Tuesday, Trump met with Putin in Riyadh. Trump praised the Saudi king. "
        "Oil prices rose sharply. Markets in Asia followed. The two leaders agreed to a ceasefire."
    )
    doc = make_doc(text, "en", LEADERS, kinds=PERSONS)
    at = text.index("Riyadh")
    doc.places.append(PlaceMention(at, at + 6, "Riyadh", "SAU", 108410, 24.7, 46.7, "city", locative=True))
    events = run_events(doc, carry_discourse=True)
    meeting = only(events, "CONSULT")
    assert meeting.location is not None and meeting.location.name == "Riyadh"
    agree = only(events, "AGREE")
    assert agree.location is not None and agree.location.name == "Riyadh"
    assert agree.explain["location"].startswith("running place")


# --- modality ---------------------------------------------------------------------------------------


def test_reported_future_is_planned():
    doc = make_doc(
        "Nortland said it would send aid to Sudland.",
        "en",
        {"Nortland": ["Nortland"], "Sudland": ["Sudland"]},
    )
    aid = only(run_events(doc), "AID")
    assert aid.modality == "planned"
    assert "reported future" in aid.explain["modality"]


def test_a_condition_keeps_would_hypothetical():
    doc = make_doc(
        "Nortland said it would send aid to Sudland if the border opened.",
        "en",
        {"Nortland": ["Nortland"], "Sudland": ["Sudland"]},
    )
    assert only(run_events(doc), "AID").modality == "hypothetical"


def test_a_later_verbs_modal_does_not_leak_into_an_earlier_act():
    doc = make_doc(
        "Nortland condemned Sudland and said it would review its options.",
        "en",
        {"Nortland": ["Nortland"], "Sudland": ["Sudland"]},
    )
    assert only(run_events(doc), "ACCUSE").modality == "asserted"
