"""Turning bytes into text and refusing what is not text (publication dates: kroniek.ingest.dates)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kroniek.errors import InputError

# Control characters other than tab, newline, carriage return, form feed: a text hardly ever has them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


@dataclass
class DecodedText:
    text: str
    encoding: str
    notes: list[str] = field(default_factory=list)


def decode_bytes(data: bytes, where: str = "input") -> DecodedText:
    """Decode as UTF-8 (with or without BOM); else cp1252, saying so; refuse binary data."""
    if not data.strip():
        raise InputError("E001", where=where)
    head = data[:8192]
    if b"\x00" in head:
        raise InputError("E002", where=where, detail="it contains NUL bytes")
    notes: list[str] = []
    try:
        text = data.decode("utf-8-sig")
        encoding = "utf-8"
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError("E003", where=where) from exc
        encoding = "cp1252"
        notes.append(f"{where}: not valid UTF-8 (byte {exc.start}); read as cp1252")
    controls = len(_CONTROL.findall(text[:8192]))
    if controls > max(8, len(text[:8192]) // 100):
        raise InputError("E002", where=where, detail=f"{controls} control characters in the first 8 KiB")
    # One convention for line ends, so that offsets do not depend on the platform that wrote the file.
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return DecodedText(text=text, encoding=encoding, notes=notes)
