"""German and French core vocabulary, sentences written for the test."""

from events_support import make_doc, names, only, run_events


def test_german_demand_and_attack():
    doc = make_doc(
        "Berlin forderte einen Waffenstillstand. Russland griff die Ukraine an.",
        "de",
        {"Germany": ["Berlin"], "Russia": ["Russland"], "Ukraine": ["Ukraine"]},
    )
    events = run_events(doc)
    req = only(events, "REQUEST")
    assert names(doc, req.actor) == {"Germany"}
    assert req.proposition is not None and req.proposition.mode == "ceasefire"
    att = only(events, "ASSAULT")
    assert names(doc, att.actor) == {"Russia"} and names(doc, att.recipient) == {"Ukraine"}


def test_french_condemnation_and_sanctions():
    doc = make_doc(
        "La France a condamné la Russie. Bruxelles a adopté des sanctions contre Moscou.",
        "fr",
        {"France": ["La France"], "Russia": ["la Russie", "Moscou"], "European Union": ["Bruxelles"]},
    )
    events = run_events(doc)
    acc = only(events, "ACCUSE")
    assert names(doc, acc.actor) == {"France"} and names(doc, acc.recipient) == {"Russia"}
    san = only(events, "SANCTION")
    assert names(doc, san.actor) == {"European Union"}


def test_german_phone_verb_with_reciprocal_is_mutual_consult():
    doc = make_doc(
        "Am Freitag telefonierten Macron und Scholz miteinander. Dabei ging es um Handelsfragen.",
        "de",
        {"Emmanuel Macron": ["Macron"], "Olaf Scholz": ["Scholz"]},
        timexes=[("Freitag", "DATE", "2024-05-10")],
        published="2024-05-11",
    )
    call = only(run_events(doc), "CONSULT")
    assert call.mode == "phone"
    assert names(doc, call.actor) == {"Emmanuel Macron", "Olaf Scholz"}
    assert call.date is not None and call.date.value == "2024-05-10"


def test_german_separable_phone_verb_needs_its_particle():
    doc = make_doc(
        "Scholz rief Macron gestern an.",
        "de",
        {"Emmanuel Macron": ["Macron"], "Olaf Scholz": ["Scholz"]},
    )
    call = only(run_events(doc), "CONSULT")
    assert call.mode == "phone"
    assert names(doc, call.actor) == {"Olaf Scholz"}
    assert names(doc, call.recipient) == {"Emmanuel Macron"}


def test_german_inflected_form_not_in_the_lexicon_matches_by_stem():
    doc = make_doc(
        "Moskau drohe Kiew mit Vergeltung, sagte ein Sprecher.",
        "de",
        {"Russia": ["Moskau"], "Ukraine": ["Kiew"]},
    )
    threat = only(run_events(doc), "THREATEN")
    assert names(doc, threat.actor) == {"Russia"}
    assert threat.explain["how"] == "stem"


def test_french_imperfect_matches_by_stem():
    doc = make_doc(
        "Paris condamnait fermement Moscou.",
        "fr",
        {"France": ["Paris"], "Russia": ["Moscou"]},
    )
    acc = only(run_events(doc), "ACCUSE")
    assert names(doc, acc.actor) == {"France"} and names(doc, acc.recipient) == {"Russia"}


def test_french_granting_asylum_is_aid_not_an_agreement():
    doc = make_doc(
        "Quito accorde l'asile politique au journaliste Dupont.",
        "fr",
        {"Ecuador": ["Quito"], "Jean Dupont": ["Dupont"]},
    )
    events = run_events(doc)
    assert [e.event for e in events] == ["AID"]


def test_stem_needs_enough_letters_left():
    from kroniek.events.lexicon import load_lexicon

    lexicon = load_lexicon("de")
    assert lexicon is not None
    assert lexicon.stem("verurteilten") == lexicon.stem("verurteilen")
    assert lexicon.stem("rate") is None  # too short to be told apart
    nl = load_lexicon("nl")
    assert nl is not None and nl.stem("veroordeelde") is None  # nl lists no endings: its lemmas do this


def test_french_elided_forms_match_split_tokens():
    from kroniek.events.lexicon import form_words

    assert form_words("s'est entretenu") == ("s", "est", "entretenu")
    assert form_words("aujourd'hui") == ("aujourd'hui",)
    doc = make_doc(
        "Dupont s'est entretenu avec Martin.",
        "fr",
        {"Jean Dupont": ["Dupont"], "Paul Martin": ["Martin"]},
    )
    talk = only(run_events(doc), "CONSULT")
    assert names(doc, talk.actor) == {"Jean Dupont", "Paul Martin"}


def test_german_promise_with_closing_particle_types_its_proposition():
    doc = make_doc(
        "Berlin sagte Kiew weitere Hilfe zu.",
        "de",
        {"Germany": ["Berlin"], "Ukraine": ["Kiew"]},
    )
    events = run_events(doc)
    assert [e.event for e in events] == ["AGREE"]
    promise = events[0]
    assert promise.proposition is not None and promise.proposition.event == "AID"
    assert names(doc, promise.actor) == {"Germany"} and names(doc, promise.recipient) == {"Ukraine"}


def test_german_delivery_and_shelling_verbs_take_their_objects():
    doc = make_doc(
        "Berlin liefert Kiew Panzer. Moskau beschoss Kiew.",
        "de",
        {"Germany": ["Berlin"], "Ukraine": ["Kiew"], "Russia": ["Moskau"]},
    )
    events = run_events(doc)
    aid = only(events, "AID")
    assert names(doc, aid.actor) == {"Germany"} and names(doc, aid.recipient) == {"Ukraine"}
    attack = only(events, "ASSAULT")
    assert names(doc, attack.actor) == {"Russia"} and names(doc, attack.recipient) == {"Ukraine"}


def test_french_phone_call_and_attack_verbs():
    doc = make_doc(
        "Dupont a téléphoné à Martin. Moscou bombarde Kiev.",
        "fr",
        {"Jean Dupont": ["Dupont"], "Paul Martin": ["Martin"], "Russia": ["Moscou"], "Ukraine": ["Kiev"]},
    )
    events = run_events(doc)
    call = only(events, "CONSULT")
    assert call.mode == "phone" and names(doc, call.actor) == {"Jean Dupont", "Paul Martin"}
    attack = only(events, "ASSAULT")
    assert names(doc, attack.actor) == {"Russia"} and names(doc, attack.recipient) == {"Ukraine"}


def test_german_demand_addressed_with_von():
    doc = make_doc(
        "Warschau forderte von Moskau den Abzug der Truppen.",
        "de",
        {"Poland": ["Warschau"], "Russia": ["Moskau"]},
    )
    req = only(run_events(doc), "REQUEST")
    assert names(doc, req.actor) == {"Poland"} and names(doc, req.recipient) == {"Russia"}
    assert req.proposition is not None and req.proposition.event == "RETREAT"
