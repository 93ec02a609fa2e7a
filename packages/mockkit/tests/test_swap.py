"""The switch: unittest.mock, mock and mock.mock resolve to mockkit, and it undoes itself."""

from __future__ import annotations

import importlib
import subprocess
import sys
import textwrap
import types
import unittest
from collections.abc import Iterator
from pathlib import Path

import pytest

import mockkit
from mockkit import swap

NAMES = ("unittest.mock", "mock", "mock.mock")
_ABSENT = object()


def _state() -> tuple[dict[str, object], object, object]:
    modules = {name: sys.modules.get(name, _ABSENT) for name in NAMES}
    return modules, unittest.__dict__.get("mock", _ABSENT), mockkit.__dict__.get("mock", _ABSENT)


def _assert_same_state(before: tuple[dict[str, object], object, object]) -> None:
    after = _state()
    for name in NAMES:
        assert after[0][name] is before[0][name], name
    assert after[1] is before[1]
    assert after[2] is before[2]


@pytest.fixture(autouse=True)
def _switched_off() -> Iterator[None]:
    assert not swap.is_installed()
    yield
    swap.uninstall()


def test_install_redirects_every_spelling() -> None:
    before = _state()
    assert swap.install() is mockkit
    try:
        import unittest.mock

        assert unittest.mock is mockkit
        from unittest import mock as from_unittest

        assert from_unittest is mockkit
        import unittest.mock as aliased

        assert aliased is mockkit
        assert importlib.import_module("unittest.mock") is mockkit
        import mock  # type: ignore[import-not-found,unused-ignore]  # noqa: UP026

        assert mock is mockkit
        import mock.mock  # type: ignore[import-not-found,unused-ignore]  # noqa: UP026

        assert mock.mock is mockkit
        from mock import mock as backport_submodule  # noqa: UP026

        assert backport_submodule is mockkit
        from unittest.mock import MagicMock, patch

        assert MagicMock is mockkit.MagicMock
        assert patch is mockkit.patch
    finally:
        swap.uninstall()
    _assert_same_state(before)


def test_uninstall_restores_previous_entries_exactly() -> None:
    # Stand-ins for a previously imported stdlib module and an installed backport.
    fake_stdlib = types.ModuleType("unittest.mock")
    fake_backport = types.ModuleType("mock")
    fake_sub = types.ModuleType("mock.mock")
    saved = _state()
    sys.modules["unittest.mock"] = fake_stdlib
    sys.modules["mock"] = fake_backport
    sys.modules["mock.mock"] = fake_sub
    unittest.mock = fake_stdlib  # type: ignore[assignment]
    try:
        before = _state()
        swap.install()
        assert all(sys.modules[name] is mockkit for name in NAMES)
        swap.uninstall()
        _assert_same_state(before)
        assert sys.modules["unittest.mock"] is fake_stdlib
    finally:
        for name, previous in saved[0].items():
            if previous is _ABSENT:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = previous  # type: ignore[assignment]
        if saved[1] is _ABSENT:
            unittest.__dict__.pop("mock", None)
        else:
            unittest.mock = saved[1]  # type: ignore[assignment]


def test_install_and_uninstall_are_idempotent() -> None:
    before = _state()
    swap.uninstall()
    _assert_same_state(before)
    swap.install()
    swap.install()
    assert swap.is_installed()
    swap.uninstall()
    assert not swap.is_installed()
    _assert_same_state(before)
    swap.uninstall()
    _assert_same_state(before)


def test_installed_context_manager_undoes_itself_on_error() -> None:
    before = _state()
    with pytest.raises(KeyError), swap.installed() as kit:
        assert kit is mockkit
        assert sys.modules["unittest.mock"] is mockkit
        raise KeyError
    assert not swap.is_installed()
    _assert_same_state(before)


def test_installed_inside_install_leaves_it_on() -> None:
    swap.install()
    with swap.installed():
        pass
    assert swap.is_installed()
    assert sys.modules["unittest.mock"] is mockkit


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run a fresh interpreter with ``args``."""
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def test_fresh_interpreter_before_anything_imported_unittest_mock() -> None:
    result = _run(
        "-c",
        textwrap.dedent(
            """
            import sys
            import mockkit, mockkit.swap
            assert "unittest.mock" not in sys.modules
            mockkit.swap.install()
            import unittest.mock
            assert unittest.mock is mockkit
            mockkit.swap.uninstall()
            import unittest
            assert "unittest.mock" not in sys.modules
            assert "mock" not in sys.modules and "mock.mock" not in sys.modules
            assert not hasattr(unittest, "mock")
            assert not hasattr(mockkit, "mock")
            import unittest.mock
            assert unittest.mock is not mockkit and unittest.mock.__name__ == "unittest.mock"
            print("ok")
            """
        ),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_python_dash_m_mockkit_runs_unittest_on_mockkit(tmp_path: Path) -> None:
    (tmp_path / "test_uses_mock.py").write_text(
        textwrap.dedent(
            """
            import unittest
            from unittest import mock

            class T(unittest.TestCase):
                def test_it(self):
                    import mockkit
                    self.assertIs(mock, mockkit)
                    with mock.patch("os.getcwd", return_value="x"):
                        import os
                        self.assertEqual(os.getcwd(), "x")
            """
        )
    )
    result = _run("-m", "mockkit", "-m", "unittest", "-v", "test_uses_mock", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Ran 1 test" in result.stderr


def test_python_dash_m_mockkit_runs_a_script(tmp_path: Path) -> None:
    script = tmp_path / "script.py"
    script.write_text(
        "import sys, unittest.mock, mockkit\nprint(unittest.mock is mockkit, sys.argv[1:])\n"
    )
    result = _run("-m", "mockkit", str(script), "a", "b")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True ['a', 'b']"


def test_python_dash_m_mockkit_without_arguments_prints_usage() -> None:
    result = _run("-m", "mockkit")
    assert result.returncode == 2
    assert "usage" in result.stderr
