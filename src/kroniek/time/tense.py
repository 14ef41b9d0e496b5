"""Which way does a sentence point: to the past or to the future?

A bare weekday ("dinsdag", "on Tuesday") is the last such day in a past-tense report and the coming
one in a plan ("zal", "will", "wird", "va") or a present-tense schedule ("Die gesprekken vinden
zondag plaats"). With a trained spaCy pipeline the verbs' Tense morphology decides; otherwise the
cue words and the weak-past suffix in the language's ``[tense]`` table do.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kroniek.document import ArticleDoc, CharSpan
from kroniek.time.lexicon import Lexicon, normalise

if TYPE_CHECKING:
    from spacy.tokens import Span

_WORD = re.compile(r"[\w'’]+(?:-[\w]+)*")


def _clause_tokens(text: str) -> list[str]:
    return [normalise(w) for w in _WORD.findall(text)]


def _has_phrase(words: list[str], phrase: str) -> bool:
    parts = normalise(phrase).split()
    n = len(parts)
    return any(words[i : i + n] == parts for i in range(len(words) - n + 1))


def _morph_direction(span: Span) -> str | None:
    past = future = present = False
    for token in span:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        tense = token.morph.get("Tense", [])
        if "Past" in tense and "Part" not in token.morph.get("VerbForm", []):
            past = True
        elif "Fut" in tense:
            future = True
        elif "Pres" in tense:
            present = True
    if past:
        return "past"
    if future:
        return "future"
    return "present" if present else None


def guess_direction(doc: ArticleDoc, timex: CharSpan, lex: Lexicon) -> str:
    """'past' or 'future' for the sentence around ``timex``."""
    sentence = doc.sentence_of(timex.start) or CharSpan(
        max(0, timex.start - 200), min(len(doc.text), timex.end + 200)
    )
    text = doc.text[sentence.start : sentence.end]
    words = _clause_tokens(text)
    cues = lex.tense
    if any(_has_phrase(words, cue) for cue in cues.get("future", [])):
        return "future"
    from_morph: str | None = None
    if doc.nlp is not None and doc.nlp.has_annotation("MORPH") and doc.nlp.has_annotation("POS"):
        span = doc.nlp.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is not None:
            from_morph = _morph_direction(span)
    if from_morph == "past":
        return "past"
    past_words = [normalise(w) for w in cues.get("past", [])]
    long_forms = [w for w in past_words if len(w) >= 4]
    suffix = re.compile(rf"^\w{{3,}}{cues.get('past_suffix', '(?!)')}$")
    for word in words:
        if word in past_words or any(word.endswith(form) for form in long_forms):
            return "past"
    if from_morph is None:
        # Without morphology: a weak-past ending on a word that is not the first of the sentence.
        if any(suffix.match(w) for w in words[1:] if w not in cues.get("not_past", [])):
            return "past"
    present_future = bool(cues.get("present_means_future", True))
    return "future" if present_future else "past"
