"""kroniek.actors: the actor knowledge base and the actor stage.

Library entry points:
  - ``search_actors(query, date=None, lang=None, limit=10, user_actors=())``: knowledge-base search by name,
    alias or description ("Poetin", "de Russische president" on a date); what `kroniek actors search` prints;
  - ``kroniek.actors.stage.make_actor_stage`` (the pipeline stage ``actors.resolve/v1``) and its helpers
    ``actor_at``, ``actor_index_at`` and ``resolve_pronoun`` for later stages;
  - ``kroniek.actors.kb.ActorKB`` for direct lookups (``holder("PRES", "RUS", date)``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from kroniek.errors import KroniekError


def parse_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError as exc:
        raise KroniekError("E122", value=value) from exc


def search_actors(
    query: str,
    date: str | dt.date | None = None,
    lang: str | None = None,
    limit: int = 10,
    user_actors: list[str | Path] | tuple[str | Path, ...] = (),
) -> list[dict[str, Any]]:
    """Actors the knowledge base has for ``query`` on ``date`` (names, aliases, then descriptions)."""
    from kroniek.actors.kb import ActorKB

    kb = ActorKB.shared(tuple(user_actors))
    return kb.search(query, date=parse_date(date), lang=lang, limit=limit)


__all__ = ["parse_date", "search_actors"]
