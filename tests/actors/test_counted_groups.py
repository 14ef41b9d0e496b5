"""Counted groups ("27 civilians", "Tausende Menschen", "des milliers de personnes", "zo'n 40.000 mensen"): one
group actor named with the English head noun, of the state the article names most or of the place after "in".
Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from kroniek.actors.groups import counted_words
from kroniek.actors.kb import ActorKB
from kroniek.actors.stage import ActorStage, make_actor_stage
from kroniek.chronicle.models import Article
from kroniek.document import ArticleDoc
from kroniek.errors import KroniekError


@pytest.fixture(scope="module")
def counting(kb: ActorKB) -> ActorStage:
    stage = make_actor_stage(counted_groups=True)
    stage._kb = kb
    return stage


@pytest.fixture()
def resolve(counting: ActorStage):
    """The actor stage with counted groups on (off by default: docs/actors.md, round 8)."""

    def run(text: str, lang: str = "nl") -> ArticleDoc:
        return counting(ArticleDoc(Article(id="test", language=lang, text=text), published=dt.date(2025, 3, 19)))

    return run


def groups(doc: ArticleDoc) -> dict[str, tuple[str, str | None, str | None]]:
    """surface text of each group mention -> (actor name, country, sector)"""
    return {doc.text[m.start : m.end]: (a.name, a.country, a.sector) for m, a in doc.mentions() if a.kind == "group"}


def test_counted_nouns_in_four_languages(resolve) -> None:
    # no country unless the text gives one after "in": the state the article names most was often wrong
    en = groups(resolve("Kenya said more than 400 people and two journalists were held.", lang="en"))
    assert en["more than 400 people"] == ("people", None, "CVL")
    assert en["two journalists"] == ("journalists", None, "MED")
    de = groups(resolve("In Serbien wurden rund 2.000 Menschen und drei tote Zivilisten gezählt.", lang="de"))
    assert de["rund 2.000 Menschen"] == ("people", None, "CVL")
    assert de["drei tote Zivilisten"] == ("civilians", None, "CVL")
    fr = groups(resolve("Au Sénégal, des milliers de personnes ont défilé et trois suspects ont fui.", lang="fr"))
    assert fr["milliers de personnes"][0] == "people"
    assert fr["trois suspects"][0] == "suspects"
    nl = groups(resolve("In Georgië demonstreerden zo'n 40.000 mensen; enkele journalisten werden geslagen."))
    assert nl["zo'n 40.000 mensen"][0] == "people"
    assert nl["enkele journalisten"][0] == "journalists"


def test_two_word_nouns_and_vague_plurals(resolve) -> None:
    en = groups(resolve("Tens of thousands of people in Chile marched.", lang="en"))
    assert en["Tens of thousands of people"] == ("people", "CHL", "CVL")
    fr = groups(resolve("Au Mali, au moins 23 hommes armés ont attaqué un village.", lang="fr"))
    assert fr["au moins 23 hommes armés"] == ("gunmen", None, "REB")


def test_counted_people_join_the_group_of_the_story(resolve) -> None:
    # the gold names counted people from the story's words: among protesters, they are the protesters
    found = groups(resolve("The protesters in Kenya marched on Monday; about 3,000 people joined them.", lang="en"))
    assert found["about 3,000 people"] == found["The protesters"] == ("Kenyan protesters", "KEN", "CVL")


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
    assert found["zwei Verdächtige"] == ("suspects", None, None)


def test_german_bare_group_nouns_only_capitalised(resolve) -> None:
    # "gefangene" in lower case is the adjective "captured", not "Gefangene" (prisoners)
    found = groups(resolve("Die gefangene Katze in Wien miaute. Gefangene in Wien protestierten.", lang="de"))
    assert list(found) == ["Gefangene"]


def test_off_by_default(stage: ActorStage) -> None:
    doc = stage(ArticleDoc(Article(id="t", language="en", text="Two journalists were held in Kenya.")))
    assert not any(a.name == "journalists" for _, a in doc.mentions())


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
