"""Scoring one predicted chronicle against its gold chronicle (docs/event-format.md, "Gold chronicles").

Events: a prediction matches a gold event when their evidence spans overlap, its type is the gold
type or one of the gold ``alternatives``, and at least one participant (actor ∪ recipient) matches.
Matching is one-to-one and greedy by best evidence overlap (Jaccard of the two spans, then overlap
length). Required gold events are matched first, so that a prediction is never spent on an optional
event while a required one it also matches goes begging; a prediction matched to an optional gold
event is neither a true nor a false positive.

Actors match when their Wikidata ids agree, or their canonical names agree (accents and case aside),
or both are persons with the same surname ("Putin" ~ "Vladimir Putin"), or both are states with the
same country, or both are groups named alike once country words and place phrases are set aside ("Russian
soldiers" ~ "soldiers", "protesters in Zahedan" ~ "protesters") whose countries do not differ.

Per-field accuracy is measured on the true positives only. ``direction`` and ``modality`` apply to
every pair; ``proposition`` where the gold event has a proposition and the predicted type takes one;
``date``, ``location``, ``quantities`` and ``source`` where gold or prediction fills the field (so
that a field left empty on both sides does not inflate the score, and one filled on one side only
counts as wrong). ``direction`` (the spec's "actor vs recipient") is right when no participant stands
on the wrong side and at least one gold actor is found among the predicted actors; ``participants``
is the strict form: the actor sets and the recipient sets agree exactly under the actor-match rule (an
empty gold actor list agrees with an empty predicted one; the annotators' own scorer counts these as
wrong: see docs/gold-issues.md).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, TypeVar

from kroniek.chronicle.models import PROPOSITION_TYPES, Actor, Chronicle, Event
from kroniek.evaluation.gold import GoldChronicle

T = TypeVar("T")
U = TypeVar("U")

EVENT_FIELDS = ("direction", "participants", "modality", "proposition", "date", "location", "quantities", "source")


# --------------------------------------------------------------------------------------------- counts


@dataclass(slots=True)
class PRF:
    """True positives, false positives and false negatives, summed over articles."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            # No predictions at all against some gold: F1 is 0, not undefined.
            return 0.0 if (self.tp + self.fn) and not (self.tp + self.fp) else None
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Ratio:
    """``correct`` out of ``total`` (an accuracy or a recall)."""

    correct: int = 0
    total: int = 0

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.correct + other.correct, self.total + other.total)

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None


PRF_GROUPS = ("events", "actors", "timexes", "statements")
RATIO_NAMES = (
    *(f"fields.{f}" for f in EVENT_FIELDS),
    "actors.mention_recall",
    "actors.resolution",
    "timexes.value",
    "statements.speaker",
)


@dataclass(slots=True)
class Tally:
    """All counts of one article, or of a sum of articles."""

    prf: dict[str, PRF] = field(default_factory=lambda: {g: PRF() for g in PRF_GROUPS})
    ratios: dict[str, Ratio] = field(default_factory=lambda: {n: Ratio() for n in RATIO_NAMES})
    gold_required: int = 0
    gold_optional: int = 0
    optional_matched: int = 0
    rementions: int = 0  # unmatched predictions that re-mention a matched event (neither tp nor fp)
    # Events per PLOVER type: tp and fn under the gold type, fp under the predicted type (not floored).
    by_type: dict[str, PRF] = field(default_factory=dict)

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            prf={g: self.prf[g] + other.prf[g] for g in PRF_GROUPS},
            ratios={n: self.ratios[n] + other.ratios[n] for n in RATIO_NAMES},
            gold_required=self.gold_required + other.gold_required,
            gold_optional=self.gold_optional + other.gold_optional,
            optional_matched=self.optional_matched + other.optional_matched,
            rementions=self.rementions + other.rementions,
            by_type={
                t: self.by_type.get(t, PRF()) + other.by_type.get(t, PRF())
                for t in sorted({*self.by_type, *other.by_type})
            },
        )

    def metrics(self) -> dict[str, float | None]:
        """Flat metric names -> scores (None where nothing was there to score)."""
        out: dict[str, float | None] = {}
        for group in PRF_GROUPS:
            prf = self.prf[group]
            out[f"{group}.precision"] = prf.precision
            out[f"{group}.recall"] = prf.recall
            out[f"{group}.f1"] = prf.f1
        for name in RATIO_NAMES:
            out[name] = self.ratios[name].value
        return out

    def support(self) -> dict[str, int]:
        """How many items each metric rests on (for reports and for skipping thin floors)."""
        out: dict[str, int] = {}
        for group in PRF_GROUPS:
            prf = self.prf[group]
            out[f"{group}.precision"] = prf.tp + prf.fp
            out[f"{group}.recall"] = prf.tp + prf.fn
            out[f"{group}.f1"] = prf.tp + prf.fn
        for name in RATIO_NAMES:
            out[name] = self.ratios[name].total
        return out


