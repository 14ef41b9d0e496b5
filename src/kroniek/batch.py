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

if TYPE_CHECKING:
    from kroniek.chronicle.models import Chronicle
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


def _work(item: RawArticle | ItemFailure | str) -> Chronicle | KroniekError:
    assert _worker_extractor is not None
    return _one(_worker_extractor, item, *_worker_defaults)


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
    chunk_size: int = 4,
    published: str | dt.date | None = None,
    lang: str | None = None,
) -> Iterator[Chronicle | KroniekError]:
    """Chronicles (or the KroniekError of a failed article) for ``items``, in input order.

    ``published`` and ``lang`` are defaults for articles that give no date or language of their own.
    An ItemFailure (an input line that could not be read) yields its error.
    """
    if n_process < 1:
        raise InputError("E009", line=0, detail=f"n_process must be at least 1, not {n_process}")
    if n_process == 1:
        for item in items:
            yield _one(extractor, item, published, lang)
        return
    methods = mp.get_all_start_methods()
    context: Any
    defaults = (published, lang)
    if "fork" in methods:
        extractor.preload(batch_languages(extractor, items, lang))  # load once, before forking
        context = mp.get_context("fork")
        init_args: tuple[Any, ...] = (extractor, extractor.config, defaults)
    else:
        context = mp.get_context("spawn")
        init_args = (None, extractor.config, defaults)
    with context.Pool(n_process, initializer=_init_worker, initargs=init_args) as pool:
        yield from pool.imap(_work, items, chunksize=max(1, chunk_size))
