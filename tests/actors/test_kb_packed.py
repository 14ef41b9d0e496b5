"""The actor knowledge base's packed form (kroniek.actors.kb_packed): the disk cache keeps it as rows and
its tables are made on first access; it must read and change exactly as the eager form does."""

from __future__ import annotations

import datetime as dt
import json
import pickle

import pytest

from kroniek.actors.kb import ActorKB, KBActor
from kroniek.actors.kb_packed import ActorRows, LazyMap
from kroniek.actors.spelling import skeleton

DATA = {
    "actors": [
        {"key": "state:ABC", "name": "Abcland", "kind": "state", "country": "ABC", "sector": "GOV"},
        {
            "key": "person:jan-voorbeeld",
            "name": "Jan Voorbeeld",
            "kind": "person",
            "country": "ABC",
            "sector": "GOV",
            "offices": [["PRES", "ABC", "2020-01-01", None]],
            "periods": [["GOV", "ABC", "2018-03-01", "2019-12-31"]],
        },
        {
            "key": "org:abc-army",
            "name": "Abcland Army",
            "kind": "organization",
            "country": "ABC",
            "sector": "MIL",
        },
    ],
    "aliases": {
        "abcland": [[0, 0]],
        "jan voorbeeld": [[1, 0]],
        "voorbeeld": [[1, 2, "Voorbeeld"]],
        "abcland army": [[2, 0]],
    },
    "offices": {"PRES@ABC": [[1, "2020-01-01", None]]},
}


def _eager() -> ActorKB:
    kb = ActorKB(DATA, {})
    kb.person_skeletons(skeleton)
    return kb


def _row(actor: KBActor) -> tuple[object, ...]:
    return (actor.index, actor.key, actor.name, actor.kind, actor.country, actor.offices, actor.periods)


def test_unpickled_kb_reads_as_the_eager_one() -> None:
    eager = _eager()
    lazy = pickle.loads(pickle.dumps(eager))
    assert isinstance(lazy.actors, ActorRows) and isinstance(lazy.aliases, LazyMap)
    assert [_row(a) for a in lazy.actors] == [_row(a) for a in eager.actors]
    assert list(lazy.aliases) == list(eager.aliases)
    for key, hits in eager.aliases.items():
        assert [(_row(h.actor), h.flags, h.surface) for h in lazy.aliases[key]] == [
            (_row(h.actor), h.flags, h.surface) for h in hits
        ]
    assert lazy.holder("PRES", "ABC", dt.date(2021, 5, 1)).key == "person:jan-voorbeeld"
    assert lazy.states["ABC"].name == "Abcland" and lazy.militaries["ABC"].key == "org:abc-army"
    assert list(lazy.person_skeletons(skeleton)) == list(eager.person_skeletons(skeleton))
    assert lazy.alias_prefixes == eager.alias_prefixes == {"abcland", "jan"}


def test_actors_are_made_on_first_lookup_and_shared() -> None:
    lazy = pickle.loads(pickle.dumps(_eager()))
    assert lazy.candidates("nergens") == [] and lazy.aliases.get("nergens") is None
    person = lazy.candidates("Voorbeeld")[0].actor
    assert person is lazy.candidates("Jan Voorbeeld")[0].actor
    assert person is lazy.by_key["person:jan-voorbeeld"] is lazy.actors[1]
    assert person is lazy.holder("PRES", "ABC", None)
    assert lazy.candidates("Voorbeeld") is lazy.candidates("voorbeeld")  # one list, kept


def test_user_actor_on_a_packed_kb_changes_it_as_on_the_eager_one() -> None:
    entry = {
        "name": "Piet Voorbeeld",
        "kind": "person",
        "country": "ABC",
        "aliases": ["Abcland"],
        "offices": [{"office": "PRES", "where": "ABC", "from": "2024-06-01"}],
    }
    results = []
    for kb in (_eager(), pickle.loads(pickle.dumps(_eager()))):
        actor = kb.add_user_actor(dict(entry))
        assert kb.candidates("Abcland")[0].actor is actor  # a user entry first
        assert kb.candidates("Abcland")[1].actor is kb.states["ABC"]
        assert [h.actor.key for h in kb.candidates("Voorbeeld")] == ["user:piet-voorbeeld", "person:jan-voorbeeld"]
        assert kb.holder("PRES", "ABC", dt.date(2025, 1, 1)) is actor
        assert kb.by_key["user:piet-voorbeeld"] is actor is kb.actors[len(kb.actors) - 1]
        assert "piet" in kb.alias_prefixes and "piet voorbeeld" in kb.aliases
        results.append((list(kb.aliases), [(a.key, a.index) for a in kb.actors], len(kb.aliases)))
    assert results[0] == results[1]


def test_repickling_a_packed_kb_keeps_what_was_added() -> None:
    lazy = pickle.loads(pickle.dumps(_eager()))
    lazy.add_user_actor({"name": "Stichting Proefdier", "kind": "organization", "aliases": ["SPD"]})
    again = pickle.loads(pickle.dumps(lazy))
    assert again.candidates("SPD")[0].actor.name == "Stichting Proefdier"
    assert [a.key for a in again.actors] == [a.key for a in lazy.actors]


def test_lazy_map_behaves_as_a_dict() -> None:
    made = LazyMap({"a": 1, "b": 2}, lambda row: [row])
    plain = {"a": [1], "b": [2]}
    for mapping in (made, plain):
        mapping.setdefault("c", []).append(3)
        mapping["a"] = [9]
        assert mapping.get("zz", "none") == "none" and "b" in mapping and "zz" not in mapping
    assert list(made.items()) == list(plain.items()) and len(made) == len(plain) == 3
    del made["b"], plain["b"]
    assert dict(made) == plain and len(made) == 2
    with pytest.raises(KeyError):
        made["b"]


def test_user_file_on_the_cached_kb_does_not_reach_the_next_load(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("KRONIEK_CACHE_DIR", str(tmp_path / "cache"))
    users = tmp_path / "users.jsonl"
    users.write_text(json.dumps({"name": "Stichting Proefkonijn", "kind": "organization"}) + "\n", encoding="utf-8")
    ActorKB.load()  # writes the packed cache
    kb = ActorKB.load([users])  # reads it and adds the user file
    assert isinstance(kb.aliases, LazyMap)
    assert kb.candidates("Stichting Proefkonijn")[0].actor.source == "user"
    assert kb.candidates("Stichting Proefkonijn")[0].actor is kb.by_key["user:stichting-proefkonijn"]
    assert ActorKB.load().candidates("Stichting Proefkonijn") == []
