"""Definite re-mentions of an organisation by its type noun ("the union", "de partij", "la coalition", "das
Gericht"): the organisation of that type the article named last before it (issue 13, arguments that survive:
"The union rejected the offer" after "the FNV union" is FNV).

An organisation has a type when its name holds one of the type's name words ("Korean Confederation of Trade
Unions" is a union, "Islamabad High Court" a court) or when the text writes a type noun right beside a mention
of it ("de vakbond ABVV", "the FNV union", "le parti Vlaams Belang"). Types and their words are data
(``[[org_type]]`` in data/roles.toml). Only singular type nouns after a definite article are read, and only
where no other mention covers them.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

from kroniek.actors.kb import KBActor
from kroniek.actors.lexicon import DEFINITE, Found, NewActor
from kroniek.lang.text import Token, fold


@lru_cache(maxsize=1)
def org_types() -> tuple[dict[str, dict[str, str]], dict[str, tuple[str, ...]]]:
    """(lang -> folded type noun -> type, type -> folded name words) from data/roles.toml [[org_type]]."""
    text = (resources.files("kroniek.actors") / "data" / "roles.toml").read_text(encoding="utf-8")
    nouns: dict[str, dict[str, str]] = {}
    words: dict[str, tuple[str, ...]] = {}
    for entry in tomllib.loads(text).get("org_type", []):
        kind = entry["type"]
        for lang in ("nl", "en", "de", "fr"):
            for noun in entry.get(lang, []):
                nouns.setdefault(lang, {})[fold(noun)] = kind
        words[kind] = tuple(fold(w) for w in entry.get("name_words", []))
    return nouns, words


def _organisation(found: Found) -> KBActor | NewActor | None:
    ref = found.ref
    if isinstance(ref, KBActor | NewActor) and ref.kind in ("organization", "media"):
        return ref
    return None


def org_rementions(text: str, tokens: list[Token], found: list[Found], lang: str) -> list[Found]:
    """Mentions of the organisations in ``found`` by a definite type noun after them."""
    nouns_by_lang, name_words = org_types()
    nouns = nouns_by_lang.get(lang, {})
    if not nouns:
        return []
    covered = bytearray(len(text) + 1)
    for f in found:
        covered[f.start : f.end] = b"\x01" * (f.end - f.start)
    index_at = {t.start: k for k, t in enumerate(tokens)}
    # the type of each organisation: from its name, else from a type noun written beside one of its mentions
    types: dict[str, set[str]] = {}
    for f in found:
        ref = _organisation(f)
        if ref is None:
            continue
        name = f" {fold(ref.name)} "
        kinds = types.setdefault(ref.key, set())
        kinds.update(kind for kind, words in name_words.items() if any(f" {w}" in name for w in words))
        first = index_at.get(f.start)
        if first is None:
            continue
        last = first
        while last + 1 < len(tokens) and tokens[last + 1].start < f.end:
            last += 1
        for k in (first - 1, last + 1):
            if 0 <= k < len(tokens) and tokens[k].key in nouns:
                kinds.add(nouns[tokens[k].key])
    organisations = sorted((f for f in found if _organisation(f) is not None), key=lambda f: f.start)
    out = []
    for k, tok in enumerate(tokens):
        kind = nouns.get(tok.key)
        if (
            kind is None
            or k == 0
            or tokens[k - 1].key not in DEFINITE
            or covered[tok.start]
            or covered[tokens[k - 1].start]
        ):
            continue
        if (
            k + 1 < len(tokens)
            and text[tok.end : tokens[k + 1].start].strip() == ""
            and tokens[k + 1].text[:1].isupper()
        ):
            continue  # "de vakbond ABVV": a name follows, left to the name rules
        before = [f for f in organisations if f.end <= tokens[k - 1].start and kind in types.get(f.ref.key, set())]
        if before:
            out.append(Found(tokens[k - 1].start, tok.end, before[-1].ref, "description"))
    return out
