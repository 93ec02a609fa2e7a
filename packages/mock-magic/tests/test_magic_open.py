"""mock_open: reading text and bytes, iteration, context managers, restarts, recorded calls."""

from __future__ import annotations

import io
from contextlib import ExitStack
from typing import Any

import pytest
from magic_support import agree, ok, raises

from mock_core import call
from mock_magic import MagicMock, _to_stream, mock_open

TEXT = "a\nbb\nccc"
DATA = [TEXT, TEXT.encode()]


def _text(data: Any, value: str) -> Any:
    return value.encode() if isinstance(data, bytes) else value


@pytest.mark.parametrize("data", DATA, ids=["text", "bytes"])
def test_read(data: Any) -> None:
    handle = mock_open(read_data=data)("f")
    assert handle.read() == data
    assert handle.read() == _text(data, "")


@pytest.mark.parametrize("data", DATA, ids=["text", "bytes"])
def test_read_with_a_size(data: Any) -> None:
    handle = mock_open(read_data=data)()
    assert handle.read(2) == _text(data, "a\n")
    assert handle.read(3) == _text(data, "bb\n")
    assert handle.read(-1) == _text(data, "ccc")


@pytest.mark.parametrize("data", DATA, ids=["text", "bytes"])
def test_readline_and_readlines(data: Any) -> None:
    handle = mock_open(read_data=data)()
    expected = [_text(data, line) for line in ("a\n", "bb\n", "ccc", "")]
    assert [handle.readline() for _ in range(4)] == expected
    handle = mock_open(read_data=data)()
    assert handle.readline() == _text(data, "a\n")
    assert handle.readlines() == [_text(data, "bb\n"), _text(data, "ccc")]
    assert handle.readlines() == []


@pytest.mark.parametrize("data", DATA, ids=["text", "bytes"])
def test_iteration_and_next(data: Any) -> None:
    handle = mock_open(read_data=data)()
    assert list(handle) == [_text(data, s) for s in ("a\n", "bb\n", "ccc")]
    assert list(handle) == []
    handle = mock_open(read_data=data)()
    assert next(handle) == _text(data, "a\n")
    assert list(iter(handle)) == [_text(data, "bb\n"), _text(data, "ccc")]
    with pytest.raises(StopIteration):
        next(handle)


def test_reads_interleave_on_one_position() -> None:
    handle = mock_open(read_data=TEXT)()
    assert handle.readline() == "a\n"
    assert next(handle) == "bb\n"
    assert handle.read(1) == "c"
    assert handle.readlines() == ["cc"]
    assert list(handle) == []


def test_each_open_restarts_the_data() -> None:
    opener = mock_open(read_data=TEXT)
    first = opener()
    assert first.read(1) == "a"
    second = opener()
    assert second is first  # one handle, as in the standard library
    assert second.read() == TEXT
    assert second.readline() == ""
    assert opener().readline() == "a\n"
    assert list(opener()) == ["a\n", "bb\n", "ccc"]


def test_context_manager_records_close_on_exit() -> None:
    opener = mock_open(read_data=TEXT)
    with opener("f", "r") as handle:
        assert handle.read() == TEXT
    assert opener.mock_calls == [
        call("f", "r"),
        call().__enter__(),
        call().read(),
        call().__exit__(None, None, None),
        call().close(),
    ]
    handle.close.assert_called_once_with()


def test_close_is_recorded_when_the_block_raises() -> None:
    opener = mock_open()
    with pytest.raises(KeyError), opener("f"):
        raise KeyError("x")
    assert opener.mock_calls[-1] == call().close()
    assert opener.return_value.__exit__.call_args[0][0] is KeyError


def test_exit_stack_enters_and_exits_the_handle() -> None:
    # Up to 3.14, ExitStack reads ``type(cm).__exit__`` and calls it with the handle and the
    # exception triple, four arguments in all (gh-150484, fixed in the standard library's
    # 3.13.18 and 3.14.10); 3.15's binds the methods first.
    opener = mock_open(read_data=TEXT)
    with ExitStack() as stack:
        handle = stack.enter_context(opener("f"))
        assert handle.read() == TEXT
    through_class = opener.mock_calls[1] == call().__enter__(handle)
    first = (handle,) if through_class else ()
    assert opener.mock_calls == [
        call("f"),
        call().__enter__(*first),
        call().read(),
        call().__exit__(*first, None, None, None),
        call().close(),
    ]


@pytest.mark.parametrize("args", [(), (KeyError,), (1, 2, 3, 4, 5)])
def test_exit_accepts_any_positional_arguments(args: Any) -> None:
    handle = mock_open()()
    assert handle.__exit__(*args) is None
    handle.close.assert_called_once_with()


