"""Switching a feature on for a block, a test or a whole run, and off again exactly."""

from __future__ import annotations

import functools
import threading
from typing import TYPE_CHECKING, Any, Callable, TypeVar

if TYPE_CHECKING:
    from types import TracebackType

__all__ = ["Scope"]

_F = TypeVar("_F", bound=Callable[..., Any])


class Scope:
    """A feature switched on between :meth:`start` and :meth:`stop`.

    Usable as a context manager, as a decorator (of plain and ``async`` functions, each call
    getting a start and a stop of its own), or through :meth:`start` and :meth:`stop` as
    patchers are. Scopes nest: the feature stays on until every start has been stopped.

    .. versionadded:: 0.2.0
    """

    __slots__ = ("_depth", "_lock", "_off", "_on")

    def __init__(self, on: Callable[[], None], off: Callable[[], None]) -> None:
        self._on = on
        self._off = off
        self._depth = 0
        # A scope object shared by the tests of several threads must count every start.
        self._lock = threading.Lock()

    def start(self) -> Scope:
        """Switch the feature on (one more time); returns the scope."""
        with self._lock:
            self._on()
            self._depth += 1
        return self

    def stop(self) -> None:
        """Undo one :meth:`start`; stopping a scope that is not started does nothing."""
        with self._lock:
            if self._depth:
                self._depth -= 1
                self._off()

    @property
    def active(self) -> bool:
        """Whether this scope has been started more often than stopped."""
        return self._depth > 0

    def __enter__(self) -> Scope:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def __call__(self, func: _F) -> _F:
        # inspect costs an import that only decorating needs.
        import inspect

        if inspect.iscoroutinefunction(func):

            @functools.wraps(func)
            async def run_async(*args: Any, **kwargs: Any) -> Any:
                with self:
                    return await func(*args, **kwargs)

            return run_async  # type: ignore[return-value]

        @functools.wraps(func)
        def run(*args: Any, **kwargs: Any) -> Any:
            with self:
                return func(*args, **kwargs)

        return run  # type: ignore[return-value]
