"""Reading gold chronicles: spans given by their text alone are located, and extras set aside.

A gold chronicle (docs/event-format.md, "Gold chronicles") may give any span as ``{"text": ...}``
with ``"occurrence": N`` when the string occurs more than once. The conventions, checked against
the dev gold set and the seed:

- ``occurrence`` is 1-based and counts every raw substring match, each search starting one
  character after the previous hit (``str.find(s, pos + 1)``): occurrence 2 is the second hit.
- Without ``occurrence``, a span nested in an event (trigger, date, quantity) is searched inside
  the event's evidence first, then in the whole text: the seed gives the trigger "moet" of two
  demands without an occurrence although an earlier "moet" exists (README-en-de-fr.md: "a trigger
  or date gets the occurrence that lies inside its evidence"). Likewise a statement's cue is
  searched near its quoted text first. Other spans take the first hit.
- Actor mentions: every letter-bounded occurrence of a listed string is a mention, except one
  nested inside a longer mention (README-nl.md). Where the gold names a string's occurrences one
  by one (any ``occurrence`` key, or the string listed twice for the actor), only those count: the
  annotator picked them (pronouns such as "ze" refer to different people).

Gold-only fields (``optional``, ``alternatives``) are removed before validation and kept in
``GoldChronicle.extras``; the rest must be a valid Chronicle.
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kroniek.chronicle.models import Chronicle
from kroniek.errors import KroniekError

GOLD_SUFFIX = ".gold.json"


@dataclass(frozen=True, slots=True)
class GoldEventExtras:
    optional: bool = False
    alternatives: tuple[str, ...] = ()
    phenomena: tuple[str, ...] = ()  # hard-case tags of docs/annotation.md ("agentless_passive", ...)


@dataclass(slots=True)
class GoldChronicle:
    key: str  # the file's name without ".gold.json": "001", "seed"
    path: Path | None
    chronicle: Chronicle
    extras: dict[str, GoldEventExtras] = field(default_factory=dict)  # event id -> extras
    # The corpus block of a stand-off gold file (docs/annotation.md): source, sha256, split, origin,
    # annotator, phenomena. Empty for the dev gold set, which carries its text inline.
    corpus: dict[str, Any] = field(default_factory=dict)

    @property
    def split(self) -> str:
        return str(self.corpus.get("split") or "dev")

    @property
    def language(self) -> str:
        return self.chronicle.article.language

    def extras_of(self, event_id: str) -> GoldEventExtras:
        return self.extras.get(event_id, GoldEventExtras())


def gold_key(path: Path) -> str:
    name = path.name
    for suffix in (GOLD_SUFFIX, ".pred.json", ".json"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def find_occurrence(text: str, needle: str, occurrence: int = 1) -> int:
    """Offset of the ``occurrence``-th hit (1-based, each search from the previous hit + 1), or -1."""
    if not needle or occurrence < 1:
        return -1
    pos = -1
    for _ in range(occurrence):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            return -1
    return pos


def letter_bounded(text: str, start: int, end: int) -> bool:
    """True when the hit is not part of a longer word ("Nederland" in "Nederlandse" is not)."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalpha() and not after.isalpha()


class _Locator:
    """Finds the offsets of gold spans in one article and collects what cannot be found."""

    def __init__(self, text: str, where: str) -> None:
        self.text = text
        self.where = where
        self.problems: list[str] = []

    def locate(self, span: dict[str, Any], what: str, within: tuple[int, int] | None = None) -> dict[str, Any] | None:
        if not isinstance(span, dict) or not isinstance(span.get("text"), str):
            self.problems.append(f"{what}: a span needs a 'text' string, got {span!r}")
            return None
        needle: str = span["text"]
        located = {k: v for k, v in span.items() if k != "occurrence"}
        if "start" in span and "end" in span and "occurrence" not in span:
            return located  # offsets given: the chronicle validator checks them
        occurrence = span.get("occurrence")
        start = -1
        if occurrence is None and within is not None:
            start = self._first_in(needle, *within)
        if start < 0:
            start = find_occurrence(self.text, needle, int(occurrence or 1))
        if start < 0:
            nth = f" (occurrence {occurrence})" if occurrence else ""
            self.problems.append(f"{what}: {needle!r}{nth} is not in the article text")
            return None
        located["start"] = start
        located["end"] = start + len(needle)
        return located

    def _first_in(self, needle: str, lo: int, hi: int) -> int:
        """The first letter-bounded hit of needle inside [lo, hi), else the first hit at all, else -1.

        A particle "in" inside an evidence that holds "belastingwet ... in" means the word, not the letters.
        """
        hits = []
        pos = self.text.find(needle, lo, hi)
        while pos >= 0:
            hits.append(pos)
            pos = self.text.find(needle, pos + 1, hi)
        bounded = [h for h in hits if letter_bounded(self.text, h, h + len(needle))]
        return (bounded or hits or [-1])[0]

    def all_hits(self, needle: str) -> list[tuple[int, int]]:
        hits = []
        pos = self.text.find(needle)
        while pos >= 0:
            if letter_bounded(self.text, pos, pos + len(needle)):
                hits.append((pos, pos + len(needle)))
            pos = self.text.find(needle, pos + 1)
        return hits


