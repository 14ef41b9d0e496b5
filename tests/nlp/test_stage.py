"""The nlp stage: shipped pipelines, user-chosen pipelines (E034), fallback, offsets, batching."""

from __future__ import annotations

import pytest

from kroniek.chronicle.models import Article
from kroniek.document import ArticleDoc
from kroniek.errors import KroniekError
from kroniek.nlp.stage import NlpStage, has_shipped_model, sentence_spans


@pytest.fixture(scope="module")
def stage() -> NlpStage:
    """One stage for the module, so each shipped pipeline is loaded once."""
    return NlpStage()


def article_doc(text: str, lang: str) -> ArticleDoc:
    return ArticleDoc(article=Article(id="t1", language=lang, text=text))


NL_TEXT = (
    "Minister Jansen bezocht dinsdag de haven van Rotterdam.\n\n"
    "De vakbond FNV eiste daar hogere lonen voor de havenarbeiders. "
    "„Wij wachten niet langer,” zei een woordvoerder."
)
EN_TEXT = (
    "President Alvarez visited the port of Lisbon on Tuesday.\n\n"
    'The union demanded higher wages for dock workers. "We will not wait any longer," a spokesman said.'
)


def test_pipeline_name_that_is_not_installed_gives_e034() -> None:
    stage = NlpStage(models={"nl": "xx_kroniek_not_installed_pipeline"})
    with pytest.raises(KroniekError) as info:
        stage(article_doc("Een zin.", "nl"))
    assert info.value.code == "E034"
    assert "xx_kroniek_not_installed_pipeline" in str(info.value)


def test_extractor_passes_the_nlp_choice_through() -> None:
    from kroniek.extractor import Extractor
    from kroniek.pipeline import load_config

    config = load_config()
    config["pipeline"]["stages"] = ["nlp.spacy/v1"]  # the other stages are not needed to load nlp
    extractor = Extractor(config=config, nlp="xx_kroniek_not_installed_pipeline")
    with pytest.raises(KroniekError) as info:
        extractor.extract("De minister sprak met de burgemeester.", lang="nl")
    assert info.value.code == "E034"


def test_language_without_shipped_pipeline_falls_back_with_a_note() -> None:
    lang = "fr" if not has_shipped_model("fr") else "xx"
    doc = NlpStage()(article_doc("Le ministre est arrivé. Il a parlé aux journalistes.", lang))
    assert len(doc.sentences) == 2
    assert any("no trained pipeline" in note for note in doc.notes)


@pytest.mark.parametrize(("lang", "text"), [("nl", NL_TEXT), ("en", EN_TEXT)])
def test_shipped_pipeline_annotates_and_keeps_offsets(stage: NlpStage, lang: str, text: str) -> None:
    if not has_shipped_model(lang):
        pytest.skip(f"no shipped {lang} model in this checkout")
    doc = stage(article_doc(text, lang))
    spacy_doc = doc.nlp
    assert spacy_doc is not None and spacy_doc.text == text
    for token in spacy_doc:
        assert text[token.idx : token.idx + len(token.text)] == token.text
    for name in ("POS", "LEMMA", "DEP", "MORPH"):
        assert spacy_doc.has_annotation(name), name
    # Every sentence span is trimmed and lies inside the text; the paragraph break splits.
    assert len(doc.sentences) == 3
    for span in doc.sentences:
        assert span.text(doc) == span.text(doc).strip()
    assert doc.sentences[0].text(doc).endswith(".")
    labels = {ent.label_ for ent in spacy_doc.ents}
    assert labels & {"PER", "ORG", "LOC", "MISC"}
    assert not doc.notes


@pytest.mark.parametrize(("lang", "text"), [("nl", NL_TEXT), ("en", EN_TEXT)])
def test_batching_gives_the_same_analysis(stage: NlpStage, lang: str, text: str) -> None:
    nlp = stage.load(lang)
    texts = [text, text.upper(), "Kort.", text]
    one_by_one = [[(t.text, t.pos_, t.dep_, t.head.i) for t in nlp(x)] for x in texts]
    batched = [[(t.text, t.pos_, t.dep_, t.head.i) for t in d] for d in nlp.pipe(texts, batch_size=2)]
    assert batched == one_by_one


def test_sentence_spans_drop_blank_sentences() -> None:
    nlp = NlpStage().load("fr" if not has_shipped_model("fr") else "xx")
    spans = sentence_spans(nlp("  Première phrase.\n\n\n  Deuxième phrase.  "))
    assert [(s.start, s.end) for s in spans] == [(2, 18), (23, 39)]


@pytest.mark.skipif(not has_shipped_model("en"), reason="needs the shipped en pipeline")
def test_excluded_component_is_left_out_and_the_rest_still_annotates() -> None:
    doc = NlpStage(exclude=["ner"])(article_doc(EN_TEXT, "en"))
    assert doc.nlp is not None
    assert list(doc.nlp.ents) == []
    assert any(token.dep_ == "nsubj" for token in doc.nlp)  # the parser still runs
    assert len(doc.sentences) == 3


@pytest.mark.skipif(not has_shipped_model("en"), reason="needs the shipped en pipeline")
@pytest.mark.parametrize(("name", "why"), [("nerr", "no such component"), ("tok2vec", "read its output")])
def test_excluding_an_unknown_or_shared_component_gives_e440(name: str, why: str) -> None:
    with pytest.raises(KroniekError) as info:
        NlpStage(exclude=[name])(article_doc(EN_TEXT, "en"))
    assert info.value.code == "E440"
    assert why in str(info.value)
    assert "exclude" in str(info.value)


def test_exclude_is_a_setting_of_the_configuration_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kroniek.extractor import Extractor
    from kroniek.pipeline import load_config

    path = tmp_path / "fast.toml"
    path.write_text('[stages."nlp.spacy/v1"]\nexclude = ["ner"]\n', encoding="utf-8")
    config = load_config(path)
    assert config["stages"]["nlp.spacy/v1"]["exclude"] == ["ner"]
    config["pipeline"]["stages"] = ["nlp.spacy/v1"]
    extractor = Extractor(config=config)
    extractor.extract(EN_TEXT, lang="en")  # builds the pipeline: an unknown setting would be E035
    assert extractor.pipeline.stages[0].exclude == ("ner",)
