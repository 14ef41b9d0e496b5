"""Lemma-based trigger matching (issue 13): an entry's lemmas and single-word forms match inflections the
entry does not list, only for words of the entry's kind; without a lemmatizer, lemmas are stemmed."""

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kroniek.document import CharSpan
from kroniek.errors import KroniekError
from kroniek.events.clauses import Clause
from kroniek.events.lexicon import load_lexicon, parse_lexicon
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


SPELLING_LEXICON = {
    "cues": {"stem_suffixes": ["aient", "ait", "ant", "ons", "er", "e"], "stem_spellings": ["ç>c", "gea>ga", "geo>go"]},
    "triggers": {
        "entries": [
            {"id": "t.annoncer", "event": "ACCUSE", "forms": ["annonce"], "lemmas": ["dénoncer"]},
            {"id": "t.exiger", "event": "REQUEST", "forms": ["exigence"], "lemmas": ["exiger"]},
        ]
    },
}


def test_a_stem_undoes_the_spelling_changes_of_its_paradigm():
    lexicon = parse_lexicon(SPELLING_LEXICON, "fr", "test")
    # "ç" and "ge" before a or o keep the sound of the infinitive's "c" and "g"
    found = _matches(["Le", "maire", "dénonçait", "la", "fermeture"], lexicon=lexicon)
    assert found == [("dénonçait", "t.annoncer", "stem")]
    found = _matches(["Nous", "exigeons", "une", "enquête"], lexicon=lexicon)
    assert found == [("exigeons", "t.exiger", "stem")]
    assert lexicon.stem("exigeant") == lexicon.stem("exiger") == "exig"


def test_without_spelling_changes_the_cedilla_stays_apart():
    data = {**SPELLING_LEXICON, "cues": {"stem_suffixes": ["aient", "ait", "ant", "ons", "er", "e"]}}
    lexicon = parse_lexicon(data, "fr", "test")
    assert _matches(["Le", "maire", "dénonçait", "la", "fermeture"], lexicon=lexicon) == []


def test_the_shipped_french_lexicon_matches_cedilla_and_soft_g_forms():
    lexicon = load_lexicon("fr")
    assert lexicon is not None
    for form, lemma in (("menaçaient", "menacer"), ("exigeait", "exiger"), ("dénonçons", "dénoncer")):
        assert lexicon.stem(form) == lexicon.stem(lemma)
        entry = lexicon.by_stem.get(lexicon.stem(form) or "")
        assert entry is not None and lemma in entry.lemmas


def test_a_spelling_change_needs_a_from_and_a_to():
    data = {**SPELLING_LEXICON, "cues": {"stem_suffixes": ["e"], "stem_spellings": ["ç-c"]}}
    with pytest.raises(KroniekError) as caught:
        parse_lexicon(data, "fr", "test")
    assert caught.value.code == "E160" and "stem_spellings" in str(caught.value)


def test_an_ending_is_respelled_like_the_word_it_ends():
    # a spelling change that touches an ending ("è>e") changes the ending too, so it is still stripped
    data = {"cues": {"stem_suffixes": ["èrent", "er"], "stem_spellings": ["è>e", "é>e"]}, "triggers": {"entries": []}}
    lexicon = parse_lexicon(data, "fr", "test")
    assert lexicon.stem("condamnèrent") == lexicon.stem("condamner") == "condamn"
    assert lexicon.stem("libérer") == "liber"
