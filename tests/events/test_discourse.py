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
