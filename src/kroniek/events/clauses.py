"""Clauses and actor groups over spaCy tokens: the units the event rules reason about.

Works with a bare tokenizer (no parse): a clause ends at ";" or ":", at a comma that precedes a
subordinating word ("…, nadat", "…, which"), and at a complementizer right after a report verb
("Rusland meldt dat …"), so that the reported event is not given the reporter as its actor.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kroniek.document import ActorMention, ArticleDoc, CharSpan
from kroniek.events.lexicon import Cues
from kroniek.events.token_table import TokenTable, token_table

if TYPE_CHECKING:
    from spacy.tokens import Doc

_HARD_BREAKS = {";", ":", "—", "–"}
_QUOTES = set("„“”\"«»‘’'")


@dataclass(frozen=True, slots=True)
class Clause:
    start: int  # token index (inclusive)
    end: int  # token index (exclusive)
    sentence: CharSpan
    index: int  # position of the clause within its sentence

    def char_span(self, nlp: Doc) -> CharSpan:
        first, last = nlp[self.start], nlp[self.end - 1]
        return CharSpan(first.idx, last.idx + len(last.text))


@dataclass(slots=True)
class ActorGroup:
    """Coordinated actor mentions ("Moskou en Washington") that fill one argument together."""

    start: int  # first token index
    end: int  # token index after the last mention
    actors: list[int] = field(default_factory=list)
    prep: str | None = None  # the preposition that governs the group, lower-cased
    possessive: bool = False  # "Russia's", "Ruslands"
    pronoun: bool = False  # every mention in the group is a resolved pronoun ("zijn", "their")


def clauses_of(doc: ArticleDoc, sentence: CharSpan, cues: Cues) -> list[Clause]:
    """Split one sentence into clauses (token ranges)."""
    nlp = doc.nlp
    assert nlp is not None
    span = nlp.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return []
    # the sentence's token range; attributes read from the document's token table (events/token_table.py)
    first, stop = span.start, span.end
    table = token_table(nlp)
    lowers = table.lowers
    cuts: list[int] = [first]
    for i in range(first + 1, stop):
        low = lowers[i]
        prev = lowers[i - 1]
        if prev in _HARD_BREAKS:
            cuts.append(i)
        elif (
            prev == ","
            and low in cues.clause_breaks
            and not _wished(lowers, i, first, cues)
            and not _infinitive_clause(lowers, i, stop, cues)
        ):
            cuts.append(i)
        elif low in cues.clause_openers and prev != ",":
            cuts.append(i)
        elif low in cues.contrastive_coordinators and prev != "," and _verb_follows(table.pos, i + 1, stop):
            # "X criticised Y but welcomed Z": without a comma too, the second act is a clause of its own,
            # or it would take Y as its recipient
            cuts.append(i)
        elif low in cues.complementizers and _report_verb_before(table, i, first, cues):
            cuts.append(i)
    cuts.append(stop)
    clauses = []
    for n, (a, b) in enumerate(zip(cuts, cuts[1:], strict=False)):
        if b > a:
            clauses.append(Clause(a, b, sentence, n))
    return clauses


def _wished(lowers: list[str], i: int, first: int, cues: Cues) -> bool:
    """Token ``i`` is a complementizer right after a wish verb and its comma ("Berlin will, dass Moskau …"):
    what follows is the wish's content, not a clause of its own."""
    return lowers[i] in cues.complementizers and i - 2 >= first and lowers[i - 2] in cues.wish_verbs


def _infinitive_clause(lowers: list[str], i: int, stop: int, cues: Cues) -> bool:
    """The words from token ``i`` to the next comma (or the sentence's end) close with an infinitive ("…
    auf, die Angriffe einzustellen", "…, die Gelder zu verwenden"): "die" opens the object of the
    infinitive, the content of the demand, promise or accusation before the comma, not a relative clause
    (which closes with a finite verb: "…, die im März stattfinden sollen"). Only where the language writes
    infinitive clauses so (``comma_infinitives``) and token ``i`` is a relative pronoun that may be an article."""
    if not cues.comma_infinitives or lowers[i] not in cues.relative_pronouns or lowers[i] not in cues.determiners:
        return False
    end = i
    while end < stop and lowers[end] not in (",", *_HARD_BREAKS):
        end += 1
    last = next((k for k in range(end - 1, i, -1) if lowers[k].isalpha()), None)
    if last is None:
        return False
    return lowers[last - 1] in cues.infinitive_markers or cues.infix_infinitive(lowers[last])


def _verb_follows(pos: list[str], i: int, stop: int) -> bool:
    """A verb (or auxiliary) at token ``i``, or right after one adverb ("but also welcomed"), before ``stop``
    (the sentence's end). Needs a tagger: untagged tokens (de, fr) never count, as a verb cannot be told
    from a noun there."""
    for tag in pos[i : min(i + 2, stop)]:
        if tag in ("VERB", "AUX"):
            return True
        if tag != "ADV":
            return False
    return False


