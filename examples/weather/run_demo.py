"""Run the weather app's tests with mockkit standing in for ``unittest.mock``.

    python examples/weather/run_demo.py

The switch is turned on before the tests are imported, exactly as for an existing suite;
each test prints what it checked. Exits non-zero if any test fails.
"""

from __future__ import annotations

import sys
import unittest
from pathlib import Path

import mockkit.swap

HERE = Path(__file__).resolve().parent


def main() -> int:
    """Switch unittest.mock to mockkit, run the tests, print a summary."""
    mockkit.swap.install()
    print(f"mockkit {mockkit.__version__} is unittest.mock now; running the weather app's tests:")
    sys.path.insert(0, str(HERE))
    suite = unittest.defaultTestLoader.discover(str(HERE), pattern="test_*.py")
    result = unittest.TextTestRunner(stream=sys.stdout, verbosity=0).run(suite)
    if result.wasSuccessful():
        print(f"demo passed: {result.testsRun} tests, unittest.mock was mockkit throughout")
        return 0
    print("demo FAILED", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
