"""The store's tables (SQLAlchemy Core), one schema for SQLite and PostgreSQL.

The tables are created and changed only by the Alembic migrations in ``store/migrations`` (run on
open); this module describes the current shape for the code that reads and writes them, and a test
checks that the migrated database and these definitions agree.

Layout:
  articles           one row per stored text version (same text = same row; a changed text under a
                     known URL = a new row that supersedes the old one)
  chronicles         the chronicle JSON of each article, as extracted or imported
  actors             canonical actors across articles (identity: Wikidata id, else kind+country or name)
  events             one row per event mention (an event of one chronicle); ``active`` is false for
                     events of superseded article versions; ``fused_id`` links to its fused event
  event_actors       participants of each event mention by canonical actor and role
  fused_events       one row per real-world event: its mentions, source count, disagreements
  commitments        promises, demands and refusals tracked over time
  commitment_reports later events that bear on a commitment (violation, fulfilment, rejection ...)
  ingest_failures    items that could not be stored, with their reason
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)


def _proposition_columns() -> list[Column[object]]:
    """The proposition of a speech-act event, the same in ``events`` and ``fused_events`` (fresh Column
    objects per call: a Column belongs to one table)."""
    return [
        Column("proposition_event", String(12), nullable=True),
        Column("proposition_mode", String(40), nullable=True),
        Column("proposition_text", Text, nullable=True),
        Column("proposition_duration", String(40), nullable=True),
    ]


articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_key", String(300), nullable=False),
    Column("url", Text, nullable=True),
    Column("source", String(300), nullable=True),
    Column("title", Text, nullable=True),
    Column("published", String(40), nullable=True),
    Column("published_day", Date, nullable=True),
    Column("language", String(8), nullable=False),
    Column("text_hash", String(64), nullable=False, unique=True),
    Column("text", Text, nullable=False),
    Column("version", Integer, nullable=False, default=1),
    Column("superseded_by", Integer, ForeignKey("articles.id"), nullable=True),
    Column("extractor", String(80), nullable=False),
    Column("ingested_at", DateTime, nullable=False),
    Index("ix_articles_url", "url"),
    Index("ix_articles_published_day", "published_day"),
)

chronicles = Table(
    "chronicles",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("body", Text, nullable=False),
)

actors = Table(
    "actors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("identity", String(400), nullable=False, unique=True),
    Column("name", String(300), nullable=False),
    Column("name_folded", String(300), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("country", String(3), nullable=True),
    Column("sector", String(3), nullable=True),
    Column("wikidata", String(32), nullable=True),
    Index("ix_actors_name_folded", "name_folded"),
    Index("ix_actors_wikidata", "wikidata"),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("local_id", String(20), nullable=False),
    Column("event_type", String(12), nullable=False),
    Column("mode", String(40), nullable=True),
    Column("context", Text, nullable=True),
    Column("modality", String(12), nullable=False),
    *_proposition_columns(),
    Column("date_value", String(40), nullable=True),
    Column("date_precision", String(10), nullable=True),
    Column("date_start", Date, nullable=True),
    Column("date_end", Date, nullable=True),
    Column("duration", String(40), nullable=True),
    Column("location_name", String(300), nullable=True),
    Column("location_country", String(3), nullable=True),
    Column("source_actor_id", Integer, ForeignKey("actors.id"), nullable=True),
    Column("quantities", Text, nullable=True),
    Column("evidence_text", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("trigger_text", Text, nullable=True),
    Column("confidence", Float, nullable=True),
    Column("published_day", Date, nullable=True),
    Column("language", String(8), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("fused_id", Integer, nullable=True),
    Index("ix_events_article_id", "article_id"),
    Index("ix_events_type_date", "event_type", "date_start"),
    Index("ix_events_date_start", "date_start"),
    Index("ix_events_published_day", "published_day"),
    Index("ix_events_fused_id", "fused_id"),
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("actor_id", Integer, ForeignKey("actors.id"), primary_key=True),
    Column("role", String(10), primary_key=True),
    Index("ix_event_actors_actor_role", "actor_id", "role", "event_id"),
)

fused_events = Table(
    "fused_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_type", String(12), nullable=False),
    Column("mode", String(40), nullable=True),
    Column("modality", String(12), nullable=False),
    *_proposition_columns(),
    Column("date_value", String(40), nullable=True),
    Column("date_start", Date, nullable=True),
    Column("date_end", Date, nullable=True),
    Column("first_reported", Date, nullable=True),
    Column("last_reported", Date, nullable=True),
    Column("actor_ids", Text, nullable=False),
    Column("recipient_ids", Text, nullable=False),
    Column("n_mentions", Integer, nullable=False),
    Column("n_articles", Integer, nullable=False),
    Column("n_sources", Integer, nullable=False),
    Column("sources", Text, nullable=False),
    Column("languages", Text, nullable=False),
    Column("disagreements", Text, nullable=False),
    Column("has_disagreement", Boolean, nullable=False),
    Column("representative_id", Integer, nullable=False),
    Index("ix_fused_events_type_date", "event_type", "date_start"),
)

commitments = Table(
    "commitments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("fused_id", Integer, nullable=False),
    Column("kind", String(10), nullable=False),
    Column("actor_ids", Text, nullable=False),
    Column("recipient_ids", Text, nullable=False),
    Column("proposition_event", String(12), nullable=False),
    Column("proposition_mode", String(40), nullable=True),
    Column("proposition_text", Text, nullable=True),
    Column("duration", String(40), nullable=True),
    Column("since", Date, nullable=True),
    Column("until", Date, nullable=True),
    Column("domains", Text, nullable=False),
    Column("status", String(20), nullable=False),
    Column("status_as_of", Date, nullable=True),
    Index("ix_commitments_status", "status"),
)

commitment_reports = Table(
    "commitment_reports",
    metadata,
    Column("commitment_id", Integer, ForeignKey("commitments.id", ondelete="CASCADE"), primary_key=True),
    Column("fused_id", Integer, primary_key=True),
    Column("relation", String(20), nullable=False),
    Column("reported_on", Date, nullable=True),
)

ingest_failures = Table(
    "ingest_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime, nullable=False),
    Column("location", Text, nullable=False),
    Column("code", String(10), nullable=True),
    Column("message", Text, nullable=False),
)
