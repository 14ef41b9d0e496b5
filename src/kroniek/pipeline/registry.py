"""Stage registry: stages are registered by versioned name, explicitly.

kroniek's own stages are listed in BUILTIN_STAGES as import paths, so nothing is registered as a
side effect of importing a module, and `kroniek` starts without importing stages it will not run.
Third-party packages add stages through the ``kroniek.stages`` entry-point group, or at run time
with ``register_stage``; both use the same hook as the built-in stages.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any, Protocol

from kroniek.document import ArticleDoc
from kroniek.errors import KroniekError


class Stage(Protocol):
    """One step of the pipeline. ``requires`` and ``provides`` name layers of ArticleDoc."""

    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def __call__(self, doc: ArticleDoc) -> ArticleDoc: ...


StageFactory = Callable[..., Stage]

# name -> "module:factory". A factory takes the stage's settings from the config as keyword arguments.
BUILTIN_STAGES: dict[str, str] = {
    "nlp.spacy/v1": "kroniek.nlp.stage:make_nlp_stage",
    "actors.resolve/v1": "kroniek.actors.stage:make_actor_stage",
    "time.timexes/v1": "kroniek.time.stage:make_time_stage",
    "places.gazetteer/v1": "kroniek.places.stage:make_places_stage",
    "quantities.numbers/v1": "kroniek.quantities.stage:make_quantities_stage",
    "events.lexicon/v1": "kroniek.events.stage:make_events_stage",
    "statements.quotes/v1": "kroniek.statements.stage:make_statements_stage",
}

_runtime: dict[str, StageFactory] = {}


def register_stage(name: str, factory: StageFactory) -> None:
    """Register a stage factory under a versioned name (``"mystage/v1"``) for this process."""
    _runtime[name] = factory


def _entry_point_stages() -> dict[str, str]:
    """The stages installed packages offer; unreadable package metadata is reported (E219), not
    skipped, so that a plug-in does not vanish without a word."""
    try:
        return {ep.name: ep.value for ep in entry_points(group="kroniek.stages")}
    except (OSError, ValueError, UnicodeError) as exc:
        raise KroniekError("E219", name="kroniek.stages", detail=f"{type(exc).__name__}: {exc}") from exc


def known_stages() -> list[str]:
    return sorted({*BUILTIN_STAGES, *_entry_point_stages(), *_runtime})


def get_factory(name: str) -> StageFactory:
    if name in _runtime:
        return _runtime[name]
    target = BUILTIN_STAGES.get(name) or _entry_point_stages().get(name)
    if target is None:
        raise KroniekError("E030", name=name, known=", ".join(known_stages()))
    module_name, _, attr = target.partition(":")
    if name in BUILTIN_STAGES:
        factory: Any = getattr(importlib.import_module(module_name), attr)
        return factory
    try:
        factory = getattr(importlib.import_module(module_name), attr)
    except Exception as exc:  # third-party code, which may fail in any way on import: said, never skipped
        raise KroniekError("E219", name=name, detail=f"{target}: {type(exc).__name__}: {exc}") from exc
    if not callable(factory):
        raise KroniekError("E219", name=name, detail=f"{target} is not a stage factory (not callable)")
    return factory
