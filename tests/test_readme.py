"""README.md keeps its promises: two commands, the one CI runs, and a working example."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    """The indented shell commands of the "Try it" section."""
    section = README.split("## Try it", 1)[1].split("\n## ", 1)[0]
    return [line.strip() for line in section.splitlines() if line.startswith("    ")]


def test_exactly_two_commands() -> None:
    assert len(_commands()) == 2
    demo, suite = _commands()
    assert demo.endswith("nox -s demo")
    assert suite.endswith("-m nox")


def test_commands_install_the_locked_runner() -> None:
    # nox and uv come from a lock in the repository, as every tool the sessions install does.
    installs = {command.split(" && ")[0] for command in _commands()}
    assert installs == {"python3 -m pip install -c constraints/nox.txt nox uv"}
    assert (ROOT / "constraints" / "nox.txt").is_file()


def test_ci_runs_the_test_command_as_written() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    last = [line for line in ci.splitlines() if line.strip() and not line.startswith("#")][-1]
    assert last == _commands()[1]


def test_drop_in_example_runs() -> None:
    example = re.search(r"```python\n(.*?)```", README, re.S)
    assert example is not None
    result = subprocess.run(
        [sys.executable, "-c", example.group(1)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
