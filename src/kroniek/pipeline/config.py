"""Pipeline configuration: a TOML file, with shipped defaults in kroniek/config/default.toml.

A user file overrides the defaults table by table; ``[pipeline].stages`` lists the stages in order
and ``[stages."name"]`` holds each stage's settings, passed to its factory as keyword arguments.
"""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

from kroniek.errors import KroniekError

DEFAULT_CONFIG_PATH = Path(__file__).resolve().parent.parent / "config" / "default.toml"


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
        if path is not None:
            config = _merge(config, tomllib.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise KroniekError("E033", where=str(path or DEFAULT_CONFIG_PATH), detail=str(exc)) from exc
    except UnicodeDecodeError as exc:
        detail = f"not UTF-8 text (byte {exc.start}); save the file as UTF-8"
        raise KroniekError("E033", where=str(path or DEFAULT_CONFIG_PATH), detail=detail) from exc
    if overrides:
        config = _merge(config, overrides)
    return config
