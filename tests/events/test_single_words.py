"""Single words the French lexicon lacked (issue 13): each is coded with the type its gold triggers take on
the corpus train split. Sentences written for these tests."""

import pytest
from events_support import make_doc, names, run_events

STATES = {
    "Russia": ["La Russie", "la Russie"],
    "France": ["La France", "la France"],
    "Poland": ["La Pologne", "la Pologne"],
}


@pytest.mark.parametrize(
    ("text", "event_type", "entry"),
    [
        ("La France a convoqué l'ambassadeur de la Russie.", "CONSULT", "fr.convoquer"),
        ("La Russie a dispersé les manifestants de la Pologne.", "ASSAULT", "fr.disperser"),
        ("La France a qualifié la décision de la Russie d'inacceptable.", "ACCUSE", "fr.qualifier"),
        ("La France a prévenu la Russie.", "THREATEN", "fr.prevenir"),
        ("La France a regretté la décision de la Russie.", "ACCUSE", "fr.regretter"),
    ],
)
def test_fr_single_word_is_coded_with_its_gold_type(text: str, event_type: str, entry: str) -> None:
    doc = make_doc(text, "fr", STATES)
    found = [e for e in run_events(doc) if e.event == event_type]
    assert [e.explain.get("entry") for e in found] == [entry]
    assert names(doc, found[0].actor) in ({"France"}, {"Russia"})


def test_fr_convenus_in_the_plural_is_an_agreement_of_both_parties() -> None:
    doc = make_doc("La Pologne et la Russie s'étaient convenus d'un échange.", "fr", STATES)
    agreements = [e for e in run_events(doc) if e.event == "AGREE"]
    assert len(agreements) == 1
    parties = names(doc, agreements[0].actor) | names(doc, agreements[0].recipient)
    assert parties == {"Poland", "Russia"}


# round 6: single words of all four languages (benchmarks/missing_words.py, docs/events.md)
ROUND6_ACTORS = {
    "de": {"Germany": ["Deutschland"], "Poland": ["Polen"], "Russia": ["Russlands", "Russland"]},
    "en": {"France": ["France"], "Russia": ["Russia"]},
    "fr": STATES,
    "nl": {"Russia": ["Rusland"], "France": ["Frankrijk"]},
}


@pytest.mark.parametrize(
    ("lang", "text", "event_type", "entry", "actor"),
    [
        ("de", "Deutschland bestellte den Botschafter Russlands ein.", "CONSULT", "de.einbestellen", "Germany"),
        ("de", "Polen hat den Botschafter Russlands einbestellt.", "CONSULT", "de.einbestellen.joined", "Poland"),
        ("de", "Polen wird morgen mit Russland sprechen.", "CONSULT", "de.sprechen", "Poland"),
        # the lexicon's ACCUSE (the guideline's alternative) retyped by the model to CONSULT, the guideline's type
        # for summoning an ambassador (round 9, model_retype)
        ("en", "France will summon the ambassador of Russia.", "CONSULT", "en.condemn", "France"),
        ("fr", "La France s'est entretenue avec la Pologne.", "CONSULT", "fr.entretenu", "France"),
        ("fr", "La France s'est dite préoccupée par la décision de la Russie.", "ACCUSE", "fr.preoccupe", "France"),
        ("fr", "La Russie propose un cessez-le-feu à la Pologne.", "AGREE", "fr.promettre", "Russia"),
        ("nl", "Rusland heeft bij Frankrijk een visum aangevraagd.", "REQUEST", "nl.aanvragen", "Russia"),
    ],
)
def test_round6_single_word_is_coded_with_its_gold_type(
    lang: str, text: str, event_type: str, entry: str, actor: str
) -> None:
    doc = make_doc(text, lang, ROUND6_ACTORS[lang])
    found = [e for e in run_events(doc) if e.event == event_type]
    assert [e.explain.get("entry") for e in found] == [entry]
    assert actor in names(doc, found[0].actor)


def test_de_sprechen_alone_is_no_trigger_in_another_form() -> None:
    # only the infinitive is listed: "sprach von" (spoke of) is reporting, not talks
    doc = make_doc("Polen sprach von einer Provokation Russlands.", "de", ROUND6_ACTORS["de"])
    assert not [e for e in run_events(doc) if e.explain.get("entry") == "de.sprechen"]


# round 7: words, inflections and multi-word cues the lexicons lacked (docs/events.md, round 7)
ROUND7_ACTORS = {
    "de": ROUND6_ACTORS["de"],
    "fr": STATES,
    "nl": {"Russia": ["Rusland"], "France": ["Frankrijk"], "Belgium": ["België"]},
}


@pytest.mark.parametrize(
    ("lang", "text", "event_type", "entry", "actor"),
    [
        ("de", "Russland bestreitet die Vorwürfe Polens.", "REJECT", "de.bestreiten", "Russia"),
        ("de", "Deutschland will den Botschafter Russlands ausweisen.", "SANCTION", "de.ausweisen", "Germany"),
        ("de", "Polen feierte die Entscheidung Deutschlands.", "SUPPORT", "de.feiern", "Poland"),
        ("de", "Deutschland übergab Russland eine Protestnote.", "ACCUSE", "de.protestnote", None),
        (
            "fr",
            "La France a publié un communiqué dénonçant la décision de la Russie.",
            "ACCUSE",
            "fr.condamner",
            "France",
        ),
        ("fr", "La Russie a tiré sur un navire de la Pologne.", "ASSAULT", "fr.tirer", "Russia"),
        ("nl", "Frankrijk heeft België een nieuwe regeling voorgesteld.", "REQUEST", "nl.voorgesteld", "France"),
        ("nl", "Frankrijk schaarde zich achter België.", "SUPPORT", "nl.scharen", "France"),
        ("nl", "Rusland bestormde de ambassade van Frankrijk.", "PROTEST", "nl.bestormen", "Russia"),
    ],
)
def test_round7_word_is_coded_with_its_gold_type(
    lang: str, text: str, event_type: str, entry: str, actor: str | None
) -> None:
    doc = make_doc(text, lang, ROUND7_ACTORS[lang])
    found = [e for e in run_events(doc) if e.event == event_type]
    assert [e.explain.get("entry") for e in found] == [entry]
    if actor is not None:  # None: a noun whose actor the unparsed de text cannot give (arguments, not the word)
        assert actor in names(doc, found[0].actor)


def test_de_bestreiten_needs_no_particle_and_ablehnen_still_does() -> None:
    # "bestreiten" was a lemma of de.ablehnen, whose particle "ab" it never carries
    doc = make_doc("Polen lehnte die Forderung Russlands ab.", "de", ROUND6_ACTORS["de"])
    assert [e.explain.get("entry") for e in run_events(doc) if e.event == "REJECT"] == ["de.ablehnen"]
    doc = make_doc("Polen lehnte die Forderung Russlands.", "de", ROUND6_ACTORS["de"])
    assert not [e for e in run_events(doc) if e.explain.get("entry") == "de.ablehnen"]
