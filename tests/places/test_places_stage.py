"""The places stage and location_for on sentences written for these tests."""

from __future__ import annotations

from kroniek.document import ArticleDoc, CharSpan, PlaceMention
from kroniek.events.where import location_for
from kroniek.places.stage import make_places_stage

STAGE = make_places_stage()


def places(doc: ArticleDoc) -> dict[str, PlaceMention]:
    STAGE(doc)
    return {doc.text[p.start : p.end]: p for p in doc.places}


def whole(doc: ArticleDoc) -> CharSpan:
    return CharSpan(0, len(doc.text))


def test_coastal_city_with_demonym(make_doc) -> None:
    doc = make_doc("De onderhandelaars treffen elkaar zondag in de Saudische kuststad Jeddah.")
    found = places(doc)
    jeddah = found["Jeddah"]
    assert (jeddah.name, jeddah.country, jeddah.geonames_id) == ("Jeddah", "SAU", 105343)
    assert jeddah.lat is not None and jeddah.lon is not None
    chosen = location_for(doc, whole(doc))
    assert chosen is not None and chosen.name == "Jeddah"


def test_city_names_in_four_languages(make_doc) -> None:
    for lang, sentence, surface in [
        ("nl", "De ministers vergaderden in Genève.", "Genève"),
        ("en", "The ministers met in Geneva.", "Geneva"),
        ("de", "Die Minister trafen sich in Genf.", "Genf"),
        ("fr", "Les ministres se sont réunis à Genève.", "Genève"),
    ]:
        found = places(make_doc(sentence, lang))
        assert found[surface].geonames_id == 2660646, (lang, found)


def test_country_names_translated(make_doc) -> None:
    assert places(make_doc("Oekraïne en Saoedi-Arabië praten met elkaar."))["Saoedi-Arabië"].country == "SAU"
    assert places(make_doc("Russland und die Ukraine verhandeln.", "de"))["Russland"].country == "RUS"
    assert places(make_doc("Le Royaume-Uni a protesté.", "fr"))["Royaume-Uni"].country == "GBR"
    assert places(make_doc("Oekraïne wil vrede."))["Oekraïne"].feature == "country"


def test_washington_in_diplomacy_is_the_capital(make_doc) -> None:
    found = places(make_doc("De gezant vloog naar Washington voor overleg met de regering.", "nl"))
    assert found["Washington"].geonames_id == 4140963


def test_capital_acting_as_government_is_a_metonym(make_doc) -> None:
    found = places(make_doc("Verder eist Moskou een volledige stopzetting van de hulp."))
    assert found["Moskou"].metonym
    assert found["Moskou"].name == "Moscow"


def test_exchange_between_capitals_is_metonymic(make_doc) -> None:
    found = places(make_doc("Er was een uitwisseling van gevangenen tussen Moskou en Kyiv."))
    assert found["Moskou"].metonym


def test_seat_of_government_is_a_metonym(make_doc) -> None:
    found = places(make_doc("Op verzoek van het Kremlin werd de gezant teruggeroepen."))
    assert found["Kremlin"].metonym


def test_curated_venue_beats_namesake_and_is_a_venue_after_at(make_doc) -> None:
    """A venue with a city is reported as that city, the place news (and the gold) name."""
    doc = make_doc("The two presidents met at the White House on Friday.", "en")
    found = places(doc)
    assert found["White House"].name == "Washington, D.C."
    assert found["White House"].feature == "venue"
    assert not found["White House"].metonym
    assert location_for(doc, whole(doc)).name == "Washington, D.C."


def test_organisations_are_not_towns(make_doc) -> None:
    found = places(make_doc("Israel and Hamas agreed to a ceasefire.", "en"))
    assert "Hamas" not in found


def test_capital_as_venue_is_not_a_metonym(make_doc) -> None:
    doc = make_doc("The delegations held talks in Moscow on Tuesday.", "en")
    found = places(doc)
    assert not found["Moscow"].metonym
    chosen = location_for(doc, whole(doc))
    assert chosen is not None and chosen.name == "Moscow"


def test_person_named_like_a_city_is_not_a_place(make_doc) -> None:
    found = places(make_doc("A statue of George Washington was unveiled.", "en"))
    assert "Washington" not in found


def test_common_words_are_not_places(make_doc) -> None:
    found = places(make_doc("Die Regierung will das nicht.", "de"))
    assert "Die" not in found


def test_location_skips_the_dateline(make_doc) -> None:
    doc = make_doc("Den Haag, 18 maart 2025\n\nDe ministers spraken gisteren in Genève over de oorlog.")
    STAGE(doc)
    assert any(p.name == "The Hague" for p in doc.places)
    chosen = location_for(doc, CharSpan(doc.text.index("De ministers"), len(doc.text)))
    assert chosen is not None and chosen.name == "Geneva"


def test_location_from_an_earlier_sentence(make_doc) -> None:
    text = "De minister is deze week in Genève. Daar sprak zij met haar Jemenitische collega."
    doc = make_doc(text)
    STAGE(doc)
    evidence = CharSpan(text.index("Daar"), len(text))
    chosen = location_for(doc, evidence)
    assert chosen is not None and chosen.name == "Geneva"


def test_country_as_party_is_not_the_venue(make_doc) -> None:
    doc = make_doc("Zij vroeg om toegang tot Jemen voor de onderzoekers.")
    STAGE(doc)
    assert location_for(doc, whole(doc)) is None


