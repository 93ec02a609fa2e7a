"""``mock_open``: a mock for ``open()`` whose handles read from given data."""

from __future__ import annotations

import io

from mock_core import DEFAULT

from ._magicmock import MagicMock

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterator

__all__ = ["_to_stream", "mock_open"]

_file_spec: list[str] | None = None
_open_spec: list[str] | None = None


def _to_stream(read_data: Any) -> Any:
    if isinstance(read_data, bytes):
        return io.BytesIO(read_data)
    return io.StringIO(read_data)


def _handle_spec() -> list[str]:
    global _file_spec
    if _file_spec is None:
        _file_spec = sorted(set(dir(io.TextIOWrapper)) | set(dir(io.BytesIO)))
    return _file_spec


def _open_names() -> list[str]:
    # A list of names, not ``open`` itself: the open mock keeps no spec class (its repr
    # shows none) and no signature, so recorded calls are not bound to open's parameters.
    global _open_spec
    if _open_spec is None:
        _open_spec = sorted(dir(open))
    return _open_spec


class _OpenFile:
    """The state behind one ``mock_open`` mock: the data and the readline generator.

    Every method is installed as a side effect of the handle's mock methods; a
    configured ``return_value`` on those methods still wins.
    """

    def __init__(self, handle: Any, read_data: Any) -> None:
        self.handle = handle
        self.read_data = read_data
        self.stream = _to_stream(read_data)
        self.lines = self.readline_source()

    def reopen(self, *args: Any, **kwargs: Any) -> Any:
        # Each call of the open mock starts reading from the beginning again.
        self.stream = _to_stream(self.read_data)
        readline = self.handle.readline
        if readline.side_effect == self.lines:
            # Only if the user has not replaced the generator.
            self.lines = self.readline_source()
            readline.side_effect = self.lines
        return DEFAULT

    def read(self, *args: Any, **kwargs: Any) -> Any:
        configured = self.handle.read.return_value
        if configured is not None:
            return configured
        return self.stream.read(*args, **kwargs)

    def readlines(self, *args: Any, **kwargs: Any) -> Any:
        configured = self.handle.readlines.return_value
        if configured is not None:
            return configured
        return self.stream.readlines(*args, **kwargs)

    def iterate(self) -> Iterator[Any]:
        readline = self.handle.readline
        if readline.return_value is not None:
            while True:
                # Read again each time: the value may be reconfigured between lines.
                yield readline.return_value
        # Not ``yield from``: closing an abandoned iteration would close the stream too.
        for line in self.stream:  # noqa: UP028
            yield line

    def readline_source(self) -> Iterator[Any]:
        yield from self.iterate()
        while True:
            yield self.stream.readline()

    def next_line(self) -> Any:
        configured = self.handle.readline.return_value
        if configured is not None:
            return configured
        return next(self.stream)

    def exit(self, *args: Any) -> None:
        # Any positional arguments: ``with`` passes the exception triple, but ExitStack
        # calls ``type(cm).__exit__`` with the handle itself in front of it (gh-150484).
        self.handle.close()


def mock_open(mock: Any = None, read_data: Any = "") -> Any:
    """A mock to replace ``open``; ``read_data`` (str or bytes) is what the handle reads.

    .. versionadded:: 0.1.0
    """
    if mock is None:
        mock = MagicMock(name="open", spec=_open_names())
    handle = MagicMock(spec=_handle_spec())
    state = _OpenFile(handle, read_data)
    handle.__enter__.return_value = handle
    # None means "not configured by the test": the side effects then read the data.
    for name in ("write", "read", "readline", "readlines"):
        getattr(handle, name).return_value = None
    behaviour = {
        "read": _function(state.read),
        "readline": state.lines,
        "readlines": _function(state.readlines),
        "__iter__": _function(state.iterate),
        "__next__": _function(state.next_line),
        "__exit__": _function(state.exit),
    }
    for name, effect in behaviour.items():
        getattr(handle, name).side_effect = effect
    mock.side_effect = _function(state.reopen)
    mock.return_value = handle
    return mock


def _function(method: Any) -> Any:
    """``method`` as a plain function, as the standard library's side effects are: copying
    a mock (``copy.deepcopy``) copies a function as it is, not the state behind a method."""

    def side_effect(*args: Any, **kwargs: Any) -> Any:
        return method(*args, **kwargs)

    side_effect.__name__ = side_effect.__qualname__ = method.__name__
    return side_effect
