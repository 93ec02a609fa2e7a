"""`@mockkit.patch`-decorated tests under pytest: every parameter a patch fills in is left
out of the fixtures pytest looks for, and nothing else is."""

from __future__ import annotations

import inspect
import os
import sys
import textwrap

# Imported here so that the in-process runs find it in sys.modules, as a real run would:
# pytester forgets modules first imported inside a run but not the attribute on `unittest`.
import unittest.mock  # noqa: F401

import pytest
from pytester_support import QUIET, run

import mockkit
from _mockkit_pytest import _argnames
from mockkit import swap

pytest_plugins = ["pytester"]

FORMS = """
    import inspect
    import os
    import sys

    import pytest

    import mockkit
    from mockkit import DEFAULT, patch


    @pytest.fixture
    def answer():
        return 42


    @patch("os.getcwd")
    def test_function(getcwd, tmp_path, answer):
        assert os.getcwd is getcwd
        assert answer == 42 and tmp_path.is_dir()


    @patch("os.getcwd")
    @patch.object(os, "listdir")
    @patch("os.path.exists", autospec=True)
    def test_stacked(exists, listdir, getcwd, request, answer):
        assert (os.getcwd, os.listdir, os.path.exists) == (getcwd, listdir, exists)
        assert request.function.__name__ == "test_stacked"


    @patch("os.sep", "|")
    @patch("os.getcwd", new_callable=mockkit.PropertyMock)
    def test_new_is_not_passed(getcwd, answer):
        assert os.sep == "|" and isinstance(getcwd, mockkit.PropertyMock)


    @patch.multiple("os", remove=DEFAULT, listdir=DEFAULT, sep="/")
    def test_multiple_by_name(answer, remove, listdir):
        assert (os.remove, os.listdir) == (remove, listdir)


    @patch.multiple("os", remove=DEFAULT)
    @patch("os.getcwd")
    @patch.multiple("os", listdir=DEFAULT)
    def test_multiple_mixed(getcwd, tmp_path, listdir, **more):
        assert (os.getcwd, os.listdir, os.remove) == (getcwd, listdir, more["remove"])


    @pytest.mark.parametrize("x", [1, 2])
    @patch("os.getcwd")
    def test_parametrized(getcwd, x, answer):
        assert os.getcwd is getcwd and x in (1, 2)


    @patch("os.getcwd", return_value="/srv")
    @pytest.mark.parametrize(("x", "y"), [(1, 2)])
    def test_parametrize_outside(getcwd, x, y):
        assert os.getcwd() == "/srv" and (x, y) == (1, 2)


    @pytest.fixture
    @patch("os.getcwd", return_value="/fixture")
    def cwd_seen_by_fixture(getcwd, answer):
        return os.getcwd()


    def test_patched_fixture(cwd_seen_by_fixture):
        assert cwd_seen_by_fixture == "/fixture"


    class TestMethods:
        @patch("os.getcwd")
        def test_method(self, getcwd, answer):
            assert os.getcwd is getcwd

        @patch.multiple("os", remove=DEFAULT)
        @patch.object(os, "listdir")
        @pytest.mark.parametrize("x", ["a"])
        def test_method_stacked(self, listdir, x, remove, tmp_path):
            assert (os.listdir, os.remove, x) == (listdir, remove, "a")

        @staticmethod
        @patch("os.getcwd")
        def test_static(getcwd, answer):
            assert os.getcwd is getcwd


    @patch("os.getcwd")
    @patch.multiple("os", remove=DEFAULT)
    class TestDecoratedClass:
        def test_one(self, getcwd, answer, remove):
            assert (os.getcwd, os.remove) == (getcwd, remove)

        @pytest.mark.parametrize("x", [3])
        def test_two(self, getcwd, x, remove):
            assert (os.getcwd, x) == (getcwd, 3)

        @patch("os.listdir")
        def test_own_patch_too(self, listdir, getcwd, tmp_path, remove):
            assert (os.listdir, os.getcwd) == (listdir, getcwd)

        def helper_is_not_patched(self):
            return os.getcwd


    def test_signature_is_the_original():
        assert list(inspect.signature(test_stacked).parameters) == [
            "exists", "listdir", "getcwd", "request", "answer"
        ]
        assert list(inspect.signature(test_multiple_by_name).parameters) == [
            "answer", "remove", "listdir"
        ]


    def test_unittest_mock_not_imported():
        # Only meaningful in a fresh interpreter: the in-process runs share sys.modules.
        if os.environ.get("MOCKKIT_FRESH_INTERPRETER"):
            assert "unittest.mock" not in sys.modules
"""

# 9 module-level tests (counting parametrized cases), 3 methods, 3 in the decorated class and
# 2 checks.
EXPECTED = 17


def test_every_decorated_form_runs(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_forms=textwrap.dedent(FORMS))
    result = run(pytester)
    result.assert_outcomes(passed=EXPECTED)


