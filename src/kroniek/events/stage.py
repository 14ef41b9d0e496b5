"""The events stage (``events.lexicon/v1``): PLOVER events from lexicon triggers and clause structure.

For every clause of every sentence: find the triggers (events/triggers.py), and for each one that is
not itself the content of a promise/demand/refusal in the same clause, find actor and recipient
(events/arguments.py), modality, proposition, date, duration, place, quantities and source
(events/qualify.py). Triggers inside the complement of an AGREE/REQUEST/REJECT/THREATEN/CONCEDE
trigger type its proposition instead of becoming events of their own. An event for which no
participant can be found is dropped, because the chronicle could not say who took part; one with a named
recipient and no actor is kept with ``actor: []`` (see ``_drop_reason``). Every trigger let go is recorded
with its reason on ``doc.dropped_triggers`` (events/fates.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

from kroniek.chronicle.types import PROPOSITION_TYPES
from kroniek.document import ArticleDoc, CharSpan, DroppedTrigger, EventRecord, PlaceMention
from kroniek.errors import KroniekError
from kroniek.events import fates
from kroniek.events.announced import announcer_subject
from kroniek.events.argument_rules import (
    AGENTLESS_NOUNS,
    ARGUMENT_RULES,
    GUESS_COMPOUND,
    SURE_BOTH_SIDES,
    SURE_TREE,
    Discourse,
    EventContext,
    addressee_of_the_talks,
    char_at,
    light_verb_before,
    partner_after,
    remember_parties,
)
from kroniek.events.arguments import Arguments, attribution_tail_groups, find_arguments
from kroniek.events.attempts import attempted_acts, infinitive_complement_acts
from kroniek.events.clauses import ActorGroup, Clause, TokenIndex, actor_groups, clauses_of, governing_prep
from kroniek.events.collective import address_collectives
from kroniek.events.conjuncts import (
    complement_end,
    conjunct_groups,
    continued_complement,
    verb_conjuncts,
)
from kroniek.events.contents import content_events, coordinated_contents
from kroniek.events.group_slots import Promoter, checked_group_slots, fill_group_slots
from kroniek.events.implicit import implicit_acts
from kroniek.events.learned import (
    ModelSignals,
    TriggerModel,
    annotate_scores,
    load_trigger_model,
    model_signals,
    retype_events,
)
from kroniek.events.lexicon import Lexicon, load_lexicon
from kroniek.events.merging import merge_copy, merge_into, merge_lists, merge_repeated_talks
from kroniek.events.naming import naming_predicate
from kroniek.events.offers import OFFERED_TYPES, checked_offered, drop_offered
from kroniek.events.qualify import (
    attached_to_a_verb,
    complement_start_of,
    day_of,
    event_date,
    event_duration,
    location_for,
    modality_of,
    proposition_for,
    quantities_in,
    reanchor_for,
)
from kroniek.events.reactions import address_reactions
from kroniek.events.relatives import antecedent_groups
from kroniek.events.rementions import merge_rementions
from kroniek.events.settings import checked_names
from kroniek.events.sources import OWN_SPEECH_ACTS, named_as_source, source_for
from kroniek.events.token_table import token_table
from kroniek.events.triggers import TriggerMatch, find_triggers
from kroniek.events.unrealised import UNREALISED_TYPES, checked_types, drop_unrealised
from kroniek.events.when import discourse_date, other_conjuncts, sentence_index
from kroniek.events.where import (
    RULE_DESTINATION,
    RULE_EARLIER,
    act_place_end,
    next_place_anchor,
    place_from_context,
    visit_destination,
)


def _snapshot(state: Discourse) -> Discourse:
    """A copy of the state as it stands between two sentences. The stage replaces the state's fields and never
    changes the lists or records they hold, so a shallow copy stays valid; the clause's trigger matches are
    set before they are read in every clause, so they are left out (and out of the comparison)."""
    return Discourse(
        mention_spans=state.mention_spans,
        dialogue=state.dialogue,
        dialogue_persons=state.dialogue_persons,
        last_proposition=state.last_proposition,
        topic=state.topic,
        recent_parties=state.recent_parties,
        recent_sentence=state.recent_sentence,
        anchor=state.anchor,
        place=state.place,
    )


@dataclass
class _SentenceReading:
    """One sentence as the stage read it: the state it started from, its events, the state it left."""

    before: Discourse
    events: list[EventRecord]
    after: Discourse
    clause_tokens: list[range]
    dropped: list[DroppedTrigger] = field(default_factory=list)  # its triggers that made no event, and why

    def touched_by(self, signals: ModelSignals) -> bool:
        """Some model proposal or veto falls on a token this sentence's trigger search looked at."""
        marked = [*signals.proposals, *signals.vetoed]
        return any(i in tokens for tokens in self.clause_tokens for i in marked)


