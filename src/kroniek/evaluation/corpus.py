"""Checks and counts over a set of gold chronicles (``kroniek gold check`` / ``kroniek gold stats``).

``check_gold`` reads every file as the scorer does (spans must read back, ids resolve: the chronicle
validator) and then applies the annotation conventions of docs/annotation.md that a validator cannot
see: no event dated by a page stamp, no participant the text does not name, a proposition on every
required AGREE/REQUEST/REJECT/THREATEN/CONCEDE, a national government coded as the state
(gold_norms), spans of whole words, corpus files carrying source, hash and split, and
no document id twice. ``gold_stats`` counts documents and required events by language, type, mode,
hard-case tag, split and origin.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kroniek.chronicle.models import PROPOSITION_TYPES
from kroniek.errors import KroniekError
from kroniek.evaluation.gold import GoldChronicle, gold_files, read_gold
from kroniek.evaluation.gold_norms import cuts_a_word, national_government_state, part_of_day_date

# A line that stamps the page rather than reports: "Published: 19 March 2025", "Stand: 18.03.2025".
PAGE_STAMP = re.compile(
    r"^\s*(published|updated|last updated|posted|gepubliceerd|bijgewerkt|laatste update|stand|veröffentlicht|"
    r"aktualisiert|publié|mis à jour|modifié)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class GoldProblem:
    file: str
    problem: str

    def __str__(self) -> str:
        return f"{self.file}: {self.problem}"


def _line_of(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start : end if end >= 0 else len(text)]


def conventions(gold: GoldChronicle) -> list[str]:
    """The annotation conventions one gold chronicle breaks (empty when it keeps them all)."""
    problems: list[str] = []
    chronicle = gold.chronicle
    text = chronicle.article.text
    named = {a.id for a in chronicle.actors if a.mentions}
    for event in chronicle.events:
        extras = gold.extras_of(event.id)
        if event.date is not None and part_of_day_date(event.date.value) is not None:
            problems.append(
                f"event {event.id} is dated by a part of the day ({event.date.value!r}): the day "
                "(docs/annotation.md, Dates; python tools/normalize_gold.py --write)"
            )
        if event.date is not None and PAGE_STAMP.match(_line_of(text, event.date.start)):
            problems.append(f"event {event.id} is dated by a page stamp ({event.date.text!r})")
        for actor_id in [*event.actor, *event.recipient]:
            if actor_id not in named:
                problems.append(f"event {event.id}: participant {actor_id} is not named in the text (no mention)")
        if event.event in PROPOSITION_TYPES and event.proposition is None and not extras.optional:
            problems.append(f"event {event.id}: a required {event.event} needs a proposition")
    cut = [m.text for a in chronicle.actors for m in a.mentions if cuts_a_word(text, m.start, m.end)]
    triggers = [t for e in chronicle.events for t in (e.trigger if isinstance(e.trigger, list) else [e.trigger])]
    cut += [t.text for t in triggers if t is not None and cuts_a_word(text, t.start, t.end)]
    cut += [e.evidence.text for e in chronicle.events if cuts_a_word(text, e.evidence.start, e.evidence.end)]
    for span_text in cut:
        problems.append(
            f"the span {span_text[:40]!r} starts or ends inside a word (docs/annotation.md, Spans; "
            "python tools/normalize_gold.py --write)"
        )
    for actor in chronicle.actors:
        state = national_government_state(actor.name, actor.kind, actor.country, actor.sector)
        if state is not None and (actor.kind, actor.name) != ("state", state[0]):
            problems.append(
                f"actor {actor.id} {actor.name!r} is a national government: the state {state[0]!r} "
                "(ADJ #4; python tools/normalize_gold.py --write)"
            )
    if gold.corpus:
        for key in ("source", "sha256", "split"):
            if not gold.corpus.get(key):
                problems.append(f"corpus.{key} is missing")
    return problems


_WORD = re.compile(r"\w+")
SHINGLE = 8  # words per shingle: long enough that shared phrasing of two reports of one story rarely repeats
NEAR_COPY = 0.5  # share of the shorter text's shingles found in the other text


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def near_copies(texts: dict[str, str], references: dict[str, str]) -> list[tuple[str, str]]:
    """(key, twin) for every text that is a near-copy of a reference or of an earlier text (by key order).

    A corpus document that repeats another (two annotators took the same wire story) or an article of the
    dev gold set (which the rules were tuned on) would score a known article as unseen news and leak
    between splits. Texts share a shingle index, so the whole corpus is checked in about a second.
    """
    shingles = {key: _shingles(text) for key, text in {**references, **texts}.items()}
    index: dict[tuple[str, ...], list[str]] = {}
    order = [*references, *sorted(texts)]
    found: list[tuple[str, str]] = []
    for key in order:
        mine = shingles[key]
        if key in texts:  # references are only compared against, never reported
            shared = Counter(other for sh in mine for other in index.get(sh, ()))
            if shared:
                other, count = shared.most_common(1)[0]
                if count / max(1, min(len(mine), len(shingles[other]))) >= NEAR_COPY:
                    found.append((key, other))
        for sh in mine:
            index.setdefault(sh, []).append(key)
    return found


def dev_gold_texts() -> dict[str, str]:
    """The article of every dev gold set file (../shared), keyed "dev gold set KEY"; empty where absent."""
    from kroniek.evaluation.run import default_gold_paths

    paths = default_gold_paths()
    golds = map(read_gold, gold_files(list[str | Path](paths))) if paths else ()
    return {f"dev gold set {g.key}": g.chronicle.article.text for g in golds}


def check_gold(paths: list[str | Path]) -> tuple[int, list[GoldProblem]]:
    """(files read, problems): every file that cannot be read as gold, and every broken convention."""
    files = gold_files(paths)
    corpus_texts: dict[str, str] = {}
    if not files:
        raise KroniekError("E183", where=", ".join(str(p) for p in paths))
    problems: list[GoldProblem] = []
    seen: dict[str, str] = {}
    for path in files:
        try:
            gold = read_gold(path)
        except KroniekError as exc:
            problems.append(GoldProblem(str(path), str(exc)))
            continue
        doc_id = gold.chronicle.article.id or gold.key
        if doc_id in seen:
            problems.append(GoldProblem(str(path), f"document id {doc_id!r} also in {seen[doc_id]}"))
        seen[doc_id] = str(path)
        problems.extend(GoldProblem(str(path), p) for p in conventions(gold))
        if gold.corpus:  # project-corpus files: none may repeat another or a dev gold set article
            corpus_texts[str(path)] = gold.chronicle.article.text
    if corpus_texts:
        for path_text, twin in near_copies(corpus_texts, dev_gold_texts()):
            problems.append(GoldProblem(path_text, f"the text is a near-copy of {twin}"))
    return len(files), problems


def _bucket() -> dict[str, int]:
    return {"documents": 0, "required_events": 0, "optional_events": 0}


def gold_stats(paths: list[str | Path]) -> dict[str, Any]:
    """Counts of a gold set: documents and required events overall and by language, type, mode, tag, split."""
    golds = [read_gold(p) for p in gold_files(paths)]
    total = _bucket()
    by_language: dict[str, dict[str, int]] = {}
    by_split: dict[str, dict[str, int]] = {}
    by_origin: dict[str, dict[str, int]] = {}
    by_type: Counter[str] = Counter()
    by_mode: Counter[str] = Counter()
    by_phenomenon: Counter[str] = Counter()
    by_language_phenomenon: dict[str, Counter[str]] = {}
    for gold in golds:
        required = [e for e in gold.chronicle.events if not gold.extras_of(e.id).optional]
        optional = len(gold.chronicle.events) - len(required)
        buckets = (
            total,
            by_language.setdefault(gold.language, _bucket()),
            by_split.setdefault(gold.split, _bucket()),
            by_origin.setdefault(str(gold.corpus.get("origin") or "real"), _bucket()),
        )
        for bucket in buckets:
            bucket["documents"] += 1
            bucket["required_events"] += len(required)
            bucket["optional_events"] += optional
        for event in required:
            by_type[event.event] += 1
            if event.mode:
                by_mode[f"{event.event}/{event.mode}"] += 1
            tags = gold.extras_of(event.id).phenomena
            by_phenomenon.update(tags)
            by_language_phenomenon.setdefault(gold.language, Counter()).update(tags)
    return {
        **total,
        "by_language": dict(sorted(by_language.items())),
        "by_split": dict(sorted(by_split.items())),
        "by_origin": dict(sorted(by_origin.items())),
        "by_type": dict(by_type.most_common()),
        "by_mode": dict(by_mode.most_common()),
        "by_phenomenon": dict(by_phenomenon.most_common()),
        "by_language_phenomenon": {k: dict(v.most_common()) for k, v in sorted(by_language_phenomenon.items())},
    }
