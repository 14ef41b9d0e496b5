"""Naming constructions: "X called the strike an act of war", "X noemde de deal een capitulatie", "X nannte den
Angriff einen Terrorakt", "X a qualifié la décision d'inacceptable". The act the predicate names (an accusation,
a refusal, praise) is the namer's: the predicate noun takes the subject of the naming verb, as a light verb's object does
(docs/annotation.md: the ACCUSE is X's). The thing named ("the strike", "de deal") stands between verb and
predicate and takes nothing: it is someone else's act.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kroniek.events.clauses import Clause
from kroniek.events.lexicon import Lexicon
from kroniek.events.triggers import TriggerMatch

if TYPE_CHECKING:
    from spacy.tokens import Doc

# words the predicate's own noun phrase may open with before its noun ("een verachtelijke daad")
_PREDICATE_REACH = 4
_QUOTES = "„“”\"«»‘’'"
_OBJECT_POS = frozenset({"NOUN", "PROPN", "PRON"})
# the predicate evaluates what is named ("an act of war", "een verzinsel"); a material act as predicate ("called
# the law an attack on the constitution") is a figure of speech, not an attack by the namer
_EVALUATIONS = frozenset({"ACCUSE", "REJECT", "SUPPORT"})


def naming_predicate(nlp: Doc, match: TriggerMatch, clause: Clause, prep: str | None, lexicon: Lexicon) -> bool:
    """The nominal trigger is the predicate of a naming verb before it in its clause, with the thing named
    between them; ``prep`` is the preposition governing the trigger, if any ("described it as", "qualifié
    de")."""
    cues = lexicon.cues
    if match.entry.event not in _EVALUATIONS:
        return False
    if not cues.naming_verbs or (prep is not None and prep not in cues.naming_preps):
        return False
    verb = next(
        (i for i in range(match.start - 1, clause.start - 1, -1) if nlp[i].text.lower() in cues.naming_verbs), None
    )
    if verb is None:
        return False
    start = _predicate_start(nlp, match, verb, lexicon)
    return any(_object_word(nlp, i, lexicon) for i in range(verb + 1, start))


def _predicate_start(nlp: Doc, match: TriggerMatch, verb: int, lexicon: Lexicon) -> int:
    """The first token of the predicate's noun phrase: the trigger with its article, adjectives, quotes and
    naming preposition before it."""
    cues = lexicon.cues
    start = match.start
    while start - 1 > verb and match.start - start < _PREDICATE_REACH:
        token = nlp[start - 1]
        word = token.text.lower()
        if word in cues.demonstratives:
            break  # "noemde dat een oorlogsdaad": the thing named, a predicate seldom opens with one
        if not (
            word in cues.determiners
            or word in cues.naming_preps
            or token.text in _QUOTES
            or token.pos_ in ("ADJ", "ADV", "NUM")
        ):
            break
        start -= 1
    return start


def _object_word(nlp: Doc, i: int, lexicon: Lexicon) -> bool:
    """A word of the thing named: a demonstrative, a noun or pronoun (tagged), or, untagged, a word that is no
    article or mark."""
    token = nlp[i]
    if not token.is_alpha:
        return False
    if token.text.lower() in lexicon.cues.demonstratives:
        return True  # "noemde dat een oorlogsdaad": a pronoun the tagger may read as a conjunction
    if token.pos_:
        return token.pos_ in _OBJECT_POS
    return token.text.lower() not in lexicon.cues.determiners
