"""Annotators' tool for the corpus (docs/annotation.md): read a source text, pack a work file as stand-off gold.

    python tools/corpus.py text conll2002:ned.train:5           # the exact text to annotate
    python tools/corpus.py pack corpus/work/A1/nl-c0005.gold.json  # check it, write corpus/gold/nl-c0005.gold.json

A work file is a gold chronicle (../shared/spec/event-format.md, "Gold chronicles") whose spans may be given by
their text alone, with a top-level ``corpus`` block: ``{"source": REF, "origin": "real"|"written",
"annotator": NAME, "phenomena": [...]}`` and no ``article.text`` (or the text, which must equal the source's).
``pack`` reads the text from its source, resolves every span to offsets with the scorer's own rules, validates the
chronicle, and writes the stand-off file: no article text, the text's SHA-256, offsets on every span, and the
split (train/dev/test by a hash of the document id, so nobody chooses where a document goes).
``pack --into corpus/agreement/NAME`` writes a second annotator's version beside the first instead.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from kroniek.errors import KroniekError
from kroniek.evaluation.corpus import conventions, dev_gold_texts, near_copies
from kroniek.evaluation.gold import gold_files, parse_gold, read_gold
from kroniek.evaluation.sources import read_source, text_sha256

ROOT = Path(__file__).resolve().parents[1]
SPLIT_SHARES = (("train", 70), ("dev", 15), ("test", 15))


def split_of(doc_id: str) -> str:
    """train / dev / test from the document id alone (70/15/15), stable across machines."""
    bucket = int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest(), 16) % 100
    for name, share in SPLIT_SHARES:
        if bucket < share:
            return name
        bucket -= share
    return "train"


def _span(span: dict) -> dict:
    return {"text": span["text"], "start": span["start"], "end": span["end"]}


EVENT_DEFAULTS = {
    "mode": None,
    "context": [],
    "recipient": [],
    "modality": "asserted",
    "proposition": None,
    "date": None,
    "duration": None,
    "location": None,
    "quantities": [],
    "source": None,
    "confidence": 1.0,
}
ACTOR_DEFAULTS = {"country": None, "sector": None, "wikidata": None}


def with_defaults(data: dict) -> dict:
    """Fill the fields an annotator may leave out (docs/annotation.md, "Work files")."""
    data.setdefault("format", "chronicle/1")
    for key in ("url", "source", "title", "published"):
        data["article"].setdefault(key, None)
    for i, actor in enumerate(data.get("actors", [])):
        for key, value in ACTOR_DEFAULTS.items():
            actor.setdefault(key, value)
        actor["mentions"] = [{"text": m} if isinstance(m, str) else m for m in actor.get("mentions", [])]
        actor.setdefault("id", f"a{i + 1}")
    for i, event in enumerate(data.get("events", [])):
        event.setdefault("id", f"e{i + 1}")
        for key, value in EVENT_DEFAULTS.items():
            event.setdefault(key, json.loads(json.dumps(value)))
        for key in ("trigger", "evidence", "date"):
            if isinstance(event.get(key), str):
                event[key] = {"text": event[key]}
        if isinstance(event.get("date"), dict) and "value" not in event["date"]:
            raise SystemExit(f"event {event['id']}: a date needs value and precision")
    for key in ("statements", "timexes"):
        data.setdefault(key, [])
    return data


def pack(work: dict, doc_id: str) -> dict:
    corpus = dict(work.get("corpus") or {})
    if "source" not in corpus:
        raise SystemExit(f"{doc_id}: the work file needs corpus.source")
    text = read_source(corpus["source"])
    given = work["article"].get("text")
    if given and given != text:
        raise SystemExit(f"{doc_id}: article.text differs from the text of {corpus['source']}")
    data = with_defaults(json.loads(json.dumps(work)))
    data["article"]["text"] = text
    data["article"]["id"] = doc_id
    data.pop("corpus", None)
    gold = parse_gold(data, doc_id)  # raises E180 with every unplaced span
    broken = conventions(gold)  # the checks of `kroniek gold check` (docs/annotation.md)
    if broken:
        raise SystemExit(f"{doc_id}: " + "; ".join(broken))
    chronicle = gold.chronicle.model_dump(mode="json")
    chronicle["article"].pop("text")
    for event in chronicle["events"]:
        extra = gold.extras_of(event["id"])
        if extra.optional:
            event["optional"] = True
        if extra.alternatives:
            event["alternatives"] = list(extra.alternatives)
        if extra.phenomena:
            event["phenomena"] = list(extra.phenomena)
    corpus["sha256"] = text_sha256(text)
    corpus["split"] = split_of(doc_id)
    corpus.setdefault("origin", "real")
    corpus.setdefault("phenomena", [])
    out = {"format": chronicle.pop("format", "chronicle/1"), "corpus": corpus}
    out.update(chronicle)
    return out


_REFERENCES: dict[str, str] = {}


def refuse_near_copy(doc_id: str, text: str) -> None:
    """Stop when the text repeats a corpus document or a dev gold set article (see `kroniek gold check`)."""
    if not _REFERENCES:
        _REFERENCES.update(dev_gold_texts())
        for gold in map(read_gold, gold_files([ROOT / "corpus" / "gold"])):
            _REFERENCES[gold.key] = gold.chronicle.article.text
    others = {key: text for key, text in _REFERENCES.items() if key != doc_id}
    for _, twin in near_copies({doc_id: text}, others):
        raise SystemExit(
            f"{doc_id}: the text is a near-copy of {twin}; a document is annotated once (docs/annotation.md)"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p_text = sub.add_parser("text", help="print the text of a source reference")
    p_text.add_argument("reference")
    p_pack = sub.add_parser("pack", help="check work files and write them as stand-off gold")
    p_pack.add_argument("files", nargs="+", type=Path)
    p_pack.add_argument("--into", type=Path, default=ROOT / "corpus" / "gold")
    args = parser.parse_args(argv)
    if args.command == "text":
        sys.stdout.write(read_source(args.reference))
        return 0
    failed = 0
    args.into.mkdir(parents=True, exist_ok=True)
    into_corpus = args.into.resolve() == (ROOT / "corpus" / "gold").resolve()
    for path in args.files:
        doc_id = path.name.removesuffix(".gold.json")
        try:
            packed = pack(json.loads(path.read_text(encoding="utf-8")), doc_id)
            if into_corpus:  # a second annotation (--into corpus/agreement/NAME) repeats its text on purpose
                refuse_near_copy(doc_id, read_source(packed["corpus"]["source"]))
        except (KroniekError, json.JSONDecodeError, KeyError, SystemExit) as exc:
            print(f"FAIL {path}: {exc}", file=sys.stderr)
            failed += 1
            continue
        target = args.into / f"{doc_id}.gold.json"
        target.write_text(json.dumps(packed, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(
            f"ok {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}: {len(packed['events'])} events"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
