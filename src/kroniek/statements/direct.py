"""Direct speech: which quotations are statements, and who said them.

A quotation becomes a statement when something attributes it:
- a cue after it: ``"…," zei Poetin`` / ``"…," he said`` / ``"…", aldus X`` / ``« … » a-t-il souligné``;
- a cue before it: ``Poetin zei: "…"`` / ``by saying "…"`` / ``a déclaré que « … »``, or a sentence that
  ends in a colon (its subject speaks);
- a cue between two quotes: ``'…,' zei hij, '…'`` (both quotes get it);
- a credit line: a pull quote, then "Name, function" on the same or the next line;
- a medium named right after it: ``het artikel «…» in The Washington Post``;
- nothing, when the quote is one or more whole sentences of at least ``MIN_WORDS_UNATTRIBUTED`` words: the
  stage then gives it the speaker of the statement just before it (continued quotation), if any.
Short quoted phrases inside a sentence ("gebaar van goede wil") are not statements (gold convention).
"""

from __future__ import annotations

import bisect
import re

from kroniek.document import CharSpan
from kroniek.statements.context import NO_SPEAKER, Analysis, Found, Speaker
from kroniek.statements.lexicon import CueMatch
from kroniek.statements.quotes import Quote

MIN_WORDS_ATTRIBUTED = 3
MIN_WORDS_UNATTRIBUTED = 6
TAIL_CUE_WITHIN_WORDS = 5  # the cue after a quote starts among its first words: '," the Head of State said'
CREDIT_LINE_MAX_WORDS = 12
_WORD_RE = re.compile(r"\w+")
_SENT_FINAL = ".!?…"


def _words(text: str) -> int:
    return len(_WORD_RE.findall(text))


def find_direct(an: Analysis) -> tuple[list[Found], set[int]]:
    """Direct statements, and the start offsets of the cues they used (indirect speech skips those)."""
    out: list[Found] = []
    used_cues: set[int] = set()
    previous: tuple[Quote, Found, int] | None = None  # quote, its statement, end of its tail
    text = an.text
    for idx, q in enumerate(an.quotes):
        n_words = an.quote_words[idx]
        next_open = an.quotes[idx + 1].open if idx + 1 < len(an.quotes) else len(text)
        tail_end = _tail_end(an, q, next_open)
        found = _tail(an, q, tail_end) or _head(an, q)
        if found is None and previous is not None:
            found = _chain(an, q, *previous)
        if found is None:
            found = _credit_line(an, q) or _media_after(an, q, tail_end)
        if found is not None and n_words < MIN_WORDS_ATTRIBUTED:
            found = None
        if found is None and n_words >= MIN_WORDS_UNATTRIBUTED and _sentence_like(an, q):
            found = Found(CharSpan(q.start, q.end), True, NO_SPEAKER, None, "unattributed")
        if found is None:
            continue
        if found.cue is not None:
            used_cues.add(found.cue.start)
        out.append(found)
        previous = (q, found, tail_end)
    return out, used_cues


def _tail_end(an: Analysis, q: Quote, next_open: int) -> int:
    text = an.text
    end = min(next_open, an.paragraph_end(q.outer_end), q.outer_end + 200)
    region = text[q.outer_end : end]
    lead = len(region) - len(region.lstrip(" ,.;:" + _SENT_FINAL))
    m = re.search(r"[.!?;](\s|$)", region[lead:])
    return q.outer_end + lead + m.start() + 1 if m else end


