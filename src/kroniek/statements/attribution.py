"""Who the article attributes a passage to: the statements finder, and the helpers the events stage uses.

For the events stage (it fills ``event.source``):

``source_of(doc, span, exclude=())`` -> actor index or None
    The speaker of the reported speech or quote that contains ``span`` (pass the event's trigger or its
    clause). "Die gesprekken vinden volgens de Amerikaanse gezant Steve Witkoff zondag plaats" -> Witkoff;
    "Rusland meldt dat Moskou en Washington overeenkwamen …" -> Russia (for a span in the "dat" clause);
    "…, aldus X" / "according to the Kremlin" / "the ministry said" likewise. None when the article states it
    itself. ``exclude`` holds actor indices that must not be returned (the event's own actors: a speaker who
    commits in his own person is the actor, not the source). Uses ``doc.statements`` when the statements
    stage has run, else finds them on the fly.

``speech_cues(doc)`` -> list[SpeechCue]
    Every attribution with its cue span, speaker, the span it covers (the reported words) and how it was
    found ("that", "postposed", "according", "tail", "head", …).

Both work on a document with only tokens and sentences; actors must be there for a speaker to be found.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kroniek.document import ArticleDoc, CharSpan
from kroniek.statements.channels import find_channel
from kroniek.statements.context import Analysis, Found, Speaker
from kroniek.statements.direct import find_direct
from kroniek.statements.indirect import find_indirect, find_retro

CONTEXT_SENTENCES = 2  # an unattributed full-sentence quote continues a statement at most this far back
LOOK_BACK = 8  # statements looked back at for context and duplicates


@dataclass(frozen=True, slots=True)
class SpeechCue:
    cue: CharSpan | None
    speaker: int | None
    scope: CharSpan  # the reported words
    direct: bool
    how: str
    channel: str | None = None


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


def speech_cues(doc: ArticleDoc) -> list[SpeechCue]:
    return [SpeechCue(f.cue, f.speaker.actor, f.text, f.direct, f.how, f.channel) for f in find_statements(doc)]


def source_of(doc: ArticleDoc, span: CharSpan, exclude: Iterable[int] = ()) -> int | None:
    """The actor the article attributes the passage ``span`` to, or None (see the module docstring)."""
    banned = set(exclude)
    if "statements" in doc.provided or doc.statements:
        scopes = [(s.text, s.speaker) for s in doc.statements]
    else:
        scopes = [(c.scope, c.speaker) for c in speech_cues(doc)]
    best: tuple[int, int] | None = None  # (overlap, speaker)
    for scope, speaker in scopes:
        if speaker is None or speaker in banned or not scope.overlaps(span):
            continue
        overlap = min(scope.end, span.end) - max(scope.start, span.start)
        if scope.start <= span.start < scope.end:
            overlap += span.end - span.start  # containing the start of the clause weighs most
        if best is None or overlap > best[0]:
            best = (overlap, speaker)
    return best[1] if best is not None else None
