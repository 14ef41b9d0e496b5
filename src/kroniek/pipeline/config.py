"""Pipeline configuration: a TOML file, with shipped defaults in kroniek/config/default.toml.

A user file overrides the defaults table by table; ``[pipeline].stages`` lists the stages in order
and ``[stages."name"]`` holds each stage's settings, passed to its factory as keyword arguments.
A key that kroniek does not know is an error that names it (E035), never silently dropped: a misspelt
setting would otherwise leave the default in force without a word. Stage settings are checked against
the stage factory's keyword arguments when the pipeline is built (``Pipeline.from_config``).
"""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

from kroniek.errors import KroniekError

DEFAULT_CONFIG_PATH = Path(__file__).resolve().parent.parent / "config" / "default.toml"

# The tables of a configuration file and the keys each may hold (stage settings are checked by the runner).
KNOWN_KEYS: dict[str, frozenset[str] | None] = {
    "input": frozenset({"max_chars", "supported_languages", "chunk_chars", "time_budget_s", "time_budget_ms_per_char"}),
    "pipeline": frozenset({"stages"}),
    "stages": None,  # one table per stage name; their keys are the factory's keyword arguments
}


def check_keys(config: dict[str, Any], where: str) -> None:
    """E035 for a table or key that kroniek does not know."""
    for table, value in config.items():
        if table not in KNOWN_KEYS:
            raise KroniekError("E035", key=table, where=where, known=", ".join(f"[{k}]" for k in KNOWN_KEYS))
        known = KNOWN_KEYS[table]
        if known is None:
            continue
        if not isinstance(value, dict):
            raise KroniekError("E035", key=table, where=where, known=f"[{table}] must be a table")
        for key in value:
            if key not in known:
                raise KroniekError("E035", key=f"{table}.{key}", where=where, known=", ".join(sorted(known)))


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def load_config(path: str | Path | None = None, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    try:
        config = tomllib.loads(DEFAULT_CONFIG_PATH.read_text(encoding="utf-8"))
        user = tomllib.loads(Path(path).read_text(encoding="utf-8")) if path is not None else {}
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise KroniekError("E033", where=str(path or DEFAULT_CONFIG_PATH), detail=str(exc)) from exc
    except UnicodeDecodeError as exc:
        detail = f"not UTF-8 text (byte {exc.start}); save the file as UTF-8"
        raise KroniekError("E033", where=str(path or DEFAULT_CONFIG_PATH), detail=detail) from exc
    check_keys(config, str(DEFAULT_CONFIG_PATH))
    if path is not None:
        check_keys(user, str(path))
        config = _merge(config, user)
    if overrides:
        config = _merge(config, overrides)
    return config
