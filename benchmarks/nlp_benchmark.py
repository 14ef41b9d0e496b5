"""Benchmark kroniek's shipped spaCy pipelines (and Frog, for Dutch) on held-out public test data.

    python benchmarks/nlp_benchmark.py [--data ../shared/data] [--langs nl en] [--no-frog]
        [--model LANG=PIPELINE_DIR ... --out OTHER.json --cards '']

Prints a table and writes benchmarks/results/nlp.json. Test sets (never trained on):
- nl: UD Dutch-Alpino test (UPOS, morphology, lemma, UAS, LAS); CoNLL-2002 Dutch test (NER).
- en: UD English-EWT test; CoNLL-2003 English test (NER).

Scoring uses the gold tokenization and, for UD, the gold sentence boundaries (the parser is told
where sentences start), as in the usual "gold preprocessing" setting. LAS and UAS count every
token, punctuation included; LAS compares the universal relation as the CoNLL 2018 shared task
does (subtypes such as obl:arg ignored: the Dutch treebanks use different subtype conventions);
full-label LAS and LAS without punctuation are reported too. NER is
exact-span, exact-label micro P/R/F over PER/ORG/LOC/MISC. Speed is the whole pipeline (nlp.pipe,
one process, one thread) over the raw test texts, in words per CPU-second of this process (CPU
time is what one core delivers; wall time on a shared machine is also recorded).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "training"))

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

# training/convert.py holds the readers (and the nl lemma normalisation) used for training.
import convert  # noqa: E402
import spacy  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

UD_TEST = {"nl": "UD_Dutch-Alpino.nl_alpino-ud-test.conllu", "en": "UD_English-EWT.en_ewt-ud-test.conllu"}
# Used only to learn how Frog's CGN tags map to UPOS (never the test split).
UD_MAPPING_SOURCE = {"nl": "UD_Dutch-Alpino.nl_alpino-ud-dev.conllu"}
NER_TEST = {"nl": "conll2002.nl.test.conllu", "en": "conll2003.en.test.conllu"}
TARGETS = {
    "nl": {"upos": 0.93, "las": 0.75, "ner_f": 0.78},
    "en": {"upos": 0.94, "las": 0.80, "ner_f": 0.80},
    "words_per_cpu_second": 10_000,
}


def load_pipeline(lang: str, models: dict[str, str] | None = None) -> Any:
    """The pipeline exactly as the nlp stage loads it (shipped model + news sentence rules), or the
    one ``models`` names for the language (a pipeline folder, e.g. a candidate from training/assemble.py)."""
    from kroniek.nlp.stage import NlpStage

    return NlpStage(models=models).load(lang)


def run_components(nlp: Any, docs: list[Doc], skip: Iterable[str] = ()) -> list[Doc]:
    skipped = set(skip)
    out: Iterable[Doc] = docs
    for name, proc in nlp.pipeline:
        if name in skipped:
            continue
        out = proc.pipe(out, batch_size=64) if hasattr(proc, "pipe") else (proc(d) for d in out)
    return list(out)


# --- UD ---------------------------------------------------------------------------------------


def ud_scores(nlp: Any, lang: str, path: Path) -> dict[str, Any]:
    sentences = list(convert.read_conllu(path))
    gold_docs = [convert.ud_doc(lang, [s], nlp.vocab) for s in sentences]
    pred_docs = [
        Doc(
            nlp.vocab,
            words=[t.text for t in g],
            spaces=[bool(t.whitespace_) for t in g],
            sent_starts=[t.i == 0 for t in g],
        )
        for g in gold_docs
    ]
    # The news rules would override the gold sentence boundaries; the tokens are gold already.
    pred_docs = run_components(nlp, pred_docs, skip=["kroniek_news_sentences"])
    n = upos = morph = lemma = uas = las = las_full = 0
    n_np = las_np = 0
    for gold, pred in zip(gold_docs, pred_docs, strict=True):
        for g, p in zip(gold, pred, strict=True):
            n += 1
            upos += g.pos_ == p.pos_
            morph += str(g.morph) == str(p.morph)
            lemma += g.lemma_ == p.lemma_
            head_ok = g.head.i == p.head.i
            label_ok = g.dep_.lower().split(":")[0] == p.dep_.lower().split(":")[0]
            uas += head_ok
            las += head_ok and label_ok
            las_full += head_ok and g.dep_.lower() == p.dep_.lower()
            if g.pos_ != "PUNCT":
                n_np += 1
                las_np += head_ok and label_ok
    return {
        "file": path.name,
        "sentences": len(sentences),
        "words": n,
        "upos": round(upos / n, 4),
        "morph": round(morph / n, 4),
        "lemma": round(lemma / n, 4),
        "uas": round(uas / n, 4),
        "las": round(las / n, 4),
        "las_excluding_punct": round(las_np / n_np, 4),
        "las_full_labels": round(las_full / n, 4),
    }


# --- NER --------------------------------------------------------------------------------------


def read_ner_sentences(path: Path) -> list[list[tuple[str, str]]]:
    return [sentence for doc in convert.read_ner(path) for sentence in doc]


def spans_from_tags(tags: list[str]) -> set[tuple[int, int, str]]:
    """Entity spans from IOB1/IOB2 tags (an I- after O or another type starts an entity)."""
    spans: set[tuple[int, int, str]] = set()
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        kind, _, typ = tag.partition("-")
        if kind == "O" or kind == "B" or (kind == "I" and typ != label):
            if start >= 0:
                spans.add((start, i, label))
            start, label = (i, typ) if kind in ("B", "I") else (-1, "")
    return spans


def prf(gold: list[set[tuple[int, int, str]]], pred: list[set[tuple[int, int, str]]]) -> dict[str, Any]:
    tp = sum(len(g & p) for g, p in zip(gold, pred, strict=True))
    n_gold = sum(len(g) for g in gold)
    n_pred = sum(len(p) for p in pred)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    per_type: dict[str, float] = {}
    for label in sorted({s[2] for g in gold for s in g}):
        gl = [{s for s in g if s[2] == label} for g in gold]
        pl = [{s for s in p_ if s[2] == label} for p_ in pred]
        tpl = sum(len(a & b) for a, b in zip(gl, pl, strict=True))
        npl, ngl = sum(map(len, pl)), sum(map(len, gl))
        pp, rr = (tpl / npl if npl else 0.0), (tpl / ngl if ngl else 0.0)
        per_type[label] = round(2 * pp * rr / (pp + rr), 4) if pp + rr else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "per_type": per_type, "entities": n_gold}


def ner_scores(nlp: Any, path: Path) -> dict[str, Any]:
    sentences = read_ner_sentences(path)
    gold = [spans_from_tags([tag for _, tag in s]) for s in sentences]
    docs = [Doc(nlp.vocab, words=[w for w, _ in s]) for s in sentences]
    docs = run_components(nlp, docs, skip=["kroniek_news_sentences", "parser"])
    pred = [{(e.start, e.end, e.label_) for e in d.ents} for d in docs]
    return {"file": path.name, "sentences": len(sentences), **prf(gold, pred)}


# --- speed ------------------------------------------------------------------------------------


def raw_texts(path: Path, per_text: int = 10) -> list[str]:
    """Test-set sentences joined into paragraphs of `per_text` sentences (raw text, as articles)."""
    texts: list[str] = []
    batch: list[str] = []
    for sentence in convert.read_conllu(path):
        batch.append("".join(w[0] + (" " if w[6] else "") for w in sentence).strip())
        if len(batch) == per_text:
            texts.append(" ".join(batch))
            batch = []
    if batch:
        texts.append(" ".join(batch))
    return texts


def speed(nlp: Any, texts: list[str]) -> dict[str, Any]:
    list(nlp.pipe(texts[:5]))  # warm up
    cpu0, wall0 = time.process_time(), time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    return {
        "words": words,
        "cpu_seconds": round(cpu, 2),
        "wall_seconds": round(wall, 2),
        "words_per_cpu_second": round(words / cpu),
        "words_per_wall_second": round(words / wall),
        "pipeline": list(nlp.pipe_names),
    }


# --- Frog -------------------------------------------------------------------------------------


def _cgn_key(tag: str) -> str:
    """Frog writes N(soort,ev,basis,zijd,stan); Alpino's XPOS is N|soort|ev|basis|zijd|stan."""
    return tag.replace("(", "|").replace(")", "").replace(",", "|").rstrip("|")


