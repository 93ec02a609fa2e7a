"""The switch as a pytest option: `--mockkit-as-unittest-mock` / `mockkit_as_unittest_mock`."""

from __future__ import annotations

import sys
import unittest

# Imported before any in-process run, as a real run would have it: pytester forgets modules
# first imported inside a run, but not the attribute they leave on their package.
import unittest.mock
from collections.abc import Iterator

import pytest
from pytester_support import run

import mockkit
from mockkit import swap

pytest_plugins = ["pytester"]

NAMES = ("unittest.mock", "mock", "mock.mock")
_ABSENT = object()

CHECKS = """
    import sys
    import unittest

    import mockkit


    def test_every_spelling_is_mockkit():
        import unittest.mock
        from unittest import mock
        from unittest.mock import MagicMock, patch
        import mock as backport
        import mock.mock as backport_module

        assert unittest.mock is mock is backport is backport_module is mockkit
        assert (MagicMock, patch) == (mockkit.MagicMock, mockkit.patch)


    def test_conftest_imports_were_switched_too(request):
        assert request.config.pluginmanager.get_plugin(
            str(request.config.rootpath / "conftest.py")
        ).MOCK_SEEN_BY_CONFTEST is mockkit
"""

CONFTEST = """
    from unittest import mock

    MOCK_SEEN_BY_CONFTEST = mock
"""

HEADER = "mockkit *: unittest.mock, mock and mock.mock resolve to mockkit"


def _state() -> tuple[tuple[object, ...], object]:
    modules = tuple(sys.modules.get(name, _ABSENT) for name in NAMES)
    return modules, unittest.__dict__.get("mock", _ABSENT)


@pytest.fixture(autouse=True)
def _switch_left_as_found() -> Iterator[None]:
    assert not swap.is_installed()
    before = _state()
    yield
    swap.uninstall()
    assert _state() == before


def test_option_switches_for_the_whole_run(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_checks=CHECKS)
    result = run(pytester, "--mockkit-as-unittest-mock")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines([HEADER])
    assert not swap.is_installed()


def test_ini_option_switches_too(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nmockkit_as_unittest_mock = true\n")
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_checks=CHECKS)
    run(pytester).assert_outcomes(passed=2)
    assert not swap.is_installed()


def test_ini_option_can_be_overridden(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nmockkit_as_unittest_mock = true\n")
    pytester.makepyfile(
        test_off="""
        import unittest.mock

        import mockkit


        def test_standard_library():
            assert unittest.mock is not mockkit
        """
    )
    result = run(pytester, "-o", "mockkit_as_unittest_mock=false")
    result.assert_outcomes(passed=1)
    result.stdout.no_fnmatch_line(HEADER)


def test_off_by_default(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_off="""
        import unittest.mock

        import mockkit


        def test_standard_library():
            assert unittest.mock is not mockkit
            assert unittest.mock.Mock.__module__ == "unittest.mock"
        """
    )
    result = run(pytester)
    result.assert_outcomes(passed=1)
    result.stdout.no_fnmatch_line(HEADER)


def test_a_switch_already_on_stays_on(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_checks=CHECKS.split("def test_conftest")[0])
    swap.install()
    try:
        run(pytester, "--mockkit-as-unittest-mock").assert_outcomes(passed=1)
        assert swap.is_installed()
        assert sys.modules["unittest.mock"] is mockkit
    finally:
        swap.uninstall()


def test_the_option_is_documented_in_help(pytester: pytest.Pytester) -> None:
    result = run(pytester, "--help")
    result.stdout.fnmatch_lines(["*--mockkit-as-unittest-mock*", "*mockkit_as_unittest_mock*"])


def test_an_unmodified_suite_runs_on_mockkit(pytester: pytest.Pytester) -> None:
    # A suite written for unittest.mock, in both pytest's and unittest's styles, in a fresh
    # interpreter: every mock it makes is mockkit's.
    pytester.makepyfile(
        test_suite="""
        import os
        import unittest
        from unittest import mock
        from unittest.mock import MagicMock, call, patch

        import pytest


        @patch("os.getcwd", return_value="/srv")
        def test_decorated(getcwd, tmp_path):
            assert os.getcwd() == "/srv"
            assert type(getcwd).__mro__[1] is MagicMock
            assert MagicMock.__module__.startswith("mock_magic")


        @pytest.mark.parametrize("n", [1, 2])
        @mock.patch.object(os, "listdir")
        def test_parametrized(listdir, n):
            os.listdir("x")
            assert listdir.mock_calls == [call("x")]


        class TestCase(unittest.TestCase):
            @patch("os.getcwd")
            def test_method(self, getcwd):
                os.getcwd()
                getcwd.assert_called_once_with()
                self.assertTrue(mock.Mock.__module__.startswith("mock_core"))
        """
    )
    result = run(pytester, "--mockkit-as-unittest-mock", subprocess=True)
    result.assert_outcomes(passed=4)
