"""tools/participant_fates.py: the construction a trigger dropped for want of a participant stands in."""

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from kroniek.document import ArticleDoc, DroppedTrigger
from kroniek.events import fates


def _tool() -> ModuleType:
    tools = Path(__file__).resolve().parents[2] / "tools"
    sys.path.insert(0, str(tools))  # the tool imports trigger_fates from its own folder, as when run
    try:
        spec = importlib.util.spec_from_file_location("participant_fates", tools / "participant_fates.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(tools))
    return module


def _dropped(text: str, word: str) -> DroppedTrigger:
    start = text.index(word)
    return DroppedTrigger(start, start + len(word), "COERCE", "en.test", fates.NO_PARTICIPANT)


def test_constructions_of_dropped_triggers(make_doc: Callable[..., ArticleDoc]) -> None:
    tool = _tool()
    passive = "The two border crossings were closed on Monday morning."
    assert tool.construction(make_doc(passive, lang="en"), _dropped(passive, "closed")) == "passive"
    nominal = "The naval blockade lasted three weeks."
    assert tool.construction(make_doc(nominal, lang="en"), _dropped(nominal, "blockade")) == "nominal"
