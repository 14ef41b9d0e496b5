"""A language pack: every word list of one language, read from its folder ``kroniek/lang/<code>/``.

Each stage reads its own file of the folder (``events.toml``, ``time.toml``, ``statements.toml``,
``quantities.toml``, ``numbers.toml``, ``places.toml``, ``words.toml``; the actors stage ``speakers.toml`` and ``groups.toml``); the code never lists words of a
language. ``LanguagePack.table(name)`` parses ``<name>.toml`` once and returns it; a file that is
missing or not valid TOML is a catalogue error (E162) naming the file, so a broken pack fails when its
language is first used, with the path to fix, and not with a KeyError deep in a stage.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kroniek.errors import KroniekError

# The files every language folder holds; `kroniek.lang.get` checks that they are all there.
PACK_FILES = ("words", "numbers", "time", "quantities", "places", "statements", "events", "speakers", "groups")


@dataclass(frozen=True)
class LanguagePack:
    code: str
    directory: Path
    _tables: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False, compare=False)

    def path(self, name: str) -> Path:
        return self.directory / f"{name}.toml"

    def table(self, name: str) -> dict[str, Any]:
        """The parsed ``<name>.toml`` of this language (read once per process)."""
        cached = self._tables.get(name)
        if cached is not None:
            return cached
        path = self.path(name)
        try:
            with path.open("rb") as handle:
                data = tomllib.load(handle)
        except OSError as exc:
            raise KroniekError("E162", lang=self.code, where=path.name, detail=f"cannot read it ({exc})") from exc
        except tomllib.TOMLDecodeError as exc:
            raise KroniekError("E162", lang=self.code, where=path.name, detail=str(exc)) from exc
        self._tables[name] = data
        return data

    def words(self, name: str, key: str) -> list[str]:
        """A list of words ``key`` from ``<name>.toml`` (empty when the file does not have it)."""
        value = self.table(name).get(key, [])
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
            raise KroniekError(
                "E162", lang=self.code, where=f"{name}.toml", detail=f"{key!r} must be a list of strings"
            )
        return value

    def validate(self) -> None:
        """Every file of the pack is present and parses (E162 names the first that does not)."""
        for name in PACK_FILES:
            self.table(name)
