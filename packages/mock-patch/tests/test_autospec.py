"""autospec=: through mock-spec when it is installed, a clear error naming the extra when not."""

from __future__ import annotations

import sys
from typing import Any, Iterator

import pytest

from mock_core import InvalidSpecError
from mock_magic import MagicMock
from mock_patch import MissingSpecPackageError, _replacement, patch


def function(a: Any, b: Any = 1) -> Any:
    return a


class Foo:
    foo = "bar"

    def __init__(self, a: Any) -> None:
        self.a = a

    def f(self, a: Any) -> Any:
        return a

    def g(self) -> None:
        return None

    @staticmethod
    def static_method(a: Any, b: Any = 10, *, c: Any) -> None:
        return None

    @classmethod
    def class_method(cls, a: Any, b: Any = 10, *, c: Any) -> None:
        return None

    class Bar:
        def a(self) -> None:
            return None


@pytest.fixture
def module(make_module: Any) -> Any:
    return make_module(function=function, Foo=Foo, value=3)


def _name(module: Any, attribute: str) -> str:
    return f"{module.__name__}.{attribute}"


# ---------------------------------------------------------------- without mock-spec


@pytest.fixture
def without_mock_spec(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setitem(sys.modules, "mock_spec", None)  # type: ignore[arg-type]
    monkeypatch.setattr(_replacement, "_create_autospec_function", None)
    yield


def test_missing_mock_spec_names_the_extra(module: Any, without_mock_spec: None) -> None:
    patcher = patch(_name(module, "function"), autospec=True)
    with pytest.raises(MissingSpecPackageError) as info:
        patcher.start()
    assert isinstance(info.value, ModuleNotFoundError)
    assert isinstance(info.value, ImportError)
    assert "mock-patch[spec]" in str(info.value)
    assert "mock-spec" in str(info.value)
    assert info.value.name == "mock_spec"
    assert module.function is function
    assert not patcher.is_started


def test_missing_mock_spec_after_the_usual_checks(module: Any, without_mock_spec: None) -> None:
    with pytest.raises(TypeError, match="Can't specify autospec and new"):
        patch(_name(module, "function"), new=1, autospec=True).start()
    with pytest.raises(TypeError, match="Can't use 'autospec' with create=True"):
        patch(_name(module, "missing"), create=True, autospec=True).start()


def test_other_patches_work_without_mock_spec(module: Any, without_mock_spec: None) -> None:
    with patch(_name(module, "Foo"), spec=True) as mock:
        assert isinstance(mock(1), Foo)


# ---------------------------------------------------------------- errors before mock-spec


def test_autospec_with_new(module: Any) -> None:
    patcher = patch(_name(module, "function"), new=3, autospec=True)
    with pytest.raises(TypeError) as info:
        patcher.start()
    assert str(info.value) == "autospec creates the mock for you. Can't specify autospec and new."
    assert module.function is function


def test_autospec_with_create(module: Any) -> None:
    patcher = patch(_name(module, "missing"), create=True, autospec=True)
    with pytest.raises(TypeError, match=r"^Can't use 'autospec' with create=True$"):
        patcher.start()
    assert not hasattr(module, "missing")


def test_autospec_of_a_mock(module: Any) -> None:
    module.value = MagicMock()
    with pytest.raises(InvalidSpecError) as info:
        patch(_name(module, "value"), autospec=True).start()
    assert str(info.value).startswith(
        f"Cannot autospec attr 'value' from target {module.__name__!r} as it has already"
        " been mocked out. [target="
    )
    target = MagicMock()
    with pytest.raises(InvalidSpecError) as info:
        patch.object(target, "x", autospec=True).start()
    assert str(info.value).startswith(
        "Cannot autospec attr 'x' as the patch target has already been mocked out."
    )


# ---------------------------------------------------------------- with mock-spec


@pytest.fixture
def mock_spec() -> Any:
    return pytest.importorskip("mock_spec")


def test_autospec_function(module: Any, mock_spec: Any) -> None:
    with patch(_name(module, "function"), autospec=True, return_value=3) as mock:
        assert module.function is mock
        assert module.function(1) == 3
        mock.assert_called_once_with(1)
        with pytest.raises(TypeError):
            module.function()
        with pytest.raises(AttributeError):
            module.function.not_there
    assert module.function is function


def test_autospec_class(module: Any, mock_spec: Any) -> None:
    with patch(_name(module, "Foo"), autospec=True) as mock:
        assert isinstance(mock, Foo)
        instance = mock(1)
        assert isinstance(instance, Foo)
        instance.f(1)
        instance.f.assert_called_with(1)
        with pytest.raises(TypeError):
            instance.f()
        with pytest.raises(AttributeError):
            instance.h
        assert " name='Foo'" in repr(mock)
        assert " name='Foo.f'" in repr(mock.f)
        assert " name='Foo()'" in repr(instance)
    assert module.Foo is Foo


def test_autospec_with_an_object(module: Any, mock_spec: Any) -> None:
    class Bar(Foo):
        extra: list = []  # type: ignore[type-arg]

    with patch(_name(module, "Foo"), autospec=Bar) as mock:
        assert isinstance(mock, Bar)
        assert isinstance(mock.extra, list)


def test_autospec_spec_set(module: Any, mock_spec: Any) -> None:
    with patch(_name(module, "Foo"), autospec=True, spec_set=True) as mock:
        with pytest.raises(AttributeError):
            mock.new_attribute = 1


@pytest.mark.parametrize("name", ["static_method", "class_method"])
def test_autospec_static_and_class_methods(mock_spec: Any, name: str) -> None:
    original = Foo.__dict__[name]
    with patch.object(Foo, name, autospec=True) as method:
        method(1, 2, c=3)
        with pytest.raises(TypeError):
            method()
        with pytest.raises(TypeError):
            method(1, 2, 3, c=4)
    assert Foo.__dict__[name] is original


def test_autospec_unsafe_reaches_create_autospec(module: Any, mock_spec: Any) -> None:
    # The standard library forgets unsafe=True here and create_autospec refuses the keyword.
    with patch(_name(module, "Foo"), autospec=True, unsafe=True, set_spec=1) as mock:
        assert mock.set_spec == 1


def test_autospec_decorator_passes_the_mock(module: Any, mock_spec: Any) -> None:
    @patch(_name(module, "function"), autospec=True)
    def test(mock: Any) -> Any:
        module.function(1)
        return mock

    mock = test()
    mock.assert_called_once_with(1)
