"""Shared pieces of the actor resolver: tokens, word lists (from data/words.toml), and the records that the
resolver passes between its passes (alias matches, role nouns, found mentions, salience)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from kroniek.actors.kb import ADJ, WEAK, AliasHit, KBActor
from kroniek.lang.text import fold

INITIAL_RE = re.compile(r"(?:[^\W\d_]{1,2}\.)+")


def _load_words() -> dict[str, Any]:
    text = (resources.files("kroniek.actors") / "data" / "words.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


# Function words and small lexicons live in data/words.toml (documented there).
_WORDS = _load_words()
TITLES = set(_WORDS["titles"])
HONORIFICS = set(_WORDS["honorifics"])
HONORIFICS_CAPITALISED_ONLY = set(_WORDS["honorifics_capitalised_only"])
INDEFINITE = set(_WORDS["indefinite"])
DEFINITE = set(_WORDS["definite"])
BARE_STATE_NOUNS = set(_WORDS["bare_state_nouns"])
AMBIGUOUS_PRONOUNS = set(_WORDS["ambiguous_pronouns"])
MONTHS = set(_WORDS["months"])
MINISTRY_NOUNS = set(_WORDS["ministry_nouns"])
CLAIM_NOUNS = tuple(_WORDS["claim_nouns"])
PORTFOLIO_JOINERS = set(_WORDS["portfolio_joiners"])
PORTFOLIO_CONTINUATIONS = {k: set(v) for k, v in _WORDS["portfolio_continuations"].items()}
CONJUNCTIONS = set(_WORDS["conjunctions"])
PAST_WORDS = set(_WORDS["past_words"])
OF_WORDS = set(_WORDS["of_words"])
OF_WORDS_ARTICLES: dict[str, set[str]] = {lang: set(words) for lang, words in _WORDS["of_words_articles"].items()}
NAME_PARTICLES = set(_WORDS["name_particles"])
ORG_OFFICE_KEYS: dict[str, str] = dict(_WORDS["org_office_keys"])
ORG_PRESIDENT: dict[str, str] = dict(_WORDS["org_president"])
LANG_HOME: dict[str, str] = dict(_WORDS["lang_home"])
HOME_FIRST_LANGS = set(_WORDS["home_first_langs"])
S_GENITIVE_LANGS = set(_WORDS["s_genitive_langs"])
PRONOUN_WINDOW_SENTENCES = int(_WORDS["pronoun_window_sentences"])
SIGNATURE_CHARS = int(_WORDS["signature_chars"])
ORG_HEAD_WORDS = set(_WORDS["org_head_words"])
NAME_SUFFIXES = set(_WORDS["name_suffixes"])
NOT_NAME_WORDS = set(_WORDS["not_name_words"])
STATE_TITLE_WORDS = set(_WORDS["state_title_words"])
EMBASSY_NOUNS = set(_WORDS["embassy_nouns"])
STATE_MINISTRY_PORTFOLIOS: dict[str, tuple[str, ...]] = {
    lang: tuple(words) for lang, words in _WORDS["state_ministry_portfolios"].items()
}
STATE_EMBASSY_LANGS = set(_WORDS["state_embassy_langs"])
POSSESSIVE_FORCES: dict[str, tuple[tuple[str, ...], ...]] = {
    lang: tuple(tuple(fold(phrase).split()) for phrase in phrases)
    for lang, phrases in _WORDS["possessive_forces"].items()
}
DEFINITE_STATE_NAMES = set(_WORDS["definite_state_names"])
EMBASSY_CITY_WORDS = set(_WORDS["embassy_city_words"])
PLACE_WORDS = {fold(w) for w in _WORDS["group_place_words"]}


@dataclass(slots=True)
class NewActor:
    """An actor that is not in the knowledge base (an unknown named person, an NER entity, a group)."""

    key: str
    name: str
    kind: str
    country: str | None
    sector: str | None


Ref = KBActor | NewActor


@dataclass(slots=True)
class Found:
    start: int
    end: int
    ref: Ref | Pending  # Pending only inside the resolver, before salience is known
    how: str
    role_span: tuple[int, int] | None = None


@dataclass(slots=True)
class GazMatch:
    i: int  # first token
    j: int  # one past the last token
    start: int
    end: int
    hits: list[AliasHit]

    @property
    def adjective(self) -> KBActor | None:
        states = [h.actor for h in self.hits if h.flags & ADJ and h.actor.kind == "state"]
        return states[0] if states and all(h.flags & (ADJ | WEAK) for h in self.hits) else None


@dataclass(slots=True)
class RoleMatch:
    i: int
    j: int
    start: int
    end: int
    offices: tuple[str, ...]
    sector: str | None
    counterpart: bool = False
    where: str | None = None  # country implied by the title itself


@dataclass
class Context:
    """What the resolver knows so far in the article (salience)."""

    history: list[tuple[int, Ref]] = field(default_factory=list)  # (offset, actor) in text order
    surnames: dict[str, Ref] = field(default_factory=dict)
    full_mentions: set[str] = field(default_factory=set)

    def add(self, offset: int, ref: Ref | Pending, surface: str, full: bool) -> None:
        if isinstance(ref, Pending):
            return
        self.history.append((offset, ref))
        if full:
            self.full_mentions.add(ref.key)
        if (isinstance(ref, NewActor) and ref.kind == "person") or (isinstance(ref, KBActor) and ref.kind == "person"):
            for word in ref.name.split()[1:]:
                if word[:1].isupper() and len(word) > 2:
                    self.surnames.setdefault(fold(word), ref)


def capitalised(text: str) -> bool:
    return text[:1].isupper()


@dataclass(slots=True)
class Pending:
    """A description whose holder is looked up in the sequential pass (it may depend on salience)."""

    role: RoleMatch
    country: KBActor | None
    org_where: str | None

    @property
    def key(self) -> str:
        return "pending"

    @property
    def kind(self) -> str:
        return "pending"
