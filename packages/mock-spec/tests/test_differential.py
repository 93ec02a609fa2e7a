"""Differential tests: create_autospec against the interpreter's unittest.mock.

The same operations run on both; results are compared with ids masked: the types of
the mocks made, their reprs, which calls are accepted and which rejected (and with
which error), recorded calls and assertion outcomes. Exact messages are compared
on 3.13 and later, where the interpreter's unittest.mock is the newest behaviour;
on older Pythons some of its messages predate changes mockkit follows.
"""

# Every lambda here is called by log() before the loop moves on: B023 does not apply.
# ruff: noqa: B023

from __future__ import annotations

import os.path
import re
import sys
import unittest.mock as std
from typing import Any, Callable, List, Tuple

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import mock_core
import mock_magic
from mock_spec import create_autospec

NEWEST = sys.version_info >= (3, 13)


class Impl:
    def __init__(self, **names: Any) -> None:
        self.__dict__.update(names)


STD = Impl(create_autospec=std.create_autospec, call=std.call, seal=std.seal, Mock=std.Mock)
OURS = Impl(
    create_autospec=create_autospec, call=mock_core.call, seal=mock_core.seal, Mock=mock_core.Mock
)

MOCK_CLASSES = ("NonCallableMagicMock", "MagicMock", "AsyncMock", "NonCallableMock", "Mock")


def kind(obj: Any) -> str:
    if type(obj).__name__ == "function":
        return "function"
    for klass in type(obj).__mro__:
        if klass.__name__ in MOCK_CLASSES:
            return klass.__name__
    return type(obj).__name__


def mask(text: str) -> str:
    text = re.sub(r"id='\d+'", "id=ID", text)
    return re.sub(r"0x[0-9a-f]+", "0xADDR", text)


Log = List[Tuple[str, str, str]]


def run(impl: Impl, script: Callable[[Impl, Callable[..., None]], None]) -> Log:
    out: Log = []

    def log(label: str, thunk: Callable[[], Any]) -> None:
        try:
            value = thunk()
        except BaseException as exc:
            text = str(exc) if NEWEST else ""
            out.append((mask(label), type(exc).__name__, mask(text)))
        else:
            result = value if isinstance(value, str) else repr(value)
            out.append((mask(label), "ok", mask(result)))

    script(impl, log)
    return out


def compare(script: Callable[[Impl, Callable[..., None]], None]) -> None:
    assert run(OURS, script) == run(STD, script)


def describe(obj: Any) -> str:
    return f"{kind(obj)} {mask(repr(obj))} {'callable' if callable(obj) else 'noncallable'}"


# --------------------------------------------------------------------------- fixtures


class Thing:
    LIMIT = 10
    label = "x"
    nothing = None

    def __init__(self, a, b=2):  # type: ignore[no-untyped-def]
        pass

    def meth(self, x, *args, k=1, **kw):  # type: ignore[no-untyped-def]
        pass

    def odd(a, self):  # type: ignore[no-untyped-def]
        pass

    @classmethod
    def cm(cls, y):  # type: ignore[no-untyped-def]
        pass

    @staticmethod
    def sm(z, /):  # type: ignore[no-untyped-def]
        pass

    @property
    def prop(self):  # type: ignore[no-untyped-def]
        return 1

    async def amethod(self, q):  # type: ignore[no-untyped-def]
        pass

    class Nested:
        def n(self, v):  # type: ignore[no-untyped-def]
            pass

    def __call__(self, w):  # type: ignore[no-untyped-def]
        pass


class Plain:
    attr = [1, 2]

    def one(self, a, b):  # type: ignore[no-untyped-def]
        pass


def function(a, b=2, *, c):  # type: ignore[no-untyped-def]
    pass


ATTRIBUTES = ("meth", "odd", "cm", "sm", "prop", "amethod", "Nested", "LIMIT", "label", "nothing")


# --------------------------------------------------------------------------- scripts


