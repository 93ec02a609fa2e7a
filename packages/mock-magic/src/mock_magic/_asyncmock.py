"""``AsyncMock``: calls return awaitables; awaits are recorded when they run."""

from __future__ import annotations

from mock_core import AsyncMockMixin, Mock

from ._magicmock import MagicMixin

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterator

__all__ = ["AsyncMagicMixin", "AsyncMock", "_AsyncIterator"]


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
