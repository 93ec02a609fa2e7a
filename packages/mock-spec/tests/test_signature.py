"""The signature provider: which signature recorded calls of a specced mock bind to."""

from __future__ import annotations

import functools
import gc
import inspect
import textwrap
import weakref
from typing import Any

import pytest

from mock_core import Mock, call
from mock_core._registry import registry
from mock_spec import _get_signature_object
from mock_spec._signature import (
    bind_checker,
    compiled_checker,
    signature_of,
    signature_provider,
)


class Klass:
    def __init__(self, a, b=2):
        pass

    def method(self, x, *args, key=None, **kwargs):
        pass

    @classmethod
    def klass_method(cls, y):
        pass

    @staticmethod
    def static_method(z, /):
        pass

    def __call__(self, w):
        pass


class NoInit:
    pass


class Meta(type):
    def __call__(cls, q):
        return None


class WithMeta(metaclass=Meta):
    def __init__(self, a):
        pass


def function(a, b, c=1, *, d):
    pass


def text(sig: Any) -> str:
    return "None" if sig is None else str(sig)


@pytest.mark.parametrize(
    ("spec", "as_instance", "eat_self", "expected"),
    [
        (function, False, False, "(a, b, c=1, *, d)"),
        (Klass, False, False, "(a, b=2)"),
        (NoInit, False, False, "(*args, **kwargs)"),
        # The standard library describes a class by its __init__, not the metaclass.
        (WithMeta, False, False, "(a)"),
        (Klass, True, False, "(self, w)"),
        (Klass, True, True, "(w)"),
        (Klass(1), False, False, "(w)"),
        (Klass.method, False, False, "(self, x, *args, key=None, **kwargs)"),
        (Klass.method, False, True, "(x, *args, key=None, **kwargs)"),
        (Klass(1).method, False, False, "(x, *args, key=None, **kwargs)"),
        (Klass.klass_method, False, False, "(y)"),
        (Klass.__dict__["klass_method"], False, False, "(y)"),
        (Klass.__dict__["static_method"], False, False, "(z, /)"),
        (Klass.static_method, False, False, "(z, /)"),
        (1, False, False, "None"),
        (len, False, False, "(*args, **kwargs)"),
        (functools.partial(function, 1), False, False, "(*args, **kwargs)"),
    ],
)  # fmt: skip
def test_signature_rules(spec: Any, as_instance: bool, eat_self: bool, expected: str) -> None:
    assert text(signature_of(spec, as_instance, eat_self)) == expected


def test_get_signature_object_returns_the_callable_and_signature() -> None:
    found = _get_signature_object(Klass, False, False)
    assert found is not None
    assert found[0] is Klass.__init__
    assert str(found[1]) == "(a, b=2)"
    assert _get_signature_object(object(), False, False) is None


def test_nothing_to_eat_means_no_signature() -> None:
    def no_params() -> None:
        pass

    assert signature_of(no_params, False, True) is None


def test_provider_is_registered_on_import() -> None:
    assert signature_provider in registry.signature_providers


def test_provider_never_raises_for_a_non_callable_call_attribute() -> None:
    class Odd:
        __call__ = 5

    assert signature_provider(Odd(), False, False) is None


class TestCache:
    def test_computed_once_per_function(self, monkeypatch: pytest.MonkeyPatch) -> None:
        def f(a: Any) -> None:
            pass

        calls = []
        real = inspect.signature

        def counting(obj: Any, *args: Any, **kwargs: Any) -> Any:
            calls.append(obj)
            return real(obj, *args, **kwargs)

        monkeypatch.setattr(inspect, "signature", counting)
        first = signature_of(f)
        for _ in range(5):
            assert signature_of(f) is first
        assert len(calls) == 1

    def test_bound_methods_share_their_function_entry(self) -> None:
        class C:
            def m(self, a: Any) -> None:
                pass

        one, two = C(), C()
        assert signature_of(one.m) is signature_of(two.m)

    def test_cache_does_not_keep_functions_alive(self) -> None:
        def make() -> Any:
            def local(a: Any) -> None:
                pass

            return local

        f = make()
        signature_of(f)
        signature_of(f, False, True)
        ref = weakref.ref(f)
        del f
        gc.collect()
        assert ref() is None

    def test_changed_defaults_are_seen(self) -> None:
        def f(a=1):  # type: ignore[no-untyped-def]
            pass

        assert str(signature_of(f)) == "(a=1)"
        f.__defaults__ = (2,)
        assert str(signature_of(f)) == "(a=2)"


