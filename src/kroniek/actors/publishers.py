"""The country that publishes an article, from its URL or source name (data/publishers.toml).

An unqualified office noun in a government readout is that government's: "The Prime Minister spoke to
President Zelenskyy" on gov.uk is the UK Prime Minister, not the Ukrainian one.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

DATA_FILE = Path(__file__).parent / "data" / "publishers.toml"


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    data = tomllib.loads(DATA_FILE.read_text(encoding="utf-8"))
    domains = {str(k).lower(): str(v) for k, v in data.get("domains", {}).items()}
    names = {str(k).lower(): str(v) for k, v in data.get("source_names", {}).items()}
    return domains, names


def _host(url: str) -> str:
    text = url.strip()
    if "://" not in text:
        text = "//" + text
    try:
        host = urlsplit(text).hostname or ""
    except ValueError:  # a malformed URL gives no publisher, never an error
        return ""
    return host.lower().removeprefix("www.")


def publisher_country(url: str | None, source: str | None) -> str | None:
    """Alpha-3 code of the publishing country, or None when neither the URL nor the source name is known.
    The longest matching domain wins ("number10.gov.uk" over "gov.uk")."""
    domains, names = _tables()
    if url:
        host = _host(url)
        matches = [d for d in domains if host == d or host.endswith("." + d)]
        if matches:
            return domains[max(matches, key=len)]
    if source:
        lowered = source.lower()
        matches = [n for n in names if n in lowered]
        if matches:
            return names[max(matches, key=len)]
    return None
