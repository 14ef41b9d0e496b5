"""The event lexicon: trigger entries and cue words per language, read from ``kroniek/lang/<lang>/events.toml``.

The knowledge (which word means which PLOVER event, how its arguments are found, which words negate
or make an event planned) lives in the TOML files, documented in docs/events.md, so a user can add a
verb without touching code. This module only reads and checks those files.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from kroniek import lang as lang_packs
from kroniek.chronicle.models import EVENT_TYPES
from kroniek.chronicle.types import EventType, Modality, TriggerKind, event_type, trigger_kind
from kroniek.chronicle.types import modality as modality_type
from kroniek.errors import KroniekError

# How the grammatical roles of a trigger map onto actor and recipient.
ROLE_FRAMES = ("active", "converse", "mutual")
KINDS = ("verb", "noun", "adj")
MIN_STEM = 4  # letters that must remain after an inflection ending is stripped
MAX_KEPT_STEMS = 200_000  # words whose stems a lexicon keeps (a few MB)


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One lexicon entry: the words that express an event and how to code it."""

    id: str
    forms: tuple[tuple[str, ...], ...]  # each form is a token sequence, lower-cased
    event: EventType
    kind: TriggerKind = "verb"
    lemmas: tuple[str, ...] = ()
    particle: tuple[str, ...] = ()  # separable particle(s), one of which must occur in the clause
    compound: bool = False  # the last form token may end a longer compound ("wapen|leveranties")
    mode: str | None = None
    context: tuple[str, ...] = ()
    gloss: str = ""
    frame: str = "active"  # active | converse | mutual
    object_recipient: bool = True  # an actor in object position is the recipient
    recipient_preps: tuple[str, ...] | None = None  # overrides the language default
    stop: bool = False  # the word means stopping something ("staken", "halt"): flips a proposition
    modality: Modality | None = None  # a modality the word itself carries ("planned" for "plans")
    negated: bool = False  # the word itself negates ("no intention", "weigeren" as AGREE negation)
    proposition: EventType | None = None  # proposition type when the complement names no event
    proposition_mode: str | None = None
    confidence: float = 0.6
    passive_forms: frozenset[str] = frozenset()  # participles: "benoemd" without "heeft" is passive
    stem: bool = True  # inflected forms it does not list match by stem (off where a stem is ambiguous)
    # a light-verb construction ("lodged a complaint", "klacht indienen", "porter plainte"): the forms are the
    # nouns, and one of these verbs (lemma or form) must govern the noun (events/constructions.py)
    verbs: tuple[str, ...] = ()
    # a wish that is a demand only with an addressee and an infinitive after it ("wants Russia to agree",
    # annotation decision A1); elsewhere ("wants peace", "wants to meet") the lexicon leaves the word alone
    object_control: bool = False


