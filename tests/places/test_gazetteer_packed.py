"""The gazetteer as loaded (packed, its places made on first use) against the one built from the data files."""

from __future__ import annotations

import pytest

from kroniek.places.gazetteer import Gazetteer, Place, _read_gazetteer, load_gazetteer, pack, unpack


def _place(name: str, geonames_id: int | None, feature: str = "city") -> Place:
    return Place(geonames_id=geonames_id, feature=feature, name=name, country="NLD", lat=52.0, lon=5.0)


def test_a_packed_gazetteer_gives_back_what_was_packed() -> None:
    # written for this test: one place under two names, a name with two places, a country
    town = _place("Oudstad", 1)
    country = _place("Testland", 4, feature="country")
    built = Gazetteer(by_id={1: town, 4: country})
    built.add("Oudstad", town)
    built.add("Oude Stad", town)
    built.add("Nieuwdorp", _place("Nieuwdorp", 2))
    built.add("Nieuwdorp", _place("Nieuwdorp", 3))
    built.add("Testland", country)
    built.countries["NLD"] = country
    loaded = unpack(pack(built))
    assert dict(loaded.by_key) == built.by_key
    assert dict(loaded.by_id) == built.by_id
    assert loaded.countries == built.countries
    assert loaded.max_words == built.max_words == 2
    # one place object under all its names, and the same list on every look-up
    assert loaded.lookup("oudstad")[0] is loaded.lookup("oude stad")[0] is loaded.by_id[1]
    assert loaded.lookup("nieuwdorp") is loaded.lookup("nieuwdorp")
    assert [p.geonames_id for p in loaded.lookup("nieuwdorp")] == [2, 3]
    assert loaded.lookup("elders") == [] and loaded.by_id.get(9) is None
    assert "testland" in loaded.by_key and "elders" not in loaded.by_key
    with pytest.raises(TypeError):
        loaded.add("Elders", town)  # a loaded gazetteer is read-only


def test_the_shipped_gazetteer_loads_as_it_is_built() -> None:
    built = _read_gazetteer()
    loaded = load_gazetteer()
    assert len(loaded.by_key) == len(built.by_key) and len(loaded.by_id) == len(built.by_id)
    assert all(loaded.lookup(key) == places for key, places in built.by_key.items())
    assert all(loaded.by_id[i] == place for i, place in built.by_id.items())
    assert loaded.countries == built.countries and loaded.short_forms == built.short_forms
    assert loaded.demonyms == built.demonyms and loaded.extra == built.extra and loaded.max_words == built.max_words