_SETTING = '[stages."events.lexicon/v1"].model_thresholds'
# German proposals pay from 0.6 on the corpus dev split (events F1 0.421 -> 0.433), Dutch ones too once word
# senses are filtered (round 5: train nl 0.354 -> 0.363, dev nl 0.308 -> 0.313); en gains there too but falls
# below the dev gold set's precision floor, fr does not move (docs/events.md, "Spurious events by class")
DEFAULT_MODEL_THRESHOLDS: Mapping[str, float] = MappingProxyType({"de": 0.6, "nl": 0.6})


def checked_thresholds(thresholds: object) -> dict[str, float]:
    """The per-language thresholds of the ``model_thresholds`` setting: a table of language code -> a
    probability from 0 to 1 (0: the model's own threshold); anything else is E280."""
    if thresholds is None:
        return {}
    if not isinstance(thresholds, Mapping):
        raise KroniekError(
            "E280", setting=_SETTING, detail=f"expected a table such as {{ en = 0.6 }}, not {thresholds!r}"
        )
    out: dict[str, float] = {}
    for lang, value in thresholds.items():
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise KroniekError("E280", setting=_SETTING, detail=f"{lang} = {value!r} is not a probability from 0 to 1")
        out[str(lang)] = float(value)
    return out


# the proposition types whose coordinated contents are one event each (ADJ8 #4; docs/events.md, round 8): a
# list as config/default.toml writes it, read only (it becomes a frozenset)
_SPLIT_CONTENTS = ["REQUEST"]


