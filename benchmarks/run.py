"""Benchmark a mock library against the interpreter's unittest.mock, side by side.

    python benchmarks/run.py [--candidate mockkit] [--json PATH] [--chart PATH.png] [--quick]

Every scenario runs against the candidate, ``unittest.mock`` (the baseline) and a hand-written
reference, in this process, interleaved over many rounds; the report gives median times, the
median of the per-round ratios with its interquartile range, the targets and the geometric mean
of the speedups. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import datetime
import importlib
import importlib.util
import json
import os
import platform
import sys
import sysconfig
import time
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # run as a script, or imported by tests
    sys.path.insert(0, str(HERE))

import targets  # noqa: E402
from mkbench import refmock  # noqa: E402
from mkbench.harness import Settings, cpu_clock_usable, run_scenario  # noqa: E402
from mkbench.imports import run_imports  # noqa: E402
from mkbench.memory import MEMORY_SCENARIOS, run_memory  # noqa: E402
from mkbench.report import (  # noqa: E402
    Row,
    document,
    import_rows,
    memory_row,
    startup_row,
    summary_text,
    table,
    time_row,
)
from mkbench.scenarios import SCENARIOS, release_heap  # noqa: E402
from mkbench.startup import ROW_NAME as STARTUP, run_startup  # noqa: E402

#: The packages whose import time is reported on its own, when installed.
PACKAGES = ("mock_core", "mock_magic", "mock_spec", "mock_patch", "mockkit")
REFERENCE_MODULE = "mkbench.refmock"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="benchmarks/run.py",
        description="Time mock scenarios against unittest.mock, interleaved, in one process.",
    )
    p.add_argument("--candidate", default="mockkit", help="module under test (default: mockkit)")
    p.add_argument(
        "--baseline",
        default="unittest.mock",
        help="module to compare with (default: unittest.mock)",
    )
    p.add_argument("--json", metavar="PATH", help="write the results document to PATH")
    p.add_argument("--chart", metavar="PATH", help="write a speedup chart (PNG; needs matplotlib)")
    p.add_argument("--quick", action="store_true", help="smoke test: few rounds, short samples")
    p.add_argument("--rounds", type=int, help="interleaved rounds per scenario (default 30)")
    p.add_argument("--sample-ms", type=float, help="target duration of one sample (default 10)")
    p.add_argument("--import-runs", type=int, help="fresh interpreters per import (default 9)")
    p.add_argument("--startup-runs", type=int, help="fresh pytest runs per variant (default 21)")
    p.add_argument("--memory-n", type=int, help="objects per memory measurement (default 400)")
    p.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="TEXT",
        help="run only scenarios whose name contains TEXT (repeatable; case-insensitive)",
    )
    p.add_argument("--no-reference", action="store_true", help="skip the reference column")
    p.add_argument("--no-memory", action="store_true", help="skip the memory scenarios")
    p.add_argument(
        "--no-imports",
        action="store_true",
        help="skip the import-time scenarios and pytest's start-up",
    )
    p.add_argument("--no-gc", action="store_true", help="disable the cyclic GC while timing")
    p.add_argument(
        "--clock",
        choices=("cpu", "wall"),
        help="time samples by process CPU time (default where it is fine-grained: immune to"
        " preemption by other processes) or wall-clock time (perf_counter)",
    )
    p.add_argument("--list", action="store_true", help="list the scenarios and targets, then exit")
    p.add_argument(
        "--fail-on-miss", action="store_true", help="exit with status 1 when a target is missed"
    )
    args = p.parse_args(argv)
    quick = args.quick
    args.rounds = args.rounds or (3 if quick else 30)
    args.sample_ms = args.sample_ms or (2.0 if quick else 10.0)
    args.import_runs = args.import_runs or (2 if quick else 9)
    # More than imports: a millisecond or two is sought in the noise of a whole pytest run.
    args.startup_runs = args.startup_runs or (2 if quick else 21)
    args.memory_n = args.memory_n or (50 if quick else 400)
    args.clock = args.clock or ("cpu" if cpu_clock_usable() else "wall")
    return args


def _selected(name: str, only: list[str]) -> bool:
    return not only or any(o.lower() in name.lower() for o in only)


def _describe_module(module: ModuleType) -> dict[str, Any]:
    version = getattr(module, "__version__", None)
    if version is None and _is_stdlib(module):
        version = platform.python_version()
    return {
        "module": module.__name__,
        "version": version,
        "file": getattr(module, "__file__", None),
    }


def _is_stdlib(module: ModuleType) -> bool:
    path = getattr(module, "__file__", None) or ""
    stdlib = sysconfig.get_paths()["stdlib"]
    return os.path.realpath(path).startswith(os.path.realpath(stdlib))


def _list() -> None:
    for sc in SCENARIOS:
        t = targets.target_for(sc.name)
        print(f"{sc.name:42} >= {t.speedup:g}x   {sc.doc}")
    for ms in MEMORY_SCENARIOS:
        t = targets.target_for(ms.name)
        print(f"{ms.name:42} >= {t.speedup:g}x   {ms.doc}")
    for pkg in ("<candidate>", *PACKAGES):
        t = targets.target_for(f"import {pkg}")
        goal = f"<= {t.max_ms:g} ms" if t.max_ms is not None else f">= {t.speedup:g}x"
        print(f"{'import ' + pkg:42} {goal}   fresh interpreter, -X importtime")
    t = targets.target_for(STARTUP)
    print(f"{STARTUP:42} <= +{t.max_added_ms:g} ms   fresh pytest runs, against -p no:mockkit")


def _log(message: str) -> None:
    print(message, file=sys.stderr)


def _time_rows(modules: dict[str, Any], settings: Settings, only: list[str]) -> list[Row]:
    rows = []
    chosen = [sc for sc in SCENARIOS if _selected(sc.name, only)]
    for index, sc in enumerate(chosen, 1):

        def progress(message: str, prefix: str = f"[{index}/{len(chosen)}]") -> None:
            _log(f"{prefix} {message}")

        roles = modules if sc.reference else {k: v for k, v in modules.items() if k != "reference"}
        rows.append(time_row(run_scenario(sc, roles, settings, progress), targets.target_for))
    return rows


def _memory_rows(modules: dict[str, Any], n: int, only: list[str]) -> list[Row]:
    rows = []
    for ms in MEMORY_SCENARIOS:
        if _selected(ms.name, only):
            _log(f"[memory] {ms.name}")
            rows.append(memory_row(run_memory(ms, modules, n, repeats=3), targets.target_for))
    return rows


def _import_rows(args: argparse.Namespace) -> list[Row]:
    """The candidate's import against the baseline's, then each installed package's."""
    names = [f"import {m}" for m in (args.candidate, *PACKAGES)]
    if not any(_selected(n, args.only) for n in names):
        return []
    others = [p for p in PACKAGES if p != args.candidate]
    packages = [p for p in others if importlib.util.find_spec(p) is not None]
    if len(packages) < len(others):
        skipped = ", ".join(p for p in others if p not in packages)
        _log(f"[import] not installed, skipped: {skipped}")
    modules = {"baseline": args.baseline, "candidate": args.candidate}
    paths: dict[str, str | None] = {}
    if not args.no_reference:
        modules["reference"] = REFERENCE_MODULE
        paths["reference"] = str(HERE)
    modules.update({f"pkg:{p}": p for p in packages})
    _log(f"[import] {len(modules)} modules x {args.import_runs} fresh interpreters")
    imported = run_imports(modules, paths, args.import_runs, clock=args.clock)
    return import_rows(imported, args.candidate, packages, targets.target_for)


