"""Indirect (reported) speech: a speech cue outside quotation marks and the content it reports.

Constructions, tried in this order for a speech verb:
- postposed: the cue follows a comma, with its speaker: "Mensenrechten staan onder druk, betoogde Kaag." /
  "…, he added." / "…, a déclaré X." / "…, aldus de minister." — the content is the clause before the comma;
- complement clause: "Trump schrijft dat …" / "Putin emphasised that …" / "a indiqué que …" — the content runs
  from the complementizer to the end of the clause (a second coordinated "and that …" is its own statement);
- colon: "Kaag zei: er moet meer gebeuren." — the clause after the colon;
- comma clause (nl, de): "sagte er, die beiden Aufgaben …";
- bare complement of some verbs: "He claimed the drilling is legal" / "spoke about the work being done".
A source preposition ("volgens Kaag", "according to him", "laut X", "selon X", "X zufolge") makes the whole
clause reported content with that speaker. "This was announced by X." reports the previous sentence.
A sentence right after reported speech that carries a continuation adverb ("bovendien", "moreover") and no
cue of its own continues it (cue None).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kroniek.document import CharSpan
from kroniek.statements.context import NO_SPEAKER, Analysis, Found, Speaker
from kroniek.statements.lexicon import CueMatch, Token

MIN_CONTENT_WORDS = 3
COMPLEMENTIZER_WITHIN = 10  # tokens between a verb and its "that"
POSTPOSED_TITLE_WORDS = 5  # "…, the army's chief spokesperson Colonel X said"
POSTPOSED_TAIL_MAX_WORDS = 10  # words after a postposed cue up to the sentence end ("in haar toespraak")
RETRO_MAX_WORDS = 25
CARRIED_BY_MOOD = "continuation (reported mood)"  # how a sentence carried on by "would", "zou", "werde" is found
MOOD_CHAIN = 3  # sentences a report is carried on by continuations
BLOCK_MAX_CHARS = 2500  # a list or paragraph announced by "X said:" is attributed up to this length
_LIST_ITEM = re.compile(r"[ \t]*(?:[-–—•*·▪◦]|\d{1,2}[.)])[ \t]+\S")
_TRIM = " \t\n.,;:!?\"“”„«»‘’'()[]—–-"


def find_indirect(an: Analysis, used_cues: set[int], direct: list[Found]) -> list[Found]:
    out: list[Found] = []
    statement_quotes = [CharSpan(f.text.start, f.text.end) for f in direct]
    for sent in an.sentences:
        toks = an.tokens_between(sent.start, sent.end)
        cues = an.lex.find(toks)
        covered_until = -1
        for rel in cues:
            cue = an.absolute(toks, rel)
            if cue.start in used_cues or cue.start < covered_until:
                continue
            if an.in_quote(cue.start) is not None:
                continue
            found: list[Found] = []
            if cue.kind == "verb":
                found = _verb(an, cue, sent)
            elif cue.kind == "according_before":
                found = _according(an, cue, sent, before=True)
            elif cue.kind == "according_after":
                found = _according(an, cue, sent, before=False)
            elif cue.kind == "postposed":
                found = _postposed_word(an, cue, sent)
            for f in found:
                f.text = _cut_at_quotes(an, f.text, statement_quotes)
                if _words(an, f.text) < MIN_CONTENT_WORDS:
                    continue
                out.append(f)
                if f.text.start > cue.start:
                    covered_until = max(covered_until, f.text.end)
    out.extend(_continuations(an, out, direct))
    return out


def _words(an: Analysis, span: CharSpan) -> int:
    return sum(1 for t in an.tokens_between(span.start, span.end) if t.is_word)


def _trimmed(an: Analysis, start: int, end: int) -> CharSpan:
    text = an.text
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    # keep a closing quote mark or bracket whose opener is inside the span
    for close, open_ in (("”", "„“"), ('"', '"'), ("»", "«"), ("’", "‘"), (")", "(")):
        if end < len(text) and text[end] == close and any(o in text[start:end] for o in open_):
            if text[start:end].count('"') % 2 == 1 or close != '"':
                end += 1
    return CharSpan(start, end)


def _cut_at_quotes(an: Analysis, span: CharSpan, statement_quotes: list[CharSpan]) -> CharSpan:
    """Reported content stops where a direct statement's quotation begins."""
    end = span.end
    for q in statement_quotes:
        if span.start < q.start - 1 < end:
            end = q.start - 1
    return _trimmed(an, span.start, end) if end != span.end else span