def _resolve_mentions(data: dict[str, Any], loc: _Locator) -> None:
    """Expand every actor's listed mention strings to their spans (see the module docstring)."""
    spans_by_actor: list[set[tuple[int, int]]] = []
    for actor in data.get("actors", []):
        listed = actor.get("mentions") or []
        counts = Counter(m.get("text") for m in listed if isinstance(m, dict))
        explicit = {
            m.get("text") for m in listed if isinstance(m, dict) and ("occurrence" in m or counts[m.get("text")] > 1)
        }
        spans: set[tuple[int, int]] = set()
        for i, mention in enumerate(listed):
            located = loc.locate(mention, f"actor {actor.get('id')} mention {i}")
            if located is None:
                continue
            if mention.get("text") not in explicit and "start" not in mention:
                hits = loc.all_hits(mention["text"])  # the words, not "Soedan" inside "Soedanese"
                spans.update(hits or [(located["start"], located["end"])])
                continue
            spans.add((located["start"], located["end"]))
        spans_by_actor.append(spans)
    every = [s for spans in spans_by_actor for s in spans]
    for actor, spans in zip(data.get("actors", []), spans_by_actor, strict=True):
        kept = [(s, e) for s, e in spans if not any(os <= s and e <= oe and (oe - os) > (e - s) for os, oe in every)]
        actor["mentions"] = [{"text": loc.text[s:e], "start": s, "end": e} for s, e in sorted(kept)]


def _resolve_event(event: dict[str, Any], loc: _Locator) -> None:
    where = f"event {event.get('id')}"
    evidence = loc.locate(event.get("evidence"), f"{where} evidence")  # type: ignore[arg-type]
    if evidence is None:
        return
    event["evidence"] = evidence
    within = (evidence["start"], evidence["end"])
    trigger = event.get("trigger")
    if isinstance(trigger, list):
        event["trigger"] = [loc.locate(t, f"{where} trigger", within) for t in trigger]
    elif trigger is not None:
        event["trigger"] = loc.locate(trigger, f"{where} trigger", within)
    if event.get("date") is not None:
        event["date"] = loc.locate(event["date"], f"{where} date", within)
    event["quantities"] = [loc.locate(q, f"{where} quantity", within) for q in event.get("quantities") or []]


def _resolve_statement(statement: dict[str, Any], loc: _Locator, index: int) -> None:
    where = f"statement {index}"
    located = loc.locate(statement.get("text"), f"{where} text")  # type: ignore[arg-type]
    if located is None:
        return
    statement["text"] = located
    if statement.get("cue") is not None:
        # The cue sits next to the quoted words: search a window around them first.
        near = (max(0, located["start"] - 200), min(len(loc.text), located["end"] + 200))
        statement["cue"] = loc.locate(statement["cue"], f"{where} cue", near)


def parse_gold(data: dict[str, Any], key: str, path: Path | None = None) -> GoldChronicle:
    """Turn a gold chronicle (dict) into a validated Chronicle with offsets, plus its extras."""
    where = str(path or key)
    if not isinstance(data, dict) or not isinstance(data.get("article"), dict):
        raise KroniekError("E180", where=where, problems="no 'article' object")
    data = copy.deepcopy(data)
    corpus = data.pop("corpus", None) or {}
    if not isinstance(corpus, dict):
        raise KroniekError("E180", where=where, problems="'corpus' must be an object")
    if not data["article"].get("text") and corpus.get("source"):
        # Stand-off gold: the text is rebuilt from ../shared (or corpus/written) and checked by hash.
        from kroniek.evaluation.sources import read_source

        data["article"]["text"] = read_source(str(corpus["source"]), corpus.get("sha256"))
    text = data["article"].get("text")
    if not isinstance(text, str) or not text:
        raise KroniekError("E180", where=where, problems="article.text is missing or empty")
    loc = _Locator(text, where)
    extras: dict[str, GoldEventExtras] = {}
    for event in data.get("events", []):
        optional = bool(event.pop("optional", False))
        alternatives = tuple(event.pop("alternatives", None) or ())
        phenomena = tuple(event.pop("phenomena", None) or ())
        extras[str(event.get("id"))] = GoldEventExtras(
            optional=optional, alternatives=alternatives, phenomena=phenomena
        )
        _resolve_event(event, loc)
    _resolve_mentions(data, loc)
    for i, statement in enumerate(data.get("statements", [])):
        _resolve_statement(statement, loc, i)
    data["timexes"] = [loc.locate(t, f"timex {i}") for i, t in enumerate(data.get("timexes", []))]
    if loc.problems:
        raise KroniekError("E180", where=where, problems="; ".join(loc.problems[:10]))
    try:
        chronicle = Chronicle.model_validate(data)
    except ValidationError as exc:
        problems = [f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()]
        raise KroniekError("E180", where=where, problems="; ".join(problems[:10])) from exc
    return GoldChronicle(key=key, path=path, chronicle=chronicle, extras=extras, corpus=corpus)


def read_gold(path: str | Path) -> GoldChronicle:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise KroniekError("E181", where=str(path), detail=str(exc)) from exc
    return parse_gold(data, gold_key(path), path)


def gold_files(paths: list[str | Path]) -> list[Path]:
    """The gold files named by ``paths``: files as given, directories by their ``*.gold.json``."""
    found: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found.extend(sorted(path.glob(f"*{GOLD_SUFFIX}")))
        elif path.is_file():
            found.append(path)
        else:
            raise KroniekError("E182", where=str(path))
    unique: dict[str, Path] = {}
    for path in found:
        unique.setdefault(str(path.resolve()), path)
    return list(unique.values())
