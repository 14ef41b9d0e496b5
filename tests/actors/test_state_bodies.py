"""Government bodies every state has, named by the state written beside them (issue 14, round 7: claim
sources such as "Azerbaijan's foreign ministry said"). Sentences written for these tests."""

from __future__ import annotations

from kroniek.actors.lexicon import Found, NewActor
from kroniek.actors.resolve import clean_mentions
from kroniek.document import ArticleDoc


def named(doc: ArticleDoc) -> dict[str, tuple[str, str | None, str]]:
    """surface text of each mention -> (actor name, country, kind)"""
    return {doc.text[m.start : m.end]: (a.name, a.country, a.kind) for m, a in doc.mentions()}


def test_possessive_state_before_a_ministry(resolve) -> None:
    found = named(resolve("Police detained 40 people on Tuesday, Thailand's interior ministry said.", lang="en"))
    assert found["Thailand's interior ministry"] == ("Ministry of Interior (Thailand)", "THA", "organization")


def test_bare_interior_ministry_is_the_articles_states(resolve) -> None:
    # a domestic body: "the interior ministry" of an article about Peru is Peru's
    text = "Peru's Congress removed the president. Police detained 23 people in Lima, the interior ministry said."
    assert named(resolve(text, lang="en"))["the interior ministry"][:2] == ("Ministry of the Interior (Peru)", "PER")


def test_adjective_before_a_compound_ministry_in_german(resolve) -> None:
    found = named(
        resolve("Das saudische Außenministerium teilte am Abend mit, die Gespräche seien beendet.", lang="de")
    )
    assert found["Das saudische Außenministerium"][:2] == ("Ministry of Foreign Affairs (Saudi Arabia)", "SAU")
    found = named(
        resolve("Nach Angaben des aserbaidschanischen Außenministeriums ist die Frist abgelaufen.", lang="de")
    )
    assert ("Ministry of Foreign Affairs (Azerbaijan)", "AZE", "organization") in found.values()


def test_a_state_whose_body_has_its_own_title(resolve) -> None:
    # the English Wikipedia title where the pattern does not give it ([titles] in institutions.toml)
    found = named(resolve("Das indische Außenministerium wies die Erklärung am Montag zurück.", lang="de"))
    assert found["Das indische Außenministerium"][:2] == ("Ministry of External Affairs (India)", "IND")
    found = named(resolve("Japan's trade ministry said exports would be checked.", lang="en"))
    assert found["Japan's trade ministry"][:2] == ("Ministry of Economy, Trade and Industry", "JPN")


def test_air_force_is_named_with_the_states_adjective(resolve) -> None:
    found = named(resolve("Russia fired 40 drones overnight, according to the Ukrainian air force.", lang="en"))
    assert ("Ukrainian Air Force", "UKR", "organization") in found.values()
    found = named(resolve("Volgens de Oekraïense luchtmacht vuurde Rusland 40 drones af.", lang="nl"))
    assert found["de Oekraïense luchtmacht"][:2] == ("Ukrainian Air Force", "UKR")
    found = named(resolve("Selon l'armée de l'air ukrainienne, la Russie a tiré 40 drones.", lang="fr"))
    assert ("Ukrainian Air Force", "UKR", "organization") in found.values()


def test_bare_ministry_is_not_given_the_articles_state(resolve) -> None:
    # any party of a conflict has a defence ministry: with no state beside it, it is no institution of the
    # state the article names most
    text = "Die Ukraine und Russland streiten. Das Verteidigungsministerium erklärte, die Ukraine wolle mehr."
    assert all("Ministry of Defence" not in name for name, _, _ in named(resolve(text, lang="de")).values())


def test_english_foreign_ministry_with_its_state_is_the_state(resolve) -> None:
    # the corpus names the state for "Qatar's foreign ministry" (institutions.toml): the mention covers the
    # words, so the state is the speaker of "…, Qatar's foreign ministry said"
    found = named(resolve("The talks ended on Friday, Qatar's foreign ministry said.", lang="en"))
    assert found["Qatar's foreign ministry"] == ("Qatar", "QAT", "state")


