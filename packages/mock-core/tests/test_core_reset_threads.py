"""reset_mock over a whole tree (with its return_value= and side_effect= flags), and call
recording under threads."""

from __future__ import annotations

import sys
import threading
from typing import Any

import pytest
from core_support import agree, ok

from mock_core import DEFAULT, Mock, NonCallableMock, _recording, call


def tree(M: Any) -> Any:
    m = M.Mock(return_value=1)
    m.a.return_value = 5
    m.b.side_effect = [1, 2, 3]
    m.a(1)
    m.b()
    m(2)
    m.c.d(3)(4)
    return m


def observe(m: Any) -> Any:
    # Copies: the calls made below must not show up in the lists read first.
    return (
        list(m.mock_calls),
        list(m.method_calls),
        list(m.call_args_list),
        m.call_count,
        m.called,
        m.call_args,
        list(m.a.mock_calls),
        m.a.call_count,
        list(m.c.d.return_value.mock_calls),
        m.return_value,
        m.a.return_value,
        m.b(),
        m.a(),
        m.a.call_count,
    )


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ({}, "([], [], [], 0, False, None, [], 0, [], 1, 5, 2, 5, 1)"),
        (
            {"return_value": True},
            "([], [], [], 0, False, None, [], 0, [], <Mock name='mock()' id='ID'>, "
            "<Mock name='mock.a()' id='ID'>, 2, <Mock name='mock.a()' id='ID'>, 1)",
        ),
        (
            {"side_effect": True},
            "([], [], [], 0, False, None, [], 0, [], 1, 5, <Mock name='mock.b()' id='ID'>, 5, 1)",
        ),
        (
            {"return_value": True, "side_effect": True},
            "([], [], [], 0, False, None, [], 0, [], <Mock name='mock()' id='ID'>, "
            "<Mock name='mock.a()' id='ID'>, <Mock name='mock.b()' id='ID'>, "
            "<Mock name='mock.a()' id='ID'>, 1)",
        ),
    ],
)
def test_reset_mock_over_the_tree(flags: dict[str, bool], expected: str) -> None:
    def scenario(M: Any) -> Any:
        m = tree(M)
        m.reset_mock(**flags)
        return observe(m)

    assert agree(scenario) == ok(expected)


def test_reset_keeps_configuration_and_children() -> None:
    m = Mock(name="n", spec=["a", "b"], side_effect=None)
    m.a.return_value = 3
    child = m.a
    m.b = 7
    m.a()
    m.reset_mock()
    assert m.a is child
    assert m.a() == 3
    assert m.b == 7
    assert repr(m).startswith("<Mock name='n' spec='list'") or m._mock_methods == ["a", "b"]
    with pytest.raises(AttributeError):
        m.c


def test_reset_return_value_keeps_grandchildren_configuration() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock()
        m.a.return_value.b.return_value = 7
        m.reset_mock(return_value=True)
        return m.a().b()

    assert agree(scenario)[0] == "ok"

    def child(M: Any) -> Any:
        m = M.Mock()
        m.a.b.return_value = 7
        m.reset_mock(return_value=True)
        return m.a.b()

    assert agree(child) == ok("<Mock name='mock.a.b()' id='ID'>")


def test_reset_with_a_self_returning_mock() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock()
        m.return_value = m
        m()
        m.reset_mock()
        return m.mock_calls

    assert agree(scenario) == ok([])


def test_reset_does_not_reach_separately_named_children() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock()
        m.a = M.Mock(name="x")
        m.a(1)
        m.reset_mock()
        return m.a.call_count

    assert agree(scenario) == ok(1)


def test_reset_of_cyclic_trees() -> None:
    m = Mock()
    m.a.b = m
    m.a.b.a(1)
    m.reset_mock()
    assert m.a.call_count == 0


def test_reset_visited_argument() -> None:
    m = Mock()
    m(1)
    m.reset_mock(visited=[id(m)])
    assert m.call_count == 1  # already visited: left alone
    m.reset_mock(None)
    assert m.call_count == 0


def test_reset_deleted_and_non_callable() -> None:
    m = NonCallableMock()
    m.child(1)
    del m.gone
    m.reset_mock()
    assert m.child.call_count == 0
    assert not hasattr(m, "gone")


