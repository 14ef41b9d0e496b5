"""Where an event took place, chosen from the places layer alone.

``location_for(doc, evidence) -> PlaceMention | None``: the venue or city where the event in the
evidence span happened. Among the non-metonymic places in the evidence, one that a locative word
introduces (``PlaceMention.locative``: "in Genève", "at Baghdad International Airport", "à Saraqeb")
wins, then a city or venue over a region or country. The dateline (``PlaceMention.dateline``: "Den
Haag, 29 mei 2017", "KYIV -") and places used for their governments ("Moskou eist") are never chosen,
and a country named without a locative word is a party, not a venue ("toegang tot Jemen"). When the
evidence names no venue, the last locative place in the sentences before it (within the paragraph) is
used: a report often names the city once ("Kaag is in Genève. Ze sprak er met ...").

``running_place``: the place of a meeting or visit is where its parties, named as such ("the two
sides", "both leaders"), act later in the article, also beyond its paragraph ("Delegations met in
Riyadh. … They agreed to …").

Places that are not an act's (docs/time-places-quantities.md, round 6): a country for an act not done
across a territory nor a meeting (``too_coarse``) and any place for a phone call (``PLACELESS_MODES``). The
fronted setting of a statement ("In Washington, a spokesperson welcomed ...") is its place again since round 9.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

from kroniek.document import ArticleDoc, CharSpan, EventRecord, PlaceMention

FEATURE_RANK = {"venue": 0, "city": 1, "region": 2, "sea": 3, "country": 4}
LOOKBACK_SENTENCES = 2
LOOKBACK_CITY_SENTENCES = 12


# The names ``kroniek explain`` gives the rules of ``place_and_rule``.
RULE_LOCATIVE = "locative place in its evidence"
RULE_NAMED = "city or region named in its evidence"
RULE_EARLIER = "locative place in an earlier sentence"


RULE_OTHER_CLAUSE = "locative place in another clause of its evidence"
RULE_DESTINATION = "destination of the visit"
RULE_TARGET = "the city or region the attack struck"

# words between a visit's trigger and its destination: "bezoek brengen aan de Groenlandse hoofdstad Nuuk"
DESTINATION_REACH_WORDS = 5


def location_for(doc: ArticleDoc, evidence: CharSpan, clause: CharSpan | None = None) -> PlaceMention | None:
    """The place where the event in ``evidence`` happened, or None."""
    return place_and_rule(doc, evidence, clause)[0]


def place_and_rule(
    doc: ArticleDoc,
    evidence: CharSpan,
    clause: CharSpan | None = None,
    seat: Callable[[PlaceMention], bool] | None = None,
    city_lookback: int = LOOKBACK_CITY_SENTENCES,
) -> tuple[PlaceMention | None, str]:
    """The place where the event in ``evidence`` happened and the rule that chose it (RULE_*), or (None, "").

    ``clause``: the event's own clause. A locative place in it wins over one in another clause of the
    evidence ("Machado, who remains in hiding in Venezuela, said González would return"), which is
    reported under its own rule name. ``seat``: places that only say where a party is based
    (``seat_of_a_party``); they are not the event's. ``city_lookback``: how many sentences back (within the
    paragraph) a city or venue carries over."""
    usable = [p for p in doc.places if not p.metonym and not p.dateline and not (seat is not None and seat(p))]
    inside = [p for p in usable if evidence.start <= p.start and p.end <= evidence.end]
    located = [p for p in inside if p.locative]
    if clause is not None and located:
        own = [p for p in located if clause.start <= p.start and p.end <= clause.end]
        if not own:
            return min(located, key=lambda p: (FEATURE_RANK.get(p.feature, 5), p.start)), RULE_OTHER_CLAUSE
        located = own
    if located:
        return min(located, key=lambda p: (FEATURE_RANK.get(p.feature, 5), p.start)), RULE_LOCATIVE
    # A city, region or venue named without a preposition ("the Mariupol hospital attack",
    # "shelling of Donbass"); a country named that way is usually a party ("toegang tot Jemen").
    named = [p for p in inside if p.feature in ("city", "venue", "region")]
    if named:
        return min(named, key=lambda p: p.start), RULE_NAMED
    # A place carries over only within its paragraph: a new paragraph in news often moves to another
    # scene ("Jeddah" from a paragraph on the talks is not where last week's arms deliveries happened).
    paragraph_start = doc.text.rfind("\n\n", 0, evidence.start) + 1
    sentences = [
        s
        for s in doc.sentences
        if paragraph_start <= s.start and s.end <= evidence.start and doc.text[s.start : s.end].strip()
    ]
    if not sentences:
        return None, ""
    # Cities and venues carry over further than countries: "Kaag is in Genève. ... Ze sprak met ..."
    for span_sentences, features in (
        (LOOKBACK_SENTENCES, ("city", "venue")),
        (city_lookback, ("city", "venue")),
        (LOOKBACK_SENTENCES, ("region", "country", "sea")),
    ):
        window = CharSpan(sentences[-min(span_sentences, len(sentences))].start, evidence.start)
        before = [
            p
            for p in usable
            if window.start <= p.start and p.end <= window.end and p.feature in features and p.locative
        ]
        if before:
            return max(before, key=lambda p: p.start), RULE_EARLIER
    return None, ""


def visit_destination(
    doc: ArticleDoc, trigger_end: int, clause: CharSpan, destination_preps: Collection[str], verb: bool
) -> PlaceMention | None:
    """Where a visit goes: the first place after its trigger in its clause, introduced by a destination
    preposition within a few words ("visit to Kyiv", "bezoek aan Kosovo", "Besuch in Kiew", "visite à
    Kyiv", "travelled to Washington") or, after a verb, as its object ("bezocht Kyiv"). The destination is
    the visit's place even where the country also names the host (the recipient), and even where the
    places stage read a capital for its government: nobody travels to a government. None when the words
    between hold punctuation or no destination preposition (after a noun), or the place is the dateline."""
    after = sorted(
        (p for p in doc.places if trigger_end <= p.start and p.end <= clause.end and not p.dateline),
        key=lambda p: p.start,
    )
    if not after:
        return None
    place = after[0]
    between = doc.text[trigger_end : place.start]
    if re.search(r"[^\w\s'’-]", between):
        return None
    words = re.findall(r"[\w'’-]+", between.lower())
    if len(words) > DESTINATION_REACH_WORDS:
        return None
    if not words:
        return place if verb else None
    return place if any(w in destination_preps for w in words) else None


# How far (in sentences) the place of a meeting or visit carries to its parties' later acts.
CARRY_PLACE_SENTENCES = 12


# Acts that happen where the reporter is: in the paragraph the dateline opens, a protest, an attack or a
# meeting with no place of its own took place at the dateline's place (train + dev gold events of the
# dateline's paragraph: PROTEST 13 of 21 at the dateline, ASSAULT 8 of 18 (6 of 9 where the sentence names
# no other place), CONSULT 6 of 11; an arrest or a speech act far less often: COERCE 10 of 44, ACCUSE 0 of 17).
DATELINE_TYPES = frozenset({"PROTEST", "ASSAULT", "CONSULT"})
RULE_DATELINE = "the dateline's place (an act of the lead paragraph)"


_DATELINE_TAIL = re.compile(r"[ \t]*[,(\-–—/]")


def dateline_place(doc: ArticleDoc, event: EventRecord) -> PlaceMention | None:
    """The dateline's place ("LOMÉ (AFP) - ", "Den Haag, 3 maart -") for an act of ``DATELINE_TYPES``
    whose evidence lies in the paragraph the dateline opens; None for a dateline of two places
    ("TAIPEI/BEIJING, April 2"), which does not say where the reporter is."""
    if event.event not in DATELINE_TYPES:
        return None
    datelines = [p for p in doc.places if p.dateline]
    if len(datelines) > 1:
        # the places stage also flags a place that opens the text, such as a headline's first word ("Ethiopia and
        # Eritrea open talks ..."): the dateline proper is the one a dash, a comma or an agency follows
        datelines = [p for p in datelines if _DATELINE_TAIL.match(doc.text, p.end)]
    if len(datelines) != 1:
        return None
    place = datelines[0]
    line_end = doc.text.find("\n", place.end)
    if "/" in doc.text[place.end : line_end if line_end >= 0 else len(doc.text)][:3]:
        return None
    paragraph_end = doc.text.find("\n\n", place.end)
    if paragraph_end < 0:
        paragraph_end = len(doc.text)
    return place if place.end <= event.evidence.start < paragraph_end else None


# Modes whose act has no one place: the parties of a phone or video call are each in their own (train split: 0
# of 30 calls have a gold place; "telefonierte mit ..., sagte Wadephul in Berlin" names where he spoke).
PLACELESS_MODES = frozenset({"phone"})
RULE_RUNNING = "running place (the meeting of its parties)"


def place_from_context(
    doc: ArticleDoc, event: EventRecord, anchor: PlaceAnchor | None, sentence: int, collective: bool
) -> str:
    """Settle ``event.location`` after its own text was read: none for a call (``PLACELESS_MODES``); where its
    text named none, the running place of a meeting of its parties (``running_place``), else the dateline's
    place (``dateline_place``). Returns the name of the rule that gave a place here, or ""."""
    if event.mode in PLACELESS_MODES:
        event.location = None
        return ""
    if event.location is not None:
        return ""
    event.location = running_place(anchor, sentence, event, collective)
    if event.location is not None:
        return RULE_RUNNING
    event.location = dateline_place(doc, event)
    return RULE_DATELINE if event.location is not None else ""


def act_place_end(
    doc: ArticleDoc,
    complement_at: int,
    clause_end: int,
    locative_preps: Collection[str],
    attached: Callable[[PlaceMention], bool] = lambda place: True,
) -> int:
    """Where the words that may name the place of a demand or promise end: at its complement
    (``complement_at``, a character offset: "een staakt-het-vuren in Oekraïne" is the proposition's place),
    or after a place that a locative preposition puts right after the verb, with only a date between
    ("se sont engagés mercredi soir à Doha à observer un cessez-le-feu", "agreed in Doha to ..."), and that
    the parse (``attached``) does not hang on a noun ("urged the authorities in Juba to ...")."""
    dated = [(t.start, t.end) for t in doc.timexes]
    for place in sorted(doc.places, key=lambda p: p.start):
        if not complement_at <= place.start < clause_end or place.metonym or place.dateline:
            continue
        between = doc.text[complement_at : place.start]
        for start, end in dated:
            if complement_at <= start and end <= place.start:
                between = between.replace(doc.text[start:end], " ")
        words = re.findall(r"[\w'’]+", between.lower())
        if words and words[0] in locative_preps and len(words) <= 4 and attached(place):
            return place.end
        return complement_at
    return complement_at


@dataclass(slots=True)
class PlaceAnchor:
    """The last meeting or visit with a place of its own: where its parties' later acts happen."""

    event: EventRecord
    sentence: int  # index into doc.sentences


def running_place(
    anchor: PlaceAnchor | None, sentence: int, event: EventRecord, collective: bool
) -> PlaceMention | None:
    """The meeting's place for an act of its parties named as such ("Delegations met in Riyadh. … The two
    sides agreed to …": ``collective``), within ``CARRY_PLACE_SENTENCES``; None otherwise."""
    if not collective or anchor is None or anchor.event.location is None:
        return None
    if not 0 < sentence - anchor.sentence <= CARRY_PLACE_SENTENCES:
        return None
    if not {*anchor.event.actor, *anchor.event.recipient} & {*event.actor, *event.recipient}:
        return None
    return anchor.event.location


def next_place_anchor(anchor: PlaceAnchor | None, sentence: int, event: EventRecord, own: bool) -> PlaceAnchor | None:
    """A meeting or visit (CONSULT) located by its own evidence becomes the place anchor."""
    if event.event == "CONSULT" and event.location is not None and own and len({*event.actor, *event.recipient}) >= 2:
        return PlaceAnchor(event, sentence)
    return anchor


# Acts done on the ground where their doers stand: "police in Lima fired tear gas", "protesters in Belgrade
# blocked the bridge" happened there, so a place that locates their actor is theirs too.
GROUND_TYPES = frozenset({"ASSAULT", "PROTEST", "COERCE"})

# A country is too coarse to be where most acts happened: the gold places acts at a city, and a country in an
# act's sentence mostly belongs to something else ("citizens held in Iran", "arms exports to Turkey",
# "Frankrijk riep zijn burgers in Burkina Faso op"). Acts spread over a territory (attacks, protests, arrests,
# deployments) and meetings with the deals made at them ("talks in Qatar") are the exception. Train split,
# gold event places that are a country: ASSAULT 17, COERCE 17, PROTEST 12, CONSULT 11, MOBILIZE 8, RETREAT 6,
# the other ten types 1-3 each; a predicted country for a type outside this set: 17 with no gold place, 2 right.
COUNTRY_PLACE_TYPES = GROUND_TYPES | {"MOBILIZE", "CONSULT", "AGREE"}


def too_coarse(place: PlaceMention, event: str) -> bool:
    """A country as the place of an act that is not done across a territory nor a meeting
    (``COUNTRY_PLACE_TYPES``): "a demandé au Rwanda de retirer ses troupes", "aid for the people in Sudan"."""
    return place.feature == "country" and event not in COUNTRY_PLACE_TYPES


_SEAT_SUBJECTS = ("nsubj", "nsubj:pass", "nsubjpass")


def seat_of_a_party(doc: ArticleDoc, place: PlaceMention, static_preps: Collection[str], trigger: CharSpan) -> bool:
    """The place only says where a party of the act is based: its phrase modifies a party's noun, not the
    act ("the government in Islamabad lifted the ban", "its ambassador in Tokyo said", "die Behörden in Sofia",
    "de junta in Niamey wees ... af"). With a dependency parse: the common noun the place hangs on is not
    the trigger and is an actor's mention or a subject; without one (de, fr): an actor's mention ends right
    before the static preposition that introduces the place ("l'ambassadeur de France à Alger")."""
    if not place.locative:
        return False
    nlp = doc.nlp
    if nlp is not None and nlp.has_annotation("DEP"):
        span = nlp.char_span(place.start, place.end, alignment_mode="expand")
        if span is None:
            return False
        head = span.root.head
        if head.dep_ == "case" or head.pos_ == "ADP":
            head = head.head
        # a common noun (by tag and spelling) names a role or a body that a place locates ("ambassador",
        # "junta"); a parser that hangs "in Kyiv" on a name ("received Smit in Kyiv") misread the verb's adjunct
        if head.pos_ != "NOUN" or not head.text[:1].islower() or head.i == span.root.i:
            return False
        if trigger.start <= head.idx < trigger.end:
            return False  # "the talks in Minsk": the act's own noun
        in_mention = any(m.start <= head.idx < m.end for actor in doc.actors for m in actor.mentions)
        return in_mention or head.dep_ in _SEAT_SUBJECTS
    for actor in doc.actors:
        for mention in actor.mentions:
            if mention.end <= place.start and place.start - mention.end <= 12:
                between = doc.text[mention.end : place.start].lower().split()
                if len(between) == 1 and between[0] in static_preps:
                    return True
    return False


def ground_target(
    doc: ArticleDoc, span: CharSpan, preps: Collection[str], determiners: Collection[str]
) -> PlaceMention | None:
    """Where an attack struck: the first city, region or venue of ``span`` right after one of ``preps``
    (target and locative prepositions, a determiner may stand between: "strikes on Port Sudan", "push into
    Gaza City", "a school in Gaza City", "Angriffe auf Kiew"), even where the places or actors stage read
    it as a government or an actor: nobody bombs a government's name, the city is where the bombs fell."""
    for place in sorted(doc.places, key=lambda p: p.start):
        if place.start < span.start or place.dateline or place.feature not in ("city", "region", "venue"):
            continue
        if place.end > span.end:
            break
        words = re.findall(r"[\w'’]+", doc.text[max(span.start, place.start - 30) : place.start].lower())
        if words and words[-1] in determiners:
            words.pop()
        if words and words[-1] in preps:
            return place
    return None
