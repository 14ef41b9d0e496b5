"""Unnamed speakers as group actors ("diplomats said", "volgens ingewijden", "hieß es aus Regierungskreisen",
"selon des témoins"): kroniek/lang/<code>/speakers.toml, actors/speakers.py. Sentences written for these tests."""

from __future__ import annotations

import pytest

from kroniek.actors.speakers import speaker_phrases
from kroniek.errors import KroniekError


def mentions(doc) -> dict[str, tuple[str, str | None, str]]:
    """surface text of each mention -> (actor name, country, kind)"""
    return {doc.text[m.start : m.end]: (a.name, a.country, a.kind) for m, a in doc.mentions()}


@pytest.mark.parametrize(
    ("lang", "text", "surface", "name"),
    [
        ("en", "Sudland shelled the port on Monday, diplomats said.", "diplomats", "diplomats"),
        ("en", "According to witnesses, the convoy was stopped at the border.", "witnesses", "witnesses"),
        ("nl", "Volgens ingewijden wil het kabinet de steun verlengen.", "ingewijden", "sources"),
        ("nl", "Ooggetuigen melden dat de agenten de menigte uiteendreven.", "Ooggetuigen", "eyewitnesses"),
        ("de", "Die Gespräche seien gescheitert, hieß es aus Diplomatenkreisen.", "Diplomatenkreisen", "diplomats"),
        (
            "de",
            "Das Ultimatum laufe am Freitag ab, hieß es aus Regierungskreisen.",
            "Regierungskreisen",
            "government sources",
        ),
        ("fr", "Selon des témoins, le cortège a été dispersé.", "témoins", "witnesses"),
        ("fr", "La trêve serait prolongée, selon des sources diplomatiques.", "sources diplomatiques", "diplomats"),
    ],
)
def test_unnamed_speakers_are_groups_named_in_english(resolve, lang: str, text: str, surface: str, name: str) -> None:
    found = mentions(resolve(text, lang=lang))
    assert found[surface][0] == name
    assert found[surface][2] == "group"


def test_the_country_comes_from_an_adjective_or_else_from_the_article(resolve) -> None:
    found = mentions(resolve("Japanische Diplomaten sagten, die Gespräche seien gescheitert.", lang="de"))
    assert found["Japanische Diplomaten"] == ("Japanese diplomats", "JPN", "group")
    found = mentions(resolve("Des diplomates américains estiment que la trêve tiendra.", lang="fr"))
    assert found["diplomates américains"] == ("American diplomats", "USA", "group")
    text = "Kenya closed its border with Tanzania. Kenya said it would reopen soon, diplomats said."
    found = mentions(resolve(text, lang="en"))
    assert found["diplomats"] == ("diplomats", "KEN", "group")
    # a government's people take the article's state in their name
    text = "Kanada erhebt Zölle. Kanada werde nachlegen, hieß es aus Regierungskreisen."
    found = mentions(resolve(text, lang="de"))
    assert found["Regierungskreisen"] == ("Canadian government sources", "CAN", "group")


def test_not_an_unnamed_speaker(resolve) -> None:
    for lang, text, surface in (
        ("en", "Pentagon sources said the shipments would arrive within days.", "sources"),  # the body speaks
        ("en", "The army sources said the convoy had left.", "sources"),  # a body's people
        ("fr", "Selon ses propres sources, la réunion a été annulée.", "sources"),  # somebody's own sources
        ("en", "Diplomat Anna Vell said the talks had failed.", "Diplomat"),  # a title before a name
        ("en", "Two former witnesses were sentenced to six years each.", "witnesses"),  # no speech cue near
        ("nl", "De rechtbank hoorde gisteren drie ooggetuigen van de aanslag.", "ooggetuigen"),
    ):
        names = [name for surf, (name, _c, _k) in mentions(resolve(text, lang=lang)).items() if surface in surf]
        assert all(name != surface.lower() for name in names), (text, names)


def test_a_speaker_noun_becomes_the_speaker_of_its_attribution(resolve) -> None:
    from kroniek.statements.stage import StatementsStage

    doc = StatementsStage()(
        resolve("Volgens ooggetuigen arresteerde de politie in Nairobi veertig betogers.", lang="nl")
    )
    according = [a for a in doc.attributions if a.how == "according"]
    assert according and according[0].speaker is not None
    assert doc.actors[according[0].speaker].name == "eyewitnesses"


def test_a_malformed_speakers_table_is_a_catalogue_error(monkeypatch) -> None:
    from kroniek import lang as lang_packs

    class BrokenPack:
        def table(self, name: str) -> dict[str, object]:
            return {"speakers": {"diplomats": {"phrases": "diplomats"}}}

    speaker_phrases.cache_clear()
    monkeypatch.setattr("kroniek.actors.speakers.language_pack", lambda code: BrokenPack())
    try:
        with pytest.raises(KroniekError) as err:
            speaker_phrases("en")
        assert err.value.code == "E290"
        assert "speakers.toml" in str(err.value)
    finally:
        speaker_phrases.cache_clear()
    assert lang_packs.get("en").table("speakers")["speakers"]
