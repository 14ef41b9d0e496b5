"""Build kroniek's actor knowledge base (src/kroniek/actors/data/kb.json.gz).

Inputs:
  - the PETRARCH2/Phoenix dictionaries (MIT, Open Event Data Alliance) in ``--phoenix``: actors with English
    aliases and dated country/sector codes (to about 2016), and the agents file (role nouns -> sectors);
  - kroniek's curated files in src/kroniek/actors/data/curated/ (countries with nl/en/de/fr names, adjectives,
    capitals and seats of government; persons with dated offices to 2026; organisations and media);
  - word lists from the UD and NER corpora in ``--words`` (only to flag surnames that are ordinary words).

Run from the repository root:  PYTHONPATH=src python tools/build_actor_kb.py
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kroniek.actors.normalize import fold, is_acronym

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "kroniek" / "actors" / "data"
DEFAULT_PHOENIX = ROOT.parent.parent / "shared" / "data" / "phoenix"
DEFAULT_WORDS = ROOT.parent.parent / "shared" / "data"

# Alias flags (kept in sync with kroniek.actors.kb).
CASE = 1  # the alias must match with its exact case
SURNAME = 2  # a surname: standalone only if not an ordinary word; always after a full mention
ADJ = 4  # a country adjective or demonym: used only when nothing better covers it
CAPITAL = 8  # a capital city used for its government
SEAT = 16  # a seat of government ("het Kremlin")
LOWER_OK = 32  # may match in lower case (German and French adjectives, description words)
WEAK = 64  # only after a full mention in the same article

PLOVER_SECTORS = {"GOV", "MIL", "REB", "OPP", "JUD", "LEG", "MED", "BUS", "CVL", "IGO", "NGO"}
# CAMEO sector codes that are not PLOVER's, mapped to the nearest PLOVER sector.
CAMEO_TO_PLOVER = {
    "COP": "GOV",
    "SPY": "GOV",
    "UAF": "REB",
    "INS": "REB",
    "SEP": "REB",
    "RAD": "REB",
    "IMG": "REB",
    "HLH": "CVL",
    "EDU": "CVL",
    "LAB": "CVL",
    "AGR": "CVL",
    "REL": "CVL",
    "REF": "CVL",
    "HRI": "NGO",
    "ENV": "NGO",
    "CRM": "CVL",
    "DEV": "GOV",
    "PTY": "",
    "ELI": "",
}
ISO_FIXES = {"KSV": "XKX", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "DDR": "DEU"}
ORG_WORDS = {
    "organization",
    "organisation",
    "committee",
    "council",
    "agency",
    "bank",
    "fund",
    "union",
    "party",
    "front",
    "army",
    "movement",
    "group",
    "forces",
    "force",
    "association",
    "commission",
    "court",
    "institute",
    "office",
    "programme",
    "program",
    "ministry",
    "league",
    "brigade",
    "brigades",
    "federation",
    "alliance",
    "network",
    "society",
    "foundation",
    "corps",
    "assembly",
    "authority",
    "centre",
    "center",
    "service",
    "initiative",
    "coalition",
    "company",
    "corporation",
    "news",
    "tribunal",
    "conference",
    "secretariat",
    "mission",
    "liberation",
    "jihad",
    "faction",
    "cell",
    "youth",
    "students",
    "board",
    "panel",
    "unit",
    "world",
    "international",
    "national",
    "islamic",
}


@dataclass
class Actor:
    key: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    wikidata: str | None = None
    source: str = "curated"
    offices: list[list[str | None]] = field(default_factory=list)  # [code, where, from, to]
    periods: list[list[str | None]] = field(default_factory=list)  # [country, sector, from, to] (phoenix)
    aliases: dict[str, tuple[int, str]] = field(default_factory=dict)  # folded -> (flags, surface)
    names: list[str] = field(default_factory=list)  # names whose last word may serve as a surname
    adjective: str | None = None  # English adjective of a state ("Ukrainian"), for group names

    def add_alias(self, surface: str, flags: int = 0) -> None:
        surface = surface.strip().replace("_", " ").strip()
        surface = re.sub(r"\s+", " ", surface)
        if len(surface) < 2 or not any(ch.isalpha() for ch in surface):
            return
        if is_acronym(surface):
            flags |= CASE
        if surface[:1].islower():
            flags |= LOWER_OK  # written in lower case on purpose ("ministerraad", "het bondgenootschap")
        key = fold(surface)
        old = self.aliases.get(key)
        if old is None:
            self.aliases[key] = (flags, surface)
        else:  # keep the strongest reading: fewer restrictions win
            merged = (old[0] & flags) | ((old[0] | flags) & LOWER_OK)
            self.aliases[key] = (merged, old[1] if old[0] & CASE and not flags & CASE else surface)

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "key": self.key,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "sector": self.sector or None,
            "wikidata": self.wikidata,
            "source": self.source,
        }
        if self.offices:
            out["offices"] = self.offices
        if self.periods:
            out["periods"] = self.periods
        if self.adjective:
            out["adjective"] = self.adjective
        return out


def split_cells(line: str, sep: str) -> list[str]:
    return [cell.strip() for cell in line.split(sep)]


def items(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def dash(value: str) -> str | None:
    return None if value in ("", "-") else value


# ----------------------------------------------------------------------------------------------- curated
def german_forms(stem: str) -> list[str]:
    return [stem + ending for ending in ("", "e", "en", "er", "es", "em")]


def french_forms(word: str) -> list[str]:
    return [word] if word.endswith(("s", "x")) else [word, word + "s"]


def load_countries(path: Path) -> list[Actor]:
    actors = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = split_cells(line, "\t") + [""]
        iso, name, qid, names, adj_en, adj_nl, adj_de, adj_fr, capitals, seats, people = cells[:11]
        actor = Actor(f"state:{iso}", name, "state", iso, "GOV", dash(qid))
        actor.adjective = (items(adj_en) or [name])[0]
        actor.add_alias(name)
        for alias in items(names):
            actor.add_alias(alias)
        for adj in items(adj_en) + items(adj_nl):
            actor.add_alias(adj, ADJ)
        for stem in items(adj_de):
            for form in german_forms(stem):
                actor.add_alias(form, ADJ | LOWER_OK)
        for word in items(adj_fr):
            for form in french_forms(word):
                actor.add_alias(form, ADJ | LOWER_OK)
        for capital in items(capitals):
            actor.add_alias(capital, CAPITAL)
        for seat in items(seats):
            actor.add_alias(seat, SEAT)
        actors.append(actor)
        if items(people):  # "Oekraïners": the people of the country, a group of civilians
            group = Actor(f"group:{iso}:people", items(people)[0], "group", iso, "CVL")
            for noun in items(people):
                group.add_alias(noun)
            actors.append(group)
    return actors


def parse_office(text: str) -> list[str | None]:
    match = re.fullmatch(r"([A-Z-]+)@([A-Z]+)\s+(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?", text.strip())
    if not match:
        raise ValueError(f"bad office {text!r}")
    code, where, start, end = match.groups()
    return [code, where, start, end]


def load_persons(path: Path) -> list[Actor]:
    actors = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = split_cells(line, "|")
        cells += [""] * (6 - len(cells))
        name, country, sector, qid, aliases, offices = cells[:6]
        actor = Actor(f"person:{fold(name).replace(' ', '-')}", name, "person", dash(country), dash(sector), dash(qid))
        try:
            actor.offices = [parse_office(o) for o in items(offices)]
        except ValueError as exc:
            raise SystemExit(f"{path}:{number}: {exc}") from exc
        actor.add_alias(name)
        for alias in items(aliases):
            actor.add_alias(alias)
        actor.names = [name, *items(aliases)]
        actors.append(actor)
    return actors


def load_organizations(path: Path) -> list[Actor]:
    actors = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = split_cells(line, "|")
        cells += [""] * (7 - len(cells))
        name, kind, country, sector, qid, aliases, offices = cells[:7]
        actor = Actor(f"org:{fold(name).replace(' ', '-')}", name, kind, dash(country), dash(sector), dash(qid))
        actor.offices = [parse_office(o) for o in items(offices)]
        actor.add_alias(name)
        for alias in items(aliases):
            # "@Brussel": a seat used for the organisation ("Brussel wil ..."), a place after "in"
            if alias.startswith("@"):
                actor.add_alias(alias[1:], SEAT)
            else:
                actor.add_alias(alias)
        actors.append(actor)
    return actors


# ----------------------------------------------------------------------------------------------- phoenix
CODE_RE = re.compile(r"\[([^\]]*)\]")


def phoenix_date(text: str, end: bool) -> str | None:
    digits = re.sub(r"\D", "", text)
    if len(digits) == 6:
        year = int(digits[:2])
        year += 1900 if year >= 30 else 2000
        month, day = digits[2:4], digits[4:6]
    elif len(digits) == 8:
        year, month, day = int(digits[:4]), digits[4:6], digits[6:8]
    else:
        return None
    if not ("01" <= month <= "12" and "01" <= day <= "31"):
        return None
    return f"{year:04d}-{month}-{day}"


def parse_code(raw: str, countries: set[str]) -> list[str | None] | None:
    parts = raw.split()
    if not parts or parts[0].startswith("~") or parts[0] == "---":
        return None
    code = parts[0]
    start = end = None
    if len(parts) > 1:
        span = "".join(parts[1:])
        if span.startswith(">"):
            start = phoenix_date(span[1:], False)
        elif span.startswith("<"):
            end = phoenix_date(span[1:], True)
        elif "-" in span:
            left, _, right = span.partition("-")
            start, end = phoenix_date(left, False), phoenix_date(right, True)
    head = ISO_FIXES.get(code[:3], code[:3])
    if head == "IGO":
        return [None, "IGO", start, end]
    if head in ("IMG", "MNC"):
        return [None, "REB" if head == "IMG" else "BUS", start, end]
    if head == "NGO":
        return [None, "NGO", start, end]
    country = head if head in countries else None
    rest = code[3:]
    sector = None
    for i in range(0, len(rest) - 2, 3):
        part = rest[i : i + 3]
        if part in PLOVER_SECTORS:
            sector = part
            break
        if part in CAMEO_TO_PLOVER:
            sector = CAMEO_TO_PLOVER[part] or None
            break
    if country is None and sector is None:
        return None
    return [country, sector, start, end]


def title_case(name: str) -> str:
    words = []
    for word in name.replace("_", " ").split():
        parts = [p[:1].upper() + p[1:].lower() if p else p for p in word.split("-")]
        words.append("-".join(parts))
    titled = " ".join(words)
    return re.sub(
        r"\b(Al|El|Bin|Ibn|Van|De|Der|Von|Du|La|Le|Of|The|And)\b",
        lambda m: m.group(1).lower() if m.start() else m.group(1),
        titled,
    )


def clean_phoenix_name(raw: str) -> str:
    raw = raw.split("#", 1)[0]
    raw = CODE_RE.sub(" ", raw)
    raw = re.sub(r"\{[^}]*\}|\([^)]*\)", " ", raw)
    raw = raw.replace("+", " ").replace("_", " ")
    return re.sub(r"\s+", " ", raw).strip()


@dataclass
class PhoenixEntry:
    head: str
    aliases: list[str]
    codes: list[str]
    file: str
    comment: str


def read_phoenix(path: Path) -> list[PhoenixEntry]:
    entries: list[PhoenixEntry] = []
    current: PhoenixEntry | None = None
    for raw in path.read_text(encoding="latin-1").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        comment = raw.split("#", 1)[1] if "#" in raw else ""
        body = raw.split("#", 1)[0]
        if raw[0] in " \t[":
            if current is not None:
                current.codes += CODE_RE.findall(body)
            continue
        if raw.startswith("+"):
            if current is not None:
                current.aliases.append(clean_phoenix_name(body[1:]))
                current.codes += CODE_RE.findall(body)
            continue
        current = PhoenixEntry(clean_phoenix_name(body), [], CODE_RE.findall(body), path.name, comment)
        entries.append(current)
    return entries


def looks_like_person(entry: PhoenixEntry, has_dates: bool) -> bool:
    words = fold(entry.head).split()
    if not 2 <= len(words) <= 5 or any(w in ORG_WORDS for w in words):
        return False
    return has_dates or "rulers" in entry.comment.lower() or "countryinfo" in entry.comment.lower()


def phoenix_surface(alias: str) -> tuple[str, int]:
    """Phoenix writes everything in capitals: short single words stay acronyms (exact case), the rest is
    title-cased; other single words only resolve after a full mention (they are often first names)."""
    words = alias.split()
    if len(words) == 1 and len(alias.replace(".", "")) <= 4:
        return alias.upper(), CASE
    return title_case(alias), WEAK if len(words) == 1 else 0


# Phoenix aliases that name an office ("US President", "Federal Chancellor of Germany") would steal the
# descriptions that kroniek resolves by date; they are left out.
OFFICE_WORDS = re.compile(
    r"\b(president|chancellor|prime minister|premier|minister|secretary|king|queen|"
    r"emperor|leader|spokesman|spokeswoman|ambassador|envoy|chief|head of)\b"
)


def office_alias(alias: str) -> bool:
    return bool(OFFICE_WORDS.search(fold(alias)))


def country_alias_flags(alias: str, head: str) -> int | None:
    """Phoenix country blocks mix name variants, demonyms and cities: keep the first two kinds only."""
    folded = fold(alias)
    if folded == fold(head):
        return 0
    if " " not in folded and folded.endswith(("an", "ian", "ese", "ish", "i", "ch", "ean", "ic", "ot")):
        return ADJ  # a demonym ("Dutch", "Afghan", "Russian")
    if fold(head).split()[0] in folded:
        return 0  # a variant of the name ("The Netherland")
    return None


GENERIC_WORDS = {
    "government",
    "regime",
    "authorities",
    "administration",
    "military",
    "army",
    "troops",
    "forces",
    "police",
    "officials",
    "cabinet",
    "ministry",
    "parliament",
    "opposition",
    "rebels",
    "people",
}


def generic_description(alias: str, state_words: set[str]) -> bool:
    """ "Russian Government", "Syrian Army": descriptions that kroniek's own rules resolve."""
    words = fold(alias).split()
    return 2 <= len(words) <= 3 and words[0] in state_words and words[-1] in GENERIC_WORDS


