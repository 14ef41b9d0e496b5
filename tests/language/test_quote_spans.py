"""Quotations found by jumping from one possible opening mark to the next are the ones a step-by-step scan finds."""

from __future__ import annotations

from kroniek.lang.text import quote_spans


def test_every_kind_of_quotation_and_the_apostrophes_passed_over() -> None:
    # Written for this test.
    text = (
        "'Wij zijn hier,' zei hij. Putin's man sprak van „een akkoord“ en «la paix», "
        'daarna "never" en ‘maybe’, zo\'n ‚Frage‘ en een open " zonder einde'
    )
    spans = quote_spans(text)
    quoted = [text[start:end] for start, end in spans]
    assert quoted == ["'Wij zijn hier,'", "„een akkoord“", "«la paix»", '"never"', "‘maybe’", "‚Frage‘"]


def test_no_opening_mark_and_a_mark_at_the_end() -> None:
    assert quote_spans("Geen citaat hier.") == []
    assert quote_spans("einde'") == []
    assert quote_spans("“") == []
