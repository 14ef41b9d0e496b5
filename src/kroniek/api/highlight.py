"""Cutting an article's text into pieces so that the evidence of each event can be marked in the page.

Evidence spans may overlap (two events in one sentence) or nest; the text is cut at every span
boundary and each piece lists the events whose evidence covers it. The template escapes every piece:
the text and the evidence are untrusted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Piece:
    text: str
    events: tuple[str, ...]  # local event ids whose evidence covers this piece
    anchors: tuple[str, ...] = ()  # events whose evidence begins here (targets of the table's links)


def evidence_pieces(text: str, events: list[dict[str, Any]]) -> list[Piece]:
    """The text in pieces, each with the events whose ``evidence_start``..``evidence_end`` cover it.

    Spans outside the text (a stored chronicle that disagrees with its text) are clipped, not trusted.
    """
    spans = []
    for ev in events:
        start = max(0, min(len(text), int(ev.get("evidence_start") or 0)))
        end = max(start, min(len(text), int(ev.get("evidence_end") or 0)))
        if end > start:
            spans.append((start, end, str(ev.get("local_id") or ev.get("id"))))
    cuts = sorted({0, len(text), *(p for s, e, _ in spans for p in (s, e))})
    starts: dict[int, list[str]] = {}
    for start, _end, local in sorted(spans):
        if local not in starts.get(start, []):
            starts.setdefault(start, []).append(local)
    pieces = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        covering = tuple(local for s, e, local in spans if s <= left and right <= e)
        pieces.append(Piece(text[left:right], covering, tuple(starts.get(left, ()))))
    return pieces
