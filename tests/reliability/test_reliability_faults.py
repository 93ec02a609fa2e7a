"""Faults: an exception at any point leaves nothing patched and no mock half-configured.

Hypothesis builds a stack of patchers (``patch``, ``patch.object``, ``patch.dict``,
``patch.multiple``, with created, given and autospecced replacements), applies it in one
of the ways tests do (stacked decorators, a coroutine's decorators, a class decorator,
nested ``with``, ``start()`` with cleanups, ``patch.stopall()``), and makes one point
fail: a layer's ``new_callable``, a spec whose ``__dir__``, ``__getattr__`` or
``__init__`` signature raises, a missing attribute, a mapping that refuses an item, the
patched body, or a created mock's ``side_effect``. The exception is an ``Exception``, a
``KeyboardInterrupt`` subclass, ``SystemExit`` or a bare ``BaseException`` subclass.
Afterwards every namespace holds exactly the objects it held before, every mapping its
old items, no patcher is active, and every patcher can be started again.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import types
import unittest.mock as stdlib_mock
from collections.abc import MutableMapping
from typing import Any, Callable, Iterator

import pytest
from hypothesis import given, settings, strategies as st

import mockkit
from mock_patch import _registry

MODULE = "reliability_fault_target"

# Example counts for the default profile; HYPOTHESIS_PROFILE=large (tests/conftest.py)
# decides them itself.
LARGE = os.environ.get("HYPOTHESIS_PROFILE") == "large"


def examples(count: int) -> settings:
    return settings() if LARGE else settings(max_examples=count)


# -- what gets patched ----------------------------------------------------------------------


def function(a: int, b: int = 1) -> str:
    return "original function"


def side_effect_target() -> str:
    return "original side effect target"


async def coroutine(value: int) -> str:
    return "original coroutine"


class Host:
    def method(self, value: int) -> str:
        return "original method"

    @staticmethod
    def static(value: int) -> str:
        return "original static"

    @classmethod
    def klass(cls, value: int) -> str:
        return "original classmethod"

    @property
    def prop(self) -> str:
        return "original property"


class Inheritor(Host):
    """Patching an inherited attribute must delete it again, not copy it down."""


class FaultyMapping(MutableMapping):  # type: ignore[type-arg]
    """A mapping (not a dict) that refuses the key ``"poison"`` while armed."""

    def __init__(self, **items: Any) -> None:
        self.data = dict(items)
        self.armed: BaseException | None = None

    def __getitem__(self, key: Any) -> Any:
        return self.data[key]

    def __setitem__(self, key: Any, value: Any) -> None:
        if key == "poison" and self.armed is not None:
            raise self.armed
        self.data[key] = value

    def __delitem__(self, key: Any) -> None:
        del self.data[key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)


target = types.ModuleType(MODULE)
target.__dict__.update(
    function=function,
    side_effect_target=side_effect_target,
    coroutine=coroutine,
    value=42,
    TABLE={"a": 1, "b": 2},
    MAPPING=FaultyMapping(a=1, b=2),
)


@pytest.fixture(autouse=True, scope="module")
def _registered_target() -> Iterator[None]:
    sys.modules[MODULE] = target
    yield
    del sys.modules[MODULE]


def snapshot() -> list[tuple[str, dict[Any, Any]]]:
    """Every namespace and mapping the patchers may touch, as (label, copy of its items)."""
    return [
        ("module", dict(vars(target))),
        ("Host", dict(vars(Host))),
        ("Inheritor", dict(vars(Inheritor))),
        ("TABLE", dict(target.TABLE)),
        ("MAPPING", dict(target.MAPPING.data)),
    ]


def assert_restored(before: list[tuple[str, dict[Any, Any]]]) -> None:
    for (label, old), (_, new) in zip(before, snapshot(), strict=False):
        assert new.keys() == old.keys(), f"{label}: keys changed {old.keys() ^ new.keys()}"
        for key, value in old.items():
            # The very same object: an equal copy or a re-wrapped descriptor is a leak.
            assert new[key] is value, f"{label}.{key} is {new[key]!r}, was {value!r}"
    assert not _registry._active_patches


# -- the exceptions injected ------------------------------------------------------------------


class Injected(Exception):
    """An ordinary error that no code on the way expects (unlike ValueError or
    AttributeError, which signature and attribute lookups rightly treat as "none")."""


class Interrupt(KeyboardInterrupt):
    """What Ctrl-C in the middle of a test looks like."""


class Bare(BaseException):
    """Neither an Exception nor one of the interpreter's own BaseExceptions."""


