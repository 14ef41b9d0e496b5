"""Sentence segmentation that survives news text.

Rules on top of whatever the pipeline does (a trained parser or a rule-based sentencizer):

- a blank line (paragraph break) always ends a sentence;
- a single line break ends one too (headlines, bylines and captions carry no full stop), unless the
  text is merely hard-wrapped: the line does not end in sentence punctuation and the next line
  starts with a lower-case letter;
- a dateline ("WASHINGTON (ANP) -", "Den Haag (Reuters) —") is a sentence of its own, so it is not
  parsed as part of the lead sentence;
- abbreviations ("dr.", "mr.", "o.a.", "di.", "Mr.", "U.S.") are single tokens and do not end a
  sentence before a name, a number or a lower-case word (lists in data/abbreviations.toml);
- a closing quotation mark (” " ’ » ') never starts a sentence, and neither does a lower-case word
  right after one („Nee.” zei hij);
- after an abbreviation that may end a sentence ("U.S.", "etc."), a capitalised function word
  ("The", "Het") starts a new one;
- whitespace tokens never start a sentence (they stay with the sentence before them);
- otherwise a sentence starts only after sentence-final punctuation (. ! ? …, possibly followed by
  closing quotes or brackets): news text is punctuated, and parsers trained on web text (EWT) or
  Wikipedia split "Mr. Biden met | Chancellor Scholz" before capitalised words.

Rules set ``token.is_sent_start`` to True or False before the parser runs; spaCy's parser respects
both, and leaves the undecided tokens to its own model.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc, Token

ABBREVIATIONS_FILE = Path(__file__).resolve().parent / "data" / "abbreviations.toml"

SENTENCE_FINAL = frozenset(".!?…:;")
CLOSING_QUOTES = frozenset(["”", '"', "’", "»", "'", "‹", "›", "«", "“"])
# „ and “ open a Dutch quotation, « opens a French one; as the first character of a line or after a
# space they never close one.
OPENING_QUOTES = frozenset(["„", "“", "«", "‘", "‚"])

# A dateline at the start of a line: a place (capitalised words, optionally a date after a comma),
# an optional (AGENCY) in brackets, then a dash. Either the place is in capitals ("WASHINGTON -") or
# an agency in brackets follows it ("Den Haag (ANP) -"), so that ordinary sentences that contain a
# dash are not taken for datelines.
_PLACE = r"[A-ZÀ-ÖØ-Þ][\w'’.\-]*(?:[ \-][A-ZÀ-ÖØ-Þa-zß-ÿ][\w'’.\-]*){0,3}"
_DATE = r"(?:,[ \t]*[\w .]{1,25})?"
_AGENCY = r"\([A-Za-z0-9/ ,.&\-]{1,40}\)"
DATELINE_RE = re.compile(
    rf"^[ \t]*(?:(?P<caps>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.\- ]{{1,40}}{_DATE}(?:[ \t]*{_AGENCY})?)"
    rf"|(?P<agency>{_PLACE}{_DATE}[ \t]*{_AGENCY}))[ \t]*[-–—][ \t]+(?=\S)",
    re.MULTILINE,
)


@dataclass(frozen=True)
class AbbreviationLists:
    never_final: frozenset[str] = field(default_factory=frozenset)
    may_end: frozenset[str] = field(default_factory=frozenset)

    def all(self) -> frozenset[str]:
        return self.never_final | self.may_end


@lru_cache(maxsize=8)
def abbreviations(lang: str) -> AbbreviationLists:
    """The abbreviation lists for a language, with capitalised variants of lower-case entries."""
    with ABBREVIATIONS_FILE.open("rb") as handle:
        data = tomllib.load(handle)
    section = data.get(lang, {})

    def expand(words: list[str]) -> frozenset[str]:
        out: set[str] = set()
        for word in words:
            out.add(word)
            if word[:1].islower():
                out.add(word[:1].upper() + word[1:])
        return frozenset(out)

    never_final = expand(section.get("never_final", []))
    may_end = expand(section.get("may_end", [])) - never_final
    return AbbreviationLists(never_final=never_final, may_end=may_end)


def add_abbreviation_special_cases(nlp: Any, lang: str) -> None:
    """Make every listed abbreviation one token, so "di." or "Tue." is not split into word + stop."""
    for abbr in sorted(abbreviations(lang).all()):
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])


def _starts_lower(token: Token) -> bool:
    first = token.text[:1]
    return first.isalpha() and first.islower()


def _line_break_rule(text: str, prev_word: Token, token: Token) -> bool | None:
    """Decide a sentence start from the whitespace between two words, if it holds a line break."""
    if token.i == prev_word.i + 1:
        return None  # adjacent words with at most one plain space between them: no line break
    gap = text[prev_word.idx + len(prev_word.text) : token.idx]
    if "\n" not in gap:
        return None
    if re.search(r"\n[ \t\r]*\n", gap):
        return True
    last = prev_word.text[-1:]
    ends_sentence = last in SENTENCE_FINAL or last in CLOSING_QUOTES or last == ")"
    if not ends_sentence and _starts_lower(token):
        return False  # hard-wrapped text
    return True


def _abbreviation_rule(prev_word: Token, token: Token, abbrs: AbbreviationLists) -> bool | None:
    if prev_word.text in abbrs.never_final:
        return False
    if prev_word.text in abbrs.may_end:
        if not token.text[:1].isupper():
            return False
        # "the U.S. The talks": a capitalised function word starts a sentence; "the U.S. Senate"
        # (a capitalised content word) is left to the model.
        if token.text[1:].islower() and token.is_stop:
            return True
    return None


def _quote_rule(doc: Doc, prev_word: Token, token: Token) -> bool | None:
    if token.text not in CLOSING_QUOTES and prev_word.text not in CLOSING_QUOTES:
        return None
    if token.text in CLOSING_QUOTES and token.text not in OPENING_QUOTES:
        # A closing mark glued to the word before it ends that sentence; it never begins one.
        if token.idx == prev_word.idx + len(prev_word.text):
            return False
    if prev_word.text in CLOSING_QUOTES and _starts_lower(token):
        before = doc[prev_word.i - 1] if prev_word.i > 0 else None
        if before is not None and before.idx + len(before.text) == prev_word.idx:
            return False  # „Nee.” zei hij
    return None


TERMINAL = frozenset(".!?…")
CLOSERS = CLOSING_QUOTES | frozenset(")]")


def _punctuation_rule(doc: Doc, prev_word: Token) -> bool | None:
    """False unless the previous word ends a sentence (possibly followed by closing marks)."""
    i = prev_word.i
    while i > 0 and doc[i].text in CLOSERS:
        i -= 1
    if doc[i].text[-1:] in TERMINAL:
        return None
    return False


def dateline_ends(doc: Doc, text: str | None = None) -> list[int]:
    """Token indices of the first word after each dateline."""
    starts: list[int] = []
    for match in DATELINE_RE.finditer(doc.text if text is None else text):
        end = match.end()
        # Only near the start of the document or the start of a paragraph/line: the regex is anchored
        # to line starts already; require a short line prefix so long sentence openings are not taken.
        if match.end() - match.start() > 80:
            continue
        span = doc.char_span(end, end + 1, alignment_mode="expand")
        if span is not None and len(span):
            starts.append(span[0].i)
    return starts


@Language.factory("kroniek_news_sentences", default_config={"lang": None})
def make_news_sentences(nlp: Language, name: str, lang: str | None) -> NewsSentences:
    return NewsSentences(lang or str(nlp.lang))


class NewsSentences:
    """Pipeline component applying the news rules (see module docstring)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.abbrs = abbreviations(lang)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        # The decisions go into one array written back in a single call: setting
        # ``token.is_sent_start`` one token at a time makes spaCy check the whole document for a
        # parse on every assignment, which is quadratic in the document's length.
        starts = doc.to_array([SENT_START]).astype(numpy.int64)
        for index, decision in self.decisions(doc):
            starts[index] = 1 if decision else -1
        values: Any = starts.astype(numpy.uint64)  # spaCy reads -1 back from its uint64 form
        doc.from_array([SENT_START], values)
        return doc

    def decisions(self, doc: Doc) -> Iterator[tuple[int, bool]]:
        """(token index, starts a sentence) for every token a rule decides; the rest are left open."""
        text = doc.text  # Doc.text is rebuilt on every access: read it once
        dateline_starts = set(dateline_ends(doc, text))
        prev_word: Token | None = None
        for token in doc:
            if token.is_space:
                if token.i > 0:
                    yield token.i, False
                continue
            if token.i == 0:
                prev_word = token
                continue
            if prev_word is None:
                # Only whitespace before the first word: it starts the text's first sentence.
                yield token.i, True
                prev_word = token
                continue
            decision = _line_break_rule(text, prev_word, token)
            if decision is None and token.i in dateline_starts:
                decision = True
            if decision is None:
                decision = _abbreviation_rule(prev_word, token, self.abbrs)
            if decision is None:
                decision = _quote_rule(doc, prev_word, token)
            if decision is None:
                decision = _punctuation_rule(doc, prev_word)
            if decision is not None:
                yield token.i, decision
            prev_word = token


def add_news_segmentation(nlp: Any, lang: str) -> None:
    """Make sure the pipeline segments sentences, then enforce the news rules.

    With a parser the rules run before it and constrain it. Without one a sentencizer proposes
    boundaries and the rules run after it, overriding where they decide.
    """
    add_abbreviation_special_cases(nlp, lang)
    names = set(nlp.pipe_names)
    if not ({"parser", "senter", "sentencizer"} & names):
        nlp.add_pipe("sentencizer")
        names.add("sentencizer")
    if "kroniek_news_sentences" in names:
        return
    if "parser" in names:
        nlp.add_pipe("kroniek_news_sentences", before="parser", config={"lang": lang})
    else:
        nlp.add_pipe("kroniek_news_sentences", last=True, config={"lang": lang})
