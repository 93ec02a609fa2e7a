"""DEVIATIONS.md rows about older standard libraries, held against this interpreter's own.

Each observer runs this interpreter's ``unittest.mock`` and says whether it differs from the
newest behaviour, which mockkit follows (the packages' tests pin mockkit's side). Where the
standard library differs, the row must list this Python, so a difference found on a new
release cannot go undocumented. Where it does not, a row that holds for whole release series
must not list it, so the row cannot outlive the difference; rows that name patch releases
only get the first check, as a minor version may hold releases either side of the change.
"""

from __future__ import annotations

import importlib.util
import sys
import unittest.mock as std_mock
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Optional

import pytest

HERE = Path(__file__).resolve().parent
PY = f"{sys.version_info.major}.{sys.version_info.minor}"


def _load_runner() -> ModuleType:
    # The conformance runner's own table reader, so that both read the table the same way.
    spec = importlib.util.spec_from_file_location(
        "run_cpython_suite_for_deviations", HERE / "conformance" / "run_cpython_suite.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


runner = _load_runner()


def _start_error(patcher: Any) -> Optional[BaseException]:
    try:
        patcher.start()
    except Exception as exc:
        return exc
    patcher.stop()
    return None


def _guard_has_period() -> bool:
    try:
        std_mock.Mock().assret_probe
    except AttributeError as exc:
        return str(exc).endswith(".")
    raise AssertionError("the standard library's typo guard did not fire")


def _guard_passes_bare_assertion_names() -> bool:
    try:
        std_mock.Mock().called_once_with
    except AttributeError:
        return False
    return True


def _imports_owner_parts() -> bool:
    error = _start_error(std_mock.patch("os.mock_deviations_no_such.x"))
    return isinstance(error, ModuleNotFoundError)


def _refuses_colon_targets() -> bool:
    return isinstance(_start_error(std_mock.patch.dict("os:environ", {})), ModuleNotFoundError)


def _starts_a_started_patch() -> bool:
    class Target:
        attr = "original"

    patcher = std_mock.patch.object(Target, "attr", 1)
    patcher.start()
    try:
        patcher.start()
    except RuntimeError:
        patcher.stop()
        return False
    patcher.stop()
    # The second start's undo fails in those releases; it still leaves the active list clean.
    try:
        patcher.stop()
    except AttributeError:
        pass
    return True


# (text found in exactly one row's Behaviour cell, observer, whether the row holds for whole
# release series)
OBSERVED = [
    ("has no final period", _guard_has_period, False),
    ("without its `assert_` prefix", _guard_passes_bare_assertion_names, True),
    ('`patch("os.no_such.x")`', _imports_owner_parts, True),
    ('`patch.dict("os:environ", ...)`', _refuses_colon_targets, True),
    ("Patch is already started", _starts_a_started_patch, False),
]


@pytest.mark.parametrize(
    ("marker", "stdlib_differs", "whole_series"), OBSERVED, ids=[m for m, _, _ in OBSERVED]
)
def test_row_lists_this_python_where_its_stdlib_differs(
    marker: str, stdlib_differs: Callable[[], bool], whole_series: bool
) -> None:
    text = (HERE.parent / "DEVIATIONS.md").read_text(encoding="utf-8")
    rows = runner._table_rows(text, runner.BEGIN, runner.END, "DEVIATIONS.md")
    matching = [row for row in rows if marker in row[2]]
    assert len(matching) == 1, f"one row should mention {marker!r}"
    listed = runner._applies(matching[0][1], PY)
    if stdlib_differs():
        assert listed, f"Python {PY}'s unittest.mock differs ({marker!r}): list {PY} in the row"
    elif whole_series:
        assert not listed, f"Python {PY}'s unittest.mock no longer differs: drop {PY} from the row"
