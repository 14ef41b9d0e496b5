"""Groups in argument slots (issue 13, round 9): a trigger with no participant whose subject, passive agent
or object is a plural noun of people ("Strikers blocked the port", "de betogers bezetten het plein", "les
manifestants ont bloqué") takes that noun phrase as a group actor, named by its head noun.

Round 8 read every counted noun as a group everywhere (docs/actors.md, "Counted groups") and lost precision:
most of those groups let the events stage keep triggers the gold does not list. Here a group is taken only
where the events stage would otherwise drop the trigger for want of a participant, and only in the slot the
trigger's own grammar gives it: the dependency parse where there is one (nl, en), else the word order (de, fr:
the listed noun right before the verb, or in German right after it). The events stage owns argument slots,
so the decision is made here; the actors stage is not asked (stages do not import each other).

The nouns are word data, ``lang/<code>/groups.toml``: ``[counted]`` and ``[slot]`` (noun -> English name, or
{name, sector}). With the setting ``group_slots = "plural"`` any plural noun the parse makes the subject is a
candidate too, named by its own word where the language's file says ``name_unlisted = true`` (English: the gold
names groups in English, so a Dutch word would never match). German nouns count only capitalised.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kroniek.chronicle.types import SECTORS, Sector
from kroniek.chronicle.types import sector as as_sector
from kroniek.document import ActorMention, ActorRecord, ArticleDoc
from kroniek.errors import KroniekError
from kroniek.lang import SUPPORTED
from kroniek.lang import get as language_pack

MODES = ("off", "listed", "plural")
SCOPES = ("dropped", "empty")

_SUBJ = {"nsubj", "nsubj:pass", "nsubjpass"}
_PASSIVE = {"aux:pass", "auxpass", "nsubj:pass", "nsubjpass"}
_OBJ = {"obj", "dobj"}
_PHRASE_DEPS = {"det", "amod", "compound", "nummod", "flat"}  # words of the noun phrase before the noun
_GAP = 2  # words that may stand between a listed noun and its verb without a parse ("ont", "ne", "hier")


def checked_group_slots(mode: object, scope: object) -> tuple[str, str]:
    """The settings ``group_slots`` and ``group_slot_scope``, checked (E444)."""
    if mode not in MODES:
        raise KroniekError("E444", where="setting group_slots", detail=f"{mode!r} is none of {', '.join(MODES)}")
    if scope not in SCOPES:
        raise KroniekError("E444", where="setting group_slot_scope", detail=f"{scope!r} is none of {', '.join(SCOPES)}")
    return str(mode), str(scope)


@dataclass(frozen=True, slots=True)
class SlotNoun:
    english: str
    sector: Sector | None


@dataclass(frozen=True, slots=True)
class SlotWords:
    nouns: dict[str, SlotNoun]  # lower-cased noun -> its group
    skip: frozenset[str]  # English names that are no group in a slot (groups.toml ``not_in_slots``)
    name_unlisted: bool  # an unlisted plural noun may be named by its own word


@lru_cache(maxsize=16)
def slot_words(lang: str) -> SlotWords:
    """The group nouns of ``lang`` (E444 when its groups.toml is malformed)."""
    if lang not in SUPPORTED:
        return SlotWords({}, frozenset(), False)
    table = language_pack(lang).table("groups")
    nouns: dict[str, SlotNoun] = {}
    # nouns the gold names otherwise: by their institution, their relation, or from the story ("people")
    skip = set(language_pack(lang).words("groups", "not_in_slots"))
    for section in ("counted", "slot"):
        entries = table.get(section, {})
        if not isinstance(entries, dict):
            raise KroniekError(
                "E444",
                where=f"kroniek/lang/{lang}/groups.toml",
                detail=f"[{section}] must be a table of nouns and English names",
            )
        for noun, entry in entries.items():
            if " " in noun.strip():
                continue  # two-word nouns ("hommes armés") are read after a count only
            slot_noun = _entry(lang, noun, entry)
            if slot_noun.english not in skip:
                nouns.setdefault(noun.lower(), slot_noun)
    return SlotWords(nouns, frozenset(skip), bool(table.get("name_unlisted", False)))


def _entry(lang: str, noun: str, entry: object) -> SlotNoun:
    if isinstance(entry, str) and entry.strip():
        return SlotNoun(entry, None)
    if isinstance(entry, dict) and isinstance(entry.get("name"), str) and entry["name"].strip():
        sector = entry.get("sector")
        if sector is not None and sector not in SECTORS:
            raise KroniekError(
                "E444", where=f"kroniek/lang/{lang}/groups.toml", detail=f"{noun!r}: no sector {sector!r}"
            )
        return SlotNoun(entry["name"], as_sector(sector))
    raise KroniekError(
        "E444",
        where=f"kroniek/lang/{lang}/groups.toml",
        detail=f"{noun!r}: give the English name, or a table with `name`",
    )


@dataclass(frozen=True, slots=True)
class SlotGroup:
    role: str  # "actor" | "recipient"
    start: int  # character offsets of the noun phrase
    end: int
    noun: SlotNoun


def slot_groups(
    doc: ArticleDoc, match: Any, mode: str, object_recipient: bool, agent_preps: frozenset[str] | set[str]
) -> list[SlotGroup]:
    """The group nouns in the trigger's subject, passive agent and object slots that no actor mention covers."""
    if mode == "off" or doc.nlp is None:
        return []
    words = slot_words(doc.lang)
    nlp = doc.nlp
    spans = [(m.start, m.end) for a in doc.actors for m in a.mentions]
    if nlp.has_annotation("DEP"):
        found = _from_parse(nlp, match, words, mode, object_recipient, agent_preps)
    else:
        found = _from_order(doc.lang, nlp, match, words)
    return [g for g in found if not any(s < g.end and g.start < e for s, e in spans)]