def test_type_checking_only_annotations_do_not_break_signatures() -> None:
    source = textwrap.dedent(
        """
        from __future__ import annotations
        from typing import TYPE_CHECKING
        if TYPE_CHECKING:
            from somewhere_that_does_not_exist import Missing

        def f(a: Missing, b: Missing = None) -> Missing:
            pass

        class C:
            def __init__(self, x: Missing) -> None:
                pass
        """
    )
    namespace: dict[str, Any] = {}
    exec(source, namespace)
    assert list(signature_of(namespace["f"]).parameters) == ["a", "b"]
    assert list(signature_of(namespace["C"]).parameters) == ["x"]


class TestBinding:
    def test_call_made_positionally_matches_keywords(self) -> None:
        m = Mock(spec=function)
        m(1, 2, d=4)
        m.assert_called_with(a=1, b=2, d=4)
        m.assert_called_once_with(1, b=2, d=4)
        m.assert_any_call(1, 2, d=4)
        m.assert_has_calls([call(a=1, b=2, d=4)])
        assert m.mock_calls == [call(1, 2, d=4)]

    def test_binding_failure_is_the_assertion_cause(self) -> None:
        m = Mock(spec=function)
        m(1, 2, d=4)
        with pytest.raises(AssertionError) as info:
            m.assert_called_with(1, zz=3)
        assert isinstance(info.value.__cause__, TypeError)
        with pytest.raises(AssertionError) as info:
            m.assert_any_call(zz=3)
        assert isinstance(info.value.__cause__, TypeError)

    def test_methods_skip_self_when_specced_through_a_parent(self) -> None:
        m = Mock(spec=Klass.method, _eat_self=True)
        m(x=1, key=3)
        m.assert_called_with(1, key=3)

    def test_class_spec_binds_to_the_constructor(self) -> None:
        m = Mock(spec=Klass)
        m(1)
        m.assert_called_with(a=1)

    def test_instance_spec_binds_to_call(self) -> None:
        m = Mock(spec=Klass(1))
        m(5)
        m.assert_called_with(w=5)

    def test_mock_add_spec(self) -> None:
        m = Mock()
        m.mock_add_spec(function)
        m(1, 2, d=3)
        m.assert_called_with(a=1, b=2, d=3)


class TestCheckers:
    @pytest.mark.parametrize(
        "params",
        [
            "",
            "a",
            "a, b=1",
            "a, /",
            "a, /, b",
            "a, b=1, /, c=2, *args, d, e=3, **kwargs",
            "*args",
            "*, k",
            "**kw",
            "self, x, *a, **k",
        ],
    )
    def test_compiled_checker_accepts_what_bind_accepts(self, params: str) -> None:
        namespace: dict[str, Any] = {}
        exec(f"def f({params}): pass", namespace)
        sig = inspect.signature(namespace["f"])
        fast = compiled_checker(sig)
        assert fast is not None
        calls = [
            ((), {}), ((1,), {}), ((1, 2), {}), ((1, 2, 3), {}), ((), {"a": 1}),
            ((1,), {"b": 2}), ((1,), {"a": 2}), ((1, 2), {"d": 1}), ((), {"k": 1}),
            ((1,), {"zz": 1}), ((1, 2), {"c": 3, "d": 4}),
        ]  # fmt: skip
        for args, kwargs in calls:
            try:
                sig.bind(*args, **kwargs)
                expected = True
            except TypeError:
                expected = False
            try:
                fast(*args, **kwargs)
                got = True
            except TypeError:
                got = False
            assert got == expected, (params, args, kwargs)

    def test_bind_checker_raises_binds_message(self) -> None:
        sig = inspect.signature(function)
        check = bind_checker(sig)
        check(1, 2, d=3)
        with pytest.raises(TypeError) as info:
            check()
        assert str(info.value) == "missing a required argument: 'a'"
        # Not chained to the fast check's own error.
        assert info.value.__context__ is None or info.value.__suppress_context__

    def test_unwritable_signature_falls_back_to_bind(self) -> None:
        P = inspect.Parameter
        sig = inspect.Signature(
            [P("a", P.POSITIONAL_OR_KEYWORD, default=1), P("b", P.POSITIONAL_OR_KEYWORD)],
            __validate_parameters__=False,
        )
        assert compiled_checker(sig) is None
        check = bind_checker(sig)
        check(1, 2)
        with pytest.raises(TypeError):
            check(1, 2, 3)

    def test_checkers_are_shared_by_shape(self) -> None:
        def f(a: Any, b: Any = 1) -> None:
            pass

        def g(a: Any, b: Any = 2) -> None:
            pass

        assert compiled_checker(inspect.signature(f)) is compiled_checker(inspect.signature(g))


def test_string_annotations_are_not_evaluated() -> None:
    namespace: dict[str, Any] = {}
    # exec inherits this module's ``from __future__ import annotations``.
    exec("def f(a: DoesNotExist) -> Nope: pass", namespace)
    sig = signature_of(namespace["f"])
    assert sig.parameters["a"].annotation == "DoesNotExist"
    assert sig.return_annotation == "Nope"
