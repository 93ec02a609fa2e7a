"""The conformance runner's bookkeeping: the tables it reads, the exact gate, the newest suite."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

HERE = Path(__file__).resolve().parent
SUPPORTED = ("3.10", "3.11", "3.12", "3.13", "3.14", "3.15")


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
| testmock.MockTest.test_b | 3.10 3.11 | counts exactly | thread safety |
| - | all | call_count is exact under threads | fixes a race |
{runner.END}
| testmock.Outside.test_c | all | not in the table | ignored |
"""

SKIPS = f"""
{runner.SKIPS_BEGIN}
| Test id or pattern | Python | Needs | Reason |
|--------------------|--------|-------|--------|
| `testpatch.LazyTest.*` | 3.10 3.11 | PEP 810 (3.15) | makes `lazy from` imports |
| testmock.MockTest.test_hints | 3.10 | PEP 649 (3.14) | annotations |
{runner.SKIPS_END}
"""


def test_repository_files_are_well_formed() -> None:
    deviations = (HERE.parent / "DEVIATIONS.md").read_text(encoding="utf-8")
    skips = runner.NEWEST_SKIPS_FILE.read_text(encoding="utf-8")
    for python in SUPPORTED:
        runner.parse_deviations(deviations, python)
        runner.parse_newest_skips(skips, python)
    # The newest interpreter runs its own suite in full.
    assert runner.parse_newest_skips(skips, SUPPORTED[-1]) == {}
    # The minimum-count ratchet is gone: the gate is exact.
    assert not (HERE / "conformance" / "minimum.json").exists()


