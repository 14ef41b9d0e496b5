"""The source that claims an event (issue 14): a reporting clause around the trigger ("X said"), a source
phrase ("according to X", "nach Angaben von X", "selon X"), a speaker in apposition, or a statement's speaker; none
when the claimant speaks for the acting side. Split from events/qualify.py, which keeps modality, proposition,
date, duration, place and quantities."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

from kroniek.document import (
    ArticleDoc,
    CharSpan,
)
from kroniek.events.clauses import ActorGroup, Clause, drop_affiliations
from kroniek.events.lexicon import Lexicon
from kroniek.events.token_table import QUOTE_CHARS, token_table

if TYPE_CHECKING:
    from spacy.tokens import Doc

# the verbal event types: speech acts (a quoted first person voicing one is the speaker; a place named before one
# is the setting of the report, events/qualify.py)
VERBAL_TYPES = frozenset({"AGREE", "REQUEST", "REJECT", "ACCUSE", "THREATEN", "SUPPORT", "CONCEDE"})


def _low(nlp: Doc, i: int) -> str:
    return token_table(nlp).quote_lows[i]  # the text lower-cased, stripped of the quote characters


def source_for(
    doc: ArticleDoc,
    clause: Clause,
    clauses: list[Clause],
    groups_by_clause: dict[int, list[ActorGroup]],
    trigger_char: int,
    lexicon: Lexicon,
    actors: list[int],
    event: str = "",
    kind: str = "verb",
) -> tuple[int | None, str]:
    """Who claims the event: a source phrase or report verb of its own sentence, else the speaker of the
    speech scope (``doc.attributions``, found by the statements stage) that holds the trigger.

    An actor of the event is never its source ("Gantz said he was ready to join" is Gantz's own act,
    which the article states), except where the text says the claim is the actor's own ("nach eigenen
    Angaben", "naar eigen zeggen": ``cues.self_sources``).

    The clause-level rules stay here until the statements stage finds every report the events lexicon
    knows: reading ``doc.attributions`` alone scored fields.source 0.250 against 0.333 on the dev set
    (missed: "informeert ... dat", "advised", "soutenu par"), and adding the events' report verbs to the
    statements cues cost nl statements precision 0.600 -> 0.545 (measured for issue 11)."""
    nlp = doc.nlp
    assert nlp is not None
    cues = lexicon.cues
    if actors and cues.self_sources:
        words = " " + " ".join(token_table(nlp).quote_lows[clause.start : clause.end]) + " "
        own = next((p for p in cues.self_sources if f" {p} " in words), None)
        if own is not None:
            return actors[0], f"{own} (the actor's own account)"
    for candidate, rule, how in _source_candidates(doc, clause, clauses, groups_by_clause, trigger_char, cues):
        if candidate in actors:
            continue
        if how == "speech" and _announces_own_act(doc, clause, trigger_char, candidate, cues):
            return None, f"{rule}: the speaker's own act ('said it would …')"
        speaks_for = _speaks_for_an_actor(doc, candidate, actors, clause.sentence)
        if speaks_for:
            return None, f"{rule}: {speaks_for}"
        if event in OWN_SPEECH_ACTS and (how == "quote" or (how == "speech" and kind != "verb")):
            continue  # an accusation in someone's words is that speaker's own act, which the article states
        if how == "quote" and event in VERBAL_TYPES and _first_person(nlp, clause, trigger_char, cues):
            continue  # "We will not accept …": a demand, threat or refusal in the speaker's own person is theirs
        return candidate, rule
    return None, ""


def _announces_own_act(doc: ArticleDoc, clause: Clause, trigger_char: int, speaker: int, cues: Any) -> bool:
    """The reported words open with a third-person pronoun for the speaker ("The Council said it would host
    the talks", "a déclaré qu'il se retirerait"): the speaker announces its own act, which the article
    states (docs/annotation.md: "X said it would work with the new government" has the announcer as actor
    and no source). The words are those of the speaker's attribution that holds the trigger, else the
    trigger's clause (after a report verb in the clause before); a pronoun the actors stage resolved to
    someone else ("Kuleba said they attacked at night") does not count."""
    nlp = doc.nlp
    assert nlp is not None
    if not cues.speaker_pronouns:
        return False
    starts = [
        st.scope.start
        for st in doc.attributions
        if st.speaker == speaker and st.scope.start <= trigger_char < st.scope.end and not st.direct
    ]
    starts.append(int(nlp[clause.start].idx))
    for start in starts:
        # the first two words from there on, read lazily (not every token to the article's end)
        words = list(islice((t for t in nlp[_token_at(nlp, start) : len(nlp)] if not t.is_punct), 2))
        if words and words[0].text.lower() in cues.complementizers:
            words = words[1:]
        if not words or words[0].text.lower() not in cues.speaker_pronouns or words[0].idx >= trigger_char:
            continue
        pronoun = words[0]
        others = [
            i
            for i, actor in enumerate(doc.actors)
            for m in actor.mentions
            if m.start <= pronoun.idx < m.end and i != speaker
        ]
        if not others:
            return True
    return False


def _speaks_for_an_actor(doc: ArticleDoc, candidate: int, actors: list[int], sentence: CharSpan) -> str:
    """Why the claimant only speaks for an actor of the event, or "": it names the actor's affiliation in a
    title in the sentence ("U.N. Secretary-General António Guterres said he was disappointed": the UN is
    whom Guterres serves, not a third party reporting on him), or it is a government body of a state that
    acts ("Iran steunt het akkoord, liet de woordvoerder van het Iraanse ministerie van Buitenlandse Zaken
    weten": the state speaks through its ministry; docs/annotation.md, a spokesperson's words for an
    institution have the institution as actor and no source)."""
    claimant = doc.actors[candidate]
    own = [m for m in claimant.mentions if sentence.start <= m.start < sentence.end]
    for actor in actors:
        for m in doc.actors[actor].mentions:
            if not sentence.start <= m.start < sentence.end:
                continue
            for c in own:
                pair = [(c.start, c.end, candidate), (m.start, m.end, actor)]
                if c.end <= m.start and len(drop_affiliations(doc, pair)) == 1:
                    return "the affiliation in an actor's title"
    if claimant.kind == "organization" and claimant.sector == "GOV" and claimant.country is not None:
        if any(doc.actors[a].kind == "state" and doc.actors[a].country == claimant.country for a in actors):
            return "a government body of the acting state"
    return ""


def _token_at(nlp: Doc, char: int) -> int:
    """Index of the first token that starts at or after ``char``."""
    span = nlp.char_span(char, min(len(nlp.text), char + 1), alignment_mode="expand")
    return span.start if span is not None else len(nlp)


def _first_person(nlp: Doc, clause: Clause, trigger_char: int, cues: Any) -> bool:
    """The clause speaks in the first person before the trigger ("Wir werden … nicht akzeptieren")."""
    return any(_low(nlp, i) in cues.first_person for i in range(clause.start, clause.end) if nlp[i].idx < trigger_char)


# Speech acts that a report of someone's words performs rather than relays (docs/annotation.md,
# implicit_speech_act): on the train split, 0 of 17 ACCUSE events sourced from a report or quote had a
# source in gold; demands and threats in verbatim quotes 1 of 9 (kept where a third party acts: "They first
# refused", the speaker relays). A reported accusing verb ("X said that Y
# accused Z") is relayed, and keeps its source.
OWN_SPEECH_ACTS = frozenset({"ACCUSE"})


def _source_candidates(
    doc: ArticleDoc,
    clause: Clause,
    clauses: list[Clause],
    groups_by_clause: dict[int, list[ActorGroup]],
    trigger_char: int,
    cues: Any,
) -> Iterator[tuple[int, str, str]]:
    """Who may claim the event, nearest construction first: (actor, rule, how), how being "phrase" for a
    source phrase ("volgens X", "according to X"), "speech" for a report verb or reported speech, "quote"
    for a verbatim quote's speaker."""
    nlp = doc.nlp
    assert nlp is not None
    # "volgens X", "according to X", "nach Angaben der X", "Dem Kreml zufolge", "nach US-Angaben" in the clause
    groups = groups_by_clause.get(clause.start, [])
    covered = {t for g in groups for t in range(g.start, g.end)}
    sentence_groups = sorted((g for c in clauses for g in groups_by_clause.get(c.start, [])), key=lambda g: g.start)
    for g in groups:
        phrase = _source_phrase(nlp, g, clause, cues, covered)
        if phrase:
            yield _apposed_person(doc, g, sentence_groups, cues), phrase, "phrase"
    # "…, aldus X", '…," said X' anywhere in the sentence: the cue stands after a comma or a quote (in
    # "X said Y attacked" the group after "said" is what was said, not who said it)
    for c in clauses:
        for g in groups_by_clause.get(c.start, []):
            j = g.start - 1
            while j >= c.start and nlp[j].text.lower() in cues.determiners:
                j -= 1
            if j >= c.start and nlp[j].text.lower() in cues.source_after and _after_a_break(nlp, j):
                if _verb_follows(nlp, g, c):
                    continue  # "Rice, the envoy, said the government lied": the comma closed an apposition
                yield _apposed_person(doc, g, sentence_groups, cues), f"{nlp[j].text} X", "speech"
    # ", wie der Kreml mitteilte", ", as the ministry said", ", comme l'a indiqué X" anywhere in the sentence
    for c in clauses:
        for g in groups_by_clause.get(c.start, []):
            verb = _as_report(nlp, g, c, cues)
            if verb:
                yield g.actors[0], f"{verb} X", "speech"
    # the clause right before, with a report verb and its subject: "Rusland meldt dat …", "X said that …";
    # a clause joined by "and" or "but" is the author's again ("X said A, and Y rejected B")
    reporter = _reporting_clause(nlp, clause, clauses, groups_by_clause, cues)
    if reporter is not None:
        yield reporter, "report verb", "speech"
    # inside a speech scope that the statements stage attributed (doc.attributions)
    for st in doc.attributions:
        if st.speaker is not None and st.scope.start <= trigger_char < st.scope.end:
            cue = f": «{doc.text[st.cue.start : st.cue.end]}»" if st.cue is not None else ""
            yield st.speaker, f"statement ({st.how}{cue})", "quote" if st.direct else "speech"


APPOSED_TITLE_TOKENS = 8  # tokens between a title's qualifier and the name in apposition, its comma included


def _apposed_person(doc: ArticleDoc, group: ActorGroup, sentence_groups: list[ActorGroup], cues: Any) -> int:
    """The speaker a source group stands for: the person named in apposition after the title the group
    qualifies ("said Ukraine's foreign minister, Dmytro Kuleba", "selon le ministre ukrainien des Affaires
    étrangères, Dmytro Kouleba": the minister, not the state), else the group's own first actor. Only title
    words (no verb, no coordinator) and one comma stand between, and the name closes its phrase."""
    nlp = doc.nlp
    assert nlp is not None
    name = next((g for g in sentence_groups if g.start >= group.end), None)
    if name is None or name.start - group.end > APPOSED_TITLE_TOKENS or nlp[name.start - 1].text != ",":
        return group.actors[0]
    person = name.actors[0]
    if len(name.actors) > 1 or doc.actors[person].kind != "person" or person in group.actors:
        return group.actors[0]
    between = nlp[group.end : name.start - 1]
    if any(t.is_punct or t.pos_ in ("VERB", "AUX") or t.text.lower() in cues.coordinators for t in between):
        return group.actors[0]
    if name.end < len(nlp) and not nlp[name.end].is_punct:
        return group.actors[0]
    return person


def _verb_follows(nlp: Doc, group: ActorGroup, clause: Clause) -> bool:
    """A verb stands after the group before the next comma of its clause: the group is the subject of what
    was said, not the speaker of a closing "…, said X (on Monday)". On the train split this took away 4
    sources that gold does not have and 2 wrong ones, and no right one."""
    for i in range(group.end, clause.end):
        if nlp[i].text == ",":
            return False
        if nlp[i].pos_ in ("VERB", "AUX"):
            return True
    return False


AS_REPORT_REACH = 4  # words between "wie"/"as" and the group, and between the group and its verb


def _as_report(nlp: Doc, group: ActorGroup, clause: Clause, cues: Any) -> str:
    """ "wie X mitteilte" / "as X said" / "comme l'a indiqué X": the cue word and report verb around the
    group, as "wie … mitteilte", or ""."""
    opener = next(
        (
            i
            for i in range(group.start - 1, max(clause.start, group.start - 1 - AS_REPORT_REACH) - 1, -1)
            if _low(nlp, i) in cues.source_as and (_after_a_break(nlp, i) or _opens_sentence(nlp, i, clause))
        ),
        None,
    )
    if opener is None:
        return ""
    around = [*range(opener + 1, group.start), *range(group.end, min(clause.end, group.end + AS_REPORT_REACH))]
    verb = next(
        (i for i in around if is_report_verb(nlp, i, cues)),
        None,
    )
    return f"{nlp[opener].text} … {nlp[verb].text}" if verb is not None else ""


def _opens_sentence(nlp: Doc, at: int, clause: Clause) -> bool:
    """Token ``at`` is the first of its sentence ("Wie die Agentur Tass meldet, nahm …")."""
    return clause.index == 0 and at == clause.start and nlp[at].idx == clause.sentence.start


def named_as_source(nlp: Doc, groups: list[ActorGroup], clause: Clause, cues: Any) -> list[ActorGroup]:
    """The groups of the clause that a source phrase or an "as X said" clause names as who reports
    ("according to Reuters", "laut Tass", "Dem Kreml zufolge", "Wie die Nachrichtenagentur Tass meldet, …",
    "zoals het ministerie meldde"): they claim the act and take no part in it."""
    covered = {t for g in groups for t in range(g.start, g.end)}
    return [g for g in groups if _source_phrase(nlp, g, clause, cues, covered) or _as_report(nlp, g, clause, cues)]


def is_report_verb(nlp: Doc, i: int, cues: Any) -> bool:
    """A report verb, not the particle of one that is also a preposition (German "teilte … mit": the
    "mit" of "Gespräche mit X" reports nothing)."""
    low = nlp[i].text.lower()
    if low in cues.prepositions:
        return False
    return low in cues.report_verbs or nlp[i].lemma_.lower() in cues.report_verbs


def _after_a_break(nlp: Doc, at: int) -> bool:
    """The token before ``at`` closes what was said: a comma, a quotation mark or a dash."""
    return at > 0 and (nlp[at - 1].text in {",", "-", "–", "—"} or nlp[at - 1].text[-1:] in QUOTE_CHARS)


def _reporting_clause(
    nlp: Doc, clause: Clause, clauses: list[Clause], groups_by_clause: dict[int, list[ActorGroup]], cues: Any
) -> int | None:
    """The speaker of the first earlier clause of the sentence with a report verb whose content
    ``clause`` is: a clause that opens with a coordinator starts anew ("X said A, and Y rejected B": B is
    the author's; "…, and said that B": B is reported from there on), and so does one that opens with
    "but" or "while" ("X said A, but Y rejected B"; measured on the train split: of the 18 sources this rule
    gave where gold has none, 5 stood after such a word). The speaker is the first bare group of that
    clause ("Minister X (BZ) informeert …": X, not the ministry in brackets next to the verb)."""
    earlier = sorted((c for c in clauses if c.index <= clause.index), key=lambda c: c.index)
    fresh = max((k for k, c in enumerate(earlier) if _opens_anew(nlp, c, cues)), default=0)
    for prev in earlier[fresh:-1]:
        if not any(is_report_verb(nlp, i, cues) for i in range(prev.start, prev.end)):
            continue
        bare = [g for g in groups_by_clause.get(prev.start, []) if g.prep is None]
        if bare:
            return bare[0].actors[0]
    return None


def _opens_anew(nlp: Doc, clause: Clause, cues: Any) -> bool:
    """The clause's first word (after punctuation) is "and", "en", "und", "et", or sets the clause against
    the one before: "but", "maar", "while", "terwijl" (``cues.contrastive_coordinators``,
    ``cues.contrast_openers``)."""
    first = next((i for i in range(clause.start, clause.end) if not nlp[i].is_punct), None)
    if first is None:
        return False
    word = _low(nlp, first)
    return word in cues.coordinators or word in cues.contrastive_coordinators or word in cues.contrast_openers


def _text_after(nlp: Doc, i: int, size: int) -> str:
    """The first ``size`` characters of the text after token i. Built from the tokens that follow, because
    ``Doc.text`` joins every token of the article on each call (it was a third of this stage's time)."""
    parts = [nlp[i].whitespace_]
    length = len(parts[0])
    for j in range(i + 1, len(nlp)):
        if length >= size:
            break
        piece = nlp[j].text_with_ws
        parts.append(piece)
        length += len(piece)
    return "".join(parts)[:size]


SOURCE_FRAME_REACH = 2  # words between the preposition and the group ("nach den ukrainischen Angaben")


def _source_noun_frame(nlp: Doc, group: ActorGroup, clause: Clause, cues: Any) -> str:
    """ "nach ukrainischen Angaben", "laut israelischen Armeeangaben": the group, an adjective, stands between
    a source preposition (``cues.source_noun_preps``, at most ``SOURCE_FRAME_REACH`` words before it) and a
    source noun right after it (``cues.source_nouns``, alone or closing a compound); "" otherwise."""
    if not cues.source_nouns or group.end >= clause.end:
        return ""
    noun = nlp[group.end].text.lower()
    if not any(noun.endswith(n) for n in cues.source_nouns):
        return ""
    for i in range(group.start - 1, max(clause.start, group.start - 1 - SOURCE_FRAME_REACH) - 1, -1):
        if nlp[i].is_punct:
            return ""
        if _low(nlp, i) in cues.source_noun_preps:
            return f"{nlp[i].text} X {nlp[group.end].text}"
    return ""


def _source_phrase(nlp: Doc, group: ActorGroup, clause: Clause, cues: Any, covered: set[int]) -> str:
    """The source phrase that names the group as the claimant, or "": a source preposition a few words
    before it ("volgens X", "nach Angaben der israelischen Armee"), a postposition right after it ("Dem
    Kreml zufolge"), or a compound that ends in a source noun ("nach US-Angaben")."""
    if group.prep in cues.source_preps:
        return f"{group.prep} X"
    if group.prep in cues.source_postpositions:
        return f"X {group.prep}"
    before: list[str] = []
    for i in range(group.start - 1, max(clause.start, group.start - 5) - 1, -1):
        if nlp[i].is_punct or i in covered:
            break
        before.insert(0, _low(nlp, i))
    window = " ".join(before)
    for phrase in cues.source_preps:
        at = f" {window} ".find(f" {phrase} ")
        if at >= 0 and len(window[at + len(phrase) :].split()) <= 2:
            return f"{phrase} X"
    frame = _source_noun_frame(nlp, group, clause, cues)
    if frame:
        return frame
    last = nlp[group.end - 1]
    word = last.text.lower()
    after = _text_after(nlp, last.i, 30).lower()
    for suffix in cues.source_compounds:
        if (word.endswith(suffix) and len(word) > len(suffix)) or re.match(re.escape(suffix) + r"\b", after):
            return f"X{suffix}"
    return ""
