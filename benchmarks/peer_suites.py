"""Peers' English sentence suites (issue 13): the PLOVER gold-standard records and ConfliBERT's CAMEO
class test, run through kroniek one sentence at a time.

    python benchmarks/peer_suites.py --plover-gsr PATH --cameo-quad PATH [--out benchmarks/results/peers.json]
    KRONIEK_PEER_DATA=/work/peers python benchmarks/peer_suites.py

The files are third-party text and never enter this repository. Fetch them (the commits this was first
run on are in ``SOURCES``) and give their paths, or name the folder that holds them, under the names in
``DEFAULT_NAMES``, with KRONIEK_PEER_DATA. A suite whose file is absent is skipped with a message; when
both are absent the script stops with exit code 2 (catalogue error E315).

Every sentence is extracted as an English article of its own (``lang="en"``), with the record's date as
the publication date where the record gives one.

PLOVER GSR (``PLOVER_GSR_CAMEO.txt``, PLOVER 0.5b1, a loose JSON list of records with trailing commas;
older category names are read as today's, see ``OLD_GSR_TYPES``; placeholders and repeats are skipped):

- ``top_type_any``: the gold ``event`` is among the types of kroniek's events of the sentence;
- ``top_type_first``: the type of kroniek's first event (earliest trigger; the lead act) is the gold type;
- ``no_event``: the share of sentences where kroniek finds no event;
- ``mode``: over records whose gold has a mode and where kroniek made an event of the gold type, the share
  where that event's mode is the gold mode;
- ``actor_country``: over gold source (target) actors whose code is a three-letter country code (not IGO,
  NGO and other group codes), the share whose country is among the countries of the actors (recipients)
  of kroniek's event of the gold type. Records whose type kroniek missed count as disagreement.

ConfliBERT CAMEO class (``test.tsv``, ``sentence<TAB>label``). The labels follow CAMEO's root codes, as
the test sentences show (statements and appeals are 0, "called on X to ..." included):

====  ============================================  ===========================================
label  CAMEO roots                                   PLOVER types (CAMEO2PLOVER-2021 table)
====  ============================================  ===========================================
0      01 make statement, 02 appeal                  none (kroniek finds no event)
1      03 intend to cooperate, 04 consult, 05        AGREE, CONSULT, SUPPORT
       diplomatic cooperation (verbal cooperation)
2      06 material cooperation, 07 aid, 08 yield     COOPERATE, AID, CONCEDE, RETREAT
       (material cooperation)
3      09 investigate, 10 demand, 11 disapprove,     REQUEST, ACCUSE, REJECT, THREATEN, SANCTION
       12 reject, 13 threaten, 16 reduce relations
       (verbal conflict)
4      14 protest, 15 force posture, 17 coerce,      PROTEST, MOBILIZE, COERCE, ASSAULT
       18-20 assault, fight, mass violence
       (material conflict)
====  ============================================  ===========================================

CONCEDE is CAMEO 08 (yield) in the conversion table, so it goes with material cooperation as in
ConfliBERT's labels, although the PLOVER manual files it under verbal cooperation; SANCTION is CAMEO 16,
which ConfliBERT's test labels verbal conflict ("suspended aid", "expelled two diplomats" are 3).
A sentence's predicted label is that of kroniek's first event, or 0 when it finds none
(``predicted_first``); ``accuracy_any`` counts a sentence right when any of its events has the gold
label (or none was made for a 0). Reported: macro-F1 over the five labels and over the four quad
classes 1-4, per-label precision and recall, and the confusion matrix.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kroniek.errors import KroniekError

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "benchmarks" / "results" / "peers.json"
DEFAULT_NAMES = {"plover_gsr": "PLOVER_GSR_CAMEO.txt", "cameo_quad": "conflibert_cameo_class_test.tsv"}
SOURCES = {
    "plover_gsr": {
        "repository": "https://github.com/openeventdata/PLOVER",
        "path": "PLOVER_GSR_CAMEO.txt",
        "commit": "14cb0b6fd986f95c014acada073fcb103deb8bf8",
    },
    "cameo_quad": {
        "repository": "https://github.com/eventdata/ConfliBERT",
        "path": "data/cameo_class/test.tsv",
        "commit": "418eed00e191fc98dec3c76d74fbe61b2671efa8",
    },
}

LABEL_NAMES = {
    0: "statement/appeal",
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
PLOVER_TO_LABEL = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "COOPERATE": 2,
    "AID": 2,
    "CONCEDE": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "SANCTION": 3,
    "PROTEST": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}
NO_EVENT_LABEL = 0
# actor codes in the GSR that name a kind of group, not a country
GROUP_CODES = frozenset({"IGO", "NGO", "IMG", "MNC", "UNK", "REB", "INS", "OPP", "GOV", "MIL", "REF", "CVL"})
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
# an editor's mark after a field ('"id": "...", ####'), outside any string
_LINE_MARK = re.compile(r'(",)[ \t]*#+[^"\n]*$', re.MULTILINE)
# the GSR (PLOVER 0.5b1) still uses some earlier category names; today's names by the PLOVER manual
OLD_GSR_TYPES = {"DIPLOMACY": "SUPPORT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT"}


class PeerDataError(KroniekError):
    """A peer suite file that is absent (E315) or cannot be read (E316)."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(code, detail=detail)


