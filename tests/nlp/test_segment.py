"""Sentence segmentation of news text: abbreviations, quotes, headlines, datelines, paragraphs.

These run on a blank pipeline (tokenizer + sentencizer + news rules) so that they test the rules
themselves, whatever trained model is shipped.
"""

from __future__ import annotations

import pytest
import spacy

from kroniek.nlp.segment import abbreviations, add_news_segmentation, dateline_ends


def sentences(lang: str, text: str) -> list[str]:
    nlp = spacy.blank(lang)
    add_news_segmentation(nlp, lang)
    return [s.text.strip() for s in nlp(text).sents]


@pytest.mark.parametrize(
    "text",
    [
        "Gisteren sprak dr. Bakker met de burgemeester over het plan.",
        "De zaak werd bepleit door mr. Visser namens de gemeente.",
        "Er kwamen o.a. boeren en vissers naar het protest in Zwolle.",
        "De stemming is op di. 14 maart in de Tweede Kamer.",
        "Volgens prof. Mulder is dat onverstandig.",
    ],
)
def test_dutch_abbreviations_do_not_end_a_sentence(text: str) -> None:
    assert sentences("nl", text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Yesterday Mr. Carter met the mayor of Springfield.",
        "The U.S. delegation arrived late on Monday.",
        "Talks with Dr. Okafor and Gen. Lindqvist ended without a deal.",
    ],
)
def test_english_abbreviations_do_not_end_a_sentence(text: str) -> None:
    assert sentences("en", text) == [text]


def test_abbreviation_at_the_end_of_a_sentence_still_ends_it_before_a_capital() -> None:
    got = sentences("en", "The envoy flew back to the U.S. The talks resume next week.")
    assert got == ["The envoy flew back to the U.S.", "The talks resume next week."]


def test_abbreviations_are_single_tokens() -> None:
    nlp = spacy.blank("nl")
    add_news_segmentation(nlp, "nl")
    assert [t.text for t in nlp("op di. om acht uur")] == ["op", "di.", "om", "acht", "uur"]
    assert "Dr." in abbreviations("nl").never_final  # capitalised variant of "dr."


def test_dutch_quotation_marks_stay_with_their_sentence() -> None:
    text = "De minister zei: „Wij trekken ons terug.” Daarna verliet zij de zaal."
    assert sentences("nl", text) == [
        "De minister zei: „Wij trekken ons terug.”",
        "Daarna verliet zij de zaal.",
    ]


def test_reporting_clause_after_a_quote_does_not_start_a_sentence() -> None:
    text = "„Dit akkoord is van tafel.” zei de woordvoerder tegen verslaggevers."
    assert sentences("nl", text) == [text]


def test_headline_without_full_stop_is_its_own_sentence() -> None:
    text = "Kabinet schort steun aan omstreden project op\nHet kabinet heeft besloten de subsidie te stoppen."
    assert sentences("nl", text) == [
        "Kabinet schort steun aan omstreden project op",
        "Het kabinet heeft besloten de subsidie te stoppen.",
    ]


@pytest.mark.parametrize(
    ("lang", "text", "dateline"),
    [
        ("nl", "WASHINGTON (ANP) - De president tekende het besluit.", "WASHINGTON (ANP) -"),
        ("nl", "Den Haag (Reuters) — De Kamer stemde in met de motie.", "Den Haag (Reuters) —"),
        ("en", "NAIROBI, March 3 (AP) - Rescue teams reached the village.", "NAIROBI, March 3 (AP) -"),
        ("en", "BRUSSELS - Ministers failed to agree on the budget.", "BRUSSELS -"),
    ],
)
def test_dateline_is_split_from_the_lead(lang: str, text: str, dateline: str) -> None:
    got = sentences(lang, text)
    assert got[0] == dateline
    assert got[1] == text[len(dateline) :].strip()


def test_ordinary_dash_in_a_sentence_is_not_a_dateline() -> None:
    nlp = spacy.blank("en")
    doc = nlp("The deal - which took months - was signed on Friday.")
    assert dateline_ends(doc) == []


def test_paragraph_break_always_ends_a_sentence() -> None:
    text = "Het overleg duurde tot laat in de avond\n\nen leverde niets op."
    assert sentences("nl", text) == ["Het overleg duurde tot laat in de avond", "en leverde niets op."]


def test_hard_wrapped_line_is_not_split() -> None:
    text = "The committee said on Thursday that the\nproposal would be reviewed again."
    assert sentences("en", text) == [text.replace("\n", "\n")]


def test_sentence_offsets_point_into_the_original_text() -> None:
    text = "  Kop\n\nEerste zin. Tweede zin.\n"
    nlp = spacy.blank("nl")
    add_news_segmentation(nlp, "nl")
    doc = nlp(text)
    for sent in doc.sents:
        assert text[sent.start_char : sent.end_char] == sent.text
    words = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert words == ["Kop", "Eerste zin.", "Tweede zin."]


def test_empty_and_whitespace_only_text() -> None:
    nlp = spacy.blank("nl")
    add_news_segmentation(nlp, "nl")
    assert list(nlp("").sents) == []
    assert len(list(nlp("   \n\n ").sents)) <= 1


def test_no_sentence_start_without_final_punctuation_before_it() -> None:
    from kroniek.nlp.segment import NewsSentences

    nlp = spacy.blank("en")
    doc = nlp.make_doc("Ms. Okafor met Chancellor Lindqvist in Oslo. Talks went on.")
    chancellor = next(t for t in doc if t.text == "Chancellor")
    chancellor.is_sent_start = True  # as a parser trained on web text may propose
    doc = NewsSentences("en")(doc)
    assert chancellor.is_sent_start is False
    talks = next(t for t in doc if t.text == "Talks")
    assert talks.is_sent_start is not False  # after a full stop the model (or sentencizer) decides


def test_sentence_may_start_after_a_closing_quote_that_follows_a_full_stop() -> None:
    text = 'The minister said: "We are leaving." The meeting ended.'
    assert sentences("en", text) == ['The minister said: "We are leaving."', "The meeting ended."]
