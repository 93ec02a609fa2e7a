"""mock-patch against the interpreter's unittest.mock: same results, same errors, same messages."""

from __future__ import annotations

import os
import unittest.mock as std
from typing import Any, Callable, Dict, List, Tuple

import patch_differential as d
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import mock_core
import mock_patch

try:
    import mock_spec  # noqa: F401
except ImportError:
    AUTOSPECS: Tuple[str, ...] = ("none", "false")
else:
    AUTOSPECS = d.AUTOSPECS


def _check(scenario: d.Scenario) -> None:
    if d.known_deviation(scenario):
        return
    expected, actual = d.compare(scenario)
    assert actual == expected


scenarios = st.builds(
    d.Scenario,
    target=st.sampled_from(d.TARGETS),
    new=st.sampled_from(d.NEWS),
    spec=st.sampled_from(d.SPECS),
    spec_set=st.sampled_from(d.SPECS),
    autospec=st.sampled_from(AUTOSPECS),
    new_callable=st.sampled_from(d.NEW_CALLABLES),
    create=st.booleans(),
    kwargs=st.sampled_from(d.KWARGS),
    unsafe=st.booleans(),
    via_object=st.booleans(),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios)
def test_patch_scenarios(scenario: d.Scenario) -> None:
    _check(scenario)


@pytest.mark.parametrize("target", d.TARGETS)
@pytest.mark.parametrize("spec", d.SPECS)
@pytest.mark.parametrize("keyword", ["spec", "spec_set"])
def test_spec_grid(target: str, spec: str, keyword: str) -> None:
    _check(d.Scenario(target=target, **{keyword: spec}))


@pytest.mark.parametrize("target", d.TARGETS)
@pytest.mark.parametrize("new_callable", d.NEW_CALLABLES)
@pytest.mark.parametrize("spec", ["none", "true", "list", "Klass"])
def test_new_callable_grid(target: str, new_callable: str, spec: str) -> None:
    _check(d.Scenario(target=target, new_callable=new_callable, spec=spec))


# ---------------------------------------------------------------- decorators


class Thing:
    one = 1
    two = 2
    three = 3


def _stack(api: Any, choices: List[str]) -> Callable[..., Any]:
    """Decorate a recording function with the patchers named in ``choices``."""
    d_ = {"k": "v"}

    def function(*args: Any, **kwargs: Any) -> Any:
        return (
            [d.mask(repr(a)) for a in args],
            {k: d.mask(repr(v)) for k, v in sorted(kwargs.items())},
            (d.mask(repr(Thing.one)), d.mask(repr(Thing.two)), d.mask(repr(Thing.three))),
            dict(d_),
        )

    makers: Dict[str, Callable[[], Any]] = {
        "object": lambda: api.patch.object(Thing, "one"),
        "object_value": lambda: api.patch.object(Thing, "two", "two"),
        "by_name": lambda: api.patch(f"{__name__}.Thing.three"),
        "multiple": lambda: api.patch.multiple(Thing, one=api.DEFAULT, two="x"),
        "multiple_values": lambda: api.patch.multiple(Thing, three="y"),
        "dict": lambda: api.patch.dict(d_, k="patched"),
    }
    decorated: Callable[..., Any] = function
    for choice in choices:
        decorated = makers[choice]()(decorated)
    return decorated


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["object", "object_value", "by_name", "multiple", "multiple_values", "dict"]
        ),
        max_size=4,
    ),
    st.lists(st.integers(), max_size=2),
)
def test_decorator_arguments(choices: List[str], args: List[int]) -> None:
    ours = _stack(d.OURS, choices)
    theirs = _stack(d.STD, choices)
    assert ours(*args, extra=1) == theirs(*args, extra=1)
    assert ours.__name__ == theirs.__name__
    if hasattr(theirs, "patchings"):
        described = [(p.attribute_name, p.new is std.DEFAULT) for p in theirs.patchings]
        assert [(p.attribute_name, p.new is mock_core.DEFAULT) for p in ours.patchings] == described
    assert (Thing.one, Thing.two, Thing.three) == (1, 2, 3)


