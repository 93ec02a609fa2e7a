"""The speedup chart: one horizontal bar per scenario, log scale, target marked.

matplotlib is a dependency of the benchmark only (the nox session installs it), imported when a
chart is asked for.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from .report import fmt_ratio

MET, MISSED, NO_TARGET = "#2e8b57", "#cd3c3c", "#7f8c8d"


def _label(row: dict[str, Any]) -> str:
    if row["ratio"] is None:
        return f"{row['name']}  [error]" if row["errors"] else f"{row['name']}  [n/a]"
    return f"{row['name']}  {fmt_ratio(row['ratio'])}"


def _color(row: dict[str, Any]) -> str:
    return NO_TARGET if row["met"] is None else (MET if row["met"] else MISSED)


def write_chart(doc: dict[str, Any], path: str | Path) -> None:
    """Write ``doc``'s rows (a results document, as saved by ``--json``) to ``path``."""
    try:
        import matplotlib  # type: ignore[import-not-found, unused-ignore]
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise SystemExit(
            "--chart needs matplotlib (a benchmark-only dependency): pip install matplotlib"
        ) from exc
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # type: ignore[import-not-found, unused-ignore]
    from matplotlib.lines import Line2D  # type: ignore[import-not-found, unused-ignore]
    from matplotlib.patches import Patch  # type: ignore[import-not-found, unused-ignore]

    rows = list(reversed(doc["rows"]))  # barh draws bottom-up; the first scenario goes on top
    if not any(r["ratio"] for r in rows):
        raise SystemExit("nothing to chart: no scenario has a candidate ratio")
    ys = list(range(len(rows)))
    fig, ax = plt.subplots(figsize=(9.5, 0.26 * len(rows) + 1.9), dpi=110)

    timed = [(y, r) for y, r in zip(ys, rows, strict=False) if r["ratio"]]
    ratios = [float(r["ratio"]) for _, r in timed]
    # Bars grow from 1x: right means better than unittest.mock, left worse.
    ax.barh(
        [y for y, _ in timed],
        [x - 1.0 for x in ratios],
        left=1.0,
        color=[_color(r) for _, r in timed],
        height=0.66,
        zorder=2,
    )
    lower = [
        max(x - float(r["ratio_q1"] or x), 0.0) for x, (_, r) in zip(ratios, timed, strict=False)
    ]
    upper = [
        max(float(r["ratio_q3"] or x) - x, 0.0) for x, (_, r) in zip(ratios, timed, strict=False)
    ]
    ax.errorbar(
        ratios,
        [y for y, _ in timed],
        xerr=[lower, upper],
        fmt="none",
        ecolor="#333333",
        lw=0.8,
        zorder=3,
    )
    targets = [
        (y, float(r["target_ratio"])) for y, r in zip(ys, rows, strict=False) if r["target_ratio"]
    ]
    ax.scatter(
        [t for _, t in targets],
        [y for y, _ in targets],
        marker="|",
        s=160,
        color="black",
        linewidths=1.6,
        zorder=4,
    )
    refs = [
        (y, float(r["reference_ratio"]))
        for y, r in zip(ys, rows, strict=False)
        if r["reference_ratio"]
    ]
    ax.scatter(
        [t for _, t in refs],
        [y for y, _ in refs],
        marker="o",
        s=18,
        facecolors="none",
        edgecolors="#555555",
        zorder=4,
    )
    # Thin rules between groups of scenarios.
    for y, (below, above) in enumerate(itertools.pairwise(rows)):
        if below["group"] != above["group"]:
            ax.axhline(y + 0.5, color="#bbbbbb", lw=0.6, zorder=1)

    ax.set_xscale("log")
    ax.axvline(1.0, color="black", lw=0.8, zorder=1)
    goal = doc["summary"].get("geomean_goal")
    if goal:
        ax.axvline(goal, color="#999999", lw=0.8, ls="--", zorder=1)
    ax.set_yticks(ys)
    ax.set_yticklabels([_label(r) for r in rows], fontsize=8)
    ax.set_ylim(-0.7, len(rows) - 0.3)
    values = ratios + [t for _, t in targets] + [t for _, t in refs]
    ax.set_xlim(min(0.5, min(values) / 1.5), max(values) * 1.8)
    ax.grid(axis="x", which="major", color="#dddddd", zorder=0)
    base = doc["baseline"]["module"]
    ax.set_xlabel(f"speedup over {base}, log scale (memory: {base} bytes / candidate bytes)")
    geomean = doc["summary"].get("geomean")
    title = (
        f"{doc['candidate']['module']} vs {base} - Python {doc['python']['version']}"
        + (f" - geometric mean {fmt_ratio(geomean)}" if geomean else "")
        + (" - quick run" if doc["settings"].get("quick") else "")
    )
    ax.set_title(title, fontsize=10)
    handles = [
        Patch(color=MET, label="target met"),
        Patch(color=MISSED, label="target missed"),
        Line2D([], [], color="black", marker="|", ls="", ms=10, mew=1.6, label="target"),
        Line2D(
            [], [], color="#555555", marker="o", ls="", ms=5, mfc="none", label="hand-written ref."
        ),
        Line2D([], [], color="#333333", lw=0.8, label="IQR of paired ratios"),
    ]
    if goal:
        handles.append(Line2D([], [], color="#999999", ls="--", lw=0.8, label=f"goal {goal:g}x"))
    fig.legend(handles=handles, loc="lower center", ncol=len(handles), fontsize=7, frameon=False)
    fig.tight_layout(rect=(0, 0.035, 1, 1))
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(str(path))
    plt.close(fig)
