"""The quantities stage (``quantities.numbers/v1``): counts of things in doc.quantities.

A quantity is a number (digits or words, "175", "dertig", "1,5 miljoen", "honderden", "two dozen",
"vingt-trois") followed by what it counts, given as an English noun phrase: "175 soldaten" ->
175 soldiers; "23 ernstig gewonde Oekraïense soldaten" -> 23 seriously wounded soldiers (known
modifiers are translated, nationality and other adjectives dropped). Amounts of money and
percentages are kept with ``unit`` set ("EUR", "percent") so that the events stage can tell them
apart. Numbers that are dates, times or durations (anything inside a timex), ordinals ("37e",
"2nd"), references ("artikel 43", "Nr. 19") and numbers that count nothing named are skipped.
"""

from __future__ import annotations

import re

from kroniek.document import ArticleDoc, CharSpan, QuantityMention
from kroniek.lang import SUPPORTED
from kroniek.lang.numbers import as_number, number_lexicon, parse_number
from kroniek.lang.text import normalise as norm
from kroniek.quantities.lexicon import QuantityLexicon, quantity_lexicon

_WORD = re.compile(r"[\w'’%€$£-]+|[^\w\s]")
MAX_MODIFIER_WORDS = 3  # words skipped between a number and its noun ("ernstig gewonde Oekraïense")


