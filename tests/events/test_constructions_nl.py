"""Dutch constructions, each in a sentence written for the test."""

from events_support import make_doc, names, only, run_events

STATES = {
    "Russia": ["Rusland", "Moskou"],
    "Ukraine": ["Oekraïne", "Kyiv"],
    "France": ["Frankrijk", "Parijs"],
    "Poland": ["Polen", "Warschau"],
    "United States": ["Washington", "De VS", "de VS"],
}


def events_of(text, **kw):
    doc = make_doc(text, "nl", STATES, **kw)
    return doc, run_events(doc)


def test_separable_verb_with_subject_and_object():
    doc, events = events_of("Gisteren viel Rusland opnieuw Oekraïne aan.")
    ev = only(events, "ASSAULT")
    assert names(doc, ev.actor) == {"Russia"}
    assert names(doc, ev.recipient) == {"Ukraine"}
    assert [doc.text[t.start : t.end] for t in ev.trigger] == ["viel", "aan"]


def test_separable_verb_needs_its_particle():
    _, events = events_of("Frankrijk zei dat het regende in Parijs.")
    assert events == []


def test_promise_with_particle_types_its_proposition_and_duration():
    doc, events = events_of(
        "Polen zegde gedurende dertig dagen toe de troepen terug te trekken.",
        timexes=[("dertig dagen", "DURATION", "P30D")],
    )
    ev = only(events, "AGREE")
    assert names(doc, ev.actor) == {"Poland"}
    assert ev.proposition is not None
    assert (ev.proposition.event, ev.proposition.mode) == ("RETREAT", "withdraw")
    assert len(events) == 1  # the withdrawal is the proposition, not an event of its own


def test_instemmen_met_talks_is_agree_with_consult_proposition():
    doc, events = events_of("Frankrijk stemde gisteren in met onderhandelingen over een bestand.")
    ev = only(events, "AGREE")
    assert ev.proposition is not None and ev.proposition.event == "CONSULT"
    assert names(doc, ev.actor) == {"France"}


def test_nominal_trigger_between_two_parties_is_mutual():
    doc, events = events_of("Het telefoongesprek tussen Warschau en Parijs verliep goed.")
    ev = only(events, "CONSULT")
    assert ev.mode == "phone"
    assert names(doc, ev.actor) == {"Poland", "France"} and ev.recipient == []


def test_compound_noun_trigger_takes_the_clause_subject():
    doc, events = events_of("De VS hervatten hun wapenleveranties aan Oekraïne.")
    ev = only(events, "AID")
    assert names(doc, ev.actor) == {"United States"}
    assert names(doc, ev.recipient) == {"Ukraine"}


def test_passive_with_door_agent():
    doc, events = events_of("Oekraïne werd vannacht aangevallen door Rusland.")
    ev = only(events, "ASSAULT")
    assert names(doc, ev.actor) == {"Russia"}
    assert names(doc, ev.recipient) == {"Ukraine"}


def test_coordinated_subjects_both_act():
    doc, events = events_of("Moskou en Washington onderhandelden urenlang.")
    ev = only(events, "CONSULT")
    assert names(doc, ev.actor) == {"Russia", "United States"}


def test_adjectival_willingness_is_agree_with_ceasefire():
    doc, events = events_of("Oekraïne toonde zich bereid tot een staakt-het-vuren.")
    ev = only(events, "AGREE")
    assert ev.proposition is not None
    assert (ev.proposition.event, ev.proposition.mode) == ("RETREAT", "ceasefire")


def test_control_verb_future_request():
    doc, events = events_of("Frankrijk zei te zullen aandringen op een wapenstilstand.")
    ev = only(events, "REQUEST")
    assert names(doc, ev.actor) == {"France"}
    assert ev.modality == "planned"
    assert ev.proposition is not None and ev.proposition.event == "RETREAT"


def test_demand_to_stop_attacks_is_a_ceasefire_proposition():
    doc, events = events_of("Polen eist dat Rusland de aanvallen staakt.")
    ev = only(events, "REQUEST")
    assert ev.proposition is not None
    assert (ev.proposition.event, ev.proposition.mode) == ("RETREAT", "ceasefire")


def test_negation_near_the_trigger():
    _, events = events_of("Frankrijk was niet bereid tot onderhandelingen.")
    assert only(events, "AGREE").modality == "negated"


def test_refusal_is_reject_not_negation():
    doc, events = events_of("Polen weigerde onderhandelingen met Rusland.")
    ev = only(events, "REJECT")
    assert ev.modality == "asserted"
    assert ev.proposition is not None and ev.proposition.event == "CONSULT"


def test_conditional_clause_is_hypothetical():
    _, events = events_of("Als Rusland Polen aanvalt, volgt een reactie.")
    assert only(events, "ASSAULT").modality == "hypothetical"


