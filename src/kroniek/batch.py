"""Extracting many articles, optionally in several worker processes (``Extractor.extract_many``).

Each worker holds its own Extractor built from the parent's configuration. Where the platform can
fork, the parent first builds the pipeline and loads what every language shares
(``Extractor.preload_shared``: actor knowledge base, gazetteer, learned event model), and the workers
are forked after that, so those structures are shared copy-on-write instead of being loaded once per
worker (the loaders freeze them out of the garbage collector's reach, see kroniek.pipeline.loading,
so that collections in the workers do not touch and thereby copy their pages). A language's spaCy
pipeline and lexicons are loaded by each worker when its first article in that language arrives: the
workers load in parallel, and only the languages the batch has (the parent used to load all of them,
one after the other, before forking: a quarter of a 500-article run's wall time on two cores).
Results come back in input order; an article that fails yields its KroniekError (never an exception
that stops the batch).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
from collections.abc import Iterable, Iterator
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
        extractor.preload_shared()  # once, before forking; each worker loads its languages itself
        context = mp.get_context("fork")
        init_args: tuple[Any, ...] = (extractor, extractor.config, defaults)
    else:
        context = mp.get_context("spawn")
        init_args = (None, extractor.config, defaults)
    with context.Pool(n_process, initializer=_init_worker, initargs=init_args) as pool:
        yield from pool.imap(_work, items, chunksize=max(1, chunk_size))