def test_no_place_gives_none(make_doc) -> None:
    doc = make_doc("De minister sprak met haar collega over de begroting.")
    STAGE(doc)
    assert doc.places == []
    assert location_for(doc, whole(doc)) is None


def test_the_stage_records_locative_and_dateline(make_doc) -> None:
    """What the events stage's venue chooser reads: ``locative`` and ``dateline`` on each mention."""
    doc = make_doc("Genève, 29 mei 2017 - De ministers spraken in Rotterdam over Polen.")
    found = places(doc)
    assert found["Rotterdam"].locative and not found["Rotterdam"].dateline
    assert not found["Polen"].locative
    assert found["Genève"].dateline


def test_a_dateline_in_capitals_is_a_place(make_doc) -> None:
    """Agencies write the dateline in capitals: "LOMÉ (AFP) -", "DEN HAAG -", "KYIV, March 3 (Reuters) -".
    Capitals elsewhere stay acronyms, never towns."""
    for text, lang, name in (
        ("Title\n\nLOMÉ (AFP) - Students protested on Monday against the government.", "en", "Lomé"),
        ("DEN HAAG - Het kabinet heeft dinsdag een besluit genomen.", "nl", "The Hague"),
        ("KYIV, March 3 (Reuters) - Ukraine said on Monday it had received new aid.", "en", "Kyiv"),
        ("COLOMBO - Protesters left the palace on Thursday.", "en", "Colombo"),
        ("BERLIN (dpa) - Die Regierung hat am Montag neue Hilfen beschlossen.", "de", "Berlin"),
        ("DAKAR (AFP) - Le gouvernement a annoncé lundi de nouvelles mesures.", "fr", "Dakar"),
    ):
        found = {p.name: p for p in STAGE(make_doc(text, lang)).places}
        assert name in found and found[name].dateline, (text, found)
    doc = STAGE(make_doc("The agency cited figures from LOMÉ and KYIV in its report.", "en"))
    assert not doc.places


def test_a_capital_after_a_noun_for_a_city_is_the_city(make_doc) -> None:
    """ "in de Zuid-Afrikaanse hoofdstad Pretoria": a locative place, not the South African government,
    in every language (the demonym before the city noun is read through)."""
    for text, lang, name in (
        ("De partijen tekenden woensdag in de Zuid-Afrikaanse hoofdstad Pretoria een akkoord.", "nl", "Pretoria"),
        ("The two sides signed the deal in the Qatari capital Doha on Monday.", "en", "Doha"),
        ("Die Delegationen trafen sich in der kenianischen Hauptstadt Nairobi.", "de", "Nairobi"),
        ("Les délégations se sont réunies dans la capitale éthiopienne Addis-Abeba.", "fr", "Addis Ababa"),
    ):
        found = {p.name: p for p in STAGE(make_doc(text, lang)).places}
        assert name in found, (text, found)
        assert found[name].locative and not found[name].metonym, (text, found[name])


def _read_as_state(doc: ArticleDoc, surface: str, key: str = "state:test") -> None:
    """Let the actors stage have read ``surface`` as a state, as it does for capitals it knows."""
    from kroniek.document import ActorMention, ActorRecord

    start = doc.text.index(surface)
    doc.actors.append(ActorRecord(key=key, name=surface, kind="state"))
    doc.actors[-1].mentions.append(ActorMention(start, start + len(surface), len(doc.actors) - 1, "metonym"))


def test_capital_after_static_locative_is_the_city_though_read_as_a_state(make_doc) -> None:
    """Round 7: a capital that "in", "at", "im", "bij" introduces is the city where the act happened,
    even where the actors stage read it as the state; a capital that acts stays the government."""
    for lang, sentence, surface in [
        ("en", "Envoys of the two neighbours opened talks in Accra on Monday.", "Accra"),
        ("en", "Riot police blocked the avenues in central Lima overnight.", "Lima"),
        ("de", "Die Unterhändler verhandeln seit Samstag in Accra.", "Accra"),
        ("nl", "De ministers kwamen dinsdag bijeen in Accra.", "Accra"),
    ]:
        doc = make_doc(sentence, lang)
        _read_as_state(doc, surface)
        found = places(doc)
        assert surface in found and not found[surface].metonym, (lang, sentence, found)
        assert found[surface].locative
    acting = make_doc("Accra said the talks would resume next week.", "en")
    _read_as_state(acting, "Accra")
    assert places(acting)["Accra"].metonym


def test_recipient_preposition_keeps_a_capital_read_as_a_state_a_government(make_doc) -> None:
    """ "to" may name a recipient ("sent weapons to Accra"): it does not undo the actors stage's reading."""
    doc = make_doc("The neighbours sent more weapons to Accra last month.", "en")
    _read_as_state(doc, "Accra")
    assert places(doc)["Accra"].metonym


def test_demonym_between_locative_and_capital(make_doc) -> None:
    """Demonyms of more countries may stand between the locative word and the city (round 7)."""
    for lang, sentence, surface in [
        ("nl", "De ministers tekenden maandag in de Togolese hoofdstad Lomé een akkoord.", "Lomé"),
        ("en", "The ministers signed the accord in the Ghanaian capital Accra.", "Accra"),
        ("de", "Die Minister unterzeichneten in der ugandischen Hauptstadt Kampala ein Abkommen.", "Kampala"),
    ]:
        found = places(make_doc(sentence, lang))
        assert found[surface].locative, (lang, sentence, found[surface])
