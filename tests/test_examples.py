"""The demonstration application's tests pass with mockkit as unittest.mock."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_weather_demo_passes_and_says_what_it_checked() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "weather" / "run_demo.py")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    checks = [line for line in result.stdout.splitlines() if line.strip().startswith("checked:")]
    assert len(checks) == 5, result.stdout
    assert "demo passed" in result.stdout
