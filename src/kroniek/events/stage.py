"""The events stage (``events.lexicon/v1``): PLOVER events from lexicon triggers and clause structure.

For every clause of every sentence: find the triggers (events/triggers.py), and for each one that is
not itself the content of a promise/demand/refusal in the same clause, find actor and recipient
(events/arguments.py), modality, proposition, date, duration, place, quantities and source
(events/qualify.py). Triggers inside the complement of an AGREE/REQUEST/REJECT/THREATEN/CONCEDE
trigger type its proposition instead of becoming events of their own. An event for which no
participant can be found is dropped, because the chronicle could not say who did it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kroniek.chronicle.types import PROPOSITION_TYPES
from kroniek.document import ArticleDoc, CharSpan, EventRecord, PropositionRecord
from kroniek.events.arguments import Arguments, find_arguments
from kroniek.events.clauses import ActorGroup, Clause, TokenIndex, actor_groups, clauses_of, governing_prep
from kroniek.events.learned import ModelSignals, TriggerModel, annotate_scores, load_trigger_model, model_signals
from kroniek.events.lexicon import Lexicon, load_lexicon
from kroniek.events.qualify import (
    complement_start_of,
    event_date,
    event_duration,
    location_for,
    modality_of,
    proposition_for,
    quantities_in,
    reanchor_for,
    source_for,
)
from kroniek.events.triggers import TriggerMatch, find_triggers
from kroniek.events.when import TimeAnchor, discourse_date, sentence_index
from kroniek.events.where import PlaceAnchor, next_place_anchor, running_place


@dataclass
class _Discourse:
    """What the stage remembers while it reads one article, sentence after sentence."""

    mention_spans: list[tuple[int, int]] = field(default_factory=list)
    clause_matches: list[TriggerMatch] = field(default_factory=list)
    dialogue: list[int] = field(default_factory=list)  # parties of the latest talks: "the leaders" refers to them
    dialogue_persons: bool = False
    last_proposition: PropositionRecord | None = None
    topic: list[int] = field(default_factory=list)  # the single actor of the latest event: "Hij" may be it
    anchor: TimeAnchor | None = None  # the last event dated by its own sentence: dates the later ones of its day
    place: PlaceAnchor | None = None  # the last meeting or visit with a place: where its parties act later


class EventsStage:
    name = "events.lexicon/v1"
    requires = ("nlp", "actors", "timexes", "places", "quantities", "attributions")
    provides = ("events",)

    def __init__(
        self,
        extra_lexicons: list[str] | None = None,
        min_confidence: float = 0.4,
        use_tree: bool = False,
        event_model: str = "shipped",
        model_threshold: float = 0.7,
        model_veto: float = 0.0,
        carry_discourse: bool = False,
    ) -> None:
        self.extra_lexicons = tuple(extra_lexicons or ())
        self.use_tree = use_tree
        self.min_confidence = min_confidence
        self.event_model = event_model
        self.model_threshold = model_threshold or None  # 0: the threshold the model chose on dev
        self.model_veto = model_veto
        # the running date and place of the talks for their parties' later acts (events/when.py, where.py);
        # off by default: measured neutral on the corpus dev split and 4 dates and 5 places worse on the
        # dev gold set, whose annotators date and place an act only by its own sentence (issue 14)
        self.carry_discourse = carry_discourse

    def lexicon(self, lang: str) -> Lexicon | None:
        return load_lexicon(lang, self.extra_lexicons)

    def preload(self) -> None:
        """Load what every language shares (the learned model), e.g. before workers are forked."""
        self.model()

    def model(self) -> TriggerModel | None:
        """The learned trigger model named by the ``event_model`` setting ("shipped", a path, or "none")."""
        return load_trigger_model(self.event_model)

    def __call__(self, doc: ArticleDoc) -> ArticleDoc:
        lexicon = self.lexicon(doc.lang)
        if lexicon is None:
            doc.notes.append(f"events: no event lexicon for language {doc.lang!r}; no events extracted")
            return doc
        if doc.nlp is None:
            doc.notes.append("events: the text has no tokens (nlp layer missing); no events extracted")
            return doc
        index = TokenIndex(doc.nlp)
        events = self._article_events(doc, lexicon, index, ModelSignals())
        model = self.model()
        if model is not None:
            # Second reading: the model sees the lexicon coder's decisions (as it did in training), then
            # proposes the event words the lexicon missed and rejects the lexicon matches it does not believe.
            mentions = [(m.start, m.end) for actor in doc.actors for m in actor.mentions]
            signals = model_signals(
                model, doc.nlp, doc.lang, events, self.model_threshold, self.model_veto, mention_spans=mentions
            )
            if signals.proposals or signals.vetoed:
                events = self._article_events(doc, lexicon, index, signals)
            annotate_scores(events, signals)
        doc.events.extend(e for e in events if e.confidence >= self.min_confidence)
        return doc

    def _article_events(
        self, doc: ArticleDoc, lexicon: Lexicon, index: TokenIndex, signals: ModelSignals
    ) -> list[EventRecord]:
        state = _Discourse(mention_spans=sorted((m.start, m.end) for a in doc.actors for m in a.mentions))
        events: list[EventRecord] = []
        for sentence in doc.sentences:
            events.extend(self._sentence_events(doc, sentence, lexicon, index, state, signals))
        events = merge_lists(events, doc.text)
        return merge_repeated_talks(events)

    def _sentence_events(
        self,
        doc: ArticleDoc,
        sentence: CharSpan,
        lexicon: Lexicon,
        index: TokenIndex,
        state: _Discourse,
        signals: ModelSignals,
    ) -> list[EventRecord]:
        nlp = doc.nlp
        assert nlp is not None
        clauses = clauses_of(doc, sentence, lexicon.cues)
        groups_by_clause = {c.start: actor_groups(doc, c, index, lexicon.cues, lexicon.by_first) for c in clauses}
        matches_by_clause = {
            c.start: find_triggers(nlp, c, lexicon, signals.proposals, signals.vetoed) for c in clauses
        }
        events: list[EventRecord] = []
        consumed: set[int] = set()
        for n, clause in enumerate(clauses):
            groups = groups_by_clause[clause.start]
            matches = matches_by_clause[clause.start]
            covered = {t for g in groups for t in range(g.start, g.end)}
            # a trigger word inside a name ("Popular Mobilization Forces") is no event; a pronoun inside a
            # trigger phrase ("expressed his support") is fine
            named = {t for g in groups if not g.pronoun for t in range(g.start, g.end)}
            matches = [m for m in matches if not (m.tokens & named)]
            for match in matches:
                if match.kind == "noun":
                    # a noun inside an adverbial phrase ("tijdens het bezoek", "in reactie op de agressie")
                    # or after another trigger verb does not inherit the clause subject
                    prep = governing_prep(nlp, match.start, clause, lexicon.cues, covered, ())
                    earlier_verb = any(m.start < match.start and m.kind != "noun" for m in matches)
                    light = not lexicon.cues.light_verbs or any(
                        nlp[i].text.lower() in lexicon.cues.light_verbs for i in range(clause.start, clause.end)
                    )
                    # talks "with X" always include the clause's subject ("In een gesprek met X zei Y …")
                    with_partner = match.entry.frame == "mutual" and _partner_after(match, groups, lexicon)
                    match.inherits_subject = (
                        (prep is None and light) or prep in lexicon.cues.during_preps or with_partner
                    ) and not earlier_verb
                    match.fronted = prep is not None
            state.clause_matches = matches
            for match in matches:
                if id(match) in consumed:
                    continue
                is_prop = match.entry.event in PROPOSITION_TYPES
                preps = match.entry.recipient_preps
                if preps is None:
                    preps = tuple(lexicon.cues.recipient_preps)
                complement = complement_start_of(match, groups, nlp, preps) if is_prop else clause.end
                inner = [m for m in matches if m is not match and m.start >= complement and id(m) not in consumed]
                if is_prop:
                    inner += _continued_complement(nlp, clauses[n + 1 :], groups_by_clause, matches_by_clause, lexicon)
                if is_prop and match.kind == "noun":
                    # "op verzoek van X trok Y … terug": a nominal demand does not swallow the main verb
                    inner = [m for m in inner if m.kind == "noun"]
                if match.how == "model":
                    # a word only the model calls a promise or demand types its own complement's proposition
                    # but never swallows an act the lexicon found (measured on dev: it cost recall)
                    inner = [m for m in inner if m.how == "model"]
                if is_prop:
                    consumed.update(id(m) for m in inner)
                context = EventContext(
                    doc, nlp, match, clause, clauses, groups, groups_by_clause, complement, inner, lexicon, index, state
                )
                context.carry_discourse = self.carry_discourse
                event = self._event(context)
                if event is None:
                    continue
                if _merge_into(events, event):
                    continue
                events.append(event)
        return events

    def _event(self, ctx: EventContext) -> EventRecord | None:
        """One event from one trigger: arguments, then the named argument rules, then what qualifies it."""
        match, doc = ctx.match, ctx.doc
        others = [m for m in ctx.state.clause_matches if m is not match]
        ctx.args = find_arguments(
            doc, match, ctx.groups, ctx.index, ctx.lexicon.cues, ctx.complement, others, self.use_tree
        )
        ctx.confidence = match.entry.confidence
        for rule in ARGUMENT_RULES:
            rule(ctx)
        if not ctx.args.actor and (not ctx.args.recipient or match.kind == "noun"):
            # nobody to say who did it; a noun with only a recipient ("support to X") is too weak
            return None
        _addressee_of_the_talks(ctx)
        _remember_parties(ctx)
        return _qualified_event(ctx)


@dataclass
class EventContext:
    """Everything the rules for one trigger read: the trigger, its clause and sentence, the actor groups,
    the discourse so far, and what the rules have decided (arguments, confidence)."""

    doc: ArticleDoc
    nlp: Any
    match: TriggerMatch
    clause: Clause
    clauses: list[Clause]  # the clauses of the sentence
    groups: list[ActorGroup]  # the actor groups of the clause
    groups_by_clause: dict[int, list[ActorGroup]]
    complement: int  # first token of a proposition trigger's complement (the clause end otherwise)
    inner: list[TriggerMatch]  # triggers inside the complement: they type the proposition
    lexicon: Lexicon
    index: TokenIndex
    state: _Discourse
    args: Arguments = field(default_factory=Arguments)
    confidence: float = 0.5
    carry_discourse: bool = False  # the talks' date and place carry to their parties' later acts


# How much a rule that had to guess lowers the entry's confidence, and what raises it.
GUESS_PRONOUN_TOPIC = -0.05  # an unresolved subject pronoun taken as the previous event's actor
GUESS_SENTENCE_SUBJECT = -0.1  # a coordinated clause without a subject borrows the sentence's
GUESS_TALKS_BEFORE = -0.05  # "the call" taken as the talks introduced before
GUESS_COMPOUND = -0.05  # the trigger is the tail of a compound word
SURE_TREE = 0.1  # the dependency parse linked the arguments
SURE_BOTH_SIDES = 0.05  # both actor and recipient found


def _pronoun_continues_topic(ctx: EventContext) -> None:
    """ "De Raad veroordeelt X. Hij roept Y op …": an unresolved subject pronoun continues the topic."""
    args = ctx.args
    if args.pronoun_subject and not args.actor and ctx.state.topic:
        args.actor = [a for a in ctx.state.topic if a not in args.recipient]
        args.rule += "/pronoun continues the topic"
        ctx.confidence += GUESS_PRONOUN_TOPIC


def _collective_parties(ctx: EventContext) -> None:
    """ "The parties agreed", "Beide leiders": a plural reference to the parties of the ongoing talks."""
    args, state, nlp = ctx.args, ctx.state, ctx.nlp
    collective = (
        state.dialogue and ctx.match.inherits_subject and _collective_before(nlp, ctx.clause, ctx.match, ctx.lexicon)
    )
    if collective and (not args.actor or _collective_subject(nlp, ctx.clause, ctx.match, ctx.lexicon)):
        args.actor = list(state.dialogue)
        args.rule += "/collective subject"
        args.recipient = [r for r in args.recipient if r not in args.actor]


def _coordinated_clause_subject(ctx: EventContext) -> None:
    """ "… en delen weer inlichtingen", "…, and asked X to …": a coordinated clause without a subject of
    its own takes the sentence's subject. A verb right after the coordinator has no subject of its own even
    when it has an object."""
    args, match, clause = ctx.args, ctx.match, ctx.clause
    opener = ctx.nlp[clause.start].text.lower()
    verb_after_coordinator = match.kind == "verb" and match.start == clause.start + 1
    if args.actor or (args.recipient and not verb_after_coordinator):
        return
    if clause.index == 0 or opener not in ctx.lexicon.cues.coordinators:
        return
    first = next((g for g in ctx.groups_by_clause.get(ctx.clauses[0].start, []) if g.prep is None), None)
    if first is not None and not set(first.actors) & set(args.recipient):
        args.actor = list(first.actors)
        args.rule += "/sentence subject"
        ctx.confidence += GUESS_SENTENCE_SUBJECT


def _talks_introduced_before(ctx: EventContext) -> None:
    """ "het telefoongesprek", "Die gesprekken", "the call": the talks already introduced."""
    args, match, state = ctx.args, ctx.match, ctx.state
    if args.actor or match.entry.event != "CONSULT" or match.kind != "noun" or not state.dialogue:
        return
    if _refers_to_the_talks(ctx.nlp, ctx.clause, match, ctx.groups, state.dialogue, ctx.lexicon):
        args.actor = list(state.dialogue)
        args.recipient = [r for r in args.recipient if r not in args.actor]
        args.rule += "/the talks introduced before"
        ctx.confidence += GUESS_TALKS_BEFORE


# The rules that fill in an actor the clause does not name, in the order they are tried.
ARGUMENT_RULES: tuple[Callable[[EventContext], None], ...] = (
    _pronoun_continues_topic,
    _collective_parties,
    _coordinated_clause_subject,
    _talks_introduced_before,
)


def _addressee_of_the_talks(ctx: EventContext) -> None:
    """A promise or demand by one party of the ongoing talks is addressed to the other party."""
    args, dialogue = ctx.args, ctx.state.dialogue
    if ctx.match.entry.event in _ADDRESSED_TYPES and not args.recipient and dialogue and args.actor:
        if set(args.actor) < set(dialogue):
            args.recipient = [a for a in dialogue if a not in args.actor]
            args.rule += "/addressee of the talks"


def _remember_parties(ctx: EventContext) -> None:
    """Talks between two or more parties define the dialogue ("the leaders" are persons: talks between
    persons define the parties; others only until then); a single actor is the topic a pronoun may continue."""
    args, state = ctx.args, ctx.state
    if ctx.match.entry.event == "CONSULT" and len(args.actor) >= 2:
        persons = all(ctx.doc.actors[a].kind == "person" for a in args.actor)
        if persons or not state.dialogue_persons:
            state.dialogue = list(args.actor)
            state.dialogue_persons = persons
    state.topic = list(args.actor) if len(args.actor) == 1 else []


def _qualified_event(ctx: EventContext) -> EventRecord:
    """The event record: triggers, modality and date, proposition, place, source, confidence."""
    doc, nlp, match, args, lexicon = ctx.doc, ctx.nlp, ctx.match, ctx.args, ctx.lexicon
    entry = match.entry
    evidence = ctx.clause.char_span(nlp)
    triggers = [CharSpan(nlp[match.start].idx, nlp[match.end - 1].idx + len(nlp[match.end - 1].text))]
    if match.particle is not None:
        p = nlp[match.particle]
        triggers.append(CharSpan(p.idx, p.idx + len(p.text)))
        triggers.sort(key=lambda s: s.start)
    explain: dict[str, Any] = {
        "entry": entry.id,
        "matched": nlp[match.start : match.end].text
        + (f" … {nlp[match.particle].text}" if match.particle is not None else ""),
        "how": match.how,
        "kind": match.kind,
        "arguments": args.rule,
        "path": list(args.path),
    }
    modality, cue = modality_of(doc, match, ctx.clause, ctx.complement, lexicon)
    date, dated_modality = event_date(doc, evidence, triggers[0].start, modality, lexicon.cues)
    if dated_modality != modality:
        modality, cue = dated_modality, "future date"
    explain["modality"] = f"{modality} ({cue})" if cue else modality
    proposition = None
    is_prop = entry.event in PROPOSITION_TYPES
    if is_prop:
        proposition, prop_explain = proposition_for(
            doc, match, ctx.inner, lexicon, ctx.clause, ctx.complement, ctx.state.last_proposition
        )
        ctx.state.last_proposition = proposition
        explain.update(prop_explain)
    # a proposition's place ("een staakt-het-vuren in Oekraïne") is not where the demand was made
    place_area = evidence if not is_prop else CharSpan(evidence.start, _char_at(nlp, ctx.complement, evidence.end))
    location, loc_rule = location_for(doc, place_area, lexicon, entry.event, ctx.state.mention_spans)
    if loc_rule:
        explain["location"] = loc_rule
    source, source_rule = source_for(
        doc, ctx.clause, ctx.clauses, ctx.groups_by_clause, triggers[0].start, lexicon, args.actor
    )
    if source_rule:
        explain["source"] = source_rule
    confidence = ctx.confidence
    if match.how == "compound":
        confidence += GUESS_COMPOUND
    if args.rule.startswith("tree"):
        confidence += SURE_TREE
    if args.actor and args.recipient:
        confidence += SURE_BOTH_SIDES
    record = EventRecord(
        event=entry.event,
        evidence=evidence,
        trigger=triggers,
        mode=entry.mode,
        context=list(entry.context) or list(lexicon.default_contexts.get(entry.event, ())),
        actor=args.actor,
        recipient=args.recipient,
        modality=modality,
        proposition=proposition,
        date=date,
        duration=None if is_prop else event_duration(doc, match, lexicon, ctx.clause),
        location=location,
        quantities=quantities_in(doc, evidence),
        source=source,
        confidence=max(0.05, min(0.95, confidence)),
        entry_id=entry.id,
        trigger_kind=match.kind,
        explain=explain,
    )
    # the talks' parties named as such carry the talks' date and place only where the stage is told to
    collective = ctx.carry_discourse and any(
        rule in args.rule for rule in ("collective subject", "the talks introduced before")
    )
    found, date_rule, ctx.state.anchor = discourse_date(
        doc, record, ctx.clause, ctx.clauses, lexicon.cues, ctx.state.anchor, collective
    )
    if found is not None:
        record.date = reanchor_for(doc, found, record.modality)
        explain["date"] = date_rule
    elif record.date is not None:
        explain["date"] = "timex of its clause"
    sentence = sentence_index(doc, ctx.clause.sentence)
    if record.location is None:
        record.location = running_place(ctx.state.place, sentence, record, collective)
        if record.location is not None:
            explain["location"] = "running place (the meeting of its parties)"
    own_place = bool(loc_rule) and "earlier" not in loc_rule
    ctx.state.place = next_place_anchor(ctx.state.place, sentence, record, own_place)
    return record


# speech acts that, said in talks, are addressed to the other party
_ADDRESSED_TYPES = frozenset({"AGREE", "REQUEST", "REJECT", "CONCEDE", "THREATEN", "SUPPORT"})


def _partner_after(match: TriggerMatch, groups: list[ActorGroup], lexicon: Lexicon) -> bool:
    preps = match.entry.recipient_preps if match.entry.recipient_preps is not None else lexicon.cues.recipient_preps
    return any(g.prep in preps and 0 <= g.start - match.last <= 4 for g in groups)


def _refers_to_the_talks(
    nlp: Any, clause: Clause, match: TriggerMatch, groups: list[ActorGroup], dialogue: list[int], lexicon: Lexicon
) -> bool:
    """ "Die gesprekken" (a demonstrative), or "het telefoongesprek" in a clause about one of the parties:
    the talks introduced before. A bare "the negotiations" elsewhere may be other talks."""
    party_here = any(a in dialogue for g in groups for a in g.actors)
    for i in range(match.start - 1, max(clause.start, match.start - 6) - 1, -1):
        word = nlp[i].text.lower()
        if word in lexicon.cues.demonstratives:
            return True
        if word in lexicon.cues.definite_articles:
            return party_here
        if word in lexicon.cues.prepositions or nlp[i].is_punct:
            return False
    return False


def _collective_subject(nlp: Any, clause: Clause, match: TriggerMatch, lexicon: Lexicon) -> bool:
    """The plural reference stands right before the trigger ("The parties agreed", "Both leaders also
    expressed"), so it is the subject even where a pronoun resolver named someone else."""
    words = [nlp[i].text.lower() for i in range(max(clause.start, match.start - 6), match.start)]
    for cut in range(len(words)):
        tail = " ".join(words[cut:])
        for phrase in lexicon.cues.collective_subjects:
            if tail == phrase or tail.startswith(phrase + " ") and len(words) - cut - len(phrase.split()) <= 1:
                return True
    return False


def _char_at(nlp: Any, token: int, default: int) -> int:
    return int(nlp[token].idx) if token < len(nlp) else default


def _collective_before(nlp: Any, clause: Clause, match: TriggerMatch, lexicon: Lexicon) -> bool:
    """A plural reference to the parties ("The leaders agreed", "Beide partijen") before the trigger."""
    words = " ".join(nlp[i].text.lower() for i in range(clause.start, match.start))
    return any(f" {phrase} " in f" {words} " for phrase in lexicon.cues.collective_subjects)


def _continued_complement(
    nlp: Any,
    later: list[Clause],
    groups_by_clause: dict[int, list[ActorGroup]],
    matches_by_clause: dict[int, list[TriggerMatch]],
    lexicon: Lexicon,
) -> list[TriggerMatch]:
    """A demand or promise whose complement runs on ("roept Rusland op de aanvallen te staken en zijn
    troepen terug te trekken"): coordinated clauses without a subject of their own belong to it."""
    found: list[TriggerMatch] = []
    for clause in later:
        opener = nlp[clause.start].text.lower()
        if opener not in lexicon.cues.coordinators:
            break
        matches = matches_by_clause.get(clause.start, [])
        first = min((m.start for m in matches), default=clause.end)
        if any(g.prep is None and g.start < first for g in groups_by_clause.get(clause.start, [])):
            break
        found.extend(m for m in matches if m.entry.event not in PROPOSITION_TYPES)
    return found


def merge_lists(events: list[EventRecord], text: str) -> list[EventRecord]:
    """One event per list: "X benoemd tot …;\nY benoemd tot …" are one appointment with both appointees.
    Consecutive events from the same lexicon entry, with the same actors, whose evidence spans are
    separated only by punctuation and white space, are merged."""
    merged: list[EventRecord] = []
    for event in sorted(events, key=lambda e: e.evidence.start):
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.entry_id == event.entry_id
            and set(prev.actor) == set(event.actor)
            and prev.modality == event.modality
            and 0 <= event.evidence.start - prev.evidence.end <= 4
            and not text[prev.evidence.end : event.evidence.start].strip(" ;,\n\t-–•")
        ):
            prev.evidence = CharSpan(prev.evidence.start, event.evidence.end)
            prev.trigger.extend(event.trigger)
            _add_unique(prev.recipient, event.recipient)
            prev.quantities.extend(event.quantities)
            prev.explain.setdefault("merged", []).append("list item")
            continue
        merged.append(event)
    return merged


