"""Group nouns without a country adjective ("the protesters", "de politie", "les agriculteurs"): a group of the
country named after "in", else of the state the article names most. Sentences written for these tests."""

from __future__ import annotations

from kroniek.actors.stage import make_actor_stage
from kroniek.assemble import to_chronicle
from kroniek.chronicle.models import Article
from kroniek.document import ArticleDoc


def groups(doc: ArticleDoc) -> dict[str, tuple[str, str | None, str | None, str]]:
    """surface text of each mention -> (actor name, country, sector, kind)"""
    return {doc.text[m.start : m.end]: (a.name, a.country, a.sector, a.kind) for m, a in doc.mentions()}


def test_bare_group_takes_the_state_the_article_names_most(resolve) -> None:
    text = "The protesters marched to parliament. Kenya has seen weeks of unrest; Kenya's president met Uganda's."
    found = groups(resolve(text, lang="en"))
    assert found["The protesters"] == ("Kenyan protesters", "KEN", "CVL", "group")


def test_group_in_a_place_takes_that_country(resolve) -> None:
    text = "Farmers in Athens blocked the roads. France and France again were named, and France."
    found = groups(resolve(text, lang="en"))
    assert found["Farmers"] == ("Greek farmers", "GRC", "CVL", "group")


def test_group_names_in_other_languages_are_english(resolve) -> None:
    nl = groups(resolve("De betogers eisten het vertrek van de regering van Servië. Servië zweeg."))
    assert nl["De betogers"][:2] == ("Serbian protesters", "SRB")
    de = groups(resolve("Tausende Demonstranten zogen durch Wien. Österreich blieb ruhig.", lang="de"))
    assert de["Demonstranten"][:2] == ("Austrian protesters", "AUT")
    fr = groups(resolve("Les agriculteurs ont bloqué les routes de la France.", lang="fr"))
    assert fr["Les agriculteurs"][:3] == ("French farmers", "FRA", "CVL")


def test_police_is_the_national_police_force(resolve) -> None:
    found = groups(resolve("Police fired tear gas at the crowd in Athens.", lang="en"))
    assert found["Police"] == ("Hellenic Police", "GRC", "GOV", "organization")
    found = groups(resolve("De politie in Berlijn hield twee mannen aan."))
    # without a national title the police is a group of its country, named as the text names it
    assert found["De politie"] == ("German police", "DEU", "GOV", "group")


def test_collective_nouns_only_after_an_article(resolve) -> None:
    found = groups(resolve("De oppositie in Bulgarije diende een motie in."))
    assert found["De oppositie"][:2] == ("Bulgarian opposition", "BGR")
    # a singular, non-collective group noun is one person, not the group
    assert not any(
        name.endswith("farmers") for name, *_ in groups(resolve("A farmer in Kenya spoke.", lang="en")).values()
    )


def test_not_a_group(resolve) -> None:
    # somebody's group, a noun that modifies a role, a capitalised name inside a sentence
    for text in (
        "Their supporters in Kenya cheered.",
        "The police chief in Kenya resigned.",
        "He spoke to the National Police Service about Kenya.",
    ):
        keys = [a.key for a in resolve(text, lang="en").actors]
        assert not any(key.startswith(("group:", "police:")) for key in keys), (text, keys)


def test_described_groups_are_listed_only_when_they_act() -> None:
    stage = make_actor_stage()
    text = "The protesters in Kenya sang while Kenya's president William Ruto spoke."
    doc = stage(ArticleDoc(Article(id="t", language="en", text=text)))
    assert any(a.key.startswith("group:") for a in doc.actors)
    names = [a.name for a in to_chronicle(doc).actors]
    assert "Kenyan protesters" not in names
    assert "William Ruto" in names


def test_forces_named_as_forces_are_the_armed_forces(resolve) -> None:
    found = groups(resolve("Russische troepen trokken zich terug uit het dorp."))
    assert found["Russische troepen"][:2] == ("Russian Armed Forces", "RUS")
    # soldiers named by nationality are a group
    found = groups(resolve("Russische soldaten trokken zich terug uit het dorp."))
    assert found["Russische soldaten"][:4] == ("Russian soldiers", "RUS", "MIL", "group")


def test_armed_forces_take_their_english_wikipedia_title(resolve) -> None:
    # forces named as forces, after a country adjective: the table of national armed forces
    found = groups(resolve("Iranian troops crossed the border.", lang="en"))
    assert found["Iranian troops"][:4] == ("Islamic Republic of Iran Armed Forces", "IRN", "MIL", "organization")
    found = groups(resolve("Franse militairen verlieten de basis."))
    assert found["Franse militairen"][:2] == ("French Armed Forces", "FRA")
    # the army noun is the country's army where the table names one, else its armed forces
    found = groups(resolve("Het Pakistaanse leger vuurde raketten af."))
    assert found["Het Pakistaanse leger"][:2] == ("Pakistan Army", "PAK")
    found = groups(resolve("L'armée malienne a démenti les accusations.", lang="fr"))
    assert found["L'armée malienne"][:2] == ("Malian Armed Forces", "MLI")


def test_the_army_alone_is_the_armed_forces_of_the_country(resolve) -> None:
    found = groups(resolve("The army said it had shot down two drones. Nepal closed its airports.", lang="en"))
    assert found["The army"][:2] == ("Nepali Army", "NPL")
    found = groups(resolve("In Soedan greep het leger de macht; Soedan kreeg een nieuwe regering."))
    assert found["het leger"][:2] == ("Sudanese Armed Forces", "SDN")
    found = groups(resolve("Die Truppen in Mali zogen ab.", lang="de"))
    assert found["Die Truppen"][:2] == ("Malian Armed Forces", "MLI")


def test_army_nouns_without_an_article_are_not_read_bare(resolve) -> None:
    for text, lang in (
        ("Military aid to Kenya doubled, Kenya said.", "en"),
        ("Ground forces and air power were debated in Kenya.", "en"),
        ("Nos troupes ont avancé près du Kenya.", "fr"),
    ):
        armed = [a.name for a in resolve(text, lang=lang).actors if a.sector == "MIL"]
        assert not armed, (text, armed)


def test_the_government_of_an_article_that_names_its_country_only_by_a_capital(resolve) -> None:
    # Jakarta after "in" is a place, not an actor; its state is still the one the article is about
    found = groups(
        resolve("Duizenden mensen protesteerden in Jakarta.\n\nDe regering beperkte de toegang tot internet.")
    )
    assert found["De regering"][:2] == ("Indonesia", "IDN")


def test_an_of_phrase_that_is_not_the_owner_does_not_hide_the_group(resolve) -> None:
    found = groups(resolve("Kenya closed its schools. The protesters accused the government of a massacre.", lang="en"))
    assert found["the government"][:2] == ("Kenya", "KEN")
    assert found["The protesters"][:2] == ("Kenyan protesters", "KEN")
    # "the government of <name>" stays with the rules for named governments
    found = groups(resolve("Kenya closed its schools. The government of Kenya resigned.", lang="en"))
    assert "The government" not in found
