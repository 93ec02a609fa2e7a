"""Sphinx configuration for the mockkit documentation.

``nox -s docs`` builds it with the packages installed from this checkout's wheels. A plain
``sphinx-build`` from a checkout works too: the packages' ``src`` directories are appended to
``sys.path``, so installed copies (if any) win and the sources stand in for missing ones.
"""

from __future__ import annotations

import doctest
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent

for _src in sorted((ROOT / "packages").glob("*/src")):
    if str(_src) not in sys.path:
        sys.path.append(str(_src))
# The example plugin is imported by the plugins page's examples (it is not installed).
sys.path.append(str(ROOT / "examples" / "plugin" / "src"))
# Helpers the pages' doctests use.
sys.path.append(str(DOCS / "_ext"))

project = "mockkit"
author = "mockkit developers"
copyright = "2026, mockkit developers"
version = release = "0.1.0"

# public_api (docs/_ext): the mock API's public signatures, no notes for the first release.
extensions = ["sphinx.ext.autodoc", "sphinx.ext.doctest", "public_api"]
exclude_patterns = ["_build"]
html_theme = "alabaster"
html_static_path = ["_static"]
html_theme_options = {
    "description": "unittest.mock, rebuilt as small fast packages",
    "fixed_sidebar": True,
    # Wider than the theme's 940px, so that an 88-character line of an example, a whole
    # constructor signature and a benchmark table fit beside the sidebar on a laptop screen.
    "page_width": "1080px",
    "code_font_size": "0.85em",
}

# -- autodoc -------------------------------------------------------------------------------
# Pages ask for ":members:": autodoc then documents what each module lists in __all__.
autodoc_member_order = "bysource"

# -- doctest -------------------------------------------------------------------------------
# Examples must not depend on ids or addresses; they use ``...`` where those appear.
doctest_default_flags = (
    doctest.ELLIPSIS | doctest.DONT_ACCEPT_TRUE_FOR_1 | doctest.NORMALIZE_WHITESPACE
)
# Only the directives of the pages are run, not ``>>>`` lines quoted in docstrings.
doctest_test_doctest_blocks = ""
# pytest.rst runs its example test files with pytest (docs/_ext/pytest_examples.py).
doctest_global_setup = "from pytest_examples import run_pytest_example"


# -- generated sections --------------------------------------------------------------------
DEVIATIONS = ROOT / "DEVIATIONS.md"
BEGIN, END = "<!-- deviations:begin -->", "<!-- deviations:end -->"
EMPTY_CELL = "\\-"  # an escaped dash: a bare "-" would start a bullet list


def _split_row(line: str) -> list[str]:
    """Cells of a Markdown table row ``| a | b |``; ``\\|`` is a literal bar."""
    cells = re.split(r"(?<!\\)\|", line.strip())[1:-1]
    return [cell.strip().replace("\\|", "|") for cell in cells]


def _markdown_inline(text: str) -> str:
    """The little Markdown the deviations table uses, as reStructuredText."""
    # reST literals cannot start or end with a space (Markdown's may: `  Actual: ...`).
    return re.sub(r"`([^`]+)`", lambda code: f"``{code.group(1).strip()}``", text)


def deviations_table() -> str:
    """DEVIATIONS.md's table as a reST list-table (or a sentence when it is empty)."""
    text = DEVIATIONS.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        return ".. warning:: DEVIATIONS.md has lost its table markers.\n"
    body = text.split(BEGIN, 1)[1].split(END, 1)[0]
    rows = [_split_row(line) for line in body.splitlines() if line.strip().startswith("|")]
    # rows[0] is the header, rows[1] the |---| separator.
    entries = [row for row in rows[2:] if any(row)]
    if not entries:
        return "No deviations are listed at the moment: the table is empty.\n"
    out = [
        ".. list-table::",
        "   :header-rows: 1",
        "   :widths: 30 10 35 25",
        "",
    ]
    for row in [rows[0], *entries]:
        for index, cell in enumerate(row):
            bullet = "*" if index == 0 else " "
            out.append(f"   {bullet} - {_markdown_inline(cell) or EMPTY_CELL}")
    return "\n".join(out) + "\n"


def unreleased_changes() -> str:
    """towncrier's draft of the next release's notes, from the fragments in changes/."""
    towncrier = shutil.which("towncrier")
    command = [towncrier] if towncrier else [sys.executable, "-m", "towncrier"]
    result = subprocess.run(
        [*command, "build", "--draft", "--version", release, "--date", "unreleased"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    if result.returncode != 0:
        raise RuntimeError(f"towncrier failed to render changes/:\n{result.stderr}")
    draft = result.stdout
    # Without fragments towncrier says so in prose; with them, the draft is reST.
    if "No significant changes" in draft or not draft.strip():
        return f"{project} {release} (unreleased)\n{'-' * 40}\n\nNothing yet.\n"
    return draft


def extra_pages(listed: str) -> str:
    """Toctree entries for top-level pages that index.rst does not list (e.g. benchmarks)."""
    names = sorted(path.stem for path in DOCS.glob("*.rst") if path.stem != "index")
    extra = [name for name in names if not re.search(rf"^\s+{re.escape(name)}\s*$", listed, re.M)]
    return "".join(f"   {name}\n" for name in extra)


GENERATED = {
    "deviations": ("deviations-table", deviations_table),
    "changelog": ("unreleased-changes", unreleased_changes),
}


def _fill_in(app: Any, docname: str, source: list[str]) -> None:
    if docname == "index":
        # A ":glob:" "*" entry would do this too, but warns (fatally) when it matches nothing.
        source[0] = source[0].replace("   .. more-pages\n", extra_pages(source[0]))
    if docname in GENERATED:
        marker, render = GENERATED[docname]
        source[0] = source[0].replace(f".. {marker}::", render())


def setup(app: Any) -> dict[str, Any]:
    app.connect("source-read", _fill_in)
    # The generated parts depend on files outside docs/ (and index on which pages exist):
    # read those pages again on every build.
    app.connect("env-get-outdated", lambda app, env, added, changed, removed: ["index", *GENERATED])
    return {"parallel_read_safe": True}
