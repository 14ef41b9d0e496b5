import pytest

from kroniek.chronicle.models import Article
from kroniek.document import ArticleDoc
from kroniek.errors import KroniekError, StageError
from kroniek.pipeline import Pipeline, known_stages, load_config, register_stage


class Boom:
    name = "test.boom/v1"
    requires = ("text",)
    provides = ("boom",)

    def __call__(self, doc):
        raise ValueError("kaboom")


class NeedsEvents:
    name = "test.needs/v1"
    requires = ("events",)
    provides = ()

    def __call__(self, doc):
        return doc


def make_doc(text="Een tekst."):
    return ArticleDoc(article=Article(id="doc-7", language="nl", text=text))


def test_stage_error_names_stage_and_article():
    pipe = Pipeline([Boom()], {})
    with pytest.raises(StageError) as err:
        pipe(make_doc())
    assert err.value.code == "E032"
    assert "test.boom/v1" in str(err.value) and "doc-7" in str(err.value) and "kaboom" in str(err.value)


def test_missing_input_layer_is_refused_at_build_time():
    with pytest.raises(KroniekError) as err:
        Pipeline([NeedsEvents()], {})
    assert err.value.code == "E031" and "events" in str(err.value)


def test_unknown_stage_lists_known_ones():
    config = load_config(overrides={"pipeline": {"stages": ["nope/v9"]}})
    with pytest.raises(KroniekError) as err:
        Pipeline.from_config(config)
    assert err.value.code == "E030" and "nlp.spacy/v1" in str(err.value)


def test_runtime_registration_and_settings_from_config():
    class Tag:
        name = "test.tag/v1"
        requires = ("text",)
        provides = ("tag",)

        def __init__(self, label):
            self.label = label

        def __call__(self, doc):
            doc.notes.append(self.label)
            return doc

    register_stage("test.tag/v1", lambda label="default": Tag(label))
    assert "test.tag/v1" in known_stages()
    config = load_config(overrides={"pipeline": {"stages": ["test.tag/v1"]}, "stages": {"test.tag/v1": {"label": "x"}}})
    doc = Pipeline.from_config(config)(make_doc())
    assert doc.notes == ["x"] and "tag" in doc.provided


def test_config_file_overrides_defaults(tmp_path):
    path = tmp_path / "k.toml"
    path.write_text("[input]\nmax_chars = 10\n", encoding="utf-8")
    config = load_config(path)
    assert config["input"]["max_chars"] == 10
    assert config["pipeline"]["stages"][0] == "nlp.spacy/v1"  # the rest stays as shipped


def test_unreadable_config(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text("[input\n", encoding="utf-8")
    with pytest.raises(KroniekError) as err:
        load_config(path)
    assert err.value.code == "E033"
