"""tools/participant_fates.py: the construction a trigger dropped for want of a participant stands in."""

from collections.abc import Callable
from types import ModuleType

from kroniek.document import ArticleDoc, DroppedTrigger
from kroniek.events import fates


def _dropped(text: str, word: str) -> DroppedTrigger:
    start = text.index(word)
    return DroppedTrigger(start, start + len(word), "COERCE", "en.test", fates.NO_PARTICIPANT)


def test_constructions_of_dropped_triggers(
    make_doc: Callable[..., ArticleDoc], load_script: Callable[[str], ModuleType]
) -> None:
    tool = load_script("tools/participant_fates.py")
    passive = "The two border crossings were closed on Monday morning."
    assert tool.construction(make_doc(passive, lang="en"), _dropped(passive, "closed")) == "passive"
    nominal = "The naval blockade lasted three weeks."
    assert tool.construction(make_doc(nominal, lang="en"), _dropped(nominal, "blockade")) == "nominal"
