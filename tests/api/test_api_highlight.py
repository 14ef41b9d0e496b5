"""Cutting a text at evidence boundaries, with overlapping and out-of-range spans."""

from __future__ import annotations

from kroniek.api.highlight import evidence_pieces

TEXT = "The mayor resigned. The council met and voted on Friday."


def span_of(piece: str, local_id: str) -> dict[str, object]:
    start = TEXT.index(piece)
    return {"local_id": local_id, "evidence_start": start, "evidence_end": start + len(piece)}


def test_pieces_rebuild_the_text_and_mark_overlaps() -> None:
    events = [
        span_of("The mayor resigned.", "e1"),
        span_of("The council met and voted on Friday.", "e2"),
        span_of("voted on Friday.", "e3"),
    ]
    pieces = evidence_pieces(TEXT, events)
    assert "".join(p.text for p in pieces) == TEXT
    by_text = {p.text: p for p in pieces}
    assert by_text["The mayor resigned."].events == ("e1",)
    assert by_text["The mayor resigned."].anchors == ("e1",)
    assert by_text[" "].events == ()
    assert by_text["The council met and "].events == ("e2",)
    assert by_text["voted on Friday."].events == ("e2", "e3")
    assert by_text["voted on Friday."].anchors == ("e3",)


def test_spans_outside_the_text_are_clipped() -> None:
    pieces = evidence_pieces(TEXT, [{"local_id": "e9", "evidence_start": 40, "evidence_end": 500}])
    assert "".join(p.text for p in pieces) == TEXT
    assert pieces[-1].events == ("e9",) and pieces[-1].text == TEXT[40:]
    assert evidence_pieces("", [{"local_id": "e1", "evidence_start": 0, "evidence_end": 3}]) == []
