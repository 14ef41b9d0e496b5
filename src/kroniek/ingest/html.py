"""HTML ingest: the main text without boilerplate, with title and publication date from metadata."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kroniek.errors import InputError

_HTML_SNIFF = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[\s>])", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_SNIFF.match(text[:1024]))


@dataclass
class HtmlArticle:
    text: str
    title: str | None
    published: str | None
    url: str | None
    source: str | None


def extract_html(html: str, where: str = "input") -> HtmlArticle:
    import trafilatura  # imported here: it is only needed for HTML input

    try:
        result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_precision=True)
    except Exception as exc:  # broken markup: trafilatura raises on some malformed documents
        raise InputError("E005", where=f"{where} ({type(exc).__name__}: {exc})") from exc
    if result is None:
        raise InputError("E005", where=where)
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = (data.get("text") or "").strip()
    if len(text) < 20:
        raise InputError("E005", where=where)
    return HtmlArticle(
        text=text,
        title=data.get("title") or None,
        published=data.get("date") or None,
        url=data.get("url") or None,
        source=data.get("sitename") or data.get("hostname") or None,
    )
