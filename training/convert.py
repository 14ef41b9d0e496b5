"""Convert the public treebanks and NER files in ../shared/data into spaCy DocBin corpora.

Run from the repository root (a developer step, not an install step):

    python training/convert.py --data ../shared/data --out training/corpus

UD (CoNLL-U) sentences are grouped into documents of GROUP_SIZE sentences so that the parser learns
where sentences end; multi-word token ranges ("don't" = do + n't) and empty nodes are skipped, the
syntactic words are kept. Dutch Alpino/Lassy lemmas mark compound joints with "_" ("klooster_orde");
these are removed so that lemmas are plain words ("kloosterorde").

NER files are "index<TAB>token<TAB>IOB-tag" lines with blank lines between sentences and optional
-DOCSTART- lines between documents.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

GROUP_SIZE = 10
NEWS_OVERSAMPLING = 4

# Which public files make which corpus; "never train on a test split" is enforced by keeping test
# files only in *-test corpora.
UD_CORPORA: dict[str, dict[str, list[str]]] = {
    "nl": {
        "train": [
            "UD_Dutch-LassySmall-2017.nl_lassysmall-ud-train.conllu",
            "UD_Dutch-Alpino.nl_alpino-ud-dev.conllu",
        ],
        # The continuation run oversamples the news treebank: Alpino follows newer UD conventions
        # (flat, obl:arg, nmod:poss, ADP inside names) than LassySmall 2017 and is the target domain.
        "train-news": [
            "UD_Dutch-LassySmall-2017.nl_lassysmall-ud-train.conllu",
            *["UD_Dutch-Alpino.nl_alpino-ud-dev.conllu"] * NEWS_OVERSAMPLING,
        ],
        "dev": ["UD_Dutch-LassySmall-2017.nl_lassysmall-ud-dev.conllu"],
        "test": ["UD_Dutch-Alpino.nl_alpino-ud-test.conllu"],
    },
    "en": {
        "train": ["UD_English-EWT.en_ewt-ud-train.conllu"],
        "dev": ["UD_English-EWT.en_ewt-ud-dev.conllu"],
        "test": ["UD_English-EWT.en_ewt-ud-test.conllu"],
    },
}
NER_CORPORA: dict[str, dict[str, list[str]]] = {
    "nl": {
        "train": ["conll2002.nl.train.conllu"],
        "dev": ["conll2002.nl.val.conllu"],
        "test": ["conll2002.nl.test.conllu"],
    },
    "en": {
        "train": ["conll2003.en.train.conllu"],
        "dev": ["conll2003.en.val.conllu"],
        "test": ["conll2003.en.test.conllu"],
    },
}

UdWord = tuple[str, str, str, str, int, str, bool]  # form, lemma, upos, feats, head, deprel, space_after


def read_conllu(path: Path) -> Iterator[list[UdWord]]:
    """Yield sentences as lists of syntactic words (heads as 0-based sentence offsets, -1 = root)."""
    sentence: list[tuple[str, str, str, str, int, str, bool]] = []
    with path.open(encoding="utf8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line:
                if sentence:
                    yield sentence
                sentence = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            space_after = "SpaceAfter=No" not in cols[9]
            sentence.append((cols[1], cols[2], cols[3], cols[5], int(cols[6]) - 1, cols[7], space_after))
    if sentence:
        yield sentence


def clean_lemma(lang: str, form: str, lemma: str) -> str:
    if lang == "nl" and "_" in lemma and "_" not in form:
        return lemma.replace("_", "")
    return lemma


def ud_docs(lang: str, paths: list[Path], vocab: Vocab) -> Iterator[Doc]:
    for path in paths:
        batch: list[list[UdWord]] = []
        for sentence in read_conllu(path):
            batch.append(sentence)
            if len(batch) == GROUP_SIZE:
                yield ud_doc(lang, batch, vocab)
                batch = []
        if batch:
            yield ud_doc(lang, batch, vocab)


def ud_doc(lang: str, sentences: list[list[UdWord]], vocab: Vocab) -> Doc:
    words: list[str] = []
    spaces: list[bool] = []
    lemmas: list[str] = []
    pos: list[str] = []
    morphs: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    sent_starts: list[bool] = []
    for sentence in sentences:
        offset = len(words)
        for i, (form, lemma, upos, feats, head, deprel, space_after) in enumerate(sentence):
            words.append(form)
            # The last word of a sentence is always followed by a space so sentences do not glue together.
            spaces.append(space_after or i == len(sentence) - 1)
            lemmas.append(clean_lemma(lang, form, lemma))
            pos.append(upos)
            morphs.append("" if feats == "_" else feats)
            heads.append(offset + (i if head < 0 else head))
            deps.append("ROOT" if head < 0 else deprel)
            sent_starts.append(i == 0)
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        lemmas=lemmas,
        pos=pos,
        morphs=morphs,
        heads=heads,
        deps=deps,
        sent_starts=sent_starts,
    )


def read_ner(path: Path) -> Iterator[list[list[tuple[str, str]]]]:
    """Yield documents (lists of sentences of (token, tag)).

    Files without -DOCSTART- lines are cut into documents of GROUP_SIZE sentences."""
    doc: list[list[tuple[str, str]]] = []
    sentence: list[tuple[str, str]] = []
    with path.open(encoding="utf8") as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 3:
                if sentence:
                    doc.append(sentence)
                    sentence = []
                    if len(doc) >= GROUP_SIZE and not has_docstarts(path):
                        yield doc
                        doc = []
                continue
            token, tag = cols[1], cols[2]
            if token == "-DOCSTART-":
                if doc:
                    yield doc
                doc = []
                continue
            sentence.append((token, tag))
    if sentence:
        doc.append(sentence)
    if doc:
        yield doc


_DOCSTART_CACHE: dict[Path, bool] = {}


def has_docstarts(path: Path) -> bool:
    if path not in _DOCSTART_CACHE:
        with path.open(encoding="utf8") as handle:
            head = [line for _, line in zip(range(50), handle, strict=False)]
        _DOCSTART_CACHE[path] = any("-DOCSTART-" in line for line in head)
    return _DOCSTART_CACHE[path]


def ner_docs(paths: list[Path], vocab: Vocab) -> Iterator[Doc]:
    for path in paths:
        for sentences in read_ner(path):
            words = [token for sentence in sentences for token, _ in sentence]
            tags = [tag for sentence in sentences for _, tag in sentence]
            starts = [i == 0 for sentence in sentences for i in range(len(sentence))]
            # CoNLL files may use I- at the start of an entity (IOB1); spaCy wants IOB2.
            fixed: list[str] = []
            for i, tag in enumerate(tags):
                if tag.startswith("I-") and (i == 0 or tags[i - 1][2:] != tag[2:] or starts[i]):
                    tag = "B-" + tag[2:]
                fixed.append(tag)
            yield Doc(vocab, words=words, ents=fixed, sent_starts=starts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("training/corpus"))
    parser.add_argument("--langs", nargs="+", default=["nl", "en"])
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for lang in args.langs:
        vocab = Vocab()
        for split, names in UD_CORPORA[lang].items():
            docs = list(ud_docs(lang, [args.data / "ud" / name for name in names], vocab))
            DocBin(store_user_data=False, docs=docs).to_disk(args.out / f"{lang}-ud-{split}.spacy")
            print(f"{lang}-ud-{split}: {len(docs)} docs, {sum(len(d) for d in docs)} words")
        for split, names in NER_CORPORA[lang].items():
            docs = list(ner_docs([args.data / "ner" / name for name in names], vocab))
            DocBin(store_user_data=False, docs=docs).to_disk(args.out / f"{lang}-ner-{split}.spacy")
            print(f"{lang}-ner-{split}: {len(docs)} docs, {sum(len(d) for d in docs)} words")


if __name__ == "__main__":
    main()
