"""The lexicon files: every shipped file loads, entries are valid, bad files give a clear error."""

import pytest
from events_support import make_doc, run_events

from kroniek.chronicle.models import EVENT_TYPES
from kroniek.errors import KroniekError
from kroniek.events.lexicon import load_lexicon, parse_lexicon, read_lexicon
from kroniek.events.stage import EventsStage
from kroniek.events.triggers import _MIN_COMPOUND_HEAD, compound_entry


@pytest.mark.parametrize("lang", ["nl", "en", "de", "fr"])
def test_shipped_lexicons_load_and_cover_the_core_types(lang):
    lexicon = load_lexicon(lang)
    assert lexicon is not None
    covered = {e.event for e in lexicon.entries}
    core = {"AGREE", "CONSULT", "REQUEST", "REJECT", "ACCUSE", "SANCTION", "ASSAULT", "RETREAT", "AID", "THREATEN"}
    assert core <= covered
    assert all(e.event in EVENT_TYPES for e in lexicon.entries)
    assert lexicon.cues.negation and lexicon.cues.recipient_preps


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_nl_and_en_cover_all_sixteen_types(lang):
    lexicon = load_lexicon(lang)
    assert lexicon is not None
    assert {e.event for e in lexicon.entries} == set(EVENT_TYPES)


def test_unknown_event_type_is_refused_with_its_place():
    data = {"triggers": {"entries": [{"forms": ["hug"], "event": "HUG"}]}}
    with pytest.raises(KroniekError) as err:
        parse_lexicon(data, "en", "mine.toml")
    assert err.value.code == "E160" and "mine.toml" in str(err.value) and "HUG" in str(err.value)


def test_entry_without_forms_is_refused():
    with pytest.raises(KroniekError):
        parse_lexicon({"triggers": {"entries": [{"event": "AGREE"}]}}, "en", "x.toml")


