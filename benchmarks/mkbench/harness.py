"""Timing: calibration, interleaved rounds, paired ratios."""

from __future__ import annotations

import gc
import itertools
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Callable

from .scenarios import VERIFY_N, Scenario

#: The three columns, in table order. The baseline is the interpreter's ``unittest.mock``.
ROLES = ("baseline", "candidate", "reference")


def cpu_clock_usable() -> bool:
    """Whether this platform's process CPU clock is fine-grained enough for 10 ms samples."""
    return time.get_clock_info("process_time").resolution <= 1e-6


CLOCKS: dict[str, Callable[[], float]] = {
    # CPU time of this process: time spent preempted by other processes is not counted, so
    # a long sample is not penalised against a short one on a busy machine.
    "cpu": time.process_time,
    "wall": time.perf_counter,
}


@dataclass
class Settings:
    rounds: int = 30
    sample_s: float = 0.010
    gc_enabled: bool = True
    max_loops: int = 1_000_000
    clock: str = "cpu"


@dataclass
class Spread:
    """The median of paired ratios and its quartiles."""

    median: float
    q1: float
    q3: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Spread:
        q1, q3 = quartiles(values)
        return cls(statistics.median(values), q1, q3)


@dataclass
class TimeResult:
    """Per-operation seconds for every role and round, or the error that stopped a role."""

    scenario: Scenario
    samples: dict[str, list[float]] = field(default_factory=dict)
    loops: dict[str, int] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)

    def median(self, role: str) -> float | None:
        values = self.samples.get(role)
        return statistics.median(values) if values else None

    def ratio(self, role: str) -> Spread | None:
        """Paired speedup of ``role`` over the baseline: baseline time / role time per round."""
        base, other = self.samples.get("baseline"), self.samples.get(role)
        if not base or not other:
            return None
        return Spread.of([b / o for b, o in zip(base, other, strict=False)])


def round_order(keys: Sequence[str], index: int) -> list[str]:
    """The order of ``keys`` in round ``index``, balanced over rounds.

    Up to three keys cycle through every permutation, so each key runs first, in the middle
    and last equally often, after each other key equally often. More keys rotate, reversing
    direction every full turn.
    """
    keys = list(keys)
    if len(keys) <= 3:
        orders = list(itertools.permutations(keys))
        return list(orders[index % len(orders)])
    turn, shift = divmod(index, len(keys))
    rotated = keys[shift:] + keys[:shift]
    return rotated[::-1] if turn % 2 else rotated


def quartiles(values: Sequence[float]) -> tuple[float, float]:
    if len(values) < 2:
        return values[0], values[0]
    q1, _, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, q3


def _describe(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}".strip()
    return text if len(text) <= 300 else text[:297] + "..."


class _Runner:
    """Runs one scenario against one module: verify, calibrate, sample."""

    def __init__(self, scenario: Scenario, module: Any, settings: Settings) -> None:
        self.scenario = scenario
        self.module = module
        self.settings = settings
        self.loops = 1
        self.clock = CLOCKS[settings.clock]

    def verify(self) -> None:
        body = self.scenario.prepare(self.module, VERIFY_N)
        self.scenario.verify(self.module, body())

    def _time(self, loops: int) -> float:
        body = self.scenario.prepare(self.module, loops)
        # Start every sample from a collected heap, so one library's garbage is never
        # charged to the other; the collector stays on while timing (users pay for it too)
        # unless --no-gc.
        gc.collect()
        if not self.settings.gc_enabled:
            gc.disable()
        clock = self.clock
        try:
            start = clock()
            body()
            elapsed = clock() - start
        finally:
            gc.enable()
        del body
        return elapsed

    def calibrate(self) -> None:
        """Pick the loop count that makes one sample last about ``sample_s``."""
        target, loops = self.settings.sample_s, 1
        elapsed = self._time(loops)
        while elapsed < target * 0.4 and loops < self.settings.max_loops:
            grow = 10.0 if elapsed <= 0 else min(10.0, target / elapsed)
            loops = min(self.settings.max_loops, max(loops + 1, int(loops * grow)))
            elapsed = self._time(loops)
        if elapsed > 0:
            loops = max(1, min(self.settings.max_loops, round(loops * target / elapsed)))
        self.loops = loops

    def sample(self) -> float:
        return self._time(self.loops) / (self.loops * self.scenario.per)


def run_scenario(
    scenario: Scenario,
    modules: dict[str, Any],
    settings: Settings,
    progress: Callable[[str], None] | None = None,
) -> TimeResult:
    """Verify, calibrate, then time every role over interleaved rounds.

    Each round times every role once, in an order that changes between rounds
    (``round_order``), so neither library always runs first or always follows the other, and
    the ratio of a round compares samples taken moments apart.
    """
    result = TimeResult(scenario)
    runners: dict[str, _Runner] = {}
    for role, module in modules.items():
        runner = _Runner(scenario, module, settings)
        try:
            runner.verify()
            runner.calibrate()
        except Exception as exc:  # a broken or partial candidate must not stop the run
            result.errors[role] = _describe(exc)
            continue
        runners[role] = runner
        result.loops[role] = runner.loops
        result.samples[role] = []
    order = list(runners)
    for index in range(settings.rounds):
        for role in round_order(order, index):
            try:
                result.samples[role].append(runners[role].sample())
            except Exception as exc:
                # Surviving roles keep equal sample counts, so their rounds stay paired.
                result.errors[role] = _describe(exc)
                order.remove(role)
                del result.samples[role], result.loops[role]
    if progress is not None:
        spread = result.ratio("candidate")
        if spread is not None:
            progress(f"{scenario.name}: {spread.median:.3g}x")
        else:
            progress(f"{scenario.name}: no ratio ({'; '.join(result.errors.values())})")
    return result
