"""CSV cells that a spreadsheet will not run: neutralising formula injection as OWASP recommends.

An article's evidence, a title or an actor's name can begin with ``=``, ``+``, ``-`` or ``@``, which
Excel, LibreOffice and Google Sheets read as the start of a formula (``=HYPERLINK(...)``,
``=cmd|' /C calc'!A0``), and a leading tab or carriage return can hide one. Every text cell that begins
with one of these characters is written with a single quote in front of it, which spreadsheets show
as text and do not evaluate (https://owasp.org/www-community/attacks/CSV_Injection). Numbers stay
numbers: only strings are changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """The value to write into a CSV cell: a string that a spreadsheet would evaluate gets a leading '."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row: Mapping[str, Any]) -> dict[str, Any]:
    return {key: safe_cell(value) for key, value in row.items()}


def safe_rows(rows: Iterable[Mapping[str, Any]]) -> Iterable[dict[str, Any]]:
    return (safe_row(row) for row in rows)
