"""'X wants Y to do Z' is X's demand to Y with Z as its proposition (annotation decision A1) in every
language, from the lexicon, so that the demand does not hang on the learned model's probability; German
infinitive clauses after "forderte X auf," are the demand's content. Sentences written for these tests."""

from events_support import make_doc, names, only, run_events

from kroniek.events.clauses import clauses_of
from kroniek.events.lexicon import load_lexicon

STATES = {
    "Russia": ["Russia", "Russland"],
    "Ukraine": ["Ukraine", "der Ukraine", "die Ukraine"],
    "France": ["France", "Frankreich"],
    "Poland": ["Poland", "Polen"],
    "Germany": ["Germany", "Deutschland"],
    "United States": ["The US"],
}


def lexicon_events(text: str, lang: str):
    """The events of the lexicon coder alone (no learned model)."""
    doc = make_doc(text, lang, STATES)
    return doc, run_events(doc, event_model="none")


def test_en_wanted_withdrawal_is_a_demand_without_the_model():
    doc, events = lexicon_events("Poland wanted Ukraine to withdraw its troops from the border.", "en")
    request = only(events, "REQUEST")
    assert request.explain["entry"] == "en.want"
    assert names(doc, request.actor) == {"Poland"} and names(doc, request.recipient) == {"Ukraine"}
    assert request.proposition is not None and request.proposition.event == "RETREAT"
    assert not [e for e in events if e.event == "RETREAT"], "the wanted withdrawal is not asserted"


def test_en_want_addresses_coordinated_actors():
    doc, events = lexicon_events("The US want Russia and Ukraine to resume talks.", "en")
    request = only(events, "REQUEST")
    assert names(doc, request.recipient) == {"Russia", "Ukraine"}
    assert request.proposition is not None and request.proposition.event == "CONSULT"
    assert not [e for e in events if e.event == "CONSULT"]


def test_en_want_without_an_addressed_actor_is_no_lexicon_demand():
    for text in (
        "Germany wants peace in the region.",
        "France wants to meet Russia next week.",
        "Poland wants Russia to the negotiating table.",
    ):
        _, events = lexicon_events(text, "en")
        assert not [e for e in events if e.explain.get("entry") == "en.want"], text


def test_de_will_dass_is_a_demand_to_the_subject_of_the_wish():
    doc, events = lexicon_events("Deutschland will, dass Russland einem Waffenstillstand zustimmt.", "de")
    request = only(events, "REQUEST")
    assert request.explain["entry"] == "de.wollen_dass"
    assert names(doc, request.actor) == {"Germany"} and names(doc, request.recipient) == {"Russia"}
    assert not [e for e in events if e.event in ("AGREE", "RETREAT")], "the wanted agreement is not asserted"


def test_de_auffordern_infinitive_after_an_article_is_the_demand_content():
    doc, events = lexicon_events("Polen forderte Russland auf, die Angriffe auf die Ukraine einzustellen.", "de")
    request = only(events, "REQUEST")
    assert names(doc, request.actor) == {"Poland"} and names(doc, request.recipient) == {"Russia"}
    assert request.proposition is not None and request.proposition.event == "RETREAT", "halting attacks"
    assert not [e for e in events if e.event == "ASSAULT"], "the attacks to be stopped are not reported"


def test_de_coordinated_finite_act_after_the_demand_content_is_its_own():
    doc, events = lexicon_events(
        "Frankreich forderte Russland auf, der Waffenruhe zuzustimmen, und kritisierte die Angriffe.", "de"
    )
    request = only(events, "REQUEST")
    assert request.proposition is not None and request.proposition.event == "RETREAT"
    criticism = only(events, "ACCUSE")
    assert names(doc, criticism.actor) == {"France"}


def _clause_texts(text: str, lang: str) -> list[str]:
    doc = make_doc(text, lang, {})
    lexicon = load_lexicon(lang)
    assert doc.nlp is not None and lexicon is not None
    return [doc.nlp[c.start : c.end].text for c in clauses_of(doc, doc.sentences[0], lexicon.cues)]


def test_de_relative_clause_after_a_particle_is_still_cut():
    clauses = _clause_texts("Russland nahm die Gespräche wieder auf, die im März abgebrochen wurden.", "de")
    assert len(clauses) == 2 and clauses[1].startswith("die im März")


def test_de_infinitive_clause_opened_by_an_article_is_not_cut():
    assert len(_clause_texts("Polen rief Russland auf, die Gefangenen freizulassen.", "de")) == 1
    assert len(_clause_texts("Polen rief Russland auf, die Gespräche wieder aufzunehmen.", "de")) == 1
    assert len(_clause_texts("Polen rief Russland auf, den Krieg zu beenden.", "de")) == 1


def test_en_relative_clause_closing_with_to_is_still_cut():
    clauses = _clause_texts("Poland urged France to act, which Germany declined to do.", "en")
    assert len(clauses) == 2
