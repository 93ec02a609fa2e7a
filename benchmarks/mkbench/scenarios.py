"""The timed scenarios.

Each scenario is one function ``prepare(mk, n)``: it receives the mock module under test (the
candidate, ``unittest.mock`` or the reference) and a loop count, builds whatever state the
operation needs (not timed), and returns the timed body, which runs the operation ``n`` times
(``n * per`` operations when the body is unrolled) and returns something for ``verify``.

The same function runs against every module, so the two libraries cannot be measured doing
different work by accident; ``verify(mk, value)`` runs once per module before timing (with
``n == VERIFY_N``) and checks that the work was really done (calls recorded, assertions able
to fail, patches undone, ...), so a candidate that silently skips something is an error, not a
win.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from typing import Any, Callable

from . import fixtures
from .fixtures import READ_DATA, Class50, Class200, call_ten, func

Body = Callable[[], Any]
Prepare = Callable[[Any, int], Body]
Verify = Callable[[Any, Any], None]

#: The loop count used when verifying a scenario.
VERIFY_N = 2


@dataclass(frozen=True)
class Scenario:
    name: str
    group: str
    doc: str
    prepare: Prepare
    verify: Verify
    per: int = 1
    #: Whether the reference library (mkbench.refmock) runs it: not where the scenario
    #: checks what that minimal library leaves out (a class per mock, class-level magics).
    reference: bool = True
    #: An opt-in feature doing work the standard library does not do at all: the ratio shows
    #: what switching it on costs, and stays out of the geometric mean and the "below 1x" list.
    opt_in_cost: bool = False


SCENARIOS: list[Scenario] = []


def scenario(
    name: str,
    group: str,
    verify: Verify,
    per: int = 1,
    reference: bool = True,
    opt_in_cost: bool = False,
) -> Callable[[Prepare], Prepare]:
    """Register ``prepare`` under ``name``; its docstring describes the scenario."""

    def register(prepare: Prepare) -> Prepare:
        doc = (prepare.__doc__ or "").strip()
        SCENARIOS.append(Scenario(name, group, doc, prepare, verify, per, reference, opt_in_cost))
        return prepare

    return register


def expect(condition: object, message: str) -> None:
    """``assert`` that survives ``python -O``."""
    if not condition:
        raise AssertionError(message)


def expect_raises(exc: type[BaseException], func: Callable[[], Any], what: str) -> None:
    try:
        func()
    except exc:
        return
    raise AssertionError(f"{what} did not raise {exc.__name__}")


def _kind(name: str) -> Verify:
    def verify(mk: Any, value: Any) -> None:
        expect(type(value).__name__ == name, f"built a {type(value).__name__}, not a {name}")
        expect(value.call_count == 0 and not value.called, "a new mock reports calls")

    return verify


# --------------------------------------------------------------------------- construction


@scenario("Mock()", "construct", _kind("Mock"))
def _mock(mk: Any, n: int) -> Body:
    """Create a ``Mock()``."""
    cls, loop = mk.Mock, range(n)

    def body() -> Any:
        for _ in loop:
            m = cls()
        return m

    return body


@scenario("MagicMock()", "construct", _kind("MagicMock"))
def _magic_mock(mk: Any, n: int) -> Body:
    """Create a ``MagicMock()``."""
    cls, loop = mk.MagicMock, range(n)

    def body() -> Any:
        for _ in loop:
            m = cls()
        return m

    return body


def _verify_non_callable(mk: Any, value: Any) -> None:
    expect(type(value).__name__ == "NonCallableMock", "not a NonCallableMock")
    expect(not callable(value), "NonCallableMock() is callable")


@scenario("NonCallableMock()", "construct", _verify_non_callable)
def _non_callable_mock(mk: Any, n: int) -> Body:
    """Create a ``NonCallableMock()``."""
    cls, loop = mk.NonCallableMock, range(n)

    def body() -> Any:
        for _ in loop:
            m = cls()
        return m

    return body


@scenario("AsyncMock()", "construct", _kind("AsyncMock"))
def _async_mock(mk: Any, n: int) -> Body:
    """Create an ``AsyncMock()``."""
    cls, loop = mk.AsyncMock, range(n)

    def body() -> Any:
        for _ in loop:
            m = cls()
        return m

    return body


# --------------------------------------------------------------------------- calls, attributes


def _verify_call(mk: Any, m: Any) -> None:
    expect(m.call_count == VERIFY_N, f"call_count is {m.call_count}")
    expect(m.call_args == mk.call(1, "a", x=2), "call_args not recorded")
    expect(m.call_args_list == [mk.call(1, "a", x=2)] * VERIFY_N, "call_args_list wrong")


@scenario("m(1, 'a', x=2)", "call", _verify_call)
def _call(mk: Any, n: int) -> Body:
    """Call a ``Mock`` with positional and keyword arguments."""
    m, loop = mk.Mock(), range(n)

    def body() -> Any:
        for _ in loop:
            m(1, "a", x=2)
        return m

    return body


def _verify_chain(mk: Any, m: Any) -> None:
    expect(m.mock_calls == [mk.call.a.b(1, x=2)] * VERIFY_N, f"mock_calls: {m.mock_calls!r}")
    expect(m.a.b.call_count == VERIFY_N, "child call_count wrong")


@scenario("m.a.b(1, x=2)", "call", _verify_chain)
def _child_call(mk: Any, n: int) -> Body:
    """Call a grandchild method (children exist after the first call), recorded up the chain."""
    m, loop = mk.Mock(), range(n)

    def body() -> Any:
        for _ in loop:
            m.a.b(1, x=2)
        return m

    return body


def _verify_first_access(mk: Any, value: Any) -> None:
    mocks, child = value
    expect(len(mocks) == VERIFY_N, "wrong number of mocks")
    expect(all(callable(m.attr) for m in mocks), "children are not callable mocks")
    expect(mocks[-1].attr is child, "child not cached")


@scenario("m.attr (first access)", "attribute", _verify_first_access)
def _first_access(mk: Any, n: int) -> Body:
    """Access an attribute of a fresh ``Mock`` for the first time (creates the child)."""
    mocks = [mk.Mock() for _ in range(n)]

    def body() -> Any:
        for m in mocks:
            child = m.attr
        return mocks, child

    return body


def _verify_repeat_access(mk: Any, value: Any) -> None:
    m, child = value
    expect(m.attr is child and callable(child), "child not stable")


@scenario("m.attr (repeated)", "attribute", _verify_repeat_access, per=10)
def _repeat_access(mk: Any, n: int) -> Body:
    """Access an existing child attribute again (10 accesses per loop, time is per access)."""
    m, loop = mk.Mock(), range(n)
    m.attr  # noqa: B018  (create the child before timing)

    def body() -> Any:
        for _ in loop:
            a = m.attr
            a = m.attr
            a = m.attr
            a = m.attr
            a = m.attr
            a = m.attr
            a = m.attr
            a = m.attr
            a = m.attr
            a = m.attr
        return m, a

    return body


# --------------------------------------------------------------------------- assertions


def _called_100(mk: Any) -> Any:
    m = mk.Mock()
    for i in range(100):
        m(i, x=i)
    return m


def _verify_assert(check: Callable[[Any], Any], what: str) -> Verify:
    def verify(mk: Any, m: Any) -> None:
        expect_raises(AssertionError, lambda: check(m), f"{what} with a call never made")

    return verify


@scenario(
    "assert_called_once_with",
    "assert",
    _verify_assert(lambda m: m.assert_called_once_with(2, x=2), "assert_called_once_with"),
)
def _assert_called_once_with(mk: Any, n: int) -> Body:
    """``assert_called_once_with(1, x=2)`` that passes, on a mock called once."""
    m, loop = mk.Mock(), range(n)
    m(1, x=2)

    def body() -> Any:
        for _ in loop:
            m.assert_called_once_with(1, x=2)
        return m

    return body


@scenario(
    "assert_called_with (100 calls)",
    "assert",
    _verify_assert(lambda m: m.assert_called_with(98, x=98), "assert_called_with"),
)
def _assert_called_with(mk: Any, n: int) -> Body:
    """``assert_called_with`` of the last call, that passes, on a mock called 100 times."""
    m, loop = _called_100(mk), range(n)

    def body() -> Any:
        for _ in loop:
            m.assert_called_with(99, x=99)
        return m

    return body


@scenario(
    "assert_any_call (100 calls)",
    "assert",
    _verify_assert(lambda m: m.assert_any_call(50, x=51), "assert_any_call"),
)
def _assert_any_call(mk: Any, n: int) -> Body:
    """``assert_any_call`` of the 51st call, that passes, on a mock called 100 times."""
    m, loop = _called_100(mk), range(n)

    def body() -> Any:
        for _ in loop:
            m.assert_any_call(50, x=50)
        return m

    return body


def _verify_has_calls(mk: Any, m: Any) -> None:
    wrong_order = [mk.call(i, x=i) for i in range(99, 89, -1)]
    expect_raises(AssertionError, lambda: m.assert_has_calls(wrong_order), "assert_has_calls")


@scenario("assert_has_calls (100 calls)", "assert", _verify_has_calls)
def _assert_has_calls(mk: Any, n: int) -> Body:
    """``assert_has_calls`` of the last 10 calls in order, on a mock called 100 times."""
    m, loop = _called_100(mk), range(n)
    expected = [mk.call(i, x=i) for i in range(90, 100)]

    def body() -> Any:
        for _ in loop:
            m.assert_has_calls(expected)
        return m

    return body


def _verify_mock_calls_eq(mk: Any, value: Any) -> None:
    m, result = value
    expect(result is True, "mock_calls == expected was not True")
    expect(m.mock_calls != [mk.call(i, x=i + 1) for i in range(100)], "compared equal to wrong")


@scenario("mock_calls == [...] (100 calls)", "assert", _verify_mock_calls_eq)
def _mock_calls_eq(mk: Any, n: int) -> Body:
    """Compare ``mock_calls`` of a mock called 100 times with a list of 100 ``call`` objects."""
    m, loop = _called_100(mk), range(n)
    expected = [mk.call(i, x=i) for i in range(100)]

    def body() -> Any:
        for _ in loop:
            result = m.mock_calls == expected
        return m, result

    return body


# --------------------------------------------------------------------------- magic methods


def _verify_magic(calls: int, check: Callable[[Any], bool]) -> Verify:
    def verify(mk: Any, value: Any) -> None:
        m, result = value
        expect(check(result), f"unexpected result {result!r}")
        expect(len(m.mock_calls) == calls, f"recorded {len(m.mock_calls)} calls, not {calls}")

    return verify


@scenario("str(MagicMock)", "magic", _verify_magic(VERIFY_N, lambda r: isinstance(r, str)))
def _str(mk: Any, n: int) -> Body:
    """``str()`` of a ``MagicMock`` (the default ``__str__``, recorded in ``mock_calls``)."""
    m, loop = mk.MagicMock(), range(n)

    def body() -> Any:
        for _ in loop:
            s = str(m)
        return m, s

    return body


@scenario("len(MagicMock)", "magic", _verify_magic(VERIFY_N, lambda r: r == 0))
def _len(mk: Any, n: int) -> Body:
    """``len()`` of a ``MagicMock`` (default 0, recorded in ``mock_calls``)."""
    m, loop = mk.MagicMock(), range(n)

    def body() -> Any:
        for _ in loop:
            size = len(m)
        return m, size

    return body


@scenario("with MagicMock", "magic", _verify_magic(2 * VERIFY_N, lambda r: r is None))
def _with(mk: Any, n: int) -> Body:
    """``with m: pass`` on a ``MagicMock`` (``__enter__`` and ``__exit__`` recorded)."""
    m, loop = mk.MagicMock(), range(n)

    def body() -> Any:
        for _ in loop:
            with m:
                pass
        return m, None

    return body


# --------------------------------------------------------------------------- spec, autospec


def _verify_spec(mk: Any, m: Any) -> None:
    expect(isinstance(m, Class50), "isinstance(mock, spec) is False")
    expect(callable(m.method_7), "spec'd method missing")
    expect_raises(AttributeError, lambda: m.not_on_the_spec, "attribute missing from spec")


@scenario("Mock(spec=Class50)", "spec", _verify_spec)
def _mock_spec(mk: Any, n: int) -> Body:
    """Create a ``Mock`` specced on a class with 50 methods."""
    cls, loop = mk.Mock, range(n)

    def body() -> Any:
        for _ in loop:
            m = cls(spec=Class50)
        return m

    return body


def _verify_autospec_class(mk: Any, m: Any) -> None:
    expect(isinstance(m, Class200), "isinstance(mock, spec) is False")
    expect_raises(TypeError, lambda: m.method_1(), "autospecced method with a missing argument")
    expect_raises(TypeError, lambda: m(), "autospecced class with a missing argument")
    expect_raises(AttributeError, lambda: m.not_on_the_spec, "attribute missing from spec")
    expect(isinstance(m(1), Class200), "instance of an autospecced class fails isinstance")


@scenario("create_autospec(Class200)", "autospec", _verify_autospec_class)
def _autospec_class(mk: Any, n: int) -> Body:
    """``create_autospec`` of a class with 200 methods."""
    create, loop = mk.create_autospec, range(n)

    def body() -> Any:
        for _ in loop:
            m = create(Class200)
        return m

    return body


def _verify_autospec_use(mk: Any, instance: Any) -> None:
    expect(len(instance.mock_calls) == 10, f"{len(instance.mock_calls)} calls recorded, not 10")
    expect(instance.method_3.call_args == mk.call(1, 2, k=3), "call_args of a method wrong")
    expect_raises(TypeError, lambda: instance.method_2(), "a method with a missing argument")


@scenario("create_autospec(Class200)() + 10 calls", "autospec", _verify_autospec_use)
def _autospec_use(mk: Any, n: int) -> Body:
    """``create_autospec`` of the 200-method class, then instantiate it and call 10 methods."""
    create, loop = mk.create_autospec, range(n)

    def body() -> Any:
        for _ in loop:
            instance = call_ten(create(Class200)(1))
        return instance

    return body


def _verify_autospec_instance(mk: Any, m: Any) -> None:
    expect(not callable(m), "autospec of a non-callable instance is callable")
    expect(isinstance(m, Class200), "isinstance(mock, type(instance)) is False")
    m.method_2(1)
    expect_raises(TypeError, lambda: m.method_2(), "a method with a missing argument")


@scenario("create_autospec(instance)", "autospec", _verify_autospec_instance)
def _autospec_instance(mk: Any, n: int) -> Body:
    """``create_autospec`` of an instance of the 200-method class."""
    create, loop, instance = mk.create_autospec, range(n), fixtures.INSTANCE200

    def body() -> Any:
        for _ in loop:
            m = create(instance)
        return m

    return body


def _verify_autospec_module(mk: Any, m: Any) -> None:
    m.join("a", "b")
    expect_raises(TypeError, lambda: m.join(), "os.path.join without arguments")
    expect_raises(AttributeError, lambda: m.not_in_os_path, "attribute missing from os.path")


@scenario("create_autospec(os.path)", "autospec", _verify_autospec_module)
def _autospec_module(mk: Any, n: int) -> Body:
    """``create_autospec`` of the ``os.path`` module."""
    create, loop, module = mk.create_autospec, range(n), os.path

    def body() -> Any:
        for _ in loop:
            m = create(module)
        return m

    return body


def _verify_autospec_func_call(mk: Any, f: Any) -> None:
    expect(f.mock.call_count == VERIFY_N, "calls not recorded")
    expect(f.mock.call_args == mk.call(1, 2, c=3), "call_args wrong")
    expect_raises(TypeError, lambda: f(1), "autospecced function with a missing argument")


@scenario("autospecced function call", "autospec", _verify_autospec_func_call)
def _autospec_func_call(mk: Any, n: int) -> Body:
    """Call the result of ``create_autospec(function)`` (signature checked, call recorded)."""
    f, loop = mk.create_autospec(func), range(n)

    def body() -> Any:
        for _ in loop:
            f(1, 2, c=3)
        return f

    return body


def _verify_autospec_method_call(mk: Any, m: Any) -> None:
    expect(m.method_2.call_count == VERIFY_N, "calls not recorded")
    expect(m.mock_calls == [mk.call.method_2(1, b=3)] * VERIFY_N, "mock_calls wrong")
    expect_raises(TypeError, lambda: m.method_2(1, 2, 3), "method with too many arguments")


@scenario("autospecced method call", "autospec", _verify_autospec_method_call)
def _autospec_method_call(mk: Any, n: int) -> Body:
    """Call a method of ``create_autospec(Class50, instance=True)`` (the child exists)."""
    m, loop = mk.create_autospec(Class50, instance=True), range(n)

    def body() -> Any:
        for _ in loop:
            m.method_2(1, b=3)
        return m

    return body


# --------------------------------------------------------------------------- patch

_GETCWD = os.getcwd
_ENV_KEY = "MOCKKIT_BENCH_PATCH_DICT"


def _verify_patched_getcwd(start: Callable[[Any], Any]) -> Verify:
    def verify(mk: Any, value: Any) -> None:
        expect(os.getcwd is _GETCWD, "os.getcwd not restored")
        with start(mk) as new:
            expect(os.getcwd is new and os.getcwd is not _GETCWD, "os.getcwd not patched")
            expect(callable(new) and new.call_count == 0, "the patch is not a fresh mock")
        expect(os.getcwd is _GETCWD, "os.getcwd not restored")

    return verify


@scenario(
    "with patch('os.getcwd')", "patch", _verify_patched_getcwd(lambda mk: mk.patch("os.getcwd"))
)
def _patch_ctx(mk: Any, n: int) -> Body:
    """``with patch('os.getcwd'): pass`` (resolve the target, create a MagicMock, restore)."""
    patch, loop = mk.patch, range(n)

    def body() -> Any:
        for _ in loop:
            with patch("os.getcwd"):
                pass
        return None

    return body


@scenario(
    "with patch.object(os, 'getcwd')",
    "patch",
    _verify_patched_getcwd(lambda mk: mk.patch.object(os, "getcwd")),
)
def _patch_object(mk: Any, n: int) -> Body:
    """``with patch.object(os, 'getcwd'): pass``."""
    patch_object, loop = mk.patch.object, range(n)

    def body() -> Any:
        for _ in loop:
            with patch_object(os, "getcwd"):
                pass
        return None

    return body


def _verify_decorated(mk: Any, new: Any) -> None:
    expect(os.getcwd is _GETCWD, "os.getcwd not restored")
    expect(callable(new) and new is not _GETCWD, "the decorated function did not get the mock")


@scenario("@patch decorated call", "patch", _verify_decorated)
def _patch_decorator(mk: Any, n: int) -> Body:
    """Call a function decorated with ``@patch('os.getcwd')`` (the mock passed as argument)."""
    loop = range(n)

    def returns_new(new: Any) -> Any:
        return new

    decorated = mk.patch("os.getcwd")(returns_new)

    def body() -> Any:
        for _ in loop:
            new = decorated()
        return new

    return body


def _verify_patch_dict(mk: Any, value: Any) -> None:
    expect(_ENV_KEY not in os.environ, "os.environ not restored")
    with mk.patch.dict(os.environ, {_ENV_KEY: "1"}):
        expect(os.environ.get(_ENV_KEY) == "1", "os.environ not patched")
    expect(_ENV_KEY not in os.environ, "os.environ not restored")


@scenario("with patch.dict(os.environ, {...})", "patch", _verify_patch_dict)
def _patch_dict(mk: Any, n: int) -> Body:
    """``with patch.dict(os.environ, {KEY: '1'}): pass`` (copy, update, restore)."""
    patch_dict, loop, values = mk.patch.dict, range(n), {_ENV_KEY: "1"}

    def body() -> Any:
        for _ in loop:
            with patch_dict(os.environ, values):
                pass
        return None

    return body


def _verify_patch_autospec(attribute: str, bad_call: Callable[[], Any]) -> Verify:
    original = getattr(fixtures, attribute)

    def verify(mk: Any, value: Any) -> None:
        with mk.patch(f"{fixtures.__name__}.{attribute}", autospec=True):
            expect(getattr(fixtures, attribute) is not original, "not patched")
            expect_raises(TypeError, bad_call, f"autospecced {attribute} with missing arguments")
        expect(getattr(fixtures, attribute) is original, "not restored")

    return verify


@scenario(
    "patch(function, autospec=True)",
    "patch",
    _verify_patch_autospec("func", lambda: vars(fixtures)["func"](1)),
)
def _patch_autospec_func(mk: Any, n: int) -> Body:
    """``with patch('<module>.func', autospec=True): pass``."""
    patch, loop, target = mk.patch, range(n), f"{fixtures.__name__}.func"

    def body() -> Any:
        for _ in loop:
            with patch(target, autospec=True):
                pass
        return None

    return body


@scenario(
    "patch(Class50, autospec=True)",
    "patch",
    _verify_patch_autospec("Class50", lambda: fixtures.Class50()),
)
def _patch_autospec_class(mk: Any, n: int) -> Body:
    """``with patch('<module>.Class50', autospec=True): pass`` (a class with 50 methods)."""
    patch, loop, target = mk.patch, range(n), f"{fixtures.__name__}.Class50"

    def body() -> Any:
        for _ in loop:
            with patch(target, autospec=True):
                pass
        return None

    return body


# --------------------------------------------------------------------------- reset, mock_open

_CHILDREN = [f"child_{i}" for i in range(100)]


def _verify_reset(mk: Any, mocks: Any) -> None:
    for m in mocks:
        expect(m.mock_calls == [] and m.method_calls == [], "parent not reset")
        expect(all(getattr(m, c).call_count == 0 for c in _CHILDREN), "children not reset")
        expect(not m.child_7.called and m.child_7.call_args is None, "child not reset")


@scenario("reset_mock (100 called children)", "reset", _verify_reset)
def _reset_mock(mk: Any, n: int) -> Body:
    """``reset_mock()`` of a mock whose 100 children were each called once."""
    mocks = []
    for _ in range(n):
        m = mk.Mock()
        for name in _CHILDREN:
            getattr(m, name)(1)
        mocks.append(m)

    def body() -> Any:
        for m in mocks:
            m.reset_mock()
        return mocks

    return body


def _verify_open_read(mk: Any, value: Any) -> None:
    m, data = value
    expect(data == READ_DATA, "read() returned the wrong data")
    expect(m.call_count == VERIFY_N, "open() calls not recorded")
    expect(m.call_args == mk.call("f"), "open() call_args wrong")


@scenario("mock_open: read()", "mock_open", _verify_open_read)
def _open_read(mk: Any, n: int) -> Body:
    """``with m('f') as fh: fh.read()`` on a ``mock_open`` with 10 lines of data."""
    m, loop = mk.mock_open(read_data=READ_DATA), range(n)

    def body() -> Any:
        for _ in loop:
            with m("f") as fh:
                data = fh.read()
        return m, data

    return body


def _verify_open_iter(mk: Any, value: Any) -> None:
    m, lines = value
    expect(lines == READ_DATA.splitlines(keepends=True), "iteration returned the wrong lines")
    expect(m.call_count == VERIFY_N, "open() calls not recorded")


@scenario("mock_open: iterate", "mock_open", _verify_open_iter)
def _open_iter(mk: Any, n: int) -> Body:
    """``with m('f') as fh: for line in fh: ...`` over 10 lines of data."""
    m, loop = mk.mock_open(read_data=READ_DATA), range(n)

    def body() -> Any:
        for _ in loop:
            with m("f") as fh:
                lines = [line for line in fh]  # noqa: C416  (the iteration is the point)
        return m, lines

    return body


# --------------------------------------------------------------------------- many live mocks


def _verify_live(mk: Any, value: Any) -> None:
    expect(len(value) == 1000, "not a thousand mocks")
    expect(len({id(type(m)) for m in value}) == 1000, "live mocks share a class")


@scenario("1000 live Mock()", "live", _verify_live, per=1000, reference=False)
def _live_mocks(mk: Any, n: int) -> Body:
    """Create 1,000 ``Mock()`` and keep them all alive: each needs a class of its own."""
    cls, loop, batch = mk.Mock, range(n), range(1000)

    def body() -> Any:
        for _ in loop:
            alive = [cls() for _ in batch]
        return alive

    return body


# --------------------------------------------------------------------------- a big heap

#: Objects kept alive while the "heap" scenarios run, as in a real test run's heap: what an
#: operation costs must not grow with them. Containers, so the cyclic GC tracks every one.
HEAP_OBJECTS = 1_000_000
_heap: list[Any] = []


def _big_heap() -> None:
    """Fill the heap once (the heap scenarios run last; ``release_heap`` empties it)."""
    if not _heap:
        _heap.extend([i] for i in range(HEAP_OBJECTS))


def release_heap() -> None:
    """Let the heap scenarios' objects go (when the timing is over)."""
    _heap.clear()