def _proposition_types(names: object) -> frozenset[str]:
    """The ``split_contents`` setting: the proposition types whose coordinated contents are one event each."""
    return checked_names(names, sorted(PROPOSITION_TYPES), "E435", "split_contents")


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
        model_thresholds: Mapping[str, float] | None = DEFAULT_MODEL_THRESHOLDS,
        model_veto: float = 0.0,
        model_retype: float = 0.7,
        carry_discourse: bool = False,
        merge_mentions: bool = True,
        recipient_only_nouns: bool = True,
        carry_place: bool = False,
        allegation_content: bool = True,
        split_contents: list[str] = _SPLIT_CONTENTS,
        attempted_acts: bool = True,
        infinitive_complements: bool = True,
        group_slots: str = "listed",
        group_slot_scope: str = "empty",
        unrealised_acts: list[str] = UNREALISED_TYPES,
        offered_acts: list[str] = OFFERED_TYPES,
        announcer_subjects: bool = True,
        negated_refusals: bool = True,
    ) -> None:
        self.extra_lexicons = tuple(extra_lexicons or ())
        self.use_tree = use_tree
        self.min_confidence = min_confidence
        self.event_model = event_model
        self.model_threshold = model_threshold or None  # 0: the threshold the model chose on dev
        # per language, overriding model_threshold: the model's scores are not equally calibrated in every
        # language (German has few training words, French and Dutch many untagged or compound ones)
        self.model_thresholds = checked_thresholds(model_thresholds)
        self.model_veto = model_veto
        # a lexicon event takes the model's type where the model gives another with this probability (0: never)
        self.model_retype = model_retype
        # the running date and place of the talks for their parties' later acts (events/when.py, where.py);
        # off by default: measured neutral on the corpus dev split and 4 dates and 5 places worse on the
        # dev gold set, whose annotators date and place an act only by its own sentence (issue 14)
        self.carry_discourse = carry_discourse
        # one act mentioned twice in the article is one event (events/rementions.py)
        self.merge_mentions = merge_mentions
        self.recipient_only_nouns = recipient_only_nouns
        # the place alone of the talks for their parties' later acts, apart from the date (issue 14)
        self.carry_place = carry_place
        # "accused Kyiv of shelling a substation": the shelling is what is alleged, not an act the article
        # reports; annotators code the ACCUSE alone (160 of the corpus's 189 such sentences)
        self.allegation_content = allegation_content
        self.split_contents = _proposition_types(split_contents)
        # "tried to meet Y", "hoopt te onderhandelen": an act only attempted, hoped for or offered is no event
        # (events/attempts.py)
        self.attempted_acts = attempted_acts
        # "forderte X auf, die Angriffe einzustellen": the comma does not end the demand's complement
        self.infinitive_complements = infinitive_complements
        # a plural noun of people in an empty subject or object slot as a group actor (events/group_slots.py)
        self.group_slots, self.group_slot_scope = checked_group_slots(group_slots, group_slot_scope)
        self._promoters: dict[int, Promoter] = {}  # per document being read (by id), for its group slots
        # "will not negotiate", "hat keine Waffen geliefert": a material act or meeting reported as not done
        # is no event of its type (events/unrealised.py)
        self.unrealised_acts = checked_types(unrealised_acts)
        # "will not negotiate": of those, a negation after a future or volitional word is a refusal (REJECT)
        self.negated_refusals = negated_refusals
        # "offered Sudland talks", "bood hulp aan": a meeting or aid only offered is no event (events/offers.py)
        self.offered_acts = checked_offered(offered_acts)
        # "kündigte an, die Botschaft zu schließen": the announcer is the announced act's actor (events/announced.py)
        self.announcer_subjects = announcer_subjects

    def lexicon(self, lang: str) -> Lexicon | None:
        return load_lexicon(lang, self.extra_lexicons)

    def threshold_for(self, lang: str) -> float | None:
        """The model's proposal threshold for one language (None: the model's own)."""
        return self.model_thresholds.get(lang, self.model_threshold) or None

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
        model = self.model()
        promoter = self._promoters[id(doc)] = Promoter(doc)
        try:
            return self._read(doc, lexicon, index, model)
        finally:
            promoter.finish()
            del self._promoters[id(doc)]

    def _read(self, doc: ArticleDoc, lexicon: Lexicon, index: TokenIndex, model: TriggerModel | None) -> ArticleDoc:
        assert doc.nlp is not None
        readings = self._read_sentences(doc, lexicon, index, ModelSignals())
        if model is None:
            events = self._article_merges([e for r in readings for e in r.events], doc.text)
        else:
            # the first reading's events stay as they are (merged copies below) so that the second can reuse them
            events = self._article_merges([merge_copy(e) for r in readings for e in r.events], doc.text)
            # Second reading: the model sees the lexicon coder's decisions (as it did in training), then
            # proposes the event words the lexicon missed and rejects the lexicon matches it does not believe.
            mentions = [(m.start, m.end) for actor in doc.actors for m in actor.mentions]
            signals = model_signals(
                model, doc.nlp, doc.lang, events, self.threshold_for(doc.lang), self.model_veto, mention_spans=mentions
            )
            if signals.proposals or signals.vetoed:
                readings = self._read_sentences(doc, lexicon, index, signals, readings)
                events = self._article_merges([e for r in readings for e in r.events], doc.text)
            retype_events(events, signals, self.model_retype)
            annotate_scores(events, signals)
        dropped = [d for r in readings for d in r.dropped]
        events, not_done = drop_unrealised(events, self.unrealised_acts, doc.nlp, lexicon, self.negated_refusals)
        dropped.extend(not_done)
        events, offered = drop_offered(doc.nlp, events, lexicon, self.offered_acts)
        dropped.extend(offered)
        kept = [e for e in events if e.confidence >= self.min_confidence]
        doc.events.extend(address_reactions(doc, implicit_acts(doc, address_collectives(doc, kept))))
        dropped.extend(
            fates.dropped_event(e, fates.LOW_CONFIDENCE) for e in events if e.confidence < self.min_confidence
        )
        doc.dropped_triggers.extend(sorted(dropped, key=lambda d: d.start))
        return doc

    def _article_merges(self, events: list[EventRecord], text: str) -> list[EventRecord]:
        events = merge_repeated_talks(merge_lists(events, text))
        return merge_rementions(events) if self.merge_mentions else events

    def _read_sentences(
        self,
        doc: ArticleDoc,
        lexicon: Lexicon,
        index: TokenIndex,
        signals: ModelSignals,
        earlier: list[_SentenceReading] | None = None,
    ) -> list[_SentenceReading]:
        """Every sentence's events, in text order. With ``earlier`` (the reading without the model's signals),
        a sentence that contains no proposed or vetoed token and starts from the same discourse state as
        then gives the same events, so they are taken over instead of computed again (with the triggers it
        let go)."""
        state = Discourse(mention_spans=sorted((m.start, m.end) for a in doc.actors for m in a.mentions))
        readings: list[_SentenceReading] = []
        for n, sentence in enumerate(doc.sentences):
            before = _snapshot(state)
            prior = earlier[n] if earlier is not None else None
            if prior is not None and not prior.touched_by(signals) and prior.before == before:
                readings.append(prior)
                state = _snapshot(prior.after)
                continue
            tokens: list[range] = []
            state.dropped = []  # this sentence's own, kept with its reading
            events = self._sentence_events(doc, sentence, lexicon, index, state, signals, tokens)
            readings.append(_SentenceReading(before, events, _snapshot(state), tokens, state.dropped))
        return readings

    def _sentence_events(
        self,
        doc: ArticleDoc,
        sentence: CharSpan,
        lexicon: Lexicon,
        index: TokenIndex,
        state: Discourse,
        signals: ModelSignals,
        read: list[range],
    ) -> list[EventRecord]:
        """The events of one sentence; ``read`` receives the token ranges whose trigger signals it used."""
        nlp = doc.nlp
        assert nlp is not None
        clauses = clauses_of(doc, sentence, lexicon.cues)
        read.extend(range(c.start, c.end) for c in clauses)
        groups_by_clause = {c.start: actor_groups(doc, c, index, lexicon.cues, lexicon.by_first) for c in clauses}
        word_senses: list[TriggerMatch] = []
        in_timex = timex_tokens(doc, sentence)
        matches_by_clause = {
            c.start: find_triggers(
                nlp,
                c,
                lexicon,
                signals.proposals,
                signals.vetoed,
                word_senses,
                in_timex,
                {g.start: g.end for g in groups_by_clause[c.start] if g.prep is None},
            )
            for c in clauses
        }
        state.dropped.extend(fates.dropped(nlp, m, fates.WORD_SENSE) for m in word_senses)
        events: list[EventRecord] = []
        # the acts inside the condition of a promise, threat or demand are no events of their own
        conditions = conditions_of_propositions(nlp, clauses, matches_by_clause, lexicon)
        # acts only tried, hoped for or offered, under a word the lexicon has no event for
        attempted = set(attempted_acts(nlp, clauses, matches_by_clause, lexicon)) if self.attempted_acts else set()
        # "forderte X auf, die Angriffe einzustellen": the infinitive clause after a demand is its complement
        complements = infinitive_complement_acts(nlp, clauses, matches_by_clause, lexicon)
        consumed: set[int] = set(conditions) | attempted | (set(complements) if self.infinitive_complements else set())
        alleged: set[int] = set()  # the consumed matches that are an accusation's content, not a proposition
        for n, clause in enumerate(clauses):
            groups = groups_by_clause[clause.start]
            matches = matches_by_clause[clause.start]
            covered = {t for g in groups for t in range(g.start, g.end)}
            # a trigger word inside a name ("Popular Mobilization Forces") is no event; a pronoun inside a
            # trigger phrase ("expressed his support") is fine
            named = {t for g in groups if not g.pronoun for t in range(g.start, g.end)}
            state.dropped.extend(fates.dropped(nlp, m, fates.INSIDE_NAME) for m in matches if m.tokens & named)
            matches = [m for m in matches if not (m.tokens & named)]
            for match in matches:
                if match.kind == "noun":
                    # a noun inside an adverbial phrase ("tijdens het bezoek", "in reactie op de agressie")
                    # or after another trigger verb does not inherit the clause subject
                    prep = governing_prep(nlp, match.start, clause, lexicon.cues, covered, ())
                    # … unless a light verb governs the noun ("held talks with X and announced a ceasefire",
                    # "spoke with X to offer support"): the noun is that verb's object and shares its subject
                    governed = light_verb_before(nlp, match, clause, lexicon)
                    earlier_verb = any(
                        m.start < match.start and m.kind != "noun" and (governed is None or m.start >= governed)
                        for m in matches
                    )
                    # untagged (de, fr) the clause needs no light verb: requiring one lost more events than it
                    # saved on the corpus (train fr recall 0.217 -> 0.212, de F1 0.431 -> 0.430)
                    light = (
                        not lexicon.cues.light_verbs
                        or not nlp[match.start].pos_
                        or any(nlp[i].text.lower() in lexicon.cues.light_verbs for i in range(clause.start, clause.end))
                    )
                    # talks "with X" always include the clause's subject ("In een gesprek met X zei Y …")
                    with_partner = match.entry.frame == "mutual" and partner_after(match, groups, lexicon)
                    predicate = naming_predicate(nlp, match, clause, prep, lexicon)  # "called the strike an act of war"
                    match.inherits_subject = (
                        (prep is None and light) or predicate or prep in lexicon.cues.during_preps or with_partner
                    ) and not earlier_verb
                    match.fronted = prep is not None
            state.clause_matches = matches
            conjuncts = verb_conjuncts(nlp, clause, matches, groups, lexicon.cues)
            for match in matches:
                if id(match) in consumed:
                    reason = fates.ALLEGATION if id(match) in alleged else fates.PROPOSITION
                    reason = fates.CONDITION if id(match) in conditions else reason
                    reason = fates.ATTEMPTED if id(match) in attempted else reason
                    state.dropped.append(fates.dropped(nlp, match, reason))
                    continue
                if match.modifier:
                    state.dropped.append(fates.dropped(nlp, match, fates.WORD_SENSE))
                    continue
                conjunct = conjuncts.get(id(match))
                own_groups = conjunct_groups(groups, conjunct) if conjunct is not None else groups
                own_groups = antecedent_groups(nlp, clauses, n, groups_by_clause, match, own_groups, lexicon.cues)
                act_end = conjunct.end if conjunct is not None else clause.end
                is_prop = match.entry.event in PROPOSITION_TYPES
                preps = match.entry.recipient_preps
                if preps is None:
                    preps = tuple(lexicon.cues.recipient_preps)
                complement = complement_start_of(match, own_groups, nlp, preps) if is_prop else act_end
                # "rejected the accusation and called it …": a coordinated act of its own ends the complement
                content_end = complement_end(nlp, complement, act_end, lexicon.cues, matches) if is_prop else act_end
                inner = [
                    m
                    for m in matches
                    if m is not match and complement <= m.start < content_end and id(m) not in consumed
                ]
                if is_prop and content_end == clause.end:
                    inner += continued_complement(
                        nlp, clauses[n + 1 :], groups_by_clause, matches_by_clause, lexicon.cues
                    )
                if is_prop and match.kind == "noun":
                    # "op verzoek van X trok Y … terug": a nominal demand does not swallow the main verb
                    inner = [m for m in inner if m.kind == "noun"]
                if match.how == "model" and not _object_control(nlp, match, complement, lexicon):
                    # a word only the model calls a promise or demand types its own complement's proposition
                    # but never swallows an act the lexicon found (measured on dev: it cost recall)
                    inner = [m for m in inner if m.how == "model"]
                if is_prop:
                    consumed.update(id(m) for m in inner)
                elif self.allegation_content and _alleges(match):
                    content = allegation_content(nlp, match, own_groups, matches, act_end, lexicon, preps)
                    alleged.update(id(m) for m in content if id(m) not in consumed)
                    consumed.update(id(m) for m in content)
                context = EventContext(
                    doc,
                    nlp,
                    match,
                    clause,
                    clauses,
                    own_groups,
                    groups_by_clause,
                    complement,
                    inner,
                    lexicon,
                    index,
                    state,
                )
                context.carry_discourse = self.carry_discourse
                context.conjunct = conjunct
                context.carry_place = self.carry_place
                event = self._event(context)
                if event is None and conjunct is not None and own_groups != groups:
                    event = self._event(_whole_clause_arguments(context, groups))
                if event is None:
                    continue
                if merge_into(events, event):
                    state.dropped.append(fates.dropped(nlp, match, fates.MERGED))
                    continue
                events.append(event)
                if is_prop and event.event in self.split_contents:
                    events.extend(
                        content_events(
                            nlp,
                            event,
                            coordinated_contents(nlp, complement, act_end, lexicon.cues),
                        )
                    )
        return events

    def _event(self, ctx: EventContext) -> EventRecord | None:
        """One event from one trigger: arguments, then the named argument rules, then what qualifies it."""
        match, doc = ctx.match, ctx.doc
        others = [m for m in ctx.state.clause_matches if m is not match]
        # the speaker in an attribution's tail reports the act and takes no part in it, except as the one
        # who utters an accusation the quote makes ("„…“, zei X": X accuses; docs/annotation.md)
        tail = attribution_tail_groups(doc, match, ctx.groups)
        speakers_own = match.entry.event in OWN_SPEECH_ACTS
        if not speakers_own:
            # so is who a source phrase names ("laut Tass", "Wie Tass meldet, …")
            tail += [g for g in named_as_source(ctx.nlp, ctx.groups, ctx.clause, ctx.lexicon.cues) if g not in tail]
        if tail and not speakers_own:
            ctx.groups = [g for g in ctx.groups if g not in tail]
        ctx.args = find_arguments(
            doc, match, ctx.groups, ctx.index, ctx.lexicon.cues, ctx.complement, others, self.use_tree
        )
        if tail and speakers_own:
            speakers = {a for g in tail for a in g.actors}
            ctx.args.recipient = [r for r in ctx.args.recipient if r not in speakers]
        ctx.confidence = match.entry.confidence
        for rule in ARGUMENT_RULES:
            rule(ctx)
        if self.group_slots != "off":
            # outside __call__ (a caller reading sentences itself) the mentions are given at once
            promoter = self._promoters.get(id(doc)) or Promoter(doc)
            fill_group_slots(ctx, self.group_slots, self.group_slot_scope, promoter)
            if id(doc) not in self._promoters:
                promoter.finish()
        if self.announcer_subjects:
            announcer_subject(ctx)
        reason = self._drop_reason(ctx)
        if reason is not None:
            ctx.state.dropped.append(fates.dropped(ctx.nlp, match, reason))
            return None
        addressee_of_the_talks(ctx)
        remember_parties(ctx)
        return _qualified_event(ctx)

    def _drop_reason(self, ctx: EventContext) -> str | None:
        """Why the event cannot be reported (events/fates.py), or None. An event needs a participant: with
        neither actor nor recipient the chronicle could not say who took part. An agentless event with a
        named recipient ("Three journalists were arrested") is kept with ``actor: []``; a noun with only a
        recipient ("support to X") only where ``recipient_only_nouns`` is set."""
        args = ctx.args
        if args.actor:
            return None
        if not args.recipient:
            return fates.NO_PARTICIPANT
        match = ctx.match
        if match.kind == "noun" and not (self.recipient_only_nouns and match.entry.event in AGENTLESS_NOUNS):
            return fates.NOUN_RECIPIENT_ONLY
        if match.kind == "noun" and any(
            m is not match and m.entry.event == match.entry.event and m.kind != "noun" for m in ctx.state.clause_matches
        ):
            return fates.MERGED  # "would send aid": the noun names the act its verb reports
        return None