def test_write_returns_none_and_is_recorded() -> None:
    opener = mock_open()
    with opener("out", "w") as handle:
        assert handle.write("text") is None
    handle.write.assert_called_once_with("text")
    opener.assert_called_once_with("out", "w")


def test_configured_return_values_win() -> None:
    handle = mock_open(read_data=TEXT)()
    handle.read.return_value = "R"
    handle.readline.return_value = "L"
    handle.readlines.return_value = ["Z"]
    assert (handle.read(), handle.readline(), handle.readlines()) == ("R", "L", ["Z"])
    assert (next(handle), next(handle)) == ("L", "L")
    iterator = iter(handle)
    assert [next(iterator) for _ in range(3)] == ["L", "L", "L"]


def test_configured_side_effects_win() -> None:
    opener = mock_open(read_data=TEXT)
    handle = opener()
    handle.read.side_effect = ["S"]
    assert handle.read() == "S"
    handle.readline.side_effect = ["X", "Y"]
    assert handle.readline() == "X"
    opener()  # reopening keeps a generator the user set
    assert handle.readline() == "Y"


def test_handle_is_specced_on_file_objects() -> None:
    handle = mock_open()()
    for name in ("fileno", "buffer", "getvalue", "seek", "tell", "closed", "encoding"):
        assert hasattr(handle, name), name
    assert agree(lambda mod: mod.mock_open()().foo) == raises(
        "AttributeError", "Mock object has no attribute 'foo'"
    )


def test_open_mock_has_no_spec_class_but_opens_names() -> None:
    opener = mock_open()
    assert repr(opener) == f"<MagicMock name='open' id='{id(opener)}'>"
    assert opener._spec_class is None
    assert set(opener._mock_methods) == set(dir(open))
    assert opener("a", "b", "c", "d", "e", "f", "g", "h", "i") is opener.return_value


def test_an_existing_mock_is_configured_in_place() -> None:
    existing = MagicMock()
    assert mock_open(existing, read_data="q") is existing
    assert existing().read() == "q"
    assert existing.mock_calls == [call(), call().read()]


def test_reset_mock_keeps_the_position() -> None:
    def scenario(mod: Any) -> Any:
        opener = mod.mock_open(read_data=TEXT)
        handle = opener()
        handle.read(1)
        opener.reset_mock()
        return handle.read(), opener.mock_calls

    assert agree(scenario) == ok("('\\nbb\\nccc', [call().read()])")


@pytest.mark.parametrize(
    ("read_data", "expected"),
    [
        ("", ok("('', '', [], [])")),
        (None, ok("('', '', [], [])")),
        (b"", ok("(b'', b'', [], [])")),
        (["a"], raises("TypeError", "initial_value must be str or None, not list")),
    ],
)
def test_unusual_read_data(read_data: Any, expected: Any) -> None:
    def scenario(mod: Any) -> Any:
        handle = mod.mock_open(read_data=read_data)()
        return handle.read(), handle.readline(), handle.readlines(), list(handle)

    assert agree(scenario) == expected


def test_to_stream() -> None:
    assert isinstance(_to_stream("x"), io.StringIO)
    assert isinstance(_to_stream(b"x"), io.BytesIO)
    assert _to_stream(b"ab").read() == b"ab"


def test_recorded_calls_match_the_stdlib() -> None:
    def scenario(mod: Any) -> Any:
        opener = mod.mock_open(read_data=TEXT)
        with opener("f") as handle:
            handle.readline()
            handle.readlines()
            handle.read(1)
        for _line in opener("g", "rb"):
            pass
        next(opener())
        return opener.mock_calls, handle.mock_calls, handle.method_calls

    expected = agree(scenario)
    assert expected[0] == "ok"
    assert "call().__enter__()" in expected[1] and "call.close()" in expected[1]


def test_abandoned_iteration_does_not_close_the_data() -> None:
    handle = mock_open(read_data="1\n2\n3")()
    for _line in handle:
        break
    assert handle.readlines() == ["2\n", "3"]
    assert agree(lambda mod: _abandon(mod)) == ok("(['\\n'], [])")


def _abandon(mod: Any) -> Any:
    handle = mod.mock_open(read_data="\n")()
    taken = [next(iter(handle))]
    return taken, handle.readlines()


def test_readline_return_value_is_read_at_each_line() -> None:
    def scenario(mod: Any) -> Any:
        handle = mod.mock_open(read_data="")()
        handle.readline.return_value = 1
        first = handle.readline()
        handle.readline.return_value = 0
        return first, handle.readline(), next(handle)

    assert agree(scenario) == ok((1, 0, 0))
