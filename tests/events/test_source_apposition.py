"""Who claims an event when the speaker is named after a title, and source phrases built on an adjective
(issue 14, "source"): "said Nortland's foreign minister, Ana Vell" is Ana Vell's claim, not Nortland's, and
Ana Vell takes no part in the act; "nach nortländischen Angaben" is Nortland's claim. Every sentence here is
written for these tests."""

import pytest
from events_support import make_doc, names, only, run_statements_and_events
from test_attribution_scopes import source_name

from kroniek.document import ArticleDoc
from kroniek.events.stage import EventsStage
from kroniek.statements.stage import StatementsStage

ACTORS = {
    "Nortland": ["Nortland", "Nortland's", "nortländischen", "nortlandais", "Nortlandse"],
    "Sudland": ["Sudland"],
    "Ana Vell": ["Ana Vell"],
}
KINDS = {"Ana Vell": "person"}


def run(text: str, lang: str) -> ArticleDoc:
    doc = make_doc(text, lang, ACTORS, kinds=KINDS)
    return run_statements_and_events(doc)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Sudland attacked the harbour of Portvik on Monday, said Nortland's foreign minister, Ana Vell."),
        ("en", "Sudland attacked the harbour of Portvik on Monday, Nortland's foreign minister, Ana Vell, said."),
        (
            "fr",
            "Sudland a attaqué le port de Portvik lundi, a déclaré le ministre nortlandais des Affaires "
            "étrangères, Ana Vell.",
        ),
        (
            "nl",
            "Sudland heeft de haven van Portvik maandag aangevallen, zei de Nortlandse minister van "
            "Buitenlandse Zaken, Ana Vell.",
        ),
    ],
)
def test_the_name_after_a_speakers_title_is_the_source(lang: str, text: str):
    doc = run(text, lang)
    attack = only(doc.events, "ASSAULT")
    assert source_name(doc, attack) == "Ana Vell"
    assert names(doc, attack.actor) == {"Sudland"}
    assert "Ana Vell" not in names(doc, attack.recipient)


def test_a_title_without_a_name_keeps_its_qualifier_as_source_en():
    doc = run("Sudland attacked the harbour of Portvik on Monday, said Nortland's foreign ministry.", "en")
    assert source_name(doc, only(doc.events, "ASSAULT")) == "Nortland"


def test_a_name_that_begins_a_new_clause_is_no_apposition_en():
    # the name after the comma is the subject of its own clause, not the title's holder
    doc = run("Nortland's foreign minister said on Monday that Sudland attacked Portvik, Ana Vell agreed.", "en")
    attack = only(doc.events, "ASSAULT")
    assert source_name(doc, attack) != "Ana Vell"


@pytest.mark.parametrize(
    "text",
    [
        "Sudland griff nach nortländischen Angaben am Montag den Hafen von Portvik an.",
        "Nach nortländischen Angaben griff Sudland am Montag den Hafen von Portvik an.",
        "Sudland griff laut nortländischen Armeeangaben am Montag den Hafen von Portvik an.",
        # other source nouns (round 7): "nach Erkenntnissen", "nach Zählung"
        "Sudland griff nach nortländischen Erkenntnissen am Montag den Hafen von Portvik an.",
        "Nach Erkenntnissen von Nortland griff Sudland am Montag den Hafen von Portvik an.",
        "Sudland griff nach Zählung von Nortland am Montag den Hafen von Portvik an.",
    ],
)
def test_an_adjective_before_a_source_noun_names_the_source_de(text: str):
    doc = run(text, "de")
    attack = only(doc.events, "ASSAULT")
    assert source_name(doc, attack) == "Nortland"
    assert names(doc, attack.actor) == {"Sudland"}


def test_an_adjective_before_another_noun_names_no_source_de():
    doc = run("Sudland griff nach nortländischen Drohnenangriffen am Montag den Hafen von Portvik an.", "de")
    assert source_name(doc, only(doc.events, "ASSAULT")) is None


# --- the speaker's own announcement ------------------------------------------------------------------

COUNCIL = {
    "Ostrava Council": ["The Council", "Le Conseil", "De Raad", "Der Rat"],
    "Nortland": ["Nortland"],
    "Sudland": ["Sudland"],
}


def run_council(text: str, lang: str, extra: dict[str, list[str]] | None = None) -> ArticleDoc:
    doc = make_doc(text, lang, {**COUNCIL, **(extra or {})})
    return run_statements_and_events(doc)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The Council said it would host talks with Sudland in March."),
        ("nl", "De Raad zei dat hij nieuwe sancties tegen Sudland zou instellen."),
        ("fr", "Le Conseil a déclaré qu'il imposerait de nouvelles sanctions contre Sudland."),
    ],
)
def test_a_report_opening_with_the_speakers_pronoun_has_no_source(lang: str, text: str):
    doc = run_council(text, lang)
    assert doc.events
    for event in doc.events:
        assert source_name(doc, event) is None
        assert "own act" in str(event.explain.get("source"))