@dataclass
class GsrRecord:
    id: str
    text: str
    event: str
    mode: str = ""
    date: str | None = None
    source_codes: list[str] = field(default_factory=list)
    target_codes: list[str] = field(default_factory=list)


@dataclass
class LabelledSentence:
    text: str
    label: int


@dataclass
class SentenceEvents:
    """What kroniek made of one sentence: its events in text order, as (type, mode, actor countries,
    recipient countries)."""

    events: list[tuple[str, str, set[str], set[str]]]

    @property
    def types(self) -> list[str]:
        return [event[0] for event in self.events]


def _actor_codes(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []
    return [str(actor.get("code", "")).strip().upper() for actor in value if isinstance(actor, dict)]


def _clean_text(text: str) -> str:
    # some GSR sentences are wrapped in braces, a leftover of the CAMEO manual's markup
    text = text.strip()
    if text.startswith("{") and text.endswith("}"):
        text = text[1:-1].strip()
    return text


def _has_actor_text(value: Any) -> bool:
    return isinstance(value, list) and any(isinstance(a, dict) and str(a.get("actorText") or "").strip() for a in value)


def parse_plover_gsr(raw: str) -> list[GsrRecord]:
    """The records of the GSR file: a JSON list written loosely (no enclosing brackets, trailing commas
    after the last field and after each record, an editor's '####' after a field). Skipped: records
    without text or event, placeholders whose source actor has no text ("NEED EXAMPLE."), and repeats
    of a record already read (same text and event). Old category names become today's (OLD_GSR_TYPES)."""
    body = raw.strip().rstrip(",")
    if not body.startswith("["):
        body = "[" + body + "]"
    body = _TRAILING_COMMA.sub(r"\1", _LINE_MARK.sub(r"\1", body))
    try:
        items = json.loads(body)
    except json.JSONDecodeError as exc:
        raise PeerDataError("E316", f"line {exc.lineno}: {exc.msg}") from exc
    records: list[GsrRecord] = []
    seen: set[tuple[str, str]] = set()
    for item in items:
        if not isinstance(item, dict):
            continue
        text = _clean_text(str(item.get("text") or ""))
        event = str(item.get("event") or "").strip().upper()
        event = OLD_GSR_TYPES.get(event, event)
        if not text or not event or not _has_actor_text(item.get("source")) or (text, event) in seen:
            continue
        seen.add((text, event))
        date = str(item.get("date") or "").strip() or None
        records.append(
            GsrRecord(
                id=str(item.get("id") or f"record-{len(records) + 1}"),
                text=text,
                event=event,
                mode=str(item.get("mode") or "").strip().lower(),
                date=date if date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else None,
                source_codes=_actor_codes(item.get("source")),
                target_codes=_actor_codes(item.get("target")),
            )
        )
    return records


def parse_cameo_quad(raw: str) -> list[LabelledSentence]:
    """``sentence<TAB>label`` lines; a label that is not 0-4 is an error (E316), blank lines are skipped."""
    sentences = []
    for number, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        text, _, label = line.rpartition("\t")
        if not text.strip() or label.strip() not in {"0", "1", "2", "3", "4"}:
            raise PeerDataError("E316", f"line {number}: expected 'sentence<TAB>label 0-4', got {line[:60]!r}")
        sentences.append(LabelledSentence(text=text.strip(), label=int(label)))
    return sentences


def predicted_label(types: list[str]) -> int:
    """The CAMEO-class label of a sentence from kroniek's event types in text order: the first event's,
    0 (statement) when there is none or none has a mapped type."""
    for event_type in types:
        if event_type in PLOVER_TO_LABEL:
            return PLOVER_TO_LABEL[event_type]
    return NO_EVENT_LABEL


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _country_share(gold: list[str], predicted: set[str] | None) -> tuple[int, int]:
    # "---" marks an uncoded actor in the GSR; group codes (IGO, ...) name no country
    countries = [code for code in gold if re.fullmatch(r"[A-Z]{3}", code) and code not in GROUP_CODES]
    if not countries:
        return 0, 0
    found = sum(1 for code in countries if predicted and code in predicted)
    return found, len(countries)


def score_plover_gsr(records: list[GsrRecord], results: list[SentenceEvents]) -> dict[str, Any]:
    """Top-type, no-event, mode and actor-country agreement of kroniek's events against the GSR."""
    first = anywhere = none = 0
    mode_right = mode_total = 0
    source_found = source_total = target_found = target_total = 0
    confusion: Counter[str] = Counter()
    per_type: dict[str, Counter[str]] = {}
    for record, result in zip(records, results, strict=True):
        counts = per_type.setdefault(record.event, Counter())
        counts["sentences"] += 1
        types = result.types
        if not types:
            none += 1
        if types and types[0] == record.event:
            first += 1
            counts["first"] += 1
        else:
            confusion[f"{record.event} -> {types[0] if types else '(none)'}"] += 1
        match = next((event for event in result.events if event[0] == record.event), None)
        if match is not None:
            anywhere += 1
            counts["any"] += 1
            if record.mode:
                mode_total += 1
                mode_right += int((match[1] or "") == record.mode)
        found, total = _country_share(record.source_codes, match[2] if match else None)
        source_found, source_total = source_found + found, source_total + total
        found, total = _country_share(record.target_codes, match[3] if match else None)
        target_found, target_total = target_found + found, target_total + total
    n = len(records)
    return {
        "sentences": n,
        "top_type_any": _ratio(anywhere, n),
        "top_type_first": _ratio(first, n),
        "no_event": _ratio(none, n),
        "mode": {"accuracy": _ratio(mode_right, mode_total), "records": mode_total},
        "actor_country": {
            "source": _ratio(source_found, source_total),
            "source_actors": source_total,
            "target": _ratio(target_found, target_total),
            "target_actors": target_total,
        },
        "per_type": {
            event_type: {
                "sentences": c["sentences"],
                "any": _ratio(c["any"], c["sentences"]),
                "first": _ratio(c["first"], c["sentences"]),
            }
            for event_type, c in sorted(per_type.items())
        },
        "most_common_confusions": confusion.most_common(20),
    }


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score_cameo_quad(gold: list[int], predicted: list[int], any_right: list[bool]) -> dict[str, Any]:
    """Macro-F1 (five labels, and the four quad classes 1-4), per-label P/R/F1 and the confusion matrix."""
    per_label = {}
    f1s = {}
    for label in sorted(LABEL_NAMES):
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == label)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if p == label and g != label)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p != label)
        precision, recall, f1 = _prf(tp, fp, fn)
        f1s[label] = f1
        per_label[str(label)] = {
            "name": LABEL_NAMES[label],
            "gold": tp + fn,
            "predicted": tp + fp,
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
        }
    n = len(gold)
    confusion = Counter(f"{g}->{p}" for g, p in zip(gold, predicted, strict=True))
    return {
        "sentences": n,
        "macro_f1": round(sum(f1s.values()) / len(f1s), 3),
        "macro_f1_quad": round(sum(f1s[label] for label in (1, 2, 3, 4)) / 4, 3),
        "accuracy_first": _ratio(sum(1 for g, p in zip(gold, predicted, strict=True) if g == p), n),
        "accuracy_any": _ratio(sum(any_right), n),
        "per_label": per_label,
        "confusion_gold_to_predicted": dict(sorted(confusion.items())),
    }


