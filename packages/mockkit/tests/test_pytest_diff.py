"""Readable assertion failures under pytest: the standard message, then the arguments that
differ, in the report of a test that fails; unchanged for a test that catches the failure."""

from __future__ import annotations

import asyncio
import textwrap
from collections.abc import Iterator
from typing import Any

import pytest
from pytester_support import QUIET, run

import mockkit
from _mockkit_pytest import _diff
from mock_core import plugins
from mock_core._registry import registry

pytest_plugins = ["pytester"]


@pytest.fixture
def rendering() -> Iterator[None]:
    """The renderer registered, whether or not this run has the plugin."""
    _diff.activate()
    yield
    _diff.deactivate()


def _failure(action: Any) -> str:
    """The message of the failure ``action`` raises, as a failing test would report it."""
    with pytest.raises(AssertionError) as info:
        action()
    _diff.extend(info.value)
    return str(info.value)


def test_positional_and_keyword_differences(rendering: None) -> None:
    m = mockkit.Mock(name="m")
    m("fo", 1, key={"a": 1}, same=2)
    message = _failure(lambda: m.assert_called_with("", 1, bar=4, key={"a": 2}, same=2))
    assert message == textwrap.dedent(
        """\
        expected call not found.
        Expected: m('', 1, bar=4, key={'a': 2}, same=2)
          Actual: m('fo', 1, key={'a': 1}, same=2)

        Arguments that differ (- expected, + actual):
          positional argument 0:
            - ''
            + 'fo'
          keyword argument 'bar':
            - 4
            + (not passed)
          keyword argument 'key':
            - {'a': 2}
            + {'a': 1}"""
    )


def test_missing_and_extra_positional_arguments(rendering: None) -> None:
    m = mockkit.MagicMock()
    m(1, 2, 3)
    message = _failure(lambda: m.assert_called_once_with(1))
    assert message.endswith(
        "  positional argument 1:\n    - (not passed)\n    + 2\n"
        "  positional argument 2:\n    - (not passed)\n    + 3"
    )


def test_the_standard_message_comes_first(rendering: None) -> None:
    m = mockkit.Mock()
    m(1)
    plain = "expected call not found.\nExpected: mock(2)\n  Actual: mock(1)"
    assert _failure(lambda: m.assert_called_with(2)).startswith(plain + "\n\n" + _diff.HEADER)


def test_any_and_equal_arguments_are_not_listed(rendering: None) -> None:
    m = mockkit.Mock()
    m(1, 2, x=3)
    message = _failure(lambda: m.assert_called_with(mockkit.ANY, 5, x=mockkit.ANY))
    assert "positional argument 0" not in message
    assert "keyword argument 'x'" not in message
    assert "positional argument 1:\n    - 5\n    + 2" in message


def test_arguments_are_named_after_the_signature(rendering: None) -> None:
    def f(a: int, b: int, *, c: int = 0) -> None:
        pass

    spec = mockkit.create_autospec(f)
    spec(1, b=2)
    spec.assert_called_with(1, 2)  # the same call, bound to the signature
    message = _failure(lambda: spec.assert_called_with(1, 3, c=1))
    assert "argument 'b' (position 1):\n    - 3\n    + 2" in message
    assert "keyword argument 'c':\n    - 1\n    + (not passed)" in message
    assert "argument 'a'" not in message


def test_calls_that_do_not_fit_the_signature_are_shown_as_made(rendering: None) -> None:
    def f(a: int) -> None:
        pass

    spec = mockkit.create_autospec(f)
    spec(1)
    message = _failure(lambda: spec.assert_called_with(1, 2))
    assert "positional argument 1:\n    - 2\n    + (not passed)" in message


def test_long_values_are_diffed_line_by_line(rendering: None) -> None:
    m = mockkit.Mock()
    actual = {f"key{i}": i for i in range(12)}
    expected = {**actual, "key5": "five"}
    m(actual)
    message = _failure(lambda: m.assert_called_with(expected))
    assert "  positional argument 0:\n    " in message
    # ndiff's "- " and "+ " come before pprint's own indentation.
    assert "    -  'key5': 'five',\n" in message
    assert "    +  'key5': 5,\n" in message
    assert "      'key4': 4,\n" in message


def test_values_that_cannot_be_compared_or_shown() -> None:
    class Hostile:
        def __eq__(self, other: object) -> bool:
            raise RuntimeError("no comparing")

        def __repr__(self) -> str:
            raise RuntimeError("no repr")

        __hash__ = object.__hash__

    diff = _diff.argument_diff(None, mockkit.call(Hostile()), mockkit.call(1))
    assert diff.startswith(f"{_diff.HEADER}\n  positional argument 0:\n    - <")
    assert "Hostile object at 0x" in diff
    assert diff.endswith("\n    + 1")


def test_no_difference_no_block() -> None:
    assert _diff.argument_diff(None, ((1,), {"a": 2}), mockkit.call(1, a=2)) == ""


def test_awaits_are_diffed_too(rendering: None) -> None:
    m = mockkit.AsyncMock(name="fetch")
    asyncio.run(m("a", retries=1))
    message = _failure(lambda: m.assert_awaited_with("b", retries=1))
    assert message.startswith("expected await not found.")
    assert "positional argument 0:\n    - 'b'\n    + 'a'" in message


