"""Counted groups ("27 civilians", "Tausende Menschen", "des milliers de personnes", "zo'n 40.000 mensen"): one
group actor named with the English head noun, of the state the article names most or of the place after "in".
Sentences written for these tests."""

from __future__ import annotations

import pytest

from kroniek.actors.groups import counted_words
from kroniek.document import ArticleDoc
from kroniek.errors import KroniekError


def groups(doc: ArticleDoc) -> dict[str, tuple[str, str | None, str | None]]:
    """surface text of each group mention -> (actor name, country, sector)"""
    return {doc.text[m.start : m.end]: (a.name, a.country, a.sector) for m, a in doc.mentions() if a.kind == "group"}


def test_counted_nouns_in_four_languages(resolve) -> None:
    en = groups(resolve("Kenya said more than 400 people and two journalists were held in Kenya.", lang="en"))
    assert en["more than 400 people"] == ("people", "KEN", "CVL")
    assert en["two journalists"] == ("journalists", "KEN", "MED")
    de = groups(resolve("In Serbien wurden rund 2.000 Menschen und drei tote Zivilisten gezählt.", lang="de"))
    assert de["rund 2.000 Menschen"] == ("people", "SRB", "CVL")
    assert de["drei tote Zivilisten"] == ("civilians", "SRB", "CVL")
    fr = groups(resolve("Au Sénégal, des milliers de personnes ont défilé et trois suspects ont fui.", lang="fr"))
    assert fr["milliers de personnes"][:2] == ("people", "SEN")
    assert fr["trois suspects"][:2] == ("suspects", "SEN")
    nl = groups(resolve("In Georgië demonstreerden zo'n 40.000 mensen; enkele journalisten werden geslagen."))
    assert nl["zo'n 40.000 mensen"][:2] == ("people", "GEO")
    assert nl["enkele journalisten"][:2] == ("journalists", "GEO")


def test_two_word_nouns_and_vague_plurals(resolve) -> None:
    en = groups(resolve("Tens of thousands of people marched in Chile.", lang="en"))
    assert en["Tens of thousands of people"] == ("people", "CHL", "CVL")
    fr = groups(resolve("Au Mali, au moins 23 hommes armés ont attaqué un village.", lang="fr"))
    assert fr["au moins 23 hommes armés"] == ("gunmen", "MLI", "REB")


def test_a_place_after_in_gives_the_country(resolve) -> None:
    text = "Germany and Germany again: 300 civilians in Athens were evacuated, Germany said."
    assert groups(resolve(text, lang="en"))["300 civilians"][:2] == ("civilians", "GRC")


def test_no_count_no_group(resolve) -> None:
    # a noun of people without a count names nobody in particular; "one"/"ein" is an article, and a German
    # plural is often its singular ("ein Mitarbeiter")
    assert "journalists" not in {n for n, *_ in groups(resolve("Journalists in Kenya wrote it.", lang="en")).values()}
    found = groups(resolve("Ein Mitarbeiter der Botschaft in Kenia sprach.", lang="de"))
    assert not any(name == "employees" for name, *_ in found.values())


def test_german_nouns_only_capitalised(resolve) -> None:
    # "banden" is a form of "binden", "verdächtige" an adjective: lower case is never the group noun
    found = groups(resolve("Sie banden zwei verdächtige Pakete an die Tür in Serbien.", lang="de"))
    assert not found
    found = groups(resolve("Die Polizei in Serbien nahm zwei Verdächtige fest.", lang="de"))
    assert found["zwei Verdächtige"] == ("suspects", "SRB", None)


def test_adjective_groups_keep_their_reading(resolve) -> None:
    # "two Malian soldiers" is read by the country-adjective rule, not as a counted group of the article's state
    found = groups(resolve("In Georgië werden twee Malinese soldaten opgepakt."))
    assert found["Malinese soldaten"][:2] == ("Malian soldiers", "MLI")


def test_malformed_word_lists_are_catalogue_errors(monkeypatch) -> None:
    import kroniek.actors.groups as module

    class Pack:
        def __init__(self, counted: object) -> None:
            self.counted = counted

        def table(self, name: str) -> dict[str, object]:
            return {"counted": self.counted}

        def words(self, name: str, key: str) -> list[str]:
            return []

    for counted, code in (([1, 2], "E411"), ({"three word noun": "x"}, "E411"), ({"people": 3}, "E412")):
        counted_words.cache_clear()
        pack = Pack(counted)
        monkeypatch.setattr(module, "language_pack", lambda lang, pack=pack: pack)
        with pytest.raises(KroniekError) as err:
            counted_words("en")
        assert err.value.code == code
    counted_words.cache_clear()
    monkeypatch.undo()
    assert counted_words("en").nouns
