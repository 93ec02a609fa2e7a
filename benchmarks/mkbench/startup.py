"""What having mockkit installed adds to a pytest run that does not use it (issue #18).

pytest loads every ``pytest11`` entry point at start-up, mockkit's plugin included, whether or
not a test uses it. Like import time, this is measured in fresh interpreters, interleaved, after
a warm-up run that writes the bytecode caches: a run of one trivial test with the plugin loaded
(the candidate) against the same run with ``-p no:mockkit`` (the baseline). Each run records
the CPU time and the wall-clock time of ``pytest.main`` (pytest itself is imported before the
clock starts: both runs pay for it alike); the runner's ``--clock`` picks which one is compared.
The figure that has a target is the median of the paired differences, in milliseconds.

Reading the distribution's metadata is not counted: pytest scans every installed distribution's
entry points either way, ``-p no:mockkit`` only keeps it from loading the plugin.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from .harness import Spread, quartiles, round_order

#: The report's row (and its target's key).
ROW_NAME = "pytest start-up, mockkit's plugin loaded"
#: The entry point's name, which ``-p no:NAME`` blocks.
PLUGIN = "mockkit"
_MARK = "@@mkbench-pytest@@"
_LOADED = "@@mkbench-plugin@@"

# The child: pytest.main timed on both clocks, and whether the plugin was loaded (so that a
# baseline that loaded it, or a candidate that did not, is an error rather than a ratio of 1).
_CHILD = f"""
import sys
from time import perf_counter, process_time

import pytest


class Probe:
    def pytest_configure(self, config):
        loaded = config.pluginmanager.has_plugin({PLUGIN!r})
        sys.stderr.write({_LOADED!r} + " %d\\n" % loaded)


c, w = process_time(), perf_counter()
code = pytest.main(sys.argv[1:], plugins=[Probe()])
c, w = process_time() - c, perf_counter() - w
sys.stderr.write({_MARK!r} + " %r %r\\n" % (c, w))
sys.exit(int(code))
"""

_TEST = "def test_nothing():\n    pass\n"
# A run as plain as pytest allows: nothing written to the folder, no output to speak of.
_COMMON = ("-q", "-p", "no:cacheprovider")
VARIANTS: dict[str, tuple[str, ...]] = {
    "baseline": ("-p", f"no:{PLUGIN}"),
    "candidate": (),
}


@dataclass
class StartupResult:
    """Milliseconds per role, one value per run, runs interleaved and paired by index.

    ``samples`` holds the figure chosen by the clock, ``wall`` always the wall-clock one.
    """

    samples: dict[str, list[float]] = field(default_factory=dict)
    wall: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    def median(self, role: str) -> float | None:
        values = self.samples.get(role)
        return statistics.median(values) if values else None

    def added(self) -> Spread | None:
        """The candidate's extra milliseconds over the baseline, paired by run."""
        base, cand = self.samples.get("baseline"), self.samples.get("candidate")
        if not base or not cand:
            return None
        diffs = [c - b for b, c in zip(base, cand, strict=False)]
        q1, q3 = quartiles(diffs)
        return Spread(statistics.median(diffs), q1, q3)


def plugin_installed() -> bool:
    return any(e.name == PLUGIN for e in metadata.entry_points(group="pytest11"))


def parse_child(stderr: str, want_loaded: bool) -> tuple[float, float]:
    """(CPU ms, wall ms) of one run, checked to have loaded the plugin or not, as asked."""
    _, found, after = stderr.partition(_LOADED)
    if not found:
        raise ValueError("the run did not reach pytest_configure")
    if bool(int(after.split()[0])) != want_loaded:
        raise ValueError(f"the plugin was {'not ' if want_loaded else ''}loaded")
    _, found, after = stderr.partition(_MARK)
    if not found:
        raise ValueError("timings not found in the output")
    cpu, wall = after.split()[:2]
    return float(cpu) * 1000.0, float(wall) * 1000.0


def startup_ms(role: str, folder: Path, python: str = sys.executable) -> tuple[float, float]:
    """One fresh-interpreter pytest run of ``folder`` as ``role``: (CPU ms, wall ms)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as for imports: the warm-up writes the caches
    proc = subprocess.run(
        [python, "-c", _CHILD, *_COMMON, *VARIANTS[role]],
        cwd=folder,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if proc.returncode != 0:
        tail = (proc.stdout + proc.stderr).strip().splitlines()[-1:] or ["(no output)"]
        raise RuntimeError(f"pytest exited with {proc.returncode}: {tail[0]}")
    return parse_child(proc.stderr, want_loaded=role == "candidate")


def run_startup(runs: int, clock: str = "cpu") -> StartupResult:
    """Both roles ``runs`` times, interleaved, after one discarded warm-up run each."""
    result = StartupResult()
    if not plugin_installed():
        result.errors["candidate"] = f"no pytest11 entry point {PLUGIN!r} installed"
        return result
    with tempfile.TemporaryDirectory(prefix="mkbench-pytest-") as tmp:
        folder = Path(tmp)
        # Its own ini file, so that pytest looks for no configuration above the folder.
        (folder / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
        (folder / "test_startup.py").write_text(_TEST, encoding="utf-8")
        live = []
        for role in VARIANTS:
            try:
                startup_ms(role, folder)
            except (RuntimeError, ValueError) as exc:
                result.errors[role] = str(exc)
            else:
                live.append(role)
                result.samples[role], result.wall[role] = [], []
        if len(live) < len(VARIANTS):
            return result  # one role alone has nothing to be compared with
        for index in range(runs):
            for role in round_order(live, index):
                try:
                    cpu, wall = startup_ms(role, folder)
                except (RuntimeError, ValueError) as exc:
                    result.errors[role] = str(exc)
                    return result
                result.samples[role].append(cpu if clock == "cpu" else wall)
                result.wall[role].append(wall)
    return result
