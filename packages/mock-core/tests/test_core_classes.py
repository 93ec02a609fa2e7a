"""Every mock has a class of its own, as in the standard library (mock_core._classes).

The first half compares writes through ``type(m)``, however the class was reached, with the
interpreter's ``unittest.mock``; the second tests the pool that makes those classes cheap:
a class is used again only when nothing can tell, and comes back as it was made.
"""

from __future__ import annotations

import copy
import doctest
import gc
import sys
import threading
import weakref
from typing import Any

import pytest
from core_support import agree, ok

from mock_core import Mock, NonCallableMock, PropertyMock, _classes

pooling = pytest.mark.skipif(
    not _classes.POOLING, reason="classes are never reused where reference counts are inexact"
)


def value_or_kind(value: Any) -> Any:
    """A property's value, or the kind of child a mock made instead."""
    return type(value).__name__ if hasattr(type(value), "_mock_return_value") else value


# -- writes through type(m) reach m alone --------------------------------------------------


def test_writes_through_aliases_of_two_classes() -> None:
    def scenario(M: Any) -> Any:
        a, b = M.Mock(), M.Mock()
        ta = type(a)
        tb = type(b)
        ta.p = M.PropertyMock(return_value=1)
        tb.q = M.PropertyMock(return_value=2)
        return [value_or_kind(x) for x in (a.p, b.p, a.q, b.q)]

    assert agree(scenario) == ok([1, "Mock", "Mock", 2])


def test_writes_through_a_subscript() -> None:
    def scenario(M: Any) -> Any:
        mocks = [M.Mock() for _ in range(3)]
        type(mocks[1]).q = M.PropertyMock(return_value=2)
        return [value_or_kind(m.q) for m in mocks]

    assert agree(scenario) == ok(["Mock", 2, "Mock"])


def test_writes_through_a_helpers_return_value() -> None:
    def class_of(mock: Any) -> type:
        return type(mock)

    def scenario(M: Any) -> Any:
        x, y = M.Mock(), M.Mock()
        class_of(x).r = M.PropertyMock(return_value=3)
        return value_or_kind(x.r), value_or_kind(y.r)

    assert agree(scenario) == ok((3, "Mock"))


def test_writes_from_module_level_code_and_exec() -> None:
    def scenario(M: Any) -> Any:
        namespace: dict[str, Any] = {"M": M}
        exec(
            "x = M.Mock()\ny = M.Mock()\ntype(x).r = M.PropertyMock(return_value=3)\n",
            namespace,
        )
        return value_or_kind(namespace["x"].r), value_or_kind(namespace["y"].r)

    assert agree(scenario) == ok((3, "Mock"))


def test_writes_from_a_doctest() -> None:
    source = """
    >>> x = M.Mock()
    >>> y = M.Mock()
    >>> type(x).r = M.PropertyMock(return_value=3)
    >>> x.r
    3
    >>> type(y.r).__name__
    'Mock'
    """

    def scenario(M: Any) -> Any:
        test = doctest.DocTestParser().get_doctest(source, {"M": M}, "classes", None, 0)
        runner = doctest.DocTestRunner(verbose=False)
        runner.run(test, out=lambda text: None)
        return runner.summarize(verbose=False)

    assert agree(scenario) == ok(doctest.TestResults(failed=0, attempted=5))


def test_deleting_through_the_class_reaches_only_that_mock() -> None:
    def scenario(M: Any) -> Any:
        a, b = M.Mock(), M.Mock()
        type(a).p = M.PropertyMock(return_value=1)
        type(b).p = M.PropertyMock(return_value=2)
        del type(a).p
        return value_or_kind(a.p), value_or_kind(b.p)

    assert agree(scenario) == ok(("Mock", 2))


def test_magic_method_set_through_the_class() -> None:
    def scenario(M: Any) -> Any:
        a, b = M.Mock(), M.Mock()
        type(a).__len__ = lambda self: 7
        return len(a), hasattr(type(b), "__len__")

    assert agree(scenario) == ok((7, False))


def test_the_class_stays_the_same_object() -> None:
    h = Mock()
    th = type(h)
    others = [Mock() for _ in range(50)]
    for other in others:
        type(other).p = PropertyMock(return_value=1)
    del others
    gc.collect()
    more = [Mock() for _ in range(50)]
    assert type(h) is th
    assert th not in {type(m) for m in more}


