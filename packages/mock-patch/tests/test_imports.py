"""Importing mock_patch costs little: no asyncio, inspect, pkgutil or mock_spec up front."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

import mock_core
import mock_patch

pytestmark = pytest.mark.skipif(
    type(mock_core.DEFAULT).__module__ == "unittest.mock",
    reason="mock_core is a development stand-in built on unittest.mock",
)

HEAVY = ("asyncio", "inspect", "pkgutil", "mock_spec", "mockkit", "unittest.mock")


def _run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_import_loads_nothing_heavy() -> None:
    loaded = _run(
        f"""
        import sys
        import mock_patch
        print(sorted(name for name in {HEAVY!r} if name in sys.modules))
        """
    )
    assert loaded == "[]"


def test_patching_plain_targets_loads_nothing_heavy() -> None:
    loaded = _run(
        f"""
        import os, sys
        from mock_patch import patch

        class Thing:
            value = 1

        @patch.object(Thing, "value", 2)
        def decorated():
            return Thing.value

        with patch("os.getcwd", "here"), patch.dict(os.environ, A="1"):
            assert decorated() == 2
        assert os.getcwd() != "here"
        print(sorted(name for name in {HEAVY!r} if name in sys.modules))
        """
    )
    assert loaded == "[]"


def test_public_names() -> None:
    assert mock_patch.__all__ == ["MissingSpecPackageError", "patch"]
    for name in (
        "_patch",
        "_patch_dict",
        "_patch_object",
        "_patch_multiple",
        "_patch_stopall",
        "_get_target",
        "_importer",
        "_dot_lookup",
        "_clear_dict",
    ):
        assert hasattr(mock_patch, name), name
    patch = mock_patch.patch
    assert patch.object is mock_patch._patch_object
    assert patch.dict is mock_patch._patch_dict
    assert patch.multiple is mock_patch._patch_multiple
    assert patch.stopall is mock_patch._patch_stopall
    assert patch.TEST_PREFIX == "test"