def _from_parse(
    nlp: Any, match: Any, words: SlotWords, mode: str, object_recipient: bool, agent_preps: frozenset[str] | set[str]
) -> list[SlotGroup]:
    head = nlp[match.start]
    passive = any(c.dep_ in _PASSIVE for c in head.children)
    out: list[SlotGroup] = []
    verb, steps = head, 0
    while True:
        for child in verb.children:
            dep = child.dep_
            if dep in _SUBJ and child.i != head.i:
                role = "recipient" if passive and object_recipient and verb is head else "actor"
            elif verb is head and (dep == "obl:agent" or (passive and _case(child) in agent_preps)):
                role = "actor"
            elif verb is head and dep in _OBJ and object_recipient:
                role = "recipient"
            else:
                continue
            noun = _parsed_noun(child, words, mode if role == "actor" else "listed")
            if noun is not None:
                out.append(SlotGroup(role, _phrase_start(child), child.idx + len(child.text), noun))
        # no subject of its own: the governing verb's, through control and coordination only (as find_arguments)
        if any(g.role == "actor" for g in out) or verb.dep_ not in ("xcomp", "conj") or steps >= 3:
            return out
        verb, steps = verb.head, steps + 1


def _case(token: Any) -> str | None:
    for child in token.children:
        if child.dep_ == "case":
            return str(child.text).lower()
    return None


def _parsed_noun(token: Any, words: SlotWords, mode: str) -> SlotNoun | None:
    if token.pos_ != "NOUN":
        return None
    listed = words.nouns.get(token.text.lower())
    if listed is not None:
        return listed
    plural = "Plur" in token.morph.get("Number")
    own = token.text.lower()
    if mode == "plural" and plural and words.name_unlisted and token.text.isalpha() and own not in words.skip:
        return SlotNoun(own, None)
    return None


def _phrase_start(token: Any) -> int:
    first = token
    for child in token.lefts:
        if child.dep_ in _PHRASE_DEPS and child.i < first.i:
            first = child
    return int(first.idx)


