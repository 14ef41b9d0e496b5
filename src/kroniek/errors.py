"""The error catalogue: every failure kroniek reports has a code, a message that says what to do,
and names the option or setting involved. Messages are one line so a CLI can print them as is."""

from __future__ import annotations

from typing import Any

MESSAGES: dict[str, str] = {
    "E001": "the input is empty: nothing to extract from {where}",
    "E002": "the input looks binary, not text ({where}: {detail}); give a text, HTML or JSONL file",
    "E003": "the input is not valid UTF-8 and not readable as cp1252 either ({where})",
    "E004": "the input is {size:,} characters, over the limit of {limit:,} (raise it with max_chars / --max-chars)",
    "E005": "the HTML page holds no article text ({where})",
    "E006": "cannot read the publication date {value!r}; give --published as YYYY-MM-DD or an ISO datetime",
    "E007": "language {lang!r} is not supported (supported: {supported}); pass --lang to override the detector",
    "E008": "cannot tell the language of {where}: {detail}; pass --lang",
    "E009": "JSONL line {line}: {detail}",
    "E010": "no such input file: {where}",
    "E011": "the path {where} is a directory; give a file, '-' for standard input, or use `kroniek ingest` for directories",
    "E020": "not a valid chronicle: {problems}",
    "E030": "unknown pipeline stage {name!r}; known stages: {known}",
    "E031": "stage {stage!r} needs {needs!r}, which no earlier stage provides (order in [pipeline].stages: {order})",
    "E032": "stage {stage!r} failed on article {article!r}: {detail}",
    "E033": "cannot read the configuration file {where}: {detail}",
    "E034": "cannot load the NLP pipeline {name!r} (setting [nlp].model or --nlp): {detail}",
    "E040": "unknown output format {value!r}; choose one of: {choices}",
    "E140": "the temporal lexicon for {lang!r} cannot be used: {detail} (kroniek/time/data/{lang}.toml)",
    "E141": "no gazetteer data file at {where}; rebuild it with `python training/build_gazetteer.py`",
    "E142": "the quantities lexicon cannot be used: {detail} (kroniek/quantities/data/)",
}


class KroniekError(Exception):
    """An error from the catalogue above; ``code`` is stable, the message names what to change."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        template = MESSAGES.get(code, "{detail}")
        try:
            message = template.format(**params)
        except (KeyError, IndexError, ValueError):
            message = f"{template} {params}"
        self.message = message
        super().__init__(f"[{code}] {message}")


class InputError(KroniekError):
    """Bad input: the article cannot be read or processed (an item error in a batch)."""


class StageError(KroniekError):
    """A stage raised; the message names the stage and the article."""
