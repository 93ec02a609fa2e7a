"""The conformance runner's bookkeeping: deviations table, counts and the ratchet."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

HERE = Path(__file__).resolve().parent


def _load_runner() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "run_cpython_suite", HERE / "conformance" / "run_cpython_suite.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


runner = _load_runner()

TABLE = f"""
intro
{runner.BEGIN}
| Test id | Python | Behaviour | Reason |
|---------|--------|-----------|--------|
| `testpatch.PatchTest.test_a` | all | starts twice | follows 3.14 |
| testmock.MockTest.test_b | 3.9 3.10 | counts exactly | thread safety |
| - | all | call_count is exact under threads | fixes a race |
{runner.END}
| testmock.Outside.test_c | all | not in the table | ignored |
"""


def test_repository_files_are_well_formed() -> None:
    text = (HERE.parent / "DEVIATIONS.md").read_text(encoding="utf-8")
    for python in ("3.9", "3.10", "3.11", "3.12", "3.13"):
        runner.parse_deviations(text, python)
    minimums = json.loads((HERE / "conformance" / "minimum.json").read_text(encoding="utf-8"))
    assert set(minimums) == {"3.9", "3.10", "3.11", "3.12", "3.13"}
    assert all(isinstance(n, int) and n >= 0 for n in minimums.values())


def test_parse_deviations_per_python() -> None:
    assert runner.parse_deviations(TABLE, "3.13") == {"testpatch.PatchTest.test_a": "follows 3.14"}
    assert set(runner.parse_deviations(TABLE, "3.9")) == {
        "testpatch.PatchTest.test_a",
        "testmock.MockTest.test_b",
    }


def test_parse_deviations_rejects_bad_tables() -> None:
    with pytest.raises(ValueError, match="must contain"):
        runner.parse_deviations("no markers", "3.13")
    bad = f"{runner.BEGIN}\n| t.T.test | all | x |\n{runner.END}"
    with pytest.raises(ValueError, match="4 cells"):
        runner.parse_deviations(bad, "3.13")
    unjustified = f"{runner.BEGIN}\n| t.T.test | all | x | |\n{runner.END}"
    with pytest.raises(ValueError, match="no reason"):
        runner.parse_deviations(unjustified, "3.13")


def test_summarize_excludes_only_listed_failures() -> None:
    outcomes = {
        "a.A.test_pass": "pass",
        "a.A.test_xfail": "xfail",
        "a.A.test_fail": "fail",
        "a.A.test_error": "error",
        "a.A.test_listed": "fail",
        "a.A.test_skip": "skip",
        "a.A.test_listed_but_passing": "pass",
    }
    listed = {"a.A.test_listed": "r", "a.A.test_listed_but_passing": "r", "a.A.gone": "r"}
    summary = runner.summarize(outcomes, listed)
    assert summary["run"] == 7
    assert summary["passed"] == 3
    assert summary["failed"] == 2
    assert summary["skipped"] == 1
    assert summary["failures"] == ["a.A.test_error", "a.A.test_fail"]
    assert summary["deviations"] == ["a.A.test_listed"]
    assert summary["stale_deviations"] == ["a.A.test_listed_but_passing"]
    assert summary["unknown_deviations"] == ["a.A.gone"]


def test_ratchet_fails_below_minimum_and_never_lowers() -> None:
    assert runner.ratchet({"3.13": 500}, "3.13", 499, update=False) == (False, 500)
    assert runner.ratchet({"3.13": 500}, "3.13", 499, update=True) == (False, 500)
    assert runner.ratchet({"3.13": 500}, "3.13", 510, update=False) == (True, 500)
    assert runner.ratchet({"3.13": 500}, "3.13", 510, update=True) == (True, 510)
    assert runner.ratchet({}, "3.13", 0, update=False) == (True, 0)
