"""Actor resolution in one article: names, descriptions, metonyms, adjectives, pronouns, unknown names.

The resolver works on its own word tokens over ``doc.text`` (so it needs nothing from spaCy) and uses
spaCy's entities and POS tags when the nlp stage provides them. Passes:

1. gazetteer: longest alias match at every token (case rules: acronyms exact, names capitalised, German and
   French adjectives also in lower case; "NAVO-top" matches "NAVO", "Putins" matches "Putin");
2. role nouns (data/roles.toml); names written with initials ("drs. M.L.J. Paul"), unknown persons with a
   known given name ("Ahmed al-Assadi"), ministries not in the knowledge base (finders.py);
3. composition: "president Poetin" and "de Amerikaanse gezant Steve Witkoff" become one mention of the
   named person (an unknown name becomes a new person with the country and sector of its description);
   "de Russische president", "le président russe", "het Russische staatshoofd" resolve to the office holder on
   the article's date (the most recent holder when the date is unknown); "zijn Russische ambtgenoot" takes the
   office of the person it is the counterpart of; a bare "de president" is the most salient holder;
4. country adjective + collective noun ("Oekraïense soldaten" -> "Ukrainian soldiers"; "de Russische
   regering" -> Russia; "het Syrische leger" -> Syrian Arab Army);
5. in text order, with salience: capitals and seats ("Moskou eist", "het Kremlin") -> the state unless used
   as a place ("in Moskou", datelines); surnames after a full mention; pronouns to the most recent person
   of a compatible gender; "ik" in a Dutch letter to its signer;
6. definite type nouns ("the union", "de partij", "la cour") for the organisation of that type named last
   (remention.py);
7. clean-up: adjectives ("Russische") only for actors with no other mention; nested mentions dropped.
"""

from __future__ import annotations

import datetime as dt
import re

from kroniek.actors.acronyms import acronym_rementions
from kroniek.actors.compose import compose
from kroniek.actors.finders import Finders
from kroniek.actors.groups import find_counted_groups
from kroniek.actors.institutions import Institutions
from kroniek.actors.kb import (
    ADJ,
    CAPITAL,
    CASE,
    LOWER_OK,
    SEAT,
    SURNAME,
    WEAK,
    ActorKB,
    AliasHit,
    KBActor,
    RoleTables,
)
from kroniek.actors.lexicon import (
    AMBIGUOUS_PRONOUNS,
    CLAIM_NOUNS,
    HOME_FIRST_LANGS,
    INITIAL_RE,
    LANG_HOME,
    MONTHS,
    NOT_NAME_WORDS,
    OF_WORDS,
    PRONOUN_WINDOW_SENTENCES,
    S_GENITIVE_LANGS,
    SIGNATURE_CHARS,
    STATE_TITLE_WORDS,
    TITLES,
    Context,
    Found,
    GazMatch,
    NewActor,
    Pending,
    Ref,
    RoleMatch,
    capitalised,
)
from kroniek.actors.offices import Offices
from kroniek.actors.org_names import OrgNames
from kroniek.actors.remention import org_rementions, person_rementions
from kroniek.actors.speakers import find_speakers
from kroniek.actors.spelling import person_by_spelling
from kroniek.lang import SUPPORTED
from kroniek.lang.text import Token, fold, quote_spans, tokenize

__all__ = ["PRONOUN_WINDOW_SENTENCES", "Found", "NewActor", "Resolver", "clean_mentions", "describe_phrase"]


# (id of a RoleTables, language) -> (those tables, the prefixes of their role keys); the tables are kept so
# that the id cannot be reused by another object while the entry lives
_ROLE_PREFIXES: dict[tuple[int, str], tuple[RoleTables, frozenset[str]]] = {}


def role_key_prefixes(roles: RoleTables, lang: str) -> frozenset[str]:
    """Every prefix (by character, the empty one and the whole key included) of the language's folded office,
    role and counterpart nouns: what the start of a role's key can be. Built once per loaded table and language."""
    entry = _ROLE_PREFIXES.get((id(roles), lang))
    if entry is None or entry[0] is not roles:
        keys = set(roles.offices[lang]) | set(roles.roles[lang]) | roles.counterparts[lang]
        prefixes = frozenset(key[:k] for key in keys for k in range(len(key) + 1))
        entry = _ROLE_PREFIXES[(id(roles), lang)] = (roles, prefixes)
    return entry[1]