@dataclass(frozen=True, slots=True)
class Cues:
    """Closed-class words per language that steer arguments, modality and sources."""

    negation: frozenset[str] = frozenset()
    future: frozenset[str] = frozenset()
    planned: frozenset[str] = frozenset()
    hypothetical: frozenset[str] = frozenset()
    prepositions: frozenset[str] = frozenset()
    recipient_preps: frozenset[str] = frozenset()
    mutual_preps: frozenset[str] = frozenset()
    agent_preps: frozenset[str] = frozenset()
    passive_aux: frozenset[str] = frozenset()
    source_preps: frozenset[str] = frozenset()
    source_after: frozenset[str] = frozenset()  # "aldus X", ", said X"
    first_person: frozenset[str] = frozenset()  # "we", "wir": a quoted clause in the speaker's own person
    gerund_preps: frozenset[str] = frozenset()  # "responded by firing": the gerund is the clause subject's act
    first_person_subjects: frozenset[str] = frozenset()  # "we", "wij", "nous": a quoted act that is the speaker's
    source_as: frozenset[str] = frozenset()  # ", wie X mitteilte", ", as X said": X before (or after) a report verb
    source_postpositions: frozenset[str] = frozenset()  # "Dem Kreml zufolge": the source stands before it
    source_compounds: frozenset[str] = frozenset()  # "nach US-Angaben": a source noun closing a compound
    # "nach ukrainischen Angaben": a preposition, the group as an adjective, then a source noun (or a compound
    # ending in one: "nach israelischen Armeeangaben")
    source_noun_preps: frozenset[str] = frozenset()
    # "The Council said it would host talks": a third-person pronoun that opens the reported words is the
    # speaker announcing its own act, which the article states (source null)
    speaker_pronouns: frozenset[str] = frozenset()
    source_nouns: frozenset[str] = frozenset()
    self_sources: frozenset[str] = frozenset()  # "naar eigen zeggen": the actor claims it itself
    span_preps: frozenset[str] = frozenset()  # "since May", "seit Oktober": the timex bounds a state, dates no act
    # ", qui avait déposé sa candidature le 2 octobre,": a timex in a comma-bounded relative clause dates its verb
    dating_relatives: frozenset[str] = frozenset()
    # "the budget for 2027", "de verkiezingen van vorig jaar": after a noun, a timex is the noun's date ...
    noun_date_preps: frozenset[str] = frozenset()
    # ... unless the noun is one of time: "met ingang van vandaag", "the night of 6 May" date the act
    time_frame_nouns: frozenset[str] = frozenset()
    temporal_openers: frozenset[str] = frozenset()  # "when", "toen": the clause happens at its main clause's time
    reported_futures: frozenset[str] = frozenset()  # "said it would send": a reported plan, not a condition
    threat_conditions: frozenset[str] = frozenset()  # "if": a conditional threat is hypothetical (en gold only)
    announce_verbs: frozenset[str] = frozenset()  # "announced new sanctions": the announced act is planned
    anterior_aux: frozenset[str] = frozenset()  # "had", "hatte": a shift back in time ends the running date
    report_verbs: frozenset[str] = frozenset()
    clause_breaks: frozenset[str] = frozenset()
    coordinators: frozenset[str] = frozenset()
    contrastive_coordinators: frozenset[str] = frozenset()  # "but", "maar": the elided subject is the first clause's
    contrast_openers: frozenset[str] = frozenset()  # "while", "terwijl": the author sets the clause against the last
    determiners: frozenset[str] = frozenset()
    possessive_markers: frozenset[str] = frozenset()
    complementizers: frozenset[str] = frozenset()  # "dat", "that": open a reported clause after a report verb
    stop_words: frozenset[str] = frozenset()  # "staken", "halt": a proposition to stop X
    locative_preps: frozenset[str] = frozenset()
    city_nouns: frozenset[str] = frozenset()  # "in de Zuid-Afrikaanse hoofdstad Pretoria": the city, not its state
    destination_preps: frozenset[str] = frozenset()  # "visit to X", "bezoek aan X": X is where the visit goes
    target_preps: frozenset[str] = frozenset()  # "strikes on X", "Angriffe auf X": X is where an attack struck
    duration_cues: frozenset[str] = frozenset()  # "durende", "lasting": a DURATION timex measures the event
    noun_agent_preps: frozenset[str] = frozenset()  # "verzoek van X", "attack by X": X acts
    perfect_aux: frozenset[str] = frozenset()  # "heeft benoemd" is active, "is benoemd" passive
    clause_openers: frozenset[str] = frozenset()  # words that open a clause even without a comma
    during_preps: frozenset[str] = frozenset()  # "tijdens het gesprek": the clause's participants take part
    collective_subjects: frozenset[str] = frozenset()  # "the leaders", "beide partijen": the dialogue's parties
    light_verbs: frozenset[str] = frozenset()  # "voerde gesprekken", "held talks": a noun takes the subject
    partitive_articles: frozenset[str] = frozenset()  # "de nouvelles sanctions": a preposition's form as article
    definite_articles: frozenset[str] = frozenset()  # "het gesprek", "the call": talks introduced before
    demonstratives: frozenset[str] = frozenset()  # "die gesprekken", "these talks"
    proposition_anaphors: frozenset[str] = frozenset()  # "sprak zijn goedkeuring daarover uit": the last proposal
    conditional_openers: frozenset[str] = frozenset()  # "als", "if": a condition only when they open the clause
    reciprocals: frozenset[str] = frozenset()  # "miteinander", "each other": the participants act together
    subject_pronouns: frozenset[str] = frozenset()  # "hij", "er": a subject the actors stage may leave unresolved
    stem_suffixes: frozenset[str] = frozenset()  # inflection endings: "verurteilen" matches "verurteilten"
    # spelling changes inside a verb's paradigm, "from>to", made before an ending is stripped: French writes
    # "c" as "ç" and "g" as "ge" before a, o, u ("dénonçant", "exigeant" are "dénoncer", "exiger")
    stem_spellings: frozenset[str] = frozenset()
    # separable verb particles ("liet … vrij"): a multiword form ending in one matches split over the clause
    # (events/separable.py)
    separable_particles: frozenset[str] = frozenset()
    legal_heads: frozenset[str] = frozenset()  # "murder charges", "war crimes trial": the trigger word names a charge
    designation_preps: frozenset[str] = frozenset()  # "named X as terrorists": the "as" of a designation
    designation_heads: frozenset[str] = frozenset()  # "terrorist(s)": what one is designated as
    designation_verbs: frozenset[str] = frozenset()  # the form whose entry a designation takes ("designated")
    # "and" between two verbal acts opens a new act with the same subject ("released X and agreed to Y");
    # "or" offers alternatives and is left out
    conjunct_coordinators: frozenset[str] = frozenset()
    infinitive_markers: frozenset[str] = frozenset()  # "and to withdraw", "en te": the conjunct continues a complement
    # "will, dass", "souhaite que": a complementizer after one of these (and a comma) opens the content of a
    # wish, which stays in the wish's clause so that the wanted act is its proposition (annotation decision A1)
    wish_verbs: frozenset[str] = frozenset()
    # separable prefixes that take the infinitive marker inside the word ("ein|zu|stellen", "frei|zu|lassen"):
    # with the markers they tell an infinitive clause ("…, die Angriffe einzustellen") from a relative one
    infinitive_prefixes: frozenset[str] = frozenset()
    attempt_words: frozenset[str] = frozenset()  # "tried to meet", "probeerde te onderhandelen": the act is not done
    offer_words: frozenset[str] = frozenset()  # "offered to mediate", "bood aan te bemiddelen": the act is not done yet
    # "will not negotiate", "werde keine Waffen liefern": a future or volitional word just before the negation
    # makes a negated act a refusal, REJECT with the act as proposition (events/unrealised.py)
    refusal_modals: frozenset[str] = frozenset()
    allegation_preps: frozenset[str] = frozenset()  # "accused X of …", "ervan", "d'avoir": what follows is alleged
    # ", which", ", die", ", qui": the antecedent before the comma takes part in the act (events/relatives.py)
    relative_pronouns: frozenset[str] = frozenset()
    # "a spokesman for X", "Delegations from X": the representative stands for X (events/clauses.py)
    representative_nouns: frozenset[str] = frozenset()
    representative_preps: frozenset[str] = frozenset()
    subject_relatives: frozenset[str] = frozenset()  # "who", "qui": a relative pronoun that is always the subject
    naming_verbs: frozenset[str] = frozenset()  # "called the strike an act of war": the predicate is X's act
    naming_preps: frozenset[str] = frozenset()  # "described it as", "qualifié de": the predicate's preposition
    verb_first: bool = False  # V2 languages: the subject may follow the finite verb
    # an infinitive clause stands between commas and closes with its infinitive ("forderte X auf, die Angriffe
    # einzustellen"), so an article after a comma may open one instead of a relative clause (de)
    comma_infinitives: bool = False

    def infix_infinitive(self, word: str, min_letters: int = 4) -> bool:
        """``word`` is a separable verb's infinitive with the marker inside it ("ein|zu|stellen": a prefix of
        ``infinitive_prefixes``, then a marker of ``infinitive_markers``), with at least ``min_letters`` letters
        after the marker so that a word that merely begins so ("einzug") is none."""
        return any(
            word.startswith(prefix + marker) and len(word) - len(prefix) - len(marker) >= min_letters
            for prefix in self.infinitive_prefixes
            for marker in self.infinitive_markers
        )