def _clause_end(an: Analysis, start: int, sent: CharSpan) -> int:
    """End of reported content that starts at ``start``: the sentence end, a semicolon, or a coordinated
    speech verb or participle that starts a new report (", and spoke about …", ", adding that …")."""
    end = sent.end
    semi = an.text.find(";", start, end)
    if semi >= 0 and not an.in_quote(semi):
        end = semi
    toks = an.tokens_between(start, end)
    for i in range(1, len(toks) - 2):
        if toks[i].low != ",":
            continue
        if toks[i + 1].low in an.lex.coordinators and _new_subject(an, toks, i + 2):
            return toks[i].start  # "said that A, and Nortland attacked B": the author speaks again
        if toks[i + 1].low in an.lex.contrast_openers:
            # "said that A, while Nortland attacked B" ("tandis que Nortland …"): the author sets B against A
            j = i + 3 if toks[i + 2].low in an.lex.complementizers else i + 2
            if j < len(toks) and _new_subject(an, toks, j):
                return toks[i].start
    for rel in an.lex.find(toks, ("verb",)):
        i = rel.first
        if i >= 1 and toks[i - 1].low == "," and rel.entry in an.lex.participles:
            return toks[i - 1].start  # "…, adding that …" reports something else
        if (
            i >= 1
            and toks[i - 1].low in an.lex.coordinators | an.lex.alternatives
            and (i < 2 or toks[i - 2].low == ",")
        ):
            cut = toks[i - 2].start if i >= 2 and toks[i - 2].low == "," else toks[i - 1].start
            return cut
    return end


def _new_subject(an: Analysis, toks: list[Token], i: int) -> bool:
    """An actor mention (after an article) starts at ``toks[i]``: a clause with a subject of its own."""
    if toks[i].low in an.lex.definite_articles and i + 1 < len(toks):
        i += 1
    return an.mention_covering(toks[i].start, toks[i].end) is not None


def _split_coordinated(an: Analysis, span: CharSpan) -> list[CharSpan]:
    """'that A and that B' reports two things."""
    toks = an.tokens_between(span.start, span.end)
    cuts = [span.start]
    for i in range(1, len(toks) - 1):
        if (
            toks[i].low in an.lex.coordinators | an.lex.alternatives
            and toks[i + 1].low in an.lex.complementizers
            and i > 2
        ):
            cuts.append(toks[i + 1].start)
    if len(cuts) == 1:
        return [span]
    parts = []
    for a, b in zip(cuts, [*cuts[1:], span.end], strict=True):
        if b != span.end:
            prev = an.tokens_between(a, b)
            # end before the coordinator
            b = prev[-1].start if prev and prev[-1].low in an.lex.coordinators | an.lex.alternatives else b
        parts.append(_trimmed(an, a, b))
    return parts


