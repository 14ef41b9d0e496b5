"""PLOVER -> CAMEO codes for GDELT-style rows, from the shipped table data/plover_to_cameo.tsv.

The table is derived from the Open Event Data Alliance's CAMEO2PLOVER-2021.txt (PLOVER manual draft
0.8, CC BY-SA 4.0) by reversing it: for each PLOVER (event, mode) the most general CAMEO code that
maps to it (the shortest three- or four-digit code, the first in the file on a tie); for an event
without a known mode, the most general code of that event. ``derive_table`` rebuilds it; a test
checks that the shipped file equals the derivation when the source file is present.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

TABLE_PATH = Path(__file__).with_name("data") / "plover_to_cameo.tsv"
_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,\s*([^,#]*?)\s*)?(?:,\s*([^#]*?)\s*)?(?:#\s*(.*))?$")


def derive_table(source: Path) -> list[tuple[str, str, str, str]]:
    """(plover_event, mode or "", cameo_code, cameo_description) rows from CAMEO2PLOVER."""
    best: dict[tuple[str, str], tuple[str, str]] = {}
    order: list[tuple[str, str]] = []
    for raw in source.read_text(encoding="utf-8").splitlines():
        m = _LINE.match(raw.strip())
        if not m:
            continue
        code, event, mode, _context, description = m.groups()
        if len(code) < 3:  # two-digit lines are root headings; rows use a specific code
            continue
        mode = (mode or "").strip()
        for key in ((event, mode), (event, "")) if mode else ((event, ""),):
            current = best.get(key)
            if current is None:
                order.append(key)
            if current is None or len(code) < len(current[0]):
                best[key] = (code, (description or "").strip())
    return [(event, mode, *best[(event, mode)]) for event, mode in order]


def write_table(source: Path, path: Path = TABLE_PATH) -> None:
    rows = derive_table(source)
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# PLOVER (event, mode) -> most general CAMEO code. Derived by kroniek.store.cameo.derive_table\n")
        fh.write("# from CAMEO2PLOVER-2021.txt (openeventdata/PLOVER, PLOVER manual draft 0.8), CC BY-SA 4.0,\n")
        fh.write("# Open Event Data Alliance; this derived table is shared under the same licence.\n")
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(["plover_event", "mode", "cameo_code", "cameo_description"])
        writer.writerows(rows)


@lru_cache(maxsize=1)
def load_table(path: Path = TABLE_PATH) -> dict[tuple[str, str], tuple[str, str]]:
    table: dict[tuple[str, str], tuple[str, str]] = {}
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        table[(row["plover_event"], row["mode"])] = (row["cameo_code"], row["cameo_description"])
    return table


def cameo_code(event: str, mode: str | None = None) -> str | None:
    """The CAMEO code for a PLOVER event type (and mode, when the table knows it)."""
    table = load_table()
    found = table.get((event, mode or "")) or table.get((event, ""))
    return found[0] if found else None


def quad_class(code: str | None) -> int | None:
    """GDELT QuadClass of a CAMEO code: 1 verbal and 2 material cooperation, 3 verbal and 4 material conflict."""
    if not code:
        return None
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


GOLDSTEIN_PATH = Path(__file__).with_name("data") / "cameo_goldstein.tsv"


@lru_cache(maxsize=1)
def goldstein_table() -> dict[str, float]:
    """CAMEO code -> Goldstein scale value, from the shipped public table (data/cameo_goldstein.tsv)."""
    table: dict[str, float] = {}
    for line in GOLDSTEIN_PATH.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip() or line.startswith("cameo\t"):
            continue
        code, value = line.split("\t")[:2]
        table[code] = float(value)
    return table


def goldstein(code: str | None) -> float | None:
    """The Goldstein value of a CAMEO code; a code the table lacks takes its base (three-digit) or root
    (two-digit) code's value, as GDELT's coders do; None without a code."""
    if not code:
        return None
    table = goldstein_table()
    for candidate in (code, code[:3], code[:2]):
        if candidate in table:
            return table[candidate]
    return None
