"""When an event happened, read from the article around it: which timexes of its clause date it, and the
date it takes from the clause or the sentences before it when it has none of its own.

``dates_the_event`` says whether a timex of the evidence dates the event itself. It does not when it is
a page stamp (``TimexRecord.stamp``: "Published: 19 March"), when it is glued by a hyphen to the word
before it (a name: "Jean-Noël", "Zapad-2025"), when it belongs to a noun ("Tuesday's
attack", "the 2023 killing", "the 1951 treaty": a possessive, or a bare year before a noun; "the budget for
2027", "de verkiezingen van vorig jaar": after a noun and one of ``cues.noun_date_preps``), when it marks
where a state ends ("held until December", "bis Ende März": ``cues.span_preps``), or when another
verb governs the timex: one that modifies a noun ("Putin, re-elected on March 18, called Xi": the date is
the re-election's) or one coordinated with the trigger's verb (this needs the dependency parse, so it
holds for the languages whose pipeline makes one).

``embedded_acts_date``: a timex of the act that a request, offer or threat is about ("called on X to strike on
Thursday") dates that act, not the ask (round 9).

``temporal_clause_date``: a clause opened by "when", "toen", "als", "lorsque" (``cues.temporal_openers``)
happens at the time of the clause it modifies ("The escalation began on Wednesday, when X attacked Y").

``running_date``: the discourse's time anchor. The last event dated by a timex of its own sentence
anchors the narrative; a later event of its parties referred to as such ("The two leaders also agreed",
"Both sides"), without a timex in its own sentence, with the same modality and without a tense shift back
("had", "hatte": ``cues.anterior_aux``), took place that day ("On Tuesday Trump called Putin. … The two
leaders also agreed to …"). A new explicit timex replaces the anchor; a tense shift back ends it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kroniek.document import ArticleDoc, CharSpan, EventRecord, TimexRecord
from kroniek.events.clauses import Clause
from kroniek.events.conjuncts import Conjunct
from kroniek.events.lexicon import Cues
from kroniek.events.token_table import token_table

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_POSSESSIVE_AFTER = re.compile(r"^['’]s?\b")
_YEAR = re.compile(r"^\d{4}$")
_GLUED_AFTER_WORD = re.compile(r"[^\W\d_][-‐]$")  # a letter, then a hyphen right before the timex
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CARRY_SENTENCES = 12  # an anchor dates events at most this many sentences further on


def dates_the_event(doc: ArticleDoc, timex: TimexRecord, trigger_at: int, cues: Cues | None) -> bool:
    """Whether ``timex`` (inside the event's evidence) dates the event whose trigger starts at ``trigger_at``."""
    if timex.stamp:
        return False
    text = doc.text
    if _POSSESSIVE_AFTER.match(text[timex.end : timex.end + 3]):
        return False  # "Tuesday's attack"
    if _GLUED_AFTER_WORD.search(text[max(0, timex.start - 2) : timex.start]):
        return False  # "Jean-Noël Barrot", "Zapad-2025": part of a name (no gold date of the corpus is so glued)
    nlp = doc.nlp
    if nlp is None or cues is None:
        return True
    first = _token_at(nlp, timex.start)
    before = nlp[first - 1].text.lower() if first > 0 else ""
    if before in cues.span_preps:
        return False  # "until December", "bis Oktober", "depuis mai 2020"
    if cues.dating_relatives and _in_other_relative(nlp, first, _token_at(nlp, trigger_at), cues.dating_relatives):
        return False  # "M. X, qui avait déposé sa candidature le 2 octobre, a dénoncé …"
    if (
        before in cues.noun_date_preps
        and first > 1
        and nlp[first - 2].text.lower() not in cues.time_frame_nouns
        and _names_a_thing(doc, nlp[first - 2], trigger_at)
    ):
        return False  # "the elections of last year", "de begroting voor 2027": the noun's date
    if _YEAR.match(timex.value) and timex.end - timex.start == 4 and before not in cues.prepositions:
        after = _token_at(nlp, timex.end)
        if after < len(nlp) and _nominal(nlp[after]) and before not in cues.coordinators:
            return False  # "the 2023 killing", "the 1951 treaty": a year that modifies a noun
    last = max(first, _token_at(nlp, timex.end - 1))
    return not _another_verbs_date(nlp, _token_at(nlp, trigger_at), first, cues.light_verbs, last)


_COMPLEMENTS = ("xcomp", "advcl", "ccomp")


def past_verb_dates(doc: ArticleDoc, timex: TimexRecord, cues: Cues | None) -> bool:
    """The verb that governs ``timex`` is in a past tense: a finite past ("kondigde vrijdag sancties af",
    "wies am Donnerstag zurück") or a participle with a perfect auxiliary ("a annoncé jeudi soir", "has
    announced on Friday"; ``cues.perfect_aux``). The weekday then dates an act already done, though the
    event it reports is a plan (sanctions announced, a treaty suspended): the annotators date it by the
    day of the announcement, the last such weekday. A weekday under an infinitive or a future ("will
    meet on Friday", "zouden woensdag ontmoeten": "zou" is no perfect auxiliary, "heeft toegezegd vrijdag
    op te heffen") is not so governed."""
    nlp = doc.nlp
    if nlp is None or cues is None:
        return False
    first = _token_at(nlp, timex.start)
    if first >= len(nlp):
        return False
    if not nlp.has_annotation("DEP"):
        return _perfect_right_before(nlp, first, cues)
    last = max(first, _token_at(nlp, timex.end - 1))
    verb = _governing_verb(_outside_head(nlp, first, last))
    if verb is None:
        return False
    # a weekday between the verb and its infinitive complement is the infinitive's (Dutch and German put
    # the participle before an extraposed "te"/"zu" clause)
    if verb.i < first and any(
        c.i > last and "Inf" in c.morph.get("VerbForm", []) and c.dep_ in _COMPLEMENTS for c in verb.children
    ):
        return False  # "heeft toegezegd vrijdag af te treden"
    tense, form = verb.morph.get("Tense", []), verb.morph.get("VerbForm", [])
    if "Past" in tense and "Fin" in form:
        return True
    return "Part" in form and any(
        child.dep_.startswith("aux") and child.lower_ in cues.perfect_aux for child in verb.children
    )


_EMBEDDING = ("xcomp", "ccomp")


def embedded_acts_date(doc: ArticleDoc, timex: TimexRecord, trigger_at: int) -> bool:
    """The timex dates the act that a request, offer, agreement, refusal or threat is about, not the speech act:
    the verb that governs it is a complement of the trigger's verb (xcomp/ccomp, also through further
    complements, or an infinitive adverbial clause) with no subject of its own, and stands after it ("called on
    its supporters to strike on Thursday", "riep zijn achterban op donderdag het werk neer te leggen",
    "threatened to walk out in January"). The annotators leave such a call or offer undated (A23 #78, A27 #11,
    A29 #4: "ready to host talks next week" is an undated AGREE). A timex wholly before the publication day
    dates history and is kept (``_before_the_report``). Needs the dependency parse (English, Dutch): without
    one nothing is so read."""
    nlp = doc.nlp
    if nlp is None or not nlp.has_annotation("DEP") or _before_the_report(doc, timex):
        return False
    trigger = _token_at(nlp, trigger_at)
    first = _token_at(nlp, timex.start)
    if trigger >= len(nlp) or first >= len(nlp) or first < trigger:
        return False
    own = nlp[trigger]
    if own.pos_ not in ("VERB", "AUX"):
        return False  # a noun trigger ("the call for talks on Friday") is left to the other rules
    last = max(first, _token_at(nlp, timex.end - 1))
    head = _outside_head(nlp, first, last)
    if head is not None and head.i > last and head.pos_ in ("NOUN", "PROPN"):
        return False  # a date before its noun names a thing ("advised them to leave in its Thursday travel alert")
    verb = _governing_verb(head)
    if verb is None or verb.i <= own.i:
        return False
    step = verb
    for _ in range(6):
        # the parser hangs "to release" of "called on X to release" as an adverbial clause: an infinitive one
        # is the complement too
        infinitive = step.dep_ == "advcl" and "Inf" in step.morph.get("VerbForm", [])
        if not (step.dep_ in _EMBEDDING or infinitive) or step.head.i == step.i:
            return False
        if step.head.i == own.i:
            # a controlled complement ("called on X to strike", "offered to host") is the asked or offered act;
            # a clause with its own subject ("pledged that he would return on 10 January") reports what was
            # said, which the annotators date in older articles (corpus dev: one right date lost without this)
            return not any(child.dep_.startswith("nsubj") for child in step.children)
        step = step.head
    return False


_CALENDAR = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _before_the_report(doc: ArticleDoc, timex: TimexRecord) -> bool:
    """The timex (a year, month or day) ends before the publication day: an ask or offer for a time already
    past when the article reports it is history that the timex dates ("a pact it had threatened to scrap in
    2019"), not a plan still ahead."""
    if doc.published is None or not _CALENDAR.match(timex.value):
        return False
    return timex.value < doc.published.isoformat()[: len(timex.value)]


def _perfect_right_before(nlp: Doc, first: int, cues: Cues) -> bool:
    """Without a parse (German, French): a perfect auxiliary right before the timex, or before the participle
    right before it, past one preposition ("a annoncé jeudi soir", "ont signé mercredi", "hat am Montag")."""
    before = [nlp[i].text.lower() for i in range(max(0, first - 3), first)]
    if before and before[-1] in cues.prepositions:
        before = before[:-1]
    return any(w in cues.perfect_aux for w in before[-2:])


def _in_other_relative(nlp: Doc, timex: int, trigger: int, openers: frozenset[str]) -> bool:
    """Token ``timex`` stands in a relative clause set off by commas (", qui …,": a comma, then one of
    ``openers``, up to the next comma or the sentence end) that does not hold token ``trigger``: the
    timex dates the relative clause's own verb. Read from the words, for a pipeline without a parse
    (French; train split, round 8: 3 French event dates so taken, none right)."""
    start = None
    for i in range(timex, 0, -1):
        if nlp[i].is_sent_start:
            return False  # no comma before the timex in its sentence
        if nlp[i - 1].text == ",":
            start = i if nlp[i].text.lower() in openers else None
            break
    if start is None:
        return False
    end = timex
    while end < len(nlp) and nlp[end].text != "," and not (end > timex and nlp[end].is_sent_start):
        end += 1
    return not start <= trigger < end


def _names_a_thing(doc: ArticleDoc, token: Token, trigger_at: int) -> bool:
    """``token`` is a noun that is neither the event's own trigger ("the attack of 6 May" dates the attack) nor
    a word of another timex ("in March of this year", "la nuit de lundi"). Without tags a capitalised word
    is a noun (German)."""
    noun = token.pos_ in ("NOUN", "PROPN") if token.pos_ else token.is_alpha and token.text[:1].isupper()
    if not noun or token.idx <= trigger_at < token.idx + len(token.text):
        return False
    return not any(t.start <= token.idx < t.end for t in doc.timexes)


def _nominal(token: Token) -> bool:
    """A noun or adjective by its tag; without tags, a capitalised word (a German noun: "die 2014
    annektierte Krim" keeps its date, "der 2014 Vertrag" would not)."""
    if token.pos_:
        return token.pos_ in ("NOUN", "PROPN", "ADJ")
    return token.is_alpha and token.text[:1].isupper()


def _token_at(nlp: Doc, char: int) -> int:
    """The token that holds character ``char`` (or the first one after it)."""
    lo, hi = 0, len(nlp)
    while lo < hi:
        mid = (lo + hi) // 2
        token = nlp[mid]
        if token.idx + len(token.text) <= char:
            lo = mid + 1
        else:
            hi = mid
    return lo


_NOUN_MODIFIERS = ("acl", "acl:relcl", "relcl", "appos", "amod")


def _another_verbs_date(nlp: Doc, trigger: int, timex: int, light: frozenset[str], timex_last: int = -1) -> bool:
    """The timex belongs to another verb than the trigger's (by the dependency parse, where there is one):
    a verb that modifies a noun ("an agreement reached in July", "drills that began on Monday", "Putin,
    re-elected on March 18, …") or a verb coordinated with the trigger's ("refused to board the plane and
    was sentenced on Friday", unless the date stands before both), also through the verbs that control it
    ("a pact it had threatened to scrap in 2019"). A light verb that the trigger hangs on ("held talks on
    Monday") and the verb whose subject or object a noun trigger is ("the talks took place on Sunday") are
    the trigger's own; a light verb elsewhere is another verb ("a warning against drills that began on Monday").
    A word of the timex itself is never that verb: taggers read "volgende" ("volgende week") or "kommenden"
    as a participle."""
    if trigger >= len(nlp) or timex >= len(nlp):
        return False
    own = nlp[trigger]
    if own.pos_ != "VERB" and own.head.pos_ in ("VERB", "AUX"):
        own = own.head  # a noun trigger is dated through its verb
    verb = _governing_verb(_outside_head(nlp, timex, max(timex, timex_last)))
    if verb is None or verb.i == own.i:
        return False
    if verb.text.lower() in light and (_ancestor(verb, nlp[trigger]) or verb.head.i == trigger):
        return False  # the light verb of the trigger's own noun ("held talks on Monday", "protests began on …")
    # a verb controlled by another ("it had threatened to scrap in 2019") shares its clause's attachment
    head = verb
    while head.dep_ == "xcomp" and head.head.pos_ in ("VERB", "AUX") and head.head.i != own.i:
        head = head.head
    if head.dep_ in _NOUN_MODIFIERS and not _ancestor(head, own):
        return True
    if _participle_adjunct_of(own, verb) and not _fronted(nlp[timex], verb):
        return True
    if timex < verb.i:
        return False  # "Last week X dismissed the cabinet and appointed …": a fronted date covers both verbs
    return (verb.dep_ == "conj" and verb.head.i == own.i) or (own.dep_ == "conj" and own.head.i == verb.i)


def _participle_adjunct_of(own: Token, verb: Token) -> bool:
    """The trigger is a bare participle or gerund that follows ``verb`` and adjoins it ("severed relations
    on Tuesday, accusing it of arming the rebels", "rallied on Monday, demanding his resignation"): the
    annotators date the main act only, unless the date is fronted (``_fronted``). One that a conjunction
    introduces ("died on Tuesday after being shot") is left to the other rules."""
    if own.i < verb.i or not _ancestor(verb, own) or any(child.dep_ == "mark" for child in own.children):
        return False
    if not {"Part", "Ger"} & set(own.morph.get("VerbForm", [])):
        return False
    # the parser hangs a participle after a comma on the verb (advcl) or on its object (acl: "expelled the
    # ambassador, accusing ..."); either way it adjoins the dated act
    return (own.dep_ == "advcl" and own.head.i == verb.i) or (own.i > 0 and own.doc[own.i - 1].text == ",")


def _fronted(timex: Token, verb: Token) -> bool:
    """The timex stands before the subject of its verb ("On Thursday, X addressed reporters, calling for
    ..."): it sets the time of the whole sentence (train split: 3 such participles dated by the annotators,
    3 with the date after the subject not)."""
    subjects = [child.i for child in verb.children if child.dep_.startswith("nsubj")]
    return timex.i < min(subjects, default=verb.i)


def _outside_head(nlp: Doc, first: int, last: int) -> Token | None:
    """The first word outside tokens ``first``..``last`` (a timex) that the timex hangs on, or None at the root."""
    token = nlp[first]
    for _ in range(last - first + 2):
        if not first <= token.i <= last:
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return token if not first <= token.i <= last else None


def _governing_verb(token: Token | None) -> Token | None:
    if token is None:
        return None
    for _ in range(6):
        if token.pos_ == "VERB":
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _ancestor(candidate: Token, token: Token) -> bool:
    return any(a.i == candidate.i for a in token.ancestors)


def other_conjuncts(nlp: Doc, clause: Clause, conjunct: Conjunct | None, first_trigger: int) -> tuple[CharSpan, ...]:
    """The parts of a clause of coordinated acts whose timexes date another act than the one in ``conjunct``:
    the later conjuncts, and the earlier ones after the clause's first trigger (token ``first_trigger``). A
    timex fronted before the first act dates every act ("On Monday X dismissed the cabinet and appointed
    …"); one after an act's verb is that act's ("X summoned the ambassador last week and warned that …",
    "a exprimé vendredi sa préoccupation et a demandé …": the warning and the demand are not dated by the
    annotators). Empty when the clause reports one act."""
    if conjunct is None:
        return ()
    skip = []
    if not conjunct.first and first_trigger < conjunct.start:
        skip.append(CharSpan(int(nlp[first_trigger].idx), int(nlp[conjunct.start].idx)))
    if conjunct.end < clause.end:
        last = nlp[clause.end - 1]
        skip.append(CharSpan(int(nlp[conjunct.end].idx), int(last.idx + len(last.text))))
    return tuple(skip)


def temporal_clause_date(
    doc: ArticleDoc, clause: Clause, clauses: list[Clause], cues: Cues, usable: list[TimexRecord]
) -> TimexRecord | None:
    """The date of the clause that a "when"-clause modifies: the last usable timex of the clauses before it
    in the sentence (``usable``: the sentence's timexes that may date an event)."""
    nlp = doc.nlp
    if nlp is None or clause.index == 0 or not cues.temporal_openers:
        return None
    opener = nlp[clause.start].text.lower()
    if opener in cues.coordinators and clause.start + 1 < clause.end:
        opener = nlp[clause.start + 1].text.lower()
    if opener not in cues.temporal_openers:
        return None
    start = nlp[clause.start].idx
    before = [t for t in usable if clause.sentence.start <= t.start and t.end <= start]
    return before[-1] if before else None


def coordinated_clause_date(
    doc: ArticleDoc, clause: Clause, clauses: list[Clause], cues: Cues, usable: list[TimexRecord], trigger_at: int
) -> TimexRecord | None:
    """The date fronted before the first of coordinated acts that share a subject ("Poland on Tuesday
    accused X of … and ordered the closure of …", "Gisteren sloot Y de grens en zette de ambassadeur
    uit"): a clause that opens with a coordinator (``cues.conjunct_coordinators``) and a verb (no subject
    of its own) that reports the event by that verb takes the usable timex that stands before the verb of the clause its coordination starts
    from. A timex after that verb is its act's own ("summoned the ambassador last week and warned that …"
    is left undated, as the annotators leave it). Needs part-of-speech tags to see the verbs."""
    nlp = doc.nlp
    if nlp is None or clause.index == 0 or not nlp.has_annotation("POS"):
        return None
    at = clause.start
    while at < clause.end and nlp[at].is_punct:
        at += 1
    if at >= clause.end or nlp[at].text.lower() not in cues.conjunct_coordinators:
        return None
    at += 1
    while at < clause.end and nlp[at].pos_ in ("ADV", "PART"):
        at += 1
    if at >= clause.end or nlp[at].pos_ not in ("VERB", "AUX"):
        return None  # "and France urged …": a subject of its own
    if not nlp[at].idx <= trigger_at < nlp[at].idx + len(nlp[at].text):
        return None  # an act the coordinated verb reports ("and said deliveries would be halted")
    head = next((c for c in clauses if c.index == clause.index - 1), None)
    while head is not None and head.index > 0:
        first = next((nlp[i] for i in range(head.start, head.end) if not nlp[i].is_punct), None)
        if first is None or first.text.lower() not in cues.conjunct_coordinators:
            break
        head = next((c for c in clauses if c.index == head.index - 1), None)
    if head is None:
        return None
    verb = next((i for i in range(head.start, head.end) if nlp[i].pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    start, limit = nlp[head.start].idx, nlp[verb].idx
    before = [t for t in usable if start <= t.start and t.end <= limit]
    return before[-1] if before else None


@dataclass(slots=True)
class TimeAnchor:
    """The last event dated by its own sentence, and where that sentence is."""

    event: EventRecord
    sentence: int  # index into doc.sentences


def running_date(
    doc: ArticleDoc,
    anchor: TimeAnchor | None,
    sentence: int,
    event: EventRecord,
    clause_words: list[str],
    cues: Cues,
    collective: bool,
) -> TimexRecord | None:
    """The anchor's date for ``event`` (in sentence ``sentence``, undated by its own sentence), or None.

    Only an event of the anchored talks' parties, referred to as such ("The two leaders also agreed",
    "Both sides", ``collective``), carries the date, also into the next paragraphs of a readout. Carrying
    it to any later event that shares a participant dated 6 train events wrongly and none rightly (the
    annotators date an act by its own sentence), so that is not done."""
    if not collective or anchor is None or anchor.event.date is None:
        return None
    if not 0 < sentence - anchor.sentence <= CARRY_SENTENCES:
        return None
    if not _DAY.match(anchor.event.date.value) or anchor.event.modality != event.modality:
        return None
    if any(w in cues.anterior_aux for w in clause_words):
        return None
    parties = {*anchor.event.actor, *anchor.event.recipient}
    if not parties & {*event.actor, *event.recipient}:
        return None
    return anchor.event.date


# An act that is done (or refused) when it is reported; a planned act's date is the day it is planned for.
REPORTED_MODALITIES = ("asserted", "negated")


def reported_date(doc: ArticleDoc, event: EventRecord) -> TimexRecord | None:
    """The date of the report of an act that has none of its own: "Frederiksen said on Wednesday that
    Greenland is not for sale", "X akkoord bereikt. Dat maakte Y woensdagavond bekend". The annotators
    date such an act by its report. The report is the attribution (statements stage) whose words hold the
    event's trigger; its date is the usable timex of the speech verb's sentence outside the attributed
    words, nearest the speech verb."""
    if not event.trigger:
        return None
    at = event.trigger[0].start
    for attribution in doc.attributions:
        scope, cue = attribution.scope, attribution.cue
        if cue is None or not scope.start <= at < scope.end or scope.start <= cue.start < scope.end:
            continue
        sentence = next((s for s in doc.sentences if s.start <= cue.start < s.end), None)
        if sentence is None:
            continue
        found = [
            t
            for t in doc.timexes
            if t.type in ("DATE", "TIME")
            and sentence.start <= t.start
            and t.end <= sentence.end
            and not (scope.start <= t.start < scope.end)
            and t.precision != "vague"
            and _DAY.match(t.value[:10])
            and dates_the_event(doc, t, cue.start, None)
        ]
        if found:
            return min(found, key=lambda t: abs(t.start - cue.start))
    return None


def sentence_has_timex(doc: ArticleDoc, sentence: CharSpan) -> bool:
    return any(sentence.start <= t.start and t.end <= sentence.end and not t.stamp for t in doc.timexes)


def discourse_date(
    doc: ArticleDoc,
    event: EventRecord,
    clause: Clause,
    clauses: list[Clause],
    cues: Cues,
    anchor: TimeAnchor | None,
    collective: bool,
) -> tuple[TimexRecord | None, str, TimeAnchor | None]:
    """(the date of an event its own clause leaves undated, the rule that chose it, the anchor from now on).
    Called for every event in text order; an event dated by its own clause becomes the new anchor."""
    sentence = sentence_index(doc, clause.sentence)
    nlp = doc.nlp
    assert nlp is not None
    words = token_table(nlp).lowers[clause.start : clause.end]
    if event.date is not None:
        return None, "", TimeAnchor(event, sentence) if _DAY.match(event.date.value) else anchor
    usable = [
        t
        for t in doc.timexes
        if t.type in ("DATE", "TIME")
        and clause.sentence.start <= t.start
        and t.end <= clause.sentence.end
        and t.precision != "vague"
        and dates_the_event(doc, t, t.start, None)
    ]
    found = temporal_clause_date(doc, clause, clauses, cues, usable)
    if found is not None:
        return found, f"the clause that the {nlp[clause.start].text!r}-clause modifies", anchor
    trigger_at = event.trigger[0].start if event.trigger else -1
    found = coordinated_clause_date(doc, clause, clauses, cues, usable, trigger_at)
    if found is not None:
        return found, "the date fronted before the first of coordinated acts", anchor
    if event.modality in REPORTED_MODALITIES and not any(w in cues.anterior_aux for w in words):
        reported = reported_date(doc, event)
        if reported is not None:
            return reported, "the date of its report (said on …)", anchor
    if sentence_has_timex(doc, clause.sentence):
        return None, "", anchor
    if any(w in cues.anterior_aux for w in words):
        return None, "", None  # a tense shift back ends the anchor
    carried = running_date(doc, anchor, sentence, event, words, cues, collective)
    if carried is not None and anchor is not None:
        where = doc.text[anchor.event.trigger[0].start : anchor.event.trigger[0].end] if anchor.event.trigger else ""
        return (
            carried,
            f"running anchor (the date of {where!r} {sentence - anchor.sentence} sentence(s) before)",
            anchor,
        )
    return None, "", anchor


def sentence_index(doc: ArticleDoc, sentence: CharSpan) -> int:
    starts = [s.start for s in doc.sentences]
    return max(0, bisect_right(starts, sentence.start) - 1)
