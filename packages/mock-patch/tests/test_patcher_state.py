"""What a started patcher exposes (``target``, ``temp_original``, ``is_local``), and originals
that are PEP 810 lazy imports.

Each scenario runs against mock-patch and the interpreter's ``unittest.mock``, each with its
own mocks; what is observed must be the same.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import sys
import types
import unittest.mock as std
from typing import Any, Callable, Dict, Tuple

import pytest

import mock_core
import mock_magic
import mock_patch

try:
    import mock_spec
except ImportError:  # this package's tests also run without the optional mock-spec
    mock_spec = None  # type: ignore[assignment]

_needs_spec = pytest.mark.skipif(mock_spec is None, reason="needs mock-spec")


def _kit() -> types.SimpleNamespace:
    kit = types.SimpleNamespace(
        Mock=mock_core.Mock,
        MagicMock=mock_magic.MagicMock,
        AsyncMock=mock_magic.AsyncMock,
        patch=mock_patch.patch,
        DEFAULT=mock_core.DEFAULT,
    )
    if mock_spec is not None:
        kit.create_autospec = mock_spec.create_autospec
    return kit


LIBRARIES = {"std": std, "kit": _kit()}


class Klass:
    attribute = 1

    def method(self, a: Any) -> Any:
        return a


def _child(lib: Any) -> Tuple[Any, str]:
    m = lib.Mock()
    m.bar  # made on access
    return m, "bar"


def _grandchild(lib: Any) -> Tuple[Any, str]:
    m = lib.Mock()
    m.a.b = 1
    return m, "a"


def _not_yet_made(lib: Any) -> Tuple[Any, str]:
    return lib.Mock(), "bar"


def _spec_child(lib: Any) -> Tuple[Any, str]:
    m = lib.Mock(spec=Klass)
    m.method
    return m, "method"


def _return_value_child(lib: Any) -> Tuple[Any, str]:
    m = lib.MagicMock()
    m.return_value.bar
    return m.return_value, "bar"


def _async_child(lib: Any) -> Tuple[Any, str]:
    m = lib.AsyncMock()
    m.bar
    return m, "bar"


def _assigned_mock(lib: Any) -> Tuple[Any, str]:
    m = lib.Mock()
    m.bar = lib.Mock()
    return m, "bar"


def _assigned_value(lib: Any) -> Tuple[Any, str]:
    m = lib.Mock()
    m.bar = "value"
    return m, "bar"


def _configured(lib: Any) -> Tuple[Any, str]:
    return lib.Mock(bar=lib.Mock()), "bar"


def _attached(lib: Any) -> Tuple[Any, str]:
    m = lib.Mock()
    m.attach_mock(lib.Mock(), "bar")
    return m, "bar"


def _reassigned_after_delete(lib: Any) -> Tuple[Any, str]:
    m = lib.Mock()
    child = m.bar
    del m.bar
    m.bar = child
    return m, "bar"


def _magic(lib: Any) -> Tuple[Any, str]:
    m = lib.MagicMock()
    m.__enter__.return_value = 1
    return m, "__enter__"


def _magic_not_yet_made(lib: Any) -> Tuple[Any, str]:
    return lib.MagicMock(), "__enter__"


def _return_value(lib: Any) -> Tuple[Any, str]:
    m = lib.Mock()
    m.return_value
    return m, "return_value"


def _autospec_method(lib: Any) -> Tuple[Any, str]:
    return lib.create_autospec(Klass), "method"


def _autospec_method_used(lib: Any) -> Tuple[Any, str]:
    m = lib.create_autospec(Klass, instance=True)
    m.method(1)
    return m, "method"


def _autospec_attribute(lib: Any) -> Tuple[Any, str]:
    m = lib.create_autospec(Klass)
    m.attribute
    return m, "attribute"


TARGETS: Dict[str, Callable[[Any], Tuple[Any, str]]] = {
    "child": _child,
    "grandchild": _grandchild,
    "not yet made": _not_yet_made,
    "spec child": _spec_child,
    "return value child": _return_value_child,
    "async child": _async_child,
    "assigned mock": _assigned_mock,
    "assigned value": _assigned_value,
    "configured": _configured,
    "attached": _attached,
    "reassigned after delete": _reassigned_after_delete,
    "magic": _magic,
    "magic not yet made": _magic_not_yet_made,
    "return_value": _return_value,
}
AUTOSPEC_TARGETS = {
    "autospec method": _autospec_method,
    "autospec method used": _autospec_method_used,
    "autospec attribute": _autospec_attribute,
}
PARAMS = [pytest.param(make, id=name) for name, make in TARGETS.items()] + [
    pytest.param(make, id=name, marks=_needs_spec) for name, make in AUTOSPEC_TARGETS.items()
]


def _observe(lib: Any, make: Callable[[Any], Tuple[Any, str]]) -> Tuple[Any, ...]:
    owner, name = make(lib)
    before = getattr(owner, name)
    patcher = lib.patch.object(owner, name, "new")
    with patcher:
        during = (patcher.is_local, patcher.target is owner, patcher.temp_original is before)
    after = getattr(owner, name)
    child = owner._mock_children.get(name)
    return (*during, after is before, child is before, name in dir(owner))


@pytest.mark.parametrize("make", PARAMS)
def test_a_mock_target_is_local_as_in_the_standard_library(make: Any) -> None:
    # The standard library keeps a mock's children made on access out of its instance
    # dict, so patching one finds it not local; mock-core caches them there.
    assert _observe(LIBRARIES["kit"], make) == _observe(LIBRARIES["std"], make)


def test_a_child_made_on_access_is_not_local() -> None:
    owner, name = _child(LIBRARIES["kit"])
    patcher = mock_patch.patch.object(owner, name, "new")
    with patcher:
        assert patcher.is_local is False


@pytest.mark.parametrize("lib", ["std", "kit"])
def test_started_patcher_state_is_readable_and_writable(lib: str) -> None:
    # What stop() restores is read from the patcher when it stops: a caller may change it.
    api = LIBRARIES[lib]
    owner = api.Mock()
    child = owner.bar
    patcher = api.patch.object(owner, "bar", "x")
    with patcher:
        assert (patcher.is_local, patcher.target, patcher.temp_original) == (False, owner, child)
        patcher.is_local = True
        patcher.target = child
        patcher.temp_original = owner
        assert (patcher.is_local, patcher.target, patcher.temp_original) == (True, child, owner)
    assert child.bar is owner
    assert owner.bar == "x"
    assert not hasattr(patcher, "target")
    assert not hasattr(patcher, "temp_original")
    assert not hasattr(patcher, "is_local")


# ---------------------------------------------------------------- PEP 810 lazy imports

_lazy = pytest.mark.skipif(
    not hasattr(types, "LazyImportType"), reason="PEP 810 lazy imports need Python 3.15"
)
_counter = iter(range(10**9))


class _LazyModules:
    """A module whose attribute ``function`` is a lazy import from a module not yet imported.

    The source module is made by a finder of its own, which counts the imports.
    """

    def __init__(self) -> None:
        n = next(_counter)
        self.user_name, self.source_name = f"lazy_user_{n}", f"lazy_source_{n}"
        self.imported = 0
        self.source: Any = None
        modules = self

        class Loader(importlib.abc.Loader):
            def create_module(self, spec: Any) -> None:
                return None

            def exec_module(self, module: Any) -> None:
                modules.imported += 1
                exec("def function(arg): return arg", module.__dict__)
                modules.source = module

        class Finder(importlib.abc.MetaPathFinder):
            def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
                if name != modules.source_name:
                    return None
                return importlib.util.spec_from_loader(name, Loader())

        self.finder = Finder()
        sys.meta_path.insert(0, self.finder)
        self.user = types.ModuleType(self.user_name)
        exec(f"lazy from {self.source_name} import function", self.user.__dict__)
        sys.modules[self.user_name] = self.user

    def lazy_value(self) -> Any:
        return self.user.__dict__["function"]

    def close(self) -> None:
        sys.meta_path.remove(self.finder)
        sys.modules.pop(self.user_name, None)
        sys.modules.pop(self.source_name, None)


@pytest.fixture
def lazy() -> Any:
    modules = _LazyModules()
    yield modules
    modules.close()


def _lazy_patch(lib: Any, modules: _LazyModules, keywords: Dict[str, Any]) -> Tuple[Any, ...]:
    """Patch the lazy attribute; what was made, whether it was imported, what stays after."""
    lazy_type: Any = types.LazyImportType  # type: ignore[attr-defined]
    patcher = lib.patch.object(modules.user, "function", **keywords)
    with patcher as made:
        original_kind = type(patcher.temp_original).__name__
        imported = modules.imported
        try:
            result: Any = made("arg")
        except TypeError as exc:
            result = ("TypeError", str(exc))
        try:
            made("arg", "extra")
            extra: Any = "accepted"
        except TypeError:
            extra = "refused"
    left = modules.lazy_value()
    return (
        original_kind,
        imported,
        callable(made),
        isinstance(result, tuple),
        extra,
        type(left) is lazy_type,
        modules.source is not None and left is modules.source.__dict__["function"],
    )


LAZY_KEYWORDS = [
    pytest.param({"spec": True}, id="spec"),
    pytest.param({"spec_set": True}, id="spec_set"),
    pytest.param({"spec": True, "spec_set": True}, id="spec and spec_set"),
    pytest.param({"autospec": True}, id="autospec", marks=_needs_spec),
    pytest.param({}, id="no spec"),
    pytest.param({"spec": ["resolve"]}, id="spec list"),
    pytest.param({"spec": int}, id="spec class"),
    pytest.param({"spec_set": 1}, id="spec_set truthy"),
    pytest.param({"new": 1}, id="new"),
]


@_lazy
@pytest.mark.parametrize("keywords", LAZY_KEYWORDS)
def test_lazy_import_is_resolved_only_to_be_the_spec(lazy: Any, keywords: Any) -> None:
    got = _lazy_patch(LIBRARIES["kit"], lazy, keywords)
    theirs = _LazyModules()
    try:
        expected = _lazy_patch(std, theirs, keywords)
    finally:
        theirs.close()
    assert got == expected


@_lazy
@pytest.mark.parametrize(
    "keyword", ["spec", "spec_set", pytest.param("autospec", marks=_needs_spec)]
)
def test_lazy_import_spec_is_the_function(lazy: Any, keyword: str) -> None:
    with mock_patch.patch.object(lazy.user, "function", **{keyword: True}) as made:
        assert lazy.imported == 1
        made("arg")
        made.assert_called_once_with("arg")
    assert lazy.lazy_value() is lazy.source.__dict__["function"]


@_lazy
def test_lazy_import_without_spec_stays_lazy(lazy: Any) -> None:
    lazy_type: Any = types.LazyImportType  # type: ignore[attr-defined]
    with mock_patch.patch.object(lazy.user, "function") as made:
        made("arg")
    assert lazy.imported == 0
    assert type(lazy.lazy_value()) is lazy_type
