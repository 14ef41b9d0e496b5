"""Why each event is there: the lexicon entry, the argument rule and the cues behind every field.

``explain_events(doc)`` turns the ``explain`` records the events stage leaves on each EventRecord into
plain dictionaries (JSON-ready), with actor names instead of indices; ``kroniek explain`` prints them.
"""

from __future__ import annotations

from typing import Any

from kroniek.document import ArticleDoc, CharSpan

# CAMEO root codes per PLOVER type (CAMEO2PLOVER mapping, ../shared/data/plover): a rough pointer
# for users of CAMEO-coded data, not part of the chronicle format.
CAMEO_ROOT = {
    "AGREE": "03",
    "CONSULT": "04",
    "SUPPORT": "05",
    "CONCEDE": "08",
    "COOPERATE": "06",
    "AID": "07",
    "RETREAT": "08",
    "REQUEST": "02",
    "ACCUSE": "11",
    "REJECT": "12",
    "THREATEN": "13",
    "PROTEST": "14",
    "SANCTION": "16",
    "MOBILIZE": "15",
    "COERCE": "17",
    "ASSAULT": "18",
}


def _text(doc: ArticleDoc, span: CharSpan) -> str:
    return doc.text[span.start : span.end]


def explain_events(doc: ArticleDoc) -> list[dict[str, Any]]:
    """One dictionary per event, in text order: what was coded and which rule produced each part."""
    names = [a.name for a in doc.actors]
    out: list[dict[str, Any]] = []
    for n, ev in enumerate(sorted(doc.events, key=lambda e: (e.evidence.start, e.evidence.end)), start=1):
        record: dict[str, Any] = {
            "id": f"e{n}",
            "event": ev.event,
            "mode": ev.mode,
            "cameo_root": CAMEO_ROOT.get(ev.event),
            "trigger": " … ".join(_text(doc, t) for t in ev.trigger),
            "actor": [names[i] for i in ev.actor],
            "recipient": [names[i] for i in ev.recipient],
            "modality": ev.modality,
            "confidence": round(ev.confidence, 3),
            "evidence": _text(doc, ev.evidence),
        }
        if ev.proposition is not None:
            p = ev.proposition
            record["proposition"] = {"event": p.event, "mode": p.mode, "text": p.text, "duration": p.duration}
        if ev.date is not None:
            record["date"] = f"{_text(doc, CharSpan(ev.date.start, ev.date.end))} = {ev.date.value}"
        if ev.duration:
            record["duration"] = ev.duration
        if ev.location is not None:
            record["location"] = ev.location.name
        if ev.source is not None:
            record["source"] = names[ev.source]
        if ev.quantities:
            record["quantities"] = [f"{q.value:g} {q.what}" for q in ev.quantities]
        record["why"] = dict(ev.explain)
        out.append(record)
    return out


def format_explanation(records: list[dict[str, Any]]) -> str:
    """Plain-text rendering, one block per event."""
    lines: list[str] = []
    for r in records:
        head = f"{r['id']}  {r['event']}" + (f"/{r['mode']}" if r["mode"] else "")
        head += f"  {r['modality']}  trigger «{r['trigger']}»  confidence {r['confidence']}"
        lines.append(head)
        who = ", ".join(r["actor"]) or "?"
        if r["recipient"]:
            who += " → " + ", ".join(r["recipient"])
        lines.append(f"    who:      {who}")
        if "proposition" in r:
            p = r["proposition"]
            lines.append(
                f"    proposes: {p['event']}"
                + (f"/{p['mode']}" if p["mode"] else "")
                + f" «{p['text']}»"
                + (f" {p['duration']}" if p["duration"] else "")
            )
        for key in ("date", "duration", "location", "source", "quantities"):
            if key in r:
                lines.append(f"    {key + ':':<9} {r[key]}")
        why = r["why"]
        lines.append(f"    entry:    {why.get('entry')} (matched «{why.get('matched')}» by {why.get('how')})")
        lines.append(f"    rule:     {why.get('arguments')}  {' | '.join(why.get('path', []))}")
        extra = {k: v for k, v in why.items() if k not in ("entry", "matched", "how", "arguments", "path")}
        for key, value in extra.items():
            lines.append(f"    {key + ':':<9} {value}")
        lines.append(f"    evidence: {r['evidence']}")
        lines.append("")
    return "\n".join(lines)
