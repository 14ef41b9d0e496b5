"""Offline language identification (py3langid's bundled model, 97 languages).

The detector sees every language it knows, not only the supported ones, so a Polish article is
reported as Polish and refused, rather than processed as if it were the closest supported language.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from kroniek.errors import InputError
from kroniek.lang import SUPPORTED

_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


_loaded: list[Any] = []  # the identifier, once built or given


def build_identifier() -> Any:
    """py3langid's identifier, unpacked from its xz-compressed model (about 0.5 CPU-s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identifier_sources() -> list[Path]:
    """The files the identifier is built from (for a cache keyed by their bytes)."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    return [Path(MODEL_DIR) / MODEL_FILE, Path(__file__)]


def has_identifier() -> bool:
    return bool(_loaded)


def set_identifier(identifier: Any) -> None:
    """Use this identifier (kroniek.pipeline.datacache gives one from the disk cache, which loads in
    0.1 CPU-s instead of 0.5: this module, on the ground floor, does not use the cache itself)."""
    _loaded[:] = [identifier]


def _identifier() -> Any:
    if not _loaded:
        _loaded.append(build_identifier())
    return _loaded[0]


def detect_language(text: str, where: str = "input") -> tuple[str, float]:
    """Return (ISO 639-1 code, probability). Raises E008 when the text has too few letters to tell."""
    sample = text[:5000]
    if len(_LETTERS.findall(sample)) < 12:
        raise InputError("E008", where=where, detail="too few letters")
    lang, prob = _identifier().classify(sample)
    return str(lang), float(prob)


def check_supported(lang: str, supported: tuple[str, ...] | list[str] = SUPPORTED) -> str:
    code = lang.lower().split("-")[0].split("_")[0]
    if code not in supported:
        raise InputError("E007", lang=lang, supported=", ".join(supported))
    return code
