"""The Python API: ``kroniek.extract(text, published=..., lang=...)`` and the Extractor behind it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from kroniek.assemble import to_chronicle
from kroniek.chronicle.models import Article, Chronicle
from kroniek.document import ArticleDoc
from kroniek.errors import InputError, KroniekError
from kroniek.ingest import ItemFailure, RawArticle, article_from_text, parse_published
from kroniek.lang import SUPPORTED
from kroniek.lang.identify import check_supported, detect_language
from kroniek.longtext import DEFAULT_CHUNK_CHARS, merge_chronicles, piece_doc
from kroniek.nlp.chunks import text_chunks
from kroniek.pipeline import Pipeline, load_config
from kroniek.pipeline.budget import time_budget

# Publication dates outside these years are placeholders, not days an article was published on.
MIN_ANCHOR_YEAR, MAX_ANCHOR_YEAR = 1000, 9000

# Written for kroniek: a neutral sentence that every stage can process in any language.
PRELOAD_TEXT = "Kroniek 2025."


def _input_setting(config: dict[str, Any], key: str, default: float) -> float:
    """A number from the configuration's [input] table; anything else is E033 naming the setting."""
    value = config.get("input", {}).get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise KroniekError(
            "E033", where="the configuration", detail=f"[input].{key} must be a number >= 0, not {value!r}"
        )
    return value


