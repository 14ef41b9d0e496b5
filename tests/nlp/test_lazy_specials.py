"""The tokenizer that adds its special cases when a text needs them gives spaCy's own tokens."""

from __future__ import annotations

import pickle
from typing import Any

import pytest
import spacy
from spacy.tokenizer import Tokenizer

from kroniek.nlp.lazy_specials import LazySpecialsTokenizer
from kroniek.nlp.stage import NlpStage, has_shipped_model


def _pair(lang: str) -> tuple[Any, Any]:
    """An eager tokenizer (spaCy's) and a lazy one, both from the bytes of the language's defaults."""
    data = spacy.blank(lang).tokenizer.to_bytes(exclude=["vocab"])
    eager = Tokenizer(spacy.blank(lang).vocab).from_bytes(data, exclude=["vocab"])
    lazy = LazySpecialsTokenizer(spacy.blank(lang).vocab).from_bytes(data, exclude=["vocab"])
    return eager, lazy


def _tokens(tokenizer: Any, text: str) -> list[tuple[str, str, str]]:
    return [(t.text, t.norm_, t.whitespace_) for t in tokenizer(text)]


SENTENCES = {
    "nl": [
        "Volgens dhr. Jansen gaat het o.a. om de begroting t.b.v. de gemeente, m.a.w. om geld :-)",
        "De minister (d.w.z. de bewindsman) zei het i.p.v. de premier; 's avonds kwam er een reactie.",
        "Het kabinet valt",
    ],
    "en": [
        "Mr. Smith didn't say it, the U.S. envoy said at 5 p.m. on Jan. 3 :)",
        "They'll meet e.g. in Washington D.C. ain't that right? We're sure it's 30°C. today.",
        "The cabinet falls",
    ],
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_written_sentences_give_spacys_tokens(lang: str) -> None:
    eager, lazy = _pair(lang)
    pending = len(lazy.rules) - len(Tokenizer.rules.__get__(lazy))
    assert pending > 500  # most of the language's cases wait
    for text in SENTENCES[lang]:
        assert _tokens(lazy, text) == _tokens(eager, text), text
    assert lazy.pending_in("Het kabinet valt") == [] == lazy.pending_in("The cabinet falls")
    assert lazy.rules == eager.rules


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_special_case_in_context_gives_spacys_tokens(lang: str) -> None:
    eager, lazy = _pair(lang)
    contexts = ["{} ", "({})", "a{}b", "{}.", "“{}”", "x-{}", "{}'s", "{},"]
    cases = sorted(eager.rules)
    # one text per case, so that each is loaded by its own text, then one text with all of them
    for i, case in enumerate(cases[::7]):
        text = "Een zin met " + contexts[i % len(contexts)].format(case) + " erin."
        assert _tokens(lazy, text) == _tokens(eager, text), text
    text = " ".join(context.format(case) for case in cases for context in contexts[:3])
    assert _tokens(lazy, text) == _tokens(eager, text)
    assert lazy.pending_in(text) == []


def test_only_the_cases_a_text_contains_are_added() -> None:
    _, lazy = _pair("nl")
    found = lazy.pending_in("Hij zei het o.a. tegen dhr. Jansen.")
    assert "o.a." in found and "dhr." in found
    assert "m.a.w." not in found
    assert lazy.load_for("Hij zei het o.a. tegen dhr. Jansen.") == len(found)
    assert lazy.pending_in("Hij zei het o.a. tegen dhr. Jansen.") == []


def test_a_case_added_later_overrides_a_pending_one_and_copies_get_every_case() -> None:
    eager, lazy = _pair("en")
    for tokenizer in (eager, lazy):
        tokenizer.add_special_case("e.g.", [{"ORTH": "e."}, {"ORTH": "g."}])
    text = "Some envoys, e.g. the French one, left."
    assert _tokens(lazy, text) == _tokens(eager, text)
    assert [t.text for t in lazy(text)][3:5] == ["e.", "g."]
    copy = pickle.loads(pickle.dumps(lazy))
    assert copy.rules == eager.rules
    written = Tokenizer(spacy.blank("en").vocab).from_bytes(lazy.to_bytes(exclude=["vocab"]), exclude=["vocab"])
    assert written.rules == eager.rules


@pytest.mark.skipif(not has_shipped_model("nl"), reason="the shipped Dutch pipeline is not installed")
def test_cases_are_added_before_a_memory_zone_not_inside() -> None:
    stage = NlpStage()
    nlp = stage.load("nl")
    assert isinstance(nlp.tokenizer, LazySpecialsTokenizer)
    text = "Volgens mevr. De Vries is het m.a.w. een zaak van de Kamer."
    with stage.memory_zone("nl", [text]):
        doc = stage.parse(nlp, text)
        assert "mevr." in [t.text for t in doc]
        other = "De vergadering is a.s. woensdag in het gem.huis."
        if nlp.tokenizer.pending_in(other):  # a case added inside would point at freed lexemes
            with pytest.raises(RuntimeError):
                stage.parse(nlp, other)
    with stage.memory_zone("nl"):  # texts unknown: every case is added before the zone
        assert nlp.tokenizer.pending_in("a.s. gem.huis") == []
