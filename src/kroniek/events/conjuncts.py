"""Coordinated acts: "Russia released 175 prisoners and agreed to a pause" is two events.

A clause whose verbal triggers are joined by "and" ("en", "und", "et") is cut into conjuncts, one act
each. Every trigger then finds its arguments among the actor groups of its own conjunct, so the second
act keeps its own object ("kritisierte Russland und forderte einen Waffenstillstand": the demand is not
addressed to Russia), and its evidence is its own conjunct, as the annotation guideline's
coordinated_acts rule has it. A later conjunct without a subject of its own shares the first one's.

Not cut: a coordinator inside an act's complement ("called on Russia to halt the attacks and withdraw
its troops", "and to withdraw"), which is one demand with one proposition, and coordinated objects of
one verb ("attacked Kyiv and Lviv"), which have no verbal trigger after the coordinator.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kroniek.chronicle.types import PROPOSITION_TYPES
from kroniek.events.clauses import ActorGroup, Clause
from kroniek.events.lexicon import Cues
from kroniek.events.token_table import token_table
from kroniek.events.triggers import TriggerMatch

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# How far after the coordinator the next act's verb may stand: a subject and an auxiliary ("and the
# Kremlin has rejected"), and in a verb-final clause also an object ("dass X Kiew angriff und Lwiw
# bombardierte"). Further away, "and" joins something else ("shells and air defence interceptors, could").
_VERB_REACH = 4
_VERB_REACH_VERB_FINAL = 10


@dataclass(frozen=True, slots=True)
class Conjunct:
    """One act's part of a clause: tokens start..end (exclusive), and the group that is the subject of
    the clause's first act, which a later conjunct without a subject of its own shares."""

    start: int
    end: int
    first: bool
    shared_subject: ActorGroup | None = None


def verb_conjuncts(
    nlp: Doc, clause: Clause, matches: list[TriggerMatch], groups: list[ActorGroup], cues: Cues
) -> dict[int, Conjunct]:
    """The conjunct of each trigger (by ``id``), or an empty mapping when the clause reports one act."""
    cuts = _conjunct_cuts(nlp, clause, matches, groups, cues)
    if not cuts:
        return {}
    bounds = [clause.start, *cuts, clause.end]
    first = min(matches, key=lambda m: m.start)
    subject = _first_subject(first, groups, bounds[1], cues)
    spans = list(zip(bounds, bounds[1:], strict=False))
    found: dict[int, Conjunct] = {}
    for match in matches:
        start, end = next((a, b) for a, b in spans if a <= match.start < b)
        own_subject = any(g.prep is None and start < g.start and g.end <= match.start for g in groups)
        # only the conjunct's own act shares the subject, not a later word in it ("and deployed troops, a day
        # after the prime minister resigned")
        head = min((m.start for m in matches if m.kind == "verb" and start < m.start < end), default=None)
        shared = None if start == clause.start or own_subject or match.start != head else subject
        found[id(match)] = Conjunct(start, end, start == clause.start, shared)
    return found


def conjunct_groups(groups: list[ActorGroup], conjunct: Conjunct) -> list[ActorGroup]:
    """The actor groups a trigger of this conjunct may take its arguments from: those inside it, and the
    shared subject where it has none of its own."""
    own = [g for g in groups if conjunct.start <= g.start < conjunct.end]
    if conjunct.shared_subject is not None and conjunct.shared_subject not in own:
        own.insert(0, conjunct.shared_subject)
    return own


def _conjunct_cuts(
    nlp: Doc, clause: Clause, matches: list[TriggerMatch], groups: list[ActorGroup], cues: Cues
) -> list[int]:
    """Token indices of the coordinators that open a new act."""
    if not cues.conjunct_coordinators:
        return []
    # the act before the coordinator may be a noun after a light verb ("imposed a curfew and deployed
    # troops"); the one after it is a verb, else the coordinator joins two nouns ("the attack and the siege")
    ordered = sorted(matches, key=lambda m: m.start)
    cuts: list[int] = []
    lowers = token_table(nlp).lowers
    for at in range(clause.start + 1, clause.end - 1):
        if lowers[at] not in cues.conjunct_coordinators:
            continue
        before = [m for m in ordered if m.last <= at]
        after = [m for m in ordered if m.start > at and m.kind == "verb"]
        reach = _VERB_REACH_VERB_FINAL if cues.verb_first else _VERB_REACH
        if not before or not after or after[0].start - at > reach:
            continue
        if any(min(m.tokens, default=m.start) < at < max(m.tokens, default=m.start) for m in matches):
            continue  # inside one trigger ("trok zijn troepen en materieel terug")
        if any(g.start < at < g.end for g in groups):
            continue  # inside coordinated actors ("talks between Kyiv and Moscow resumed")
        if nlp[at + 1].text.lower() in cues.infinitive_markers:
            continue  # "agreed to halt the attacks and to withdraw": one complement
        if _inside_complement(nlp, before[-1], after[0], at, matches, cues):
            continue
        cuts.append(at)
    return cuts


