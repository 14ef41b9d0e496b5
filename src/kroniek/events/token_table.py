"""Each document's token attributes read once into plain lists (issue 18, speed).

Reading ``nlp[i].text`` builds a spaCy ``Token`` object on every call (bounds check, allocation); the trigger
finder, the clause splitter and the qualifiers read the same few attributes of the same tokens tens of
times per sentence. A ``TokenTable`` holds them as lists indexed by token, built on first use and kept
per ``Doc`` in a weak mapping, so it goes when the document goes. The events stage changes no token
(no retokenising, no new lemmas), so the lists stay true for the document's life; a table whose length no
longer matches the document is built again all the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary, ref

if TYPE_CHECKING:
    from spacy.tokens import Doc

# characters stripped around a word before it is looked up (events/triggers.py: brackets too)
STRIP_CHARS = "„“”\"«»‘’'()[]"
# quote characters stripped around a word by the qualifiers (events/qualify.py)
QUOTE_CHARS = "„“”\"«»‘’'"


class TokenTable:
    """Per token: its text, lower-cased text, the text lower-cased and stripped of ``STRIP_CHARS`` (``norms``)
    or of ``QUOTE_CHARS`` (``quote_lows``), its lower-cased lemma and its coarse tag."""

    __slots__ = ("texts", "lowers", "norms", "quote_lows", "lemmas", "pos")

    def __init__(self, nlp: Doc) -> None:
        tokens = list(nlp)
        self.texts: list[str] = [t.text for t in tokens]
        self.lowers: list[str] = [text.lower() for text in self.texts]
        self.norms: list[str] = [low.strip(STRIP_CHARS) for low in self.lowers]
        self.quote_lows: list[str] = [low.strip(QUOTE_CHARS) for low in self.lowers]
        self.lemmas: list[str] = [t.lemma_.lower() for t in tokens]
        self.pos: list[str] = [t.pos_ for t in tokens]


_TABLES: WeakKeyDictionary[Doc, TokenTable] = WeakKeyDictionary()
# the last document asked for and its table: most calls ask for the same document as the call before, and an
# identity check through a weak reference costs less than the weak mapping's lookup
_last: tuple[ref[Doc], TokenTable] | None = None


def token_table(nlp: Doc) -> TokenTable:
    """The document's token table, built on first use."""
    global _last
    last = _last
    if last is not None and last[0]() is nlp and len(last[1].texts) == len(nlp):
        return last[1]
    table = _TABLES.get(nlp)
    if table is None or len(table.texts) != len(nlp):
        table = TokenTable(nlp)
        _TABLES[nlp] = table
    _last = (ref(nlp), table)
    return table