def _verb(an: Analysis, cue: CueMatch, sent: CharSpan) -> list[Found]:
    toks = an.tokens
    cue_span = CharSpan(cue.start, cue.end)
    region = CharSpan(sent.start, sent.end)
    clause_start = an.clause_start(cue.start)

    # postposed: "<content>, betoogde Kaag (in haar toespraak)." / "<content>, he added."
    post = _postposed_verb(an, cue, sent, clause_start)
    if post is not None:
        return [post]

    # complement clause
    nxt = cue.last + 1
    limit = an.token_index(sent.end)
    for k in range(nxt, min(limit, nxt + COMPLEMENTIZER_WITHIN)):
        low = toks[k].low
        if low in (".", ";", "!", "?", ":") or an.in_quote(toks[k].start):
            break
        if low in an.lex.complementizers:
            if _is_relative_that(an, cue, k):
                break
            start = toks[k].start
            if _bare_before_coordinated_that(an, cue, nxt, k):
                start = toks[nxt].start  # "said A and that B": A is reported too, without its "that"
            content = _trimmed(an, start, _clause_end(an, start, sent))
            speaker = an.subject_of(cue)
            return [
                Found(part, False, speaker, cue_span, "that", cue_region=region)
                for part in _split_coordinated(an, content)
            ]
        if k > nxt and an.lex.find(toks[k : k + 1], ("verb",)):
            break

    # colon
    for k in range(nxt, min(limit, nxt + 6)):
        if toks[k].low == ":":
            start = toks[k].end
            if an.in_quote(start + 1) or an.in_quote(start + 2):
                return []  # a direct quote: handled by the direct finder
            content = _trimmed(an, start, _clause_end(an, start, sent))
            if not an.text[start : sent.end].strip():
                # "X announced the outcomes:" closing its line: the list or paragraph below is the content
                block = _block_after(an, sent.end)
                if block is None:
                    return []
                span, how = block
                return [Found(span, False, an.subject_of(cue), cue_span, how, cue_region=region)]
            return [Found(content, False, an.subject_of(cue), cue_span, "colon", cue_region=region)]
        if toks[k].low in ".;!?":
            break

    # comma clause (verb-second languages): "sagte er, die beiden …"
    k = nxt
    if an.lex.inversion_first:
        inverted = an.speaker_right_after(cue.end, sent.end)
        if inverted is not None and inverted.span is not None:
            k = an.token_index(inverted.span.end)
        if k < limit and toks[k].low == ",":
            start = toks[k].end
            content = _trimmed(an, start, _clause_end(an, start, sent))
            if not an.in_quote(content.start) and _words(an, content) >= 4:
                return [Found(content, False, inverted or an.subject_of(cue), cue_span, "comma", cue_region=region)]

    # bare complement
    if cue.entry in an.lex.bare_verbs and nxt < limit:
        k = nxt
        if an.lex.inversion_first:
            sp = an.speaker_right_after(cue.end, sent.end)
            if sp is not None and sp.span is not None:
                k = an.token_index(sp.span.end)
        if k < limit and toks[k].is_word and toks[k].low not in an.lex.bare_blockers and not an.in_quote(toks[k].start):
            start = toks[k].start
            content = _trimmed(an, start, _clause_end(an, start, sent))
            if _words(an, content) >= 4 and clause_start < cue.start:
                return [Found(content, False, an.subject_of(cue), cue_span, "bare", cue_region=region)]
    return []


def _bare_before_coordinated_that(an: Analysis, cue: CueMatch, nxt: int, k: int) -> bool:
    """A bare complement stands between the verb and a coordinated complementizer at ``k`` ("said González
    had requested asylum and that Spain would grant it"): a bare verb, a content word right after it, and
    the word before the complementizer a coordinator, with a few words between."""
    toks = an.tokens
    if cue.entry not in an.lex.bare_verbs or k - nxt < 4:
        return False
    first = toks[nxt]
    if not first.is_word or first.low in an.lex.bare_blockers or first.low in an.lex.complementizers:
        return False
    return toks[k - 1].low in an.lex.coordinators


def _block_after(an: Analysis, start: int) -> tuple[CharSpan, str] | None:
    """The list items ("- …", "• …", "1. …") or else the one paragraph that follow a line ending in a colon:
    (its span, "list" or "paragraph"); None when a quotation opens it (the direct finder's) or nothing follows."""
    text = an.text
    pos = start
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    if pos >= len(text) or an.in_quote(pos) is not None or text[pos] in "\"“„«‘'":
        return None
    limit = min(len(text), pos + BLOCK_MAX_CHARS)
    if _LIST_ITEM.match(text, pos):
        end, how = _list_end(text, pos, limit), "list"
    else:
        para = text.find("\n\n", pos)
        end, how = (len(text) if para < 0 else para), "paragraph"
    end = min(end, limit)
    span = _trimmed(an, pos, end)
    if _words(an, span) < MIN_CONTENT_WORDS:
        return None
    return span, how