class Resolver(Offices, Finders, Institutions, OrgNames):
    """Resolves the actors of one text in one language on one date; ``resolve`` returns the raw mentions
    (``clean_mentions`` removes nesting and redundant adjectives)."""

    def __init__(
        self,
        kb: ActorKB,
        lang: str,
        date: dt.date | None,
        first_person_plural: bool = True,
        publisher: str | None = None,
        counted_groups: bool = False,
    ) -> None:
        self.kb = kb
        self.counted_groups = counted_groups  # read counted groups (kroniek.actors.groups)
        # the publishing country (gov.uk -> GBR): an unqualified "the Prime Minister" is its office holder
        self.publisher = publisher
        self.composed: list[Found] = []
        self.article_state: KBActor | None = None
        self.other_party: dict[tuple[str, ...], set[str]] = {}
        self.lang = lang if lang in kb.roles.offices else "en"
        # a datetime would not compare with the knowledge base's dates
        self.date = date.date() if isinstance(date, dt.datetime) else date
        self.first_person_plural = first_person_plural
        roles = kb.roles
        self.office_nouns = roles.offices[self.lang]
        self.role_nouns = roles.roles[self.lang]
        self.counterparts = roles.counterparts[self.lang]
        self.group_nouns = roles.groups[self.lang]
        self.determiners = roles.determiners[self.lang]
        self.locatives = roles.locatives[self.lang]
        self.locative_not_after = roles.locative_not_after.get(self.lang, set())
        self.person_pronouns = roles.person_pronouns[self.lang]
        self.we_pronouns = roles.we_pronouns[self.lang]

    # ---------------------------------------------------------------------------------------- entry
    def resolve(
        self,
        text: str,
        sentences: list[tuple[int, int]] | None = None,
        entities: list[tuple[int, int, str]] | None = None,
        pos: dict[int, str] | None = None,
    ) -> list[Found]:
        """Mentions in ``text``. ``pos`` maps a word's start offset to its universal POS tag, when the nlp
        stage provides tags (it disambiguates "zijn" his/are)."""
        tokens = tokenize(text)
        self.pos = pos
        self.text = text
        self.tokens = tokens
        self.sentence_of = self._sentence_index(text, tokens, sentences)
        gaz = self._gazetteer(tokens)
        self.article_state = self._most_named_state(gaz)
        roles = self._roles(tokens, gaz)
        role_of_token = {k: r for r in roles for k in range(r.i, r.j)}
        gaz = [g for g in gaz if not _within_role(g, role_of_token)]
        named = (
            self._initial_names(tokens, gaz)
            + self._honorific_names(tokens, gaz)
            + self._first_name_persons(tokens, gaz, roles)
            + self._ministries(tokens, gaz)
            + self._embassies(tokens, gaz)
            + self._institutions(tokens, gaz)
            + self._foreign_ministries(tokens, gaz)
        )
        named += self._long_org_names(gaz, entities or [], named)
        named += self._adjective_org_phrases(tokens, gaz, named)
        covered = bytearray(len(text) + 1)
        for f in named:
            covered[f.start : f.end] = b"\x01" * (f.end - f.start)
        gaz = [g for g in gaz if not (covered[g.start] and covered[g.end - 1])]
        # a role noun inside a found name ("Embassy in" in "the U.S. Embassy in Baghdad") is part of it
        roles = [r for r in roles if not (covered[r.start] and covered[r.end - 1])]
        found, consumed = compose(self, tokens, gaz, roles, named)
        self.composed = found
        self.other_party = {}
        speakers = find_speakers(self, tokens, gaz, consumed)
        found += speakers + [
            f
            for f in self._groups(tokens, gaz, consumed)
            if not any(s.start < f.end and f.start < s.end for s in speakers)
        ]
        if self.counted_groups:
            found += find_counted_groups(self, tokens, gaz, found)
        pending = [g for g in gaz if id(g) not in consumed]
        ner = self._entities(entities or [], gaz, found)
        out = self._sequential(tokens, pending, found, ner)
        return (
            out
            + org_rementions(text, tokens, out, self.lang)
            + acronym_rementions(text, tokens, out)
            + person_rementions(text, tokens, out, self.lang, self.sentence_of, pos)
        )

    @staticmethod
    def _most_named_state(gaz: list[GazMatch]) -> KBActor | None:
        """The state the article names most (by name, adjective or capital): the country of a group noun
        that comes before any state ("Police fired tear gas ... in Athens")."""
        counts: dict[str, int] = {}
        states: dict[str, KBActor] = {}
        for g in gaz:
            state = g.adjective or next((h.actor for h in g.hits if h.actor.kind == "state"), None)
            if state is not None and state.kind == "state":
                counts[state.key] = counts.get(state.key, 0) + 1
                states[state.key] = state
        if not counts:
            return None
        return states[max(counts, key=lambda key: counts[key])]

    # ---------------------------------------------------------------------------------------- sentences
    @staticmethod
    def _sentence_index(text: str, tokens: list[Token], sentences: list[tuple[int, int]] | None) -> list[int]:
        if not sentences:
            sentences = []
            start = 0
            for m in re.finditer(r"[.!?]+[\"”’»)]*\s+(?=[\"“„«(]*[A-ZÀ-Ý0-9])|\n\s*\n|\n", text):
                w = m.start()
                while w > 0 and not text[w - 1].isspace() and m.start() - w < 40:
                    w -= 1
                word = text[w : m.start()]
                if text[m.start()] == "." and (INITIAL_RE.fullmatch(word + ".") or fold(word) in TITLES):
                    continue  # "M. Bosma", "Mr. Palmen", "V.P.G. Karremans" do not end a sentence
                sentences.append((start, m.end()))
                start = m.end()
            sentences.append((start, len(text)))
        index = []
        s = 0
        for tok in tokens:
            while s < len(sentences) - 1 and tok.start >= sentences[s][1]:
                s += 1
            index.append(s)
        return index

    # ---------------------------------------------------------------------------------------- gazetteer
    def _accept(self, hit: AliasHit, surface: str) -> bool:
        if hit.flags & CASE:
            return hit.surface == surface
        words = surface.split()
        if len(words) > 1 and words[0].casefold() in self.determiners and not any(capitalised(w) for w in words[1:]):
            # "Le maire d'Istanbul" opening a sentence is not Bruno Le Maire: after an article, the name's own
            # words must be capitalised
            return bool(hit.flags & LOWER_OK) and hit.actor.kind != "person"
        if capitalised(surface) or surface[:1].isdigit():
            return True
        if hit.flags & LOWER_OK:
            return True
        # "het Kremlin", "de Tweede Kamer": a lower-case function word followed by a capitalised name.
        return len(words) > 1 and any(capitalised(w) for w in words[1:])

    def _lookup(self, surface: str) -> list[AliasHit]:
        return self._lookup_key(fold(surface), surface)

    def _lookup_key(self, key: str, surface: str) -> list[AliasHit]:
        hits = self.kb.aliases.get(key)
        if not hits:
            return []
        if key in self.office_nouns or key in self.determiners:
            return []  # a role noun ("President", "Premier") is never a name by itself
        if key in self.role_nouns and not any(h.actor.curated for h in hits):
            return []  # nor is a generic one ("Police"), unless kroniek lists it ("House of Commons")
        return [h for h in hits if self._accept(h, surface)]

    def _gazetteer(self, tokens: list[Token]) -> list[GazMatch]:
        matches: list[GazMatch] = []
        max_words = 16
        i = 0
        while i < len(tokens):
            found = self._longest_at(tokens, i, max_words)
            if found is not None and tokens[i].key in self.determiners and i + 1 < len(tokens):
                # "de Tweede Kamer der Staten-Generaal": a longer name after the determiner wins, and so
                # does a curated name over a Phoenix one ("the United Nations")
                after = self._longest_at(tokens, i + 1, max_words)
                if after is not None and (
                    after.j > found.j
                    or after.j == found.j
                    and any(h.actor.curated for h in after.hits)
                    and not any(h.actor.curated for h in found.hits)
                ):
                    found = after
            if found is None:
                parts = self._partial(tokens[i], i)
                matches.extend(parts)
                i += 1
                continue
            matches.append(found)
            i = found.j
        return matches

    def _longest_at(self, tokens: list[Token], i: int, max_words: int) -> GazMatch | None:
        """The longest alias starting at token i. The key grows token by token (the folded text of the span)
        and stops at a space once no alias continues it (kb.alias_prefixes), so this is linear in the text."""
        text, aliases, prefixes = self.text, self.kb.aliases, self.kb.alias_prefixes
        start = tokens[i].start
        key = tokens[i].key
        best = None
        last = min(len(tokens), i + max_words)
        for j in range(i, last):
            if j > i:
                gap = text[tokens[j - 1].end : tokens[j].start]
                if "\n" in gap:
                    break
                key = f"{key} {tokens[j].key}" if gap else key + tokens[j].key
            if key in aliases:
                hits = self._lookup_key(key, text[start : tokens[j].end])
                if hits:
                    best = GazMatch(i, j + 1, start, tokens[j].end, hits)
            if j + 1 < last and tokens[j].end != tokens[j + 1].start and key not in prefixes:
                break
        return best

    def _partial(self, tok: Token, i: int) -> list[GazMatch]:
        """Names inside a compound or a genitive: "NAVO-top", "EU-Ukraine", "anti-Russia", "Poetins"."""
        text = tok.text
        if "-" in text:
            parts = []
            offset = 0
            for part in text.split("-"):
                hits = [h for h in self._lookup(part) if not h.flags & (ADJ | WEAK)] if len(part) > 1 else []
                if hits:
                    parts.append(GazMatch(i, i + 1, tok.start + offset, tok.start + offset + len(part), hits))
                offset += len(part) + 1
            if parts:
                return parts
        for suffix in ("s", "'") if self.lang in S_GENITIVE_LANGS else ("'",):
            if text.endswith(suffix) and len(text) > len(suffix) + 2:
                base = text[: -len(suffix)]
                hits = [
                    h
                    for h in self._lookup(base)
                    if not h.flags & (ADJ | WEAK | CAPITAL | SEAT)
                    and (h.actor.kind != "organization" or not h.flags & CASE)
                ]
                if hits:
                    return [GazMatch(i, i + 1, tok.start, tok.end, hits)]
        return []

    # ---------------------------------------------------------------------------------------- roles
    def _roles(self, tokens: list[Token], gaz: list[GazMatch]) -> list[RoleMatch]:
        """Role nouns; a multi-word role ("voorzitter van de Tweede Kamer") may swallow a name inside it."""
        gaz_at: dict[int, GazMatch] = {}
        for g in gaz:
            for k in range(g.i, g.j):
                gaz_at[k] = g
        roles: list[RoleMatch] = []
        max_words = self.kb.roles.max_words
        prefixes = role_key_prefixes(self.kb.roles, self.lang)
        i = 0
        while i < len(tokens):
            match = None
            for n, key in reversed(self._role_keys_at(tokens, i, max_words, prefixes)):
                inside = {id(gaz_at[k]): gaz_at[k] for k in range(i, i + n) if k in gaz_at}
                if any(g.adjective is None and (g.i < i or g.j > i + n or g.j - g.i == n) for g in inside.values()):
                    continue  # the role would cut through a name, or is itself a name
                span = (i, i + n, tokens[i].start, tokens[i + n - 1].end)
                if key in self.office_nouns:
                    office = self.office_nouns[key]
                    if office.capitalised_only and not capitalised(tokens[i].text):
                        if not self._chamber_follows(tokens, i + n, gaz_at):
                            continue
                    match = RoleMatch(*span, office.offices, office.sector, where=office.where)
                elif key in self.counterparts:
                    match = RoleMatch(*span, (), "GOV", True)
                elif key in self.role_nouns and key not in self.group_nouns:
                    match = RoleMatch(*span, (), self.role_nouns[key])
                if match:
                    break
            if match:
                roles.append(match)
                i = match.j
            else:
                i += 1
        return roles

    def _role_keys_at(
        self, tokens: list[Token], i: int, max_words: int, prefixes: frozenset[str]
    ) -> list[tuple[int, str]]:
        """(n, folded key) for each span of n words from token ``i`` whose key is a role, office or counterpart
        noun, shortest first. The fold of a span starts with the fold of each shorter span from the same token
        (``fold`` works character by character, then joins the words with single spaces), so the first span
        whose key begins no noun ends the search: most words begin none, and their longer spans are not folded.
        """
        keys: list[tuple[int, str]] = []
        start = tokens[i].start
        for n in range(1, min(max_words, len(tokens) - i) + 1):
            key = tokens[i].key if n == 1 else fold(self.text[start : tokens[i + n - 1].end])
            if key not in prefixes:
                break
            if key in self.office_nouns or key in self.counterparts or key in self.role_nouns:
                keys.append((n, key))
        return keys

    def _chamber_follows(self, tokens: list[Token], k: int, gaz_at: dict[int, GazMatch]) -> bool:
        """True for "voorzitter (van de) Tweede Kamer": a parliament follows the role noun."""
        if k < len(tokens) and tokens[k].key in OF_WORDS:
            k += 1
        if k < len(tokens) and tokens[k].key in self.determiners:
            k += 1
        g = gaz_at.get(k)
        return g is not None and g.i >= k - 1 and any(h.actor.sector == "LEG" and h.actor.country for h in g.hits)

    # ---------------------------------------------------------------------------------------- groups

    # ---------------------------------------------------------------------------------------- NER

    # ---------------------------------------------------------------------------------------- ranking
    def _state_title_end(self, tokens: list[Token], j: int, by_start: dict[int, GazMatch]) -> int | None:
        """The first token of the name after a state's official name opening at token ``j`` ("Syrian Arab
        Republic Bashar", "Islamic Republic of Iran Ebrahim"); None when the words there are not such a name."""
        k = j
        seen_title = False
        while k < len(tokens):
            g = by_start.get(k)
            if tokens[k].key in NOT_NAME_WORDS:
                seen_title = True
                k += 1
            elif g is not None and any(h.actor.kind == "state" for h in g.hits):
                k = g.j
            elif tokens[k].key in STATE_TITLE_WORDS and (capitalised(tokens[k].text) or tokens[k].key in {"of", "the"}):
                k += 1
            else:
                break
        if not seen_title or k >= len(tokens) or not capitalised(tokens[k].text):
            return None
        return k

    def _best(
        self,
        hits: list[AliasHit],
        prefer_kind: str | None,
        context: Context | None,
        surface: str | None = None,
    ) -> KBActor | None:
        mentioned = context.full_mentions if context else set()
        usable = [h for h in hits if not h.flags & WEAK or h.actor.key in mentioned]
        if not usable:
            return None
        date = self.date
        key = fold(surface) if surface else ""

        def rank(h: AliasHit) -> tuple[int, ...]:
            a = h.actor
            return (
                1 if h.flags & WEAK else 0,
                0 if a.key in mentioned else 1,
                0 if a.source == "user" else 1,
                0 if a.curated else 1,
                0 if fold(a.name) == key else 1,
                0 if (prefer_kind and a.kind == prefer_kind) else 1,
                0 if a.active_on(date) else 1,
                1 if h.flags & (ADJ | SURNAME) else 0,
                a.index,
            )

        return min(usable, key=rank).actor

    # ---------------------------------------------------------------------------------------- main pass
    def _sequential(
        self, tokens: list[Token], pending: list[GazMatch], found: list[Found], ner: list[Found]
    ) -> list[Found]:
        context = Context()
        items: list[tuple[int, int, object]] = []
        for g in pending:
            items.append((g.start, 1, g))
        for f in found + ner:
            items.append((f.start, 0, f))
        covered = bytearray(len(self.text) + 1)
        for span_start, span_end in [(g.start, g.end) for g in pending] + [(f.start, f.end) for f in found + ner]:
            covered[span_start:span_end] = b"\x01" * (span_end - span_start)
        tok_index = {t.start: k for k, t in enumerate(tokens)}
        covered_tokens = {k for k, tok in enumerate(tokens) if covered[tok.start] and covered[tok.end - 1]}
        for k, tok in enumerate(tokens):
            if k in covered_tokens:
                continue
            if tok.key in self.person_pronouns or tok.key in self.we_pronouns or capitalised(tok.text):
                items.append((tok.start, 2, tok))
        items.sort(key=lambda x: (x[0], x[1]))
        quotes = quote_spans(self.text)
        out: list[Found] = []
        for _start, _order, item in items:
            if isinstance(item, Found):
                if isinstance(item.ref, Pending):
                    holder: Ref | None = self._holder(item.ref, context)
                    if item.ref.role.offices[:1] == ("GROUP",):
                        state = self.article_state or self._salient_state(context)
                        holder = self._salient_group(item.ref.role, state)
                    if holder is None:
                        continue
                    item = Found(item.start, item.end, holder, item.how, item.role_span)
                elif (
                    isinstance(item.ref, NewActor)
                    and item.ref.kind == "person"
                    and " " in item.ref.name
                    and item.how != "alias"
                ):
                    # "Nikol Pasjinian" (nl) is Nikol Pashinyan: the one person of the KB spelt so
                    known_person = person_by_spelling(self.kb, item.ref.name, self.lang)
                    if known_person is not None:
                        # a later bare "Pasjinian" is the same person
                        context.surnames.setdefault(fold(item.ref.name.split()[-1]), known_person)
                        item = Found(item.start, item.end, known_person, "name", item.role_span)
                elif (
                    isinstance(item.ref, NewActor)
                    and item.ref.kind == "person"
                    and (item.how == "alias" or (item.how == "ner" and " " not in item.ref.name))
                ):
                    # an entity "Testlaan" after "Pierre Testlaan" is the same person, and so is "de heer
                    # Van der Testlaan" after "Pierre van der Testlaan"
                    known = context.surnames.get(fold(item.ref.name.split()[-1]))
                    if known is not None:
                        item = Found(item.start, item.end, known, "alias", item.role_span)
                out.append(item)
                context.add(item.start, item.ref, self.text[item.start : item.end], item.how in ("name", "ner"))
            elif isinstance(item, GazMatch):
                resolved = self._resolve_gaz(item, tokens, context)
                if resolved is not None:
                    out.append(resolved)
                    full = resolved.how == "name" and " " in self.text[resolved.start : resolved.end]
                    context.add(
                        resolved.start,
                        resolved.ref,
                        self.text[resolved.start : resolved.end],
                        full or resolved.ref.kind != "person",
                    )
            elif isinstance(item, Token):
                k = tok_index[item.start]
                resolved = self._resolve_token(item, k, context, quotes)
                if resolved is not None:
                    out.append(resolved)
                    # a resolved pronoun keeps its antecedent salient ("Zelensky ... zijn ... hij")
                    context.add(resolved.start, resolved.ref, item.text, False)
        return out + self._first_person(tokens, out, quotes)

    def _first_person(self, tokens: list[Token], out: list[Found], quotes: list[tuple[int, int]]) -> list[Found]:
        """In a Dutch letter or speech, "ik"/"mijn" outside quotes is its author: the person named in the
        signature (the last person mention in the final lines), else nobody."""
        if self.lang not in HOME_FIRST_LANGS or not self.first_person_plural:
            return []
        words = self.kb.roles.i_pronouns.get(self.lang, set())
        tail = max(0, len(self.text) - SIGNATURE_CHARS)
        signers = [f for f in out if f.start >= tail and f.ref.kind == "person" and f.how in ("name", "alias")]
        if not signers:
            return []
        author = signers[-1].ref
        return [
            Found(tok.start, tok.end, author, "pronoun")
            for tok in tokens
            if tok.key in words and tok.start < signers[-1].start and not any(a <= tok.start < b for a, b in quotes)
        ]

    def _resolve_gaz(self, g: GazMatch, tokens: list[Token], context: Context) -> Found | None:
        surface = self.text[g.start : g.end]
        # A surname already bound in this article wins over the knowledge base ("Kok" after "Wim Kok").
        if g.j - g.i == 1 and fold(surface) in context.surnames:
            return Found(g.start, g.end, context.surnames[fold(surface)], "alias")
        hits = g.hits
        locative = self._locative_before(g.i, tokens)
        if locative or self._dateline_after(g, tokens):
            hits = [h for h in hits if not h.flags & (CAPITAL | SEAT)]
        if g.j - g.i == 1 and self._inside_longer_name(g.i, tokens):
            # "Ahmed" in "Ahmed al-Assadi": a surname or first name that is part of an unknown longer name
            hits = [h for h in hits if not h.flags & (SURNAME | WEAK)]
        if g.j - g.i == 1:
            hits = self._drop_other_given_name(g.i, tokens, hits)
        actor = self._best(hits, prefer_kind=None, context=context, surface=surface)
        if actor is None:
            return None
        hit = next(h for h in hits if h.actor is actor)
        if hit.flags & (CAPITAL | SEAT):
            how = "metonym"
        elif hit.flags & ADJ:
            how = "adjective"
        elif hit.flags & SURNAME:
            how = "alias"
        else:
            how = "name"
        return Found(g.start, g.end, actor, how)

    def _drop_other_given_name(self, i: int, tokens: list[Token], hits: list[AliasHit]) -> list[AliasHit]:
        """A surname right after a different given name is someone else: "David Martin" is not Micheál
        Martin, so only persons whose own given name is that word keep their surname match."""
        k = i - 1
        if k < 0 or self.text[tokens[k].end : tokens[i].start] != " " or not capitalised(tokens[k].text):
            return hits
        given = tokens[k].key
        if not self.kb.is_given_name(given):
            return hits
        return [h for h in hits if not h.flags & SURNAME or fold(h.actor.name.split(" ", 1)[0]) == given]

    def _inside_longer_name(self, i: int, tokens: list[Token]) -> bool:
        def name_like(k: int) -> bool:
            if not 0 <= k < len(tokens) or self.sentence_of[k] != self.sentence_of[i]:
                return False
            word = tokens[k].text
            if "\n" in self.text[min(tokens[k].start, tokens[i].start) : max(tokens[k].end, tokens[i].end)]:
                return False
            if word[:3] in ("al-", "el-") and len(word) > 4:
                return True
            return (
                word[:1].isupper()
                and word.replace("-", "").isalpha()
                and not word.isupper()
                and tokens[k].key not in self.determiners
                and tokens[k].key not in self.office_nouns
                and tokens[k].key not in self.role_nouns
                and not self.kb.aliases.get(tokens[k].key)
            )

        before = name_like(i - 1) and (i - 1 == 0 or self.sentence_of[i - 2] == self.sentence_of[i - 1])
        return name_like(i + 1) or before

    def _dateline_after(self, g: GazMatch, tokens: list[Token]) -> bool:
        """A dateline names where a text was written, not an actor: "Den Haag, 12 maart 2024",
        "WASHINGTON (Reuters) -", "KYIV, March 3"."""
        j = g.j
        if (
            j + 1 < len(tokens)
            and tokens[j].text == ","
            and (tokens[j + 1].text[:1].isdigit() or tokens[j + 1].key in MONTHS)
        ):
            return True
        line_start = g.start == 0 or "\n" in self.text[max(0, g.start - 2) : g.start]
        surface = self.text[g.start : g.end]
        return line_start and surface.isupper() and j < len(tokens) and tokens[j].text in ("(", ",", "-", "–", "—")

    def _locative_before(self, i: int, tokens: list[Token]) -> bool:
        k = i - 1
        if k >= 0 and tokens[k].key in self.determiners:
            k -= 1
        if k > 0 and tokens[k - 1].key in self.locative_not_after:
            return False  # "according to Kyiv": a source phrase, the capital stands for its state
        return k >= 0 and tokens[k].key in self.locatives

    def _resolve_token(self, tok: Token, k: int, context: Context, quotes: list[tuple[int, int]]) -> Found | None:
        if capitalised(tok.text) and tok.key in context.surnames and tok.key not in self.person_pronouns:
            return Found(tok.start, tok.end, context.surnames[tok.key], "alias")
        if tok.key in AMBIGUOUS_PRONOUNS and (self.pos is None or self.pos.get(tok.start) not in ("PRON", "DET")):
            return None  # "zijn" is also "to be": only with a POS tag that says it is a possessive
        if tok.key in self.person_pronouns:
            if (
                self.lang == "de"
                and tok.key == "sie"
                and capitalised(tok.text)
                and k > 0
                and self.sentence_of[k] == self.sentence_of[k - 1]
            ):
                return None  # "Sie" inside a sentence is the polite "you"
            sentence = self.sentence_of[k]
            wanted = self._pronoun_gender(tok.key)
            if tok.key in self.kb.roles.plural_pronouns.get(self.lang, set()):
                subject = self._sentence_subject(k, context)
                if subject is not None:  # "De VS lieten weten dat ze ...": the United States
                    return Found(tok.start, tok.end, subject, "pronoun")
            for offset, ref in reversed(context.history):
                if ref.kind != "person":
                    continue
                ref_tok = self._token_at(offset)
                if ref_tok is None or sentence - self.sentence_of[ref_tok] > PRONOUN_WINDOW_SENTENCES:
                    return None
                gender = self.kb.gender_of(ref.name)
                if wanted and gender and gender != wanted:
                    continue  # "haar" is not Mark Rutte
                return Found(tok.start, tok.end, ref, "pronoun")
            return None
        if tok.key in self.we_pronouns and self.first_person_plural:
            if any(s <= tok.start < e for s, e in quotes):
                return None
            # Only Dutch government texts are first-person plural by convention ("Wij veroordelen ...").
            home = LANG_HOME.get(self.lang) if self.lang in HOME_FIRST_LANGS else None
            state = self.kb.states.get(home) if home else None
            if state is not None:
                return Found(tok.start, tok.end, state, "pronoun")
        return None

    def _sentence_subject(self, k: int, context: Context) -> Ref | None:
        """The state, organisation or group that opens the sentence of token k ("De VS lieten weten dat
        ze ..."), when no person is named between it and token k; an adjective ("De Russische minister")
        does not open a sentence as an actor."""
        sentence = self.sentence_of[k]
        first = k
        while first > 0 and self.sentence_of[first - 1] == sentence:
            first -= 1
        in_sentence = [
            (offset, ref)
            for offset, ref in context.history
            if self.tokens[first].start <= offset < self.tokens[k].start
        ]
        if not in_sentence:
            return None
        offset, subject = in_sentence[0]
        if subject.kind == "person" or any(ref.kind == "person" for _, ref in in_sentence):
            return None
        opening = self._token_at(offset)
        if opening is None or any(
            self.tokens[j].key not in self.determiners and self.tokens[j].text[:1].isalnum()
            for j in range(first, opening)
        ):
            return None
        if any(h.flags & ADJ for h in self.kb.aliases.get(self.tokens[opening].key, [])):
            return None
        return subject

    def _pronoun_gender(self, key: str) -> str | None:
        female = key in self.kb.roles.female_pronouns[self.lang]
        male = key in self.kb.roles.male_pronouns[self.lang]
        return "f" if female and not male else "m" if male and not female else None


