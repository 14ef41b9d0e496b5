"""Finding trigger words: lexicon forms (single and multiword), lemmas, compounds and separable particles."""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kroniek.chronicle.types import TriggerKind
from kroniek.events.clauses import Clause
from kroniek.events.constructions import ONE_SPAN_REACH, construction_pairs
from kroniek.events.lexicon import Lexicon, TriggerEntry
from kroniek.events.separable import separated_particle
from kroniek.events.token_table import STRIP_CHARS, TokenTable, token_table

if TYPE_CHECKING:
    from spacy.tokens import Doc

_STRIP = STRIP_CHARS
_MIN_COMPOUND_HEAD = 3  # "wapen|leveranties": at least this many letters before the matched suffix
_MAX_KEPT_WORDS = 200_000  # words whose compound entries a lexicon keeps (a few MB)


@dataclass(slots=True)
class TriggerMatch:
    entry: TriggerEntry
    start: int  # token index of the first trigger token
    end: int  # token index after the last trigger token (of the main form)
    particle: int | None = None  # token index of a separated particle (or of a construction's far noun)
    how: str = "form"  # form | lemma | stem | compound | model | construction
    clause: Clause | None = None
    tokens: set[int] = field(default_factory=set)
    inherits_subject: bool = True  # a nominal trigger may take the clause subject as its actor
    # a compound modifier ("sanctions relief", "riot police"): no event of its own, but it may still name what a
    # demand or promise is about ("warned that sanctions relief could be reversed")
    modifier: bool = False
    fronted: bool = False  # a noun inside a prepositional phrase ("During the call, X …"): subject may follow
    kind: TriggerKind = "verb"  # how the word is used here: an entry's verb form after "the" is a noun
    noun: int | None = None  # a light-verb construction's noun ("lodged a formal **complaint**")

    @property
    def last(self) -> int:
        """Index after the last token that belongs to the trigger, particle included."""
        return max(self.end, (self.particle or 0) + 1, (self.noun or 0) + 1)


def _norm(text: str) -> str:
    return text.lower().strip(_STRIP)


def _form_at(norms: list[str], i: int, form: tuple[str, ...], limit: int) -> int | None:
    """Token index after the form if it starts at token i (hyphenated words may be split or not);
    ``norms``: every token's ``_norm`` (events/token_table.py)."""
    j = i
    for part in form:
        if j >= limit:
            return None
        if norms[j] == part:
            j += 1
            continue
        # a hyphenated form ("staakt-het-vuren") split by the tokenizer into pieces and hyphens
        if "-" in part:
            joined, k = "", j
            while k < limit and len(joined) < len(part):
                joined += norms[k]
                k += 1
            if joined == part:
                j = k
                continue
        return None
    return j


def _particle_in(norms: list[str], entry: TriggerEntry, i: int, end: int, clause: Clause) -> int | None:
    """A separable particle after the verb in its clause, or just before it ("toe te zeggen")."""
    for k in range(end, clause.end):
        if norms[k] in entry.particle:
            return k
    for k in range(max(clause.start, i - 3), i):
        if norms[k] in entry.particle:
            return k
    return None


def _set_aside(word_senses: list[TriggerMatch] | None, match: TriggerMatch) -> None:
    if word_senses is not None:
        word_senses.append(match)


