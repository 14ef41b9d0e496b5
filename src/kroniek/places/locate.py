"""Choosing where an event took place, for the events stage.

``location_for(doc, evidence) -> PlaceMention | None``: the venue or city where the event in the
evidence span happened. Among the non-metonymic places in the evidence, one after a locative word
("in Genève", "at Baghdad International Airport", "à Saraqeb") wins, then a city or venue over a
region or country. The dateline ("Den Haag, 29 mei 2017", "KYIV -") and places used for their
governments ("Moskou eist") are never chosen, and a country named without a locative word is a
party, not a venue ("toegang tot Jemen"). When the evidence names no venue, the last place
after a locative word in the two sentences before it is used (a report often names the city once:
"Kaag is in Genève. Ze sprak er met ...").
"""

from __future__ import annotations

import re

from kroniek.document import ArticleDoc, CharSpan, PlaceMention
from kroniek.places.gazetteer import load_gazetteer

FEATURE_RANK = {"venue": 0, "city": 1, "region": 2, "sea": 3, "country": 4}
LOOKBACK_SENTENCES = 2
LOOKBACK_CITY_SENTENCES = 12


def is_locative(doc: ArticleDoc, place: PlaceMention) -> bool:
    """Is the place introduced by a locative word, possibly through describing words
    ("in de Saudische kuststad Jeddah", "at Baghdad", "à Saraqeb")?"""
    gaz = load_gazetteer()
    locatives = {w.lower() for w in gaz.extra.get("locative", {}).get(doc.lang, [])}
    descriptors = {w.lower() for w in gaz.extra.get("descriptors", {}).get("words", [])}
    stems = [stem for stem, _ in gaz.demonyms]
    words = re.findall(r"[\w'’-]+|[^\w\s]", doc.text[max(0, place.start - 80) : place.start])
    for word in reversed(words[-6:]):
        low = word.lower().replace("’", "'")
        if low in locatives:
            return True
        if low in descriptors or any(low.startswith(stem) for stem in stems):
            continue
        return False
    return False


def _dateline(doc: ArticleDoc, place: PlaceMention) -> bool:
    line_start = doc.text.rfind("\n", 0, place.start) + 1
    if doc.text[line_start : place.start].strip():
        return False
    after = doc.text[place.end : place.end + 40]
    return bool(re.match(r"\s*(?:\(\w+\)\s*)?(?:,|—|–|-|:)\s*(?:\d|\w+ \d|$)", after)) or place.start == 0


def location_for(doc: ArticleDoc, evidence: CharSpan) -> PlaceMention | None:
    """The place where the event in ``evidence`` happened, or None."""
    usable = [p for p in doc.places if not p.metonym and not _dateline(doc, p)]
    inside = [p for p in usable if evidence.start <= p.start and p.end <= evidence.end]
    located = [p for p in inside if is_locative(doc, p)]
    if located:
        return min(located, key=lambda p: (FEATURE_RANK.get(p.feature, 5), p.start))
    # A city, region or venue named without a preposition ("the Mariupol hospital attack",
    # "shelling of Donbass"); a country named that way is usually a party ("toegang tot Jemen").
    named = [p for p in inside if p.feature in ("city", "venue", "region")]
    if named:
        return min(named, key=lambda p: p.start)
    # A place carries over only within its paragraph: a new paragraph in news often moves to another
    # scene ("Jeddah" from a paragraph on the talks is not where last week's arms deliveries happened).
    paragraph_start = doc.text.rfind("\n\n", 0, evidence.start) + 1
    sentences = [
        s
        for s in doc.sentences
        if paragraph_start <= s.start and s.end <= evidence.start and doc.text[s.start : s.end].strip()
    ]
    if not sentences:
        return None
    # Cities and venues carry over further than countries: "Kaag is in Genève. ... Ze sprak met ..."
    for span_sentences, features in (
        (LOOKBACK_SENTENCES, ("city", "venue")),
        (LOOKBACK_CITY_SENTENCES, ("city", "venue")),
        (LOOKBACK_SENTENCES, ("region", "country", "sea")),
    ):
        window = CharSpan(sentences[-min(span_sentences, len(sentences))].start, evidence.start)
        before = [
            p
            for p in usable
            if window.start <= p.start and p.end <= window.end and p.feature in features and is_locative(doc, p)
        ]
        if before:
            return max(before, key=lambda p: p.start)
    return None
