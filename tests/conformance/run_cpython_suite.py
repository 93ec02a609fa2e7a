"""Run CPython's own ``unittest.mock`` suites against mockkit and against the standard library.

Two suites, each run where it lies (never copied into this repository):

* **The interpreter's own suite** (``test.test_unittest.testmock`` from 3.12,
  ``unittest.test.testmock`` before), run twice in fresh worker processes: once against the
  interpreter's ``unittest.mock`` and once against mockkit (``mockkit.swap`` is turned on
  before the suite is imported, so every ``from unittest.mock import ...`` in it gets
  mockkit). The check is exact: it fails when a test that the standard library passes does
  not pass against mockkit, unless DEVIATIONS.md lists that test for this Python. Tests the
  standard library itself fails are reported, not gated.
* **The newest suite**: the suite of the newest interpreter on ``PATH`` (``python3.N``, the
  highest N that runs; or ``--newest-python``), copied by that interpreter into a temporary
  directory outside the repository for this run and run against mockkit here, so that the
  newest behaviour is checked on every supported Python. Tests that need a newer
  interpreter's features are skipped as ``newest_skips.md`` (beside this file) says, with its
  reason; helpers of ``test.support`` that an older interpreter lacks and that are trivial
  are provided by the worker (``_NEWER_HELPERS``). Every other failure fails the check,
  unless DEVIATIONS.md lists the test for the Python whose suite it is. The same suite also
  runs against this interpreter's ``unittest.mock``, for the report only (an older standard
  library is expected to fail the newest behaviour). When the newest interpreter is this
  one, its own suite is the newest and runs once.

The parent prints the counts, writes the per-test results as JSON
(``build/conformance/<python>.json`` unless ``--json``) and exits 1 on a failure.

Usage: python tests/conformance/run_cpython_suite.py [--newest-python CMD | --newest-suite DIR
       | --no-newest] [--json PATH] [--verbose]
"""

from __future__ import annotations

import argparse
import fnmatch
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DEVIATIONS_FILE = ROOT / "DEVIATIONS.md"
NEWEST_SKIPS_FILE = HERE / "newest_skips.md"
BEGIN, END = "<!-- deviations:begin -->", "<!-- deviations:end -->"
SKIPS_BEGIN, SKIPS_END = "<!-- newest-skips:begin -->", "<!-- newest-skips:end -->"
PY = f"{sys.version_info[0]}.{sys.version_info[1]}"
VERSION = ".".join(map(str, sys.version_info[:3]))
OWN_SUITE = (
    "test.test_unittest.testmock" if sys.version_info >= (3, 12) else "unittest.test.testmock"
)
# Generous: a suite takes seconds; this only stops a hung threading test.
TIMEOUT = 900

PASSED = ("pass", "xfail")  # an expected failure that fails is a pass, as unittest counts it
FAILED = ("fail", "error", "xpass")
IMPLEMENTATIONS = ("stdlib", "mockkit")

# Run by the newest interpreter (through whatever wrapper ``python3.N`` is) with the
# destination directory as its argument: copies its own suite there, without compiled files,
# and describes it in suite.json.
_COPY_SCRIPT = r"""
import importlib.util, json, os, shutil, sys
for package in ("test.test_unittest.testmock", "unittest.test.testmock"):
    try:
        spec = importlib.util.find_spec(package)
    except ImportError:
        spec = None
    if spec is not None and spec.submodule_search_locations:
        break
else:
    sys.exit("this interpreter has no unittest.mock test suite (a test package is needed)")
source = list(spec.submodule_search_locations)[0]
destination = sys.argv[1]
shutil.copytree(source, os.path.join(destination, "testmock"),
                ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
version = "%d.%d.%d" % sys.version_info[:3]
with open(os.path.join(destination, "suite.json"), "w") as out:
    json.dump({"package": package, "version": version, "source": source}, out)
"""


# --------------------------------------------------------------------------- worker


