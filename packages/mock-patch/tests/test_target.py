"""Resolving patch targets: _get_target, _importer (pkgutil.resolve_name rules), _dot_lookup."""

from __future__ import annotations

import os
import pkgutil
import sys
import textwrap
import types
import unittest.mock as std_mock
from pathlib import Path
from typing import Any, Callable, Iterator, Optional, Tuple

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import mock_patch
from mock_patch import _dot_lookup, _get_target, _importer, patch


@pytest.mark.parametrize("target", ["nodot", "", 12, object(), b"os.getcwd", None, ["a.b"]])
def test_invalid_target_is_a_type_error(target: Any) -> None:
    with pytest.raises(TypeError) as info:
        patch(target)
    assert str(info.value) == f"Need a valid target to patch. You supplied: {target!r}"
    # Implicitly chained to the reason, as in the standard library.
    assert info.value.__context__ is not None
    assert not info.value.__suppress_context__


def test_get_target_splits_at_the_last_dot() -> None:
    getter, attribute = _get_target("os.path.join")
    assert attribute == "join"
    assert getter() is os.path


def test_get_target_resolves_only_when_called(make_module: Any) -> None:
    getter, attribute = _get_target("mock_patch_not_yet_there.thing")
    assert attribute == "thing"
    with pytest.raises(ModuleNotFoundError, match="No module named 'mock_patch_not_yet_there'"):
        getter()
    module = make_module()
    sys.modules["mock_patch_not_yet_there"] = module
    try:
        assert getter() is module
    finally:
        del sys.modules["mock_patch_not_yet_there"]


def test_get_target_is_shared_for_the_same_string() -> None:
    assert _get_target("os.getcwd") is _get_target("os.getcwd")


def test_str_subclass_target() -> None:
    class Name(str):
        pass

    getter, attribute = _get_target(Name("os.getcwd"))
    assert (getter(), attribute) == (os, "getcwd")


def test_importer_modules_and_attributes() -> None:
    import collections.abc

    assert _importer("os") is os
    assert _importer("os.path") is os.path
    assert _importer("os.path.join") is os.path.join
    assert _importer("os.path:join") is os.path.join
    assert _importer("collections.abc:Mapping") is collections.abc.Mapping
    assert _importer("collections.abc.Mapping.get") is collections.abc.Mapping.get


def test_importer_missing_module() -> None:
    with pytest.raises(ModuleNotFoundError, match="No module named 'mock_patch_nothing_here'"):
        _importer("mock_patch_nothing_here.x")


def test_importer_missing_attribute() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'nothing_here'"):
        _importer("os.nothing_here.x")


def _start_error(module: Any, make: Callable[[Any], Any]) -> Optional[BaseException]:
    """What starting ``make(module)``'s patcher raises (it is stopped again if it started)."""
    patcher = make(module)
    try:
        patcher.start()
    except Exception as exc:
        return exc
    patcher.stop()
    return None


# DEVIATIONS.md: the 3.10 stdlib imports each part of a target's owner as a module where 3.11
# and later resolve the name with pkgutil.resolve_name, as mockkit does everywhere. Observed on
# this interpreter's stdlib, not read off its version, so the entries are checked where they run.
STD_IMPORTS_OWNER_PARTS = isinstance(
    _start_error(std_mock, lambda M: M.patch("os.mock_patch_no_such.x")), ModuleNotFoundError
)

_MISSING_OWNER_PART = {
    "patch": lambda M: M.patch("os.mock_patch_no_such.x"),
    "patch.dict": lambda M: M.patch.dict("os.mock_patch_no_such", {}),
    "patch.multiple": lambda M: M.patch.multiple("os.mock_patch_no_such", x=1),
}


@pytest.mark.parametrize("make", _MISSING_OWNER_PART.values(), ids=list(_MISSING_OWNER_PART))
def test_missing_owner_part_is_an_attribute_error(make: Callable[[Any], Any]) -> None:
    error = _start_error(mock_patch, make)
    assert type(error) is AttributeError
    assert str(error) == "module 'os' has no attribute 'mock_patch_no_such'"
    std_error = _start_error(std_mock, make)
    if STD_IMPORTS_OWNER_PARTS:
        assert type(std_error) is ModuleNotFoundError
        assert str(std_error) == "No module named 'os.mock_patch_no_such'; 'os' is not a package"
    else:
        assert (type(std_error), str(std_error)) == (AttributeError, str(error))


