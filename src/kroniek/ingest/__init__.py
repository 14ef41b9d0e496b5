"""Ingest: text, HTML, JSONL and standard input into articles; decoding and date parsing."""

from kroniek.ingest.dates import ArticleDate, parse_published, read_article_date
from kroniek.ingest.decode import DecodedText, decode_bytes
from kroniek.ingest.html import extract_html, looks_like_html
from kroniek.ingest.sources import ItemFailure, RawArticle, article_from_text, read_bytes, read_jsonl, read_path

__all__ = [
    "ArticleDate",
    "read_article_date",
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