def _qualified_event(ctx: EventContext) -> EventRecord:
    """The event record: triggers, modality and date, proposition, place, source, confidence."""
    doc, nlp, match, args, lexicon = ctx.doc, ctx.nlp, ctx.match, ctx.args, ctx.lexicon
    entry = match.entry
    evidence = ctx.clause.char_span(nlp)
    act_evidence = _act_evidence(ctx, evidence)
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
    first_trigger = min((m.start for m in ctx.state.clause_matches), default=match.start)
    skip = other_conjuncts(nlp, ctx.clause, ctx.conjunct, first_trigger)
    embeds = entry.event in PROPOSITION_TYPES  # a timex of the asked or offered act does not date the ask
    date, dated_modality = event_date(doc, evidence, triggers[0].start, modality, lexicon.cues, skip, embeds)
    if dated_modality != modality:
        modality, cue = dated_modality, "future date"
    explain["modality"] = f"{modality} ({cue})" if cue else modality
    proposition = None
    is_prop = entry.event in PROPOSITION_TYPES
    if is_prop:
        # the proposition of one of several coordinated acts ends with its conjunct
        act_clause = ctx.clause if ctx.conjunct is None else replace(ctx.clause, end=ctx.conjunct.end)
        proposition, prop_explain = proposition_for(
            doc, match, ctx.inner, lexicon, act_clause, ctx.complement, ctx.state.last_proposition
        )
        ctx.state.last_proposition = proposition
        explain.update(prop_explain)
    # a proposition's place ("een staakt-het-vuren in Oekraïne") is not where the demand was made
    place_area = evidence
    if is_prop:
        place_end = act_place_end(
            doc,
            char_at(nlp, ctx.complement, evidence.end),
            ctx.clause.char_span(nlp).end,
            lexicon.cues.locative_preps,
            lambda place: attached_to_a_verb(doc, place),
        )
        place_area = CharSpan(evidence.start, min(evidence.end, place_end))
    location, loc_rule = _visit_destination(ctx, triggers[-1].end)
    if location is None:
        location, loc_rule = location_for(
            doc,
            place_area,
            lexicon,
            entry.event,
            ctx.state.mention_spans,
            ctx.clause.char_span(nlp),
            ctx.carry_place,
            CharSpan(triggers[0].start, triggers[-1].end),
        )
    if loc_rule:
        explain["location"] = loc_rule
    source, source_rule = source_for(
        doc,
        ctx.clause,
        ctx.clauses,
        ctx.groups_by_clause,
        triggers[0].start,
        lexicon,
        args.actor,
        entry.event,
        match.kind,
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
        evidence=act_evidence,
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
        quantities=quantities_in(doc, act_evidence),
        source=source,
        confidence=max(0.05, min(0.95, confidence)),
        entry_id=entry.id,
        trigger_kind=match.kind,
        explain=explain,
    )
    # the talks' parties named as such carry the talks' date and place only where the stage is told to
    collective = any(rule in args.rule for rule in ("collective subject", "the talks introduced before"))
    found, date_rule, ctx.state.anchor = discourse_date(
        doc, record, ctx.clause, ctx.clauses, lexicon.cues, ctx.state.anchor, collective and ctx.carry_discourse
    )
    if found is not None:
        record.date = reanchor_for(doc, day_of(found), record.modality, lexicon.cues)
        explain["date"] = date_rule
    elif record.date is not None:
        explain["date"] = "timex of its clause"
    sentence = sentence_index(doc, ctx.clause.sentence)
    carry = collective and (ctx.carry_place or ctx.carry_discourse)
    context_rule = place_from_context(doc, record, ctx.state.place, sentence, carry)
    if record.location is None:
        explain.pop("location", None)
    elif context_rule:
        explain["location"] = context_rule
    own_place = bool(loc_rule) and loc_rule != RULE_EARLIER
    ctx.state.place = next_place_anchor(ctx.state.place, sentence, record, own_place)
    return record