def _verify_exit_stack(mk: Any, value: Any) -> None:
    m, entered = value
    expect(entered == "entered", "enter_context did not return __enter__'s value")
    expect(m.__exit__.call_count == VERIFY_N, "__exit__ not called by the ExitStack")


@scenario("heap: ExitStack().enter_context(MagicMock)", "heap", _verify_exit_stack, reference=False)
def _heap_exit_stack(mk: Any, n: int) -> Body:
    """With 1,000,000 objects on the heap: ``ExitStack`` reads ``type(m).__enter__``."""
    from contextlib import ExitStack

    _big_heap()
    m, loop = mk.MagicMock(), range(n)
    m.__enter__.return_value = "entered"

    def body() -> Any:
        for _ in loop:
            with ExitStack() as stack:
                entered = stack.enter_context(m)
        return m, entered

    return body


def _verify_class_property(mk: Any, value: Any) -> None:
    m, other = value
    expect(m.p == 1, "the property set on type(m) is not m's")
    expect(type(other.p).__name__ != "int", "the property reached another mock")


@scenario("heap: type(m).p = PropertyMock()", "heap", _verify_class_property, reference=False)
def _heap_class_property(mk: Any, n: int) -> Body:
    """With 1,000,000 objects on the heap: set a property through ``type(m)`` of a new mock."""
    _big_heap()
    cls, prop, loop = mk.Mock, mk.PropertyMock, range(n)
    other = cls()

    def body() -> Any:
        for _ in loop:
            m = cls()
            type(m).p = prop(return_value=1)
        return m, other

    return body