@pytest.mark.parametrize(
    "make",
    [
        lambda M: M.patch("mock_patch_no_such_module.x"),
        lambda M: M.patch.dict("mock_patch_no_such_module", {}),
        lambda M: M.patch.multiple("mock_patch_no_such_module", x=1),
        lambda M: M.patch("os.mock_patch_no_such"),
        lambda M: M.patch.object(os, "mock_patch_no_such"),
    ],
)
def test_missing_module_or_last_part_fails_alike_everywhere(make: Callable[[Any], Any]) -> None:
    # The DEVIATIONS.md entry is about the owner's inner parts only.
    error = _start_error(mock_patch, make)
    std_error = _start_error(std_mock, make)
    assert isinstance(error, (ModuleNotFoundError, AttributeError))
    assert (type(error), str(error)) == (type(std_error), str(std_error))


_COLON_TARGETS = {
    "patch.dict": (
        lambda M: M.patch.dict("os:environ", MOCK_PATCH_COLON="1"),
        lambda: os.environ.get("MOCK_PATCH_COLON") == "1",
        "os:environ",
    ),
    "patch.multiple": (
        lambda M: M.patch.multiple("os:path", curdir="here"),
        lambda: os.path.curdir == "here",
        "os:path",
    ),
    "patch": (
        lambda M: M.patch("os:path.curdir", "here"),
        lambda: os.path.curdir == "here",
        "os:path",
    ),
}


@pytest.mark.parametrize(
    ("make", "patched", "std_missing"), _COLON_TARGETS.values(), ids=list(_COLON_TARGETS)
)
def test_colon_ends_the_module_of_a_target(
    make: Callable[[Any], Any], patched: Callable[[], bool], std_missing: str
) -> None:
    with make(mock_patch):
        assert patched()
    assert not patched()
    std_error = _start_error(std_mock, make)
    assert not patched()
    if STD_IMPORTS_OWNER_PARTS:
        assert type(std_error) is ModuleNotFoundError
        assert str(std_error) == f"No module named {std_missing!r}"
    else:
        assert std_error is None


def test_importer_blocked_module() -> None:
    sys.modules["mock_patch_blocked"] = None  # type: ignore[assignment]
    try:
        with pytest.raises(ModuleNotFoundError):
            _importer("mock_patch_blocked")
    finally:
        del sys.modules["mock_patch_blocked"]


@pytest.mark.parametrize("name", [".x", "a..b", "os.", "1a.b", "a b.c", "os:path:join", "é.x"])
def test_importer_rejects_what_pkgutil_rejects(name: str) -> None:
    assert _outcome(_importer, name) == _outcome(pkgutil.resolve_name, name)


def test_patch_errors_for_bad_owner_names() -> None:
    with pytest.raises(ValueError, match="invalid format: ''"):
        patch(".getcwd").start()
    with pytest.raises(AttributeError, match="does not have the attribute ''"):
        patch("os.").start()


def test_dot_lookup() -> None:
    assert _dot_lookup(os, "path", "os.path") is os.path


def test_dot_lookup_imports_a_missing_submodule(package_tree: Path) -> None:
    import mock_patch_pkg

    sys.modules.pop("mock_patch_pkg.late", None)
    mock_patch_pkg.__dict__.pop("late", None)
    late = _dot_lookup(mock_patch_pkg, "late", "mock_patch_pkg.late")
    assert late is sys.modules["mock_patch_pkg.late"]


def test_dot_lookup_missing() -> None:
    with pytest.raises(ModuleNotFoundError):
        _dot_lookup(os, "not_there", "os.not_there")


# ---------------------------------------------------------------- against pkgutil

