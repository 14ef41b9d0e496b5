"""Who acts and who is acted upon: actor and recipient of a trigger.

Two ways, tried in order:
1. the dependency tree, when the nlp stage parsed the text (UD labels: nsubj, obj, iobj, obl + case,
   obl:agent, nmod, conj, xcomp); a trigger without a subject of its own takes the subject of the verb
   that controls it ("zei te zullen aandringen") or that it is coordinated with;
2. word order over the actor mentions of the clause (a bare tokenizer is enough): the first actor
   group not governed by a preposition is the subject, the next one the object, groups after a
   recipient preposition ("aan", "to") are recipients, "tussen X en Y" / "between" makes both actors,
   "door X" / "by X" next to a passive auxiliary is the actor of a passive.
The frame of the lexicon entry then maps subject/object onto actor/recipient (active, converse, mutual).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kroniek.document import ArticleDoc
from kroniek.events.agentless import agentless_passive, nearest_before
from kroniek.events.clauses import ActorGroup, Clause, TokenIndex
from kroniek.events.lexicon import Cues, TriggerEntry
from kroniek.events.token_table import token_table
from kroniek.events.triggers import TriggerMatch

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SUBJ = {"nsubj", "nsubj:pass", "csubj", "nsubjpass"}
_PASSIVE_SUBJ = {"nsubj:pass", "nsubjpass"}
_OBJ = {"obj", "dobj", "iobj"}
_OBL = {"obl", "nmod", "obl:arg", "prep", "pobj", "dative"}


@dataclass(slots=True)
class Arguments:
    actor: list[int] = field(default_factory=list)
    recipient: list[int] = field(default_factory=list)
    rule: str = ""  # how they were found, for `kroniek explain`
    path: list[str] = field(default_factory=list)  # dependency path or word-order steps
    pronoun_subject: bool = False  # the subject is a pronoun the actors stage left unresolved


def _add(target: list[int], actors: list[int]) -> None:
    for a in actors:
        if a not in target:
            target.append(a)


def attribution_tail_groups(doc: ArticleDoc, match: TriggerMatch, groups: list[ActorGroup]) -> list[ActorGroup]:
    """The groups in the tail of an attribution whose scope holds the trigger ("Russia will release the
    prisoners, the Kremlin said", "…, aldus het Kremlin", "…, sagte Peskow", "…, a déclaré le Kremlin").
    The name there is who reports the act (its source, which ``source_for`` reads from the whole
    sentence), not a participant of the reported act. The tail runs from the end of the attributed words
    to the end of the speaker's group after the cue, as the statements stage found it
    (``doc.attributions``); a cue inside or before the attributed words ("X said that …") has no tail."""
    nlp = doc.nlp
    assert nlp is not None
    at = int(nlp[match.start].idx)
    tails = [
        (st.scope.end, st.cue.end)
        for st in doc.attributions
        if st.cue is not None and st.scope.start <= at < st.scope.end and st.cue.start >= st.scope.end
    ]
    if not tails:
        return []

    def in_a_tail(g: ActorGroup) -> bool:
        start, end = int(nlp[g.start].idx), int(nlp[g.end - 1].idx) + len(nlp[g.end - 1].text)
        # before the cue ("…, the Kremlin said") or right after it ("…, said Peskow", "…, aldus X")
        return any(
            tail_start <= start and (end <= cue_end or _right_after(nlp, g, cue_end)) for tail_start, cue_end in tails
        )

    found = [g for g in groups if in_a_tail(g)]
    # the name in apposition after the speaker's title ("…, said Ukraine's foreign minister, Dmytro Kuleba")
    # is the speaker too
    return found + [g for g in groups if g not in found and any(_apposed_to(nlp, t, g) for t in found)]


_APPOSED_REACH = 8  # tokens from the end of a title's qualifier to the name in apposition, its comma included


def _apposed_to(nlp: Doc, title: ActorGroup, name: ActorGroup) -> bool:
    """``name`` follows ``title`` over title words and one comma and closes the sentence or its phrase."""
    if not 0 < name.start - title.end <= _APPOSED_REACH or nlp[name.start - 1].text != ",":
        return False
    if any(t.is_punct or t.pos_ in ("VERB", "AUX") for t in nlp[title.end : name.start - 1]):
        return False
    return name.end >= len(nlp) or nlp[name.end].is_punct


# how many words (determiners, titles) may stand between a cue and the speaker's group after it
_SPEAKER_REACH = 3


def _right_after(nlp: Doc, group: ActorGroup, cue_end: int) -> bool:
    """The group starts within a few words after the cue ends, with no punctuation between
    ("a déclaré le porte-parole Peskov")."""
    between = [t for t in nlp[max(0, group.start - _SPEAKER_REACH - 1) : group.start] if t.idx >= cue_end]
    return (
        int(nlp[group.start].idx) >= cue_end
        and len(between) <= _SPEAKER_REACH
        and not any(t.is_punct for t in between)
        and (group.start - len(between) == 0 or nlp[group.start - len(between) - 1].idx < cue_end)
    )


def find_arguments(
    doc: ArticleDoc,
    match: TriggerMatch,
    groups: list[ActorGroup],
    index: TokenIndex,
    cues: Cues,
    complement_start: int,
    others: list[TriggerMatch] | None = None,
    use_tree: bool = True,
) -> Arguments:
    nlp = doc.nlp
    assert nlp is not None
    args = _from_word_order(nlp, match, groups, cues, complement_start, others or [])
    if use_tree and not args.actor and not args.recipient and nlp.has_annotation("DEP"):
        # the tree reaches further than word order (control verbs, long-distance subjects); on the dev
        # texts it was less precise where both give an answer, so it only fills in what order misses
        tree = _from_tree(doc, match, index, cues)
        if tree.actor:
            args = tree
    return _apply_frame(args, match.entry, _reciprocal(nlp, match, cues))


_RECIPROCAL_EVENTS = frozenset({"CONSULT", "COOPERATE", "AGREE"})


def _reciprocal(nlp: Doc, match: TriggerMatch, cues: Cues) -> bool:
    """ "telefonierten miteinander", "spoke with each other": a reciprocal after the trigger in its clause
    makes every participant of a meeting, cooperation or agreement an actor."""
    clause = match.clause
    if not cues.reciprocals or clause is None or match.entry.event not in _RECIPROCAL_EVENTS:
        return False
    words = [nlp[i].text.lower() for i in range(match.last, clause.end)]
    text = " " + " ".join(words) + " "
    return any(f" {r} " in text for r in cues.reciprocals)


def _apply_frame(args: Arguments, entry: TriggerEntry, reciprocal: bool = False) -> Arguments:
    if reciprocal and entry.frame != "mutual":
        _add(args.actor, args.recipient)
        args.recipient = []
        args.rule += "+reciprocal"
    elif entry.frame == "converse":  # "de Koning ontvangt X": X visits, the King hosts
        args.actor, args.recipient = args.recipient, args.actor
        args.rule += "+converse"
    elif entry.frame == "mutual":
        _add(args.actor, args.recipient)
        args.recipient = []
        args.rule += "+mutual"
    args.recipient = [r for r in args.recipient if r not in args.actor]
    return args


# --- 1. dependency tree -------------------------------------------------------------------------


def _mention_actors(doc: ArticleDoc, index: TokenIndex, token: Token) -> list[int]:
    """Actors whose mention covers the token or one of its conjuncts."""
    found: list[int] = []
    heads = [
        token,
        *[c for c in token.subtree if c.dep_ == "conj" and c.head.i in {token.i, *[x.i for x in token.subtree]}],
    ]
    for head in heads:
        for a_index, actor in enumerate(doc.actors):
            for m in actor.mentions:
                if m.start <= head.idx < m.end and a_index not in found:
                    found.append(a_index)
    return found


def _case_of(token: Token) -> str | None:
    for child in token.children:
        if child.dep_ in ("case", "mark") or child.dep_.startswith("case"):
            return child.text.lower()
    return None


def _from_tree(doc: ArticleDoc, match: TriggerMatch, index: TokenIndex, cues: Cues) -> Arguments:
    nlp = doc.nlp
    assert nlp is not None
    head = nlp[match.start]
    args = Arguments(rule="tree")
    recipient_preps = set(
        match.entry.recipient_preps if match.entry.recipient_preps is not None else cues.recipient_preps
    )
    passive = any(c.dep_ in ("aux:pass", "auxpass", "nsubj:pass") for c in head.children)
    verb = head
    # a nominal or adjectival trigger: its own modifiers first, then the verb it depends on
    for child in head.children:
        dep = child.dep_
        case = _case_of(child)
        actors = _mention_actors(doc, index, child)
        if not actors:
            continue
        if dep in _SUBJ:
            target = args.recipient if passive and match.entry.object_recipient else args.actor
            _add(target, actors)
            args.path.append(f"{dep}:{child.text}")
        elif dep in ("obl:agent",) or (passive and case in cues.agent_preps):
            _add(args.actor, actors)
            args.path.append(f"agent:{child.text}")
        elif dep in _OBJ and match.entry.object_recipient:
            _add(args.recipient, actors)
            args.path.append(f"{dep}:{child.text}")
        elif dep in ("nmod:poss", "poss") or (dep == "nmod" and case in cues.possessive_markers):
            _add(args.actor, actors)
            args.path.append(f"{dep}:{child.text}")
        elif dep in _OBL or dep.startswith("obl") or dep.startswith("nmod"):
            if case in cues.mutual_preps:
                _add(args.actor, actors)
                args.path.append(f"{dep}/{case}:{child.text}")
            elif case in recipient_preps:
                _add(args.recipient, actors)
                args.path.append(f"{dep}/{case}:{child.text}")
            elif case in cues.agent_preps and match.kind == "noun":
                _add(args.actor, actors)
                args.path.append(f"{dep}/{case}:{child.text}")
    if args.actor:
        return args
    # no subject of its own: climb to the governing verb (control, coordination, nominal object)
    # only through control ("zei te zullen aandringen") and coordination ("… en delen"): climbing out of
    # an object or an adverbial phrase would hand the main clause's subject to an unrelated noun
    steps = 0
    while verb.dep_ in ("xcomp", "conj") and steps < 3 and match.kind != "noun":
        verb = verb.head
        steps += 1
        for child in verb.children:
            if child.dep_ in _SUBJ and child.i != head.i:
                actors = _mention_actors(doc, index, child)
                if actors:
                    _add(args.actor, actors)
                    args.path.append(f"^{steps}:{verb.text}/{child.dep_}:{child.text}")
                    return args
    return args


# --- 2. word order ------------------------------------------------------------------------------


def _from_word_order(
    nlp: Doc,
    match: TriggerMatch,
    groups: list[ActorGroup],
    cues: Cues,
    complement_start: int,
    others: list[TriggerMatch],
) -> Arguments:
    """Actor and recipient by position: prepositional groups first, then a passive, a noun's own
    arguments, and finally the subject and object of the clause."""
    entry = match.entry
    args = Arguments(rule="order")
    clause = match.clause
    assert clause is not None
    passive = _passive_clause(nlp, match, cues)
    # groups inside the complement belong to the proposition, not to this event; in a passive, "by X" right
    # after a refusal or demand is its agent ("The charge was denied by X"), not part of its complement
    usable = [
        g
        for g in groups
        if not (g.start >= complement_start and entry.event in _PROP_TYPES)
        or (passive and g.prep in cues.agent_preps and g.start - match.last <= _AGENT_REACH)
    ]
    reporter_cut = _reported_subject_start(nlp, match, groups, cues)
    if reporter_cut is not None:
        # "The ministry said 133 people had been detained": who reports is no party to the act
        args.path.append(f"reported clause with its own subject after:{nlp[reporter_cut - 1].text}")
        usable = [g for g in usable if g.start >= reporter_cut]
    # a group whose preposition is part of the trigger ("called on X", "riep X op") is its object
    bare = [g for g in usable if g.prep is None or g.start - 1 in match.tokens]
    _prepositional_groups(nlp, match, usable, bare, cues, passive, others, args)
    if _passive_arguments(nlp, match, clause, bare, cues, passive, args):
        return args
    if match.kind == "noun":
        narrowed = _noun_arguments(nlp, match, usable, bare, cues, others, args)
        if narrowed is None:
            return args
        bare = narrowed
    subject, obj = _subject_and_object(nlp, match, groups, usable, bare, cues, args)
    if subject is not None:
        _add(args.actor, subject.actors)
    if entry.event in _TARGETS_THE_AGENT and obj is None:
        # "veroordeelt de Russische agressie", "condemned Russia's attack": the one condemned is the agent
        # of the act named as object
        obj = _agent_of_object_event(match, bare, others)
        if obj is not None:
            args.path.append("agent of the object event")
    if (
        obj is not None
        and entry.object_recipient
        and not (entry.event in _PROP_TYPES and obj.start >= complement_start)
    ):
        _add(args.recipient, obj.actors)
        args.path.append(f"object:{_text(nlp, obj)}")
    return args


def _prepositional_groups(
    nlp: Doc,
    match: TriggerMatch,
    usable: list[ActorGroup],
    bare: list[ActorGroup],
    cues: Cues,
    passive: bool,
    others: list[TriggerMatch],
    args: Arguments,
) -> None:
    """ "met X" (mutual), "door X" in a passive (the agent), "aan X" near the trigger (the recipient)."""
    entry = match.entry
    recipient_preps = set(entry.recipient_preps if entry.recipient_preps is not None else cues.recipient_preps)
    for g in usable:
        if g in bare:
            continue
        if g.prep in cues.mutual_preps:
            _add(args.actor, g.actors)
            args.path.append(f"{g.prep}:{_text(nlp, g)}")
        elif passive and g.prep in cues.agent_preps and (cues.verb_first or g.start >= match.start):
            _add(args.actor, g.actors)
            args.path.append(f"agent {g.prep}:{_text(nlp, g)}")
        elif g.prep in recipient_preps and abs(g.start - match.start) <= 8 and not _blocked(match, g, others):
            _add(args.recipient, g.actors)
            args.path.append(f"recipient {g.prep}:{_text(nlp, g)}")


def _passive_arguments(
    nlp: Doc,
    match: TriggerMatch,
    clause: Clause,
    bare: list[ActorGroup],
    cues: Cues,
    passive: bool,
    args: Arguments,
) -> bool:
    """ "X werd aangevallen door Y", "X benoemd tot minister": the bare group is the one acted upon.
    True when the clause is passive (the arguments are then complete)."""
    tokens = token_table(nlp).lowers[clause.start : clause.end]
    participle = _passive_participle(nlp, match, tokens, cues) and (
        cues.verb_first or not any(g.start >= match.last for g in bare)  # "X killed Y" is active
    )
    # "X a été arrêté", "X wurde festgenommen": a passive with no agent (events/agentless.py)
    agentless = not args.actor and agentless_passive(nlp, match, str(nlp.lang_), cues.verb_first)
    if not ((args.actor and passive) or participle or agentless):
        return False
    if bare and match.entry.object_recipient:
        # without an agent, the group nearest before the trigger: "Selon le ministre, X, 200 personnes ont été"
        subject = nearest_before(bare, match.start) if agentless and not participle else bare[0]
        _add(args.recipient, subject.actors)
        args.path.append(f"passive subject:{_text(nlp, subject)}")
    args.recipient = [r for r in args.recipient if r not in args.actor]
    args.rule = "order/passive"
    return True


def _noun_arguments(
    nlp: Doc,
    match: TriggerMatch,
    usable: list[ActorGroup],
    bare: list[ActorGroup],
    cues: Cues,
    others: list[TriggerMatch],
    args: Arguments,
) -> list[ActorGroup] | None:
    """A noun's own arguments: a possessor or modifier right before it ("de Russische inval", "Russia's
    readiness") or an agent inside its phrase ("het verzoek van het Kremlin"). None when these settle the
    event; else the bare groups that may still be the clause subject it inherits."""
    subject_first = bool(bare) and bare[0].end <= match.start and not bare[0].pronoun
    # "Poland condemned attacks": a group separated from the noun by another trigger is that one's
    other_tokens = {t for o in others if o is not match for t in o.tokens}
    for g in bare:
        if g.pronoun and subject_first and match.inherits_subject and g is not bare[0]:
            continue  # "Kyiv sprak zijn goedkeuring uit": the possessive pronoun is the subject's
        if other_tokens & set(range(g.end, match.start)):
            continue
        if (g.possessive and 0 <= match.start - g.end <= 3) or 0 <= match.start - g.end <= 1:
            _add(args.actor, g.actors)
            args.path.append(f"prenominal:{_text(nlp, g)}")
    for g in usable:
        if g.prep in cues.noun_agent_preps and 0 <= g.start - match.end <= 4 and not args.actor:
            _add(args.actor, g.actors)
            args.path.append(f"noun agent {g.prep}:{_text(nlp, g)}")
    if args.actor or not match.inherits_subject:
        args.recipient = [r for r in args.recipient if r not in args.actor]
        return None
    if not match.fronted:
        return [g for g in bare if g.end <= match.start]  # the clause subject, never a later group
    return [g for g in bare if not (match.start <= g.start < match.last + 3)]  # not the noun's own


def _subject_and_object(
    nlp: Doc,
    match: TriggerMatch,
    groups: list[ActorGroup],
    usable: list[ActorGroup],
    bare: list[ActorGroup],
    cues: Cues,
    args: Arguments,
) -> tuple[ActorGroup | None, ActorGroup | None]:
    """The clause's subject and object among the bare groups, by their side of the trigger."""
    before = [g for g in bare if g.end <= match.start]
    speaker_cut = _reported_clause_start(nlp, match, cues, groups)
    if speaker_cut is not None and any(g.start >= speaker_cut for g in before):
        # "Fars reported Iran issued warrants": the speaker is not the subject of the reported verb
        args.path.append(f"after report verb:{nlp[speaker_cut - 1].text}")
        before = [g for g in before if g.start >= speaker_cut]
    after = [g for g in bare if g.start >= match.last or (g.start >= match.end and g.start not in match.tokens)]
    pronoun = _unresolved_pronoun_subject(nlp, match, usable, before, cues) if match.kind == "verb" else None
    if pronoun is not None:
        # "Hij roept Rusland op", "drong ze erop aan": the subject is a pronoun the actors stage could
        # not resolve; an actor after the verb is its object, never its subject by inversion
        args.path.append(f"unresolved subject pronoun:{nlp[pronoun].text}")
        args.pronoun_subject = True
        return None, after[0] if after else None
    if match.kind == "noun" and match.fronted and not before and after:
        # "During the call, Putin and Macron …": the subject follows the fronted phrase
        args.path.append(f"subject after fronted phrase:{_text(nlp, after[0])}")
        return after[0], None
    if before:
        # SVO: a second group before the verb (a verb-final clause, "dat Rusland Oekraïne aanviel") or the
        # first after it is the object
        rest = before[1:]
        args.path.append(f"subject before:{_text(nlp, before[0])}")
        return before[0], rest[0] if rest else (after[0] if after else None)
    if after and cues.verb_first and not _verb_opens_coordinated_clause(nlp, match, cues):
        args.path.append(f"subject after (inversion):{_text(nlp, after[0])}")
        return after[0], after[1] if len(after) > 1 else None
    # SVO: a group after the verb is its object, even when the subject is no actor
    return None, after[0] if after else None


def _verb_opens_coordinated_clause(nlp: Doc, match: TriggerMatch, cues: Cues) -> bool:
    """ "…, maar steunde Oekraïne": a verb right after the coordinator that opens its clause has an elided
    subject (the first clause's), so the group after it is its object, not its subject by inversion."""
    clause = match.clause
    if clause is None or match.kind != "verb" or match.start != clause.start + 1:
        return False
    opener = nlp[clause.start].text.lower()
    return opener in cues.coordinators or opener in cues.contrastive_coordinators


def _reported_clause_start(nlp: Doc, match: TriggerMatch, cues: Cues, groups: list[ActorGroup]) -> int | None:
    """In an SVO language, the token after the last report verb ("said", "reported") between the clause
    start and the trigger: a clause reported without "that" starts there. Report verbs that also carry a
    noun trigger ("expressed support", "announced a withdrawal") are light verbs, not speech, and
    are skipped, as are auxiliaries listed among report verbs ("a déclaré") and words inside an actor's
    name ("the United States")."""
    if cues.verb_first:
        return None
    clause = match.clause
    assert clause is not None
    in_names = {t for g in groups for t in range(g.start, g.end)}
    for i in range(match.start - 1, clause.start, -1):
        word = nlp[i].text.lower()
        if i in in_names or word in cues.light_verbs or word in cues.perfect_aux or word in cues.passive_aux:
            continue
        if word in cues.report_verbs:
            return i + 1
    return None


def _reported_subject_start(nlp: Doc, match: TriggerMatch, groups: list[ActorGroup], cues: Cues) -> int | None:
    """The token after the report verb when the verb trigger stands in a clause reported without "that" and
    has a subject of its own there that is no pronoun ("The ministry said 133 people had been detained",
    "the government said soldiers had killed …"); None otherwise. The reporter before it is then no party
    to the act, even when the reported subject is no actor; a pronoun ("X said it had …") may be the
    reporter again and leaves it. Needs the parse (the subject relation), so only tagged SVO languages."""
    if match.kind != "verb":
        return None
    if cues.verb_first:
        return _reported_after_comma(nlp, match, cues)
    if not nlp.has_annotation("DEP"):
        return None
    cut = _reported_clause_start(nlp, match, cues, groups)
    if cut is None:
        return None
    subjects = [c for c in nlp[match.start].children if c.dep_ in _SUBJ and cut <= c.i < match.start]
    if not subjects or any(c.pos_ == "PRON" or c.dep_ in _PASSIVE_SUBJ for c in subjects):
        return None
    return cut


def _reported_after_comma(nlp: Doc, match: TriggerMatch, cues: Cues) -> int | None:
    """V2 languages: "Die Regierung teilte mit, Soldaten hätten … getötet", "X sagte, 27 Personen seien
    festgenommen worden": the token after the comma that follows a report verb of the clause, when the
    reported words open with a subject of their own that is no pronoun (a capitalised noun after articles and
    numbers, untagged; the trigger's ``nsubj`` there, tagged); None otherwise ("X sagte, er werde …")."""
    clause = match.clause
    assert clause is not None
    lowers = token_table(nlp).lowers
    comma = next((i for i in range(match.start - 1, clause.start, -1) if lowers[i] == ","), None)
    if comma is None or not any(lowers[i] in cues.report_verbs for i in range(clause.start, comma)):
        return None
    if nlp.has_annotation("DEP"):
        subjects = [c for c in nlp[match.start].children if c.dep_ in _SUBJ and comma < c.i < match.start]
        return comma + 1 if subjects and not any(c.pos_ == "PRON" for c in subjects) else None
    i = comma + 1
    while i < match.start and (lowers[i] in cues.determiners or lowers[i].isdigit()):
        i += 1
    word = nlp[i].text
    return comma + 1 if i < match.start and word[:1].isupper() and word[1:].islower() else None


def _unresolved_pronoun_subject(
    nlp: Doc, match: TriggerMatch, usable: list[ActorGroup], before: list[ActorGroup], cues: Cues
) -> int | None:
    """The token index of a subject pronoun that no actor mention covers, right before the verb at the
    start of its clause ("Hij roept …") or right after it in a V2 language ("… drong ze erop aan"),
    unless an actor stands right before the verb (then "Rusland riep ze op": the pronoun is the object)."""
    if not cues.subject_pronouns:
        return None
    clause = match.clause
    assert clause is not None
    covered = {t for g in usable for t in range(g.start, g.end)}
    prev = match.start - 1
    if (
        prev >= clause.start
        and prev not in covered
        and nlp[prev].text.lower() in cues.subject_pronouns
        and all(not nlp[k].is_alpha for k in range(clause.start, prev))
    ):
        return prev
    nxt = match.end
    adjacent_actor = any(0 <= match.start - g.end <= 1 for g in before)
    if (
        cues.verb_first
        and nxt < clause.end
        and nxt not in covered
        and nlp[nxt].text.lower() in cues.subject_pronouns
        and not adjacent_actor
    ):
        return nxt
    return None


# verbal reactions aimed at whoever did what their object names
_TARGETS_THE_AGENT = frozenset({"ACCUSE", "PROTEST", "SANCTION", "THREATEN"})


def _agent_of_object_event(
    match: TriggerMatch, bare: list[ActorGroup], others: list[TriggerMatch]
) -> ActorGroup | None:
    for other in sorted(others, key=lambda o: o.start):
        if other.start <= match.last or other.kind != "noun":
            continue
        for g in bare:
            if g.start >= match.last and (
                0 <= other.start - g.end <= 1 or (g.possessive and 0 <= other.start - g.end <= 3)
            ):
                return g
    return None


def _blocked(match: TriggerMatch, group: ActorGroup, others: list[TriggerMatch]) -> bool:
    """Another trigger between this one and the group: the group belongs to that one ("condemned Russia's
    war against Ukraine": Ukraine is the target of the war, not of the condemnation)."""
    low, high = sorted((match.start, group.start))
    return any(o is not match and low < o.start < high for o in others)


# how far after a passive trigger its agent phrase may start ("was rejected outright by X")
_AGENT_REACH = 3

# how far before a verbal trigger its passive auxiliary may stand ("was strongly condemned by")
_PASSIVE_AUX_REACH = 3


def _passive_clause(nlp: Doc, match: TriggerMatch, cues: Cues) -> bool:
    """Whether the trigger stands in a passive. A verb needs its own auxiliary just before it (or, in a
    verb-final clause, anywhere before it): a passive elsewhere in a long clause ("thanked X for the
    decisions being implemented by Russia") says nothing about the trigger. A noun is the subject of the
    clause's passive verb ("the attack was claimed by X"), so there any auxiliary in the clause counts."""
    clause = match.clause
    assert clause is not None
    if match.kind == "noun" or cues.verb_first:
        return any(nlp[i].text.lower() in cues.passive_aux for i in range(clause.start, clause.end))
    low = max(clause.start, match.start - _PASSIVE_AUX_REACH)
    return any(nlp[i].text.lower() in cues.passive_aux for i in range(low, match.start))


def _passive_participle(nlp: Doc, match: TriggerMatch, tokens: list[str], cues: Cues) -> bool:
    """A participle that the lexicon marks passive, without a perfect auxiliary ("heeft benoemd")."""
    token = nlp[match.start]
    is_part = token.text.lower() in match.entry.passive_forms or "Part" in token.morph.get("VerbForm", [])
    # a present participle ("condemning X", "veroordelend") is active
    if not is_part or match.kind != "verb" or "Pres" in token.morph.get("Tense", []):
        return False
    return not any(t in cues.perfect_aux for t in tokens)


_PROP_TYPES = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN", "CONCEDE"})


def _text(nlp: Doc, g: ActorGroup) -> str:
    return nlp[g.start : g.end].text