class Extractor:
    """Holds one configured pipeline (and its loaded models) for many articles."""

    def __init__(
        self,
        config: dict[str, Any] | None = None,
        config_path: str | Path | None = None,
        nlp: str | None = None,
        event_model: str | None = None,
    ) -> None:
        self.config = config if config is not None else load_config(config_path)
        if event_model:  # "none", "shipped" or a folder written by `kroniek train` (docs/events.md)
            self.config.setdefault("stages", {}).setdefault("events.lexicon/v1", {})["event_model"] = event_model
        # [input].supported_languages may narrow the languages kroniek has folders for (kroniek/lang/<code>/)
        self.supported: list[str] = list(self.config["input"].get("supported_languages") or SUPPORTED)
        if nlp:
            self.config.setdefault("stages", {}).setdefault("nlp.spacy/v1", {})["models"] = {
                lang: nlp for lang in self.supported
            }
        self.max_chars: int = int(_input_setting(self.config, "max_chars", 2_000_000))
        # the time one article may take before it is stopped with E213: a fixed part plus a part that
        # grows with the text, so a long article is not cut short and a short runaway not left long
        self.time_budget_s: float = _input_setting(self.config, "time_budget_s", 0)
        self.time_budget_ms_per_char: float = _input_setting(self.config, "time_budget_ms_per_char", 0)
        # longer texts are extracted in pieces of at most this many characters (kroniek.longtext)
        self.chunk_chars: int = int(_input_setting(self.config, "chunk_chars", DEFAULT_CHUNK_CHARS))
        self._pipeline: Pipeline | None = None

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = Pipeline.from_config(self.config)
        return self._pipeline

    def prepare(self, raw: RawArticle, published: str | dt.date | None = None, lang: str | None = None) -> ArticleDoc:
        """Check the article (size, date, language) and make the document the stages annotate."""
        if not raw.text.strip():
            raise InputError("E001", where=raw.id)
        if len(raw.text) > self.max_chars:
            raise InputError("E004", size=len(raw.text), limit=self.max_chars)
        published_iso, published_date = parse_published(published if published is not None else raw.published)
        notes = list(raw.notes)
        if published_date is not None and not (MIN_ANCHOR_YEAR <= published_date.year <= MAX_ANCHOR_YEAR):
            # 0001-01-01 and 9999-12-31 are feeds' placeholders for "no date", not publication days;
            # relative dates counted from them would run off the calendar
            notes.append(f"publication date {published_iso} taken for a placeholder: left unknown")
            published_iso, published_date = None, None
        language = lang or raw.language
        if language:
            language = check_supported(language, self.supported)
        else:
            from kroniek.pipeline.datacache import load_language_identifier

            load_language_identifier()
            detected, prob = detect_language(raw.text, raw.id)
            language = check_supported(detected, self.supported)
            notes.append(f"language detected: {detected} (p={prob:.2f})")
        if published_date is None:
            notes.append("publication date unknown: relative dates are left unresolved")
        article = Article(
            id=raw.id,
            url=raw.url,
            source=raw.source,
            title=raw.title,
            published=published_iso,
            language=language,
            text=raw.text,
        )
        return ArticleDoc(article=article, published=published_date, notes=notes)

    def annotate(self, raw: RawArticle, published: str | dt.date | None = None, lang: str | None = None) -> ArticleDoc:
        return self.pipeline(self.prepare(raw, published, lang))

    def extract_article(
        self, raw: RawArticle, published: str | dt.date | None = None, lang: str | None = None
    ) -> Chronicle:
        """The chronicle of one article, within the time budget; the memory the pipeline took for the
        article's new words is freed again afterwards (only the chronicle leaves this call)."""
        with time_budget(self.budget_for(raw.text), raw.id):
            doc = self.prepare(raw, published, lang)
            pieces = text_chunks(doc.text, self.chunk_chars)
            if len(pieces) == 1:
                return self._chronicle(doc)
            # a long text: piece by piece, so that time and memory grow linearly (kroniek.longtext)
            parts = [(start, self._chronicle(piece_doc(doc, start, end))) for start, end in pieces]
            return merge_chronicles(doc.article, parts)

    def budget_for(self, text: str) -> float:
        """Seconds an article of this text may take (0: no limit)."""
        if not self.time_budget_s:
            return 0.0
        return self.time_budget_s + len(text) * self.time_budget_ms_per_char / 1000

    def _chronicle(self, doc: ArticleDoc) -> Chronicle:
        with self.pipeline.memory_zone(doc.lang, [doc.text]):
            return to_chronicle(self.pipeline(doc))

    def extract(
        self,
        text: str,
        published: str | dt.date | None = None,
        lang: str | None = None,
        **meta: Any,
    ) -> Chronicle:
        raw = article_from_text(text, meta.get("id") or "text", max_chars=self.max_chars, **meta)
        return self.extract_article(raw, published, lang)

    def extract_many(
        self,
        items: Iterable[RawArticle | ItemFailure | str],
        n_process: int = 1,
        chunk_size: int = 8,
        published: str | dt.date | None = None,
        lang: str | None = None,
    ) -> Iterator[Chronicle | KroniekError]:
        """Chronicles for many articles, in input order; a failed article yields its KroniekError.

        ``n_process`` > 1 spreads the articles over that many worker processes (see kroniek.batch).
        Articles go ``chunk_size`` at a time (to a worker); spaCy parses those of one language together.
        A RawArticle carries its own publication date and language; ``published`` and ``lang`` fill
        in for articles that give none; a plain string without ``lang`` is detected.
        """
        from kroniek.batch import extract_many

        return extract_many(self, items, n_process=n_process, chunk_size=chunk_size, published=published, lang=lang)

    def preload_shared(self) -> None:
        """Load what all languages share (the stages that offer ``preload()``: actor knowledge base,
        gazetteer, learned event model), none of a language's own; ``preload`` starts with it, so these
        load even where a language's pipeline fails to.
        """
        from kroniek.pipeline.loading import bulk_loading

        with bulk_loading():  # what loads here stays for the process: keep the collector off it
            for stage in self.pipeline.stages:
                preload = getattr(stage, "preload", None)
                if preload is not None:
                    preload()

    def preload(self, languages: Iterable[str] | None = None) -> None:
        """Load the pipeline and everything it loads lazily for ``languages`` (default: all supported).

        Runs a one-sentence text through the pipeline once per language, so that spaCy pipelines,
        the actor knowledge base, the gazetteer and the per-language lexicons are in memory before
        worker processes are forked (they then share them) or before timing starts. A language whose
        resources fail to load is left to fail, with its clear error, on its first real article.
        """
        from kroniek.pipeline.loading import bulk_loading

        self.preload_shared()
        with bulk_loading():  # what loads here stays for the process: keep the collector off it
            for language in languages if languages is not None else self.supported:
                try:
                    self.extract(PRELOAD_TEXT, lang=language, id="preload")
                except KroniekError:
                    continue


@lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    return Extractor()


def extract(text: str, published: str | dt.date | None = None, lang: str | None = None, **meta: Any) -> Chronicle:
    """Turn one article's text (plain or HTML) into a validated Chronicle.

    ``published`` anchors relative dates ("woensdag", "last week"); without it they stay unresolved.
    ``lang`` overrides language identification. ``meta`` may give id, url, source and title.
    """
    return default_extractor().extract(text, published=published, lang=lang, **meta)
