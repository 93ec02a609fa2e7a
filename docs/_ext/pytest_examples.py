"""Run the example test files of pytest.rst with pytest, for the page's doctests.

An example is a ``code-block:: python`` whose first line names a test file (``# test_x.py``);
a second line ``# run with: pytest OPTIONS`` gives the options. The page calls
:func:`run_pytest_example` after each one, so ``nox -s docs`` runs every example for real
(``packages/mockkit/tests/test_pytest_docs.py`` runs them too, on several pytest versions,
and checks the failure report's lines).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

PAGE = Path(__file__).resolve().parents[1] / "pytest.rst"
BLOCK = re.compile(r"^\.\. code-block:: (\w+)\n\n((?:(?:   .*)?\n)+)", re.MULTILINE)
NAME = re.compile(r"# (test_\w+\.py)\n(?:# run with: pytest (.*)\n)?")
SUMMARY = re.compile(r"^=* ?(\d+ \w+(?:, \d+ \w+)*) in [\d.]+s", re.MULTILINE)


def examples(page: Path = PAGE) -> list[tuple[str, str, list[str], list[str]]]:
    """``(file name, source, pytest options, report lines)`` for each example of the page.

    The report lines are the ``code-block:: text`` after an example whose name says
    ``fails``: lines its pytest report must show.
    """
    blocks = [
        (language, textwrap.dedent(body))
        for language, body in BLOCK.findall(page.read_text(encoding="utf-8"))
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


def run_pytest_example(name: str) -> None:
    """Write example ``name`` to a fresh directory, run pytest on it, print the outcome."""
    matching = [example for example in examples() if example[0] == name]
    if not matching:
        raise LookupError(f"pytest.rst has no example named {name}")
    _, source, options, _ = matching[0]
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, name).write_text(source, encoding="utf-8")
        env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST")}
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *options, name],
            cwd=folder,
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
    found = SUMMARY.search(result.stdout)
    if found is None:
        raise RuntimeError(f"pytest printed no summary:\n{result.stdout}\n{result.stderr}")
    print(found.group(1))
