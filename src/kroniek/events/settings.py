"""Checks of the events stage's list settings (``split_contents``, ``unrealised_acts``, ``offered_acts``): each
names some of a closed set of types, and a value that is none of them is a catalogue error naming the setting
and the allowed values, before any article is read."""

from __future__ import annotations

from collections.abc import Sequence

from kroniek.errors import KroniekError


def checked_names(names: object, known: Sequence[str], code: str, setting: str) -> frozenset[str]:
    """``names`` as a frozenset, when it is a list (not a string) of values of ``known``; else ``code``."""
    listed = ", ".join(known)
    if isinstance(names, str) or not isinstance(names, list | tuple | set | frozenset):
        raise KroniekError(code, value=names, known=listed, setting=setting)
    for name in names:
        if name not in known:
            raise KroniekError(code, value=name, known=listed, setting=setting)
    return frozenset(names)
