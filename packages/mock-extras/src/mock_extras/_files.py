"""Realistic files: an ``open`` mock backed by in-memory files, one per path.

The handles are what :func:`open` builds, stacked the same way (a raw file, a buffered layer,
a text layer for text modes) over an in-memory raw file, so reading, writing, seeking,
newline translation, encodings, buffering and the errors of wrong modes behave as on disk.
The opener is a mock-core ``Mock`` whose side effect opens the files: calls of it are recorded
and asserted on like any mock's.
"""

from __future__ import annotations

import errno
import io
import os
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from mock_core import Mock

__all__ = ["FakeFiles", "fake_files"]

_MODE_LETTERS = frozenset("rwaxbt+")
# open()'s choice of encoding when none is given (and its EncodingWarning), 3.10 and later;
# read by name: the type stubs of some type checkers lack it.
_text_encoding: Callable[[str | None], str] = getattr(io, "text_encoding")


class _MemoryRaw(io.RawIOBase):
    """The raw layer of one open file: reads and writes go to the path's shared bytearray."""

    def __init__(
        self, data: bytearray, name: Any, mode: str, reading: bool, writing: bool, appending: bool
    ) -> None:
        super().__init__()
        self._data = data
        self._position = 0
        self._reading = reading
        self._writing = writing
        self._appending = appending
        self.name = name
        self.mode = mode

    def readable(self) -> bool:
        self._check_closed()
        return self._reading

    def writable(self) -> bool:
        self._check_closed()
        return self._writing

    def seekable(self) -> bool:
        self._check_closed()
        return True

    def _check_closed(self) -> None:
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    def readinto(self, buffer: Any) -> int:
        self._check_closed()
        if not self._reading:
            raise io.UnsupportedOperation("read")
        view = memoryview(buffer).cast("B")
        chunk = self._data[self._position : self._position + len(view)]
        view[: len(chunk)] = chunk
        self._position += len(chunk)
        return len(chunk)

    def write(self, data: Any) -> int:
        self._check_closed()
        if not self._writing:
            raise io.UnsupportedOperation("write")
        chunk = bytes(data)
        if self._appending:
            self._position = len(self._data)
        end = self._position + len(chunk)
        if self._position > len(self._data):
            # Writing past the end fills the gap with zero bytes, as files do.
            self._data.extend(bytes(self._position - len(self._data)))
        self._data[self._position : end] = chunk
        self._position = end
        return len(chunk)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self._check_closed()
        if whence == io.SEEK_SET:
            target = offset
        elif whence == io.SEEK_CUR:
            target = self._position + offset
        elif whence == io.SEEK_END:
            target = len(self._data) + offset
        else:
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        if target < 0:
            raise OSError(errno.EINVAL, os.strerror(errno.EINVAL))
        self._position = target
        return target

    def tell(self) -> int:
        self._check_closed()
        return self._position

    def truncate(self, size: int | None = None) -> int:
        self._check_closed()
        if not self._writing:
            raise io.UnsupportedOperation("truncate")
        size = self._position if size is None else size
        if size < len(self._data):
            del self._data[size:]
        else:
            self._data.extend(bytes(size - len(self._data)))
        return size


def _parse_mode(mode: str) -> tuple[str, bool, bool]:
    """(kind, plus, binary) of an open() mode, refusing what open() refuses."""
    # Checked in open()'s order, with its messages.
    letters = set(mode)
    if not letters <= _MODE_LETTERS or len(mode) != len(letters):
        raise ValueError(f"invalid mode: {mode!r}")
    if "b" in letters and "t" in letters:
        raise ValueError("can't have text and binary mode at once")
    kinds = [c for c in mode if c in "rwax"]
    if len(kinds) > 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if not kinds:
        raise ValueError(
            "Must have exactly one of create/read/write/append mode and at most one plus"
        )
    return kinds[0], "+" in letters, "b" in letters


