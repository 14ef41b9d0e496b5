"""The texts of the annotated corpus, rebuilt from where they live.

Third-party text never enters the repository (licences: CoNLL-2002 and ECB+ are research use only,
the UD treebanks and Wikinews are CC BY-SA / CC BY). A corpus gold file therefore names its text by a
*source reference* and the text's SHA-256; this module turns a reference back into the exact text, so
that offsets stored in the repository point into the same characters on every machine.

A reference is ``KIND:ARGS`` (the colon-separated parts depend on the kind):

- ``article:NAME`` a file of ``shared/corpus/articles`` (its header block and the blank line after it
  dropped, one trailing newline dropped: the rule of the dev gold set);
- ``conll2002:FILE:N`` the N-th (0-based) ``-DOCSTART-`` article of ``shared/data/ner/conll2002-nl-docs/FILE``,
  detokenized (:func:`detokenize`), one sentence a line;
- ``wikinews:YEAR:N`` row N (0-based) of ``shared/data/wikinews-en/wikinews_YEAR.csv``: its ``text``, stripped;
- ``ecbplus:TOPIC/FILE`` an ECB+ document, detokenized, one sentence a line;
- ``ud:FILE:SENT_ID:COUNT`` COUNT consecutive sentences of a UD treebank from ``SENT_ID`` on, their
  ``# text`` lines joined by a space (consecutive sentences of one newspaper article in Sequoia's
  ``annodis.er`` and the PUD ``n0…`` documents);
- ``europeana:FILE:FIRST:COUNT`` COUNT token lines of a Europeana Newspapers NER file (``shared/data/ner/europeana``,
  CC0; historical OCR text) from line FIRST (1-based, comment lines counted, as the files' ``.md`` indexes give
  them), detokenized; a token line ending a sentence (".", "!", "?") ends a text line;
- ``written:LANG/NAME.txt`` a text written for kroniek, kept in the repository under ``corpus/written``.

Each reader is a pure function of the files: the same reference always gives the same text, and
:func:`read_source` checks it against the stored hash when one is given (E189 when it differs).
"""

from __future__ import annotations

import csv
import hashlib
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path

from kroniek.errors import KroniekError

# No space before these tokens, none after the opening ones (detokenizing CoNLL / ECB+ text).
_NO_SPACE_BEFORE = {
    ",",
    ".",
    ":",
    ";",
    "!",
    "?",
    ")",
    "]",
    "}",
    "%",
    "'s",
    "n't",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'m",
    "''",
}
_NO_SPACE_AFTER = {"(", "[", "{", "``", "$"}
_QUOTES = {'"'}


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def detokenize(tokens: list[str]) -> str:
    """Join tokens with single spaces, except around punctuation and paired straight quotes."""
    out: list[str] = []
    no_space_next = False
    open_quote = False
    for token in tokens:
        word = {"``": '"', "''": '"'}.get(token, token)
        attach = not out or no_space_next or token in _NO_SPACE_BEFORE
        if token in _QUOTES or token in {"``", "''"}:
            if token == "``" or (token == '"' and not open_quote):
                open_quote = True
                out.append(("" if not out or no_space_next else " ") + word)
                no_space_next = True
                continue
            open_quote = False
            attach = True
        out.append(word if attach else " " + word)
        no_space_next = token in _NO_SPACE_AFTER
    return "".join(out)


def shared_dir() -> Path:
    """The ``shared`` folder beside the checkout (or named by KRONIEK_SHARED)."""
    from kroniek.evaluation.run import find_shared_dir

    found = find_shared_dir()
    if found is None:
        raise KroniekError("E190", detail="the corpus texts are read from it")
    return found


def repo_corpus_dir() -> Path:
    from kroniek.evaluation.run import repo_root

    return repo_root() / "corpus"


def _article(name: str) -> str:
    raw = (shared_dir() / "corpus" / "articles" / name).read_text(encoding="utf-8")
    _header, _sep, body = raw.partition("\n\n")
    return body[:-1] if body.endswith("\n") else body


@lru_cache(maxsize=8)
def _conll_docs(file: str) -> tuple[tuple[tuple[str, ...], ...], ...]:
    docs: list[list[tuple[str, ...]]] = []
    sentence: list[str] = []
    for line in (shared_dir() / "data" / "ner" / "conll2002-nl-docs" / file).read_text(encoding="latin-1").splitlines():
        parts = line.split(" ")
        if parts[0] == "-DOCSTART-":
            if sentence and docs:
                docs[-1].append(tuple(sentence))
            sentence = []
            docs.append([])
        elif not line.strip():
            if sentence and docs:
                docs[-1].append(tuple(sentence))
            sentence = []
        else:
            sentence.append(parts[0])
    if sentence and docs:
        docs[-1].append(tuple(sentence))
    return tuple(tuple(doc) for doc in docs)