def _list_end(text: str, pos: int, limit: int) -> int:
    """Where the list items from ``pos`` on end: at the first line that is no item (one blank line between
    items is allowed)."""
    end = line = pos
    blank = 0
    while line < limit:
        nl = text.find("\n", line)
        line_end = len(text) if nl < 0 else nl
        if not text[line:line_end].strip():
            blank += 1
            if blank > 1:
                break
        elif _LIST_ITEM.match(text, line):
            end, blank = line_end, 0
        else:
            break
        line = line_end + 1
    return end


def _is_relative_that(an: Analysis, cue: CueMatch, k: int) -> bool:
    """A complementizer that is also a relative pronoun ("dat", "que") right after a comma that closes a
    noun phrase ("zei iets over het plan, dat …") starts a relative clause, not the reported content.
    English "that" after a comma ("said, however, that") stays a complementizer."""
    return (
        an.tokens[k].low in an.lex.relative_pronouns and k >= 1 and an.tokens[k - 1].low == "," and k - 1 > cue.last + 1
    )


def _postposed_verb(an: Analysis, cue: CueMatch, sent: CharSpan, clause_start: int) -> Found | None:
    toks = an.tokens
    if cue.entry in an.lex.participles:
        return None  # "…, adding that …" continues the sentence, it does not attribute what precedes
    if an.mention_covering(cue.start, cue.end) is not None:
        return None  # "the United States Department of Defense": a name, not the verb "states"
    i = cue.first - 1
    speaker: Speaker | None = None
    # a speaker between the comma and the verb: "…, he added" / "…, the ministry said"
    if i >= 0 and toks[i].low != ",":
        before = an.speaker_right_before(cue.start, max(clause_start, toks[i].start - 200))
        if before is None or before.span is None:
            return None
        i = _before_title(an, an.token_index(before.span.start) - 1)
        speaker = before
    if i < 0 or toks[i].low != ",":
        return None
    if speaker is None:
        # "…, Ukraine's foreign minister, Dmytro Kuleba, said": the name in apposition before the cue speaks
        apposed = _apposed_before(an, i, clause_start)
        if apposed is not None:
            speaker, i = apposed
    comma = toks[i]
    # the rest of the sentence after the cue (and an inverted speaker) must be short and hold no "that"
    # "…, zei regeringswoordvoerder X": the inverted speaker may follow a title the mention leaves out; a
    # bare complement after it ("said the army was ready") still stops the match below
    after = (
        an.speaker_right_after(cue.end, sent.end) or an.speaker_after_title(cue.end, sent.end, POSTPOSED_TITLE_WORDS)
        if speaker is None
        else None
    )
    rest_from = after.span.end if after is not None and after.span is not None else cue.end
    rest = an.tokens_between(rest_from, sent.end)
    # "…, Orpo announced on Tuesday, accusing Moscow of …": a clause after a further comma is no part of the
    # attribution, so only the words before it count
    comma_at = next((k for k, t in enumerate(rest) if t.low == ","), None)
    parenthetical = _parenthetical(an, rest, sent) if speaker is not None and comma_at == 0 else None
    tail_end = sent.end
    if comma_at is not None and not an.in_quote(rest[comma_at].start):
        tail_end = rest[comma_at].start
        rest = rest[:comma_at]
    rest_words = [t for t in rest if t.is_word]
    if len(rest_words) > POSTPOSED_TAIL_MAX_WORDS or any(t.low in an.lex.complementizers for t in rest):
        return None
    if cue.entry in an.lex.bare_verbs and rest and rest[0].is_word and rest[0].low not in an.lex.bare_blockers:
        return None  # "Speaking to CNN, the minister said the army was ready": a bare complement follows
    start = clause_start if clause_start < comma.start else sent.start
    content = _trimmed(an, start, parenthetical.end if parenthetical is not None else comma.start)
    if _words(an, content) < MIN_CONTENT_WORDS:
        return None
    if (
        speaker is not None
        and speaker.actor is not None
        and any(
            m.actor == speaker.actor and m.start <= content.start + 1
            for m in an.mentions_in(content.start, content.end)
        )
    ):
        return None  # "Smith, the party leader, warned …": the speaker and an apposition, not content
    if speaker is None:
        speaker = (
            after
            or an.first_speaker_in(cue.end, tail_end)
            or an.first_speaker_in(cue.start, cue.end)  # "kondigde Ana Vell dinsdag aan": inside a split verb
            or an.description_at(cue.end, sent.end)
            or an.description_at(comma.end, cue.start)
            or NO_SPEAKER
        )
        lead = an.mentions_in(content.start, content.end)[:1]
        if (
            speaker.actor is None
            and lead
            and lead[0].start == content.start
            and an.text[lead[0].end : lead[0].end + 1] == ","
        ):
            return None  # "Miller, the council leader, warned …": subject and apposition, no speaker after
    return Found(
        content, False, speaker, CharSpan(cue.start, cue.end), "postposed", cue_region=CharSpan(comma.start, sent.end)
    )


