"""Coordinated contents: one demand, promise or refusal with two contents is two events (issue 13, round 8).

"Human rights groups called on the government to free the detainees and to allow visits": the annotation
guideline (ADJ8 #4) codes one REQUEST per content, each with the same speaker, mode and modality and its
own proposition and evidence. events/conjuncts.py keeps such a coordinator inside the complement (it opens
no act of its own); this module finds where each later content begins so that the stage can copy the event.

A coordinator opens a new content when what follows it is an infinitive of its own:

- tagged (en, nl): the coordinator's verb is a non-finite conjunct of a verb inside the complement ("to
  free the detainees and allow visits", "de gevangenen vrij te laten en bezoek toe te staan");
- untagged (de, fr): an infinitive marker follows within reach ("et de libérer", "und X zu gewähren"), or a
  separable infinitive with the marker inside it ("und Folter auszuschließen"), and the content before the
  coordinator is an infinitive too (a marker or an infix infinitive between the complement's start and
  the coordinator), so that coordinated nouns ("Waffen und Munition") never split.

Where the parse tags verbs, an infinitive marker right after the coordinator opens a content ("and to allow").
So does, in every language, a preposition that repeats the one opening the complement ("called for a
ceasefire and for talks"). Coordinated nouns without one ("the release of the hostages and a ceasefire")
are not split: measured in round 8, splitting those that are both trigger words moved neither the train
nor the dev split and cost the dev gold set ("humanitaire toegang en een veilige doorgang": one demand).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from kroniek.document import CharSpan, EventRecord
from kroniek.events.lexicon import Cues
from kroniek.events.token_table import token_table

if TYPE_CHECKING:
    from spacy.tokens import Doc

# How far after the coordinator an untagged content's infinitive may stand: an object and its modifiers
# ("und den Festgenommenen rechtlichen Beistand zu gewähren"). Further away the coordinator is read as
# joining something else.
_INFINITIVE_REACH = 8
_CLAUSE_BREAKS = frozenset({",", ";", ":"})


@dataclass(frozen=True, slots=True)
class Content:
    """One later content of a proposition: tokens start..end (exclusive) after its coordinator, and the
    token of its verb (the new event's trigger)."""

    start: int
    end: int
    verb: int


def coordinated_contents(nlp: Doc, complement: int, end: int, cues: Cues) -> list[Content]:
    """The contents after the first in the complement tokens ``complement``..``end`` of a proposition, or an
    empty list when it has one content."""
    if not cues.conjunct_coordinators or complement >= end:
        return []
    lowers = token_table(nlp).lowers
    tagged = nlp.has_annotation("MORPH") and nlp.has_annotation("DEP")
    openers: list[tuple[int, int]] = []  # (coordinator, verb)
    for at in range(complement + 1, end - 1):
        if lowers[at] not in cues.conjunct_coordinators:
            continue
        verb = _content_verb(nlp, lowers, at, complement, end, cues, tagged)
        if verb is not None:
            openers.append((at, verb))
    contents = []
    for n, (at, verb) in enumerate(openers):
        stop = openers[n + 1][0] if n + 1 < len(openers) else end
        # a content closes at a clause break after its verb (an attribution's tail: "…, said X")
        stop = next((i for i in range(verb + 1, stop) if lowers[i] in _CLAUSE_BREAKS), stop)
        last = stop - 1
        while last > at + 1 and nlp[last].is_punct:
            last -= 1
        contents.append(Content(at + 1, last + 1, verb))
    return contents


def _content_verb(
    nlp: Doc, lowers: list[str], at: int, complement: int, end: int, cues: Cues, tagged: bool
) -> int | None:
    """The verb of the content the coordinator at ``at`` opens, or None when it opens none."""
    markers = cues.infinitive_markers
    repeated = _repeated_preposition(nlp, lowers, at, complement, end, cues)
    if repeated is not None:
        return repeated
    if tagged and _opens_infinitive(nlp, lowers, at + 1, end, cues):
        after_marker = _verb_after_marker(nlp, at + 1, end)
        if after_marker is not None:
            return after_marker
    if tagged:
        verb = nlp[at].head
        if verb.i < at:  # the coordinator hangs on the first conjunct ("te staken en … terug te trekken")
            verb = next((c for c in verb.children if c.dep_ == "conj" and c.i > at), verb)
        if verb.dep_ != "conj" or not complement <= verb.head.i < at or verb.i <= at or verb.i >= end:
            return None
        if verb.pos_ not in ("VERB", "AUX") or "Fin" in verb.morph.get("VerbForm", []):
            return None
        return int(verb.i)
    if not _infinitive_between(nlp, lowers, complement, at, cues):
        return None
    for i in range(at + 1, min(end, at + 1 + _INFINITIVE_REACH)):
        if lowers[i] in cues.conjunct_coordinators or nlp[i].is_punct:
            return None
        if cues.infix_infinitive(lowers[i]):
            return i
        if lowers[i] in markers and _opens_infinitive(nlp, lowers, i, end, cues):
            return i + 1
    return None


def _repeated_preposition(nlp: Doc, lowers: list[str], at: int, complement: int, end: int, cues: Cues) -> int | None:
    """The coordinator repeats the preposition that opens the complement ("called for a ceasefire and for
    talks", "riep op tot kalmte en tot overleg"): the head word of the second content, else None."""
    if at + 2 >= end or complement < 1:
        return None
    word = lowers[at + 1]
    opening = {lowers[complement - 1], lowers[complement]}
    if word not in opening or word in cues.infinitive_markers or word in cues.determiners or not word.isalpha():
        return None
    if nlp.has_annotation("POS") and nlp[at + 1].pos_ != "ADP":
        return None
    head = at + 2
    while head + 1 < end and lowers[head] in cues.determiners:
        head += 1
    return head


def _opens_infinitive(nlp: Doc, lowers: list[str], at: int, end: int, cues: Cues) -> bool:
    """Token ``at`` is an infinitive marker before a lower-case word that is no article ("to allow", "de
    libérer", "zu gewähren"; not "à la", "zu Gesprächen", "à Paris")."""
    if lowers[at] not in cues.infinitive_markers or at + 1 >= end:
        return False
    word = nlp[at + 1].text
    return word.isalpha() and word.islower() and lowers[at + 1] not in cues.determiners


def _verb_after_marker(nlp: Doc, marker: int, end: int) -> int | None:
    """The infinitive the marker governs where the parse tags one ("to allow", "te garanderen" after an
    object in Dutch), or None when none stands near."""
    for i in range(marker + 1, min(end, marker + 6)):
        if nlp[i].pos_ in ("VERB", "AUX"):
            return i
    return None


def _infinitive_between(nlp: Doc, lowers: list[str], start: int, end: int, cues: Cues) -> bool:
    """An infinitive (a marker before a word that is not an article, or a separable infinitive with the
    marker inside) stands among tokens ``start``..``end``."""
    for i in range(start, end):
        if cues.infix_infinitive(lowers[i]):
            return True
    return any(_opens_infinitive(nlp, lowers, i, end, cues) for i in range(start, end))


def content_events(nlp: Doc, event: EventRecord, contents: list[Content]) -> list[EventRecord]:
    """One copy of the proposition's event per later content: the same speaker, recipients, mode, modality,
    date and source, with the content's verb as trigger and the content as evidence and proposition."""
    copies = []
    for content in contents:
        start = int(nlp[content.start].idx)
        last = nlp[content.end - 1]
        evidence = CharSpan(start, int(last.idx + len(last.text)))
        verb = nlp[content.verb]
        proposition = None
        if event.proposition is not None:
            proposition = replace(event.proposition, text=nlp[content.start : content.end].text)
        copy = replace(
            event,
            evidence=evidence,
            trigger=[CharSpan(int(verb.idx), int(verb.idx + len(verb.text)))],
            actor=list(event.actor),
            recipient=list(event.recipient),
            context=list(event.context),
            quantities=[],
            proposition=proposition,
            explain={**event.explain, "content": f"coordinated content of {event.entry_id}"},
        )
        copies.append(copy)
    return copies
