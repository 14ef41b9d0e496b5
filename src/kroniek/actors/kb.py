"""The actor knowledge base: actors, aliases, dated offices, role nouns.

``ActorKB.load()`` reads the compiled ``data/kb.json.gz`` (built by ``tools/build_actor_kb.py`` from the
Phoenix dictionaries and kroniek's curated files) plus ``data/roles.toml`` and any user files (JSONL, see
docs/actors.md). It is loaded once per process and shared (``ActorKB.shared()``).

Lookups:
  - ``kb.candidates(surface)``: KB entries whose alias folds to ``surface`` (dict lookup, microseconds);
  - ``kb.holder(code, where, date)``: who held an office on a date ("PRES", "RUS", 2009-01-01 -> Medvedev),
    falling back to the most recent holder when the date is unknown;
  - ``kb.search(query, date=, lang=)``: ranked matches for people (the CLI `kroniek actors search`).
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import threading
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from kroniek.actors.normalize import is_acronym
from kroniek.errors import KroniekError
from kroniek.lang import SUPPORTED
from kroniek.lang.text import fold
from kroniek.pipeline.datacache import pickled_by_constructor
from kroniek.pipeline.loading import bulk_loading

# Alias flags, as written by tools/build_actor_kb.py.
CASE = 1
SURNAME = 2
ADJ = 4
CAPITAL = 8
SEAT = 16
LOWER_OK = 32
WEAK = 64

GERMAN_ENDINGS = ("", "e", "en", "er", "es", "em")  # the inflections of a German adjective stem

KINDS = ("person", "state", "organization", "group", "media")
SECTORS = ("GOV", "MIL", "REB", "OPP", "JUD", "LEG", "MED", "BUS", "CVL", "IGO", "NGO")
LANGS = SUPPORTED  # the languages with a folder in kroniek/lang; roles.toml holds a row for each


@pickled_by_constructor
@dataclass(slots=True)
class KBActor:
    index: int
    key: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    wikidata: str | None
    source: str
    offices: list[tuple[str, str, dt.date | None, dt.date | None]] = field(default_factory=list)
    periods: list[tuple[str | None, str | None, dt.date | None, dt.date | None]] = field(default_factory=list)
    adjective: str | None = None

    @property
    def curated(self) -> bool:
        return self.source.startswith("curated") or self.source == "user"

    def offices_on(self, date: dt.date | None) -> list[tuple[str, str]]:
        """(code, where) of the offices held on ``date`` (all current ones when the date is unknown)."""
        return [(code, where) for code, where, start, end in self.offices if _within(date, start, end)]

    def active_on(self, date: dt.date | None) -> bool:
        """True when an office or a Phoenix role of this actor covers ``date``."""
        if date is None:
            return False
        spans = [(s, e) for _c, _w, s, e in self.offices] + [(s, e) for _c, _s, s, e in self.periods]
        return any((s or e) and _within(date, s, e) for s, e in spans)

    def country_sector_on(self, date: dt.date | None) -> tuple[str | None, str | None]:
        """Country and sector on ``date``: an IGO post held then makes the person IGO (Rutte in 2025)."""
        for _code, where, start, end in self.offices:
            if where in _IGO_KEYS and date is not None and _within(date, start, end):
                return None, "IGO"
        if date is None and self.offices:
            code, where, start, end = max(self.offices, key=lambda o: o[2] or dt.date.min)
            if where in _IGO_KEYS and end is None:
                return None, "IGO"
        return self.country, self.sector


_IGO_KEYS = {"NATO", "UN", "EU"}


def _cells(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def _within(date: dt.date | None, start: dt.date | None, end: dt.date | None) -> bool:
    if date is None:
        return end is None
    return (start is None or start <= date) and (end is None or date < end or date == end == start)


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


@pickled_by_constructor
@dataclass(slots=True)
class AliasHit:
    actor: KBActor
    flags: int
    surface: str | None  # exact surface for case-sensitive aliases


@pickled_by_constructor
@dataclass(slots=True)
class OfficeNoun:
    offices: tuple[str, ...]
    sector: str | None
    capitalised_only: bool = False
    where: str | None = None  # the country the title implies ("the Secretary" -> USA)


class GroupNoun(NamedTuple):
    """A collective noun of data/roles.toml [[group]]: "soldaten" -> ("soldiers", "MIL", ...)."""

    english: str  # the English noun of the group's name
    sector: str
    is_state: bool  # after a country adjective, the state itself ("de Russische regering")
    institution: str  # "military", "army" or "police": the country's institution, else "" (a group)
    bare: bool = False  # without an adjective: a group of the salient state ("the protesters")
    collective: bool = False  # read bare also in the singular ("the opposition", "de junta")
    definite_only: bool = False  # read bare only after a definite article ("the army", not "military aid")


@pickled_by_constructor
@dataclass(slots=True)
class RoleTables:
    """Role nouns, pronouns and function words per language, from data/roles.toml."""

    offices: dict[str, dict[str, OfficeNoun]]  # lang -> folded noun -> office
    roles: dict[str, dict[str, str | None]]  # lang -> folded noun -> sector
    counterparts: dict[str, set[str]]
    groups: dict[str, dict[str, GroupNoun]]  # lang -> folded noun -> group noun
    person_pronouns: dict[str, set[str]]
    we_pronouns: dict[str, set[str]]
    female_pronouns: dict[str, set[str]]
    i_pronouns: dict[str, set[str]]
    male_pronouns: dict[str, set[str]]
    locatives: dict[str, set[str]]
    determiners: dict[str, set[str]]
    max_words: int = 1
    # person pronouns that are also plural ("ze", "sie"): a nearer state or organisation may be meant
    plural_pronouns: dict[str, set[str]] = field(default_factory=dict)
    # country code -> the English name of its national police force ([national_police])
    national_police: dict[str, str] = field(default_factory=dict)
    # country code -> the English name of its armed forces ([national_armed_forces]) and army ([national_army])
    national_armed_forces: dict[str, str] = field(default_factory=dict)
    national_army: dict[str, str] = field(default_factory=dict)
    # words before a locative that make it part of a source phrase ("according to Kyiv")
    locative_not_after: dict[str, set[str]] = field(default_factory=dict)


def _load_roles(data: dict[str, Any], agents: dict[str, str]) -> RoleTables:
    offices: dict[str, dict[str, OfficeNoun]] = {lang: {} for lang in LANGS}
    roles: dict[str, dict[str, str | None]] = {lang: {} for lang in LANGS}
    groups: dict[str, dict[str, GroupNoun]] = {lang: {} for lang in LANGS}
    max_words = 1
    # Phoenix agents first, so that kroniek's own role nouns override them.
    for noun, sector in agents.items():
        roles["en"][noun] = sector
    for entry in data.get("role", []):
        for lang in LANGS:
            for noun in entry.get(lang, []):
                roles[lang][fold(noun)] = entry.get("sector") or None
                max_words = max(max_words, len(noun.split()))
    for entry in data.get("office", []):
        office = OfficeNoun(
            tuple(entry["offices"]),
            entry.get("sector") or None,
            bool(entry.get("capitalised_only", False)),
            entry.get("where"),
        )
        for lang in LANGS:
            for noun in entry.get(lang, []):
                offices[lang][fold(noun)] = office
                max_words = max(max_words, len(noun.split()))
    for entry in data.get("group", []):
        for lang in LANGS:
            for noun in entry.get(lang, []):
                groups[lang][fold(noun)] = GroupNoun(
                    entry["name"],
                    entry["sector"],
                    bool(entry.get("state", False)),
                    str(entry.get("institution", "")),
                    bool(entry.get("bare", False)),
                    bool(entry.get("collective", False)),
                    entry.get("bare") == "definite",
                )

    def per_lang(table: str, suffix: str = "") -> dict[str, set[str]]:
        section = data.get(table, {})
        return {lang: {fold(w) for w in section.get(lang + suffix, [])} for lang in LANGS}

    return RoleTables(
        offices,
        roles,
        per_lang("counterpart"),
        groups,
        per_lang("pronouns", "_person"),
        per_lang("pronouns", "_we"),
        per_lang("pronouns", "_female"),
        per_lang("pronouns", "_i"),
        per_lang("pronouns", "_male"),
        per_lang("locative"),
        per_lang("determiners"),
        max_words,
        per_lang("pronouns", "_plural"),
        dict(data.get("national_police", {})),
        dict(data.get("national_armed_forces", {})),
        dict(data.get("national_army", {})),
        per_lang("locative", "_not_after"),
    )


class ActorKB:
    """The loaded knowledge base. Use ``ActorKB.shared()`` to get the process-wide instance."""

    _shared: dict[tuple[str, ...], ActorKB] = {}
    _lock = threading.Lock()

    def __init__(self, data: dict[str, Any], roles: dict[str, Any]) -> None:
        self.actors: list[KBActor] = []
        for index, raw in enumerate(data["actors"]):
            self.actors.append(self._actor(index, raw))
        self.aliases: dict[str, list[AliasHit]] = {}
        for key, rows in data["aliases"].items():
            self.aliases[key] = [AliasHit(self.actors[r[0]], r[1], r[2] if len(r) > 2 else None) for r in rows]
        self.office_holders: dict[str, list[tuple[KBActor, dt.date | None, dt.date | None]]] = {}
        for key, rows in data["offices"].items():
            self.office_holders[key] = [(self.actors[i], _date(s), _date(e)) for i, s, e in rows]
        self.by_key = {a.key: a for a in self.actors}
        self.states = {a.country: a for a in self.actors if a.kind == "state" and a.country}
        # The national armed forces of a country: its first curated military organisation.
        self.militaries: dict[str, KBActor] = {}
        armed = [a for a in self.actors if a.curated and a.kind == "organization" and a.sector == "MIL" and a.country]
        armed.sort(key=lambda a: not re.search(r"Armed Forces|Army|Defen[cs]e Forces|Bundeswehr", a.name))
        for a in armed:
            self.militaries.setdefault(a.country or "", a)
        self.roles = _load_roles(roles, data.get("agents", {}))
        # Arabic articles that open a surname ("al-" in "al-Sharaa"), folded: add_surnames_without_article
        self.surname_articles: tuple[str, ...] = ()
        self.max_alias_words = max((len(k.split()) for k in self.aliases), default=1)
        # Word prefixes of multi-word aliases, so that a longest-match scan can stop early.
        self.alias_prefixes: set[str] = set()
        for key in self.aliases:
            words = key.split(" ")
            for k in range(1, len(words)):
                self.alias_prefixes.add(" ".join(words[:k]))
        self.first_names: frozenset[str] = frozenset(data.get("first_names", []))
        self._person_skeletons: dict[str, tuple[KBActor, ...]] | None = None  # see person_skeletons
        self.given_name_gender: dict[str, str] = {}  # folded given name -> "f" | "m" (data/given_names.toml)

    @staticmethod
    def _actor(index: int, raw: dict[str, Any]) -> KBActor:
        return KBActor(
            index,
            raw["key"],
            raw["name"],
            raw["kind"],
            raw.get("country"),
            raw.get("sector"),
            raw.get("wikidata"),
            raw.get("source", "curated"),
            [(o[0], o[1], _date(o[2]), _date(o[3])) for o in raw.get("offices", [])],
            [(p[0], p[1], _date(p[2]), _date(p[3])) for p in raw.get("periods", [])],
            raw.get("adjective"),
        )

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled (the disk cache) as rows, unpickled with its large tables made on first access
        # (kroniek.actors.kb_packed): the cold start read 0.11-0.13 CPU-s unpickling it whole.
        from kroniek.actors.kb_packed import pack, unpack

        return (unpack, pack(self))

    # ------------------------------------------------------------------------------------------ loading
    @classmethod
    def load(cls, user_files: list[str | Path] | tuple[str | Path, ...] = ()) -> ActorKB:
        # Building the shipped knowledge base from its JSON took 0.32 CPU-s of every cold start; the
        # built one is kept in kroniek's disk cache (kroniek.pipeline.datacache), keyed by the data
        # files and this module. User files are added afterwards, so they are never cached.
        from kroniek.pipeline.datacache import cached_build

        data_dir = Path(str(resources.files("kroniek.actors") / "data"))
        names = (
            "kb.json.gz",
            "roles.toml",
            "given_names.toml",
            "curated/country_adjectives.tsv",
            "curated/organization_aliases.tsv",
            "curated/news_agencies.tsv",
        )
        sources = [data_dir / name for name in names]
        spelling = Path(__file__).with_name("spelling.py")
        kb = cached_build("actors", [*sources, Path(__file__), spelling], cls.load_shipped)
        for path in user_files:
            kb.add_user_file(Path(path))
        return kb

    @classmethod
    def load_shipped(cls) -> ActorKB:
        """The knowledge base built from the shipped data files alone."""
        data_dir = resources.files("kroniek.actors") / "data"
        with (data_dir / "kb.json.gz").open("rb") as handle, gzip.GzipFile(fileobj=handle) as unzipped:
            data = json.loads(unzipped.read().decode("utf-8"))
        roles = tomllib.loads((data_dir / "roles.toml").read_text(encoding="utf-8"))
        kb = cls(data, roles)
        names = tomllib.loads((data_dir / "given_names.toml").read_text(encoding="utf-8"))
        kb.given_name_gender = {fold(n): "f" for n in names.get("female", [])}
        kb.given_name_gender.update({fold(n): "m" for n in names.get("male", [])})
        kb.add_country_adjectives((data_dir / "curated" / "country_adjectives.tsv").read_text(encoding="utf-8"))
        kb.add_family_names_first(roles.get("family_name_first", []))
        kb.add_surnames_without_article(roles.get("surname_articles", []))
        kb.add_organizations((data_dir / "curated" / "organization_aliases.tsv").read_text(encoding="utf-8"))
        kb.add_organizations((data_dir / "curated" / "news_agencies.tsv").read_text(encoding="utf-8"), kind="media")
        from kroniek.actors.spelling import skeleton  # (spelling imports this module)

        kb.person_skeletons(skeleton)  # built here so that the disk cache keeps it
        return kb

    def add_country_adjectives(self, table: str) -> int:
        """Adjectives and names for the states that have none (data/curated/country_adjectives.tsv, format
        in its header): the English adjective for group names, nl/en/de/fr adjectives and names as aliases,
        the English Wikipedia title as the name. An adjective already used by another state is not added.
        Returns how many states gained an adjective."""
        added = 0
        for line in table.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            iso, adj_en, adj_nl, adj_de, adj_fr, names = (line.split("\t") + [""] * 5)[:6]
            state = self.states.get(iso)
            if state is None and _cells(names):
                state = self._add_state(iso, _cells(names)[0])
            if state is None:
                continue
            if _cells(names):
                state.name = _cells(names)[0]
                for name in _cells(names):
                    self._add_alias(state, name, CASE if is_acronym(name) else 0)
            english = _cells(adj_en)
            if not english or (state.adjective and state.adjective != state.name):
                continue
            state.adjective = english[0]
            added += 1
            forms = [(w, ADJ) for w in english + _cells(adj_nl)]
            forms += [(stem + end, ADJ | LOWER_OK) for stem in _cells(adj_de) for end in GERMAN_ENDINGS]
            forms += [(w, ADJ | LOWER_OK) for w in _cells(adj_fr)]
            forms += [(w + "s", ADJ | LOWER_OK) for w in _cells(adj_fr) if not w.endswith(("s", "x"))]
            for surface, flags in forms:
                if not any(h.actor.kind == "state" and h.flags & ADJ for h in self.aliases.get(fold(surface), [])):
                    self._add_alias(state, surface, flags)  # "Congolese" stays the first state's
        return added

    def add_organizations(self, table: str, kind: str = "organization") -> int:
        """Organisations and their names in nl/en/de/fr from data/curated/organization_aliases.tsv (format in its
        header), read at load time so that a row needs no rebuild of kb.json.gz: the aliases go to the
        knowledge base's organisation of that English Wikipedia title, which is made when missing. The news
        agencies of data/curated/news_agencies.tsv come in the same format with kind "media": an outlet is a
        media actor, which the statements stage takes as a claim's source or a statement's channel. Returns
        how many organisations were made."""
        made = 0
        for line in table.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            name, country, sector, aliases = (line.split("\t") + [""] * 3)[:4]
            surfaces = [name, *_cells(aliases)]
            # the knowledge base may know the body under one of the row's other names ("IRNA" for the
            # Islamic Republic News Agency): that actor takes the row's English Wikipedia title
            actor = next(
                (
                    h.actor
                    for surface in surfaces
                    for h in self.candidates(surface)
                    if h.actor.name == surface and h.actor.kind == kind
                ),
                None,
            )
            if actor is not None:
                actor.name = name
            else:
                key = f"org:{fold(name).replace(' ', '-')}"
                actor = KBActor(len(self.actors), key, name, kind, country or None, sector or None, None, "curated")
                self.actors.append(actor)
                self.by_key[key] = actor
                made += 1
            for surface in surfaces:
                hits = self.aliases.setdefault(fold(surface), [])
                hits[:] = [h for h in hits if h.actor is not actor]
                # before the Phoenix entries of the same words ("Ecowas", read only after a full mention)
                hits.insert(0, AliasHit(actor, CASE if is_acronym(surface) else 0, surface))
                words = fold(surface).split(" ")
                for k in range(1, len(words)):
                    self.alias_prefixes.add(" ".join(words[:k]))
        return made

    def add_family_names_first(self, countries: list[str]) -> int:
        """In the countries that write the family name first ("Yoon Suk Yeol", "Lai Ching-te", "Xi Jinping"),
        the first word of a curated person's name is the surname a later mention uses ("Yoon"): an alias
        read only after a full mention in the same article. Returns how many were added."""
        added = 0
        for actor in self.actors:
            words = actor.name.split()
            if actor.kind == "person" and actor.curated and actor.country in countries and len(words) > 1:
                self._add_alias(actor, words[0], SURNAME | WEAK)
                added += 1
        return added

    def add_surnames_without_article(self, articles: list[str]) -> int:
        """A surname that opens with an Arabic article ("al-Sharaa", "el-Sisi") is also written without it
        after a full mention ("Sharaa met Macron"): that alias, read only after a full mention in the same
        article. Returns how many were added."""
        prefixes = self.surname_articles = tuple(fold(a) for a in articles)
        added = 0
        for actor in self.actors:
            words = actor.name.split()
            if actor.kind != "person" or len(words) < 2:
                continue
            last = words[-1]
            prefix = next((p for p in prefixes if fold(last).startswith(p)), None)
            rest = last[len(prefix) :] if prefix else ""
            if len(rest) > 2 and rest[:1].isupper() and not self.aliases.get(fold(rest)):
                self._add_alias(actor, rest, SURNAME | WEAK)
                added += 1
        return added

    def _add_state(self, iso: str, name: str) -> KBActor:
        """A state the Phoenix dictionaries lack (Eritrea, Kyrgyzstan, Tajikistan ... are filed there only as
        organisations or not at all), from a row of curated/country_adjectives.tsv."""
        state = KBActor(len(self.actors), f"state:{iso}", name, "state", iso, "GOV", None, "curated")
        self.actors.append(state)
        self.by_key[state.key] = state
        self.states[iso] = state
        # a state's name beats a Phoenix organisation of the same name ("Eritrea" filed under Ethiopia)
        self.aliases.setdefault(fold(name), []).insert(0, AliasHit(state, 0, None))
        words = fold(name).split(" ")
        for k in range(1, len(words)):
            self.alias_prefixes.add(" ".join(words[:k]))
        return state

    def _add_alias(self, actor: KBActor, surface: str, flags: int) -> None:
        hits = self.aliases.setdefault(fold(surface), [])
        if any(h.actor is actor for h in hits):
            return
        hits.append(AliasHit(actor, flags, surface if flags & CASE else None))
        words = fold(surface).split(" ")
        for k in range(1, len(words)):
            self.alias_prefixes.add(" ".join(words[:k]))

    @classmethod
    def shared(cls, user_files: list[str | Path] | tuple[str | Path, ...] = ()) -> ActorKB:
        key = tuple(str(p) for p in user_files)
        with cls._lock:
            if key not in cls._shared:
                with bulk_loading():
                    cls._shared[key] = cls.load(user_files)
            return cls._shared[key]

    def add_user_file(self, path: Path) -> int:
        """Add actors from a user JSONL file (format in docs/actors.md); returns how many were added."""
        if not path.is_file():
            raise KroniekError("E120", where=str(path))
        added = 0
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                self.add_user_actor(json.loads(line))
            except (ValueError, TypeError, KeyError) as exc:
                raise KroniekError("E121", where=str(path), line=number, detail=str(exc)) from exc
            added += 1
        return added

    def add_user_actor(self, entry: dict[str, Any]) -> KBActor:
        """Add one actor from a user entry: name, kind, country, sector, wikidata, aliases, offices."""
        name = str(entry["name"]).strip()
        kind = entry.get("kind", "person")
        if not name:
            raise ValueError("'name' is empty")
        if kind not in KINDS:
            raise ValueError(f"'kind' must be one of {', '.join(KINDS)}, not {kind!r}")
        sector = entry.get("sector")
        if sector is not None and sector not in SECTORS:
            raise ValueError(f"'sector' must be one of {', '.join(SECTORS)} or null, not {sector!r}")
        key = entry.get("key") or f"user:{fold(name).replace(' ', '-')}"
        offices = []
        for office in entry.get("offices", []):
            offices.append((office["office"], office["where"], _date(office.get("from")), _date(office.get("to"))))
        actor = KBActor(
            len(self.actors),
            key,
            name,
            kind,
            entry.get("country"),
            sector,
            entry.get("wikidata"),
            "user",
            offices,
        )
        self.actors.append(actor)
        self.by_key[key] = actor
        for surface in [name, *entry.get("aliases", [])]:
            flags = CASE if is_acronym(surface) else 0
            # A user entry takes precedence over the shipped entries for the same alias.
            self.aliases.setdefault(fold(surface), []).insert(0, AliasHit(actor, flags, surface))
            folded_words = fold(surface).split(" ")
            for k in range(1, len(folded_words)):
                self.alias_prefixes.add(" ".join(folded_words[:k]))
            words = surface.split()
            if kind == "person" and len(words) > 1 and words[-1][:1].isupper():
                self.aliases.setdefault(fold(words[-1]), []).insert(0, AliasHit(actor, SURNAME, words[-1]))
        for code, where, start, end in offices:
            holders = self.office_holders.setdefault(f"{code}@{where}", [])
            holders.append((actor, start, end))
            holders.sort(key=lambda h: h[1] or dt.date.min)
        return actor

    def person_skeletons(self, skeleton: Callable[[str], str]) -> dict[str, tuple[KBActor, ...]]:
        """Multi-word person names and aliases by their spelling skeleton (kroniek.actors.spelling), built on
        first use."""
        index: dict[str, tuple[KBActor, ...]] | None = getattr(self, "_person_skeletons", None)
        if index is None:
            grouped: dict[str, list[KBActor]] = {}
            for key, hits in self.aliases.items():
                if " " not in key:
                    continue
                for hit in hits:
                    if hit.actor.kind == "person" and not hit.flags & (SURNAME | WEAK | ADJ):
                        people = grouped.setdefault(skeleton(key), [])
                        if hit.actor not in people:
                            people.append(hit.actor)
            index = {k: tuple(v) for k, v in grouped.items()}
            self._person_skeletons = index
        return index

    # ------------------------------------------------------------------------------------------ lookups
    def gender_of(self, name: str) -> str | None:
        """ "f", "m" or None (unknown) from the first word of a person's name."""
        first = name.split(" ", 1)[0]
        return self.given_name_gender.get(fold(first))

    def is_given_name(self, key: str) -> bool:
        """Whether a folded word is a known given name (the built list or data/given_names.toml)."""
        return key in self.first_names or key in self.given_name_gender

    def candidates(self, surface: str) -> list[AliasHit]:
        return self.aliases.get(fold(surface), [])

    def holder(self, code: str, where: str, date: dt.date | None) -> KBActor | None:
        """Who held office ``code`` in ``where`` on ``date`` (the latest holder when the date is unknown)."""
        holders = self.office_holders.get(f"{code}@{where}")
        if not holders:
            return None
        if date is None:
            current = [h for h in holders if h[2] is None]
            return (current or holders)[-1][0]
        for actor, start, end in reversed(holders):
            if (start is None or start <= date) and (end is None or date < end):
                return actor
        return None

    def holder_of_any(self, codes: tuple[str, ...], where: str, date: dt.date | None) -> KBActor | None:
        for code in codes:
            actor = self.holder(code, where, date)
            if actor is not None:
                return actor
        return None

    def search(
        self, query: str, *, date: dt.date | None = None, lang: str | None = None, limit: int = 10
    ) -> list[dict[str, Any]]:
        """Ranked actors for a name, alias or description ("Poetin", "de Russische president")."""
        results: list[dict[str, Any]] = []
        seen: set[int] = set()
        hits = self.candidates(query)
        ranked = sorted(
            hits,
            key=lambda h: (
                not h.actor.curated,
                not h.actor.active_on(date),
                bool(h.flags & (WEAK | ADJ)),
                h.actor.index,
            ),
        )
        for hit in ranked:
            if hit.actor.index in seen:
                continue
            seen.add(hit.actor.index)
            results.append(self.describe(hit.actor, date, how=_how(hit.flags)))
        if not results:
            from kroniek.actors.resolve import describe_phrase

            for actor in describe_phrase(self, query, date=date, lang=lang):
                if actor.index not in seen:
                    seen.add(actor.index)
                    results.append(self.describe(actor, date, how="description"))
        return results[:limit]

    def describe(self, actor: KBActor, date: dt.date | None, how: str = "name") -> dict[str, Any]:
        country, sector = actor.country_sector_on(date)
        return {
            "key": actor.key,
            "name": actor.name,
            "kind": actor.kind,
            "country": country,
            "sector": sector,
            "wikidata": actor.wikidata,
            "source": actor.source,
            "how": how,
            "holds": [f"{code}@{where}" for code, where in actor.offices_on(date)] if date or actor.offices else [],
            "offices": [
                {
                    "office": c,
                    "where": w,
                    "from": s.isoformat() if s else None,
                    "to": e.isoformat() if e else None,
                }
                for c, w, s, e in actor.offices
            ],
        }


def _how(flags: int) -> str:
    if flags & (CAPITAL | SEAT):
        return "metonym"
    if flags & ADJ:
        return "adjective"
    if flags & SURNAME:
        return "alias"
    return "name"