def sum_tallies(tallies: Iterable[Tally]) -> Tally:
    total = Tally()
    for t in tallies:
        total = total + t
    return total


# --------------------------------------------------------------------------------------------- actors


def normalize_name(name: str) -> str:
    """Case, accents and punctuation aside: "Erdoğan" ~ "erdogan", "Zelenskyy," ~ "zelenskyy"."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", bare.casefold()).split())


def surname(name: str) -> str:
    """The last word of a person's name; for "Willem-Alexander of the Netherlands" the word before "of"."""
    words = normalize_name(name).split()
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]
    return words[-1] if words else ""


# Groups have no canonical title. The convention (docs/annotation.md, ADJ5 #8) names a group by the text's head noun
# and keeps its nationality in `country`; the gold of earlier rounds often wrote the nationality or the place into the
# name ("Russian soldiers", "protesters in Zahedan": 527 of 1,904 group names in round 6), and so does kroniek for
# unnamed speakers ("Japanese diplomats"). Two groups therefore match when their names agree once a leading country
# name or adjective and a trailing place phrase are set aside (and a plural -s), and their countries do not differ.
_PLACE_PHRASE = re.compile(r"\s+(?:in|from|of|at)\s+(?:the\s+)?[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*$")


@lru_cache(maxsize=1)
def _country_words() -> tuple[str, ...]:
    """Normalised English state names and adjectives ("russian", "united states", "north korean"), longest first."""
    from kroniek.actors.kb import ActorKB

    words = {"us", "u s", "uk", "eu", "european"}
    for actor in ActorKB.shared().actors:
        if actor.kind == "state":
            words.update(normalize_name(w) for w in (actor.name, actor.adjective) if w)
    return tuple(sorted(words - {""}, key=len, reverse=True))


def group_head(name: str) -> str:
    """A group's name without a leading country word or a trailing place phrase: "Russian soldiers" -> "soldier"."""
    words = normalize_name(_PLACE_PHRASE.sub("", name))
    stripped = True
    while stripped:
        stripped = False
        for country in _country_words():
            if words.startswith(country + " "):
                words, stripped = words[len(country) + 1 :], True
                break
    return words[:-1] if words.endswith("s") and not words.endswith("ss") else words


def actors_match(pred: Actor, gold: Actor) -> bool:
    if pred.wikidata and gold.wikidata and pred.wikidata == gold.wikidata:
        return True
    pred_name, gold_name = normalize_name(pred.name), normalize_name(gold.name)
    if pred_name and pred_name == gold_name:
        return True
    if pred.kind == "person" and gold.kind == "person" and pred_name and surname(pred.name) == surname(gold.name):
        return True
    if pred.kind == "group" and gold.kind == "group" and pred_name and gold_name:
        countries_differ = pred.country is not None and gold.country is not None and pred.country != gold.country
        return not countries_differ and group_head(pred.name) == group_head(gold.name)
    return pred.kind == "state" and gold.kind == "state" and gold.country is not None and pred.country == gold.country


