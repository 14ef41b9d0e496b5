"""Actor errors found on unseen articles (docs/review-unseen.md); sentences written for these tests."""

from __future__ import annotations

from kroniek.document import ArticleDoc


def names(doc: ArticleDoc) -> dict[str, str]:
    return {doc.text[m.start : m.end]: a.name for a in doc.actors for m in a.mentions}


def test_group_name_resolves_to_the_group_not_its_leader(resolve) -> None:
    doc = resolve("Units of the Islamic State of Iraq and Syria shelled a village near the river.", lang="en")
    assert names(doc) == {"Islamic State of Iraq and Syria": "Islamic State"}


def test_words_of_a_state_official_name_are_not_part_of_the_person(resolve) -> None:
    doc = resolve(
        "Talks were held with the President of the Syrian Arab Republic Bashar al-Assad on Monday.", lang="en"
    )
    assert names(doc) == {"President of the Syrian Arab Republic Bashar al-Assad": "Bashar al-Assad"}


def test_state_official_name_with_of_before_the_person(resolve) -> None:
    doc = resolve("The President of the Islamic Republic of Iran Ebrahim Raisi flew home.", lang="en", published=None)
    assert list(names(doc).values()) == ["Ebrahim Raisi"]


def test_surname_after_a_different_given_name_is_someone_else(resolve) -> None:
    doc = resolve("The rapporteur David Martin asked members to reject the accord.", lang="en", published=None)
    assert "Micheál Martin" not in {a.name for a in doc.actors}
    assert names(doc).get("David Martin") == "David Martin"


def test_surname_after_the_same_given_name_still_resolves(resolve) -> None:
    doc = resolve("Yesterday Micheál Martin opened the debate in Dublin.", lang="en", published=None)
    assert "Micheál Martin" in {a.name for a in doc.actors}


def readout(stage, text: str, url: str | None, source: str | None = None) -> ArticleDoc:
    import datetime as dt

    from kroniek.chronicle.models import Article

    art = Article(id="t", language="en", text=text, url=url, source=source)
    return stage(ArticleDoc(art, published=dt.date(2022, 5, 23)))


READOUT = (
    "Ukraine's defences held near Kharkiv. Ukraine asked for more aid.\n\n"
    "The Prime Minister welcomed progress on grain exports. The Prime Minister spoke to President Zelenskyy."
)


def test_bare_office_noun_is_the_publishers_office_holder(stage) -> None:
    doc = readout(stage, READOUT, "https://www.gov.uk/government/news/pm-call")
    holders = {
        a.name: a.country
        for a in doc.actors
        if any(doc.text[m.start : m.end] == "The Prime Minister" for m in a.mentions)
    }
    assert set(holders.values()) == {"GBR"}


def test_publisher_from_the_source_name(stage) -> None:
    doc = readout(stage, READOUT, None, source="Prime Minister's Office, 10 Downing Street")
    pm = [a for a in doc.actors if any(doc.text[m.start : m.end] == "The Prime Minister" for m in a.mentions)]
    assert [a.country for a in pm] == ["GBR"]


def test_bare_office_noun_is_never_the_other_partys_country(stage) -> None:
    doc = readout(stage, "Ukraine needs help, Ukraine says. The Prime Minister spoke to President Zelenskyy.", None)
    for a in doc.actors:
        if any(doc.text[m.start : m.end] == "The Prime Minister" for m in a.mentions):
            assert a.country != "UKR"


def test_publisher_country_tables() -> None:
    from kroniek.actors.publishers import publisher_country

    assert publisher_country("https://www.rijksoverheid.nl/actueel", None) == "NLD"
    assert publisher_country("http://en.kremlin.ru/events/1", None) == "RUS"
    assert publisher_country("https://notgov.uk.example.com/x", None) is None
    assert publisher_country("http://[bad", "an unknown blog") is None


def test_other_partys_country_stays_excluded_for_later_bare_mentions(stage) -> None:
    text = (
        "The Prime Minister spoke to President Zelenskyy of Ukraine. Ukraine faces shelling; Ukraine asks for "
        "air defence, and the UK pledged support. The Prime Minister promised more aid."
    )
    doc = readout(stage, text, None)
    pm = [a for a in doc.actors if any(doc.text[m.start : m.end] == "The Prime Minister" for m in a.mentions)]
    assert pm and all(a.country != "UKR" for a in pm)
