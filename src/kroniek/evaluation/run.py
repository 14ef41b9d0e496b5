"""Evaluating kroniek (or a directory of predicted chronicles) against gold chronicles.

``evaluate()`` is the library function behind ``kroniek evaluate``: it reads the gold files, gets a
prediction for each (by running the extractor on the gold article's text and publication date, or
by reading ``<pred>/<key>.json``), scores it (kroniek.evaluation.scorer) and returns an
``EvaluationReport`` with totals overall, per language and per article.

An article whose prediction cannot be had (the extractor fails, the file is missing or unsound)
is scored as an empty chronicle and the reason is kept in the report: a broken system scores low
and fails the gate instead of dropping out of the average.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kroniek.chronicle.models import Chronicle
from kroniek.errors import KroniekError
from kroniek.evaluation.gold import GoldChronicle, gold_files, read_gold
from kroniek.evaluation.scorer import ArticleScore, Tally, score_article, sum_tallies

SHARED_ENV = "KRONIEK_SHARED"
PRED_SUFFIXES = (".json", ".pred.json", ".gold.json", ".chronicle.json")


def repo_root() -> Path:
    """The source checkout this package runs from, else the working directory."""
    here = Path(__file__).resolve()
    candidate = here.parents[3] if len(here.parents) > 3 else Path.cwd()
    return candidate if (candidate / "pyproject.toml").is_file() else Path.cwd()


def find_shared_dir(start: Path | None = None) -> Path | None:
    """The shared data folder: $KRONIEK_SHARED, else the nearest ``<ancestor>/shared`` holding the gold."""
    env = os.environ.get(SHARED_ENV)
    if env:
        return Path(env) if Path(env).is_dir() else None
    root = (start or repo_root()).resolve()
    for ancestor in root.parents:
        candidate = ancestor / "shared"
        if (candidate / "corpus" / "gold").is_dir():
            return candidate
    return None


def default_gold_paths(start: Path | None = None) -> list[Path]:
    """The dev gold set (../shared/corpus/gold plus the seed), or [] where it is absent."""
    shared = find_shared_dir(start)
    if shared is None:
        return []
    paths = [shared / "corpus" / "gold"]
    seed = shared / "spec" / "examples" / "seed.gold.json"
    if seed.is_file():
        paths.append(seed)
    return paths


SPLITS = ("train", "dev", "test")


def corpus_gold_dir() -> Path:
    """The project's annotated corpus (docs/annotation.md): stand-off gold, texts read from ../shared."""
    return repo_root() / "corpus" / "gold"


def parse_split(split: str | None) -> str | None:
    if split is None:
        return None
    if split not in SPLITS:
        raise KroniekError("E191", value=split, choices=", ".join(SPLITS))
    return split


def parse_languages(lang: str | Iterable[str] | None) -> list[str] | None:
    if lang is None:
        return None
    items = lang.split(",") if isinstance(lang, str) else list(lang)
    codes = [c.strip().lower() for c in items if c.strip()]
    for code in codes:
        if len(code) != 2 or not code.isalpha():
            raise KroniekError("E187", value=code)
    return codes or None


def gold_sources(
    gold: Iterable[str | Path] | None = None, split: str | None = None
) -> tuple[list[str | Path], list[Path]]:
    """The gold paths as given (default: the corpus for a split, else the dev gold set) and their gold files."""
    if gold is None and parse_split(split) is not None:
        gold = [corpus_gold_dir()]
    gold_paths: list[str | Path] = list(gold) if gold is not None else list(default_gold_paths())
    if not gold_paths:
        raise KroniekError("E183", where="../shared/corpus/gold (not found; set $KRONIEK_SHARED or give GOLD)")
    files = gold_files(gold_paths)
    if not files:
        raise KroniekError("E183", where=", ".join(str(p) for p in gold_paths))
    return gold_paths, files


def _chosen(
    golds: list[GoldChronicle], gold_paths: list[str | Path], split: str | None, languages: list[str] | None
) -> list[GoldChronicle]:
    if languages:
        golds = [g for g in golds if g.language in languages]
    if split is not None:
        golds = [g for g in golds if g.split == split]
        if not golds:
            raise KroniekError("E183", where=f"{', '.join(str(p) for p in gold_paths)} (split {split})")
    return golds


