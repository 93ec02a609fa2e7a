"""``AsyncMock``: calls return awaitables; awaits are recorded when they run."""

from __future__ import annotations

from mock_core import AsyncMockMixin, Mock
from mock_core.plugins import is_async_object as _is_async_obj_in_core, is_mock

from ._magicmock import MagicMixin

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterator

__all__ = ["AsyncMagicMixin", "AsyncMock", "_AsyncIterator", "_is_async_obj", "is_async_object"]


class AsyncMagicMixin(MagicMixin):
    """Magic methods of async mocks: sync ones are ``MagicMock``, async ones ``AsyncMock``.

    .. versionadded:: 0.1.0
    """


class AsyncMock(
    # The standard library's bases in its order (the MRO is public).
    AsyncMockMixin,
    AsyncMagicMixin,
    Mock,
):
    """A mock whose calls return coroutines; await assertions record when they run.

    .. versionadded:: 0.1.0
    """


class _AsyncIterator:
    """What a mock's ``__aiter__`` returns: steps through an ordinary iterator."""

    def __init__(self, iterator: Iterator[Any]) -> None:
        self.iterator = iterator

    def __aiter__(self) -> _AsyncIterator:
        return self

    async def __anext__(self) -> Any:
        for item in self.iterator:
            return item
        raise StopAsyncIteration


def is_async_object(obj: Any) -> bool:
    """Whether ``obj`` is a coroutine function or awaitable; of mocks, only AsyncMocks are.

    A mock that records awaits without being an ``AsyncMock`` (``Mock(spec=coroutine
    function)``) is not async here, as in the standard library (which asks
    ``isinstance(obj, AsyncMock)``, so a spec's ``__class__`` counts too). What ``patch``
    asks to choose between ``MagicMock`` and ``AsyncMock``.

    .. versionadded:: 0.2.0
    """
    if is_mock(obj) and not isinstance(obj, AsyncMock):
        return False
    return _is_async_obj_in_core(obj)


# The standard library's name for it.
_is_async_obj = is_async_object