def test_other_failures_are_left_alone(rendering: None) -> None:
    m = mockkit.Mock()
    assert _diff.HEADER not in _failure(lambda: m.assert_called_with(1))  # not called
    m(1)
    m(1)
    assert _diff.HEADER not in _failure(lambda: m.assert_called_once_with(1))  # twice
    assert _diff.HEADER not in _failure(lambda: m.assert_any_call(2))
    assert _diff.HEADER not in _failure(lambda: m.assert_has_calls([mockkit.call(3)]))


def test_a_caught_failure_keeps_the_standard_message(rendering: None) -> None:
    m = mockkit.Mock()
    m(1)
    with pytest.raises(AssertionError) as info:
        m.assert_called_with(2)
    assert str(info.value) == "expected call not found.\nExpected: mock(2)\n  Actual: mock(1)"


def test_extend_changes_only_remembered_failures(rendering: None) -> None:
    assert not _diff.extend(AssertionError("expected call not found."))
    assert not _diff.extend(ValueError("x"))
    m = mockkit.Mock()
    m(1)
    with pytest.raises(AssertionError) as info:
        m.assert_called_with(2)
    error = info.value
    assert _diff.extend(error)
    assert not _diff.extend(error)  # once
    assert str(error).count(_diff.HEADER) == 1
    with pytest.raises(AssertionError) as info:
        m.assert_called_with(3)
    _diff.forget()
    assert not _diff.extend(info.value)


def test_activation_is_counted() -> None:
    before = list(registry.renderers)
    was_active = _diff.active()
    _diff.activate()
    _diff.activate()
    _diff.deactivate()
    assert _diff.active() and _diff.remember in registry.renderers
    _diff.deactivate()
    assert _diff.active() is was_active
    assert registry.renderers == before


def test_the_renderer_is_the_plugin_point(rendering: None) -> None:
    assert _diff.remember in registry.renderers
    assert hasattr(plugins, "add_failure_renderer")


# -- end to end ----------------------------------------------------------------------------

FAILING = """
    import mockkit


    def test_fails():
        m = mockkit.Mock()
        m("fo")
        m.assert_called_once_with("", bar=4)
"""


def test_pytest_shows_the_diff(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_it=FAILING)
    result = run(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "E       AssertionError: expected call not found.",
            "E       Expected: mock('', bar=4)",
            "E         Actual: mock('fo')",
            "E       ",
            "E       Arguments that differ (- expected, + actual):",
            "E         positional argument 0:",
            "E           - ''",
            "E           + 'fo'",
            "E         keyword argument 'bar':",
            "E           - 4",
            "E           + (not passed)",
        ]
    )


def test_the_report_ends_at_the_test(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_it="""
        import mockkit


        def test_diff():
            m = mockkit.Mock()
            m(1)
            m.assert_called_with(2)


        def test_count():
            mockkit.Mock().assert_called_once()
        """
    )
    result = run(pytester)
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(["test_it.py:7: AssertionError", "test_it.py:11: AssertionError"])
    result.stdout.no_fnmatch_line("*mock_core*")
    # All of it on request.
    run(pytester, "--full-trace").stdout.fnmatch_lines(["*mock_core*_assertions.py:*"])


def test_unittest_test_cases_too(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_it="""
        import unittest

        import mockkit


        class TestIt(unittest.TestCase):
            def test_fails(self):
                m = mockkit.Mock()
                m("fo")
                m.assert_called_once_with("", bar=4)
        """
    )
    result = run(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["E*Arguments that differ (- expected, + actual):"])


def test_failures_in_fixtures_too(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_it="""
        import pytest

        import mockkit


        @pytest.fixture
        def checked():
            m = mockkit.Mock()
            yield m
            m.assert_called_with(2)


        def test_uses(checked):
            checked(1)
        """
    )
    result = run(pytester)
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(["E*Arguments that differ (- expected, + actual):"])


def test_a_test_that_catches_sees_the_standard_message(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_it="""
        import pytest

        import mockkit


        def test_catches():
            m = mockkit.Mock()
            m(1)
            with pytest.raises(AssertionError) as info:
                m.assert_called_with(2)
            assert str(info.value) == (
                "expected call not found.\\nExpected: mock(2)\\n  Actual: mock(1)"
            )
        """
    )
    run(pytester).assert_outcomes(passed=1)


def test_only_while_pytest_runs_with_the_plugin(pytester: pytest.Pytester) -> None:
    # Fresh interpreters: this process has the renderer registered by its own run.
    pytester.makepyfile(test_it=FAILING)
    result = pytester.runpytest_subprocess(*QUIET, "-p", "no:mockkit")
    result.assert_outcomes(failed=1)
    result.stdout.no_fnmatch_line("*Arguments that differ*")
    code = """
        import mockkit

        m = mockkit.Mock()
        m(1)
        try:
            m.assert_called_with(2)
        except AssertionError as error:
            assert "Arguments that differ" not in str(error)
        """
    pytester.makepyfile(outside=textwrap.dedent(code))
    assert pytester.runpython(pytester.path / "outside.py").ret == 0