class ActorMatcher:
    """Answers "does predicted actor id P stand for gold actor id G?" for one article."""

    def __init__(self, gold: Chronicle, pred: Chronicle) -> None:
        self.gold = {a.id: a for a in gold.actors}
        self.pred = {a.id: a for a in pred.actors}
        self._cache: dict[tuple[str, str], bool] = {}

    def __call__(self, pred_id: str, gold_id: str) -> bool:
        key = (pred_id, gold_id)
        if key not in self._cache:
            p, g = self.pred.get(pred_id), self.gold.get(gold_id)
            self._cache[key] = p is not None and g is not None and actors_match(p, g)
        return self._cache[key]

    def any_match(self, pred_ids: Sequence[str], gold_ids: Sequence[str]) -> bool:
        return any(self(p, g) for p in pred_ids for g in gold_ids)

    def sets_agree(self, pred_ids: Sequence[str], gold_ids: Sequence[str]) -> bool:
        """Every gold actor has a predicted counterpart and every predicted actor a gold one."""
        return all(any(self(p, g) for p in pred_ids) for g in gold_ids) and all(
            any(self(p, g) for g in gold_ids) for p in pred_ids
        )

    def names(self, ids: Sequence[str], pred: bool) -> list[str]:
        table = self.pred if pred else self.gold
        return [table[i].name if i in table else i for i in ids]


# --------------------------------------------------------------------------------------------- matching


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def overlap_rank(a: tuple[int, int], b: tuple[int, int]) -> tuple[float, int]:
    """Sort key for greedy matching: Jaccard of the two spans, then raw overlap."""
    shared = overlap(a, b)
    union = max(a[1], b[1]) - min(a[0], b[0])
    return (shared / union if union else 0.0, shared)