def select_golds(
    gold: Iterable[str | Path] | None = None, split: str | None = None, lang: str | Iterable[str] | None = None
) -> list[GoldChronicle]:
    """The gold chronicles ``evaluate`` scores for these arguments (the same defaults and E183/E187/E191 errors);
    the error-analysis tools and workbenches read their documents through it."""
    gold_paths, files = gold_sources(gold, split)
    return _chosen([read_gold(f) for f in files], gold_paths, parse_split(split), parse_languages(lang))


@dataclass(slots=True)
class EvaluationReport:
    articles: list[ArticleScore]
    system: str  # "kroniek 0.1.0 (pipeline ...)" or "predictions in DIR"
    gold: list[str]
    seconds: dict[str, float] = field(default_factory=dict)  # article key -> extraction time
    gold_hash: str = ""  # SHA-256 of the gold files scored (``gold_set_hash``), recorded with the floors

    @property
    def overall(self) -> Tally:
        return sum_tallies(a.tally for a in self.articles)

    def languages(self) -> list[str]:
        return sorted({a.language for a in self.articles})

    def by_language(self) -> dict[str, Tally]:
        return {lang: sum_tallies(a.tally for a in self.articles if a.language == lang) for lang in self.languages()}

    def scopes(self) -> dict[str, Tally]:
        """ "all" and each language: the scopes that floors are pinned for."""
        return {"all": self.overall, **self.by_language()}

    @property
    def errors(self) -> dict[str, str]:
        return {a.key: a.error for a in self.articles if a.error}

    def to_dict(self) -> dict[str, Any]:
        def tally_dict(t: Tally) -> dict[str, Any]:
            return {
                "metrics": t.metrics(),
                "support": t.support(),
                "events": {
                    "tp": t.prf["events"].tp,
                    "fp": t.prf["events"].fp,
                    "fn": t.prf["events"].fn,
                    "gold_required": t.gold_required,
                    "gold_optional": t.gold_optional,
                    "optional_matched": t.optional_matched,
                    "by_type": {k: {"tp": v.tp, "fp": v.fp, "fn": v.fn} for k, v in t.by_type.items()},
                },
            }

        return {
            "system": self.system,
            "gold": self.gold,
            "gold_sha256": self.gold_hash,
            "overall": tally_dict(self.overall),
            "languages": {lang: tally_dict(t) for lang, t in self.by_language().items()},
            "articles": {
                a.key: {
                    "language": a.language,
                    "error": a.error,
                    "seconds": self.seconds.get(a.key),
                    **tally_dict(a.tally),
                    "matched": [{"pred": p, "gold": g} for p, g in a.pairs],
                    "issues": [i.as_dict() for i in a.issues],
                }
                for a in self.articles
            },
        }


def read_prediction(pred_dir: Path, gold: GoldChronicle) -> tuple[Chronicle | None, str | None]:
    """The prediction for one gold file from ``pred_dir`` (named like it), or why there is none."""
    from kroniek.chronicle.io import read_chronicle

    for suffix in PRED_SUFFIXES:
        path = pred_dir / f"{gold.key}{suffix}"
        if path.is_file():
            try:
                chronicle = read_chronicle(path)
            except KroniekError as exc:
                # A prediction written like a gold file (spans by their text alone) is accepted too.
                try:
                    chronicle = read_gold(path).chronicle
                except KroniekError:
                    return None, f"cannot read {path}: {exc}"
            except (OSError, UnicodeDecodeError) as exc:
                return None, f"cannot read {path}: {exc}"
            if chronicle.article.text != gold.chronicle.article.text:
                return (
                    None,
                    f"{path}: article.text differs from the gold text, so its offsets cannot be scored",
                )
            return chronicle, None
    return None, f"no prediction for {gold.key} in {pred_dir}"


def _system_label(extractor: Any) -> str:
    from kroniek import __version__

    stages = extractor.config.get("pipeline", {}).get("stages", [])
    return f"kroniek {__version__} ({', '.join(stages)})"


