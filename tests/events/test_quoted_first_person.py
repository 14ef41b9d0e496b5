"""A quoted act in the first person is the speaker's (issue 13, round 7): «"We welcome the release," Ana Vell
said», whatever the act's type. Every sentence here is written for these tests."""

from events_support import make_doc, names, of_type, run_statements_and_events

from kroniek.document import ArticleDoc

ACTORS = {"Nortland": ["Nortland"], "Sudland": ["Sudland"], "Ana Vell": ["Ana Vell", "Vell"]}
KINDS = {"Ana Vell": "person"}


def run(text: str, lang: str) -> ArticleDoc:
    doc = make_doc(text, lang, ACTORS, kinds=KINDS)
    return run_statements_and_events(doc)


def test_quoted_we_welcome_is_the_speakers_support_en():
    doc = run('"We welcome the release of the sailors," Ana Vell said on Monday.', "en")
    support = of_type(doc, "SUPPORT")
    assert support, [(e.event, e.explain) for e in doc.events]
    assert names(doc, support[0].actor) == {"Ana Vell"}
    assert "quoted first person" in str(support[0].explain)


def test_quoted_wij_after_the_verb_nl():
    doc = run("„Morgen sturen wij hulpgoederen naar Sudland”, zei Ana Vell.", "nl")
    aid = of_type(doc, "AID")
    assert aid, [(e.event, e.explain) for e in doc.events]
    assert names(doc, aid[0].actor) == {"Ana Vell"}


def test_quoted_nous_fr():
    doc = run("« Nous saluons la libération des otages », a déclaré Ana Vell.", "fr")
    support = of_type(doc, "SUPPORT")
    assert support and names(doc, support[0].actor) == {"Ana Vell"}


def test_we_outside_a_quote_names_no_speaker_en():
    doc = run("We welcome the release of the sailors, the editors wrote.", "en")
    assert all(names(doc, e.actor) != {"Ana Vell"} for e in doc.events)


def test_a_negated_quoted_act_is_left_alone_en():
    doc = run('"We will not negotiate with Sudland," Ana Vell said.', "en")
    assert all("quoted first person" not in str(e.explain) for e in doc.events)


def test_a_named_subject_keeps_its_act_en():
    doc = run('"Nortland welcomes the release," Ana Vell said.', "en")
    support = of_type(doc, "SUPPORT")
    assert support and names(doc, support[0].actor) == {"Nortland"}