@scenario("heap: Mock()", "heap", _kind("Mock"))
def _heap_mock(mk: Any, n: int) -> Body:
    """With 1,000,000 objects on the heap: create a ``Mock()``."""
    _big_heap()
    return _mock(mk, n)


def _verify_heap_call(mk: Any, value: Any) -> None:
    expect(value.call_count == VERIFY_N, "calls not recorded")


@scenario("heap: m(1, 'a', x=2)", "heap", _verify_heap_call)
def _heap_call(mk: Any, n: int) -> Body:
    """With 1,000,000 objects on the heap: call a ``Mock`` with arguments."""
    _big_heap()
    m, loop = mk.Mock(), range(n)

    def body() -> Any:
        for _ in loop:
            m(1, "a", x=2)
        return m

    return body


# --------------------------------------------------------------------------- mock-extras
# Opt-in features of mock-extras, for mockkit's mocks. The other libraries have no switch:
# "off" is their plain call, and "on" the standard library documentation's way to record
# copies (a Mock subclass whose __call__ deep-copies the arguments before recording them).


def _extras(mk: Any) -> Any:
    """mock_extras when the module's mocks are mock-core's and it is installed, else None."""
    if getattr(mk, "__name__", "") not in ("mockkit", "mock_core"):
        return None
    try:
        import mock_extras
    except ImportError:
        return None
    return mock_extras


