"""Actor resolution in one article: names, descriptions, metonyms, adjectives, pronouns, unknown names.

The resolver works on its own word tokens over ``doc.text`` (so it needs nothing from spaCy) and uses
spaCy's entities when the nlp stage provides them. Steps, in text order:

1. gazetteer: longest alias match at every token (case rules: acronyms exact, names capitalised, German and
   French adjectives also in lower case); "NAVO-top" matches "NAVO" in its first part;
2. role nouns (data/roles.toml): "president Poetin" and "de Amerikaanse gezant Steve Witkoff" become one
   mention of the named person (an unknown name becomes a new person with the country and sector of its
   description);
   "de Russische president", "le président russe", "het Russische staatshoofd" resolve to the office holder on
   the article's date (the most recent holder when the date is unknown); "zijn Russische ambtgenoot" takes the
   office of the person it is the counterpart of; a bare "de president" is the most salient holder;
3. country adjective + collective noun ("Oekraïense soldaten") -> a group actor ("Ukrainian soldiers");
4. capitals and seats of government ("Moskou eist", "het Kremlin") -> the state, unless used as a place
   ("in Moskou");
5. surnames after a full mention, and pronouns to the most recent person (how="pronoun");
6. adjectives ("Russische") are kept only for actors with no other mention; nested mentions are dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from kroniek.actors.kb import ADJ, CAPITAL, CASE, LOWER_OK, SEAT, SURNAME, WEAK, ActorKB, AliasHit, KBActor
from kroniek.actors.normalize import fold

# Word tokens: initials ("V.P.G.", "S.Th."), words with inner hyphens and apostrophes ("Ra'ad") but not a
# genitive "'s" ("Russia's" is "Russia" + "'s"), digits glued to a following capital ("17:07Nederland"),
# French elision ("l'Équateur" is "l'" + "Équateur").
TOKEN_RE = re.compile(
    r"(?:[lLdDjJmMnNsStTcC]|[qQ]u)['’](?=[^\W\d_])|(?:[^\W\d_]{1,2}\.){2,}|\d+(?=[^\W\d_])|\w+(?:-\w+)*(?:['’](?![sS]\b)\w+(?:-\w+)*)*"
    r"|['’][sS]\b|[^\w\s]"
)
TITLES = {"drs", "dr", "mr", "prof", "ir", "ing", "mevrouw", "mevr", "heer", "dhr", "ds", "sir", "mrs", "ms"}
MINISTRY_NOUNS = {"ministry", "ministerie", "ministere", "ministerium", "department"}
PORTFOLIO_JOINERS = {"and", "en", "et", "und", ",", "&"}
CONJUNCTIONS = {
    "en",
    "and",
    "und",
    "et",
    "of",
    "or",
    "oder",
    "ou",
    "met",
    "with",
    "mit",
    "avec",
    "door",
    "by",
    "von",
    "par",
}
INITIAL_RE = re.compile(r"(?:[^\W\d_]{1,2}\.)+")
PAST_WORDS = {
    "voormalig",
    "voormalige",
    "ex",
    "former",
    "ehemalig",
    "ehemalige",
    "ehemaligen",
    "ehemaliger",
    "ancien",
    "ancienne",
    "oud",
    "toenmalig",
    "toenmalige",
    "then",
    "damalige",
    "damaligen",
}
OF_WORDS = {"van", "of", "von", "de", "du", "des", "der", "d'"}
NAME_PARTICLES = {
    "van",
    "de",
    "der",
    "den",
    "von",
    "zu",
    "al",
    "el",
    "bin",
    "ibn",
    "ter",
    "ten",
    "le",
    "la",
    "du",
    "da",
    "dos",
    "di",
    "'t",
}
ORG_OFFICE_KEYS = {
    "NATO": "NATO",
    "United Nations": "UN",
    "European Union": "EU",
    "European Commission": "EU",
    "European Council": "EU",
}
# "de voorzitter van de Europese Commissie": the president of an EU institution has its own office code.
ORG_PRESIDENT = {"European Commission": "PRESIDENT-EC", "European Council": "PRESIDENT-EUCO"}
# The country whose institutions a bare "de Koning" / "le Premier ministre" means when the article names none.
LANG_HOME = {"nl": "NLD", "de": "DEU", "fr": "FRA"}
HOME_FIRST_LANGS = {"nl"}
QUOTE_PAIRS = {"“": "”", "„": "“”", "«": "»", '"': '"', "‘": "’", "‚": "‘’"}
PRONOUN_WINDOW_SENTENCES = 2


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    key: str


@dataclass(slots=True)
class NewActor:
    """An actor that is not in the knowledge base (an unknown named person, an NER entity, a group)."""

    key: str
    name: str
    kind: str
    country: str | None
    sector: str | None


Ref = KBActor | NewActor


@dataclass(slots=True)
class Found:
    start: int
    end: int
    ref: Ref | _Pending  # _Pending only inside the resolver, before salience is known
    how: str
    role_span: tuple[int, int] | None = None


@dataclass(slots=True)
class GazMatch:
    i: int  # first token
    j: int  # one past the last token
    start: int
    end: int
    hits: list[AliasHit]

    @property
    def adjective(self) -> KBActor | None:
        states = [h.actor for h in self.hits if h.flags & ADJ and h.actor.kind == "state"]
        return states[0] if states and all(h.flags & (ADJ | WEAK) for h in self.hits) else None


@dataclass(slots=True)
class RoleMatch:
    i: int
    j: int
    start: int
    end: int
    offices: tuple[str, ...]
    sector: str | None
    counterpart: bool = False


@dataclass
class Context:
    """What the resolver knows so far in the article (salience)."""

    history: list[tuple[int, Ref]] = field(default_factory=list)  # (offset, actor) in text order
    surnames: dict[str, Ref] = field(default_factory=dict)
    full_mentions: set[str] = field(default_factory=set)

    def add(self, offset: int, ref: Ref | _Pending, surface: str, full: bool) -> None:
        if isinstance(ref, _Pending):
            return
        self.history.append((offset, ref))
        if full:
            self.full_mentions.add(ref.key)
        if (isinstance(ref, NewActor) and ref.kind == "person") or (
            isinstance(ref, KBActor) and ref.kind == "person"
        ):
            for word in ref.name.split()[1:]:
                if word[:1].isupper() and len(word) > 2:
                    self.surnames.setdefault(fold(word), ref)


def tokenize(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group(), fold(m.group())) for m in TOKEN_RE.finditer(text)]


def _capitalised(text: str) -> bool:
    return text[:1].isupper()


class Resolver:
    def __init__(
        self, kb: ActorKB, lang: str, date: dt.date | None, first_person_plural: bool = True
    ) -> None:
        self.kb = kb
        self.lang = lang if lang in kb.roles.offices else "en"
        self.date = date
        self.first_person_plural = first_person_plural
        roles = kb.roles
        self.office_nouns = roles.offices[self.lang]
        self.role_nouns = roles.roles[self.lang]
        self.counterparts = roles.counterparts[self.lang]
        self.group_nouns = roles.groups[self.lang]
        self.determiners = roles.determiners[self.lang]
        self.locatives = roles.locatives[self.lang]
        self.person_pronouns = roles.person_pronouns[self.lang]
        self.we_pronouns = roles.we_pronouns[self.lang]

    # ---------------------------------------------------------------------------------------- entry
    def resolve(
        self,
        text: str,
        sentences: list[tuple[int, int]] | None = None,
        entities: list[tuple[int, int, str]] | None = None,
    ) -> list[Found]:
        tokens = tokenize(text)
        self.text = text
        self.tokens = tokens
        self.sentence_of = self._sentence_index(text, tokens, sentences)
        gaz = self._gazetteer(tokens)
        roles = self._roles(tokens, gaz)
        gaz = [g for g in gaz if not any(r.i <= g.i and g.j <= r.j for r in roles)]
        initials = (
            self._initial_names(tokens, gaz)
            + self._first_name_persons(tokens, gaz, roles)
            + self._ministries(tokens, gaz)
        )
        gaz = [g for g in gaz if not any(f.start <= g.start and g.end <= f.end for f in initials)]
        found, consumed = self._compose(tokens, gaz, roles, initials)
        found += self._groups(tokens, gaz, consumed)
        pending = [g for g in gaz if id(g) not in consumed]
        ner = self._entities(entities or [], gaz, found)
        return self._sequential(tokens, pending, found, ner)

    # ---------------------------------------------------------------------------------------- sentences
    @staticmethod
    def _sentence_index(text: str, tokens: list[Token], sentences: list[tuple[int, int]] | None) -> list[int]:
        if not sentences:
            sentences = []
            start = 0
            for m in re.finditer(r"[.!?]+[\"”’»)]*\s+(?=[\"“„«(]*[A-ZÀ-Ý0-9])|\n\s*\n|\n", text):
                before = re.search(r"(\S+)$", text[: m.start()])
                word = before.group(1) if before else ""
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
        if _capitalised(surface) or surface[:1].isdigit():
            return True
        if hit.flags & LOWER_OK:
            return True
        # "het Kremlin", "de Tweede Kamer": a lower-case function word followed by a capitalised name.
        words = surface.split()
        return len(words) > 1 and any(_capitalised(w) for w in words[1:])

    def _lookup(self, surface: str) -> list[AliasHit]:
        key = fold(surface)
        hits = self.kb.aliases.get(key)
        if not hits:
            return []
        if key in self.office_nouns or key in self.role_nouns or key in self.determiners:
            return []  # a role noun ("President", "Premier") is never a name by itself
        return [h for h in hits if self._accept(h, surface)]

    def _gazetteer(self, tokens: list[Token]) -> list[GazMatch]:
        matches: list[GazMatch] = []
        max_words = min(self.kb.max_alias_words, 10)
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
                found = self._partial(tokens[i], i)
            if found is not None:
                matches.append(found)
                i = found.j
            else:
                i += 1
        return matches

    def _longest_at(self, tokens: list[Token], i: int, max_words: int) -> GazMatch | None:
        text = self.text
        for n in range(min(max_words, len(tokens) - i), 0, -1):
            start, end = tokens[i].start, tokens[i + n - 1].end
            if n > 1 and "\n" in text[start:end]:
                continue
            hits = self._lookup(text[start:end])
            if hits:
                return GazMatch(i, i + n, start, end, hits)
        return None

    def _partial(self, tok: Token, i: int) -> GazMatch | None:
        """'NAVO-top', 'EU-landen', "Poetins", "Putin's": the name inside a compound or a genitive."""
        text = tok.text
        if "-" in text:
            head = text.split("-", 1)[0]
            hits = [h for h in self._lookup(head) if not h.flags & (ADJ | WEAK)] if len(head) > 1 else []
            if hits:
                return GazMatch(i, i + 1, tok.start, tok.start + len(head), hits)
        for suffix in ("s", "'"):
            if text.endswith(suffix) and len(text) > len(suffix) + 2:
                base = text[: -len(suffix)]
                hits = [
                    h
                    for h in self._lookup(base)
                    if not h.flags & (ADJ | WEAK | CAPITAL | SEAT)
                    and (h.actor.kind != "organization" or not h.flags & CASE)
                ]
                if hits:
                    return GazMatch(i, i + 1, tok.start, tok.end, hits)
        return None

    # ---------------------------------------------------------------------------------------- roles
    def _roles(self, tokens: list[Token], gaz: list[GazMatch]) -> list[RoleMatch]:
        """Role nouns; a multi-word role ("voorzitter van de Tweede Kamer") may swallow a name inside it."""
        gaz_at: dict[int, GazMatch] = {}
        for g in gaz:
            for k in range(g.i, g.j):
                gaz_at[k] = g
        roles: list[RoleMatch] = []
        max_words = self.kb.roles.max_words
        i = 0
        while i < len(tokens):
            match = None
            for n in range(min(max_words, len(tokens) - i), 0, -1):
                inside = {id(gaz_at[k]): gaz_at[k] for k in range(i, i + n) if k in gaz_at}
                if any(
                    g.adjective is None and (g.i < i or g.j > i + n or g.j - g.i == n)
                    for g in inside.values()
                ):
                    continue  # the role would cut through a name, or is itself a name
                key = fold(self.text[tokens[i].start : tokens[i + n - 1].end])
                span = (i, i + n, tokens[i].start, tokens[i + n - 1].end)
                if key in self.office_nouns:
                    office = self.office_nouns[key]
                    if office.capitalised_only and not _capitalised(tokens[i].text):
                        if not self._chamber_follows(tokens, i + n, gaz_at):
                            continue
                    match = RoleMatch(*span, office.offices, office.sector)
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

    def _initial_names(self, tokens: list[Token], gaz: list[GazMatch]) -> list[Found]:
        """Names written with initials, as in Dutch official texts: "drs. M.L.J. Paul", "R. Tieman"."""
        found: list[Found] = []
        k = 0
        while k < len(tokens):
            tok = tokens[k]
            initials_end = None
            if INITIAL_RE.fullmatch(tok.text):
                initials_end = k + 1
            elif (
                len(tok.text) == 1
                and tok.text.isupper()
                and k + 1 < len(tokens)
                and tokens[k + 1].text == "."
            ):
                initials_end = k + 2
            if initials_end is None or initials_end >= len(tokens):
                k += 1
                continue
            end = initials_end
            while end < len(tokens) and tokens[end].key in NAME_PARTICLES and end - initials_end < 3:
                end += 1
            if (
                end >= len(tokens)
                or not tokens[end].text[:1].isupper()
                or not tokens[end].text.replace("-", "").isalpha()
                or tokens[end].text.isupper()
            ):
                k += 1
                continue
            if "\n" in self.text[tok.start : tokens[end].end]:
                k += 1
                continue
            if initials_end == k + 2 and not self._initial_context_ok(tokens, k):
                k += 1  # "plan B. Then ..." is a sentence break, not an initial
                continue
            # "Faber-van de Klashorst": a double surname with particles
            if tokens[end].key.rsplit("-", 1)[-1] in NAME_PARTICLES:
                j = end + 1
                while j < len(tokens) and tokens[j].key in NAME_PARTICLES:
                    j += 1
                if j < len(tokens) and _capitalised(tokens[j].text) and tokens[j].text.isalpha():
                    end = j
            surname_tokens = tokens[initials_end : end + 1]
            surname = self.text[surname_tokens[0].start : surname_tokens[-1].end]
            start = tok.start
            while (
                k > 0
                and tokens[k - 1].key in TITLES
                or (k > 1 and tokens[k - 1].text == "." and tokens[k - 2].key in TITLES)
            ):
                k -= 2 if tokens[k - 1].text == "." else 1
                start = tokens[k].start
            ref: Ref | None = self._person_by_surname(surname, tok.text[:1])
            if ref is None:
                initials = self.text[tok.start : tokens[initials_end - 1].end]
                ref = NewActor(f"new:{fold(surname)}", f"{initials} {surname}", "person", None, None)
            found.append(Found(start, tokens[end].end, ref, "name"))
            k = end + 1
        return found

    def _first_name_persons(
        self, tokens: list[Token], gaz: list[GazMatch], roles: list[RoleMatch]
    ) -> list[Found]:
        """Unknown persons from a known given name and a capitalised surname ("Ahmed al-Assadi")."""
        long_gaz = {k for g in gaz if g.j - g.i > 1 for k in range(g.i, g.j)}
        in_role = {k for r in roles for k in range(r.i, r.j)}
        found = []
        k = 0
        while k < len(tokens) - 1:
            tok = tokens[k]
            if (
                tok.key not in self.kb.first_names
                or not _capitalised(tok.text)
                or k in long_gaz
                or k in in_role
            ):
                k += 1
                continue
            end = k + 1
            while end < len(tokens) and end - k <= 3:
                word = tokens[end].text
                gap = self.text[tokens[end - 1].end : tokens[end].start]
                if gap not in (" ",):
                    break
                if end in long_gaz or end in in_role:
                    break
                if (
                    word[:1].isupper()
                    and word.replace("-", "").replace("'", "").isalpha()
                    and not word.isupper()
                ) or (word[:3] in ("al-", "el-") and len(word) > 4):
                    end += 1
                elif (
                    tokens[end].key in NAME_PARTICLES
                    and end + 1 < len(tokens)
                    and _capitalised(tokens[end + 1].text)
                ):
                    end += 1
                else:
                    break
            if end - k < 2 or tokens[end - 1].key in NAME_PARTICLES:
                k += 1
                continue
            surname_key = tokens[end - 1].key
            if any(h.actor.kind == "state" for h in self.kb.aliases.get(surname_key, [])):
                k += 1
                continue
            surface = self.text[tok.start : tokens[end - 1].end]
            found.append(
                Found(
                    tok.start,
                    tokens[end - 1].end,
                    NewActor(f"new:{fold(surface)}", surface, "person", None, None),
                    "name",
                )
            )
            k = end
        return found

    def _initial_context_ok(self, tokens: list[Token], k: int) -> bool:
        """A lone capital with a period is an initial after a title, a name-introducing word, punctuation
        or the start of a line; after an ordinary word ("plan B. Then") it ends a sentence."""
        if k == 0 or "\n" in self.text[tokens[k - 1].end : tokens[k].start]:
            return True
        prev = tokens[k - 1]
        if prev.key in TITLES or prev.key in CONJUNCTIONS or not prev.text[:1].isalpha():
            return True
        return prev.key in self.office_nouns or prev.key in self.role_nouns or _capitalised(prev.text)

    def _ministries(self, tokens: list[Token], gaz: list[GazMatch]) -> list[Found]:
        """Ministries the knowledge base does not list: "the Ministry of Health of Ukraine", "het Oekraïense
        ministerie van Defensie", "le ministère russe de la Défense" -> "Ministry of Health (Ukraine)"."""
        in_gaz = {k for g in gaz for k in range(g.i, g.j)}
        by_end = {g.j: g for g in gaz}
        by_start = {g.i: g for g in gaz}
        found = []
        for k, tok in enumerate(tokens):
            if tok.key not in MINISTRY_NOUNS or k in in_gaz:
                continue
            start_tok, country = k, None
            left = by_end.get(k)
            if left is not None and left.adjective is not None:
                country, start_tok = left.adjective, left.i
            j = k + 1
            right = by_start.get(j)
            if country is None and right is not None and right.adjective is not None:
                country, j = right.adjective, right.j  # "ministère russe de la Défense"
            if j >= len(tokens) or tokens[j].key not in OF_WORDS:
                continue
            j += 1
            words: list[int] = []
            while j < len(tokens) and len(words) < 8:
                t = tokens[j]
                if j in by_start and by_start[j].hits[0].actor.kind == "state":
                    break
                if _capitalised(t.text) and t.text.replace("-", "").isalpha():
                    words.append(j)
                elif words and t.key in PORTFOLIO_JOINERS and j + 1 < len(tokens):
                    pass
                elif not words and t.key in self.determiners | {"la", "l'", "le", "the"}:
                    pass
                else:
                    break
                j += 1
            if not words:
                continue
            end_tok = words[-1] + 1
            portfolio = self.text[tokens[words[0]].start : tokens[words[-1]].end]
            if end_tok + 1 < len(tokens) and tokens[end_tok].key in OF_WORDS and country is None:
                target = by_start.get(end_tok + 1)
                state = (
                    next((h.actor for h in target.hits if h.actor.kind == "state"), None) if target else None
                )
                if state is not None and target is not None:
                    country, end_tok = state, target.j
            if start_tok > 0 and tokens[start_tok - 1].key in self.determiners:
                start_tok -= 1
            name = f"Ministry of {portfolio}" + (f" ({country.name})" if country else "")
            ref = NewActor(
                f"ministry:{fold(name)}", name, "organization", country.country if country else None, "GOV"
            )
            found.append(Found(tokens[start_tok].start, tokens[end_tok - 1].end, ref, "name"))
        return found

    def _person_by_surname(self, surname: str, initial: str) -> KBActor | None:
        """A curated person with this surname (or the first part of a double one) and this first initial."""
        for variant in dict.fromkeys([surname, surname.split("-")[0], surname.split()[-1]]):
            for hit in self.kb.aliases.get(fold(variant), []):
                actor = hit.actor
                if actor.kind == "person" and actor.curated and fold(actor.name[:1]) == fold(initial):
                    return actor
        return None

    def _chamber_follows(self, tokens: list[Token], k: int, gaz_at: dict[int, GazMatch]) -> bool:
        """True for "voorzitter (van de) Tweede Kamer": a parliament follows the role noun."""
        if k < len(tokens) and tokens[k].key in OF_WORDS:
            k += 1
        if k < len(tokens) and tokens[k].key in self.determiners:
            k += 1
        g = gaz_at.get(k)
        return (
            g is not None
            and g.i >= k - 1
            and any(h.actor.sector == "LEG" and h.actor.country for h in g.hits)
        )

    def _compose(
        self, tokens: list[Token], gaz: list[GazMatch], roles: list[RoleMatch], initials: list[Found]
    ) -> tuple[list[Found], set[int]]:
        """Role nouns with their adjectives, determiners and names (see the module docstring)."""
        by_start = {g.i: g for g in gaz}
        by_end = {g.j: g for g in gaz}
        initial_at = {f.start: f for f in initials}
        found: list[Found] = list(initials)
        consumed: set[int] = set()
        for role in roles:
            consumed_before = set(consumed)  # restored when this role noun yields no mention
            start_tok, end_tok = role.i, role.j
            country: KBActor | None = None
            org_where: str | None = None
            past = False
            left = by_end.get(start_tok)
            if left is not None and left.adjective is not None and id(left) not in consumed:
                country = left.adjective
                start_tok = left.i
                consumed.add(id(left))
            # "de voormalige Russische president", "the former president"
            if start_tok > 0 and tokens[start_tok - 1].key in PAST_WORDS:
                past = True
                start_tok -= 1
            has_det = start_tok > 0 and tokens[start_tok - 1].key in self.determiners
            det_tok = start_tok - 1 if has_det else start_tok
            # "le président russe"
            right = by_start.get(end_tok)
            if country is None and right is not None and right.adjective is not None:
                country = right.adjective
                consumed.add(id(right))
                end_tok = right.j
                right = by_start.get(end_tok)
            # "the President of Russia", "secretaris-generaal van de NAVO"
            if end_tok < len(tokens) and tokens[end_tok].key in OF_WORDS:
                k = end_tok + 1
                target = by_start.get(k)
                if target is None and k < len(tokens) and tokens[k].key in self.determiners:
                    k += 1
                    target = by_start.get(k)
                if target is not None and id(target) not in consumed:
                    state = next((h.actor for h in target.hits if h.actor.kind == "state"), None)
                    org = next((h.actor for h in target.hits if h.actor.name in ORG_OFFICE_KEYS), None)
                    if (
                        role.offices == ("SPEAKER",)
                        and org is None
                        and any(h.actor.sector == "LEG" and h.actor.country for h in target.hits)
                    ):
                        # "de Voorzitter van de Tweede Kamer": the Speaker; the chamber stays its own mention
                        leg = next(
                            h.actor for h in target.hits if h.actor.sector == "LEG" and h.actor.country
                        )
                        country = self.kb.states.get(leg.country or "")
                    elif state is not None and country is None and role.offices:
                        country, end_tok = state, target.j
                        consumed.add(id(target))
                    elif org is not None and role.offices:
                        org_where, end_tok = ORG_OFFICE_KEYS[org.name], target.j
                        consumed.add(id(target))
                        if org.name in ORG_PRESIDENT and "PRES" in role.offices:
                            role = RoleMatch(
                                role.i, role.j, role.start, role.end, (ORG_PRESIDENT[org.name],), "IGO"
                            )
                    right = by_start.get(end_tok)
            # "NAVO-secretaris-generaal": handled by the partial match on the left
            if left is not None and left.j == role.i and country is None and id(left) not in consumed:
                org = next((h.actor for h in left.hits if h.actor.name in ORG_OFFICE_KEYS), None)
                if org is not None and role.offices:
                    org_where = ORG_OFFICE_KEYS[org.name]
            role_span = (role.start, role.end)
            start = tokens[start_tok].start
            # ", W.B. Hoekstra" / "de heer M. Bosma": a name with initials right after the description
            after = end_tok + 1 if end_tok < len(tokens) and tokens[end_tok].text == "," else end_tok
            if after < len(tokens) and tokens[after].key in TITLES:
                after += 2 if after + 1 < len(tokens) and tokens[after + 1].text == "." else 1
            named = initial_at.get(tokens[after].start) if after < len(tokens) else None
            if named is None and after < len(tokens):
                named = next((f for f in initials if f.start <= tokens[after].start < f.end), None)
            if named is not None and (role.offices or role.sector):
                found.remove(named)
                ref = named.ref
                if isinstance(ref, NewActor):  # the description tells where an unknown person belongs
                    ref = NewActor(
                        ref.key,
                        ref.name,
                        ref.kind,
                        country.country if country else ref.country,
                        role.sector or ref.sector,
                    )
                found.append(Found(start, named.end, ref, "name", role_span))
                continue
            if end_tok < len(tokens) and "\n" in self.text[role.end : tokens[end_tok].start]:
                right = None
            if role.offices == ("SPEAKER",) and right is not None and right.i == end_tok:
                chamber = next(
                    (h.actor for h in right.hits if h.actor.sector == "LEG" and h.actor.country), None
                )
                if chamber is not None:  # "voorzitter Tweede Kamer (Bosma)": the chamber is not the name
                    country = self.kb.states.get(chamber.country or "")
                    consumed.add(id(right))
                    end_tok = right.j
                    right = by_start.get(end_tok)
            # A name follows: "president Poetin", "de Amerikaanse gezant Steve Witkoff".
            if end_tok < len(tokens) and right is not None and right.i == end_tok and right.adjective is None:
                person = self._best(
                    right.hits, prefer_kind="person", context=None, surface=self.text[right.start : right.end]
                )
                if person is not None and person.kind in ("person", "organization", "media"):
                    found.append(Found(start, right.end, person, "name", role_span))
                    consumed.add(id(right))
                    continue
            name_end = self._unknown_name(tokens, end_tok, by_start)
            if name_end is not None:
                surface = self.text[tokens[end_tok].start : tokens[name_end - 1].end]
                ref = NewActor(
                    f"new:{fold(surface)}",
                    surface,
                    "person",
                    country.country if country else None,
                    role.sector,
                )
                for g in gaz:
                    if end_tok <= g.i < name_end:
                        consumed.add(id(g))
                found.append(Found(start, tokens[name_end - 1].end, ref, "name", role_span))
                continue
            titled = _capitalised(tokens[role.i].text) and not tokens[role.i].text.isupper()
            if (
                end_tok + 1 < len(tokens)
                and tokens[end_tok].key in OF_WORDS
                and _capitalised(tokens[end_tok + 1].text)
                and end_tok + 1 not in by_start
            ):
                titled = has_det = False  # "Secretary of Agriculture": another office than ours
            if (
                past
                or not (role.offices or role.counterpart)
                or not (has_det or country is not None or org_where is not None or titled)
            ):
                consumed.intersection_update(consumed_before)  # "de Russische minister": Russia stays
                continue
            end = tokens[end_tok - 1].end
            desc_start = tokens[det_tok].start
            found.append(Found(desc_start, end, _Pending(role, country, org_where), "description", role_span))
        return found, consumed

    def _unknown_name(self, tokens: list[Token], k: int, by_start: dict[int, GazMatch]) -> int | None:
        """End token of a capitalised name that starts at token k and is not in the knowledge base."""
        end = k
        if k < len(tokens) and k > 0 and "\n" in self.text[tokens[k - 1].end : tokens[k].start]:
            return None
        while end < len(tokens) and end - k < 5:
            tok = tokens[end]
            if tok.text.isupper() and len(tok.text) > 1:
                break
            if _capitalised(tok.text) and tok.text.isalpha() or (_capitalised(tok.text) and "-" in tok.text):
                if tok.key in self.office_nouns or tok.key in self.role_nouns or tok.key in self.determiners:
                    break
                if end in by_start and by_start[end].adjective is not None:
                    break
                end += 1
            elif (
                tok.key in NAME_PARTICLES
                and end > k
                and end + 1 < len(tokens)
                and _capitalised(tokens[end + 1].text)
            ):
                end += 1
            elif tok.text == "." and end == k + 1 and len(tokens[k].text) == 1:
                end += 1  # an initial: "J. Smith"
            else:
                break
        if end == k or (end - k == 1 and self.sentence_of[k] != self.sentence_of[k - 1]):
            return None
        if "\n" in self.text[tokens[k].start : tokens[end - 1].end]:
            return None
        return end

    # ---------------------------------------------------------------------------------------- groups
    def _groups(self, tokens: list[Token], gaz: list[GazMatch], consumed: set[int]) -> list[Found]:
        """Country adjective + collective noun ("Oekraïense soldaten", "U.S. citizens", "rebelles syriens");
        "de Russische regering" is the state itself."""
        found = []
        by_start = {g.i: g for g in gaz}
        for g in gaz:
            if id(g) in consumed:
                continue
            state = g.adjective
            if state is None and self.lang == "en":
                state = next(
                    (h.actor for h in g.hits if h.actor.kind == "state" and not h.flags & (CAPITAL | SEAT)),
                    None,
                )
            partner = self._coordinated_adjective(tokens, g, by_start, consumed)
            if partner is not None and state is not None:
                # "Ukrainian and Russian delegations": the first state gets its adjective, the second
                # the whole phrase
                second, noun_tok = partner
                consumed.add(id(g))
                consumed.add(id(second))
                found.append(Found(g.start, g.end, state, "description"))
                assert second.adjective is not None
                found.append(self._group(tokens, noun_tok, second.i, noun_tok + 1, second.adjective))
                continue
            if state is not None and g.j < len(tokens) and tokens[g.j].key in self.group_nouns:
                noun_tok, start_tok, end_tok = g.j, g.i, g.j + 1
            elif g.adjective is not None and g.i > 0 and tokens[g.i - 1].key in self.group_nouns:
                noun_tok, start_tok, end_tok = g.i - 1, g.i - 1, g.j  # "le gouvernement américain"
                state = g.adjective
            else:
                continue
            assert state is not None
            if start_tok > 0 and tokens[start_tok - 1].key in self.determiners:
                start_tok -= 1
            consumed.add(id(g))
            found.append(self._group(tokens, noun_tok, start_tok, end_tok, state))
        # "de regering", "le gouvernement" with no country: the most salient state (resolved later)
        for k, tok in enumerate(tokens):
            entry = self.group_nouns.get(tok.key)
            if entry is None or not entry[2] or k == 0 or tokens[k - 1].key not in self.determiners:
                continue
            if k in by_start or any(f.start <= tok.start < f.end for f in found):
                continue
            if k + 1 < len(tokens) and (k + 1 in by_start or tokens[k + 1].key in OF_WORDS):
                continue  # "the government of X", "le gouvernement Papadimos": left to other rules
            role = RoleMatch(k, k + 1, tok.start, tok.end, ("STATE",), "GOV")
            found.append(Found(tokens[k - 1].start, tok.end, _Pending(role, None, None), "description"))
        return found

    def _coordinated_adjective(
        self, tokens: list[Token], g: GazMatch, by_start: dict[int, GazMatch], consumed: set[int]
    ) -> tuple[GazMatch, int] | None:
        if g.adjective is None or g.j + 2 >= len(tokens) or tokens[g.j].key not in CONJUNCTIONS:
            return None
        second = by_start.get(g.j + 1)
        if second is None or second.adjective is None or id(second) in consumed or second.j >= len(tokens):
            return None
        if tokens[second.j].key not in self.group_nouns:
            return None
        return second, second.j

    def _group(
        self, tokens: list[Token], noun_tok: int, start_tok: int, end_tok: int, state: KBActor
    ) -> Found:
        english, sector, is_state, institution = self.group_nouns[tokens[noun_tok].key]
        start, end = tokens[start_tok].start, tokens[end_tok - 1].end
        if is_state:
            return Found(start, end, state, "description")
        if institution:
            military = self.kb.militaries.get(state.country or "")
            if military is not None:
                return Found(start, end, military, "description")
            name = f"{state.adjective or state.name} {english}"
            return Found(
                start,
                end,
                NewActor(f"mil:{state.country}", name, "organization", state.country, sector),
                "description",
            )
        name = f"{state.adjective or state.name} {english}"
        if self.lang == "en":  # English text names the group itself: "U.S. citizens", "Ukrainian servicemen"
            english = tokens[noun_tok].text.lower()
            first = start_tok + 1 if tokens[start_tok].key in self.determiners else start_tok
            name = self.text[tokens[first].start : end]
            name = name[:1].upper() + name[1:]
        return Found(
            start,
            end,
            NewActor(f"group:{state.country}:{english}", name, "group", state.country, sector),
            "description",
        )

    # ---------------------------------------------------------------------------------------- NER
    def _entities(
        self, entities: list[tuple[int, int, str]], gaz: list[GazMatch], found: list[Found]
    ) -> list[Found]:
        taken = [(g.start, g.end) for g in gaz] + [(f.start, f.end) for f in found]
        out = []
        for start, end, label in entities:
            if any(s < end and start < e for s, e in taken):
                continue
            surface = self.text[start:end].strip()
            if not surface or not surface[:1].isupper():
                continue
            if label in ("PER", "PERSON"):
                kind = "person"
            elif label in ("ORG", "NORP_ORG"):
                kind = "organization"
            else:
                continue
            country, sector = self._context_role(start)
            out.append(
                Found(start, end, NewActor(f"new:{fold(surface)}", surface, kind, country, sector), "ner")
            )
        return out

    def _context_role(self, start: int) -> tuple[str | None, str | None]:
        """Country and sector from the words just before an entity ("de Russische oppositieleider X")."""
        before = [t for t in self.tokens if start - 60 <= t.end <= start][-4:]
        country = sector = None
        for tok in before:
            if tok.key in self.role_nouns:
                sector = self.role_nouns[tok.key]
            elif tok.key in self.office_nouns:
                sector = self.office_nouns[tok.key].sector
            else:
                for hit in self.kb.aliases.get(tok.key, []):
                    if hit.flags & ADJ and hit.actor.kind == "state":
                        country = hit.actor.country
                        break
        return country, sector

    # ---------------------------------------------------------------------------------------- ranking
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

    def _holder(self, pending: _Pending, context: Context) -> KBActor | None:
        role = pending.role
        codes = role.offices
        if codes == ("STATE",):
            return self._salient_state(context)
        if role.counterpart:
            anchor = self._anchor_office(context)
            codes = (anchor,) if anchor else ("PRES", "HOG")
        if pending.org_where:
            return self.kb.holder_of_any(codes, pending.org_where, self.date)
        if pending.country is not None and pending.country.country:
            return self.kb.holder_of_any(codes, pending.country.country, self.date)
        # A bare "de president": the most recent person in the article who holds that office.
        for _offset, ref in reversed(context.history):
            if isinstance(ref, KBActor) and ref.kind == "person":
                held = {code for code, _where in ref.offices_on(self.date)}
                if held & set(codes):
                    return ref
        # ... else, in Dutch (where an unqualified "de minister van Defensie" is the Dutch one), the home
        # country; else the holder in the most mentioned state; else the home country.
        home = LANG_HOME.get(self.lang)
        if home and self.lang in HOME_FIRST_LANGS:
            holder = self.kb.holder_of_any(codes, home, self.date)
            if holder is not None:
                return holder
        counts: dict[str, int] = {}
        for _offset, ref in context.history:
            if isinstance(ref, KBActor) and ref.kind == "state" and ref.country:
                counts[ref.country] = counts.get(ref.country, 0) + 1
        for country in sorted(counts, key=lambda c: -counts[c]):
            holder = self.kb.holder_of_any(codes, country, self.date)
            if holder is not None:
                return holder
        if home and set(codes) & {"MONARCH", "HOG", "SPEAKER", "CABINET"}:
            return self.kb.holder_of_any(codes, home, self.date)
        return None

    def _salient_state(self, context: Context) -> KBActor | None:
        counts: dict[str, int] = {}
        last: dict[str, int] = {}
        for n, (_offset, ref) in enumerate(context.history):
            if isinstance(ref, KBActor) and ref.kind == "state":
                counts[ref.key] = counts.get(ref.key, 0) + 1
                last[ref.key] = n
        if not counts:
            return None
        best = max(counts, key=lambda k: (counts[k], last[k]))
        return self.kb.by_key[best]

    def _anchor_office(self, context: Context) -> str | None:
        for _offset, ref in reversed(context.history[-6:]):
            if isinstance(ref, KBActor) and ref.kind == "person":
                held = ref.offices_on(self.date)
                if held:
                    return held[0][0]
        return None

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
        covered_tokens: set[int] = set()
        spans = [(g.start, g.end) for g in pending] + [(f.start, f.end) for f in found + ner]
        tok_index = {t.start: k for k, t in enumerate(tokens)}
        for k, tok in enumerate(tokens):
            if any(s <= tok.start and tok.end <= e for s, e in spans):
                covered_tokens.add(k)
        for k, tok in enumerate(tokens):
            if k in covered_tokens:
                continue
            if tok.key in self.person_pronouns or tok.key in self.we_pronouns or _capitalised(tok.text):
                items.append((tok.start, 2, tok))
        items.sort(key=lambda x: (x[0], x[1]))
        quotes = _quote_spans(self.text)
        out: list[Found] = []
        for _start, _order, item in items:
            if isinstance(item, Found):
                if isinstance(item.ref, _Pending):
                    holder = self._holder(item.ref, context)
                    if holder is None:
                        continue
                    item = Found(item.start, item.end, holder, item.how, item.role_span)
                out.append(item)
                context.add(
                    item.start, item.ref, self.text[item.start : item.end], item.how in ("name", "ner")
                )
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
                    if resolved.how != "pronoun":
                        context.add(resolved.start, resolved.ref, item.text, False)
        return out

    def _resolve_gaz(self, g: GazMatch, tokens: list[Token], context: Context) -> Found | None:
        surface = self.text[g.start : g.end]
        # A surname already bound in this article wins over the knowledge base ("Kok" after "Wim Kok").
        if g.j - g.i == 1 and fold(surface) in context.surnames:
            return Found(g.start, g.end, context.surnames[fold(surface)], "alias")
        hits = g.hits
        locative = self._locative_before(g.i, tokens)
        if locative:
            hits = [h for h in hits if not h.flags & (CAPITAL | SEAT)]
        if g.j - g.i == 1 and self._inside_longer_name(g.i, tokens):
            # "Ahmed" in "Ahmed al-Assadi": a surname or first name that is part of an unknown longer name
            hits = [h for h in hits if not h.flags & (SURNAME | WEAK)]
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

    def _locative_before(self, i: int, tokens: list[Token]) -> bool:
        k = i - 1
        if k >= 0 and tokens[k].key in self.determiners:
            k -= 1
        return k >= 0 and tokens[k].key in self.locatives

    def _resolve_token(
        self, tok: Token, k: int, context: Context, quotes: list[tuple[int, int]]
    ) -> Found | None:
        if _capitalised(tok.text) and tok.key in context.surnames and tok.key not in self.person_pronouns:
            return Found(tok.start, tok.end, context.surnames[tok.key], "alias")
        if tok.key in self.person_pronouns:
            if (
                self.lang == "de"
                and tok.key == "sie"
                and _capitalised(tok.text)
                and k > 0
                and self.sentence_of[k] == self.sentence_of[k - 1]
            ):
                return None  # "Sie" inside a sentence is the polite "you"
            sentence = self.sentence_of[k]
            for offset, ref in reversed(context.history):
                if ref.kind != "person":
                    continue
                ref_tok = self._token_at(offset)
                if ref_tok is None or sentence - self.sentence_of[ref_tok] > PRONOUN_WINDOW_SENTENCES:
                    return None
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

    def _token_at(self, offset: int) -> int | None:
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tokens[mid].end <= offset:
                lo = mid + 1
            else:
                hi = mid
        return lo if lo < len(self.tokens) else None


