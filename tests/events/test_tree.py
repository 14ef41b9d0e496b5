"""The dependency-tree rules, on parses built by hand (UD labels), so they run without a trained model."""

import spacy
from spacy.tokens import Doc

from kroniek.chronicle.models import Article
from kroniek.document import ActorMention, ActorRecord, ArticleDoc, CharSpan
from kroniek.events.stage import EventsStage


def parsed(lang, words, heads, deps, actors):
    nlp = spacy.blank(lang)
    spaces = [True] * len(words)
    spaces[-2] = False  # no space before the final full stop
    spaces[-1] = False
    sdoc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    doc = ArticleDoc(article=Article(id="t", language=lang, text=sdoc.text))
    doc.nlp = sdoc
    doc.sentences = [CharSpan(s.start_char, s.end_char) for s in sdoc.sents]
    for name, word in actors.items():
        tok = next(t for t in sdoc if t.text == word)
        doc.actors.append(
            ActorRecord(
                key=name,
                name=name,
                kind="state",
                mentions=[ActorMention(tok.idx, tok.idx + len(tok.text), len(doc.actors))],
            )
        )
    EventsStage(use_tree=True)(doc)
    return doc


def test_tree_supplies_a_subject_that_word_order_cannot_see():
    # the concessive clause cuts "Frankrijk" off from the clause of "drong … aan"; the parse still links them
    # (a relative clause no longer does: events/relatives.py hands its antecedent on by word order)
    words = ["Frankrijk", ",", "hoewel", "het", "twijfelde", ",", "drong", "aan", "op", "gesprekken", "."]
    heads = [6, 0, 4, 4, 6, 4, 6, 6, 9, 6, 6]
    deps = ["nsubj", "punct", "mark", "nsubj", "advcl", "punct", "ROOT", "compound:prt", "case", "obl", "punct"]
    doc = parsed("nl", words, heads, deps, {"France": "Frankrijk"})
    [ev] = doc.events
    assert ev.event == "REQUEST" and ev.actor == [0]
    assert ev.explain["arguments"].startswith("tree")
    assert ev.explain["path"] == ["nsubj:Frankrijk"]


def test_control_verb_lends_its_subject_in_the_tree():
    words = ["Frankrijk", ",", "hoewel", "het", "twijfelde", ",", "zei", "te", "zullen", "aandringen", "op"]
    words += ["gesprekken", "."]
    heads = [6, 0, 4, 4, 6, 4, 6, 9, 9, 6, 11, 9, 6]
    deps = ["nsubj", "punct", "mark", "nsubj", "advcl", "punct", "ROOT", "mark", "aux", "xcomp", "case", "obl"]
    deps += ["punct"]
    doc = parsed("nl", words, heads, deps, {"France": "Frankrijk"})
    [ev] = doc.events
    assert ev.event == "REQUEST" and ev.actor == [0]
    assert any(step.startswith("^1:zei") for step in ev.explain["path"])


def test_passive_agent_from_the_tree():
    words = ["Oekraïne", "werd", "aangevallen", "door", "Rusland", "."]
    heads = [2, 2, 2, 4, 2, 2]
    deps = ["nsubj:pass", "aux:pass", "ROOT", "case", "obl:agent", "punct"]
    doc = parsed("nl", words, heads, deps, {"Ukraine": "Oekraïne", "Russia": "Rusland"})
    [ev] = doc.events
    assert ev.event == "ASSAULT"
    assert ev.actor == [1] and ev.recipient == [0]


def test_coordinated_subject_in_the_tree():
    words = ["Poland", "and", "France", "condemned", "Russia", "."]
    heads = [3, 2, 0, 3, 3, 3]
    deps = ["nsubj", "cc", "conj", "ROOT", "obj", "punct"]
    doc = parsed("en", words, heads, deps, {"Poland": "Poland", "France": "France", "Russia": "Russia"})
    [ev] = doc.events
    assert ev.event == "ACCUSE"
    assert set(ev.actor) == {0, 1} and ev.recipient == [2]


def test_tree_without_actor_falls_back_to_word_order():
    words = ["Poland", "attacked", "Russia", "."]
    heads = [1, 1, 1, 1]
    deps = ["dep", "ROOT", "dep", "punct"]  # a parse that names no subject or object
    doc = parsed("en", words, heads, deps, {"Poland": "Poland", "Russia": "Russia"})
    [ev] = doc.events
    assert ev.explain["arguments"].startswith("order")
    assert ev.actor == [0] and ev.recipient == [1]