def _copying_mock(mk: Any) -> Any:
    import copy

    class CopyingMock(mk.Mock):  # type: ignore[misc, name-defined]
        def __call__(self, /, *args: Any, **kwargs: Any) -> Any:
            return super().__call__(*copy.deepcopy(args), **copy.deepcopy(kwargs))

    return CopyingMock


def _verify_snapshot(snapshotted: bool) -> Verify:
    def verify(mk: Any, value: Any) -> None:
        m, rows, tags = value
        expect(m.call_count == VERIFY_N, "calls not recorded")
        rows.append(99)
        tags["late"] = [1]
        recorded = m.call_args
        changed = recorded != mk.call([1, 2, 3], tags={"a": [4]})
        expect(changed != snapshotted, f"snapshotted={snapshotted}, but recorded {recorded}")

    return verify


@scenario("extras off: m(list, tags=dict)", "extras", _verify_snapshot(False))
def _extras_off(mk: Any, n: int) -> Body:
    """mock-extras installed and imported (its pytest plugin too), nothing switched on."""
    extras = _extras(mk)
    if extras is not None:
        import mock_extras.pytest_plugin  # noqa: F401  (what loading the pytest plugin does)
    m, loop = mk.Mock(), range(n)
    rows, tags = [1, 2, 3], {"a": [4]}

    def body() -> Any:
        for _ in loop:
            m(rows, tags=tags)
        return m, rows, tags

    return body