def _short_id(test_id: str) -> str:
    """Test id relative to the testmock package, the same on every Python."""
    fixture = re.fullmatch(r"(\w+) \((.+)\)", test_id)
    if fixture:
        # A module or class fixture that failed: "tearDownModule (pkg.testmock.testasync)".
        test_id = f"{fixture.group(2)}.{fixture.group(1)}"
    marker = ".testmock."
    if marker in test_id:
        return test_id.split(marker, 1)[1]
    return test_id


def _add_newer_helpers() -> None:
    """Provide what the newest suite uses and this interpreter lacks (_NEWER_HELPERS).

    Each is trivial and added only where missing; none is something mockkit uses.
    """
    import asyncio.events
    import types
    import unittest

    from test import support
    from test.support import threading_helper

    def requires_anything(*, module: bool = False) -> Any:
        # Where the newer helper exists it skips on platforms without sockets or threads
        # (WASI, Emscripten); every platform this project runs on has both.
        return None if module else (lambda test: test)

    for owner, name in ((support, "requires_working_socket"),
                        (threading_helper, "requires_working_threading")):  # fmt: skip
        if not hasattr(owner, name):
            setattr(owner, name, requires_anything)

    case = unittest.TestCase

    def has_attr(self: Any, obj: Any, name: str, msg: Any = None) -> None:
        if not hasattr(obj, name):
            self.fail(self._formatMessage(msg, f"{obj!r} has no attribute {name!r}"))

    def not_has_attr(self: Any, obj: Any, name: str, msg: Any = None) -> None:
        if hasattr(obj, name):
            self.fail(self._formatMessage(msg, f"{obj!r} has unexpected attribute {name!r}"))

    def is_subclass(self: Any, cls: Any, superclass: Any, msg: Any = None) -> None:
        if not (isinstance(cls, type) and issubclass(cls, superclass)):
            self.fail(self._formatMessage(msg, f"{cls!r} is not a subclass of {superclass!r}"))

    def not_is_subclass(self: Any, cls: Any, superclass: Any, msg: Any = None) -> None:
        if isinstance(cls, type) and issubclass(cls, superclass):
            self.fail(self._formatMessage(msg, f"{cls!r} is a subclass of {superclass!r}"))

    def enter_context(self: Any, cm: Any) -> Any:
        result = type(cm).__enter__(cm)
        self.addCleanup(type(cm).__exit__, cm, None, None, None)
        return result

    for name, method in (("assertHasAttr", has_attr), ("assertNotHasAttr", not_has_attr),
                         ("assertIsSubclass", is_subclass),
                         ("assertNotIsSubclass", not_is_subclass),
                         ("enterContext", enter_context)):  # fmt: skip
        if not hasattr(case, name):
            setattr(case, name, method)
    if not hasattr(asyncio.events, "_set_event_loop_policy"):
        # testasync's tearDownModule resets the policy through 3.14's private name.
        asyncio.events._set_event_loop_policy = asyncio.set_event_loop_policy  # type: ignore[attr-defined]
    if not hasattr(types, "LazyImportType"):
        # testpatch imports the PEP 810 type at its top (3.15+); a class that has no
        # instances keeps every isinstance() false. mockkit read ``types`` before this, and
        # the tests that make lazy imports are skipped (newest_skips.md).
        types.LazyImportType = type("LazyImportType", (), {})  # type: ignore[attr-defined]


_NEWER_HELPERS = (
    "test.support.requires_working_socket and "
    "test.support.threading_helper.requires_working_threading (3.11), "
    "unittest.TestCase.enterContext (3.11), "
    "unittest.TestCase.assertHasAttr/assertNotHasAttr/assertIsSubclass/assertNotIsSubclass "
    "(3.14), asyncio.events._set_event_loop_policy (3.14), "
    "types.LazyImportType (3.15, with no instances)"
)


