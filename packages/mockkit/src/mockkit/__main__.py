"""``python -m mockkit``: run a module or script with ``unittest.mock`` resolving to mockkit.

Examples::

    python -m mockkit -m unittest discover -s tests
    python -m mockkit -m pytest tests/
    python -m mockkit path/to/script.py --its-args

``python -m mockkit --plugins`` lists the plugins plugged into mock-core instead.
"""

from __future__ import annotations

import os
import runpy
import sys

from mockkit import swap

USAGE = "usage: python -m mockkit (-m module | script.py) [args ...] | --plugins"


def _plugin_lines() -> tuple[list[str], bool]:
    """The ``--plugins`` report, and whether it must end in failure (strict and broken)."""
    import warnings

    from mock_core import plugins

    lines = [f"mock-core plugins (entry-point group {plugins.ENTRY_POINT_GROUP}):"]
    if os.environ.get(plugins.DISABLE_ENV_VAR, "").strip() not in ("", "0"):
        lines.append(
            f"entry-point discovery is off ({plugins.DISABLE_ENV_VAR} is set): "
            "only packages that registered themselves when imported are active"
        )
    with warnings.catch_warnings():
        # Each failure is in the report, with its reason; the warning would only repeat it.
        warnings.simplefilter("ignore", plugins.PluginWarning)
        try:
            plugins.discover()
        except plugins.PluginError:  # strict: reported below, and the exit status says so
            pass
        report = plugins.list_plugins()
    for status in ("active", "blocked", "failed"):
        chosen = [info for info in report if info.status == status]
        if not chosen and status != "active":
            continue
        lines.append(f"{status}:" if chosen else f"{status}: none")
        for info in chosen:
            origin = info.distribution or "unknown distribution"
            if info.version:
                origin += f" {info.version}"
            how = f"entry point {info.entry_point}" if info.entry_point else "built in"
            lines.append(f"  {info.name}: {origin}, {how}")
            if info.points:
                lines.append(f"    points: {', '.join(info.points)}")
            if info.reason:
                lines.append(f"    {info.reason}")
    strict = os.environ.get(plugins.STRICT_ENV_VAR, "").strip() not in ("", "0")
    return lines, strict and any(info.status == "failed" for info in report)


def main(argv: list[str]) -> int:
    """Install the switch, then run the module or script named by ``argv`` as ``__main__``."""
    if argv[:1] in (["-h"], ["--help"]):
        print(USAGE)
        return 0
    if argv == ["--plugins"]:
        lines, failed = _plugin_lines()
        print("\n".join(lines))
        return 1 if failed else 0
    if not argv or argv == ["-m"]:
        print(USAGE, file=sys.stderr)
        return 2
    swap.install()
    if argv[0] == "-m":
        sys.argv = [argv[1], *argv[2:]]
        runpy.run_module(argv[1], run_name="__main__", alter_sys=True)
    else:
        sys.argv = list(argv)
        # As `python script.py` does: the script's directory comes first on sys.path.
        sys.path[0] = os.path.dirname(os.path.abspath(argv[0]))
        runpy.run_path(argv[0], run_name="__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