def _apposed_before(an: Analysis, comma_at: int, floor: int) -> tuple[Speaker, int] | None:
    """A person's name in apposition after a title, between commas right before a cue ("…, Ukraine's
    foreign minister, Dmytro Kuleba, said."): the speaker, and the index of the comma that opens the title.
    The title is up to ``POSTPOSED_TITLE_WORDS`` words with no finite verb; None when there is none."""
    toks = an.tokens
    if comma_at < 1:
        return None
    name = an.mention_covering(toks[comma_at - 1].start, toks[comma_at - 1].end)
    if name is None or name.kind != "person" or name.start < floor:
        return None
    k = an.token_index(name.start) - 1
    if k < 1 or toks[k].low != ",":
        return None
    opener = _before_title(an, k - 1)
    if opener == k - 1 or opener < 0 or toks[opener].start < floor:
        return None
    if any(an.is_finite_verb(t) for t in toks[opener + 1 : k]):
        return None  # "…, Russia attacked the port, Kuleba, said": a clause, not a title
    return Speaker(name.actor, CharSpan(name.start, name.end), "apposition"), opener


def _parenthetical(an: Analysis, rest: list[Token], sent: CharSpan) -> CharSpan | None:
    """The clause after a parenthetical attribution ("In return, she said, X had agreed to …"): ``rest`` (the
    tokens after the cue) opens with a comma and a clause of at least ``MIN_CONTENT_WORDS`` words follows that
    is no participle, complement or coordinated clause ("…, he said, adding that …" reports something else)."""
    if len(rest) < 2 or an.in_quote(rest[0].start):
        return None
    first = rest[1].low
    if first in an.lex.participles or first in an.lex.complementizers or first in an.lex.coordinators:
        return None
    clause = _trimmed(an, rest[0].end, _clause_end(an, rest[0].end, sent))
    return clause if _words(an, clause) >= MIN_CONTENT_WORDS else None


def _before_title(an: Analysis, i: int) -> int:
    """The token before a speaker's title words ("…, Nortland's army spokesperson Colonel X said"): up to
    ``POSTPOSED_TITLE_WORDS`` words that are no complementizer or coordinator and lead back to a comma;
    ``i`` itself when they do not."""
    toks = an.tokens
    k = i
    while (
        k >= 0
        and i - k < POSTPOSED_TITLE_WORDS
        and (toks[k].is_word or toks[k].low in ("'s", "’s", "'", "’", "-"))
        and toks[k].low not in an.lex.complementizers
        and toks[k].low not in an.lex.coordinators
    ):
        k -= 1
    return k if k >= 0 and toks[k].low == "," and k < i else i