@scenario(
    "extras snapshots on: m(list, tags=dict)", "extras", _verify_snapshot(True), opt_in_cost=True
)
def _extras_snapshots(mk: Any, n: int) -> Body:
    """``snapshot_arguments(m)`` on (elsewhere: a Mock subclass deep-copying in __call__)."""
    extras = _extras(mk)
    if extras is None:
        m = _copying_mock(mk)()
    else:
        m = mk.Mock()
        extras.snapshot_arguments(m).start()  # ends with m: a collected root is forgotten
    loop = range(n)
    rows, tags = [1, 2, 3], {"a": [4]}

    def body() -> Any:
        for _ in loop:
            m(rows, tags=tags)
        return m, rows, tags

    return body


_FILE_TEXT = "line 1\nline 2\n"


def _verify_files(mk: Any, value: Any) -> None:
    opener, text = value
    expect(text == _FILE_TEXT, f"read {text!r}")
    expect(opener.call_count == VERIFY_N, "opens not recorded")
    opener.assert_called_with("data.txt")


@scenario("extras files: with open(p) as f: f.read()", "extras", _verify_files)
def _extras_files(mk: Any, n: int) -> Body:
    """``fake_files({...}).open`` (elsewhere: ``mock_open(read_data=...)``)."""
    extras = _extras(mk)
    if extras is None:
        opener = mk.mock_open(read_data=_FILE_TEXT)
    else:
        opener = extras.fake_files({"data.txt": _FILE_TEXT}).open
    loop = range(n)

    def body() -> Any:
        text = None
        for _ in loop:
            with opener("data.txt") as handle:
                text = handle.read()
        return opener, text

    return body


