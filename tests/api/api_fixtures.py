"""Chronicles for the API tests, built with the chronicle models from sentences written for these tests."""

from __future__ import annotations

from typing import Any

from kroniek.chronicle.models import Chronicle

NORWAY = {"id": "no", "name": "Norway", "kind": "state", "country": "NOR", "sector": "GOV"}
SWEDEN = {"id": "se", "name": "Sweden", "kind": "state", "country": "SWE", "sector": "GOV"}
MINISTER = {"id": "m", "name": "Ingrid Testdal", "kind": "person", "country": "NOR", "sector": "GOV"}

EN_TEXT = (
    "Norway promised Sweden on Monday to halt fishing in the disputed bay for sixty days. "
    "Swedish officials said 12 boats had already left the bay. "
    'Sweden accused Norway of sending <script>alert("x")</script> & other "tricks" to its coast guard.'
)
NL_TEXT = (
    "Noorwegen beloofde Zweden maandag het vissen in de betwiste baai zestig dagen te staken. "
    "Volgens Zweedse ambtenaren waren er al 15 boten vertrokken."
)
DE_TEXT = "Die Ministerin Ingrid Testdal will nächste Woche in Stockholm mit Schweden verhandeln."


def span(text: str, piece: str) -> dict[str, Any]:
    start = text.index(piece)
    return {"text": piece, "start": start, "end": start + len(piece)}


def sentence(text: str, opening: str) -> str:
    """The sentence of ``text`` that begins with ``opening`` (up to and including its full stop)."""
    start = text.index(opening)
    return text[start : text.index(". ", start) + 1] if ". " in text[start:] else text[start:]


def chronicle(
    article_id: str,
    text: str,
    lang: str,
    published: str,
    source: str,
    actors: list[dict[str, Any]],
    events: list[dict[str, Any]],
    url: str | None = None,
) -> Chronicle:
    def actor(a: dict[str, Any], mention: str) -> dict[str, Any]:
        return {**a, "wikidata": None, "mentions": [span(text, mention)]}

    event_list = []
    for n, e in enumerate(events, start=1):
        ev: dict[str, Any] = {
            "id": f"e{n}",
            "event": e["event"],
            "mode": e.get("mode"),
            "actor": e["actor"],
            "recipient": e.get("recipient", []),
            "modality": e.get("modality", "asserted"),
            "proposition": e.get("proposition"),
            "evidence": span(text, e["evidence"]),
            "quantities": [{"value": v, "what": w, **span(text, piece)} for v, w, piece in e.get("quantities", [])],
        }
        if "location" in e:
            ev["location"] = e["location"]
        if "date" in e:
            value, piece = e["date"]
            ev["date"] = {"value": value, "precision": "day", **span(text, piece)}
        event_list.append(ev)
    return Chronicle.model_validate(
        {
            "article": {
                "id": article_id,
                "url": url or f"https://{source.lower().replace(' ', '')}.example/{article_id}",
                "source": source,
                "title": f"Test article {article_id}",
                "published": published,
                "language": lang,
                "text": text,
            },
            "actors": [actor(a, mention) for a, mention in actors],
            "events": event_list,
        }
    )


PROMISE = {"event": "RETREAT", "mode": "ceasefire", "text": "halt fishing in the disputed bay", "duration": "P60D"}


def build_chronicles() -> list[Chronicle]:
    en = chronicle(
        "bay-en",
        EN_TEXT,
        "en",
        "2025-05-06",
        "Harbour Post",
        [(NORWAY, "Norway"), (SWEDEN, "Sweden")],
        [
            {
                "event": "AGREE",
                "actor": ["no"],
                "recipient": ["se"],
                "date": ("2025-05-05", "on Monday"),
                "evidence": sentence(EN_TEXT, "Norway promised"),
                "proposition": PROMISE,
            },
            {
                "event": "RETREAT",
                "actor": ["no"],
                "evidence": sentence(EN_TEXT, "Swedish officials"),
                "quantities": [(12, "boats", "12 boats")],
            },
            {
                "event": "ACCUSE",
                "actor": ["se"],
                "recipient": ["no"],
                "evidence": EN_TEXT[EN_TEXT.index("Sweden accused") :],
            },
        ],
    )
    nl = chronicle(
        "bay-nl",
        NL_TEXT,
        "nl",
        "2025-05-07",
        "Dagblad Proef",
        [(NORWAY, "Noorwegen"), (SWEDEN, "Zweden")],
        [
            {
                "event": "AGREE",
                "actor": ["no"],
                "recipient": ["se"],
                "date": ("2025-05-05", "maandag"),
                "evidence": sentence(NL_TEXT, "Noorwegen beloofde"),
                "proposition": PROMISE,
            },
        ],
    )
    de = chronicle(
        "talks-de",
        DE_TEXT,
        "de",
        "2025-05-20",
        "Testzeitung",
        [(MINISTER, "Ingrid Testdal"), (SWEDEN, "Schweden")],
        [
            {
                "event": "CONSULT",
                "mode": "visit",
                "actor": ["m"],
                "recipient": ["se"],
                "modality": "planned",
                "evidence": DE_TEXT,
                "location": {"name": "Stockholm", "country": "SWE", "lat": 59.33, "lon": 18.07},
            },
        ],
    )
    return [en, nl, de]