EXCEPTIONS: dict[str, Callable[[], BaseException]] = {
    "Exception": lambda: Injected("injected"),
    "KeyboardInterrupt": lambda: Interrupt("injected"),
    "SystemExit": lambda: SystemExit("injected"),
    "BaseException": lambda: Bare("injected"),
}


# -- spec objects whose introspection fails ----------------------------------------------------


class DirRaises:
    def __init__(self, exc: BaseException) -> None:
        self.exc = exc

    def __dir__(self) -> list[str]:
        raise self.exc

    def __call__(self, value: int) -> None: ...


class GetattrRaises:
    def __init__(self, exc: BaseException) -> None:
        self.exc = exc

    def __getattr__(self, name: str) -> Any:
        raise self.exc

    def __call__(self, value: int) -> None: ...


def class_with_failing_init_signature(exc: BaseException) -> type:
    class SignatureRaises:
        @property
        def __signature__(self) -> Any:
            raise exc

        def __call__(self, *args: Any) -> None: ...

    # create_autospec(cls) reads the signature of cls.__init__ to check calls of cls.
    return type("FailingInit", (), {"__init__": SignatureRaises()})


# -- layers ---------------------------------------------------------------------------------

# Layers that work: (name, factory of a fresh patcher).
LAYERS: dict[str, Callable[[], Any]] = {
    "patch-function": lambda: mockkit.patch(f"{MODULE}.function"),
    # Explicit specs, not True: a layer may patch what an earlier layer already replaced
    # with a mock, and a mock is no spec (that would be InvalidSpecError, by design).
    "patch-autospec": lambda: mockkit.patch(f"{MODULE}.function", autospec=function),
    "patch-coroutine": lambda: mockkit.patch(f"{MODULE}.coroutine"),
    "patch-new": lambda: mockkit.patch(f"{MODULE}.value", mockkit.sentinel.new_value),
    "patch-create": lambda: mockkit.patch(f"{MODULE}.made_up", 1, create=True),
    "object-method": lambda: mockkit.patch.object(Host, "method"),
    "object-static": lambda: mockkit.patch.object(Host, "static", autospec=Host.static),
    "object-classmethod": lambda: mockkit.patch.object(Host, "klass", spec=Host.klass),
    "object-property": lambda: mockkit.patch.object(
        Host, "prop", new_callable=mockkit.PropertyMock
    ),
    "object-inherited": lambda: mockkit.patch.object(Inheritor, "method"),
    "dict": lambda: mockkit.patch.dict(target.TABLE, {"a": 10, "c": 3}),
    "dict-clear": lambda: mockkit.patch.dict(f"{MODULE}.TABLE", {"z": 0}, clear=True),
    "dict-mapping": lambda: mockkit.patch.dict(target.MAPPING, {"a": 5, "n": 6}),
    "multiple": lambda: mockkit.patch.multiple(
        MODULE, function=mockkit.DEFAULT, value=mockkit.sentinel.multi
    ),
}


def _raiser(exc: BaseException) -> Callable[..., Any]:
    def new_callable(*args: Any, **kwargs: Any) -> Any:
        raise exc

    return new_callable


def _poisoned_dict(exc: BaseException) -> Any:
    target.MAPPING.armed = exc
    # The items are set in order: "a" goes in before "poison" fails.
    return mockkit.patch.dict(target.MAPPING, {"a": 7, "poison": 1})