def find_triggers(
    nlp: Doc,
    clause: Clause,
    lexicon: Lexicon,
    proposals: Mapping[int, TriggerEntry] | None = None,
    vetoed: AbstractSet[int] = frozenset(),
    word_senses: list[TriggerMatch] | None = None,
    timex_tokens: AbstractSet[int] = frozenset(),
    addressees: Mapping[int, int] | None = None,
) -> list[TriggerMatch]:
    """Every trigger in the clause; at most one per token, the longest form winning.

    ``proposals``: token -> entry that the learned model proposes where the lexicon has no match;
    ``vetoed``: tokens whose lexicon match the model rejects (events/learned.py). Either kind of
    trigger then goes through the same checks (modifier, participle, noun after a determiner).
    ``word_senses``: where given, collects the matches those checks set aside as another word sense.
    ``timex_tokens``: tokens inside a time expression; a trigger there is a date word ("in March").
    ``addressees``: first token -> end of each actor group without a preposition in the clause; an
    ``object_control`` entry matches only right before one that an infinitive marker follows.
    """
    matches: list[TriggerMatch] = []
    pairs = construction_pairs(nlp, clause, lexicon)
    # a construction's noun is no trigger of its own ("klacht … ingediend": the verb carries the event)
    taken: set[int] = {noun for _, noun in pairs.values()}
    has_lemma = nlp.has_annotation("LEMMA")
    table = token_table(nlp)
    i = clause.start
    while i < clause.end:
        if i in taken:
            i += 1
            continue
        match = (
            _construction_match(pairs[i], i)
            if i in pairs
            else _match_at(table, i, clause, lexicon, has_lemma, addressees or {})
        )
        if match is not None and match.start in vetoed:
            match = None
        elif match is None and proposals and i in proposals:
            match = TriggerMatch(proposals[i], i, i + 1, None, "model")
        if match is None:
            i += 1
            continue
        match.clause = clause
        match.kind = match.entry.kind
        if _another_sense(nlp, match, clause, timex_tokens):
            _set_aside(word_senses, match)
            i = match.end
            continue
        match.modifier = _compound_modifier(nlp, match)
        if match.kind == "verb" and _hyphen_modifier(nlp, match.start, clause):
            _set_aside(word_senses, match)
            i += 1  # "the Swiss-hosted summit", "US-led forces": a modifier, no event of its own
            continue
        if _names_a_charge(nlp, match, clause, lexicon):
            _set_aside(word_senses, match)
            i = match.end  # "face murder and terrorism charges": an accusation, not a killing
            continue
        if match.kind == "verb" and _attributive_participle(nlp, match, clause, lexicon):
            _set_aside(word_senses, match)
            i += 1  # "captured militants", "the detained journalists": a participle describing a noun
            continue
        _designation(nlp, match, clause, lexicon)
        if match.kind == "verb" and match.start > clause.start:
            # "the horrifying attack": adjectives between a determiner and the verb form still make a noun
            j = match.start - 1
            while j > clause.start and (nlp[j].pos_ == "ADJ" or _modifies(nlp, j, match.start)):
                j -= 1
            prev = _norm(nlp[j].text)
            raw_prev = nlp[j].text.lower()
            if raw_prev in lexicon.cues.determiners or raw_prev in lexicon.cues.possessive_markers:
                # an elided article ("l'") or "'s" loses its apostrophe in _norm
                prev = raw_prev
            # "the December 31 attack": a determiner before a date or number still makes a noun
            k = match.start - 1
            while k > clause.start and nlp[k].like_num:
                k -= 1
            if k < match.start - 1 and k > clause.start and nlp[k].text.istitle():
                k -= 1  # the month of "December 31"
            before = _norm(nlp[k].text) if k < match.start - 1 else prev
            if _nominal_argument(nlp, match.start) or (
                prev in lexicon.cues.determiners
                or prev in lexicon.cues.possessive_markers
                or prev in lexicon.cues.prepositions
                or (k < match.start - 1 and before in lexicon.cues.determiners)
            ):
                match.kind = "noun"  # "the attack", "het bezoek", "Russia's release", "over ontwapening"
        match.tokens = set(range(match.start, match.end))
        if match.noun is not None:
            # the words between verb and noun are no part of the act ("gave **Russia** a warning")
            match.tokens = {match.start, match.noun}
        if match.particle is not None:
            match.tokens.add(match.particle)
        taken |= match.tokens
        matches.append(match)
        i = match.end
    return matches


def _construction_match(pair: tuple[TriggerEntry, int], verb: int) -> TriggerMatch:
    """The match of a light-verb construction, anchored on its verb: one span up to the noun when the noun
    follows within ONE_SPAN_REACH words ("lodged a formal complaint"), else the noun as a second span."""
    entry, noun = pair
    if verb < noun <= verb + ONE_SPAN_REACH:
        return TriggerMatch(entry, verb, noun + 1, None, "construction", noun=noun)
    return TriggerMatch(entry, verb, verb + 1, noun, "construction", noun=noun)


_NOMINAL_ARGUMENT_DEPS = frozenset({"obj", "obl", "nmod", "iobj"})


def _another_sense(nlp: Doc, match: TriggerMatch, clause: Clause, timex_tokens: AbstractSet[int]) -> bool:
    """The matched words are used in a sense that names no act (measured on the corpus train split: with
    ``_compound_modifier`` they raised precision by 0.005 at a recall 0.001 lower):

    - a date: the word lies inside a time expression ("on 3 March", "le 3 mars");
    - a name: the tagger marks the single word a proper noun inside its sentence ("Mr. Ban"; the first word
      of a sentence and an all-capitals word are left alone, where taggers call headline words names).

    Tried and left out: a verb with a separable particle its entry does not list ("trof … aan", found,
    not met) lost more Dutch events than it saved (train nl F1 0.354 -> 0.338)."""
    if any(i in timex_tokens for i in range(match.start, match.end)):
        return True
    if match.end - match.start != 1 or match.particle is not None:
        return False
    token = nlp[match.start]
    return token.pos_ == "PROPN" and token.idx > clause.sentence.start and not token.is_upper


