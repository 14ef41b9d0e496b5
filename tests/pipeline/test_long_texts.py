"""Long texts: sentence rules in linear time, texts cut into bounded pieces and joined into one valid
chronicle, a per-article time budget (E213), and memory that does not grow with new words."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from kroniek.chronicle import load_chronicle
from kroniek.document import ArticleDoc
from kroniek.errors import InputError, KroniekError
from kroniek.extractor import Extractor
from kroniek.nlp.chunks import text_chunks
from kroniek.pipeline import load_config, register_stage
from kroniek.pipeline.budget import check_budget, time_budget

# Written for these tests.
PARAGRAPH = (
    "Prime Minister Mark Rutte met President Emmanuel Macron in Paris on Tuesday. "
    "The two leaders agreed to hold talks on energy prices next month.\n\n"
)


def test_chunks_cover_the_text_and_prefer_paragraph_breaks() -> None:
    text = PARAGRAPH * 40
    pieces = text_chunks(text, 1000)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:], strict=False))
    assert all(end - start <= 1000 for start, end in pieces)
    assert all(text[end - 2 : end] == "\n\n" for _, end in pieces[:-1])  # cut after a blank line


def test_chunks_of_one_long_line_end_at_sentence_ends_and_of_one_long_word_anywhere() -> None:
    line = "President Trump met Putin in Helsinki. " * 200
    pieces = text_chunks(line, 500)
    assert all(line[end - 2 : end] == ". " for _, end in pieces[:-1])
    word = "x" * 2500
    assert [end - start for start, end in text_chunks(word, 1000)] == [1000, 1000, 500]
    assert text_chunks("short", 1000) == [(0, 5)]


def test_sentence_rules_take_linear_time() -> None:
    """Setting sentence starts one token at a time made spaCy rescan the document each time."""
    import spacy

    from kroniek.nlp.segment import add_news_segmentation

    nlp = spacy.blank("en")
    add_news_segmentation(nlp, "en")
    sentence = "The minister met Mr. Smith in Washington. "

    def cpu_time(n: int) -> float:
        doc = nlp.make_doc(sentence * n)
        started = time.process_time()
        for _, component in nlp.pipeline:
            doc = component(doc)
        return time.process_time() - started

    cpu_time(50)  # warm up
    small, large = cpu_time(1000), cpu_time(8000)
    assert large < 8 * 3 * max(small, 0.005)  # 8x the text: quadratic would be ~64x


@pytest.fixture(scope="module")
def piecewise() -> Extractor:
    return Extractor(config=load_config(overrides={"input": {"chunk_chars": 400}}))


def test_a_long_text_is_extracted_in_pieces_into_one_valid_chronicle(piecewise: Extractor) -> None:
    text = PARAGRAPH * 6
    assert len(text_chunks(text, 400)) > 1
    chronicle = piecewise.extract(text, lang="en", published="2025-03-19")
    load_chronicle(chronicle.model_dump_json())  # every span reads as its text, every id resolves
    assert chronicle.article.text == text
    # the same people in every piece are one actor each, with the mentions of all pieces
    names = [actor.name for actor in chronicle.actors]
    assert len(names) == len(set(names))
    rutte = next(actor for actor in chronicle.actors if "Rutte" in actor.name)
    assert len(rutte.mentions) >= 6 and rutte.mentions[-1].start == len(text) - len(PARAGRAPH)
    # and each piece gives the events it gives as an article of its own, moved to its place
    expected = []
    for start, end in text_chunks(text, 400):
        alone = piecewise.extract(text[start:end], lang="en", published="2025-03-19")
        expected += [(e.event, e.evidence.start + start, e.evidence.end + start) for e in alone.events]
    assert [(e.event, e.evidence.start, e.evidence.end) for e in chronicle.events] == expected and expected
    assert [event.id for event in chronicle.events] == [f"e{n}" for n in range(1, len(chronicle.events) + 1)]


class SpinningStage:
    """A stage stuck in a loop, as a runaway article would be."""

    name = "test.spin/v1"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("spun",)

    def __init__(self, seconds: float = 3600.0) -> None:
        self.seconds = seconds

    def __call__(self, doc: ArticleDoc) -> ArticleDoc:
        until = time.monotonic() + self.seconds
        while time.monotonic() < until:
            pass
        return doc


def spinning_extractor(budget: float, seconds: float = 3600.0) -> Extractor:
    register_stage("test.spin/v1", lambda **_: SpinningStage(seconds))
    config = load_config(
        overrides={
            "input": {"time_budget_s": budget},
            "pipeline": {"stages": ["test.spin/v1", "test.spin/v1"]},
        }
    )
    return Extractor(config=config)


def test_a_runaway_article_is_stopped_by_the_time_budget() -> None:
    extractor = spinning_extractor(0.3)
    started = time.monotonic()
    with pytest.raises(InputError) as caught:
        extractor.extract("A short text about nothing.", lang="en")
    assert caught.value.code == "E213" and "time_budget_s" in caught.value.message
    assert time.monotonic() - started < 5


def test_the_budget_is_checked_between_stages_where_no_timer_can_run() -> None:
    """In a web server's worker thread no signal arrives: the pipeline's own checks end the article."""
    extractor = spinning_extractor(0.2, seconds=0.3)
    outcome: list[Any] = []

    def work() -> None:
        try:
            extractor.extract("A short text about nothing.", lang="en")
            outcome.append("finished")
        except KroniekError as exc:
            outcome.append(exc.code)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(timeout=10)
    assert outcome == ["E213"]


def test_no_budget_means_no_limit_and_budgets_do_not_leak() -> None:
    with time_budget(0, "a"):
        check_budget()
    with time_budget(0.05, "b"):
        pass
    time.sleep(0.1)
    check_budget()  # the budget of a finished article is gone


def test_memory_zone_frees_the_strings_of_new_words() -> None:
    """A long-running process must not grow with every new word it reads (spaCy keeps every string
    it has seen unless the pipeline runs in a memory zone)."""
    extractor = Extractor()
    extractor.extract("The minister spoke.", lang="en")
    nlp = extractor.pipeline.stages[0].load("en")  # type: ignore[attr-defined]
    before = len(nlp.vocab.strings)
    for n in range(30):
        extractor.extract(f"Minister Qzx{n}vor met Blorp{n}ak in Vrelt{n}ham to discuss trade.", lang="en")
    assert len(nlp.vocab.strings) == before


def test_every_cache_in_the_package_is_bounded() -> None:
    import importlib
    import pkgutil

    import kroniek

    unbounded = []
    for module_info in pkgutil.walk_packages(kroniek.__path__, "kroniek."):
        if module_info.name.startswith(("kroniek.api", "kroniek.cli", "kroniek.store.migrations")):
            continue  # optional dependencies, Alembic scripts: no caches of their own
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            info = getattr(value, "cache_info", None)
            if callable(info) and getattr(value, "__module__", None) == module.__name__:
                if info().maxsize is None:
                    unbounded.append(f"{module.__name__}.{name}")
    assert unbounded == []


def test_a_broken_stage_plug_in_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    from kroniek.pipeline import registry

    monkeypatch.setattr(registry, "_entry_point_stages", lambda: {"broken/v1": "kroniek_no_such_plugin:make"})
    with pytest.raises(KroniekError) as caught:
        registry.get_factory("broken/v1")
    assert caught.value.code == "E219" and "broken/v1" in caught.value.message
