"""Rows, targets, the summary, the text table and the JSON document."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Protocol

from .harness import Spread, TimeResult
from .imports import ImportResult
from .memory import MemoryResult
from .startup import ROW_NAME as STARTUP_ROW, StartupResult

SCHEMA = 1


class TargetLike(Protocol):
    @property
    def speedup(self) -> float: ...

    @property
    def max_ms(self) -> float | None: ...

    @property
    def max_added_ms(self) -> float | None: ...

    @property
    def source(self) -> str: ...


TargetFor = Callable[[str], TargetLike]


@dataclass
class Row:
    """One line of the report. Values are medians: seconds per operation (``kind`` "time"),
    bytes per object ("memory") or milliseconds ("import"). ``ratio`` is the candidate's median
    paired speedup over the baseline (for memory: baseline bytes / candidate bytes).
    ``added_ms`` is the median of the paired differences, candidate minus baseline, for rows
    whose target is a ceiling on it (pytest's start-up)."""

    name: str
    group: str
    kind: str
    doc: str = ""
    baseline: float | None = None
    candidate: float | None = None
    reference: float | None = None
    ratio: float | None = None
    ratio_q1: float | None = None
    ratio_q3: float | None = None
    reference_ratio: float | None = None
    target_speedup: float | None = None
    target_max_ms: float | None = None
    added_ms: float | None = None
    target_max_added_ms: float | None = None
    target_source: str = ""
    target_ratio: float | None = None
    met: bool | None = None
    in_geomean: bool = False
    errors: dict[str, str] = field(default_factory=dict)
    loops: dict[str, int] = field(default_factory=dict)
    samples: dict[str, list[float]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def status(self) -> str:
        if "candidate" in self.errors or "baseline" in self.errors:
            return "ERROR"
        if self.met is None:
            return "n/a"
        return "ok" if self.met else "MISS"


def _apply_target(row: Row, target_for: TargetFor) -> None:
    target = target_for(row.name)
    row.target_source = target.source
    if target.max_added_ms is not None:
        row.target_max_added_ms = target.max_added_ms
        if row.added_ms is not None:
            row.met = row.added_ms <= target.max_added_ms
    elif target.max_ms is not None:
        row.target_max_ms = target.max_ms
        if row.baseline is not None:
            row.target_ratio = row.baseline / target.max_ms
        if row.candidate is not None:
            row.met = row.candidate <= target.max_ms
    else:
        row.target_speedup = row.target_ratio = target.speedup
        if row.ratio is not None:
            row.met = row.ratio >= target.speedup


def _set_ratio(row: Row, spread: Spread | None) -> None:
    if spread is not None:
        row.ratio, row.ratio_q1, row.ratio_q3 = spread.median, spread.q1, spread.q3


def time_row(result: TimeResult, target_for: TargetFor) -> Row:
    sc = result.scenario
    row = Row(sc.name, sc.group, "time", sc.doc, errors=dict(result.errors))
    row.baseline = result.median("baseline")
    row.candidate = result.median("candidate")
    row.reference = result.median("reference")
    _set_ratio(row, result.ratio("candidate"))
    ref = result.ratio("reference")
    row.reference_ratio = ref.median if ref else None
    row.loops = dict(result.loops)
    row.samples = {role: list(values) for role, values in result.samples.items()}
    row.in_geomean = not sc.opt_in_cost
    _apply_target(row, target_for)
    return row


def memory_row(result: MemoryResult, target_for: TargetFor) -> Row:
    sc = result.scenario
    values = result.bytes_per
    row = Row(sc.name, "memory", "memory", sc.doc, errors=dict(result.errors))
    row.baseline = values.get("baseline")
    row.candidate = values.get("candidate")
    row.reference = values.get("reference")
    if row.baseline and row.candidate:
        row.ratio = row.ratio_q1 = row.ratio_q3 = row.baseline / row.candidate
    if row.baseline and row.reference:
        row.reference_ratio = row.baseline / row.reference
    _apply_target(row, target_for)
    return row


def _paired(base: Sequence[float], other: Sequence[float]) -> Spread | None:
    if not base or not other:
        return None
    return Spread.of([b / o for b, o in zip(base, other, strict=False)])


def import_rows(
    result: ImportResult,
    candidate_module: str,
    packages: Sequence[str],
    target_for: TargetFor,
) -> list[Row]:
    """``import <candidate>`` (counted in the geometric mean) and one row per package."""
    base = result.samples.get("baseline", [])
    ref_samples = result.samples.get("reference", [])
    ref_spread = _paired(base, ref_samples)
    rows = []
    for key, module in [("candidate", candidate_module)] + [(f"pkg:{p}", p) for p in packages]:
        row = Row(
            f"import {module}",
            "import",
            "import",
            f"``import {module}`` in a fresh interpreter, milliseconds.",
        )
        row.baseline = result.median("baseline")
        row.candidate = result.median(key)
        row.reference = result.median("reference")
        _set_ratio(row, _paired(base, result.samples.get(key, [])))
        row.reference_ratio = ref_spread.median if ref_spread else None
        for role, err_key in (("baseline", "baseline"), ("candidate", key)):
            if err_key in result.errors:
                row.errors[role] = result.errors[err_key]
        row.samples = {
            "baseline": list(base),
            "candidate": list(result.samples.get(key, [])),
            "reference": list(ref_samples),
        }
        row.in_geomean = key == "candidate"
        # Always keep the -X importtime medians too, whichever clock the ratio used.
        row.extra["importtime_ms"] = {
            role: statistics.median(values)
            for role, values in (
                ("baseline", result.importtime.get("baseline")),
                ("candidate", result.importtime.get(key)),
                ("reference", result.importtime.get("reference")),
            )
            if values
        }
        _apply_target(row, target_for)
        rows.append(row)
    return rows


def startup_row(result: StartupResult, target_for: TargetFor) -> Row:
    """A pytest run with mockkit's plugin (candidate) against ``-p no:mockkit`` (baseline)."""
    row = Row(
        STARTUP_ROW,
        "pytest",
        "import",
        "A pytest run of one trivial test in a fresh interpreter, milliseconds: mockkit's "
        "plugin loaded (the switch off) against ``-p no:mockkit``; the target is on the "
        "difference.",
        errors=dict(result.errors),
    )
    base = result.samples.get("baseline", [])
    cand = result.samples.get("candidate", [])
    row.baseline = result.median("baseline")
    row.candidate = result.median("candidate")
    _set_ratio(row, _paired(base, cand))
    added = result.added()
    if added is not None:
        row.added_ms = added.median
        row.extra["added_ms_iqr"] = [added.q1, added.q3]
    row.samples = {"baseline": list(base), "candidate": list(cand)}
    row.extra["wall_ms"] = {
        role: statistics.median(values) for role, values in result.wall.items() if values
    }
    _apply_target(row, target_for)
    return row


def summarize(rows: Sequence[Row], goal: float) -> dict[str, Any]:
    ratios = [r.ratio for r in rows if r.in_geomean and r.ratio and r.status != "ERROR"]
    geomean = math.exp(statistics.fmean(math.log(x) for x in ratios)) if ratios else None
    return {
        "geomean": geomean,
        "geomean_count": len(ratios),
        "geomean_goal": goal,
        "goal_met": None if geomean is None else geomean >= goal,
        "below_one": [r.name for r in rows if r.in_geomean and r.ratio and r.ratio < 1.0],
        "missed": [
            {
                "name": r.name,
                "ratio": r.ratio,
                "candidate": r.candidate,
                "target_speedup": r.target_speedup,
                "target_max_ms": r.target_max_ms,
                "added_ms": r.added_ms,
                "target_max_added_ms": r.target_max_added_ms,
            }
            for r in rows
            if r.status == "MISS"
        ],
        "errors": [
            {"name": r.name, "role": role, "error": err}
            for r in rows
            for role, err in r.errors.items()
        ],
    }


def document(meta: dict[str, Any], rows: Sequence[Row], goal: float) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        **meta,
        "rows": [asdict(r) for r in rows],
        "summary": summarize(rows, goal),
    }


# --------------------------------------------------------------------------- formatting


def fmt_value(kind: str, value: float | None, ascii_only: bool = True) -> str:
    if value is None:
        return "-"
    if kind == "memory":
        return f"{value:,.0f} B" if value < 10_000 else f"{value / 1024:,.1f} KiB"
    if kind == "import":
        return f"{value:.1f} ms" if value >= 10 else f"{value:.2f} ms"
    micro = "us" if ascii_only else "\u00b5s"
    for scale, unit in ((1e-9, "ns"), (1e-6, micro), (1e-3, "ms"), (1.0, "s")):
        if value < scale * 1000:
            shown = value / scale
            return f"{shown:.0f} {unit}" if shown >= 100 else f"{shown:.3g} {unit}"
    return f"{value:.3g} s"


def fmt_ratio(value: float | None) -> str:
    """Three significant digits; below 1 rounded down, so 0.9996 never shows as 1.000x."""
    if value is None:
        return "-"
    if value < 1:
        return f"{math.floor(value * 1000) / 1000:.3f}x"
    if value < 10:
        return f"{value:.2f}x"
    return f"{value:.1f}x" if value < 100 else f"{value:.0f}x"


def fmt_number(value: float) -> str:
    """Three significant digits, never in exponent notation."""
    return f"{value:.0f}" if value >= 100 else f"{value:.3g}"


def fmt_added(ms: float) -> str:
    """What a candidate adds to its baseline, signed: ``+0.84 ms``."""
    return ("+" if ms >= 0 else "-") + fmt_value("import", abs(ms))


def fmt_change(row: Row) -> str:
    """The speedup column: the ratio, or what the candidate adds where that has the target."""
    return fmt_added(row.added_ms) if row.added_ms is not None else fmt_ratio(row.ratio)


def fmt_spread(row: Row, sep: str = "-") -> str:
    iqr = row.extra.get("added_ms_iqr")
    if row.added_ms is not None and iqr:
        return f"{fmt_added(iqr[0])}..{fmt_added(iqr[1])}"  # a "-" would read as a sign
    if row.ratio_q1 is None or row.ratio_q3 is None or row.kind == "memory":
        return "-"
    return f"{fmt_number(row.ratio_q1)}{sep}{fmt_number(row.ratio_q3)}"


def fmt_target(row: Row) -> str:
    if row.target_max_added_ms is not None:
        return f"+<={row.target_max_added_ms:g} ms"
    if row.target_max_ms is not None:
        return f"<={row.target_max_ms:g} ms"
    if row.target_speedup is None:
        return "-"
    return f">={row.target_speedup:g}x"


def table(rows: Sequence[Row], labels: dict[str, str]) -> str:
    head = [
        "scenario",
        labels["baseline"],
        labels["candidate"],
        "reference",
        "speedup",
        "IQR",
        "ref",
        "target",
        "",
    ]
    body: list[list[str]] = []
    group = None
    for r in rows:
        if r.group != group and group is not None:
            body.append([])
        group = r.group
        body.append(
            [
                r.name,
                fmt_value(r.kind, r.baseline),
                fmt_value(r.kind, r.candidate),
                fmt_value(r.kind, r.reference),
                fmt_change(r),
                fmt_spread(r),
                fmt_ratio(r.reference_ratio),
                fmt_target(r),
                r.status if r.status != "ok" else "",
            ]
        )
    widths = [max(len(line[i]) for line in [head, *body] if line) for i in range(len(head))]
    right = {1, 2, 3, 4, 5, 6, 7}

    def render(line: list[str]) -> str:
        if not line:
            return ""
        cells = [
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(line, widths, strict=False))
        ]
        return "  ".join(cells).rstrip()

    rule = "  ".join("-" * w for w in widths).rstrip()
    return "\n".join([render(head), rule, *(render(line) for line in body)])


