"""The staged mock_extras uses only public names of mock-core, as the repository's guard
(tests/test_layer_public_api.py) will check once it is the real package."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
GUARD = ROOT / "tests" / "test_layer_public_api.py"


@pytest.mark.skipif(not GUARD.exists(), reason="the repository's layer guard is not here")
def test_staged_extras_use_only_public_names(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = importlib.util.spec_from_file_location("layer_guard_for_staging", GUARD)
    assert spec is not None and spec.loader is not None
    guard = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, guard)
    spec.loader.exec_module(guard)
    staged = ROOT / "packages" / "mock-extras-staging" / "src" / "mock_extras"
    monkeypatch.setitem(guard.PACKAGES, "mock_extras", staged)
    found = guard._violations("mock_extras", guard._core_internals())
    assert not found, "\n".join(found)


def test_imports_only_core_besides_the_standard_library() -> None:
    # mock-extras depends on mock-core alone: its modules import nothing else of ours.
    staged = ROOT / "packages" / "mock-extras-staging" / "src" / "mock_extras"
    ours = ("mock_magic", "mock_spec", "mock_patch", "mockkit")
    for path in staged.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for name in ours:
            assert f"import {name}" not in text and f"from {name}" not in text, path
