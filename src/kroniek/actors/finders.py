"""Finders for actors that are not plain knowledge-base names: names written with initials, unknown persons
with a known given name, ministries, unknown names after role nouns, country adjectives with collective nouns,
and entities from the nlp layer. Mixed into kroniek.actors.resolve.Resolver."""

from __future__ import annotations

import bisect

from kroniek.actors.kb import ADJ, CAPITAL, SEAT, ActorKB, GroupNoun, KBActor, OfficeNoun
from kroniek.actors.lexicon import (
    BARE_STATE_NOUNS,
    CONJUNCTIONS,
    DEFINITE,
    DEFINITE_STATE_NAMES,
    EMBASSY_CITY_WORDS,
    EMBASSY_NOUNS,
    HONORIFICS,
    HONORIFICS_CAPITALISED_ONLY,
    INDEFINITE,
    INITIAL_RE,
    MINISTRY_NOUNS,
    MONTHS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NOT_NAME_WORDS,
    OF_WORDS,
    OF_WORDS_ARTICLES,
    ORG_HEAD_WORDS,
    PLACE_WORDS,
    PORTFOLIO_CONTINUATIONS,
    PORTFOLIO_JOINERS,
    POSSESSIVE_FORCES,
    STATE_EMBASSY_LANGS,
    STATE_MINISTRY_PORTFOLIOS,
    TITLES,
    Found,
    GazMatch,
    NewActor,
    Pending,
    Ref,
    RoleMatch,
    capitalised,
)
from kroniek.lang.text import QUOTE_PAIRS, Token, fold

# Quotation marks round a single-word organisation name ("Zeitung „Tagesblatt“").
QUOTE_OPENERS = set(QUOTE_PAIRS)
QUOTE_CLOSERS = {c for closers in QUOTE_PAIRS.values() for c in closers}
POSSESSIVE_MARKS = {"'s", "’s"}
# group nouns whose actor is a state's institution, which each state of a coordination has ("Thai and
# Cambodian troops": the armed forces of both)
FORCE_INSTITUTIONS = ("military", "army")
# a tag after "Mali's military" that makes it a modifier ("Mali's military government")
MODIFIED_TAGS = ("NOUN", "PROPN")


