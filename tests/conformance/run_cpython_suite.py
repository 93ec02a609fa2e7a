"""Run the interpreter's own CPython ``unittest.mock`` suite against mockkit.

The suite is run where it lies (``test.test_unittest.testmock`` from 3.12,
``unittest.test.testmock`` before); it is never copied into this repository. A fresh worker
process turns on ``mockkit.swap`` before the suite is imported, so every
``from unittest.mock import ...`` in it gets mockkit. The parent process then:

* prints ``<python version>: N passed, M failed``;
* writes the per-test results as JSON;
* leaves out of the failure count only tests listed for this Python in DEVIATIONS.md;
* fails when the pass count is below the minimum recorded in ``minimum.json`` for this
  Python; ``--update`` raises that minimum to the new count (it never lowers it).

Usage: python tests/conformance/run_cpython_suite.py [--update] [--json PATH] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
MINIMUM_FILE = HERE / "minimum.json"
DEVIATIONS_FILE = ROOT / "DEVIATIONS.md"
BEGIN, END = "<!-- deviations:begin -->", "<!-- deviations:end -->"
PY = f"{sys.version_info[0]}.{sys.version_info[1]}"
SUITE = "test.test_unittest.testmock" if sys.version_info >= (3, 12) else "unittest.test.testmock"
# Generous: the whole suite takes seconds; this only stops a hung threading test.
TIMEOUT = 900

PASSED = ("pass", "xfail")  # an expected failure that fails is a pass, as unittest counts it
FAILED = ("fail", "error", "xpass")


# --------------------------------------------------------------------------- worker


def _short_id(test_id: str) -> str:
    """Test id relative to the testmock package, the same on every Python."""
    marker = ".testmock."
    if marker in test_id:
        return test_id.split(marker, 1)[1]
    return test_id


def _worker(out_path: str) -> int:
    """Runs in the fresh process: switch first, then import and run the suite."""
    from mockkit import swap  # before anything imports unittest.mock

    kit = swap.install()
    import unittest
    import unittest.mock as resolved

    if resolved is not kit:
        print("the switch did not take effect", file=sys.stderr)
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

    suite = unittest.defaultTestLoader.loadTestsFromName(SUITE)
    with open(os.devnull, "w") as sink:
        runner = unittest.TextTestRunner(stream=sink, resultclass=Recorder, verbosity=0)
        runner.run(suite)
    payload = {"suite": SUITE, "outcomes": outcomes, "details": details}
    Path(out_path).write_text(json.dumps(payload, indent=1, sort_keys=True), encoding="utf-8")
    return 0


# --------------------------------------------------------------------------- parent


def parse_deviations(text: str, python: str) -> dict[str, str]:
    """Test ids listed for ``python`` in the table between the markers, with their reasons."""
    if BEGIN not in text or END not in text:
        raise ValueError(f"DEVIATIONS.md must contain {BEGIN} and {END}")
    table = text.split(BEGIN, 1)[1].split(END, 1)[0]
    listed: dict[str, str] = {}
    for line in table.splitlines():
        line = line.strip()
        if not line.startswith("|"):
            continue
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip("|"))]
        if len(cells) != 4:
            raise ValueError(f"a deviations row needs 4 cells: {line}")
        test_id, pythons, _behaviour, reason = (c.strip("`").strip() for c in cells)
        if test_id.lower() == "test id" or set(test_id) <= set("-: "):
            continue  # header, separator, or an entry about behaviour without a suite test
        if not reason:
            raise ValueError(f"deviation {test_id} has no reason")
        applies = pythons.replace(",", " ").split()
        if "all" in applies or python in applies:
            listed[test_id] = reason
    return listed


def summarize(outcomes: dict[str, str], deviations: dict[str, str]) -> dict[str, Any]:
    """Counts, with listed deviations left out of the failures."""
    failing = sorted(t for t, o in outcomes.items() if o in FAILED)
    excused = [t for t in failing if t in deviations]
    return {
        "run": len(outcomes),
        "passed": sum(o in PASSED for o in outcomes.values()),
        "failed": len(failing) - len(excused),
        "skipped": sum(o == "skip" for o in outcomes.values()),
        "deviations": excused,
        "failures": [t for t in failing if t not in deviations],
        "stale_deviations": sorted(t for t in deviations if outcomes.get(t) in PASSED),
        "unknown_deviations": sorted(t for t in deviations if t not in outcomes),
    }


def ratchet(minimums: dict[str, int], python: str, passed: int, update: bool) -> tuple[bool, int]:
    """Whether ``passed`` meets the recorded minimum; with ``update``, the raised minimum."""
    recorded = int(minimums.get(python, 0))
    if update and passed > recorded:
        recorded = passed
    return passed >= recorded, recorded


def _run_worker() -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "results.json"
        # cwd is a scratch directory so that nothing from the checkout shadows installed code.
        proc = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--worker", str(out)],
            cwd=tmp,
            timeout=TIMEOUT,
            check=False,
        )
        if proc.returncode != 0 or not out.exists():
            raise SystemExit(f"{PY}: the suite worker failed (exit code {proc.returncode})")
        result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
        return result


def main(argv: list[str] | None = None) -> int:
    """Run the suite in a fresh process, report, write JSON and apply the ratchet."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="raise the recorded minimum")
    parser.add_argument("--json", type=Path, help="where to write the results")
    parser.add_argument("--verbose", action="store_true", help="print each failure's traceback")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return _worker(args.worker)

    results = _run_worker()
    deviations = parse_deviations(DEVIATIONS_FILE.read_text(encoding="utf-8"), PY)
    summary = summarize(results["outcomes"], deviations)
    minimums: dict[str, int] = json.loads(MINIMUM_FILE.read_text(encoding="utf-8"))
    ok, recorded = ratchet(minimums, PY, summary["passed"], args.update)

    version = ".".join(map(str, sys.version_info[:3]))
    print(f"{version}: {summary['passed']} passed, {summary['failed']} failed")
    print(
        f"  ({summary['run']} run, {summary['skipped']} skipped, "
        f"{len(summary['deviations'])} listed deviations; minimum {recorded} passed)"
    )
    for test_id in summary["failures"]:
        print(f"  FAILED {test_id}")
        if args.verbose:
            print("    " + results["details"].get(test_id, "").replace("\n", "\n    "))
    for test_id in summary["stale_deviations"]:
        print(f"  note: {test_id} passes now; remove it from DEVIATIONS.md")
    for test_id in summary["unknown_deviations"]:
        print(f"  note: {test_id} is listed in DEVIATIONS.md but is not in this suite")

    out = args.json or ROOT / "build" / "conformance" / f"{PY}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    record = {"python": version, "suite": results["suite"], "minimum": recorded, **summary}
    record["outcomes"] = results["outcomes"]
    record["details"] = {t: d for t, d in results["details"].items() if t in summary["failures"]}
    out.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")

    if args.update and recorded != minimums.get(PY):
        minimums[PY] = recorded
        MINIMUM_FILE.write_text(json.dumps(minimums, indent=2) + "\n", encoding="utf-8")
        print(f"  recorded minimum for {PY} raised to {recorded}")
    if not ok:
        print(f"{version}: {summary['passed']} passed is below the recorded minimum {recorded}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
