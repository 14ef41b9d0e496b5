"""One helper for the time tests that tag a written sentence and compare surfaces with TIMEX3 values
(tests/time/test_time_nl8.py, test_time_round8.py, test_time_round9.py)."""

from __future__ import annotations

from typing import Any

from kroniek.time.stage import make_time_stage

STAGE = make_time_stage()


def found_timexes(make_doc: Any, sentence: str, lang: str) -> dict[str, str]:
    """Surface -> TIMEX3 value of every timex the time stage tags in ``sentence``."""
    doc = STAGE(make_doc(sentence, lang))
    return {doc.text[t.start : t.end]: t.value for t in doc.timexes}
