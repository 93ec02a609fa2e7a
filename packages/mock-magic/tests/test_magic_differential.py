"""Differential tests: generated operation sequences run against mockkit and unittest.mock.

Hypothesis generates programs (lists of operations) over a MagicMock tree, an AsyncMock and
a mock_open; each program is interpreted once with the stdlib's classes and once with
mock_core + mock_magic. Every operation's outcome (masked repr of the result, or the
exception's type and message) must be the same. The stdlib is the reference from 3.13 on;
on older interpreters the programs still run against mockkit, where they must not hang or
break the interpreter.
"""

from __future__ import annotations

import itertools
import operator
import os
from typing import Any, Callable, List, Tuple

import pytest
from hypothesis import given, strategies as st
from magic_support import KIT, STD, STD_IS_REFERENCE, Outcome, describe, mask

# Programs call async magics (a MagicMock's __aexit__, an AsyncMock itself) without always
# awaiting the result; the coroutines they drop are expected.
pytestmark = pytest.mark.filterwarnings("ignore:coroutine .* was never awaited:RuntimeWarning")

Op = Tuple[Any, ...]
Program = List[Op]

VALUES = st.one_of(st.integers(-3, 3), st.sampled_from(["", "x", "ab"]), st.none())
MAGICS = [
    "__int__", "__len__", "__iter__", "__str__", "__eq__", "__ne__", "__lt__", "__getitem__",
    "__setitem__", "__enter__", "__exit__", "__bool__", "__contains__", "__add__", "__hash__",
    "__next__", "__fspath__", "__float__", "__index__", "__aenter__", "__aexit__", "__aiter__",
    "__repr__", "__format__", "__reversed__",
]  # fmt: skip
CONFIGURABLE = [m for m in MAGICS if m not in ("__repr__", "__format__", "__reversed__")]
PATHS = [(), ("a",), ("()",), ("a", "b"), ("a", "()"), ("__int__",), ("__getitem__", "()")]
SPECS = ["none", "empty", "sized", "names", "int"]


def drive(awaitable: Any) -> Any:
    """Run a coroutine that never suspends (mocks' coroutines don't) to its result."""
    try:
        awaitable.send(None)
    except StopIteration as done:
        return done.value
    awaitable.close()
    raise RuntimeError("the coroutine suspended")


async def _collect(mock: Any) -> list[Any]:
    # Bounded: a mock whose __aiter__ hands out another mock iterates forever.
    items: list[Any] = []
    async for item in mock:
        items.append(item)
        if len(items) == 4:
            break
    return items


async def _async_with(mock: Any, fail: bool) -> Any:
    async with mock as entered:
        if fail:
            raise KeyError("inside")
        return entered


def _observe(step: Callable[[], Any]) -> Outcome:
    try:
        result = step()
    except BaseException as exc:  # every outcome is compared, exceptions included
        return ("raise", type(exc).__name__, mask(str(exc)))
    return ("ok", describe(result))


# Crashes of the stdlib that mockkit does not copy: assert_has_calls (and friends) walk the
# children named in mock_calls to find signatures, and the stdlib trips over a child that
# was deleted since (its DELETED sentinel has no _mock_children).
STDLIB_CRASHES = [
    ("raise", "AttributeError", "'_SentinelObject' object has no attribute '_mock_children'"),
]


def _compare(program: Program, interpret: Callable[[Any, Program], list[Outcome]]) -> None:
    mine = interpret(KIT, program)
    if STD_IS_REFERENCE:
        theirs = interpret(STD, program)
        for index, (a, b) in enumerate(zip(mine, theirs, strict=False)):
            if b in STDLIB_CRASHES:
                continue
            # Outcome 0 belongs to the first step (program[1]); the last one to the end.
            step = program[index + 1] if index + 1 < len(program) else "final observation"
            assert a == b, f"\nstep {step}\nmockkit:       {a}\nunittest.mock: {b}"
        assert len(mine) == len(theirs)


# -- MagicMock programs ------------------------------------------------------------------


class _Sized:
    def __len__(self) -> int:
        return 0

    def __iter__(self) -> Any:
        return iter([])

    def method(self) -> None:
        pass


def _spec(mod: Any, choice: str) -> Any:
    return {
        "none": None,
        "empty": [],
        "sized": _Sized,
        "names": ["__int__", "__iter__", "a", "__enter__", "__exit__"],
        "int": int,
    }[choice]


