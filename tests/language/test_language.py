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
