"""Extracting many articles, optionally in several worker processes (``Extractor.extract_many``).

Each worker holds its own Extractor built from the parent's configuration. Where the platform can
fork, workers are forked after the parent has loaded its pipeline, so the loaded models are shared
copy-on-write instead of being loaded once per worker. Results come back in input order; an article
that fails yields its KroniekError (never an exception that stops the batch).
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from kroniek.errors import InputError, KroniekError, StageError

if TYPE_CHECKING:
    from kroniek.chronicle.models import Chronicle
    from kroniek.extractor import Extractor
    from kroniek.ingest import RawArticle

_worker_extractor: Extractor | None = None


def _one(extractor: Extractor, item: RawArticle | str) -> Chronicle | KroniekError:
    from kroniek.ingest import RawArticle

    try:
        if isinstance(item, RawArticle):
            return extractor.extract_article(item)
        return extractor.extract(item)
    except KroniekError as exc:
        return exc
    except Exception as exc:  # a stage bug in one article must not end the batch
        return StageError("E032", stage="?", article=getattr(item, "id", "text"), detail=repr(exc))


def _init_worker(parent: Extractor | None, config: dict[str, Any]) -> None:
    global _worker_extractor
    if parent is not None:  # forked: the parent's loaded pipeline came along
        _worker_extractor = parent
    else:
        from kroniek.extractor import Extractor

        _worker_extractor = Extractor(config=config)


def _work(item: RawArticle | str) -> Chronicle | KroniekError:
    assert _worker_extractor is not None
    return _one(_worker_extractor, item)


def extract_many(
    extractor: Extractor, items: Iterable[RawArticle | str], n_process: int = 1, chunk_size: int = 4
) -> Iterator[Chronicle | KroniekError]:
    """Chronicles (or the KroniekError of a failed article) for ``items``, in input order."""
    if n_process < 1:
        raise InputError("E009", line=0, detail=f"n_process must be at least 1, not {n_process}")
    if n_process == 1:
        for item in items:
            yield _one(extractor, item)
        return
    methods = mp.get_all_start_methods()
    context: Any
    if "fork" in methods:
        _ = extractor.pipeline  # load the models once, before forking
        context = mp.get_context("fork")
        init_args: tuple[Any, ...] = (extractor, extractor.config)
    else:
        context = mp.get_context("spawn")
        init_args = (None, extractor.config)
    with context.Pool(n_process, initializer=_init_worker, initargs=init_args) as pool:
        yield from pool.imap(_work, items, chunksize=max(1, chunk_size))