# ----------------------------------------------------------------------------------------------- words
def ordinary_words(words_dir: Path) -> set[str]:
    """Words seen in lower case in the UD/NER corpora (so "may", "kok", "brown" are ordinary words)."""
    counts: Counter[str] = Counter()
    for path in sorted(words_dir.glob("ud/*.conllu")) + sorted(words_dir.glob("ner/*train*.conllu")):
        with path.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if not line or line[0] == "#" or "\t" not in line:
                    continue
                cols = line.split("\t")
                form = cols[1] if path.parent.name == "ud" and len(cols) > 1 else cols[0]
                if form.islower():
                    counts[fold(form)] += 1
    return {w for w, c in counts.items() if c >= 2}


# ----------------------------------------------------------------------------------------------- merge
def build(phoenix_dir: Path, words_dir: Path) -> dict[str, object]:
    countries = load_countries(DATA / "curated" / "countries.tsv")
    persons = load_persons(DATA / "curated" / "persons.txt")
    orgs = load_organizations(DATA / "curated" / "organizations.txt")
    actors: list[Actor] = [*countries, *persons, *orgs]
    by_country = {a.country: a for a in countries if a.kind == "state"}
    by_name: dict[str, Actor] = {}
    for actor in persons + orgs:
        for key in actor.aliases:
            if " " in key:  # multi-word aliases identify a curated actor well enough to merge Phoenix into it
                by_name.setdefault(key, actor)

    entries = []
    for name in (
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
    ):
        entries += read_phoenix(phoenix_dir / name)
    iso_codes = {ISO_FIXES.get(c, c) for e in entries for c in e.codes if re.fullmatch(r"[A-Z]{3}", c.strip())}
    iso_codes |= set(by_country)

    seen_keys: set[str] = {a.key for a in actors}
    # First pass over the country blocks, so that person and organisation entries can be checked against them.
    country_entries = [
        e
        for e in entries
        if e.file.startswith("Phoenix.Countries")
        and len(e.codes) == 1
        and re.fullmatch(r"[A-Z]{3}", e.codes[0].strip())
    ]
    other_entries = [e for e in entries if not any(e is c for c in country_entries)]
    entries = country_entries + other_entries
    # Names of states (curated ones from the start: not every state has a Phoenix country block).
    state_keys: set[str] = {k for c in countries if c.kind == "state" for k in c.aliases}
    state_words: set[str] = {k for k in state_keys if " " not in k}
    for entry in entries:
        if not entry.head:
            continue
        codes = [c.strip() for c in entry.codes]
        if entry.file.startswith("Phoenix.Countries") and len(codes) == 1 and re.fullmatch(r"[A-Z]{3}", codes[0]):
            iso = ISO_FIXES.get(codes[0], codes[0])
            state = by_country.get(iso)
            if state is None:
                state = Actor(f"state:{iso}", title_case(entry.head), "state", iso, "GOV", source="phoenix")
                state.add_alias(title_case(entry.head))
                by_country[iso] = state
                actors.append(state)
                seen_keys.add(state.key)
            else:
                state.source = "curated+phoenix"
                state.add_alias(title_case(entry.head))
            for alias in entry.aliases:
                flags = country_alias_flags(alias, entry.head) if alias else None
                if flags is not None:
                    state.add_alias(title_case(alias), flags)
            state_keys.update(state.aliases)
            state_words.update(k for k in state.aliases if " " not in k)
            continue
        periods = [p for p in (parse_code(c, iso_codes) for c in codes) if p is not None]
        folded_names = [fold(entry.head)] + [fold(a) for a in entry.aliases if a]
        target = next((by_name[n] for n in folded_names if n in by_name), None)
        if target is not None:
            if "phoenix" not in target.source:
                target.source = "curated+phoenix"
            target.periods += periods
            for alias in [entry.head, *entry.aliases]:
                # single Phoenix words add nothing to a curated entry but noise ("IRAQ" under a person)
                if alias and " " in alias.strip() and not office_alias(alias):
                    target.add_alias(*phoenix_surface(alias))
            continue
        has_dates = any(p[2] or p[3] for p in periods)
        kind = "person" if looks_like_person(entry, has_dates) else "organization"
        current = max(periods, key=lambda p: (p[3] is None, p[3] or "", p[2] or ""), default=None)
        country, sector = (current[0], current[1]) if current else (None, None)
        if kind == "organization" and sector is None and country is None:
            continue  # neither a sector nor a country: not usable as an actor
        if office_alias(entry.head) or (kind != "person" and fold(entry.head) in state_keys):
            continue  # an office, or a second entry for a state
        key = f"phoenix:{fold(entry.head).replace(' ', '-')}"
        if key in seen_keys:
            continue
        seen_keys.add(key)
        actor = Actor(key, title_case(entry.head), kind, country, sector, source="phoenix")
        actor.periods = periods
        for alias in [entry.head, *entry.aliases]:
            if not alias or office_alias(alias) or generic_description(alias, state_words):
                continue
            if fold(alias) in state_keys:
                continue  # a country name or demonym is the state, not this entry
            actor.add_alias(*phoenix_surface(alias))
        if not actor.aliases:
            continue
        actors.append(actor)
        if kind == "person":
            for name_key in folded_names:
                if " " in name_key:
                    by_name.setdefault(name_key, actor)

    # Surnames: the last word of every person name and alias of two or more words.
    ordinary = ordinary_words(words_dir)
    for actor in actors:
        if actor.kind != "person":
            continue
        # Only kroniek's own names and Phoenix's main name: Phoenix's other aliases hold titles and
        # organisations ("Islamic State of Iraq") whose last word is no surname.
        for surface in actor.names or [actor.name]:
            words = surface.split()
            if len(words) < 2 or words[-1].endswith("."):
                continue
            surname = words[-1].rstrip(",")
            if len(surname) < 3 or not surname[:1].isupper() or re.fullmatch(r"[IVXLC]+", surname, re.IGNORECASE):
                continue  # "Charles III" has no surname "III"
            if " of " in surface or "," in surface or fold(surname) in state_keys:
                continue  # "Albert II of Belgium", "Henri, Grand Duke of Luxembourg": no surname
            flags = SURNAME | (WEAK if actor.source == "phoenix" or fold(surname) in ordinary else 0)
            actor.add_alias(surname, flags)
            # Dutch/German particles: "Van Weel", "von der Leyen" keep their particle as a surname too.
            lowered = [w.lower() for w in words]
            for i, word in enumerate(lowered[1:-1], 1):
                if word in ("van", "von", "de", "der", "den", "ter", "ten", "le", "la", "al", "el", "bin"):
                    particle_name = " ".join(words[i:])
                    actor.add_alias(particle_name, SURNAME)
                    break

    aliases: dict[str, list[list[object]]] = {}
    for index, actor in enumerate(actors):
        for key, (flags, surface) in actor.aliases.items():
            row: list[object] = [index, flags]
            if flags & CASE:
                row.append(surface)
            aliases.setdefault(key, []).append(row)
    offices: dict[str, list[list[object]]] = {}
    for index, actor in enumerate(actors):
        for code, where, start, end in actor.offices:
            offices.setdefault(f"{code}@{where}", []).append([index, start, end])
    for rows in offices.values():
        rows.sort(key=lambda r: str(r[1] or ""))
    agents = read_agents(phoenix_dir / "Phoenix.agents.txt")
    return {
        "format": "kroniek-actors/1",
        "actors": [a.to_json() for a in actors],
        "aliases": aliases,
        "offices": offices,
        "agents": agents,
        "first_names": first_names(actors, aliases, ordinary),
    }