def _from_order(lang: str, nlp: Any, match: Any, words: SlotWords) -> list[SlotGroup]:
    """Without a parse: the listed noun right before the trigger verb ("Die Demonstranten forderten", "les
    manifestants ont bloqué"), or in German right after it with an article ("Am Montag forderten die
    Demonstranten"). Only verbs: a noun trigger's neighbours are no subjects."""
    if match.kind == "noun":
        return []
    clause = match.clause
    lo = clause.start if clause is not None else 0
    hi = clause.end if clause is not None else len(nlp)
    i = match.start - 1
    gap = 0
    while i >= lo and gap <= _GAP:
        noun = _listed(lang, nlp[i], words)
        if noun is not None:
            return [SlotGroup("actor", _article_start(nlp, i, lo), nlp[i].idx + len(nlp[i].text), noun)]
        if not nlp[i].text.isalpha():
            break
        i, gap = i - 1, gap + 1
    if lang == "de":
        j = match.last
        if j + 1 < hi and nlp[j].text.lower() in ("die", "der", "den") and (noun := _listed(lang, nlp[j + 1], words)):
            return [SlotGroup("actor", nlp[j].idx, nlp[j + 1].idx + len(nlp[j + 1].text), noun)]
    return []


def _listed(lang: str, token: Any, words: SlotWords) -> SlotNoun | None:
    text = str(token.text)
    if lang == "de" and not text[:1].isupper():
        return None  # German nouns are capitalised: "banden" is a form of "binden"
    if lang != "de" and not text[:1].islower():
        return None  # a name or a heading
    return words.nouns.get(text.lower())


def _article_start(nlp: Any, i: int, lo: int) -> int:
    """The noun phrase's start: back over a lower-case article or adjective ("les jeunes manifestants")."""
    j = i
    while j - 1 >= lo and j > i - 3 and nlp[j - 1].text.isalpha() and nlp[j - 1].text[:1].islower():
        j -= 1
    return int(nlp[j].idx)


class Promoter:
    """Turns slot groups into actor records of the document: one record per group name, kept in
    ``doc.actors`` at once (the event's arguments are indices) with its mentions held back until the stage
    ends, so that a second reading of the sentences (the learned model's) sees the text as the first did."""

    def __init__(self, doc: ArticleDoc) -> None:
        self.doc = doc
        self.pending: list[ActorMention] = []
        self._index = {a.key: i for i, a in enumerate(doc.actors)}
        self._seen: set[tuple[int, int]] = set()

    def actor_of(self, group: SlotGroup) -> int:
        key = f"group:None:{group.noun.english.lower()}"
        index = self._index.get(key)
        if index is None:
            index = len(self.doc.actors)
            self._index[key] = index
            record = ActorRecord(key, group.noun.english, "group", None, group.noun.sector)
            self.doc.actors.append(record)
        if (group.start, group.end) not in self._seen:
            self._seen.add((group.start, group.end))
            self.pending.append(ActorMention(group.start, group.end, index, "description"))
        return index

    def finish(self) -> None:
        """Give the held-back mentions to their records."""
        for mention in self.pending:
            self.doc.actors[mention.actor].mentions.append(mention)
        self.pending = []


def fill_group_slots(ctx: Any, mode: str, scope: str, promoter: Promoter) -> None:
    """Fill the event's empty argument slots with the group nouns found there. ``scope`` "dropped": only
    where the trigger has no participant at all (it would be dropped); "empty": any empty actor or recipient
    slot whose noun phrase no actor mention covers."""
    args = ctx.args
    if mode == "off" or (scope == "dropped" and (args.actor or args.recipient)):
        return
    match = ctx.match
    cues = ctx.lexicon.cues
    for group in slot_groups(ctx.doc, match, mode, match.entry.object_recipient, cues.agent_preps):
        target = args.actor if group.role == "actor" else args.recipient
        if target:
            continue
        index = promoter.actor_of(group)
        if index in args.actor or index in args.recipient:
            continue
        target.append(index)
        args.path.append(f"group slot {group.role}:{group.noun.english}")
        args.rule += "+group_slot"