_TREE = {
    # The package attribute "sub" is rebound to a class after importing the submodule.
    "mock_patch_pkg/__init__.py": """
        from .sub import sub
        value = 'package'
    """,
    "mock_patch_pkg/sub.py": """
        value = 'submodule'
        class A:
            attr = 'A'
        class sub:
            attr = 'rebound'
            class B:
                attr = 'B'
    """,
    "mock_patch_pkg/late.py": "value = 'late'\n",
    # The package binds "sub" to a class without importing the submodule.
    "mock_patch_pkg2/__init__.py": """
        class sub:
            attr = 'origin'
            class B:
                attr = 'B'
    """,
    "mock_patch_pkg2/sub.py": """
        class A:
            attr = 'A'
    """,
    "mock_patch_pkg2/broken.py": "import mock_patch_missing_dependency\n",
}


def _forget() -> None:
    for name in list(sys.modules):
        if name.split(".")[0] in ("mock_patch_pkg", "mock_patch_pkg2"):
            del sys.modules[name]


@pytest.fixture
def package_tree(tmp_path: Path) -> Iterator[Path]:
    for relative, text in _TREE.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    sys.path.insert(0, str(tmp_path))
    _forget()
    try:
        yield tmp_path
    finally:
        sys.path.remove(str(tmp_path))
        _forget()


def _outcome(resolve: Any, name: str) -> Tuple[str, Any]:
    try:
        found = resolve(name)
    except Exception as exc:
        return (type(exc).__name__, str(exc))
    # Modules are imported afresh between the runs compared, so describe rather than identify.
    if isinstance(found, types.ModuleType):
        return ("module", found.__name__)
    if isinstance(found, type):
        return ("class", found.__module__, found.__qualname__)
    return ("ok", found)


_NAMES = [
    f"{package}{sep}{rest}"
    for package in ("mock_patch_pkg", "mock_patch_pkg2")
    for sep, rest in (
        (".", "sub"),
        (".", "sub.A.attr"),
        (".", "sub.B.attr"),
        (":", "sub.A.attr"),
        (":", "sub.B.attr"),
        (".", "late.value"),
        (".", "value"),
        (".", "missing.attr"),
        (".", "broken.x"),
        (":", ""),
    )
]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(_NAMES), min_size=1, max_size=6))
def test_importer_agrees_with_pkgutil(package_tree: Path, names: list[str]) -> None:
    """Same results, in the same import states, for a sequence of lookups."""
    _forget()
    expected = []
    for name in names:
        expected.append(_outcome(pkgutil.resolve_name, name))
    _forget()
    actual = []
    for name in names:
        actual.append(_outcome(_importer, name))
    assert actual == expected


def test_rebinding_like_the_standard_library(package_tree: Path) -> None:
    # The submodule wins over the package attribute of the same name without a colon...
    assert _importer("mock_patch_pkg.sub.A.attr") == "A"
    # ...and the attribute wins with a colon after the package.
    assert _importer("mock_patch_pkg:sub.B.attr") == "B"
    _forget()
    assert _importer("mock_patch_pkg2:sub.B.attr") == "B"
    assert _importer("mock_patch_pkg2.sub.A.attr") == "A"
    # Importing the submodule rebound the package attribute.
    assert _importer("mock_patch_pkg2:sub.A.attr") == "A"


def test_patch_imports_lazily_and_every_time(package_tree: Path) -> None:
    patcher = patch("mock_patch_pkg.late.value", "patched")
    assert "mock_patch_pkg" not in sys.modules
    with patcher:
        late = sys.modules["mock_patch_pkg.late"]
        assert late.value == "patched"
    assert late.value == "late"
    _forget()
    with patcher:
        assert sys.modules["mock_patch_pkg.late"] is not late


def test_patch_dotted_target_when_parent_packages_were_unloaded(package_tree: Path) -> None:
    import mock_patch_pkg.late  # noqa: F401

    with patch.dict("sys.modules"):
        del sys.modules["mock_patch_pkg"]
        with patch("mock_patch_pkg.late.value", "patched"):
            assert sys.modules["mock_patch_pkg.late"].value == "patched"
