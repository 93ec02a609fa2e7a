"""Memory: mocks, patches and caches let go of what they no longer need.

Measured with ``tracemalloc`` after ``gc.collect()`` (mocks and their children reference
each other, so only the cycle collector frees them), and with weak references to the
objects that must die.
"""

from __future__ import annotations

import asyncio
import gc
import sys
import tracemalloc
import types
import weakref
from typing import Any, Callable, Iterator

import pytest

import mockkit

# -- 100,000 mocks --------------------------------------------------------------------------

MOCKS = 100_000
# Less than one byte per mock: a leak of a single object per mock (56 bytes at the very
# least) would exceed it eighty times over. Measured: 56 bytes on 3.13, about 4 KiB on 3.9
# (the interpreter's own caches; the same whatever the number of mocks).
GROWTH_BOUND = 64 * 1024


class Spec:
    def method(self, value: int) -> int:
        return value

    attribute = 1


def make_and_drop(count: int, sample: list[Any] | None = None) -> None:
    for i in range(count):
        if i % 50 == 0:
            mock = mockkit.MagicMock(spec=Spec)
        elif i % 50 == 1:
            mock = mockkit.NonCallableMagicMock()
        else:
            mock = mockkit.MagicMock() if i % 2 else mockkit.Mock()
        # A child and a call recorded on it (and in the parent's mock_calls and
        # method_calls); now and then the mock's own call, making a return-value mock.
        mock.method(i, key=i)
        if i % 10 == 0 and callable(mock):
            mock(i)
        if i % 100 == 0:
            mock.method.return_value.chained(i)
            if i % 50 > 1 and isinstance(mock, mockkit.MagicMock):  # not specced
                len(mock)
                mock[i]
        if sample is not None and i % 1_000 == 0:
            sample.append(weakref.ref(mock))


