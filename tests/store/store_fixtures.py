"""Chronicles for the store tests, built with the chronicle models from sentences written for the tests."""

from __future__ import annotations

from typing import Any

from kroniek.chronicle.models import Chronicle


def _span(text: str, piece: str, occurrence: int = 1) -> dict[str, Any]:
    start = -1
    for _ in range(occurrence):
        start = text.index(piece, start + 1)
    return {"text": piece, "start": start, "end": start + len(piece)}


def sentence_with(text: str, piece: str) -> str:
    """The sentence of ``text`` that holds ``piece`` (split on . ! ? and line breaks)."""
    at = text.index(piece)
    start = max(text.rfind(c, 0, at) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, at) for c in ".!?\n") if i != -1]
    end = min(ends) + 1 if ends else len(text)
    return text[start:end].strip()


def make_chronicle(
    article_id: str,
    text: str,
    lang: str,
    published: str | None,
    actors: list[dict[str, Any]],
    events: list[dict[str, Any]],
    source: str | None = None,
    url: str | None = None,
) -> Chronicle:
    """A validated chronicle; spans are given by their text and found in ``text``."""
    actor_list = []
    for a in actors:
        actor_list.append(
            {
                "id": a["id"],
                "name": a["name"],
                "kind": a.get("kind", "person"),
                "country": a.get("country"),
                "sector": a.get("sector"),
                "wikidata": a.get("wikidata"),
                "mentions": [_span(text, m) for m in a.get("mentions", [])],
            }
        )
    event_list = []
    for n, e in enumerate(events, start=1):
        ev: dict[str, Any] = {
            "id": e.get("id", f"e{n}"),
            "event": e["event"],
            "mode": e.get("mode"),
            "actor": e.get("actor", []),
            "recipient": e.get("recipient", []),
            "modality": e.get("modality", "asserted"),
            "proposition": e.get("proposition"),
            "evidence": _span(text, e["evidence"]),
            "source": e.get("source"),
            "location": e.get("location"),
        }
        if e.get("trigger"):
            ev["trigger"] = _span(text, e["trigger"])
        if e.get("date"):
            value, piece, *occurrence = e["date"]  # (value, text) or (value, text, occurrence)
            span = _span(text, piece, *occurrence)
            ev["date"] = {"value": value, "precision": e.get("precision", "day"), **span}
        ev["quantities"] = [{"value": v, "what": w, **_span(text, piece)} for v, w, piece in e.get("quantities", [])]
        event_list.append(ev)
    return Chronicle.model_validate(
        {
            "article": {
                "id": article_id,
                "url": url,
                "source": source,
                "published": published,
                "language": lang,
                "text": text,
            },
            "actors": actor_list,
            "events": event_list,
        }
    )


PUTIN = {
    "id": "p",
    "name": "Vladimir Putin",
    "kind": "person",
    "country": "RUS",
    "sector": "GOV",
    "wikidata": "Q7747",
}
TRUMP = {
    "id": "t",
    "name": "Donald Trump",
    "kind": "person",
    "country": "USA",
    "sector": "GOV",
    "wikidata": "Q22686",
}
RUSSIA = {"id": "ru", "name": "Russia", "kind": "state", "country": "RUS", "sector": "GOV"}
UKRAINE = {"id": "ua", "name": "Ukraine", "kind": "state", "country": "UKR", "sector": "GOV"}


def with_mentions(actor: dict[str, Any], *mentions: str) -> dict[str, Any]:
    return {**actor, "mentions": list(mentions)}
