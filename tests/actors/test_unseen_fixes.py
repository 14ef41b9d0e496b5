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