def test_scheduled_talks_are_planned_with_their_date_and_source():
    doc, events = events_of(
        "De gesprekken tussen Parijs en Warschau vinden volgens Kyiv zondag plaats.",
        timexes=[("zondag", "DATE", "2025-03-23")],
        published="2025-03-19",
    )
    ev = only(events, "CONSULT")
    assert ev.modality == "planned"
    assert ev.date is not None and ev.date.value == "2025-03-23"
    assert ev.source is not None and doc.actors[ev.source].name == "Ukraine"


def test_report_verb_gives_the_source_and_not_the_actor():
    doc, events = events_of("Rusland meldt dat Frankrijk en Polen overeenkwamen samen te werken.")
    ev = only(events, "AGREE")
    assert names(doc, ev.actor) == {"France", "Poland"}
    assert doc.actors[ev.source].name == "Russia"  # type: ignore[index]
    assert ev.proposition is not None and ev.proposition.event == "COOPERATE"


def test_event_duration_and_quantities():
    doc, events = events_of(
        "Parijs voerde een twee uur durend telefoongesprek met Warschau over 40 gevangenen.",
        timexes=[("twee uur", "DURATION", "PT2H")],
        quantities=[("40 gevangenen", 40, "prisoners")],
    )
    ev = only(events, "CONSULT")
    assert ev.duration == "PT2H"
    assert [q.value for q in ev.quantities] == [40]
    assert names(doc, ev.actor) == {"France", "Poland"}


def test_prisoner_exchange_is_mutual_release():
    doc, events = events_of("De uitwisseling van gevangenen tussen Moskou en Kyiv is gepland.")
    ev = only(events, "RETREAT")
    assert ev.mode == "release"
    assert names(doc, ev.actor) == {"Russia", "Ukraine"}
    assert ev.modality == "planned"


def test_trigger_without_any_participant_gives_no_event():
    _, events = events_of("Er was sprake van een aanval.")
    assert events == []


def test_promise_in_talks_is_addressed_to_the_other_party():
    doc, events = events_of(
        "Het gesprek tussen Parijs en Warschau duurde lang. Daarin beloofde Polen hulp aan Kyiv te leveren."
    )
    ev = only(events, "AGREE")
    assert names(doc, ev.actor) == {"Poland"}
    assert names(doc, ev.recipient) == {"France"}
    assert ev.proposition is not None and ev.proposition.event == "AID"


def test_anaphoric_approval_takes_the_previous_proposal():
    doc, events = events_of("Parijs eiste een wapenstilstand. Warschau sprak zijn goedkeuring daarover uit.")
    agree = only(events, "AGREE")
    assert names(doc, agree.actor) == {"Poland"}
    assert agree.proposition is not None and agree.proposition.mode == "ceasefire"


def test_condemning_an_act_targets_its_agent():
    doc2 = make_doc(
        "Frankrijk veroordeelt de brute Russische inval in Oekraïne.",
        "nl",
        {**STATES, "Russia": ["Rusland", "Moskou", "Russische"]},
    )
    ev = only(run_events(doc2), "ACCUSE")
    assert names(doc2, ev.actor) == {"France"}
    assert names(doc2, ev.recipient) == {"Russia"}


def test_niet_langer_and_geen_negate():
    # read with the rule off that lets a negated material act go (events/unrealised.py)
    for text in ("Polen steunt Oekraïne niet langer.", "Frankrijk gaf geen steun aan Polen."):
        events = run_events(make_doc(text, "nl", STATES), unrealised_acts=[])
        assert only(events, "SUPPORT").modality == "negated"


def test_aldus_names_the_source():
    doc, events = events_of("Rusland viel Oekraïne aan, aldus Warschau.")
    ev = only(events, "ASSAULT")
    assert doc.actors[ev.source].name == "Poland"  # type: ignore[index]


def test_place_in_the_clause_is_the_location():
    from kroniek.document import PlaceMention

    doc = make_doc("Parijs en Warschau onderhandelden in Jeddah.", "nl", STATES)
    start = doc.text.index("Jeddah")
    doc.places.append(PlaceMention(start, start + 6, "Jeddah", "SAU", 105343, 21.5, 39.2))
    ev = only(run_events(doc), "CONSULT")
    assert ev.location is not None and ev.location.name == "Jeddah"


def test_planned_weekday_points_forward():
    from kroniek.document import TimexRecord

    doc = make_doc("Parijs en Warschau zullen zondag onderhandelen.", "nl", STATES, published="2025-03-19")
    start = doc.text.index("zondag")
    # the time stage resolved the bare weekday backwards, as for a past event, and recorded both readings
    readings = {"past": "2025-03-16", "future": "2025-03-23"}
    doc.timexes.append(TimexRecord(start, start + 6, "DATE", "2025-03-16", "day", True, "past", readings))
    ev = only(run_events(doc), "CONSULT")
    assert ev.modality == "planned"
    assert ev.date is not None and ev.date.value == "2025-03-23"


