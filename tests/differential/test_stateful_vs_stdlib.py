"""Stateful differential tests: mockkit against the interpreter's ``unittest.mock``.

A hypothesis state machine keeps bundles of *pairs*: the same object made once with the
standard library and once with mockkit (mocks, generated classes, patchers). Every rule runs
one operation on both halves of a pair and compares what can be seen from outside: the
returned value's repr (ids, addresses and module paths masked), whether it is a mock and of
which kind, recorded calls (``mock_calls``, ``call_args_list``, ``method_calls``), ``dir()``,
and raised exceptions' types and messages. Operations: create (every mock class; spec and
spec_set of generated classes or name lists, name, return_value, side_effect, wraps, dotted
configuration), configure, call, read/set/delete attributes, set and use magic methods,
compare recorded calls with ``call`` objects and ``ANY``, every assertion method, reset with
flags, seal, attach, ``mock_add_spec``, ``PropertyMock`` on a mock's type, ``patch`` /
``patch.object`` / ``patch.dict`` / ``patch.multiple`` started and stopped (or used as
decorators and context managers) on a generated module, and ``create_autospec`` of generated
classes whose methods have generated signatures.

The comparison is made where the interpreter's ``unittest.mock`` has the behaviour mockkit
follows, 3.13 and later (mockkit follows the newest standard library everywhere, so older
interpreters' messages and a few behaviours differ by design, see DEVIATIONS.md). On older
interpreters the same operations still run, but only mockkit is checked: what it recorded
must agree with itself (``call_count``, ``called``, ``call_args``, ``call_args_list`` and
``mock_calls``), and the newer behaviours below hold (starting a started patcher raises
``RuntimeError``, stopping a stopped one does nothing, autospec refuses a keyword for a
positional-only parameter).

Known differences that are *not* mockkit bugs are listed in ``EXCLUSIONS`` with their reason,
and the code that uses each names it.

Example counts: 200 runs of up to 30 steps by default (a few seconds); 2000 runs of up to 50
steps with ``HYPOTHESIS_PROFILE=large`` (profiles are registered in ``tests/conftest.py``).
"""

from __future__ import annotations

import contextlib
import copy
import inspect
import itertools
import operator
import os
import re
import signal
import sys
import threading
import types
import unittest.mock as std_mock
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

import pytest
from hypothesis import HealthCheck, given, note, settings, strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    multiple,
    rule,
)

import mockkit

# Both modules are driven into the same odd corners on purpose (a side effect that returns a
# coroutine where a number is wanted); the coroutines they drop are not a finding.
pytestmark = pytest.mark.filterwarnings("ignore:coroutine .* was never awaited:RuntimeWarning")

# -- what is compared, and where -------------------------------------------------------------

# The interpreter's unittest.mock is the reference only where it has the newest behaviour.
COMPARE = sys.version_info >= (3, 13)
HAS_THREADING_MOCK = hasattr(std_mock, "ThreadingMock")
LARGE = os.environ.get("HYPOTHESIS_PROFILE") == "large"

STD, KIT = 0, 1
SIDES: Tuple[Tuple[int, Any], ...] = ((STD, std_mock), (KIT, mockkit))

# Known differences that are not mockkit bugs, even on 3.13: mockkit follows 3.14, avoids a
# standard-library bug or crash, or differs only in its internals or in what the standard
# library does to a mock while probing it. Each entry is used where its key is named below:
# the operation runs on mockkit alone (checking the newer behaviour), is not generated, is
# not compared, or ends the comparison for the rest of that run.
EXCLUSIONS = {
    "gh-130164": "3.12/3.13 Signature.bind accepts a keyword for a positional-only parameter "
    "when **kwargs exists (and 3.13.0 also when the parameter has a default); mockkit's "
    "autospec refuses the call as Python and 3.14 do",
    "start-twice": "starting a started patcher raises RuntimeError (3.14); 3.13 patches again "
    "and loses the original (patch.dict is not excluded: no standard library refuses it)",
    "stop-unstarted": "stopping a patcher that is not started does nothing (3.14); 3.13 raises "
    "AttributeError after a first stop",
    "dir-internals": "with FILTER_DIR off, dir() is object.__dir__(): it lists the "
    "implementation's private attributes, and mockkit's also lists children created on access "
    "(it caches them in the instance dict) but method_calls only once made (it is lazy); "
    "only public names other than these compare",
    "internal-callables": "functions and methods the implementations make for themselves "
    "(mock_open's side effects) are compared as 'a callable', not by name",
    "del-method-calls": "del m.method_calls: in the standard library it is a plain instance "
    "attribute, so reading it (and recording any method call) then raises AttributeError; "
    "mockkit creates it lazily and makes a new one. Not generated",
    "recursion-depth": "a mock that is (or reaches) its own side effect recurses until "
    "RecursionError on both sides; how many calls were recorded by then depends on the stack "
    "frames each implementation uses per call, so the comparison stops there",
    "threading-eq-deadlock": "3.13's ThreadingMock deadlocks when comparing a call's arguments "
    "calls the same mock again (m == m, then m == 1: the reflected 1 == m calls m.__eq__ under "
    "its own lock); mockkit does not, so that operation runs on mockkit alone",
    "create-over-child": "patch(..., create=True) of an attribute a mock makes on access: the "
    "standard library deletes it on stop (the mock then refuses the name), mockkit restores "
    "the child (DEVIATIONS.md: create=True over an existing attribute); create is dropped",
    "autospec-probes-mock": "create_autospec of a class with an attribute that is a mock "
    "specced as a function: both refuse it, but the standard library first asks that mock "
    "whether it is a coroutine function (recording __code__.co_flags calls on it; a sealed "
    "mock refuses __code__, so there the probe's AttributeError comes first)",
    "seal-lazy-autospec": "seal() of an autospec whose spec has an attribute that is already "
    "a mock: the standard library makes every attribute's mock while sealing and raises "
    "InvalidSpecError there; mockkit makes them on first use and raises then",
    "seal-filter-dir-off": "seal() walks dir(); with FILTER_DIR off that lists the magic "
    "methods, and the standard library then makes some of them while sealing (a child's "
    "__add__ works after seal, the root's does not); mockkit makes none. Not generated",
    "inspect-probes": "the standard library asks inspect.iscoroutinefunction() about the "
    "attributes of a spec, which creates _is_coroutine* children (and __code__, for a mock "
    "specced on a function; __wrapped__, which it unwraps, for one specced on a classmethod "
    "or staticmethod) on those that are mocks, e.g. mock_add_spec(C) while C.a is "
    "patched with that mock; mockkit tells coroutine functions apart without probing. "
    "Those names are not compared",
    "mock-below-itself": "attaching a mock below itself: the standard library's reprs then fail "
    "with a TypeError, mockkit's do not; the comparison stops there",
    "deepcopy-memo": "copy.deepcopy() of a mock whose spec allows __deepcopy__ (or of a "
    "shallow copy of an autospec) calls that mock's __deepcopy__ child with the memo, which "
    "holds the copy's instance dict: its private entries are each library's own, so once "
    "such a call is recorded, reprs and failure messages differ; the comparison stops there",
    "guard-period": "the typo guard's message ('assret_x' is not a valid assertion. ...) is "
    "worded as in 3.15, without the final period that older standard libraries put there "
    "(DEVIATIONS.md); their messages are compared without it",
    "code-flags-probe": "a magic mock specced on a plain function (patch('Klass.meth', "
    "spec=True)) is an attribute of something the standard library then takes as a spec "
    "(patch.multiple(module, Klass=DEFAULT, spec=True), Mock(spec=Klass)): its coroutine "
    "probe reads the mock's __code__.co_flags & 128, records those calls on the mock "
    "(call.__code__.co_flags.__and__(128), ...) and, the result being a truthy mock, takes "
    "the sync function for a coroutine function (the spec's attribute becomes an AsyncMock). "
    "mockkit reads no attribute of a mock to decide (DEVIATIONS.md), so once the stdlib has "
    "probed one of the run's mocks a difference stops the comparison",
}

# The standard library failing inside its own code (not an error it means to raise): mockkit
# does not copy these, so the comparison of the rest of the run stops when one is seen.
STDLIB_CRASHES = (
    # Matching a call against a deleted child (the deletion marker is not a mock).
    ("AttributeError", "'_SentinelObject' object has no attribute '_mock_children'"),
    # reset_mock() reaching an autospecced function set as a child: its reset_mock() takes
    # no return_value/side_effect flags.
    (
        "TypeError",
        "_setup_func.<locals>.reset_mock() got an unexpected keyword argument 'return_value'",
    ),
    # assert_any_call() when a recorded call does not bind to the spec's signature: the
    # standard library compares against the binding's TypeError and fails on its len().
    ("TypeError", "object of type 'TypeError' has no len()"),
    # seal() of a mock attached as "side_effect"/"return_value" (its _mock_new_name is None).
    ("TypeError", "unsupported operand type(s) for +: 'NoneType' and 'str'"),
    # A spec whose attribute is a Mock specced on a function (patched in): the standard
    # library's coroutine probe reads that mock's __code__.co_flags and fails to "&" it
    # (EXCLUSIONS["inspect-probes"]).
    ("TypeError", "unsupported operand type(s) for &: 'Mock' and 'int'"),
    # copy.deepcopy() of a ThreadingMock: the standard library's holds a lock and events from
    # the start (DEVIATIONS.md: mockkit's makes them when something first waits).
    ("TypeError", "cannot pickle '_thread.lock' object"),
)