def _according(an: Analysis, cue: CueMatch, sent: CharSpan, before: bool) -> list[Found]:
    """ "volgens Kaag" / "according to him" / "laut X" / "selon X" / "X zufolge": the clause is reported."""
    text = an.text
    if before:
        speaker = (
            an.speaker_right_after(cue.end, sent.end)
            or an.speaker_after_title(cue.end, sent.end, POSTPOSED_TITLE_WORDS)
            or _speaker_opened_by_cue(an, cue)
        )
    else:
        speaker = an.speaker_right_before(cue.start, max(sent.start, cue.start - 200))
    if speaker is None or speaker.span is None or speaker.actor is None:
        return []  # "volgens de wet", "according to plan": not a source
    cue_span = CharSpan(min(cue.start, speaker.span.start), max(cue.end, speaker.span.end))
    clause_start = max(an.clause_start(cue.start), _coordinated_start(an, cue))
    end = _clause_end(an, cue_span.end, sent)
    # "Volgens X, …" / "According to him, …": the content is what follows the comma
    lead = text[clause_start : cue_span.start].strip(' "“„«')
    after = text[cue_span.end : cue_span.end + 3].lstrip()
    if not lead and after.startswith(","):
        content = _trimmed(an, cue_span.end, end)
    else:
        content = _trimmed(an, clause_start, end)
    return [Found(content, False, speaker, cue_span, "according", cue_region=CharSpan(sent.start, sent.end))]


def _speaker_opened_by_cue(an: Analysis, cue: CueMatch) -> Speaker | None:
    """The speaker whose mention opens with the cue's last word: "de source diplomatique" (cue "de source",
    speaker "source diplomatique")."""
    last = an.tokens[cue.last]
    m = an.mention_covering(last.start, last.end)
    if m is None or m.start != last.start:
        return None
    return Speaker(m.actor, CharSpan(m.start, m.end), "mention")


def _coordinated_start(an: Analysis, cue: CueMatch) -> int:
    """Where a source phrase's clause starts when a coordinator opens it ("A beloofden X, maar volgens
    hulporganisaties …", "… and according to witnesses …"): at the coordinator, so that the clause before
    stays the author's; else 0."""
    toks = an.tokens
    k = cue.first - 1
    if k >= 1 and (toks[k].low in an.lex.coordinators or toks[k].low in an.lex.contrast_openers):
        if toks[k - 1].low == ",":
            return toks[k].start
    return 0


def _postposed_word(an: Analysis, cue: CueMatch, sent: CharSpan) -> list[Found]:
    """'…, aldus de minister.' / '…, so Scholz.'"""
    toks = an.tokens
    if cue.first == 0 or toks[cue.first - 1].low != ",":
        return []
    speaker = an.speaker_right_after(cue.end, sent.end) or an.description_at(cue.end, sent.end)
    if speaker is None and an.lex.inversion_first and cue.entry == "so":
        return []  # German "so" is too common without a named speaker
    clause_start = an.clause_start(cue.start)
    content = _trimmed(an, clause_start, toks[cue.first - 1].start)
    return [
        Found(
            content,
            False,
            speaker or NO_SPEAKER,
            CharSpan(cue.start, cue.end),
            "postposed",
            cue_region=CharSpan(toks[cue.first - 1].start, sent.end),
        )
    ]


