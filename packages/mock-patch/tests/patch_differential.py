"""Run the same patch scenario against mock-patch and against the interpreter's unittest.mock.

A scenario is a set of symbolic choices (which target, which spec, ...). ``run`` turns it
into real arguments for one implementation, constructs, starts and stops the patcher, and
returns a fingerprint of everything observable: the phase and type and message of an
exception, or a description of the object put in place and of the target afterwards. The
two fingerprints must be equal.
"""

from __future__ import annotations

import re
import sys
import types
import unittest.mock as std
from dataclasses import dataclass
from typing import Any, Dict, List, Tuple

import mock_core
import mock_magic
import mock_patch

MODULE_NAME = "mock_patch_difftarget"


# ---------------------------------------------------------------- the objects patched


def sync_func(a: Any, b: Any = 1) -> Any:
    return a


async def async_func(a: Any) -> Any:
    return a


class Klass:
    attr = 1

    def meth(self, a: Any) -> Any:
        return a

    @staticmethod
    def static(a: Any) -> Any:
        return a

    @classmethod
    def clsmeth(cls, a: Any) -> Any:
        return a

    @property
    def prop(self) -> int:
        return 1


class CallableKlass:
    def __call__(self, a: Any) -> Any:
        return a


class AsyncCallable:
    async def __call__(self) -> None:
        return None


class Sub(Klass):
    pass


INSTANCE = Klass()


def target_module() -> types.ModuleType:
    """The module the scenarios patch, created once and kept in sys.modules."""
    module = sys.modules.get(MODULE_NAME)
    if module is None:
        module = types.ModuleType(MODULE_NAME)
        module.sync_func = sync_func  # type: ignore[attr-defined]
        module.async_func = async_func  # type: ignore[attr-defined]
        module.Klass = Klass  # type: ignore[attr-defined]
        module.Sub = Sub  # type: ignore[attr-defined]
        module.inst = INSTANCE  # type: ignore[attr-defined]
        module.callable_inst = CallableKlass()  # type: ignore[attr-defined]
        module.async_callable_inst = AsyncCallable()  # type: ignore[attr-defined]
        module.num = 3  # type: ignore[attr-defined]
        sys.modules[MODULE_NAME] = module
    return module


# ------------------------------------------------------------ the two implementations


@dataclass(frozen=True)
class Api:
    name: str
    patch: Any
    DEFAULT: Any
    Mock: Any
    MagicMock: Any
    NonCallableMock: Any
    NonCallableMagicMock: Any
    AsyncMock: Any


STD = Api(
    "std",
    std.patch,
    std.DEFAULT,
    std.Mock,
    std.MagicMock,
    std.NonCallableMock,
    std.NonCallableMagicMock,
    std.AsyncMock,
)
OURS = Api(
    "ours",
    mock_patch.patch,
    mock_core.DEFAULT,
    mock_core.Mock,
    mock_magic.MagicMock,
    mock_core.NonCallableMock,
    mock_magic.NonCallableMagicMock,
    mock_magic.AsyncMock,
)


# ---------------------------------------------------------------- scenario choices

TARGETS = (
    "sync_func",
    "async_func",
    "Klass",
    "inst",
    "callable_inst",
    "async_callable_inst",
    "num",
    "missing",
    "Klass.meth",
    "Klass.static",
    "Klass.clsmeth",
    "Klass.prop",
    "Sub.attr",
    "inst.meth",
    "nomodule",
)
SPECS = (
    "none",
    "true",
    "false",
    "zero",
    "one",
    "list",
    "list_call",
    "Klass",
    "inst",
    "sync_func",
    "async_func",
    "async_callable_inst",
    "mock",
)
AUTOSPECS = ("none", "true", "false", "zero", "Klass", "sync_func", "mock")
NEWS = ("DEFAULT", "value", "none")
NEW_CALLABLES = ("none", "Mock", "NonCallableMagicMock", "AsyncMock", "Recorder", "factory")
KWARGS = ("none", "attr", "typo", "return_value", "name", "dotted")