def evaluate(
    gold: Iterable[str | Path] | None = None,
    pred: str | Path | None = None,
    lang: str | Iterable[str] | None = None,
    config: str | Path | None = None,
    nlp: str | None = None,
    save_pred: str | Path | None = None,
    extractor: Any = None,
    split: str | None = None,
) -> EvaluationReport:
    """Score kroniek (or the chronicles in ``pred``) on the gold chronicles in ``gold``.

    ``gold``: gold files or directories of ``*.gold.json`` (default: the dev gold set, see
    ``default_gold_paths``; KroniekError E183 where none is found). ``lang``: only these languages
    ("nl,en"). ``config``/``nlp``: as for ``kroniek extract``. ``save_pred``: also write each
    prediction to ``<save_pred>/<key>.json`` (to score again later with ``pred=``). ``split``: only the
    documents of this corpus split (train, dev, test); without ``gold`` it reads the project's corpus.
    """
    gold_paths, files = gold_sources(gold, split)
    golds = _chosen([read_gold(f) for f in files], gold_paths, parse_split(split), parse_languages(lang))

    pred_dir = Path(pred) if pred is not None else None
    if pred_dir is not None and not pred_dir.is_dir():
        raise KroniekError("E186", where=str(pred_dir), detail="not a directory")
    save_dir = Path(save_pred) if save_pred is not None else None
    if save_dir is not None:
        save_dir.mkdir(parents=True, exist_ok=True)
    if pred_dir is None and extractor is None:
        from kroniek.extractor import Extractor

        extractor = Extractor(config_path=config, nlp=nlp)
    if pred_dir is None:
        try:  # a pipeline that cannot be built fails the evaluation at once, not article by article
            _ = extractor.pipeline
        except KroniekError:
            raise
        except Exception as exc:
            raise KroniekError("E188", detail=f"{type(exc).__name__}: {exc}") from exc
    system = f"predictions in {pred_dir}" if pred_dir is not None else _system_label(extractor)

    articles: list[ArticleScore] = []
    seconds: dict[str, float] = {}
    for g in golds:
        prediction: Chronicle | None
        if pred_dir is not None:
            prediction, error = read_prediction(pred_dir, g)
        else:
            started = time.perf_counter()
            prediction, error = _extract(extractor, g)
            seconds[g.key] = round(time.perf_counter() - started, 4)
        if prediction is not None and save_dir is not None:
            (save_dir / f"{g.key}.json").write_text(prediction.model_dump_json(indent=1) + "\n", encoding="utf-8")
        articles.append(score_article(g, prediction, error))
    return EvaluationReport(
        articles=articles,
        system=system,
        gold=[_shown_path(p) for p in gold_paths],
        seconds=seconds,
        gold_hash=gold_set_hash(files),
    )


def gold_set_hash(files: Iterable[Path]) -> str:
    """SHA-256 over the gold files' names and bytes, in name order: any edit, addition or removal of a
    gold file changes it, so floors pinned on one gold set are not silently compared with another."""
    digest = hashlib.sha256()
    for path in sorted(files, key=lambda p: p.name):
        digest.update(path.name.encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def _shown_path(path: str | Path) -> str:
    """A path as reports show it: relative to the checkout (``../shared/corpus/gold``) where it can be."""
    try:
        return os.path.relpath(Path(path).resolve(), repo_root().resolve())
    except ValueError:  # another drive (Windows)
        return str(path)


def _extract(extractor: Any, gold: GoldChronicle) -> tuple[Chronicle | None, str | None]:
    article = gold.chronicle.article
    try:
        chronicle = extractor.extract(
            article.text,
            published=article.published,
            lang=article.language,
            id=article.id,
            url=article.url,
            source=article.source,
            title=article.title,
        )
    except Exception as exc:  # a failing article is reported and scored as empty, never dropped
        return None, f"extraction failed: {type(exc).__name__}: {exc}"
    if chronicle.article.text != article.text:
        return None, "the extractor changed the article text, so its offsets cannot be scored"
    return chronicle, None


def write_report_json(report: EvaluationReport, path: str | Path) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(json.dumps(report.to_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
