"""No package decides which mock an operation meant by looking at the heap, frames or bytecode.

Each mock has a class of its own (mock_core._classes), so nothing needs to guess; this test
keeps it that way. The one use of frames in the packages is allowed by name below, with why.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "packages").glob("*/src/**/*.py"))

# What reading the heap, a frame or bytecode looks like in Python source.
FORBIDDEN = re.compile(
    r"\bget_referrers\b|\bget_referents\b|\bgc\.get_objects\b|\b_getframe\b|\bcurrentframe\b"
    r"|\bf_lasti\b|\bf_locals\b|\bf_back\b|\bimport dis\b|\bfrom dis\b|\bdis\.\w"
)

ALLOWED = {
    # The pytest plugin's ``mocker`` points a warning's stacklevel at the user's frame, and
    # cuts mockkit's frames off a failure's traceback: about where to report, never about
    # which mock was meant.
    "packages/mockkit/src/_mockkit_pytest/_frames.py",
    # mock-extras' patch hygiene points its warning past the patching machinery on 3.10 and
    # 3.11, which lack warnings.warn(skip_file_prefixes=...): where to report, again.
    "packages/mock-extras/src/mock_extras/_hygiene.py",
}


def test_there_are_sources_to_check() -> None:
    assert len(SOURCES) > 40


def test_no_source_reads_the_heap_frames_or_bytecode() -> None:
    found = []
    for path in SOURCES:
        relative = path.relative_to(ROOT).as_posix()
        if relative in ALLOWED:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if FORBIDDEN.search(code):
                found.append(f"{relative}:{number}: {line.strip()}")
    assert found == []


def test_the_allowed_files_still_need_it() -> None:
    # An entry that no longer reads frames must go, so the list stays the truth.
    for relative in ALLOWED:
        text = (ROOT / relative).read_text(encoding="utf-8")
        assert FORBIDDEN.search(text), relative