def find_retro(an: Analysis, used_cues: set[int]) -> list[Found]:
    """ "This was announced by X." / "Dit heeft X meegedeeld.": the previous sentence is X's statement."""
    out: list[Found] = []
    for k, sent in enumerate(an.sentences):
        if k == 0:
            continue
        toks = an.tokens_between(sent.start, sent.end)
        if not toks or an.lex.starts_with(toks, 0, an.lex.retro) is None:
            continue
        too_long = sum(t.is_word for t in toks) > RETRO_MAX_WORDS
        if too_long or any(t.low in an.lex.complementizers for t in toks[1:]):
            continue
        cues = [c for c in an.lex.find(toks, ("verb",)) if c.start not in used_cues]
        if not cues:
            continue
        cue = an.absolute(toks, cues[0])
        speaker: Speaker | None = None
        for i in range(cue.last + 1, an.token_index(sent.end)):
            if an.tokens[i].low in an.lex.agent_markers:
                speaker = an.speaker_right_after(an.tokens[i].end, sent.end)
                break
        if speaker is None:
            speaker = an.first_speaker_in(toks[0].end, sent.end)
        prev = an.sentences[k - 1]
        if "\n\n" in an.text[prev.end : sent.start] or speaker is None or speaker.actor is None:
            continue
        content = _trimmed(an, prev.start, prev.end)
        if an.in_quote(content.start) or _words(an, content) < MIN_CONTENT_WORDS:
            continue
        out.append(
            Found(
                content,
                False,
                speaker,
                CharSpan(cue.start, cue.end),
                "retro",
                cue_region=CharSpan(sent.start, sent.end),
            )
        )
    return out


def _cue_after(an: Analysis, f: Found) -> bool:
    """The cue follows the words in their sentence ("…, erklärte Regierungssprecher X."): the sentence is the
    report and its attribution."""
    return f.cue is not None and f.cue.start >= f.text.end and _same_sentence(an, f.cue.start, f.text.end - 1)


def _same_sentence(an: Analysis, a: int, b: int) -> bool:
    return an.sentence_index(a) == an.sentence_index(b)


def _continuations(an: Analysis, found: list[Found], direct: Sequence[Found] = ()) -> list[Found]:
    """The sentence after reported speech continues it when it has no cue of its own and either a
    continuation adverb ("moreover", "bovendien") or a verb form of reported speech ("would", "zou", "werde":
    ``reported_mood``); a continuation may itself be continued, at most ``MOOD_CHAIN`` sentences on.

    A quote with its attribution in the same sentence ('„…“, sagte Pistorius. Deutschland werde zudem …')
    is carried on the same way, by the verb form alone: the speaker goes on in reported speech."""
    out: list[Found] = []
    cue_starts = {f.cue.start for f in [*found, *direct] if f.cue is not None}
    queue = [(f, 0) for f in found]
    queue += [(f, 0) for f in direct if f.cue is not None and _same_sentence(an, f.cue.start, f.text.end - 1)]
    while queue:
        f, depth = queue.pop(0)
        if f.speaker.actor is None or depth >= MOOD_CHAIN:
            continue
        k = an.sentence_index(f.text.end - 1)
        if k + 1 >= len(an.sentences):
            continue
        sent, nxt = an.sentences[k], an.sentences[k + 1]
        if "\n\n" in an.text[sent.end : nxt.start]:
            continue
        if not f.direct and f.text.end < _trimmed(an, sent.start, sent.end).end - 1 and not _cue_after(an, f):
            continue  # the report stops inside its sentence and the author goes on
        toks = an.tokens_between(nxt.start, nxt.end)
        adverb = any(an.lex.starts_with(toks, i, an.lex.continuation) is not None for i in range(len(toks)))
        # the verb form in the main clause, before the first comma: "…, weil es genutzt werde" gives a
        # reason in someone's view inside the author's own sentence
        main = toks[: next((i for i, t in enumerate(toks) if t.low == ","), len(toks))]
        mood = any(t.low in an.lex.reported_mood for t in main)
        if not (adverb or mood) or (f.direct and not mood):
            continue
        if an.lex.find(toks) or any(t.start in cue_starts for t in toks) or an.in_quote(nxt.start):
            continue
        if not mood and toks and an.mention_covering(toks[0].start, toks[0].end) is not None:
            continue  # a new subject in the indicative: the author speaks again
        content = _trimmed(an, nxt.start, nxt.end)
        how = "continuation" if adverb else CARRIED_BY_MOOD
        carried = Found(content, False, Speaker(f.speaker.actor, f.speaker.span, "context"), None, how)
        if any(g.text == content for g in out):
            continue
        out.append(carried)
        queue.append((carried, depth + 1))
    return out
