"""README's "Building the docs" names the session that builds them, and where they go."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "\n## Building the docs\n" in readme
    return readme.split("\n## Building the docs\n", 1)[1].split("\n## ", 1)[0]


def test_readme_builds_the_docs_with_the_docs_session() -> None:
    commands = [line.strip() for line in _section().splitlines() if line.startswith("    ")]
    assert commands == [
        "python3 -m pip install -c constraints/nox.txt nox uv && python3 -m nox -s docs"
    ]
    noxfile = (ROOT / "noxfile.py").read_text(encoding="utf-8")
    assert re.search(r"@nox\.session\ndef docs\(", noxfile)


def test_readme_says_where_the_pages_are_written() -> None:
    noxfile = (ROOT / "noxfile.py").read_text(encoding="utf-8")
    assert 'build = ROOT / "build" / "docs"' in noxfile
    assert "build/docs/html/index.html" in _section()