def _protocol(name: str, mock: Any, arg: Any) -> Any:
    if name == "int":
        return int(mock)
    if name == "float":
        return float(mock)
    if name == "len":
        return len(mock)
    if name == "bool":
        return bool(mock)
    if name == "contains":
        # Called directly: ``in`` falls back to iterating, which may not end.
        return mock.__contains__(arg)
    if name == "iter":
        return list(itertools.islice(iter(mock), 4))
    if name == "str":
        return str(mock)
    if name == "repr":
        return repr(mock)
    if name == "hash":
        return hash(mock) == object.__hash__(mock)
    if name == "getitem":
        return mock[arg]
    if name == "setitem":
        mock[arg] = 1
        return None
    if name == "add":
        return mock + arg
    if name == "radd":
        return arg + mock
    if name == "iadd":
        target = mock
        target += arg
        return target
    if name == "eq":
        return mock == arg, mock == mock, mock != arg, mock != mock
    if name == "lt":
        return mock < arg
    if name == "with":
        with mock as entered:
            return entered
    if name == "with-raise":
        with mock:
            raise KeyError("inside")
    if name == "next":
        return next(mock)
    if name == "index":
        return operator.index(mock)
    if name == "fspath":
        return os.fspath(mock)
    if name == "format":
        return format(mock, "")
    if name == "reversed":
        return list(itertools.islice(reversed(mock), 4))
    if name == "async-with":
        return drive(_async_with(mock, fail=False))
    if name == "async-with-raise":
        return drive(_async_with(mock, fail=True))
    if name == "async-for":
        return drive(_collect(mock))
    if name == "call":
        return mock(arg)
    raise AssertionError(name)


PROTOCOLS = [
    "int", "float", "len", "bool", "contains", "iter", "str", "repr", "hash", "getitem",
    "setitem", "add", "radd", "iadd", "eq", "lt", "with", "with-raise", "next", "index",
    "fspath", "format", "reversed", "async-with", "async-with-raise", "async-for", "call",
]  # fmt: skip


def _resolve(mock: Any, path: tuple[str, ...]) -> Any:
    for step in path:
        mock = mock() if step == "()" else getattr(mock, step)
    return mock


def _magic_step(mod: Any, root: Any, op: Op) -> Callable[[], Any]:
    kind = op[0]

    def target() -> Any:
        # Resolved inside the observed step: reaching the target may itself raise.
        return _resolve(root, op[1])

    if kind == "protocol":
        return lambda: _protocol(op[2], target(), op[3])
    if kind == "return_value":
        return lambda: setattr(getattr(target(), op[2]), "return_value", op[3])
    if kind == "side_effect":
        effects: dict[str, Callable[[], Any]] = {
            "raise": lambda: KeyError("effect"),
            "list": lambda: [op[3], op[3]],
            "function": lambda: lambda *args, **kwargs: op[3],
            "default": lambda: lambda *args, **kwargs: mod.DEFAULT,
        }
        return lambda: setattr(getattr(target(), op[2]), "side_effect", effects[op[4]]())
    if kind == "function":
        return lambda: setattr(target(), op[2], lambda self, *args: op[3])
    if kind == "mock":
        return lambda: setattr(target(), op[2], mod.MagicMock(return_value=op[3]))
    if kind == "delete":
        return lambda: delattr(target(), op[2])
    if kind == "attach":

        def attach() -> Any:
            mock = target()
            mock.attach_mock(mod.MagicMock(return_value=op[3]), op[2])
            return getattr(mock, op[2])

        return attach
    if kind == "type-set":

        def type_set() -> Any:
            mock = target()
            setattr(type(mock), op[2], lambda self, *args: op[3])

        return type_set
    if kind == "type-property":

        def type_property() -> Any:
            mock = target()
            type(mock).prop = mod.PropertyMock(return_value=op[3])
            return mock.prop

        return type_property
    if kind == "reset":
        return lambda: target().reset_mock(return_value=op[2], side_effect=op[3])
    if kind == "add_spec":
        return lambda: target().mock_add_spec(_spec(mod, op[2]), spec_set=op[3])
    if kind == "seal":
        return lambda: mod.seal(target())
    if kind == "configure":
        return lambda: target().configure_mock(**{f"{op[2]}.return_value": op[3]})
    if kind == "assert":
        return lambda: getattr(getattr(target(), op[2]), op[3])()
    if kind == "assert_called_with":
        return lambda: getattr(target(), op[2]).assert_called_with(op[3])
    if kind == "has_calls":
        return lambda: target().assert_has_calls([getattr(mod.call, op[2])()], any_order=op[3])
    if kind == "observe":

        def observe() -> Any:
            mock = target()
            return (
                mock.mock_calls,
                mock.method_calls,
                mock.call_args_list,
                [n for n in dir(mock) if n.startswith("__")],
                hasattr(mock, op[2]),
            )

        return observe
    raise AssertionError(kind)


