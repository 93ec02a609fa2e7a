"""pytest plugin of the real-world corpus: records each test's outcome, and which mock ran.

realworld/run.py loads it into every suite it runs (``-p mockkit_realworld_probe``, with this
directory on ``PYTHONPATH``) and names the file to write in ``MOCKKIT_REALWORLD_OUT``. It writes
JSON: the outcome of every test by node id (``passed``, ``failed``, ``error``, ``skipped``,
``xfailed``, ``xpassed``), a short failure text for the tests that did not pass, and, for the
process that ran the tests, what ``unittest.mock`` was when the session started. Under
pytest-xdist the controller records the outcomes, and every worker writes a file of its own
(``<out>.<worker id>``) with its ``unittest.mock``, so the runner can check that the workers
ran on mockkit too.

It must not import ``unittest.mock`` before the switch is on: it only looks at the module
once the session starts (after the initial conftests, where mockkit's switch turns on).
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Any

import pytest

OUT = "MOCKKIT_REALWORLD_OUT"
# Enough of a failure's text to recognise it; the full text is in the run's log.
FAILURE_CHARS = 3000
# When more than one phase reports (setup, call, teardown), the worst outcome wins.
_RANK = {"passed": 0, "xfailed": 1, "skipped": 2, "xpassed": 3, "failed": 4, "error": 5}


def _mock_module() -> str:
    """What ``import unittest.mock`` gives this process: the stdlib's, or mockkit."""
    import importlib

    return importlib.import_module("unittest.mock").__name__


class Probe:
    def __init__(self, path: str, worker: str | None) -> None:
        self.path = path
        self.worker = worker
        self.outcomes: dict[str, str] = {}
        self.failures: dict[str, str] = {}
        self.mock_module = ""
        self.started = 0.0

    def pytest_sessionstart(self, session: pytest.Session) -> None:
        self.started = time.perf_counter()
        self.mock_module = _mock_module()

    def _record(self, nodeid: str, outcome: str, text: str) -> None:
        previous = self.outcomes.get(nodeid)
        if previous is None or _RANK[outcome] > _RANK[previous]:
            self.outcomes[nodeid] = outcome
            if outcome in ("failed", "error") and text:
                self.failures[nodeid] = text[-FAILURE_CHARS:]

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:  # a module that cannot be imported: its tests are lost
            self._record(report.nodeid or "<collection>", "error", report.longreprtext)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if hasattr(report, "wasxfail"):
            outcome = "xfailed" if report.skipped else "xpassed"
        elif report.failed:
            outcome = "failed" if report.when == "call" else "error"
        elif report.skipped:
            outcome = "skipped"
        else:
            outcome = "passed"
        self._record(report.nodeid, outcome, report.longreprtext if report.failed else "")

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        data: dict[str, Any] = {
            "worker": self.worker,
            "mock_module": self.mock_module,
            "python": sys.version.split()[0],
            "exitstatus": int(exitstatus),
            "session_seconds": time.perf_counter() - self.started,
        }
        if self.worker is None:  # xdist's workers send their reports to the controller
            data["outcomes"] = self.outcomes
            data["failures"] = self.failures
        path = self.path if self.worker is None else f"{self.path}.{self.worker}"
        with open(path, "w", encoding="utf-8") as file:
            json.dump(data, file)


def pytest_configure(config: pytest.Config) -> None:
    path = os.environ.get(OUT)
    if path:
        worker = getattr(config, "workerinput", {}).get("workerid")
        config.pluginmanager.register(Probe(path, worker), "mockkit-realworld-probe")
