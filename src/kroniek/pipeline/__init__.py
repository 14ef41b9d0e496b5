"""Pipeline of named stages with one contract: ArticleDoc in, ArticleDoc out."""

from kroniek.pipeline.config import load_config
from kroniek.pipeline.registry import BUILTIN_STAGES, Stage, get_factory, known_stages, register_stage
from kroniek.pipeline.runner import Pipeline

__all__ = ["BUILTIN_STAGES", "Pipeline", "Stage", "get_factory", "known_stages", "load_config", "register_stage"]