def _switched_on(scope: Any) -> Any:
    """A mock-extras ``Scope`` (a context manager) as it is, or nothing to switch on."""
    return scope or contextlib.nullcontext()


def _hygiene_module() -> Any:
    """A module whose function is defined there, and imported by value by another module:
    what patch hygiene looks for when such a function is patched."""
    import sys
    import types

    home = sys.modules.get("mkbench_hygiene_home")
    if home is None:
        home = types.ModuleType("mkbench_hygiene_home")
        exec("def charge(amount):\n    return amount\n", home.__dict__)
        user = types.ModuleType("mkbench_hygiene_user")
        user.charge = home.charge  # type: ignore[attr-defined]  # from home import charge
        sys.modules[home.__name__] = home
        sys.modules[user.__name__] = user
    return home


def _verify_hygiene(mk: Any, value: Any) -> None:
    home, last = value
    expect(home.charge.__module__ == home.__name__, "the function was not restored")
    expect(last is not None and last.call_count == 1, "the patched mock was not called")


@scenario(
    "extras hygiene on: with patch.object(mod, 'f'): f(1)",
    "extras",
    _verify_hygiene,
    opt_in_cost=True,
)
def _extras_hygiene(mk: Any, n: int) -> Body:
    """``patch_hygiene()`` started (elsewhere: the same patch without it): each start looks
    among the loaded modules for other names of the patched function, and finds one."""
    import warnings

    extras = _extras(mk)
    home, loop = _hygiene_module(), range(n)
    patch_object = mk.patch.object

    def body() -> Any:
        last = None
        with _switched_on(extras and extras.patch_hygiene()), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # finding the other name is the cost measured
            for _ in loop:
                with patch_object(home, "charge") as last:
                    home.charge(1)
        return home, last

    return body


