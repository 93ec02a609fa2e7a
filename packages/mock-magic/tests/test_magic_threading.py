"""ThreadingMock: waiting for calls from other threads, timeouts, inheritance, contention."""

from __future__ import annotations

import threading
import time
from typing import Any, Callable, Iterator

import pytest
from magic_support import agree, kind, ok, raises

from mock_core import ANY, call
from mock_magic import MagicMock, ThreadingMock, _timeout_unset

SHORT = 0.05
LONG = 10.0  # only reached when something is broken


@pytest.fixture
def later() -> Iterator[Callable[..., None]]:
    """Run a function in another thread after a short delay; joins them all at the end."""
    threads: list[threading.Thread] = []

    def schedule(func: Callable[..., Any], *args: Any, delay: float = SHORT, **kw: Any) -> None:
        def body() -> None:
            time.sleep(delay)
            func(*args, **kw)

        thread = threading.Thread(target=body)
        threads.append(thread)
        thread.start()

    yield schedule
    for thread in threads:
        thread.join(LONG)


def test_is_a_magic_mock_with_threading_children() -> None:
    mock = ThreadingMock()
    assert isinstance(mock, MagicMock) is False  # a sibling of MagicMock, not a subclass
    assert kind(mock.child) is ThreadingMock
    assert kind(mock()) is ThreadingMock
    assert kind(mock.__int__) is ThreadingMock
    assert int(mock) == 1
    assert agree(lambda mod: (mod.ThreadingMock(), mod.ThreadingMock().a)) == ok(
        "(<ThreadingMock id='ID'>, <ThreadingMock name='mock.a' id='ID'>)"
    )


def test_isinstance_matches_the_stdlib() -> None:
    assert agree(lambda mod: isinstance(mod.ThreadingMock(), mod.MagicMock)) == ok(False)
    assert agree(lambda mod: isinstance(mod.ThreadingMock(), mod.Mock)) == ok(True)


def test_wait_until_called_returns_at_once_when_already_called() -> None:
    mock = ThreadingMock(timeout=SHORT)
    mock.method(1)
    mock.method.wait_until_called()
    mock.method.wait_until_any_call_with(1)
    mock.method.assert_called_once_with(1)


def test_wait_until_called_waits_for_another_thread(later: Callable[..., None]) -> None:
    mock = ThreadingMock(timeout=LONG)
    later(mock.method, "x")
    started = time.monotonic()
    mock.method.wait_until_called()
    assert time.monotonic() - started < LONG
    mock.method.assert_called_once_with("x")


def test_wait_until_any_call_with_waits_for_matching_arguments(
    later: Callable[..., None],
) -> None:
    mock = ThreadingMock(timeout=LONG)
    later(mock, 1, delay=SHORT)
    later(mock, 2, key="v", delay=2 * SHORT)
    mock.wait_until_any_call_with(2, key="v")
    mock.wait_until_any_call_with(1)
    assert mock.call_args_list == [call(1), call(2, key="v")]


def test_wait_until_any_call_with_takes_matchers() -> None:
    mock = ThreadingMock(timeout=SHORT)
    mock(object(), b=2)
    mock.wait_until_any_call_with(ANY, b=ANY)