@dataclass(slots=True)
class _Pending:
    """A description whose holder is looked up in the sequential pass (it may depend on salience)."""

    role: RoleMatch
    country: KBActor | None
    org_where: str | None

    @property
    def key(self) -> str:
        return "pending"

    @property
    def kind(self) -> str:
        return "pending"


def _quote_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    i = 0
    while i < len(text):
        ch = text[i]
        closers = QUOTE_PAIRS.get(ch)
        if closers is not None and not (ch in "‘'" and i > 0 and text[i - 1].isalpha()):
            ends = [j for j in (text.find(c, i + 1) for c in closers) if j != -1]
            j = min(ends) if ends else -1
            if j != -1 and j - i < 2000:
                spans.append((i, j + 1))
                i = j + 1
                continue
        i += 1
    return spans


def clean_mentions(found: list[Found]) -> list[Found]:
    """Drop nested and overlapping mentions (the longer one wins), and adjectives of actors that have a
    better mention."""
    found = sorted(found, key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Found] = []
    for f in found:
        if kept and f.start < kept[-1].end:
            continue
        kept.append(f)
    better = {f.ref.key for f in kept if f.how != "adjective"}
    return [f for f in kept if f.how != "adjective" or f.ref.key not in better]


def describe_phrase(
    kb: ActorKB, phrase: str, *, date: dt.date | None = None, lang: str | None = None
) -> list[KBActor]:
    """Actors that a short phrase ("de Russische president", "le président russe") refers to."""
    langs = [lang] if lang else ["nl", "en", "de", "fr"]
    out: list[KBActor] = []
    for code in langs:
        resolver = Resolver(kb, code, date, first_person_plural=False)
        for f in clean_mentions(resolver.resolve(phrase)):
            if isinstance(f.ref, KBActor) and f.ref not in out and f.how != "adjective":
                out.append(f.ref)
    return out