# Layers that fail when started: (name, factory given the exception).
FAILING_STARTS: dict[str, Callable[[BaseException], Any]] = {
    "new_callable": lambda exc: mockkit.patch(f"{MODULE}.function", new_callable=_raiser(exc)),
    "spec-dir": lambda exc: mockkit.patch(f"{MODULE}.function", spec=DirRaises(exc)),
    "spec-getattr": lambda exc: mockkit.patch.object(Host, "method", spec=GetattrRaises(exc)),
    "autospec-dir": lambda exc: mockkit.patch(f"{MODULE}.function", autospec=DirRaises(exc)),
    "autospec-getattr": lambda exc: mockkit.patch(
        f"{MODULE}.function", autospec=GetattrRaises(exc)
    ),
    "autospec-init-signature": lambda exc: mockkit.patch.object(
        Host, "method", autospec=class_with_failing_init_signature(exc)
    ),
    "multiple-third-missing": lambda exc: mockkit.patch.multiple(
        MODULE, function=mockkit.DEFAULT, value=3, no_such_attribute=mockkit.DEFAULT
    ),
    "missing-attribute": lambda exc: mockkit.patch(f"{MODULE}.no_such_attribute"),
    "dict-refuses-item": _poisoned_dict,
}
# These fail with AttributeError whatever exception was chosen.
ATTRIBUTE_ERRORS = {"multiple-third-missing", "missing-attribute"}


# -- ways of applying a stack ---------------------------------------------------------------


def apply_decorators(patchers: list[Any], body: Callable[[], Any]) -> None:
    def test(*args: Any, **kwargs: Any) -> None:
        body()

    for patcher in patchers:  # the first is innermost: entered first
        test = patcher(test)
    test()


def apply_async_decorators(patchers: list[Any], body: Callable[[], Any]) -> None:
    async def test(*args: Any, **kwargs: Any) -> None:
        await asyncio.sleep(0)  # the patches stay across awaits
        body()

    for patcher in patchers:
        test = patcher(test)
    asyncio.run(test())


def apply_class_decorators(patchers: list[Any], body: Callable[[], Any]) -> None:
    class Case:
        def test_it(self, *args: Any, **kwargs: Any) -> None:
            body()

    for patcher in patchers:
        Case = patcher(Case)
    Case().test_it()


def apply_with(patchers: list[Any], body: Callable[[], Any]) -> None:
    with contextlib.ExitStack() as stack:
        for patcher in patchers:
            stack.enter_context(patcher)
        body()


def apply_start_with_cleanups(patchers: list[Any], body: Callable[[], Any]) -> None:
    # What unittest's addCleanup(p.stop) after each p.start() amounts to.
    started = []
    try:
        for patcher in patchers:
            patcher.start()
            started.append(patcher)
        body()
    finally:
        for patcher in reversed(started):
            patcher.stop()


def apply_start_then_stopall(patchers: list[Any], body: Callable[[], Any]) -> None:
    try:
        for patcher in patchers:
            patcher.start()
        body()
    finally:
        mockkit.patch.stopall()


FORMS: dict[str, Callable[[list[Any], Callable[[], Any]], None]] = {
    "decorators": apply_decorators,
    "async-decorators": apply_async_decorators,
    "class-decorators": apply_class_decorators,
    "with": apply_with,
    "start-cleanups": apply_start_with_cleanups,
    "start-stopall": apply_start_then_stopall,
}
# Forms that use the patcher objects themselves (decorators work on copies, or on the
# originals only while the call runs); those must come out of a failure reusable.
REUSED_FORMS = {"with", "start-cleanups", "start-stopall", "decorators", "async-decorators"}


@st.composite
def scenarios(draw: st.DrawFn) -> dict[str, Any]:
    layers = draw(st.lists(st.sampled_from(sorted(LAYERS)), min_size=0, max_size=5))
    failure_points = ["body", "side_effect", *(f"start:{name}" for name in FAILING_STARTS)]
    failure = draw(st.sampled_from(failure_points))
    # Where the failing layer goes in the stack (a body failure has no layer).
    position = draw(st.integers(0, len(layers)))
    return {
        "layers": layers,
        "failure": failure,
        "position": position,
        "exception": draw(st.sampled_from(sorted(EXCEPTIONS))),
        "form": draw(st.sampled_from(sorted(FORMS))),
    }


