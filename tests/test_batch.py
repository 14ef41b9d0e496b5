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