# Outcomes (alike on both sides) after which the two are known to differ in what they did on
# the way: the comparison of the rest of the run stops.
STOP_AFTER = (
    # EXCLUSIONS["recursion-depth"]
    ("RecursionError", ""),
    # EXCLUSIONS["autospec-probes-mock"]
    ("InvalidSpecError", "Cannot spec a Mock object."),
)

# -- masking ----------------------------------------------------------------------------------


def _std_guard_message() -> str:
    try:
        std_mock.Mock().assret_probe
    except AttributeError as exc:
        return str(exc)
    raise AssertionError("the standard library's typo guard did not fire")


# EXCLUSIONS["guard-period"]: observed, since it is a patch release's wording that counts.
STD_GUARD_HAS_PERIOD = _std_guard_message().endswith(".")
_GUARD = re.compile(
    r"'(?P<name>.+)' is not a valid assertion\. Use a spec for the mock if "
    r"'(?P=name)' is meant to be an attribute\."
)


def in_newest_words(outcome: Tuple[Any, ...]) -> Tuple[Any, ...]:
    """The standard library's outcome with its typo-guard message worded as in 3.15."""
    if not STD_GUARD_HAS_PERIOD:
        return outcome
    return tuple(
        part[:-1] if isinstance(part, str) and _GUARD.fullmatch(part) else part for part in outcome
    )


TARGET = "mkdiff_target"  # patch target modules are TARGET_std and TARGET_kit
_MASKS = (
    (re.compile(r"id='\d+'"), "id='ID'"),
    (re.compile(r"0x[0-9a-fA-F]+"), "0xADDR"),
    (re.compile(r"\b\d{12,}\b"), "ID"),  # id()-based hashes
    (re.compile(r"\bunittest\.mock\.|\bmock(?:kit|_core|_magic|_spec|_patch)(?:\.[A-Za-z_]+)*\."),
     "MOD."),
    (re.compile(TARGET + r"_(?:std|kit)"), TARGET),
)  # fmt: skip


def mask(text: str) -> str:
    for pattern, replacement in _MASKS:
        text = pattern.sub(replacement, text)
    return text


# -- pairs ------------------------------------------------------------------------------------

_labels = itertools.count()


class Pair:
    """One object made with the standard library and its twin made with mockkit."""

    __slots__ = ("info", "label", "objs")

    def __init__(self, std: Any, kit: Any, label: str, **info: Any) -> None:
        self.objs = (std, kit)
        self.label = f"{label}#{next(_labels)}"
        self.info = info

    def __getitem__(self, side: int) -> Any:
        return self.objs[side]

    def __repr__(self) -> str:
        return self.label


class Raised:
    """What ``MockkitVsStdlib.both`` gives for a side that raised (exceptions can be values)."""

    __slots__ = ("exc",)

    def __init__(self, exc: Exception) -> None:
        self.exc = exc

    def __repr__(self) -> str:
        return f"Raised({self.exc!r})"


# -- generated data ---------------------------------------------------------------------------

SCALARS = st.one_of(st.none(), st.integers(-1, 3), st.sampled_from(["s", "t"]))
ARGS = st.lists(SCALARS, max_size=3).map(tuple)
KWARG_NAMES = ["x", "y", "p0", "p1", "k0", "k1", "args"]
KWARGS = st.dictionaries(st.sampled_from(KWARG_NAMES), SCALARS, max_size=2)
# "*" stands for ANY in expected calls.
EXPECTED_ARGS = st.lists(st.one_of(SCALARS, st.just("*")), max_size=3).map(tuple)
EXPECTED_KWARGS = st.dictionaries(
    st.sampled_from(KWARG_NAMES), st.one_of(SCALARS, st.just("*")), max_size=2
)

MEMBER_NAMES = ["a", "b", "meth", "attr", "Nested"]
ACCESS_NAMES = [
    *MEMBER_NAMES,
    "c",
    "inner",
    "read",
    "readline",
    "return_value",
    "side_effect",
    "called",
    "call_count",
    "call_args",
    "call_args_list",
    "mock_calls",
    "method_calls",
    "await_count",
    "await_args",
    "_private",
    "assert_foo",
    "assret_called",
    "asert_called",
    "called_once_with",
    "assert_called",
    "__len__",
    "__iter__",
    "__str__",
    "__enter__",
    "__aenter__",
    "__foo__",
    "__class__",
    "__signature__",
]
# EXCLUSIONS["del-method-calls"]
DELETE_NAMES = [name for name in ACCESS_NAMES if name != "method_calls"]
SET_NAMES = [*MEMBER_NAMES, "c", "return_value", "side_effect", "called", "name", "_private"]
# Written on a mock's class (type(m).p = PropertyMock(...)): names the mocks also read.
TYPE_NAMES = ["a", "b", "meth", "p"]
DOTTED_NAMES = [
    "a",
    "a.b",
    "a.return_value",
    "a.side_effect",
    "meth.return_value",
    "return_value",
    "side_effect",
    "return_value.a",
    "__len__.return_value",
    "__iter__.return_value",
    "__str__.return_value",
    "a.__getitem__.return_value",
]
PATHS = st.lists(st.sampled_from(["a", "b", "meth", "()"]), max_size=2).map(tuple)

VALUES = st.sampled_from(
    [
        "int",
        "none",
        "str",
        "list",
        "default",
        "sentinel",
        "exc_class",
        "exc_instance",
        "iterable",
        "func",
        "func_default",
        "async_func",
        "mock",
        "named_mock",
        "magic",
    ]
)

MOCK_CLASSES = ["Mock", "MagicMock", "NonCallableMock", "NonCallableMagicMock", "AsyncMock"]
if HAS_THREADING_MOCK:
    MOCK_CLASSES.append("ThreadingMock")

ASSERTIONS_WITH_ARGS = [
    "assert_called_with",
    "assert_called_once_with",
    "assert_any_call",
    "assert_awaited_with",
    "assert_awaited_once_with",
    "assert_any_await",
]
ASSERTIONS_PLAIN = [
    "assert_called",
    "assert_called_once",
    "assert_not_called",
    "assert_awaited",
    "assert_awaited_once",
    "assert_not_awaited",
]
ASSERTIONS_LISTS = ["assert_has_calls", "assert_has_awaits"]


def wrapped(*args: Any, **kwargs: Any) -> Any:
    """What ``wraps=`` mocks delegate to (the same plain function on both sides)."""
    return ("wrapped", args, kwargs)


def value_of(M: Any, desc: str) -> Any:
    """Build the value ``desc`` names with module ``M`` (unittest.mock or mockkit)."""
    if desc == "int":
        return 7
    if desc == "none":
        return None
    if desc == "str":
        return "s"
    if desc == "list":
        return [1, 2]
    if desc == "default":
        return M.DEFAULT
    if desc == "sentinel":
        return M.sentinel.thing
    if desc == "exc_class":
        return KeyError
    if desc == "exc_instance":
        return ValueError("boom")
    if desc == "iterable":
        return [1, M.DEFAULT, KeyError("k")]
    if desc == "func":
        return lambda *args, **kwargs: ("func", args, kwargs)
    if desc == "func_default":
        return lambda *args, **kwargs: M.DEFAULT
    if desc == "async_func":

        async def afunc(*args: Any, **kwargs: Any) -> Any:
            return ("afunc", args, kwargs)

        return afunc
    if desc == "mock":
        return M.Mock()
    if desc == "named_mock":
        return M.Mock(name="other")
    if desc == "magic":
        return M.MagicMock()
    raise AssertionError(desc)


# Signatures: (positional-only, positional-or-keyword, how many of those have defaults,
# *args, keyword-only parameters as "has a default" flags, **kwargs).
Sig = Tuple[int, int, int, bool, Tuple[bool, ...], bool]


@st.composite
def signatures(draw: Any) -> Sig:
    posonly = draw(st.integers(0, 2))
    normal = draw(st.integers(0, 2))
    defaults = draw(st.integers(0, posonly + normal))
    kwonly = tuple(draw(st.lists(st.booleans(), max_size=2)))
    return (posonly, normal, defaults, draw(st.booleans()), kwonly, draw(st.booleans()))


def params_source(sig: Sig, first: Optional[str] = None) -> str:
    posonly, normal, defaults, varargs, kwonly, varkw = sig
    params: List[str] = [first] if first else []
    positional = posonly + normal
    for index in range(positional):
        name = f"p{index}"
        params.append(f"{name}={index}" if index >= positional - defaults else name)
        if index == posonly - 1:
            params.append("/")
    if varargs:
        params.append("*args")
    elif kwonly:
        params.append("*")
    for index, has_default in enumerate(kwonly):
        params.append(f"k{index}=None" if has_default else f"k{index}")
    if varkw:
        params.append("**kwargs")
    return ", ".join(params)