def greedy_pairs(
    preds: Sequence[T],
    golds: Sequence[U],
    span_pred: Callable[[T], tuple[int, int]],
    span_gold: Callable[[U], tuple[int, int]],
    compatible: Callable[[T, U], bool] = lambda p, g: True,
    taken_pred: set[int] | None = None,
    taken_gold: set[int] | None = None,
) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index) of overlapping, compatible items, best overlap first."""
    taken_pred = set() if taken_pred is None else taken_pred
    taken_gold = set() if taken_gold is None else taken_gold
    candidates = []
    for i, p in enumerate(preds):
        if i in taken_pred:
            continue
        for j, g in enumerate(golds):
            if j in taken_gold:
                continue
            a, b = span_pred(p), span_gold(g)
            if overlap(a, b) > 0 and compatible(p, g):
                candidates.append((overlap_rank(a, b), i, j))
    candidates.sort(key=lambda c: (-c[0][0], -c[0][1], c[1], c[2]))
    pairs = []
    for _, i, j in candidates:
        if i in taken_pred or j in taken_gold:
            continue
        taken_pred.add(i)
        taken_gold.add(j)
        pairs.append((i, j))
    return pairs


def _evidence(ev: Event) -> tuple[int, int]:
    return (ev.evidence.start, ev.evidence.end)


# --------------------------------------------------------------------------------------------- articles


@dataclass(slots=True)
class EventIssue:
    """A missed gold event or a spurious prediction, for error analysis."""

    article: str
    kind: str  # "missed" | "spurious"
    event_id: str
    event: str  # TYPE or TYPE/mode
    actors: list[str]
    recipients: list[str]
    evidence: str
    start: int
    end: int
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "kind": self.kind,
            "event_id": self.event_id,
            "event": self.event,
            "actors": self.actors,
            "recipients": self.recipients,
            "evidence": self.evidence,
            "start": self.start,
            "end": self.end,
            "reason": self.reason,
        }


@dataclass(slots=True)
class ArticleScore:
    key: str
    language: str
    tally: Tally
    issues: list[EventIssue] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)  # (pred event id, gold event id), scored
    error: str | None = None  # why there is no prediction (extraction failed, file missing)


def _type_label(ev: Event) -> str:
    return ev.event + (f"/{ev.mode}" if ev.mode else "")


def _why_not(pred: Event, gold: Event, alternatives: tuple[str, ...], matcher: ActorMatcher) -> list[str]:
    reasons = []
    if overlap(_evidence(pred), _evidence(gold)) == 0:
        reasons.append("evidence does not overlap")
    if pred.event != gold.event and pred.event not in alternatives:
        alt = f" (alternatives {', '.join(alternatives)})" if alternatives else ""
        reasons.append(f"type {pred.event} is not {gold.event}{alt}")
    if not matcher.any_match([*pred.actor, *pred.recipient], [*gold.actor, *gold.recipient]):
        reasons.append(
            f"no participant matches (predicted {matcher.names([*pred.actor, *pred.recipient], True)}, "
            f"gold {matcher.names([*gold.actor, *gold.recipient], False)})"
        )
    return reasons


def _location_match(pred: Event, gold: Event) -> bool:
    p, g = pred.location, gold.location
    if p is None or g is None:
        return p is g
    if p.geonames_id is not None and g.geonames_id is not None:
        return p.geonames_id == g.geonames_id
    return normalize_name(p.name) == normalize_name(g.name)


def _quantity_values(ev: Event) -> list[float]:
    return sorted(float(q.value) for q in ev.quantities)


def direction_agrees(pred: Event, gold: Event, matcher: ActorMatcher) -> bool:
    """Actor versus recipient: no participant stands on the wrong side, and the acting side is found.

    A predicted actor that is only a gold recipient (or the reverse) is a direction error; a recipient
    the system did not find is not (that is participant recall, scored as ``fields.participants``).
    """
    for p in pred.actor:
        if matcher.any_match([p], gold.recipient) and not matcher.any_match([p], gold.actor):
            return False
    for p in pred.recipient:
        if matcher.any_match([p], gold.actor) and not matcher.any_match([p], gold.recipient):
            return False
    if gold.actor:
        return matcher.any_match(pred.actor, gold.actor)
    return True


def gold_as_read(pred: Event, gold: Event) -> Event:
    """The gold event as it reads in the predicted type when the match went through an alternative.

    The spec ("Alternatives and fields"): a negated AGREE is an asserted REJECT and back; a promise or
    demand predicted as its act (gold AGREE with proposition AID, predicted AID) is that act, ``planned``,
    with no proposition. Any other alternative keeps the gold fields as written.
    """
    if pred.event == gold.event:
        return gold
    flip = {"negated": "asserted", "asserted": "negated"}
    if {pred.event, gold.event} == {"AGREE", "REJECT"} and gold.modality in flip:
        return gold.model_copy(update={"event": pred.event, "modality": flip[gold.modality]})
    if gold.proposition is not None and gold.proposition.event == pred.event:
        return gold.model_copy(
            update={"event": pred.event, "mode": gold.proposition.mode, "modality": "planned", "proposition": None}
        )
    return gold


def _score_fields(pred: Event, gold: Event, matcher: ActorMatcher, ratios: dict[str, Ratio]) -> None:
    gold = gold_as_read(pred, gold)
    ratios["fields.direction"].add(direction_agrees(pred, gold, matcher))
    ratios["fields.participants"].add(
        matcher.sets_agree(pred.actor, gold.actor) and matcher.sets_agree(pred.recipient, gold.recipient)
    )
    ratios["fields.modality"].add(pred.modality == gold.modality)
    if gold.proposition is not None and pred.event in PROPOSITION_TYPES:
        ratios["fields.proposition"].add(
            pred.proposition is not None and pred.proposition.event == gold.proposition.event
        )
    if pred.date is not None or gold.date is not None:
        ratios["fields.date"].add(
            pred.date is not None and gold.date is not None and pred.date.value == gold.date.value
        )
    if pred.location is not None or gold.location is not None:
        ratios["fields.location"].add(_location_match(pred, gold))
    if pred.quantities or gold.quantities:
        ratios["fields.quantities"].add(_quantity_values(pred) == _quantity_values(gold))
    if pred.source is not None or gold.source is not None:
        ratios["fields.source"].add(
            pred.source is not None and gold.source is not None and matcher(pred.source, gold.source)
        )


def _rementions(
    preds: Sequence[Event],
    golds: Sequence[Event],
    pairs: list[tuple[int, int]],
    taken_pred: set[int],
    matcher: ActorMatcher,
) -> set[int]:
    """Unmatched predictions that re-mention a matched event: neither a match nor spurious (the spec).

    A re-mention has the matched prediction's type and the matched gold event's participants, and its
    evidence does not overlap that prediction's. Two predictions for the same mention (overlapping
    evidence) are still one spurious: only the first of them is neutral.
    """
    neutral: set[int] = set()
    for i, p in enumerate(preds):
        if i in taken_pred:
            continue
        for pi, gj in pairs:
            q, g = preds[pi], golds[gj]
            if (
                p.event == q.event
                and overlap(_evidence(p), _evidence(q)) == 0
                and matcher.sets_agree([*p.actor, *p.recipient], [*g.actor, *g.recipient])
                and not any(overlap(_evidence(p), _evidence(preds[k])) for k in neutral)
            ):
                neutral.add(i)
                break
    return neutral


def _score_events(gold: GoldChronicle, pred: Chronicle, matcher: ActorMatcher, score: ArticleScore) -> None:
    tally = score.tally
    golds = gold.chronicle.events
    preds = pred.events
    required = [j for j, g in enumerate(golds) if not gold.extras_of(g.id).optional]
    optional = [j for j, g in enumerate(golds) if gold.extras_of(g.id).optional]
    tally.gold_required += len(required)
    tally.gold_optional += len(optional)

    def compatible(p: Event, g: Event) -> bool:
        types = (g.event, *gold.extras_of(g.id).alternatives)
        return p.event in types and matcher.any_match([*p.actor, *p.recipient], [*g.actor, *g.recipient])

    taken_pred: set[int] = set()
    taken_gold: set[int] = set(optional)
    scored = greedy_pairs(preds, golds, _evidence, _evidence, compatible, taken_pred, taken_gold)
    taken_gold = set(required)
    neutral = greedy_pairs(preds, golds, _evidence, _evidence, compatible, taken_pred, taken_gold)

    rementions = _rementions(preds, golds, scored + neutral, taken_pred, matcher)
    prf = tally.prf["events"]
    prf.tp += len(scored)
    tally.optional_matched += len(neutral)
    tally.rementions += len(rementions)
    matched_gold = {j for _, j in scored}
    matched_pred = {i for i, _ in scored} | {i for i, _ in neutral} | rementions
    prf.fn += len(required) - len(matched_gold)
    prf.fp += len(preds) - len(matched_pred)
    for i, j in scored:
        score.pairs.append((preds[i].id, golds[j].id))
        _score_fields(preds[i], golds[j], matcher, tally.ratios)
        tally.by_type.setdefault(golds[j].event, PRF()).tp += 1
    for j in required:
        if j not in matched_gold:
            tally.by_type.setdefault(golds[j].event, PRF()).fn += 1
    for i, p in enumerate(preds):
        if i not in matched_pred:
            tally.by_type.setdefault(p.event, PRF()).fp += 1

    owner = {j: preds[i].id for i, j in scored} | {j: preds[i].id for i, j in neutral}
    for j in required:
        if j in matched_gold:
            continue
        g = golds[j]
        alternatives = gold.extras_of(g.id).alternatives
        near = [p for p in preds if overlap(_evidence(p), _evidence(g)) > 0]
        if not near:
            reason = "no predicted event overlaps its evidence"
        else:
            best = max(near, key=lambda p: overlap_rank(_evidence(p), _evidence(g)))
            why = _why_not(best, g, alternatives, matcher) or ["its prediction went to another gold event"]
            reason = f"nearest prediction {best.id} ({_type_label(best)}): " + "; ".join(why)
        score.issues.append(_issue(score.key, "missed", g, matcher, False, reason))
    for i, p in enumerate(preds):
        if i in matched_pred:
            continue
        near_gold = [(j, g) for j, g in enumerate(golds) if overlap(_evidence(p), _evidence(g)) > 0]
        if not near_gold:
            reason = "no gold event overlaps its evidence"
        else:
            j, g = max(near_gold, key=lambda jg: overlap_rank(_evidence(p), _evidence(jg[1])))
            extras = gold.extras_of(g.id)
            why = _why_not(p, g, extras.alternatives, matcher)
            if not why and j in owner:
                why = [f"that gold event is already matched by {owner[j]}"]
            tag = " (optional)" if extras.optional else ""
            reason = f"nearest gold {g.id}{tag} ({_type_label(g)}): " + "; ".join(why)
        score.issues.append(_issue(score.key, "spurious", p, matcher, True, reason))


def _issue(key: str, kind: str, ev: Event, matcher: ActorMatcher, pred: bool, reason: str) -> EventIssue:
    return EventIssue(
        article=key,
        kind=kind,
        event_id=ev.id,
        event=_type_label(ev),
        actors=matcher.names(ev.actor, pred),
        recipients=matcher.names(ev.recipient, pred),
        evidence=ev.evidence.text,
        start=ev.evidence.start,
        end=ev.evidence.end,
        reason=reason,
    )


def _score_actors(gold: Chronicle, pred: Chronicle, matcher: ActorMatcher, tally: Tally) -> None:
    pred_mentions = [(m.start, m.end, a.id) for a in pred.actors for m in a.mentions]
    found, resolved = tally.ratios["actors.mention_recall"], tally.ratios["actors.resolution"]
    for g in gold.actors:
        for m in g.mentions:
            span = (m.start, m.end)
            exact = [pid for s, e, pid in pred_mentions if (s, e) == span]
            near = exact or [pid for s, e, pid in pred_mentions if overlap((s, e), span) > 0]
            found.add(bool(near))
            resolved.add(any(matcher(pid, g.id) for pid in near))
    prf = tally.prf["actors"]
    for g in gold.actors:
        if any(matcher(p.id, g.id) for p in pred.actors):
            prf.tp += 1
        else:
            prf.fn += 1
    prf.fp += sum(1 for p in pred.actors if not any(matcher(p.id, g.id) for g in gold.actors))


def _score_timexes(gold: Chronicle, pred: Chronicle, tally: Tally) -> None:
    pairs = greedy_pairs(pred.timexes, gold.timexes, lambda t: (t.start, t.end), lambda t: (t.start, t.end))
    prf = tally.prf["timexes"]
    prf.tp += len(pairs)
    prf.fp += len(pred.timexes) - len(pairs)
    prf.fn += len(gold.timexes) - len(pairs)
    for i, j in pairs:
        tally.ratios["timexes.value"].add(pred.timexes[i].value == gold.timexes[j].value)


def _score_statements(gold: Chronicle, pred: Chronicle, matcher: ActorMatcher, tally: Tally) -> None:
    pairs = greedy_pairs(
        pred.statements,
        gold.statements,
        lambda s: (s.text.start, s.text.end),
        lambda s: (s.text.start, s.text.end),
    )
    prf = tally.prf["statements"]
    prf.tp += len(pairs)
    prf.fp += len(pred.statements) - len(pairs)
    prf.fn += len(gold.statements) - len(pairs)
    for i, j in pairs:
        p, g = pred.statements[i].speaker, gold.statements[j].speaker
        tally.ratios["statements.speaker"].add(p == g if p is None or g is None else matcher(p, g))


def score_article(gold: GoldChronicle, pred: Chronicle | None, error: str | None = None) -> ArticleScore:
    """Score one prediction; ``pred`` None (with ``error`` saying why) scores as an empty chronicle."""
    if pred is None:
        pred = Chronicle(article=gold.chronicle.article)
    score = ArticleScore(key=gold.key, language=gold.language, tally=Tally(), error=error)
    matcher = ActorMatcher(gold.chronicle, pred)
    _score_events(gold, pred, matcher, score)
    _score_actors(gold.chronicle, pred, matcher, score.tally)
    _score_timexes(gold.chronicle, pred, score.tally)
    _score_statements(gold.chronicle, pred, matcher, score.tally)
    return score