def summary_text(summary: dict[str, Any], python: str) -> str:
    lines = []
    geomean = summary["geomean"]
    if geomean is None:
        lines.append("geometric mean: n/a (no candidate ratios)")
    else:
        verdict = "met" if summary["goal_met"] else "NOT met"
        lines.append(
            f"geometric mean of {summary['geomean_count']} speedups: {fmt_ratio(geomean)}"
            f" (project goal >= {summary['geomean_goal']:g}x on 3.13, {verdict} on {python})"
        )
    below = summary["below_one"]
    lines.append("below 1x: " + (", ".join(below) if below else "none"))
    missed = summary["missed"]
    lines.append(f"missed targets: {len(missed)}" + (":" if missed else ""))
    for m in missed:
        if m.get("target_max_added_ms") is not None:
            lines.append(
                f"  {m['name']}: {fmt_added(m['added_ms'])}"
                f" (target <= +{m['target_max_added_ms']:g} ms)"
            )
        elif m["target_max_ms"] is not None:
            lines.append(
                f"  {m['name']}: {fmt_value('import', m['candidate'])}"
                f" (target <= {m['target_max_ms']:g} ms)"
            )
        else:
            lines.append(
                f"  {m['name']}: {fmt_ratio(m['ratio'])} (target >= {m['target_speedup']:g}x)"
            )
    if summary["errors"]:
        lines.append(f"errors: {len(summary['errors'])}")
        lines.extend(f"  {e['name']} [{e['role']}]: {e['error']}" for e in summary["errors"])
    return "\n".join(lines)