MEMBER_KINDS = ["method", "classmethod", "staticmethod", "async", "property", "int", "none"]


@st.composite
def class_descs(draw: Any) -> Tuple[Any, ...]:
    members = draw(
        st.dictionaries(
            st.sampled_from(MEMBER_NAMES[:-1]),
            st.tuples(st.sampled_from(MEMBER_KINDS), signatures()),
            max_size=3,
        )
    )
    nested = draw(st.one_of(st.none(), signatures()))
    init = draw(st.one_of(st.none(), signatures()))
    call = draw(st.one_of(st.none(), signatures()))
    return (tuple(sorted(members.items())), nested, init, call)


def class_source(name: str, desc: Tuple[Any, ...]) -> str:
    members, nested, init, call = desc
    lines = [f"class {name}:", "    '''generated'''"]
    if init is not None:
        lines.append(f"    def __init__({params_source(init, 'self')}): pass")
    if call is not None:
        lines.append(f"    def __call__({params_source(call, 'self')}): pass")
    for member, (kind, sig) in members:
        if kind == "method":
            lines.append(f"    def {member}({params_source(sig, 'self')}): pass")
        elif kind == "classmethod":
            lines += ["    @classmethod", f"    def {member}({params_source(sig, 'cls')}): pass"]
        elif kind == "staticmethod":
            lines += ["    @staticmethod", f"    def {member}({params_source(sig)}): pass"]
        elif kind == "async":
            lines.append(f"    async def {member}({params_source(sig, 'self')}): pass")
        elif kind == "property":
            lines += ["    @property", f"    def {member}(self): return 1"]
        elif kind == "int":
            lines.append(f"    {member} = 1")
        else:
            lines.append(f"    {member} = None")
    if nested is not None:
        lines += ["    class Nested:", f"        def inner({params_source(nested, 'self')}): pass"]
    return "\n".join(lines) + "\n"


def build_class(name: str, desc: Tuple[Any, ...]) -> type:
    namespace: Dict[str, Any] = {"__name__": "mkdiff_classes"}
    exec(class_source(name, desc), namespace)
    cls: type = namespace[name]
    return cls


MODULE_SOURCE = """
value = 1
mapping = {"a": 1, "b": 2}

def func(p0, p1=1, *, k0=None):
    return ("func", p0, p1, k0)

async def afunc(p0):
    return ("afunc", p0)

class Klass:
    attr = 1

    def meth(self, p0):
        return ("meth", p0)

    @classmethod
    def cm(cls, p0):
        return ("cm", p0)

    @staticmethod
    def sm(p0):
        return ("sm", p0)

    @property
    def prop(self):
        return "prop"

instance = Klass()
"""
MODULE_ATTRS = ["value", "mapping", "func", "afunc", "Klass", "instance"]
PATCH_TARGETS = [
    *MODULE_ATTRS,
    "missing",
    "Klass.meth",
    "Klass.cm",
    "Klass.sm",
    "Klass.prop",
    "Klass.attr",
    "instance.meth",
]


@st.composite
def patch_kwargs(draw: Any) -> Dict[str, Any]:
    kw: Dict[str, Any] = {}
    if draw(st.integers(0, 3)) == 0:
        kw["new"] = draw(VALUES)
    if draw(st.integers(0, 3)) == 0:
        kw["new_callable"] = draw(st.sampled_from([*MOCK_CLASSES, "PropertyMock"]))
    which = draw(st.sampled_from(["none", "none", "spec", "spec_set", "autospec", "names"]))
    if which in ("spec", "spec_set", "autospec"):
        kw[which] = True
    elif which == "names":
        kw["spec"] = ["a", "meth"]
    if draw(st.booleans()):
        kw["create"] = True
    if draw(st.integers(0, 3)) == 0:
        kw[draw(st.sampled_from(["return_value", "side_effect", "a.return_value"]))] = draw(VALUES)
    return kw


def build_patch_kwargs(M: Any, kw: Dict[str, Any]) -> Dict[str, Any]:
    built: Dict[str, Any] = {}
    for key, value in kw.items():
        if key == "new_callable":
            built[key] = getattr(M, value)
        elif key in ("spec", "spec_set", "autospec", "create"):
            built[key] = value
        else:
            built[key] = value_of(M, value)
    return built


MAGIC_NAMES = [
    "__len__",
    "__iter__",
    "__contains__",
    "__getitem__",
    "__setitem__",
    "__bool__",
    "__str__",
    "__int__",
    "__float__",
    "__hash__",
    "__eq__",
    "__lt__",
    "__enter__",
    "__exit__",
    "__neg__",
    "__add__",
    "__index__",
    "__fspath__",
    "__aenter__",
    "__aiter__",
    "__call__",
    "__getattr__",
    "__init__",
    "__del__",
    "__foo__",
]
MAGIC_IMPLS = st.one_of(
    st.tuples(st.just("func"), st.sampled_from([0, 3, -1, "s", True, None, (1, 2)])),
    st.tuples(st.just("mock"), st.sampled_from([0, 3, "s", True, None, (1, 2)])),
    st.tuples(st.just("return_value"), st.sampled_from([0, 3, "s", False, None, (1, 2)])),
    st.tuples(st.just("side_effect"), VALUES),
    st.tuples(st.just("value"), st.sampled_from([0, None, "s"])),
    st.tuples(st.just("delete"), st.none()),
)


def _islice(iterable: Any) -> List[Any]:
    # A mock can stand in for an endless iterator; never follow one for long.
    return list(itertools.islice(iterable, 4))


def _with(m: Any) -> Any:
    with m as entered:
        return entered


def _with_raising(m: Any) -> Any:
    with m:
        raise KeyError("inside")


def _setitem(m: Any) -> Any:
    m[0] = 1
    return m[0]


async def _async_with(m: Any) -> Any:
    async with m as entered:
        return entered


async def _async_for(m: Any) -> Any:
    found = []
    async for item in m:
        found.append(item)
        if len(found) > 3:
            break
    return found


MAGIC_OPS: Dict[str, Callable[[Any], Any]] = {
    "len": len,
    "iter": lambda m: _islice(iter(m)),
    "contains": lambda m: 1 in m,
    "getitem": lambda m: m[0],
    "setitem": _setitem,
    "bool": bool,
    "str": str,
    "int": int,
    "float": float,
    "hash": lambda m: hash(m) == hash(m),
    "eq": lambda m: (m == m, m == 1, m != 1, m != m),
    "lt": lambda m: m < 1,
    "with": _with,
    "with_raising": _with_raising,
    "neg": operator.neg,
    "add": lambda m: (m + 1, 1 + m),
    "index": operator.index,
    "fspath": os.fspath,
    "format": lambda m: format(m, ""),
    "async_with": _async_with,
    "async_for": _async_for,
}


# -- observing --------------------------------------------------------------------------------


def drive(coroutine: Any) -> Any:
    """Run a coroutine that never really suspends (what mocks' coroutines do) to its end."""
    try:
        coroutine.send(None)
    except StopIteration as stop:
        return ("awaited", stop.value)
    coroutine.close()
    return ("suspended",)


def settle(value: Any) -> Any:
    """``value``, or what it gives when awaited if it is a coroutine."""
    if type(value) is types.CoroutineType:
        driven = drive(value)
        if driven[0] == "suspended":
            raise RuntimeError("suspended")
        return driven[1]
    return value


def is_autospec_function(value: Any) -> bool:
    """What ``create_autospec`` makes of a function: a function carrying its mock."""
    return type(value) is types.FunctionType and hasattr(value, "mock")


def is_mock(M: Any, value: Any) -> bool:
    return isinstance(value, M.NonCallableMock)


def kind_of(M: Any, value: Any) -> Tuple[Any, ...]:
    names = ["NonCallableMock", "CallableMixin", "MagicMixin", "AsyncMockMixin", "PropertyMock"]
    if HAS_THREADING_MOCK:
        names.append("ThreadingMock")
    return (
        type(value).__name__,
        tuple(name for name in names if isinstance(value, getattr(M, name))),
        callable(value),
    )


def render(M: Any, value: Any) -> Tuple[Any, ...]:
    """What ``value`` looks like from outside, comparable across the two modules."""
    # type() rather than isinstance(): a mock with a spec passes isinstance() for its spec.
    if type(value) is types.CoroutineType:
        try:
            driven = drive(value)
        except Exception as exc:
            return ("await-raise", *render_exc(exc))
        return ("await", *(render(M, v) for v in driven[1:]))
    if type(value) is types.MethodType and is_mock(M, value.__self__):
        # Bound methods' qualnames name internal classes.
        return ("bound-method", value.__name__)
    if type(value) in (types.MethodType, types.FunctionType) and not hasattr(value, "mock"):
        # EXCLUSIONS["internal-callables"]
        return ("callable",)
    try:
        text = mask(repr(value))
    except Exception as exc:
        return ("repr-raise", type(exc).__name__)
    if is_mock(M, value):
        return ("mock", text, kind_of(M, value))
    if is_autospec_function(value):
        return ("autospec-function", text)
    return ("ok", text)