def cgn_to_upos_table(path: Path) -> tuple[dict[tuple[str, str], str], dict[str, str], dict[str, str]]:
    """Most frequent UPOS per (CGN tag, lemma), per CGN tag and per CGN main tag, from a dev treebank."""
    by_tag_lemma: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    by_tag: dict[str, Counter[str]] = defaultdict(Counter)
    by_main: dict[str, Counter[str]] = defaultdict(Counter)
    with path.open(encoding="utf8") as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 10 or not cols[0].isdigit():
                continue
            lemma, upos, xpos = cols[2], cols[3], cols[4]
            by_tag_lemma[(xpos, lemma.lower())][upos] += 1
            by_tag[xpos][upos] += 1
            by_main[xpos.split("|")[0]][upos] += 1
    top = lambda c: c.most_common(1)[0][0]  # noqa: E731
    return (
        {k: top(c) for k, c in by_tag_lemma.items()},
        {k: top(c) for k, c in by_tag.items()},
        {k: top(c) for k, c in by_main.items()},
    )


def run_frog(
    sentences: list[list[str]], skip: str, raw_paragraphs: bool = False
) -> tuple[list[list[list[str]]], dict[str, float]]:
    """Run Frog on pre-tokenized sentences (one per line; or, with raw_paragraphs, on paragraphs of
    raw text that Frog tokenizes and splits itself); returns its rows per sentence and timings."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.txt"
        sep = "\n\n" if raw_paragraphs else "\n"
        src.write_text(sep.join(" ".join(s) for s in sentences) + "\n", encoding="utf8")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall0 = time.perf_counter()
        # Frog 0.20 writes nothing to -o when --nostdout is given, so its stdout is read instead.
        skip_args = [f"--skip={skip}"] if skip else []  # Frog 0.20 rejects an empty --skip=
        proc = subprocess.run(
            ["frog", *([] if raw_paragraphs else ["-n"]), *skip_args, "--threads=1", "-t", str(src)],
            check=True,
            capture_output=True,
            cwd=tmp,
        )
        wall = time.perf_counter() - wall0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        rows: list[list[list[str]]] = [[]]
        for line in proc.stdout.decode("utf8", errors="replace").splitlines():
            if not line.strip():
                if rows[-1]:
                    rows.append([])
                continue
            rows[-1].append(line.split("\t"))
        if not rows[-1]:
            rows.pop()
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return rows, {"cpu_seconds": round(cpu, 2), "wall_seconds": round(wall, 2)}


def frog_scores(data: Path) -> dict[str, Any]:
    if shutil.which("frog") is None:
        reason = "the frog executable is not installed (apt-get install frog frogdata)"
        return {"available": False, "reason": reason}
    try:
        shown = subprocess.run(["frog", "-V"], capture_output=True, text=True)
        version = (shown.stdout + shown.stderr).strip().splitlines()  # Frog prints it on stderr
        by_tag_lemma, by_tag, by_main = cgn_to_upos_table(data / "ud" / UD_MAPPING_SOURCE["nl"])
        ud_sents = list(convert.read_conllu(data / "ud" / UD_TEST["nl"]))
        words = [[w[0] for w in s] for s in ud_sents]
        # Tokenizer (t) and multi-word units (m) skipped so Frog keeps the gold tokens; parser and
        # chunker (p, c) skipped for the tagging run; the speed run below uses Frog's default modules.
        rows, _ = run_frog(words, skip="tmpc")
        n = ok = 0
        for sent, frog_rows in zip(ud_sents, rows, strict=True):
            if len(frog_rows) != len(sent):
                raise RuntimeError("Frog changed the tokenization of a test sentence")
            for w, row in zip(sent, frog_rows, strict=True):
                tag, lemma = _cgn_key(row[4]), row[2].lower()
                upos = by_tag_lemma.get((tag, lemma)) or by_tag.get(tag) or by_main.get(tag.split("|")[0], "X")
                n += 1
                ok += upos == w[2]
        ner_sents = read_ner_sentences(data / "ner" / NER_TEST["nl"])
        ner_rows, _ = run_frog([[w for w, _ in s] for s in ner_sents], skip="tmpc")
        gold = [spans_from_tags([t for _, t in s]) for s in ner_sents]
        frog_label = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
        pred = []
        for r in ner_rows:
            tags = []
            for row in r:
                kind, _, typ = row[6].partition("-")
                tags.append("O" if kind == "O" else f"{kind}-{frog_label.get(typ.upper(), 'MISC')}")
            pred.append(spans_from_tags(tags))
        # Speed: Frog's default modules on the raw test text; its start-up (loading its models, which
        # kroniek's speed figure does not include either) is measured on one short line and subtracted.
        texts = raw_texts(data / "ud" / UD_TEST["nl"])
        _, startup = run_frog([["Dit", "is", "een", "zin", "."]], skip="", raw_paragraphs=True)
        _, timing = run_frog([t.split(" ") for t in texts], skip="", raw_paragraphs=True)
        n_words = sum(len(s) for s in ud_sents)  # the test set's words, as for kroniek's figure
        cpu_s = timing["cpu_seconds"] - startup["cpu_seconds"]
        timing["startup_cpu_seconds"] = startup["cpu_seconds"]
        return {
            "available": True,
            "version": version[0] if version else "",
            "ud_alpino_test": {
                "upos": round(ok / n, 4),
                "words": n,
                "note": "CGN tags mapped to UPOS by the most frequent UPOS per (tag, lemma) in Alpino dev",
            },
            "conll2002_nl_test": {
                **prf(gold, pred),
                "note": "Frog's pro/eve/misc classes counted as MISC; Frog was trained on SoNaR, not CoNLL",
            },
            "speed": {
                "words": n_words,
                **timing,
                "words_per_cpu_second": round(n_words / cpu_s) if cpu_s else None,
                "modules": ("Frog defaults: tokenizer, tagger, lemmatizer, morphology, MWU, chunker, NER, parser"),
            },
        }
    except (subprocess.CalledProcessError, OSError, RuntimeError) as exc:
        detail = ""
        if isinstance(exc, subprocess.CalledProcessError):
            detail = exc.stderr.decode(errors="replace")[-500:]
        return {"available": False, "reason": f"{type(exc).__name__}: {exc} {detail}".strip()}


# --- model cards ------------------------------------------------------------------------------

CARD_START = "<!-- benchmark:start (written by benchmarks/nlp_benchmark.py) -->"
CARD_END = "<!-- benchmark:end -->"


def card_section(lang: str, results: dict[str, Any]) -> str:
    res, t = results[lang], TARGETS[lang]
    ud, ner, sp = res["ud_test"], res["ner_test"], res["speed"]
    wps, wps_target = sp["words_per_cpu_second"], TARGETS["words_per_cpu_second"]
    machine = results["machine"]

    def mark(value: float, target: float) -> str:
        return "meets target" if value >= target else "below target"

    lines = [
        CARD_START,
        f"Measured {results['date']} with spaCy {machine['spacy']} on {machine['platform']}"
        f" ({machine['cpus']} CPUs shared with other work).",
        "",
        "| test set | metric | score | target |",
        "|---|---|---|---|",
        f"| {ud['file']} ({ud['sentences']} sentences, {ud['words']} words) | UPOS | {ud['upos']:.4f} | "
        f"{t['upos']} ({mark(ud['upos'], t['upos'])}) |",
        f"| | LAS (all tokens, universal relation) | {ud['las']:.4f} | {t['las']} ({mark(ud['las'], t['las'])}) |",
        f"| | LAS (without punctuation) | {ud['las_excluding_punct']:.4f} | |",
        f"| | LAS (full labels with subtypes) | {ud['las_full_labels']:.4f} | |",
        f"| | UAS | {ud['uas']:.4f} | |",
        f"| | morphology (all UD features) | {ud['morph']:.4f} | |",
        f"| | lemma | {ud['lemma']:.4f} | |",
        f"| {ner['file']} ({ner['entities']} entities) | NER P / R / F | {ner['p']:.4f} / {ner['r']:.4f} / "
        f"**{ner['f']:.4f}** | {t['ner_f']} ({mark(ner['f'], t['ner_f'])}) |",
        f"| | NER F per type | {', '.join(f'{k} {v:.3f}' for k, v in ner['per_type'].items())} | |",
        f"| raw test text, whole pipeline | words per CPU-second (one thread) | {wps:,} | "
        f"{wps_target:,} ({mark(wps, wps_target)}) |",
        f"| | words per wall-clock second (shared machine) | {sp['words_per_wall_second']:,} | |",
    ]
    frog = results.get("frog_nl")
    if lang == "nl" and frog:
        lines += ["", "Frog, side by side (same test data):", ""]
        if frog.get("available"):
            fs = frog["speed"]
            lines += [
                "| test set | metric | Frog | kroniek nl |",
                "|---|---|---|---|",
                f"| {ud['file']} | UPOS | {frog['ud_alpino_test']['upos']:.4f} | {ud['upos']:.4f} |",
                f"| {ner['file']} | NER F | {frog['conll2002_nl_test']['f']:.4f} | {ner['f']:.4f} |",
                f"| raw test text | words per CPU-second | {fs['words_per_cpu_second']:,} | "
                f"{sp['words_per_cpu_second']:,} |",
                "",
                f"Frog: {frog.get('version', '')}; {frog['ud_alpino_test']['note']}; "
                f"{frog['conll2002_nl_test']['note']}; speed with {fs['modules']}.",
            ]
        else:
            lines.append(f"Frog could not be run: {frog.get('reason')}")
    lines.append(CARD_END)
    return "\n".join(lines)


def update_card(path: Path, section: str) -> None:
    """Replace the benchmark section of a model card (or append one)."""
    text = path.read_text(encoding="utf8") if path.exists() else ""
    if CARD_START in text and CARD_END in text:
        head, rest = text.split(CARD_START, 1)
        tail = rest.split(CARD_END, 1)[1]
        text = head + section + tail
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(text, encoding="utf8")


# --- main -------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--langs", nargs="+", default=["nl", "en"])
    parser.add_argument("--no-frog", action="store_true")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results" / "nlp.json")
    parser.add_argument(
        "--cards",
        default=str(REPO / "docs" / "models"),
        help="model cards (<lang>.md) whose benchmark section is rewritten; '' to skip",
    )
    parser.add_argument(
        "--model",
        action="append",
        default=[],
        metavar="LANG=PIPELINE_DIR",
        help="score this pipeline for LANG instead of the shipped one (use with --out elsewhere and --cards '')",
    )
    args = parser.parse_args()
    models = dict(choice.split("=", 1) for choice in args.model)
    # Results of languages not run this time are kept from the previous file.
    previous = json.loads(args.out.read_text(encoding="utf8")) if args.out.exists() else {}
    results: dict[str, Any] = {
        **{k: v for k, v in previous.items() if k in ("nl", "en", "frog_nl")},
        "machine": {
            "platform": platform.platform(),
            "python": platform.python_version(),
            "spacy": spacy.__version__,
            "cpus": os.cpu_count(),
        },
        "targets": TARGETS,
        "date": time.strftime("%Y-%m-%d"),
    }
    for lang in args.langs:
        nlp = load_pipeline(lang, models)
        res = {
            "model": {
                "name": nlp.meta.get("name"),
                "version": nlp.meta.get("version"),
                "pipeline": list(nlp.pipe_names),
            },
            "ud_test": ud_scores(nlp, lang, args.data / "ud" / UD_TEST[lang]),
            "ner_test": ner_scores(nlp, args.data / "ner" / NER_TEST[lang]),
            "speed": speed(nlp, raw_texts(args.data / "ud" / UD_TEST[lang])),
        }
        results[lang] = res
        t = TARGETS[lang]
        ud, ner, sp = res["ud_test"], res["ner_test"], res["speed"]
        print(
            f"[{lang}] UD {ud['file']}: UPOS {ud['upos']:.4f} (target {t['upos']}) LAS {ud['las']:.4f} "
            f"(target {t['las']}) UAS {ud['uas']:.4f} lemma {ud['lemma']:.4f} morph {ud['morph']:.4f}"
        )
        print(
            f"[{lang}] NER {ner['file']}: P {ner['p']:.4f} R {ner['r']:.4f} F {ner['f']:.4f} "
            f"(target {t['ner_f']}) {ner['per_type']}"
        )
        print(
            f"[{lang}] speed: {sp['words_per_cpu_second']} words/CPU-s "
            f"({sp['words_per_wall_second']} words/wall-s) (target {TARGETS['words_per_cpu_second']})"
        )
    if "nl" in args.langs and not args.no_frog:
        results["frog_nl"] = frog_scores(args.data)
        print(f"[frog] {json.dumps(results['frog_nl'])}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf8")
    print(f"written {args.out}")
    # a str, not a Path: Path("") is "." (the current folder), so '' would not skip
    if args.cards:
        for lang in args.langs:
            card = Path(args.cards) / f"{lang}.md"
            update_card(card, card_section(lang, results))
            print(f"updated {card}")


if __name__ == "__main__":
    main()
