"""Long articles in bounded pieces: the pipeline runs on each piece, the chronicles are joined into one.

Several stages compare every mention with every other one in a document (places with person names,
events with the places before them ...), which is fine for a news article and quadratic for a text of
a million characters. An article longer than ``[input].chunk_chars`` is therefore cut into pieces at
the most natural boundary available (kroniek.nlp.chunks: paragraph, line, sentence end, whitespace),
each piece goes through the whole pipeline as an article of its own, and the pieces' chronicles are
joined: every span is moved by its piece's offset into the whole text, actors that are the same actor
(same Wikidata id, else same name, kind and country) become one actor with all their mentions, and ids
are numbered afresh. Extraction time and memory then grow linearly with the length of the text.

What is lost is context across a cut (a pronoun at the start of a piece whose antecedent is in the
previous one); at the default of 20,000 characters only unusually long texts are cut at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kroniek.chronicle.models import Article, Chronicle
from kroniek.document import ArticleDoc

DEFAULT_CHUNK_CHARS = 20_000


def piece_doc(doc: ArticleDoc, start: int, end: int) -> ArticleDoc:
    """The document of one piece of ``doc``'s text: the same article metadata, date and notes."""
    article = doc.article.model_copy(update={"text": doc.text[start:end]})
    return ArticleDoc(article=article, published=doc.published, notes=list(doc.notes))


def _shift(node: Any, offset: int) -> Any:
    """A dumped chronicle part with every span (a dict with integer start and end) moved by ``offset``."""
    if isinstance(node, dict):
        moved = {key: _shift(value, offset) for key, value in node.items()}
        if isinstance(node.get("start"), int) and isinstance(node.get("end"), int):
            moved["start"] = node["start"] + offset
            moved["end"] = node["end"] + offset
        return moved
    if isinstance(node, list):
        return [_shift(item, offset) for item in node]
    return node


def _actor_identity(actor: dict[str, Any]) -> tuple[Any, ...]:
    if actor.get("wikidata"):
        return ("wd", actor["wikidata"])
    return ("name", actor["name"], actor["kind"], actor.get("country"))


def _place(span: dict[str, Any]) -> tuple[int, int]:
    return span["start"], span["end"]


def merge_chronicles(article: Article, pieces: Iterable[tuple[int, Chronicle]]) -> Chronicle:
    """One chronicle of ``article`` from the chronicles of its pieces, each with its offset in the text."""
    actors: dict[tuple[Any, ...], dict[str, Any]] = {}
    events: list[dict[str, Any]] = []
    statements: list[dict[str, Any]] = []
    timexes: list[dict[str, Any]] = []
    for offset, part in pieces:
        local: dict[str, tuple[Any, ...]] = {}  # the piece's actor id -> the joined actor's identity
        for piece_actor in part.actors:
            actor = _shift(piece_actor.model_dump(), offset)
            identity = _actor_identity(actor)
            local[piece_actor.id] = identity
            if identity in actors:
                actors[identity]["mentions"].extend(actor["mentions"])
            else:
                actors[identity] = actor
        for piece_event in part.events:
            event = _shift(piece_event.model_dump(), offset)
            event["actor"] = [local[a] for a in event["actor"]]
            event["recipient"] = [local[a] for a in event["recipient"]]
            event["source"] = local[event["source"]] if event["source"] else None
            events.append(event)
        for piece_statement in part.statements:
            statement = _shift(piece_statement.model_dump(), offset)
            statement["speaker"] = local[statement["speaker"]] if statement["speaker"] else None
            statements.append(statement)
        timexes.extend(_shift(timex.model_dump(), offset) for timex in part.timexes)
    # ids as assemble gives them: actors by first mention (unmentioned ones last), events in text order
    end = len(article.text)
    ordered = sorted(actors.values(), key=lambda a: min((m["start"] for m in a["mentions"]), default=end))
    ids = {}
    for number, actor in enumerate(ordered, start=1):
        ids[_actor_identity(actor)] = actor["id"] = f"a{number}"
    for actor in ordered:  # two of a piece's actors may have joined into one: each mention once
        actor["mentions"] = sorted({(m["start"], m["end"]): m for m in actor["mentions"]}.values(), key=_place)
    for number, event in enumerate(events, start=1):
        event["id"] = f"e{number}"
        event["actor"] = list(dict.fromkeys(ids[a] for a in event["actor"]))
        event["recipient"] = list(dict.fromkeys(ids[a] for a in event["recipient"]))
        event["source"] = ids[event["source"]] if event["source"] else None
    for statement in statements:
        statement["speaker"] = ids[statement["speaker"]] if statement["speaker"] else None
    return Chronicle.model_validate(
        {
            "article": article.model_dump(),
            "actors": ordered,
            "events": events,
            "statements": statements,
            "timexes": timexes,
        }
    )