@dataclass(slots=True)
class Lexicon:
    lang: str
    entries: list[TriggerEntry]
    cues: Cues
    source: str = ""
    default_propositions: dict[str, EventType] = field(default_factory=dict)  # event type -> proposition type
    default_contexts: dict[str, list[str]] = field(default_factory=dict)  # event type -> PLOVER contexts
    # first token of a form -> entries; lemma -> entries; compound suffixes
    by_first: dict[str, list[TriggerEntry]] = field(default_factory=dict)
    by_lemma: dict[str, list[TriggerEntry]] = field(default_factory=dict)
    by_form_lemma: dict[str, list[TriggerEntry]] = field(default_factory=dict)  # single-word form -> entries
    compounds: list[tuple[str, TriggerEntry]] = field(default_factory=list)
    # compound suffix -> the first entry with it in ``compounds``, and the suffixes' lengths, longest first:
    # the trigger finder looks up a word's endings instead of trying every suffix on every word
    compound_by_suffix: dict[str, TriggerEntry] = field(default_factory=dict)
    compound_lengths: tuple[int, ...] = ()
    # word -> its compound entry or None, as found so far (triggers.compound_entry; emptied by ``index``)
    compound_words: dict[str, TriggerEntry | None] = field(default_factory=dict, repr=False, compare=False)
    by_stem: dict[str, TriggerEntry] = field(default_factory=dict)
    # first token -> (entry, its forms that start with it, longest first), in by_first's order: what the
    # trigger finder tries at a token, sorted once here instead of at every token of every article
    forms_by_first: dict[str, list[tuple[TriggerEntry, tuple[tuple[str, ...], ...]]]] = field(default_factory=dict)
    # light-verb constructions (entries with ``verbs``): noun word (form, lemma or stem) -> entries; they are
    # kept out of the indexes above, so that the noun alone ("complaint", "Erklärung") is no trigger
    construction_nouns: dict[str, list[TriggerEntry]] = field(default_factory=dict)
    construction_compounds: list[tuple[str, TriggerEntry]] = field(default_factory=list)
    # the nouns of construction_compounds as one tuple: ``str.endswith`` tells at once whether any ends a word
    construction_heads: tuple[str, ...] = ()
    # the stems found so far, with the cues they were found with: ``stem`` is asked about the same words
    # again and again (every candidate word of every article, 29,000 calls on the dev split, each trying
    # the language's endings one by one)
    _stems: tuple[Cues | None, dict[str, str | None]] = field(
        default_factory=lambda: (None, {}), init=False, repr=False, compare=False
    )

    def stem(self, word: str) -> str | None:
        """The word without its longest inflection ending (cues.stem_suffixes), its paradigm's spelling
        changes undone first (cues.stem_spellings), or None when the language lists no endings or too little
        of the word would remain to be told apart from others."""
        cues, known = self._stems
        if cues is not self.cues:
            known = {}
            self._stems = (self.cues, known)
        elif word in known:
            return known[word]
        if len(known) >= MAX_KEPT_STEMS:  # a long-running process meets ever new words
            known.clear()
        found = known[word] = self._find_stem(word)
        return found

    def _find_stem(self, word: str) -> str | None:
        suffixes = self.cues.stem_suffixes
        if not suffixes:
            return None
        spellings = self.cues.stem_spellings
        if spellings:
            word = _respelled(word, spellings)
            suffixes = _respelled_suffixes(suffixes, spellings)
        for suffix in _longest_first(suffixes):
            if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
                return word[: -len(suffix)]
        return word if len(word) >= MIN_STEM + 1 else None

    def index(self) -> None:
        self.construction_nouns = {}
        self.construction_compounds = []
        for entry in self.constructions():
            for noun in (*(f[0] for f in entry.forms), *entry.lemmas):
                self.construction_nouns.setdefault(noun, []).append(entry)
                stem = self.stem(noun) if entry.stem else None
                if stem is not None and stem != noun:
                    self.construction_nouns.setdefault(stem, []).append(entry)
                if entry.compound:
                    self.construction_compounds.append((noun, entry))
        self.construction_compounds.sort(key=lambda p: -len(p[0]))
        self.construction_heads = tuple(noun for noun, _ in self.construction_compounds)
        for entry in self.entries:
            if entry.verbs:
                continue
            for form in entry.forms:
                self.by_first.setdefault(form[0], []).append(entry)
                if entry.compound and len(form) == 1:
                    self.compounds.append((form[0], entry))
            for lemma in entry.lemmas:
                self.by_lemma.setdefault(lemma, []).append(entry)
        # A verb entry's single-word form is also a lemma: where the nlp model lemmatizes, "condemning" and
        # "veroordeelde" match the entries listing "condemn" and "veroordelen" without every inflection being
        # listed (issue 13). Only a word tagged as a verb matches so ("called" is no phone "call"): see
        # triggers._match_at. Noun entries list their plurals on purpose ("commitment" is an act,
        # "commitments" obligations already held), so their forms are not lemmas.
        for entry in self.entries:
            if entry.verbs:
                continue
            for form in entry.forms if entry.kind == "verb" else ():
                if len(form) == 1:
                    self.by_form_lemma.setdefault(form[0], []).append(entry)
            # without a lemmatizer, inflected forms the entry does not list are matched by their stem;
            # the forms of an entry with a separable particle need their particle check and match by form
            # only, but its lemmas are infinitives, written whole ("bestreiten", "ablehnen"), and are stemmed
            # like any other entry's (before, the lemmas listed on such an entry never matched untagged text)
            if entry.stem:
                # a lemma ("ratifier", "erörtern") is stemmed like a form: its inflections match without a
                # lemmatizer ("ratifiait", "erörterte")
                forms = () if entry.particle else entry.forms
                for form in (*forms, *((lemma,) for lemma in entry.lemmas)):
                    stem = self.stem(form[0]) if len(form) == 1 else None
                    if stem is not None:
                        self.by_stem.setdefault(stem, entry)  # the first entry listing a stem keeps it
        # longest forms first, so that "telefonisch contact" wins over "contact"
        for entries in self.by_first.values():
            entries.sort(key=lambda e: -max(len(f) for f in e.forms))
        self.compounds.sort(key=lambda p: -len(p[0]))
        self.compound_by_suffix = {}
        self.compound_words = {}
        for suffix, entry in self.compounds:
            self.compound_by_suffix.setdefault(suffix, entry)
        self.compound_lengths = tuple(sorted({len(suffix) for suffix in self.compound_by_suffix}, reverse=True))
        self.forms_by_first = {
            word: [
                (entry, tuple(f for f in sorted(entry.forms, key=len, reverse=True) if f[0] == word))
                for entry in entries
            ]
            for word, entries in self.by_first.items()
        }

    def constructions(self) -> list[TriggerEntry]:
        """The light-verb construction entries (those with ``verbs``)."""
        return [entry for entry in self.entries if entry.verbs]