def _compound_modifier(nlp: Doc, match: TriggerMatch) -> bool:
    """The parse makes the single word a compound modifier of a noun after it ("riot police", "aid workers":
    the police and the workers are meant, not a riot or aid). Such a match makes no event, but stays a
    trigger that may type a proposition ("sanctions relief could be reversed" is about sanctions)."""
    if match.end - match.start != 1 or match.particle is not None or not nlp.has_annotation("DEP"):
        return False
    token = nlp[match.start]
    return token.dep_ == "compound" and token.head.i > token.i and token.head.pos_ in ("NOUN", "PROPN")


def _modifies(nlp: Doc, i: int, head: int) -> bool:
    """Token i is an adjectival modifier of token head ("the planned attack")."""
    return nlp.has_annotation("DEP") and nlp[i].dep_ == "amod" and nlp[i].head.i == head


def _nominal_argument(nlp: Doc, i: int) -> bool:
    """The tagger and parser agree that token i is a noun used as an argument ("condemned attacks on
    hospitals"): it is the object of the verb before it, not a verb with that verb's subject."""
    if not nlp.has_annotation("DEP") or not nlp.has_annotation("TAG") and not nlp.has_annotation("POS"):
        return False
    token = nlp[i]
    return token.pos_ == "NOUN" and token.dep_ in _NOMINAL_ARGUMENT_DEPS and token.head.i < i


# how far before its noun an attributive participle stands ("captured ISIS militants")
_PARTICIPLE_REACH = 3


def _attributive_participle(nlp: Doc, match: TriggerMatch, clause: Clause, lexicon: Lexicon) -> bool:
    """A past participle used as an adjective right before the noun it modifies ("captured militants",
    "the released prisoners") describes people, it reports no act of its own. With a parse: the word
    modifies a later noun (amod). Without one: an "-ed" word between a determiner and another word."""
    if match.end - match.start != 1 or match.particle is not None:
        return False
    token = nlp[match.start]
    if "Pres" in token.morph.get("Tense", []) or "Ger" in token.morph.get("VerbForm", []):
        return False  # "the attacking forces" is active
    word = _norm(token.text)
    forms = token.morph.get("VerbForm", [])
    # a participle by the tagger, or an "-ed" word the tagger gave no verb form ("beloofde", a finite
    # past tense mis-tagged as a modifier, is neither)
    participle = "Part" in forms or (not forms and word.endswith("ed"))
    if nlp.has_annotation("DEP"):
        # Dutch and German parsers label a prenominal participle "acl" ("de geannexeerde provincies"); a
        # postnominal "acl" ("the man arrested on Monday") has its noun before it and stays an event
        return participle and token.dep_ in ("amod", "acl") and 0 < token.head.i - token.i <= _PARTICIPLE_REACH
    return (
        participle
        and clause.start < match.start
        and match.end < clause.end
        and nlp[match.start - 1].text.lower() in lexicon.cues.determiners
        and nlp[match.end].is_alpha
    )


# how far after the trigger "as" may stand: "named the Kurdistan Workers' Party (PKK) as …"
_DESIGNATION_REACH = 10


def _designation(nlp: Doc, match: TriggerMatch, clause: Clause, lexicon: Lexicon) -> None:
    """ "named X as terrorists", "listed X as a terrorist organisation": naming someone as one of the
    designation heads is a designation (the entry of the designation verb), not an appointment."""
    cues = lexicon.cues
    if not cues.designation_heads or not cues.designation_preps or not cues.designation_verbs:
        return
    if match.entry.event != "COOPERATE" or match.kind != "verb":
        return
    limit = min(clause.end, match.end + _DESIGNATION_REACH)
    for k in range(match.end, limit):
        if _norm(nlp[k].text) not in cues.designation_preps:
            continue
        following = [_norm(nlp[m].text) for m in range(k + 1, min(clause.end, k + 4))]
        if any(word in cues.designation_heads for word in following):
            for verb in sorted(cues.designation_verbs):
                target = next((e for e in lexicon.by_first.get(verb, ()) if (verb,) in e.forms), None)
                if target is not None:
                    match.entry = target
                    match.how += "+designation"
                    return
        return


def _hyphen_modifier(nlp: Doc, i: int, clause: Clause) -> bool:
    """Token i is the second half of a hyphenated compound adjective ("Switzerland-hosted"): a word, a
    hyphen and the verb form written together."""
    if i - 2 < clause.start:
        return False
    hyphen, head = nlp[i - 1], nlp[i - 2]
    return hyphen.text == "-" and not hyphen.whitespace_ and not head.whitespace_ and head.is_alpha


