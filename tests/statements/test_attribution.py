"""doc.attributions (what the events stage reads for an event's source), the parse path, and the stage's
contract. All sentences are written for the tests."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from kroniek.document import ArticleDoc, AttributionRecord, CharSpan
from kroniek.pipeline.registry import get_factory
from kroniek.statements.stage import StatementsStage

ENVOY = ("Mary Stone", "person", ["Mary Stone", "de Amerikaanse gezant Mary Stone"])
CITY = ("Rotterdam", "state", ["Rotterdam"])
PM = ("John Miller", "person", ["John Miller", "Miller"])
BOARD = ("Harbour Board", "organization", ["the harbour board"])


def span_of(text: str, words: str) -> CharSpan:
    start = text.index(words)
    return CharSpan(start, start + len(words))


def speech_cues(doc: ArticleDoc) -> list[AttributionRecord]:
    return StatementsStage()(doc).attributions


def source_of(doc: ArticleDoc, span: CharSpan, exclude: Iterable[int] = ()) -> int | None:
    """The speaker of the attribution whose scope holds ``span`` (as the events stage reads it)."""
    banned = set(exclude)
    for a in speech_cues(doc):
        if a.speaker is not None and a.speaker not in banned and a.scope.start <= span.start < a.scope.end:
            return a.speaker
    return None


def test_source_of_volgens_clause(build) -> None:
    doc = build("De gesprekken vinden volgens de Amerikaanse gezant Mary Stone zondag plaats.", "nl", [ENVOY])
    assert source_of(doc, span_of(doc.text, "vinden")) == 0


def test_source_of_dat_clause_and_outside_it(build) -> None:
    text = "Rotterdam meldt dat de haven dinsdag is gesloten. De schepen wachten op zee."
    doc = build(text, "nl", [CITY])
    assert source_of(doc, span_of(text, "is gesloten")) == 0
    assert source_of(doc, span_of(text, "wachten op zee")) is None


def test_source_of_excludes_the_events_own_actor(build) -> None:
    text = "John Miller said that he would visit the harbour on Friday."
    doc = build(text, "en", [PM])
    assert source_of(doc, span_of(text, "visit the harbour")) == 0
    assert source_of(doc, span_of(text, "visit the harbour"), exclude=[0]) is None


def test_source_of_postposed_report(build) -> None:
    text = "The ferry will sail again in June, the harbour board said."
    doc = build(text, "en", [BOARD])
    assert source_of(doc, span_of(text, "will sail")) == 0


def test_speech_cues_report_cue_scope_and_how(build) -> None:
    text = "According to the harbour board, the quay will reopen in May."
    cues = speech_cues(build(text, "en", [BOARD]))
    assert len(cues) == 1
    assert text[cues[0].cue.start : cues[0].cue.end] == "According to the harbour board"
    assert text[cues[0].scope.start : cues[0].scope.end] == "the quay will reopen in May"
    assert cues[0].how == "according" and cues[0].speaker == 0


def test_participle_reports_its_own_content_with_the_main_subject(build) -> None:
    text = 'Miller said the port must close "for safety reasons", adding the workers will be paid in full.'
    cues = speech_cues(build(text, "en", [PM]))
    scopes = [text[c.scope.start : c.scope.end] for c in cues]
    assert scopes == ['the port must close "for safety reasons"', "the workers will be paid in full"]
    assert [c.speaker for c in cues] == [0, 0]


def test_parse_gives_the_subject_when_present(build) -> None:
    # "Miller of the board in Rotterdam said …": Rotterdam stands next to the verb; the parse knows better.
    text = "Miller of the board in Rotterdam said that taxes will fall."
    doc = build(text, "en", [PM, CITY])
    words = ["Miller", "of", "the", "board", "in", "Rotterdam", "said", "that", "taxes", "will", "fall", "."]
    heads = [6, 0, 3, 1, 5, 3, 6, 10, 10, 10, 6, 6]
    deps = ["nsubj", "prep", "det", "pobj", "prep", "pobj", "ROOT", "mark", "nsubj", "aux", "ccomp", "punct"]
    spaces = [True] * 10 + [False, False]
    assert doc.nlp is not None
    doc.nlp = Doc(doc.nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    cues = speech_cues(doc)
    assert [c.speaker for c in cues] == [0]
    doc.nlp = None  # without a parse the stage still runs, on tokens it makes itself
    assert len(speech_cues(doc)) == 1


def test_stage_is_registered_and_declares_its_layers(build) -> None:
    stage = get_factory("statements.quotes/v1")()
    assert stage.name == "statements.quotes/v1"
    assert stage.requires == ("nlp", "actors") and stage.provides == ("statements", "attributions")


def test_stage_without_actors_or_text_does_not_crash(build) -> None:
    stage = StatementsStage()
    doc = stage(build("", "nl", []))
    assert doc.statements == []
    doc = stage(build("„Dit is een citaat zonder spreker erbij”, zei iemand.", "nl", []))
    assert doc.statements[0].speaker is None
    assert any("without a known speaker" in n for n in doc.notes)


def test_unsupported_language_falls_back_to_english_cues(build) -> None:
    doc = StatementsStage()(build("Miller said that the bridge is safe for all traffic.", "it", [PM]))
    assert len(doc.statements) == 1


def test_parse_subject_that_names_no_actor_gives_no_speaker(build) -> None:
    text = "A spokesman in Rotterdam said that taxes will fall."
    doc = build(text, "en", [CITY])
    words = ["A", "spokesman", "in", "Rotterdam", "said", "that", "taxes", "will", "fall", "."]
    heads = [1, 4, 1, 2, 4, 8, 8, 8, 4, 4]
    deps = ["det", "nsubj", "prep", "pobj", "ROOT", "mark", "nsubj", "aux", "ccomp", "punct"]
    doc.nlp = Doc(doc.nlp.vocab, words=words, spaces=[True] * 8 + [False, False], heads=heads, deps=deps)
    # the subject phrase holds a mention (Rotterdam): the parse takes the actor inside its subject
    assert [c.speaker for c in speech_cues(doc)] == [0]
    text2 = "A spokesman for the port said that taxes will fall."
    doc2 = build(text2, "en", [CITY])
    words2 = ["A", "spokesman", "for", "the", "port", "said", "that", "taxes", "will", "fall", "."]
    heads2 = [1, 5, 1, 4, 2, 5, 9, 9, 9, 5, 5]
    deps2 = ["det", "nsubj", "prep", "det", "pobj", "ROOT", "mark", "nsubj", "aux", "ccomp", "punct"]
    doc2.nlp = Doc(doc2.nlp.vocab, words=words2, spaces=[True] * 9 + [False, False], heads=heads2, deps=deps2)
    assert [c.speaker for c in speech_cues(doc2)] == [None]


def test_pronoun_resolved_by_actors_stage_is_checked_by_subject_preference(build) -> None:
    from kroniek.document import ActorMention

    text = (
        "Mary Stone answered a question from John Miller about the harbour. She said that the quay will reopen in May."
    )
    doc = build(text, "en", [ENVOY, PM])
    she = text.index("She")
    doc.actors[1].mentions.append(ActorMention(she, she + 3, 1, how="pronoun"))  # a recency guess: Miller
    assert [c.speaker for c in speech_cues(doc)] == [0]


def test_unknown_name_next_to_the_verb_is_no_speaker(build) -> None:
    text = "In Rotterdam, harbour master Pieter Bakker said that the quay will reopen in May."
    cues = speech_cues(build(text, "en", [CITY]))
    assert [c.speaker for c in cues] == [None]


def test_mention_after_a_titled_head_does_not_speak(build) -> None:
    text = "The Adviser to the Head of the Office of John Miller stressed that talks had failed."
    cues = speech_cues(build(text, "en", [PM]))
    assert [c.speaker for c in cues] == [None]
    text = "Minister Miller of the Harbour Board stressed that talks had failed."
    cues = speech_cues(build(text, "en", [PM, ("Harbour Board", "organization", ["the Harbour Board"])]))
    assert [c.speaker for c in cues] == [0]


def test_first_name_outside_the_mention_is_skipped(build) -> None:
    text = "La situation reste calme, affirme Jean Martin de l'Observatoire."
    cues = speech_cues(build(text, "fr", [("Martin", "person", ["Martin"])]))
    assert [c.speaker for c in cues] == [0]


def test_document_without_nlp_layer_uses_its_own_sentences(build) -> None:
    from kroniek.chronicle.models import Article
    from kroniek.document import ActorMention, ActorRecord, ArticleDoc

    text = "The port is closed. Miller said that the ferry will sail again in June."
    doc = ArticleDoc(article=Article(id="raw", language="en", text=text))
    start = text.index("Miller")
    doc.actors = [ActorRecord(key="m", name="John Miller", kind="person", mentions=[ActorMention(start, start + 6, 0)])]
    doc = StatementsStage()(doc)
    assert [(s.speaker, text[s.text.start : s.text.end]) for s in doc.statements] == [
        (0, "that the ferry will sail again in June")
    ]


def test_random_marks_and_words_never_crash(build) -> None:
    import random

    rng = random.Random(7)
    pieces = [
        "„",
        "”",
        "“",
        '"',
        "'",
        "‘",
        "’",
        "«",
        "»",
        "‹",
        "›",
        " zei",
        " said",
        " aldus",
        " volgens",
        " Miller",
        " he",
        ",",
        ".",
        ":",
        "\n",
        "\n\n",
        " that",
        " dat",
        " the port",
        " -",
        " according to",
    ]
    stage = StatementsStage()
    for lang in ("nl", "en", "de", "fr"):
        for _ in range(40):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 60)))
            doc = stage(build(text, lang, [PM]))
            for st in doc.statements:
                assert 0 <= st.text.start <= st.text.end <= len(text)
                if st.cue is not None:
                    assert 0 <= st.cue.start < st.cue.end <= len(text)


def test_name_in_apposition_speaks_not_the_noun_before_it(build) -> None:
    text = "The mayor of Rotterdam, Pieter Bakker, said that the quay will reopen in May."
    assert [c.speaker for c in speech_cues(build(text, "en", [CITY]))] == [None]
    doc = build(text, "en", [CITY, ("Pieter Bakker", "person", ["Pieter Bakker"])])
    assert [c.speaker for c in speech_cues(doc)] == [1]


def test_parenthesis_between_subject_and_verb_is_skipped(build) -> None:
    text = "The Harbour Board (HB) declared that the quay will reopen in May."
    doc = build(text, "en", [("Harbour Board", "organization", ["The Harbour Board"])])
    assert [c.speaker for c in speech_cues(doc)] == [0]


def test_verb_deep_in_a_long_clause_does_not_take_the_first_mention(build) -> None:
    text = (
        "John Miller released a recording in which someone, apparently an adviser, quietly says the plan "
        "has no chance at all."
    )
    assert [c.speaker for c in speech_cues(build(text, "en", [PM]))] == [None]


def test_joint_speech_has_no_single_speaker(build) -> None:
    text = "Miller and Stone said that the harbour will stay open."
    doc = build(text, "en", [PM, ("Mary Stone", "person", ["Stone"])])
    assert [c.speaker for c in speech_cues(doc)] == [None]


def test_parse_chain_skips_the_subject_inside_reported_words(build) -> None:
    # a parser hangs "adding" on "reopen", inside what Miller said; the quay is not who adds
    text = "Miller said the quay will reopen, adding that ships will wait."
    doc = build(text, "en", [PM])
    words = ["Miller", "said", "the", "quay", "will", "reopen", ",", "adding", "that", "ships", "will", "wait", "."]
    heads = [1, 1, 3, 5, 5, 1, 7, 5, 11, 11, 11, 7, 1]
    deps = ["nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "punct", "advcl", "mark", "nsubj", "aux", "ccomp", "punct"]
    spaces = [True] * 5 + [False] + [True] * 5 + [False, False]
    assert doc.nlp is not None
    doc.nlp = Doc(doc.nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    assert [c.speaker for c in speech_cues(doc)] == [0, 0]


def test_parse_subject_description_defers_to_word_order_outside_the_mention(build) -> None:
    # the parse puts "In Rotterdam" inside the subject phrase; the name next to the verb is unknown
    text = "In Rotterdam, the harbour master Bakker said that taxes will fall."
    doc = build(text, "en", [CITY])
    words = ["In", "Rotterdam", ",", "the", "harbour", "master", "Bakker", "said", "that", "taxes", "will", "fall", "."]
    heads = [1, 5, 5, 5, 5, 7, 5, 7, 11, 11, 11, 7, 7]
    deps = [
        "case",
        "nmod",
        "punct",
        "det",
        "compound",
        "nsubj",
        "appos",
        "ROOT",
        "mark",
        "nsubj",
        "aux",
        "ccomp",
        "punct",
    ]
    spaces = [True, False] + [True] * 9 + [False, False]
    assert doc.nlp is not None
    doc.nlp = Doc(doc.nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    assert [c.speaker for c in speech_cues(doc)] == [None]