def script_class(m: Impl, log: Callable[..., None]) -> None:
    k = m.create_autospec(Thing)
    log("class", lambda: describe(k))
    for name in ATTRIBUTES:
        log(name, lambda: describe(getattr(k, name)))
        log(f"{name}()", lambda: describe(getattr(k, name).return_value))
    instance = k.return_value
    log("instance", lambda: describe(instance))
    for name in ATTRIBUTES:
        log(f"instance.{name}", lambda: describe(getattr(instance, name)))
    calls: list[tuple[Any, tuple[Any, ...], dict[str, Any]]] = [
        (k, (), {}), (k, (1,), {}), (k, (), {"a": 1, "b": 3}), (instance, (), {}),
        (instance, (1,), {}), (k.meth, (), {}), (k.meth, (1, 2, 3), {"k": 2, "z": 1}),
        (instance.meth, (1,), {}), (k.odd, (1,), {}), (k.odd, (), {"self": 1}),
        (k.cm, (1,), {}), (k.cm, (), {}), (k.sm, (1,), {}), (k.sm, (), {"z": 1}),
        (k.Nested, (), {}), (k.Nested.return_value.n, (1,), {}), (k.amethod, (), {}),
        (k.LIMIT, (), {}), (k.prop, (1, 2), {}),
    ]  # fmt: skip
    for index, (target, args, kwargs) in enumerate(calls):
        log(f"call {index}", lambda: describe(target(*args, **kwargs)))
    log("mock_calls", lambda: k.mock_calls)
    log("method_calls", lambda: k.method_calls)
    log("instance.method_calls", lambda: instance.method_calls)
    log("assert meth", lambda: k.meth.assert_called_with(x=1, k=2) is None)
    log("assert meth 2", lambda: k.meth.assert_called_with(1, 2, 3, k=2, z=1))
    log("has_calls", lambda: k.assert_has_calls([m.call.meth(1, 2, 3, k=2, z=1)]))
    log("has_calls bad", lambda: k.assert_has_calls([m.call.meth()]))
    log("dir", lambda: [n for n in dir(k) if not n.startswith("_")])
    log("instance dir", lambda: [n for n in dir(instance) if not n.startswith("_")])
    log("missing", lambda: k.missing)
    log("isinstance", lambda: (isinstance(k, Thing), isinstance(instance, Thing)))
    k.reset_mock()
    log("after reset", lambda: (k.mock_calls, instance.mock_calls, k.meth.call_count))


def script_function(m: Impl, log: Callable[..., None]) -> None:
    f = m.create_autospec(function)
    log("describe", lambda: describe(f))
    log("inner", lambda: describe(f.mock))
    log("names", lambda: (f.__name__, f.__qualname__, f.__doc__, f.__module__))
    log("vars", lambda: list(vars(f)))
    for args, kwargs in [((), {}), ((1,), {"c": 2}), ((1, 2, 3), {}), ((1,), {"c": 1, "d": 1})]:
        log(f"call {args} {kwargs}", lambda: f(*args, **kwargs))
    log("state", lambda: (f.called, f.call_count, f.call_args, f.call_args_list, f.mock_calls))
    log("inner state", lambda: (f.mock.called, f.mock.call_count, f.mock.mock_calls))
    log("assert", lambda: f.assert_called_with(a=1, c=2))
    log("assert bad", lambda: f.assert_called_with(zz=2))
    log("any", lambda: f.assert_any_call(1, c=2))
    f.return_value = 5
    log("rv", lambda: f(1, c=1))
    f.mock.return_value = 6
    log("rv via mock", lambda: (f(1, c=1), f.return_value))
    f.side_effect = [1, 2]
    log("side effect", lambda: (f(1, c=1), f(1, c=1)))
    log("exhausted", lambda: f(1, c=1))
    f.side_effect = None
    f.reset_mock()
    log("after reset", lambda: (f.call_count, f.mock_calls, f.return_value))
    log("direct", lambda: f.mock(9))
    log("after direct", lambda: (f.call_count, f.mock_calls))
    parent = m.create_autospec(Plain)
    parent.child = m.create_autospec(function)
    log("as child", lambda: parent.child(1, c=2))
    log("parent calls", lambda: (parent.mock_calls, parent.method_calls))


