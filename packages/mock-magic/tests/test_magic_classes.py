"""Magic methods live on each mock's own class, as in the standard library.

Compared with the interpreter's ``unittest.mock``: magic methods read and configured
through ``type(m)`` (``ExitStack`` reads them there), copies that share the original's
class and its configured magic methods, and specs that leave the class only the magic
methods they allow.
"""

from __future__ import annotations

import copy
import gc
from contextlib import ExitStack
from typing import Any

import pytest
from magic_support import KIT, agree, ok

import mock_magic


def test_configuring_a_magic_method_read_from_the_class() -> None:
    def scenario(M: Any) -> Any:
        mocks = [M.MagicMock(), M.MagicMock()]
        type(mocks[0]).__str__.return_value = "x"
        return str(mocks[0]), str(mocks[1]) == str(mocks[0])

    assert agree(scenario) == ok(("x", False))


def test_the_class_level_magic_is_the_instances_magic() -> None:
    def scenario(M: Any) -> Any:
        m = M.MagicMock()
        other = M.MagicMock()
        return type(m).__len__ is m.__len__, type(m).__len__ is type(other).__len__

    assert agree(scenario) == ok((True, False))


def test_exit_stack_reads_the_context_manager_methods_from_the_class() -> None:
    def scenario(M: Any) -> Any:
        m = M.MagicMock()
        m.__enter__.return_value = "entered"
        with ExitStack() as stack:
            entered = stack.enter_context(m)
        return entered, m.__exit__.call_count, [c[0] for c in m.mock_calls]

    assert agree(scenario) == ok(("entered", 1, ["__enter__", "__exit__"]))


def test_copies_compare_equal_and_share_the_configured_magics() -> None:
    def scenario(M: Any) -> Any:
        f = M.MagicMock()
        f.__str__.return_value = "F"
        shallow, deep = copy.copy(f), copy.deepcopy(f)
        return (
            copy.deepcopy(M.MagicMock()) == M.MagicMock(),
            deep == f,
            shallow == f,
            str(shallow),
            str(deep),
            deep.__str__ is f.__str__,
        )

    assert agree(scenario) == ok((False, True, True, "F", "F", False))


def test_a_copy_made_before_the_magic_is_used_still_reaches_the_original() -> None:
    def scenario(M: Any) -> Any:
        f = M.MagicMock()
        shallow = copy.copy(f)
        f.__len__.return_value = 4
        return len(shallow), len(f), f.__len__.call_count

    assert agree(scenario) == ok((4, 4, 2))


def test_calling_the_class_gives_the_new_mock_magics_of_its_own() -> None:
    def scenario(M: Any) -> Any:
        m = M.MagicMock()
        m.__len__.return_value = 3
        made = type(m)(**{"__iter__.return_value": [1, 2]})
        return len(made), list(made), list(m)

    assert agree(scenario) == ok((0, [1, 2], []))


def test_setting_a_magic_method_on_the_class_reaches_that_mock_alone() -> None:
    def scenario(M: Any) -> Any:
        a, b = M.MagicMock(), M.MagicMock()
        type(a).__bool__ = lambda self: False
        return bool(a), bool(b)

    assert agree(scenario) == ok((False, True))


def test_a_spec_leaves_the_class_the_magics_it_allows() -> None:
    class Spec:
        def __len__(self) -> int:
            return 0

        def method(self) -> None:
            pass

    def scenario(M: Any) -> Any:
        m = M.MagicMock(spec=Spec)
        magics = sorted(n for n in vars(type(m)) if n.startswith("__") and n.endswith("__"))
        return [n for n in magics if n not in ("__doc__", "__module__")], len(m)

    # The preconfigured magics dir(Spec) has: __len__, and what every class has from object
    # (which is not the same on every implementation: PyPy's object has no __sizeof__).
    preconfigured = mock_magic._magics | mock_magic._async_method_magics
    expected = sorted(name for name in dir(Spec) if name in preconfigured)
    assert "__len__" in expected and "method" not in expected
    assert agree(scenario) == ok((expected, 0))


def test_narrowing_the_spec_later_changes_that_mocks_class_alone() -> None:
    def scenario(M: Any) -> Any:
        a, b = M.MagicMock(), M.MagicMock()
        a.mock_add_spec(["__iter__"])
        return hasattr(type(a), "__len__"), hasattr(type(b), "__len__"), list(a)

    assert agree(scenario) == ok((False, True, []))


def test_a_used_magic_keeps_its_mock_alive_with_the_class() -> None:
    def scenario(M: Any) -> Any:
        m = M.MagicMock()
        m.__len__.return_value = 2
        cls = type(m)
        del m
        gc.collect()
        return (
            cls.__len__.return_value,
            cls.__str__._mock_new_parent is cls.__len__._mock_new_parent,
        )

    assert agree(scenario) == ok((2, True))


def test_a_class_level_read_once_the_mock_is_gone() -> None:
    # DEVIATIONS.md: the standard library's class keeps its mock alive through the proxies
    # on it. A class here is reused once its mock is gone, so it must not keep the mock:
    # a magic never used by a mock that was collected is gone with it.
    cls = type(KIT.MagicMock())
    gc.collect()
    with pytest.raises(AttributeError, match="no longer exists"):
        cls.__str__