def run_scenario(scenario: dict[str, Any]) -> None:
    exc = EXCEPTIONS[scenario["exception"]]()
    failure: str = scenario["failure"]
    patchers = [LAYERS[name]() for name in scenario["layers"]]
    working = list(patchers)
    body_ran = []
    side_effect_mocks = []

    if failure.startswith("start:"):
        failing = failure[len("start:") :]
        patchers.insert(scenario["position"], FAILING_STARTS[failing](exc))
        expected: type[BaseException] | BaseException = (
            AttributeError if failing in ATTRIBUTE_ERRORS else exc
        )

        def body() -> None:
            body_ran.append(True)

    elif failure == "side_effect":
        patchers.insert(
            scenario["position"], mockkit.patch(f"{MODULE}.side_effect_target", side_effect=exc)
        )
        expected = exc

        def body() -> None:
            body_ran.append(True)
            patched = target.side_effect_target
            side_effect_mocks.append(patched)
            patched(1, key=2)

    else:
        expected = exc

        def body() -> None:
            body_ran.append(True)
            raise exc

    before = snapshot()
    try:
        FORMS[scenario["form"]](patchers, body)
    except BaseException as raised:  # every kind is injected on purpose
        if isinstance(expected, BaseException):
            assert raised is expected
        else:
            assert isinstance(raised, expected), raised
    else:
        pytest.fail(f"nothing raised; expected {expected!r}")
    finally:
        target.MAPPING.armed = None
    assert_restored(before)

    if failure.startswith("start:"):
        # The stack never got to the body: a failed start ends the application.
        assert not body_ran
    if side_effect_mocks:
        # The failing call was recorded, once, and the mock stays usable.
        (mock,) = side_effect_mocks
        mock.assert_called_once_with(1, key=2)
        assert mock.mock_calls == [mockkit.call(1, key=2)]
        with pytest.raises(type(exc)):
            mock()
        assert mock.call_count == 2
    # No patcher is left half-started: each one starts and stops cleanly again.
    if scenario["form"] in REUSED_FORMS:
        for patcher in working:
            assert not patcher.is_started
            patcher.start()
            patcher.stop()
        assert_restored(before)


@examples(300)
@given(scenarios())
def test_a_fault_anywhere_in_a_patch_stack_leaves_everything_restored(
    scenario: dict[str, Any],
) -> None:
    run_scenario(scenario)


# The case the issue names: the third of several stacked patchers fails to start.
@pytest.mark.parametrize("form", sorted(FORMS))
@pytest.mark.parametrize("exception", sorted(EXCEPTIONS))
@pytest.mark.parametrize("failing", sorted(FAILING_STARTS))
def test_the_third_of_five_stacked_patchers_failing_to_start(
    form: str, exception: str, failing: str
) -> None:
    run_scenario(
        {
            "layers": ["patch-function", "object-method", "dict", "multiple"],
            "failure": f"start:{failing}",
            "position": 2,
            "exception": exception,
            "form": form,
        }
    )


# -- side effects: the mock is recorded and stays consistent, as in the stdlib ---------------


def side_effect_of(shape: str, exc: BaseException) -> Any:
    if shape == "instance":
        return exc
    if shape == "class":
        return type(exc)
    if shape == "callable":
        return _raiser(exc)
    return [1, exc, 3]  # "iterable": the exception is the second item


def observe_side_effect(module: Any, shape: str, make_exc: Callable[[], BaseException]) -> Any:
    """Call a mock whose side effect raises; return everything observable afterwards."""
    exc = make_exc()
    mock = module.MagicMock(return_value="value", side_effect=side_effect_of(shape, exc))
    child = mock.child
    child.side_effect = side_effect_of(shape, exc)
    outcomes = []
    for target_mock in (mock, child, mock, child):
        try:
            outcomes.append(("returned", target_mock(1, key="k")))
        except BaseException as raised:
            outcomes.append(("raised", type(raised).__name__))
    return (
        outcomes,
        mock.call_count,
        child.call_count,
        [tuple(entry) for entry in mock.mock_calls],
        mock.call_args == module.call(1, key="k"),
        mock.return_value,
        mock.called,
    )


