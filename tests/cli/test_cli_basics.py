"""The command line a person expects: --version, shell completion, a quiet end on a closed pipe,
fuse --format."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from typer.testing import CliRunner

from kroniek.cli.app import build_app

runner = CliRunner()


def test_version_and_completion() -> None:
    from importlib.metadata import version

    result = runner.invoke(build_app(), ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"kroniek {version('kroniek')}"
    # Shell completion through the completion variable, as the installed script calls it. Not through
    # "--show-completion bash": with shellingham installed that option is a flag that detects the shell from the
    # process tree, so its result depended on what started pytest (it failed under some harnesses).
    script = runner.invoke(build_app(), [], prog_name="kroniek", env={"_KRONIEK_COMPLETE": "source_bash"})
    assert script.exit_code == 0, (script.output, repr(script.exception))
    assert "complete -o default -F _kroniek_completion kroniek" in script.stdout
    words = {"_KRONIEK_COMPLETE": "complete_bash", "COMP_WORDS": "kroniek ext", "COMP_CWORD": "1"}
    completed = runner.invoke(build_app(), [], prog_name="kroniek", env=words)
    assert completed.exit_code == 0 and completed.stdout.split() == ["extract"]


def test_a_closed_pipe_ends_quietly() -> None:
    # a command with more output than a pipe holds, read by a reader that stops after a few bytes
    program = textwrap.dedent(
        """
        import sys
        import typer
        from kroniek.cli import app as cli

        @cli.app.command()
        def flood() -> None:
            for n in range(200_000):
                typer.echo(f"row {n} " + "x" * 40)

        sys.argv = ["kroniek", "flood"]
        cli.main()
        """
    )
    child = subprocess.Popen([sys.executable, "-c", program], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None and child.stderr is not None
    assert child.stdout.read(20).startswith(b"row 0")
    child.stdout.close()
    err = child.stderr.read().decode()
    assert child.wait(timeout=60) == 1  # click's convention for EPIPE: status 1, nothing on stderr
    assert "Traceback" not in err and "BrokenPipe" not in err, err


def test_fuse_format(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kroniek.store.db import open_store

    db = tmp_path / "f.db"
    open_store(db).close()
    text = runner.invoke(build_app(), ["fuse", "--db", str(db)])
    assert text.exit_code == 0 and text.stdout.startswith("fused 0 mentions into 0 events")
    as_json = runner.invoke(build_app(), ["fuse", "--db", str(db), "--format", "json"])
    assert as_json.exit_code == 0 and '"fused_events": 0' in as_json.stdout
    bad = runner.invoke(build_app(), ["fuse", "--db", str(db), "--format", "xml"])
    assert bad.exit_code == 1 and "E040" in bad.output