def _visit_destination(ctx: EventContext, trigger_end: int) -> tuple[PlaceMention | None, str]:
    """A visit's destination as its place ("visit to Kyiv", "bezoek aan Kosovo"; where.visit_destination).
    Only where the visitor is the actor: a host's "received X" names no destination."""
    entry = ctx.match.entry
    if entry.event != "CONSULT" or entry.mode != "visit" or entry.frame == "converse":
        return None, ""
    place = visit_destination(
        ctx.doc,
        trigger_end,
        ctx.clause.char_span(ctx.nlp),
        ctx.lexicon.cues.destination_preps,
        ctx.match.kind != "noun",
    )
    return (place, RULE_DESTINATION) if place is not None else (None, "")


def _whole_clause_arguments(ctx: EventContext, groups: list[ActorGroup]) -> EventContext:
    """A later coordinated act that names nobody in its own conjunct and shares no subject ("Zugleich
    verhängte Ecowas Sanktionen gegen Niger und schloss die Grenzen"): its participants are looked for in
    the whole clause, as for a clause of one act."""
    return replace(ctx, groups=groups, args=Arguments())


def _act_evidence(ctx: EventContext, clause_span: CharSpan) -> CharSpan:
    """The evidence of one act: its conjunct where the clause reports several ("Paris condemned the attack
    | and recalled its ambassador"), else the clause. Date, place and modality still read the whole
    clause: "On Monday" or "will" before the first act belong to every act the clause coordinates."""
    conjunct = ctx.conjunct
    if conjunct is None:
        return clause_span
    nlp = ctx.nlp
    last = conjunct.end - 1
    while last > conjunct.start and nlp[last].is_punct:
        last -= 1
    return CharSpan(int(nlp[conjunct.start].idx), int(nlp[last].idx + len(nlp[last].text)))