def test_live_mocks_never_share_a_class() -> None:
    # Mocks die and their classes come back while others are made: at every moment the
    # live mocks' classes are all distinct.
    live: list[Any] = []
    for round_ in range(20):
        live.extend(Mock() if i % 3 else NonCallableMock() for i in range(30))
        del live[: len(live) // 2]
        if round_ % 5 == 0:
            gc.collect()
        assert len({id(type(m)) for m in live}) == len(live)


def test_copies_share_the_class_as_in_the_standard_library() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock()
        type(m).p = M.PropertyMock(return_value=5)
        shallow, deep = copy.copy(m), copy.deepcopy(m)
        type(shallow).q = M.PropertyMock(return_value=6)
        return (
            shallow.p,
            deep.p,
            type(shallow).__mro__[1] is type(m),
            type(deep).__mro__[1] is type(m),
            value_or_kind(m.q),
            shallow.q,
        )

    assert agree(scenario) == ok((5, 5, True, True, "Mock", 6))


def test_calling_the_class_makes_a_mock_of_a_subclass() -> None:
    def scenario(M: Any) -> Any:
        m = M.Mock()
        made = type(m)()
        child = made.attr
        return (
            type(made).__mro__[1] is type(m),
            type(made) is not type(m),
            type(child).__mro__[1] is type(m),
        )

    assert agree(scenario) == ok((True, True, True))


def test_the_class_is_named_as_the_mock_class() -> None:
    def scenario(M: Any) -> Any:
        class Custom(M.Mock):
            pass

        m = Custom()
        return type(m).__name__, type(m).__mro__[1] is Custom, type(m.child).__mro__[1] is Custom

    assert agree(scenario) == ok(("Custom", True, True))


# -- the pool ------------------------------------------------------------------------------


def reused(make: Any, before: int, tries: int = 200) -> Any:
    """A new mock made by ``make`` whose class is the one whose id is ``before``, or None.

    Classes are told by id: a reference, even a weak one (``weakref.ref(cls)`` hands out the
    one the class's base keeps), would keep the class from being used again.
    """
    keep = []
    for _ in range(tries):
        m = make()
        if id(type(m)) == before:
            return m
        keep.append(m)  # (kept alive so that its class is not the one offered next)
    return None


def mark(cls: type) -> object:
    """A token that tells ``cls`` apart from any later class (an id can be reused once the
    class is freed, which made an id-based check fail now and then)."""
    token = object()
    # type.__setattr__: past the mock's own bookkeeping, which must not see a test's write.
    type.__setattr__(cls, "_test_token", token)
    return token


def alive(origin: type, token: object) -> bool:
    """Whether the class marked with ``token`` still exists (kept for reuse or in use)."""
    gc.collect()
    return any(cls.__dict__.get("_test_token") is token for cls in origin.__subclasses__())


@pooling
def test_the_class_of_a_dead_mock_is_used_again_as_it_was_made() -> None:
    class Fresh(Mock):
        pass

    namespace_before = set(vars(Fresh()).keys())
    a = Fresh()
    cls = type(a)
    cls.p = PropertyMock(return_value=1)
    cls.__len__ = lambda self: 3
    cls.assert_called = None
    before = id(cls)
    del a, cls
    b = reused(Fresh, before)
    assert b is not None, "the class of a mock that is gone was not used again"
    assert set(vars(b).keys()) == namespace_before
    assert isinstance(b.p, Mock)  # a child again, not the property
    assert not hasattr(type(b), "__len__")
    with pytest.raises(AssertionError):  # the method again, not the None written
        b.assert_called()


@pooling
def test_a_class_someone_holds_is_not_used_again() -> None:
    class Fresh(Mock):
        pass

    a = Fresh()
    held = type(a)
    del a
    assert reused(Fresh, id(held)) is None


@pooling
def test_a_class_with_a_weak_reference_is_not_used_again() -> None:
    class Fresh(Mock):
        pass

    a = Fresh()
    ref = weakref.ref(type(a))
    del a
    gc.collect()
    assert ref() is not None
    keep = [Fresh() for _ in range(100)]
    assert ref() not in {type(m) for m in keep}


@pooling
def test_a_class_with_a_subclass_is_not_used_again() -> None:
    class Fresh(Mock):
        pass

    a = Fresh()
    cls = type(a)
    sub = type("Sub", (cls,), {})
    del a
    keep = [Fresh() for _ in range(100)]
    assert cls not in {type(m) for m in keep}
    del sub


@pooling
def test_a_class_whose_name_or_bases_were_written_is_retired() -> None:
    class Fresh(Mock):
        pass

    a = Fresh()
    cls = type(a)
    cls.__name__ = "Renamed"
    before = mark(cls)
    del a, cls
    keep = [Fresh() for _ in range(100)]
    assert all(type(m).__name__ == "Fresh" for m in keep)
    assert not alive(Fresh, before)  # freed, not kept for reuse


@pooling
def test_a_class_written_on_too_often_is_retired() -> None:
    # Every interpreter version gives a class only so many new versions; a class past the
    # budget would never be found in the type-attribute cache again.
    class Fresh(Mock):
        pass

    first = Fresh()
    before = mark(type(first))
    del first
    for _ in range(2 * _classes.REWRITES):
        m = Fresh()
        type(m).p = PropertyMock(return_value=1)
        assert m.p == 1
        del m
    assert not alive(Fresh, before)


@pooling
def test_the_pool_is_capped() -> None:
    class Fresh(Mock):
        pass

    alive = [Fresh() for _ in range(_classes.CAP + 50)]
    ring = Fresh._mock_default_ring[1]
    assert len(ring.classes) <= _classes.CAP
    assert len({type(m) for m in alive}) == len(alive)


def test_without_exact_reference_counts_every_mock_gets_a_new_class(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # PyPy and free-threaded builds: the same semantics, without reuse.
    monkeypatch.setattr(_classes, "POOLING", False)

    class Fresh(Mock):
        pass

    a = Fresh()
    before = mark(type(a))
    type(a).p = PropertyMock(return_value=1)
    assert a.p == 1
    del a
    assert not alive(Fresh, before)
    b, c = Fresh(), Fresh()
    assert type(b) is not type(c)
    assert isinstance(b.p, Mock)
    assert not Fresh._mock_default_ring[1].classes


def test_threads_never_get_the_same_class() -> None:
    class Fresh(Mock):
        pass

    errors: list[str] = []
    start = threading.Barrier(4)

    def work(tag: int) -> None:
        start.wait()
        for i in range(300):
            m = Fresh()
            type(m).tag = PropertyMock(return_value=(tag, i))
            if i % 7 == 0:
                gc.collect(0)
            if m.tag != (tag, i):
                errors.append(f"thread {tag} saw {m.tag!r} for {(tag, i)!r}")

    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        threads = [threading.Thread(target=work, args=(tag,)) for tag in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(switch)
    assert errors == []
