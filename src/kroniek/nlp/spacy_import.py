"""Importing spaCy without its command-line package.

``import spacy`` runs ``from .cli.info import info``, and importing ``spacy.cli`` imports every spaCy
command with typer, weasel, httpx and requests: about a third of spaCy's import time, paid by every
cold start of kroniek, which never runs a spaCy command. ``import_spacy`` imports spaCy with a
stand-in for ``spacy.cli.info`` whose ``info`` imports the real one when it is first called, and
removes the stand-in as soon as spaCy is imported: a later ``import spacy.cli`` (``kroniek train``
runs spaCy's training) imports the real package, unchanged.
"""

from __future__ import annotations

import itertools
import sys
from types import ModuleType
from typing import Any

_CLI_INFO = "spacy.cli.info"


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: spaCy's own, imported on the first call."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def import_spacy() -> ModuleType:
    """The ``spacy`` module; imported here without ``spacy.cli`` if it is not imported yet."""
    if "spacy" in sys.modules or _CLI_INFO in sys.modules:
        import spacy

        index_entry_points()
        return spacy
    stand_in = ModuleType(_CLI_INFO, "stand-in for spacy.cli.info while spaCy is imported (kroniek)")
    stand_in.__dict__["info"] = _info
    sys.modules[_CLI_INFO] = stand_in
    try:
        import spacy
    finally:
        if sys.modules.get(_CLI_INFO) is stand_in:
            del sys.modules[_CLI_INFO]
    index_entry_points()
    return spacy


def index_entry_points() -> None:
    """Let spaCy's registries find plug-in entry points by group in a dict.

    ``catalogue`` (spaCy's registries) keeps the installed packages' entry points as
    ``importlib.metadata.entry_points()`` returned them and, on Python <= 3.11, filters all of them
    again on every registry lookup: loading a pipeline makes about 190 lookups, 40 ms of each cold
    start. Given a plain dict of group -> entry points, it reads ``dict.get(group, [])`` instead
    (its code has that branch for older importlib versions). The entry points and their order
    within a group are the ones the filter gives.
    """
    import catalogue

    available = catalogue.AVAILABLE_ENTRY_POINTS
    if type(available) is dict:  # indexed already
        return
    # SelectableGroups (Python <= 3.11) is a dict of group -> entry points whose own methods warn;
    # EntryPoints (3.12 and later) is a tuple of them.
    everything = itertools.chain.from_iterable(dict.values(available)) if isinstance(available, dict) else available
    by_group: dict[str, list[Any]] = {}
    for entry_point in everything:
        by_group.setdefault(entry_point.group, []).append(entry_point)
    catalogue.AVAILABLE_ENTRY_POINTS = by_group
