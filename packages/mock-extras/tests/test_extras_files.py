"""Realistic files: fake_files behaves as files on disk do, compared with real files."""

from __future__ import annotations

import io
import os
import pathlib
import tempfile
from typing import Any, Callable

import pytest
from hypothesis import given, strategies as st

from mock_core import Mock, call
from mock_extras import FakeFiles, fake_files


def _outcome(action: Callable[[], Any]) -> Any:
    try:
        return ("ok", action())
    except Exception as error:  # the same error, type and message, is what must agree
        return ("raise", type(error).__name__, str(error))


def _both(setup: dict[str, bytes], action: Callable[[Callable[..., Any], str], Any]) -> None:
    """Run ``action(open, directory)`` on real files and on fake ones: the results agree."""
    with tempfile.TemporaryDirectory() as directory:
        for name, content in setup.items():
            with open(os.path.join(directory, name), "wb") as handle:
                handle.write(content)
        real = _outcome(lambda: action(open, directory))
        real_files = {
            name: pathlib.Path(directory, name).read_bytes() for name in os.listdir(directory)
        }
        fake = fake_files({os.path.join(directory, n): c for n, c in setup.items()})
        faked = _outcome(lambda: action(fake.open, directory))
        fake_contents = {os.path.basename(p): fake.read_bytes(p) for p in fake}
    assert faked == real
    assert fake_contents == real_files


MODES = ["r", "r+", "w", "w+", "a", "a+", "x", "x+"]
texts = st.text(alphabet="ab\n\r\u00e9", max_size=6)

operations = st.lists(
    st.one_of(
        st.tuples(st.just("write"), texts),
        st.tuples(st.just("read"), st.integers(-1, 4)),
        st.tuples(st.just("readline"), st.just(None)),
        st.tuples(st.just("seek"), st.sampled_from([(0, 0), (0, 2), "tell"])),
        st.tuples(st.just("tell"), st.just(None)),
        st.tuples(st.just("truncate"), st.just(None)),
        st.tuples(st.just("flush"), st.just(None)),
    ),
    max_size=6,
)


def _run(handle: Any, steps: list[tuple[str, Any]], binary: bool) -> list[Any]:
    results = []
    for name, value in steps:
        if name == "write":
            data = value.encode("utf-8") if binary else value
            results.append(_outcome(lambda data=data: handle.write(data)))
        elif name == "seek":
            where = (handle.tell(),) if value == "tell" else value
            results.append(_outcome(lambda where=where: handle.seek(*where)))
        elif name in ("read", "readline", "tell", "truncate", "flush"):
            method = getattr(handle, name)
            args = () if value is None else (value,)
            results.append(_outcome(lambda method=method, args=args: method(*args)))
    return results