PATH = st.sampled_from(PATHS)
MAGIC_OPS = st.one_of(
    st.tuples(st.just("protocol"), PATH, st.sampled_from(PROTOCOLS), VALUES),
    st.tuples(st.just("return_value"), PATH, st.sampled_from(CONFIGURABLE), VALUES),
    st.tuples(
        st.just("side_effect"),
        PATH,
        st.sampled_from(CONFIGURABLE),
        VALUES,
        st.sampled_from(["raise", "list", "function", "default"]),
    ),
    st.tuples(st.just("function"), PATH, st.sampled_from(MAGICS), VALUES),
    st.tuples(st.just("mock"), PATH, st.sampled_from(MAGICS), VALUES),
    st.tuples(st.just("delete"), PATH, st.sampled_from(MAGICS)),
    st.tuples(st.just("attach"), PATH, st.sampled_from(MAGICS), VALUES),
    st.tuples(st.just("type-set"), PATH, st.sampled_from(MAGICS), VALUES),
    st.tuples(st.just("type-property"), PATH, VALUES),
    st.tuples(st.just("reset"), PATH, st.booleans(), st.booleans()),
    st.tuples(st.just("add_spec"), PATH, st.sampled_from(SPECS), st.booleans()),
    st.tuples(st.just("seal"), PATH),
    st.tuples(st.just("configure"), PATH, st.sampled_from(CONFIGURABLE), VALUES),
    st.tuples(
        st.just("assert"),
        PATH,
        st.sampled_from(CONFIGURABLE),
        st.sampled_from(["assert_called", "assert_called_once", "assert_not_called"]),
    ),
    st.tuples(st.just("assert_called_with"), PATH, st.sampled_from(CONFIGURABLE), VALUES),
    st.tuples(st.just("has_calls"), PATH, st.sampled_from(CONFIGURABLE), st.booleans()),
    st.tuples(st.just("observe"), PATH, st.sampled_from(MAGICS)),
)
MAGIC_ROOTS = st.tuples(
    st.sampled_from(["MagicMock", "NonCallableMagicMock", "AsyncMock", "ThreadingMock"]),
    st.sampled_from(SPECS),
    st.sampled_from([None, "root"]),
)


# Specs that are classes give the stdlib a signature to bind recorded calls to before it
# compares them; that is mock-spec's job (plugin point 3), absent from these tests.
CLASS_SPECS = {"sized", "int"}
MATCHING_STEPS = {"has_calls", "assert_called_with"}


def _interpret_magic(mod: Any, program: Program) -> list[Outcome]:
    (cls_name, spec, name), *steps = program
    try:
        root = getattr(mod, cls_name)(spec=_spec(mod, spec), name=name)
    except BaseException as exc:
        return [("raise", type(exc).__name__, mask(str(exc)))]
    bound = spec in CLASS_SPECS
    outcomes = []
    for op in steps:
        if cls_name == "ThreadingMock" and op[0] == "protocol" and op[2] == "eq":
            # The stdlib's ThreadingMock deadlocks when comparing recorded arguments calls
            # the mock again (``m == 1`` then ``m == m``); mockkit's does not.
            outcomes.append(("stdlib deadlocks",))
            continue
        outcome = _observe(_magic_step(mod, root, op))
        bound = bound or (op[0] == "add_spec" and op[2] in CLASS_SPECS)
        if bound and op[0] in MATCHING_STEPS:
            outcome = ("depends on signatures",)
        outcomes.append(outcome)
    outcomes.append(_observe(lambda: (root.mock_calls, root.method_calls)))
    return outcomes


