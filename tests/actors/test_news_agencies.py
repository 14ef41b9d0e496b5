"""News agencies and state media as media actors, so that they can be a claim's source (issue 14, round 7:
"according to Xinhua", "meldete die Nachrichtenagentur Tass", "selon l'agence officielle SPA"). Sentences
written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from kroniek import extract
from kroniek.document import ArticleDoc


def named(doc: ArticleDoc) -> dict[str, tuple[str, str | None, str]]:
    """surface text of each mention -> (actor name, country, kind)"""
    return {doc.text[m.start : m.end]: (a.name, a.country, a.kind) for m, a in doc.mentions()}


@pytest.mark.parametrize(
    ("lang", "text", "surface", "expected"),
    [
        ("en", "The talks ended without a deal, according to Xinhua.", "Xinhua", ("Xinhua News Agency", "CHN")),
        (
            "en",
            "The state news agency KCNA said the test had succeeded.",
            "KCNA",
            ("Korean Central News Agency", "PRK"),
        ),
        ("de", "Das meldete die Nachrichtenagentur Tass am Abend.", "Tass", ("TASS", "RUS")),
        ("fr", "Le sommet est reporté, selon l'agence officielle SPA.", "SPA", ("Saudi Press Agency", "SAU")),
        ("nl", "Dat meldde persbureau Belga dinsdag.", "Belga", ("Belga (news agency)", "BEL")),
        (
            "en",
            "Two people were detained, the IRNA news agency reported.",
            "IRNA",
            ("Islamic Republic News Agency", "IRN"),
        ),
        ("de", "Die Agentur Fars berichtete von Festnahmen.", "Fars", ("Fars News Agency", "IRN")),
        ("fr", "Selon l'agence SANA, le convoi a été touché.", "SANA", ("Syrian Arab News Agency", "SYR")),
    ],
)
def test_agency_is_a_media_actor_of_its_country(resolve, lang: str, text: str, surface: str, expected) -> None:
    found = named(resolve(text, lang=lang))
    hit = next((v for k, v in found.items() if surface in k), None)
    assert hit == (*expected, "media"), found


def test_monitoring_group_is_an_organisation(resolve) -> None:
    found = named(resolve("More than 200 people were detained on Sunday, OVD-Info said.", lang="en"))
    assert found["OVD-Info"] == ("OVD-Info", "RUS", "organization")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Er hatte mehr Zeit als erwartet und wartete bis zum Abend."),
        ("en", "Petra and Saba walked to the spa near the market on Monday."),
        ("en", "CCTV footage showed two PTI leaders at the rally in Lahore."),
    ],
)
def test_common_words_are_no_outlet(resolve, lang: str, text: str) -> None:
    # "mehr", "Petra", "Saba" and "spa" name outlets only with their agency noun or in capitals; "CCTV" (cameras)
    # and "PTI" (Imran Khan's party) are other things first
    kinds = [kind for _, _, kind in named(resolve(text, lang=lang)).values()]
    assert "media" not in kinds


@pytest.mark.parametrize(
    ("lang", "text", "source"),
    [
        ("en", "Russian troops shelled the town of Kupiansk on Monday, according to Xinhua.", "Xinhua News Agency"),
        ("de", "Die ukrainische Armee hat Belgorod am Montag beschossen, meldete die Nachrichtenagentur Tass.", "TASS"),
        ("fr", "L'armée israélienne a bombardé Rafah lundi, selon l'agence officielle SPA.", "Saudi Press Agency"),
    ],
)
def test_agency_is_the_source_not_the_actor(lang: str, text: str, source: str) -> None:
    chronicle = extract(text, published=dt.date(2025, 3, 3), lang=lang)
    names = {a.id: a.name for a in chronicle.actors}
    assert chronicle.events, text
    for event in chronicle.events:
        assert event.source is not None and names[event.source] == source
        assert source not in [names[a] for a in event.actor]
