"""Planned acts announced by their actor (issue 13, docs/annotation.md ``planned``): «Nortland kündigte an,
seine Botschaft in Sudstad zu schließen», «Nortland kondigde aan de grens te sluiten», «Nortland announced
plans to close its embassy», «le ministre a annoncé qu'il se rendrait à Sudstad».

The announced act sits in a clause of its own, after a comma or a complementizer, and has no subject of
its own: the infinitive's subject is the one who announces it, and so is the unresolved pronoun of a
"that he would" clause. The events stage then found no participant and let the trigger go (the largest
class of missed planned events on train, docs/events.md "Planned acts, round 9").

The rule (``announcer_subject``, run after the argument rules and the group slots, so that a subject of
the act's own clause always wins): a trigger with no actor, after an announcing word of ``[announced].verbs``
in its sentence (lang/<code>/events.toml), and marked as the announced act by an infinitive marker of
``[announced].infinitive`` right before it (or inside it: German "einzureichen") or by a complementizer of
``[announced].that`` followed by a subject pronoun of ``[announced].pronouns`` between the two, takes as
actor the first actor group of the announcing word's clause, before the trigger, that no preposition governs
and that is no possessive. (Untagged German and French read "kündigte an, … zu reisen" as one clause.)
Plan words ("plans to attack") and speech verbs ("said it would") are not
announcing words: both were measured and cost precision. Measured in docs/events.md "Planned acts, round 9".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from kroniek import lang as lang_packs

if TYPE_CHECKING:
    from kroniek.events.argument_rules import EventContext
    from kroniek.events.clauses import Clause

GUESS_ANNOUNCER = -0.05  # the announcer taken as the subject of the act announced
PRONOUN_REACH = 3  # tokens from the complementizer to the subject pronoun ("que le gouvernement" is no pronoun)


@dataclass(frozen=True, slots=True)
class AnnouncedWords:
    verbs: frozenset[str]
    infinitive: frozenset[str]
    infixes: tuple[str, ...]
    that: frozenset[str]
    pronouns: frozenset[str]


@lru_cache(maxsize=8)
def announced_words(lang: str) -> AnnouncedWords | None:
    """The language's ``[announced]`` words, or None where it lists no announcing verbs."""
    if not lang_packs.has(lang):
        return None
    table = lang_packs.get(lang).table("events").get("announced", {})
    verbs = frozenset(w.lower() for w in table.get("verbs", []))
    if not verbs:
        return None

    def words(name: str) -> frozenset[str]:
        return frozenset(w.lower() for w in table.get(name, []))

    return AnnouncedWords(
        verbs,
        words("infinitive"),
        tuple(w.lower() for w in table.get("infinitive_infixes", [])),
        words("that"),
        words("pronouns"),
    )


def _marked_as_announced(ctx: EventContext, words: AnnouncedWords, announce: int) -> bool:
    """Between the announcing word (token ``announce``) and the trigger: an infinitive marker right before
    the trigger ("… zu schließen", or inside it: "einzureichen"), or a complementizer followed by a subject
    pronoun ("dass er …", "qu'il …")."""
    nlp, match = ctx.nlp, ctx.match
    first = nlp[match.start].text.lower()
    if match.start - 1 > announce and nlp[match.start - 1].text.lower() in words.infinitive:
        return True
    if any(first.find(infix, 1) > 0 and first.endswith("en") for infix in words.infixes):
        return True  # "einzureichen", "auszuweiten": the marker inside the separable verb
    if match.kind == "noun" and nlp[match.start].pos_:
        return False  # a tagged noun after "that he" is no act of his ("that he expects talks")
    for i in range(announce + 1, match.start):
        opener = nlp[i].text.lower().replace("’", "'")
        head, apostrophe, tail = opener.partition("'")
        if apostrophe and head + "'" in words.that and tail in words.pronouns:
            return True  # "qu'il" as one token
        if opener in words.that:
            reach = range(i + 1, min(match.start, i + 1 + PRONOUN_REACH))
            return any(nlp[j].text.lower() in words.pronouns for j in reach)
    return False


def _announcing_word(ctx: EventContext, words: AnnouncedWords) -> tuple[Clause, int] | None:
    """The nearest announcing word before the trigger in its sentence, with its clause."""
    nlp, start = ctx.nlp, ctx.match.start
    for clause in reversed(ctx.clauses[: ctx.clause.index + 1]):
        for i in reversed(range(clause.start, min(clause.end, start))):
            if nlp[i].text.lower() in words.verbs:
                return clause, i
    return None


def announcer_subject(ctx: EventContext) -> None:
    """Give an announced act without a subject the announcer as its actor (see the module's docstring)."""
    args, match = ctx.args, ctx.match
    if args.actor:
        return
    words = announced_words(ctx.doc.lang)
    if words is None:
        return
    found = _announcing_word(ctx, words)
    if found is None or not _marked_as_announced(ctx, words, found[1]):
        return
    clause, _ = found
    subject = next(
        (
            g
            for g in ctx.groups_by_clause.get(clause.start, [])
            if g.prep is None and not g.possessive and g.end <= match.start
        ),
        None,
    )
    if subject is None or set(subject.actors) & set(args.recipient):
        return
    args.actor = list(subject.actors)
    args.rule += "/announcer"
    ctx.confidence += GUESS_ANNOUNCER
