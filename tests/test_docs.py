"""The docs CI checks: every `kroniek ...` command shown in a code block of README.md or docs/*.md names a
real command, and every --option it uses exists on that command (as sqlite-utils checks its docs)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import typer

from kroniek.cli.app import build_app

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```[a-z]*\n(.*?)^```", re.S | re.M)


def shown_commands() -> list[tuple[str, str]]:
    found = []
    for path in DOCS:
        for block in FENCE.findall(path.read_text(encoding="utf-8")):
            for line in block.splitlines():
                line = line.split(" #", 1)[0].strip()
                for part in re.split(r"\||&&|;", line):
                    part = part.strip()
                    part = re.sub(r"^(\S+/)?\.venv/bin/", "", part)
                    if part.startswith("kroniek "):
                        found.append((path.name, part))
    return found


COMMANDS = shown_commands()


def is_group(command: Any) -> bool:
    return isinstance(getattr(command, "commands", None), dict)


def resolve(words: list[str]) -> tuple[Any, list[str]]:
    command: Any = typer.main.get_command(build_app())
    rest = list(words)
    while is_group(command) and rest and rest[0] in command.commands:
        command = command.commands[rest.pop(0)]
    return command, rest


def test_the_docs_show_commands() -> None:
    assert len(COMMANDS) >= 10


@pytest.mark.parametrize(("doc", "line"), COMMANDS, ids=[f"{d}:{c[:50]}" for d, c in COMMANDS])
def test_command_and_options_exist(doc: str, line: str) -> None:
    try:
        words = shlex.split(line)[1:]
    except ValueError:
        words = line.split()[1:]
    command, rest = resolve(words)
    assert not is_group(command), f"{doc}: `{line}` names no command"
    known = {opt for p in command.params for opt in [*p.opts, *p.secondary_opts]}
    for word in rest:
        if word.startswith("--"):
            option = word.split("=", 1)[0]
            assert option in known, f"{doc}: `{line}` uses {option}, which `{command.name}` does not have"
