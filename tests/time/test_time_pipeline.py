"""The three stages run from the shipped configuration, through the Extractor."""

from __future__ import annotations

from kroniek.extractor import Extractor
from kroniek.pipeline import load_config


def test_stages_run_from_default_config() -> None:
    config = load_config()
    config["pipeline"]["stages"] = [
        "nlp.spacy/v1",
        "time.timexes/v1",
        "places.gazetteer/v1",
        "quantities.numbers/v1",
    ]
    chronicle = Extractor(config=config).extract(
        "De ministers spraken dinsdag ruim twee uur in Genève over de uitwisseling van 40 gevangenen.",
        published="2025-03-19",
        lang="nl",
    )
    assert [(t.text, t.value) for t in chronicle.timexes] == [
        ("dinsdag", "2025-03-18"),
        ("ruim twee uur", "PT2H"),
    ]
