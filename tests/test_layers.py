"""The layer rule: a stage package imports only the ground floor (document, chronicle, errors, lang and the
pipeline helpers), never another stage. What a stage needs from another arrives as an ArticleDoc layer named
in its ``requires``. Imports are read with ``ast``, so lazy imports inside functions count too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "kroniek"
STAGES = ("nlp", "actors", "time", "places", "quantities", "statements", "events")
ALLOWED = ("document", "chronicle", "errors", "lang", "pipeline")


def kroniek_imports(path: Path) -> list[tuple[int, str]]:
    """(line, first package under kroniek) for every import of a kroniek module in ``path``."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names if node.module == "kroniek"]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "kroniek" and len(parts) > 1:
                found.append((node.lineno, parts[1]))
    return sorted(found)


def stage_to_stage(stage: str) -> list[str]:
    bad = []
    for path in sorted((PACKAGE / stage).rglob("*.py")):
        for line, target in kroniek_imports(path):
            if target != stage and target not in ALLOWED:
                bad.append(f"{path.relative_to(PACKAGE)}:{line} imports kroniek.{target}")
    return bad


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_imports_no_other_stage(stage: str) -> None:
    assert stage_to_stage(stage) == []


def test_every_stage_package_is_checked() -> None:
    """A new stage package must be added to STAGES (or to ALLOWED, if it is a helper of the ground floor)."""
    from kroniek.pipeline.registry import BUILTIN_STAGES

    packages = {target.split(":")[0].split(".")[1] for target in BUILTIN_STAGES.values()}
    assert packages == set(STAGES)


def test_the_check_sees_lazy_imports(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "from kroniek.document import ArticleDoc\n"
        "def f():\n    from kroniek.time.resolve import reanchor\n    import kroniek.places.locate\n"
        "from kroniek import events\n",
        encoding="utf-8",
    )
    assert [t for _, t in kroniek_imports(module)] == ["document", "time", "places", "events"]


def test_lang_is_ground_floor() -> None:
    """kroniek.lang is shared by every stage, so it may import no stage either."""
    bad = [
        f"{p.relative_to(PACKAGE)}:{line} imports kroniek.{t}"
        for p in sorted((PACKAGE / "lang").rglob("*.py"))
        for line, t in kroniek_imports(p)
        if t not in ("lang", "errors")
    ]
    assert bad == []
