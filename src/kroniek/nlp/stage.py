"""The nlp stage: tokens, sentences, lemmas, POS, morphology, dependencies and entities from spaCy.

By default the pipeline kroniek ships for the article's language is used (kroniek/models/<lang>,
trained by training/train.sh; see docs/models/). Any installed spaCy pipeline can be named instead
per language ([stages."nlp.spacy/v1"].models or --nlp NAME). Where no trained pipeline exists for a
language, a rule-based one (tokenizer and sentence splitter only) is used and the document records
that reason. Every pipeline gets kroniek's news sentence rules (kroniek.nlp.segment).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kroniek.document import ArticleDoc, CharSpan
from kroniek.errors import KroniekError
from kroniek.nlp.chunks import DEFAULT_CHUNK_CHARS, text_chunks
from kroniek.nlp.spacy_import import import_spacy
from kroniek.pipeline.budget import check_budget
from kroniek.pipeline.regex_cache import compiled_patterns_kept

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"

# spaCy refuses texts over nlp.max_length (1,000,000 characters) to protect memory-hungry
# pipelines; kroniek's own input limit ([input].max_chars) is the one that applies, and the shipped
# CNN pipelines need little memory per character.
MAX_TEXT_LENGTH = 20_000_000
# Texts parsed together by parse_many (measured on the en corpus texts, CPU: one by one 1.90 s,
# batches of 4: 1.69, of 16: 1.63, of 64: 1.68). Batches carry memory: 150 articles in groups of 16
# peaked at 437 MB against 365 one by one and 389 in groups of 8 (kroniek.batch groups by 8).
PIPE_BATCH = 8


def shipped_model_path(lang: str) -> Path:
    return MODELS_DIR / lang


def has_shipped_model(lang: str) -> bool:
    return (shipped_model_path(lang) / "config.cfg").exists()


class NlpStage:
    name = "nlp.spacy/v1"
    requires = ("text", "language")
    provides = ("nlp", "sentences")

    def __init__(
        self,
        models: dict[str, str] | None = None,
        chunk_chars: int = DEFAULT_CHUNK_CHARS,
        exclude: list[str] | tuple[str, ...] | None = None,
    ) -> None:
        self.models = dict(models or {})
        self.chunk_chars = int(chunk_chars)
        # components of the trained pipelines left out, to trade a little quality for speed
        # (docs/performance.md, "Leaving out spaCy components")
        self.exclude = tuple(exclude or ())
        self._loaded: dict[str, Any] = {}
        self._fallback_reason: dict[str, str] = {}

    def load(self, lang: str) -> Any:
        """The spaCy pipeline for a language, loaded once (raises E034 if it cannot be loaded)."""
        if lang in self._loaded:
            return self._loaded[lang]
        spacy = import_spacy()

        choice = self.models.get(lang, "shipped")
        # spaCy's language data and saved tokenizers compile long patterns (3 CPU-s for French)
        with compiled_patterns_kept(f"spacy-{lang}"):
            if choice == "shipped":
                if has_shipped_model(lang):
                    check_excludable(shipped_model_path(lang), self.exclude)
                    nlp = self._load_named(str(shipped_model_path(lang)), tokenizer_on_disk=True, exclude=self.exclude)
                else:
                    nlp = spacy.blank(lang)
                    self._fallback_reason[lang] = (
                        f"no trained pipeline shipped for {lang!r}: rule-based tokens and sentences only "
                        "(no lemmas, POS, dependencies or entities)"
                    )
            else:
                nlp = self._load_named(choice, exclude=self.exclude)
            if nlp.lang != lang:
                self._fallback_reason[lang] = (
                    f"the chosen pipeline {choice!r} is for {nlp.lang!r}, used here for {lang!r} text"
                )
        from kroniek.nlp.entities import add_entity_cleanup
        from kroniek.nlp.segment import add_news_segmentation

        nlp.max_length = max(nlp.max_length, MAX_TEXT_LENGTH)
        add_news_segmentation(nlp, lang)
        add_entity_cleanup(nlp)
        self._loaded[lang] = nlp
        return nlp

    @staticmethod
    def _load_named(name: str, tokenizer_on_disk: bool = False, exclude: tuple[str, ...] = ()) -> Any:
        spacy = import_spacy()

        overrides: dict[str, Any] = {}
        if tokenizer_on_disk:
            # spaCy first builds the language's default tokenizer (thousands of special cases) and
            # then replaces it with the one on disk: for nl that was 0.5 of the 1.1 CPU-s of loading.
            # An empty tokenizer that the saved one fills in gives the same tokens for half the cost,
            # and one that adds the saved special cases when a text needs them saves 0.2 CPU-s more.
            _register_lazy_tokenizer()
            overrides = {"nlp": {"tokenizer": {"@tokenizers": LAZY_TOKENIZER}}}
        try:
            return spacy.load(name, config=overrides, exclude=list(exclude))
        except (OSError, ImportError, ValueError, KeyError) as exc:
            # OSError: not installed / not a pipeline directory; the others: a pipeline made by an
            # incompatible spaCy version or needing a missing package.
            raise KroniekError("E034", name=name, detail=f"{type(exc).__name__}: {exc}") from exc

    def __call__(self, doc: ArticleDoc) -> ArticleDoc:
        nlp = self.load(doc.lang)
        if doc.lang in self._fallback_reason:
            doc.notes.append(self._fallback_reason[doc.lang])
        # a Doc parsed ahead with other articles' texts (parse_many) is used as it is
        parsed_ahead = doc.nlp is not None and doc.nlp.text == doc.text
        spacy_doc = doc.nlp if parsed_ahead else self.parse(nlp, doc.text)
        doc.nlp = spacy_doc
        doc.sentences = sentence_spans(spacy_doc)
        return doc

    def parse(self, nlp: Any, text: str) -> Any:
        """The spaCy Doc of ``text``; a text longer than ``chunk_chars`` is parsed piece by piece
        (kroniek.nlp.chunks) and the pieces joined into one Doc over the same text."""
        pieces = text_chunks(text, self.chunk_chars)
        if len(pieces) == 1:
            return nlp(text)
        from spacy.tokens import Doc

        docs = []
        for start, end in pieces:
            check_budget()
            docs.append(nlp(text[start:end]))
        # the tensors are the largest part of a parsed Doc and no later stage reads them
        joined = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]
        if joined.text != text:  # cannot happen: every piece's Doc keeps its text exactly
            raise RuntimeError("the joined pieces do not reproduce the text")
        return joined

    def parse_many(self, lang: str, texts: list[str]) -> list[Any]:
        """The spaCy Docs of several texts of one language, parsed together with ``nlp.pipe``: the
        network layers then multiply larger matrices, about 15% less CPU than one by one for the
        shipped pipelines, with the same annotations (tests/nlp/test_parse_many.py). Texts longer than
        ``chunk_chars`` are parsed in pieces, alone."""
        nlp = self.load(lang)
        short = [i for i, text in enumerate(texts) if len(text_chunks(text, self.chunk_chars)) == 1]
        docs: list[Any] = [None] * len(texts)
        for i, spacy_doc in zip(short, nlp.pipe([texts[i] for i in short], batch_size=PIPE_BATCH), strict=True):
            docs[i] = spacy_doc
        for i, text in enumerate(texts):
            if docs[i] is None:
                docs[i] = self.parse(nlp, text)
        return docs

    @contextlib.contextmanager
    def memory_zone(self, lang: str, texts: list[str] | None = None) -> Iterator[None]:
        """A block after which the strings and lexemes spaCy added for new words are freed again, so a
        long-running process does not grow with every new word it reads (spaCy's memory zones).
        The spaCy Docs made inside must not be used after the block. ``texts``: those to be parsed
        inside; the tokenizer special cases they need are added before it (None: all of them)."""
        nlp = self.load(lang)  # loading adds strings that must outlive the block: before it
        tokenizer = nlp.tokenizer
        if hasattr(tokenizer, "load_for"):  # kroniek.nlp.lazy_specials
            if texts is None:
                tokenizer.load_all()
            else:
                for text in texts:
                    tokenizer.load_for(text)
        with nlp.memory_zone():
            yield


LAZY_TOKENIZER = "kroniek.lazy_specials_tokenizer.v1"


def _register_lazy_tokenizer() -> None:
    """Register (once) a tokenizer factory without rules, for pipelines whose tokenizer is on disk: the
    saved tokenizer fills it in, its special cases kept pending until a text needs them
    (kroniek.nlp.lazy_specials)."""
    from spacy.util import registry

    if LAZY_TOKENIZER in registry.tokenizers:
        return

    def create_lazy_tokenizer() -> Any:
        from kroniek.nlp.lazy_specials import LazySpecialsTokenizer

        def make(nlp: Any) -> Any:
            return LazySpecialsTokenizer(nlp.vocab)

        return make

    registry.tokenizers.register(LAZY_TOKENIZER, func=create_lazy_tokenizer)


def sentence_spans(spacy_doc: Any) -> list[CharSpan]:
    """Sentences as character spans, trimmed of surrounding whitespace; blank ones are dropped."""
    spans: list[CharSpan] = []
    text = spacy_doc.text
    for sent in spacy_doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append(CharSpan(start, end))
    return spans


def check_excludable(pipeline_dir: Path, exclude: tuple[str, ...]) -> None:
    """E440 for a component to leave out that the pipeline does not have, or that others listen to.

    spaCy itself ignores an unknown name, and a pipeline without its shared tok2vec still runs but tags
    every word as a noun: both would pass without a word."""
    if not exclude:
        return
    from spacy.util import load_config

    config = load_config(pipeline_dir / "config.cfg")
    components = list(config["nlp"]["pipeline"])
    for name in exclude:
        if name not in components:
            why = "the pipeline has no such component"
        elif config["components"][name].get("factory") == "tok2vec":
            why = "the other components read its output"
        else:
            continue
        raise KroniekError("E440", name=name, pipeline=str(pipeline_dir), why=why, known=", ".join(components))


def make_nlp_stage(
    models: dict[str, str] | None = None,
    chunk_chars: int = DEFAULT_CHUNK_CHARS,
    exclude: list[str] | tuple[str, ...] | None = None,
) -> NlpStage:
    return NlpStage(models=models, chunk_chars=chunk_chars, exclude=exclude)
