"""Implicit speech acts by "spoke of" (issue 13, docs/annotation.md ``implicit_speech_act``): «Die Opposition
sprach von „peinlichem Theater“», «Human Rights Watch sprak van 'een systematische poging'», «the minister
spoke of "a cowardly attack"», «il a parlé d'une « mascarade »».

Gold makes such a characterisation an act of its speaker: an ACCUSE (mode disapprove), or a SUPPORT where
the words praise ("sprak van een triomf"). The rule: a "spoke of" phrase of ``[implicit].spoke_of``
(lang/<code>/events.toml) followed, within ``QUOTE_REACH`` characters, by a quotation mark or by an
evaluative word of ``[implicit].accuse``, gives one ACCUSE/disapprove (SUPPORT where a word of
``[implicit].praise`` follows) whose actor is the speaker the statements stage found for the phrase,
or else the nearest actor named before it in its sentence; trigger the phrase, evidence the sentence. A
sentence that already holds an ACCUSE or SUPPORT gets none. The recipient is left to events/reactions.py.
Measured in docs/events.md "Implicit speech acts and collective subjects, round 9".
"""

from __future__ import annotations

import re
from functools import lru_cache

from kroniek import lang as lang_packs
from kroniek.document import ArticleDoc, CharSpan, EventRecord
from kroniek.lang.text import alternation

IMPLICIT_CONFIDENCE = 0.5
QUOTE_REACH = 40  # characters from the end of "spoke of" to the quote or word it introduces
QUOTES = "\"'“”„«‘’‚"


@lru_cache(maxsize=8)
def _patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str] | None, re.Pattern[str] | None] | None:
    """(spoke of, accusing words, praising words) of the language, or None where it lists no "spoke of"."""
    if not lang_packs.has(lang):
        return None
    table = lang_packs.get(lang).table("events").get("implicit", {})
    spoke = table.get("spoke_of", [])
    if not spoke:
        return None

    def words(name: str) -> re.Pattern[str] | None:
        listed = table.get(name, [])
        return re.compile(rf"(?<!\w)(?:{alternation(listed)})\w*", re.IGNORECASE) if listed else None

    spoke_of = re.compile(rf"(?<!\w)(?:{alternation(spoke)})(?!(?<=\w)\w)", re.IGNORECASE)  # "d'" ends in no letter
    return spoke_of, words("accuse"), words("praise")


def _speaker(doc: ArticleDoc, cue: CharSpan, sentence: CharSpan) -> int | None:
    """The speaker the statements stage found for the phrase, or the actor named last before it in its
    sentence."""
    for st in doc.attributions:
        if st.speaker is not None and st.cue is not None and st.cue.start < cue.end and cue.start < st.cue.end:
            return st.speaker
    before = [
        (m.end, i)
        for i, actor in enumerate(doc.actors)
        for m in actor.mentions
        if sentence.start <= m.start and m.end <= cue.start
    ]
    return max(before)[1] if before else None


def _kind(text: str, accuse: re.Pattern[str] | None, praise: re.Pattern[str] | None) -> str | None:
    """SUPPORT where a praising word follows, else ACCUSE where a quote or an accusing word does."""
    if praise is not None and praise.search(text):
        return "SUPPORT"
    if any(ch in QUOTES for ch in text) or (accuse is not None and accuse.search(text)):
        return "ACCUSE"
    return None


def implicit_acts(doc: ArticleDoc, events: list[EventRecord]) -> list[EventRecord]:
    """Add the acts made by "spoke of" (see the module's docstring) to ``events``; returns it."""
    patterns = _patterns(doc.lang)
    if patterns is None:
        return events
    spoke_of, accuse, praise = patterns
    added: list[EventRecord] = []
    for found in spoke_of.finditer(doc.text):
        cue = CharSpan(found.start(), found.end())
        sentence = doc.sentence_of(cue.start)
        if sentence is None:
            continue
        kind = _kind(doc.text[cue.end : min(sentence.end, cue.end + QUOTE_REACH)], accuse, praise)
        speaker = _speaker(doc, cue, sentence)
        if kind is None or speaker is None:
            continue
        if any(
            e.event in ("ACCUSE", "SUPPORT") and e.evidence.start < sentence.end and sentence.start < e.evidence.end
            for e in [*events, *added]
        ):
            continue
        added.append(
            EventRecord(
                event="ACCUSE" if kind == "ACCUSE" else "SUPPORT",
                mode="disapprove" if kind == "ACCUSE" else None,
                evidence=CharSpan(sentence.start, sentence.end),
                trigger=[cue],
                actor=[speaker],
                confidence=IMPLICIT_CONFIDENCE,
                entry_id=f"{doc.lang}.implicit.spoke_of",
                explain={"rule": f"implicit speech act: {found.group(0)!r} before a quote or evaluative word"},
            )
        )
    return events + added
