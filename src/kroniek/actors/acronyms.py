"""An organisation's acronym that the article defines: "the National Emergency Operation Centre (NEOC)", then
"NEOC" alone is the same organisation (issue 13, round 9). The knowledge base knows the acronyms of the large
organisations ("IAEA", "WFP"), not those of a country's agencies, parties and rebel fronts, which news spells
out once and then abbreviates; the later mentions were found as nothing.

The acronym is read only where it stands in brackets right after a mention of an organisation that the rules
found, and only when it spells that mention's words: every capitalised word gives its first letter, in order,
and a lower-case word may give one ("Forces de soutien rapide (FSR)", "Organisation for the Prohibition of
Chemical Weapons (OPCW)"). Later the acronym, written exactly so, is that organisation wherever no other
mention covers it.
"""

from __future__ import annotations

import re

from kroniek.actors.kb import KBActor
from kroniek.actors.lexicon import Found, NewActor
from kroniek.lang.text import Token

# "(NEOC)", "( TPLF )": two to ten capitals or digits, no lower-case letter ("(Reuters)", "(Ap)" are no acronym)
DEFINED_RE = re.compile(r"\s*\(\s*([A-Z][A-Z0-9&]{1,9})\s*\)")
WORD_SPLIT_RE = re.compile(r"[\s\-]+")


def spells(acronym: str, name: str) -> bool:
    """Whether ``acronym`` is made of the first letters of ``name``'s words: each capitalised word gives its
    letter, in order; a lower-case word may ("de", "for the") or may not ("soutien")."""
    letters = "".join(ch for ch in acronym if ch.isalpha())
    words = [w for w in WORD_SPLIT_RE.split(name) if w[:1].isalpha()]
    while words and not words[0][0].isupper():
        words.pop(0)  # the article before the name: "the", "het", "la"
    if len(letters) < 2 or not words:
        return False
    pattern = "".join(re.escape(w[0].upper()) if w[0].isupper() else f"(?:{re.escape(w[0].upper())})?" for w in words)
    return re.fullmatch(pattern, letters) is not None


def _organisation(found: Found) -> KBActor | NewActor | None:
    ref = found.ref
    if isinstance(ref, KBActor | NewActor) and ref.kind == "organization":
        return ref
    return None


def acronym_rementions(text: str, tokens: list[Token], found: list[Found]) -> list[Found]:
    """Mentions, by the acronym the article defines for it, of each organisation in ``found``."""
    defined: dict[str, KBActor | NewActor] = {}
    brackets: set[int] = set()  # where each definition's acronym stands
    for f in sorted(found, key=lambda f: f.start):
        ref = _organisation(f)
        if ref is None:
            continue
        m = DEFINED_RE.match(text, f.end)
        if m is None or m.group(1) in defined or not spells(m.group(1), text[f.start : f.end]):
            continue
        defined[m.group(1)] = ref
        brackets.add(m.start(1))
    if not defined:
        return []
    covered = bytearray(len(text) + 1)
    for f in found:
        covered[f.start : f.end] = b"\x01" * (f.end - f.start)
    return [
        Found(tok.start, tok.end, defined[tok.text], "name")
        for tok in tokens
        if tok.text in defined and tok.start not in brackets and not covered[tok.start]
    ]
