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
    "E035": "unknown setting {key!r} in {where}; known settings there: {known}",
    "E440": (
        'cannot leave out the component {name!r} of the pipeline {pipeline}: {why} (setting [stages."nlp.spacy/v1"]'
        ".exclude; its components: {known})"
    ),
    "E040": "unknown output format {value!r}; choose one of: {choices}",
    "E120": 'no such actor file: {where} (setting [stages."actors.resolve/v1"].user_actors)',
    "E121": "actor file {where}, line {line}: {detail} (format: docs/actors.md)",
    "E122": "cannot read the date {value!r}; give --date as YYYY-MM-DD",
    "E180": "the gold chronicle {where} cannot be read as gold: {problems}",
    "E181": "cannot read the gold file {where}: {detail}",
    "E182": "no such gold file or directory: {where}",
    "E183": "no gold chronicles found in {where}; give a directory of *.gold.json files",
    "E184": "cannot read the floors file {where}: {detail}",
    "E185": 'changing floors needs a reason: add --reason "..." (it is recorded in {where})',
    "E186": "cannot read the predicted chronicle {where}: {detail}",
    "E187": "unknown language filter {value!r}: give ISO 639-1 codes separated by commas, e.g. nl,en",
    "E188": "cannot build the pipeline to evaluate: {detail}",
    "E189": "corpus source {ref!r}: {detail} (source kinds and their files: kroniek/evaluation/sources.py)",
    "E191": "unknown corpus split {value!r}; choose one of: {choices}",
    "E192": "the gold set fails its checks: {problems}",
    "E280": "the setting {setting} cannot be used: {detail}",
    "E435": "the events stage setting split_contents names {value!r}, which is no proposition type; use some of {known}",
    "E450": "the events stage setting {setting} names {value!r}, which is no event type; use some of {known}",
    "E411": "the counted-group nouns of language {lang} (kroniek/lang/{lang}/groups.toml) cannot be used: {detail}",
    "E412": "the counted-group noun {noun!r} of language {lang} (kroniek/lang/{lang}/groups.toml, [counted]) cannot be used: {detail}",
    "E444": 'the groups in argument slots cannot be used: {where}: {detail} (docs/events.md, "Groups in argument slots, round 9")',
    "E290": "the unnamed-speaker phrases of language {lang} (kroniek/lang/{lang}/speakers.toml) cannot be used: {detail}",
    "E193": "cannot load the event model {where}: {detail} (train one with `kroniek train`, docs/events.md)",
    "E194": "unknown training option {key!r}; known: {known}",
    "E190": "the shared folder (../shared, or $KRONIEK_SHARED) was not found: {detail}",
    "E200": "cannot open the store {url}: {detail}",
    "E201": "the store {url} is locked by another process ({detail}); wait for it to finish and run again",
    "E202": "the store {url} is read-only ({detail}); give a writable file with --db, or fix its permissions",
    "E203": "the store {url} has schema revision {revision}, which this kroniek does not know; upgrade kroniek",
    "E204": "cannot use the database URL {url!r}: {detail}; give a file path, sqlite:///FILE or postgresql://...",
    "E205": "{what} needs the optional package {package}; install it with `pip install {package}`",
    "E206": "chronicle JSONL line {line}: {detail}",
    "E207": "unknown {option} {value!r}; choose one of: {choices}",
    "E208": "cannot read the date {value!r} given as {option}; write YYYY-MM-DD",
    "E209": "{where} has a header but no blank line before the text; put one empty line after the header",
    "E210": "the directory {where} holds no article files (.txt, .html, .htm, .jsonl)",
    "E211": "the store operation failed on {where}: {detail}",
    "E162": "the word lists of language {lang!r} cannot be used: {where}: {detail} (kroniek/lang/{lang}/{where})",
    "E163": "kroniek has no word lists for language {lang!r} (kroniek/lang/ holds: {supported}); add a folder kroniek/lang/{lang}/",
    "E212": "{option} must be a whole number from {low:,} to {high:,}, not {value!r}",
    "E213": "article {article!r} was stopped after its time budget of {seconds} s; raise {setting} in a --config file (time_budget_s = 0: no budget)",
    "E214": "{where} is not valid Unicode text: {detail}; fix the encoding of the input",
    "E216": "send the request body as JSON with the header Content-Type: application/json (got {content_type!r})",
    "E217": "the Host header {host!r} is not one this server answers to; add it with --allowed-host (protects against DNS rebinding)",
    "E218": "{path} needs a token when the server listens beyond this machine: start `kroniek serve` with --token and send Authorization: Bearer TOKEN",
    "E219": "the stage plug-in {name!r} cannot be loaded (entry point group kroniek.stages): {detail}",
    "E295": "the light-verb construction {where} cannot be used: {detail} (see docs/events.md, 'Light-verb constructions')",
    "E160": "cannot read the event lexicon {where}: {detail} (see docs/events.md for the entry format)",
    "E161": "no event lexicon for language {lang!r}; add kroniek/lang/{lang}/events.toml or pass extra_lexicons",
    "E140": "the temporal lexicon for {lang!r} cannot be used: {detail} (kroniek/lang/{lang}/time.toml)",
    "E145": "holiday {name!r} in kroniek/lang/{lang}/time.toml [holidays] has the rule {rule!r}, which is not one of MM-DD, easter+N, MM:n:weekday or MM-DD:-n:weekday (see kroniek/time/calendar.py)",
    "E141": "no gazetteer data file at {where}; rebuild it with `python training/build_gazetteer.py`",
    "E142": "the quantities lexicon cannot be used: {detail} (kroniek/quantities/data/)",
    "E240": "no store at {where}: the file does not exist; give an existing store with --db (or KRONIEK_DB), or create it with `kroniek ingest PATH --db {where} --create`",
    "E241": "cannot write the output file {where}: {detail}; give another path with --output / -o",
    "E242": "unknown parameter {parameter!r}; this page takes: {known}",
    "E243": "the request body is over the limit of {limit:,} bytes; send a shorter text (or start kroniek serve with a higher limit)",
    "E220": "cannot use the cluster {value!r}: {detail}; give --cluster tcp://HOST:8786 (a running scheduler) or local:N",
    "E221": "cannot reach the Dask scheduler at {address}: {detail}; start it (`dask scheduler`) or check --cluster",
    "E222": 'distributed work needs the optional package {package}; install it with `pip install "kroniek[cluster]"`',
    "E223": "--cluster writes into PostgreSQL, and {url} is not a PostgreSQL URL; give --db postgresql://USER:PASSWORD@HOST/DB",
    "E224": "the Parquet file {where} has no text column {column!r} (columns: {columns}); name the column with --text-column",
    "E225": "cannot read the Parquet file {where}: {detail}",
    "E226": "{where} holds no input to partition (.txt, .html, .htm, .jsonl, .parquet files)",
    "E227": "partition {partition} failed on the cluster: {detail}; run the same command again to resume",
    "E228": "{option} must be at least 1, not {value}",
    "E229": "--cluster writes shards into a folder: give --output DIR (shard format jsonl or parquet, not {format!r})",
    "E230": "{what} needs the optional packages fastapi and uvicorn; install them with `pip install fastapi uvicorn`",
    "E231": "no {what} with id {id!r} in the store",
    "E232": "the parameter {parameter} is required: {detail}",
    "E233": "cannot read the parameter {parameter}={value!r}: {detail}",
    "E315": "peer suite data not found: {detail}",
    "E316": "cannot read the peer suite file: {detail} (formats: docs/evaluation.md, peer suites)",
    "E234": 'the request body is not valid: {detail}; send JSON such as {{"text": "...", "published": "2025-03-19"}}',
    "E419": "the trigger model's feature set {value!r} is unknown (known: {known}); set [train] feature_set to one of them",
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

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from code and params, so that errors survive the trip back from worker processes.
        return (_rebuild_error, (type(self), self.code, self.params))


def _rebuild_error(cls: type[KroniekError], code: str, params: dict[str, Any]) -> KroniekError:
    return cls(code, **params)


class InputError(KroniekError):
    """Bad input: the article cannot be read or processed (an item error in a batch)."""


class StageError(KroniekError):
    """A stage raised; the message names the stage and the article."""


class StoreError(KroniekError):
    """The store cannot be opened or written (locked, read-only, unknown URL, foreign schema)."""