def _tail(an: Analysis, q: Quote, tail_end: int) -> Found | None:
    toks = an.tokens_between(q.outer_end, tail_end)
    cues = [c for c in an.lex.find(toks, ("verb", "postposed", "according_before"))]
    if not cues:
        return None
    words_before = 0
    for i, tok in enumerate(toks):
        if i == cues[0].first:
            break
        words_before += tok.is_word
    if words_before > TAIL_CUE_WITHIN_WORDS:
        return None
    # After a quote that ends its sentence, a cue counts only in a short attribution sentence
    # ('"…." The President said.'), not at the start of a new sentence with its own content.
    closed_sentence = an.text[q.start : q.end].rstrip().endswith(tuple(_SENT_FINAL)) or an.text[
        q.outer_end : q.outer_end + 2
    ].lstrip()[:1] in tuple(_SENT_FINAL)
    if closed_sentence and sum(t.is_word for t in toks) > TAIL_CUE_WITHIN_WORDS + 1:
        return None
    if cues[0].entry in an.lex.participles:
        return None  # '"…", adding that …': the participle reports something else
    cue = an.absolute(toks, cues[0])
    speaker = (
        an.speaker_right_after(cue.end, tail_end)
        or an.speaker_right_before(cue.start, q.outer_end)
        or an.apposed_person(cue.end, tail_end)
        or an.first_speaker_in(q.outer_end, tail_end)
        or an.description_at(cue.end, tail_end)
        or an.description_at(q.outer_end, cue.start)
        or NO_SPEAKER
    )
    return Found(
        CharSpan(q.start, q.end),
        True,
        speaker,
        CharSpan(cue.start, cue.end),
        "tail",
        cue_region=CharSpan(q.outer_end, tail_end),
    )


def _head_start(an: Analysis, q: Quote) -> int:
    text = an.text
    line_start = text.rfind("\n", 0, q.open) + 1
    start = line_start
    for m in re.finditer(r"[.!?](?=[\s\"”’»]*\s)", text[line_start : q.open]):
        start = line_start + m.end()
    # a statement quote before it bounds the head; a short quoted phrase ("defensive") does not
    k = bisect.bisect_left(an.quote_opens, q.open) - 1
    while k >= 0 and an.quotes[k].outer_end > start:
        if an.quote_words[k] >= MIN_WORDS_ATTRIBUTED and an.quotes[k].outer_end <= q.open:
            start = an.quotes[k].outer_end
            break
        k -= 1
    if not text[start : q.open].strip() and line_start > 0:
        # a quote that opens a paragraph after "… zei:" at the end of the previous one
        prev_line_end = line_start - 1
        while prev_line_end > 0 and text[prev_line_end - 1] == "\n":
            prev_line_end -= 1
        if text[:prev_line_end].rstrip().endswith(":"):
            prev_start = text.rfind("\n", 0, prev_line_end) + 1
            last = prev_start
            for m in re.finditer(r"[.!?](?=\s)", text[prev_start:prev_line_end]):
                last = prev_start + m.end()
            return last
    return start


def _head(an: Analysis, q: Quote) -> Found | None:
    text = an.text
    start = _head_start(an, q)
    head = text[start : q.open].rstrip()
    if not head.strip():
        return None
    toks = an.tokens_between(start, start + len(head))
    if not toks:
        return None
    cues = an.lex.find(toks, ("verb", "according_before"))
    if head.endswith(":"):
        if cues:
            cue = an.absolute(toks, cues[-1])
            speaker = _speaker_for(an, cue)
            if speaker.actor is None:
                speaker = an.first_speaker_in(start, cue.start) or speaker
            return Found(
                CharSpan(q.start, q.end),
                True,
                speaker,
                CharSpan(cue.start, cue.end),
                "head",
                cue_region=CharSpan(start, q.open),
            )
        speaker = an.first_speaker_in(start, q.open) or NO_SPEAKER
        return Found(
            CharSpan(q.start, q.end),
            True,
            speaker,
            _verb_after(an, speaker, q.open),
            "colon",
            cue_region=CharSpan(start, q.open),
        )
    if not cues:
        return None
    # the head must end with the cue (maybe + complementizer or comma): "… by saying", "a déclaré que"
    last = len(toks) - 1
    while last >= 0 and (
        toks[last].low in ",:" or toks[last].low in an.lex.complementizers or toks[last].low in ("'", "’")
    ):
        last -= 1
    cue = cues[-1]
    if cue.kind == "according_before":
        sp = an.speaker_right_after(toks[cue.last].end, q.open)
        if sp is None or sp.span is None or an.token_index(sp.span.end) < an.token_index(toks[last].end):
            return None
        cue = an.absolute(toks, cue)
        return Found(
            CharSpan(q.start, q.end),
            True,
            sp,
            CharSpan(cue.start, sp.span.end),
            "head",
            cue_region=CharSpan(start, q.open),
        )
    if cue.last != last:
        return None
    cue = an.absolute(toks, cue)
    return Found(
        CharSpan(q.start, q.end),
        True,
        _speaker_for(an, cue),
        CharSpan(cue.start, cue.end),
        "head",
        cue_region=CharSpan(start, q.open),
    )