def _respelled(word: str, spellings: frozenset[str]) -> str:
    for spelled, plain in _spelling_pairs(spellings):
        if spelled in word:
            word = word.replace(spelled, plain)
    return word


@lru_cache(maxsize=64)
def _respelled_suffixes(suffixes: frozenset[str], spellings: frozenset[str]) -> frozenset[str]:
    # the endings are respelled like the words they end ("èrent" stays the ending of a respelled "massacrèrent")
    return frozenset(_respelled(suffix, spellings) for suffix in suffixes)


@lru_cache(maxsize=64)
def _spelling_pairs(spellings: frozenset[str]) -> tuple[tuple[str, str], ...]:
    # cached like _longest_first; the longest spelling first, so that one inside another never wins over it
    pairs = (tuple(spelling.split(">", 1)) for spelling in spellings)
    return tuple(sorted(((a, b) for a, b in pairs), key=lambda pair: -len(pair[0])))


@lru_cache(maxsize=64)
def _longest_first(suffixes: frozenset[str]) -> tuple[str, ...]:
    # cached: ``stem`` asks for every word it tries; the order of suffixes of one length does not matter, as
    # at most one of them can end a word
    return tuple(sorted(suffixes, key=len, reverse=True))


def _words(values: object, where: str) -> frozenset[str]:
    if values is None:
        return frozenset()
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise KroniekError("E160", where=where, detail="expected a list of strings")
    return frozenset(v.lower() for v in values)


