"""What importing mock-core costs: the standard library modules it loads.

Test suites import mock-core once per run (and every pytest-xdist worker again); what it
loads besides its own modules is paid for by every run, mocks or not.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

# What ``import mock_core`` may add on CPython: the module that ``from __future__ import``
# statements execute, and the C module holding ``deque`` (already loaded on some versions).
ALLOWED = {"__future__", "_collections"}


def _run(code: str) -> str:
    """What ``code`` prints, run in a fresh interpreter that finds this one's packages."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return out.stdout


@pytest.mark.skipif(sys.implementation.name != "cpython", reason="class reuse is CPython's")
def test_import_loads_only_its_own_modules() -> None:
    # Nothing but sys is imported before the count (json would bring _operator and more).
    added = _run(
        "import sys\n"
        "before = set(sys.modules)\n"
        "import mock_core\n"
        "print(' '.join(sorted(set(sys.modules) - before)))\n"
    ).split()
    others = [name for name in added if name.split(".")[0] != "mock_core"]
    assert set(others) <= ALLOWED, others


def test_asserting_a_run_of_calls_works_after_a_bare_import() -> None:
    # assert_has_calls needs nothing that importing mock_core did not load.
    printed = _run(
        "import mock_core\n"
        "m = mock_core.Mock()\n"
        "m(1); m(2); m.a(3)\n"
        "m.assert_has_calls([mock_core.call(2), mock_core.call.a(3)])\n"
        "print('ok')\n"
    )
    assert printed.strip() == "ok"
