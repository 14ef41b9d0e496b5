"""What the statement finders share about one document: word tokens, sentences, quotes, actor mentions,
and the speaker searches (mention next to a cue, subject of a cue, pronoun resolution).

Everything works on character offsets and word tokens, so it runs on a spaCy Doc with only tokens and
sentences; where the Doc has a dependency parse, the subject of a speech verb is read from it first, but
only where the parse is plausible: a subject whose head word is an actor mention or a pronoun is taken
(two coordinated actors speak jointly: no single speaker); a subject that is a description defers to the
word-order rules unless they point outside the subject phrase, because parsers most often misattach
fronted phrases and appositions there.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kroniek.document import ArticleDoc, CharSpan
from kroniek.statements.lexicon import CueLexicon, CueMatch, Token, load_lexicon, tokenize
from kroniek.statements.quotes import Quote, find_quotes

if TYPE_CHECKING:
    from spacy.tokens import Token as SpacyToken

# How far (in word tokens) a speaker may sit from its cue, and how far back a pronoun is resolved.
ADJACENT_GAP_WORDS = 2
PRONOUN_LOOKBACK_SENTENCES = 4
FALLBACK_SUBJECT_WORDS = 8  # a clause's first mention is the subject only when the verb follows soon
APPOSED_TITLE_WORDS = 6  # title words between a speaker's qualifier and the comma before its name
_SENT_END_RE = re.compile(r"[.!?…]+[\"”’'»)]*\s+(?=[\"“„‘'«(\[]?[A-Z\u00C0-\u024F0-9])|\n+")
_PERSON = "person"
_WORD_RE = re.compile(r"\w+")
# dependency labels along which a subject-less verb shares the subject of the verb it hangs on, and the
# labels of a reported-content clause (its subject is not the speaker)
_CHAIN_DEPS = frozenset({"conj", "xcomp", "advcl", "ccomp", "parataxis"})
_CONTENT_DEPS = frozenset({"ccomp", "parataxis"})
_SHARING_DEPS = frozenset({"conj", "xcomp", "advcl"})


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    actor: int
    kind: str  # the actor's kind: person, state, organization, group, media
    how: str = "name"  # as the actors stage found it: name, alias, description, pronoun, ...


@dataclass(frozen=True, slots=True)
class Speaker:
    actor: int | None
    span: CharSpan | None  # the mention or pronoun that names the speaker
    how: str  # mention | pronoun | parse | context | none


NO_SPEAKER = Speaker(None, None, "none")


@dataclass(slots=True)
class Found:
    """One statement as a finder found it; the stage turns it into a StatementRecord."""

    text: CharSpan
    direct: bool
    speaker: Speaker
    cue: CharSpan | None
    how: str  # which construction found it: tail, head, chain, credit, media, context, that, colon, ...
    channel: str | None = None
    cue_region: CharSpan | None = None  # the text around the cue (searched for the channel)


@dataclass
class Analysis:
    doc: ArticleDoc
    lex: CueLexicon
    tokens: list[Token]
    sentences: list[CharSpan]
    quotes: list[Quote]
    mentions: list[Mention]
    _tok_starts: list[int] = field(default_factory=list)
    _mention_starts: list[int] = field(default_factory=list)
    _sent_starts: list[int] = field(default_factory=list)
    quote_opens: list[int] = field(default_factory=list)
    has_parse: bool = False
    quote_words: list[int] = field(default_factory=list)  # word count of each top-level quote

    @classmethod
    def of(cls, doc: ArticleDoc) -> Analysis:
        text = doc.text
        sentences = _sentences(doc)
        mentions = _mentions(doc)
        an = cls(
            doc=doc,
            lex=load_lexicon(doc.lang),
            tokens=tokenize(text),
            sentences=sentences,
            quotes=find_quotes(text),
            mentions=mentions,
        )
        an._tok_starts = [t.start for t in an.tokens]
        an._sent_starts = [s.start for s in sentences]
        an.quote_opens = [q.open for q in an.quotes]
        an.has_parse = doc.nlp is not None and doc.nlp.has_annotation("DEP")
        an.quote_words = [len(_WORD_RE.findall(text[q.start : q.end])) for q in an.quotes]
        an._mention_starts = [m.start for m in mentions]
        return an

    @property
    def text(self) -> str:
        return self.doc.text

    # -- positions ---------------------------------------------------------------------------------
    def token_index(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self._tok_starts, offset)

    def tokens_between(self, start: int, end: int) -> list[Token]:
        return self.tokens[self.token_index(start) : self.token_index(end)]

    def absolute(self, toks: list[Token], cue: CueMatch) -> CueMatch:
        """A cue found in a slice of the tokens, with token indices into the whole document."""
        first = self.token_index(toks[cue.first].start)
        return CueMatch(cue.entry, cue.kind, first, first + (cue.last - cue.first), cue.start, cue.end)

    def sentence_of(self, offset: int) -> CharSpan:
        i = bisect.bisect_right(self._sent_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return CharSpan(offset, offset)

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._sent_starts, offset) - 1)

    def in_quote(self, offset: int) -> Quote | None:
        # top-level quotes do not overlap, so only the last one opening at or before offset can hold it
        i = bisect.bisect_right(self.quote_opens, offset) - 1
        if i >= 0 and offset < self.quotes[i].outer_end:
            return self.quotes[i]
        return None

    def paragraph_end(self, offset: int) -> int:
        nl = self.text.find("\n", offset)
        return len(self.text) if nl < 0 else nl

    # -- mentions ----------------------------------------------------------------------------------
    def mention_covering(self, start: int, end: int) -> Mention | None:
        for m in self.mentions_in(start - 200, end + 200):
            if m.start <= start and end <= m.end:
                return m
        return None

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self._mention_starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def _from_mention(self, m: Mention, tok: Token) -> Speaker:
        """A speaker from a mention; a pronoun the actors stage resolved is resolved again here, by subject
        preference, and the actors stage's answer is kept only when this finds none."""
        if m.how == "pronoun" and self.lex.is_pronoun(tok.low):
            return self.pronoun_speaker(tok)
        return Speaker(m.actor, CharSpan(m.start, m.end), "mention")

    def speaker_right_after(self, offset: int, limit: int | None = None) -> Speaker | None:
        """A mention or pronoun that starts right after ``offset`` (a determiner or a hyphen may sit
        between: "zei de minister", "dit-il")."""
        limit = limit if limit is not None else self.paragraph_end(offset)
        toks = self.tokens_between(offset, limit)
        skipped = 0
        for tok in toks[:3]:
            m = self.mention_covering(tok.start, tok.end)
            if m is not None and m.start >= offset - 1:
                return self.apposed_name(m, limit) or self._from_mention(m, tok)
            if self.lex.is_pronoun(tok.low):
                return self.pronoun_speaker(tok)
            short_word = tok.is_word and len(tok.low) <= 3 and self.text[tok.start].islower()
            if tok.low in ("-", "t") or (short_word and skipped < 1):
                skipped += 1 if tok.is_word else 0
                continue
            if tok.is_word and self.text[tok.start].isupper() and skipped < 1:
                # a first name or title the mention leaves out: "affirme Rami [Abd al-Rahman]"
                nxt = self.tokens_between(tok.end, limit)[:1]
                if nxt and self.mention_covering(nxt[0].start, nxt[0].end) is not None:
                    skipped += 1
                    continue
            return None
        return None

    def speaker_after_title(self, offset: int, limit: int, reach: int) -> Speaker | None:
        """A mention after a title of up to ``reach`` words that the mention leaves out ("according to exiled
        opposition leader X", "selon le ministre des Affaires étrangères X"): only words, none of them a
        complementizer or coordinator, stand between ``offset`` and the mention."""
        words = 0
        for tok in self.tokens_between(offset, limit):
            m = self.mention_covering(tok.start, tok.end)
            if m is not None and m.start >= offset - 1:
                return self.apposed_name(m, limit) or self._from_mention(m, tok)
            if tok.low in ("'", "’"):
                continue  # an elided article: "selon l'opposante X"
            if tok.low in ("-", "‐") and tok.start > 0 and not self.text[tok.start - 1].isspace():
                continue  # inside a hyphenated title: "zei procureur-generaal X", "a déclaré le porte-parole X"
            words += 1
            if words > reach or not tok.is_word or tok.low in self.lex.complementizers | self.lex.coordinators:
                return None
            if self.is_finite_verb(tok):
                return None  # "volgens ooggetuigen arresteerde de politie": the title ended, a clause began
        return None

    def apposed_name(self, m: Mention, limit: int) -> Speaker | None:
        """The person named in apposition after a title that ``m`` is part of: in "said Ukraine's foreign
        minister, Dmytro Kuleba" / "a déclaré le ministre ukrainien des Affaires étrangères, Dmytro Kouleba"
        the state only qualifies the title (and a title the actors stage read as its holder may name someone
        else), so the name after the comma speaks. The rest of the title is up to ``APPOSED_TITLE_WORDS``
        words with no finite verb, complementizer or coordinator, and the name closes its phrase (a comma,
        the sentence end or ``limit`` follows it). None when there is no such name."""
        toks = self.tokens_between(m.end, limit)
        k = 0
        while k < len(toks) and toks[k].low != ",":
            tok = toks[k]
            title_word = tok.is_word or tok.low in ("'s", "’s", "'", "’", "-")
            if (
                k >= APPOSED_TITLE_WORDS
                or not title_word
                or tok.low in self.lex.complementizers | self.lex.coordinators
                or self.is_finite_verb(tok)
            ):
                return None
            k += 1
        if k + 1 >= len(toks):
            return None
        name = self.mention_covering(toks[k + 1].start, toks[k + 1].end)
        if name is None or name.start < toks[k].end or name.kind != _PERSON or name.actor == m.actor:
            return None
        after = self.tokens_between(name.end, limit)[:1]
        if after and after[0].low not in (",", ".", ";", "!", "?"):
            return None
        return Speaker(name.actor, CharSpan(name.start, name.end), "apposition")

    def is_finite_verb(self, tok: Token) -> bool:
        """The parse tags ``tok`` as a verb or auxiliary that is not a participle or infinitive (False without
        a parse)."""
        nlp = self.doc.nlp
        if nlp is None or not self.has_parse:
            return False
        span = nlp.char_span(tok.start, tok.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        word = span[0]
        return word.pos_ in ("VERB", "AUX") and "Fin" in word.morph.get("VerbForm", [])

    def description_at(self, start: int, limit: int) -> Speaker | None:
        """A definite description the actors stage left unresolved where a speaker is expected ("aldus de
        minister", "De woordvoerder zei"): it refers back to the nearest earlier actor named with the same
        noun ("minister Kaag"); None when no actor was ("the spokesman" of someone unnamed)."""
        toks = self.tokens_between(start, limit)[:4]
        if len(toks) < 2 or toks[0].low not in self.lex.definite_articles:
            return None
        if self.mention_covering(toks[0].start, toks[1].end) is not None or not toks[1].is_word:
            return None
        words = [t for t in toks[1:] if t.is_word and self.text[t.start].islower()]
        if not words:
            return None
        head = words[-1] if len(words) < 3 else words[1]
        span = CharSpan(toks[0].start, head.end)
        pattern = re.compile(rf"(?<!\w){re.escape(head.low)}(?!\w)")
        for m in reversed(self.mentions_in(0, start)):
            rec = self.doc.actors[m.actor]
            names = [self.text[x.start : x.end] for x in rec.mentions if x.start < start]
            names += [self.text[x.role_span.start : x.role_span.end] for x in rec.mentions if x.role_span]
            if any(pattern.search(n.lower()) for n in names):
                return Speaker(m.actor, span, "description")
        return None

    def speaker_right_before(self, offset: int, floor: int) -> Speaker | None:
        """A mention or pronoun that ends right before ``offset``: only a couple of adverbs, or an
        apposition between commas, may stand between ("Putin further emphasised", "The Telegraph, citing X,
        reported")."""
        toks = self.tokens_between(floor, offset)
        j = len(toks) - 1
        words = 0
        while j >= 0:
            tok = toks[j]
            m = self.mention_covering(tok.start, tok.end)
            if m is not None and m.start >= floor:
                return self._head_of(m, tok, floor)
            if self.lex.is_pronoun(tok.low) and tok.low not in self.lex.possessive_pronouns:
                return self.pronoun_speaker(tok)
            if tok.low == ")":
                # skip back over a parenthesis: "The Revolutionary Guard Corps (IRGC) declared"
                k = j - 1
                while k >= 0 and toks[k].low != "(" and j - k <= 10:
                    k -= 1
                if k >= 0 and toks[k].low == "(":
                    j = k - 1
                    continue
                return None
            if tok.low == ",":
                # skip back over an apposition ", citing local groups," to the comma that opens it
                k = j - 1
                while k >= 0 and toks[k].low != "," and toks[k].low not in ".;:":
                    k -= 1
                if k >= 0 and toks[k].low == "," and j - k <= 12:
                    inner = [t for t in toks[k + 1 : j] if t.is_word]
                    if inner and all(self.text[t.start].isupper() for t in inner):
                        # the apposition is a name: "the prosecutor general, Ali Mehr, said" — it speaks
                        m = self.mention_covering(inner[0].start, inner[-1].end)
                        if m is not None:
                            return self._from_mention(m, inner[0])
                        return Speaker(None, CharSpan(inner[0].start, inner[-1].end), "name")
                    j = k - 1
                    continue
                return None
            lower = self.text[tok.start].islower()
            if tok.is_word and lower and words < ADJACENT_GAP_WORDS and len(tok.low) > 1:
                words += 1
                j -= 1
                continue
            if tok.is_word and not lower:
                # a name the actors stage does not know stands next to the verb: the speaker is unknown,
                # not some actor further away
                return Speaker(None, CharSpan(tok.start, tok.end), "name")
            return None
        return None

    def _head_of(self, m: Mention, tok: Token, floor: int) -> Speaker:
        """The mention before a verb, unless it only modifies a titled head: in "the Adviser to the Head of
        the Office of the President of Ukraine said", Ukraine's president does not speak."""
        before = self.tokens_between(floor, m.start)
        if (
            len(before) >= 2
            and before[-1].low in self.lex.coordinators
            and self.mention_covering(before[-2].start, before[-2].end) is not None
        ):
            # "Putin and Erdogan said that …": joint speech has no single speaker
            return Speaker(None, CharSpan(before[-2].start, m.end), "joint")
        if before and before[-1].low in self.lex.modifier_prepositions and len(before) >= 2:
            head = before[-2]
            hm = self.mention_covering(head.start, head.end)
            if hm is not None:
                return self._from_mention(hm, head)  # "minister Kaag van [Buitenlandse Zaken]"
            if head.is_word and self.text[head.start].isupper():
                return Speaker(None, CharSpan(head.start, m.end), "name")
        return self._from_mention(m, tok)

    def apposed_person(self, start: int, end: int) -> Speaker | None:
        """A person named last, after a comma, closing the stretch: "…, said the UN's coordinator in Haiti,
        X." names the speaker X, not the organisation inside the title before it."""
        toks = [t for t in self.tokens_between(start, end) if t.is_word or t.low == ","]
        for k in range(len(toks) - 1, 0, -1):
            if toks[k].low == ",":
                break
            m = self.mention_covering(toks[k].start, toks[k].end)
            if m is None or m.kind != _PERSON or m.how == "pronoun":
                continue
            # the mention must follow a comma and end the stretch (only punctuation after it)
            first = next(j for j in range(k + 1) if toks[j].start >= m.start)
            after = [t for t in toks[k + 1 :] if t.start >= m.end]
            if first > 0 and toks[first - 1].low == "," and not after:
                return Speaker(m.actor, CharSpan(m.start, m.end), "mention")
            return None
        return None

    def first_speaker_in(self, start: int, end: int) -> Speaker | None:
        """The first mention or pronoun in a clause, outside quotes: its likely subject."""
        for tok in self.tokens_between(start, end):
            if self.in_quote(tok.start):
                continue
            m = self.mention_covering(tok.start, tok.end)
            if m is not None:
                return self._from_mention(m, tok)
            if self.lex.is_pronoun(tok.low) and tok.low not in self.lex.possessive_pronouns | self.lex.object_pronouns:
                return self.pronoun_speaker(tok)
        return None

    # -- pronouns ----------------------------------------------------------------------------------
    def pronoun_speaker(self, tok: Token) -> Speaker:
        m = self.mention_covering(tok.start, tok.end)
        if m is not None and m.how != "pronoun":
            return Speaker(m.actor, CharSpan(m.start, m.end), "mention")
        plural = tok.low in self.lex.pronouns_plural and tok.low not in self.lex.pronouns_singular
        ambiguous = tok.low in self.lex.pronouns_plural and tok.low in self.lex.pronouns_singular
        actor = self.resolve_pronoun(
            tok.start, plural=plural, ambiguous=ambiguous, person_only=tok.low in self.lex.pronouns_person
        )
        if actor is None and m is not None:
            actor = m.actor  # the actors stage's resolution, when subject preference finds nothing
        return (
            Speaker(actor, CharSpan(tok.start, tok.end), "pronoun")
            if actor is not None
            else Speaker(None, CharSpan(tok.start, tok.end), "none")
        )

    def resolve_pronoun(
        self, offset: int, plural: bool = False, ambiguous: bool = False, person_only: bool = False
    ) -> int | None:
        """The actor a pronoun at ``offset`` most likely refers to: the first fitting mention (the subject)
        of the nearest sentence before it that has one, outside quotes (sentences inside a quotation are
        skipped). Person-only pronouns ("he") take persons; others take the nearest subject of any kind."""
        idx = self.sentence_index(offset)
        looked = 0
        k = idx
        while k >= 0 and looked < PRONOUN_LOOKBACK_SENTENCES:
            sent = self.sentences[k] if self.sentences else CharSpan(0, offset)
            k -= 1
            end = min(sent.end, offset)
            q = self.in_quote(sent.start)
            if q is not None and q.outer_end >= end and sent.start < offset:
                continue  # a sentence inside a quotation: not where the pronoun's antecedent is
            looked += 1
            # pronouns are not antecedents: a chain "Putin … He … He" goes back to the name
            # nor is a modifier glued to a word ("EU-Kommissar Olli Rehn": the commissioner is the subject)
            cands = [
                m
                for m in self.mentions_in(sent.start, end)
                if not self.in_quote(m.start)
                and m.how != "pronoun"
                and not re.match(r"-\w", self.text[m.end : m.end + 2])
            ]
            if plural:
                cands = [m for m in cands if m.kind != _PERSON]
            elif person_only:
                cands = [m for m in cands if m.kind == _PERSON]
            elif not ambiguous:
                # a singular speaker is a person when the sentence names one ("Der EU-Kommissar Olli Rehn …
                # sagte er"); else the subject of any kind ("Le gouvernement … Il a déclaré")
                persons = [m for m in cands if m.kind == _PERSON]
                if persons:
                    cands = persons
            if cands:
                return cands[0].actor
        return None

    # -- subject of a speech verb ------------------------------------------------------------------
    def clause_start(self, offset: int) -> int:
        sent = self.sentence_of(offset)
        start = sent.start if sent.end > sent.start else max(0, self.text.rfind("\n", 0, offset) + 1)
        for ch in ";:":
            p = self.text.rfind(ch, start, offset)
            if p >= 0 and not self.in_quote(p):
                start = p + 1
        q = max((q.outer_end for q in self.quotes if start <= q.outer_end <= offset), default=start)
        return max(start, q)

    def subject_of(self, cue: CueMatch) -> Speaker:
        """The speaker of a speech verb: the parse's subject where it is plausible, else word order."""
        subject = self._parsed_subject_token(cue)
        if subject is None:
            return self._word_order_subject(cue)
        m = self.mention_covering(subject.idx, subject.idx + len(subject.text))
        if m is not None:
            # the subject's head word is a mention: trust it, unless it is coordinated with another actor
            for conj in subject.children:
                if conj.dep_ == "conj" and self.mention_covering(conj.idx, conj.idx + len(conj.text)) is not None:
                    return Speaker(None, CharSpan(m.start, conj.idx + len(conj.text)), "joint")
            tok = Token(subject.idx, subject.idx + len(subject.text), subject.lower_)
            found = self._from_mention(m, tok)
            return Speaker(found.actor, found.span, "parse") if found.how == "mention" else found
        if self.lex.is_pronoun(subject.lower_):
            return self.pronoun_speaker(Token(subject.idx, subject.idx + len(subject.text), subject.lower_))
        # The subject is a description ("the mayor of X, Y,", "harbour master Y"). A mention somewhere in
        # its subtree is where parsers err most (a misattached "In X," or apposition), so word order
        # decides, as long as it points inside the subject phrase.
        first, last = subject.left_edge, subject.right_edge
        end = last.idx + len(last.text)
        by_order = self._word_order_subject(cue)
        if by_order.actor is None or (
            by_order.span is not None and first.idx <= by_order.span.start and by_order.span.end <= end
        ):
            return by_order
        return self.description_at(first.idx, end) or Speaker(None, CharSpan(first.idx, end), "parse")

    def _word_order_subject(self, cue: CueMatch) -> Speaker:
        floor = self.clause_start(cue.start)
        participle = cue.entry in self.lex.participles
        if participle or (cue.first > 0 and self.tokens[cue.first - 1].low in self.lex.coordinators):
            # "… and said that" / "…, adding that": the verb shares the subject of the main clause
            sent = self.sentence_of(cue.start)
            first = self.first_speaker_in(sent.start, cue.start)
            if first is not None:
                return first
        before = self.speaker_right_before(cue.start, floor)
        after = self.speaker_right_after(cue.end, self.sentence_end(cue.end))
        text_before = self.text[floor : cue.start].strip(" ,")
        if self.lex.inversion_first:
            # Verb-second: with the subject first the verb follows it; after a fronted phrase it precedes it.
            if (
                before is not None
                and before.span is not None
                and self.text[floor : before.span.start].strip(" ,\"'“”„«»") == ""
            ):
                return before
            if after is not None:
                return after
            if before is not None:
                return before
        else:
            if before is not None:
                return before
            # inversion after a quote or a comma: "…," said Putin
            if after is not None and (text_before == "" or self.text[: cue.start].rstrip()[-1:] in ',"”’»'):
                return after
        # the clause's first mention, when the verb comes early in the clause (a long stretch before it
        # holds other clauses: "… in which someone, seemingly X, says …")
        lead_words = sum(1 for t in self.tokens_between(floor, cue.start) if t.is_word)
        first = self.first_speaker_in(floor, cue.start) if lead_words <= FALLBACK_SUBJECT_WORDS else None
        if first is not None:
            return first
        described = self.description_at(floor, cue.start) or self.description_at(cue.end, self.sentence_end(cue.end))
        return described if described is not None else NO_SPEAKER

    def sentence_end(self, offset: int) -> int:
        sent = self.sentence_of(offset)
        return sent.end if sent.end > offset else self.paragraph_end(offset)

    def _parsed_subject_token(self, cue: CueMatch) -> SpacyToken | None:
        """The head word of the speech verb's subject in the parse, or None (no parse, or no subject).

        A verb without its own subject ("…, adding", "but warned") shares one up the chain of
        coordinated or adverbial verbs; a clause on that chain that is itself reported content
        (ccomp) is skipped, because parsers attach such verbs to the nearest verb, often the one inside
        the reported words, whose subject is what is reported about, not who speaks."""
        nlp = self.doc.nlp
        if nlp is None or not self.has_parse:
            return None
        span = nlp.char_span(cue.start, self.tokens[cue.first].end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        verb = span[0]
        if verb.dep_ in ("aux", "aux:pass", "aux:tense") and verb.head is not verb:
            verb = verb.head  # "a déclaré", "heeft gezegd": the subject hangs on the participle
        head = verb
        for _ in range(4):
            subject = next(
                (c for c in head.children if c.dep_.startswith("nsubj") or c.dep_ in ("csubj", "agent", "obl:agent")),
                None,
            )
            content = head is not verb and head.dep_ in _CONTENT_DEPS
            if subject is not None and not content:
                return subject
            # the verb itself shares a subject only as a conjunct or a participle/infinitive; a verb
            # that is loosely attached (parataxis) or reported itself (ccomp) has its own, unparsed one
            allowed = _CHAIN_DEPS if head is not verb else _SHARING_DEPS
            if head.dep_ not in allowed or head.head is head:
                return None
            head = head.head
        return None


def _sentences(doc: ArticleDoc) -> list[CharSpan]:
    """The document's sentences, split again at line breaks; a regex split when the nlp stage gave none."""
    text = doc.text
    base = list(doc.sentences) or _regex_sentences(text)
    out: list[CharSpan] = []
    for s in base:
        start = s.start
        for m in re.finditer(r"\n+", text[s.start : s.end]):
            if text[start : s.start + m.start()].strip():
                out.append(CharSpan(start, s.start + m.start()))
            start = s.start + m.end()
        if text[start : s.end].strip():
            out.append(CharSpan(start, s.end))
    return out


def _regex_sentences(text: str) -> list[CharSpan]:
    spans = []
    start = 0
    for m in _SENT_END_RE.finditer(text):
        spans.append(CharSpan(start, m.start() + len(m.group().rstrip())))
        start = m.end()
    if start < len(text):
        spans.append(CharSpan(start, len(text)))
    return [s for s in spans if text[s.start : s.end].strip()]


def _mentions(doc: ArticleDoc) -> list[Mention]:
    """Actor mentions in text order; a mention nested inside a longer one is dropped."""
    pairs = sorted((m.start, -m.end, m.actor, m.how) for a in doc.actors for m in a.mentions)
    out: list[Mention] = []
    for start, neg_end, actor, how in pairs:
        end = -neg_end
        if out and start < out[-1].end:
            continue
        if 0 <= actor < len(doc.actors):
            out.append(Mention(start, end, actor, doc.actors[actor].kind, how))
    return out