def _startup_rows(args: argparse.Namespace) -> list[Row]:
    """pytest's start-up with mockkit's plugin against without: only mockkit has the plugin."""
    if not _selected(STARTUP, args.only) or args.candidate != "mockkit":
        return []
    if importlib.util.find_spec("pytest") is None:
        _log("[pytest] pytest not installed, skipped")
        return []
    _log(f"[pytest] 2 variants x {args.startup_runs} fresh pytest runs")
    return [startup_row(run_startup(args.startup_runs, clock=args.clock), targets.target_for)]


def _meta(
    args: argparse.Namespace,
    settings: Settings,
    modules: dict[str, Any],
    load: float | None,
) -> dict[str, Any]:
    return {
        "created": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "python": {
            "version": platform.python_version(),
            "short": "{}.{}".format(*sys.version_info[:2]),
            "implementation": platform.python_implementation(),
            "executable": sys.executable,
            "build": " ".join(platform.python_build()),
            "compiler": platform.python_compiler(),
        },
        "platform": {
            "system": platform.platform(),
            "machine": platform.machine(),
            "cpus": os.cpu_count(),
            "load_at_start": load,
        },
        "candidate": _describe_module(modules["candidate"]),
        "baseline": _describe_module(modules["baseline"]),
        "self_check": modules["candidate"] is modules["baseline"],
        "settings": {
            "rounds": settings.rounds,
            "sample_ms": args.sample_ms,
            "gc": settings.gc_enabled,
            "clock": settings.clock,
            "import_runs": args.import_runs,
            "startup_runs": args.startup_runs,
            "memory_n": args.memory_n,
            "quick": args.quick,
            "reference": not args.no_reference,
        },
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.list:
        _list()
        return 0
    started = time.perf_counter()

    baseline = importlib.import_module(args.baseline)
    try:
        candidate = importlib.import_module(args.candidate)
    except ImportError as exc:
        _log(f"cannot import the candidate {args.candidate!r}: {exc}")
        _log("(use --candidate unittest.mock to exercise the harness alone)")
        return 2
    if args.baseline == "unittest.mock" and not _is_stdlib(baseline):
        where = getattr(baseline, "__file__", baseline)
        _log(f"warning: unittest.mock is {where}, not the standard library's (a swap installed?)")
    modules: dict[str, Any] = {"baseline": baseline, "candidate": candidate}
    if not args.no_reference:
        modules["reference"] = refmock
    settings = Settings(
        rounds=args.rounds,
        sample_s=args.sample_ms / 1000.0,
        gc_enabled=not args.no_gc,
        clock=args.clock,
    )
    pyver = platform.python_version()
    _log(
        f"Python {pyver} ({platform.python_implementation()}, {sys.executable})\n"
        f"candidate {args.candidate} vs baseline {args.baseline}; {settings.rounds} rounds,"
        f" ~{args.sample_ms:g} ms samples ({settings.clock} clock),"
        f" gc {'on' if settings.gc_enabled else 'off'}"
    )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    if load is not None and load > 1.5:
        _log(f"warning: load average {load:.1f}; other processes will add noise")
    if candidate is baseline:
        _log("candidate is the baseline: every ratio should be about 1 (harness self-check)")

    try:
        rows = _time_rows(modules, settings, args.only)
    finally:
        release_heap()
    if not args.no_memory:
        rows += _memory_rows(modules, args.memory_n, args.only)
    if not args.no_imports:
        rows += _import_rows(args)
        rows += _startup_rows(args)

    doc = document(_meta(args, settings, modules, load), rows, targets.GEOMEAN_GOAL)
    elapsed = time.perf_counter() - started
    doc["elapsed_s"] = round(elapsed, 1)
    labels = {"baseline": args.baseline, "candidate": args.candidate}
    if args.candidate == args.baseline:
        labels["candidate"] += " (cand.)"
    print(table(rows, labels))
    print()
    print(summary_text(doc["summary"], pyver))
    _log(f"({elapsed:.0f} s)")
    if args.json:
        out = Path(args.json)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
        _log(f"wrote {out}")
    if args.chart:
        from mkbench.chart import write_chart

        write_chart(doc, args.chart)
        _log(f"wrote {args.chart}")
    if any(r.status == "ERROR" for r in rows):
        return 1
    if args.fail_on_miss and doc["summary"]["missed"]:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