@pytest.mark.parametrize(
    ("scenario", "expected"),
    [
        ("called-named", raises("AssertionError", "foo was not called before timeout(0.01).")),
        ("called-unnamed", raises("AssertionError", "mock was not called before timeout(0.01).")),
        ("called-child", raises("AssertionError", "a was not called before timeout(0.01).")),
        ("any-call", raises("AssertionError", "mock(2, a=3) call not found")),
        ("any-call-named", raises("AssertionError", "x(2) call not found")),
        ("positional-timeout", "TypeError"),
        ("raised-call-counts-not", raises("AssertionError", "mock(1) call not found")),
        ("after-reset", raises("AssertionError", "mock was not called before timeout(0.01).")),
        ("after-reset-args", raises("AssertionError", "mock(1) call not found")),
        ("kwargs-differ", raises("AssertionError", "mock(1) call not found")),
    ],
)
def test_timeouts_and_their_messages(scenario: str, expected: Any) -> None:
    def run_it(mod: Any) -> Any:
        if scenario == "called-named":
            mod.ThreadingMock(name="foo").wait_until_called(timeout=0.01)
        elif scenario == "called-unnamed":
            mod.ThreadingMock().wait_until_called(timeout=0.01)
        elif scenario == "called-child":
            mod.ThreadingMock().a.wait_until_called(timeout=0.01)
        elif scenario == "any-call":
            mock = mod.ThreadingMock(timeout=0.01)
            mock(1)
            mock.wait_until_any_call_with(2, a=3)
        elif scenario == "any-call-named":
            mod.ThreadingMock(name="x", timeout=0.01).wait_until_any_call_with(2)
        elif scenario == "positional-timeout":
            mod.ThreadingMock().wait_until_called(0.01)
        elif scenario == "raised-call-counts-not":
            mock = mod.ThreadingMock(timeout=0.01, side_effect=KeyError)
            with pytest.raises(KeyError):
                mock(1)
            mock.assert_called_once_with(1)
            mock.wait_until_any_call_with(1)
        elif scenario in ("after-reset", "after-reset-args"):
            mock = mod.ThreadingMock(timeout=0.01)
            mock(1)
            mock.reset_mock()
            if scenario == "after-reset":
                mock.wait_until_called()
            mock.wait_until_any_call_with(1)
        else:
            mock = mod.ThreadingMock(timeout=0.01)
            mock(a=1)
            mock.wait_until_any_call_with(a=1)
            mock.wait_until_any_call_with(1)

    got = agree(run_it)
    if isinstance(expected, str):
        assert got[:2] == ("raise", expected)
    else:
        assert got == expected


def test_timeout_defaults_per_instance_and_per_class() -> None:
    assert ThreadingMock.DEFAULT_TIMEOUT is None
    assert ThreadingMock()._mock_wait_timeout is None
    assert ThreadingMock(timeout=0.5)._mock_wait_timeout == 0.5
    assert ThreadingMock(timeout=None)._mock_wait_timeout is None
    assert ThreadingMock(timeout=_timeout_unset)._mock_wait_timeout is None

    class Patient(ThreadingMock):
        DEFAULT_TIMEOUT = 0.01

    mock = Patient()
    assert mock._mock_wait_timeout == 0.01
    assert kind(mock.child) is Patient
    with pytest.raises(AssertionError, match=r"child was not called before timeout\(0\.01\)"):
        mock.child.wait_until_called()
    with pytest.raises(AssertionError, match="call not found"):
        mock.wait_until_any_call_with()


def test_class_default_read_when_the_mock_is_made(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ThreadingMock, "DEFAULT_TIMEOUT", 0.01)
    mock = ThreadingMock()
    monkeypatch.setattr(ThreadingMock, "DEFAULT_TIMEOUT", None)
    with pytest.raises(AssertionError, match=r"timeout\(0\.01\)"):
        mock.wait_until_called()
    assert ThreadingMock()._mock_wait_timeout is None


def test_children_inherit_the_timeout() -> None:
    mock = ThreadingMock(timeout=0.02)
    assert mock.a._mock_wait_timeout == 0.02
    assert mock.a.b._mock_wait_timeout == 0.02
    assert mock()._mock_wait_timeout == 0.02
    assert mock.__int__._mock_wait_timeout == 0.02
    assert agree(lambda mod: mod.ThreadingMock(timeout=0.02).a._mock_wait_timeout) == ok(0.02)


def test_explicit_timeout_overrides_the_instance_one() -> None:
    mock = ThreadingMock(timeout=LONG)
    started = time.monotonic()
    with pytest.raises(AssertionError, match=r"timeout\(0\.01\)"):
        mock.wait_until_called(timeout=0.01)
    assert time.monotonic() - started < LONG


def test_magic_methods_can_be_waited_for() -> None:
    mock: Any = ThreadingMock(timeout=SHORT)
    str(mock)
    mock.__str__.wait_until_called()
    mock.__str__.assert_called()


