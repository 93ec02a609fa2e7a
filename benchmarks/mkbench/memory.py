"""Memory per live object, measured with tracemalloc in this process for every module."""

from __future__ import annotations

import gc
import statistics
import tracemalloc
from dataclasses import dataclass, field
from typing import Any, Callable

#: Builds, for a module and a count ``n``, a function that makes ``n`` things and keeps them.
Maker = Callable[[Any, int], Callable[[list[Any]], None]]


@dataclass(frozen=True)
class MemoryScenario:
    name: str
    doc: str
    make: Maker


@dataclass
class MemoryResult:
    scenario: MemoryScenario
    bytes_per: dict[str, float] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)


def _instances(attribute: str) -> Maker:
    def make(mk: Any, n: int) -> Callable[[list[Any]], None]:
        # A subclass the process has not used yet: every mock needs a class of its own, and a
        # library that keeps the classes of mocks that are gone for reuse (mockkit) would
        # otherwise take them from what it kept before tracing began. Each live mock is
        # charged the class it lives on.
        cls = type(f"Fresh{attribute}", (getattr(mk, attribute),), {})

        def fill(keep: list[Any]) -> None:
            for i in range(n):
                keep[i] = cls()

        return fill

    return make


def _recorded_calls(mk: Any, n: int) -> Callable[[list[Any]], None]:
    m = mk.Mock()
    m(1, x=2)  # the recording lists exist; what grows is the cost of one more call

    def fill(keep: list[Any]) -> None:
        keep[0] = m
        for _ in range(n):
            m(1, x=2)

    return fill


def _children(mk: Any, n: int) -> Callable[[list[Any]], None]:
    m = mk.Mock()
    m.first_child  # noqa: B018  (the first child may set up shared storage; not counted)
    names = [f"child_{i}" for i in range(n)]

    def fill(keep: list[Any]) -> None:
        keep[0] = m
        for name in names:
            getattr(m, name)

    return fill


MEMORY_SCENARIOS = [
    MemoryScenario("memory: Mock()", "Bytes per live ``Mock()``.", _instances("Mock")),
    MemoryScenario(
        "memory: MagicMock()", "Bytes per live ``MagicMock()``.", _instances("MagicMock")
    ),
    MemoryScenario(
        "memory: per recorded call",
        "Bytes kept per recorded call ``m(1, x=2)``.",
        _recorded_calls,
    ),
    MemoryScenario("memory: per child", "Bytes per child created by attribute access.", _children),
]


def bytes_per(make: Maker, module: Any, n: int) -> float:
    """Traced bytes still allocated after making ``n`` things, divided by ``n``."""
    make(module, 3)([None] * 3)  # warm up: class-level caches and first-use setup are not counted
    fill = make(module, n)
    keep: list[Any] = [None] * n
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        fill(keep)
        gc.collect()  # unreachable cycles made while building are not per-object cost
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    del keep, fill
    gc.collect()
    return (after - before) / n


def run_memory(
    scenario: MemoryScenario, modules: dict[str, Any], n: int, repeats: int
) -> MemoryResult:
    result = MemoryResult(scenario)
    for role, module in modules.items():
        try:
            values = [bytes_per(scenario.make, module, n) for _ in range(repeats)]
        except Exception as exc:
            result.errors[role] = f"{type(exc).__name__}: {exc}"
            continue
        result.bytes_per[role] = statistics.median(values)
    return result