def _verify_pickled(mk: Any, value: Any) -> None:
    calls = [tuple(c) for c in value] if isinstance(value, list) else value.mock_calls
    expected = [mk.call.fetch(1), mk.call.fetch().json()]
    expect(calls == [tuple(c) for c in expected], f"shipped {calls}")


@scenario(
    "extras pickling: pickle round trip of a used Mock",
    "extras",
    _verify_pickled,
    reference=False,
    opt_in_cost=True,
)
def _extras_pickling(mk: Any, n: int) -> Body:
    """``picklable(m)`` through ``pickle.dumps``/``loads`` (elsewhere, where a mock cannot be
    pickled: its recorded calls as plain tuples, all a test could ship to a worker)."""
    import pickle

    extras = _extras(mk)
    m = mk.Mock(name="client")
    m.fetch(1).json()
    shipped: Any
    if extras is not None:
        shipped = extras.picklable(m)
    else:
        shipped = [tuple(c) for c in m.mock_calls]
    dumps, loads, loop = pickle.dumps, pickle.loads, range(n)

    def body() -> Any:
        copy = None
        for _ in loop:
            copy = loads(dumps(shipped))
        return copy

    return body


def _verify_diff(diffed: bool) -> Verify:
    def verify(mk: Any, value: Any) -> None:
        expect(value.startswith("expected call not found."), f"message {value!r}")
        # mock-extras' comparison follows the standard library's lines after a blank line;
        # the other libraries have nothing to switch on.
        wanted = diffed and _extras(mk) is not None
        expect(("\n\n" in value) == wanted, f"diffed={wanted}, but the message is {value!r}")

    return verify


def _failing_assert(mk: Any, n: int, extras: Any) -> Body:
    m, loop = mk.Mock(name="save"), range(n)
    m({"id": 1, "tags": ["a", "b"]}, force=False)
    expected = {"id": 1, "tags": ["a", "c"]}

    def body() -> Any:
        message = ""
        with _switched_on(extras and extras.failure_diffs()):
            for _ in loop:
                try:
                    m.assert_called_with(expected, force=True)
                except AssertionError as error:
                    message = str(error)
        return message

    return body


@scenario(
    "extras diffs off: failing assert_called_with", "extras", _verify_diff(False), reference=False
)
def _extras_diffs_off(mk: Any, n: int) -> Body:
    """A failing ``assert_called_with``, mock-extras installed and nothing switched on."""
    return _failing_assert(mk, n, None)


@scenario(
    "extras diffs on: failing assert_called_with",
    "extras",
    _verify_diff(True),
    reference=False,
    opt_in_cost=True,
)
def _extras_diffs_on(mk: Any, n: int) -> Body:
    """``failure_diffs()`` on: the message gains the argument-by-argument comparison
    (elsewhere: the standard library's message alone); a passing assertion pays nothing."""
    return _failing_assert(mk, n, _extras(mk))