def _within_role(g: GazMatch, role_of_token: dict[int, RoleMatch]) -> bool:
    role = role_of_token.get(g.i)
    return role is not None and role.i <= g.i and g.j <= role.j


def clean_mentions(found: list[Found], text: str = "") -> list[Found]:
    """Drop nested and overlapping mentions (the longer one wins), and adjectives of actors that have a
    better mention, except an adjective that names who claims something ("nach syrischen Angaben": a noun
    of ``CLAIM_NOUNS`` follows it in ``text``)."""
    found = sorted(found, key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Found] = []
    for f in found:
        if kept and f.start < kept[-1].end:
            continue
        kept.append(f)
    better = {f.ref.key for f in kept if f.how != "adjective"}
    return [f for f in kept if f.how != "adjective" or f.ref.key not in better or _before_a_claim_noun(text, f.end)]


def _before_a_claim_noun(text: str, end: int) -> bool:
    """The word after offset ``end`` is, or ends in, a noun of a claim ("Angaben", "Armeeangaben")."""
    match = re.match(r"\s+(\w+)", text[end : end + 40])
    return match is not None and fold(match.group(1)).endswith(CLAIM_NOUNS)


def describe_phrase(kb: ActorKB, phrase: str, *, date: dt.date | None = None, lang: str | None = None) -> list[KBActor]:
    """Actors that a short phrase ("de Russische president", "le président russe") refers to."""
    langs = [lang] if lang else list(SUPPORTED)
    out: list[KBActor] = []
    for code in langs:
        resolver = Resolver(kb, code, date, first_person_plural=False)
        for f in clean_mentions(resolver.resolve(phrase)):
            if isinstance(f.ref, KBActor) and f.ref not in out and f.how != "adjective":
                out.append(f.ref)
    return out
