"""Fuzzing with hypothesis: a bounded, reproducible number of examples in CI, many more at night.

    .venv/bin/python -m pytest tests/fuzz                                # CI: derandomized, bounded
    KRONIEK_FUZZ_EXAMPLES=15000 .venv/bin/python -m pytest tests/fuzz -p no:randomly \\
        --hypothesis-show-statistics                                    # nightly: see docs/reliability.md

KRONIEK_FUZZ_EXAMPLES sets the number of examples of every fuzz test (each test's CI number is given
with ``examples(n)``); with it set, the examples are random and new each run.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

from hypothesis import HealthCheck, settings

F = TypeVar("F", bound=Callable[..., Any])

NIGHTLY_EXAMPLES = int(os.environ.get("KRONIEK_FUZZ_EXAMPLES", "0") or 0)


def examples(ci: int) -> Callable[[F], F]:
    """The hypothesis settings of one fuzz test: ``ci`` examples (fixed seed) in CI, else the nightly number."""
    if NIGHTLY_EXAMPLES:
        return settings(
            max_examples=NIGHTLY_EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
    return settings(
        max_examples=ci,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
