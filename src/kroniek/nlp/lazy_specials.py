"""A spaCy tokenizer that adds its special cases when a text needs them, not all at load time.

The shipped Dutch pipeline's saved tokenizer holds 4,670 special cases (spaCy's Dutch abbreviation
list, 4,000 of them, plus its emoticons and whitespace cases), and kroniek adds its own abbreviations
(kroniek.nlp.segment). spaCy adds each one when the tokenizer is loaded: it checks it, makes its
lexemes, tokenises it once more for its special-case matcher (a Doc per case) and adds that to the
matcher: 0.2 CPU-s of every cold start (docs/performance.md, "Cold start, cold9"), for the handful of
cases one article uses.

A special case can only change the tokens of a text that contains its string: spaCy looks special
cases up by the hash of a whitespace-separated chunk, of what is left of a chunk while prefixes and
suffixes are split off, and of the text of a span its matcher found (``Tokenizer._specials.get`` in
spaCy's tokenizer.pyx), and all of these are substrings of the text. So the tokens of a text are the
same with every special case loaded and with only those whose string occurs in it (and any others):
``LazySpecialsTokenizer`` loads, before tokenising a text, the pending cases whose string it contains.
A case is added with spaCy's own ``add_special_case``, which also empties the tokenizer's cache, so
no chunk tokenised before is read back from it with fewer cases than it needs.

Finding the cases a text contains: all but a few special cases contain a character that is neither a
letter nor a digit (an abbreviation's full stop, an emoticon's colon). Each such case is filed under
its string up to and including its first such character (the "anchor"), and a text is scanned only at
its own non-word characters, looking back over the letters before each one. The cases without an
anchor (whitespace, "XD") are loaded at once.

spaCy's memory zones free the lexemes and strings made inside them: a special case added inside one
would point at freed lexemes afterwards. Cases are therefore added outside zones only
(``NlpStage.memory_zone(lang, texts)`` loads those of its texts before entering); a text that needs a
pending case inside a zone is refused with a RuntimeError rather than tokenised wrongly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from spacy.tokenizer import Tokenizer

# Non-word characters that may anchor a special case: not whitespace (a case that holds whitespace is
# loaded at once) and not a letter or digit. The same expression finds anchors in cases and in texts.
_ANCHOR = re.compile(r"[^\w\s]|_")
# Texts remembered as checked: a batch group's (kroniek.batch groups 8 articles).
CHECKED_KEPT = 16
# Every character that ends a run of letters and digits looking back from an anchor.
_BOUNDARY = re.compile(r"[^\w]|_")


class LazySpecialsTokenizer(Tokenizer):
    """spaCy's tokenizer, with the special cases of ``from_bytes``/``from_disk`` and of
    ``add_special_case`` kept pending until a text contains their string (module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pending: dict[str, list[dict[Any, Any]]] = {}  # string -> the token attributes
        self._by_prefix: dict[str, set[str]] = {}  # the string up to its anchor -> pending strings
        self._offsets: dict[str, list[int]] = {}  # anchor character -> the offsets it has in cases
        # the last texts found to need no pending case (a batch's texts are checked before its zone)
        self._checked: list[str] = []

    # ------------------------------------------------------------------------------------ loading
    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> LazySpecialsTokenizer:
        import srsly

        exclude = list(exclude)
        super().from_bytes(bytes_data, exclude=[*exclude, "exceptions"])
        self._clear_pending()
        if "exceptions" not in exclude:
            rules = srsly.msgpack_loads(bytes_data).get("exceptions")
            if isinstance(rules, dict):
                # spaCy adds them in sorted order: the same order for the ones added at once
                for string, substrings in sorted(rules.items()):
                    self.add_special_case(string, substrings)
        return self

    def from_disk(self, path: Any, *, exclude: Iterable[str] = ()) -> LazySpecialsTokenizer:
        from spacy import util

        with util.ensure_path(path).open("rb") as handle:
            return self.from_bytes(handle.read(), exclude=exclude)

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        self.load_all()  # spaCy writes the added cases only
        data: bytes = super().to_bytes(exclude=exclude)
        return data

    def add_special_case(self, string: str, substrings: Any) -> None:
        pending = getattr(self, "_pending", None)
        if pending is None:  # spaCy's __init__ (or a pickled copy) adding its cases: at once
            super().add_special_case(string, substrings)
            return
        self._validate_special_case(string, substrings)  # spaCy's checks, raised now as before
        substrings = list(substrings)
        anchor = _ANCHOR.search(string)
        if string in Tokenizer.rules.__get__(self) or anchor is None or any(c.isspace() for c in string):
            pending.pop(string, None)
            super().add_special_case(string, substrings)
            return
        pending[string] = substrings
        self._checked.clear()
        self._by_prefix.setdefault(string[: anchor.start() + 1], set()).add(string)
        offsets = self._offsets.setdefault(string[anchor.start()], [])
        if anchor.start() not in offsets:
            offsets.append(anchor.start())
            offsets.sort()

    @property
    def rules(self) -> dict[str, Any]:
        """Every special case, added or pending."""
        return {**Tokenizer.rules.__get__(self), **getattr(self, "_pending", {})}

    @rules.setter
    def rules(self, rules: dict[str, Any]) -> None:
        self._clear_pending()
        Tokenizer.rules.__set__(self, rules)

    def _clear_pending(self) -> None:
        if getattr(self, "_pending", None) is not None:
            self._pending.clear()
            self._by_prefix.clear()
            self._offsets.clear()

    # ------------------------------------------------------------------------------------- using
    def pending_in(self, text: str) -> list[str]:
        """The pending special cases whose string occurs in ``text``, sorted."""
        if not self._pending:
            return []
        found: set[str] = set()
        by_prefix, offsets = self._by_prefix, self._offsets
        after_boundary = 0  # where the current run of letters and digits began
        for match in _BOUNDARY.finditer(text):
            j = match.start()
            for k in offsets.get(text[j], ()):
                if k > j - after_boundary:
                    break  # the case's letters before its anchor would run past the run's start
                for string in by_prefix.get(text[j - k : j + 1], ()):
                    if text.startswith(string, j - k):
                        found.add(string)
            after_boundary = j + 1
        return sorted(found)

    def load_for(self, text: str) -> int:
        """Add the pending special cases that ``text`` contains; returns how many were added."""
        if any(text is checked for checked in self._checked):
            return 0
        strings = self.pending_in(text)
        if strings and self.vocab.in_memory_zone:
            raise RuntimeError(
                f"tokenizer special cases {strings[:5]} are needed inside a spaCy memory zone; "
                "load them before entering it (NlpStage.memory_zone(lang, texts))"
            )
        for string in strings:
            self._add_pending(string)
        self._checked = [*self._checked[-(CHECKED_KEPT - 1) :], text]
        return len(strings)

    def load_all(self) -> None:
        """Add every pending special case (the tokenizer then works as spaCy's own)."""
        if self._pending and self.vocab.in_memory_zone:
            raise RuntimeError("tokenizer special cases cannot be added inside a spaCy memory zone")
        for string in sorted(self._pending):
            self._add_pending(string)

    def _add_pending(self, string: str) -> None:
        substrings = self._pending.pop(string)
        anchor = _ANCHOR.search(string)
        if anchor is not None:
            self._by_prefix[string[: anchor.start() + 1]].discard(string)
        Tokenizer.add_special_case(self, string, substrings)

    def __reduce__(self) -> tuple[Any, ...]:
        # a copy (pickled for another process) gets every case, added at once
        kind, args, *rest = super().__reduce__()
        return (kind, (args[0], self.rules, *args[2:]), *rest)

    def __call__(self, string: str) -> Any:
        if self._pending:
            self.load_for(string)
        return super().__call__(string)