def test_an_adjective_before_a_claim_noun_stays_a_mention() -> None:
    # the actors stage drops an adjective of a state the article names otherwise; one before a noun of a claim
    # stays a mention, so the source phrase still finds its claimant (round 7)

    text = "Nortland klagt. Sudland griff nach nortländischen Angaben den Hafen an."
    nortland = NewActor("state:NTL", "Nortland", "state", "NTL", "GOV")
    name = Found(0, 8, nortland, "name")
    adjective = Found(text.index("nortländischen"), text.index(" Angaben"), nortland, "adjective")
    assert clean_mentions([name, adjective], text) == [name, adjective]
    other = "Nortland klagt. Sudland griff mit nortländischen Drohnen den Hafen an."
    drone = Found(other.index("nortländischen"), other.index(" Drohnen"), nortland, "adjective")
    assert clean_mentions([name, drone], other) == [name]


def test_navy_with_its_state_beside_it(resolve) -> None:
    # round 8: "{adjective} Navy", or the English Wikipedia title from [titles]
    found = named(resolve("The Indian navy said one of its ships had stopped the tanker.", lang="en"))
    assert found["The Indian navy"] == ("Indian Navy", "IND", "organization")
    found = named(resolve("Een woordvoerder van de Russische marine bevestigde het incident.", lang="nl"))
    assert found["de Russische marine"][:2] == ("Russian Navy", "RUS")
    found = named(resolve("La marine française a escorté le cargo jusqu'au port.", lang="fr"))
    assert found["La marine française"][:2] == ("French Navy", "FRA")
    found = named(resolve("China's navy sent two frigates to the strait on Friday.", lang="en"))
    assert found["China's navy"][:2] == ("People's Liberation Army Navy", "CHN")


def test_bare_navy_is_nobodys(resolve) -> None:
    # every party of a conflict has one: a navy with no state beside it is left alone
    found = named(resolve("Russia and Ukraine traded blame on Friday. The navy said it had lost a ship.", lang="en"))
    assert "The navy" not in found


def test_a_regions_institution_is_named_as_written(resolve) -> None:
    # round 8: a capitalised place or region the knowledge base does not know before the institution word
    text = "Peru's Congress met on Monday. On Tuesday the Arequipa Supreme Court rejected the appeal."
    found = named(resolve(text, lang="en"))
    assert found["the Arequipa Supreme Court"][:1] == ("Arequipa Supreme Court",)
    assert found["Peru's Congress"][:1] == ("Congress of the Republic of Peru",)


def test_the_first_word_of_a_sentence_is_no_local_name(resolve) -> None:
    text = "Peru's Congress met on Monday. Yesterday Congress voted again."
    found = named(resolve(text, lang="en"))
    assert found["Congress"][:1] == ("Congress of the Republic of Peru",)


def test_inflected_dutch_constitutional_court(resolve) -> None:
    found = named(resolve("Het Spaanse Constitutionele Hof schortte de wet op.", lang="nl"))
    assert found["Het Spaanse Constitutionele Hof"][:2] == ("Constitutional Court of Spain", "ESP")


def test_coast_guard_with_its_state_beside_it(resolve) -> None:
    # round 8: "{adjective} Coast Guard", or the English Wikipedia title from [titles]
    found = named(resolve("China's coast guard fired water cannon at the supply boat.", lang="en"))
    assert found["China's coast guard"][:2] == ("China Coast Guard", "CHN")
    found = named(resolve("Die japanische Küstenwache beobachtete das Schiff.", lang="de"))
    assert found["Die japanische Küstenwache"][:2] == ("Japan Coast Guard", "JPN")
    found = named(resolve("De Filipijnse kustwacht bracht de vissers aan land.", lang="nl"))
    assert found["De Filipijnse kustwacht"][:2] == ("Philippine Coast Guard", "PHL")
    found = named(resolve("Les garde-côtes grecs ont secouru quarante migrants.", lang="fr"))
    assert found["Les garde-côtes grecs"][:2] == ("Hellenic Coast Guard", "GRC")
    # a bare coast guard is no actor of its own
    doc = resolve("The coast guard rescued two fishermen on Sunday.", lang="en")
    assert [r.name for r in doc.actors if "Coast Guard" in r.name] == []