def _load_copied_suite(directory: str, package: str) -> Any:
    """Import the copied suite under its own package name; return its tests."""
    import importlib
    import importlib.util
    import traceback
    import types
    import unittest

    parent_name, _, leaf = package.rpartition(".")
    parent: Any = None
    parts = parent_name.split(".")
    for depth in range(1, len(parts) + 1):
        name = ".".join(parts[:depth])
        try:
            module = importlib.import_module(name)
        except ImportError:
            # test.test_unittest is new in 3.12: older interpreters get an empty package.
            module = types.ModuleType(name)
            module.__path__ = []
            sys.modules[name] = module
            if parent is not None:
                setattr(parent, parts[depth - 1], module)
        parent = module
    spec = importlib.util.spec_from_file_location(
        package, os.path.join(directory, "__init__.py"), submodule_search_locations=[directory]
    )
    assert spec is not None and spec.loader is not None
    suite_package = importlib.util.module_from_spec(spec)
    sys.modules[package] = suite_package
    spec.loader.exec_module(suite_package)
    setattr(parent, leaf, suite_package)

    class FailedImport(unittest.TestCase):
        """Stands for a suite module that could not be imported (it fails, as in unittest)."""

        def __init__(self, module: str, message: str) -> None:
            super().__init__("test_import")
            self.module, self.message = module, message

        def id(self) -> str:
            return f"{self.module}.import"

        def test_import(self) -> None:
            self.fail(self.message)

    loader = unittest.defaultTestLoader
    tests = unittest.TestSuite()
    for path in sorted(glob.glob(os.path.join(directory, "test*.py"))):
        name = os.path.splitext(os.path.basename(path))[0]
        try:
            module = importlib.import_module(f"{package}.{name}")
        except Exception:  # reported as that module's failure, as unittest's loader does
            tests.addTest(FailedImport(f"{package}.{name}", traceback.format_exc()))
            continue
        tests.addTest(loader.loadTestsFromModule(module))
    return tests


def _skip_listed(suite: Any, skips: dict[str, str]) -> None:
    """Mark the tests matching a pattern of ``skips`` as skipped with that reason."""
    import unittest

    for test in _iter_tests(suite):
        name = _short_id(test.id())
        for pattern, reason in skips.items():
            if fnmatch.fnmatchcase(name, pattern):
                method = getattr(test, test._testMethodName, None)
                if method is not None:
                    setattr(test, test._testMethodName, unittest.skip(reason)(method))
                break


def _iter_tests(suite: Any) -> Any:
    import unittest

    for item in suite:
        if isinstance(item, unittest.TestSuite):
            yield from _iter_tests(item)
        else:
            yield item


def _worker(out_path: str, implementation: str, copied: str | None, skips_path: str | None) -> int:
    """Runs in the fresh process: switch first if asked, then import and run the suite."""
    if implementation == "mockkit":
        from mockkit import swap  # before anything imports unittest.mock

        kit = swap.install()
    import unittest
    import unittest.mock as resolved

    if implementation == "mockkit" and resolved is not kit:
        print("the switch did not take effect", file=sys.stderr)
        return 3
    if implementation == "stdlib" and resolved.__name__ != "unittest.mock":
        print("unittest.mock is not the standard library's", file=sys.stderr)
        return 3

    outcomes: dict[str, str] = {}
    details: dict[str, str] = {}
    rank = {"pass": 0, "xfail": 1, "skip": 2, "xpass": 3, "fail": 4, "error": 5}

    class Recorder(unittest.TextTestResult):
        """Keeps the worst outcome per test id (a failing subtest fails its test)."""

        def _note(self, test: Any, outcome: str, err: Any = None) -> None:
            name = _short_id(test.id())
            if rank[outcome] >= rank[outcomes.get(name, "pass")]:
                outcomes[name] = outcome
                if err is not None:
                    details[name] = self._exc_info_to_string(err, test)[-4000:]

        def startTest(self, test: Any) -> None:
            super().startTest(test)
            outcomes.setdefault(_short_id(test.id()), "pass")

        def addError(self, test: Any, err: Any) -> None:
            super().addError(test, err)
            self._note(test, "error", err)

        def addFailure(self, test: Any, err: Any) -> None:
            super().addFailure(test, err)
            self._note(test, "fail", err)

        def addSubTest(self, test: Any, subtest: Any, err: Any) -> None:
            super().addSubTest(test, subtest, err)
            if err is not None:
                failed = issubclass(err[0], test.failureException)
                self._note(test, "fail" if failed else "error", err)

        def addSkip(self, test: Any, reason: str) -> None:
            super().addSkip(test, reason)
            self._note(test, "skip")
            details[_short_id(test.id())] = reason

        def addExpectedFailure(self, test: Any, err: Any) -> None:
            super().addExpectedFailure(test, err)
            self._note(test, "xfail")

        def addUnexpectedSuccess(self, test: Any) -> None:
            super().addUnexpectedSuccess(test)
            self._note(test, "xpass")

    if copied is None:
        suite_name = OWN_SUITE
        suite = unittest.defaultTestLoader.loadTestsFromName(OWN_SUITE)
    else:
        described = json.loads(Path(copied, "suite.json").read_text(encoding="utf-8"))
        suite_name = described["package"]
        _add_newer_helpers()
        suite = _load_copied_suite(os.path.join(copied, "testmock"), suite_name)
    if skips_path is not None:
        _skip_listed(suite, json.loads(Path(skips_path).read_text(encoding="utf-8")))
    with open(os.devnull, "w") as sink:
        runner = unittest.TextTestRunner(stream=sink, resultclass=Recorder, verbosity=0)
        runner.run(suite)
    payload = {"suite": suite_name, "outcomes": outcomes, "details": details}
    Path(out_path).write_text(json.dumps(payload, indent=1, sort_keys=True), encoding="utf-8")
    return 0


