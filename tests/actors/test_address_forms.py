"""Persons named by a surname after a form of address ("de heer Testlaan", "Mr. Fenwright", "Herrn Obermaier")
and given names with a run of particles ("Jan van der Testlaan"): issues 13/14, round 8 (roles8). Sentences
written for these tests."""

from __future__ import annotations

from kroniek.document import ArticleDoc


def persons(doc: ArticleDoc) -> dict[str, str]:
    """surface text of each person mention -> the person's name"""
    return {doc.text[m.start : m.end]: a.name for m, a in doc.mentions() if a.kind == "person"}


def test_surname_after_a_form_of_address_is_a_person(resolve) -> None:
    found = persons(resolve("De heer Fenwright antwoordde dat de wet blijft.", lang="nl"))
    assert found == {"heer Fenwright": "Fenwright"}
    found = persons(resolve("Mr. Fenwright said the bill would stay.", lang="en"))
    assert found == {"Mr. Fenwright": "Fenwright"}
    found = persons(resolve("Gestern sprach Herrn Obermaier niemand an.", lang="de"))
    assert found == {"Herrn Obermaier": "Obermaier"}
    found = persons(resolve("Mme Vautrinel a refusé le texte.", lang="fr"))
    assert found == {"Mme Vautrinel": "Vautrinel"}


def test_address_form_re_mention_is_the_person_named_before(resolve) -> None:
    text = "Gisteren sprak Jan van der Testlaan met de burgemeester. Den heer Van der Testlaan zei dat het klaar is."
    found = persons(resolve(text, lang="nl"))
    assert found["Jan van der Testlaan"] == "Jan van der Testlaan"
    assert found["heer Van der Testlaan"] == "Jan van der Testlaan"


def test_given_name_with_particles_is_one_person(resolve) -> None:
    found = persons(resolve("Volgens Pieter de Vriesendorp is het akkoord klaar.", lang="nl"))
    assert found == {"Pieter de Vriesendorp": "Pieter de Vriesendorp"}


def test_lower_case_mr_and_a_missing_surname_are_no_person(resolve) -> None:
    assert persons(resolve("The mr Fenwright case is closed.", lang="en")) == {}
    assert persons(resolve("The final count Sunday showed a tie.", lang="en")) == {}
    assert persons(resolve("Die Polizei war Herr der Lage.", lang="de")) == {}
    assert persons(resolve("De heer van het huis sprak.", lang="nl")) == {}


def test_given_name_after_a_form_of_address_keeps_the_full_name(resolve) -> None:
    found = persons(resolve("Mr. John Fenwright said the bill would stay.", lang="en"))
    assert list(found.values()) == ["John Fenwright"]


def test_titles_of_nobility_and_the_church_before_a_surname(resolve) -> None:
    found = persons(resolve("Te Rome ontving de kardinaal Fenwright den gezant.", lang="nl"))
    assert found == {"kardinaal Fenwright": "Fenwright"}
    found = persons(resolve("Le comte de Vautrinel a quitté Turin.", lang="fr"))
    assert found == {"comte de Vautrinel": "de Vautrinel"}