@given(root=MAGIC_ROOTS, steps=st.lists(MAGIC_OPS, max_size=12))
def test_magic_mock_programs_agree(root: Op, steps: Program) -> None:
    _compare([root, *steps], _interpret_magic)


# -- AsyncMock programs ------------------------------------------------------------------

ARGS = st.lists(st.integers(0, 2), max_size=2).map(tuple)


async def _effect_async(*args: Any, **kwargs: Any) -> Any:
    return ("async", args)


def _async_step(mod: Any, mock: Any, pending: list[Any], op: Op) -> Callable[[], Any]:
    kind = op[0]
    if kind == "call":

        def call() -> Any:
            target = mock if op[1] is None else getattr(mock, op[1])
            awaitable = target(*op[2])
            pending.append(awaitable)
            return type(awaitable).__name__

        return call
    if kind == "await":

        def await_one() -> Any:
            if not pending:
                return "nothing pending"
            return drive(pending.pop(op[1] % len(pending)))

        return await_one
    if kind == "return_value":
        return lambda: setattr(mock, "return_value", op[1])
    if kind == "side_effect":
        effects: dict[str, Callable[[], Any]] = {
            "raise": lambda: ValueError("boom"),
            "raise-class": lambda: KeyError,
            "list": lambda: [1, KeyError("in list"), 3],
            "async": lambda: _effect_async,
            "sync": lambda: lambda *args: ("sync", args),
            "default": lambda: lambda *args: mod.DEFAULT,
            "none": lambda: None,
        }
        return lambda: setattr(mock, "side_effect", effects[op[1]]())
    if kind == "assert":
        name, args = op[1], op[2]
        if name in ("assert_awaited", "assert_awaited_once", "assert_not_awaited",
                    "assert_called", "assert_called_once", "assert_not_called"):  # fmt: skip
            return lambda: getattr(mock, name)()
        if name in ("assert_has_awaits", "assert_has_calls"):
            return lambda: getattr(mock, name)([mod.call(*args)], any_order=op[3])
        return lambda: getattr(mock, name)(*args)
    if kind == "observe":
        return lambda: (
            mock.await_count,
            mock.await_args,
            mock.await_args_list,
            mock.call_count,
            mock.call_args_list,
            mock.mock_calls,
            mock.method_calls,
        )
    if kind == "reset":
        return lambda: mock.reset_mock(return_value=op[1], side_effect=op[2])
    if kind == "async-with":
        return lambda: drive(_async_with(mock, fail=op[1]))
    if kind == "async-for":

        def async_for() -> Any:
            if op[1] is not None:
                mock.__aiter__.return_value = op[1]
            return drive(_collect(mock))

        return async_for
    if kind == "sync-magic":
        return lambda: (int(mock), len(mock), bool(mock), mock.__int__)
    raise AssertionError(kind)


ASYNC_ASSERTIONS = [
    "assert_awaited", "assert_awaited_once", "assert_awaited_with", "assert_awaited_once_with",
    "assert_any_await", "assert_has_awaits", "assert_not_awaited", "assert_called",
    "assert_called_once", "assert_called_with", "assert_not_called", "assert_has_calls",
]  # fmt: skip
ASYNC_OPS = st.one_of(
    st.tuples(st.just("call"), st.sampled_from([None, None, "child"]), ARGS),
    st.tuples(st.just("await"), st.integers(0, 3)),
    st.tuples(st.just("return_value"), VALUES),
    st.tuples(
        st.just("side_effect"),
        st.sampled_from(["raise", "raise-class", "list", "async", "sync", "default", "none"]),
    ),
    st.tuples(st.just("assert"), st.sampled_from(ASYNC_ASSERTIONS), ARGS, st.booleans()),
    st.tuples(st.just("observe")),
    st.tuples(st.just("reset"), st.booleans(), st.booleans()),
    st.tuples(st.just("async-with"), st.booleans()),
    st.tuples(st.just("async-for"), st.sampled_from([None, [1, 2], "ab", ()])),
    st.tuples(st.just("sync-magic")),
)


def _interpret_async(mod: Any, program: Program) -> list[Outcome]:
    (name,), *steps = program
    mock = mod.AsyncMock(name=name)
    pending: list[Any] = []
    try:
        outcomes = [_observe(_async_step(mod, mock, pending, op)) for op in steps]
        outcomes.append(_observe(lambda: (mock.mock_calls, mock.await_args_list)))
    finally:
        for awaitable in pending:
            awaitable.close()
    return outcomes


