"""fold's ASCII shortcut gives what the full Unicode folding gives."""

from __future__ import annotations

import random
import unicodedata

from kroniek.lang import text as text_module


def reference_fold(text: str) -> str:
    text = text.translate(text_module._FOLD_MARKS).replace("_", " ")
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return text_module._SPACES.sub(" ", stripped.casefold()).strip()


def test_fold_matches_the_unicode_folding_on_ascii_and_accented_text() -> None:
    # Written for this test: ASCII, accents, ligatures, curly marks, odd spaces, underscores.
    samples = ["De Minister-President", "  THE_Prime  Minister ", "Oekraïne", "Straße", "ﬁnance", "l’Élysée", "a`b"]
    alphabet = "aZ _-'`\t\n9éÉßﬁ’‐Ïç\u00a0\u2003"
    rng = random.Random(7)
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10))) for _ in range(5000)]
    for sample in samples:
        assert text_module.fold.__wrapped__(sample) == reference_fold(sample), sample
    assert text_module.fold("  THE_Prime  Minister ") == "the prime minister"
