"""Direct quotes: cue after, before, in the middle; credit lines; scare quotes.
All sentences are written for the tests."""

from __future__ import annotations

MAYOR = ("Anna de Vries", "person", ["Anna de Vries", "De Vries", "de burgemeester"])
PM = ("John Miller", "person", ["John Miller", "Miller", "the prime minister"])
PAPER = ("De Dagkrant", "media", ["De Dagkrant"])
AGENCY = ("Nordic News Agency", "media", ["Nordic News Agency"])


def test_nl_cue_after_quote(run_stage, said) -> None:
    doc = run_stage("„We openen de brug volgend jaar”, zei De Vries dinsdag.", "nl", [MAYOR])
    assert said(doc) == [("Anna de Vries", "We openen de brug volgend jaar", True)]
    st = doc.statements[0]
    assert st.cue is not None and doc.text[st.cue.start : st.cue.end] == "zei"


def test_nl_cue_before_quote_with_colon(run_stage, said) -> None:
    doc = run_stage("De burgemeester zei: „Er komt geen nieuwe parkeergarage in het centrum.”", "nl", [MAYOR])
    assert said(doc) == [("Anna de Vries", "Er komt geen nieuwe parkeergarage in het centrum.", True)]


def test_nl_cue_in_the_middle_serves_both_quotes(run_stage, said) -> None:
    text = "'Wij blijven hier wonen,' zei hij, 'wat er ook gebeurt met de dijk.'"
    doc = run_stage("Anna de Vries bezocht het dorp. " + text, "nl", [MAYOR])
    assert said(doc) == [
        ("Anna de Vries", "Wij blijven hier wonen", True),
        ("Anna de Vries", "wat er ook gebeurt met de dijk.", True),
    ]


def test_nl_aldus_after_quote_with_nested_quote(run_stage, said) -> None:
    text = "„Het motto „samen sterk” is nu vervangen door: „ieder voor zich”, aldus De Dagkrant."
    doc = run_stage(text, "nl", [PAPER])
    assert len(doc.statements) == 1
    who, words, direct = said(doc)[0]
    assert who == "De Dagkrant" and direct
    assert words.startswith("Het motto „samen sterk”") and words.endswith("ieder voor zich")


def test_nl_pull_quote_with_credit_line(run_stage, said) -> None:
    text = (
        "De raad vergaderde lang.\n\n„Wij laten de bewoners niet in de steek” De Vries, burgemeester\n\n"
        "Daarna ging de vergadering verder."
    )
    doc = run_stage(text, "nl", [MAYOR])
    assert said(doc) == [("Anna de Vries", "Wij laten de bewoners niet in de steek", True)]
    assert doc.statements[0].cue is None


def test_en_pull_quote_with_credit_on_next_line(run_stage, said) -> None:
    text = "The talks went on.\n\n“We will rebuild every school in the region.”\n— John Miller, prime minister\n"
    doc = run_stage(text, "en", [PM])
    assert said(doc) == [("John Miller", "We will rebuild every school in the region.", True)]


def test_nl_scare_quotes_are_not_statements(run_stage, said) -> None:
    doc = run_stage("De Vries sprak van een „gebaar van vrede” en vertrok.", "nl", [MAYOR])
    assert doc.statements == []


def test_en_cue_after_with_pronoun_resolved_to_previous_subject(run_stage, said) -> None:
    text = 'John Miller visited the harbour on Monday. "The new quay will be ready by spring," he said.'
    doc = run_stage(text, "en", [PM])
    assert said(doc) == [("John Miller", "The new quay will be ready by spring", True)]


def test_en_inverted_cue_after_quote(run_stage, said) -> None:
    doc = run_stage("“Nobody will be left behind in this crisis,” said the prime minister.", "en", [PM])
    assert said(doc) == [("John Miller", "Nobody will be left behind in this crisis", True)]


def test_en_cue_before_quote_without_colon(run_stage, said) -> None:
    doc = run_stage('Miller ended the debate by saying "we are ready to talk to anyone".', "en", [PM])
    assert said(doc) == [("John Miller", "we are ready to talk to anyone", True)]


def test_en_sentence_with_colon_introduces_quote(run_stage, said) -> None:
    text = 'In his letter, Miller thanked the volunteers: "Your work kept this city running for weeks."'
    doc = run_stage(text, "en", [PM])
    assert said(doc) == [("John Miller", "Your work kept this city running for weeks.", True)]


def test_en_quote_over_sentences_and_paragraphs(run_stage, said) -> None:
    text = (
        'Miller spoke at length. "The storm took everything. We start again tomorrow.\n\n'
        '"Every family will get help," he said.'
    )
    doc = run_stage(text, "en", [PM])
    assert len(doc.statements) == 1
    who, words, _ = said(doc)[0]
    assert who == "John Miller" and words.startswith("The storm took")
    assert "Every family will get help" in words


def test_en_whole_sentence_quote_continues_previous_speaker(run_stage, said) -> None:
    text = '"We will rebuild the harbour walls," Miller said. "The fishermen cannot wait another winter for this work."'
    doc = run_stage(text, "en", [PM])
    assert [s[0] for s in said(doc)] == ["John Miller", "John Miller"]


def test_quoted_headline_in_a_newspaper_is_its_statement(run_stage, said) -> None:
    text = "De Kamer vroeg om een reactie op het artikel «Harbour plans stall as costs rise» in De Dagkrant."
    doc = run_stage(text, "nl", [PAPER])
    assert said(doc) == [("De Dagkrant", "Harbour plans stall as costs rise", True)]
    assert doc.statements[0].channel == "De Dagkrant"


def test_de_quote_with_channel(run_stage, said) -> None:
    text = "Anna de Vries schrieb auf Twitter: „Wir haben schnell gehandelt und werden nicht nachgeben.“"
    doc = run_stage(text, "de", [MAYOR])
    assert said(doc) == [("Anna de Vries", "Wir haben schnell gehandelt und werden nicht nachgeben.", True)]
    assert doc.statements[0].channel == "Twitter"


def test_fr_guillemets_with_inverted_pronoun(run_stage, said) -> None:
    text = (
        "Le porte-parole Jean Martin a parlé aux journalistes.\n\n"
        "« La ville ne sera pas abandonnée par l'État » a-t-il souligné."
    )
    doc = run_stage(text, "fr", [("Jean Martin", "person", ["Jean Martin"])])
    assert said(doc) == [("Jean Martin", "La ville ne sera pas abandonnée par l'État", True)]


def test_speaker_unknown_is_none_not_a_crash(run_stage, said) -> None:
    doc = run_stage("„Dit mag nooit meer gebeuren in ons land”, zei een omstander.", "nl", [])
    assert said(doc) == [(None, "Dit mag nooit meer gebeuren in ons land", True)]


def test_nl_quote_over_paragraphs_after_colon(run_stage, said) -> None:
    text = (
        "De burgemeester zei:\n\n„De dijk is versterkt en de bewoners kunnen blijven.\n\n"
        "„Wij houden de situatie dag en nacht in de gaten.”\n\nDaarna vertrok ze."
    )
    doc = run_stage(text, "nl", [MAYOR])
    assert len(doc.statements) == 1
    who, words, direct = said(doc)[0]
    assert who == "Anna de Vries" and direct
    assert words.startswith("De dijk is versterkt") and words.endswith("in de gaten.")
