"""How the knowledge-base build and the resolver compare names: ``kroniek.lang.text.fold`` (the one
fold of the project) and which short aliases match only with their exact case."""

from __future__ import annotations

from kroniek.lang.text import fold

__all__ = ["fold", "is_acronym"]


def is_acronym(alias: str) -> bool:
    """Short all-capital aliases ("AP", "IS", "NSC") only match with their exact case."""
    letters = [ch for ch in alias if ch.isalpha()]
    return 0 < len(letters) <= 5 and sum(ch.isupper() for ch in letters) >= 2 and alias == alias.upper()
