"""Failure diffs outside pytest: the argument-by-argument comparison in failure messages."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
import textwrap
from typing import Any

import pytest

from mock_core import ANY, Mock, call
from mock_extras import argument_diff, failure_diffs


def _failure(check: Any) -> str:
    with pytest.raises(AssertionError) as caught:
        check()
    return str(caught.value)


def test_off_by_default_the_message_is_the_standard_librarys() -> None:
    m = Mock(name="save")
    m("a", mode="w")
    message = _failure(lambda: m.assert_called_with("b", mode="w"))
    assert (
        message
        == "expected call not found.\nExpected: save('b', mode='w')\n  Actual: save('a', mode='w')"
    )


def test_on_the_message_keeps_its_first_lines_and_lists_what_differs() -> None:
    m = Mock(name="save")
    m("a.txt", [1, 2], mode="w")
    with failure_diffs():
        message = _failure(lambda: m.assert_called_with("b.txt", [1, 2], mode="r", extra=1))
    assert message == textwrap.dedent(
        """\
        expected call not found.
        Expected: save('b.txt', [1, 2], mode='r', extra=1)
          Actual: save('a.txt', [1, 2], mode='w')

        Differences by argument (expected, then actual):
          argument 1:
            expected: 'b.txt'
            actual:   'a.txt'
          keyword extra=:
            expected: 1
            actual:   <not passed>
          keyword mode=:
            expected: 'r'
            actual:   'w'"""
    )


def test_assert_called_once_with_gets_the_diff_too() -> None:
    m = Mock()
    m(1)
    with failure_diffs():
        message = _failure(lambda: m.assert_called_once_with(2))
    assert message.endswith("argument 1:\n    expected: 2\n    actual:   1")


def test_count_failures_are_left_alone() -> None:
    m = Mock(name="m")
    with failure_diffs():
        message = _failure(m.assert_called_once_with)
    assert message == "Expected 'm' to be called once. Called 0 times."


def test_scope_ends_and_messages_are_plain_again() -> None:
    m = Mock()
    m(1)
    with failure_diffs():
        pass
    assert "Differences" not in _failure(lambda: m.assert_called_with(2))


def test_long_values_are_compared_line_by_line() -> None:
    expected = {f"key{i}": i for i in range(12)}
    actual = dict(expected, key7=70)
    diff = argument_diff(call(expected), call(actual))
    lines = diff.splitlines()
    assert "    expected  'key7': 7," in lines
    assert "    actual    'key7': 70," in lines
    assert "              'key6': 6," in lines


def test_equal_arguments_make_no_diff_and_any_matches() -> None:
    assert argument_diff(call(1, x=[2]), call(1, x=[2])) == ""
    assert argument_diff(call(ANY, x=ANY), call(1, x=[2])) == ""
    assert argument_diff(((1,), {}), ((1,), {})) == ""


def test_a_signature_names_arguments_and_matches_by_binding() -> None:
    def save(path: str, data: object, *, mode: str = "r") -> None: ...

    signature = inspect.signature(save)
    assert argument_diff(call("p", data=1), call(path="p", data=1), signature) == ""
    diff = argument_diff(call("p", data=1), call("p", 2), signature)
    assert diff.splitlines()[1] == "  argument 2 (data):"
    # Calls that do not fit the signature are shown as written.
    assert "argument 3" in argument_diff(call(1, 2, 3), call(1, 2), signature)


def test_values_that_fail_to_compare_or_repr_are_shown_anyway() -> None:
    class Odd:
        def __eq__(self, other: object) -> bool:
            raise RuntimeError("no")

        def __repr__(self) -> str:
            raise RuntimeError("no")

        __hash__ = object.__hash__

    diff = argument_diff(call(Odd()), call(1))
    assert "Odd object at" in diff.splitlines()[2]
    assert diff.splitlines()[3].split() == ["actual", "1"]


def _unittest(directory: Any, features: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, MOCK_EXTRAS=features)
    return subprocess.run(
        [sys.executable, "-m", "unittest", "test_sample"],
        cwd=directory,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_unittest_run_shows_the_diff_with_the_environment_variable(tmp_path: Any) -> None:
    test_file = tmp_path / "test_sample.py"
    test_file.write_text(
        textwrap.dedent(
            """\
            import unittest
            from mock_core import Mock

            class T(unittest.TestCase):
                def test_save(self):
                    m = Mock(name="save")
                    m("a.txt", mode="w")
                    m.assert_called_with("a.txt", mode="r")
            """
        )
    )
    result = _unittest(tmp_path, "diffs")
    assert result.returncode == 1
    assert "keyword mode=:\n    expected: 'r'\n    actual:   'w'" in result.stderr
    plain = _unittest(tmp_path, "")
    assert plain.returncode == 1
    assert "Differences by argument" not in plain.stderr


def test_a_callable_spec_s_signature_names_the_arguments() -> None:
    # What an autospecced function's assertion fails on: its inner mock, with a callable spec
    # whose signature binds the calls. (mock-spec provides signatures; one stands in here.)
    from mock_core import plugins

    def save(path: str, mode: str = "r") -> None:
        pass

    def provider(spec: Any, as_instance: bool, eat_self: bool) -> Any:
        return inspect.signature(spec) if spec is save else None

    plugins.add_signature_provider(provider)
    try:
        m = Mock(spec=save, name="save")
        m("a.txt", "w")
        with failure_diffs():
            message = _failure(lambda: m.assert_called_with(path="a.txt", mode="r"))
    finally:
        plugins.remove_signature_provider(provider)
    assert message.endswith(
        "Differences by argument (expected, then actual):\n"
        "  argument 2 (mode):\n"
        "    expected: 'r'\n"
        "    actual:   'w'"
    ), message
