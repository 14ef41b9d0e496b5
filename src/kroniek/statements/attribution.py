"""Who the article attributes a passage to: ``find_statements(doc)`` finds every quote and reported speech
with its speaker, cue and construction ("that", "according", "tail", "head", …). The statements stage
turns them into ``doc.statements`` and ``doc.attributions``; the events stage reads the attributions
(it imports nothing from here). Works on a document with only tokens and sentences; actors must be there
for a speaker to be found.
"""

from __future__ import annotations

from kroniek.document import ArticleDoc
from kroniek.statements.channels import find_channel
from kroniek.statements.context import Analysis, Found, Speaker
from kroniek.statements.direct import find_direct
from kroniek.statements.indirect import find_indirect, find_retro

CONTEXT_SENTENCES = 2  # an unattributed full-sentence quote continues a statement at most this far back
LOOK_BACK = 8  # statements looked back at for context and duplicates


def find_statements(doc: ArticleDoc) -> list[Found]:
    """All statements of the document, in text order (see ``direct`` and ``indirect`` for the rules)."""
    if not doc.text.strip():
        return []
    an = Analysis.of(doc)
    direct, used = find_direct(an)
    indirect = find_indirect(an, used, direct)
    retro = find_retro(an, used | {f.cue.start for f in indirect if f.cue is not None})
    found = sorted([*direct, *indirect, *retro], key=lambda f: (f.text.start, -f.text.end))
    _speakers_from_context(an, found)
    _prefer_recent_speaker(an, found)
    _speaker_outside_the_words(an, found)
    for f in found:
        if f.channel is None:
            f.channel = find_channel(an, f.cue_region, f.text)
    return _dedupe(found)


def _speakers_from_context(an: Analysis, found: list[Found]) -> None:
    """A whole-sentence quote without a cue continues the statement just before it."""
    for i, f in enumerate(found):
        if f.how != "unattributed" or f.speaker.actor is not None:
            continue
        here = an.sentence_index(f.text.start)
        for prev in reversed(found[max(0, i - LOOK_BACK) : i]):
            if prev.speaker.actor is None:
                continue
            if here - an.sentence_index(prev.text.end - 1) <= CONTEXT_SENTENCES + _sentences_inside(an, f):
                f.speaker = Speaker(prev.speaker.actor, prev.speaker.span, "context")
            break


def _prefer_recent_speaker(an: Analysis, found: list[Found]) -> None:
    """A pronoun subject of a speech verb that resolved to a state or body, while a person spoke just before
    ("…, affirme Rami X de l'Observatoire. « … » a-t-il souligné."), refers to that person."""
    for i, f in enumerate(found):
        if f.speaker.how != "pronoun" or f.speaker.actor is None or f.speaker.span is None:
            continue
        if an.doc.actors[f.speaker.actor].kind == "person":
            continue
        if an.text[f.speaker.span.start : f.speaker.span.end].lower() in an.lex.pronouns_plural:
            continue
        here = an.sentence_index(f.speaker.span.start)
        for prev in reversed(found[max(0, i - LOOK_BACK) : i]):
            if prev.speaker.actor is None or prev.text.end > f.speaker.span.start:
                continue
            if (
                an.doc.actors[prev.speaker.actor].kind == "person"
                and here - an.sentence_index(prev.text.end - 1) <= CONTEXT_SENTENCES
            ):
                f.speaker = Speaker(prev.speaker.actor, f.speaker.span, "pronoun")
            break


def _speaker_outside_the_words(an: Analysis, found: list[Found]) -> None:
    """A pronoun after the reported words that resolved to a state or body named only inside those words,
    while the sentence before names a person ("Kanadas Handelsministerin Mary Ng nannte die
    Maßnahmen ungerechtfertigt. Ottawa werde die Zölle nicht zurücknehmen, sagte sie."), refers to that
    person (the first named there): the speaker is not the subject of what is reported. Pronouns that only mean persons ("he") or
    only plurals are left as they are, and so is a body named before the words too."""
    for f in found:
        sp = f.speaker
        if sp.how != "pronoun" or sp.actor is None or sp.span is None or sp.span.start < f.text.end:
            continue
        low = an.text[sp.span.start : sp.span.end].lower()
        if low in an.lex.pronouns_person or (low in an.lex.pronouns_plural and low not in an.lex.pronouns_singular):
            continue
        if an.doc.actors[sp.actor].kind == "person":
            continue
        here = an.sentence_of(f.text.start)
        if not any(m.actor == sp.actor for m in an.mentions_in(f.text.start, f.text.end)) or any(
            m.actor == sp.actor for m in an.mentions_in(here.start, f.text.start)
        ):
            continue
        k = an.sentence_index(f.text.start)
        if k == 0 or an.sentence_index(sp.span.start) != k:
            continue
        before = an.sentences[k - 1]
        person = next(
            (
                m
                for m in an.mentions_in(before.start, before.end)
                if m.kind == "person" and not an.in_quote(m.start) and m.how != "pronoun"
            ),
            None,
        )
        if person is not None:
            f.speaker = Speaker(person.actor, sp.span, "pronoun")


def _sentences_inside(an: Analysis, f: Found) -> int:
    return an.sentence_index(f.text.end - 1) - an.sentence_index(f.text.start)


def _dedupe(found: list[Found]) -> list[Found]:
    """One statement per passage: a later find that lies inside an earlier one with the same speaker goes."""
    out: list[Found] = []
    for f in found:
        # found is in text order, so only the last few kept ones can contain this one
        dup = next(
            (
                g
                for g in out[-LOOK_BACK:]
                if g.text.start <= f.text.start
                and f.text.end <= g.text.end
                and (g.speaker.actor == f.speaker.actor or f.speaker.actor is None)
                and (g.direct or not f.direct)
            ),
            None,
        )
        if dup is None:
            out.append(f)
    return out