def _strings(raw: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    """A string or a list of strings, lower-cased."""
    value = raw.get(key, ())
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise KroniekError("E160", where=where, detail=f"{key!r} must be a string or a list of strings")
    return tuple(v.lower() for v in value)


def _optional_str(raw: dict[str, Any], key: str) -> str | None:
    value = raw.get(key)
    return str(value) if value else None


_ELISION = re.compile(r"^(\w{1,2})['’](\w.*)$")


def form_words(form: str) -> tuple[str, ...]:
    """A form as the tokens the tokenizer makes of it: French elisions are split off ("s'est" → "s", "est",
    as the token "s'" reads once its apostrophe is stripped); "aujourd'hui" and "don't" stay whole."""
    words: list[str] = []
    for word in form.lower().split():
        m = _ELISION.match(word)
        words.extend((m.group(1), m.group(2)) if m else (word,))
    return tuple(words)


def _entry(raw: dict[str, Any], where: str) -> TriggerEntry:
    event = raw.get("event")
    if event not in EVENT_TYPES:
        raise KroniekError("E160", where=where, detail=f"unknown PLOVER event {event!r}")
    forms_raw = raw.get("forms")
    if not isinstance(forms_raw, list) or not forms_raw:
        raise KroniekError("E160", where=where, detail="an entry needs a non-empty 'forms' list")
    forms = tuple(form_words(str(f)) for f in forms_raw if str(f).strip())
    kind = str(raw.get("kind", "verb"))
    frame = str(raw.get("frame", "mutual" if event == "CONSULT" and kind == "noun" else "active"))
    if kind not in KINDS or frame not in ROLE_FRAMES:
        raise KroniekError("E160", where=where, detail=f"kind must be one of {KINDS}, frame one of {ROLE_FRAMES}")
    prop = raw.get("proposition")
    if prop is not None and prop not in EVENT_TYPES:
        raise KroniekError("E160", where=where, detail=f"unknown proposition type {prop!r}")
    modality = raw.get("modality")
    if modality not in (None, "asserted", "planned", "negated", "hypothetical"):
        raise KroniekError("E160", where=where, detail=f"unknown modality {modality!r}")
    try:
        confidence = float(raw.get("confidence", 0.6))
    except (TypeError, ValueError) as exc:
        raise KroniekError("E160", where=where, detail="confidence must be a number") from exc
    return TriggerEntry(
        id=str(raw.get("id") or f"{where}:{' '.join(forms[0])}"),
        forms=forms,
        event=event_type(str(event)),
        kind=trigger_kind(kind),
        lemmas=_strings(raw, "lemmas", where),
        particle=_strings(raw, "particle", where),
        compound=bool(raw.get("compound", False)),
        mode=_optional_str(raw, "mode"),
        context=_strings(raw, "context", where),
        gloss=str(raw.get("gloss", "")),
        frame=frame,
        object_recipient=bool(raw.get("object_recipient", kind == "verb")),
        recipient_preps=_strings(raw, "recipient_preps", where) if "recipient_preps" in raw else None,
        stop=bool(raw.get("stop", False)),
        modality=None if modality is None else modality_type(str(modality)),
        negated=bool(raw.get("negated", False)),
        proposition=None if prop is None else event_type(str(prop)),
        proposition_mode=_optional_str(raw, "proposition_mode"),
        confidence=confidence,
        passive_forms=frozenset(_strings(raw, "passive", where)),
        stem=bool(raw.get("stem", True)),
        verbs=_construction_verbs(raw, forms, where),
        object_control=bool(raw.get("object_control", False)),
    )


def _construction_verbs(raw: dict[str, Any], forms: tuple[tuple[str, ...], ...], where: str) -> tuple[str, ...]:
    """The governing verbs of a light-verb construction entry, checked: its forms are one-word nouns and it
    has no separable particle of its own (the verb's particle is part of the verb's lemma: "afleggen")."""
    if "verbs" not in raw:
        return ()
    verbs = _strings(raw, "verbs", where)
    if not verbs:
        raise KroniekError("E295", where=where, detail="'verbs' must name at least one governing verb")
    if any(len(form) != 1 for form in forms):
        raise KroniekError("E295", where=where, detail="the forms of a construction are one-word nouns")
    if raw.get("particle"):
        raise KroniekError("E295", where=where, detail="give the particle verb whole in 'verbs' ('afleggen')")
    if any(" " in verb for verb in verbs):
        raise KroniekError("E295", where=where, detail="each of 'verbs' is one word (a lemma or a form)")
    return verbs


def parse_lexicon(data: dict[str, object], lang: str, where: str) -> Lexicon:
    cues_raw = data.get("cues", {})
    if not isinstance(cues_raw, dict):
        raise KroniekError("E160", where=where, detail="[cues] must be a table")
    flags = {"verb_first", "comma_infinitives"}  # the cues that are true or false, not word lists
    cue_fields = {name for name in Cues.__dataclass_fields__ if name not in flags}
    unknown = set(cues_raw) - cue_fields - flags
    if unknown:
        raise KroniekError("E160", where=where, detail=f"unknown cue lists: {', '.join(sorted(unknown))}")
    bad_spellings = [s for s in _words(cues_raw.get("stem_spellings"), where) if s.count(">") != 1 or s[0] == ">"]
    if bad_spellings:
        raise KroniekError(
            "E160", where=f"{where} [cues].stem_spellings", detail=f"write each as 'from>to': {bad_spellings[0]!r}"
        )
    cues = Cues(
        **{name: _words(cues_raw.get(name), f"{where} [cues].{name}") for name in cue_fields},
        verb_first=bool(cues_raw.get("verb_first", False)),
        comma_infinitives=bool(cues_raw.get("comma_infinitives", False)),
    )
    triggers = data.get("triggers", {})
    entries_raw = triggers.get("entries", []) if isinstance(triggers, dict) else None
    if not isinstance(entries_raw, list):
        raise KroniekError("E160", where=where, detail="[triggers].entries must be an array of tables")
    if not all(isinstance(raw, dict) for raw in entries_raw):
        raise KroniekError("E160", where=where, detail="each trigger entry must be a table")
    entries = [_entry(raw, f"{where} trigger {n}") for n, raw in enumerate(entries_raw, start=1)]
    meta = data.get("meta", {})
    source = str(meta.get("source", "")) if isinstance(meta, dict) else ""
    defaults = data.get("default_propositions", {})
    if not isinstance(defaults, dict) or any(v not in EVENT_TYPES for v in defaults.values()):
        raise KroniekError("E160", where=where, detail="[default_propositions] maps event types to event types")
    lexicon = Lexicon(
        lang=lang,
        entries=entries,
        cues=cues,
        source=source,
        default_propositions={str(k): event_type(str(v)) for k, v in defaults.items()},
    )
    contexts = data.get("default_contexts", {})
    if isinstance(contexts, dict):
        lexicon.default_contexts = {str(k): [str(x) for x in v] for k, v in contexts.items() if isinstance(v, list)}
    lexicon.index()
    return lexicon


def read_lexicon(path: Path, lang: str) -> Lexicon:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise KroniekError("E160", where=str(path), detail=str(exc)) from exc
    return parse_lexicon(data, lang, path.name)


@lru_cache(maxsize=16)
def load_lexicon(lang: str, extra: tuple[str, ...] = ()) -> Lexicon | None:
    """The shipped lexicon for ``lang`` plus any extra files (entries appended); None if none is shipped."""
    if not lang_packs.has(lang):
        return None
    pack = lang_packs.get(lang)
    data = dict(pack.table("events"))
    # closed-class words that several stages share (lang/<code>/words.toml) fill the cue lists of the same name
    shared = {k: v for k, v in pack.table("words").items() if k in Cues.__dataclass_fields__}
    cues = data.get("cues", {})
    data["cues"] = {**shared, **cues} if isinstance(cues, dict) else cues
    lexicon = parse_lexicon(data, lang, f"lang/{lang}/events.toml")
    for extra_path in extra:
        more = read_lexicon(Path(extra_path), lang)
        lexicon.entries.extend(more.entries)
    if extra:
        lexicon.by_first.clear()
        lexicon.by_lemma.clear()
        lexicon.by_form_lemma.clear()
        lexicon.compounds.clear()
        lexicon.by_stem.clear()
        lexicon.index()
    return lexicon