def test_reset_mock_resets_the_waits() -> None:
    mock = ThreadingMock(timeout=0.01)
    with pytest.raises(AssertionError):
        mock.wait_until_called()
    mock()
    mock.wait_until_called()
    mock.wait_until_any_call_with()
    mock.reset_mock()
    with pytest.raises(AssertionError):
        mock.wait_until_called()
    with pytest.raises(AssertionError):
        mock.wait_until_any_call_with()
    mock()
    mock.wait_until_called()
    mock.wait_until_any_call_with()
    mock.assert_called_once()


def test_user_attributes_do_not_clash_with_the_waiting_state() -> None:
    mock = ThreadingMock(timeout=SHORT)
    mock._event = "mine"
    mock.event = "mine"
    mock.timeout = "mine"
    mock("works")
    mock.wait_until_called()
    mock.wait_until_any_call_with("works")


def test_spec_and_side_effect() -> None:
    class Service:
        def method(self) -> None:
            pass

    mock = ThreadingMock(spec=Service, timeout=SHORT)
    with pytest.raises(AttributeError):
        mock.missing
    mock.method.side_effect = [1]
    assert mock.method() == 1
    mock.method.wait_until_called()
    assert kind(mock.method) is ThreadingMock


def test_many_threads_calling_at_once_are_all_recorded_and_seen() -> None:
    mock = ThreadingMock(timeout=LONG)
    workers, per_worker = 8, 200
    barrier = threading.Barrier(workers)

    def work(worker: int) -> None:
        barrier.wait()
        for index in range(per_worker):
            mock.child(worker, index)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(workers)]
    for thread in threads:
        thread.start()
    mock.child.wait_until_called()
    for worker in range(workers):
        mock.child.wait_until_any_call_with(worker, per_worker - 1)
    for thread in threads:
        thread.join(LONG)
    assert mock.child.call_count == workers * per_worker
    assert len(mock.mock_calls) == workers * per_worker
    assert len(mock.child.call_args_list) == workers * per_worker


def test_many_waiters_are_all_woken(later: Callable[..., None]) -> None:
    mock = ThreadingMock(timeout=LONG)
    woken: list[int] = []
    lock = threading.Lock()

    def wait(index: int) -> None:
        mock.wait_until_any_call_with("go")
        with lock:
            woken.append(index)

    waiters = [threading.Thread(target=wait, args=(n,)) for n in range(10)]
    for waiter in waiters:
        waiter.start()
    later(mock, "go")
    for waiter in waiters:
        waiter.join(LONG)
    assert sorted(woken) == list(range(10))


class _NeverEqual:
    def __eq__(self, other: object) -> bool:
        return False

    __hash__ = object.__hash__


class _AlwaysEqual:
    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = object.__hash__


@pytest.mark.parametrize(
    ("recorded", "waited", "found"),
    [
        (_NeverEqual, _AlwaysEqual, False),
        (_AlwaysEqual, _NeverEqual, True),
        (_NeverEqual, None, False),
        (object, None, True),
    ],
)
def test_an_earlier_call_decides_the_comparison(recorded: Any, waited: Any, found: bool) -> None:
    # A call made before the wait is compared with the call on the left, as in the stdlib;
    # None stands for ANY.
    def scenario(mod: Any) -> Any:
        mock = mod.ThreadingMock(timeout=0.01)
        mock(recorded())
        try:
            mock.wait_until_any_call_with(mod.ANY if waited is None else waited())
        except AssertionError:
            return "not found"
        return "found"

    assert agree(scenario) == ok(repr("found" if found else "not found"))


def test_a_waiter_decides_for_a_later_call(later: Callable[..., None]) -> None:
    mock = ThreadingMock(timeout=LONG)
    later(mock, _NeverEqual())
    mock.wait_until_any_call_with(_AlwaysEqual())
    waiting = ThreadingMock(timeout=4 * SHORT)
    later(waiting, _AlwaysEqual())
    with pytest.raises(AssertionError, match="call not found"):
        waiting.wait_until_any_call_with(_NeverEqual())


def test_comparing_arguments_may_call_the_mock_again() -> None:
    # An argument's __eq__ reaching the same mock must not deadlock (the stdlib does).
    mock: Any = ThreadingMock(timeout=SHORT)
    assert (mock == 1) is False
    assert (mock == mock) is True
    mock.__eq__.wait_until_any_call_with(mock)
    mock.__eq__.wait_until_any_call_with(1)
