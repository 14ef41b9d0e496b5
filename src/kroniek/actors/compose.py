"""Composing role nouns into mentions: "de Amerikaanse gezant Steve Witkoff", "the President of Russia",
"voorzitter Tweede Kamer (Bosma)", "de voormalige Russische president".

``compose(resolver, tokens, gaz, roles, initials)`` walks the role nouns the resolver found. For each it
first widens the description (``_widen``: an adjective of a state on either side, "former", a determiner,
"of <state or organisation>") and then tries, in this order, one construction each:

1. ``_name_with_initials``  a name with initials right after it (", W.B. Hoekstra", "de heer M. Bosma");
2. ``_known_name``          a known person or body named right after it ("president Poetin");
3. ``_new_name``            an unknown capitalised name right after it (a person the KB lacks);
4. ``_description``         otherwise the description itself, resolved later by salience (``Pending``).

Every construction reads and writes one ``Description`` (the role noun being composed) and the ``Scan``
(what all role nouns of the text share: the tokens, the gazetteer matches by position, the mentions found
and the matches consumed). The resolver supplies the knowledge base and its word lists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kroniek.actors.kb import KBActor
from kroniek.actors.lexicon import (
    INDEFINITE,
    NOT_NAME_WORDS,
    OF_WORDS,
    ORG_OFFICE_KEYS,
    ORG_PRESIDENT,
    PAST_WORDS,
    STATE_TITLE_WORDS,
    TITLES,
    Found,
    GazMatch,
    NewActor,
    Pending,
    RoleMatch,
    capitalised,
)
from kroniek.lang.text import Token, fold

if TYPE_CHECKING:
    from kroniek.actors.resolve import Resolver


@dataclass
class Scan:
    """What the role nouns of one text are composed against."""

    resolver: Resolver
    tokens: list[Token]
    gaz: list[GazMatch]
    initials: list[Found]
    found: list[Found]
    consumed: set[int] = field(default_factory=set)  # ids of gazetteer matches taken into a description
    by_start: dict[int, GazMatch] = field(default_factory=dict)
    by_end: dict[int, GazMatch] = field(default_factory=dict)
    initial_at: dict[int, Found] = field(default_factory=dict)

    def key(self, k: int) -> str | None:
        return self.tokens[k].key if k < len(self.tokens) else None


@dataclass
class Description:
    """One role noun while it is composed: its token span, and what the words around it add."""

    role: RoleMatch
    start_tok: int
    end_tok: int
    det_tok: int = 0
    has_det: bool = False
    past: bool = False  # "de voormalige president": a description of nobody now
    country: KBActor | None = None
    org_where: str | None = None  # "secretaris-generaal van de NAVO": the office's organisation key
    left: GazMatch | None = None
    right: GazMatch | None = None  # the gazetteer match right after the description, if any

    @property
    def role_span(self) -> tuple[int, int]:
        return (self.role.start, self.role.end)


def compose(
    resolver: Resolver, tokens: list[Token], gaz: list[GazMatch], roles: list[RoleMatch], initials: list[Found]
) -> tuple[list[Found], set[int]]:
    """Role nouns with their adjectives, determiners and names: the mentions found, and the ids of the
    gazetteer matches they consumed."""
    scan = Scan(resolver, tokens, gaz, initials, found=list(initials))
    scan.by_start = {g.i: g for g in gaz}
    scan.by_end = {g.j: g for g in gaz}
    scan.initial_at = {f.start: f for f in initials}
    for role in roles:
        consumed_before = set(scan.consumed)  # restored when this role noun yields no mention
        d = _widen(scan, role)
        if _name_with_initials(scan, d):
            continue
        _speaker_chamber(scan, d)
        name_tok = _name_start(scan, d)
        if _known_name(scan, d, name_tok) or _new_name(scan, d, name_tok):
            continue
        if not _description(scan, d):
            scan.consumed.intersection_update(consumed_before)  # "de Russische minister": Russia stays
    return scan.found, scan.consumed


def _widen(scan: Scan, role: RoleMatch) -> Description:
    """The description around the role noun: adjectives of states, "former", a determiner, "of X"."""
    tokens, determiners = scan.tokens, scan.resolver.determiners
    d = Description(role, role.i, role.j)
    d.left = scan.by_end.get(d.start_tok)
    if d.left is not None and d.left.adjective is not None and id(d.left) not in scan.consumed:
        d.country = d.left.adjective
        d.start_tok = d.left.i
        scan.consumed.add(id(d.left))
    # "de voormalige Russische president", "the former president"
    if d.start_tok > 0 and tokens[d.start_tok - 1].key in PAST_WORDS:
        d.past = True
        d.start_tok -= 1
    d.has_det = (
        d.start_tok > 0 and tokens[d.start_tok - 1].key in determiners and tokens[d.start_tok - 1].key not in INDEFINITE
    )
    d.det_tok = d.start_tok - 1 if d.has_det else d.start_tok
    # "le président russe"
    d.right = scan.by_start.get(d.end_tok)
    if d.country is None and d.right is not None and d.right.adjective is not None:
        d.country = d.right.adjective
        scan.consumed.add(id(d.right))
        d.end_tok = d.right.j
        d.right = scan.by_start.get(d.end_tok)
    if scan.key(d.end_tok) in OF_WORDS:
        _of_target(scan, d)
    # "NAVO-secretaris-generaal": handled by the partial match on the left
    if d.left is not None and d.left.j == role.i and d.country is None and id(d.left) not in scan.consumed:
        org = next((h.actor for h in d.left.hits if h.actor.name in ORG_OFFICE_KEYS), None)
        if org is not None and d.role.offices:
            d.org_where = ORG_OFFICE_KEYS[org.name]
    if d.country is None and d.role.where:
        d.country = scan.resolver.kb.states.get(d.role.where)
    return d


def _of_target(scan: Scan, d: Description) -> None:
    """ "the President of Russia", "secretaris-generaal van de NAVO", "de voorzitter van de Tweede Kamer"."""
    k = d.end_tok + 1
    target = scan.by_start.get(k)
    if target is None and scan.key(k) in scan.resolver.determiners:
        k += 1
        target = scan.by_start.get(k)
    if target is None or id(target) in scan.consumed:
        return
    role = d.role
    state = next((h.actor for h in target.hits if h.actor.kind == "state"), None)
    org = next((h.actor for h in target.hits if h.actor.name in ORG_OFFICE_KEYS), None)
    if (
        role.offices == ("SPEAKER",)
        and org is None
        and any(h.actor.sector == "LEG" and h.actor.country for h in target.hits)
    ):
        # "de voorzitter van de Tweede Kamer" in running text is one description of the Speaker; in a
        # letter's address ("Aan de Voorzitter van de Tweede Kamer") the chamber is named as the addressee
        # and stays its own mention.
        leg = next(h.actor for h in target.hits if h.actor.sector == "LEG" and h.actor.country)
        d.country = scan.resolver.kb.states.get(leg.country or "")
        if not capitalised(scan.tokens[role.i].text):
            d.end_tok = target.j
            scan.consumed.add(id(target))
    elif state is not None and d.country is None and role.offices:
        d.country, d.end_tok = state, target.j
        scan.consumed.add(id(target))
    elif org is not None and role.offices:
        d.org_where, d.end_tok = ORG_OFFICE_KEYS[org.name], target.j
        scan.consumed.add(id(target))
        if org.name in ORG_PRESIDENT and "PRES" in role.offices:
            d.role = RoleMatch(role.i, role.j, role.start, role.end, (ORG_PRESIDENT[org.name],), "IGO")
    d.right = scan.by_start.get(d.end_tok)


def _name_with_initials(scan: Scan, d: Description) -> bool:
    """ ", W.B. Hoekstra" / "de heer M. Bosma": a name with initials right after the description."""
    tokens = scan.tokens
    after = d.end_tok + 1 if d.end_tok < len(tokens) and tokens[d.end_tok].text == "," else d.end_tok
    if scan.key(after) in TITLES:
        after += 2 if after + 1 < len(tokens) and tokens[after + 1].text == "." else 1
    if after >= len(tokens):
        return False
    named = scan.initial_at.get(tokens[after].start)
    if named is None:
        named = next((f for f in scan.initials if f.start <= tokens[after].start < f.end), None)
    if named is None or not (d.role.offices or d.role.sector):
        return False
    scan.found.remove(named)
    ref = named.ref
    if isinstance(ref, NewActor):  # the description tells where an unknown person belongs
        country = d.country.country if d.country else ref.country
        ref = NewActor(ref.key, ref.name, ref.kind, country, d.role.sector or ref.sector)
    scan.found.append(Found(tokens[d.start_tok].start, named.end, ref, "name", d.role_span))
    return True


def _speaker_chamber(scan: Scan, d: Description) -> None:
    """ "voorzitter Tweede Kamer (Bosma)": the chamber after the Speaker's title is not the name."""
    tokens = scan.tokens
    if d.end_tok < len(tokens) and "\n" in scan.resolver.text[d.role.end : tokens[d.end_tok].start]:
        d.right = None
    if d.role.offices != ("SPEAKER",) or d.right is None or d.right.i != d.end_tok:
        return
    chamber = next((h.actor for h in d.right.hits if h.actor.sector == "LEG" and h.actor.country), None)
    if chamber is not None:
        d.country = scan.resolver.kb.states.get(chamber.country or "")
        scan.consumed.add(id(d.right))
        d.end_tok = d.right.j
        d.right = scan.by_start.get(d.end_tok)


