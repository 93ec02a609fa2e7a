"""The plugin's fixtures: provided in every scope, undone at the end of it, and absent when
pytest-mock is active."""

from __future__ import annotations

import sys
import textwrap

import pytest
from pytester_support import (
    BARE,
    PLUGIN_ARGS,
    QUIET,
    plugin_installed,
    pytest_mock_installed,
    run,
)

import mockkit.pytest_plugin

pytest_plugins = ["pytester"]

SCOPES = ["function", "class", "module", "package", "session"]


def test_the_mocker_is_ours(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_it="""
        import os

        import mockkit
        from mockkit.pytest_plugin import MockerFixture


        def test_mocker(mocker):
            assert type(mocker) is MockerFixture
            assert mocker.patch("os.getcwd", return_value="/x")() == "/x"
            assert isinstance(os.getcwd, mockkit.MagicMock)


        def test_undone_after_the_test():
            assert not isinstance(os.getcwd, mockkit.Mock)
        """
    )
    run(pytester).assert_outcomes(passed=2)


def test_fixtures_are_listed(pytester: pytest.Pytester) -> None:
    result = run(pytester, "--fixtures")
    result.stdout.fnmatch_lines(
        [
            "class_mocker [[]class scope[]] -- *",
            "mocker -- *",
            "module_mocker [[]module scope[]] -- *",
            "package_mocker [[]package scope[]] -- *",
            "session_mocker [[]session scope[]] -- *",
        ]
    )
    result.stdout.fnmatch_lines(["*patches are undone at the end of the session*"])


def test_class_mocker_for_a_unittest_class(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_a="""
        import random
        import unittest

        import pytest


        class TestRandom(unittest.TestCase):
            @pytest.fixture(autouse=True, scope="class")
            def fixed(self, class_mocker):
                return class_mocker.patch("random.randint", lambda low, high: 5)

            def test_one(self):
                self.assertEqual(random.randint(0, 1), 5)

            def test_two(self):
                self.assertEqual(random.randint(0, 1), 5)


        def test_after_the_class():
            assert random.randint(0, 0) == 0
        """
    )
    run(pytester).assert_outcomes(passed=3)


@pytest.mark.parametrize("scope", ["module", "package", "session"])
def test_wider_scopes(pytester: pytest.Pytester, scope: str) -> None:
    conftest = f"""
        import random

        import pytest


        @pytest.fixture(autouse=True, scope="{scope}")
        def fixed({scope}_mocker):
            return {scope}_mocker.patch("random.randint", lambda low, high: 5)
        """
    first = """
        import random
        import sys


        def test_one():
            assert random.randint(0, 1) == 5
            sys.mockkit_first_patch = random.randint


        def test_two(fixed):
            assert random.randint is fixed is sys.mockkit_first_patch
        """
    second = f"""
        import random
        import sys


        def test_same_package_later():
            assert random.randint(0, 1) == 5
            # A module scope patched again for this module; the others still have theirs.
            assert (random.randint is sys.mockkit_first_patch) is {scope != "module"}
        """
    other_package = f"""
        import random


        def test_other_package():
            # A plugin's package-scoped fixture belongs to no package: pytest keeps it
            # until the session ends (pytest-mock's package_mocker does the same).
            assert (random.randint(0, 0) == 5) is {scope != "module"}
        """
    for package in ("pkg_a", "pkg_b"):
        pytester.mkpydir(package)
    pytester.makepyfile(
        **{
            "pkg_a/conftest": textwrap.dedent(conftest),
            "pkg_a/test_a": textwrap.dedent(first),
            "pkg_a/test_b": textwrap.dedent(second),
            "pkg_b/test_c": textwrap.dedent(other_package),
        }
    )
    try:
        run(pytester).assert_outcomes(passed=4)
    finally:
        sys.__dict__.pop("mockkit_first_patch", None)


def test_patches_of_a_failing_test_are_undone(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_it="""
        import os

        import mockkit


        def test_fails(mocker):
            mocker.patch("os.getcwd")
            raise RuntimeError("boom")


        def test_next():
            assert not isinstance(os.getcwd, mockkit.Mock)
        """
    )
    run(pytester).assert_outcomes(passed=1, failed=1)


FAKE_PYTEST_MOCK = """
    import pytest


    @pytest.fixture
    def mocker():
        return "theirs"
"""