def merge_repeated_talks(events: list[EventRecord]) -> list[EventRecord]:
    """One article naming one meeting several times ("the talks between A and B ... the phone call ...
    in the conversation") reports one meeting: a CONSULT without a mode whose participants, date and
    modality equal those of a CONSULT with a mode (phone, visit) is another mention of it, not a second
    meeting. A nominal mention ("het gesprek") is dropped in favour of the specific one; a verbal one
    ("X spoke with Y") is the report itself: it stays and takes the mode, and the nominal specific
    mention ("the phone call") goes. Undated mentions are kept: without a date two talks cannot be told
    apart from one."""

    def key(e: EventRecord) -> tuple[frozenset[int], str, str]:
        assert e.date is not None
        return frozenset(e.actor) | frozenset(e.recipient), e.date.value, e.modality

    dropped: set[int] = set()
    for event in events:
        if event.event != "CONSULT" or event.mode is not None or event.date is None:
            continue
        same = next(
            (
                s
                for s in events
                if s.event == "CONSULT"
                and s.mode
                and s.date is not None
                and id(s) not in dropped
                and key(s) == key(event)
            ),
            None,
        )
        if same is None:
            continue
        if event.trigger_kind == "verb" and same.trigger_kind == "noun":
            event.mode = same.mode
            event.explain.setdefault("merged", []).append(f"repeated mention: {same.entry_id}")
            dropped.add(id(same))
        else:
            same.explain.setdefault("merged", []).append(f"repeated mention: {event.entry_id}")
            dropped.add(id(event))
    return [e for e in events if id(e) not in dropped]