def test_demonstrative_talks_are_the_talks_introduced_before():
    doc, events = events_of(
        "Parijs en Warschau willen praten. Het overleg tussen Parijs en Warschau begon. "
        "Die gesprekken vinden zondag plaats in Genève.",
        timexes=[("zondag", "DATE", "2025-03-23")],
        published="2025-03-19",
    )
    talks = [e for e in events if e.event == "CONSULT" and e.date is not None]
    assert talks and names(doc, talks[-1].actor) == {"France", "Poland"}
    assert talks[-1].modality == "planned"


def test_a_sentence_about_something_else_does_not_schedule():
    _, events = events_of(
        "Moskou en Kyiv ruilden gevangenen uit. Het kabinet zal vrijdag vergaderen.",
        timexes=[("vrijdag", "DATE", "2025-03-21")],
    )
    assert only(events, "RETREAT").modality == "asserted"


def test_repeated_mentions_of_one_dated_call_are_one_event():
    doc = make_doc(
        "Het gesprek tussen Rutte en Macron vond dinsdag plaats. "
        "Tijdens het telefoongesprek van 7 mei bespraken Rutte en Macron de handel.",
        "nl",
        {"Mark Rutte": ["Rutte"], "Emmanuel Macron": ["Macron"]},
        timexes=[("dinsdag", "DATE", "2024-05-07"), ("7 mei", "DATE", "2024-05-07")],
        published="2024-05-08",
    )
    calls = [e for e in run_events(doc) if e.event == "CONSULT"]
    assert len(calls) == 1
    assert calls[0].mode == "phone"


def test_talks_on_different_days_stay_apart():
    doc = make_doc(
        "Het gesprek tussen Rutte en Macron vond maandag plaats. "
        "Dinsdag volgde een telefoongesprek tussen Rutte en Macron.",
        "nl",
        {"Mark Rutte": ["Rutte"], "Emmanuel Macron": ["Macron"]},
        timexes=[("maandag", "DATE", "2024-05-06"), ("Dinsdag", "DATE", "2024-05-07")],
        published="2024-05-08",
    )
    calls = [e for e in run_events(doc) if e.event == "CONSULT"]
    assert len(calls) == 2


def test_unresolved_subject_pronoun_makes_the_later_actor_the_object():
    doc = make_doc(
        "Hij roept Polen op de grens te openen.",
        "nl",
        {"Poland": ["Polen"]},
    )
    req = only(run_events(doc), "REQUEST")
    assert req.actor == []
    assert names(doc, req.recipient) == {"Poland"}


def test_unresolved_subject_pronoun_continues_the_single_actor_topic():
    doc = make_doc(
        "De Europese Commissie veroordeelt de aanval. Hij roept Polen op de grens te openen.",
        "nl",
        {"European Commission": ["De Europese Commissie"], "Poland": ["Polen"]},
    )
    req = only(run_events(doc), "REQUEST")
    assert names(doc, req.actor) == {"European Commission"}
    assert names(doc, req.recipient) == {"Poland"}


def test_pronoun_object_after_an_actor_subject_is_not_a_subject():
    doc = make_doc(
        "Rusland riep ze op de wapens neer te leggen.",
        "nl",
        {"Russia": ["Rusland"]},
    )
    req = only(run_events(doc), "REQUEST")
    assert names(doc, req.actor) == {"Russia"}


def test_discharge_granted_to_the_subject_in_the_passive():
    doc = make_doc(
        "Jansen is eervol ontslag verleend als minister van Defensie.",
        "nl",
        {"Piet Jansen": ["Jansen"]},
    )
    ret = only(run_events(doc), "RETREAT")
    assert ret.mode == "resign"
    assert names(doc, ret.actor) == {"Piet Jansen"}


def test_discharge_granted_by_the_king_to_a_minister():
    doc = make_doc(
        "Gisteren heeft de Koning ontslag verleend aan Jansen.",
        "nl",
        {"Willem-Alexander": ["de Koning"], "Piet Jansen": ["Jansen"]},
    )
    ret = only(run_events(doc), "RETREAT")
    assert names(doc, ret.actor) == {"Piet Jansen"}
    assert names(doc, ret.recipient) == {"Willem-Alexander"}


def test_a_prenominal_participle_is_no_event_of_its_own():
    # the annexation is background here; what is reported is a goal not reached
    _, events = events_of(
        "Nog altijd heeft Rusland de op papier geannexeerde provincies van Oekraïne niet in bezit gekregen."
    )
    assert not [e for e in events if e.event == "COERCE" and e.modality == "asserted"]
