"""One home per language, as ``spacy/lang``: ``kroniek/lang/<code>/`` holds every word list of that language.

``SUPPORTED`` is the languages whose folder is present; nothing in the code lists languages. Adding a
language means adding a folder with the files named in ``pack.PACK_FILES`` (copy another language's
folder and translate it) plus its tests; see docs/architecture.md.

``get(code)`` returns the validated ``LanguagePack`` of a language (cached); an unknown code is E163.
Shared text helpers live in ``lang.text`` (fold, normalise, the word tokenizer, quote spans) and the one
number reader in ``lang.numbers``; language identification in ``lang.identify``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kroniek.errors import KroniekError
from kroniek.lang.pack import PACK_FILES, LanguagePack

LANG_DIR = Path(__file__).resolve().parent


def _present() -> tuple[str, ...]:
    return tuple(sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir() and (p / "words.toml").is_file()))


SUPPORTED: tuple[str, ...] = _present()


@lru_cache(maxsize=16)  # one entry per language: bounded (docs/reliability.md)
def get(code: str) -> LanguagePack:
    """The language pack of ``code`` (raises E163 when kroniek has no folder for it, E162 when it is broken)."""
    if code not in SUPPORTED:
        raise KroniekError("E163", lang=code, supported=", ".join(SUPPORTED))
    pack = LanguagePack(code, LANG_DIR / code)
    pack.validate()
    return pack


def has(code: str) -> bool:
    return code in SUPPORTED


__all__ = ["LANG_DIR", "PACK_FILES", "SUPPORTED", "LanguagePack", "get", "has"]
