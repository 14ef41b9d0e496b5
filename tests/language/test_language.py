from pathlib import Path

import pytest

from kroniek.errors import InputError
from kroniek.lang.identify import check_supported, detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "De minister-president heeft dinsdag met de Duitse bondskanselier gesproken over de steun aan het land.",
            "nl",
        ),
        ("The foreign minister said on Tuesday that talks with the delegation would continue next week.", "en"),
        (
            "Der Außenminister sagte am Dienstag, die Gespräche mit der Delegation würden nächste Woche fortgesetzt.",
            "de",
        ),
        (
            "Le ministre des Affaires étrangères a déclaré mardi que les discussions reprendraient la semaine prochaine.",
            "fr",
        ),
    ],
)
def test_detects_supported_languages(text, lang):
    assert detect_language(text)[0] == lang


def test_unsupported_language_is_refused_not_guessed():
    code, _ = detect_language("Minister spraw zagranicznych powiedział we wtorek, że rozmowy będą kontynuowane.")
    assert code == "pl"
    with pytest.raises(InputError) as err:
        check_supported(code)
    assert err.value.code == "E007" and "pl" in err.value.message


def test_too_few_letters():
    with pytest.raises(InputError) as err:
        detect_language("12 34 56 -- 78")
    assert err.value.code == "E008"


def test_the_cached_identifier_read_from_a_mapped_file_scores_like_the_built_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kroniek.lang import identify
    from kroniek.pipeline import datacache

    monkeypatch.setenv(datacache.CACHE_ENV, str(tmp_path / "cache"))
    built = identify.build_identifier()
    texts = [
        "De gemeenteraad stemde dinsdagavond in met het nieuwe plan voor de haven.",
        "The council voted on Tuesday evening to approve the new plan for the harbour.",
        "Der Stadtrat stimmte am Dienstagabend dem neuen Plan für den Hafen zu.",
        "Le conseil municipal a approuvé mardi soir le nouveau projet pour le port.",
        "Rada miasta zatwierdziła we wtorek wieczorem nowy plan dla portu.",
    ]
    expected = [built.classify(text) for text in texts]
    for _ in range(2):  # the first call builds and stores, the second reads the mapped file
        monkeypatch.setattr(identify, "_loaded", [])
        datacache.load_language_identifier()
        assert [identify.detect_language(text) for text in texts] == expected
    assert list((tmp_path / "cache").glob("langid-*.mapped"))
