"""First-level subdivisions (ISO 3166-2, data/regions.tsv.gz) in the places stage, on sentences written
for these tests."""

from __future__ import annotations

from kroniek.document import ArticleDoc, PlaceMention
from kroniek.places.gazetteer import load_gazetteer
from kroniek.places.stage import make_places_stage

STAGE = make_places_stage(subdivisions=True)


def places(doc: ArticleDoc) -> dict[str, PlaceMention]:
    STAGE(doc)
    return {doc.text[p.start : p.end]: p for p in doc.places}


def test_a_state_whose_country_the_article_names(make_doc) -> None:
    found = places(make_doc("India sent more troops after the floods in Kerala last week.", "en"))
    kerala = found["Kerala"]
    assert (kerala.name, kerala.country, kerala.feature) == ("Kerala", "IND", "region")
    assert kerala.geonames_id is None and kerala.locative


def test_a_region_shared_by_two_countries_follows_the_article(make_doc) -> None:
    pakistan = places(make_doc("Pakistan said the attack near Punjab was planned abroad.", "en"))
    assert pakistan["Punjab"].country == "PAK"
    india = places(make_doc("The Indian government said farmers in Punjab would be paid.", "en"))
    assert india["Punjab"].country == "IND"
    neither = places(make_doc("The farmers in Punjab protested again on Tuesday.", "en"))
    assert "Punjab" not in neither


def test_a_region_needs_its_country_or_a_locative_word(make_doc) -> None:
    assert "Kerala" not in places(make_doc("Kerala announced new rules for fishermen.", "en"))
    assert places(make_doc("Fishermen protested in Kerala on Monday.", "en"))["Kerala"].country == "IND"


def test_translated_names(make_doc) -> None:
    found = places(make_doc("Italië stuurt soldaten naar Piëmont na de overstromingen.", "nl"))
    assert (found["Piëmont"].name, found["Piëmont"].country) == ("Piemonte", "ITA")
    assert places(make_doc("L'Italie envoie des soldats au Piémont.", "fr"))["Piémont"].country == "ITA"
    assert [p.country for p in load_gazetteer().lookup("provincie donetsk")] == ["UKR"]


def test_a_city_keeps_its_name_over_a_region(make_doc) -> None:
    found = places(make_doc("Ukraine reported shelling in Donetsk on Sunday.", "en"))
    assert found["Donetsk"].feature == "city"


def test_a_region_written_in_lower_case_elsewhere_is_a_common_word(make_doc) -> None:
    named = "Benin sent doctors to Mono after the floods."
    assert places(make_doc(named, "en"))["Mono"].country == "BEN"
    also_a_word = named + " The radio played the speech in mono."
    assert "Mono" not in places(make_doc(also_a_word, "en"))


def test_a_region_in_quotation_marks_is_a_ship(make_doc) -> None:
    text = "Deutschland schickt die Fregatte „Hessen“ ins Rote Meer. Soldaten aus Hessen fahren mit."
    doc = STAGE(make_doc(text, "de"))
    found = [p.start for p in doc.places if p.name == "Hessen"]
    assert found == [text.rindex("Hessen")]


def test_a_demonym_is_not_a_region(make_doc) -> None:
    found = places(make_doc("Ethiopia said Somali fighters crossed into Tigray.", "en"))
    assert "Somali" not in found


def test_subdivisions_are_off_by_default(make_doc) -> None:
    doc = make_places_stage()(make_doc("India sent more troops after the floods in Kerala last week.", "en"))
    assert [p.name for p in doc.places] == ["India"]