def _countries(ids: Iterable[str], country_of: dict[str, str | None]) -> set[str]:
    return {country for actor_id in ids if (country := country_of.get(actor_id))}


def sentence_events(extract: Callable[..., Any], text: str, published: str | None) -> SentenceEvents:
    """kroniek's events of one sentence, in the order of their triggers (else their evidence)."""
    chronicle = extract(text, published=published, lang="en")
    country_of = {actor.id: actor.country for actor in chronicle.actors}

    def position(event: Any) -> int:
        trigger = event.trigger[0] if isinstance(event.trigger, list) else event.trigger
        return int(trigger.start if trigger is not None else event.evidence.start)

    ordered = sorted(chronicle.events, key=position)
    return SentenceEvents(
        [
            (
                str(event.event),
                str(event.mode or ""),
                _countries(event.actor, country_of),
                _countries(event.recipient, country_of),
            )
            for event in ordered
        ]
    )


def run_plover_gsr(extract: Callable[..., Any], records: list[GsrRecord]) -> dict[str, Any]:
    results = [sentence_events(extract, record.text, record.date) for record in records]
    return score_plover_gsr(records, results)


def run_cameo_quad(extract: Callable[..., Any], sentences: list[LabelledSentence]) -> dict[str, Any]:
    predicted = []
    any_right = []
    for sentence in sentences:
        types = sentence_events(extract, sentence.text, None).types
        predicted.append(predicted_label(types))
        labels = {PLOVER_TO_LABEL[t] for t in types if t in PLOVER_TO_LABEL} or {NO_EVENT_LABEL}
        any_right.append(sentence.label in labels)
    return score_cameo_quad([s.label for s in sentences], predicted, any_right)