def render_exc(exc: BaseException) -> Tuple[Any, ...]:
    cause = type(exc.__cause__).__name__ if exc.__cause__ is not None else None
    return ("raise", type(exc).__name__, mask(str(exc)), cause)


Thunk = Callable[[int, Any], Any]

# A step that takes longer than this has hung (a deadlock, an endless loop): the watchdog
# interrupts it so that the run reports it instead of stalling CI.
STEP_SECONDS = 10.0


class StepTimeout(BaseException):
    """Raised in a step that hung; not an Exception, so code under test cannot swallow it."""


def _interrupt(signum: int, frame: Any) -> None:
    raise StepTimeout(f"step took more than {STEP_SECONDS} s")


@contextlib.contextmanager
def watchdog() -> Iterator[None]:
    """Interrupt the enclosed code after STEP_SECONDS (POSIX main thread only)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _interrupt)
    signal.setitimer(signal.ITIMER_REAL, STEP_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# Children that inspect.iscoroutinefunction() leaves on a mock it is asked about.
INSPECT_PROBES = frozenset({"_is_coroutine", "_is_coroutine_marker", "__code__", "__wrapped__"})


def public_dir(M: Any, m: Any) -> List[str]:
    """``dir(m)``; with ``FILTER_DIR`` off, only its public part (EXCLUSIONS["dir-internals"])."""
    # EXCLUSIONS["inspect-probes"]
    names = [name for name in dir(m) if name not in INSPECT_PROBES]
    if not M.FILTER_DIR:
        hidden = {"method_calls", *getattr(m, "_mock_children", ())}
        names = [name for name in names if not name.startswith("_") and name not in hidden]
    return sorted(names)


def records(m: Any) -> Tuple[Any, ...]:
    """The recorded calls of a mock (or autospecced function)."""
    return (
        m.called,
        m.call_count,
        m.call_args,
        opaque_memos(m.call_args_list),
        opaque_memos(m.mock_calls),
        opaque_memos(m.method_calls),
    )


def opaque_memos(calls: Any) -> Any:
    """``calls``, where ``copy.deepcopy`` called a mock's ``__deepcopy__``, with its memo left
    out: the memo holds the copy's instance dict, whose private entries are each library's
    own (what was called, and how often, is still compared)."""
    if not any(str(entry[0]).endswith("__deepcopy__") for entry in calls):
        return calls
    return [
        (entry[0], "<memo>") if str(entry[0]).endswith("__deepcopy__") else entry for entry in calls
    ]


def invariants(M: Any, m: Any) -> None:
    """Facts about recorded calls that hold on every Python, for either module."""
    if not (is_mock(M, m) or is_autospec_function(m)):
        return
    count, calls = m.call_count, m.call_args_list
    if type(count) is not int or type(m.called) is not bool or type(calls) is not M._CallList:
        return  # the test assigned something else to them: nothing to check
    assert count == len(calls), (count, calls)
    assert m.called == bool(count)
    assert m.call_args == (calls[-1] if calls else None)
    for recorded in calls:
        # Every call is also a mock call of the mock itself (name "").
        assert recorded in m.mock_calls


# -- the machine ------------------------------------------------------------------------------


class MockkitVsStdlib(RuleBasedStateMachine):
    """Generated operations on (unittest.mock, mockkit) pairs; every outcome must agree."""

    mocks = Bundle("mocks")
    classes = Bundle("classes")
    patchers = Bundle("patchers")

    def __init__(self) -> None:
        super().__init__()
        self.diverged = False
        # mockkit's mocks whose lists of calls a shallow copy shares (by id, kept alive).
        self.sharing: Dict[int, Any] = {}
        self.modules: List[types.ModuleType] = []
        self.filter_dir = (std_mock.FILTER_DIR, mockkit.FILTER_DIR)
        # Patchers started before this run (by whatever else runs in the process) are not
        # this run's to stop.
        self.active_lists = (std_mock._patch._active_patches, mockkit._patch._active_patches)
        self.active_before = tuple(list(active) for active in self.active_lists)
        self.started: List[Pair] = []
        # The standard library's side of every mock and patch result made in this run
        # (EXCLUSIONS["code-flags-probe"] looks for its coroutine probe's traces on them).
        self.std_made: List[Any] = []
        self.class_count = itertools.count()

    # -- infrastructure ---------------------------------------------------------------------

    def both(self, label: str, thunk: Thunk, *, compare: bool = True) -> List[Any]:
        """Run ``thunk(side, module)`` on both sides; compare the outcomes; return results."""
        results: List[Any] = []
        outcomes: List[Tuple[Any, ...]] = []
        for side, M in SIDES:
            with watchdog():
                try:
                    value = thunk(side, M)
                except Exception as exc:
                    results.append(Raised(exc))
                    outcomes.append(render_exc(exc))
                except StepTimeout as exc:
                    results.append(Raised(RuntimeError("hung")))
                    outcomes.append(("hung",))
                    note(f"{label}: {'mockkit' if side else 'stdlib'} hung; {exc}")
                else:
                    try:
                        outcomes.append(render(M, value))
                    except StepTimeout:
                        outcomes.append(("hung",))
                    results.append(value)
        # EXCLUSIONS["guard-period"]
        self.check(label, in_newest_words(outcomes[STD]), outcomes[KIT], compare)
        if (
            not COMPARE
            and not isinstance(results[KIT], Raised)
            and id(results[KIT]) not in self.sharing
        ):
            # Nothing to compare with on this interpreter: mockkit must still agree with
            # itself about what it recorded.
            try:
                invariants(mockkit, results[KIT])
            except AttributeError:
                pass  # sealed or spec-limited
        return results

    def check(self, label: str, std: Tuple[Any, ...], kit: Tuple[Any, ...], compare: bool) -> None:
        note(f"{label}\n    stdlib:  {std}\n    mockkit: {kit}")
        if not COMPARE or not compare or self.diverged:
            return
        if label.startswith("seal(") and std[:2] == ("raise", "InvalidSpecError"):
            # EXCLUSIONS["seal-lazy-autospec"]
            note("    (seal reached an attribute that is already a mock: comparison stops here)")
            self.diverged = True
            return
        if (
            std[:2] == ("raise", "AttributeError")
            and std[2].endswith(".__code__")
            and kit[:2] == ("raise", "InvalidSpecError")
        ):
            # EXCLUSIONS["autospec-probes-mock"]: the probe reads __code__ of a sealed mock,
            # which refuses, before the standard library refuses the mock as a spec.
            note("    (the standard library's probe failed first: comparison stops here)")
            self.diverged = True
            return
        if (std[0] == "raise" and tuple(std[1:3]) in STDLIB_CRASHES) or (
            # A mock attached as "side_effect" or "return_value" has no name to print.
            std == ("repr-raise", "TypeError") and kit[0] != "repr-raise"
        ):
            note("    (the standard library crashed: comparison stops here)")
            self.diverged = True
            return
        if kit != std and self.stdlib_probed_a_mock():
            # EXCLUSIONS["code-flags-probe"]
            note("    (the standard library probed a mock's __code__: comparison stops here)")
            self.diverged = True
            return
        assert kit == std, f"{label}: mockkit differs from unittest.mock"
        raised = std[1:] if std[0] == "await-raise" else std
        if raised[0] == "raise" and any(
            raised[1] == kind and raised[2].startswith(start) for kind, start in STOP_AFTER
        ):
            note("    (what the two did on the way there differs: comparison stops here)")
            self.diverged = True

    def stdlib_probed_a_mock(self) -> bool:
        """Whether the standard library's coroutine probe read ``__code__`` of a mock of this
        run (EXCLUSIONS["code-flags-probe"]): the probe leaves a ``__code__`` child, and no
        rule reads ``__code__`` itself."""
        return any(
            isinstance(made, std_mock.NonCallableMock)
            and "__code__" in vars(made).get("_mock_children", {})
            for made in self.std_made
        )

    def kit_only(self, label: str, thunk: Thunk) -> Any:
        """Run ``thunk`` on mockkit alone (an excluded operation); return result or exception."""
        try:
            value = thunk(KIT, mockkit)
        except Exception as exc:
            note(f"{label} (mockkit only)\n    mockkit: {render_exc(exc)}")
            return Raised(exc)
        note(f"{label} (mockkit only)\n    mockkit: {render(mockkit, value)}")
        return value

    def pair_from(self, results: List[Any], label: str, autospec: bool = False) -> Any:
        """A new pair when both sides produced a mock (or autospecced function)."""
        std, kit = results
        if (is_mock(std_mock, std) or is_autospec_function(std)) and (
            is_mock(mockkit, kit) or is_autospec_function(kit)
        ):
            self.std_made.append(std)
            return Pair(std, kit, label, autospec=autospec)
        return multiple()

    def observe_pair(self, label: str, pair: Pair) -> None:
        """Compare recorded calls, repr and dir of a pair; check mockkit's invariants."""

        def look(side: int, M: Any) -> Any:
            m = pair[side]
            return (repr(m), records(m), public_dir(M, m))

        self.both(f"observe {label}", look)
        try:
            if id(pair[KIT]) not in self.sharing:
                invariants(mockkit, pair[KIT])
        except AttributeError:
            pass  # sealed or spec-limited: the comparison above covers it

    # -- set-up and tear-down ---------------------------------------------------------------

    @initialize()
    def make_modules(self) -> None:
        for side_name in ("std", "kit"):
            module = types.ModuleType(f"{TARGET}_{side_name}")
            exec(MODULE_SOURCE, module.__dict__)
            module.__dict__["__originals__"] = dict(module.__dict__)
            sys.modules[module.__name__] = module
            self.modules.append(module)

    def teardown(self) -> None:
        # A failing run must not leave patches behind for the next one (hypothesis would
        # call the next run flaky): stop what stopall could not, then forget the rest.
        for active, before in zip(self.active_lists, self.active_before, strict=False):
            mine = [patcher for patcher in active if patcher not in before]
            for patcher in reversed(mine):
                try:
                    patcher.stop()
                except Exception:
                    pass
            active[:] = [patcher for patcher in active if patcher not in mine]
        std_mock.FILTER_DIR, mockkit.FILTER_DIR = self.filter_dir
        for module in self.modules:
            sys.modules.pop(module.__name__, None)

    def target_state(self, side: int) -> Tuple[Any, ...]:
        """How far the target module is from its original contents."""
        module = self.modules[side]
        originals = module.__dict__["__originals__"]
        state = []
        for name in [*MODULE_ATTRS, "missing"]:
            if name not in module.__dict__:
                state.append((name, "absent"))
            elif name in originals and module.__dict__[name] is originals[name]:
                state.append((name, "original"))
            else:
                state.append((name, mask(repr(module.__dict__[name]))))
        klass = originals["Klass"]
        for name in ("attr", "meth", "cm", "sm", "prop"):
            raw = klass.__dict__.get(name, "absent")
            state.append((f"Klass.{name}", type(raw).__name__))
        state.append(("mapping", sorted(originals["mapping"].items())))
        return tuple(state)

    def compare_targets(self, label: str) -> None:
        std, kit = self.target_state(STD), self.target_state(KIT)
        self.check(f"{label}: target module", ("ok", std), ("ok", kit), True)

    # -- creating ---------------------------------------------------------------------------

    @rule(
        target=mocks,
        kind=st.sampled_from(MOCK_CLASSES),
        name=st.one_of(st.none(), st.sampled_from(["n", "root", "x.y"])),
        spec=st.one_of(st.none(), st.lists(st.sampled_from(MEMBER_NAMES), max_size=3)),
        spec_set=st.booleans(),
        return_value=st.one_of(st.none(), VALUES),
        side_effect=st.one_of(st.none(), VALUES),
        config=st.dictionaries(st.sampled_from(DOTTED_NAMES), VALUES, max_size=2),
        wraps=st.booleans(),
        unsafe=st.booleans(),
    )
    def create(
        self,
        kind: str,
        name: Optional[str],
        spec: Optional[List[str]],
        spec_set: bool,
        return_value: Optional[str],
        side_effect: Optional[str],
        config: Dict[str, str],
        wraps: bool,
        unsafe: bool,
    ) -> Any:
        def make(side: int, M: Any) -> Any:
            kw: Dict[str, Any] = {k: value_of(M, v) for k, v in config.items()}
            if name is not None:
                kw["name"] = name
            if spec is not None:
                kw["spec_set" if spec_set else "spec"] = list(spec)
            if return_value is not None:
                kw["return_value"] = value_of(M, return_value)
            if side_effect is not None:
                kw["side_effect"] = value_of(M, side_effect)
            if wraps:
                kw["wraps"] = wrapped
            if unsafe:
                kw["unsafe"] = True
            if kind == "ThreadingMock":
                kw["timeout"] = 0.01  # never wait long for a call that will not come
            return getattr(M, kind)(**kw)

        return self.pair_from(self.both(f"create {kind}", make), kind)

    @rule(
        target=mocks,
        kind=st.sampled_from(MOCK_CLASSES),
        cls=classes,
        how=st.sampled_from(["spec", "spec_set", "spec_instance", "spec_set_instance"]),
    )
    def create_with_class_spec(self, kind: str, cls: Pair, how: str) -> Any:
        def make(side: int, M: Any) -> Any:
            spec = cls[side]
            if how.endswith("instance"):
                spec = object.__new__(spec)
            key = "spec_set" if how.startswith("spec_set") else "spec"
            kw: Dict[str, Any] = {key: spec}
            if kind == "ThreadingMock":
                kw["timeout"] = 0.01
            return getattr(M, kind)(**kw)

        return self.pair_from(self.both(f"create {kind}({how}={cls})", make), kind)

    @rule(target=mocks, read_data=st.sampled_from(["", "line\n", "a\nb\n", "a\nb"]))
    def create_mock_open(self, read_data: str) -> Any:
        results = self.both("mock_open", lambda side, M: M.mock_open(read_data=read_data))
        return self.pair_from(results, "mock_open")

    @rule(target=classes, desc=class_descs())
    def define_class(self, desc: Tuple[Any, ...]) -> Pair:
        name = f"Gen{next(self.class_count)}"
        note(class_source(name, desc))
        return Pair(build_class(name, desc), build_class(name, desc), name, desc=desc)

    @rule(
        target=mocks,
        cls=classes,
        instance=st.booleans(),
        spec_set=st.booleans(),
        name=st.one_of(st.none(), st.just("auto")),
    )
    def autospec(self, cls: Pair, instance: bool, spec_set: bool, name: Optional[str]) -> Any:
        def make(side: int, M: Any) -> Any:
            kw: Dict[str, Any] = {"instance": instance, "spec_set": spec_set}
            if name is not None:
                kw["name"] = name
            return M.create_autospec(cls[side], **kw)

        results = self.both(f"create_autospec({cls}, instance={instance})", make)
        return self.pair_from(results, "autospec", autospec=True)

    @rule(target=mocks, sig=signatures(), kind=st.sampled_from(["def", "async def"]))
    def autospec_function(self, sig: Sig, kind: str) -> Any:
        source = f"{kind} function({params_source(sig)}): pass\n"
        note(source)

        def make(side: int, M: Any) -> Any:
            namespace: Dict[str, Any] = {"__name__": "mkdiff_functions"}
            exec(source, namespace)
            return M.create_autospec(namespace["function"])

        results = self.both("create_autospec(function)", make)
        return self.pair_from(results, "function", autospec=True)

    # -- using ------------------------------------------------------------------------------

    @rule(target=mocks, m=mocks, name=st.sampled_from(ACCESS_NAMES))
    def get_attribute(self, m: Pair, name: str) -> Any:
        results = self.both(f"{m}.{name}", lambda side, M: getattr(m[side], name))
        return self.pair_from(results, f"{m}.{name}", m.info["autospec"])

    @rule(m=mocks, name=st.sampled_from(SET_NAMES), value=VALUES)
    def set_attribute(self, m: Pair, name: str, value: str) -> None:
        def set_it(side: int, M: Any) -> Any:
            setattr(m[side], name, value_of(M, value))
            return getattr(m[side], name)

        self.both(f"{m}.{name} = {value}", set_it)

    @rule(m=mocks, name=st.sampled_from(SET_NAMES), other=mocks)
    def set_attribute_to_mock(self, m: Pair, name: str, other: Pair) -> None:
        def set_it(side: int, M: Any) -> Any:
            setattr(m[side], name, other[side])
            return repr(m[side]), repr(other[side]), getattr(m[side], name) is other[side]

        self.both(f"{m}.{name} = {other}", set_it)
        self.observe_pair(str(other), other)

    @rule(m=mocks, name=st.sampled_from(DELETE_NAMES))
    def delete_attribute(self, m: Pair, name: str) -> None:
        def delete(side: int, M: Any) -> Any:
            delattr(m[side], name)
            return hasattr(m[side], name)

        self.both(f"del {m}.{name}", delete)

    @rule(m=mocks, name=st.sampled_from(DOTTED_NAMES), value=VALUES)
    def configure(self, m: Pair, name: str, value: str) -> None:
        def configure(side: int, M: Any) -> Any:
            m[side].configure_mock(**{name: value_of(M, value)})
            return records(m[side])

        self.both(f"{m}.configure_mock({name}={value})", configure)

    @rule(target=mocks, m=mocks, args=ARGS, kwargs=KWARGS)
    def call(self, m: Pair, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
        label = f"{m}(*{args}, **{kwargs})"
        if self.hits_gh_130164(m, args, kwargs):
            # EXCLUSIONS["gh-130164"]: Python itself refuses the call, and so does mockkit.
            outcome = self.kit_only(label, lambda side, M: settle(m[side](*args, **kwargs)))
            assert isinstance(outcome, Raised) and type(outcome.exc) is TypeError, outcome
            return multiple()
        results = self.both(label, lambda side, M: m[side](*args, **kwargs))
        self.both(f"{m} records", lambda side, M: records(m[side]))
        return self.pair_from(results, f"{m}()", m.info["autospec"])

    @rule(m=mocks, path=PATHS, args=ARGS, kwargs=KWARGS)
    def call_path(self, m: Pair, path: Tuple[str, ...], args: Any, kwargs: Any) -> None:
        """Call a mock reached from ``m`` (children and return values) without keeping it."""

        def walk(side: int, M: Any) -> Any:
            node = m[side]
            for step in path:
                node = settle(node()) if step == "()" else getattr(node, step)
            return node

        nodes = self.both(f"{m}.{'.'.join(path)}", walk)
        if not any(isinstance(node, Raised) for node in nodes):
            reached = Pair(nodes[STD], nodes[KIT], "reached", autospec=m.info["autospec"])
            self.call(reached, args, kwargs)

    @staticmethod
    def hits_gh_130164(m: Pair, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> bool:
        """Would this call give a positional-only parameter by keyword where Python refuses
        and this interpreter's ``Signature.bind`` accepts (EXCLUSIONS["gh-130164"])?"""
        if not m.info["autospec"]:
            return False  # only autospecced mocks check calls against a signature
        found = []
        for side, _ in SIDES:
            # On both sides alike: on some mocks inspect.signature() creates and records
            # children (a spec with __text_signature__).
            try:
                found.append(inspect.signature(m[side]))
            except Exception:  # not callable, no signature, or a sealed mock refusing
                found.append(None)
        signature = found[STD]
        if signature is None:
            return False
        parameters = list(signature.parameters.values())
        if not any(p.kind is p.VAR_KEYWORD for p in parameters):
            # 3.13.0 binds a keyword to a positional-only parameter that has a default.
            return any(p.kind is p.POSITIONAL_ONLY and p.name in kwargs for p in parameters)
        # With **kwargs, a keyword named like a required positional-only parameter that
        # was not given leaves that parameter missing (3.12/3.13 bind it anyway).
        return any(
            p.kind is p.POSITIONAL_ONLY
            and p.default is p.empty
            and p.name in kwargs
            and index >= len(args)
            for index, p in enumerate(parameters)
        )

    @rule(m=mocks, magic=st.sampled_from(MAGIC_NAMES), impl=MAGIC_IMPLS)
    def set_magic(self, m: Pair, magic: str, impl: Tuple[str, Any]) -> None:
        how, value = impl

        def set_it(side: int, M: Any) -> Any:
            target = m[side]
            if how == "func":
                setattr(target, magic, lambda self, *args, **kwargs: value)
            elif how == "mock":
                setattr(target, magic, M.Mock(return_value=value))
            elif how == "return_value":
                getattr(target, magic).return_value = value
            elif how == "side_effect":
                getattr(target, magic).side_effect = value_of(M, value)
            elif how == "value":
                setattr(target, magic, value)
            else:
                delattr(target, magic)
            return hasattr(target, magic)

        self.both(f"{m}.{magic} <- {how} {value!r}", set_it)

    # -- writing through type(m): every mock has a class of its own ------------------------

    @rule(m=mocks, name=st.sampled_from(TYPE_NAMES), value=VALUES)
    def set_property_on_class(self, m: Pair, name: str, value: str) -> None:
        def set_it(side: int, M: Any) -> Any:
            setattr(type(m[side]), name, M.PropertyMock(return_value=value_of(M, value)))
            return getattr(m[side], name)

        self.both(f"type({m}).{name} = PropertyMock({value})", set_it)

    @rule(m=mocks, magic=st.sampled_from(MAGIC_NAMES), value=st.sampled_from([0, 2, "s", True]))
    def set_magic_on_class(self, m: Pair, magic: str, value: Any) -> None:
        def set_it(side: int, M: Any) -> Any:
            setattr(type(m[side]), magic, lambda self, *args, **kwargs: value)
            return getattr(type(m[side]), magic)(m[side])

        self.both(f"type({m}).{magic} = lambda: {value!r}", set_it)

    @rule(m=mocks, name=st.sampled_from([*TYPE_NAMES, *MAGIC_NAMES]))
    def delete_from_class(self, m: Pair, name: str) -> None:
        def delete(side: int, M: Any) -> Any:
            delattr(type(m[side]), name)
            return hasattr(type(m[side]), name)

        self.both(f"del type({m}).{name}", delete)

    @rule(target=mocks, m=mocks, magic=st.sampled_from(MAGIC_NAMES))
    def read_magic_from_class(self, m: Pair, magic: str) -> Any:
        results = self.both(f"type({m}).{magic}", lambda side, M: getattr(type(m[side]), magic))
        return self.pair_from(results, f"type({m}).{magic}", m.info["autospec"])

    @rule(a=mocks, b=mocks)
    def same_class(self, a: Pair, b: Pair) -> None:
        self.both(f"type({a}) is type({b})", lambda side, M: type(a[side]) is type(b[side]))

    @rule(target=mocks, m=mocks, deep=st.booleans())
    def copy_mock(self, m: Pair, deep: bool) -> Any:
        if not is_mock(std_mock, m[STD]):
            return multiple()  # an autospecced function: copying it copies a function
        how = copy.deepcopy if deep else copy.copy
        results = self.both(f"{how.__name__}({m})", lambda side, M: how(m[side]))
        made = self.pair_from(results, f"{how.__name__}({m})")
        if deep and any(
            str(entry[0]).endswith("__deepcopy__")
            for source in (m, made)
            if isinstance(source, Pair) and is_mock(std_mock, source[STD])
            for entry in source[STD].mock_calls
        ):
            note("    (a __deepcopy__ call was recorded: comparison stops here)")
            self.diverged = True  # EXCLUSIONS["deepcopy-memo"]
        if isinstance(made, Pair) and not deep:
            # A shallow copy shares the lists of recorded calls but keeps its own count (as
            # in the standard library): the counts of both stop matching the lists.
            for mock in (m[KIT], made[KIT]):
                self.sharing[id(mock)] = mock
        if isinstance(made, Pair):
            self.both(f"{how.__name__}({m}) == {m}", lambda side, M: made[side] == m[side])
        return made

    @rule(m=mocks, op=st.sampled_from(sorted(MAGIC_OPS)))
    def use_magic(self, m: Pair, op: str) -> None:
        if op == "eq" and HAS_THREADING_MOCK and isinstance(m[STD], std_mock.ThreadingMock):
            # EXCLUSIONS["threading-eq-deadlock"]
            self.kit_only(f"{op}({m})", lambda side, M: MAGIC_OPS[op](m[side]))
            self.diverged = True  # the recorded __eq__ calls now differ
            return
        self.both(f"{op}({m})", lambda side, M: MAGIC_OPS[op](m[side]))

    @rule(m=mocks, value=VALUES, read_it=st.booleans(), set_to=st.one_of(st.none(), SCALARS))
    def property_mock(self, m: Pair, value: str, read_it: bool, set_to: Any) -> None:
        def use(side: int, M: Any) -> Any:
            mock = m[side]
            prop = M.PropertyMock(return_value=value_of(M, value))
            type(mock).prop = prop
            seen = [mock.prop] if read_it else []
            if set_to is not None:
                mock.prop = set_to
            return seen, prop.mock_calls

        self.both(f"type({m}).prop = PropertyMock", use)

    # -- recorded calls ---------------------------------------------------------------------

    @staticmethod
    def build_calls(M: Any, expected: List[Tuple[Any, ...]]) -> List[Any]:
        built = []
        for path, args, kwargs in expected:
            node = M.call
            for step in path:
                node = node() if step == "()" else getattr(node, step)
            args = tuple(M.ANY if a == "*" else a for a in args)
            kwargs = {k: M.ANY if v == "*" else v for k, v in kwargs.items()}
            built.append(node(*args, **kwargs))
        return built

    EXPECTED = st.lists(st.tuples(PATHS, EXPECTED_ARGS, EXPECTED_KWARGS), max_size=3)

    @rule(m=mocks, expected=EXPECTED)
    def compare_calls(self, m: Pair, expected: List[Tuple[Any, ...]]) -> None:
        def compare(side: int, M: Any) -> Any:
            mock = m[side]
            calls = self.build_calls(M, expected)
            first = calls[0] if calls else M.call()
            return (
                repr(calls),
                mock.mock_calls == calls,
                calls == mock.mock_calls,
                mock.call_args_list == calls,
                mock.method_calls == calls,
                mock.mock_calls != calls,
                mock.call_args == first,
                first == mock.call_args,
                first in mock.mock_calls,
                calls in mock.mock_calls,
                calls in mock.call_args_list,
                mock == M.ANY,
                M.ANY == mock,
                first.args,
                first.kwargs,
                repr(first.call_list()),
            )

        self.both(f"compare {m} with {expected}", compare)

    @rule(m=mocks, method=st.sampled_from(ASSERTIONS_WITH_ARGS), args=EXPECTED_ARGS, kw=KWARGS)
    def assert_with_args(self, m: Pair, method: str, args: Any, kw: Any) -> None:
        def check(side: int, M: Any) -> Any:
            built = tuple(M.ANY if a == "*" else a for a in args)
            return getattr(m[side], method)(*built, **kw)

        self.both(f"{m}.{method}(*{args}, **{kw})", check)

    @rule(m=mocks, method=st.sampled_from(ASSERTIONS_PLAIN))
    def assert_plain(self, m: Pair, method: str) -> None:
        self.both(f"{m}.{method}()", lambda side, M: getattr(m[side], method)())

    @rule(
        m=mocks,
        method=st.sampled_from(ASSERTIONS_LISTS),
        expected=EXPECTED,
        any_order=st.booleans(),
    )
    def assert_has(self, m: Pair, method: str, expected: Any, any_order: bool) -> None:
        def check(side: int, M: Any) -> Any:
            return getattr(m[side], method)(self.build_calls(M, expected), any_order=any_order)

        self.both(f"{m}.{method}({expected}, any_order={any_order})", check)

    @rule(m=mocks)
    def wait_until_called(self, m: Pair) -> None:
        if not HAS_THREADING_MOCK:
            return

        def wait(side: int, M: Any) -> Any:
            return m[side].wait_until_called(timeout=0.001)

        self.both(f"{m}.wait_until_called(timeout=0.001)", wait)

    # -- reset, seal, specs -----------------------------------------------------------------

    @rule(m=mocks, return_value=st.booleans(), side_effect=st.booleans())
    def reset(self, m: Pair, return_value: bool, side_effect: bool) -> None:
        def reset(side: int, M: Any) -> Any:
            m[side].reset_mock(return_value=return_value, side_effect=side_effect)
            return records(m[side])

        self.both(f"{m}.reset_mock(return_value={return_value}, side_effect={side_effect})", reset)

    @rule(m=mocks)
    def seal(self, m: Pair) -> None:
        if not std_mock.FILTER_DIR:
            return  # EXCLUSIONS["seal-filter-dir-off"]
        self.both(f"seal({m})", lambda side, M: M.seal(m[side]))

    @rule(m=mocks, name=st.sampled_from(SET_NAMES), other=mocks)
    def attach(self, m: Pair, name: str, other: Pair) -> None:
        def below_itself(mock: Any, child: Any) -> bool:
            node = mock
            while node is not None:
                if node is child:
                    return True
                node = getattr(node, "_mock_new_parent", None)
            return False

        if below_itself(m[STD], other[STD]):
            # EXCLUSIONS["mock-below-itself"]
            self.kit_only(f"{m}.attach_mock({other}, {name!r})", lambda side, M: None)
            return

        def attach(side: int, M: Any) -> Any:
            m[side].attach_mock(other[side], name)
            return repr(other[side]), records(m[side])

        self.both(f"{m}.attach_mock({other}, {name!r})", attach)

    @rule(m=mocks, spec=st.lists(st.sampled_from(MEMBER_NAMES), max_size=3), spec_set=st.booleans())
    def add_spec_names(self, m: Pair, spec: List[str], spec_set: bool) -> None:
        def add(side: int, M: Any) -> Any:
            m[side].mock_add_spec(list(spec), spec_set=spec_set)
            return public_dir(M, m[side])

        self.both(f"{m}.mock_add_spec({spec}, spec_set={spec_set})", add)

    @rule(m=mocks, cls=classes, spec_set=st.booleans())
    def add_spec_class(self, m: Pair, cls: Pair, spec_set: bool) -> None:
        def add(side: int, M: Any) -> Any:
            m[side].mock_add_spec(cls[side], spec_set=spec_set)
            return public_dir(M, m[side]), repr(m[side])

        self.both(f"{m}.mock_add_spec({cls}, spec_set={spec_set})", add)

    @rule(m=mocks)
    def signature(self, m: Pair) -> None:
        # Frameworks call inspect.signature() on mocks (plain ones too: it reads attributes).
        self.both(f"inspect.signature({m})", lambda side, M: str(inspect.signature(m[side])))

    @rule(m=mocks)
    def observe(self, m: Pair) -> None:
        self.observe_pair(str(m), m)

    @rule(flag=st.booleans())
    def filter_dir(self, flag: bool) -> None:
        std_mock.FILTER_DIR = mockkit.FILTER_DIR = flag

    # -- patching ---------------------------------------------------------------------------

    def target_text(self, side: int, attribute: str) -> str:
        return f"{self.modules[side].__name__}.{attribute}"

    def without_create_over_mock(self, attribute: str, kw: Dict[str, Any]) -> Dict[str, Any]:
        """``kw`` without ``create=True`` where the patched attribute is a mock's child.

        EXCLUSIONS["create-over-child"]: the standard library deletes such an attribute on
        stop (the mock then refuses it); mockkit puts the child back.
        """
        if not kw.get("create") or "." not in attribute:
            return kw
        found = []
        for side, M in SIDES:  # the same look-up on both sides: it may create a child
            owner: Any = self.modules[side]
            try:
                for part in attribute.split(".")[:-1]:
                    owner = getattr(owner, part)
                name = attribute.rsplit(".", 1)[1]
                found.append(is_mock(M, owner) and name not in vars(owner) and hasattr(owner, name))
            except Exception:
                found.append(False)
        if not found[STD]:
            return kw
        return {key: value for key, value in kw.items() if key != "create"}

    @rule(target=patchers, attribute=st.sampled_from(PATCH_TARGETS), kw=patch_kwargs())
    def patch_start(self, attribute: str, kw: Dict[str, Any]) -> Any:
        kw = self.without_create_over_mock(attribute, kw)
        label = f"patch({attribute!r}, **{kw})"
        made = self.both(
            label,
            lambda side, M: M.patch(self.target_text(side, attribute), **build_patch_kwargs(M, kw)),
        )
        if any(isinstance(p, Raised) for p in made):
            return multiple()
        pair = Pair(made[STD], made[KIT], "patcher", autospec="autospec" in kw)
        pair.info["target"] = (attribute, kw)
        self.start_patcher(pair, label)
        return pair

    @rule(target=patchers, cls=classes, member=st.sampled_from(MEMBER_NAMES), kw=patch_kwargs())
    def patch_object_start(self, cls: Pair, member: str, kw: Dict[str, Any]) -> Any:
        label = f"patch.object({cls}, {member!r}, **{kw})"
        made = self.both(
            label, lambda side, M: M.patch.object(cls[side], member, **build_patch_kwargs(M, kw))
        )
        if any(isinstance(p, Raised) for p in made):
            return multiple()
        pair = Pair(made[STD], made[KIT], "patcher", autospec="autospec" in kw)
        self.start_patcher(pair, label)
        return pair

    @rule(
        target=patchers,
        by_name=st.booleans(),
        values=st.dictionaries(st.sampled_from(["a", "c"]), SCALARS, max_size=2),
        clear=st.booleans(),
    )
    def patch_dict_start(self, by_name: bool, values: Dict[str, Any], clear: bool) -> Any:
        def make(side: int, M: Any) -> Any:
            in_dict = self.target_text(side, "mapping") if by_name else self.modules[side].mapping
            return M.patch.dict(in_dict, values, clear=clear)

        made = self.both(f"patch.dict(mapping, {values}, clear={clear})", make)
        pair = Pair(made[STD], made[KIT], "dict-patcher", autospec=False, dict=True)
        self.start_patcher(pair, "patch.dict")
        return pair

    @rule(
        target=patchers,
        attributes=st.lists(st.sampled_from(MODULE_ATTRS), min_size=1, max_size=2, unique=True),
        default=st.booleans(),
        kw=patch_kwargs(),
    )
    def patch_multiple_start(self, attributes: List[str], default: bool, kw: Dict[str, Any]) -> Any:
        # patch.multiple takes no new=, and its other keywords name the attributes.
        kw = {k: v for k, v in kw.items() if k in ("spec", "spec_set", "autospec", "create")}

        def make(side: int, M: Any) -> Any:
            values = {a: M.DEFAULT if default else value_of(M, "int") for a in attributes}
            return M.patch.multiple(self.modules[side], **build_patch_kwargs(M, kw), **values)

        made = self.both(f"patch.multiple({attributes}, default={default}, **{kw})", make)
        if any(isinstance(p, Raised) for p in made):
            return multiple()
        pair = Pair(made[STD], made[KIT], "multi-patcher", autospec="autospec" in kw)
        self.start_patcher(pair, "patch.multiple")
        return pair

    def start_patcher(self, pair: Pair, label: str) -> None:
        results = self.both(f"{label}.start()", lambda side, M: pair[side].start())
        started = not any(isinstance(r, Raised) for r in results)
        pair.info["started"] = started
        if started:
            pair.info["result"] = results
            made = results[STD]
            # patch.multiple's dict (not a mock specced on dict, which isinstance would pass).
            self.std_made.extend(made.values() if type(made) is dict else [made])
            self.started.append(pair)
        self.compare_targets(f"{label}.start()")

    @rule(target=mocks, p=patchers)
    def patched_mock(self, p: Pair) -> Any:
        results = p.info.get("result")
        if results is None:
            return multiple()
        return self.pair_from(list(results), "patched", p.info["autospec"])

    @rule(p=patchers)
    def patch_stop(self, p: Pair) -> None:
        if not p.info["started"]:
            # EXCLUSIONS["stop-unstarted"]: 3.14 does nothing; 3.13 may raise.
            outcome = self.kit_only(f"{p}.stop()", lambda side, M: p[side].stop())
            assert outcome is None, outcome
            return
        self.both(f"{p}.stop()", lambda side, M: p[side].stop())
        if p in self.started:
            self.started.remove(p)  # one start undone (a dict patch may have several)
        p.info["started"] = p in self.started
        self.compare_targets(f"{p}.stop()")

    @rule(p=patchers)
    def patch_start_again(self, p: Pair) -> None:
        if p.info["started"] and p.info.get("dict"):
            # patch.dict starts again while started, in every standard library up to 3.15
            # (its original becomes the patched contents): compared like a first start.
            self.start_patcher(p, f"{p} started again")
            return
        if p.info["started"]:
            # EXCLUSIONS["start-twice"]: 3.14 refuses; 3.13 patches again and loses the original.
            outcome = self.kit_only(f"{p}.start() again", lambda side, M: p[side].start())
            assert isinstance(outcome, Raised) and type(outcome.exc) is RuntimeError, outcome
            return
        if "target" in p.info:
            attribute, kw = p.info["target"]
            if self.without_create_over_mock(attribute, kw) is not kw:
                return  # EXCLUSIONS["create-over-child"]
        self.start_patcher(p, f"{p} restarted")

    @rule()
    def patch_stopall(self) -> None:
        self.both("patch.stopall()", lambda side, M: M.patch.stopall())
        # stopall may fail part way (a patch that cannot be undone): ask what is still on.
        for p in list(self.started):
            on = (
                p[STD] in std_mock._patch._active_patches,
                p[KIT] in mockkit._patch._active_patches,
            )
            self.check(f"{p} still started", ("ok", on[STD]), ("ok", on[KIT]), True)
            if not on[KIT]:
                p.info["started"] = False
                self.started.remove(p)
        self.compare_targets("patch.stopall()")

    @rule(
        attribute=st.sampled_from(PATCH_TARGETS),
        kw=patch_kwargs(),
        form=st.sampled_from(["decorator", "async decorator", "context manager"]),
        fail=st.booleans(),
    )
    def patch_around(self, attribute: str, kw: Dict[str, Any], form: str, fail: bool) -> None:
        """``patch`` as a decorator or context manager: what the code inside sees, and after."""
        kw = self.without_create_over_mock(attribute, kw)

        def inside(side: int, M: Any, args: Tuple[Any, ...]) -> Any:
            module = self.modules[side]
            seen = (args, module.__dict__.get(attribute.split(".")[0], "absent"))
            if fail:
                raise KeyError("inside")
            return seen

        def run(side: int, M: Any) -> Any:
            patcher = M.patch(self.target_text(side, attribute), **build_patch_kwargs(M, kw))
            if form == "context manager":
                with patcher as entered:
                    return inside(side, M, (entered,))
            if form == "decorator":

                @patcher
                def decorated(*args: Any) -> Any:
                    return inside(side, M, args)

                return decorated("arg")

            @patcher
            async def decorated_async(*args: Any) -> Any:
                return inside(side, M, args)

            return decorated_async("arg")

        self.both(f"patch({attribute!r}, **{kw}) as {form}, fail={fail}", run)
        self.compare_targets(f"after patch as {form}")


# Modest by default: about 5-15 s on an idle machine, so the file stays well under a minute
# on a loaded 2-core CI box. The large profile (HYPOTHESIS_PROFILE=large, registered in
# tests/conftest.py: 2000 runs of up to 50 steps) decides its counts itself.
_limits: Dict[str, Any] = {} if LARGE else {"max_examples": 200, "stateful_step_count": 30}
MockkitVsStdlib.TestCase.settings = settings(
    settings.default,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    **_limits,
)
TestMockkitVsStdlib = MockkitVsStdlib.TestCase


# -- regressions: runs the state machine once found, replayed step by step --------------------


def _replay(steps: Callable[[MockkitVsStdlib], None]) -> MockkitVsStdlib:
    machine = MockkitVsStdlib()
    machine.make_modules()
    try:
        steps(machine)
    finally:
        machine.teardown()
    return machine


@settings(max_examples=1, database=None, deadline=None)
@given(st.none())
def test_replay_patch_multiple_spec_over_a_function_specced_mock(_: None) -> None:
    # The standard library's coroutine probe records call.__code__.co_flags.__and__(128) on
    # the patched method's mock (EXCLUSIONS["code-flags-probe"]): the comparison stops there.
    def steps(machine: MockkitVsStdlib) -> None:
        method = machine.patch_start("Klass.meth", {"spec": True})
        machine.patch_multiple_start(["Klass"], True, {"spec": True})
        machine.observe_pair("patched meth", machine.patched_mock(method))

    assert _replay(steps).diverged == COMPARE


@settings(max_examples=1, database=None, deadline=None)
@given(st.none())
def test_replay_add_spec_over_a_classmethod_specced_mock(_: None) -> None:
    # The probe unwraps a mock specced on a classmethod, leaving a __wrapped__ child
    # (EXCLUSIONS["inspect-probes"]): dir() is compared without it.
    no_args: Sig = (0, 0, 0, False, (), False)
    desc = ((("a", ("method", no_args)), ("attr", ("classmethod", no_args))), None, None, None)

    def steps(machine: MockkitVsStdlib) -> None:
        cls = machine.define_class(desc)
        patched = machine.patch_object_start(cls, "attr", {"spec": True})
        machine.add_spec_class(machine.patched_mock(patched), cls, False)

    assert not _replay(steps).diverged


@settings(max_examples=1, database=None, deadline=None)
@given(st.none())
def test_replay_patch_with_a_mock_specced_on_a_dict(_: None) -> None:
    # A started patch's result that passes isinstance(..., dict) but is a mock.
    def steps(machine: MockkitVsStdlib) -> None:
        machine.patch_start("mapping", {"new_callable": "Mock", "spec_set": True, "create": True})

    assert not _replay(steps).diverged


@settings(max_examples=1, database=None, deadline=None)
@given(st.none())
def test_replay_dict_patch_started_twice(_: None) -> None:
    # patch.dict started again while started, then stopped (twice) and started and stopped
    # once more: every step and the mapping after it compare with the standard library.
    def steps(machine: MockkitVsStdlib) -> None:
        patcher = machine.patch_dict_start(False, {"c": 3}, True)
        machine.patch_start_again(patcher)
        machine.patch_stop(patcher)
        machine.patch_stop(patcher)
        machine.patch_stop(patcher)
        machine.patch_start_again(patcher)
        machine.patch_start_again(patcher)
        machine.patch_stopall()
        machine.patch_stop(patcher)

    assert not _replay(steps).diverged


def _probe_scenario(M: Any) -> Tuple[Any, ...]:
    namespace: Dict[str, Any] = {}
    exec(MODULE_SOURCE, namespace)
    klass = namespace["Klass"]
    with M.patch.object(klass, "meth", spec=True) as method:
        specced = M.Mock(spec=klass)
        kind = type(specced.meth).__name__
    return kind, list(method.mock_calls)


def test_a_mock_specced_on_a_function_is_not_probed_as_a_coroutine_function() -> None:
    # DEVIATIONS.md: mockkit tells a sync function's mock from a coroutine function's without
    # calling it or reading its attributes, so nothing is recorded and the attribute of a
    # mock specced on the class stays a plain mock.
    assert _probe_scenario(mockkit) == ("Mock", [])
    # The standard library's probe, which the exclusion and the deviation describe: when it
    # stops, both go (and this scenario becomes an ordinary comparison).
    kind, calls = _probe_scenario(std_mock)
    assert (kind, calls[:1]) == ("AsyncMock", [std_mock.call.__code__.co_flags.__and__(128)])


@settings(max_examples=1, database=None, deadline=None)
@given(st.none())
def test_replay_dict_patch_restarted_under_another_then_stopall(_: None) -> None:
    # Two dict patches of one mapping, the first started again over the second (clear=True),
    # with patch.multiple starts in between: stopall walks the live list of started patches
    # from its end, so the first patch's two registrations are stopped before the second
    # one, which gives back the contents from before either started.
    def steps(machine: MockkitVsStdlib) -> None:
        first = machine.patch_dict_start(False, {}, False)
        machine.patch_dict_start(False, {}, True)
        machine.patch_multiple_start(["value"], True, {})
        machine.patch_multiple_start(["value"], False, {})
        machine.patch_start_again(first)
        machine.patch_stopall()

    assert not _replay(steps).diverged
