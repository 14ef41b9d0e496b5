"""The pipeline: stages built from the configuration, checked for their inputs, run in order."""

from __future__ import annotations

import contextlib
import inspect
from collections.abc import Iterator
from typing import Any

from kroniek.document import ArticleDoc
from kroniek.errors import KroniekError, StageError
from kroniek.pipeline.budget import check_budget
from kroniek.pipeline.config import load_config
from kroniek.pipeline.registry import Stage, get_factory

# Layers that ingest and language identification provide before any stage runs.
BASE_LAYERS = frozenset({"text", "language", "published"})


class Pipeline:
    def __init__(self, stages: list[Stage], config: dict[str, Any]) -> None:
        self.stages = stages
        self.config = config
        self._check_order()

    @classmethod
    def from_config(cls, config: dict[str, Any] | None = None, **overrides: Any) -> Pipeline:
        config = config if config is not None else load_config()
        stages: list[Stage] = []
        settings_by_stage = config.get("stages", {})
        for name in config.get("pipeline", {}).get("stages", []):
            factory = get_factory(name)
            settings = dict(settings_by_stage.get(name, {}))
            settings.update(overrides.get(name, {}))
            accepted = inspect.signature(factory).parameters
            if not any(p.kind is p.VAR_KEYWORD for p in accepted.values()):
                unknown = sorted(k for k in settings if k not in accepted)
                if unknown:  # a misspelt setting must not leave the default in force silently
                    raise KroniekError(
                        "E035",
                        key=unknown[0],
                        where=f'[stages."{name}"]',
                        known=", ".join(accepted) or "(none)",
                    )
            stages.append(factory(**settings))
        return cls(stages, config)

    def _check_order(self) -> None:
        available = set(BASE_LAYERS)
        order = [s.name for s in self.stages]
        for stage in self.stages:
            for need in stage.requires:
                if need not in available:
                    raise KroniekError("E031", stage=stage.name, needs=need, order=", ".join(order))
            available.update(stage.provides)

    @property
    def stage_names(self) -> list[str]:
        return [s.name for s in self.stages]

    @contextlib.contextmanager
    def memory_zone(self, lang: str, texts: list[str] | None = None) -> Iterator[None]:
        """A block whose per-article memory the stages free at its end (stages that offer
        ``memory_zone(lang, texts)``, such as the nlp stage); nothing made inside may be used after it.
        ``texts``: the texts parsed inside (None: not known), so that the nlp stage can prepare for them."""
        with contextlib.ExitStack() as stack:
            for stage in self.stages:
                zone = getattr(stage, "memory_zone", None)
                if zone is not None:
                    stack.enter_context(zone(lang, texts))
            yield

    def __call__(self, doc: ArticleDoc) -> ArticleDoc:
        doc.provided.update(BASE_LAYERS)
        for stage in self.stages:
            check_budget()
            try:
                doc = stage(doc)
            except KroniekError:
                raise
            except Exception as exc:  # name the stage and the article, keep the cause
                raise StageError(
                    "E032", stage=stage.name, article=doc.article.id, detail=f"{type(exc).__name__}: {exc}"
                ) from exc
            doc.provided.update(stage.provides)
        check_budget()
        return doc
