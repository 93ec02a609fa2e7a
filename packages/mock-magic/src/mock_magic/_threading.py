"""``ThreadingMock``: a ``MagicMock`` whose calls can be waited for from other threads.

Waiting is built on mock-core's call-observer point: an observer registered for
this class is told when a call has returned and wakes the waiters.
"""

from __future__ import annotations

from mock_core import Mock
from mock_core.plugins import set_call_frames, set_reset_hook

from ._magicmock import MagicMixin

TYPE_CHECKING = False
if TYPE_CHECKING:
    import threading
    from typing import Any

__all__ = ["ThreadingMixin", "ThreadingMock", "_timeout_unset", "observe_call"]

_timeout_unset: Any = object()


class _Waits:
    """What one mock's waiters need: an event for "any call", the completed calls, and
    the argument lists someone is waiting for.

    A completed call is checked only against the argument lists being waited for (few),
    and a new wait only against the completed calls: keeping an event per distinct call
    made every call scan all earlier ones, quadratic in the number of calls.
    """

    __slots__ = ("any_call", "completed", "lock", "waiting")

    def __init__(self) -> None:
        # threading is imported on first use: importing mock-magic should not load it.
        import threading

        self.any_call = threading.Event()
        self.completed: list[Any] = []
        self.waiting: list[tuple[tuple[Any, ...], dict[str, Any], threading.Event]] = []
        # Reentrant: an argument's __eq__ may call the mock it is compared for.
        self.lock = threading.RLock()

    def call_completed(self, recorded: Any) -> None:
        args, kwargs = recorded
        with self.lock:
            self.completed.append(recorded)
            for wanted_args, wanted_kwargs, event in self.waiting:
                # The waiter's arguments on the left, so that matchers such as ANY work.
                if (wanted_args, wanted_kwargs) == (args, kwargs):
                    event.set()
        self.any_call.set()

    def wait_for(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        """An entry whose event is set once a call with these arguments has completed."""
        import threading

        entry = (args, kwargs, threading.Event())
        with self.lock:
            for done_args, done_kwargs in self.completed:
                # The completed call on the left: as in the stdlib, whichever side was
                # there first decides (ANY still matches an ordinary argument).
                if (done_args, done_kwargs) == (args, kwargs):
                    entry[2].set()
                    return entry
            self.waiting.append(entry)
        return entry

    def stop_waiting(self, entry: Any) -> None:
        with self.lock:
            # By identity: comparing entries would run the arguments' __eq__.
            for index, known in enumerate(self.waiting):
                if known is entry:
                    del self.waiting[index]
                    return


def _waits(mock: Any) -> _Waits:
    store = mock.__dict__
    found = store.get("_mock_waits")
    if found is None:
        found = store.setdefault("_mock_waits", _Waits())
    return found  # type: ignore[no-any-return]


def observe_call(mock: Any, recorded: Any) -> None:
    """Call observer (after the call returned): wake whoever waits for this call."""
    _waits(mock).call_completed(recorded)


def _reset_waits(mock: Any) -> None:
    mock.__dict__.pop("_mock_waits", None)


class ThreadingMixin:
    """Adds ``wait_until_called`` and ``wait_until_any_call_with``.

    .. versionadded:: 0.1.0
    """

    DEFAULT_TIMEOUT: float | None = None

    def __init__(self, /, *args: Any, timeout: Any = _timeout_unset, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if timeout is _timeout_unset:
            timeout = self.DEFAULT_TIMEOUT
        self.__dict__["_mock_wait_timeout"] = timeout

    def _get_child_mock(self, /, **kw: Any) -> Any:
        # Children wait as long as their parent does.
        for key in ("parent", "_new_parent"):
            owner = kw.get(key)
            if isinstance(owner, ThreadingMixin):
                kw["timeout"] = owner._mock_wait_timeout  # type: ignore[attr-defined]
                break
        return super()._get_child_mock(**kw)  # type: ignore[misc]

    def wait_until_called(self, *, timeout: Any = _timeout_unset) -> None:
        """Wait until the mock is called, failing after ``timeout`` seconds."""
        if timeout is _timeout_unset:
            timeout = self._mock_wait_timeout  # type: ignore[attr-defined]
        if not _waits(self).any_call.wait(timeout=timeout):
            name = self._mock_name or "mock"  # type: ignore[attr-defined]
            raise AssertionError(f"{name} was not called before timeout({timeout}).")

    def wait_until_any_call_with(self, *args: Any, **kwargs: Any) -> None:
        """Wait until the mock is called with these arguments, failing after its timeout."""
        waits = _waits(self)
        entry = waits.wait_for(args, kwargs)
        try:
            arrived = entry[2].wait(timeout=self._mock_wait_timeout)  # type: ignore[attr-defined]
        finally:
            waits.stop_waiting(entry)
        if not arrived:
            expected = self._format_mock_call_signature(args, kwargs)  # type: ignore[attr-defined]
            raise AssertionError(f"{expected} call not found")


set_reset_hook(ThreadingMixin, _reset_waits)
# The standard library's ThreadingMock runs its calls through a _mock_call of its own: one
# frame more above a side effect than the three of other mocks.
set_call_frames(ThreadingMixin, 4)


class ThreadingMock(ThreadingMixin, MagicMixin, Mock):
    """A ``MagicMock`` that other threads can wait on.

    .. versionadded:: 0.1.0
    """