@pytest.mark.parametrize(
    "setup",
    [
        # A mock that is both a child and a return value: reached as a child first, it
        # gets the flags.
        "m.a.side_effect = KeyError; m.return_value = m.a",
        "m.a.side_effect = KeyError; m.b.c = m.a",
        # Reached first as another child's return value: reset there without the flags.
        "m.b.return_value.x = 1; m.a.side_effect = KeyError; m.b.return_value = m.a",
    ],
)
def test_reset_visits_mocks_in_the_standard_order(setup: str) -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock()
        exec(setup, {"m": m})
        m.reset_mock(side_effect=True)
        return m.a.side_effect

    outcome = agree(scenario)
    assert outcome[0] == "ok"


def test_reset_calls_a_subclass_override_for_children() -> None:
    def scenario(M: Any) -> Any:
        seen: list[Any] = []

        class Tracking(M.Mock):
            def reset_mock(self, *args: Any, **kwargs: Any) -> None:
                seen.append((self._mock_new_name, kwargs))
                super().reset_mock(*args, **kwargs)

        m = M.Mock()
        m.a = Tracking()
        m.a.x(1)
        m.reset_mock(return_value=True)
        return seen, m.a.x.call_count

    # x is a Tracking mock too (children take their parent's class).
    flags = {"return_value": True, "side_effect": False}
    assert agree(scenario) == ok(([("a", flags), ("x", flags)], 0))


def test_reset_flags_are_keyword_only() -> None:
    m = Mock(return_value=3)
    with pytest.raises(TypeError):
        m.reset_mock(None, True)  # type: ignore[misc]


def test_reset_return_value_on_a_wrapping_mock() -> None:
    m = Mock(wraps=lambda: 1, return_value=5)
    m.reset_mock(return_value=True)
    assert m.return_value is DEFAULT
    assert m() == 1


# -- threads --------------------------------------------------------------------------------

THREADS = 8
CALLS = 2000


@pytest.fixture
def fast_switching() -> Any:
    # Switch threads often so that unsafe read-modify-write sequences would interleave.
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(old)


def hammer(target: Any) -> None:
    barrier = threading.Barrier(THREADS)

    def run() -> None:
        barrier.wait()
        for i in range(CALLS):
            target(i)

    workers = [threading.Thread(target=run) for _ in range(THREADS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


@pytest.mark.usefixtures("fast_switching")
def test_call_count_is_exact_under_threads() -> None:
    m = Mock()
    hammer(m)
    total = THREADS * CALLS
    assert m.call_count == total
    assert len(m.call_args_list) == total
    assert len(m.mock_calls) == total
    assert sorted(c.args[0] for c in m.call_args_list) == sorted(list(range(CALLS)) * THREADS)


@pytest.mark.usefixtures("fast_switching")
def test_parent_recording_is_exact_under_threads() -> None:
    m = Mock()
    hammer(m.child.method)
    total = THREADS * CALLS
    assert m.child.method.call_count == total
    assert len(m.mock_calls) == total
    assert len(m.method_calls) == total
    assert len(m.child.method_calls) == total


@pytest.mark.usefixtures("fast_switching")
def test_call_count_assignment_stays_exact_under_threads() -> None:
    m = Mock()
    m.call_count = 100
    hammer(m)
    assert m.call_count == 100 + THREADS * CALLS


@pytest.mark.usefixtures("fast_switching")
def test_first_access_under_threads_makes_one_child() -> None:
    for _ in range(20):
        m = Mock()
        seen: list[Any] = []
        barrier = threading.Barrier(THREADS)

        def grab(m: Any = m, seen: list[Any] = seen, barrier: Any = barrier) -> None:
            barrier.wait()
            seen.append(m.shared)

        workers = [threading.Thread(target=grab) for _ in range(THREADS)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        assert all(child is m.shared for child in seen)


def test_call_count_assignment_then_calls() -> None:
    m = Mock()
    m(1)
    m.call_count = 0
    m(2)
    assert m.call_count == 1
    assert m.call_args_list == [call(1), call(2)]


@pytest.mark.parametrize("key", _recording._RESET_KEYS)
def test_a_child_holding_any_reset_key_is_reset(key: str) -> None:
    # reset_mock asks a clean-looking child for each of these names in turn (an inlined
    # check): every one of them must make the child be reset.
    parent = Mock()
    child = parent.child
    child.__dict__[key] = "recorded"
    parent.reset_mock()
    assert key not in child.__dict__