def test_unreadable_file_gives_e160(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[triggers\n", encoding="utf-8")
    with pytest.raises(KroniekError) as err:
        read_lexicon(bad, "en")
    assert err.value.code == "E160"


def test_user_lexicon_adds_a_verb(tmp_path):
    extra = tmp_path / "extra.toml"
    extra.write_text(
        '[triggers]\nentries = [{ id = "user.snub", event = "REJECT", forms = ["snubbed"] }]\n', encoding="utf-8"
    )
    doc = make_doc("Poland snubbed Russia.", "en", {"Poland": ["Poland"], "Russia": ["Russia"]})
    events = run_events(doc, extra_lexicons=[str(extra)])
    assert [e.event for e in events] == ["REJECT"]
    assert events[0].explain["entry"] == "user.snub"


def test_language_without_lexicon_is_a_note_not_a_crash():
    from kroniek.chronicle.models import Article
    from kroniek.document import ArticleDoc

    doc = ArticleDoc(article=Article(id="x", language="xx", text="Iets."))
    EventsStage()(doc)
    assert doc.events == [] and any("no event lexicon" in n for n in doc.notes)


def test_lexicon_files_name_their_source():
    from kroniek.lang import LANG_DIR, SUPPORTED

    for code in SUPPORTED:
        assert "source" in (LANG_DIR / code / "events.toml").read_text(encoding="utf-8")


def _scan_compounds(lexicon, word):
    """What compound_entry must give: the first suffix in lexicon.compounds that fits."""
    for suffix, entry in lexicon.compounds:
        if len(word) >= len(suffix) + _MIN_COMPOUND_HEAD and word.endswith(suffix):
            return entry
    return None


def test_compound_lookup_by_word_endings_equals_a_scan_of_the_suffixes():
    # Written for this test: two entries share the suffix "overleg" (the first must win), one suffix ends another.
    data = {
        "triggers": {
            "entries": [
                {"id": "t.talks", "event": "CONSULT", "kind": "noun", "compound": True, "forms": ["overleg", "beraad"]},
                {"id": "t.more", "event": "AGREE", "kind": "noun", "compound": True, "forms": ["overleg"]},
                {"id": "t.aid", "event": "AID", "kind": "noun", "compound": True, "forms": ["hulp", "noodhulp"]},
            ]
        }
    }
    lexicon = parse_lexicon(data, "nl", "compounds.toml")
    shipped = [load_lexicon(lang) for lang in ("nl", "de")]
    words = ["crisisoverleg", "vredesberaad", "voedselnoodhulp", "voedselhulp", "abhulp", "abcnoodhulp", "overleg"]
    words += ["hulp", "xnoodhulp", "wapenleveranties", "friedensgespräche", "regering", "", "ab-overleg"]
    for lex in [lexicon, *shipped]:
        assert lex is not None
        for suffix, _entry in lex.compounds:
            words += ["ab" + suffix, "abc" + suffix, "staats" + suffix, suffix + "en"]
        for word in words:
            assert compound_entry(lex, word) is _scan_compounds(lex, word), word
        for word in words:  # again: now the kept answers
            assert compound_entry(lex, word) is _scan_compounds(lex, word), word
    assert compound_entry(lexicon, "crisisoverleg").id == "t.talks"
    assert compound_entry(lexicon, "voedselnoodhulp").forms == compound_entry(lexicon, "voedselhulp").forms
    assert compound_entry(lexicon, "abhulp") is None


def test_per_language_model_threshold_overrides_the_common_one():
    stage = EventsStage(model_threshold=0.7, model_thresholds={"fr": 0.5, "de": 0})
    assert stage.threshold_for("fr") == 0.5
    assert stage.threshold_for("nl") == 0.7  # not listed: the common threshold
    assert stage.threshold_for("de") is None  # 0: the model's own threshold


@pytest.mark.parametrize("bad", [0.5, {"fr": 1.5}, {"fr": "high"}, {"fr": True}])
def test_bad_model_thresholds_table_is_e280(bad):
    with pytest.raises(KroniekError) as err:
        EventsStage(model_thresholds=bad)
    assert err.value.code == "E280"
    assert "model_thresholds" in str(err.value)


def test_kept_stems_equal_stems_found_afresh_and_follow_new_cues():
    # Written for this test: the stems a lexicon keeps are those it finds without them, asked once or twice.
    import dataclasses

    shipped = load_lexicon("de")
    assert shipped is not None
    lexicon = dataclasses.replace(shipped)  # a copy: the test changes its cues
    words = ["verurteilten", "verurteilte", "verhandelten", "gesprächen", "kriegen", "sie", "abc", "", "reden"]
    fresh = [lexicon._find_stem(word) for word in words]
    assert [lexicon.stem(word) for word in words] == fresh
    assert [lexicon.stem(word) for word in words] == fresh  # now from the kept ones
    assert lexicon.stem("verurteilten") == "verurteil"
    # a lexicon given other cues forgets what it kept
    lexicon.cues = dataclasses.replace(lexicon.cues, stem_suffixes=frozenset({"ten"}))
    assert lexicon.stem("verurteilten") == "verurteil"
    assert lexicon.stem("verurteilte") == "verurteilte"
    assert shipped.stem("verurteilte") == "verurteil"


def test_a_reindexed_lexicon_forgets_the_compounds_it_kept():
    # Written for this test: a compound found before a new suffix is indexed is looked up again after it.
    data = {
        "triggers": {"entries": [{"id": "t.aid", "event": "AID", "kind": "noun", "compound": True, "forms": ["hulp"]}]}
    }
    lexicon = parse_lexicon(data, "nl", "compounds.toml")
    assert compound_entry(lexicon, "voedselnoodhulp").id == "t.aid"
    assert compound_entry(lexicon, "vredesoverleg") is None
    talks = parse_lexicon(
        {
            "triggers": {
                "entries": [
                    {"id": "t.talks", "event": "CONSULT", "kind": "noun", "compound": True, "forms": ["overleg"]}
                ]
            }
        },
        "nl",
        "more.toml",
    )
    lexicon.compounds.extend(talks.compounds)
    lexicon.index()
    assert compound_entry(lexicon, "vredesoverleg").id == "t.talks"
