"""Cutting a long text into bounded pieces for spaCy, at the most natural boundary available.

A long document goes through the spaCy pipeline piece by piece, so the memory the pipeline needs at
once stays bounded whatever the length of the article, and the pieces are joined back into one Doc
over the unchanged text. A text up to the chunk size is one piece: ordinary articles are parsed
exactly as before. A cut is made, in order of preference, at a paragraph break, a line break, a
sentence end (terminal punctuation, optional closing marks, whitespace) or any whitespace, searched in
the last quarter of the piece; only a text without any of those is cut mid-word.
"""

from __future__ import annotations

import re

DEFAULT_CHUNK_CHARS = 20_000

_BOUNDARIES = (
    re.compile(r"\n[ \t\r]*\n\s*"),  # paragraph break
    re.compile(r"\n\s*"),  # line break
    re.compile(r"[.!?…][\"'”’»)\]]*\s+"),  # sentence end
    re.compile(r"\s+"),  # any whitespace
)


def _last_boundary(text: str, low: int, high: int) -> int | None:
    """The end of the last preferred boundary between ``low`` and ``high`` (a cut position), or None."""
    window = text[low:high]
    for pattern in _BOUNDARIES:
        cut = None
        for match in pattern.finditer(window):
            if match.end() < len(window):  # a cut must leave something for the next piece
                cut = match.end()
        if cut is not None:
            return low + cut
    return None


def text_chunks(text: str, max_chars: int = DEFAULT_CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) offsets of consecutive pieces of at most ``max_chars`` that together cover ``text``."""
    if max_chars <= 0 or len(text) <= max_chars:
        return [(0, len(text))]
    pieces: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > max_chars:
        high = start + max_chars
        cut = _last_boundary(text, start + (3 * max_chars) // 4, high) or high
        pieces.append((start, cut))
        start = cut
    pieces.append((start, len(text)))
    return pieces
