"""NER entities from the nlp layer become actors only when they look like one (kroniek.actors.finders).

The spaCy docs here are blank pipelines with entities set by hand, so the tests do not depend on a trained
model; every sentence is written for these tests."""

from __future__ import annotations

import spacy

from kroniek.document import ArticleDoc


def with_entities(text: str, lang: str, spans: list[tuple[str, str]], pos: dict[str, str] | None = None):
    """A blank spaCy doc over ``text`` with the given (surface, label) entities and optional POS tags."""
    sdoc = spacy.blank(lang)(text)
    ents = []
    for surface, label in spans:
        start = text.index(surface)
        span = sdoc.char_span(start, start + len(surface), label=label)
        assert span is not None, surface
        ents.append(span)
    sdoc.ents = ents
    for tok in sdoc:
        if pos is not None:
            tok.pos_ = pos.get(tok.text, "PROPN" if tok.text[:1].isupper() else "NOUN")
    return sdoc


def names(doc: ArticleDoc) -> dict[str, str]:
    return {r.name: r.kind for r in doc.actors}


def test_two_word_person_name_is_an_actor(resolve) -> None:
    text = "Gisteren sprak Travik Olunde met de pers."
    doc = resolve(text, nlp=with_entities(text, "nl", [("Travik Olunde", "PER")]))
    assert names(doc) == {"Travik Olunde": "person"}


def test_single_word_person_needs_a_title_or_role(resolve) -> None:
    text = "Adviser Morvanek spoke, and Quellith agreed."
    doc = resolve(text, lang="en", nlp=with_entities(text, "en", [("Morvanek", "PER"), ("Quellith", "PER")]))
    assert "Morvanek" in names(doc)
    assert "Quellith" not in names(doc)


def test_title_and_suffix_alone_are_not_persons(resolve) -> None:
    text = "The Adviser said that Jr. was not there."
    doc = resolve(text, lang="en", nlp=with_entities(text, "en", [("Adviser", "PER"), ("Jr.", "PER")]))
    assert doc.actors == []


def test_leading_title_is_stripped_from_a_person_entity(resolve) -> None:
    text = "Yesterday Mr. Tolvane Brisk arrived."
    doc = resolve(text, lang="en", nlp=with_entities(text, "en", [("Mr. Tolvane Brisk", "PER")]))
    assert names(doc) == {"Tolvane Brisk": "person"}


def test_demonym_is_not_a_person(resolve) -> None:
    text = "The Cypriot delegation left early."
    doc = resolve(text, lang="en", nlp=with_entities(text, "en", [("Cypriot", "PER")]))
    assert all(r.kind != "person" for r in doc.actors)


def test_common_noun_pair_is_not_a_person(resolve) -> None:
    # "plan" also occurs in lower case, so "Response Plan" is a phrase, not a name
    text = "The Response Plan was adopted. The plan costs money."
    doc = resolve(text, lang="en", nlp=with_entities(text, "en", [("Response Plan", "PER")]))
    assert doc.actors == []


def test_non_proper_noun_tags_reject_a_person_entity(resolve) -> None:
    text = "The Security Review ended."
    sdoc = with_entities(text, "en", [("Security Review", "PER")], pos={"Security": "NOUN", "Review": "NOUN"})
    assert resolve(text, lang="en", nlp=sdoc).actors == []


def test_org_needs_a_head_word(resolve) -> None:
    text = "Het ministerie van Buitenlandse Zaken en de Grovan Partij reageerden."
    sdoc = with_entities(text, "nl", [("Buitenlandse Zaken", "ORG"), ("Grovan Partij", "ORG")])
    doc = resolve(text, nlp=sdoc)
    assert "Buitenlandse Zaken" not in names(doc)
    assert names(doc).get("Grovan Partij") == "organization"


def test_org_headline_in_capitals_and_unknown_acronym_are_not_actors(resolve) -> None:
    text = "KLIMAAT EN ENERGIE\n\nDe QZRT besprak het plan."
    sdoc = with_entities(text, "nl", [("KLIMAAT EN ENERGIE", "ORG"), ("QZRT", "ORG")])
    assert resolve(text, nlp=sdoc).actors == []


def test_single_org_name_in_quotes_is_an_actor(resolve) -> None:
    text = 'He spoke to the "Brindle" channel on Sunday.'
    doc = resolve(text, lang="en", nlp=with_entities(text, "en", [("Brindle", "ORG")]))
    assert names(doc) == {"Brindle": "organization"}


def test_person_entity_with_organisation_head_is_an_organisation(resolve) -> None:
    text = "The Velmar Brigade attacked the town."
    doc = resolve(text, lang="en", nlp=with_entities(text, "en", [("Velmar Brigade", "PER")]))
    assert names(doc) == {"Velmar Brigade": "organization"}


def test_location_and_misc_never_become_actors(resolve) -> None:
    text = "Delegates from Zunbar met at the Orvelle Summit."
    sdoc = with_entities(text, "en", [("Zunbar", "LOC"), ("Orvelle Summit", "MISC")])
    assert resolve(text, lang="en", nlp=sdoc).actors == []


# ------------------------------------------------------------------------ names after offices, pronouns
def test_republic_closes_the_office_phrase_not_the_name(resolve) -> None:
    doc = resolve("The President of the Republic Dorvel Kassin opened the session.", lang="en")
    people = [r.name for r in doc.actors if r.kind == "person"]
    assert people == ["Dorvel Kassin"]


