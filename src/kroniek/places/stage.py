"""The places stage (``places.gazetteer/v1``): toponyms in doc.places, resolved offline.

Every run of capitalised words that is a name in the gazetteer becomes a PlaceMention. When a name
fits several places, the choice prefers a country over a city of the same name, a capital, a
country the article names (by name or demonym: "de Saudische kuststad Jeddah"), and a bigger
population. A capital or seat of government used as the government ("Moskou eist", "het
Kremlin", "tussen Moskou en Kyiv") is flagged ``metonym=True``; the actors stage turns those
into states. Each mention also records whether a locative word introduces it (``locative``: "in Genève")
and whether it is the dateline (``dateline``: "KYIV -"), so that the events stage can choose an event's
venue from these fields alone. With ``subdivisions=True`` first-level subdivisions ("Kerala", "Punjab")
are found too, where the article names their country or a locative word introduces them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from kroniek import lang as lang_packs
from kroniek.document import ArticleDoc, CharSpan, PlaceMention
from kroniek.places.gazetteer import Gazetteer, Place, load_gazetteer, name_key
from kroniek.places.locate import is_dateline, is_locative, opens_dateline

SMALL_CITY = 50_000
# a noun for a city right before its name ("hoofdstad Pretoria", "the capital Doha") names the city itself
_CITY_NOUNS = frozenset({"hoofdstad", "stad", "capital", "city", "hauptstadt", "stadt", "capitale", "ville"})
_OPENING_QUOTES = frozenset("\"'„“‘«‚")
_CLOSING_QUOTES = frozenset("\"'“”’»‘")
_TOKEN = re.compile(r"\w+(?:[’'.]\w+)*\.?")


def _spacy_stop_words(lang: str) -> set[str]:
    """spaCy's stop-word list for ``lang``, read without importing ``spacy.lang.<lang>``.

    Importing ``spacy.lang.fr.stop_words`` first imports the package ``spacy.lang.fr`` and its
    tokenizer exceptions, which cost about 1.8 s of a cold start. The stop_words.py files are
    plain ``STOP_WORDS = set(...)`` literals, so they are run on their own instead; if the file is
    not where it is expected, the ordinary import is used.
    """
    import importlib.util
    import sys

    module = sys.modules.get(f"spacy.lang.{lang}.stop_words")
    if module is not None:
        return set(module.STOP_WORDS)
    spec = importlib.util.find_spec("spacy")  # a top-level spec: spaCy itself is not imported
    for location in (spec.submodule_search_locations or []) if spec else []:
        path = Path(location) / "lang" / lang / "stop_words.py"
        if path.is_file():
            namespace: dict[str, object] = {}
            try:
                exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)  # noqa: S102
            except Exception:  # noqa: BLE001 - a future spaCy may need its package: import it below
                break
            words = namespace.get("STOP_WORDS")
            if isinstance(words, set):
                return set(words)
    return set(importlib.import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    words: set[str] = set()
    try:
        for lang in lang_packs.SUPPORTED:
            words |= {w.lower() for w in _spacy_stop_words(lang)}
    except ImportError:  # spaCy is a dependency; without it the gazetteer's own filtering still applies
        pass
    return frozenset(words)


@dataclass
class Found:
    start: int
    end: int
    key: str
    places: list[Place]


def _tokens(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        end = m.end()
        if word.endswith(".") and word.count(".") == 1:  # a sentence full stop, not "D.C."
            end -= 1
            word = word[:-1]
        out.append((m.start(), end, word))
    return out


# The same capitalised words recur in article after article: remember their keys.
_name_key_cached = lru_cache(maxsize=50_000)(name_key)
_JOINABLE_GAP = re.compile(r"[ \-]{1,2}|[ \-]?")
_WORD_START = re.compile(r"(?<!\w)\w")


def _joinable(gap: str) -> bool:
    return bool(_JOINABLE_GAP.fullmatch(gap)) and "\n" not in gap


def _join_reach(text: str, tokens: list[tuple[int, int, str]]) -> list[int]:
    """For each token i, the last token j such that every gap from token i to token j is joinable,
    so a name may run from i to any j up to it (computed once instead of per candidate name)."""
    reach = list(range(len(tokens)))
    for k in range(len(tokens) - 2, -1, -1):
        if _joinable(text[tokens[k][1] : tokens[k + 1][0]]):
            reach[k] = reach[k + 1]
    return reach


class DemonymIndex:
    r"""Finds demonym stems at word starts in one pass over a text.

    ``find`` gives what ``re.finditer(r"(?<!\w)" + re.escape(stem), text)`` would give for each
    stem in turn (matches of one stem do not overlap; stems in list order, each by position), but
    looks up the stems that start at each word start instead of scanning the text once per stem.
    """

    def __init__(self, stems: list[tuple[str, str]]) -> None:
        self.stems = stems
        # a stem that is empty or starts with a non-word character cannot be found from word starts
        self.odd = [(rank, s, a) for rank, (s, a) in enumerate(stems) if not _WORD_START.match(s)]
        regular = [(rank, s, a) for rank, (s, a) in enumerate(stems) if _WORD_START.match(s)]
        self.prefix = min((len(s) for _, s, _ in regular), default=1)
        self.by_prefix: dict[str, list[tuple[int, str, str]]] = {}
        for rank, stem, alpha3 in regular:
            self.by_prefix.setdefault(stem[: self.prefix], []).append((rank, stem, alpha3))

    def find(self, lowered: str) -> list[tuple[str, int]]:
        """(alpha-3, offset) of every stem found in ``lowered`` (already lower-cased)."""
        hits: list[tuple[int, int, str]] = []
        stem_end: dict[int, int] = {}
        size = self.prefix
        for m in _WORD_START.finditer(lowered):
            at = m.start()
            for rank, stem, alpha3 in self.by_prefix.get(lowered[at : at + size], ()):
                if at >= stem_end.get(rank, 0) and lowered.startswith(stem, at):
                    hits.append((rank, at, alpha3))
                    stem_end[rank] = at + len(stem)
        for rank, stem, alpha3 in self.odd:
            hits.extend((rank, m.start(), alpha3) for m in re.finditer(r"(?<!\w)" + re.escape(stem), lowered))
        hits.sort()
        return [(alpha3, at) for _, at, alpha3 in hits]


class PlacesStage:
    name = "places.gazetteer/v1"
    requires = ("nlp",)
    provides = ("places",)

    def __init__(self, min_population: int = 0, subdivisions: bool = False) -> None:
        self.min_population = min_population
        # First-level subdivisions ("Kerala", "Punjab"): off by default, since on the corpus they leave the
        # location field where it was (train 0.256 -> 0.255, dev 0.136 -> 0.136; docs/time-places-quantities.md)
        self.subdivisions = subdivisions
        self._gaz: Gazetteer | None = None
        self._cues_by_lang: dict[str, frozenset[str]] = {}

    @cached_property
    def _not_places(self) -> frozenset[str]:
        return frozenset(name_key(w) for w in self.gazetteer.extra.get("not_places", {}).get("words", []))

    @cached_property
    def _descriptors(self) -> frozenset[str]:
        return frozenset(w.lower() for w in self.gazetteer.extra.get("descriptors", {}).get("words", []))

    @cached_property
    def _continuations(self) -> frozenset[str]:
        return frozenset(self.gazetteer.extra.get("name_continuations", {}).get("words", []))

    def _before_name_cues(self, lang: str) -> frozenset[str]:
        cues = self._cues_by_lang.get(lang)
        if cues is None:
            pack = lang_packs.get(lang)
            cues = frozenset({*pack.words("places", "locative"), *pack.words("places", "metonym_before")})
            self._cues_by_lang[lang] = cues
        return cues

    @cached_property
    def _demonym_index(self) -> DemonymIndex:
        return DemonymIndex(self.gazetteer.demonyms)

    def preload(self) -> None:
        """Load what every language shares (the gazetteer), e.g. before workers are forked."""
        _ = self._demonym_index

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = load_gazetteer()
        return self._gaz

    # ---- finding -------------------------------------------------------------------------
    def find(self, doc: ArticleDoc) -> list[Found]:
        text, gaz, stop = doc.text, self.gazetteer, _stop_words()
        tokens = _tokens(text)
        reach = _join_reach(text, tokens)
        not_places = self._not_places
        person_spans = self._person_spans(doc)
        found: list[Found] = []
        i = 0
        while i < len(tokens):
            start, _, word = tokens[i]
            if not word[:1].isupper():
                i += 1
                continue
            match: Found | None = None
            for j in range(min(len(tokens), i + gaz.max_words, reach[i] + 1) - 1, i - 1, -1):
                last = tokens[j][2]
                if not (last[:1].isupper() or last[:1].isdigit()):
                    continue
                surface = text[start : tokens[j][1]]
                key = _name_key_cached(surface)
                places = [
                    p
                    for p in gaz.lookup(key)
                    if (p.population >= self.min_population or p.feature != "city")
                    and (self.subdivisions or p.feature != "subdivision")
                ]
                if not places:
                    continue
                compact = surface.replace(".", "")
                if len(compact) <= 3 and compact not in gaz.short_forms:
                    continue  # "us", "Us" are not the United States
                if key in stop or key in not_places:
                    continue  # stop words, listed common words
                if len(compact) > 3 and compact.isupper() and not opens_dateline(text, start, tokens[j][1]):
                    continue  # acronyms ("ISNA" is no town); a dateline is in capitals ("KYIV, March 3 -")
                match = Found(start, tokens[j][1], key, places)
                break
            if match is None or self._inside_person(match, person_spans) or self._common_word(doc, match, text):
                i += 1
                continue
            if self._part_of_longer_name(tokens, i, match, text, doc.lang):
                i += 1
                continue
            found.append(match)
            i += 1
            while i < len(tokens) and tokens[i][0] < match.end:
                i += 1
        return found

    @staticmethod
    def _inside_person(match: Found, persons: list[CharSpan]) -> bool:
        """Part of a longer person name ("George Washington"). A person entity that is exactly the
        place name is not trusted over the gazetteer: statistical NER often tags "Genève" as PER."""
        return any(
            s.start <= match.start and match.end <= s.end and (s.end - s.start) > (match.end - match.start)
            for s in persons
        )

    @staticmethod
    def _common_word(doc: ArticleDoc, match: Found, text: str) -> bool:
        """A capitalised common word that happens to be a town: a one-word heading ("Eisen"), or a
        sentence-initial word the parser reads as a noun or verb. Not a dateline ("COLOMBO - "), which
        the parser tags as a noun because it stands in capitals."""
        if any(p.feature == "country" for p in match.places) or opens_dateline(text, match.start, match.end):
            return False
        line_start = doc.text.rfind("\n", 0, match.start) + 1
        line_end = doc.text.find("\n", match.end)
        line = doc.text[line_start : line_end if line_end >= 0 else len(doc.text)]
        if line.strip() == doc.text[match.start : match.end]:
            return True
        if doc.nlp is not None and doc.nlp.has_annotation("POS"):
            span = doc.nlp.char_span(match.start, match.end, alignment_mode="expand")
            if (
                span is not None
                and len(span) == 1
                and span[0].is_sent_start
                and span[0].pos_ in ("NOUN", "VERB", "ADJ")
            ):
                return True
        return False

    @staticmethod
    def _person_spans(doc: ArticleDoc) -> list[CharSpan]:
        spans: list[CharSpan] = []
        if doc.nlp is not None and doc.nlp.has_annotation("ENT_IOB"):
            spans += [CharSpan(e.start_char, e.end_char) for e in doc.nlp.ents if e.label_ in ("PER", "PERSON")]
        for actor in doc.actors:
            if actor.kind == "person":
                spans += [CharSpan(m.start, m.end) for m in actor.mentions]
        return spans

    def _part_of_longer_name(
        self, tokens: list[tuple[int, int, str]], i: int, match: Found, text: str, doc_lang: str
    ) -> bool:
        """'George Washington', 'Washington Post': a capitalised neighbour makes the name part of
        another name, except for stop words, locative and verb cues, and for continuations that
        belong to places ("Baghdad International Airport", "Donetsk Oblast")."""
        stop = _stop_words()
        if i > 0:
            p_start, p_end, p_word = tokens[i - 1]
            gap = text[p_end : match.start]
            if gap == " " and p_word[:1].isupper() and not p_word.isupper():
                cues = self._before_name_cues(doc_lang)
                if (
                    name_key(p_word) not in stop
                    and p_word.lower() not in cues
                    and p_word.lower() not in self._descriptors
                ):
                    return True  # but "Hauptstadt Nairobi", "Region Donezk": a German noun that describes the place
        if any(p.feature == "country" for p in match.places):
            return False  # "President of Ukraine Volodymyr Zelenskyy": the country still counts
        continuations = self._continuations
        j = i
        while j < len(tokens) and tokens[j][0] < match.end:
            j += 1
        nxt = tokens[j] if j < len(tokens) else None
        if nxt is not None and text[match.end : nxt[0]] == " " and nxt[2][:1].isupper() and nxt[2] not in continuations:
            return name_key(nxt[2]) not in stop
        return False

    # ---- choosing ------------------------------------------------------------------------
    def context_countries(self, doc: ArticleDoc, found: list[Found]) -> dict[str, list[int]]:
        """alpha-3 -> offsets where the article names that country (by a name or a demonym)."""
        where: dict[str, list[int]] = {}
        for f in found:
            # small towns do not vouch for their own country ("Morsi" is a town in India)
            # nor do subdivisions: they are believed only where their country is named ("Punjab" is in two)
            countries = {
                p.country
                for p in f.places
                if p.country and p.feature != "subdivision" and (p.feature != "city" or p.population >= SMALL_CITY)
            }
            if len(countries) == 1:
                where.setdefault(countries.pop(), []).append(f.start)
        for alpha3, at in self._demonym_index.find(doc.text.lower()):
            where.setdefault(alpha3, []).append(at)
        return where

    @staticmethod
    def score(place: Place, at: int, context: dict[str, list[int]], doc: ArticleDoc) -> float:
        # Population decides among namesakes unless the text points elsewhere: a country named in
        # the same sentence, or a demonym right before the name ("de Saudische kuststad Jeddah").
        value = 1.5 * math.log10(place.population + 1)
        value += {"country": 30.0, "region": 2.0, "sea": 2.0, "venue": 6.0}.get(place.feature, 0.0)
        if place.capital:
            value += 6.0
        offsets = context.get(place.country or "", [])
        if offsets:
            value += 1.0
            sent = doc.sentence_of(at)
            if sent is not None and any(sent.start <= o < sent.end for o in offsets):
                value += 2.0
            if any(0 < at - o <= 40 for o in offsets):
                value += 6.0
        return value

    def _metonym(self, doc: ArticleDoc, f: Found, place: Place) -> bool:
        pack = lang_packs.get(doc.lang)
        before = re.search(r"(\w+)\W*$", doc.text[max(0, f.start - 30) : f.start])
        if place.seat_of:  # "het Kremlin" acts; "at the White House" is where it happened
            return not is_locative(doc, PlaceMention(f.start, f.end, place.name, None, None, None, None))
        if not (place.capital or place.feature == "country"):
            return False
        if (
            before
            and before.group(1).lower() in _CITY_NOUNS
            and is_locative(doc, PlaceMention(f.start, f.end, "", None, None, None, None))
        ):
            return (
                False  # "in de Zuid-Afrikaanse hoofdstad Pretoria": the city, even where the actors stage saw a state
            )
        if is_locative(doc, PlaceMention(f.start, f.end, "", None, None, None, None), "static_locative"):
            # "talks in Nairobi", "in central Lima": a government is not somewhere, so a capital that a static
            # locative word introduces is the city, even where the actors stage read the name as its state
            return False
        for actor in doc.actors:  # the actors stage already read this name as a state
            if actor.kind == "state" and any(m.start <= f.start and f.end <= m.end for m in actor.mentions):
                return place.feature != "country"
        if place.feature == "country":
            return False
        if before and before.group(1).lower() in [w.lower() for w in pack.words("places", "locative")]:
            return False
        after = re.match(r"['’]?s?\s*(\w+)", doc.text[f.end : f.end + 40])
        verbs = [w.lower() for w in pack.words("places", "metonym_verbs")]
        if after and after.group(1).lower() in verbs:
            return True
        # inverted order ("Verder eist Moskou", "volgens Moskou")
        preceding = [w.lower() for w in pack.words("places", "metonym_before")]
        if before and before.group(1).lower() in preceding:
            return True
        return bool(doc.text[f.end : f.end + 2] in ("'s", "’s"))

    @staticmethod
    def _subdivision(doc: ArticleDoc, f: Found, context: dict[str, list[int]]) -> PlaceMention | None:
        """A first-level subdivision ("Kerala", "Piëmont"), or None where the name is not believed: the
        article also writes it in lower case (a common word), it stands in quotation marks (a ship's
        name), it names regions of several countries and the article names not exactly one of them, or
        it names one country's region, the article does not name that country, and no locative word
        introduces it ("in Kerala")."""
        if re.search(r"(?<!\w)" + re.escape(doc.text[f.start : f.end].lower()) + r"(?!\w)", doc.text):
            return None  # the article writes the name in lower case too: a common word of its language
        if doc.text[f.start - 1 : f.start] in _OPENING_QUOTES and doc.text[f.end : f.end + 1] in _CLOSING_QUOTES:
            return None  # a name in quotation marks is a ship's or an operation's ("die Fregatte „Hessen“")
        named = [p for p in f.places if p.country in context]
        if len(named) == 1:
            chosen = named[0]
        elif not named and len({p.country for p in f.places}) == 1:
            chosen = f.places[0]
            if not is_locative(doc, _subdivision_mention(f, chosen)):
                return None
        else:
            return None
        mention = _subdivision_mention(f, chosen)
        mention.locative = is_locative(doc, mention)
        mention.dateline = is_dateline(doc, mention)
        return mention

    def __call__(self, doc: ArticleDoc) -> ArticleDoc:
        found = self.find(doc)
        context = self.context_countries(doc, found)
        places: list[PlaceMention] = []
        for f in found:
            if f.places[0].feature == "subdivision":  # subdivisions are only found where nothing else is
                chosen = self._subdivision(doc, f, context)
                if chosen is not None:
                    places.append(chosen)
                continue
            best = max(f.places, key=lambda p: self.score(p, f.start, context, doc))
            mention = PlaceMention(f.start, f.end, best.name, best.country, best.geonames_id, best.lat, best.lon)
            if best.feature == "city" and best.population < SMALL_CITY and best.country not in context:
                # A small town is only believed with a locative word or its country in the text:
                # "Martin", "Morsi" and "Summit" are more often names than towns.
                if not is_locative(doc, mention):
                    continue
            mention.feature = best.feature
            mention.metonym = self._metonym(doc, f, best)
            city = self.gazetteer.by_id.get(best.city) if best.city is not None else None
            if city is not None:  # "met Trump at the White House": the place reported is Washington, D.C.
                mention.name, mention.country, mention.geonames_id = city.name, city.country, city.geonames_id
                mention.lat, mention.lon = city.lat, city.lon
            mention.locative = is_locative(doc, mention)
            mention.dateline = is_dateline(doc, mention)
            places.append(mention)
        doc.places = places
        return doc


def _subdivision_mention(f: Found, place: Place) -> PlaceMention:
    mention = PlaceMention(f.start, f.end, place.name, place.country, None, None, None)
    mention.feature = "region"  # what later stages know: a region, like a US state or Crimea
    return mention


def make_places_stage(min_population: int = 0, subdivisions: bool = False) -> PlacesStage:
    return PlacesStage(min_population=min_population, subdivisions=subdivisions)