def test_creating_and_dropping_100000_mocks_returns_the_memory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Traced from the start: objects made before tracing and freed during it would otherwise
    # count as growth. The classes kept for reuse (mock_core._classes) come and go with the
    # collector's timing, by the thousand, in a changing mix of kinds: no class is kept while
    # this runs, so what is left is what the mocks themselves leave behind (the pool is
    # bounded on its own: see mock-core's test_core_classes.py).
    from mock_core import _classes

    monkeypatch.setattr(_classes, "BUDGET", 0)
    was_tracing = tracemalloc.is_tracing()
    if not was_tracing:
        tracemalloc.start()
    try:
        make_and_drop(MOCKS // 2)
        gc.collect()
        before = tracemalloc.get_traced_memory()[0]
        sample: list[Any] = []
        make_and_drop(MOCKS // 2, sample)
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        if not was_tracing:
            tracemalloc.stop()
    assert not [ref for ref in sample if ref() is not None]
    assert after - before < GROWTH_BOUND, f"{after - before} bytes kept after {MOCKS // 2} mocks"


# -- stopped patches ------------------------------------------------------------------------

MODULE = "reliability_memory_target"


class Original:
    """Stands for what a patch replaces; weakly referenceable."""

    def __call__(self, value: int) -> int:
        return value


@pytest.fixture
def target() -> Iterator[types.ModuleType]:
    module = types.ModuleType(MODULE)
    sys.modules[MODULE] = module
    yield module
    del sys.modules[MODULE]


def _start_stop(patcher: Any) -> Any:
    created = patcher.start()
    patcher.stop()
    return created


def _with(patcher: Any) -> Any:
    with patcher as created:
        return created


def _decorated(patcher: Any) -> Any:
    seen = []

    @patcher
    def test(created: Any) -> None:
        seen.append(created)

    test()
    return seen[0]


def _async_decorated(patcher: Any) -> Any:
    seen = []

    @patcher
    async def test(created: Any) -> None:
        seen.append(created)

    asyncio.run(test())
    return seen[0]


def _stopall(patcher: Any) -> Any:
    created = patcher.start()
    mockkit.patch.stopall()
    return created


APPLY = {
    "start-stop": _start_stop,
    "with": _with,
    "decorator": _decorated,
    "async-decorator": _async_decorated,
    "stopall": _stopall,
}

PATCHERS: dict[str, Callable[[types.ModuleType], Any]] = {
    "patch": lambda module: mockkit.patch(f"{MODULE}.attribute"),
    "object": lambda module: mockkit.patch.object(module, "attribute"),
    "autospec": lambda module: mockkit.patch(f"{MODULE}.attribute", autospec=True),
    "spec_set": lambda module: mockkit.patch(f"{MODULE}.attribute", spec_set=True),
    "new_callable": lambda module: mockkit.patch(
        f"{MODULE}.attribute", new_callable=mockkit.NonCallableMagicMock
    ),
}


@pytest.mark.parametrize("how", sorted(APPLY))
@pytest.mark.parametrize("kind", sorted(PATCHERS))
def test_a_stopped_patch_keeps_neither_its_mock_nor_the_original(
    target: types.ModuleType, kind: str, how: str
) -> None:
    target.attribute = Original()
    original = weakref.ref(target.attribute)
    patcher = PATCHERS[kind](target)
    created = APPLY[how](patcher)
    made = weakref.ref(created)
    del created
    assert target.attribute is original()
    del target.attribute  # from now on only the patcher could hold it
    gc.collect()
    assert made() is None, "the stopped patcher keeps the mock it created"
    assert original() is None, "the stopped patcher keeps the original"
    assert not patcher.is_started  # the patcher itself is still alive


def test_a_stopped_multiple_patch_keeps_neither_mocks_nor_originals(
    target: types.ModuleType,
) -> None:
    target.first, target.second = Original(), Original()
    originals = [weakref.ref(target.first), weakref.ref(target.second)]
    patcher = mockkit.patch.multiple(MODULE, first=mockkit.DEFAULT, second=mockkit.DEFAULT)
    created = [weakref.ref(mock) for mock in patcher.start().values()]
    patcher.stop()
    del target.first, target.second
    gc.collect()
    assert [ref() for ref in created + originals] == [None] * 4


def _dict_decorated(patcher: Any) -> None:
    patcher(lambda: None)()


def _dict_async_decorated(patcher: Any) -> None:
    async def test() -> None: ...

    asyncio.run(patcher(test)())


APPLY_DICT = {
    **APPLY,
    "decorator": _dict_decorated,
    "async-decorator": _dict_async_decorated,
}


@pytest.mark.parametrize("how", sorted(APPLY_DICT))
def test_a_stopped_dict_patch_keeps_no_original_value(target: types.ModuleType, how: str) -> None:
    target.table = {"key": Original(), "other": 1}
    original = weakref.ref(target.table["key"])
    patcher = mockkit.patch.dict(f"{MODULE}.table", {"key": "replacement"}, clear=True)
    APPLY_DICT[how](patcher)
    assert target.table["key"] is original()
    target.table.clear()  # from now on only the patcher could hold the value
    gc.collect()
    assert original() is None, "the stopped patch.dict keeps the dict's old contents"
    assert not patcher.is_started


# -- reset_mock -----------------------------------------------------------------------------


class Payload:
    """A value a mock holds on to; weakly referenceable."""

    def __call__(self, *args: Any) -> Any:
        return None


def _return_value(mock: Any) -> Any:
    mock.child.grandchild.return_value = Payload()
    return mock.child.grandchild.return_value


def _made_return_value(mock: Any) -> Any:
    return mock.child()


def _call_argument(mock: Any) -> Any:
    payload = Payload()
    mock.child.grandchild(payload, key=payload)  # also in mock.mock_calls, method_calls
    return payload


def _side_effect(mock: Any) -> Any:
    mock.child.side_effect = Payload()
    return mock.child.side_effect


def _await_argument(mock: Any) -> Any:
    payload = Payload()
    asyncio.run(mock.child(payload))
    return payload


HELD = {
    "return_value": (_return_value, {"return_value": True}),
    "made-return_value": (_made_return_value, {"return_value": True}),
    "call-argument": (_call_argument, {}),
    "side_effect": (_side_effect, {"side_effect": True}),
    "await-argument": (_await_argument, {}),
}


@pytest.mark.parametrize("what", sorted(HELD))
def test_reset_mock_releases_what_children_held(what: str) -> None:
    hold, options = HELD[what]
    mock = mockkit.AsyncMock() if what == "await-argument" else mockkit.MagicMock()
    held = weakref.ref(hold(mock))
    gc.collect()
    assert held() is not None  # the mock does hold it until the reset
    mock.reset_mock(**options)
    gc.collect()
    assert held() is None, f"reset_mock({options}) kept {what}"


# -- module-level caches -----------------------------------------------------------------------

PACKAGES = ("mock_core", "mock_magic", "mock_spec", "mock_patch", "mockkit")
CONTAINERS = (dict, list, set, weakref.WeakKeyDictionary, weakref.WeakValueDictionary)


def module_containers() -> dict[str, int]:
    """The size of every container a mockkit module keeps at module level."""
    sizes = {}
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] not in PACKAGES or module is None:
            continue
        for attribute, value in vars(module).items():
            if not attribute.startswith("__") and isinstance(value, CONTAINERS):
                sizes[f"{name}.{attribute}"] = len(value)
    return sizes


def grown(before: dict[str, int], after: dict[str, int], by_more_than: int) -> dict[str, int]:
    return {
        name: size - before.get(name, 0)
        for name, size in after.items()
        if size - before.get(name, 0) > by_more_than
    }


def test_autospeccing_a_function_keeps_it_and_its_defaults_only_while_used() -> None:
    class Default:
        """A default value and an annotation: held by the function's signature."""

    def scope() -> tuple[Any, ...]:
        default = Default()

        def function(value: Default = default) -> Default:
            return value

        autospecced = mockkit.create_autospec(function)
        autospecced(default)
        mock = mockkit.Mock(spec=function)
        mock(1)
        return weakref.ref(function), weakref.ref(default), weakref.ref(autospecced)

    refs = scope()
    gc.collect()
    assert [ref() for ref in refs] == [None, None, None]


DISTINCT_CLASSES = 10_000
# Shared per kind of mock and per set of magic methods, not per spec: the classes below
# have one of four sets of magic methods.
CACHE_GROWTH_BOUND = 16


def _dynamic_class(index: int) -> type:
    def __init__(self: Any, value: int) -> None: ...

    def method(self: Any, value: int, *, flag: bool = False) -> int:
        return value

    async def fetch(self: Any) -> None: ...

    namespace: dict[str, Any] = {"__init__": __init__, "method": method, "value": index}
    if index % 2:
        namespace["fetch"] = fetch
    if index % 4 >= 2:
        namespace["__len__"] = lambda self: 0
    return type(f"Dynamic{index}", (), namespace)


def test_specs_of_10000_distinct_classes_leave_module_caches_as_they_were() -> None:
    def use(index: int) -> Any:
        cls = _dynamic_class(index)
        kind = index % 5
        if kind == 0:
            mockkit.Mock(spec=cls).method(1)
        elif kind == 1:
            mockkit.MagicMock(spec=cls)(1).method(2, flag=True)
        elif kind == 2:
            mockkit.NonCallableMagicMock(spec_set=cls).value  # a read the spec allows
        elif kind == 3:
            mockkit.create_autospec(cls)(1).method(2)
        else:
            with mockkit.patch.object(cls, "method", autospec=True):
                cls(1).method(2)
        return weakref.ref(cls)

    for index in range(20):  # first uses
        use(index)
    gc.collect()
    before = module_containers()
    classes = [use(index) for index in range(DISTINCT_CLASSES)]
    gc.collect()
    after = module_containers()
    assert not [ref for ref in classes if ref() is not None], "spec classes kept alive"
    assert not grown(before, after, CACHE_GROWTH_BOUND)


def test_mock_subclasses_made_at_run_time_are_freed() -> None:
    def make_subclass(index: int) -> Any:
        class PerTestMock(mockkit.MagicMock):
            payload = bytearray(1_000)

        PerTestMock().method(index)
        return weakref.ref(PerTestMock)

    make_subclass(-1)
    gc.collect()
    before = module_containers()
    subclasses = [make_subclass(index) for index in range(1_000)]
    gc.collect()
    assert not grown(before, module_containers(), CACHE_GROWTH_BOUND)
    assert not [ref for ref in subclasses if ref() is not None]


def test_patching_5000_distinct_targets_keeps_caches_bounded_and_no_module() -> None:
    # Resolved targets are cached by name (a test suite patches the same few names over and
    # over), with a size limit; the cache must hold names, never the modules themselves.
    limit = 4_096
    modules = []
    before = module_containers()
    for index in range(5_000):
        name = f"reliability_memory_module_{index}"
        module = types.ModuleType(name)
        module.attribute = index
        sys.modules[name] = module
        try:
            with mockkit.patch(f"{name}.attribute", index + 1):
                assert module.attribute == index + 1
        finally:
            del sys.modules[name]
        modules.append(weakref.ref(module))
        del module
    gc.collect()
    assert not [ref for ref in modules if ref() is not None], "patched modules kept alive"
    assert not grown(before, module_containers(), limit)