def resolve_paths(plover_gsr: Path | None, cameo_quad: Path | None) -> dict[str, Path | None]:
    """The files to run: those given, else those under $KRONIEK_PEER_DATA by their default names; a path
    that was given but does not exist is an error (E315), a default that is absent is skipped (None)."""
    folder = os.environ.get("KRONIEK_PEER_DATA")
    paths: dict[str, Path | None] = {}
    for key, given in (("plover_gsr", plover_gsr), ("cameo_quad", cameo_quad)):
        if given is not None:
            if not given.is_file():
                raise PeerDataError("E315", f"no such file: {given} (option --{key.replace('_', '-')})")
            paths[key] = given
        elif folder and (Path(folder) / DEFAULT_NAMES[key]).is_file():
            paths[key] = Path(folder) / DEFAULT_NAMES[key]
        else:
            paths[key] = None
    if not any(paths.values()):
        raise PeerDataError(
            "E315",
            "no peer suite files: give --plover-gsr PATH and/or --cameo-quad PATH, or set KRONIEK_PEER_DATA to a "
            f"folder holding {DEFAULT_NAMES['plover_gsr']} and {DEFAULT_NAMES['cameo_quad']}",
        )
    return paths


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PeerDataError("E316", f"cannot read {path}: {exc}") from exc


def markdown_table(result: dict[str, Any]) -> str:
    lines = ["| suite | measure | value |", "| --- | --- | --- |"]
    gsr = result.get("plover_gsr")
    if gsr:
        lines += [
            f"| PLOVER GSR ({gsr['sentences']}) | top type, any event | {gsr['top_type_any']} |",
            f"| | top type, first event | {gsr['top_type_first']} |",
            f"| | no event | {gsr['no_event']} |",
            f"| | mode ({gsr['mode']['records']} records) | {gsr['mode']['accuracy']} |",
            f"| | source country ({gsr['actor_country']['source_actors']}) | {gsr['actor_country']['source']} |",
            f"| | target country ({gsr['actor_country']['target_actors']}) | {gsr['actor_country']['target']} |",
        ]
    quad = result.get("cameo_quad")
    if quad:
        lines += [
            f"| ConfliBERT CAMEO class ({quad['sentences']}) | macro-F1, 5 labels | {quad['macro_f1']} |",
            f"| | macro-F1, quad classes 1-4 | {quad['macro_f1_quad']} |",
            f"| | accuracy, first event | {quad['accuracy_first']} |",
            f"| | accuracy, any event | {quad['accuracy_any']} |",
        ]
        for label, row in quad["per_label"].items():
            lines.append(f"| | {label} {row['name']}: P / R | {row['precision']} / {row['recall']} |")
    return "\n".join(lines) + "\n"


def run(paths: dict[str, Path | None], config: Path | None = None) -> dict[str, Any]:
    from kroniek.extractor import Extractor

    extract = Extractor(config_path=config).extract
    result: dict[str, Any] = {"sources": {}}
    started = time.perf_counter()
    gsr_path = paths.get("plover_gsr")
    if gsr_path is not None:
        result["plover_gsr"] = run_plover_gsr(extract, parse_plover_gsr(read_text(gsr_path)))
        result["sources"]["plover_gsr"] = SOURCES["plover_gsr"]
    quad_path = paths.get("cameo_quad")
    if quad_path is not None:
        result["cameo_quad"] = run_cameo_quad(extract, parse_cameo_quad(read_text(quad_path)))
        result["sources"]["cameo_quad"] = SOURCES["cameo_quad"]
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plover-gsr", type=Path, default=None, help="PLOVER_GSR_CAMEO.txt")
    parser.add_argument("--cameo-quad", type=Path, default=None, help="ConfliBERT data/cameo_class/test.tsv")
    parser.add_argument("--config", type=Path, default=None, help="pipeline configuration (TOML)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    try:
        paths = resolve_paths(args.plover_gsr, args.cameo_quad)
        for key, path in paths.items():
            if path is None:
                print(f"{key}: no file given, skipped", file=sys.stderr)
        result = run(paths, args.config)
    except PeerDataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    table = markdown_table(result)
    args.out.with_suffix(".md").write_text(table, encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