def _alleges(match: TriggerMatch) -> bool:
    """An accusation proper (ACCUSE/allege: accuse, beschuldigen, accuser), found by the lexicon as a verb."""
    return (
        match.entry.event == "ACCUSE" and match.entry.mode == "allege" and match.how != "model" and match.kind == "verb"
    )


def allegation_content(
    nlp: Any,
    match: TriggerMatch,
    groups: list[ActorGroup],
    matches: list[TriggerMatch],
    act_end: int,
    lexicon: Lexicon,
    recipient_preps: tuple[str, ...],
) -> list[TriggerMatch]:
    """The acts inside "accused X **of** shelling …" / "beschuldigde X ervan …" / "accusé X **d'**avoir …": the
    complement after the accused, opened by the language's allegation preposition (cues.allegation_preps),
    up to the end of the act's clause or conjunct."""
    start = complement_start_of(match, groups, nlp, recipient_preps)
    if start >= act_end or nlp[start].text.lower() not in lexicon.cues.allegation_preps:
        return []
    return [m for m in matches if m is not match and start < m.start < act_end]


def _object_control(nlp: Any, match: TriggerMatch, complement: int, lexicon: Lexicon) -> bool:
    """ "The US wants Russia to agree": the complement opens with an infinitive marker right after an
    addressee, so the act in it is that addressee's, wanted, not done: it is the demand's proposition
    even where only the model found the demand (the guideline's embedded_act rule)."""
    return (
        complement > match.last
        and complement < len(nlp)
        and nlp[complement].text.lower() in lexicon.cues.infinitive_markers
    )


