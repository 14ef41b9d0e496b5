"""Lemma-based trigger matching (issue 13): an entry's lemmas and single-word forms match inflections the
entry does not list, only for words of the entry's kind; without a lemmatizer, lemmas are stemmed."""

from spacy.tokens import Doc
from spacy.vocab import Vocab

from kroniek.document import CharSpan
from kroniek.events.clauses import Clause
from kroniek.events.lexicon import parse_lexicon
from kroniek.events.triggers import find_triggers

ENTRIES = {
    "triggers": {
        "entries": [
            {"id": "t.condemn", "event": "ACCUSE", "forms": ["condemned"], "lemmas": ["condemn"]},
            {"id": "t.charge", "event": "ACCUSE", "forms": ["charged"], "lemmas": ["charge"]},
            {"id": "t.talks", "event": "CONSULT", "kind": "noun", "forms": ["call"]},
            {"id": "t.promise", "event": "AGREE", "particle": ["toe"], "forms": ["toezeggen"], "lemmas": ["zeggen"]},
        ]
    }
}


def _matches(words, lemmas=None, pos=None, lexicon=None):
    doc = Doc(Vocab(), words=words, lemmas=lemmas, pos=pos)
    clause = Clause(0, len(doc), CharSpan(0, len(doc.text)), 0)
    return [(doc[m.start].text, m.entry.id, m.how) for m in find_triggers(doc, clause, lexicon)]


def test_a_verb_inflection_matches_by_its_lemma():
    lexicon = parse_lexicon(ENTRIES, "en", "test")
    found = _matches(
        ["Ministers", "condemning", "it"], ["minister", "condemn", "it"], ["NOUN", "VERB", "PRON"], lexicon
    )
    assert found == [("condemning", "t.condemn", "lemma")]


def test_a_noun_with_a_verb_entrys_lemma_is_not_that_verb():
    lexicon = parse_lexicon(ENTRIES, "en", "test")
    found = _matches(["The", "charges", "stand"], ["the", "charge", "stand"], ["DET", "NOUN", "VERB"], lexicon)
    assert found == []


def test_a_verb_entrys_form_is_a_lemma_only_for_verbs():
    lexicon = parse_lexicon(ENTRIES, "en", "test")
    # the noun entry "call" (a phone call) does not make the verb "called" a call, nor its plural a call
    assert _matches(["They", "called", "him"], ["they", "call", "he"], ["PRON", "VERB", "PRON"], lexicon) == []
    assert _matches(["Two", "calls", "ended"], ["two", "call", "end"], ["NUM", "NOUN", "VERB"], lexicon) == []
    found = _matches(["They", "charging", "him"], ["they", "charged", "he"], ["PRON", "VERB", "PRON"], lexicon)
    assert found == [("charging", "t.charge", "lemma")]


def test_a_separable_lemma_still_needs_its_particle():
    lexicon = parse_lexicon(ENTRIES, "nl", "test")
    words, lemmas, pos = (
        ["Zij", "zegde", "steun", "toe"],
        ["zij", "zeggen", "steun", "toe"],
        ["PRON", "VERB", "NOUN", "ADP"],
    )
    assert _matches(words, lemmas, pos, lexicon) == [("zegde", "t.promise", "lemma")]
    assert _matches(words[:3], lemmas[:3], pos[:3], lexicon) == []


def test_without_a_lemmatizer_a_lemma_is_matched_by_its_stem():
    data = {
        "cues": {"stem_suffixes": ["aient", "ait", "er", "e"]},
        "triggers": {
            "entries": [{"id": "t.ratifier", "event": "AGREE", "forms": ["ratification"], "lemmas": ["ratifier"]}]
        },
    }
    lexicon = parse_lexicon(data, "fr", "test")
    assert _matches(["Paris", "ratifiait", "le", "traité"], lexicon=lexicon) == [("ratifiait", "t.ratifier", "stem")]
