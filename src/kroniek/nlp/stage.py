"""The nlp stage: tokens, sentences, lemmas, POS, dependencies and entities from a spaCy pipeline.

By default the pipeline kroniek ships for the article's language is used (kroniek/models/<lang>);
any installed spaCy pipeline can be named instead per language ([stages."nlp.spacy/v1"].models or
--nlp NAME). Where no trained pipeline exists for a language, a rule-based one (tokenizer and
sentence splitter only) is used and the document records that reason.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kroniek.document import ArticleDoc, CharSpan
from kroniek.errors import KroniekError

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"


def shipped_model_path(lang: str) -> Path:
    return MODELS_DIR / lang


class NlpStage:
    name = "nlp.spacy/v1"
    requires = ("text", "language")
    provides = ("nlp", "sentences")

    def __init__(self, models: dict[str, str] | None = None) -> None:
        self.models = dict(models or {})
        self._loaded: dict[str, Any] = {}
        self._fallback_reason: dict[str, str] = {}

    def load(self, lang: str) -> Any:
        if lang in self._loaded:
            return self._loaded[lang]
        import spacy

        choice = self.models.get(lang, "shipped")
        if choice == "shipped":
            path = shipped_model_path(lang)
            if (path / "config.cfg").exists():
                nlp = spacy.load(path)
            else:
                nlp = spacy.blank(lang)
                self._fallback_reason[lang] = f"no trained pipeline shipped for {lang!r}: rule-based tokens only"
        else:
            try:
                nlp = spacy.load(choice)
            except (OSError, ImportError) as exc:
                raise KroniekError("E034", name=choice, detail=str(exc)) from exc
        from kroniek.nlp.segment import add_news_segmentation

        add_news_segmentation(nlp, lang)
        self._loaded[lang] = nlp
        return nlp

    def __call__(self, doc: ArticleDoc) -> ArticleDoc:
        nlp = self.load(doc.lang)
        if doc.lang in self._fallback_reason:
            doc.notes.append(self._fallback_reason[doc.lang])
        spacy_doc = nlp(doc.text)
        doc.nlp = spacy_doc
        doc.sentences = [CharSpan(s.start_char, s.end_char) for s in spacy_doc.sents]
        return doc


def make_nlp_stage(models: dict[str, str] | None = None) -> NlpStage:
    return NlpStage(models=models)