class FakeFiles:
    """In-memory files by path, and :attr:`open`, a mock that opens them.

    ``contents`` maps paths to their contents: ``bytes``, or ``str`` (stored UTF-8 encoded).
    Patch ``builtins.open`` (or wherever the code under test finds ``open``) with
    :attr:`open`; read what the code wrote with :meth:`read_bytes` and :meth:`read_text`.

    .. versionadded:: 0.2.0
    """

    def __init__(self, contents: Mapping[Any, str | bytes] | None = None) -> None:
        self._files: dict[str, bytearray] = {}
        self._lock = threading.Lock()
        for path, content in (contents or {}).items():
            self[path] = content
        #: The opener: call it as :func:`open` is called; it records the calls.
        self.open: Mock = Mock(name="open", side_effect=self._open)

    @staticmethod
    def _key(path: Any) -> str:
        # "data/./a.txt" and "data/a.txt" are one file, as on disk.
        return os.fsdecode(os.path.normpath(path))

    def __setitem__(self, path: Any, content: str | bytes) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else bytes(content)
        with self._lock:
            self._files[self._key(path)] = bytearray(data)

    def __contains__(self, path: object) -> bool:
        try:
            return self._key(path) in self._files
        except TypeError:
            return False

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._files))

    def __len__(self) -> int:
        return len(self._files)

    def __delitem__(self, path: Any) -> None:
        with self._lock:
            del self._files[self._key(path)]

    def read_bytes(self, path: Any) -> bytes:
        """What the file holds now (flushed writes included)."""
        try:
            return bytes(self._files[self._key(path)])
        except KeyError:
            raise _not_found(path) from None

    def read_text(self, path: Any, encoding: str = "utf-8") -> str:
        """What the file holds now, decoded (newlines as stored)."""
        return self.read_bytes(path).decode(encoding)

    def _open(
        self,
        file: Any,
        mode: str = "r",
        buffering: int = -1,
        encoding: str | None = None,
        errors: str | None = None,
        newline: str | None = None,
        closefd: bool = True,
        opener: Any = None,
    ) -> Any:
        kind, plus, binary = _parse_mode(mode)
        if binary and (encoding is not None or errors is not None or newline is not None):
            # open()'s own refusals, in its order.
            which = (
                "an encoding" if encoding is not None else "an errors" if errors else "a newline"
            )
            raise ValueError(f"binary mode doesn't take {which} argument")
        key = self._key(file)
        with self._lock:
            data = self._files.get(key)
            if data is None:
                if kind == "r":
                    raise _not_found(file)
                data = self._files[key] = bytearray()
            elif kind == "x":
                raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), file)
            elif kind == "w":
                del data[:]
        reading, writing = kind == "r" or plus, kind != "r" or plus
        raw = _MemoryRaw(data, file, _raw_mode(kind, plus), reading, writing, kind == "a")
        if kind == "a":
            raw.seek(0, io.SEEK_END)
        if buffering == 0:
            if not binary:
                raise ValueError("can't have unbuffered text I/O")
            return raw
        size = io.DEFAULT_BUFFER_SIZE if buffering in (-1, 1) else buffering
        buffer: Any
        if plus:
            buffer = io.BufferedRandom(raw, size)
        elif writing:
            buffer = io.BufferedWriter(raw, size)
        else:
            buffer = io.BufferedReader(raw, size)
        if binary:
            return buffer
        text = io.TextIOWrapper(
            buffer, _text_encoding(encoding), errors, newline, line_buffering=buffering == 1
        )
        text.mode = mode  # type: ignore[misc]  # as open() sets it
        return text


def _raw_mode(kind: str, plus: bool) -> str:
    # What FileIO reports as its mode, as on this interpreter: before 3.15 "w+" shows as
    # "rb+" (read-write, like "r+"); 3.15 reports "wb+".
    if plus:
        return {"r": "rb+", "w": _W_PLUS, "a": "ab+", "x": "xb+"}[kind]
    return kind + "b"


_W_PLUS = "wb+" if sys.version_info >= (3, 15) else "rb+"


def _not_found(path: Any) -> FileNotFoundError:
    return FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), path)


def fake_files(contents: Mapping[Any, str | bytes] | None = None) -> FakeFiles:
    """In-memory files for code that opens several: ``fake_files({"a.txt": "..."})``.

    Returns a :class:`FakeFiles`; patch ``open`` with its :attr:`~FakeFiles.open`.

    .. versionadded:: 0.2.0
    """
    return FakeFiles(contents)
