"""Coordinated contents (events/contents.py, ADJ8 #4): a demand with two contents is two REQUESTs with the
same speaker, addressee and modality, each with its own content as evidence and proposition. Sentences
written for these tests."""

from events_support import make_doc, names, run_events

STATES = {
    "Russia": ["Russia", "Rusland", "Russland", "la Russie"],
    "Poland": ["Poland", "Polen", "la Pologne"],
    "Ukraine": ["Ukraine", "Oekraïne", "l'Ukraine"],
}


def requests_of(text: str, lang: str):
    doc = make_doc(text, lang, STATES)
    requests = [e for e in run_events(doc) if e.event == "REQUEST"]
    return doc, sorted(requests, key=lambda e: e.evidence.start)


def evidence(doc, event) -> str:
    return doc.text[event.evidence.start : event.evidence.end]


def test_en_two_infinitive_contents_are_two_demands():
    doc, (first, second) = requests_of("Poland called on Russia to halt the shelling and withdraw its troops.", "en")
    assert names(doc, first.actor) == names(doc, second.actor) == {"Poland"}
    assert names(doc, first.recipient) == names(doc, second.recipient) == {"Russia"}
    assert evidence(doc, second) == "withdraw its troops"
    assert second.proposition is not None and second.proposition.text == "withdraw its troops"
    assert second.modality == first.modality and second.mode == first.mode


def test_en_repeated_marker_opens_a_content():
    doc, requests = requests_of("Poland urged Russia to free the detainees and to allow independent monitors.", "en")
    assert len(requests) == 2
    assert evidence(doc, requests[1]) == "to allow independent monitors"


def test_en_attribution_tail_is_no_part_of_the_content():
    doc, requests = requests_of(
        'Poland urged Russia "to free the detainees and to allow visits," the minister said.', "en"
    )
    assert len(requests) == 2
    assert "said" not in evidence(doc, requests[1])


def test_en_one_content_stays_one_demand():
    doc, requests = requests_of("Poland urged Russia to hand over arms and ammunition.", "en")
    assert len(requests) == 1


def test_nl_two_te_infinitives_are_two_demands():
    doc, requests = requests_of(
        "Polen riep Rusland op de beschietingen te staken en zijn troepen terug te trekken.", "nl"
    )
    assert len(requests) == 2
    assert names(doc, requests[1].actor) == {"Poland"}
    assert evidence(doc, requests[1]) == "zijn troepen terug te trekken"


def test_de_infix_infinitive_opens_a_content():
    doc, requests = requests_of("Polen forderte, den Gefangenen Anwälte zu gewähren und Folter auszuschließen.", "de")
    assert len(requests) == 2
    assert names(doc, requests[1].actor) == {"Poland"}
    assert evidence(doc, requests[1]) == "Folter auszuschließen"


def test_de_coordinated_nouns_stay_one_demand():
    doc, requests = requests_of("Polen forderte Russland auf, Waffen und Munition abzugeben.", "de")
    assert len(requests) == 1


def test_fr_two_a_infinitives_are_two_demands():
    doc, requests = requests_of(
        "La Pologne a appelé la Russie à libérer les détenus et à garantir leur sécurité.", "fr"
    )
    assert len(requests) == 2
    assert names(doc, requests[1].recipient) == {"Russia"}
    assert evidence(doc, requests[1]) == "à garantir leur sécurité"


def test_fr_a_place_after_the_coordinator_opens_no_content():
    doc, requests = requests_of("La Pologne a appelé la Russie à négocier à Genève et à Vienne.", "fr")
    assert len(requests) == 1


def test_unknown_type_in_the_setting_is_a_catalogue_error():
    import pytest

    from kroniek.errors import KroniekError
    from kroniek.events.stage import make_events_stage

    with pytest.raises(KroniekError) as err:
        make_events_stage(split_contents=["ASSAULT"])
    assert err.value.code == "E435" and "split_contents" in str(err.value)
