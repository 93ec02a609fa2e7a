"""``python -m mockkit``: run a module or script with ``unittest.mock`` resolving to mockkit.

Examples::

    python -m mockkit -m unittest discover -s tests
    python -m mockkit -m pytest tests/
    python -m mockkit path/to/script.py --its-args
"""

from __future__ import annotations

import os
import runpy
import sys

from mockkit import swap

USAGE = "usage: python -m mockkit (-m module | script.py) [args ...]"


def main(argv: list[str]) -> int:
    """Install the switch, then run the module or script named by ``argv`` as ``__main__``."""
    if argv[:1] in (["-h"], ["--help"]):
        print(USAGE)
        return 0
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
