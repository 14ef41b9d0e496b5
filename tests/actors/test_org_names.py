"""Organisations the knowledge base lacks, named as written (kroniek.actors.org_names and
Finders._single_org_word, round 8). Entities are set by hand on blank spaCy docs (tests/actors/test_entities.py);
the organisations and sentences are made up for these tests."""

from __future__ import annotations

from tests.actors.test_entities import names, with_entities


def test_org_name_holding_a_state_is_the_organisation(resolve) -> None:
    text = "The Bar Society of Kenya condemned the arrests."
    doc = resolve(text, lang="en", nlp=with_entities(text, "en", [("Bar Society of Kenya", "ORG")]))
    orgs = {r.name: r for r in doc.actors}
    assert "Bar Society of Kenya" in orgs
    assert orgs["Bar Society of Kenya"].country == "KEN"
    assert "Kenya" not in orgs  # the state inside the name is not a mention of its own


def test_org_name_holding_a_country_adjective(resolve) -> None:
    text = "De Finse Vereniging voor Vluchtelingenhulp protesteerde tegen het besluit."
    entity = "Finse Vereniging voor Vluchtelingenhulp"
    doc = resolve(text, nlp=with_entities(text, "nl", [(entity, "ORG")]))
    assert names(doc).get(entity) == "organization"


def test_known_body_inside_an_entity_keeps_its_name(resolve) -> None:
    text = "The U.S. State Department Office said it would respond."
    doc = resolve(text, lang="en", nlp=with_entities(text, "en", [("U.S. State Department Office", "ORG")]))
    assert "U.S. State Department Office" not in names(doc)


def test_entity_without_an_organisation_word_stays_out(resolve) -> None:
    text = "The Kenya Spring march went ahead."
    doc = resolve(text, lang="en", nlp=with_entities(text, "en", [("Kenya Spring", "ORG")]))
    assert "Kenya Spring" not in names(doc)


def test_single_word_org_entity_is_an_organisation(resolve) -> None:
    text = "Het bedrijf Zuiverplan bouwde de installatie. Zuiverplan ontkent elke fout."
    doc = resolve(text, nlp=with_entities(text, "nl", [("Zuiverplan", "ORG")]))
    assert names(doc) == {"Zuiverplan": "organization"}


def test_single_word_org_acronym_is_an_organisation(resolve) -> None:
    text = "The union KVTW called a strike."
    doc = resolve(text, lang="en", nlp=with_entities(text, "en", [("KVTW", "ORG")]))
    assert names(doc) == {"KVTW": "organization"}


def test_single_word_also_written_in_lower_case_is_no_organisation(resolve) -> None:
    text = "Harvest was late this year, and the harvest was small."
    doc = resolve(text, lang="en", nlp=with_entities(text, "en", [("Harvest", "ORG")]))
    assert "Harvest" not in names(doc)


def test_single_word_person_entity_is_not_made_an_organisation(resolve) -> None:
    text = "Yesterday Quellith arrived."
    doc = resolve(text, lang="en", nlp=with_entities(text, "en", [("Quellith", "PER")]))
    assert "Quellith" not in names(doc)
