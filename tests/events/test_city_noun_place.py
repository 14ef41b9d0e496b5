"""A capital after a noun for a city is the event's place even where the actors stage reads the state in
it ("in de Zuid-Afrikaanse hoofdstad Pretoria"). Every sentence here is written for these tests."""

from events_support import make_doc, only

from kroniek.events.stage import EventsStage
from kroniek.places.stage import make_places_stage


def place_of(
    text: str, lang: str, actors: dict[str, list[str]], kind: str, timexes: list[tuple[str, str, str]] | None = None
) -> str | None:
    doc = make_doc(text, lang, actors, timexes=timexes, published="2025-03-21")
    make_places_stage()(doc)
    EventsStage()(doc)
    location = only(doc.events, kind).location
    return location.name if location is not None else None


def test_the_capital_named_after_a_city_noun_is_the_place_nl_en():
    actors = {"Nortland": ["Nortland"], "Sudland": ["Sudland"], "South Africa": ["Zuid-Afrikaanse"]}
    text = "Nortland en Sudland hebben woensdag in de Zuid-Afrikaanse hoofdstad Pretoria een akkoord getekend."
    assert place_of(text, "nl", actors, "AGREE") == "Pretoria"
    actors = {"Nortland": ["Nortland"], "Sudland": ["Sudland"], "Qatar": ["Qatari", "Doha"]}
    text = "Nortland attacked Sudland in the Qatari capital Doha on Monday."
    assert place_of(text, "en", actors, "ASSAULT") == "Doha"


def test_a_capital_for_its_government_is_no_place_en():
    actors = {"Nortland": ["Nortland"], "Qatar": ["Doha"]}
    assert place_of("Doha accused Nortland of espionage on Monday.", "en", actors, "ACCUSE") is None


def test_the_place_of_a_promise_before_its_complement_en_fr():
    actors = {"Nortland": ["Nortland"], "Sudland": ["Sudland"]}
    text = "Nortland promised Sudland on Monday in Geneva to withdraw its troops."
    assert place_of(text, "en", actors, "AGREE", [("on Monday", "DATE", "2025-03-17")]) == "Geneva"
    text = "Nortland s'est engagé lundi à Genève à retirer ses troupes de Sudland."
    assert place_of(text, "fr", actors, "AGREE", [("lundi", "DATE", "2025-03-17")]) == "Geneva"
    # the proposition's place is not where the demand was made
    assert place_of("Nortland demanded a ceasefire in Geneva from Sudland.", "en", actors, "REQUEST") is None
    # a place that hangs on the addressee names where the addressee is, not where the demand was made
    text = "Nortland urged the authorities in Geneva to release the prisoners of Sudland."
    assert place_of(text, "en", actors, "REQUEST") is None


def test_the_capital_beside_its_city_noun_is_the_place_of_a_signing_nl():
    """Round 7: "ondertekenden maandag in de Togolese hoofdstad Lomé een akkoord": the parse hangs the name on
    "hoofdstad", and "hoofdstad" on the verb; the agreement was signed there, though the object follows."""
    actors = {"Nortland": ["Nortland"], "Sudland": ["Sudland"]}
    text = "Nortland en Sudland ondertekenden maandag in de Togolese hoofdstad Lomé een akkoord."
    assert place_of(text, "nl", actors, "AGREE", [("maandag", "DATE", "2025-03-17")]) == "Lomé"


def test_a_city_read_as_a_state_is_the_place_after_in_even_on_a_noun_en():
    """Round 7: "in central Lima" hangs on "building", yet the city is where it happened, though the actors
    stage read "Lima" as the state; a country on a noun stays a topic ("the situation in Nortland")."""
    actors = {"Nortland": ["Nortland"], "Sudland": ["Sudland", "Lima"]}
    text = "Nortland police attacked Sudland protesters outside the parliament building in central Lima."
    assert place_of(text, "en", actors, "ASSAULT") == "Lima"