def script_instances_and_modules(m: Impl, log: Callable[..., None]) -> None:
    i = m.create_autospec(Thing(1))
    log("instance", lambda: describe(i))
    log("instance call", lambda: i(1))
    log("instance meth", lambda: i.meth(1))
    log("instance meth bad", lambda: i.meth())
    log("instance prop", lambda: describe(i.prop))
    log("instance nested", lambda: describe(i.Nested()))
    j = m.create_autospec(Thing, instance=True)
    log("instance=True", lambda: describe(j))
    log("instance=True call", lambda: j(w=3))
    p = m.create_autospec(Plain, instance=True)
    log("noncallable", lambda: describe(p))
    log("noncallable call", lambda: p())
    log("attr", lambda: describe(p.attr))
    log("attr.append", lambda: p.attr.append(3))
    path = m.create_autospec(os.path)
    log("os.path", lambda: describe(path))
    log("join", lambda: describe(path.join))
    log("join()", lambda: path.join())
    log("join(a, b)", lambda: describe(path.join("a", "b")))
    log("sep", lambda: describe(path.sep))
    log("os.path calls", lambda: path.mock_calls)


def script_spec_set_and_seal(m: Impl, log: Callable[..., None]) -> None:
    for spec_set in (False, True):
        k = m.create_autospec(Thing, spec_set=spec_set)
        log("set missing", lambda: setattr(k, "missing", 1))
        log("set nested missing", lambda: setattr(k.Nested, "missing", 1))
        log("describe", lambda: describe(k.meth))
        k.meth.return_value = "a"
        m.seal(k)
        for name in ATTRIBUTES:
            log(f"sealed {name}", lambda: describe(getattr(k, name)))
        log("sealed meth()", lambda: k.meth(1))
        log("sealed cm()", lambda: describe(k.cm(1)))
        log("sealed cm().x", lambda: k.cm(1).x)
        log("sealed Nested().n()", lambda: describe(k.Nested().n(1)))
        log("sealed Nested().n().x", lambda: k.Nested().n(1).x)
        log("sealed new attribute", lambda: setattr(k, "brand_new", 1))


def script_spec_changed_after_autospec(m: Impl, log: Callable[..., None]) -> None:
    # Attribute mocks are made on first use here and eagerly in the standard library: a
    # method replaced on the class in between (a test patching it) must not change whether
    # the autospec's attribute takes self.
    class Changing:
        def meth(self, a: Any) -> None: ...

        @classmethod
        def cm(cls, a: Any) -> None: ...

        @staticmethod
        def sm(a: Any) -> None: ...

    for name in ("meth", "cm", "sm"):
        original = Changing.__dict__[name]
        for replacement in (lambda *a: None, m.Mock(), 5, staticmethod(lambda: None)):
            for instance in (False, True):
                k = m.create_autospec(Changing, instance=instance)
                setattr(Changing, name, replacement)
                try:
                    label = f"{name} replaced by {kind(replacement)}, instance={instance}"
                    log(label, lambda: getattr(k, name)(1))
                    log(f"{label}: calls", lambda: getattr(k, name).mock_calls)
                finally:
                    setattr(Changing, name, original)


def script_misc(m: Impl, log: Callable[..., None]) -> None:
    for spec in (None, int, 1, [], "text", len, Thing.meth, Thing(1).meth, Thing.cm):
        log(f"spec {spec!r}", lambda: describe(m.create_autospec(spec)))
    log("static obj", lambda: describe(m.create_autospec(Thing.__dict__["sm"])))
    log("class obj", lambda: describe(m.create_autospec(Thing.__dict__["cm"])))
    log("property obj", lambda: describe(m.create_autospec(Thing.__dict__["prop"])))
    log("bound call", lambda: m.create_autospec(Thing(1).meth)(1, 2))
    log("unbound call", lambda: m.create_autospec(Thing.meth)(1))
    if NEWEST:  # older versions autospec mocks without complaint
        log("a mock", lambda: m.create_autospec(m.Mock()))
    log("typo", lambda: m.create_autospec(Thing, set_spec=True))
    log("unsafe", lambda: m.create_autospec(Thing, set_spec=True, unsafe=True).set_spec)
    if NEWEST:  # dotted keywords reach attribute mocks from 3.13 on
        k = m.create_autospec(
            Thing, **{"meth.return_value": 3, "return_value.meth.return_value": 4, "LIMIT": 7}
        )
        log("configured", lambda: (k.meth(1), k(1).meth(2), k.LIMIT))
    log("named", lambda: describe(m.create_autospec(Thing, spec_set=True, name="Y")))
    log("named child", lambda: describe(m.create_autospec(Thing, name="Y").meth))
    if NEWEST:  # attribute mocks wrap the spec's attributes from 3.13 on
        log("wraps", lambda: m.create_autospec(Thing, wraps=Thing).meth._mock_wraps is Thing.meth)
    log("return_value kw", lambda: m.create_autospec(Thing, return_value="foo")(1))


