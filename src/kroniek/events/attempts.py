"""Acts only attempted, wanted or offered (issue 13, the guideline's ``embedded_act``): "X tried to meet Y",
"Hij bood aan te onderhandelen", "versuchte, mit X zu verhandeln", "a tenté de négocier" report no meeting and
no negotiation. When the word that governs the infinitive is itself a trigger (a promise, a demand), the
stage already makes the act that trigger's proposition; this module catches the governing words the lexicon
has no event for ("try", "poging": ``[cues].attempt_words``; "offer", "hope", "need": ``[cues].offer_words``).
Trying to mediate is mediating (the annotators code "probeert te bemiddelen" as the mediation); offering to
mediate is not.
"""

from __future__ import annotations

from typing import Any

from kroniek.chronicle.models import PROPOSITION_TYPES
from kroniek.events.clauses import Clause
from kroniek.events.lexicon import Cues, Lexicon
from kroniek.events.token_table import token_table
from kroniek.events.triggers import TriggerMatch

_NOMINAL = frozenset({"NOUN", "PROPN"})


def attempted_acts(
    nlp: Any, clauses: list[Clause], matches_by_clause: dict[int, list[TriggerMatch]], lexicon: Lexicon
) -> list[int]:
    """ids of the matches that stand in the infinitive complement of an attempt word: an infinitive marker
    right before the trigger (or inside a separable verb, "op te stappen"), and an attempt word earlier in the
    same clause with no other trigger between the two (that trigger would govern the infinitive instead)."""
    cues = lexicon.cues
    words = cues.attempt_words | cues.offer_words
    if not words or not cues.infinitive_markers:
        return []
    table = token_table(nlp)
    found: list[int] = []
    for n, clause in enumerate(clauses):
        matches = matches_by_clause.get(clause.start, [])
        # a word only the model proposes never swallows an act the lexicon found (stage._object_control), so
        # it does not govern here either: "offered" proposed by the model leaves "offered to mediate" to this rule
        lexical = [m for m in matches if m.how != "model"]
        covered = {t for m in lexical for t in m.tokens}
        for match in matches:
            if table.pos[match.start] in _NOMINAL:
                continue  # "the hope to the talks" is no infinitive; an untagged word ("" in de, fr) may be one
            marker = _marker_before(table.lowers, match, clause, cues.infinitive_markers)
            if marker is None:
                continue
            governor = _attempt_word(table, clause.start, marker, words)
            if governor is None and n > 0:
                governor = _ending_attempt_word(table, clauses[n - 1], words)
            if governor is None or governor in covered:
                continue
            if any(m is not match and governor < m.start < match.start for m in lexical):
                continue
            if match.entry.mode == "third-party" and _is_attempt(table, governor, cues.attempt_words):
                continue  # trying to mediate is mediating: the mediator is at work ("versucht zu vermitteln")
            found.append(id(match))
    return found


def _marker_before(lowers: list[str], match: TriggerMatch, clause: Clause, markers: frozenset[str]) -> int | None:
    """The infinitive marker that opens the trigger's verb ("to meet", "te onderhandelen", "op te stappen")."""
    for k in range(max(clause.start, match.start - 1), min(match.end, clause.end)):
        if lowers[k] in markers:
            return k
    return None


def _attempt_word(table: Any, start: int, marker: int, words: frozenset[str]) -> int | None:
    """The nearest attempt word (form or lemma) before the marker in the clause."""
    for k in range(marker - 1, start - 1, -1):
        if table.lowers[k] in words or table.lemmas[k] in words:
            return k
    return None


def _ending_attempt_word(table: Any, clause: Clause, words: frozenset[str]) -> int | None:
    """The attempt word that closes the clause before ("Sie versuchten, mit X zu verhandeln"): a comma set the
    infinitive apart, so it opens a clause of its own."""
    last = clause.end - 1
    while last >= clause.start and not any(ch.isalnum() for ch in table.lowers[last]):
        last -= 1  # the comma, a quote
    if last >= clause.start and (table.lowers[last] in words or table.lemmas[last] in words):
        return last
    return None


def infinitive_complement_acts(
    nlp: Any, clauses: list[Clause], matches_by_clause: dict[int, list[TriggerMatch]], lexicon: Lexicon
) -> list[int]:
    """ids of the matches in an infinitive clause set off by a comma after a demand, promise or other
    proposition trigger ("forderte Moskau auf, die Angriffe sofort einzustellen", "riep Rusland op, de aanvallen
    te staken"): the clause is that act's complement, so its acts are wanted or promised, not done. The
    stage's complement rule stops at the clause break; this one crosses it. An infinitive clause ends in an
    infinitive marker and its verb ("zu stoppen", "te staken") or in a verb with the marker inside it after a
    separable prefix (``[cues].infinitive_prefixes``: "ein-zu-stellen")."""
    cues = lexicon.cues
    if not cues.infinitive_markers:
        return []
    table = token_table(nlp)
    found: list[int] = []
    for n in range(1, len(clauses)):
        before = matches_by_clause.get(clauses[n - 1].start, [])
        if not any(m.entry.event in PROPOSITION_TYPES and m.how != "model" for m in before):
            continue
        matches = matches_by_clause.get(clauses[n].start, [])
        if any(m.entry.event in PROPOSITION_TYPES for m in matches):
            continue  # a demand or promise of its own: the stage gives it its complement
        if not _infinitive_clause(table, clauses[n], cues):
            continue
        found.extend(id(m) for m in matches)
    return found


def _infinitive_clause(table: Any, clause: Clause, cues: Cues) -> bool:
    """The clause ends in an infinitive: "… zu stoppen", "… te staken", "… einzustellen"."""
    last = clause.end - 1
    while last > clause.start and not any(ch.isalnum() for ch in table.lowers[last]):
        last -= 1
    if last <= clause.start:
        return False
    return table.lowers[last - 1] in cues.infinitive_markers or cues.infix_infinitive(table.lowers[last])


def _is_attempt(table: Any, k: int, attempt_words: frozenset[str]) -> bool:
    return table.lowers[k] in attempt_words or table.lemmas[k] in attempt_words
