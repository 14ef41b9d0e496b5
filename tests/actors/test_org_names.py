"""Organisations the knowledge base lacks, named as written (kroniek.actors.org_names and
round 8). Entities are set by hand on blank spaCy docs (tests/actors/test_entities.py);
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


def test_a_role_noun_after_a_sentence_opening_article_is_not_a_persons_name(resolve) -> None:
    # "Bruno le Maire" gives the alias "le maire"; "Le maire de Lyon" opening a sentence is a mayor
    doc = resolve("Le maire de Lyon a démissionné lundi.", lang="fr")
    assert all(r.kind != "person" or "Maire" not in r.name for r in doc.actors)
    doc = resolve("Lundi, Bruno Le Maire a démissionné. Le Maire a quitté Paris.", lang="fr")
    assert any(r.name == "Bruno le Maire" and len(r.mentions) == 2 for r in doc.actors)


def test_capitalised_words_after_a_country_adjective_ending_in_an_organisation_word(resolve) -> None:
    text = "Members of the ruling Latvian Unity Renewal Party walked out of the chamber."
    found = {r.name: r for r in resolve(text, lang="en").actors}
    assert found["Latvian Unity Renewal Party"].country == "LVA"
    assert found["Latvian Unity Renewal Party"].kind == "organization"


def test_no_organisation_phrase_without_a_word_of_its_own_or_in_a_headline(resolve) -> None:
    assert "Latvian Party" not in {r.name for r in resolve("The Latvian Party met.", lang="en").actors}
    headline = "Latvian Unity Renewal Party Wins Big In Riga Vote"
    assert "Latvian Unity Renewal Party" not in {r.name for r in resolve(headline, lang="en").actors}


def test_a_known_name_opening_the_entity_wins(resolve) -> None:
    # the knowledge base's company, not a new organisation named after its division
    text = "Philips Imaging Systems will build the plant, the company said."
    doc = resolve(text, lang="en", nlp=with_entities(text, "en", [("Philips Imaging Systems", "ORG")]))
    assert "Philips Imaging Systems" not in names(doc)