class Finders:
    """Needs the attributes the Resolver sets: kb, lang, text, tokens, sentence_of and the role tables."""

    kb: ActorKB
    lang: str
    text: str
    tokens: list[Token]
    sentence_of: list[int]
    pos: dict[int, str] | None
    office_nouns: dict[str, OfficeNoun]
    role_nouns: dict[str, str | None]
    determiners: set[str]
    group_nouns: dict[str, GroupNoun]

    def _initial_names(self, tokens: list[Token], gaz: list[GazMatch]) -> list[Found]:
        """Names written with initials, as in Dutch official texts: "drs. M.L.J. Paul", "R. Tieman"."""
        found: list[Found] = []
        k = 0
        while k < len(tokens):
            tok = tokens[k]
            initials_end = None
            if INITIAL_RE.fullmatch(tok.text) and not any(
                h.actor.kind != "person" for h in self.kb.aliases.get(tok.key, [])
            ):  # "U.S." is a country, not initials
                initials_end = k + 1
            elif len(tok.text) == 1 and tok.text.isupper() and k + 1 < len(tokens) and tokens[k + 1].text == ".":
                initials_end = k + 2
            if initials_end is None or initials_end >= len(tokens):
                k += 1
                continue
            if initials_end < len(tokens) and (
                tokens[initials_end].key in self.office_nouns or tokens[initials_end].key in self.role_nouns
            ):
                k += 1  # "J. President" is not a name
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
                if j < len(tokens) and capitalised(tokens[j].text) and tokens[j].text.isalpha():
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

    def _honorific_names(self, tokens: list[Token], gaz: list[GazMatch]) -> list[Found]:
        """Surnames after a form of address ("de heer Gladstone", "Mr. Seward", "Herrn Van der Berg", "Mme
        Colonna"): a person, even where the knowledge base holds the surname only as part of a full name. The
        one curated person with that surname, else a new person named by the surname, which the sequential
        pass binds to the person the article named with it before (a "new:" key is not a known actor)."""
        found: list[Found] = []
        known_persons = {
            k for g in gaz if g.j - g.i > 1 and any(h.actor.kind == "person" for h in g.hits) for k in range(g.i, g.j)
        }
        for k, tok in enumerate(tokens[:-1]):
            if tok.key not in HONORIFICS or (not capitalised(tok.text) and tok.key in HONORIFICS_CAPITALISED_ONLY):
                continue
            j = k + 1
            if tokens[j].text == "." and j + 1 < len(tokens):
                j += 1
            first = j
            while j < len(tokens) and tokens[j].key in NAME_PARTICLES and j - first < 3:
                j += 1
            if self.lang == "de" and tokens[first].key in ("der", "den"):
                continue  # "Herr der Lage": a German article before a noun, no name particle
            end = j
            while end < len(tokens) and end - j < 2 and self._surname_word(tokens[end]):
                end += 1
            if end == j or any(n in known_persons for n in range(first, end)):
                continue  # no surname, or a full name the gazetteer reads ("Mr Keir Starmer")
            if end - j > 1 and first == j and self.kb.is_given_name(tokens[j].key):
                continue  # "Mr John Testlaan": a given name and a surname, which _first_name_persons reads
            if "\n" in self.text[tok.start : tokens[end - 1].end]:
                continue
            surname = self.text[tokens[first].start : tokens[end - 1].end]
            ref: Ref | None = self._one_person_by_surname(surname)
            if ref is None:
                ref = NewActor(f"new:{fold(surname)}", surname, "person", None, None)
            found.append(Found(tok.start, tokens[end - 1].end, ref, "alias"))
        return found

    def _surname_word(self, tok: Token) -> bool:
        return (
            capitalised(tok.text)
            and tok.text.replace("-", "").replace("'", "").isalpha()
            and not tok.text.isupper()
            and not self._not_a_name(tok)
        )

    def _one_person_by_surname(self, surname: str) -> KBActor | None:
        """The one curated person whose name ends in this surname, else None (none, or several)."""
        last = fold(surname.split()[-1])
        persons = {
            hit.actor.key: hit.actor
            for hit in self.kb.aliases.get(last, [])
            if hit.actor.kind == "person" and hit.actor.curated and fold(hit.actor.name.split()[-1]) == last
        }
        return next(iter(persons.values())) if len(persons) == 1 else None

    def _first_name_persons(self, tokens: list[Token], gaz: list[GazMatch], roles: list[RoleMatch]) -> list[Found]:
        """Unknown persons from a known given name and a capitalised surname ("Ahmed al-Assadi")."""
        long_gaz = {k for g in gaz if g.j - g.i > 1 for k in range(g.i, g.j)}
        in_role = {k for r in roles for k in range(r.i, r.j)}
        found = []
        k = 0
        while k < len(tokens) - 1:
            tok = tokens[k]
            if not self.kb.is_given_name(tok.key) or not capitalised(tok.text) or k in long_gaz or k in in_role:
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
                if (word[:1].isupper() and word.replace("-", "").replace("'", "").isalpha() and not word.isupper()) or (
                    word[:3] in ("al-", "el-") and len(word) > 4
                ):
                    end += 1
                elif tokens[end].key in NAME_PARTICLES:
                    # "Jan van der Berg": a run of particles before a capitalised surname
                    after = end + 1
                    while after < len(tokens) and after - end < 3 and tokens[after].key in NAME_PARTICLES:
                        after += 1
                    if (
                        after >= len(tokens)
                        or not capitalised(tokens[after].text)
                        or "\n" in self.text[tokens[end].start : tokens[after].start]
                    ):
                        break
                    end = after
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
        return prev.key in self.office_nouns or prev.key in self.role_nouns or capitalised(prev.text)

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
                if capitalised(t.text) and t.text.replace("-", "").isalpha():
                    words.append(j)
                elif words and t.key in PORTFOLIO_CONTINUATIONS.get(tokens[words[-1]].key, ()):
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
                state = next((h.actor for h in target.hits if h.actor.kind == "state"), None) if target else None
                if state is not None and target is not None:
                    country, end_tok = state, target.j
            if start_tok > 0 and tokens[start_tok - 1].key in self.determiners:
                start_tok -= 1
            if country is not None and fold(portfolio).endswith(STATE_MINISTRY_PORTFOLIOS.get(self.lang, ())):
                # "le ministère russe de la Défense": the state speaks (words.toml state_ministry_portfolios)
                found.append(Found(tokens[start_tok].start, tokens[end_tok - 1].end, country, "description"))
                continue
            name = f"Ministry of {portfolio}" + (f" ({country.name})" if country else "")
            ref = NewActor(f"ministry:{fold(name)}", name, "organization", country.country if country else None, "GOV")
            found.append(Found(tokens[start_tok].start, tokens[end_tok - 1].end, ref, "name"))
        return found

    def _embassies(self, tokens: list[Token], gaz: list[GazMatch]) -> list[Found]:
        """Embassies: a state (name or adjective) before or after an embassy noun, or "van/of/de" + state
        after it, and a capital after "in": "the U.S. Embassy in Baghdad", "de Russische ambassade",
        "l'ambassade équatorienne" -> "Embassy of the United States, Baghdad", organisation, GOV."""
        by_end = {g.j: g for g in gaz}
        by_start = {g.i: g for g in gaz}
        found = []
        for k, tok in enumerate(tokens):
            if tok.key not in EMBASSY_NOUNS:
                continue
            start_tok, end_tok, state = k, k + 1, None
            left = by_end.get(k)
            if left is not None:
                state = _state_of(left)
                if state is not None:
                    start_tok = left.i
            right = by_start.get(k + 1)
            if state is None and right is not None and right.adjective is not None:
                state, end_tok = right.adjective, right.j  # "l'ambassade équatorienne"
            if state is None and k + 2 < len(tokens) and tokens[k + 1].key in OF_WORDS | {"du", "des"}:
                j = k + 2
                if tokens[j].key in self.determiners and j + 1 < len(tokens):
                    j += 1
                target = by_start.get(j)
                state = _state_of(target) if target is not None else None
                if state is not None and target is not None:
                    end_tok = target.j
            if state is None:
                continue
            city = None
            if end_tok + 1 < len(tokens) and tokens[end_tok].key in EMBASSY_CITY_WORDS:
                place = by_start.get(end_tok + 1)
                if place is not None and any(h.flags & (CAPITAL | SEAT) for h in place.hits):
                    city, end_tok = self.text[place.start : place.end], place.j
            if start_tok > 0 and tokens[start_tok - 1].key in self.determiners:
                start_tok -= 1
            if self.lang in STATE_EMBASSY_LANGS:  # "l'ambassade de Russie": the state (words.toml)
                found.append(Found(tokens[start_tok].start, tokens[end_tok - 1].end, state, "description"))
                continue
            article = "the " if state.name in DEFINITE_STATE_NAMES else ""
            name = f"Embassy of {article}{state.name}" + (f", {city}" if city else "")
            ref = NewActor(f"embassy:{state.country}", name, "organization", state.country, "GOV")
            found.append(Found(tokens[start_tok].start, tokens[end_tok - 1].end, ref, "name"))
        # one embassy per state in an article, named with its city when any mention gives one
        named = {f.ref.key: f.ref for f in found if isinstance(f.ref, NewActor) and "," in f.ref.name}
        return [Found(f.start, f.end, named.get(f.ref.key, f.ref), f.how) for f in found]

    def _person_by_surname(self, surname: str, initial: str) -> KBActor | None:
        """A curated person with this surname (or the first part of a double one) and this first initial."""
        for variant in dict.fromkeys([surname, surname.split("-")[0], surname.split()[-1]]):
            for hit in self.kb.aliases.get(fold(variant), []):
                actor = hit.actor
                if actor.kind == "person" and actor.curated and fold(actor.name[:1]) == fold(initial):
                    return actor
        return None

    def _article_surname(self, word: str) -> bool:
        """Whether a word is a surname after an Arabic article ("al-Shaibani", "el-Baradei")."""
        head, dash, rest = word.partition("-")
        return bool(dash) and fold(head + dash) in self.kb.surname_articles and capitalised(rest) and rest.isalpha()

    def _unknown_name(self, tokens: list[Token], k: int, by_start: dict[int, GazMatch]) -> int | None:
        """End token of a capitalised name that starts at token k and is not in the knowledge base."""
        end = k
        if k < len(tokens) and k > 0 and "\n" in self.text[tokens[k - 1].end : tokens[k].start]:
            return None
        while end < len(tokens) and end - k < 5:
            tok = tokens[end]
            if tok.text.isupper() and len(tok.text) > 1:
                break
            if capitalised(tok.text) and tok.text.isalpha() or (capitalised(tok.text) and "-" in tok.text):
                if tok.key in self.office_nouns or tok.key in self.role_nouns or tok.key in self.determiners:
                    break
                if end in by_start and by_start[end].adjective is not None:
                    break
                if end in by_start and any(
                    h.actor.kind == "state" or h.flags & (CAPITAL | SEAT) for h in by_start[end].hits
                ):
                    break  # "Embassy in Baghdad": a place, not a person's name
                if tok.key in ORG_HEAD_WORDS:
                    return None  # "Intelligence Directorate": an organisation, not a person
                end += 1
            elif tok.key in NAME_PARTICLES and end > k and end + 1 < len(tokens) and capitalised(tokens[end + 1].text):
                end += 1
            elif end > k and self._article_surname(tok.text):
                end += 1  # "Asaad al-Shaibani"
            elif tok.text == "." and end == k + 1 and len(tokens[k].text) == 1:
                end += 1  # an initial: "J. Smith"
            else:
                break
        if end == k or (end - k == 1 and self.sentence_of[k] != self.sentence_of[k - 1]):
            return None
        if "\n" in self.text[tokens[k].start : tokens[end - 1].end]:
            return None
        return end

    def _groups(self, tokens: list[Token], gaz: list[GazMatch], consumed: set[int]) -> list[Found]:
        """Country adjective + collective noun ("Oekraïense soldaten", "U.S. citizens", "rebelles syriens");
        "de Russische regering" is the state itself. Then the group nouns without an adjective
        (``_bare_groups``)."""
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
                entry = self.group_nouns[tokens[noun_tok].key]
                # "Thai and Cambodian troops": the forces of both (round 9: the gold names each state's)
                first: KBActor | NewActor = state
                if entry.institution in FORCE_INSTITUTIONS:
                    first = self.group_actor(entry, tokens[noun_tok].text, state)
                found.append(Found(g.start, g.end, first, "description"))
                assert second.adjective is not None
                found.append(self._group(tokens, noun_tok, second.i, noun_tok + 1, second.adjective))
                continue
            if state is not None and g.j < len(tokens) and tokens[g.j].key in self.group_nouns:
                noun_tok, start_tok, end_tok = g.j, g.i, g.j + 1
            elif g.adjective is not None and g.i > 0 and tokens[g.i - 1].key in self.group_nouns:
                noun_tok, start_tok, end_tok = g.i - 1, g.i - 1, g.j  # "le gouvernement américain"
                state = g.adjective
            elif state is not None and (force_end := self._possessive_force(tokens, g)) is not None:
                noun_tok, start_tok, end_tok = force_end - 1, g.i, force_end  # "Sudan's armed forces"
            else:
                continue
            assert state is not None
            if start_tok > 0 and tokens[start_tok - 1].key in self.determiners:
                start_tok -= 1
            consumed.add(id(g))
            found.append(self._group(tokens, noun_tok, start_tok, end_tok, state))
        return found + self._bare_groups(tokens, by_start, found)

    def _possessive_force(self, tokens: list[Token], g: GazMatch) -> int | None:
        """One past the last token of a state's armed forces named after its possessive ("Sudan's armed
        forces", "South Korea's military"; words.toml possessive_forces), unless a noun follows that they
        modify ("Mali's military government", "Sudan's army chief"): the gold names the forces, not the state."""
        k = g.j + 1
        if g.adjective is not None or k >= len(tokens) or tokens[g.j].text not in POSSESSIVE_MARKS:
            return None
        for phrase in POSSESSIVE_FORCES.get(self.lang, ()):
            end = k + len(phrase)
            if tuple(t.key for t in tokens[k:end]) != phrase or tokens[end - 1].key not in self.group_nouns:
                continue
            if end < len(tokens) and self.pos is not None and self.pos.get(tokens[end].start) in MODIFIED_TAGS:
                return None
            return end
        return None

    def _bare_groups(self, tokens: list[Token], by_start: dict[int, GazMatch], found: list[Found]) -> list[Found]:
        """Group nouns with no country adjective. "de regering", "le gouvernement": the most salient state;
        "the protesters", "Tausende Demonstranten", "la police": a group (or the police) of the country
        named after "in" ("police in Athens"), else of the most salient state (resolved later)."""
        out = []
        of_words = OF_WORDS - OF_WORDS_ARTICLES.get(self.lang, set())
        for k, tok in enumerate(tokens):
            entry = self.group_nouns.get(tok.key)
            if entry is None or k in by_start or any(f.start <= tok.start < f.end for f in found):
                continue
            if k + 1 < len(tokens) and (k + 1 in by_start or self._of_a_name(tokens, k + 1, of_words, by_start)):
                continue  # "the government of X", "le gouvernement Papadimos": left to other rules
            definite = k > 0 and tokens[k - 1].key in DEFINITE
            start_tok = k - 1 if definite else k
            if entry.is_state:
                if definite and tok.key in BARE_STATE_NOUNS:
                    role = RoleMatch(k, k + 1, tok.start, tok.end, ("STATE",), "GOV")
                    out.append(Found(tokens[k - 1].start, tok.end, Pending(role, None, None), "description"))
                continue
            if not entry.bare or (entry.definite_only and not definite):
                continue
            if not self._bare_group_noun(tokens, k, definite, entry.collective):
                continue
            start, end = tokens[start_tok].start, tok.end
            state = self._state_in_place(tokens, k + 1, by_start)
            if state is not None:
                out.append(Found(start, end, self.group_actor(entry, tok.text, state), "description"))
                continue
            role = RoleMatch(k, k + 1, tok.start, tok.end, ("GROUP", tok.key, tok.text), entry.sector)
            out.append(Found(start, end, Pending(role, None, None), "description"))
        return out

    def _of_a_name(self, tokens: list[Token], k: int, of_words: set[str], by_start: dict[int, GazMatch]) -> bool:
        """Whether token k opens an "of" phrase that names whose group it is ("of Bangladesh", "van de
        Verenigde Staten", "of Prime Minister Hasina"), not another argument of the verb ("accused the
        government of a massacre")."""
        if tokens[k].key not in of_words:
            return False
        j = k + 1
        if j < len(tokens) and tokens[j].key in DEFINITE and j not in by_start:
            j += 1
        if j >= len(tokens):
            return False
        return j in by_start or capitalised(tokens[j].text) or tokens[j].key in self.office_nouns

    def _bare_group_noun(self, tokens: list[Token], k: int, definite: bool, collective: bool) -> bool:
        """Whether group noun k, with no country adjective, names a group: plural (or a collective noun
        after a definite article, or the English bare "police"), lower case inside a sentence (a capital
        there opens a name: "National Police"), not somebody's ("their supporters", "zijn aanhangers"),
        and not the modifier of a role noun ("police chief", "opposition leader")."""
        tok = tokens[k]
        if k > 0 and not definite and tokens[k - 1].key in self.determiners:
            return False  # a possessive or an indefinite article: somebody's group, or one of many
        sentence_start = k == 0 or self.sentence_of[k] != self.sentence_of[k - 1] or not tokens[k - 1].text.isalnum()
        if capitalised(tok.text) and not sentence_start and not definite and self.lang != "de":
            return False  # German capitalises every noun
        if self.lang == "de" and not capitalised(tok.text):
            return False  # ... so a lower-case word is a verb or adjective form ("gefangene", "banden")
        if k + 1 < len(tokens):  # "police chief", "opposition leader": the noun modifies a role noun
            pair = fold(self.text[tok.start : tokens[k + 1].end])
            if any(key in self.role_nouns or key in self.office_nouns for key in (tokens[k + 1].key, pair)):
                return False
        plural = tok.key.endswith(("s", "n", "x", "e"))
        if collective:
            return definite or plural or self.lang == "en"
        return plural

    def _state_in_place(self, tokens: list[Token], k: int, by_start: dict[int, GazMatch]) -> KBActor | None:
        """The state of a place named after "in" at token k ("police in Athens", "betogers in Nairobi")."""
        if k + 1 >= len(tokens) or tokens[k].key not in PLACE_WORDS:
            return None
        place = by_start.get(k + 1)
        if place is None:
            return None
        return next((h.actor for h in place.hits if h.actor.kind == "state"), None)

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

    def _group(self, tokens: list[Token], noun_tok: int, start_tok: int, end_tok: int, state: KBActor) -> Found:
        entry = self.group_nouns[tokens[noun_tok].key]
        start, end = tokens[start_tok].start, tokens[end_tok - 1].end
        if entry.is_state:
            return Found(start, end, state, "description")
        name = None
        if self.lang == "en":  # English text names the group itself: "U.S. citizens", "Ukrainian servicemen"
            first = start_tok + 1 if tokens[start_tok].key in self.determiners else start_tok
            name = self.text[tokens[first].start : end]
        return Found(start, end, self.group_actor(entry, tokens[noun_tok].text, state, name), "description")

    def group_actor(self, entry: GroupNoun, noun: str, state: KBActor, name: str | None = None) -> KBActor | NewActor:
        """The actor that group noun ``noun`` of ``state`` stands for: the state's armed forces or police
        for an institution, else a group "<English adjective> <noun>" (``name`` when the text gives one)."""
        adjective = state.adjective or state.name
        if entry.institution in ("military", "army"):
            return self._armed_forces(entry, state)
        if entry.institution == "police":
            title = self.kb.roles.national_police.get(state.country or "")
            if title is not None:
                return NewActor(f"police:{state.country}", title, "organization", state.country, entry.sector)
            # Without a title the police is named as the text names it ("the Kyrgyz police"), and the gold
            # names it so as a group of its country as often as an organisation (round 8, train: "police",
            # "Kyrgyz police", "Bangladeshi police" as groups), so it is a group: the name still matches a
            # gold organisation of that name, and the head "police" a gold group of the same country.
            return NewActor(f"police:{state.country}", f"{adjective} police", "group", state.country, entry.sector)
        english = noun.lower() if self.lang == "en" else entry.english
        name = name or f"{adjective} {english}"
        name = name[:1].upper() + name[1:]
        return NewActor(f"group:{state.country}:{english}", name, "group", state.country, entry.sector)

    def _armed_forces(self, entry: GroupNoun, state: KBActor) -> KBActor | NewActor:
        """The armed forces of ``state`` (its army for an army noun, where [national_army] names one) under
        their English Wikipedia title: the knowledge base's actor of that name when it has one."""
        country = state.country or ""
        roles = self.kb.roles
        title = (roles.national_army.get(country) if entry.institution == "army" else None) or (
            roles.national_armed_forces.get(country)
        )
        if title is None:
            military = self.kb.militaries.get(country)
            if military is not None:
                return military
            title = f"{state.adjective or state.name} {entry.english}"
        known = next((h.actor for h in self.kb.candidates(title) if h.actor.name == title), None)
        if known is not None and known.kind == "organization":
            return known
        return NewActor(f"mil:{country}:{title}", title, "organization", state.country, entry.sector)

    def _salient_group(self, role: RoleMatch, state: KBActor | None) -> KBActor | NewActor | None:
        """A bare group noun ("the protesters", role GROUP from ``_bare_groups``) of ``state``."""
        if state is None:
            return None
        _code, key, noun = role.offices
        return self.group_actor(self.group_nouns[key], noun, state)

    def _entities(self, entities: list[tuple[int, int, str]], gaz: list[GazMatch], found: list[Found]) -> list[Found]:
        """New actors from the nlp stage's entities, used conservatively: a trained NER also tags common
        nouns, portfolios, demonyms and headlines. PER needs a person name (see _person_entity), ORG an
        organisation head word (_org_entity); LOC and MISC never become actors. Entities overlapping a
        knowledge-base match or an actor found by the rules are left to those."""
        taken = [(g.start, g.end) for g in gaz] + [(f.start, f.end) for f in found]
        lowered = {t.key for t in self.tokens if t.text.islower()}
        out = []
        for start, end, label in entities:
            if any(s < end and start < e for s, e in taken):
                continue
            span: tuple[int, int, str] | None
            if label in ("PER", "PERSON"):
                span, kind = self._person_entity(start, end, lowered), "person"
                if span is None:  # "Quds Force" tagged PER: an organisation by its head word
                    span, kind = self._org_entity(start, end), "organization"
            elif label in ("ORG", "NORP_ORG"):
                span, kind = self._org_entity(start, end), "organization"
            else:
                continue
            if span is None:
                continue
            s, e, surface = span
            country, sector = self._context_role(s)
            out.append(Found(s, e, NewActor(f"new:{fold(surface)}", surface, kind, country, sector), "ner"))
        return out

    def _entity_tokens(self, start: int, end: int) -> list[int]:
        starts = [t.start for t in self.tokens]
        first = bisect.bisect_left(starts, start)
        return [k for k in range(first, len(self.tokens)) if self.tokens[k].end <= end]

    def _name_word(self, tok: Token) -> bool:
        return capitalised(tok.text) and tok.text.replace("-", "").replace("'", "").isalpha()

    def _not_a_name(self, tok: Token) -> bool:
        """A word that is never part of a person's name: titles, office and role nouns, determiners,
        demonyms ("Cypriot"), months, and words that only close an office phrase ("Republic")."""
        key = tok.key
        if key in TITLES or key in self.office_nouns or key in self.role_nouns or key in self.determiners:
            return True
        if key in NOT_NAME_WORDS or key in MONTHS or key in MINISTRY_NOUNS:
            return True
        return any(h.flags & ADJ for h in self.kb.aliases.get(key, []))

    def _person_entity(self, start: int, end: int, lowered: set[str]) -> tuple[int, int, str] | None:
        """(start, end, name) of a PER entity that looks like a person's name, else None. Leading titles
        and office words are dropped ("Mr.", "President", "Republic"); a name needs two capitalised words
        (a known given name, or proper-noun tags where the model gives them), or one after a title or role
        noun. A lone suffix ("Jr."), a demonym or a common noun is no name."""
        ks = [k for k in self._entity_tokens(start, end) if self.tokens[k].text != "."]
        titled = False
        first_k = ks[0] if ks else None
        if first_k is not None and first_k > 0:
            prev = self.tokens[first_k - 1]
            if prev.text == "." and first_k > 1:
                prev = self.tokens[first_k - 2]
            titled = prev.key in TITLES or prev.key in self.office_nouns or prev.key in self.role_nouns
        while ks and (self._not_a_name(self.tokens[ks[0]]) or self.tokens[ks[0]].key in NAME_PARTICLES):
            titled = titled or self.tokens[ks[0]].key not in self.determiners
            ks.pop(0)
        while ks and (self.tokens[ks[-1]].key in NAME_SUFFIXES or not self._name_word(self.tokens[ks[-1]])):
            ks.pop()
        if not ks:
            return None
        words = [self.tokens[k] for k in ks]
        if any(self._not_a_name(t) or (not self._name_word(t) and t.key not in NAME_PARTICLES) for t in words):
            return None
        if all(t.text.isupper() for t in words) or "\n" in self.text[words[0].start : words[-1].end]:
            return None
        names = [t for t in words if t.key not in NAME_PARTICLES]
        if len(names) >= 2 and names[-1].key in ORG_HEAD_WORDS:
            return None  # "Quds Force", "Velmar Brigade": an organisation mis-tagged PER
        given = names[0].key in self.kb.first_names
        if len(names) >= 2:
            if not given and names[-1].key in lowered:
                return None  # "Response Plan": the word also occurs as a common noun
            if not given and self.pos is not None:
                if any(self.pos.get(t.start) not in (None, "PROPN") for t in names):
                    return None
        elif not titled or names[0].key in lowered:
            return None
        s, e = words[0].start, words[-1].end
        return s, e, self.text[s:e]

    def _org_entity(self, start: int, end: int) -> tuple[int, int, str] | None:
        """(start, end, name) of an ORG entity that names an organisation: an organisation head word
        ("Front", "Partij", "News") with another capitalised word, or a single name in quotation marks
        ("the \"Rain\" channel"); not a portfolio ("Buitenlandse Zaken"), a headline in capitals or an
        acronym the knowledge base does not know."""
        ks = self._entity_tokens(start, end)
        while ks and (self.tokens[ks[0]].key in self.determiners or not self.tokens[ks[0]].text[:1].isalnum()):
            ks.pop(0)
        while ks and not self.tokens[ks[-1]].text[:1].isalnum():
            ks.pop()
        if not ks:
            return None
        words = [self.tokens[k] for k in ks]
        s, e = words[0].start, words[-1].end
        surface = self.text[s:e]
        if "\n" in surface or not words[0].text[:1].isupper():
            return None
        if len(words) == 1:
            before, after = self.text[max(0, s - 1) : s], self.text[e : e + 1]
            quoted = before in QUOTE_OPENERS and after in QUOTE_CLOSERS
            if not quoted or words[0].text.isupper() or self._nickname(ks[0]):
                return None
            return s, e, surface
        if all(t.text.isupper() for t in words if t.text.isalpha()):
            return None
        if self._indefinite_before(ks[0]):
            return None  # "a U.S.-designated Foreign Terrorist Organization": a category, not a name
        heads = [t for t in words if t.key in ORG_HEAD_WORDS or any(p in ORG_HEAD_WORDS for p in t.key.split("."))]
        others = [t for t in words if t not in heads and capitalised(t.text) and t.key not in self.office_nouns]
        if not heads or not others:
            return None
        return s, e, surface

    def _nickname(self, k: int) -> bool:
        """A quoted word between a given name and a surname is a nickname: 'Yulia "Tayra" Payevska'."""
        tokens = self.tokens
        if k < 2 or k + 2 >= len(tokens):
            return False
        return self._name_word(tokens[k - 2]) and self._name_word(tokens[k + 2])

    def _indefinite_before(self, k: int) -> bool:
        """An indefinite article opens the noun phrase that ends with token k's entity."""
        for j in range(k - 1, max(-1, k - 6), -1):
            tok = self.tokens[j]
            if tok.key in INDEFINITE:
                return True
            if tok.key in self.determiners or not (tok.text[:1].isalnum() or tok.text in ("-", ".")):
                return False
        return False

    def _context_role(self, start: int) -> tuple[str | None, str | None]:
        """Country and sector from the words just before an entity ("de Russische oppositieleider X")."""
        ends = [t.end for t in self.tokens]
        k = bisect.bisect_right(ends, start)
        before = [t for t in self.tokens[max(0, k - 4) : k] if t.end >= start - 60]
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


def _state_of(g: GazMatch) -> KBActor | None:
    """The state a match names or describes ("U.S.", "Russische"), not a capital used as a place."""
    return next((h.actor for h in g.hits if h.actor.kind == "state" and not h.flags & (CAPITAL | SEAT)), None)