def _report_verb_before(table: TokenTable, i: int, first: int, cues: Cues) -> bool:
    """A reporting verb among the three tokens before token ``i``, from ``first`` (the sentence's start) on."""
    for j in range(max(first, i - 3), i):
        if table.lowers[j] in cues.report_verbs or table.lemmas[j] in cues.report_verbs:
            return True
    return False


class TokenIndex:
    """Maps character offsets to token indices; holds the document's actor mentions sorted by start."""

    def __init__(self, nlp: Doc) -> None:
        self.starts = [t.idx for t in nlp]
        self.nlp = nlp
        self._mentions: list[tuple[int, int, int, bool]] | None = None

    def mentions(self, doc: ArticleDoc) -> list[tuple[int, int, int, bool]]:
        """(start, end, actor index, is a pronoun) for every mention, sorted."""
        if self._mentions is None:
            self._mentions = sorted(
                (m.start, m.end, a_index, m.how == "pronoun") for m, a_index in _mentions_with_index(doc)
            )
        return self._mentions

    def at(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def end_at(self, offset: int) -> int:
        """Index after the token that contains ``offset - 1``."""
        return self.at(max(0, offset - 1)) + 1


def actor_groups(
    doc: ArticleDoc,
    clause: Clause,
    index: TokenIndex,
    cues: Cues,
    barrier: Collection[str] = (),
) -> list[ActorGroup]:
    """Actor mentions in the clause, nested ones dropped, coordinated ones grouped, with their preposition."""
    nlp = doc.nlp
    assert nlp is not None
    span = clause.char_span(nlp)
    table = index.mentions(doc)
    lo = bisect_left(table, (span.start,))
    hi = bisect_left(table, (span.end,))
    mentions = [(start, end, actor) for start, end, actor, _ in table[lo:hi] if end <= span.end]
    pronouns = {(start, end) for start, end, _, is_pronoun in table[lo:hi] if is_pronoun}
    mentions.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    kept: list[tuple[int, int, int]] = []
    for m in mentions:
        if kept and m[0] < kept[-1][1]:  # nested in or overlapping the previous, longer mention
            continue
        kept.append(m)
    kept = drop_affiliations(doc, kept)
    covered = {t for start, end, _ in kept for t in range(index.at(start), index.end_at(end))}
    groups: list[ActorGroup] = []
    for start, end, actor in kept:
        t_start, t_end = index.at(start), index.end_at(end)
        if groups and _coordinated(nlp, groups[-1].start, groups[-1].end, t_start, t_end, clause, cues):
            group = groups[-1]
            group.end = t_end
            if actor not in group.actors:
                group.actors.append(actor)
            continue
        prep = governing_prep(nlp, t_start, clause, cues, covered, barrier)
        if prep is not None and _spoken_for(nlp, t_start, prep, clause, cues):
            prep = None  # "a spokesman for the ministry rejected": the ministry acts through its speaker
        group = ActorGroup(t_start, t_end, [actor], prep=prep)
        group.pronoun = (start, end) in pronouns
        groups.append(group)
    for group in groups:
        group.possessive = _possessive_after(nlp, group.end, clause, cues)
        if group.end < clause.end and nlp[group.end].text.lower() in cues.source_postpositions:
            # "Dem Kreml zufolge": the group names the source, governed like a preposition's object
            group.prep = nlp[group.end].text.lower()
    return groups


# What may stand between an affiliation and the person's name: the rest of a compound role word
# ("US-Präsident", "CDU-Chef", "Nato-Generalsekretär") and white space.
_AFFILIATION_GAP = re.compile(r"^(?:[-‑]\w+)?\s*$")


def drop_affiliations(doc: ArticleDoc, kept: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """ "US-Präsident Joe Biden", "US President Joe Biden", "CDU-Chef Friedrich Merz": a state or
    organisation named right before a person, as part of the person's title, says whom the person serves;
    it is not a second participant. It is the affiliation when only the rest of a compound role word
    stands between the two, or nothing but white space while the person's mention carries its role
    ("President Joe Biden"). "told Russia Putin would …" (no role) keeps both."""
    if len(kept) < 2:
        return kept
    with_role = {(m.start, m.end) for actor in doc.actors for m in actor.mentions if m.role_span is not None}
    out: list[tuple[int, int, int]] = []
    for n, (start, end, actor) in enumerate(kept):
        following = kept[n + 1] if n + 1 < len(kept) else None
        if following is not None and doc.actors[actor].kind != "person" and doc.actors[following[2]].kind == "person":
            gap = doc.text[end : following[0]]
            compound = gap[:1] in ("-", "‑")
            if _AFFILIATION_GAP.match(gap) and (compound or (following[0], following[1]) in with_role):
                continue
        out.append((start, end, actor))
    return out


def _mentions_with_index(doc: ArticleDoc) -> list[tuple[ActorMention, int]]:
    return [(m, a_index) for a_index, actor in enumerate(doc.actors) for m in actor.mentions]


def _coordinated(nlp: Doc, prev_start: int, prev_end: int, start: int, end: int, clause: Clause, cues: Cues) -> bool:
    between = [nlp[i].text.lower() for i in range(prev_end, start)]
    if not between:
        return True
    if between == [","]:
        # "A, B en C" is a list; "Volgens A, B valt aan" is not: a comma joins only inside a list, and only
        # names ("of the French side, Putin and Macron" is no list)
        after = nlp[end].text.lower() if end < clause.end else ""
        prev_first = nlp[prev_start]
        is_name = prev_first.text[:1].isupper() and prev_first.text.lower() not in cues.determiners
        return (after == "," or after in cues.coordinators) and is_name
    return all(w in cues.coordinators or w == "," or w in cues.determiners for w in between) and any(
        w in cues.coordinators or w == "," for w in between
    )


def governing_prep(
    nlp: Doc, t_start: int, clause: Clause, cues: Cues, covered: set[int], barrier: Collection[str]
) -> str | None:
    """The preposition a few tokens before the mention, across determiners and modifiers only
    (not across another actor mention or a trigger word, which would belong to another phrase)."""
    j = t_start - 1
    crossed = 0
    article = False  # an article crossed: the mention's own noun phrase opens there
    while j >= clause.start and crossed < 4:
        tok = nlp[j]
        low = tok.text.lower()
        if article and tok.pos_ in ("NOUN", "PROPN", "NUM"):
            return None  # "On Sunday the Supreme Court ruled": the preposition governs "Sunday", not the court
        article = article or (low in cues.determiners and tok.pos_ == "DET")
        if low in cues.prepositions:
            if _inside_a_title(nlp, j, t_start, clause, cues):
                # "Le ministre de l'Intérieur Gérald Darmanin": the name stands beside the title, whose own
                # preposition governs "l'Intérieur"; what governs the title governs the name
                return governing_prep(nlp, j - 2, clause, cues, covered, barrier)
            # a two-word preposition ("according to") is named as a whole
            if j - 1 >= clause.start:
                pair = f"{nlp[j - 1].text.lower()} {low}"
                if pair in cues.prepositions:
                    return pair
            return low
        if tok.is_punct or low in cues.coordinators or low in cues.report_verbs or low in cues.passive_aux:
            return None
        if j in covered or low in barrier:
            return None
        if tok.has_morph() and tok.pos_ in ("VERB", "AUX"):
            return None
        crossed += 1
        j -= 1
    return None


# how many words (articles, adjectives, numbers) may stand before a representative noun ("a senior spokesman")
_REPRESENTATIVE_REACH = 3


def _spoken_for(nlp: Doc, t_start: int, prep: str, clause: Clause, cues: Cues) -> bool:
    """The mention follows "<representative noun> <prep>" in a noun phrase that is not itself a preposition's
    object ("a spokesman for the ministry", "Delegations from Ukraine", "een woordvoerder van het leger",
    "les représentants de l'opposition"): the speaker or delegation stands for the one named, which the
    annotation codes as the participant, so the group counts as bare (a subject or object)."""
    if not cues.representative_nouns or prep not in cues.representative_preps:
        return False
    at = next(
        (j for j in range(t_start - 1, max(clause.start, t_start - 5) - 1, -1) if nlp[j].text.lower() == prep), None
    )
    if at is None or at - 1 < clause.start or nlp[at - 1].text.lower() not in cues.representative_nouns:
        return False
    j = at - 2
    while j >= clause.start and at - 2 - j < _REPRESENTATIVE_REACH:
        word = nlp[j].text.lower()
        if word in cues.prepositions:
            return False  # "met een woordvoerder van het leger": the phrase is an object of "met"
        if not (word in cues.determiners or nlp[j].pos_ in ("ADJ", "NUM", "DET") or nlp[j].like_num):
            break
        j -= 1
    return j < clause.start or nlp[j].text.lower() not in cues.prepositions


def _inside_a_title(nlp: Doc, prep: int, t_start: int, clause: Clause, cues: Cues) -> bool:
    """The preposition at ``prep`` is part of a title before a name: an article and a noun before it ("Le
    ministre de", "Der Chef von") and a word of its own object between it and the name ("l'Intérieur",
    "gang"). Untagged text (de, fr) only: tagged, the actors stage puts the title in the mention, and on the
    train split the rule cost English events (en F1 0.465 -> 0.464)."""
    if prep - 2 < clause.start or nlp[prep - 2].text.lower() not in cues.determiners:
        return False
    head = nlp[prep - 1]
    if not head.is_alpha or head.text.lower() in cues.determiners or head.pos_ != "":
        return False
    between = [nlp[k] for k in range(prep + 1, t_start)]
    if any(t.like_num or t.pos_ == "NUM" for t in between):
        return False  # "the assets of four U.S. companies": a quantity of the named, no title
    return any(t.is_alpha and t.text.lower() not in cues.determiners for t in between)


def _possessive_after(nlp: Doc, end: int, clause: Clause, cues: Cues) -> bool:
    return end < clause.end and nlp[end].text.lower() in cues.possessive_markers


def clause_tokens_lower(nlp: Doc, clause: Clause) -> list[str]:
    return [nlp[i].text.lower().strip("".join(_QUOTES)) for i in range(clause.start, clause.end)]
