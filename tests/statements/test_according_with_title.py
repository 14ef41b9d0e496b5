"""A source phrase whose speaker follows a title the mention leaves out ("according to exiled opposition
leader X", issue 14). Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

VELL = ("Ana Vell", "person", ["Ana Vell"])
SUDLAND = ("Sudland", "state", ["Sudland"])


@pytest.mark.parametrize(
    ("lang", "text", "content"),
    [
        (
            "en",
            "Sudland closed the border on Monday, according to exiled opposition leader Ana Vell.",
            "Sudland closed the border on Monday",
        ),
        (
            "nl",
            "Sudland heeft de grens maandag gesloten, volgens de verbannen oppositieleider Ana Vell.",
            "Sudland heeft de grens maandag gesloten",
        ),
        (
            "de",
            "Sudland hat die Grenze am Montag geschlossen, laut der Oppositionsführerin Ana Vell.",
            "Sudland hat die Grenze am Montag geschlossen",
        ),
        (
            "fr",
            "Sudland a fermé la frontière lundi, selon l'opposante en exil Ana Vell.",
            "Sudland a fermé la frontière lundi",
        ),
    ],
)
def test_the_speaker_after_a_title(run_stage, lang: str, text: str, content: str) -> None:
    doc = run_stage(text, lang, [VELL, SUDLAND])
    according = [a for a in doc.attributions if a.how == "according"]
    assert according, doc.attributions
    assert according[0].speaker is not None and doc.actors[according[0].speaker].name == "Ana Vell"
    assert doc.text[according[0].scope.start : according[0].scope.end].startswith(content)


def test_no_speaker_across_a_comma_en(run_stage) -> None:
    doc = run_stage("Sudland closed the border, according to plans, reports and Ana Vell.", "en", [VELL, SUDLAND])
    assert not [a for a in doc.attributions if a.how == "according" and a.speaker is not None]


# --- an inverted postposed speaker after a title: "…, sagte Junta-Sprecher X" -----------------------------


@pytest.mark.parametrize(
    ("lang", "text", "content"),
    [
        (
            "de",
            "Sudland werde weitere Diplomaten ausweisen, sagte Regierungssprecherin Ana Vell.",
            "Sudland werde weitere Diplomaten ausweisen",
        ),
        (
            "nl",
            "Sudland zal meer diplomaten uitzetten, zei regeringswoordvoerder Ana Vell.",
            "Sudland zal meer diplomaten uitzetten",
        ),
        (
            "en",
            "Sudland will expel more diplomats, said government spokesperson Ana Vell.",
            "Sudland will expel more diplomats",
        ),
        (
            "fr",
            "Sudland expulsera d'autres diplomates, a déclaré la porte-parole Ana Vell.",
            "Sudland expulsera d'autres diplomates",
        ),
        # a hyphenated title (round 7): the hyphen joins the title's words, it does not end the title
        (
            "nl",
            "Sudland zal meer diplomaten uitzetten, zei procureur-generaal Ana Vell.",
            "Sudland zal meer diplomaten uitzetten",
        ),
        (
            "en",
            "Sudland will expel more diplomats, said vice-president Ana Vell.",
            "Sudland will expel more diplomats",
        ),
    ],
)
def test_inverted_speaker_after_a_title(run_stage, said, lang: str, text: str, content: str) -> None:
    doc = run_stage(text, lang, [VELL, SUDLAND])
    assert said(doc) == [("Ana Vell", content, False)]


def test_a_bare_complement_after_the_verb_stays_what_was_said_en(run_stage, said) -> None:
    text = "Speaking on the radio, the spokesperson said Sudland would expel more diplomats."
    doc = run_stage(text, "en", [VELL, SUDLAND])
    assert all(who != "Sudland" for who, _, _ in said(doc))


# --- a quote's speaker named in apposition after a title that names an organisation ----------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "« Nous demandons un passage sûr », a déclaré la coordonnatrice de Sudland à Nortland, Ana Vell."),
        ("en", '"We ask for safe passage," said the coordinator of Sudland in Nortland, Ana Vell.'),
        ("nl", "„Wij vragen een veilige doorgang”, zei de coördinator van Sudland in Nortland, Ana Vell."),
        ("de", "„Wir bitten um sicheren Durchgang“, sagte die Koordinatorin von Sudland in Nortland, Ana Vell."),
    ],
)
def test_quote_speaker_in_apposition_after_a_title(run_stage, lang: str, text: str) -> None:
    doc = run_stage(text, lang, [VELL, SUDLAND, ("Nortland", "state", ["Nortland"])])
    quotes = [st for st in doc.statements if st.direct]
    assert quotes and quotes[0].speaker is not None and doc.actors[quotes[0].speaker].name == "Ana Vell"


def test_a_place_after_the_name_keeps_the_first_speaker_en(run_stage) -> None:
    text = '"We ask for safe passage," said Ana Vell, the coordinator of Sudland in Nortland.'
    doc = run_stage(text, "en", [VELL, SUDLAND, ("Nortland", "state", ["Nortland"])])
    quotes = [st for st in doc.statements if st.direct]
    assert quotes and quotes[0].speaker is not None and doc.actors[quotes[0].speaker].name == "Ana Vell"


# --- a clause after a further comma is no part of a postposed attribution ---------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "content"),
    [
        (
            "en",
            "Sudland will close its border from Thursday, Ana Vell announced on Tuesday, accusing Nortland "
            "of sending armed groups across it for months.",
            "Sudland will close its border from Thursday",
        ),
        (
            "fr",
            "Sudland fermera sa frontière dès jeudi, a annoncé Ana Vell mardi, accusant Nortland d'envoyer "
            "des groupes armés depuis des mois.",
            "Sudland fermera sa frontière dès jeudi",
        ),
        (
            "nl",
            "Sudland sluit vanaf donderdag de grens, kondigde Ana Vell dinsdag aan, na maanden van "
            "beschietingen vanuit Nortland op de grensposten.",
            "Sudland sluit vanaf donderdag de grens",
        ),
        (
            "de",
            "Sudland schließt ab Donnerstag die Grenze, kündigte Ana Vell am Dienstag an, nach monatelangen "
            "Angriffen aus Nortland auf die Grenzposten.",
            "Sudland schließt ab Donnerstag die Grenze",
        ),
    ],
)
def test_postposed_attribution_before_a_further_clause(run_stage, said, lang: str, text: str, content: str) -> None:
    doc = run_stage(text, lang, [VELL, SUDLAND, ("Nortland", "state", ["Nortland"])])
    assert ("Ana Vell", content, False) in said(doc)


def test_a_cue_word_inside_a_name_is_no_cue_en(run_stage) -> None:
    text = (
        "In a statement on Monday, the Sudland States Council defended the strike, which the cabinet had "
        "approved, as a defensive measure."
    )
    doc = run_stage(text, "en", [("Sudland States Council", "organization", ["Sudland States Council"])])
    assert not [a for a in doc.attributions if a.cue is not None and doc.text[a.cue.start : a.cue.end] == "States"]
