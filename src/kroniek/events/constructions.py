"""Light-verb constructions: a general verb whose event lies in its noun ("lodged a complaint", "een klacht
indienen" / "diende een klacht in", "eine Strafanzeige erstatten", "porter plainte", "took to the streets").

Neither word is a trigger alone ("file", "nemen", "porter" are too general; "complaint", "Erklärung" name a
thing as often as an act), so the lexicon lists the pair: an entry with ``verbs`` (docs/events.md, "Light-verb
constructions"), whose forms are the nouns. The pair is found

- with a dependency parse (en, nl): the noun is the object, oblique or passive subject of the verb (a
  coordinated noun through its first conjunct), the verb's lemma (with its separated particle: "legde … af"
  is "afleggen") or form one of the entry's verbs;
- without one (de, fr): a verb form, or a word with a verb's stem, within a few words of the noun in the same
  clause, before it or after it ("eine Erklärung abgegeben", "une plainte a été déposée"), not across a
  clause break, complementizer or another construction's noun.

The event is anchored on the verb, as the corpus marks these triggers ("lodged a formal complaint", "klacht
heeft ingediend"): the match is a verb, and its trigger runs from the verb to the noun when the noun follows
within a few words (one span), else the noun is a second span, like a separated particle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kroniek.events.clauses import Clause
from kroniek.events.lexicon import Lexicon, TriggerEntry
from kroniek.events.token_table import STRIP_CHARS, TokenTable, token_table

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# relations by which a verb governs its event noun: "took measures", "took to the streets", "measures were taken"
_GOVERNED_DEPS = frozenset({"obj", "dobj", "obl", "obl:arg", "iobj", "nsubj:pass", "nmod"})
_PARTICLE_DEPS = frozenset({"compound:prt", "prt"})
_VERB_POS = frozenset({"VERB", "AUX"})
WINDOW = 6  # untagged text: words between the verb and its noun, either side
ONE_SPAN_REACH = 3  # a noun at most this many words after its verb makes one trigger span with it
_MIN_COMPOUND_HEAD = 3  # "Straf|anzeige": letters before a compound noun's listed head
_STRIP = STRIP_CHARS


def _norm(text: str) -> str:
    return text.lower().strip(_STRIP)


def construction_pairs(nlp: Doc, clause: Clause, lexicon: Lexicon) -> dict[int, tuple[TriggerEntry, int]]:
    """Verb token -> (the construction entry, its noun token) for every light-verb construction in the clause.
    A noun serves one verb, and a verb one noun (the nearest)."""
    if not lexicon.construction_nouns:
        return {}
    parsed = nlp.has_annotation("DEP") and (nlp.has_annotation("POS") or nlp.has_annotation("TAG"))
    pairs: dict[int, tuple[TriggerEntry, int]] = {}
    table = token_table(nlp)
    nouns = {i: entries for i in range(clause.start, clause.end) if (entries := _noun_entries(table, i, lexicon))}
    for noun, entries in nouns.items():
        if parsed and nlp[noun].pos_:
            found = _governor_in_tree(nlp, noun, clause, entries)
        else:
            found = _governor_nearby(nlp, noun, clause, entries, lexicon, set(nouns))
        if found is None:
            continue
        verb, entry = found
        if verb in pairs and abs(pairs[verb][1] - verb) <= abs(noun - verb):
            continue
        pairs[verb] = (entry, noun)
    return pairs


def _noun_entries(table: TokenTable, i: int, lexicon: Lexicon) -> list[TriggerEntry]:
    """The construction entries whose noun token i is: by form, lemma (a tagged noun), stem or compound."""
    pos = table.pos[i]
    if pos and pos not in ("NOUN", "PROPN"):
        return []  # "fire" the verb is no "open fire" (checked first: most words are no noun)
    word = table.norms[i]
    if not word.isalpha() and "-" not in word:
        return []
    entries = lexicon.construction_nouns.get(word)
    if entries is None and table.lemmas[i]:
        entries = lexicon.construction_nouns.get(table.lemmas[i])
    if entries is None and not pos:
        stem = lexicon.stem(word)
        entries = lexicon.construction_nouns.get(stem) if stem is not None else None
    if entries is None and word.endswith(lexicon.construction_heads):
        for head, entry in lexicon.construction_compounds:
            if word.endswith(head) and len(word) - len(head) >= _MIN_COMPOUND_HEAD:
                return [entry]
    return [e for e in entries or () if e.stem or word in {f[0] for f in e.forms} or word in e.lemmas]


def _verb_names(token: Token, particles: list[str]) -> set[str]:
    """What a verb token may be listed as: its form, its lemma, and both with a separated particle in front
    ("legde … af": "afleggen")."""
    names = {_norm(token.text)}
    if token.lemma_:
        names.add(token.lemma_.lower())
    names |= {particle + name for particle in particles for name in list(names)}
    return names


def _governor_in_tree(
    nlp: Doc, noun: int, clause: Clause, entries: list[TriggerEntry]
) -> tuple[int, TriggerEntry] | None:
    token = nlp[noun]
    if token.dep_ == "conj" and token.head.pos_ in ("NOUN", "PROPN"):
        token = token.head  # "took measures and sanctions": the first conjunct's verb
    head = token.head
    if token.dep_ not in _GOVERNED_DEPS or head.pos_ not in _VERB_POS or not clause.start <= head.i < clause.end:
        return None
    # a separated particle by the parse ("legde … af": compound:prt), or, where the parser attached it
    # elsewhere ("diende een klacht in tegen X": "in" as a preposition), a listed particle verb whose
    # particle stands after the verb in the clause
    particles = [
        _norm(t.text) for t in nlp[clause.start : clause.end] if t.head.i == head.i and t.dep_ in _PARTICLE_DEPS
    ]
    names = _verb_names(head, particles)
    later = {_norm(t.text) for t in nlp[head.i + 1 : clause.end]}
    for entry in entries:
        if names & set(entry.verbs) or any(_split_particle_verb(verb, names, later) for verb in entry.verbs):
            return head.i, entry
    return None


def _split_particle_verb(verb: str, names: set[str], later: set[str]) -> bool:
    """``verb`` is a particle verb ("indienen") whose stem is one of the names ("dienen") and whose particle
    ("in") is one of the later words of the clause."""
    return any(verb != name and verb.endswith(name) and verb[: -len(name)] in later for name in names)


def _governor_nearby(
    nlp: Doc, noun: int, clause: Clause, entries: list[TriggerEntry], lexicon: Lexicon, nouns: set[int]
) -> tuple[int, TriggerEntry] | None:
    """The nearest word within WINDOW of the noun, in its clause, that is one of an entry's verbs (by form, or
    by stem where the language strips inflections); the search stops at a clause break, a complementizer or
    another construction noun."""
    # an article that doubles as a relative pronoun ("das Feuer") does not stop the search
    stops = (lexicon.cues.clause_breaks | lexicon.cues.complementizers) - lexicon.cues.determiners
    open_sides = {-1: True, 1: True}
    for distance in range(1, WINDOW + 1):
        for step in (-1, 1):  # nearest first, either side
            i = noun + step * distance
            if not open_sides[step]:
                continue
            word = _norm(nlp[i].text) if clause.start <= i < clause.end else ""
            if not word or i in nouns or word in stops or nlp[i].text in {",", ";", ":"}:
                open_sides[step] = False
                continue
            entry = next((e for e in entries if _is_verb_of(word, e, lexicon)), None)
            if entry is not None:
                return i, entry
    return None


def _is_verb_of(word: str, entry: TriggerEntry, lexicon: Lexicon) -> bool:
    if word in entry.verbs:
        return True
    stem = lexicon.stem(word) if lexicon.cues.stem_suffixes and len(word) > 3 else None
    return stem is not None and any(lexicon.stem(verb) == stem for verb in entry.verbs)