@given(
    mode=st.sampled_from(MODES),
    binary=st.booleans(),
    exists=st.booleans(),
    content=texts,
    newline=st.sampled_from([None, "", "\n", "\r\n"]),
    steps=operations,
)
def test_any_sequence_of_operations_agrees_with_real_files(
    mode: str, binary: bool, exists: bool, content: str, newline: str | None, steps: Any
) -> None:
    setup = {"f.txt": content.encode("utf-8")} if exists else {}

    def action(opener: Callable[..., Any], directory: str) -> Any:
        path = os.path.join(directory, "f.txt")
        if binary:
            handle = opener(path, mode + "b")
        else:
            handle = opener(path, mode, encoding="utf-8", newline=newline)
        with handle:
            return _run(handle, steps, binary), handle.mode, handle.readable(), handle.writable()

    _both(setup, action)


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        (("missing.txt",), {}),
        (("f.txt", "x"), {}),
        (("f.txt", "rw"), {}),
        (("f.txt", "rbt"), {}),
        (("f.txt", "rr"), {}),
        (("f.txt", "b"), {}),
        (("f.txt", "rb"), {"encoding": "utf-8"}),
        (("f.txt", "rb"), {"newline": ""}),
        (("f.txt", "r"), {"buffering": 0}),
    ],
)
def test_refusals_are_open_s_own(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    def action(opener: Callable[..., Any], directory: str) -> Any:
        with opener(os.path.join(directory, args[0]), *args[1:], **kwargs) as handle:
            return handle.read()

    _both({"f.txt": b"data"}, action)


@pytest.mark.parametrize("mode", ["r", "w", "a"])
def test_the_wrong_direction_is_refused_as_on_disk(mode: str) -> None:
    def action(opener: Callable[..., Any], directory: str) -> Any:
        with opener(os.path.join(directory, "f.txt"), mode) as handle:
            return _outcome(lambda: handle.write("x")), _outcome(handle.read)

    _both({"f.txt": b"data"}, action)


def test_code_that_reads_one_file_and_writes_another() -> None:
    def convert(opener: Callable[..., Any], source: str, target: str) -> None:
        with opener(source, encoding="utf-8") as lines, opener(target, "w") as out:
            for line in lines:
                out.write(line.upper())

    files = fake_files({"in.txt": "ab\ncd\n"})
    convert(files.open, "in.txt", "out.txt")
    assert files.read_text("out.txt") == "AB\nCD\n"
    assert files.read_text("in.txt") == "ab\ncd\n"
    assert files.open.call_args_list == [call("in.txt", encoding="utf-8"), call("out.txt", "w")]
    assert list(files) == ["in.txt", "out.txt"]


def test_paths_name_one_file_however_spelled() -> None:
    files = fake_files({pathlib.Path("data") / "a.txt": b"x"})
    with files.open("data/./a.txt", "rb") as handle:
        assert handle.read() == b"x"
    assert "data/a.txt" in files and pathlib.Path("data/a.txt") in files
    assert 3 not in files


def test_writes_are_seen_once_flushed_by_every_handle() -> None:
    files = fake_files()
    writer = files.open("log.txt", "w")
    writer.write("first")
    assert files.read_text("log.txt") == ""  # still in the handle's buffer, as on disk
    writer.flush()
    with files.open("log.txt") as reader:
        assert reader.read() == "first"
    writer.write(" second")
    writer.close()
    assert files.read_text("log.txt") == "first second"


def test_newlines_are_translated_as_text_files_translate_them() -> None:
    files = fake_files()
    with files.open("crlf.txt", "w", newline="\r\n") as handle:
        handle.write("a\nb\n")
    assert files.read_bytes("crlf.txt") == b"a\r\nb\r\n"
    with files.open("crlf.txt") as handle:
        assert handle.readlines() == ["a\n", "b\n"]


def test_binary_and_text_contents_and_unbuffered_files() -> None:
    files = FakeFiles({"blob": b"\x00\xff", "note": "caf\u00e9"})
    assert files.read_bytes("note") == "caf\u00e9".encode()
    with files.open("blob", "rb", buffering=0) as raw:
        assert isinstance(raw, io.RawIOBase)
        assert raw.read(1) == b"\x00"
    with pytest.raises(FileNotFoundError) as missing:
        files.read_bytes("nothing")
    assert missing.value.filename == "nothing"
    del files["blob"]
    assert len(files) == 1


def test_the_opener_is_a_mock() -> None:
    files = fake_files({"a": "1"})
    assert isinstance(files.open, Mock)
    files.open("a").close()
    files.open.assert_called_once_with("a")


@pytest.mark.parametrize("binary", [False, True], ids=["text", "binary"])
def test_appending_writes_at_the_end_wherever_the_handle_was(binary: bool) -> None:
    def action(opener: Callable[..., Any], directory: str) -> Any:
        with opener(os.path.join(directory, "f.txt"), "a+b" if binary else "a+") as handle:
            handle.seek(0)
            first = handle.read()
            handle.seek(0)
            handle.write(b"!" if binary else "!")
            return first, handle.tell()

    _both({"f.txt": b"data"}, action)
