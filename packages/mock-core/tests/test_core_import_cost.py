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


@pytest.mark.skipif(sys.implementation.name != "cpython", reason="class reuse is CPython's")
def test_import_loads_only_its_own_modules() -> None:
    # Nothing but sys is imported before the count (json would bring _operator and more).
    code = (
        "import sys\n"
        "before = set(sys.modules)\n"
        "import mock_core\n"
        "print(' '.join(sorted(set(sys.modules) - before)))\n"
    )
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    added = out.stdout.split()
    others = [name for name in added if name.split(".")[0] != "mock_core"]
    assert set(others) <= ALLOWED, others


def test_asserting_a_run_of_calls_works_after_a_bare_import() -> None:
    # _operator is loaded on the first assert_has_calls that needs it, not at import.
    code = (
        "import mock_core\n"
        "m = mock_core.Mock()\n"
        "m(1); m(2); m.a(3)\n"
        "m.assert_has_calls([mock_core.call(2), mock_core.call.a(3)])\n"
        "print('ok')\n"
    )
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.strip() == "ok"
