"""Agentless passives (issue 13, round 9): "Le général X a été arrêté", "X wurde festgenommen", "X werd
gearresteerd". With no agent ("door Y", "by Y") the word-order reading took the passive's subject for the
actor: the participle test of ``arguments._passive_arguments`` knows only the participles an entry lists as
``passive`` and, in German and French, which have no tagger, never sees a participle otherwise, and an
auxiliary such as "a été" counts as a perfect. So the one acted upon was reported as the one who acted.

Here the passive is read from an auxiliary that makes nothing but a passive: ``[agentless].passive_aux`` in
lang/<code>/events.toml ("été", "wurde", "werd"; not "est", "ist", "zijn", "is", which also make the perfect of
verbs of motion: "s'est rendu à Kyiv", "is vertrokken", nor "werden"/"wird", the German future). The auxiliary
stands right before the trigger (at most ``_REACH`` words, in its clause), or in a verb-final language anywhere
before it in the clause or right after it ("festgenommen worden"). Where the trigger is tagged (nl, en), it
must be a past participle.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from kroniek.lang import SUPPORTED
from kroniek.lang import get as language_pack

_REACH = 3  # words from the auxiliary to the trigger: "was later arrested", "a été aussitôt interpellé"
_AFTER = 2  # a verb-final clause's auxiliary after the participle: "festgenommen worden", "verhaftet wurde"


@lru_cache(maxsize=16)
def passive_auxiliaries(lang: str) -> frozenset[str]:
    """The auxiliaries of ``lang`` that make only a passive (``[agentless].passive_aux``)."""
    if lang not in SUPPORTED:
        return frozenset()
    section = language_pack(lang).table("events").get("agentless", {})
    words = section.get("passive_aux", []) if isinstance(section, dict) else []
    return frozenset(str(w).lower() for w in words if isinstance(w, str))


def agentless_passive(nlp: Any, match: Any, lang: str, verb_first: bool) -> bool:
    """Whether the verb trigger ``match`` stands in a passive by its own auxiliary."""
    if match.kind != "verb" or match.clause is None:
        return False
    auxiliaries = passive_auxiliaries(lang)
    if not auxiliaries:
        return False
    token = nlp[match.start]
    morph = token.morph
    if nlp.has_annotation("MORPH") and str(morph):
        # tagged: only a past participle ("arrested", "gearresteerd"), never "meeting" or "arrest"
        if "Part" not in morph.get("VerbForm", []) or "Pres" in morph.get("Tense", []):
            return False
    clause = match.clause
    low = clause.start if verb_first else max(clause.start, match.start - _REACH)
    before = range(low, match.start)
    after = range(match.last + 1, min(clause.end, match.last + 1 + _AFTER)) if verb_first else range(0)
    inside = range(match.start + 1, match.last + 1)  # a form with its auxiliary: "festgenommen worden"
    return any(nlp[i].text.lower() in auxiliaries for i in (*before, *inside, *after))


def nearest_before(groups: list[Any], start: int) -> Any:
    """The last of ``groups`` (in text order) that begins before token ``start``, else the first."""
    before = [g for g in groups if g.start < start]
    return before[-1] if before else groups[0]
