"""From the annotated document to the chronicle: local ids, spans with their text, models validated."""

from __future__ import annotations

import re

from kroniek.chronicle.models import (
    Actor,
    Chronicle,
    DateRef,
    Event,
    Location,
    Proposition,
    Quantity,
    Span,
    Statement,
    Timex,
)
from kroniek.document import ArticleDoc, CharSpan, TimexRecord

# A day of a named month without a year ("on 6 December" in an article without a publication date) is the
# TIMEX3 value the annotators write too (XXXX-12-06); other unanchored values ("XXXX-WXX-2") are guesses
# the chronicle leaves out.
_YEARLESS_DAY = re.compile(r"^XXXX-\d{2}-\d{2}$")


def _chronicle_date(timex: TimexRecord | None) -> bool:
    return timex is not None and (timex.anchored or bool(_YEARLESS_DAY.match(timex.value)))


def _span(doc: ArticleDoc, span: CharSpan) -> Span:
    return Span(text=doc.text[span.start : span.end], start=span.start, end=span.end)


def _described_group(key: str) -> bool:
    """A group or police force the actors stage made from a collective noun (kroniek.actors.finders)."""
    return key.startswith(("group:", "police:"))


def to_chronicle(doc: ArticleDoc) -> Chronicle:
    text = doc.text
    # Actors that are mentioned, numbered in order of first mention; events may also name an actor
    # that the article only implies (no mention), so those are kept too.
    used: set[int] = set()
    for ev in doc.events:
        used.update(ev.actor)
        used.update(ev.recipient)
        if ev.source is not None:
            used.add(ev.source)
    for st in doc.statements:
        if st.speaker is not None:
            used.add(st.speaker)
    # A group described, not named ("the protesters", "Greek farmers", "the police": keys group:, police:)
    # is listed only when it takes part in an event or speaks: a chronicle lists who acted.
    order = [i for i, a in enumerate(doc.actors) if (a.mentions and not _described_group(a.key)) or i in used]
    order.sort(key=lambda i: min((m.start for m in doc.actors[i].mentions), default=len(text)))
    local = {index: f"a{n}" for n, index in enumerate(order, start=1)}

    actors = []
    for index in order:
        rec = doc.actors[index]
        mentions = sorted({(m.start, m.end) for m in rec.mentions})
        actors.append(
            Actor(
                id=local[index],
                name=rec.name,
                kind=rec.kind,
                country=rec.country,
                sector=rec.sector,
                wikidata=rec.wikidata,
                mentions=[Span(text=text[s:e], start=s, end=e) for s, e in mentions],
            )
        )

    events = []
    for n, ev in enumerate(sorted(doc.events, key=lambda e: (e.evidence.start, e.evidence.end)), start=1):
        triggers = [_span(doc, t) for t in ev.trigger]
        events.append(
            Event(
                id=f"e{n}",
                event=ev.event,
                mode=ev.mode,
                context=list(ev.context),
                actor=[local[i] for i in _unique(ev.actor) if i in local],
                recipient=[local[i] for i in _unique(ev.recipient) if i in local and i not in ev.actor],
                modality=ev.modality,
                proposition=(
                    Proposition(
                        event=ev.proposition.event,
                        mode=ev.proposition.mode,
                        text=ev.proposition.text,
                        duration=ev.proposition.duration,
                    )
                    if ev.proposition
                    else None
                ),
                date=(
                    DateRef(
                        value=ev.date.value,
                        precision=ev.date.precision,
                        text=text[ev.date.start : ev.date.end],
                        start=ev.date.start,
                        end=ev.date.end,
                    )
                    if ev.date and _chronicle_date(ev.date)
                    else None
                ),
                duration=ev.duration,
                location=(
                    Location(
                        name=ev.location.name,
                        country=ev.location.country,
                        geonames_id=ev.location.geonames_id,
                        lat=ev.location.lat,
                        lon=ev.location.lon,
                    )
                    if ev.location
                    else None
                ),
                quantities=[
                    Quantity(value=q.value, what=q.what, text=text[q.start : q.end], start=q.start, end=q.end)
                    for q in ev.quantities
                ],
                source=local.get(ev.source) if ev.source is not None else None,
                trigger=(triggers[0] if len(triggers) == 1 else triggers) if triggers else None,
                evidence=_span(doc, ev.evidence),
                confidence=round(ev.confidence, 3),
            )
        )

    statements = [
        Statement(
            speaker=local.get(st.speaker) if st.speaker is not None else None,
            text=_span(doc, st.text),
            direct=st.direct,
            cue=_span(doc, st.cue) if st.cue else None,
            channel=st.channel,
        )
        for st in sorted(doc.statements, key=lambda s: s.text.start)
    ]
    timexes = [
        Timex(text=text[t.start : t.end], start=t.start, end=t.end, type=t.type, value=t.value)
        for t in sorted(doc.timexes, key=lambda t: t.start)
    ]
    return Chronicle(article=doc.article, actors=actors, events=events, statements=statements, timexes=timexes)


def _unique(items: list[int]) -> list[int]:
    seen: set[int] = set()
    out = []
    for i in items:
        if i not in seen:
            seen.add(i)
            out.append(i)
    return out
