"""Ingest: text, HTML, JSONL and standard input into articles; decoding and date parsing."""

from kroniek.ingest.decode import DecodedText, decode_bytes, parse_published
from kroniek.ingest.html import extract_html, looks_like_html
from kroniek.ingest.sources import ItemFailure, RawArticle, article_from_text, read_bytes, read_jsonl, read_path

__all__ = [
    "DecodedText",
    "ItemFailure",
    "RawArticle",
    "article_from_text",
    "decode_bytes",
    "extract_html",
    "looks_like_html",
    "parse_published",
    "read_bytes",
    "read_jsonl",
    "read_path",
]