@given(name=st.sampled_from([None, "am"]), steps=st.lists(ASYNC_OPS, max_size=14))
def test_async_mock_programs_agree(name: Any, steps: Program) -> None:
    _compare([(name,), *steps], _interpret_async)


# -- mock_open programs ------------------------------------------------------------------

LINES = st.lists(st.sampled_from(["", "a", "bb", "c c"]), max_size=4)
READ_DATA = st.tuples(LINES, st.booleans(), st.booleans()).map(
    lambda t: ("\n".join(t[0]) + ("\n" if t[1] and t[0] else ""), t[2])
)


def _open_step(mod: Any, opener: Any, state: dict[str, Any], op: Op) -> Callable[[], Any]:
    kind = op[0]

    def handle() -> Any:
        return state.get("handle") or opener.return_value

    if kind == "open":

        def open_() -> Any:
            state["handle"] = opener(*op[1])
            return state["handle"]

        return open_
    if kind == "read":
        return lambda: handle().read() if op[1] is None else handle().read(op[1])
    if kind == "readline":
        return lambda: handle().readline() if op[1] is None else handle().readline(op[1])
    if kind == "readlines":
        return lambda: handle().readlines()
    if kind == "next":
        return lambda: next(handle())
    if kind == "iterate":
        return lambda: list(itertools.islice(handle(), op[1]))
    if kind == "with":

        def with_() -> Any:
            with opener("f") as entered:
                return entered.read(op[1]) if op[1] is not None else entered.readline()

        return with_
    if kind == "write":
        return lambda: handle().write(op[1])
    if kind == "close":
        return lambda: handle().close()
    if kind == "configure":
        return lambda: setattr(getattr(handle(), op[1]), "return_value", op[2])
    if kind == "side_effect":
        return lambda: setattr(getattr(handle(), op[1]), "side_effect", [op[2], op[2]])
    if kind == "reset":
        return lambda: opener.reset_mock()
    if kind == "observe":
        return lambda: (opener.mock_calls, handle().method_calls, opener.call_args_list)
    raise AssertionError(kind)


SIZES = st.one_of(st.none(), st.integers(-1, 4))
OPEN_OPS = st.one_of(
    st.tuples(st.just("open"), st.sampled_from([(), ("f",), ("f", "rb"), ("g", "w")])),
    st.tuples(st.just("read"), SIZES),
    st.tuples(st.just("readline"), SIZES),
    st.tuples(st.just("readlines")),
    st.tuples(st.just("next")),
    st.tuples(st.just("iterate"), st.integers(0, 5)),
    st.tuples(st.just("with"), SIZES),
    st.tuples(st.just("write"), st.sampled_from(["x", "yz"])),
    st.tuples(st.just("close")),
    st.tuples(st.just("configure"), st.sampled_from(["read", "readline", "readlines"]), VALUES),
    st.tuples(st.just("side_effect"), st.sampled_from(["read", "readline", "readlines"]), VALUES),
    st.tuples(st.just("reset")),
    st.tuples(st.just("observe")),
)


def _interpret_open(mod: Any, program: Program) -> list[Outcome]:
    ((data, as_bytes), existing), *steps = program
    read_data = data.encode() if as_bytes else data
    base = {"none": None, "magic": mod.MagicMock(), "named": mod.MagicMock(name="o")}[existing]
    opener = mod.mock_open(base, read_data=read_data)
    state: dict[str, Any] = {}
    outcomes = [_observe(_open_step(mod, opener, state, op)) for op in steps]
    outcomes.append(_observe(lambda: opener.mock_calls))
    return outcomes


@given(
    data=READ_DATA,
    existing=st.sampled_from(["none", "magic", "named"]),
    steps=st.lists(OPEN_OPS, max_size=12),
)
def test_mock_open_programs_agree(data: Any, existing: str, steps: Program) -> None:
    _compare([(data, existing), *steps], _interpret_open)


def test_drive_refuses_a_suspending_coroutine() -> None:
    import asyncio

    async def sleeper() -> None:
        await asyncio.sleep(0)

    try:
        drive(sleeper())
    except RuntimeError as exc:
        assert "suspended" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("drive() returned")