def test_parse_deviations_per_python() -> None:
    assert runner.parse_deviations(TABLE, "3.13") == {"testpatch.PatchTest.test_a": "follows 3.14"}
    assert set(runner.parse_deviations(TABLE, "3.10")) == {
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


def test_parse_newest_skips() -> None:
    assert runner.parse_newest_skips(SKIPS, "3.10") == {
        "testpatch.LazyTest.*": "needs PEP 810 (3.15): makes `lazy from` imports",
        "testmock.MockTest.test_hints": "needs PEP 649 (3.14): annotations",
    }
    assert list(runner.parse_newest_skips(SKIPS, "3.11")) == ["testpatch.LazyTest.*"]
    assert runner.parse_newest_skips(SKIPS, "3.15") == {}
    with pytest.raises(ValueError, match="must contain"):
        runner.parse_newest_skips("no markers", "3.13")
    begin, end = runner.SKIPS_BEGIN, runner.SKIPS_END
    with pytest.raises(ValueError, match="'Needs' and 'Reason'"):
        runner.parse_newest_skips(f"{begin}\n| t.T.test | 3.10 | | why |\n{end}", "3.10")
    with pytest.raises(ValueError, match="newest interpreter runs it"):
        runner.parse_newest_skips(f"{begin}\n| t.T.test | all | x | why |\n{end}", "3.10")


def test_own_suite_gate_is_exact() -> None:
    stdlib = {
        "a.A.test_pass": "pass",
        "a.A.test_xfail": "xfail",
        "a.A.test_kit_fails": "pass",
        "a.A.test_kit_skips": "pass",
        "a.A.test_kit_lacks": "pass",
        "a.A.test_listed": "pass",
        "a.A.test_listed_but_passing": "pass",
        "a.A.test_stdlib_fails": "fail",
        "a.A.test_both_fail": "error",
        "a.A.test_skip": "skip",
    }
    kit = {
        "a.A.test_pass": "pass",
        "a.A.test_xfail": "xfail",
        "a.A.test_kit_fails": "error",
        "a.A.test_kit_skips": "skip",
        "a.A.test_listed": "fail",
        "a.A.test_listed_but_passing": "pass",
        "a.A.test_stdlib_fails": "pass",
        "a.A.test_both_fail": "fail",
        "a.A.test_skip": "skip",
        "a.tearDownModule": "error",  # only mockkit's run has it
    }
    listed = {"a.A.test_listed": "r", "a.A.test_listed_but_passing": "r", "a.A.gone": "r"}
    summary = runner.summarize_own(stdlib, kit, listed)
    assert summary["run"] == 10
    assert summary["stdlib_passed"] == 7
    assert summary["passed"] == 4
    assert summary["skipped"] == 2
    assert summary["failures"] == [
        "a.A.test_kit_fails",
        "a.A.test_kit_lacks",
        "a.A.test_kit_skips",
        "a.tearDownModule",
    ]
    assert summary["failed"] == 4
    assert summary["deviations"] == ["a.A.test_listed"]
    # Failed by the standard library itself: reported with mockkit's outcome, not gated.
    assert summary["stdlib_failures"] == {
        "a.A.test_both_fail": "fail",
        "a.A.test_stdlib_fails": "pass",
    }
    assert summary["stale_deviations"] == ["a.A.test_listed_but_passing"]
    assert summary["unknown_deviations"] == ["a.A.gone"]


def test_a_test_added_in_a_patch_release_cannot_fail_silently() -> None:
    # The old ratchet let a new failing test pass as long as the count stayed high enough.
    kit = {f"a.A.test_{i}": "pass" for i in range(10)}
    stdlib = {**kit, "a.A.test_new": "pass"}
    kit["a.A.test_new"] = "fail"
    summary = runner.summarize_own(stdlib, kit, {})
    assert summary["failures"] == ["a.A.test_new"]


def test_newest_suite_summary() -> None:
    kit = {
        "t.A.test_pass": "pass",
        "t.A.test_fail": "fail",
        "t.A.test_listed": "error",
        "t.Lazy.test_one": "skip",
        "t.Lazy.test_two": "skip",
        "t.A.test_platform": "skip",
    }
    details = {
        "t.Lazy.test_one": "needs x",
        "t.Lazy.test_two": "needs x",
        "t.A.test_platform": "requires a socket",
        "t.A.test_fail": "Traceback",
    }
    skips = {"t.Lazy.*": "needs x", "t.Gone.test": "needs y"}
    stdlib = {"t.A.test_pass": "pass", "t.A.test_fail": "fail"}
    summary = runner.summarize_newest(kit, details, skips, {"t.A.test_listed": "r"}, stdlib)
    assert (summary["run"], summary["passed"], summary["skipped"]) == (6, 1, 3)
    assert summary["listed_skips"] == {"t.Lazy.test_one": "needs x", "t.Lazy.test_two": "needs x"}
    assert summary["suite_skips"] == {"t.A.test_platform": "requires a socket"}
    assert summary["failures"] == ["t.A.test_fail"]
    assert summary["failed"] == 1
    assert summary["deviations"] == ["t.A.test_listed"]
    assert summary["unused_skips"] == ["t.Gone.test"]
    assert summary["stdlib_passed"] == 1


@pytest.mark.parametrize(
    ("raw", "short"),
    [
        ("test.test_unittest.testmock.testpatch.PatchTest.test_x", "testpatch.PatchTest.test_x"),
        ("unittest.test.testmock.testmock.MockTest.test_y", "testmock.MockTest.test_y"),
        ("tearDownModule (test.test_unittest.testmock.testasync)", "testasync.tearDownModule"),
        (
            "setUpClass (unittest.test.testmock.testasync.AsyncTest)",
            "testasync.AsyncTest.setUpClass",
        ),
    ],
)
def test_short_ids(raw: str, short: str) -> None:
    assert runner._short_id(raw) == short


@pytest.mark.skipif(os.name != "posix", reason="shell-script interpreters")
def test_newest_python_is_the_highest_that_runs(tmp_path: Path) -> None:
    def script(name: str, body: str) -> None:
        path = tmp_path / name
        path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
        path.chmod(0o755)

    script("python3.99", "exit 127")  # a shim for an interpreter that is not there
    script("python3.42", "echo 3.42.7")
    script("python3.9", "echo 3.9.1")
    script("python3.x", "echo 9.9.9")  # not a python3.N name
    assert runner.find_newest_python(str(tmp_path)) == (str(tmp_path / "python3.42"), (3, 42, 7))
    assert runner.find_newest_python(str(tmp_path / "missing")) is None


FAKE_SUITE = {
    "__init__.py": "",
    "support.py": "VALUE = 1\n",
    "testfake.py": """
        import unittest
        from unittest.mock import Mock
        from fake_cpython.testmock.support import VALUE

        class FakeTest(unittest.TestCase):
            def test_passes(self):
                self.assertEqual(Mock(return_value=VALUE)(), 1)

            def test_needs_newer_python(self):
                self.fail("should have been skipped")

            def test_kit_only(self):
                import mockkit
                from unittest import mock
                self.assertIs(mock, mockkit)

            def test_newer_helpers(self):
                self.assertHasAttr(Mock(), "anything")
                self.assertIsSubclass(bool, int)
        """,
    "testbroken.py": "import a_module_that_does_not_exist\n",
}


def test_newest_suite_runs_in_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A suite copied by "an interpreter" (here written by hand), run against mockkit and the
    # standard library in fresh workers, with a skip list and the newer helpers.
    suite = tmp_path / "testmock"
    suite.mkdir()
    for name, source in FAKE_SUITE.items():
        (suite / name).write_text(textwrap.dedent(source), encoding="utf-8")
    described = {"package": "fake_cpython.testmock", "version": "3.99.0", "source": "here"}
    (tmp_path / "suite.json").write_text(json.dumps(described), encoding="utf-8")
    skips = tmp_path / "skips.md"
    skips.write_text(
        f"{runner.SKIPS_BEGIN}\n"
        f"| testfake.FakeTest.test_needs_newer_* | {runner.PY} | a newer Python | test |\n"
        f"{runner.SKIPS_END}\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(runner, "NEWEST_SKIPS_FILE", skips)
    summary = runner.run_newest(str(tmp_path), described, verbose=False)
    assert summary["outcomes"] == {
        "testbroken.import": "fail",
        "testfake.FakeTest.test_kit_only": "pass",
        "testfake.FakeTest.test_needs_newer_python": "skip",
        "testfake.FakeTest.test_newer_helpers": "pass",
        "testfake.FakeTest.test_passes": "pass",
    }
    assert summary["listed_skips"] == {
        "testfake.FakeTest.test_needs_newer_python": "needs a newer Python: test"
    }
    assert summary["failures"] == ["testbroken.import"]
    assert "a_module_that_does_not_exist" in summary["details"]["testbroken.import"]
    # Against the standard library, the mockkit-only test fails: reported, not gated.
    assert summary["stdlib_outcomes"]["testfake.FakeTest.test_kit_only"] == "fail"
    assert summary["stdlib_passed"] == 2