# --------------------------------------------------------------------------- tables


def _table_rows(text: str, begin: str, end: str, what: str) -> list[list[str]]:
    """The 4-cell rows of the Markdown table between ``begin`` and ``end`` (no header)."""
    if begin not in text or end not in text:
        raise ValueError(f"{what} must contain {begin} and {end}")
    table = text.split(begin, 1)[1].split(end, 1)[0]
    rows = []
    for line in table.splitlines():
        line = line.strip()
        if not line.startswith("|"):
            continue
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip("|"))]
        if len(cells) != 4:
            raise ValueError(f"a {what} row needs 4 cells: {line}")
        # The test id and the Pythons may be written as code; the prose cells keep theirs.
        cells = [c.strip("`").strip() for c in cells[:2]] + cells[2:]
        if set(cells[1]) <= set("-: ") or cells[0].lower() in ("test id", "test id or pattern"):
            continue  # header or separator
        rows.append(cells)
    return rows


def _applies(pythons: str, python: str) -> bool:
    applies = pythons.replace(",", " ").split()
    return "all" in applies or python in applies


def parse_deviations(text: str, python: str) -> dict[str, str]:
    """Test ids listed for ``python`` in DEVIATIONS.md's table, with their reasons."""
    listed: dict[str, str] = {}
    for test_id, pythons, _behaviour, reason in _table_rows(text, BEGIN, END, "DEVIATIONS.md"):
        if set(test_id) <= set("-: "):
            continue  # an entry about behaviour without a suite test
        if not reason:
            raise ValueError(f"deviation {test_id} has no reason")
        if _applies(pythons, python):
            listed[test_id] = reason
    return listed


def parse_newest_skips(text: str, python: str) -> dict[str, str]:
    """Patterns of newest-suite tests to skip on ``python``, with what they need and why."""
    skips: dict[str, str] = {}
    for pattern, pythons, needs, reason in _table_rows(
        text, SKIPS_BEGIN, SKIPS_END, "newest_skips.md"
    ):
        if not needs or not reason:
            raise ValueError(f"newest-suite skip {pattern} needs both 'Needs' and 'Reason'")
        if "all" in pythons.split():
            raise ValueError(f"newest-suite skip {pattern}: the newest interpreter runs it")
        if _applies(pythons, python):
            skips[pattern] = f"needs {needs}: {reason}"
    return skips


# --------------------------------------------------------------------------- summaries