def test_known_person_after_republic_is_the_known_person(resolve) -> None:
    doc = resolve("President of the French Republic Emmanuel Macron spoke on Monday.", lang="en")
    assert [r.name for r in doc.actors if r.kind == "person"] == ["Emmanuel Macron"]


def test_plural_pronoun_after_a_sentence_opening_state(resolve) -> None:
    text = "Minister Rutte was in Brussel. De VS lieten weten dat ze de sancties verlengen."
    doc = resolve(text)
    at = text.index(" ze ") + 1
    owner = next(a.name for m, a in doc.mentions() if m.start == at)
    assert owner == "United States"


def test_plural_pronoun_after_a_person_stays_with_the_person(resolve) -> None:
    text = "Minister Kaag zei dat ze de sancties tegen Rusland steunt."
    doc = resolve(text)
    at = text.index(" ze ") + 1
    assert next(a.name for m, a in doc.mentions() if m.start == at) == "Sigrid Kaag"


def test_adjective_does_not_open_a_sentence_as_an_actor(resolve) -> None:
    text = "Kaag sprak in Genève. De Jemenitische gezant hoorde dat ze steun toezegde."
    doc = resolve(text)
    at = text.index(" ze ") + 1
    owner = next((a for m, a in doc.mentions() if m.start == at), None)
    assert owner is None or owner.kind == "person"


def test_quoted_nickname_inside_a_name_is_not_an_organisation(resolve) -> None:
    text = 'Among them was the medic Orla "Wren" Tasmir.'
    doc = resolve(text, lang="en", nlp=with_entities(text, "en", [("Wren", "ORG")]))
    assert "Wren" not in names(doc)


def test_org_after_an_indefinite_article_is_a_category(resolve) -> None:
    text = "The group is a U.K.-designated Hostile Entity Organization, officials said."
    sdoc = with_entities(text, "en", [("Hostile Entity Organization", "ORG")])
    assert "Hostile Entity Organization" not in names(resolve(text, lang="en", nlp=sdoc))


def test_we_inside_straight_single_quotes_is_not_the_home_state(resolve) -> None:
    text = "Hij sprak de menigte toe. 'Wij blijven hier,' zei hij. Wij steunen zo'n moedige leider."
    doc = resolve(text)
    owners = {m.start: a.name for m, a in doc.mentions()}
    assert text.index("Wij blijven") not in owners
    assert owners.get(text.index("Wij steunen")) == "Netherlands"


def test_role_noun_before_an_organisation_head_is_not_a_person(resolve) -> None:
    doc = resolve("Officials of the Main Intelligence Directorate said the talks went well.", lang="en")
    assert all(r.kind != "person" for r in doc.actors)


def test_capital_after_a_role_noun_is_not_a_person(resolve) -> None:
    doc = resolve("Protesters attacked the U.S. Embassy in Baghdad on Tuesday.", lang="en")
    assert all(r.kind != "person" for r in doc.actors)


# ------------------------------------------------------------------------------------------ embassies
def test_state_embassy_in_a_capital_is_one_organisation(resolve) -> None:
    text = "Crowds gathered at the U.S. Embassy in Baghdad. Later the United States Embassy closed its gates."
    doc = resolve(text, lang="en")
    embassy = [r for r in doc.actors if r.name.startswith("Embassy")]
    assert [(r.name, r.kind, r.country, len(r.mentions)) for r in embassy] == [
        ("Embassy of the United States, Baghdad", "organization", "USA", 2)
    ]


def test_embassy_with_an_adjective_nl_and_fr(resolve) -> None:
    nl = resolve("De Russische ambassade weigerde commentaar.")
    assert "Embassy of Russia" in [r.name for r in nl.actors]
    # French news names its state for an embassy (words.toml state_embassy_langs)
    fr = resolve("Il s'est réfugié dans l'ambassade russe depuis juin.", lang="fr")
    names = [r.name for r in fr.actors]
    assert "Russia" in names and "Embassy of Russia" not in names


def test_french_foreign_and_defence_ministries_are_their_state(resolve) -> None:
    doc = resolve("Le ministère norvégien des Affaires étrangères a dénoncé une provocation.", lang="fr")
    assert [(r.name, r.kind) for r in doc.actors] == [("Norway", "state")]
    spans = {doc.text[m.start : m.end]: a.name for m, a in doc.mentions()}
    assert spans["Le ministère norvégien des Affaires étrangères"] == "Norway"
    doc = resolve("Le ministère chilien de la Défense a démenti ces informations.", lang="fr")
    assert [r.name for r in doc.actors] == ["Chile"]
    # an interior ministry stays a ministry of its own
    doc = resolve("Le ministère chilien de l'Intérieur a démenti ces informations.", lang="fr")
    assert [r.kind for r in doc.actors] == ["organization"]
    doc = resolve("L'ambassade de Norvège a démenti ces informations.", lang="fr")
    assert [(r.name, r.kind) for r in doc.actors] == [("Norway", "state")]


def test_embassy_without_a_state_is_no_actor(resolve) -> None:
    doc = resolve("The embassy closed early on Friday.", lang="en")
    assert doc.actors == []
