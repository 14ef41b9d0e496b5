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


SCORES_PATH = Path(__file__).with_name("data") / "plover_scores.tsv"
_SCORES_CAPTION = r"\caption{PLOVER conflict--cooperation scores}"
_CELL_MARKUP = re.compile(r"\\cellcolor\{[^}]*\}|\\textbf\{[^}]*\}")
# The manual prints ACCUSE as +3 while each of its modes scores -2 to -3.5 and the manual's own earlier
# table gave ACCUSE -2.0: a lost minus sign. kroniek reads it as -3 (a decision recorded in docs/store.md).
SCORE_CORRECTIONS = {("ACCUSE", ""): -3.0}


def derive_scores(manual: Path) -> list[tuple[str, str, float]]:
    """(plover_event, mode or "", score) rows from the table "PLOVER conflict--cooperation scores" of the
    PLOVER manual's LaTeX source, with SCORE_CORRECTIONS applied. Modes are lower-cased as in chronicles."""
    text = manual.read_text(encoding="utf-8")
    # The manual keeps an older version of the table commented out (lines starting with %): skip it.
    start = re.search(r"^" + re.escape(_SCORES_CAPTION), text, re.MULTILINE)
    if start is None:
        raise ValueError(f"{manual}: no table {_SCORES_CAPTION!r}")
    start_at = start.start()
    body = text[start_at : text.index("\\end{tabular}", start_at)]
    rows: list[tuple[str, str, float]] = []
    for line in body.split("\\\\"):
        cells = [_CELL_MARKUP.sub("", cell).strip() for cell in line.split("&")]
        for label, value in zip(cells[0::2], cells[1::2], strict=False):
            label = label.split("\n")[-1].strip()
            if not re.fullmatch(r"[A-Z]+(?::\s*[A-Za-z-]+)?", label) or not re.fullmatch(r"-?\d+(?:\.\d+)?", value):
                continue
            event, _, mode = (part.strip() for part in label.partition(":"))
            score = SCORE_CORRECTIONS.get((event, mode.lower()), float(value))
            rows.append((event, mode.lower(), score))
    return rows


def write_scores(manual: Path, path: Path = SCORES_PATH) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# PLOVER (event, mode) -> conflict-cooperation score (-10 .. +10). Derived by\n")
        fh.write('# kroniek.store.cameo.derive_scores from the table "PLOVER conflict--cooperation scores" of the\n')
        fh.write("# PLOVER manual (openeventdata/PLOVER), CC BY-SA 4.0, Open Event Data Alliance; shared under the\n")
        fh.write("# same licence. ACCUSE corrected from +3 to -3 (see SCORE_CORRECTIONS).\n")
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(["plover_event", "mode", "score"])
        writer.writerows((event, mode, f"{score:g}") for event, mode, score in derive_scores(manual))


@lru_cache(maxsize=1)
def load_scores(path: Path = SCORES_PATH) -> dict[tuple[str, str], float]:
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return {(row["plover_event"], row["mode"]): float(row["score"]) for row in csv.DictReader(lines, delimiter="\t")}


def plover_score(event: str, mode: str | None = None) -> float | None:
    """The PLOVER manual's conflict-cooperation score of an event type and mode; a mode the table lacks
    takes its event type's score; None for a type outside the table.

    GDELT rows carry it as GoldsteinScale: the PLOVER scores were made from the CAMEO Goldstein scores
    "for splicing" with Goldstein time series (PLOVER manual), and kroniek ships no licensed copy of the
    CAMEO Goldstein table itself."""
    table = load_scores()
    found = table.get((event, (mode or "").lower()))
    return found if found is not None else table.get((event, ""))
