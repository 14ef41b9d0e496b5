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
