"""kroniek.lang: one folder per language, the shared text helpers and the number reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from kroniek import lang
from kroniek.errors import KroniekError
from kroniek.lang.pack import PACK_FILES, LanguagePack
from kroniek.lang.text import fold, normalise, quote_spans, tokenize


def test_supported_languages_are_the_folders_present() -> None:
    folders = sorted(p.name for p in lang.LANG_DIR.iterdir() if (p / "words.toml").is_file())
    assert list(lang.SUPPORTED) == folders and len(folders) >= 4


@pytest.mark.parametrize("code", lang.SUPPORTED)
def test_every_pack_holds_every_file(code: str) -> None:
    pack = lang.get(code)
    for name in PACK_FILES:
        assert isinstance(pack.table(name), dict), name
    assert pack.words("places", "locative")


def test_an_unknown_language_is_a_catalogue_error() -> None:
    with pytest.raises(KroniekError) as err:
        lang.get("pl")
    assert err.value.code == "E163" and "kroniek/lang/pl" in err.value.message


def test_a_broken_file_names_itself(tmp_path: Path) -> None:
    for name in PACK_FILES:
        (tmp_path / f"{name}.toml").write_text("", encoding="utf-8")
    (tmp_path / "time.toml").write_text("words = [unclosed", encoding="utf-8")
    with pytest.raises(KroniekError) as err:
        LanguagePack("xx", tmp_path).validate()
    assert err.value.code == "E162" and "time.toml" in err.value.message


def test_a_missing_file_names_itself(tmp_path: Path) -> None:
    with pytest.raises(KroniekError) as err:
        LanguagePack("xx", tmp_path).validate()
    assert err.value.code == "E162" and "words.toml" in err.value.message


def test_a_word_list_must_be_strings(tmp_path: Path) -> None:
    (tmp_path / "places.toml").write_text("locative = [1, 2]", encoding="utf-8")
    with pytest.raises(KroniekError) as err:
        LanguagePack("xx", tmp_path).words("places", "locative")
    assert err.value.code == "E162"


def test_fold_and_normalise() -> None:
    assert fold("  OEKRAÏNE’s_Kyiv ") == "oekraine's kyiv"
    assert normalise(" Zo’n   Één ") == "zo'n één"


def test_tokenize_keeps_elisions_initials_and_hyphens() -> None:
    tokens = tokenize("L'armée et J.F. Kennedy-Smith's plan", offset=10)
    assert [t.text for t in tokens] == ["L'", "armée", "et", "J.F.", "Kennedy-Smith", "'s", "plan"]
    assert tokens[0].start == 10 and tokens[1].key == "armee" and tokens[1].low == "armée"


def test_quote_spans_pass_over_apostrophes() -> None:
    text = "Hij zei: „We blijven.” Zo'n plan is 'onzin', zei ze."
    assert [text[a:b] for a, b in quote_spans(text)] == ["„We blijven.”", "'onzin'"]
