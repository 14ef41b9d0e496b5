"""A definite role noun after a titled person is that person ("de minister" after "minister Hoekstra"), issue 13:
participants the actors stage missed. Sentences written for these tests."""

from __future__ import annotations

from kroniek.document import ArticleDoc


def names(doc: ArticleDoc) -> dict[str, str]:
    """surface text of each mention -> actor name"""
    return {doc.text[m.start : m.end]: a.name for m, a in doc.mentions()}


def test_definite_role_noun_is_the_person_titled_with_it(resolve) -> None:
    nl = names(resolve("Minister Hoekstra sprak dinsdag in Brussel. De minister veroordeelde de aanval."))
    assert nl["De minister"] == "Wopke Hoekstra"
    en = names(resolve("Opposition leader Kemal Kilicdaroglu spoke. The opposition leader accused them.", lang="en"))
    assert en["The opposition leader"] == en["Opposition leader Kemal Kilicdaroglu"]


def test_compound_titles_and_titles_composition_did_not_join(resolve) -> None:
    de = names(
        resolve("Außenministerin Annalena Baerbock reiste ab. Die Ministerin verurteilte den Angriff.", lang="de")
    )
    assert de["Die Ministerin"] == "Annalena Baerbock"
    text = (
        "La ministre française des Affaires étrangères Catherine Colonna est arrivée. La ministre a condamné l'attaque."
    )
    assert names(resolve(text, lang="fr"))["La ministre"] == "Catherine Colonna"


def test_the_person_mentioned_most_wins_over_one_met_once(resolve) -> None:
    text = (
        "Minister Hoekstra sprak in Genève. Hoekstra vroeg steun. Hij sprak met de Jemenitische minister voor"
        " Mensenrechten, Mohammed Ali. De minister benadrukte het belang van onderzoek."
    )
    assert names(resolve(text))["De minister"] == "Wopke Hoekstra"


def test_no_titled_person_or_another_title_gives_no_mention(resolve) -> None:
    # nobody was titled "minister" before; "de minister van Defensie" is another office (its holder, not Hoekstra)
    assert "De minister" not in names(resolve("Hoekstra sprak in Brussel. De minister veroordeelde de aanval."))
    text = "Minister Hoekstra sprak in Brussel. De minister van Defensie veroordeelde de aanval."
    assert "Wopke Hoekstra" not in {name for surface, name in names(resolve(text)).items() if "Defensie" in surface}


def test_role_noun_in_the_title_of_a_person_named_after_it_is_not_a_remention(resolve) -> None:
    text = (
        "Le Premier ministre Benjamin Netanyahu a parlé. Le ministre israélien de la sécurité nationale, Itamar Ben"
        " Gvir, a menacé de quitter la coalition."
    )
    assert "Le ministre" not in names(resolve(text, lang="fr"))


def test_institution_nouns_are_not_person_titles(resolve) -> None:
    # "police" titles the commissioner, but "the police" is the force, not him
    text = "Police Commissioner Raymond Kelly spoke on Monday. The police arrested two men."
    assert names(resolve(text, lang="en")).get("The police") != "Raymond Kelly"