@pytest.mark.parametrize(
    "script",
    [script_class, script_function, script_instances_and_modules, script_spec_set_and_seal,
     script_spec_changed_after_autospec, script_misc],
    ids=lambda s: s.__name__,
)  # fmt: skip
def test_scripts_agree(script: Callable[[Impl, Callable[..., None]], None]) -> None:
    if script is script_spec_set_and_seal and sys.version_info < (3, 12):
        pytest.skip("seal of autospecced methods changed in 3.12 (gh-91803)")
    compare(script)


# --------------------------------------------------------------------------- generated specs

PARAMS = ("", "a", "a, b=1", "a, /, b", "*args", "*, k", "a, **kw", "a, b, *args, c=1, **kw")
VALUES = st.sampled_from([0, 1, "s", None])


@st.composite
def class_specs(draw: Any) -> type:
    body = ["    value = 1", "    items = [1]"]
    count = draw(st.integers(1, 4))
    for index in range(count):
        params = draw(st.sampled_from(PARAMS))
        decorator = draw(st.sampled_from(["", "@classmethod", "@staticmethod"]))
        first = {"": "self", "@classmethod": "cls", "@staticmethod": ""}[decorator]
        joined = ", ".join(p for p in (first, params) if p)
        if decorator:
            body.append(f"    {decorator}")
        body.append(f"    def m{index}({joined}):\n        pass")
    init = draw(st.sampled_from(PARAMS))
    body.append(f"    def __init__({', '.join(p for p in ('self', init) if p)}):\n        pass")
    namespace: dict[str, Any] = {}
    exec("class Generated:\n" + "\n".join(body) + "\n", namespace)
    return namespace["Generated"]  # type: ignore[no-any-return]


operations = st.lists(
    st.tuples(
        st.sampled_from(["call", "assert", "any", "describe", "reset"]),
        st.sampled_from(["", "()", "m0", "m1", "m2", "m3", "value", "items.append", "().m0",
                         "().m1"]),
        st.lists(VALUES, max_size=3).map(tuple),
        st.dictionaries(st.sampled_from(["a", "b", "c", "k", "z"]), VALUES, max_size=2),
    ),
    max_size=12,
)  # fmt: skip


def resolve(root: Any, path: str) -> Any:
    target = root
    for part in path.replace("()", ".()").split("."):
        if not part:
            continue
        target = target() if part == "()" else getattr(target, part)
    return target


def play(impl: Impl, spec: type, instance: bool, ops: Any) -> Log:
    def script(m: Impl, log: Callable[..., None]) -> None:
        root = m.create_autospec(spec, instance=instance)
        log("root", lambda: describe(root))
        for op, path, args, kwargs in ops:
            if op == "call":
                log(f"{op} {path}", lambda: describe(resolve(root, path)(*args, **kwargs)))
            elif op == "assert":
                log(f"{op} {path}", lambda: resolve(root, path).assert_called_with(*args, **kwargs))
            elif op == "any":
                log(f"{op} {path}", lambda: resolve(root, path).assert_any_call(*args, **kwargs))
            elif op == "describe":
                log(f"{op} {path}", lambda: describe(resolve(root, path)))
            else:
                log(f"{op} {path}", lambda: resolve(root, path).reset_mock())
        log("mock_calls", lambda: root.mock_calls)
        log("method_calls", lambda: root.method_calls)

    return run(impl, script)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(class_specs(), st.booleans(), operations)
def test_generated_operations_agree(spec: type, instance: bool, ops: Any) -> None:
    assert play(OURS, spec, instance, ops) == play(STD, spec, instance, ops)


def test_package_names_are_the_ones_compared() -> None:
    # The classes this module recognises by name are the ones mock-magic defines.
    assert {mock_magic.MagicMock.__name__, mock_magic.AsyncMock.__name__} <= set(MOCK_CLASSES)