def _merge_into(events: list[EventRecord], event: EventRecord) -> bool:
    """Two triggers of one event in one clause ("steun en waardering", "during a call … discussed"): keep
    one event with both triggers."""
    for other in events:
        if (
            other.evidence == event.evidence
            and other.event == event.event
            and (other.mode == event.mode or other.mode is None or event.mode is None)
            and set(other.actor) == set(event.actor)
            and other.modality == event.modality
        ):
            other.mode = other.mode or event.mode  # "a phone call … discussed": the call's mode
            other.trigger.extend(t for t in event.trigger if t not in other.trigger)
            other.trigger.sort(key=lambda s: s.start)
            _add_unique(other.recipient, event.recipient)
            other.explain.setdefault("merged", []).append(event.entry_id)
            return True
    return False


def _add_unique(target: list[int], values: list[int]) -> None:
    for v in values:
        if v not in target:
            target.append(v)


def make_events_stage(
    extra_lexicons: list[str] | None = None,
    min_confidence: float = 0.4,
    use_tree: bool = False,
    event_model: str = "shipped",
    model_threshold: float = 0.7,
    model_veto: float = 0.0,
    carry_discourse: bool = False,
) -> EventsStage:
    """Factory named in the registry; settings come from [stages."events.lexicon/v1"]."""
    return EventsStage(
        extra_lexicons=extra_lexicons,
        min_confidence=min_confidence,
        use_tree=use_tree,
        event_model=event_model,
        model_threshold=model_threshold,
        model_veto=model_veto,
        carry_discourse=carry_discourse,
    )
