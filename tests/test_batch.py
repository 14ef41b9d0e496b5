from __future__ import annotations

import pickle

from kroniek.chronicle.models import Chronicle
from kroniek.errors import InputError, KroniekError
from kroniek.extractor import Extractor
from kroniek.ingest import RawArticle
from kroniek.pipeline import load_config

# Written for this test.
TEXTS = [
    "De minister sprak dinsdag met haar collega. Zij waren het eens.",
    "The envoy met the president on Monday. They agreed to talk again.",
    "   ",
]


def _extractor() -> Extractor:
    config = load_config(overrides={"pipeline": {"stages": ["nlp.spacy/v1"]}})
    config["stages"]["nlp.spacy/v1"]["models"] = {}  # rule-based tokens: fast and always available
    return Extractor(config=config)


def _items() -> list[RawArticle]:
    langs = ["nl", "en", "nl"]
    return [RawArticle(text=t, id=f"t{i}", language=lang) for i, (t, lang) in enumerate(zip(TEXTS, langs, strict=True))]


def test_extract_many_keeps_order_and_reports_failures() -> None:
    results = list(_extractor().extract_many(_items()))
    assert [type(r) for r in results[:2]] == [Chronicle, Chronicle]
    assert [r.article.id for r in results[:2]] == ["t0", "t1"]  # type: ignore[union-attr]
    assert isinstance(results[2], KroniekError) and results[2].code == "E001"


def test_extract_many_in_worker_processes_matches_one_process() -> None:
    one = list(_extractor().extract_many(_items()))
    two = list(_extractor().extract_many(_items(), n_process=2, chunk_size=1))
    assert [r.model_dump() if isinstance(r, Chronicle) else r.code for r in one] == [
        r.model_dump() if isinstance(r, Chronicle) else r.code for r in two
    ]


def test_errors_survive_pickling() -> None:
    error = pickle.loads(pickle.dumps(InputError("E004", size=10, limit=5)))
    assert isinstance(error, InputError) and error.code == "E004" and "limit of 5" in error.message


def test_defaults_fill_in_but_never_override() -> None:
    items = [
        RawArticle(text="De minister sprak dinsdag met haar collega.", id="a", language="nl"),
        RawArticle(text="De minister sprak dinsdag.", id="b", language="nl", published="2024-05-01"),
    ]
    results = list(_extractor().extract_many(items, published="2023-01-02", lang="en"))
    assert [r.article.published for r in results] == ["2023-01-02", "2024-05-01"]  # type: ignore[union-attr]
    assert [r.article.language for r in results] == ["nl", "nl"]  # type: ignore[union-attr]


def test_unreadable_input_lines_yield_their_error() -> None:
    from kroniek.ingest import ItemFailure

    failure = ItemFailure(where="batch.jsonl:3", error=InputError("E001", where="batch.jsonl:3"))
    results = list(_extractor().extract_many([failure, *_items()[:1]]))
    assert results[0] is failure.error and isinstance(results[1], Chronicle)


def test_batch_languages_loads_only_what_a_list_needs() -> None:
    from kroniek.batch import batch_languages

    extractor = _extractor()
    assert sorted(batch_languages(extractor, _items(), None)) == ["en", "nl"]  # in kroniek.lang.SUPPORTED order
    assert batch_languages(extractor, [RawArticle(text="x", id="x")], "de") == ["de"]
    assert batch_languages(extractor, ["plain text, language unknown"], None) == extractor.supported
    assert batch_languages(extractor, iter(_items()), None) == extractor.supported


def test_preload_calls_the_stages_that_offer_a_shared_preload() -> None:
    extractor = _extractor()
    called: list[str] = []

    class Shared:
        name, requires, provides = "shared/v1", (), ()

        def preload(self) -> None:
            called.append("loaded")

        def __call__(self, doc: object) -> object:
            return doc

    extractor.pipeline.stages.append(Shared())  # type: ignore[arg-type]
    extractor.preload(["en"])
    assert called == ["loaded"]


def test_grouped_batches_give_what_articles_alone_give() -> None:
    # Groups of three: the two Dutch articles of a group are parsed together, the English one alone.
    extractor = _extractor()
    items = _items()[:2] + [RawArticle(text="Het kabinet viel. De premier trad af.", id="t9", language="nl")]
    alone = [extractor.extract_article(item).model_dump() for item in items]
    grouped = list(extractor.extract_many(items, chunk_size=3))
    assert [r.model_dump() for r in grouped] == alone  # type: ignore[union-attr]
