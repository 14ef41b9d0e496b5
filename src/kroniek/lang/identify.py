"""Offline language identification (py3langid's bundled model, 97 languages).

The detector sees every language it knows, not only the supported ones, so a Polish article is
reported as Polish and refused, rather than processed as if it were the closest supported language.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from kroniek.errors import InputError
from kroniek.lang import SUPPORTED

_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    # Unpacking the xz-compressed model took 0.54 CPU-s, a third of a cold start; the unpacked
    # identifier is kept in kroniek's disk cache (kroniek.pipeline.datacache) and loads in 0.03 s.
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    from kroniek.pipeline.datacache import cached_build

    def build() -> Any:
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)

    return cached_build("langid", [Path(MODEL_DIR) / MODEL_FILE, Path(__file__)], build)


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
