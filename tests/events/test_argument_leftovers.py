"""Issue 13 leftovers: light verbs in German and French, and a contrastive coordinator without a comma.
Sentences written for the test."""

from events_support import make_doc, names, only, run_events

from kroniek.events.argument_rules import light_verb_before
from kroniek.events.clauses import clauses_of
from kroniek.events.lexicon import load_lexicon
from kroniek.events.triggers import TriggerMatch


def test_french_noun_after_a_light_verb_keeps_its_own_recipient():
    doc = make_doc(
        "La Pologne a tenu des pourparlers avec la France et a annoncé des sanctions contre la Russie.",
        "fr",
        {"Poland": ["La Pologne"], "France": ["la France"], "Russia": ["la Russie"]},
    )
    sanction = only(run_events(doc), "SANCTION")
    assert names(doc, sanction.actor) == {"Poland"}
    assert names(doc, sanction.recipient) == {"Russia"}


def test_contrastive_coordinator_without_comma_opens_a_new_act_en():
    doc = make_doc(
        "Britain criticised Russia but praised Ukraine.",
        "en",
        {"United Kingdom": ["Britain"], "Russia": ["Russia"], "Ukraine": ["Ukraine"]},
    )
    events = run_events(doc)
    praise = only(events, "SUPPORT")
    assert names(doc, praise.actor) == {"United Kingdom"}
    assert names(doc, praise.recipient) == {"Ukraine"}
    assert names(doc, only(events, "ACCUSE").recipient) == {"Russia"}


def test_verb_after_contrastive_coordinator_takes_no_subject_by_inversion_nl():
    doc = make_doc(
        "Nederland veroordeelde Rusland maar steunde Oekraïne.",
        "nl",
        {"Netherlands": ["Nederland"], "Russia": ["Rusland"], "Ukraine": ["Oekraïne"]},
    )
    support = only(run_events(doc), "SUPPORT")
    assert names(doc, support.actor) == {"Netherlands"}
    assert names(doc, support.recipient) == {"Ukraine"}


def test_but_before_a_noun_phrase_does_not_split_the_clause():
    doc = make_doc(
        "Britain supported not Russia but Ukraine.",
        "en",
        {"United Kingdom": ["Britain"], "Russia": ["Russia"], "Ukraine": ["Ukraine"]},
    )
    assert doc.nlp is not None
    lexicon = load_lexicon("en")
    assert lexicon is not None
    assert len(clauses_of(doc, doc.sentences[0], lexicon.cues)) == 1


def _governing_light_verb(text: str, lang: str, noun: str) -> str | None:
    """The light verb ``light_verb_before`` finds for the noun ``noun`` of ``text`` (no actors needed)."""
    doc = make_doc(text, lang, {})
    lexicon = load_lexicon(lang)
    assert doc.nlp is not None and lexicon is not None
    clause = clauses_of(doc, doc.sentences[0], lexicon.cues)[0]
    at = next(t.i for t in doc.nlp if t.text == noun)
    entry = next(e for e in lexicon.entries if e.event == "SANCTION")
    match = TriggerMatch(entry, at, at + 1, clause=clause, tokens={at}, kind="noun")
    governed = light_verb_before(doc.nlp, match, clause, lexicon)
    return None if governed is None else doc.nlp[governed].text


def test_untagged_light_verb_governs_through_articles_and_adjectives():
    assert _governing_light_verb("Paris a imposé de nouvelles sanctions.", "fr", "sanctions") == "imposé"
    assert _governing_light_verb("Berlin verhängte neue Sanktionen.", "de", "Sanktionen") == "verhängte"


def test_untagged_light_verb_does_not_reach_across_a_complementizer():
    assert _governing_light_verb("Paris a annoncé que les sanctions restent.", "fr", "sanctions") is None