class QuantitiesStage:
    name = "quantities.numbers/v1"
    # numbers inside a time expression are dates, times or durations, not counts: the timexes say where
    requires = ("nlp", "timexes")
    provides = ("quantities",)

    def __init__(self, languages: tuple[str, ...] | None = None) -> None:
        self.languages = tuple(languages) if languages is not None else SUPPORTED

    def __call__(self, doc: ArticleDoc) -> ArticleDoc:
        if doc.lang not in self.languages:
            doc.notes.append(f"quantities: no number lexicon for language {doc.lang!r}; none tagged")
            return doc
        lex = quantity_lexicon(doc.lang)
        numbers = number_lexicon(doc.lang)
        times = [CharSpan(t.start, t.end) for t in doc.timexes]
        text = doc.text
        out: list[QuantityMention] = []
        approx = sorted((norm(a) for a in numbers.approx), key=len, reverse=True)
        articles = {norm(a) for a in lex.context.get("articles", [])}
        for match in numbers.regex.finditer(text):
            start, end = match.start(), match.end()
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-/"):
                continue
            if end < len(text) and text[end].isalnum() and not text[end - 1].isdigit():
                continue
            if (
                end < len(text)
                and text[end].isalpha()
                and text[end - 1].isdigit()
                and not text[end:].startswith(("mld", "mln"))
            ):
                continue  # ordinal or code: "37e", "2nd", "F16"
            span = CharSpan(start, end)
            if any(span.overlaps(t) for t in times):
                continue
            surface = match.group(0)
            if norm(surface) in articles:
                continue
            if (
                re.fullmatch(r"\d+", surface)
                and end < len(text)
                and text[end] == "."
                and text[end + 1 : end + 2] in (" ",)
                and text[end + 2 : end + 3].islower()
            ):
                continue  # German ordinal "3. Oktober" style
            parsed = parse_number(surface, doc.lang)
            if parsed is None:
                continue
            value, _vague = parsed
            previous = re.findall(r"[\w'’§°]+", text[max(0, start - 25) : start])
            if previous and norm(previous[-1]).rstrip(".") in [norm(w) for w in lex.context.get("not_after", [])]:
                if not self._counts_after(text, end, lex):
                    continue
            mention = self._with_unit_or_noun(doc, lex, start, end, value)
            if mention is None:
                continue
            # an approximator right before belongs to the span ("ruim 200 soldaten")
            before = norm(text[max(0, start - 25) : start])
            for word in approx:
                if before.endswith(" " + word) or before == word:
                    raw_start = text.lower().rfind(word.split()[0], max(0, start - 25), start)
                    if raw_start >= 0:
                        mention.start = raw_start
                    break
            out.append(mention)
        doc.quantities = out
        return doc

    def _counts_after(self, text: str, end: int, lex: QuantityLexicon) -> bool:
        words = [norm(w) for w in _WORD.findall(text[end : end + 60])][: MAX_MODIFIER_WORDS + 1]
        return any(w in lex.nouns for w in words)

    def _with_unit_or_noun(
        self, doc: ArticleDoc, lex: QuantityLexicon, start: int, end: int, value: float
    ) -> QuantityMention | None:
        text = doc.text
        currency = {norm(k): v for k, v in lex.context.get("currency", {}).items()}
        percent = [norm(p) for p in lex.context.get("percent", [])]
        before = text[max(0, start - 2) : start].strip()
        if before in currency:
            return QuantityMention(
                start - (start - text.rfind(before, 0, start)),
                end,
                as_number(value),
                _money_name(currency[before]),
                currency[before],
            )
        after_text = text[end : end + 80]
        tokens = [(m.start() + end, m.end() + end, m.group(0)) for m in _WORD.finditer(after_text)]
        if not tokens:
            return None
        first = norm(tokens[0][2])
        if first in currency:
            return QuantityMention(start, tokens[0][1], as_number(value), _money_name(currency[first]), currency[first])
        two = norm(" ".join(t[2] for t in tokens[:2]))
        if first in percent or two in percent:
            stop = tokens[0][1] if first in percent else tokens[1][1]
            return QuantityMention(start, stop, as_number(value), "percent", "percent")
        # number [modifiers] noun: try the longest noun phrase first at each position
        kept: list[str] = []
        i = 0
        while i < len(tokens) and i <= MAX_MODIFIER_WORDS + 1:
            for n in range(min(3, len(tokens) - i), 0, -1):
                phrase = norm(" ".join(t[2] for t in tokens[i : i + n]))
                if phrase in lex.nouns:
                    stop = tokens[i + n - 1][1]
                    # French puts modifiers after the noun: "28 soldats gouvernementaux"
                    following = tokens[i + n] if i + n < len(tokens) else None
                    if (
                        doc.lang == "fr"
                        and following
                        and text[stop : following[0]] == " "
                        and norm(following[2]) in lex.modifiers
                    ):
                        kept.append(lex.modifiers[norm(following[2])])
                        stop = following[1]
                    what = " ".join([*kept, lex.nouns[phrase]])
                    return QuantityMention(start, stop, as_number(value), what)
            word = tokens[i][2]
            if not re.match(r"\w", word) or (
                tokens[i][0] > end and text[tokens[i - 1][1] if i else end : tokens[i][0]].strip()
            ):
                return None  # punctuation: the number's phrase ended
            matched_mod = None
            for n in (2, 1):
                phrase = norm(" ".join(t[2] for t in tokens[i : i + n]))
                if phrase in lex.modifiers:
                    matched_mod = (n, lex.modifiers[phrase])
                    break
            if matched_mod:
                kept.append(matched_mod[1])
                i += matched_mod[0]
                continue
            if not self._adjective_like(doc, tokens[i]):
                return self._noun_from_nlp(doc, start, tokens[i], value)
            i += 1
        return None

    @staticmethod
    def _adjective_like(doc: ArticleDoc, token: tuple[int, int, str]) -> bool:
        """A word that may sit between a number and its noun: an adjective or a demonym."""
        word = token[2]
        if doc.nlp is not None and doc.nlp.has_annotation("POS"):
            span = doc.nlp.char_span(token[0], token[1], alignment_mode="expand")
            if span is not None and len(span) == 1:
                return span[0].pos_ in ("ADJ", "ADV", "NUM") or (
                    span[0].pos_ == "VERB" and span[0].morph.get("VerbForm", []) == ["Part"]
                )
        endings = tuple(quantity_lexicon(doc.lang).context.get("adjective_endings", ()))
        return word.lower().endswith(endings)

    @staticmethod
    def _noun_from_nlp(
        doc: ArticleDoc, start: int, token: tuple[int, int, str], value: float
    ) -> QuantityMention | None:
        """An English noun the lexicon lacks ("12 howitzers"): kept as written, with a parser's word."""
        if doc.lang != "en" or doc.nlp is None or not doc.nlp.has_annotation("POS"):
            return None
        span = doc.nlp.char_span(token[0], token[1], alignment_mode="expand")
        if span is None or len(span) != 1 or span[0].pos_ != "NOUN" or span[0].tag_ not in ("NNS", ""):
            return None
        return QuantityMention(start, token[1], as_number(value), token[2].lower())


def _money_name(unit: str) -> str:
    return {"EUR": "euros", "USD": "dollars", "GBP": "pounds", "RUB": "roubles"}.get(unit, unit.lower())


def make_quantities_stage(languages: list[str] | None = None) -> QuantitiesStage:
    """Factory named in the registry; ``languages`` (default: every language in kroniek/lang) limits the stage."""
    return QuantitiesStage(tuple(languages) if languages else None)