def test_every_form_in_a_fresh_interpreter(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The in-process runs share pytest's modules with this run; a subprocess starts clean,
    # which is also where "unittest.mock was never imported" means something.
    pytester.makepyfile(test_forms=textwrap.dedent(FORMS))
    monkeypatch.setenv("MOCKKIT_FRESH_INTERPRETER", "1")
    result = run(pytester, subprocess=True)
    result.assert_outcomes(passed=EXPECTED)


def test_without_the_plugin_mockkit_itself_tells_pytest(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Plugin autoloading off and the plugin not named: importing mockkit under pytest is
    # enough for decorated tests (the mocker fixture is then, of course, missing).
    pytester.makepyfile(test_forms=textwrap.dedent(FORMS))
    pytester.makepyfile(
        test_no_mocker="""
        def test_needs_mocker(mocker):
            pass
        """
    )
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    result = pytester.runpytest_subprocess(*QUIET)
    result.assert_outcomes(passed=EXPECTED, errors=1)
    result.stdout.fnmatch_lines(["*fixture 'mocker' not found*"])


def test_swapped_unittest_mock_is_not_counted_twice(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_swapped="""
        import os
        import unittest.mock

        import mockkit


        def test_is_mockkit():
            assert unittest.mock is mockkit


        @unittest.mock.patch("os.getcwd")
        @mockkit.patch("os.listdir")
        def test_both_spellings(listdir, getcwd, tmp_path):
            assert (os.getcwd, os.listdir) == (getcwd, listdir)


        @unittest.mock.patch.multiple("os", remove=unittest.mock.DEFAULT)
        def test_multiple(tmp_path, remove):
            assert os.remove is remove
        """
    )
    result = run(pytester, "--mockkit-as-unittest-mock")
    result.assert_outcomes(passed=3)


def test_standard_library_patches_are_left_to_pytest(pytester: pytest.Pytester) -> None:
    # pytest's own handling of unittest.mock is unchanged, including what it does not
    # support (patch.multiple's names are not recognised for the standard library).
    pytester.makepyfile(
        test_stdlib="""
        import os
        from unittest import mock


        @mock.patch("os.getcwd")
        def test_patch(getcwd, tmp_path):
            assert os.getcwd is getcwd


        @mock.patch.multiple("os", remove=mock.DEFAULT)
        def test_multiple(remove):
            pass
        """
    )
    result = run(pytester)
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(["*fixture 'remove' not found*"])


def test_a_real_fixture_named_like_no_patch_is_still_requested(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_missing="""
        from mockkit import patch


        @patch("os.getcwd")
        def test_x(getcwd, no_such_fixture):
            pass
        """
    )
    result = run(pytester)
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*fixture 'no_such_fixture' not found*"])


# -- the wrappers themselves ---------------------------------------------------------------


def test_install_is_idempotent_and_wraps_pytest() -> None:
    import _pytest.compat
    import _pytest.fixtures

    assert _argnames.install()
    count = _pytest.compat.num_mock_patch_args
    names = _pytest.compat.getfuncargnames
    assert _argnames.install()
    assert _argnames.installed()
    assert _pytest.compat.num_mock_patch_args is count
    assert _pytest.compat.getfuncargnames is names
    assert _pytest.fixtures.getfuncargnames is names


@mockkit.patch("os.sep", "|")
@mockkit.patch.multiple("os", remove=mockkit.DEFAULT, listdir="x")
@mockkit.patch("os.getcwd")
@mockkit.patch.object(os, "getpid")
def _decorated(getpid: object, getcwd: object, fixture: object, remove: object) -> None:
    """Not a test: inspected by the tests below."""


def test_counts_positional_mocks() -> None:
    assert _argnames.positional_injected(_decorated) == 2
    assert _argnames.keyword_injected(_decorated) == {"remove"}


def test_counts_nothing_once_pytest_recognises_mockkit() -> None:
    with swap.installed():
        assert _argnames.positional_injected(_decorated) == 0
    assert _argnames.positional_injected(_decorated) == 2


def test_counts_nothing_for_undecorated_functions() -> None:
    assert _argnames.positional_injected(test_counts_positional_mocks) == 0
    assert _argnames.keyword_injected(test_counts_positional_mocks) == frozenset()


def test_pytest_sees_only_the_fixture() -> None:
    from _pytest.compat import getfuncargnames

    assert getfuncargnames(_decorated) == ("fixture",)


def test_signature_is_unchanged() -> None:
    assert list(inspect.signature(_decorated).parameters) == [
        "getpid",
        "getcwd",
        "fixture",
        "remove",
    ]


def test_mockkit_never_imports_unittest_mock() -> None:
    code = (
        "import sys, _pytest.compat, mockkit, mockkit.pytest_plugin;"
        "assert 'unittest.mock' not in sys.modules, 'imported';"
        "from _mockkit_pytest import _argnames; assert _argnames.installed()"
    )
    import subprocess

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
