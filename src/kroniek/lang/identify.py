"""Offline language identification (py3langid's bundled model, 97 languages).

The detector sees every language it knows, not only the supported ones, so a Polish article is
reported as Polish and refused, rather than processed as if it were the closest supported language.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from kroniek.errors import InputError
from kroniek.lang import SUPPORTED

_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


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
