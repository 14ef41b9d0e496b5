"""The learned event-trigger model: which word of a sentence expresses an event, and of which PLOVER type.

A multinomial logistic regression over hashed token features (docs/events.md, "The learned coder"). The
features are what generalises across inflections and unseen wordings: the lower-cased word and its first
four to six letters (a stem for Dutch, German and French inflection and compounds), the lemma and part of
speech where the language's pipeline gives them, the dependency relation and the head's lemma, the
neighbouring words, and the lexicon coder's own decision for the token ("rule=AGREE"), so the lexicon is one
signal among several rather than the gate. Lexical features are prefixed with the language; the syntactic
and lexicon ones are shared, so what is learned in one language helps the others.

The model is small (hashed weights, float16) and pure numpy: scoring a token costs a few dozen additions.
It is trained by ``kroniek train`` (kroniek.training.events) from a folder of gold chronicles.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from kroniek.chronicle.types import PROPOSITION_TYPES, TriggerKind, event_type
from kroniek.document import EventRecord
from kroniek.errors import KroniekError
from kroniek.events.lexicon import TriggerEntry

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

OUTSIDE = "O"
MODEL_FORMAT = "kroniek-trigger-model/1"
_CONTENT_POS = {"VERB", "NOUN", "ADJ", "AUX", "PROPN", "ADV", ""}
# An auxiliary or copula carries the tense or voice of the verb it serves, never an act of its own: the model
# is not let to propose one ("was" in "was attacked" scored as a second ASSAULT by feature set 3).
_FUNCTION_DEPS = frozenset({"aux", "aux:pass", "cop"})


def _stable_hash(feature: str, buckets: int) -> int:
    return zlib.crc32(feature.encode("utf-8")) % buckets


def is_candidate(token: Token) -> bool:
    """Words that may express an event: content words (any alphabetic word where no tagger ran)."""
    return token.is_alpha and len(token.text) > 1 and token.pos_ in _CONTENT_POS


def children_of(doc: Doc) -> dict[int, list[Token]]:
    """Token index -> its dependents, read from the heads (``Token.children`` can crash on a doc whose sentence
    boundaries were set after parsing, as the news segmentation does)."""
    out: dict[int, list[Token]] = {}
    for token in doc:
        if token.head.i != token.i:
            out.setdefault(token.head.i, []).append(token)
    return out


_FEATURE_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "dobj", "obl", "nmod"})


def word_features(
    lang: str, lower: str, lemma: str, prev_word: str, next_word: str, pos: str, dep: str, title: bool, rule: str
) -> list[str]:
    """The features a word gets from itself and its neighbours, in the order the trained models saw them; shared by
    :func:`token_features` (training, token by token) and ``model_features`` (a whole article at once)."""
    feats = [
        "bias",
        f"{lang}:w={lower}",
        f"{lang}:p4={lower[:4]}",
        f"{lang}:p5={lower[:5]}",
        f"{lang}:p6={lower[:6]}",
        f"{lang}:s3={lower[-3:]}",
        f"{lang}:prev={prev_word}",
        f"{lang}:next={next_word}",
        f"{lang}:prev+w={prev_word}|{lower[:5]}",
        f"pos={pos}",
        f"dep={dep}",
        f"pos+dep={pos}|{dep}",
        f"title={title}",
        f"rule={rule}",
        f"rule+pos={rule}|{pos}",
    ]
    if lemma and lemma != lower:
        feats.append(f"{lang}:lem={lemma}")
    return feats


def token_features(
    token: Token,
    lang: str,
    rule_type: str | None,
    children: dict[int, list[Token]] | None = None,
    context: ArticleContext | None = None,
    complements: dict[int, str] | None = None,
) -> list[str]:
    """The features of one token (strings; hashed by the model). ``children``: from :func:`children_of`;
    ``context``: given, the features of set 2 are added (:func:`context_features`); ``complements``: the
    lexicon's decisions per token, given, the features of the word's complements are added (sets 3 and 4,
    :func:`complement_features`)."""
    # each attribute read once: a spaCy attribute such as ``pos_`` is looked up in the string store per read
    lower = token.lower_
    lemma = (token.lemma_ or "").lower()
    pos, dep, i = token.pos_, token.dep_, token.i
    head = token.head
    doc = token.doc
    prev_word = doc[i - 1].lower_ if i > 0 else "<s>"
    next_word = doc[i + 1].lower_ if i + 1 < len(doc) else "</s>"
    rule = rule_type or "-"
    feats = word_features(lang, lower, lemma, prev_word, next_word, pos, dep, token.is_title, rule)
    if head is not token:  # always so: spaCy makes a new Token per access (the trained models saw it so)
        head_word = (head.lemma_ or head.lower_).lower()
        feats.append(f"{lang}:head={head_word}")
        feats.append(f"{lang}:dep+head={dep}|{head_word[:5]}")
    own_children = (children if children is not None else children_of(token.doc)).get(token.i, [])
    for child in own_children:
        child_dep = child.dep_
        if child_dep in _FEATURE_DEPS:
            role = "subj" if child_dep.startswith("nsubj") else child_dep
            feats.append(f"has_{role}")
            feats.append(f"{lang}:{role}={(child.lemma_ or child.lower_).lower()[:6]}")
    if context is not None:
        feats.extend(context_features(token, lang, own_children, context))
    if complements is not None:
        before, after = sentence_neighbours(
            [t.lower_ for t in doc[max(0, i - _WINDOW) : i + _WINDOW + 1]], min(i, _WINDOW)
        )
        records = []
        for child in own_children:
            complement = complement_role(child.dep_)
            if complement is not None:
                grandchildren = (children if children is not None else children_of(doc)).get(child.i, [])
                marker = next((g.lower_ for g in grandchildren if g.dep_ in _MARKER_DEPS), "-")
                reflexive = "Reflex=Yes" in str(child.morph)
                named = (child.lemma_ or child.lower_).lower()
                records.append((complement, named, child.pos_, reflexive, marker, complements.get(child.i, "-")))
        feats.extend(complement_features(lang, lower, lemma, next_word, before, after, records))
    return feats


# Feature sets 3 and 4 (round 8, issue 13) add what tells a verb's senses apart: its complements. "ordered
# three days of mourning" is no SANCTION, "s'est imposé comme" no SANCTION, "zet X voor het blok" no
# SANCTION, "continue to take action" no AGREE: the same verbs are triggers with other objects. Where the
# language's pipeline parses (en, nl), each complement of the word gives its lemma, part of speech, the
# preposition or conjunction heading it ("to", "that", "voor"), whether it is reflexive ("zich",
# "themselves": the morphology's Reflex=Yes) and the lexicon's type for it, each joined with the word's
# lemma; a separable particle ("zet ... voort") is a complement too. Where it does not (de, fr: no parser),
# the words around it stand in for the complements: the word's stem joined with each of the three words on
# either side ("s'" "est" before "imposé", "comme" after it; "sich" after "setzte"). Set 3 is set 1 with
# these, set 4 set 2 with these.
_COMPLEMENT_SETS = frozenset({3, 4})
_CONTEXT_SETS = frozenset({2, 4})
_WINDOW = 3  # words on either side of the word
_MARKER_DEPS = frozenset({"case", "mark"})
# a dependency relation (before its ":" subtype) -> the complement role it names
_COMPLEMENT_ROLES = {
    "obj": "obj",
    "dobj": "obj",
    "iobj": "iobj",
    "obl": "obl",
    "nmod": "nmod",
    "xcomp": "xcomp",
    "ccomp": "ccomp",
    "prt": "prt",
    "compound:prt": "prt",
    "expl:pv": "prt",  # Dutch inherent reflexives ("zich verzetten") are labelled like particles
}


FEATURE_SETS = (1, 2, 3, 4)


def checked_feature_set(value: Any) -> int:
    """``value`` as a known feature set number, else E419 (a training option, or a model's "feature_set")."""
    if isinstance(value, bool) or not isinstance(value, int) or value not in FEATURE_SETS:
        raise KroniekError("E419", value=value, known=", ".join(map(str, FEATURE_SETS)))
    return value


def uses_context(feature_set: int) -> bool:
    """Whether models of ``feature_set`` read the article context (:func:`context_features`)."""
    return feature_set in _CONTEXT_SETS


def uses_complements(feature_set: int) -> bool:
    """Whether models of ``feature_set`` read the word's complements (:func:`complement_features`)."""
    return feature_set in _COMPLEMENT_SETS


# One complement of a word, as complement_features reads it: its role (complement_role), its lemma (else the
# lower-cased word), part of speech, whether it is reflexive, the first of its own "case"/"mark" dependents
# (else "-") and the lexicon's type for it (else "-"). A plain tuple: thousands are made per article.
ComplementRecord = tuple[str, str, str, bool, str, str]


@lru_cache(maxsize=256)
def complement_role(dep: str) -> str | None:
    """The complement role a dependency relation names ("obl:arg" -> "obl"), or None."""
    return _COMPLEMENT_ROLES.get(dep) or _COMPLEMENT_ROLES.get(dep.split(":")[0])


def sentence_neighbours(window: list[str], position: int) -> tuple[list[str], list[str]]:
    """The words before and after the word at ``position`` of ``window`` (lower-cased words), nearest first,
    up to a sentence end, each cut to six letters."""
    before, after = window[position - 1 :: -1] if position else [], window[position + 1 :]
    # (set look-ups in C: most windows hold no sentence end)
    if not _SENTENCE_ENDS.isdisjoint(before):
        before = before[: min(j for j, word in enumerate(before) if word in _SENTENCE_ENDS)]
    if not _SENTENCE_ENDS.isdisjoint(after):
        after = after[: min(j for j, word in enumerate(after) if word in _SENTENCE_ENDS)]
    return [word[:6] for word in before], [word[:6] for word in after]


def complement_features(
    lang: str,
    lower: str,
    lemma: str,
    next_word: str,
    before: list[str],
    after: list[str],
    children: list[ComplementRecord],
) -> list[str]:
    """Feature sets 3 and 4: the word joined with its complements (parsed languages) and with the words around
    it (all languages). ``before``, ``after``: the words on either side, nearest first (``_WINDOW`` at most,
    none past a sentence end, six letters of each: :func:`sentence_neighbours`); ``next_word``: the word
    after it (else "</s>")."""
    stem = lower[:5]
    left, right = f"{lang}:w5<{stem}|", f"{lang}:w5>{stem}|"
    feats = [f"{lang}:w5+next={stem}|{next_word}", *[left + word for word in before], *[right + word for word in after]]
    head = lemma or lower
    for role, named, pos, reflexive, marker, rule in children:
        if reflexive:
            feats.append("refl")
            feats.append(f"{lang}:l+refl={head}")
            continue
        feats.append(f"{lang}:l+{role}={head}|{named[:8]}")
        if role == "prt":
            continue
        feats.append(f"{lang}:l+{role}pos={head}|{pos}")
        if marker != "-":
            feats.append(f"{role}_mark")
            feats.append(f"{lang}:l+{role}mark={head}|{marker}")
        if rule != "-":
            feats.append(f"{role}_rule={rule}")
    return feats


# Feature set 2 (round 3) adds what a word's neighbourhood in the article says: lemma bigrams, morphology,
# whether its subject, object or head is an actor mention, how near the nearest actor mention is, and the
# lexicon's decision for its head ("demanded ... withdrawal": the head is a REQUEST). A model records the
# set it was trained with (model.json "feature_set"); models without it are set 1.
FEATURE_SET = 2
_ACTOR_REACH = (3, 8)  # nearest actor mention within this many tokens: two buckets
_SENTENCE_ENDS = frozenset({".", "!", "?", ";"})


@dataclass(slots=True)
class ArticleContext:
    """What feature set 2 reads beyond the token and its parse: the lexicon's decisions per token and the
    tokens inside actor mentions."""

    rules: dict[int, str] = field(default_factory=dict)
    actor_tokens: frozenset[int] = frozenset()


def actor_tokens_of(doc: Doc, mention_spans: list[tuple[int, int]]) -> frozenset[int]:
    """Token indices covered by the character spans of actor mentions."""
    out: set[int] = set()
    for start, end in mention_spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return frozenset(out)


def _nearest_actor(token: Token, actor_tokens: frozenset[int], step: int) -> str:
    doc = token.doc
    for distance in range(1, _ACTOR_REACH[-1] + 1):
        i = token.i + step * distance
        if i < 0 or i >= len(doc) or doc[i].text in _SENTENCE_ENDS:
            return "none"
        if i in actor_tokens:
            return "near" if distance <= _ACTOR_REACH[0] else "mid"
    return "none"


def context_features(token: Token, lang: str, children: list[Token], context: ArticleContext) -> list[str]:
    """Feature set 2: lemma bigrams, morphology, actor mentions around the word, the head's lexicon type."""
    doc = token.doc
    lemma = (token.lemma_ or token.lower_).lower()
    prev_lemma = (doc[token.i - 1].lemma_ or doc[token.i - 1].lower_).lower() if token.i > 0 else "<s>"
    next_lemma = (doc[token.i + 1].lemma_ or doc[token.i + 1].lower_).lower() if token.i + 1 < len(doc) else "</s>"
    feats = [
        f"{lang}:pl+l={prev_lemma}|{lemma}",
        f"{lang}:l+nl={lemma}|{next_lemma}",
        f"actor_left={_nearest_actor(token, context.actor_tokens, -1)}",
        f"actor_right={_nearest_actor(token, context.actor_tokens, 1)}",
    ]
    for key in ("VerbForm", "Tense", "Mood", "Voice", "Number"):
        for value in token.morph.get(key, []):
            feats.append(f"morph={key}:{value}")
    head = token.head
    if head.i != token.i:  # (spaCy makes a new Token object per access: compare indices)
        feats.append(f"head_rule={context.rules.get(head.i, '-')}")
        feats.append(f"head_actor={head.i in context.actor_tokens}")
    for child in children:
        role = _ROLE_OF_DEP.get(child.dep_)
        if role is None:
            continue
        in_actor = any(i in context.actor_tokens for i in range(child.left_edge.i, child.right_edge.i + 1))
        feats.append(f"{role}_actor={in_actor}")
        if role == "obl":
            case = next((c.lower_ for c in doc[child.left_edge.i : child.i] if c.dep_ == "case"), "-")
            feats.append(f"{lang}:obl_case={case}")
    return feats


_ROLE_OF_DEP = {"nsubj": "subj", "nsubj:pass": "subjpass", "obj": "obj", "dobj": "obj", "iobj": "iobj", "obl": "obl"}


@dataclass(slots=True)
class TriggerScore:
    token: int  # token index in the spaCy doc
    label: str  # a PLOVER type or "O"
    probability: float  # of that label
    event_probability: float  # 1 - P(O)


class TriggerModel:
    """Hashed-feature softmax classifier over {O, the 16 PLOVER types}."""

    def __init__(self, labels: list[str], buckets: int, weights: np.ndarray, bias: np.ndarray, meta: dict[str, Any]):
        self.labels = labels
        self.buckets = buckets
        self.weights = weights  # (buckets, n_labels)
        self.bias = bias  # (n_labels,)
        self.meta = meta
        self.threshold: float = float(meta.get("threshold", 0.5))

    @classmethod
    def empty(cls, labels: list[str], buckets: int = 1 << 18) -> TriggerModel:
        return cls(labels, buckets, np.zeros((buckets, len(labels)), np.float32), np.zeros(len(labels), np.float32), {})

    def indices(self, features: list[str]) -> np.ndarray:
        return np.fromiter((_stable_hash(f, self.buckets) for f in features), dtype=np.int64, count=len(features))

    def probabilities_many(self, feature_lists: list[list[str]]) -> np.ndarray:
        """One row of class probabilities per feature list, all in one pass: the features hashed together
        and each token's weight rows summed by one ``np.add.reduceat`` (scoring token by token, with a
        handful of numpy calls each, cost about a tenth of an article's time). The same numbers, to the
        bit, as ``probabilities(indices(f))`` for each list."""
        if not feature_lists:
            return np.zeros((0, len(self.labels)), np.float32)
        # hashed by C iterators (map, chain), not a Python loop per feature: some 5,000 features per article
        # (str.encode's default is UTF-8, as in _stable_hash)
        hashes = map(zlib.crc32, map(str.encode, chain.from_iterable(feature_lists)))
        count = sum(map(len, feature_lists))
        idx = np.fromiter(hashes, dtype=np.int64, count=count) % self.buckets
        starts = np.zeros(len(feature_lists), dtype=np.int64)
        np.cumsum([len(features) for features in feature_lists[:-1]], out=starts[1:])
        return self._softmax_of_sums(idx, starts)

    def probabilities(self, idx: np.ndarray) -> np.ndarray:
        """Class probabilities of one token from its feature indices."""
        return self._softmax_of_sums(np.asarray(idx, dtype=np.int64), np.zeros(1, dtype=np.int64))[0]

    def _softmax_of_sums(self, idx: np.ndarray, starts: np.ndarray) -> np.ndarray:
        """Softmax of (the weight rows of idx[starts[k]:starts[k+1]] summed + bias), one row per k. One
        routine for one token and for many, so that both give the same bits. A slice must not be empty
        (reduceat would read the row at its start); every token's features include "bias"."""
        if len(idx) == 0:  # no features at all: the bias alone
            return np.tile(self._softmax(self.bias[None, :].astype(np.float32)), (len(starts), 1))
        sums = np.add.reduceat(self.weights[idx], starts, axis=0, dtype=np.float32) + self.bias
        return self._softmax(sums)

    @staticmethod
    def _softmax(scores: np.ndarray) -> np.ndarray:
        scores = scores - scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def save(self, path: str | Path) -> None:
        """Only non-zero rows are written (float16): a few MB instead of buckets x labels."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        rows = np.flatnonzero(np.abs(self.weights).max(axis=1) > 1e-4)
        np.savez_compressed(
            path / "weights.npz",
            rows=rows.astype(np.int32),
            values=self.weights[rows].astype(np.float16),
            bias=self.bias,
        )
        meta = {**self.meta, "format": MODEL_FORMAT, "labels": self.labels, "buckets": self.buckets}
        meta["threshold"] = self.threshold
        (path / "model.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> TriggerModel:
        path = Path(path)
        try:
            meta = json.loads((path / "model.json").read_text(encoding="utf-8"))
            arrays = np.load(path / "weights.npz")
        except (OSError, ValueError) as exc:
            raise KroniekError("E193", where=str(path), detail=str(exc)) from exc
        if meta.get("format") != MODEL_FORMAT:
            raise KroniekError("E193", where=str(path), detail=f"format {meta.get('format')!r} is not {MODEL_FORMAT}")
        if meta.get("feature_set", 1) not in FEATURE_SETS:  # a later version's model reads features this one lacks
            raise KroniekError("E193", where=str(path), detail=f"feature set {meta.get('feature_set')!r} is unknown")
        weights = np.zeros((int(meta["buckets"]), len(meta["labels"])), np.float32)
        weights[arrays["rows"]] = arrays["values"].astype(np.float32)
        return cls(list(meta["labels"]), int(meta["buckets"]), weights, arrays["bias"].astype(np.float32), meta)


# ------------------------------------------------------------------------------------ the stage's use of it

# A word the model thinks is an event but cannot type ("keek" split over ACCUSE, CONSULT, SUPPORT …) is not
# proposed: a wrongly typed event is both a miss and a spurious one. Chosen on the corpus dev split.
MIN_TYPE_PROBABILITY = 0.4
SHIPPED_MODEL = Path(__file__).resolve().parents[1] / "models" / "events"
_NOUN_POS = {"NOUN", "PROPN"}


@dataclass(slots=True)
class ModelSignals:
    """What the model tells the lexicon coder about one article (events/stage.py reads it twice)."""

    proposals: dict[int, TriggerEntry] = field(default_factory=dict)  # token -> entry the lexicon lacked
    vetoed: frozenset[int] = frozenset()  # tokens whose lexicon match the model does not believe
    scores: dict[int, TriggerScore] = field(default_factory=dict)  # character offset of a token -> its score
    features: dict[int, list[str]] = field(default_factory=dict)  # character offset -> the token's features
    model: TriggerModel | None = None


@lru_cache(maxsize=4)
def load_trigger_model(setting: str) -> TriggerModel | None:
    """``"shipped"`` (kroniek/models/events, when present), ``"none"``, or a directory written by ``kroniek train``."""
    if setting == "none":
        return None
    if setting == "shipped":
        return _shipped_trigger_model() if (SHIPPED_MODEL / "model.json").is_file() else None
    return TriggerModel.load(setting)


def _shipped_trigger_model() -> TriggerModel:
    """The shipped model through kroniek's disk cache: unpacking the compressed weights into the dense
    (buckets x labels) float32 matrix took about 0.1 CPU-s of every cold start and 18 MB of each worker's
    own memory; the cached matrix is mapped from the file (read-only, its pages shared by the workers)."""
    from kroniek.pipeline.datacache import cached_build

    sources = [SHIPPED_MODEL / "model.json", SHIPPED_MODEL / "weights.npz", Path(__file__)]
    return cached_build("trigger-model", sources, lambda: TriggerModel.load(SHIPPED_MODEL), mapped=True)


def _covered_tokens(doc: Doc, events: list[EventRecord], idxs: list[int] | None = None) -> dict[int, str]:
    """Token index -> type of the event whose trigger covers it (the training feature ``rule=``). ``idxs``:
    each token's character offset, when the caller has read them already."""
    out: dict[int, str] = {}
    if idxs is None:
        idxs = [t.idx for t in doc]
    starts = {idx: i for i, idx in enumerate(idxs)}
    for event in events:
        for span in event.trigger:
            i = starts.get(span.start)
            while i is not None and i < len(idxs) and idxs[i] < span.end:
                out.setdefault(i, event.event)
                i += 1
    return out


def model_signals(
    model: TriggerModel,
    doc: Doc,
    lang: str,
    events: list[EventRecord],
    threshold: float | None = None,
    veto: float = 0.0,
    mention_spans: list[tuple[int, int]] | None = None,
) -> ModelSignals:
    """Score every candidate token given the lexicon coder's events; propose and veto by the thresholds.

    ``threshold``: the event probability above which a word the lexicon missed becomes a trigger (default:
    the model's own, chosen on dev by ``kroniek train``); ``veto``: the probability below which a lexicon
    trigger is dropped (0: the lexicon's matches are always kept); ``mention_spans``: the character spans
    of the article's actor mentions (read by models of feature set 2).
    """
    from kroniek.events.model_features import candidate_features, candidate_indices, token_columns

    columns = token_columns(doc)  # every attribute read once (the same features as token_features)
    rule_types = _covered_tokens(doc, events, columns.idxs)
    context = None
    feature_set = int(model.meta.get("feature_set", 1))
    if uses_context(feature_set):
        context = ArticleContext(rule_types, actor_tokens_of(doc, mention_spans or []))
    cut = model.threshold if threshold is None else threshold
    signals = ModelSignals(model=model)
    vetoed: set[int] = set()
    tokens = candidate_indices(columns, rule_types)
    complements = rule_types if uses_complements(feature_set) else None
    feature_lists = candidate_features(doc, columns, tokens, lang, rule_types, context, complements)
    outside = model.labels.index(OUTSIDE)
    # every token's best event type and probabilities in a few array operations (numpy calls token by token
    # cost about a millisecond per article); the same values as reading each row on its own
    probs = model.probabilities_many(feature_lists)
    event_probs = probs.copy()
    event_probs[:, outside] = -1.0
    best_labels = event_probs.argmax(axis=1).tolist()
    best_probs = probs[np.arange(len(tokens)), best_labels].tolist()
    outside_probs = probs[:, outside].tolist()
    for k, (i, features) in enumerate(zip(tokens, feature_lists, strict=True)):
        best = best_labels[k]
        score = TriggerScore(i, model.labels[best], best_probs[k], 1 - outside_probs[k])
        signals.scores[columns.idxs[i]] = score
        signals.features[columns.idxs[i]] = features
        if i in rule_types:
            if score.event_probability < veto:
                vetoed.add(i)
        elif (
            score.event_probability >= cut
            and score.probability >= MIN_TYPE_PROBABILITY
            and columns.deps[i] not in _FUNCTION_DEPS
        ):
            kind: TriggerKind = "noun" if columns.pos[i] in _NOUN_POS else "verb"
            signals.proposals[i] = TriggerEntry(
                id=f"model:{score.label}",
                forms=((columns.lowers[i],),),
                event=event_type(score.label),
                kind=kind,
                gloss="proposed by the learned trigger model",
                confidence=0.5,
                stem=False,
            )
    signals.vetoed = frozenset(vetoed)
    return signals


def explain_features(model: TriggerModel, features: list[str], label: str, top: int = 4) -> list[str]:
    """The features that pushed the token hardest towards ``label`` (for ``kroniek explain``)."""
    column = model.labels.index(label)
    weights = model.weights[model.indices(features), column]
    order = np.argsort(-weights)[:top]
    return [f"{features[i]} ({weights[i]:+.2f})" for i in order if weights[i] > 0]


def retype_events(events: list[EventRecord], signals: ModelSignals, min_probability: float) -> None:
    """Give a lexicon event the model's type where the model, reading the lexicon's own type among its
    features, still gives another type at least ``min_probability`` (0: never). The lexicon's type is one
    sense per entry; the model sees the word's complements ("withdrew from the deal" is no RETREAT). The
    mode belongs to the lexicon's type and is dropped; so is a proposition the new type does not carry."""
    if min_probability <= 0:
        return
    for event in events:
        if not event.trigger or event.entry_id.startswith("model:"):
            continue
        score = signals.scores.get(event.trigger[0].start)
        if score is None or score.label in (OUTSIDE, event.event) or score.probability < min_probability:
            continue
        event.explain["retyped"] = {"lexicon": event.event, "model": score.label}
        event.event = event_type(score.label)
        event.mode = None
        if event.event not in PROPOSITION_TYPES:
            event.proposition = None


def annotate_scores(events: list[EventRecord], signals: ModelSignals) -> None:
    """Record, per event, the model's score for its trigger word and the signals behind it."""
    model = signals.model
    if model is None:
        return
    for event in events:
        if not event.trigger:
            continue
        score = signals.scores.get(event.trigger[0].start)
        if score is None:
            continue
        column = model.labels.index(event.event) if event.event in model.labels else None
        features = signals.features[event.trigger[0].start]
        probs = model.probabilities(model.indices(features))
        event.explain["model"] = {
            "event_probability": round(score.event_probability, 3),
            "type_probability": round(float(probs[column]), 3) if column is not None else None,
            "model_type": score.label,
            "signals": explain_features(model, features, event.event) if column is not None else [],
        }