def summarize_own(
    stdlib: dict[str, str], mockkit: dict[str, str], deviations: dict[str, str]
) -> dict[str, Any]:
    """The own suite: every test the standard library passes must pass against mockkit."""
    stdlib_passes = sorted(t for t, o in stdlib.items() if o in PASSED)
    # A test the standard library passes that mockkit fails, skips or never ran.
    failing = [t for t in stdlib_passes if mockkit.get(t) not in PASSED]
    # ... and a failure that only mockkit's run has (a fixture or a module import failing).
    failing += sorted(t for t, o in mockkit.items() if o in FAILED and t not in stdlib)
    excused = [t for t in failing if t in deviations]
    stdlib_fails = sorted(t for t, o in stdlib.items() if o in FAILED)
    return {
        "run": len(mockkit),
        "stdlib_passed": len(stdlib_passes),
        "passed": sum(o in PASSED for o in mockkit.values()),
        "skipped": sum(o == "skip" for o in mockkit.values()),
        "deviations": excused,
        "failures": [t for t in failing if t not in deviations],
        "failed": len(failing) - len(excused),
        # Reported, not gated: mockkit's outcome on each test the standard library fails.
        "stdlib_failures": {t: mockkit.get(t, "missing") for t in stdlib_fails},
        "stale_deviations": sorted(t for t in deviations if mockkit.get(t) in PASSED),
        "unknown_deviations": sorted(t for t in deviations if t not in mockkit),
    }


def summarize_newest(
    mockkit: dict[str, str],
    details: dict[str, str],
    skips: dict[str, str],
    deviations: dict[str, str],
    stdlib: dict[str, str] | None,
) -> dict[str, Any]:
    """The newest suite: every test runs and passes against mockkit unless skipped as listed."""
    listed_skips = {
        t: details.get(t, "")
        for t, o in mockkit.items()
        if o == "skip" and any(fnmatch.fnmatchcase(t, p) for p in skips)
    }
    failing = sorted(t for t, o in mockkit.items() if o in FAILED)
    excused = [t for t in failing if t in deviations]
    return {
        "run": len(mockkit),
        "passed": sum(o in PASSED for o in mockkit.values()),
        "skipped": sum(o == "skip" for o in mockkit.values()),
        "listed_skips": listed_skips,
        # Skipped by the suite itself (a platform or resource condition), not by our list.
        "suite_skips": {
            t: details.get(t, "")
            for t, o in mockkit.items()
            if o == "skip" and t not in listed_skips
        },
        "deviations": excused,
        "failures": [t for t in failing if t not in deviations],
        "failed": len(failing) - len(excused),
        "unused_skips": sorted(
            p for p in skips if not any(fnmatch.fnmatchcase(t, p) for t in mockkit)
        ),
        # For the report: this interpreter's standard library on the same (newer) tests.
        "stdlib_passed": None if stdlib is None else sum(o in PASSED for o in stdlib.values()),
    }


# --------------------------------------------------------------------------- running


def _run_worker(implementation: str, copied: str | None = None, skips: Any = None) -> Any:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "results.json"
        command = [sys.executable, str(Path(__file__).resolve()), "--worker", str(out)]
        command += ["--implementation", implementation]
        if copied is not None:
            command += ["--copied-suite", copied]
        if skips:
            skips_file = Path(tmp) / "skips.json"
            skips_file.write_text(json.dumps(skips), encoding="utf-8")
            command += ["--skips", str(skips_file)]
        # cwd is a scratch directory so that nothing from the checkout shadows installed code.
        # What the suite writes to stderr (warnings of tests that provoke them on purpose)
        # is shown only when the worker fails.
        proc = subprocess.run(
            command, cwd=tmp, timeout=TIMEOUT, check=False, stderr=subprocess.PIPE, text=True
        )
        if proc.returncode != 0 or not out.exists():
            which = "newest" if copied else "own"
            sys.stderr.write(proc.stderr)
            raise SystemExit(
                f"{VERSION}: the {which} suite's worker ({implementation}) failed"
                f" (exit code {proc.returncode})"
            )
        return json.loads(out.read_text(encoding="utf-8"))


