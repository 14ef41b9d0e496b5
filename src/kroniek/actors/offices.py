"""Office holders: who "de president", "the Prime Minister" or "zijn Russische ambtgenoot" is.

A mixin of the Resolver (resolve.py): it needs the attributes the Resolver sets (kb, lang, date, tokens,
sentence_of, composed, publisher, other_party). Order of evidence for a bare office noun:
the country it names; the most recent person in the article who holds that office; the publisher's own
office holder; the home country for Dutch texts; the most mentioned state (never the country of the other
party named in the same sentence).
"""

from __future__ import annotations

import datetime as dt

from kroniek.actors.kb import ActorKB, KBActor
from kroniek.actors.lexicon import (
    HOME_FIRST_LANGS,
    LANG_HOME,
    Context,
    Found,
    NewActor,
    Pending,
)
from kroniek.lang.text import Token


class Offices:
    kb: ActorKB
    lang: str
    date: dt.date | None
    article_state: KBActor | None  # the state the article names most (Resolver._most_named_state)
    tokens: list[Token]
    sentence_of: list[int]
    composed: list[Found]
    publisher: str | None
    other_party: dict[tuple[str, ...], set[str]]

    def _token_at(self, offset: int) -> int | None:
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tokens[mid].end <= offset:
                lo = mid + 1
            else:
                hi = mid
        return lo if lo < len(self.tokens) else None

    def _holder(self, pending: Pending, context: Context) -> KBActor | None:
        role = pending.role
        codes = role.offices
        if codes == ("STATE",):
            # "de regering" in an article that names its country only by a capital or an adjective
            return self._salient_state(context) or self.article_state
        if codes[:1] == ("GROUP",):
            return None
        if role.counterpart:
            anchor = self._anchor_office(context)
            codes = (anchor,) if anchor else ("PRES", "HOG")
        if pending.org_where:
            return self.kb.holder_of_any(codes, pending.org_where, self.date)
        if pending.country is not None and pending.country.country:
            return self.kb.holder_of_any(codes, pending.country.country, self.date)
        # A bare "de president": the most recent person in the article who holds that office.
        for _offset, ref in reversed(context.history):
            if isinstance(ref, KBActor) and ref.kind == "person":
                held = {code for code, _where in ref.offices_on(self.date)}
                if held & set(codes):
                    return ref
        # ... else the publisher's own office holder (a UK readout's "the Prime Minister") ...
        if self.publisher:
            holder = self.kb.holder_of_any(codes, self.publisher, self.date)
            if holder is not None:
                return holder
        # ... never the country of the other party named in the same sentence ("The Prime Minister spoke to
        # President Zelenskyy" is not Zelenskyy's prime minister) ...
        # (kept for the article: a later bare "The Prime Minister" is the same one as the first)
        other_party = self.other_party.setdefault(codes, set())
        other_party |= self._countries_in_sentence(pending.role.start)
        # ... else, in Dutch (where an unqualified "de minister van Defensie" is the Dutch one), the home
        # country; else the holder in the most mentioned state; else the home country.
        home = LANG_HOME.get(self.lang)
        if home and self.lang in HOME_FIRST_LANGS:
            holder = self.kb.holder_of_any(codes, home, self.date)
            if holder is not None:
                return holder
        counts: dict[str, int] = {}
        for _offset, ref in context.history:
            if isinstance(ref, KBActor) and ref.kind == "state" and ref.country:
                counts[ref.country] = counts.get(ref.country, 0) + 1
        for country in sorted(counts, key=lambda c: -counts[c]):
            if country in other_party:
                continue
            holder = self.kb.holder_of_any(codes, country, self.date)
            if holder is not None:
                return holder
        if home and set(codes) & {"MONARCH", "HOG", "SPEAKER", "CABINET"}:
            return self.kb.holder_of_any(codes, home, self.date)
        return None

    def _countries_in_sentence(self, offset: int) -> set[str]:
        """Countries of the named persons in the sentence at ``offset``."""
        k = self._token_at(offset)
        if k is None:
            return set()
        sentence = self.sentence_of[k]
        out: set[str] = set()
        for f in self.composed:
            j = self._token_at(f.start)
            ref = f.ref
            if (
                j is not None
                and self.sentence_of[j] == sentence
                and isinstance(ref, KBActor | NewActor)
                and ref.kind == "person"
                and ref.country
            ):
                out.add(ref.country)
        return out

    def _salient_state(self, context: Context) -> KBActor | None:
        counts: dict[str, int] = {}
        last: dict[str, int] = {}
        for n, (_offset, ref) in enumerate(context.history):
            if isinstance(ref, KBActor) and ref.kind == "state":
                counts[ref.key] = counts.get(ref.key, 0) + 1
                last[ref.key] = n
        if not counts:
            return None
        best = max(counts, key=lambda k: (counts[k], last[k]))
        return self.kb.by_key[best]

    def _anchor_office(self, context: Context) -> str | None:
        for _offset, ref in reversed(context.history[-6:]):
            if isinstance(ref, KBActor) and ref.kind == "person":
                held = ref.offices_on(self.date)
                if held:
                    return held[0][0]
        return None