class Recorder:
    """A new_callable that is not a mock: records what patch passed to it."""

    def __init__(self, **kwargs: Any) -> None:
        self.kwargs = kwargs


@dataclass(frozen=True)
class Scenario:
    target: str = "sync_func"
    new: str = "DEFAULT"
    spec: str = "none"
    spec_set: str = "none"
    autospec: str = "none"
    new_callable: str = "none"
    create: bool = False
    kwargs: str = "none"
    unsafe: bool = False
    via_object: bool = False


def _spec_value(api: Api, choice: str) -> Any:
    if choice == "mock":
        return api.MagicMock()
    module = target_module()
    values: Dict[str, Any] = {
        "none": None,
        "true": True,
        "false": False,
        "zero": 0,
        "one": 1,
        "list": ["attr", "other"],
        "list_call": ["__call__", "attr"],
        "Klass": Klass,
        "inst": INSTANCE,
        "sync_func": sync_func,
        "async_func": async_func,
        "async_callable_inst": module.async_callable_inst,
    }
    return values[choice]


def _new_callable(api: Api, choice: str) -> Any:
    if choice == "none":
        return None
    if choice == "Recorder":
        return Recorder
    if choice == "factory":
        return lambda **kwargs: api.MagicMock(**kwargs)
    return getattr(api, choice)


NEW_VALUE = object()


def _kwargs(choice: str) -> Dict[str, Any]:
    return {
        "none": {},
        "attr": {"attr": 5},
        "typo": {"set_spec": True},
        "return_value": {"return_value": 3},
        "name": {"name": "renamed"},
        "dotted": {"child.return_value": 7},
    }[choice]


def _split_target(target: str) -> Tuple[str, str]:
    if target == "nomodule":
        return "mock_patch_no_such_module", "x"
    owner, _, attribute = (MODULE_NAME + "." + target).rpartition(".")
    return owner, attribute


# ---------------------------------------------------------------- fingerprints

_ID = re.compile(r" id='\d+'|0x[0-9a-fA-F]+")


def mask(text: str) -> str:
    """Drop object ids from a repr or message."""
    return _ID.sub("", text)


def _describe_exception(phase: str, exc: BaseException) -> Tuple[Any, ...]:
    return ("raised", phase, type(exc).__name__, mask(str(exc)))


def describe(api: Api, obj: Any, depth: int = 0) -> Any:
    """A comparable description of what a patch put in place."""
    if isinstance(obj, dict):
        return {key: describe(api, value, depth) for key, value in obj.items()}
    if isinstance(obj, Recorder):
        return (
            "Recorder",
            {key: describe(api, value, depth + 1) for key, value in obj.kwargs.items()},
        )
    if not isinstance(obj, api.NonCallableMock):
        if isinstance(obj, (types.FunctionType, types.MethodType)):
            # Autospecced functions: compare their shape, not their identity.
            return ("function", getattr(obj, "__name__", None), hasattr(obj, "mock"))
        return ("value", type(obj).__name__, mask(repr(obj)))
    kinds = [
        name
        for name in ("AsyncMock", "MagicMock", "NonCallableMagicMock", "Mock", "NonCallableMock")
        if isinstance(obj, getattr(api, name))
    ]
    facts: List[Any] = [type(obj).__name__, kinds, mask(repr(obj)), callable(obj)]
    facts.append(isinstance(obj, Klass))
    try:
        facts.append(("attr", describe(api, obj.attr, depth + 1) if depth < 2 else "..."))
    except AttributeError as exc:
        facts.append(("attr", "AttributeError", mask(str(exc))))
    try:
        obj.not_in_any_spec
        facts.append("open")
    except AttributeError:
        facts.append("closed")
    if depth < 2 and callable(obj) and not isinstance(obj, api.AsyncMock):
        facts.append(("return_value", describe(api, obj.return_value, depth + 1)))
    if depth < 1 and "child" in dir(obj) and not isinstance(obj.child, api.AsyncMock):
        facts.append(("child()", describe(api, obj.child(), depth + 1)))
    return tuple(facts)


