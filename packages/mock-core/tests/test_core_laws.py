"""Hypothesis properties: call equality, the reset_mock law and the seal law."""

from __future__ import annotations

import unittest.mock as std_mock
from typing import Any, Iterator

import pytest
from core_support import STD_IS_REFERENCE
from hypothesis import assume, given, strategies as st

import mock_core
from mock_core import ANY, DEFAULT, Mock, NonCallableMock, _Call, call, seal

# -- strategies -----------------------------------------------------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.sampled_from(["", "x", "y"]),
    st.tuples(st.integers(0, 2)),
)
arg_tuples = st.lists(scalars, max_size=3).map(tuple)
kwarg_dicts = st.dictionaries(st.sampled_from(["a", "b", "k"]), scalars, max_size=2)
names = st.sampled_from(["", "a", "b", "a.b", "a()", "()"])


@st.composite
def call_parts(draw: Any) -> tuple[str, tuple[Any, ...], dict[str, Any]]:
    return draw(names), draw(arg_tuples), draw(kwarg_dicts)


def forms(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Iterator[Any]:
    """Every spelling of one call that the standard library treats as that call."""
    yield _Call((name, args, kwargs))
    yield (name, args, kwargs)
    if not name:
        yield _Call((args, kwargs), two=True)
        yield (args, kwargs)
        yield _Call(("", args, kwargs))
    if name and not kwargs:
        yield (name, args)
    if name and not args:
        yield (name, kwargs)
    if not name and not kwargs:
        yield (args,)
    if not name and not args:
        yield (kwargs,)


def with_any(args: tuple[Any, ...], kwargs: dict[str, Any], mask: list[bool]) -> Any:
    new_args = tuple(ANY if mask[i % len(mask)] else a for i, a in enumerate(args))
    new_kwargs = {
        k: ANY if mask[(i + len(args)) % len(mask)] else v
        for i, (k, v) in enumerate(kwargs.items())
    }
    return new_args, new_kwargs


# -- call equality ---------------------------------------------------------------------------


@given(call_parts())
def test_call_equality_is_reflexive(parts: Any) -> None:
    name, args, kwargs = parts
    for form in forms(name, args, kwargs):
        if isinstance(form, _Call):
            assert form == form
            assert not (form != form)  # noqa: SIM202 - __ne__ is under test
    built = _Call((name, args, kwargs))
    assert built == _Call((name, args, kwargs))


@given(call_parts(), call_parts())
def test_call_equality_is_symmetric_between_same_named_calls(a: Any, b: Any) -> None:
    # The standard library's rule: a call without a name matches any name, but only from the
    # left; between calls of equal name (or none) equality is symmetric.
    name = a[0]
    left = _Call((name, a[1], a[2]))
    right = _Call((name, b[1], b[2]))
    assert (left == right) == (right == left)
    assert (left != right) == (not (left == right))  # noqa: SIM201 - __ne__ is under test
    assert (left == right) == ((a[1], a[2]) == (b[1], b[2]))


@given(call_parts())
def test_all_forms_of_a_call_agree(parts: Any) -> None:
    name, args, kwargs = parts
    reference = _Call((name, args, kwargs))
    for form in forms(name, args, kwargs):
        assert reference == form, form
        assert form == reference, form
        if isinstance(form, tuple) and not isinstance(form, _Call):
            assert not (reference != form)  # noqa: SIM202 - __ne__ is under test


@given(call_parts(), names)
def test_a_nameless_call_matches_any_name(parts: Any, other: str) -> None:
    _, args, kwargs = parts
    assert _Call(("", args, kwargs)) == _Call((other, args, kwargs))
    assert _Call((args, kwargs), two=True) == _Call((other, args, kwargs))


@given(call_parts(), st.lists(st.booleans(), min_size=1, max_size=4))
def test_any_matches_on_either_side(parts: Any, mask: list[bool]) -> None:
    name, args, kwargs = parts
    any_args, any_kwargs = with_any(args, kwargs, mask)
    plain = _Call((name, args, kwargs))
    wild = _Call((name, any_args, any_kwargs))
    assert plain == wild
    assert wild == plain
    assert ANY == plain and plain == ANY
    assert call(*any_args, **any_kwargs) == call(*args, **kwargs)


@given(call_parts(), call_parts())
def test_different_arguments_are_unequal(a: Any, b: Any) -> None:
    assume((a[1], a[2]) != (b[1], b[2]))
    assert _Call((a[0], a[1], a[2])) != _Call((a[0], b[1], b[2]))
    assert call(*a[1], **a[2]) != call(*b[1], **b[2])


@pytest.mark.skipif(not STD_IS_REFERENCE, reason="this stdlib predates the reference behaviour")
@given(call_parts(), call_parts(), st.booleans(), st.booleans())
def test_call_equality_agrees_with_the_stdlib(a: Any, b: Any, two_a: bool, two_b: bool) -> None:
    def build(module: Any, parts: Any, two: bool) -> Any:
        name, args, kwargs = parts
        if two:
            return module._Call((args, kwargs), two=True)
        return module._Call((name, args, kwargs))

    for x, y in ((a, b), (a, a)):
        mine = (
            build(mock_core, x, two_a) == build(mock_core, y, two_b),
            build(mock_core, x, two_a) != build(mock_core, y, two_b),
        )
        theirs = (
            build(std_mock, x, two_a) == build(std_mock, y, two_b),
            build(std_mock, x, two_a) != build(std_mock, y, two_b),
        )
        assert mine == theirs
        for form in forms(*y):
            if not isinstance(form, _Call):
                assert (build(mock_core, x, two_a) == form) == (build(std_mock, x, two_a) == form)


# -- mock trees for the reset and seal laws ----------------------------------------------------

attribute_names = st.sampled_from(["a", "b", "c", "d"])
steps = st.one_of(attribute_names, st.just("()"))
paths = st.lists(steps, min_size=0, max_size=3)


def walk(root: Any, path: list[str]) -> Any:
    node = root
    for step in path:
        node = node() if step == "()" else getattr(node, step)
    return node


def nodes_of(root: Any) -> list[Any]:
    """Every mock in the tree: attribute children and return values, each once."""
    found: list[Any] = []
    seen: set[int] = set()
    pending = [root]
    while pending:
        node = pending.pop()
        if id(node) in seen or not isinstance(node, NonCallableMock):
            continue
        seen.add(id(node))
        found.append(node)
        pending.extend(v for v in node._mock_children.values() if isinstance(v, NonCallableMock))
        pending.append(node._mock_return_value)
    return found


configurations = st.one_of(
    st.tuples(st.just("return_value"), st.integers(0, 9)),
    st.tuples(st.just("side_effect"), st.sampled_from([None, KeyError, "iter"])),
    st.tuples(st.just("value"), st.integers(0, 9)),
)

tree_operations = st.lists(
    st.one_of(
        st.tuples(st.just("call"), paths, arg_tuples, kwarg_dicts),
        st.tuples(st.just("configure"), paths, configurations),
        st.tuples(st.just("touch"), paths),
    ),
    max_size=12,
)


def grow(root: Any, operations: list[Any]) -> None:
    for operation in operations:
        try:
            node = walk(root, operation[1])
            if operation[0] == "call":
                if callable(node):
                    node(*operation[2], **operation[3])
            elif operation[0] == "configure":
                what, value = operation[2]
                if what == "return_value":
                    node.return_value = value
                elif what == "side_effect":
                    node.side_effect = [1, 2, 3] if value == "iter" else value
                else:
                    node.configured = value
        except (AttributeError, KeyError, StopIteration, TypeError):
            # Paths can end at configured plain values or raise a configured side effect.
            pass


def configuration_of(node: Any) -> tuple[Any, ...]:
    return (
        node._mock_return_value,
        node._mock_side_effect,
        node.__dict__.get("configured", "unset"),
        dict(node._mock_children),
        node._mock_name,
        node._mock_parent,
        node._mock_new_parent,
    )


def assert_nothing_recorded(node: Any) -> None:
    assert node.called is False
    assert node.call_count == 0
    assert node.call_args is None
    assert node.call_args_list == []
    assert node.mock_calls == []
    assert node.method_calls == []


@given(st.sampled_from([Mock, NonCallableMock]), tree_operations)
def test_reset_mock_law(kind: Any, operations: list[Any]) -> None:
    root = kind()
    grow(root, operations)
    nodes = nodes_of(root)
    before = {id(node): configuration_of(node) for node in nodes}
    root.reset_mock()
    assert nodes_of(root) == nodes
    for node in nodes:
        assert_nothing_recorded(node)
        assert configuration_of(node) == before[id(node)]


@given(st.sampled_from([Mock, NonCallableMock]), tree_operations, st.booleans(), st.booleans())
def test_reset_mock_law_with_flags(
    kind: Any, operations: list[Any], return_value: bool, side_effect: bool
) -> None:
    root = kind()
    grow(root, operations)
    attribute_nodes = [root]
    pending = [root]
    while pending:  # the attribute tree only: return values are reset without the flags
        node = pending.pop()
        for child in node._mock_children.values():
            if isinstance(child, NonCallableMock) and child._mock_new_parent is node:
                attribute_nodes.append(child)
                pending.append(child)
    nodes = nodes_of(root)
    root.reset_mock(return_value=return_value, side_effect=side_effect)
    for node in nodes_of(root):
        assert_nothing_recorded(node)
    for node in attribute_nodes:
        if return_value:
            assert node._mock_return_value is DEFAULT
        if side_effect:
            assert node._mock_side_effect is None
    assert set(map(id, nodes_of(root))) <= set(map(id, nodes))


@given(tree_operations, st.lists(paths, min_size=1, max_size=4), attribute_names)
def test_seal_law(operations: list[Any], probes: list[list[str]], fresh: str) -> None:
    root = Mock()
    grow(root, operations)
    nodes = nodes_of(root)
    existing = {(id(node), name) for node in nodes for name in node._mock_children}
    with_return = {id(node) for node in nodes if node._mock_return_value is not DEFAULT}
    seal(root)
    # What existed stays reachable and unchanged.
    assert nodes_of(root) == nodes
    for node in nodes:
        assert node._mock_sealed
        for name in list(node._mock_children):
            if (id(node), name) in existing and isinstance(node._mock_children[name], Mock):
                assert getattr(node, name) is node._mock_children[name]
        # No new attribute, return value or attribute setting can be made below the root.
        if (id(node), fresh + "_new") not in existing:
            with pytest.raises(AttributeError):
                getattr(node, fresh + "_new")
            with pytest.raises(AttributeError):
                setattr(node, fresh + "_new", 1)
        if id(node) not in with_return:
            with pytest.raises(AttributeError):
                node.return_value
    # Walking any path either ends in something that existed or fails.
    for path in probes:
        try:
            end = walk(root, path)
        except (AttributeError, KeyError, StopIteration, TypeError):
            continue
        if isinstance(end, NonCallableMock):
            assert end in nodes
    assert nodes_of(root) == nodes
