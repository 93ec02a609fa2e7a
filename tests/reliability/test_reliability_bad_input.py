"""Bad input: malformed uses of every package fail as the standard library's do.

One table, one test. Each row is an operation written once against a module (``mockkit``
or the interpreter's ``unittest.mock``) and run against both. Both must succeed, or both
raise an exception of the same type; mockkit's message must not be empty (when the
standard library's is not) and must name what the row's ``mentions`` list whenever the
standard library's message does (the target, the attribute, the argument). An error
type that means a bug in mockkit itself (``NameError``, ``KeyError``, ``RecursionError``
...) is never accepted unless the standard library raises it too.

Rows marked ``since`` follow a standard library newer than some supported interpreters;
on those, mockkit is held to the newer behaviour (the ``expect``\\ ed outcome) instead of
being compared with the older ``unittest.mock``.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import sys
import types
import unittest.mock as stdlib_mock
from typing import Any, Callable, NamedTuple

import pytest

import mockkit

T = "reliability_bad_input_target"
MISSING_MODULE = "no_such_module_for_mockkit_reliability"


# -- what the rows work on --------------------------------------------------------------------


def function(a: int, b: int = 1) -> int:
    return a + b


class Host:
    attribute = 1

    def method(self, value: int) -> int:
        return value

    @property
    def prop(self) -> int:
        return 1


class Slotted:
    __slots__ = ("present",)

    def __init__(self) -> None:
        self.present = 1


@dataclasses.dataclass(frozen=True)
class Frozen:
    x: int


class Failure(Exception):
    """Raised by the hostile objects below; never by mockkit itself."""


class DirRaises:
    def __dir__(self) -> list[str]:
        raise Failure("dir")

    def __call__(self, value: int) -> None: ...


class GetattrRaises:
    def __getattr__(self, name: str) -> Any:
        raise Failure(f"getattr {name}")

    def __call__(self, value: int) -> None: ...


class ClassRaises:
    @property
    def __class__(self) -> type:  # type: ignore[override]
        raise Failure("__class__")


class _SignatureRaises:
    @property
    def __signature__(self) -> Any:
        raise Failure("signature")

    def __call__(self, *args: Any) -> None: ...


class InitSignatureRaises:
    __init__ = _SignatureRaises()


class SignatureNotASignature:
    __signature__ = 42

    def __call__(self, value: int) -> None: ...


class EqRaises:
    def __eq__(self, other: object) -> bool:
        raise Failure("__eq__")

    __hash__ = object.__hash__


class ReprRaises:
    def __repr__(self) -> str:
        raise Failure("__repr__")


def recursive_list() -> list[Any]:
    loop: list[Any] = []
    loop.append(loop)
    return loop


def recursive_dict() -> dict[str, Any]:
    loop: dict[str, Any] = {}
    loop["self"] = loop
    return loop


def deeply_nested(depth: int = 10_000) -> list[Any]:
    nested: list[Any] = []
    for _ in range(depth):
        nested = [nested]
    return nested


target = types.ModuleType(T)
target.__dict__.update(function=function, Host=Host, value=1)


@pytest.fixture(autouse=True, scope="module")
def _registered_target() -> Any:
    sys.modules[T] = target
    yield
    del sys.modules[T]


# -- helpers the rows use ---------------------------------------------------------------------


def start_stop(patcher: Any) -> Any:
    """Start a patcher and stop it again, even if something in between fails."""
    started = patcher.start()
    patcher.stop()
    return started


def start_twice(patcher: Any) -> None:
    try:
        patcher.start()
        patcher.start()
    finally:
        patcher.stop()
        patcher.stop()


def called_with(module: Any, argument: Any) -> Any:
    mock = module.Mock()
    mock(argument)
    return mock


def sealed(module: Any) -> Any:
    mock = module.Mock()
    module.seal(mock)
    return mock


def set_and_read_call_count(module: Any, value: Any) -> Any:
    mock = module.Mock()
    mock.call_count = value
    return mock.call_count


def await_once(mock: Any, *args: Any) -> Any:
    async def run() -> Any:
        return await mock(*args)

    return asyncio.run(run())


def with_test_prefix(module: Any, prefix: Any) -> Any:
    saved = module.patch.TEST_PREFIX
    module.patch.TEST_PREFIX = prefix
    try:

        class Case:
            def test_it(self) -> None: ...

        return module.patch(f"{T}.function")(Case)
    finally:
        module.patch.TEST_PREFIX = saved


def delete_twice(module: Any) -> None:
    mock = module.Mock()
    del mock.attribute
    del mock.attribute


def set_attribute(obj: Any, name: str, value: Any) -> None:
    setattr(obj, name, value)


# -- the table ------------------------------------------------------------------------------


class Row(NamedTuple):
    id: str
    operation: Callable[[Any], Any]
    # Words (target, attribute, argument) mockkit's message must contain when the standard
    # library's does.
    mentions: tuple[str, ...] = ()
    # (version, outcome): the standard library changed at that version and mockkit follows
    # the newer behaviour; outcome is an exception type name, or None for success.
    since: tuple[tuple[int, int], str | None] | None = None


ROWS = [
    # -- patch targets ------------------------------------------------------------------
    Row("target-without-dot", lambda m: m.patch("nodots"), ("nodots",)),
    Row("target-empty", lambda m: m.patch(""), ()),
    Row("target-not-a-string", lambda m: m.patch(42), ("42",)),
    Row("target-none", lambda m: m.patch(None), ("None",)),
    Row("target-colon", lambda m: m.patch(f"{T}:function"), (T,)),
    Row("target-trailing-dot", lambda m: start_stop(m.patch(f"{T}.")), (T,)),
    Row("target-leading-dot", lambda m: start_stop(m.patch(".function")), ("function",)),
    # Before 3.11 targets were imported piecewise (ModuleNotFoundError); since, with
    # pkgutil.resolve_name's rules.
    Row(
        "target-double-dot",
        lambda m: start_stop(m.patch(f"{T}..function")),
        (T,),
        ((3, 11), "ValueError"),
    ),
    Row("missing-module", lambda m: start_stop(m.patch(f"{MISSING_MODULE}.x")), (MISSING_MODULE,)),
    Row(
        "missing-submodule",
        lambda m: start_stop(m.patch(f"{T}.{MISSING_MODULE}.x")),
        (MISSING_MODULE,),
        ((3, 11), "AttributeError"),
    ),
    Row("missing-attribute", lambda m: start_stop(m.patch(f"{T}.no_such")), ("no_such",)),
    Row(
        "missing-nested-attribute",
        lambda m: start_stop(m.patch(f"{T}.Host.no_such")),
        ("no_such", "Host"),
    ),
    Row("object-target-is-a-string", lambda m: m.patch.object(T, "function"), (T,)),
    Row(
        "object-missing-attribute",
        lambda m: start_stop(m.patch.object(target, "no_such")),
        ("no_such", T),
    ),
    Row("object-attribute-not-a-string", lambda m: start_stop(m.patch.object(target, 42, 1))),
    Row("multiple-without-attributes", lambda m: m.patch.multiple(target), ()),
    Row(
        "multiple-missing-attribute",
        lambda m: start_stop(m.patch.multiple(T, no_such=m.DEFAULT)),
        ("no_such",),
    ),
    Row(
        "multiple-missing-module",
        lambda m: start_stop(m.patch.multiple(MISSING_MODULE, x=1)),
        (MISSING_MODULE,),
    ),
    Row(
        "dict-missing-module",
        lambda m: start_stop(m.patch.dict(f"{MISSING_MODULE}.table")),
        (MISSING_MODULE,),
    ),
    Row(
        "dict-missing-attribute",
        lambda m: start_stop(m.patch.dict(f"{T}.no_such")),
        ("no_such",),
        ((3, 11), "AttributeError"),
    ),
    # -- conflicting arguments ----------------------------------------------------------
    Row("new-and-new_callable", lambda m: m.patch(f"{T}.function", 1, new_callable=m.Mock)),
    Row(
        "autospec-and-new_callable",
        lambda m: m.patch(f"{T}.function", autospec=True, new_callable=m.Mock),
    ),
    Row("new-and-autospec", lambda m: start_stop(m.patch(f"{T}.function", 1, autospec=True))),
    Row(
        "spec-and-autospec",
        lambda m: start_stop(m.patch(f"{T}.function", spec=True, autospec=True)),
    ),
    Row(
        "spec-and-other-spec_set",
        lambda m: start_stop(m.patch(f"{T}.function", spec=list, spec_set=dict)),
    ),
    Row(
        "kwargs-with-explicit-new",
        lambda m: start_stop(m.patch(f"{T}.function", 1, return_value=2)),
    ),
    Row(
        "object-kwargs-with-explicit-new",
        lambda m: start_stop(m.patch.object(target, "function", 1, side_effect=2)),
    ),
    Row(
        "create-and-autospec",
        lambda m: start_stop(m.patch(f"{T}.made_up", create=True, autospec=True)),
    ),
    Row("create-and-spec", lambda m: start_stop(m.patch(f"{T}.made_up", create=True, spec=True))),
    Row(
        "multiple-values-with-autospec",
        lambda m: start_stop(m.patch.multiple(T, function=1, autospec=True)),
    ),
    Row(
        "object-too-many-arguments",
        lambda m: m.patch.object(target, "function", 1, None, False, None, None, None, 9),
    ),
    Row(
        "new_callable-not-callable", lambda m: start_stop(m.patch(f"{T}.function", new_callable=42))
    ),
    # -- misspelled keywords ------------------------------------------------------------
    Row(
        "patch-autospect",
        lambda m: m.patch(f"{T}.function", autospect=True),
        ("autospect",),
    ),
    Row(
        "patch-auto_spec",
        lambda m: m.patch(f"{T}.function", auto_spec=True),
        ("auto_spec",),
    ),
    Row(
        "patch-set_spec",
        lambda m: m.patch(f"{T}.function", set_spec=True),
        ("set_spec",),
    ),
    Row(
        "create_autospec-autospect",
        lambda m: m.create_autospec(function, autospect=True),
        ("autospect",),
    ),
    Row("assret-prefix", lambda m: m.Mock().assret_called_once(), ("assret_called_once",)),
    Row(
        "asert-prefix",
        lambda m: m.Mock().asert_called(),
        ("asert_called",),
    ),
    Row("assert-typo", lambda m: m.Mock().assert_called_one(), ("assert_called_one",)),
    Row(
        "assertion-without-assert",
        lambda m: m.Mock().called_once_with(1),
        ("called_once_with",),
        ((3, 12), "AttributeError"),
    ),
    # -- side effects of odd types -----------------------------------------------------
    Row("side_effect-int", lambda m: m.Mock(side_effect=42)(), ("int",)),
    Row("side_effect-object", lambda m: m.Mock(side_effect=object())(), ("object",)),
    Row(
        "side_effect-float-assigned",
        lambda m: (lambda mock: (setattr(mock, "side_effect", 3.5), mock()))(m.Mock()),
        ("float",),
    ),
    Row("side_effect-empty-list", lambda m: m.Mock(side_effect=[])()),
    Row("side_effect-exhausted", lambda m: [m.Mock(side_effect=iter([1]))() for _ in range(2)]),
    Row("side_effect-string", lambda m: m.Mock(side_effect="ab")()),
    Row("side_effect-dict", lambda m: m.Mock(side_effect={"key": 1})()),
    Row("side_effect-exception-in-list", lambda m: m.Mock(side_effect=[KeyError("k")])()),
    Row("async-side_effect-int", lambda m: await_once(m.AsyncMock(side_effect=42)), ("int",)),
    Row("async-side_effect-exhausted", lambda m: await_once(m.AsyncMock(side_effect=[]))),
    # -- hostile specs -----------------------------------------------------------------
    Row("spec-dir-raises", lambda m: m.Mock(spec=DirRaises())),
    Row("spec-getattr-raises", lambda m: m.Mock(spec=GetattrRaises())),
    Row("spec-class-raises", lambda m: m.MagicMock(spec=ClassRaises())),
    Row("add-spec-dir-raises", lambda m: m.MagicMock().mock_add_spec(DirRaises())),
    Row("autospec-dir-raises", lambda m: m.create_autospec(DirRaises())),
    Row("autospec-getattr-raises", lambda m: m.create_autospec(GetattrRaises())),
    Row("autospec-init-signature-raises", lambda m: m.create_autospec(InitSignatureRaises)),
    Row(
        "autospec-signature-not-a-signature",
        lambda m: m.create_autospec(SignatureNotASignature())(1),
    ),
    Row("patch-spec-dir-raises", lambda m: start_stop(m.patch(f"{T}.function", spec=DirRaises()))),
    Row(
        "patch-autospec-dir-raises",
        lambda m: start_stop(m.patch(f"{T}.function", autospec=DirRaises())),
    ),
    # -- mocks used as specs -----------------------------------------------------------
    # A mock is no spec: refused by patch and create_autospec since 3.10, by Mock since 3.11.
    Row("spec-is-a-mock", lambda m: m.Mock(spec=m.Mock()), (), ((3, 11), "InvalidSpecError")),
    Row(
        "spec_set-is-a-mock",
        lambda m: m.Mock(spec_set=m.Mock()),
        (),
        ((3, 11), "InvalidSpecError"),
    ),
    Row(
        "autospec-of-a-mock",
        lambda m: m.create_autospec(m.Mock()),
        (),
    ),
    Row(
        "add-spec-of-a-mock",
        lambda m: m.Mock().mock_add_spec(m.MagicMock()),
        (),
        ((3, 11), "InvalidSpecError"),
    ),
    Row(
        "patch-spec-is-a-mock",
        lambda m: m.patch(f"{T}.function", spec=m.Mock()),
        ("function",),
    ),
    Row(
        "patch-spec_set-is-a-mock",
        lambda m: m.patch(f"{T}.function", spec_set=m.Mock()),
        ("function",),
    ),
    Row(
        "patch-autospec-is-a-mock",
        lambda m: start_stop(m.patch(f"{T}.function", autospec=m.Mock())),
        ("function",),
    ),
    Row(
        "patch-autospec-on-a-mock-target",
        lambda m: start_stop(m.patch.object(m.Mock(), "attribute", autospec=True)),
        ("attribute",),
    ),
    # -- specs refusing what they do not have --------------------------------------------
    Row("autospec-too-many-arguments", lambda m: m.create_autospec(function)(1, 2, 3)),
    Row("autospec-missing-argument", lambda m: m.create_autospec(function)(), ("a",)),
    Row("autospec-unexpected-keyword", lambda m: m.create_autospec(function)(1, c=2), ("c",)),
    Row("autospec-class-arguments", lambda m: m.create_autospec(Host)(1)),
    Row("autospec-missing-attribute", lambda m: m.create_autospec(Host).no_such, ("no_such",)),
    Row(
        "autospec-spec_set-assignment",
        lambda m: set_attribute(m.create_autospec(Host, spec_set=True), "no_such", 1),
        ("no_such",),
    ),
    Row("autospec-instance-called", lambda m: m.create_autospec(Host, instance=True)()),
    Row("autospec-non-callable-called", lambda m: m.create_autospec(42)()),
    Row("spec-missing-attribute", lambda m: m.Mock(spec=Host).no_such, ("no_such",)),
    Row(
        "spec_set-assignment",
        lambda m: set_attribute(m.Mock(spec_set=Host), "no_such", 1),
        ("no_such",),
    ),
    Row("spec-list-of-non-strings", lambda m: m.Mock(spec=["a", 42]).b, ("b",)),
    Row("non-callable-mock-called", lambda m: m.NonCallableMock()(), ("NonCallableMock",)),
    Row("wraps-not-callable", lambda m: m.Mock(wraps=42)(), ("int",)),
    Row("wraps-missing-attribute", lambda m: m.Mock(wraps=object()).no_such, ("no_such",)),
    # -- arguments whose __eq__ or __repr__ raise ----------------------------------------
    Row("eq-raises-assert_called_with", lambda m: called_with(m, EqRaises()).assert_called_with(1)),
    Row("eq-raises-assert_any_call", lambda m: called_with(m, EqRaises()).assert_any_call(1)),
    Row(
        "eq-raises-assert_has_calls",
        lambda m: called_with(m, EqRaises()).assert_has_calls([m.call(1)]),
    ),
    Row("eq-raises-in-call-list", lambda m: m.call(1) in called_with(m, EqRaises()).call_args_list),
    Row(
        "repr-raises-assert_called_with",
        lambda m: called_with(m, ReprRaises()).assert_called_with(2),
    ),
    Row(
        "repr-raises-assert_not_called", lambda m: called_with(m, ReprRaises()).assert_not_called()
    ),
    Row("repr-raises-call_args-repr", lambda m: repr(called_with(m, ReprRaises()).call_args)),
    Row("repr-raises-as-name", lambda m: repr(m.Mock(name=ReprRaises()))),
    Row("name-not-a-string", lambda m: repr(m.Mock(name=42))),
    Row("name-not-a-string-child", lambda m: repr(m.Mock(name=42).child)),
    # -- recursive and huge arguments --------------------------------------------------
    Row(
        "recursive-list-matches",
        lambda m: called_with(m, recursive_list()).assert_called_with(recursive_list()),
    ),
    Row(
        "recursive-list-mismatch", lambda m: called_with(m, recursive_list()).assert_called_with([])
    ),
    Row(
        "recursive-dict-mismatch", lambda m: called_with(m, recursive_dict()).assert_called_with({})
    ),
    Row("recursive-repr", lambda m: repr(called_with(m, recursive_list()).mock_calls)),
    Row("deep-nesting-mismatch", lambda m: called_with(m, deeply_nested()).assert_called_with(1)),
    Row(
        "huge-arguments-match",
        lambda m: (lambda mock: (mock(*range(100_000)), mock.assert_called_with(*range(100_000))))(
            m.Mock()
        ),
    ),
    Row(
        "huge-arguments-mismatch",
        lambda m: (lambda mock: (mock(*range(100_000)), mock.assert_called_with(*range(99_999))))(
            m.Mock()
        ),
    ),
    Row(
        "huge-keywords-match",
        lambda m: (lambda mock, kw: (mock(**kw), mock.assert_called_once_with(**kw)))(
            m.Mock(), {f"k{i}": i for i in range(10_000)}
        ),
    ),
    Row("mock-as-its-own-argument", lambda m: called_with(m, m).assert_called_with(m)),
    Row(
        "mock-as-its-own-argument-repr",
        lambda m: (lambda mock: (mock(mock), repr(mock.call_args)))(m.Mock()),
    ),
    Row(
        "mock-attached-to-itself",
        lambda m: (lambda mock: (mock.attach_mock(mock, "me"), mock.me(1), list(mock.mock_calls)))(
            m.Mock()
        ),
    ),
    Row(
        "mock-returns-itself",
        lambda m: (lambda mock: (setattr(mock, "return_value", mock), mock()()(), mock.call_count))(
            m.Mock()
        ),
    ),
    # -- attributes that cannot be set --------------------------------------------------
    Row("builtin-type-attribute", lambda m: start_stop(m.patch.object(int, "real", 5)), ("int",)),
    Row("builtin-type-method", lambda m: start_stop(m.patch.object(str, "upper")), ("str",)),
    Row(
        "object-dunder",
        lambda m: start_stop(m.patch.object(object, "__repr__", lambda self: "x")),
        ("object",),
    ),
    Row(
        "builtin-instance-attribute", lambda m: start_stop(m.patch.object(1, "real", 2)), ("real",)
    ),
    Row("builtin-function-name", lambda m: start_stop(m.patch.object(len, "__name__", "x"))),
    Row(
        "builtin-function-create",
        lambda m: start_stop(m.patch.object(len, "extra", 1, create=True)),
    ),
    Row("builtins-by-name", lambda m: start_stop(m.patch("builtins.int.real", 5)), ("int",)),
    Row("slots-create", lambda m: start_stop(m.patch.object(Slotted(), "other", 1, create=True))),
    Row("frozen-dataclass", lambda m: start_stop(m.patch.object(Frozen(1), "x", 2)), ("x",)),
    Row("read-only-property", lambda m: start_stop(m.patch.object(Host(), "prop", 2))),
    # -- patch.dict on things that are not dicts --------------------------------------------
    Row("dict-int", lambda m: start_stop(m.patch.dict(42, {"a": 1}))),
    Row("dict-none", lambda m: start_stop(m.patch.dict(None))),
    Row("dict-list", lambda m: start_stop(m.patch.dict([1, 2], {0: 5}))),
    Row("dict-tuple", lambda m: start_stop(m.patch.dict((1, 2), {0: 5}))),
    Row(
        "dict-mappingproxy",
        lambda m: start_stop(m.patch.dict(types.MappingProxyType({}), {"a": 1})),
    ),
    Row("dict-values-int", lambda m: m.patch.dict({}, 42)),
    Row("dict-values-bad-pairs", lambda m: m.patch.dict({}, [(1, 2, 3)])),
    Row("dict-values-unhashable-key", lambda m: m.patch.dict({}, [([], 1)])),
    Row(
        "dict-environ-non-string-value",
        lambda m: start_stop(m.patch.dict(os.environ, {"MOCKKIT_RELIABILITY": 1})),
        ("int",),
    ),
    Row("dict-environ-non-string-key", lambda m: start_stop(m.patch.dict(os.environ, {1: "x"}))),
    Row("dict-decorating-non-callable", lambda m: m.patch.dict({})(42)(), ("int",)),
    # -- seal and attach_mock ----------------------------------------------------------
    Row("seal-int", lambda m: m.seal(42)),
    Row("seal-none", lambda m: m.seal(None)),
    Row("sealed-new-attribute", lambda m: sealed(m).new_attribute, ("new_attribute",)),
    Row("sealed-call", lambda m: sealed(m)(), ("return_value",)),
    Row("sealed-set-attribute", lambda m: set_attribute(sealed(m), "late", 1)),
    Row("sealed-attach", lambda m: sealed(m).attach_mock(m.Mock(), "late")),
    Row("attach-non-mock", lambda m: m.Mock().attach_mock(42, "x"), ("int",)),
    Row("attach-none", lambda m: m.Mock().attach_mock(None, "x")),
    Row(
        "attach-non-string-name",
        lambda m: m.Mock().attach_mock(m.Mock(), 42),
        ("attribute name must be string",),
    ),
    # -- and more ----------------------------------------------------------------------
    Row("reset_mock-visited-int", lambda m: m.Mock().reset_mock(42)),
    Row("assert_has_calls-int", lambda m: m.Mock().assert_has_calls(42)),
    Row("assert_has_calls-of-ints", lambda m: called_with(m, 1).assert_has_calls([42])),
    Row("configure-empty-path-segment", lambda m: m.Mock().configure_mock(**{"a..b": 1})),
    Row(
        "unsupported-magic",
        lambda m: set_attribute(m.MagicMock(), "__getattr__", len),
        ("__getattr__",),
    ),
    Row("magic-not-callable", lambda m: iter(m.MagicMock(__iter__=42))),
    Row("magic-without-self", lambda m: len(m.MagicMock(__len__=lambda: 3))),
    Row("magic-wrong-return", lambda m: len(m.MagicMock(**{"__len__.return_value": "x"}))),
    Row("delete-twice", delete_twice, ("attribute",)),
    Row("call_count-not-a-number", lambda m: set_and_read_call_count(m, "x")),
    Row("call_count-none", lambda m: set_and_read_call_count(m, None)),
    Row("mock_open-read_data-int", lambda m: m.mock_open(read_data=42)().read()),
    Row("mock_open-mock-int", lambda m: m.mock_open(mock=42)),
    # ThreadingMock is new in 3.13.
    Row(
        "threading-timeout-string",
        lambda m: m.ThreadingMock(timeout="x").wait_until_called(),
        (),
        ((3, 13), "TypeError"),
    ),
    Row(
        "threading-positional-timeout",
        lambda m: m.ThreadingMock().wait_until_called(0.01),
        (),
        ((3, 13), "TypeError"),
    ),
    Row("sentinel-bases", lambda m: m.sentinel.__bases__),
    Row("patch-decorating-non-callable", lambda m: m.patch(f"{T}.function")(42)(), ("int",)),
    Row("test-prefix-not-a-string", lambda m: with_test_prefix(m, 42)),
    Row("stop-without-start", lambda m: m.patch(f"{T}.function").stop()),
    Row(
        "start-twice",
        lambda m: start_twice(m.patch(f"{T}.function")),
        (),
        ((3, 14), "RuntimeError"),
    ),
    # Unlike patch(), patch.dict() may be started again while started, in every standard
    # library up to 3.15; stopping then leaves the mapping patched, so it gets a dict of its
    # own.
    Row("dict-start-twice", lambda m: start_twice(m.patch.dict({"a": 1}, {"b": 2}))),
]


# -- the test ------------------------------------------------------------------------------

# Error types that mean mockkit's own code went wrong, unless the standard library raises
# them for the same input (a KeyError from a user's mapping, a RecursionError from the
# repr of a deeply nested argument).
INTERNAL_ERRORS = (
    NameError,  # UnboundLocalError too
    KeyError,
    IndexError,
    RecursionError,
    ZeroDivisionError,
    SystemError,
    NotImplementedError,
    AssertionError,
)


class Outcome(NamedTuple):
    error: BaseException | None

    @property
    def kind(self) -> str | None:
        if self.error is None:
            return None
        # By name and built-in ancestry: InvalidSpecError is a different class in each module.
        ancestry = [c.__name__ for c in type(self.error).__mro__ if c.__module__ == "builtins"]
        return f"{type(self.error).__name__} ({' < '.join(ancestry)})"

    @property
    def message(self) -> str:
        return "" if self.error is None else str(self.error)


def run(row: Row, module: Any) -> Outcome:
    try:
        row.operation(module)
    except (Exception, SystemExit) as error:
        return Outcome(error)
    finally:
        # A failed row must not leave a patch behind for the next one.
        module.patch.stopall()
    return Outcome(None)


def check_message(row: Row, ours: Outcome, theirs: Outcome) -> None:
    if theirs.message:
        assert ours.message, f"mockkit raised {ours.kind} with an empty message"
    for word in row.mentions:
        if word in theirs.message:
            assert word in ours.message, (
                f"the standard library's message names {word!r}, mockkit's does not:\n"
                f"  stdlib:  {theirs.message}\n  mockkit: {ours.message}"
            )


@pytest.mark.parametrize("row", ROWS, ids=[row.id for row in ROWS])
def test_malformed_use_fails_like_the_standard_library(row: Row) -> None:
    ours = run(row, mockkit)
    if row.since is not None and sys.version_info < row.since[0]:
        # This interpreter's unittest.mock predates the behaviour mockkit follows.
        expected = row.since[1]
        assert (ours.error and type(ours.error).__name__) == expected, (
            f"mockkit gave {ours.kind}: {ours.message!r}; newer standard library: {expected}"
        )
        return
    theirs = run(row, stdlib_mock)
    assert ours.kind == theirs.kind, (
        f"mockkit: {ours.kind}: {ours.message!r}\nstdlib:  {theirs.kind}: {theirs.message!r}"
    )
    if ours.error is None:
        return
    if isinstance(ours.error, INTERNAL_ERRORS):
        assert isinstance(theirs.error, type(ours.error)), "an internal error in mockkit"
    check_message(row, ours, theirs)


def test_the_table_is_big_enough() -> None:
    # The issue asks for at least 60 malformed uses, each of its kinds represented.
    assert len(ROWS) >= 60
    assert len({row.id for row in ROWS}) == len(ROWS)
