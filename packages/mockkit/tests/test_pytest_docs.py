"""The examples of docs/pytest.rst, run with pytest.

Every ``code-block:: python`` whose first line is a comment naming a test file (``# test_x.py``)
is written to that file and run, with the options of a second line ``# run with: pytest ...``
if there is one. All its tests must pass, except in files whose name says ``fails``: those must
fail, and the ``code-block:: text`` after them shows lines of the report.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pytester_support import run

pytest_plugins = ["pytester"]

DOCS = Path(__file__).resolve().parents[3] / "docs"


def _examples() -> list[tuple[str, str, list[str], list[str]]]:
    """The page's examples, read by the docs build's own helper (docs/_ext)."""
    if not (DOCS / "pytest.rst").exists():  # an sdist of the package has no docs
        return []
    sys.path.insert(0, str(DOCS / "_ext"))
    try:
        from pytest_examples import examples
    finally:
        sys.path.remove(str(DOCS / "_ext"))
    return examples()


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
    if not (DOCS / "pytest.rst").exists():
        pytest.skip("docs/pytest.rst is not in this checkout")
    names = [example[0] for example in EXAMPLES]
    assert {"test_decorated.py", "test_mocker.py", "test_fails_with_a_diff.py"} <= set(names)
