"""Shared fixtures. Test texts are written for the tests; the only article text in the project is the
bundled seed sample (examples/seed.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (ROOT / "examples" / "seed.txt").read_text(encoding="utf-8")
