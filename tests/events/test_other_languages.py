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
