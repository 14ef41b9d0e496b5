"""Extracting many articles, optionally in several worker processes (``Extractor.extract_many``).

Each worker holds its own Extractor built from the parent's configuration. Where the platform can
fork, the parent first loads its pipeline and the language resources the batch needs
(``Extractor.preload``: spaCy pipelines, actor knowledge base, gazetteer, lexicons), and the workers
are forked after that, so the loaded data is shared copy-on-write instead of being loaded once per
worker (the loaders freeze it out of the garbage collector's reach, see kroniek.pipeline.loading,
so that collections in the workers do not touch and thereby copy its pages).

Measured (docs/performance.md, 500 articles in four languages, 2 workers): letting each worker load
its languages itself, in parallel, when their first article arrives, took 11 ms more CPU per article
and 190 MB more memory (PSS 670 MB instead of 480) for no gain in wall time: both workers get
articles of every language, so each loads every pipeline, and the slowest (French, 2.8 CPU-s of
regular expressions compiled by spaCy) takes as long in a worker as in the parent. Results come back in
input order; an article that fails yields its KroniekError (never an exception that stops the batch).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from kroniek.errors import InputError, KroniekError, StageError
from kroniek.pipeline.loading import release_free_heap

if TYPE_CHECKING:
    from kroniek.chronicle.models import Chronicle
    from kroniek.document import ArticleDoc
    from kroniek.extractor import Extractor
    from kroniek.ingest import ItemFailure, RawArticle

_worker_extractor: Extractor | None = None
_worker_defaults: tuple[str | dt.date | None, str | None] = (None, None)


def _one(
    extractor: Extractor, item: RawArticle | ItemFailure | str, published: str | dt.date | None, lang: str | None
) -> Chronicle | KroniekError:
    from kroniek.ingest import ItemFailure, RawArticle

    try:
        if isinstance(item, ItemFailure):
            return item.error
        if isinstance(item, RawArticle):
            # the defaults fill in what an article does not say; they never override it
            return extractor.extract_article(item, published=item.published or published, lang=item.language or lang)
        return extractor.extract(item, published=published, lang=lang)
    except KroniekError as exc:
        return exc
    except Exception as exc:  # a stage bug in one article must not end the batch
        return StageError("E032", stage="?", article=getattr(item, "id", "text"), detail=repr(exc))


def _group(
    extractor: Extractor,
    items: list[RawArticle | ItemFailure | str],
    published: str | dt.date | None,
    lang: str | None,
) -> list[Chronicle | KroniekError]:
    """The results of a group of items, in order. The short articles of one language are parsed by
    spaCy together (``NlpStage.parse_many``), inside one memory zone; every other stage still runs
    article by article under the article's own time budget. Anything else (an unreadable item, a plain
    string, a long text, a language alone in the group) goes through ``_one``, and so does the whole
    language group again, article by article, if the joint parse fails or runs out of time."""
    from kroniek.ingest import RawArticle
    from kroniek.nlp.chunks import text_chunks
    from kroniek.pipeline.budget import time_budget

    results: list[Chronicle | KroniekError | None] = [None] * len(items)
    by_language: dict[str, list[tuple[int, RawArticle, ArticleDoc]]] = {}
    nlp_stage = next((s for s in extractor.pipeline.stages if hasattr(s, "parse_many")), None)
    for i, item in enumerate(items):
        if nlp_stage is None or not isinstance(item, RawArticle):
            results[i] = _one(extractor, item, published, lang)
            continue
        try:
            with time_budget(extractor.budget_for(item.text), item.id):
                doc = extractor.prepare(item, item.published or published, item.language or lang)
        except KroniekError as exc:
            results[i] = exc
            continue
        except Exception:  # noqa: BLE001 - _one runs it again and reports it as the stage error it is
            results[i] = _one(extractor, item, published, lang)
            continue
        if len(text_chunks(doc.text, extractor.chunk_chars)) > 1:
            results[i] = _one(extractor, item, published, lang)  # a long text, in pieces
        else:
            by_language.setdefault(doc.lang, []).append((i, item, doc))
    for language, group in by_language.items():
        if len(group) > 1:
            _parse_together(extractor, nlp_stage, language, group, results)
        for i, item, _ in group:
            if results[i] is None:
                results[i] = _one(extractor, item, published, lang)
    return [r for r in results if r is not None]


def _parse_together(
    extractor: Extractor,
    nlp_stage: Any,
    language: str,
    group: list[tuple[int, RawArticle, ArticleDoc]],
    results: list[Chronicle | KroniekError | None],
) -> None:
    """Fill in ``results`` for the articles of ``group``, parsed together; those left None are to be
    redone alone (the joint parse failed, or ran out of the group's summed time budget)."""
    from kroniek.assemble import to_chronicle
    from kroniek.pipeline.budget import time_budget

    budget = sum(extractor.budget_for(item.text) for _, item, _ in group)
    try:
        with extractor.pipeline.memory_zone(language, [doc.text for _, _, doc in group]):
            with time_budget(budget, f"{group[0][1].id} and {len(group) - 1} more"):
                parsed = nlp_stage.parse_many(language, [doc.text for _, _, doc in group])
            for (i, item, doc), spacy_doc in zip(group, parsed, strict=True):
                doc.nlp = spacy_doc
                try:
                    with time_budget(extractor.budget_for(item.text), item.id):
                        results[i] = to_chronicle(extractor.pipeline(doc))
                except KroniekError as exc:
                    results[i] = exc
                except Exception as exc:  # a stage bug in one article must not end the batch
                    results[i] = StageError("E032", stage="?", article=item.id, detail=repr(exc))
    except Exception:  # noqa: BLE001 - the joint parse failed: each article is redone alone and says why
        return


def _groups(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    group: list[Any] = []
    for item in items:
        group.append(item)
        if len(group) >= size:
            yield group
            group = []
    if group:
        yield group


def _init_worker(
    parent: Extractor | None, config: dict[str, Any], defaults: tuple[str | dt.date | None, str | None]
) -> None:
    global _worker_extractor, _worker_defaults
    _worker_defaults = defaults
    if parent is not None:  # forked: the parent's loaded pipeline came along
        _worker_extractor = parent
    else:
        from kroniek.extractor import Extractor

        _worker_extractor = Extractor(config=config)


def _work_group(items: list[RawArticle | ItemFailure | str]) -> list[Chronicle | KroniekError]:
    assert _worker_extractor is not None
    return _group(_worker_extractor, items, *_worker_defaults)


def batch_languages(extractor: Extractor, items: Iterable[Any], lang: str | None) -> list[str]:
    """The languages to load before forking: those a list of articles names, else all supported ones.

    An article without a language (and no default) is detected at extraction time, so it may need
    any supported language; a stream cannot be looked ahead into, so it gets all of them.
    """
    from kroniek.ingest import RawArticle

    if not isinstance(items, Sequence):
        return list(extractor.supported)
    wanted: set[str] = set()
    for item in items:
        language = (item.language if isinstance(item, RawArticle) else None) or lang
        if isinstance(item, str) or (isinstance(item, RawArticle) and not language):
            return list(extractor.supported)
        if language:
            wanted.add(language)
    return [code for code in extractor.supported if code in wanted]


def extract_many(
    extractor: Extractor,
    items: Iterable[RawArticle | ItemFailure | str],
    n_process: int = 1,
    chunk_size: int = 8,
    published: str | dt.date | None = None,
    lang: str | None = None,
) -> Iterator[Chronicle | KroniekError]:
    """Chronicles (or the KroniekError of a failed article) for ``items``, in input order.

    ``published`` and ``lang`` are defaults for articles that give no date or language of their own.
    An ItemFailure (an input line that could not be read) yields its error.
    """
    if n_process < 1:
        raise InputError("E009", line=0, detail=f"n_process must be at least 1, not {n_process}")
    size = max(1, chunk_size)
    if n_process == 1:
        for group in _groups(items, size):
            yield from _group(extractor, group, published, lang)
        return
    methods = mp.get_all_start_methods()
    context: Any
    defaults = (published, lang)
    if "fork" in methods:
        extractor.preload(batch_languages(extractor, items, lang))  # load once, before forking
        release_free_heap()
        context = mp.get_context("fork")
        init_args: tuple[Any, ...] = (extractor, extractor.config, defaults)
    else:
        context = mp.get_context("spawn")
        init_args = (None, extractor.config, defaults)
    with context.Pool(n_process, initializer=_init_worker, initargs=init_args) as pool:
        for results in pool.imap(_work_group, _groups(items, size)):
            yield from results
