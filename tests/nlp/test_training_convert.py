"""training/convert.py: CoNLL-U and CoNLL NER files into spaCy docs (snippets written for the tests)."""

from __future__ import annotations

import sys
from pathlib import Path

from spacy.vocab import Vocab

REPO = Path(__file__).resolve().parents[2]


# training/convert.py is a script, not part of the package: imported from its folder, as the benchmark does.
sys.path.insert(0, str(REPO / "training"))
import convert  # noqa: E402

CONLLU = """# sent_id = t1
# text = Het stadhuis sloot gisteren.
1\tHet\thet\tDET\t_\tDefinite=Def\t2\tdet\t_\t_
2\tstadhuis\tstad_huis\tNOUN\t_\tNumber=Sing\t3\tnsubj\t_\t_
3\tsloot\tsluiten\tVERB\t_\tTense=Past\t0\troot\t_\t_
4\tgisteren\tgisteren\tADV\t_\t_\t3\tadvmod\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_

1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
1\tdo\tdo\tAUX\t_\t_\t3\taux\t_\t_
2\tn't\tnot\tPART\t_\t_\t3\tadvmod\t_\t_
3\tgo\tgo\tVERB\t_\t_\t0\troot\t_\t_
3.1\tgone\tgo\tVERB\t_\t_\t_\t_\t_\t_

"""

NER = "0\tMinister\tO\n1\tAalders\tI-PER\n2\tbezocht\tO\n3\tGent\tI-LOC\n4\tVan\tI-ORG\n5\tDijk\tI-ORG\n\n"


def test_conllu_words_heads_and_nl_lemmas(tmp_path: Path) -> None:
    path = tmp_path / "t.conllu"
    path.write_text(CONLLU, encoding="utf8")
    sentences = list(convert.read_conllu(path))
    assert [w[0] for w in sentences[1]] == ["do", "n't", "go"]  # range and empty node skipped
    doc = convert.ud_doc("nl", sentences, Vocab())
    assert [t.lemma_ for t in doc[:3]] == ["het", "stadhuis", "sluiten"]  # compound joint removed
    assert doc[2].dep_ == "ROOT" and doc[1].head.i == 2
    assert doc[3].whitespace_ == ""  # SpaceAfter=No kept
    assert doc[5].is_sent_start and doc[5].text == "do"
    assert doc[7].head.i == 7  # the second sentence's root points at itself


def test_ner_iob1_tags_become_entities(tmp_path: Path) -> None:
    path = tmp_path / "t.ner"
    path.write_text(NER, encoding="utf8")
    docs = list(convert.ner_docs([path], Vocab()))
    expected = [("Aalders", "PER"), ("Gent", "LOC"), ("Van Dijk", "ORG")]
    assert [(e.text, e.label_) for e in docs[0].ents] == expected
