"""The examples of docs/pytest.rst, run with pytest.

Every ``code-block:: python`` whose first line is a comment naming a test file (``# test_x.py``)
is written to that file and run, with the options of a second line ``# run with: pytest ...``
if there is one. All its tests must pass, except in files whose name says ``fails``: those must
fail, and the ``code-block:: text`` after them shows lines of the report.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from pytester_support import run

pytest_plugins = ["pytester"]

PAGE = Path(__file__).resolve().parents[3] / "docs" / "pytest.rst"
BLOCK = re.compile(r"^\.\. code-block:: (\w+)\n\n((?:(?:   .*)?\n)+)", re.MULTILINE)
NAME = re.compile(r"# (test_\w+\.py)\n(?:# run with: pytest (.*)\n)?")


def _examples() -> list[tuple[str, str, list[str], list[str]]]:
    """``(file name, source, options, report lines)`` for each named example of the page."""
    if not PAGE.exists():  # an sdist of the package has no docs
        return []
    blocks = [
        (language, textwrap.dedent(body))
        for language, body in BLOCK.findall(PAGE.read_text(encoding="utf-8"))
    ]
    found = []
    for index, (language, source) in enumerate(blocks):
        named = NAME.match(source)
        if language != "python" or named is None:
            continue
        report: list[str] = []
        if "fails" in named.group(1) and index + 1 < len(blocks):
            report = blocks[index + 1][1].strip("\n").splitlines()
        options = (named.group(2) or "").split()
        found.append((named.group(1), source, options, report))
    return found


EXAMPLES = _examples()


@pytest.mark.skipif(not EXAMPLES, reason="docs/pytest.rst is not in this checkout")
@pytest.mark.parametrize(
    ("name", "source", "options", "report"), EXAMPLES, ids=[example[0] for example in EXAMPLES]
)
def test_example(
    pytester: pytest.Pytester, name: str, source: str, options: list[str], report: list[str]
) -> None:
    pytester.makepyfile(**{name[: -len(".py")]: source})
    result = run(pytester, *options)
    outcomes = result.parseoutcomes()
    if report:
        assert outcomes.get("failed") and not outcomes.get("passed"), outcomes
        lines = [line.rstrip() for line in result.outlines]
        start = lines.index(report[0])
        assert lines[start : start + len(report)] == report
    else:
        assert outcomes.get("passed") and set(outcomes) == {"passed"}, outcomes


def test_the_page_has_examples() -> None:
    if not PAGE.exists():
        pytest.skip("docs/pytest.rst is not in this checkout")
    names = [example[0] for example in EXAMPLES]
    assert {"test_decorated.py", "test_mocker.py", "test_fails_with_a_diff.py"} <= set(names)