# ---------------------------------------------------------------- patch.dict


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(["dict", "container"]),
    st.lists(st.tuples(st.sampled_from("abc"), st.integers(0, 3)), max_size=3),
    st.booleans(),
    st.lists(st.tuples(st.sampled_from("abcd"), st.one_of(st.none(), st.integers(0, 3)))),
)
def test_patch_dict(kind: str, values: List[Tuple[str, int]], clear: bool, body: Any) -> None:
    def run(api: Any) -> Any:
        if kind == "dict":
            target: Any = {"a": 0, "b": 1}
            contents: Callable[[], Any] = lambda: list(target.items())
        else:
            target = _Container()
            contents = lambda: list(target.values.items())
        seen = []
        with api.patch.dict(target, values, clear=clear) as patched:
            seen.append(patched is target)
            seen.append(contents())
            for key, value in body:
                if value is not None:
                    target[key] = value
                elif key in list(target):
                    del target[key]
        seen.append(contents())
        return seen

    assert run(d.OURS) == run(d.STD)


class _Container:
    def __init__(self) -> None:
        self.values: Dict[Any, Any] = {"a": 0, "b": 1}

    def __getitem__(self, key: Any) -> Any:
        return self.values[key]

    def __setitem__(self, key: Any, value: Any) -> None:
        self.values[key] = value

    def __delitem__(self, key: Any) -> None:
        del self.values[key]

    def __iter__(self) -> Any:
        return iter(self.values)


def test_patch_dict_environ() -> None:
    def run(api: Any) -> Any:
        before = list(os.environ.items())
        with api.patch.dict(os.environ, {"MOCK_PATCH_DIFF": "1"}) as patched:
            inside = (patched is os.environ, os.environ.get("MOCK_PATCH_DIFF"))
            os.environ["MOCK_PATCH_DIFF_2"] = "2"
        return inside, list(os.environ.items()) == before

    assert run(d.OURS) == run(d.STD)


# ---------------------------------------------------------------- start and stop


def test_start_stop_return_values() -> None:
    def run(api: Any) -> Any:
        results = []
        patcher = api.patch.object(Thing, "one", 5)
        results.append(patcher.stop())
        results.append(patcher.start())
        results.append(patcher.stop())
        results.append(patcher.stop())
        dict_patcher = api.patch.dict({}, a=1)
        results.append(dict_patcher.stop())
        results.append(dict_patcher.__exit__(None, None, None))
        results.append(dict_patcher.start())
        results.append(dict_patcher.stop())
        results.append(dict_patcher.stop())
        multiple = api.patch.multiple(Thing, one=2, two=api.DEFAULT)
        started = multiple.start()
        results.append(sorted(started))
        results.append(multiple.stop())
        results.append(api.patch.stopall())
        return results

    assert run(d.OURS) == run(d.STD)


def test_public_signatures() -> None:
    import inspect

    pairs = [
        (mock_patch.patch, std.patch),
        (mock_patch.patch.object, std.patch.object),
        (mock_patch.patch.multiple, std.patch.multiple),
        (mock_patch.patch.dict.__init__, std.patch.dict.__init__),
        (mock_patch._patch.__init__, std._patch.__init__),
        (mock_patch._get_target, std._get_target),
    ]
    for ours, theirs in pairs:
        ours_parameters = [
            (p.name, p.kind, repr(p.default)) for p in inspect.signature(ours).parameters.values()
        ]
        theirs_parameters = [
            (p.name, p.kind, repr(p.default)) for p in inspect.signature(theirs).parameters.values()
        ]
        assert ours_parameters == theirs_parameters
    assert mock_patch.patch.__name__ == "patch"
    assert mock_patch.patch.TEST_PREFIX == std.patch.TEST_PREFIX
    for klass, theirs in (
        (mock_patch._patch, std._patch),
        (mock_patch._patch_dict, std._patch_dict),
    ):
        names = [
            n for n in vars(theirs) if not n.startswith("__") or n in ("__enter__", "__exit__")
        ]
        assert [n for n in names if not hasattr(klass, n)] == []