def _inside_complement(
    nlp: Doc, left: TriggerMatch, right: TriggerMatch, at: int, matches: list[TriggerMatch], cues: Cues
) -> bool:
    """The coordinator stands inside the complement of a promise, demand or refusal ("called on X to halt
    the attacks and withdraw its troops"): the act after it continues that complement. Where the parse
    gives verb forms, a finite verb after the coordinator is an act of its own ("agreed to halt the
    attacks and withdrew"); without them, a complement is one that opens with an infinitive marker
    ("to", "te", "zu", "à" before anything but a determiner: "appelé à un cessez-le-feu" is no
    infinitive)."""
    governing = [m for m in matches if m.entry.event in PROPOSITION_TYPES and m.start <= left.start]
    if not governing:
        return False
    right_form = nlp[right.start].morph.get("VerbForm", [])
    if right_form:
        return "Fin" not in right_form
    first = min(m.last for m in governing)
    return any(
        nlp[i].text.lower() in cues.infinitive_markers and nlp[i + 1].text.lower() not in cues.determiners
        for i in range(first, at)
    )


def _first_subject(trigger: TriggerMatch, groups: list[ActorGroup], end: int, cues: Cues) -> ActorGroup | None:
    """The subject of the clause's first act: the bare group before its trigger, or, where the verb may come
    first ("Am Montag kritisierte Frankreich …"), the bare group right after it."""
    # a possessor stands for its noun phrase ("Nepal's army imposed …"), as word order reads it for the first act
    bare = [g for g in groups if g.prep is None and g.start < end]
    before = [g for g in bare if g.end <= trigger.start]
    if before:
        return before[0]
    if cues.verb_first and trigger.kind == "verb":
        return next((g for g in bare if 0 <= g.start - trigger.last <= 1), None)
    return None


def continued_complement(
    nlp: Doc,
    later: list[Clause],
    groups_by_clause: dict[int, list[ActorGroup]],
    matches_by_clause: dict[int, list[TriggerMatch]],
    cues: Cues,
) -> list[TriggerMatch]:
    """A demand or promise whose complement runs on ("roept Rusland op de aanvallen te staken en zijn
    troepen terug te trekken"): coordinated clauses without a subject of their own belong to it."""
    found: list[TriggerMatch] = []
    for clause in later:
        opener = nlp[clause.start].text.lower()
        if opener not in cues.coordinators:
            break
        matches = matches_by_clause.get(clause.start, [])
        first = min((m.start for m in matches), default=clause.end)
        if any(g.prep is None and g.start < first for g in groups_by_clause.get(clause.start, [])):
            break
        if _finite_act(nlp, clause, matches, cues):
            break
        found.extend(m for m in matches if m.entry.event not in PROPOSITION_TYPES)
    return found


def complement_end(nlp: Doc, complement: int, end: int, cues: Cues, matches: list[TriggerMatch] | None = None) -> int:
    """Where a demand's or promise's complement stops inside its clause: at a coordinator that opens an act
    of the same subject whose verb the lexicon lacks ("rejected the accusation **and called** the state of
    emergency a declaration of war", "a exigé l'ouverture de négociations **et a fixé** un ultimatum"). The
    coordinated act is the speaker's own, so a trigger word after it is no content of the proposition (two
    acts in one clause, issue 13 round 9). Tagged (en, nl): a finite verb within reach of the coordinator;
    untagged (de, fr): a perfect auxiliary right after it ("und hat", "et a"). A coordinator before an
    infinitive marker ("and to withdraw") continues the complement. Also, tagged: a comma and a trigger verb
    in the present participle ("rejected the proposal, insisting that …": the speaker's own act, an adjunct
    of the first). ``end`` when nothing stops it."""
    if not cues.conjunct_coordinators:
        return end
    lowers = token_table(nlp).lowers
    tagged = nlp.has_annotation("MORPH")
    participles = {m.start for m in matches or () if m.kind == "verb" and _present_participle(nlp[m.start])}
    for at in range(complement + 1, end - 1):
        if tagged and lowers[at] == "," and at + 1 in participles:
            return at
        if lowers[at] not in cues.conjunct_coordinators or lowers[at + 1] in cues.infinitive_markers:
            continue
        if tagged:
            reach = range(at + 1, min(at + 1 + _VERB_REACH, end))
            verb = next((i for i in reach if nlp[i].pos_ in ("VERB", "AUX")), None)
            if verb is not None and "Fin" in nlp[verb].morph.get("VerbForm", []):
                return at
        elif lowers[at + 1] in cues.perfect_aux:
            return at
    return end


def touching_conjuncts(gap: str) -> bool:
    """Two evidence spans that touch with nothing but spaces between them are conjuncts of one clause
    ("imposed a curfew | and suspended internet services"): two acts, which the
    annotation's coordinated_acts rule keeps apart, not the items of a list (issue 13, round 9)."""
    return not gap.strip(" ")


def _present_participle(token: Token) -> bool:
    return "Part" in token.morph.get("VerbForm", []) and "Pres" in token.morph.get("Tense", [])


def _finite_act(nlp: Doc, clause: Clause, matches: list[TriggerMatch], cues: Cues) -> bool:
    """The coordinated clause reports an act of its own, not more of a demand's content ("forderte X auf,
    die Angriffe einzustellen, und kritisierte Y"): tagged, its first verbal trigger is finite; untagged
    (de, fr), it holds no infinitive marker, alone ("zu", "de") or inside a word ("ab|zu|ziehen")."""
    verbs = [m for m in matches if m.kind == "verb"]
    if nlp.has_annotation("MORPH"):
        return bool(verbs) and "Fin" in nlp[verbs[0].start].morph.get("VerbForm", [])
    if not verbs:
        return False
    for i in range(clause.start, clause.end):
        word = nlp[i].text.lower()
        if word in cues.infinitive_markers or cues.infix_infinitive(word, min_letters=0):
            return False
    return True
