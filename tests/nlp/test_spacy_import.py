"""kroniek imports spaCy without spaCy's command-line package, and spaCy keeps working in full after it."""

import json
import subprocess
import sys

# Run in a fresh interpreter: the test process has imported spaCy (and maybe spacy.cli) already.
_SCRIPT = """
import json, sys
from kroniek.nlp.spacy_import import import_spacy
spacy = import_spacy()
before = sorted(m for m in ("spacy.cli", "spacy.cli.info", "weasel", "requests", "httpx") if m in sys.modules)
nlp = spacy.blank("nl")
tokens = [t.text for t in nlp("De minister sprak met de pers")]
info = spacy.info(silent=True)
import spacy.cli
print(json.dumps({
    "before": before,
    "tokens": tokens,
    "info_version": info.get("spacy_version"),
    "version": spacy.__version__,
    "real_info_module": hasattr(sys.modules["spacy.cli.info"], "info_cli"),
    "cli_has_download": callable(getattr(spacy.cli, "download", None)),
}))
"""


def _run(script: str) -> dict:
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_spacy_is_imported_without_its_command_line_package() -> None:
    result = _run(_SCRIPT)
    assert result["before"] == []
    assert result["tokens"] == ["De", "minister", "sprak", "met", "de", "pers"]


def test_spacy_info_and_a_later_import_of_spacy_cli_are_the_real_ones() -> None:
    result = _run(_SCRIPT)
    assert result["info_version"] == result["version"]
    assert result["real_info_module"] is True
    assert result["cli_has_download"] is True


def test_an_already_imported_spacy_is_returned_as_it_is() -> None:
    import spacy

    from kroniek.nlp.spacy_import import import_spacy

    assert import_spacy() is spacy


_ENTRY_POINTS_SCRIPT = """
import json
import catalogue
available = catalogue.AVAILABLE_ENTRY_POINTS
before = {g: [(e.name, e.value) for e in available.select(group=g)] for g in available.groups}
from kroniek.nlp.spacy_import import import_spacy
spacy = import_spacy()
indexed = catalogue.AVAILABLE_ENTRY_POINTS
after = {g: [(e.name, e.value) for e in eps] for g, eps in indexed.items()}
registry = catalogue.create("kroniek_test", "lookups", entry_points=True)
print(json.dumps({
    "indexed": type(indexed) is dict,
    "same": before == after,
    "groups": len(after),
    "lookup": sorted(registry.get_all()) == sorted(n for n, _ in before.get("kroniek_test_lookups", [])),
    "pipe": spacy.blank("nl").add_pipe("sentencizer").__class__.__name__,
}))
"""


def test_the_indexed_entry_points_are_the_ones_the_filter_gives() -> None:
    result = _run(_ENTRY_POINTS_SCRIPT)
    assert result["indexed"] is True
    assert result["same"] is True and result["groups"] > 0
    assert result["lookup"] is True and result["pipe"] == "Sentencizer"
