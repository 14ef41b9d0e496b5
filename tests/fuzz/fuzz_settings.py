"""Hypothesis settings of the fuzz tests: a bounded, reproducible number of examples in CI, many more
in a nightly run.

    .venv/bin/python -m pytest tests/fuzz                                        # CI: ~1,000 examples
    KRONIEK_FUZZ_SCALE=110 .venv/bin/python -m pytest tests/fuzz --hypothesis-show-statistics
                                                                                 # nightly: >= 100,000

Each test names its CI number of examples with ``examples(ci=n)``; KRONIEK_FUZZ_SCALE multiplies every
one of them (the CI numbers add up to 980, so a scale of 110 runs about 108,000 examples), and with it
set the examples are random and new on every run instead of derandomized.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

from hypothesis import HealthCheck, settings

F = TypeVar("F", bound=Callable[..., Any])

SCALE = int(os.environ.get("KRONIEK_FUZZ_SCALE", "0") or 0)


def examples(ci: int) -> Callable[[F], F]:
    """The settings of one fuzz test: ``ci`` examples with a fixed seed, or ``ci * SCALE`` random ones."""
    common: dict[str, Any] = {"deadline": None, "database": None, "suppress_health_check": list(HealthCheck)}
    if SCALE > 0:
        return settings(max_examples=ci * SCALE, **common)
    return settings(max_examples=ci, derandomize=True, **common)