def run(api: Api, scenario: Scenario) -> Any:
    """Construct, start and stop one patcher; return the fingerprint."""
    module = target_module()
    owner_name, attribute = _split_target(scenario.target)
    arguments: Dict[str, Any] = {}
    if scenario.new == "value":
        arguments["new"] = NEW_VALUE
    elif scenario.new == "none":
        arguments["new"] = None
    for key, choice in (("spec", scenario.spec), ("spec_set", scenario.spec_set)):
        if choice != "none":
            arguments[key] = _spec_value(api, choice)
    if scenario.autospec != "none":
        arguments["autospec"] = _spec_value(api, scenario.autospec)
    new_callable = _new_callable(api, scenario.new_callable)
    if new_callable is not None:
        arguments["new_callable"] = new_callable
    if scenario.create:
        arguments["create"] = True
    if scenario.unsafe:
        arguments["unsafe"] = True
    arguments.update(_kwargs(scenario.kwargs))

    try:
        owner = _resolve(owner_name)
    except Exception:
        owner = None
    before = _snapshot(owner, attribute)
    try:
        if scenario.via_object and owner is not None:
            patcher = api.patch.object(owner, attribute, **arguments)
        else:
            patcher = api.patch(f"{owner_name}.{attribute}", **arguments)
    except Exception as exc:
        return _describe_exception("construct", exc)
    try:
        result = patcher.start()
    except Exception as exc:
        after = _snapshot(owner, attribute)
        return (*_describe_exception("start", exc), after == before)
    try:
        current = getattr(owner, attribute)
        placed = "same" if current is result else describe(api, current)
        fingerprint = ("ok", describe(api, result), placed)
    finally:
        stopped = patcher.stop()
    after = _snapshot(owner, attribute)
    del module
    return (*fingerprint, stopped, after == before)


def _resolve(name: str) -> Any:
    import pkgutil

    return pkgutil.resolve_name(name)


def _snapshot(owner: Any, attribute: str) -> Any:
    if owner is None:
        return None
    own = getattr(owner, "__dict__", {})
    return (attribute in own, own.get(attribute, None), getattr(owner, attribute, None))


def known_deviation(scenario: Scenario) -> bool:
    """Scenarios where mock-patch deliberately differs from the standard library.

    - ``autospec`` with ``unsafe=True``: the standard library does not pass ``unsafe`` on to
      ``create_autospec``, which then refuses the misspelled keywords the caller allowed.
    - a ``new_callable`` that is not a class, a class target and a spec: the standard
      library fails with ``KeyError: 'name'`` while setting up the spec'd instance.
    - before 3.13 (where the reference is 3.13's behaviour): patching a coroutine function
      with a non-callable ``spec_set`` (given, or ``spec_set=True`` with a ``spec``) made a
      ``NonCallableMagicMock``; since 3.13 it is an ``AsyncMock``.
    """
    non_callable = ("zero", "one", "list", "inst")
    if (
        sys.version_info < (3, 13)
        and scenario.target == "async_func"
        and (
            (scenario.spec in ("none", "false") and scenario.spec_set in non_callable)
            or (scenario.spec in non_callable and scenario.spec_set == "true")
        )
        and scenario.new == "DEFAULT"
        and scenario.new_callable == "none"
    ):
        return True
    autospec = scenario.autospec not in ("none", "false")
    if autospec and scenario.unsafe and scenario.kwargs == "typo":
        return True
    return (
        scenario.new_callable == "factory"
        and scenario.target == "Klass"
        and (scenario.spec not in ("none", "false") or scenario.spec_set not in ("none", "false"))
    )


def compare(scenario: Scenario) -> Tuple[Any, Any]:
    return run(STD, scenario), run(OURS, scenario)
