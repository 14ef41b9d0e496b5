import json

import pytest

from kroniek.chronicle import Chronicle, chronicle_json_schema, load_chronicle
from kroniek.chronicle.io import SCHEMA_PATH
from kroniek.errors import KroniekError

TEXT = "Minister Jansen belde dinsdag met zijn Franse collega."


def minimal(**over):
    data = {
        "format": "chronicle/1",
        "article": {"id": "t1", "published": "2025-03-19", "language": "nl", "text": TEXT},
        "actors": [
            {
                "id": "a1",
                "name": "Piet Jansen",
                "kind": "person",
                "country": "NLD",
                "sector": "GOV",
                "mentions": [{"text": "Minister Jansen", "start": 0, "end": 15}],
            },
        ],
        "events": [
            {
                "id": "e1",
                "event": "CONSULT",
                "mode": "phone",
                "actor": ["a1"],
                "modality": "asserted",
                "evidence": {"text": TEXT, "start": 0, "end": len(TEXT)},
                "trigger": {"text": "belde", "start": 16, "end": 21},
                "date": {"value": "2025-03-18", "precision": "day", "text": "dinsdag", "start": 22, "end": 29},
            },
        ],
    }
    data.update(over)
    return data


def test_valid_chronicle_loads():
    chronicle = load_chronicle(minimal())
    assert chronicle.events[0].date.value == "2025-03-18"


def test_span_text_must_match_article():
    data = minimal()
    data["events"][0]["trigger"] = {"text": "belt", "start": 16, "end": 21}
    with pytest.raises(KroniekError) as err:
        load_chronicle(data)
    assert err.value.code == "E020" and "belde" in err.value.message


def test_unknown_actor_id_is_refused():
    data = minimal()
    data["events"][0]["recipient"] = ["a9"]
    with pytest.raises(KroniekError, match="a9"):
        load_chronicle(data)


def test_event_type_must_be_plover():
    data = minimal()
    data["events"][0]["event"] = "MEET"
    with pytest.raises(KroniekError):
        load_chronicle(data)


def test_proposition_only_for_speech_act_types():
    data = minimal()
    data["events"][0]["proposition"] = {"event": "RETREAT", "mode": "ceasefire", "text": "x", "duration": None}
    with pytest.raises(KroniekError, match="proposition"):
        load_chronicle(data)


def test_span_past_end_is_refused():
    data = minimal()
    data["actors"][0]["mentions"] = [{"text": "x", "start": 500, "end": 501}]
    with pytest.raises(KroniekError, match="past the end"):
        load_chronicle(data)


def test_shipped_schema_is_current():
    shipped = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert shipped == json.loads(json.dumps(chronicle_json_schema())), "run: python -m kroniek.chronicle.io"
    assert "Event" in shipped["$defs"]


def test_round_trip_json():
    chronicle = load_chronicle(minimal())
    again = Chronicle.model_validate_json(chronicle.model_dump_json())
    assert again == chronicle
