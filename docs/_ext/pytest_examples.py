"""Run the example test files of pytest.rst with pytest, for the page's doctests.

An example is a ``code-block:: python`` whose first line names a test file (``# test_x.py``);
a second line ``# run with: pytest OPTIONS`` gives the options. The page calls
:func:`run_pytest_example` after each one, so ``nox -s docs`` runs every example for real
(``packages/mockkit/tests/test_pytest_docs.py`` also checks the failure report's lines).
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
BLOCK = re.compile(r"^\.\. code-block:: python\n\n((?:(?:   .*)?\n)+)", re.MULTILINE)
NAME = re.compile(r"# (test_\w+\.py)\n(?:# run with: pytest (.*)\n)?")
SUMMARY = re.compile(r"^=* ?(\d+ \w+(?:, \d+ \w+)*) in [\d.]+s", re.MULTILINE)


def _example(name: str) -> tuple[str, list[str]]:
    for body in BLOCK.findall(PAGE.read_text(encoding="utf-8")):
        source = textwrap.dedent(body)
        named = NAME.match(source)
        if named is not None and named.group(1) == name:
            return source, (named.group(2) or "").split()
    raise LookupError(f"pytest.rst has no example named {name}")


def run_pytest_example(name: str) -> None:
    """Write example ``name`` to a fresh directory, run pytest on it, print the outcome."""
    source, options = _example(name)
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