def _name_start(scan: Scan, d: Description) -> int:
    """The token where a name after the description would start: past an office phrase that a state title
    closes ("President of the French Republic Emmanuel Macron") and words that are no name ("Republic")."""
    tokens, resolver = scan.tokens, scan.resolver
    name_tok = d.end_tok
    if d.role.offices and d.end_tok + 1 < len(tokens) and tokens[d.end_tok].key in OF_WORDS:
        j = d.end_tok + 1  # "the President of the Republic Dorvel Kassin"
        if tokens[j].key in resolver.determiners and j + 1 < len(tokens):
            j += 1
        if tokens[j].key in NOT_NAME_WORDS and j + 1 < len(tokens) and capitalised(tokens[j + 1].text):
            name_tok = j
        else:
            name_tok = resolver._state_title_end(tokens, j, scan.by_start) or name_tok
    elif d.role.offices and scan.key(d.end_tok) in STATE_TITLE_WORDS:
        # the role took "of the Syrian": "Arab Republic" still closes the office phrase
        name_tok = resolver._state_title_end(tokens, d.end_tok, scan.by_start) or name_tok
    while (
        name_tok + 1 < len(tokens) and tokens[name_tok].key in NOT_NAME_WORDS and capitalised(tokens[name_tok + 1].text)
    ):
        name_tok += 1
    if name_tok != d.end_tok and d.role.offices:
        d.right = scan.by_start.get(name_tok)
    return name_tok