def conditions_of_propositions(
    nlp: Any, clauses: list[Clause], matches_by_clause: dict[int, list[TriggerMatch]], lexicon: Lexicon
) -> list[int]:
    """ids of the matches inside a condition ("… would not stand by if Serbs were attacked", "… zal
    terugslaan als Hezbollah het akkoord schendt") of a promise, threat, demand, refusal or concession
    elsewhere in the sentence: the condition of that act, not an act of its own (issue 13, embedded acts).
    A condition runs from a ``conditional_openers`` word to the next comma or the clause's end. Without a
    proposition act outside it the condition stays an event (coded hypothetical by qualify.modality):
    dropping every act in a condition cost more matches than it saved (train: 19 spurious, 8 matched)."""
    openers = lexicon.cues.conditional_openers
    if not openers:
        return []
    inside: list[TriggerMatch] = []
    outside: list[TriggerMatch] = []
    table = token_table(nlp)
    for clause in clauses:
        scopes = []
        for c in range(clause.start, clause.end):
            if table.lowers[c] not in openers:
                continue
            end = next((k for k in range(c + 1, clause.end) if table.texts[k] in (",", ";")), clause.end)
            scopes.append((c, end))
        for m in matches_by_clause[clause.start]:
            (inside if any(c < m.start < e for c, e in scopes) else outside).append(m)
    if not any(m.entry.event in PROPOSITION_TYPES for m in outside):
        return []
    return [id(m) for m in inside]


def timex_tokens(doc: ArticleDoc, sentence: CharSpan) -> set[int]:
    """The tokens of the sentence inside a time expression of the time stage (a month name is no march)."""
    nlp = doc.nlp
    assert nlp is not None
    tokens: set[int] = set()
    for timex in doc.timexes:
        if timex.end <= sentence.start or timex.start >= sentence.end:
            continue
        span = nlp.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is not None:
            tokens.update(range(span.start, span.end))
    return tokens


# The factory named in the registry is the class itself: its settings ([stages."events.lexicon/v1"]) are the
# keyword arguments of ``EventsStage.__init__``, which the runner reads to refuse unknown keys (E035), so a
# new setting is declared once.
make_events_stage = EventsStage
