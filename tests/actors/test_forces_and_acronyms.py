"""A state's forces after its possessive, coordinated forces, and acronyms an article defines (issue 13,
round 9). Sentences written for these tests."""

from __future__ import annotations

import pytest
from tests.actors.test_entities import with_entities

from kroniek.actors.acronyms import spells
from kroniek.document import ArticleDoc


def named(doc: ArticleDoc) -> dict[str, tuple[str, str | None, str]]:
    """surface text of each mention -> (actor name, country, kind)"""
    return {doc.text[m.start : m.end]: (a.name, a.country, a.kind) for m, a in doc.mentions()}


def test_possessive_state_before_its_armed_forces(resolve) -> None:
    found = named(resolve("Sudan's armed forces denied that they had bombed the market.", lang="en"))
    assert found["Sudan's armed forces"] == ("Sudanese Armed Forces", "SDN", "organization")
    found = named(resolve("On Monday South Korea's military said the launch had failed.", lang="en"))
    assert found["South Korea's military"][1:] == ("KOR", "organization")


def test_possessive_state_before_its_army_is_the_army(resolve) -> None:
    # an army noun names the army where [national_army] has one, as after an adjective
    found = named(resolve("Nepal's army imposed a curfew on the capital.", lang="en"))
    assert found["Nepal's army"] == ("Nepali Army", "NPL", "organization")


def test_forces_as_a_modifier_stay_the_state(resolve) -> None:
    text = "Mali's military government expelled the envoy."
    pos = {"military": "ADJ", "government": "NOUN", "expelled": "VERB", "envoy": "NOUN"}
    found = named(resolve(text, lang="en", nlp=with_entities(text, "en", [], pos)))
    assert "Mali's military" not in found
    assert ("Mali", "MLI", "state") in found.values()


def test_possessive_before_other_nouns_is_unchanged(resolve) -> None:
    found = named(resolve("Kenya's farmers blocked the road.", lang="en"))
    assert not any(kind == "organization" for _name, _country, kind in found.values())


def test_coordinated_adjectives_before_forces_name_both_forces(resolve) -> None:
    found = named(resolve("Thai and Cambodian troops exchanged fire near the temple.", lang="en"))
    assert found["Thai"][1:] == ("THA", "organization")
    assert found["Cambodian troops"][1:] == ("KHM", "organization")
    found = named(resolve("Indische und pakistanische Truppen lieferten sich einen Schusswechsel.", lang="de"))
    assert found["Indische"][1:] == ("IND", "organization")


def test_coordinated_adjectives_before_other_groups_keep_the_first_state(resolve) -> None:
    found = named(resolve("Ukrainian and Russian delegations met in Geneva.", lang="en"))
    assert found["Ukrainian"] == ("Ukraine", "UKR", "state")


@pytest.mark.parametrize(
    ("acronym", "name", "expected"),
    [
        ("NEOC", "the National Emergency Operation Centre", True),
        ("FSR", "Forces de soutien rapide", True),
        ("OPCW", "Organisation for the Prohibition of Chemical Weapons", True),
        ("KVB", "Koninklijke Vlaamse Bond", True),
        ("UN", "the National Emergency Operation Centre", False),
        ("NEO", "the National Emergency Operation Centre", False),  # a capitalised word left out
        ("US", "Unity", False),
    ],
)
def test_an_acronym_spells_the_words_of_a_name(acronym: str, name: str, expected: bool) -> None:
    assert spells(acronym, name) is expected


@pytest.mark.parametrize(
    ("lang", "text", "entity", "acronym"),
    [
        (
            "en",
            "The Northern Harbour Workers Federation (NHWF) rejected the offer. Later NHWF blocked the port.",
            "Northern Harbour Workers Federation",
            "NHWF",
        ),
        (
            "nl",
            "De Noordelijke Havenarbeiders Bond (NHB) wees het bod af. Daarna blokkeerde NHB de haven.",
            "Noordelijke Havenarbeiders Bond",
            "NHB",
        ),
        (
            "fr",
            "La Fédération des dockers du Nord (FDN) a rejeté l'offre. Ensuite la FDN a bloqué le port.",
            "Fédération des dockers du Nord",
            "FDN",
        ),
        (
            "de",
            "Der Verband Nördlicher Hafenarbeiter (VNH) lehnte das Angebot ab. Danach blockierte der VNH den Hafen.",
            "Verband Nördlicher Hafenarbeiter",
            "VNH",
        ),
    ],
)
def test_a_defined_acronym_is_the_organisation_later(resolve, lang: str, text: str, entity: str, acronym: str) -> None:
    doc = resolve(text, lang=lang, nlp=with_entities(text, lang, [(entity, "ORG")]))
    found = named(doc)
    full = next(value for surface, value in found.items() if entity in surface)
    assert full[2] == "organization"
    assert found[acronym] == full


def test_an_acronym_that_does_not_spell_the_name_is_not_read(resolve) -> None:
    text = "The Northern Harbour Workers Federation (XYZ) rejected the offer. Later XYZ blocked the port."
    doc = resolve(text, lang="en", nlp=with_entities(text, "en", [("Northern Harbour Workers Federation", "ORG")]))
    assert "XYZ" not in named(doc)
