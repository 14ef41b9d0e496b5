"""Which way does a sentence point: to the past or to the future?

A bare weekday ("dinsdag", "on Tuesday") is the last such day in a past-tense report and the coming
one in a plan ("zal", "will", "wird", "va") or a present-tense schedule ("Die gesprekken vinden
zondag plaats"). With a trained spaCy pipeline the verbs' Tense morphology decides; otherwise the
cue words and the weak-past suffix in the language's ``[tense]`` table do.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from kroniek.document import ArticleDoc, CharSpan
from kroniek.lang.text import normalise
from kroniek.time.lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_WORD = re.compile(r"[\w'’]+(?:-[\w]+)*")


# ``normalise`` of one word, cached: a sentence's words are normalised again for every timex in it and for
# each of the clause, the sentence and the reporting checks
_normalise_word = lru_cache(maxsize=1 << 16)(normalise)


def _clause_tokens(text: str) -> list[str]:
    return [_normalise_word(w) for w in _WORD.findall(text)]


@lru_cache(maxsize=4096)
def _phrase_parts(phrase: str) -> list[str]:
    """The normalised words of a cue phrase (cached: the same few cues are tried against every clause;
    callers only read the list)."""
    return normalise(phrase).split()


def _has_phrase(words: list[str], phrase: str) -> bool:
    parts = _phrase_parts(phrase)
    n = len(parts)
    if n and parts[0] not in words:
        return False  # no place to start: most cues are absent from most clauses
    return any(words[i : i + n] == parts for i in range(len(words) - n + 1))


def _morph_direction(span: Span, kept: str, offset: int, perfect_aux: frozenset[str] = frozenset()) -> str | None:
    """The tense of the verbs in ``span``, skipping those ``_without_reporting`` blanked out of ``kept``
    (the sentence text starting at ``offset``): "Officials said" only dates the report. A participle with
    one of ``perfect_aux`` (the language's ``[tense].perfect_aux`` lemmas) is a perfect: the past."""
    past = future = present = perfect = False
    for token in span:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        at = token.idx - offset
        if 0 <= at < len(kept) and kept[at].isspace():
            continue
        tense, form = token.morph.get("Tense", []), token.morph.get("VerbForm", [])
        if "Part" in form and ("Past" in tense or not tense):  # Dutch participles carry no Tense
            # a past participle with a tense auxiliary ("has seized", "hat beschlagnahmt", "a saisi",
            # "having seized"; not the passive's "is seized") reports what has happened
            perfect = perfect or _has_perfect_aux(token, perfect_aux)
        elif "Past" in tense:
            past = True
        elif "Fut" in tense:
            future = True
        elif "Pres" in tense and "Fin" in form:
            present = True
    if past:
        return "past"
    if future:
        return "future"
    if perfect:
        return "past"
    return "present" if present else None


def _has_perfect_aux(participle: Token, perfect_aux: frozenset[str]) -> bool:
    """Whether an auxiliary of the perfect ("has", "heeft", "hat", "a"; by lemma) hangs on ``participle``:
    not the passive's "is" (en), "wordt", "wird", "est", whose lemmas the list leaves out."""
    return any(
        child.dep_.startswith("aux") and (child.lemma_.lower() in perfect_aux or child.lower_ in perfect_aux)
        for child in participle.children
    )


def _decide(words: list[str], cues: dict[str, object]) -> str | None:
    """'future', 'past', or None when the words hold no cue."""
    if any(_has_phrase(words, cue) for cue in cues.get("future", [])):  # type: ignore[attr-defined]
        return "future"
    past_words, long_forms, suffix, not_after = _past_cues(
        tuple(cues.get("past", [])),  # type: ignore[arg-type]
        f"{cues.get('past_suffix', '(?!)')}",
        tuple(cues.get("past_suffix_not_after", [])),  # type: ignore[arg-type]
    )
    for word in words:
        if word in past_words or word.endswith(long_forms):
            return "past"
    for i, word in enumerate(words):
        if suffix.match(word) and (i == 0 or words[i - 1] not in not_after):
            return "past"
    return None


@lru_cache(maxsize=64)
def _past_cues(
    past: tuple[str, ...], past_suffix: str, suffix_not_after: tuple[str, ...]
) -> tuple[frozenset[str], tuple[str, ...], re.Pattern[str], frozenset[str]]:
    """A language's past-tense cues, normalised and compiled once (``_decide`` runs for every clause of
    every timex): the past words, those of 4 letters or more (matched as word endings too), the weak-past
    suffix pattern and the words after which that suffix does not count."""
    past_words = frozenset(normalise(w) for w in past)
    long_forms = tuple(w for w in (normalise(w) for w in past) if len(w) >= 4)
    suffix = re.compile(rf"^\w{{3,}}{past_suffix}$")
    return past_words, long_forms, suffix, frozenset(normalise(w) for w in suffix_not_after)


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end): between the nearest , ; : or dash on either side."""
    left = max(text.rfind(mark, 0, start) for mark in (",", ";", ":", " – ", " - "))
    rights = [i for i in (text.find(mark, end) for mark in (",", ";", ":", " – ", " - ")) if i >= 0]
    return left + 1, min(rights) if rights else len(text)


def _is_bare_adverbial(piece: str, start: int, end: int) -> bool:
    """True when ``piece`` holds at most two words besides the timex at [start, end) ("On Monday",
    "Late on Monday"): too few for a clause of its own."""
    outside = piece[: max(0, start)] + " " + piece[max(0, end) :]
    return len(_WORD.findall(outside)) <= 2


def _reporting_end(piece: str, reporting: list[str]) -> int | None:
    """Where the first reporting verb of ``piece`` ends, or None when it holds none."""
    words = [(m.end(), _normalise_word(m.group(0))) for m in _WORD.finditer(piece)]
    for i in range(len(words)):
        for phrase in reporting:
            parts = phrase.split()
            if [w[1] for w in words[i : i + len(parts)]] == parts:
                return words[i + len(parts) - 1][0]
    return None


def _without_reporting(text: str, start: int, end: int, cues: dict[str, object]) -> str:
    """The sentence without what only dates the report: comma-separated clauses that hold a
    reporting verb and not the timex (", meldde de NOS"), and the words up to a complementizer
    after a reporting verb before the timex ("Hij zei dat ...")."""
    reporting = [normalise(w) for w in cues.get("reporting", [])]  # type: ignore[attr-defined]
    if not reporting:
        return text
    complementizers = [normalise(w) for w in cues.get("complementizer", [])]  # type: ignore[attr-defined]

    def reports(part: str) -> bool:
        words = _clause_tokens(part)  # once per piece, not once per reporting phrase
        return any(_has_phrase(words, r) for r in reporting)

    pieces = re.split(r"([,;:]\s)", text)
    kept: list[str] = []
    offset = 0
    # "On Monday, the agency reported ...": a piece that is only the timex (and a word or two such as
    # "late on") is a fronted adverbial of the clause after it, so that clause's reporting verb is the
    # verb the weekday dates and must stay.
    adverbial_of: int | None = None
    for index, piece in enumerate(pieces):
        holds_timex = offset <= start < offset + len(piece) + 1
        if holds_timex and _is_bare_adverbial(piece, start - offset, end - offset):
            adverbial_of = index + 2  # pieces alternate text, separator, text
        if holds_timex or index == adverbial_of or not reports(piece):
            kept.append(piece)
        else:
            kept.append(" " * len(piece))
        offset += len(piece)
    cleaned = "".join(kept)
    if adverbial_of is not None and adverbial_of < len(pieces):
        # "On Monday, the ministry said it will reopen the border": the weekday dates the saying, so
        # what was said (after the reporting verb) does not decide its tense.
        piece_start = sum(len(p) for p in pieces[:adverbial_of])
        said_end = _reporting_end(pieces[adverbial_of], reporting)
        if said_end is not None:
            cut_at = piece_start + said_end
            return cleaned[:cut_at] + " " * (len(cleaned) - cut_at)
    # "Hij zei dat de minister donderdag reist", "Officials said the talks open on Friday": the
    # reported clause starts after the reporting verb, unless the timex follows that verb closely
    # ("zei dinsdag", "said on Monday": then it dates the saying).
    words = [(m.start(), m.end(), _normalise_word(m.group(0))) for m in _WORD.finditer(cleaned[:start])]
    cut = None
    for i in range(len(words)):
        for phrase in reporting:
            parts = phrase.split()
            if [w[2] for w in words[i : i + len(parts)]] == parts:
                after = words[i + len(parts) :]
                if after and after[0][2] in complementizers:
                    cut = after[0][1]
                elif len(after) >= 3:
                    cut = words[i + len(parts) - 1][1]
    if cut is not None:
        cleaned = " " * cut + cleaned[cut:]
    return cleaned


def _adjacent_direction(text: str, start: int, end: int, cues: dict[str, object]) -> str | None:
    """The tense of a verb right next to the timex at [start, end) of ``text``, which it then dates
    whatever else the sentence says ("Iran on Monday said it will ...", "Police on Monday arrested
    men who will face trial", "The ministry said on Monday it will ..."): the word right after the
    timex when a cue decides it, or a past reporting verb right before it (past an optional
    ``[tense].weekday_prepositions`` word such as "on"), unless a word of ``[tense].not_before_report``
    precedes that verb ("will be announced on Monday")."""
    after = re.match(r"\s+([\w'’]+)", text[end:])
    if after:
        decided = _decide([normalise(after.group(1))], cues)
        if decided is not None:
            return decided
    prepositions = {normalise(w) for w in cues.get("weekday_prepositions", [])}  # type: ignore[attr-defined]
    blockers = {normalise(w) for w in cues.get("not_before_report", [])}  # type: ignore[attr-defined]
    reporting = [normalise(w) for w in cues.get("reporting", [])]  # type: ignore[attr-defined]
    before = [_normalise_word(m.group(0)) for m in re.finditer(r"[\w'’]+|[^\w\s]", text[:start])][-5:]
    if before and before[-1] in prepositions:
        before = before[:-1]
    for phrase in reporting:
        parts = phrase.split()
        n = len(parts)
        if before[-n:] == parts and not (len(before) > n and before[-n - 1] in blockers):
            if _decide(parts, cues) == "past":
                return "past"
    return None


def guess_direction(doc: ArticleDoc, timex: CharSpan, lex: Lexicon) -> str:
    """'past' or 'future' for the clause, else the sentence, around ``timex``.

    The clause decides when it holds a cue ("Het leger trok dinsdag ..."), or, with a parser's
    morphology, when its verb is in the present tense ("De Kamer debatteert donderdag over X,
    meldde de NOS": the reporting verb in the other clause does not make the debate past). Without
    morphology a cue anywhere in the sentence decides, and a sentence without one is read as
    present tense.
    """
    sentence = doc.sentence_of(timex.start) or CharSpan(max(0, timex.start - 200), min(len(doc.text), timex.end + 200))
    cues = lex.tense
    text = _without_reporting(
        doc.text[sentence.start : sentence.end],
        timex.start - sentence.start,
        timex.end - sentence.start,
        cues,
    )
    adjacent = _adjacent_direction(
        doc.text[sentence.start : sentence.end], timex.start - sentence.start, timex.end - sentence.start, cues
    )
    if adjacent is not None:
        return adjacent
    present_future = bool(cues.get("present_means_future", True))
    perfect_aux = frozenset(str(w).lower() for w in cues.get("perfect_aux", []))
    use_morph = doc.nlp is not None and doc.nlp.has_annotation("MORPH") and doc.nlp.has_annotation("POS")
    c_start, c_end = _clause(text, timex.start - sentence.start, timex.end - sentence.start)
    clause_words = _clause_tokens(text[c_start:c_end])
    scopes = [
        (sentence.start + c_start, sentence.start + c_end, clause_words),
        (sentence.start, sentence.end, None),
    ]
    for index, (start, end, words) in enumerate(scopes):
        words = words if words is not None else _clause_tokens(text)
        decided = _decide(words, cues)
        if decided == "future":
            return decided
        if use_morph and doc.nlp is not None:
            span = doc.nlp.char_span(start, end, alignment_mode="expand")
            from_morph = _morph_direction(span, text, sentence.start, perfect_aux) if span is not None else None
            if from_morph == "past":
                return "past"
            if from_morph == "present" and index == 0:
                return "future" if present_future else "past"
        if decided == "past":
            return decided
    return "future" if present_future else "past"


def plan_in_the_past(doc: ArticleDoc, timex: CharSpan, lex: Lexicon) -> bool:
    """The clause around ``timex`` holds an auxiliary of the future in the past (the language's
    ``[tense].future_in_past``: "zouden elkaar in april ontmoeten") and no perfect infinitive after it
    (``[tense].perfect_infinitive``: "zou in april zijn aangevallen" reports a past act): a plan made
    then, which the past tense of the auxiliary does not put behind the publication date."""
    cues = lex.tense
    auxiliaries = frozenset(normalise(str(w)) for w in cues.get("future_in_past", []))
    if not auxiliaries:
        return False
    sentence = doc.sentence_of(timex.start) or CharSpan(max(0, timex.start - 200), min(len(doc.text), timex.end + 200))
    text = doc.text[sentence.start : sentence.end]
    c_start, c_end = _clause(text, timex.start - sentence.start, timex.end - sentence.start)
    words = _clause_tokens(text[c_start:c_end])
    at = next((i for i, w in enumerate(words) if w in auxiliaries), None)
    if at is None:
        return False
    perfect = frozenset(normalise(str(w)) for w in cues.get("perfect_infinitive", []))
    return not any(w in perfect for w in words[at + 1 :])
