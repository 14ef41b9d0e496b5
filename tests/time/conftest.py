"""The time tests build documents with the shared ``make_doc`` fixture (tests/conftest.py), once under the
shipped trained nlp pipeline and once under the blank one."""

from __future__ import annotations

import pytest


@pytest.fixture(params=["trained", "blank"])
def nlp_pipeline(request: pytest.FixtureRequest) -> str:
    return str(request.param)
