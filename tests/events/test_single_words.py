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