def first_names(actors: list[Actor], aliases: dict[str, list[list[object]]], ordinary: set[str]) -> list[str]:
    """Given names seen at the start of at least two person names (or one curated), that are not ordinary
    words and not names of anything but persons: "Ahmed", "Craig", "Timur". The resolver uses them to
    recognise unknown persons ("Ahmed al-Assadi") when no NER is available."""
    counts: Counter[str] = Counter()
    for actor in actors:
        if actor.kind != "person":
            continue
        words = actor.name.split()
        if len(words) >= 2 and words[0][:1].isupper() and words[0].isalpha() and len(words[0]) > 2:
            counts[fold(words[0])] += 2 if actor.source != "phoenix" else 1
    names = []
    for name, count in counts.items():
        if count < 2 or name in ordinary:
            continue
        rows = aliases.get(name, [])
        if any(actors[int(str(r[0]))].kind != "person" for r in rows):
            continue
        names.append(name)
    return sorted(names)


def read_agents(path: Path) -> dict[str, str]:
    """English role nouns -> PLOVER sector, from the Phoenix agents file."""
    agents: dict[str, str] = {}
    for raw in path.read_text(encoding="latin-1").splitlines():
        if not raw.strip() or raw.startswith("#") or "!" in raw.split("[")[0]:
            continue
        body = raw.split("#", 1)[0]
        codes = re.findall(r"\[~([A-Z]+)\]", body)
        if not codes:
            continue
        noun = re.sub(r"\{[^}]*\}", " ", body.split("[")[0]).replace("_", " ").strip()
        code = codes[0]
        sector = None
        for i in range(0, len(code) - 2, 3):
            part = code[i : i + 3]
            if part in PLOVER_SECTORS:
                sector = part
                break
            if part in CAMEO_TO_PLOVER and CAMEO_TO_PLOVER[part]:
                sector = CAMEO_TO_PLOVER[part]
                break
        if noun and sector:
            agents[fold(noun)] = sector
    return agents


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--phoenix", type=Path, default=DEFAULT_PHOENIX)
    parser.add_argument("--words", type=Path, default=DEFAULT_WORDS)
    parser.add_argument("--out", type=Path, default=DATA / "kb.json.gz")
    args = parser.parse_args(argv)
    kb = build(args.phoenix, args.words)
    data = json.dumps(kb, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with gzip.GzipFile(args.out, "wb", mtime=0) as handle:  # mtime=0: the same input gives the same bytes
        handle.write(data)
    actors = kb["actors"]
    assert isinstance(actors, list)
    sources = Counter(str(a["source"]) for a in actors)
    n_aliases = sum(len(v) for v in kb["aliases"].values())  # type: ignore[union-attr]
    print(
        f"wrote {args.out}: {len(actors)} actors ({dict(sources)}), {n_aliases} aliases "
        f"({len(kb['aliases'])} distinct keys), {len(kb['offices'])} offices, {len(kb['agents'])} agents",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