def _names_a_charge(nlp: Doc, match: TriggerMatch, clause: Clause, lexicon: Lexicon) -> bool:
    """The trigger modifies a legal noun ("murder charges", "murder and terrorism charges"): it names what
    someone is charged with or tried for, not an act this sentence reports."""
    heads = lexicon.cues.legal_heads
    if not heads:
        return False
    k = match.end
    if k + 1 < clause.end and _norm(nlp[k].text) in lexicon.cues.coordinators:
        k += 2  # "murder and terrorism charges": skip the coordinated modifier
    return k < clause.end and _norm(nlp[k].text) in heads


# the entry kind a tagged word may take by its lemma alone (events/lexicon.py, by_form_lemma)
_KIND_OF_POS = {"VERB": "verb", "NOUN": "noun"}


def _addressed(
    entry: TriggerEntry, norms: list[str], end: int, clause: Clause, lexicon: Lexicon, addressees: Mapping[int, int]
) -> bool:
    """An ``object_control`` entry ("want") is a demand only where an addressee and an infinitive marker
    follow its words ("wants (both) Russia and Ukraine to resume talks"): the addressee is wanted to act
    (annotation decision A1). "wants peace", "wants to meet" and "wants the talks to resume" (no actor
    addressed) leave the word to the learned model. Any other entry is always addressed."""
    if not entry.object_control:
        return True
    cues = lexicon.cues
    k = end
    while k < clause.end and norms[k] in cues.determiners:
        k += 1
    group_end = addressees.get(k)
    return (
        group_end is not None
        and group_end + 1 < clause.end
        and norms[group_end] in cues.infinitive_markers
        and norms[group_end + 1] not in cues.determiners  # "to the summit" is a preposition's phrase
    )


def _match_at(
    table: TokenTable, i: int, clause: Clause, lexicon: Lexicon, has_lemma: bool, addressees: Mapping[int, int]
) -> TriggerMatch | None:
    norms = table.norms
    word = norms[i]
    if not word:
        return None
    for entry, forms in lexicon.forms_by_first.get(word, ()):
        for form in forms:
            end = _form_at(norms, i, form, clause.end)
            if end is None and not entry.particle:
                split = separated_particle(table, i, form, clause, lexicon.cues)
                if split is not None and _addressed(entry, norms, split[0], clause, lexicon, addressees):
                    return TriggerMatch(entry, i, split[0], split[1], "form+separated")
            if end is None or not _addressed(entry, norms, end, clause, lexicon, addressees):
                continue
            particle = None
            if entry.particle:
                particle = _particle_in(norms, entry, i, end, clause)
                if particle is None:
                    continue
            return TriggerMatch(entry, i, end, particle, "form")
    if has_lemma:
        lemma = table.lemmas[i]
        kind = _KIND_OF_POS.get(table.pos[i])
        # explicit lemmas first, then the entries' single-word forms (only for a tagged word)
        candidates = [*lexicon.by_lemma.get(lemma, ()), *(lexicon.by_form_lemma.get(lemma, ()) if kind else ())]
        for entry in candidates:
            if kind is not None and entry.kind != kind:
                continue  # the noun "charges" is no use of the verb "charge"
            if not _addressed(entry, norms, i + 1, clause, lexicon, addressees):
                continue
            particle = None
            if entry.particle:
                particle = _particle_in(norms, entry, i, i + 1, clause)
                if particle is None:
                    continue
            return TriggerMatch(entry, i, i + 1, particle, "lemma")
    if lexicon.by_stem and word.isalpha():
        stem = lexicon.stem(word)
        by_stem = lexicon.by_stem.get(stem) if stem is not None else None
        if by_stem is not None and _addressed(by_stem, norms, i + 1, clause, lexicon, addressees):
            return TriggerMatch(by_stem, i, i + 1, None, "stem")
    if lexicon.compounds and (word.isalpha() or "-" in word):
        compound = compound_entry(lexicon, word)
        if compound is not None:
            return TriggerMatch(compound, i, i + 1, None, "compound")
    return None


def compound_entry(lexicon: Lexicon, word: str) -> TriggerEntry | None:
    """The entry of the first suffix in ``lexicon.compounds`` (longest first) that ends ``word`` and leaves
    a head of at least _MIN_COMPOUND_HEAD letters; looked up by the word's endings, not by trying each, and
    kept per word (the same words come back in every article)."""
    known = lexicon.compound_words
    if word in known:
        return known[word]
    if len(known) >= _MAX_KEPT_WORDS:  # a long-running process meets ever new words
        known.clear()
    found = None
    for length in lexicon.compound_lengths:
        if len(word) >= length + _MIN_COMPOUND_HEAD:
            found = lexicon.compound_by_suffix.get(word[-length:])
            if found is not None:
                break
    known[word] = found
    return found
