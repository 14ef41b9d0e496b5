"""The actor knowledge base's packed form: what the disk cache keeps, unpacked on first use.

Unpickling the built knowledge base whole (26,600 actors with their dated offices, 53,800 alias hits, the
person skeletons) took 0.11-0.13 CPU-s of every cold start, while an article reads a few hundred of its
aliases. ``pack`` turns a built ``ActorKB`` into plain rows (tuples of strings and integers, dates as
ordinals), which unpickle in a fraction of that; ``unpack`` gives back an ``ActorKB`` whose actors, alias
lists, key index and skeleton index are made from their rows on first access:

- an actor is made once and kept (``ActorRows``), so every alias hit, office holder and index entry of
  one actor is the same object (``hit.actor is actor`` holds as in the eager form);
- an alias list is made on first lookup and kept (``LazyMap``); a list handed out is the one stored, so
  ``add_user_actor``'s inserts at its front (``setdefault(...).insert(0, ...)``) change the knowledge base
  as before;
- the small tables (states, militaries, office holders) are made at once.

Iterating over ``kb.actors`` or ``kb.aliases`` (the actors CLI, ``add_family_names_first``) makes
everything; the lookups of the actor stage make only what they read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, MutableMapping
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from kroniek.actors.kb import ActorKB, AliasHit, KBActor

K = TypeVar("K")
V = TypeVar("V")

_MISSING: Any = object()


class LazyMap(MutableMapping[K, V]):
    """A dict whose values are made from packed rows on first access and kept. It iterates in the order
    the eager dict would (the packed keys, then the keys added since), so nothing that walks it changes."""

    __slots__ = ("_made", "_packed", "_make", "_added")

    def __init__(self, packed: dict[K, Any], make: Callable[[Any], V]) -> None:
        self._packed = packed
        self._made: dict[K, V] = {}
        self._make = make
        self._added = 0  # keys in _made that are not packed

    def get(self, key: K, default: Any = None) -> Any:
        # the hot path: the actor stage asks for every word and word sequence of a text, most of them absent
        value = self._made.get(key, _MISSING)
        if value is _MISSING:
            row = self._packed.get(key, _MISSING)
            if row is _MISSING:
                return default
            value = self._made[key] = self._make(row)
        return value

    def __getitem__(self, key: K) -> V:
        value = self.get(key, _MISSING)
        if value is _MISSING:
            raise KeyError(key)
        return value

    def __setitem__(self, key: K, value: V) -> None:
        if key not in self._made and key not in self._packed:
            self._added += 1
        self._made[key] = value

    def __delitem__(self, key: K) -> None:
        if key not in self:
            raise KeyError(key)
        # rare (nothing in kroniek deletes an alias): make everything, then delete as from a dict
        self._made = {k: self[k] for k in self}
        self._packed = {}
        del self._made[key]
        self._added = len(self._made)

    def __contains__(self, key: object) -> bool:
        return key in self._made or key in self._packed

    def setdefault(self, key: K, default: Any = None) -> Any:
        value = self.get(key, _MISSING)
        if value is _MISSING:
            self[key] = value = default
        return value

    def __iter__(self) -> Iterator[K]:
        yield from self._packed
        if self._added:
            yield from (key for key in self._made if key not in self._packed)

    def __len__(self) -> int:
        return len(self._packed) + self._added


class ActorRows:
    """``kb.actors``: the actors by index, each made from its row on first access and kept."""

    __slots__ = ("_rows", "_made")

    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        self._rows = rows
        self._made: list[KBActor | None] = [None] * len(rows)

    def __getitem__(self, index: int) -> KBActor:
        actor = self._made[index]
        if actor is None:
            actor = self._made[index] = _actor(index, self._rows[index])
        return actor

    def __len__(self) -> int:
        return len(self._made)

    def __iter__(self) -> Iterator[KBActor]:
        for index in range(len(self._made)):
            yield self[index]

    def append(self, actor: KBActor) -> None:
        self._made.append(actor)


def _day(ordinal: int | None) -> dt.date | None:
    return None if ordinal is None else dt.date.fromordinal(ordinal)


def _ordinal(date: dt.date | None) -> int | None:
    return None if date is None else date.toordinal()


def _actor(index: int, row: tuple[Any, ...]) -> KBActor:
    from kroniek.actors.kb import KBActor

    key, name, kind, country, sector, wikidata, source, offices, periods, adjective = row
    return KBActor(
        index,
        key,
        name,
        kind,
        country,
        sector,
        wikidata,
        source,
        [(c, w, _day(s), _day(e)) for c, w, s, e in offices],
        [(c, sec, _day(s), _day(e)) for c, sec, s, e in periods],
        adjective,
    )


# The attributes ``pack`` rows up; every other attribute of the knowledge base is kept as it is.
PACKED = ("actors", "aliases", "office_holders", "by_key", "states", "militaries", "_person_skeletons")


def pack(kb: ActorKB) -> tuple[dict[str, Any], dict[str, Any]]:
    """The knowledge base as rows (for pickling) and its other attributes as they are."""
    actors = list(kb.actors)
    number = {id(actor): i for i, actor in enumerate(actors)}
    rows = [
        (
            a.key,
            a.name,
            a.kind,
            a.country,
            a.sector,
            a.wikidata,
            a.source,
            tuple((c, w, _ordinal(s), _ordinal(e)) for c, w, s, e in a.offices),
            tuple((c, sec, _ordinal(s), _ordinal(e)) for c, sec, s, e in a.periods),
            a.adjective,
        )
        for a in actors
    ]
    if any(a.index != i for i, a in enumerate(actors)):
        raise ValueError("an actor's index is not its place in kb.actors")
    aliases = {key: tuple((number[id(h.actor)], h.flags, h.surface) for h in hits) for key, hits in kb.aliases.items()}
    holders = {
        key: tuple((number[id(a)], _ordinal(s), _ordinal(e)) for a, s, e in rows_)
        for key, rows_ in kb.office_holders.items()
    }
    skeletons = kb._person_skeletons
    packed = {
        "actors": rows,
        "aliases": aliases,
        "office_holders": holders,
        "by_key": {key: number[id(a)] for key, a in kb.by_key.items()},
        "states": {iso: number[id(a)] for iso, a in kb.states.items()},
        "militaries": {iso: number[id(a)] for iso, a in kb.militaries.items()},
        "skeletons": None
        if skeletons is None
        else {k: tuple(number[id(a)] for a in people) for k, people in skeletons.items()},
    }
    rest = {name: value for name, value in vars(kb).items() if name not in PACKED}
    return packed, rest


def unpack(packed: dict[str, Any], rest: dict[str, Any]) -> ActorKB:
    """The knowledge base ``pack`` rowed up, its large tables made on first access."""
    from kroniek.actors.kb import ActorKB, AliasHit

    kb = ActorKB.__new__(ActorKB)
    vars(kb).update(rest)
    actors = ActorRows(packed["actors"])

    def hits(rows: tuple[tuple[int, int, str | None], ...]) -> list[AliasHit]:
        return [AliasHit(actors[i], flags, surface) for i, flags, surface in rows]

    kb.actors = actors  # type: ignore[assignment]
    kb.aliases = LazyMap(packed["aliases"], hits)  # type: ignore[assignment]
    kb.by_key = LazyMap(packed["by_key"], actors.__getitem__)  # type: ignore[assignment]
    kb.office_holders = {
        key: [(actors[i], _day(s), _day(e)) for i, s, e in rows] for key, rows in packed["office_holders"].items()
    }
    kb.states = {iso: actors[i] for iso, i in packed["states"].items()}
    kb.militaries = {iso: actors[i] for iso, i in packed["militaries"].items()}
    skeletons = packed["skeletons"]
    kb._person_skeletons = (
        None if skeletons is None else LazyMap(skeletons, lambda people: tuple(actors[i] for i in people))  # type: ignore[assignment]
    )
    return kb