def _conll2002(file: str, index: str) -> str:
    docs = _conll_docs(file)
    return "\n".join(detokenize(list(s)) for s in docs[int(index)])


@lru_cache(maxsize=2)
def _wikinews_rows(year: str) -> tuple[str, ...]:
    csv.field_size_limit(sys.maxsize)
    with (shared_dir() / "data" / "wikinews-en" / f"wikinews_{year}.csv").open(encoding="utf-8", newline="") as fh:
        return tuple(row["text"] for row in csv.DictReader(fh))


def _wikinews(year: str, index: str) -> str:
    text = _wikinews_rows(year)[int(index)]
    # Collapse the runs of blank lines the dump put between paragraphs; keep one blank line.
    return re.sub(r"[ \t]*\n(?:[ \t]*\n)+", "\n\n", text).strip()


def _ecbplus(path: str) -> str:
    root = ET.parse(shared_dir() / "data" / "ecbplus" / "ECB+" / path).getroot()
    sentences: dict[int, list[str]] = {}
    for tok in root.iter("token"):
        sentences.setdefault(int(tok.get("sentence", "0")), []).append(tok.text or "")
    return "\n".join(detokenize(sentences[k]) for k in sorted(sentences))


@lru_cache(maxsize=8)
def _ud_sentences(file: str) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    sent_id = ""
    for line in (shared_dir() / "data" / "ud" / file).read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id = "):
            sent_id = line[len("# sent_id = ") :].strip()
        elif line.startswith("# text = "):
            out.append((sent_id, line[len("# text = ") :].strip()))
    return tuple(out)


def _ud(file: str, first: str, count: str) -> str:
    sentences = _ud_sentences(file)
    ids = [sid for sid, _ in sentences]
    start = ids.index(first)
    return " ".join(text for _, text in sentences[start : start + int(count)])


@lru_cache(maxsize=4)
def _europeana_lines(file: str) -> tuple[str, ...]:
    path = shared_dir() / "data" / "ner" / "europeana" / file
    return tuple(path.read_text(encoding="utf-8").splitlines())


def _europeana(file: str, first: str, count: str) -> str:
    lines = _europeana_lines(file)[int(first) - 1 : int(first) - 1 + int(count)]
    sentences: list[list[str]] = [[]]
    for line in lines:
        if not line.strip() or line.startswith("# "):
            continue
        token = line.rsplit(" ", 1)[0] if " " in line else line
        sentences[-1].append(token)
        if token in {".", "!", "?"}:
            sentences.append([])
    return "\n".join(detokenize(s) for s in sentences if s)


def _written(path: str) -> str:
    return (repo_corpus_dir() / "written" / path).read_text(encoding="utf-8")


READERS: dict[str, Callable[..., str]] = {
    "article": _article,
    "conll2002": _conll2002,
    "wikinews": _wikinews,
    "ecbplus": _ecbplus,
    "ud": _ud,
    "europeana": _europeana,
    "written": _written,
}


def read_source(reference: str, sha256: str | None = None) -> str:
    """The text a source reference names; E060 when it no longer matches the stored hash."""
    kind, _sep, args = reference.partition(":")
    reader = READERS.get(kind)
    if reader is None:
        raise KroniekError("E189", ref=reference, detail=f"unknown source kind {kind!r}; known: {', '.join(READERS)}")
    parts = [args] if kind in {"article", "ecbplus", "written"} else args.split(":")
    try:
        text = reader(*parts)
    except (OSError, IndexError, ValueError, KeyError, ET.ParseError) as exc:
        raise KroniekError("E189", ref=reference, detail=f"cannot be read: {exc}") from exc
    if sha256 is not None and text_sha256(text) != sha256:
        raise KroniekError("E189", ref=reference, detail=f"the text no longer has the stored SHA-256 {sha256[:12]}…")
    return text


def candidate_references() -> Iterator[str]:
    """Every reference the corpus can draw on (for materialising texts to annotate)."""
    root = shared_dir()
    for path in sorted((root / "corpus" / "articles").glob("*.txt")):
        yield f"article:{path.name}"
    for file in ("ned.train", "ned.testa", "ned.testb"):
        for index in range(len(_conll_docs(file))):
            yield f"conll2002:{file}:{index}"
    for year in ("2019", "2020"):
        for index in range(len(_wikinews_rows(year))):
            yield f"wikinews:{year}:{index}"
    for path in sorted((root / "data" / "ecbplus" / "ECB+").glob("*/*.xml")):
        yield f"ecbplus:{path.parent.name}/{path.name}"