def test_a_report_about_someone_named_keeps_its_source_en():
    doc = run_council("De Raad zei dat Nortland nieuwe sancties tegen Sudland zou instellen.", "nl")
    assert source_name(doc, only(doc.events, "SANCTION")) == "Ostrava Council"


def test_a_pronoun_resolved_to_someone_else_keeps_the_source_en():
    # "ze" stands for Nortland here (as the actors stage would resolve it), not for the Council
    text = "Nortland trok troepen samen. De Raad zei dat ze nieuwe sancties tegen Sudland zou instellen."
    doc = make_doc(text, "nl", COUNCIL)
    they = text.index(" ze ") + 1
    from kroniek.document import ActorMention

    nortland = next(i for i, a in enumerate(doc.actors) if a.name == "Nortland")
    doc.actors[nortland].mentions.append(ActorMention(they, they + 2, nortland, how="pronoun"))
    run_statements_and_events(doc)
    sanction = only(doc.events, "SANCTION")
    assert source_name(doc, sanction) == "Ostrava Council"


# --- a claimant that speaks for an actor ----------------------------------------------------------------


def test_a_ministry_speaking_for_its_state_is_no_source_en():
    text = "Sudland imposed new sanctions on Nortland, the Sudland Foreign Ministry said."
    doc = make_doc(
        text, "en", {"Sudland": ["Sudland"], "Nortland": ["Nortland"], "Ministry": ["Sudland Foreign Ministry"]}
    )
    for record, country in zip(doc.actors, ("SUD", "NOR", "SUD"), strict=True):
        record.country = country
    doc.actors[2].kind, doc.actors[2].sector = "organization", "GOV"
    run_statements_and_events(doc)
    sanction = only(doc.events, "SANCTION")
    assert names(doc, sanction.actor) == {"Sudland"}
    assert sanction.source is None
    assert "government body" in str(sanction.explain.get("source"))


def test_another_states_ministry_stays_the_source_en():
    text = "Sudland imposed new sanctions on Nortland, the Nortland Foreign Ministry said."
    doc = make_doc(
        text, "en", {"Sudland": ["Sudland"], "Nortland": ["Nortland"], "Ministry": ["Nortland Foreign Ministry"]}
    )
    for record, country in zip(doc.actors, ("SUD", "NOR", "NOR"), strict=True):
        record.country = country
    doc.actors[2].kind, doc.actors[2].sector = "organization", "GOV"
    run_statements_and_events(doc)
    assert source_name(doc, only(doc.events, "SANCTION")) == "Ministry"


def test_the_affiliation_in_the_actors_title_is_no_source_en():
    # "Council Secretary-General Ana Vell": the Council is whom she serves; as the claimant of her own act it
    # names no third party
    from kroniek.document import CharSpan
    from kroniek.events.sources import _speaks_for_an_actor

    text = "Council Secretary-General Ana Vell said she would visit Sudland."
    doc = make_doc(
        text,
        "en",
        {"Ostrava Council": ["Council"], "Ana Vell": ["Secretary-General Ana Vell"], "Sudland": ["Sudland"]},
        kinds={"Ana Vell": "person", "Ostrava Council": "organization"},
        roles={"Secretary-General Ana Vell": "Secretary-General"},
    )
    sentence = CharSpan(0, len(text))
    assert _speaks_for_an_actor(doc, 0, [1], sentence) == "the affiliation in an actor's title"
    assert _speaks_for_an_actor(doc, 0, [2], sentence) == ""  # Sudland has no title the Council qualifies


def test_a_bare_report_before_and_that_is_reported_too_en():
    text = "Ana Vell said Sudland had attacked the harbour of Portvik and that Nortland would send aid."
    doc = make_doc(text, "en", ACTORS, kinds=KINDS)
    StatementsStage()(doc)
    scopes = {text[a.scope.start : a.scope.end] for a in doc.attributions if a.speaker is not None}
    assert "Sudland had attacked the harbour of Portvik" in scopes
    assert any(s.startswith("that Nortland would send aid") for s in scopes)
    EventsStage()(doc)
    assert source_name(doc, only(doc.events, "ASSAULT")) == "Ana Vell"


def test_a_that_clause_right_after_the_verb_stays_one_report_en():
    text = "Ana Vell said that Sudland had attacked the harbour of Portvik and that Nortland would send aid."
    doc = make_doc(text, "en", ACTORS, kinds=KINDS)
    StatementsStage()(doc)
    scopes = sorted(text[a.scope.start : a.scope.end] for a in doc.attributions)
    assert scopes == ["that Nortland would send aid", "that Sudland had attacked the harbour of Portvik"]
