"""Relative clauses: the antecedent of a relative pronoun takes part in the acts around it.

Clauses are cut at ", who" / ", die" / ", qui" (events/clauses.py), which leaves the antecedent in the clause
before. Two constructions then lose their subject:

- the act inside a subject relative clause: "Somalia signed a pact with Egypt, which sent weapons to
  Mogadishu" (Egypt sends), "…, qui a exigé leur libération", "die von X ausgepfiffen wurde" (a passive: the
  antecedent is the one acted upon);
- the main clause resumed after a parenthetical relative clause: "France, which has troops in Niger,
  condemned the coup", "Santokhi, die zelf het onderzoek leidde, wees dat af": the clause's verb belongs to
  the antecedent, and the groups inside the relative clause ("Niger") are no arguments of it.

In both the antecedent is handed to the trigger as a bare group before it, and word order (events/arguments.py)
reads it as the subject, or as the one acted upon in a passive. Not handed over: an object relative ("which
the police rejected", "die Rusland aanviel"), where the relative clause names a subject of its own, and a
main clause resumed after an antecedent that is not the sentence's opening noun phrase ("Russia attacked
Ukraine, which has resisted since 2022, killing …").
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from kroniek.events.clauses import ActorGroup, Clause
from kroniek.events.lexicon import Cues
from kroniek.events.triggers import TriggerMatch

if TYPE_CHECKING:
    from spacy.tokens import Doc

# words that may stand between the antecedent's name and the comma ("la police nationale, qui")
_ANTECEDENT_GAP = 2
# words before the antecedent in its clause when it opens the sentence's main clause ("Selon X, la police, qui")
_OPENING_REACH = 4


def antecedent_groups(
    nlp: Doc,
    clauses: list[Clause],
    n: int,
    groups_by_clause: dict[int, list[ActorGroup]],
    match: TriggerMatch,
    groups: list[ActorGroup],
    cues: Cues,
) -> list[ActorGroup]:
    """The actor groups the trigger of clause ``n`` takes its arguments from: ``groups`` unchanged, or, where
    the clause is a relative clause whose antecedent takes part in the trigger's act, that antecedent (as a
    bare group) with the groups of the act's own part of the clause."""
    antecedent = _antecedent(nlp, clauses, n, groups_by_clause, cues)
    if antecedent is None:
        return groups
    clause = clauses[n]
    commas = [i for i in range(clause.start + 1, match.start) if nlp[i].text == ","]
    subject = replace(antecedent, prep=None, possessive=False, actors=list(antecedent.actors))
    if commas:
        # the main clause resumed after the relative clause: only a sentence's opening noun phrase is its subject
        if not _opens_the_sentence(nlp, clauses[n - 1], antecedent):
            return groups
        resumed = commas[-1]
        return [subject, *(g for g in groups if g.start > resumed)]
    if not _subject_relative(nlp, clause, match, groups, cues):
        return groups
    return [subject, *groups]


def _antecedent(
    nlp: Doc, clauses: list[Clause], n: int, groups_by_clause: dict[int, list[ActorGroup]], cues: Cues
) -> ActorGroup | None:
    """The actor group right before ", <relative pronoun>" that opens clause ``n``, or None."""
    if n == 0 or not cues.relative_pronouns:
        return None
    clause, before = clauses[n], clauses[n - 1]
    if nlp[clause.start].text.lower() not in cues.relative_pronouns or before.end != clause.start:
        return None
    comma = clause.start - 1
    if comma <= before.start or nlp[comma].text != ",":
        return None
    last = max(groups_by_clause.get(before.start, []), key=lambda g: g.end, default=None)
    if last is None or not 0 <= comma - last.end <= _ANTECEDENT_GAP:
        return None
    if any(nlp[i].is_punct for i in range(last.end, comma)):
        return None
    return last


def _opens_the_sentence(nlp: Doc, clause: Clause, antecedent: ActorGroup) -> bool:
    """The antecedent is the subject noun phrase that opens the sentence, its verb still to come: the clause
    before the relative pronoun is the sentence's first and holds no verb before the antecedent."""
    if clause.index != 0 or antecedent.prep is not None or antecedent.start - clause.start > _OPENING_REACH:
        return False
    return not any(nlp[i].pos_ in ("VERB", "AUX") for i in range(clause.start, antecedent.start))


def _subject_relative(nlp: Doc, clause: Clause, match: TriggerMatch, groups: list[ActorGroup], cues: Cues) -> bool:
    """The relative pronoun is the subject of the trigger: it is one that is always a subject ("who", "qui"), or
    no subject of its own stands between them (a bare actor group, a subject pronoun, or, right after the
    pronoun, a determiner opening a noun phrase: "which the police rejected")."""
    if nlp[clause.start].text.lower() in cues.subject_relatives:
        return True
    if any(g.prep is None and clause.start < g.start < match.start for g in groups):
        return False
    words = [nlp[i].text.lower() for i in range(clause.start + 1, match.start)]
    if any(w in cues.subject_pronouns for w in words):
        return False
    return not (words and words[0] in cues.determiners)
