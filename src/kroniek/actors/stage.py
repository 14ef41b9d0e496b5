"""The actor stage ``actors.resolve/v1``: fills ``doc.actors`` with resolved actors and their mentions.

One ActorRecord per real actor per article, with every mention (name, alias, description, pronoun, metonym,
ner) as character offsets into ``doc.text``; mentions never nest. See kroniek.actors.resolve for the rules.

Helpers for later stages (the events and statements stages use mentions by offset):

  actor_at(doc, start, end) -> (ActorMention, ActorRecord) | None
      the mention that best covers the span (exact, else containing, else most overlapping);
  actor_index_at(doc, start, end) -> int | None
      the same, as an index into doc.actors;
  resolve_pronoun(doc, offset) -> int | None
      the actor a pronoun (or "de president") at ``offset`` refers to: its mention if the stage resolved it,
      else the most recent person mentioned in the same or the previous two sentences.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from kroniek.actors.kb import ActorKB, KBActor
from kroniek.actors.publishers import publisher_country
from kroniek.actors.resolve import PRONOUN_WINDOW_SENTENCES, Found, NewActor, Resolver, clean_mentions
from kroniek.chronicle.types import actor_kind
from kroniek.chronicle.types import sector as as_sector
from kroniek.document import ActorMention, ActorRecord, ArticleDoc, CharSpan

# How a mention was found, as ActorMention.how documents it.
HOW_OUT = {"adjective": "alias"}


class ActorStage:
    name = "actors.resolve/v1"
    requires = ("nlp",)
    provides = ("actors",)

    def __init__(
        self,
        user_actors: Sequence[str | Path] = (),
        first_person_plural: bool = True,
        use_entities: bool = True,
        counted_groups: bool = False,
    ) -> None:
        self.user_actors = tuple(str(p) for p in user_actors)
        self.counted_groups = counted_groups
        self.first_person_plural = first_person_plural
        self.use_entities = use_entities
        self._kb: ActorKB | None = None

    def preload(self) -> None:
        """Load what every language shares (the knowledge base), e.g. before workers are forked."""
        _ = self.kb

    @property
    def kb(self) -> ActorKB:
        if self._kb is None:
            self._kb = ActorKB.shared(self.user_actors)
        return self._kb

    def __call__(self, doc: ArticleDoc) -> ArticleDoc:
        resolver = Resolver(
            self.kb,
            doc.lang,
            doc.published,
            self.first_person_plural,
            publisher=publisher_country(doc.article.url, doc.article.source),
            counted_groups=self.counted_groups,
        )
        sentences = [(s.start, s.end) for s in doc.sentences] or None
        entities = self._entities(doc) if self.use_entities else []
        if doc.lang not in self.kb.roles.offices:
            doc.notes.append(f"actors: no role nouns for language {doc.lang!r}; English ones are used")
        if doc.published is None:
            doc.notes.append(
                "actors: no publication date; descriptions such as 'the Russian president' "
                "resolve to the current office holder"
            )
        pos = self._pos(doc)
        found = clean_mentions(resolver.resolve(doc.text, sentences, entities, pos), doc.text)
        doc.actors = build_records(found, doc)
        return doc

    @staticmethod
    def _pos(doc: ArticleDoc) -> dict[int, str] | None:
        nlp_doc = doc.nlp
        if nlp_doc is None or not nlp_doc.has_annotation("POS"):
            return None
        return {tok.idx: tok.pos_ for tok in nlp_doc}

    @staticmethod
    def _entities(doc: ArticleDoc) -> list[tuple[int, int, str]]:
        nlp_doc = doc.nlp
        if nlp_doc is None or not nlp_doc.has_annotation("ENT_IOB"):
            return []
        return [(ent.start_char, ent.end_char, ent.label_) for ent in nlp_doc.ents]


def build_records(found: list[Found], doc: ArticleDoc) -> list[ActorRecord]:
    records: list[ActorRecord] = []
    index_of: dict[str, int] = {}
    for f in found:
        ref = f.ref
        if not isinstance(ref, KBActor | NewActor):
            continue
        if ref.key not in index_of:
            index_of[ref.key] = len(records)
            records.append(_record(ref, doc))
        idx = index_of[ref.key]
        role = CharSpan(*f.role_span) if f.role_span else None
        records[idx].mentions.append(ActorMention(f.start, f.end, idx, HOW_OUT.get(f.how, f.how), role))
    return records


def _record(ref: KBActor | NewActor, doc: ArticleDoc) -> ActorRecord:
    if isinstance(ref, KBActor):
        published = doc.published
        if isinstance(published, dt.datetime):
            published = published.date()
        country, sector = ref.country_sector_on(published)
        return ActorRecord(ref.key, ref.name, actor_kind(ref.kind), country, as_sector(sector), ref.wikidata)
    return ActorRecord(ref.key, ref.name, actor_kind(ref.kind), ref.country, as_sector(ref.sector), None)


def make_actor_stage(
    user_actors: list[str] | None = None,
    first_person_plural: bool = True,
    use_entities: bool = True,
    counted_groups: bool = False,
) -> ActorStage:
    """Factory for ``[stages."actors.resolve/v1"]``: user_actors (JSONL paths), first_person_plural,
    use_entities, counted_groups."""
    return ActorStage(
        user_actors=user_actors or (),
        first_person_plural=bool(first_person_plural),
        use_entities=bool(use_entities),
        counted_groups=bool(counted_groups),
    )


# --------------------------------------------------------------------------------------------- helpers
def actor_at(doc: ArticleDoc, start: int, end: int) -> tuple[ActorMention, ActorRecord] | None:
    """The mention that best covers [start, end): exact, else containing, else the largest overlap."""
    best: tuple[tuple[int, int], ActorMention, ActorRecord] | None = None
    for mention, record in doc.mentions():
        overlap = min(end, mention.end) - max(start, mention.start)
        if overlap <= 0:
            continue
        exact = mention.start == start and mention.end == end
        contains = mention.start <= start and end <= mention.end
        score = (2 if exact else 1 if contains else 0, overlap)
        if best is None or score > best[0]:
            best = (score, mention, record)
    return (best[1], best[2]) if best else None


def actor_index_at(doc: ArticleDoc, start: int, end: int) -> int | None:
    hit = actor_at(doc, start, end)
    return hit[0].actor if hit else None


def resolve_pronoun(doc: ArticleDoc, offset: int) -> int | None:
    """The actor index a pronoun at ``offset`` refers to (see the module docstring)."""
    hit = actor_at(doc, offset, offset + 1)
    if hit is not None:
        return hit[0].actor
    here = _sentence_number(doc, offset)
    for mention, record in reversed(doc.mentions()):
        if mention.end > offset or record.kind != "person":
            continue
        if here is not None:
            there = _sentence_number(doc, mention.start)
            if there is not None and here - there > PRONOUN_WINDOW_SENTENCES:
                return None
        return mention.actor
    return None


def _sentence_number(doc: ArticleDoc, offset: int) -> int | None:
    for number, sent in enumerate(doc.sentences):
        if sent.start <= offset < sent.end:
            return number
    return None
