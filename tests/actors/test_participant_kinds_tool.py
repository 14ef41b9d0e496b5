"""tools/participant_kinds.py: the kind of a gold participant mention the actors stage missed."""

from collections.abc import Callable
from types import ModuleType

from kroniek.chronicle.models import Actor


def test_kinds_of_gold_mentions(load_script: Callable[[str], ModuleType]) -> None:
    kinds = load_script("tools/participant_kinds.py").MentionKinds()
    group = Actor(id="a1", name="Kenyan protesters", kind="group")
    army = Actor(id="a2", name="Nepali Army", kind="organization")
    judge = Actor(id="a3", name="Pieter de Vries", kind="person")
    party = Actor(id="a4", name="Chadema", kind="organization")
    assert kinds.kind("en", "he", judge, False, set()) == "pronoun"
    assert kinds.kind("en", "Thousands of protesters", group, True, set()) == "group noun"
    assert kinds.kind("en", "Kenyan protesters", group, False, set()) == "national-adjective group"
    # a capital at the start of a sentence does not make a group or role noun a name
    assert kinds.kind("en", "Soldiers", army, True, set()) == "institution"
    assert kinds.kind("nl", "de rechter", judge, False, set()) == "role / definite re-mention"
    assert kinds.kind("nl", "Pieter de Vries", judge, False, set()) == "person name missed"
    assert kinds.kind("nl", "Chadema", party, True, set()) == "state/organisation name missed"
