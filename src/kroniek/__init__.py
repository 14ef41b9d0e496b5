"""kroniek: news articles in, a verifiable chronicle of political events out."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from kroniek.chronicle.models import Chronicle


def extract(text: str, published: Any = None, lang: str | None = None, **meta: Any) -> Chronicle:
    """Turn an article into a chronicle; see kroniek.extractor.extract."""
    from kroniek.extractor import extract as _extract

    return _extract(text, published=published, lang=lang, **meta)


__all__ = ["__version__", "extract"]
