"""The learned trigger model's features for all of an article's candidate words at once (issue 18, speed).

``kroniek.events.learned.token_features`` is the definition (training reads it token by token); it builds a
spaCy ``Token`` for the word, its neighbours, its head and each child, and looks every attribute up in the
string store on each read: about a third of the events stage's time went into scoring. Here the attributes
are read once per document with ``Doc.to_array`` (one C loop), the strings decoded once per distinct value,
and the same feature strings built from plain lists, in the same order
(tests/events/test_model_features.py compares both on every token). Feature set 2's context features are
still read through spaCy tokens (``context_features``), for the candidate words only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from kroniek.events.learned import (
    _CONTENT_POS,
    _FEATURE_DEPS,
    _MARKER_DEPS,
    _SENTENCE_ENDS,
    _WINDOW,
    ArticleContext,
    ComplementRecord,
    complement_features,
    complement_role,
    context_features,
    word_features,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(slots=True)
class TokenColumns:
    """One document's token attributes as lists indexed by token: ``lower_``, ``lemma_``, ``pos_``, ``dep_``,
    ``head.i``, ``has_head()``, ``is_title``, ``is_alpha``, ``idx``, the length of ``text`` and ``str(morph)``."""

    lowers: list[str]
    lemmas: list[str]
    pos: list[str]
    deps: list[str]
    heads: list[int]
    has_head: list[bool]
    titles: list[bool]
    alphas: list[bool]
    idxs: list[int]
    lengths: list[int]
    morphs: list[str]


def token_columns(doc: Doc) -> TokenColumns:
    from spacy.attrs import DEP, HEAD, IDX, IS_ALPHA, IS_TITLE, LEMMA, LENGTH, LOWER, MORPH, POS
    from spacy.parts_of_speech import NAMES as POS_NAMES

    n = len(doc)
    if n == 0:
        return TokenColumns([], [], [], [], [], [], [], [], [], [], [])
    table = doc.to_array([LOWER, LEMMA, DEP, POS, HEAD, IS_TITLE, IS_ALPHA, IDX, LENGTH, MORPH])
    strings = doc.vocab.strings

    def decoded(column: np.ndarray) -> list[str]:
        values = column.tolist()
        names = {value: strings[value] for value in set(values)}
        return [names[value] for value in values]

    # HEAD is the head's offset from the token, stored unsigned: read as signed it is the distance. A token
    # without a dependency label has no head (spaCy's ``Token.head`` is then the token itself).
    offsets = np.where(table[:, 2] == 0, 0, table[:, 4].astype(np.int64))
    heads = (offsets + np.arange(n, dtype=np.int64)).tolist()
    return TokenColumns(
        has_head=(table[:, 2] != 0).tolist(),
        lowers=decoded(table[:, 0]),
        lemmas=decoded(table[:, 1]),
        deps=decoded(table[:, 2]),
        pos=[POS_NAMES[value] for value in table[:, 3].tolist()],
        heads=heads,
        titles=table[:, 5].astype(bool).tolist(),  # (Python bools, converted in C)
        alphas=table[:, 6].astype(bool).tolist(),
        idxs=table[:, 7].tolist(),
        lengths=table[:, 8].tolist(),
        morphs=decoded(table[:, 9]),
    )


def candidate_indices(columns: TokenColumns, also: dict[int, str]) -> list[int]:
    """The tokens ``learned.is_candidate`` accepts, and those in ``also``, in text order."""
    alphas, lengths, pos = columns.alphas, columns.lengths, columns.pos
    return [i for i in range(len(alphas)) if (alphas[i] and lengths[i] > 1 and pos[i] in _CONTENT_POS) or i in also]


def sentence_bounds(lowers: list[str]) -> tuple[list[int], list[int]]:
    """Per token: the first token after the last sentence end before it, and the first sentence end after it
    (else the text's length); the sentence ends of ``learned.sentence_neighbours``."""
    n = len(lowers)
    starts, ends = [0] * n, [n] * n
    start = 0
    for i, lower in enumerate(lowers):
        starts[i] = start
        if lower in _SENTENCE_ENDS:
            start = i + 1
    end = n
    for i in range(n - 1, -1, -1):
        ends[i] = end
        if lowers[i] in _SENTENCE_ENDS:
            end = i
    return starts, ends


def complement_records_by_head(
    columns: TokenColumns, named: list[str], complements: dict[int, str]
) -> dict[int, list[ComplementRecord]]:
    """Per head token: the ``ComplementRecord`` of each of its dependents with a complement role, in text order
    (what ``learned.token_features`` reads child by child). One pass over the document: every token has one
    head, so each record is built once, and each dependency label's role looked up once (per candidate word,
    child by child, this was the costliest part of feature sets 3 and 4)."""
    lowers, deps, heads, pos_of, morphs = columns.lowers, columns.deps, columns.heads, columns.pos, columns.morphs
    roles = {dep: complement_role(dep) for dep in set(deps)}
    markers: dict[int, str] = {}  # token -> the first of its own "case"/"mark" dependents
    for token, dep in enumerate(deps):
        if dep in _MARKER_DEPS and heads[token] != token:
            markers.setdefault(heads[token], lowers[token])
    reflexive = {morph: "Reflex=Yes" in morph for morph in set(morphs)}
    out: dict[int, list[ComplementRecord]] = {}
    for child, dep in enumerate(deps):
        role = roles[dep]
        head = heads[child]
        if role is not None and head != child:
            marker, rule = markers.get(child, "-"), complements.get(child, "-")
            out.setdefault(head, []).append((role, named[child], pos_of[child], reflexive[morphs[child]], marker, rule))
    return out


def candidate_features(
    doc: Doc,
    columns: TokenColumns,
    indices: list[int],
    lang: str,
    rule_types: dict[int, str],
    context: ArticleContext | None = None,
    complements: dict[int, str] | None = None,
) -> list[list[str]]:
    """``learned.token_features`` of each token in ``indices`` (the same strings, in the same order)."""
    lowers, lemmas, pos_of, deps, heads = columns.lowers, columns.lemmas, columns.pos, columns.deps, columns.heads
    has_head = columns.has_head
    n = len(lowers)
    # (lemma_ or lower_).lower(): the word a head or a child is named by
    named = [(lemma or lower).lower() for lemma, lower in zip(lemmas, lowers, strict=True)]
    children: dict[int, list[int]] = {}  # (read by feature set 2's context features only)
    # per head: "has_ROLE" and "LANG:ROLE=word" of each subject, object, oblique or nominal modifier, in text
    # order (they depend on the dependent alone: built once per dependent, not per candidate word)
    dependent_features: dict[int, list[str]] = {}
    for i, head in enumerate(heads):
        if head != i:
            if context is not None:
                children.setdefault(head, []).append(i)
            if deps[i] in _FEATURE_DEPS:
                role = "subj" if deps[i].startswith("nsubj") else deps[i]
                dependent_features.setdefault(head, []).extend((f"has_{role}", f"{lang}:{role}={named[i][:6]}"))
    if complements is not None:  # learned.sentence_neighbours for every word at once
        shorts = [lower[:6] for lower in lowers]
        starts, ends = sentence_bounds(lowers)
        complement_records = complement_records_by_head(columns, named, complements)
    out: list[list[str]] = []
    for i in indices:
        lower = lowers[i]
        lemma = lemmas[i].lower()
        pos, dep = pos_of[i], deps[i]
        prev_word = lowers[i - 1] if i > 0 else "<s>"
        next_word = lowers[i + 1] if i + 1 < n else "</s>"
        rule = rule_types.get(i) or "-"
        feats = word_features(lang, lower, lemma, prev_word, next_word, pos, dep, columns.titles[i], rule)
        if has_head[i]:  # token_features: spaCy's ``head`` is a new Token (also a root's own), or the token itself
            head_word = named[heads[i]]
            feats.append(f"{lang}:head={head_word}")
            feats.append(f"{lang}:dep+head={dep}|{head_word[:5]}")
        feats.extend(dependent_features.get(i, ()))
        if context is not None:
            own_children = [doc[c] for c in children.get(i, ())]
            feats.extend(context_features(doc[i], lang, own_children, context))
        if complements is not None:
            before = shorts[max(starts[i], i - _WINDOW) : i][::-1]
            after = shorts[i + 1 : min(ends[i], i + _WINDOW + 1)]
            records = complement_records.get(i, [])
            feats.extend(complement_features(lang, lower, lemma, next_word, before, after, records))
        out.append(feats)
    return out
