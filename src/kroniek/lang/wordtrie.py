"""A word list as a regular expression that shares the words' common beginnings, with the same matches.

Python's regex engine tries the alternatives of ``(?:seventy-eight|seventy-seven|…|one|an|a)`` one after the
other at every position it reaches: some 200 attempts for a number word, at each word start, in each of the
time stage's ~30 patterns. Written as a trie, ``(?:s(?:eventy…|ix…)|o(?:ne)|a(?:n|))``, the engine follows one
branch per letter instead.

The result must match exactly what the plain alternation matches, in the same order of preference, because
the enclosing pattern backtracks into it: an alternation tries its alternatives in list order, and the first
that lets the whole pattern match wins. The trie keeps that order wherever two words can match at the same
position:

- words that part at a letter both can match (an accent class ``[ée]`` beside ``e``, a case variant) are
  written in list order, as a plain alternation of their rests (``_flat``), never merged;
- a word that ends where longer words go on is tried after them only if the list puts it after all of them
  (longest first); where it does not, that part of the trie is written as a plain alternation in list order.

Words that part at letters no text character matches both of cannot match at the same position, so their order
in the trie does not matter. A white-space run (``\\s+``) in a word is always followed by a non-space item, so
it matches at most one length where the word matches at all, and factoring it out keeps the order too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

# One item of a word's regex: its source ("e", "[ée]", "\s+") and the characters it can match, lower-cased
# (a superset is safe: it only makes the trie fall back to list order more often).
Atom = tuple[str, frozenset[str]]


def folded(chars: Iterable[str]) -> frozenset[str]:
    """The characters, with the case variants the regex engine's IGNORECASE may treat as equal."""
    out: set[str] = set()
    for char in chars:
        out.update((char, char.lower(), char.upper().lower(), char.casefold()))
    return frozenset(out)


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    keys: dict[str, frozenset[str]] = field(default_factory=dict)  # child's atom source -> its characters
    end: int | None = None  # list position of the (first) word that ends here
    first: int = 0  # the smallest list position of a word ending here or below


def trie_alternation(words: list[list[Atom]]) -> str:
    """``(?:...)`` matching what ``(?:w0|w1|...)`` matches, words in list order, each given as its atoms."""
    root = _Node(first=0)
    for position, atoms in enumerate(words):
        node = root
        for source, chars in atoms:
            child = node.children.get(source)
            if child is None:
                child = node.children[source] = _Node(first=position)
                node.keys[source] = chars
            node = child
        if node.end is None:  # a repeated word never matches where its first copy failed: dropped
            node.end = position
    return _group(_render(root))


def _group(parts: list[str]) -> str:
    return "(?:" + "|".join(parts) + ")"


def _render(node: _Node) -> list[str]:
    """The alternatives that spell the rests of the words below ``node``, in a safe order."""
    if not _factorable(node):
        return [source for _, source in sorted(_rests(node))]
    parts: list[str] = []
    for source, child in sorted(node.children.items(), key=lambda item: item[1].first):
        below = _render(child)
        parts.append(source + (below[0] if len(below) == 1 else _group(below)))
    if node.end is not None:
        parts.append("")  # the word ending here: after every longer one (checked by _factorable)
    return parts


def _factorable(node: _Node) -> bool:
    """No two children's first atoms share a character, and a word ending here comes after all longer ones."""
    seen: set[str] = set()
    for chars in node.keys.values():
        if seen & chars:
            return False
        seen |= chars
    if node.end is not None:
        return all(position < node.end for position, _ in _rests(node) if position != node.end)
    return True


def _rests(node: _Node) -> list[tuple[int, str]]:
    """(list position, regex of the rest after ``node``) of every word ending at or below it."""
    out: list[tuple[int, str]] = []
    if node.end is not None:
        out.append((node.end, ""))
    for source, child in node.children.items():
        out.extend((position, source + rest) for position, rest in _rests(child))
    return out


# what ``\s`` matches (str.isspace is Python's definition of white space, which the regex engine uses too)
WHITE_SPACE: frozenset[str] = frozenset(chr(code) for code in range(0x3100) if chr(code).isspace())
SPACE_RUN: Atom = (r"\s+", WHITE_SPACE)


def literal_atoms(word: str, escape: Callable[[str], str]) -> list[Atom]:
    """A word whose every character is one atom (``escape(char)``, matching that character alone)."""
    return [(escape(char), folded(char)) for char in word]