def _known_name(scan: Scan, d: Description, name_tok: int) -> bool:
    """A name follows: "president Poetin", "de Amerikaanse gezant Steve Witkoff"."""
    right = d.right
    if name_tok >= len(scan.tokens) or right is None or right.i != name_tok or right.adjective is not None:
        return False
    resolver = scan.resolver
    person = resolver._best(
        right.hits, prefer_kind="person", context=None, surface=resolver.text[right.start : right.end]
    )
    if person is None or person.kind not in ("person", "organization", "media"):
        return False
    scan.found.append(Found(scan.tokens[d.start_tok].start, right.end, person, "name", d.role_span))
    scan.consumed.add(id(right))
    return True


def _new_name(scan: Scan, d: Description, name_tok: int) -> bool:
    """An unknown name follows the description: a new person, placed by the description's country and sector."""
    tokens = scan.tokens
    name_end = scan.resolver._unknown_name(tokens, name_tok, scan.by_start)
    if name_end is None:
        return False
    surface = scan.resolver.text[tokens[name_tok].start : tokens[name_end - 1].end]
    country = d.country.country if d.country else None
    ref = NewActor(f"new:{fold(surface)}", surface, "person", country, d.role.sector)
    for g in scan.gaz:
        if d.end_tok <= g.i < name_end:
            scan.consumed.add(id(g))
    scan.found.append(Found(tokens[d.start_tok].start, tokens[name_end - 1].end, ref, "name", d.role_span))
    return True


def _description(scan: Scan, d: Description) -> bool:
    """The description itself ("de Russische president", "the Secretary-General"), resolved later by
    salience. False when it does not describe one current holder: a former one, a role without an office,
    or a bare noun without a determiner, country, organisation or capital."""
    tokens, role = scan.tokens, d.role
    titled = capitalised(tokens[role.i].text) and not tokens[role.i].text.isupper()
    has_det = d.has_det
    if (
        d.end_tok + 1 < len(tokens)
        and tokens[d.end_tok].key in OF_WORDS
        and capitalised(tokens[d.end_tok + 1].text)
        and d.end_tok + 1 not in scan.by_start
    ):
        titled = has_det = False  # "Secretary of Agriculture": another office than ours
    if d.past or not (role.offices or role.counterpart):
        return False
    if not (has_det or d.country is not None or d.org_where is not None or titled):
        return False
    end = tokens[d.end_tok - 1].end
    scan.found.append(
        Found(tokens[d.det_tok].start, end, Pending(role, d.country, d.org_where), "description", d.role_span)
    )
    return True
