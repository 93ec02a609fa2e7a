"""``ThreadingMock``: a ``MagicMock`` whose calls can be waited for from other threads.

Waiting is built on mock-core's call-observer point: an observer registered for
this class is told when a call has returned and wakes the waiters.
"""

from __future__ import annotations

import threading

from mock_core import Mock

from ._magicmock import MagicMixin

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["ThreadingMixin", "ThreadingMock", "_timeout_unset", "observe_call"]

_timeout_unset: Any = object()


class _Waits:
    """The events of one mock: one for "any call", one per awaited argument list."""

    __slots__ = ("any_call", "by_call", "lock")

    def __init__(self) -> None:
        self.any_call = threading.Event()
        self.by_call: list[tuple[tuple[Any, ...], dict[str, Any], threading.Event]] = []
        self.lock = threading.Lock()

    def event_for(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> threading.Event:
        with self.lock:
            for known_args, known_kwargs, event in self.by_call:
                if (known_args, known_kwargs) == (args, kwargs):
                    return event
            event = threading.Event()
            self.by_call.append((args, kwargs, event))
            return event


def _waits(mock: Any) -> _Waits:
    store = mock.__dict__
    found = store.get("_mock_waits")
    if found is None:
        found = store.setdefault("_mock_waits", _Waits())
    return found  # type: ignore[no-any-return]


def observe_call(mock: Any, recorded: Any) -> None:
    """Call observer (after the call returned): wake whoever waits for this call."""
    args, kwargs = recorded
    waits = _waits(mock)
    waits.event_for(args, kwargs).set()
    waits.any_call.set()


def _reset_waits(mock: Any) -> None:
    mock.__dict__.pop("_mock_waits", None)


class ThreadingMixin:
    """Adds ``wait_until_called`` and ``wait_until_any_call_with``.

    .. versionadded:: 0.1.0
    """

    DEFAULT_TIMEOUT: float | None = None
    _mock_reset_hook = staticmethod(_reset_waits)

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
        event = _waits(self).event_for(args, kwargs)
        if not event.wait(timeout=self._mock_wait_timeout):  # type: ignore[attr-defined]
            expected = self._format_mock_call_signature(args, kwargs)  # type: ignore[attr-defined]
            raise AssertionError(f"{expected} call not found")


class ThreadingMock(ThreadingMixin, MagicMixin, Mock):
    """A ``MagicMock`` that other threads can wait on.

    .. versionadded:: 0.1.0
    """
