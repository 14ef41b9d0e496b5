"""The quote finder on every quotation style (sentences written for the tests)."""

from __future__ import annotations

from kroniek.statements.quotes import find_quotes, walk


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_dutch_low_high_quotes() -> None:
    text = "De minister zei: „We gaan morgen verder met het overleg.” Daarna vertrok hij."
    assert quoted(text) == ["We gaan morgen verder met het overleg."]


def test_german_low_and_left_quotes() -> None:
    text = "Die Ministerin sagte: „Wir bleiben bei unserer Linie.“ Danach ging sie."
    assert quoted(text) == ["Wir bleiben bei unserer Linie."]


def test_english_curly_and_straight_quotes() -> None:
    text = '“We will not give up,” the mayor said. "The bridge opens in May," she added.'
    assert quoted(text) == ["We will not give up", "The bridge opens in May"]


def test_single_quotes_are_told_from_apostrophes() -> None:
    text = "'We don't stop here,' said the coach of the soldiers' team. It's 't begin, zei hij 's avonds."
    assert quoted(text) == ["We don't stop here"]


def test_curly_single_quotes_with_elision_inside() -> None:
    text = "‘Het gaat om ’s lands veiligheid,’ zei de generaal."
    assert quoted(text) == ["Het gaat om ’s lands veiligheid"]


def test_french_guillemets_with_spaces() -> None:
    text = "« Nous ne céderons pas », a déclaré la ministre."
    assert quoted(text) == ["Nous ne céderons pas"]


def test_reversed_german_guillemets_and_single_guillemets() -> None:
    assert quoted("Er sagte: »Das ist genug.« Dann ging er.") == ["Das ist genug."]
    assert quoted("Elle a dit ‹ assez › hier.") == ["assez"]


def test_nested_quotes_are_children() -> None:
    text = "“The motto ‘never again’ is back,” he said."
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == ["The motto ‘never again’ is back"]
    assert [text[c.start : c.end] for c in quotes[0].children] == ["never again"]


def test_straight_quotes_nested_in_straight_quotes() -> None:
    text = 'He said: "We are not "partners" in any sense of the word," and left.'
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == ['We are not "partners" in any sense of the word']


def test_shared_closing_mark_ends_the_outer_quote() -> None:
    text = "„De leus „samen sterk” is nu: „ieder voor zich”, aldus de krant."
    outer = find_quotes(text)[0]
    assert text[outer.start : outer.end] == "De leus „samen sterk” is nu: „ieder voor zich"
    assert len(walk([outer])) == 3


def test_quote_continues_over_paragraphs() -> None:
    text = "Hij schreef:\n\n„Dit is de eerste alinea van mijn brief.\n\n„En dit is de tweede alinea.”\n\nEinde."
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert text[quotes[0].start : quotes[0].end].startswith("Dit is de eerste alinea")
    assert text[quotes[0].start : quotes[0].end].endswith("tweede alinea.")
    assert quotes[0].continued


def test_unclosed_paragraph_opening_quote_runs_to_paragraph_end() -> None:
    text = "„We blijven hier tot het einde\n\nDaarna volgde een stilte."
    assert quoted(text) == ["We blijven hier tot het einde"]


def test_stray_marks_do_not_crash_or_pair() -> None:
    assert quoted("Een ” losse sluiting en een “ open eind") == []
    assert quoted("") == []


def test_place_name_elision_and_measurements_are_not_quotes() -> None:
    text = "In ’s-Hertogenbosch zei hij: ‘De brug is 5'11\" breed,’ en ging naar huis. Het is de Netherlands’ plan."
    assert quoted(text) == ["De brug is 5'11\" breed"]


def test_many_unclosed_marks_in_one_paragraph_stay_fast() -> None:
    import time

    start = time.perf_counter()
    for text in (" 'word" * 20000, "„x " * 20000, ' "a b' * 20000):
        assert find_quotes(text) == []
    assert time.perf_counter() - start < 5  # linear: about 0.2 s here; quadratic took minutes