# With the real pytest-mock installed, `-p pytest_mock` loads it rather than a stand-in; the
# test with the real one covers these cases there.
fake_only = pytest.mark.skipif(pytest_mock_installed(), reason="pytest-mock is installed")


@fake_only
def test_stands_aside_when_pytest_mock_is_active(pytester: pytest.Pytester) -> None:
    # A stand-in registered under pytest-mock's plugin name.
    pytester.makepyfile(pytest_mock=FAKE_PYTEST_MOCK)
    pytester.syspathinsert()
    pytester.makepyfile(
        test_it="""
        def test_mocker(mocker):
            assert mocker == "theirs"


        def test_no_other_mocker_of_ours(session_mocker):
            pass
        """
    )
    result = run(pytester, "-p", "pytest_mock")
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(["*fixture 'session_mocker' not found*"])


@fake_only
def test_pytest_mock_can_be_turned_off_to_get_ours(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(pytest_mock=FAKE_PYTEST_MOCK)
    pytester.syspathinsert()
    pytester.makepyfile(
        test_it="""
        from mockkit.pytest_plugin import MockerFixture


        def test_mocker(mocker):
            assert type(mocker) is MockerFixture
        """
    )
    run(pytester, "-p", "no:pytest_mock").assert_outcomes(passed=1)


def test_the_plugin_can_be_turned_off(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_it="""
        def test_mocker(mocker):
            pass
        """
    )
    result = pytester.runpytest_inprocess(*QUIET, "-p", "no:mockkit")
    result.assert_outcomes(errors=1)


@pytest.mark.skipif(not plugin_installed(), reason="needs the installed entry point")
def test_named_by_its_entry_point_when_autoloading_is_off(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytester.makepyfile(
        test_it="""
        def test_mocker(mocker):
            assert type(mocker).__name__ == "MockerFixture"
        """
    )
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    pytester.runpytest_subprocess(*BARE, "-p", "mockkit").assert_outcomes(passed=1)
    monkeypatch.delenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD")
    # Named while autoloading is on too: loaded once.
    pytester.runpytest_subprocess(*QUIET, "-p", "mockkit").assert_outcomes(passed=1)


def test_with_the_real_pytest_mock(pytester: pytest.Pytester) -> None:
    pytest.importorskip("pytest_mock")
    checks = """
        import os

        import pytest_mock

        import mockkit
        from mockkit.pytest_plugin import MockerFixture


        def test_mocker(mocker):
            assert type(mocker) is pytest_mock.MockerFixture
            assert isinstance(mocker.patch("os.getcwd"), mockkit.MagicMock) is SWAPPED


        def test_class_mocker(class_mocker):
            assert type(class_mocker) is pytest_mock.MockerFixture
        """
    pytester.makepyfile(test_it=checks.replace("SWAPPED", "False"))
    args = (*PLUGIN_ARGS, *BARE)
    pytester.runpytest_subprocess(*args).assert_outcomes(passed=2)
    # With the switch, pytest-mock's fixtures hand out mockkit's mocks.
    pytester.makepyfile(test_it=checks.replace("SWAPPED", "True"))
    pytester.runpytest_subprocess(*args, "--mockkit-as-unittest-mock").assert_outcomes(passed=2)
    # And without pytest-mock, the same names are ours.
    pytester.makepyfile(
        test_it="""
        from mockkit.pytest_plugin import MockerFixture


        def test_ours(mocker, session_mocker):
            assert type(mocker) is type(session_mocker) is MockerFixture
        """
    )
    pytester.runpytest_subprocess(*args, "-p", "no:pytest_mock").assert_outcomes(passed=1)


def test_loading_the_plugin_imports_no_more_than_it_needs(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_it="""
        import sys


        def test_modules():
            loaded = set(sys.modules)
            assert "_mockkit_pytest._fixtures" in loaded
            assert not {"mockkit._pytest._mocker", "mockkit._pytest._spy"} & loaded
            assert "unittest.mock" not in loaded
        """
    )
    run(pytester, subprocess=True).assert_outcomes(passed=1)


def test_the_public_names() -> None:
    from mockkit._pytest import _mocker

    assert mockkit.pytest_plugin.MockerFixture is _mocker.MockerFixture
    assert mockkit.pytest_plugin.PytestMockkitWarning is _mocker.PytestMockkitWarning
    assert issubclass(_mocker.PytestMockkitWarning, UserWarning)
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        mockkit.pytest_plugin.nothing
    assert sys.modules["mockkit.pytest_plugin"] is mockkit.pytest_plugin