@examples(60)
@given(
    shape=st.sampled_from(["instance", "class", "callable", "iterable"]),
    exception=st.sampled_from(sorted(EXCEPTIONS)),
)
def test_a_raising_side_effect_leaves_the_mock_as_the_stdlib_does(
    shape: str, exception: str
) -> None:
    make_exc = EXCEPTIONS[exception]
    assert observe_side_effect(mockkit, shape, make_exc) == observe_side_effect(
        stdlib_mock, shape, make_exc
    )


def observe_async_side_effect(module: Any, make_exc: Callable[[], BaseException]) -> Any:
    exc = make_exc()
    mock = module.AsyncMock(side_effect=[exc, "second"])

    async def use() -> list[Any]:
        outcomes = []
        for _ in range(2):
            try:
                outcomes.append(await mock(1))
            except BaseException as raised:
                outcomes.append(type(raised).__name__)
        return outcomes

    try:
        outcomes = asyncio.run(use())
    except BaseException as raised:  # asyncio lets KeyboardInterrupt and SystemExit out
        outcomes = [f"escaped {type(raised).__name__}"]
    return outcomes, mock.call_count, mock.await_count, list(mock.await_args_list)


@pytest.mark.parametrize("exception", sorted(EXCEPTIONS))
def test_a_raising_async_side_effect_records_the_await_as_the_stdlib_does(exception: str) -> None:
    make_exc = EXCEPTIONS[exception]
    assert observe_async_side_effect(mockkit, make_exc) == observe_async_side_effect(
        stdlib_mock, make_exc
    )


# -- a failing spec leaves the mock exactly as it was -----------------------------------------


class Shape:
    def method(self, value: int) -> int:
        return value

    async def fetch(self) -> None: ...

    attribute = 1


def failing_specs(exc: BaseException) -> dict[str, Any]:
    class ClassRaises:
        # Reading __class__ is how a spec object's class is found.
        @property
        def __class__(self) -> type:  # type: ignore[override]
            raise exc

    return {
        "dir": DirRaises(exc),
        "getattr": GetattrRaises(exc),
        "class": ClassRaises(),
        "init-signature": class_with_failing_init_signature(exc),
    }


def state_of(mock: Any) -> Any:
    listed = sorted(dir(mock))  # first: listing may create empty bookkeeping it then reads
    return type(mock), dict(vars(mock)), listed, repr(mock)


@examples(80)
@given(
    kind=st.sampled_from(["Mock", "MagicMock", "NonCallableMagicMock", "AsyncMock"]),
    spec=st.sampled_from(["dir", "getattr", "class", "init-signature"]),
    exception=st.sampled_from(sorted(EXCEPTIONS)),
    spec_set=st.booleans(),
    used=st.booleans(),
)
def test_a_failing_mock_add_spec_leaves_the_mock_as_it_was(
    kind: str, spec: str, exception: str, spec_set: bool, used: bool
) -> None:
    mock = getattr(mockkit, kind)(spec=Shape)
    if used:
        mock.method(1)
        mock.attribute  # a child created before the failure
    before = state_of(mock)
    exc = EXCEPTIONS[exception]()
    new_spec = failing_specs(exc)[spec]
    try:
        mock.mock_add_spec(new_spec, spec_set=spec_set)
    except BaseException as raised:  # every kind is injected on purpose
        assert raised is exc
    else:
        # Some hooks are only reached later (a signature when a call is checked, a
        # ``__getattr__`` for names dir() does not list), as in the standard library:
        # then the spec was taken whole, and the mock works with it.
        assert spec in ("init-signature", "getattr")
        with pytest.raises(AttributeError):
            mock.method  # not in the new spec
        repr(mock)
        return
    after = state_of(mock)
    assert after[0] is before[0]
    assert after[1].keys() == before[1].keys()
    assert all(after[1][key] is value for key, value in before[1].items())
    assert after[2:] == before[2:]
    # The mock still works, and still has its old spec.
    assert mock.method(2) is mock.method.return_value
    with pytest.raises(AttributeError):
        mock.not_in_the_spec
