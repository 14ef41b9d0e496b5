"""Collective addressees ("called on both sides", events/collective.py) and implicit speech acts by "spoke of"
(events/implicit.py), issue 13, round 9. Every sentence here is written for these tests."""

import re

import pytest

from kroniek.chronicle.models import Article
from kroniek.document import ActorMention, ActorRecord, ArticleDoc, AttributionRecord, CharSpan, EventRecord
from kroniek.events.collective import address_collectives
from kroniek.events.implicit import implicit_acts


def make(lang: str, text: str, actors: dict[str, tuple[str, list[str]]]) -> ArticleDoc:
    """A document with one sentence per '. ' and each actor mentioned wherever one of its words stands."""
    doc = ArticleDoc(article=Article(id="t", language=lang, text=text))
    doc.sentences = [CharSpan(m.start(), m.end()) for m in re.finditer(r"[^.]+\.?", text)]
    for i, (name, (kind, words)) in enumerate(actors.items()):
        mentions = [
            ActorMention(m.start(), m.end(), i) for w in words for m in re.finditer(rf"\b{re.escape(w)}\b", text)
        ]
        doc.actors.append(ActorRecord(key=name, name=name, kind=kind, mentions=mentions))  # type: ignore[arg-type]
    return doc


def event_at(
    doc: ArticleDoc, kind: str, trigger: str, actor: list[int], recipient: list[int] | None = None
) -> EventRecord:
    start = doc.text.index(trigger)
    sentence = doc.sentence_of(start)
    assert sentence is not None
    return EventRecord(
        event=kind,  # type: ignore[arg-type]
        evidence=sentence,
        trigger=[CharSpan(start, start + len(trigger))],
        actor=actor,
        recipient=recipient or [],
    )


PARTIES = {
    "Nortland": ("state", ["Nortland", "Nortlandia"]),
    "Sudland": ("state", ["Sudland", "Sudlandia"]),
    "Westmark": ("state", ["Westmark"]),
}

COLLECTIVE = [
    ("en", "Nortland shelled Sudland. Sudland fired back at Nortland. Westmark urged both sides to stop.", "urged"),
    ("nl", "Nortland beschoot Sudland. Sudland schoot terug op Nortland. Westmark riep beide partijen op te stoppen.", "riep"),
    ("de", "Nortland beschoss Sudland. Sudland schoss auf Nortland zurück. Westmark forderte beide Seiten auf, aufzuhören.", "forderte"),
    ("fr", "Nortland a bombardé Sudland. Sudland a riposté contre Nortland. Westmark a appelé les deux parties au calme.", "appelé"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "trigger"), COLLECTIVE)
def test_both_sides_after_a_demand_are_the_two_parties_named_before(lang: str, text: str, trigger: str) -> None:
    doc = make(lang, text, PARTIES)
    demand = event_at(doc, "REQUEST", trigger, [2])
    address_collectives(doc, [demand])
    assert sorted(doc.actors[a].name for a in demand.recipient) == ["Nortland", "Sudland"]


def test_a_named_recipient_a_far_phrase_and_other_types_are_left_alone() -> None:
    text = (
        "Nortland shelled Sudland. Sudland fired back at Nortland. Westmark urged Sudland to stop. "
        "Westmark asked that the crimes of both sides be investigated. Westmark attacked both sides."
    )
    doc = make("en", text, PARTIES)
    named = event_at(doc, "REQUEST", "urged", [2], [1])
    far = event_at(doc, "REQUEST", "asked", [2])
    attack = event_at(doc, "ASSAULT", "attacked", [2])
    address_collectives(doc, [named, far, attack])
    assert named.recipient == [1]
    assert far.recipient == []
    assert attack.recipient == []


def test_the_speakers_own_side_is_never_one_of_the_parties() -> None:
    doc = make("en", "Nortland shelled Sudland. Nortland urged both sides to talk.", PARTIES)
    demand = event_at(doc, "REQUEST", "urged", [0])
    address_collectives(doc, [demand])
    assert demand.recipient == []  # only Sudland is left: no pair


SPOKE_OF = [
    ("en", 'Westmark spoke of "a cowardly provocation" by Nortland.', "spoke of", "ACCUSE"),
    ("nl", "Westmark sprak van 'een schandalige provocatie' van Nortland.", "sprak van", "ACCUSE"),
    ("de", "Westmark sprach von einer „gezielten Provokation“ Nortlands.", "sprach von", "ACCUSE"),
    ("fr", "Westmark a parlé d'une « provocation délibérée » de Nortland.", "a parlé d'", "ACCUSE"),
    ("nl", "Westmark sprak van 'een historische overwinning' voor Nortland.", "sprak van", "SUPPORT"),
    ("de", "Westmark sprach von einem „Erfolg der Diplomatie“.", "sprach von", "SUPPORT"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "cue", "kind"), SPOKE_OF)
def test_spoke_of_a_quoted_characterisation_is_the_speakers_act(lang: str, text: str, cue: str, kind: str) -> None:
    doc = make(lang, text, PARTIES)
    events = implicit_acts(doc, [])
    assert [
        (e.event, doc.actors[e.actor[0]].name, doc.text[e.trigger[0].start : e.trigger[0].end]) for e in events
    ] == [(kind, "Westmark", cue)]


def test_the_statements_speaker_wins_over_the_nearest_name() -> None:
    text = "In Nortland, the envoy of Westmark spoke of a plain provocation."
    doc = make("en", text, PARTIES)
    cue = text.index("spoke of")
    doc.attributions = [
        AttributionRecord(
            speaker=2, scope=CharSpan(cue + 9, len(text)), cue=CharSpan(cue, cue + 8), how="that", direct=False
        )
    ]
    (event,) = implicit_acts(doc, [])
    assert event.actor == [2] and event.event == "ACCUSE"


def test_spoke_of_without_quote_or_judgement_and_a_sentence_with_an_accusation_give_nothing() -> None:
    text = "Westmark spoke of the talks with Nortland. Westmark condemned Nortland and spoke of 'a crime'."
    doc = make("en", text, PARTIES)
    condemned = event_at(doc, "ACCUSE", "condemned", [2], [0])
    assert implicit_acts(doc, [condemned]) == [condemned]