def _speaker_for(an: Analysis, cue: CueMatch) -> Speaker:
    return an.subject_of(cue)


def _verb_after(an: Analysis, speaker: Speaker, limit: int) -> CharSpan | None:
    """The word after the subject of a sentence that introduces a quote with a colon: its verb, as cue."""
    if speaker.span is None:
        return None
    toks = an.tokens_between(speaker.span.end, limit)
    if toks and toks[0].is_word and an.text[toks[0].start].islower():
        return CharSpan(toks[0].start, toks[0].end)
    return None


def _chain(an: Analysis, q: Quote, prev_q: Quote, prev: Found, prev_tail_end: int) -> Found | None:
    """'…,' zei hij, '…': the cue between two quotes of one paragraph serves both."""
    if prev.how != "tail" or prev.cue is None:
        return None
    between = an.text[prev_q.outer_end : q.open]
    if "\n" in between or not between.rstrip().endswith((",", ":")) or prev_tail_end < q.open - 2:
        return None
    return Found(CharSpan(q.start, q.end), True, prev.speaker, prev.cue, "chain", cue_region=prev.cue_region)


def _credit_line(an: Analysis, q: Quote) -> Found | None:
    """A pull quote that opens its line, then "Name, function" on the rest of the line or the next one."""
    text = an.text
    line_start = text.rfind("\n", 0, q.open) + 1
    if text[line_start : q.open].strip(" -—–") != "":
        return None
    line_end = an.paragraph_end(q.outer_end)
    rest = CharSpan(q.outer_end, line_end)
    if not text[rest.start : rest.end].strip():
        nxt = line_end + 1
        while nxt < len(text) and text[nxt] == "\n":
            nxt += 1
        if nxt >= len(text):
            return None
        rest = CharSpan(nxt, an.paragraph_end(nxt))
    credit = text[rest.start : rest.end]
    if not credit.strip() or _words(credit) > CREDIT_LINE_MAX_WORDS:
        return None
    toks = an.tokens_between(rest.start, rest.end)
    if an.lex.find(toks, ("verb",)):
        return None  # a sentence, not a credit
    mentions = an.mentions_in(rest.start, rest.end)
    if not mentions:
        return None
    first = mentions[0]
    lead = text[rest.start : first.start].strip(" -—–,(")
    if lead:
        return None
    speaker = Speaker(first.actor, CharSpan(first.start, first.end), "mention")
    return Found(CharSpan(q.start, q.end), True, speaker, None, "credit", cue_region=rest)


def _media_after(an: Analysis, q: Quote, tail_end: int) -> Found | None:
    """«headline» in The Washington Post: a quoted headline is a statement of the newspaper."""
    toks = an.tokens_between(q.outer_end, tail_end)[:4]
    for tok in toks:
        m = an.mention_covering(tok.start, tok.end)
        if m is not None:
            if m.kind != "media":
                return None
            speaker = Speaker(m.actor, CharSpan(m.start, m.end), "mention")
            found = Found(
                CharSpan(q.start, q.end), True, speaker, None, "media", cue_region=CharSpan(q.outer_end, tail_end)
            )
            found.channel = an.doc.actors[m.actor].name
            return found
    return None


def _sentence_like(an: Analysis, q: Quote) -> bool:
    """The quote is one or more whole sentences: nothing of its sentence outside the marks."""
    text = an.text
    before = text[_head_start(an, q) : q.open].strip()
    if before and not before.endswith(tuple(_SENT_FINAL + ":")):
        return False
    inner_end = text[q.start : q.end].rstrip()
    after = text[q.outer_end : q.outer_end + 3].lstrip(" ")
    return inner_end.endswith(tuple(_SENT_FINAL)) or after[:1] in ("", "\n") or after[:1] in _SENT_FINAL
