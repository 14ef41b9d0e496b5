"""The document that flows through the pipeline.

Every stage takes an ``ArticleDoc`` and returns it with its layer added. All annotations are
character offsets into ``doc.text``, which never changes after ingest. The final chronicle is
assembled from these layers by ``kroniek.assemble``.

Layers (who fills them):
  language  -> doc.article.language
  nlp       -> doc.nlp (a spaCy Doc over doc.text), doc.sentences
  actors    -> doc.actors (ActorRecord) with their mentions (ActorMention)
  time      -> doc.timexes (TimexRecord)
  places    -> doc.places (PlaceMention)
  quantities-> doc.quantities (QuantityMention)
  events    -> doc.events (EventRecord)
  statements-> doc.statements (StatementRecord), doc.attributions (AttributionRecord: every speech
               scope with its speaker and cue, "volgens X" and "X said that ..." included)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kroniek.chronicle.models import Article
from kroniek.chronicle.types import ActorKind, EventType, Modality, Precision, Sector, TimexType, TriggerKind

if TYPE_CHECKING:  # spaCy is imported lazily so that `kroniek validate` starts fast
    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class CharSpan:
    start: int
    end: int

    def text(self, doc: ArticleDoc) -> str:
        return doc.text[self.start : self.end]

    def overlaps(self, other: CharSpan) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: CharSpan) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(slots=True)
class ActorMention:
    start: int
    end: int
    actor: int  # index into doc.actors
    how: str = "name"  # name | alias | description | pronoun | metonym | ner
    role_span: CharSpan | None = None  # e.g. "president" in "president Poetin"


@dataclass(slots=True)
class ActorRecord:
    key: str  # stable identity within the run: KB id, or "ner:<name>"
    name: str
    kind: ActorKind
    country: str | None = None
    sector: Sector | None = None
    wikidata: str | None = None
    mentions: list[ActorMention] = field(default_factory=list)


@dataclass(slots=True)
class TimexRecord:
    start: int
    end: int
    type: TimexType
    value: str  # TIMEX3 value, e.g. 2025-03-18, 2025-W11, P30D
    precision: Precision = "day"
    anchored: bool = True  # False when a relative expression could not be resolved (no publication date)
    direction: str | None = None  # past | future | None: which way a bare weekday was resolved
    # both readings of a bare weekday, {"past": value, "future": value}: a later stage that knows the
    # event's modality picks one (None for every other timex, and without a publication date)
    readings: dict[str, str] | None = None
    stamp: bool = False  # it stamps the page ("Published: …", "Stand: …", a byline's time): it dates no event


@dataclass(slots=True)
class PlaceMention:
    start: int
    end: int
    name: str  # English name
    country: str | None
    geonames_id: int | None
    lat: float | None
    lon: float | None
    feature: str = "city"  # city | region | country | sea | venue
    metonym: bool = False  # a capital used for its government ("Moskou eist")
    locative: bool = False  # a locative word introduces it ("in Genève", "at Baghdad"): a venue
    dateline: bool = False  # it opens the article's dateline ("KYIV -"): never a venue


@dataclass(slots=True)
class QuantityMention:
    start: int
    end: int
    value: float | int
    what: str  # English noun phrase: "soldiers", "seriously wounded soldiers"
    unit: str | None = None


@dataclass(slots=True)
class PropositionRecord:
    event: EventType
    mode: str | None = None
    text: str = ""
    duration: str | None = None


@dataclass(slots=True)
class EventRecord:
    event: EventType
    evidence: CharSpan
    trigger: list[CharSpan] = field(default_factory=list)
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    actor: list[int] = field(default_factory=list)  # indices into doc.actors
    recipient: list[int] = field(default_factory=list)
    modality: Modality = "asserted"
    proposition: PropositionRecord | None = None
    date: TimexRecord | None = None
    duration: str | None = None
    location: PlaceMention | None = None
    quantities: list[QuantityMention] = field(default_factory=list)
    source: int | None = None
    confidence: float = 0.5
    entry_id: str = ""  # the lexicon entry that matched ("nl.talks"): events from one entry may merge
    trigger_kind: TriggerKind = "verb"  # verb | noun | adj: a verbal report of talks outranks a nominal mention
    explain: dict[str, Any] = field(default_factory=dict)  # lexicon entry, tree path ... for `kroniek explain`


@dataclass(slots=True)
class DroppedTrigger:
    """A trigger word the events stage found but made no event of, and why (``kroniek explain`` and
    tools/trigger_fates.py count them: where recall is lost)."""

    start: int
    end: int
    event: str  # the type its lexicon entry (or the model) gave it
    entry_id: str
    reason: str  # one of kroniek.events.fates.DROP_REASONS


@dataclass(slots=True)
class StatementRecord:
    speaker: int | None
    text: CharSpan
    direct: bool
    cue: CharSpan | None = None
    channel: str | None = None


@dataclass(slots=True)
class AttributionRecord:
    """Words the article attributes to someone: a quote, reported speech ("X said that ..."), or a clause
    with a source ("volgens X", "according to X", "..., aldus X"). Found once, by the statements stage."""

    speaker: int | None  # index into doc.actors; None when the text does not say who
    scope: CharSpan  # the attributed words
    cue: CharSpan | None  # the speech verb or source phrase
    how: str  # the construction that found it: that, according, postposed, quote, ...
    direct: bool  # a verbatim quote


@dataclass
class ArticleDoc:
    article: Article
    published: dt.date | None = None
    nlp: Doc | None = None
    sentences: list[CharSpan] = field(default_factory=list)
    actors: list[ActorRecord] = field(default_factory=list)
    timexes: list[TimexRecord] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    quantities: list[QuantityMention] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    statements: list[StatementRecord] = field(default_factory=list)
    attributions: list[AttributionRecord] = field(default_factory=list)
    dropped_triggers: list[DroppedTrigger] = field(default_factory=list)  # triggers the events stage let go
    notes: list[str] = field(default_factory=list)  # recorded reasons (unresolved dates, skipped parts ...)
    provided: set[str] = field(default_factory=set)  # layers added so far

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def lang(self) -> str:
        return self.article.language

    def sentence_of(self, offset: int) -> CharSpan | None:
        for sent in self.sentences:
            if sent.start <= offset < sent.end:
                return sent
        return None

    def mentions(self) -> list[tuple[ActorMention, ActorRecord]]:
        """All actor mentions in text order, with their actors."""
        pairs = [(m, a) for a in self.actors for m in a.mentions]
        pairs.sort(key=lambda p: (p[0].start, p[0].end))
        return pairs

    def mentions_in(self, span: CharSpan) -> list[tuple[ActorMention, ActorRecord]]:
        return [(m, a) for m, a in self.mentions() if span.start <= m.start and m.end <= span.end]
