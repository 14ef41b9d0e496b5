"""`kroniek explain` and explain_events: each event names its lexicon entry and rule."""

import json
import re

from events_support import make_doc, run_events
from typer.testing import CliRunner

from kroniek.document import ActorMention, ActorRecord
from kroniek.events.explain import explain_events, format_explanation
from kroniek.pipeline import register_stage

NAMES = {
    "Vladimir Putin": ["Poetin"],
    "Donald Trump": ["Trump"],
    "Russia": ["Moskou", "Rusland"],
    "Ukraine": ["Kyiv", "Oekraïne"],
    "United States": ["Washington"],
}


class HandLayers:
    """Stands in for the actors/time/places/quantities stages: actors found by their names."""

    name = "test.layers/v1"
    requires = ("nlp",)
    provides = ("actors", "timexes", "places", "quantities", "attributions")

    def __call__(self, doc):
        for name, strings in NAMES.items():
            record = ActorRecord(key=name, name=name, kind="state")
            for s in strings:
                for m in re.finditer(r"(?<!\w)" + re.escape(s) + r"(?!\w)", doc.text):
                    record.mentions.append(ActorMention(m.start(), m.end(), len(doc.actors)))
            doc.actors.append(record)
        return doc


def test_explain_events_names_entry_and_rule():
    doc = make_doc("Rusland viel Oekraïne aan.", "nl", {"Russia": ["Rusland"], "Ukraine": ["Oekraïne"]})
    run_events(doc)
    [record] = explain_events(doc)
    assert record["event"] == "ASSAULT" and record["cameo_root"] == "18"
    assert record["why"]["entry"] == "nl.aanvallen"
    assert record["actor"] == ["Russia"] and record["recipient"] == ["Ukraine"]
    text = format_explanation([record])
    assert "nl.aanvallen" in text and "viel … aan" in text


def test_cli_explain_on_the_seed(tmp_path, root):
    register_stage("test.layers/v1", HandLayers)
    config = tmp_path / "kroniek.toml"
    config.write_text(
        '[pipeline]\nstages = ["nlp.spacy/v1", "test.layers/v1", "events.lexicon/v1"]\n', encoding="utf-8"
    )
    from kroniek.cli.app import _add_subcommands, app

    _add_subcommands()
    runner = CliRunner()
    seed = str(root / "examples" / "seed.txt")
    result = runner.invoke(app, ["explain", seed, "--published", "2025-03-19", "--lang", "nl", "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert "nl.instemmen" in result.output and "AGREE" in result.output
    result = runner.invoke(app, ["explain", seed, "--lang", "nl", "--config", str(config), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["events"] and all("entry" in e["why"] for e in data["events"])


def test_cli_explain_refuses_unknown_format(root):
    from kroniek.cli.app import _add_subcommands, app

    _add_subcommands()
    result = CliRunner().invoke(app, ["explain", str(root / "examples" / "seed.txt"), "--format", "xml"])
    assert result.exit_code != 0


def test_cli_explain_lists_triggers_without_an_event(tmp_path):
    register_stage("test.layers/v1", HandLayers)
    config = tmp_path / "kroniek.toml"
    config.write_text(
        '[pipeline]\nstages = ["nlp.spacy/v1", "test.layers/v1", "events.lexicon/v1"]\n', encoding="utf-8"
    )
    article = tmp_path / "article.txt"
    article.write_text("De gesprekken duurden de hele nacht. Rusland viel Oekraïne aan.\n", encoding="utf-8")
    from kroniek.cli.app import _add_subcommands, app

    _add_subcommands()
    runner = CliRunner()
    result = runner.invoke(app, ["explain", str(article), "--lang", "nl", "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert "# no event: «gesprekken» CONSULT (no participant)" in result.output
    result = runner.invoke(app, ["explain", str(article), "--lang", "nl", "--config", str(config), "--format", "json"])
    data = json.loads(result.output)
    assert [(d["trigger"], d["reason"]) for d in data["no_event"]] == [("gesprekken", "no participant")]
    assert [e["event"] for e in data["events"]] == ["ASSAULT"]