def _version_of(command: str) -> tuple[int, ...] | None:
    try:
        done = subprocess.run(
            [command, "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    lines = done.stdout.split()
    if done.returncode != 0 or not lines or not re.fullmatch(r"\d+\.\d+\.\d+", lines[-1]):
        return None
    return tuple(int(part) for part in lines[-1].split("."))


def find_newest_python(path: str | None = None) -> tuple[str, tuple[int, ...]] | None:
    """The ``python3.N`` on ``PATH`` with the highest N that runs, and its version."""
    minors: set[int] = set()
    for directory in (path if path is not None else os.environ.get("PATH", "")).split(os.pathsep):
        for candidate in glob.glob(os.path.join(directory or ".", "python3.*")):
            found = re.fullmatch(r"python3\.(\d+)", os.path.basename(candidate))
            if found and os.access(candidate, os.X_OK):
                minors.add(int(found.group(1)))
    for minor in sorted(minors, reverse=True):
        command = shutil.which(f"python3.{minor}", path=path)
        version = _version_of(command) if command else None
        if command and version:
            return command, version
    return None


def copy_newest_suite(python: str, destination: str) -> dict[str, str]:
    """Have ``python`` copy its own testmock package into ``destination``; its description."""
    done = subprocess.run(
        [python, "-c", _COPY_SCRIPT, destination],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    described = Path(destination, "suite.json")
    if done.returncode != 0 or not described.exists():
        raise SystemExit(
            f"{python} could not copy its unittest.mock suite into {destination}"
            f" (it must see that directory at the same path):\n{done.stderr.strip()}"
        )
    result: dict[str, str] = json.loads(described.read_text(encoding="utf-8"))
    return result


def _print_list(title: str, items: Any, details: dict[str, str], verbose: bool) -> None:
    for test_id in items:
        print(f"  {title} {test_id}")
        if verbose and details.get(test_id):
            print("    " + details[test_id].replace("\n", "\n    "))


def run_own(verbose: bool) -> dict[str, Any]:
    stdlib = _run_worker("stdlib")
    kit = _run_worker("mockkit")
    deviations = parse_deviations(DEVIATIONS_FILE.read_text(encoding="utf-8"), PY)
    summary = summarize_own(stdlib["outcomes"], kit["outcomes"], deviations)
    stdlib_skipped = sum(o == "skip" for o in stdlib["outcomes"].values())
    print(
        f"{VERSION} own suite ({OWN_SUITE}): the standard library passes"
        f" {summary['stdlib_passed']} of {len(stdlib['outcomes'])} ({stdlib_skipped} skipped);"
        f" mockkit passes {summary['passed']}, {len(summary['deviations'])} listed"
        f" deviations, {summary['failed']} failures"
    )
    _print_list("FAILED", summary["failures"], kit["details"], verbose)
    for test_id, outcome in summary["stdlib_failures"].items():
        print(f"  note: the standard library fails {test_id} (mockkit: {outcome})")
    for test_id in summary["stale_deviations"]:
        print(f"  note: {test_id} passes now; remove it from DEVIATIONS.md")
    for test_id in summary["unknown_deviations"]:
        print(f"  note: {test_id} is listed in DEVIATIONS.md but is not in this suite")
    summary["suite"] = kit["suite"]
    summary["outcomes"] = kit["outcomes"]
    summary["stdlib_outcomes"] = stdlib["outcomes"]
    summary["details"] = {t: kit["details"].get(t, "") for t in summary["failures"]}
    return summary


def run_newest(copied: str, described: dict[str, str], verbose: bool) -> dict[str, Any]:
    newest_version = described["version"]
    newest_py = ".".join(newest_version.split(".")[:2])
    skips = parse_newest_skips(NEWEST_SKIPS_FILE.read_text(encoding="utf-8"), PY)
    kit = _run_worker("mockkit", copied, skips)
    try:
        stdlib: Any = _run_worker("stdlib", copied, skips)
    except (SystemExit, subprocess.TimeoutExpired) as exc:
        # Only reported: an older standard library may fail the newer suite in any way.
        print(f"  note: the newest suite against the standard library did not finish: {exc}")
        stdlib = {"outcomes": None}
    # The newest suite tests the newest behaviour: a deviation from it is listed for that
    # Python (or for all).
    deviations = parse_deviations(DEVIATIONS_FILE.read_text(encoding="utf-8"), newest_py)
    summary = summarize_newest(
        kit["outcomes"], kit["details"], skips, deviations, stdlib["outcomes"]
    )
    print(
        f"{VERSION} newest suite ({newest_version}'s): {summary['run']} run, mockkit passes"
        f" {summary['passed']}, {summary['skipped']} skipped, {summary['failed']} failures"
        f" ({len(summary['deviations'])} listed deviations; this interpreter's standard"
        f" library passes {summary['stdlib_passed']})"
    )
    reasons: dict[str, int] = {}
    for reason in summary["listed_skips"].values():
        reasons[reason] = reasons.get(reason, 0) + 1
    for reason, count in sorted(reasons.items()):
        print(f"  skipped {count}: {reason}")
    for test_id, reason in sorted(summary["suite_skips"].items()):
        print(f"  skipped by the suite: {test_id}: {reason}")
    _print_list("FAILED", summary["failures"], kit["details"], verbose)
    for pattern in summary["unused_skips"]:
        print(f"  note: {pattern} in newest_skips.md matches no test of this suite")
    summary.update(suite=kit["suite"], version=newest_version, source=described.get("source"))
    summary["outcomes"] = kit["outcomes"]
    summary["stdlib_outcomes"] = stdlib["outcomes"]
    summary["details"] = {t: kit["details"].get(t, "") for t in summary["failures"]}
    return summary


def main(argv: list[str] | None = None) -> int:
    """Run the suites in fresh processes, report, write JSON; 1 when a check fails."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    newest = parser.add_mutually_exclusive_group()
    newest.add_argument(
        "--newest-python",
        help="the interpreter whose suite is the newest (default: the python3.N on PATH with"
        " the highest N that runs, or $MOCKKIT_NEWEST_PYTHON)",
    )
    newest.add_argument(
        "--newest-suite", help="a directory where an interpreter copied its suite (see above)"
    )
    newest.add_argument("--no-newest", action="store_true", help="run the own suite only")
    parser.add_argument("--json", type=Path, help="where to write the results")
    parser.add_argument("--verbose", action="store_true", help="print each failure's traceback")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--implementation", choices=IMPLEMENTATIONS, help=argparse.SUPPRESS)
    parser.add_argument("--copied-suite", help=argparse.SUPPRESS)
    parser.add_argument("--skips", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return _worker(args.worker, args.implementation, args.copied_suite, args.skips)

    record: dict[str, Any] = {"python": VERSION, "own": run_own(args.verbose)}
    ok = record["own"]["failed"] == 0
    if not args.no_newest:
        scratch = None
        try:
            copied: str | None = None
            described: dict[str, str] = {}
            if args.newest_suite:
                copied = args.newest_suite
                described = json.loads(Path(copied, "suite.json").read_text(encoding="utf-8"))
            else:
                command = args.newest_python or os.environ.get("MOCKKIT_NEWEST_PYTHON")
                version = _version_of(command) if command else None
                if not command:
                    command, version = find_newest_python() or (None, None)
                if not command or version is None:
                    raise SystemExit(f"{VERSION}: no newest interpreter found (python3.N on PATH)")
                if version > sys.version_info[:3]:
                    # Outside the checkout, where the newest interpreter can see it (a wrapper
                    # into a chroot shares the temporary directory).
                    scratch = copied = tempfile.mkdtemp(prefix="mockkit-newest-suite-")
                    described = copy_newest_suite(command, scratch)
                else:
                    print(
                        f"{VERSION} newest suite: {command} ({'.'.join(map(str, version))}) is"
                        " not newer than this interpreter, whose own suite is the newest here"
                    )
            if copied is not None:
                record["newest"] = run_newest(copied, described, args.verbose)
                ok = ok and record["newest"]["failed"] == 0
        finally:
            if scratch is not None:
                shutil.rmtree(scratch, ignore_errors=True)

    out = args.json or ROOT / "build" / "conformance" / f"{PY}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if not ok:
        print(f"{VERSION}: conformance failed (see FAILED above; results in {out})")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
