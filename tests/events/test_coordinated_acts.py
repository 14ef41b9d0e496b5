"""Coordinated acts (events/conjuncts.py): one event per verbal act, each with the shared subject, its own
object and its own conjunct as evidence. Sentences written for these tests."""

from events_support import make_doc, names, only, run_events

STATES = {
    "Russia": ["Russia", "Moscow", "Rusland", "Moskou", "Russland", "Moskau", "la Russie", "Moscou"],
    "Ukraine": ["Ukraine", "Kyiv", "Oekraïne", "Kiew", "l'Ukraine"],
    "France": ["France", "Paris", "Frankrijk", "Frankreich", "La France", "la France"],
    "Poland": ["Poland", "Warsaw", "Polen", "Pologne"],
    "United States": ["Washington", "De VS", "die USA"],
}


def events_of(text: str, lang: str):
    doc = make_doc(text, lang, STATES)
    return doc, run_events(doc)


def evidence(doc, event) -> str:
    return doc.text[event.evidence.start : event.evidence.end]


def test_en_release_and_agree_are_two_events_with_the_shared_subject():
    doc, events = events_of("Russia released 175 prisoners and agreed to a pause in the fighting.", "en")
    release, agree = only(events, "RETREAT"), only(events, "AGREE")
    assert names(doc, release.actor) == names(doc, agree.actor) == {"Russia"}
    assert evidence(doc, release) == "Russia released 175 prisoners"
    assert evidence(doc, agree).startswith("and agreed")


def test_en_condemn_and_recall_keep_their_own_objects():
    doc, events = events_of("Paris condemned Moscow and recalled its ambassador from Warsaw.", "en")
    accuse, recall = only(events, "ACCUSE"), only(events, "SANCTION")
    assert names(doc, accuse.actor) == names(doc, recall.actor) == {"France"}
    assert names(doc, accuse.recipient) == {"Russia"}
    assert "Russia" not in names(doc, recall.recipient)


def test_nl_second_act_takes_the_subject_but_not_the_first_object():
    doc, events = events_of("Frankrijk veroordeelde Rusland en riep zijn ambassadeur terug.", "nl")
    accuse, recall = only(events, "ACCUSE"), only(events, "SANCTION")
    assert names(doc, recall.actor) == {"France"}
    assert names(doc, accuse.recipient) == {"Russia"} and not recall.recipient
    assert evidence(doc, recall) == "en riep zijn ambassadeur terug"


def test_de_criticism_and_demand_are_two_acts():
    doc, events = events_of("Frankreich kritisierte Russland und forderte einen Waffenstillstand.", "de")
    accuse, request = only(events, "ACCUSE"), only(events, "REQUEST")
    assert names(doc, request.actor) == {"France"} and not request.recipient
    assert names(doc, accuse.recipient) == {"Russia"}
    assert request.proposition is not None and request.proposition.event == "RETREAT"


def test_de_a_demand_does_not_swallow_a_coordinated_act():
    doc, events = events_of("Frankreich forderte einen Waffenstillstand und verurteilte Russland.", "de")
    request, accuse = only(events, "REQUEST"), only(events, "ACCUSE")
    assert request.proposition is not None and request.proposition.event == "RETREAT"
    assert names(doc, accuse.actor) == {"France"} and names(doc, accuse.recipient) == {"Russia"}


def test_fr_shared_auxiliary_and_subject():
    doc, events = events_of("La France a condamné la Russie et appelé à un cessez-le-feu.", "fr")
    accuse, request = only(events, "ACCUSE"), only(events, "REQUEST")
    assert names(doc, accuse.actor) == names(doc, request.actor) == {"France"}
    assert not request.recipient
    assert evidence(doc, request).startswith("et appelé")


def test_en_second_conjunct_with_its_own_subject():
    doc, events = events_of("Paris condemned the strike and Moscow rejected the criticism.", "en")
    reject = only(events, "REJECT")
    assert names(doc, reject.actor) == {"Russia"}


def test_en_coordinated_objects_stay_one_act():
    doc, events = events_of("Russia attacked Kyiv and Warsaw.", "en")
    attack = only(events, "ASSAULT")
    assert names(doc, attack.recipient) == {"Ukraine", "Poland"}


def test_en_noun_act_after_a_light_verb_and_a_verbal_act():
    doc, events = events_of("Poland held talks with Ukraine and condemned Moscow.", "en")
    talks, accuse = only(events, "CONSULT"), only(events, "ACCUSE")
    assert names(doc, accuse.actor) == {"Poland"} and names(doc, accuse.recipient) == {"Russia"}
    assert "Russia" not in names(doc, talks.actor) | names(doc, talks.recipient)


def test_en_coordinated_actors_are_never_cut():
    doc, events = events_of("Talks between Kyiv and Moscow resumed and ended without a deal.", "en")
    talks = [e for e in events if e.event == "CONSULT"]
    assert talks and names(doc, talks[0].actor) == {"Ukraine", "Russia"}


def test_en_shared_active_subject_is_the_actor_of_a_participle_conjunct():
    doc, events = events_of("Poland imposed a curfew on Wednesday and deployed troops near Warsaw.", "en")
    deployment = only(events, "MOBILIZE")
    assert names(doc, deployment.actor) == {"Poland"} and not deployment.recipient


def test_en_shared_passive_keeps_the_subject_acted_upon():
    doc, events = events_of("Russia was condemned and sanctioned by France.", "en")
    for event in events:
        assert "Russia" not in names(doc, event.actor)
