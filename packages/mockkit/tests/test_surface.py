"""mockkit offers the names of unittest.mock: the public surface and the private names code uses."""

from __future__ import annotations

import unittest.mock as stdlib_mock

import pytest

import mockkit

# unittest.mock.__all__ of Python 3.13, the newest standard library this release follows.
ALL_313 = (
    "Mock",
    "MagicMock",
    "patch",
    "sentinel",
    "DEFAULT",
    "ANY",
    "call",
    "create_autospec",
    "AsyncMock",
    "ThreadingMock",
    "FILTER_DIR",
    "NonCallableMock",
    "NonCallableMagicMock",
    "mock_open",
    "PropertyMock",
    "seal",
)

# Names real code imports from unittest.mock although they are private or not in __all__.
PRIVATE = (
    "CallableMixin",
    "AsyncMockMixin",
    "InvalidSpecError",
    "_Call",
    "_CallList",
    "_SentinelObject",
    "_Sentinel",
    "_is_instance_mock",
    "_is_exception",
    "_deleted",
    "_missing",
    "_check_spec_arg_typos",
    "_extract_mock",
    "_format_call_signature",
    "MagicMixin",
    "AsyncMagicMixin",
    "MagicProxy",
    "_magics",
    "_all_magics",
    "_non_defaults",
    "_return_values",
    "_calculate_return_value",
    "_side_effect_methods",
    "_sync_async_magics",
    "_async_magics",
    "_async_method_magics",
    "_all_sync_magics",
    "_unsupported_magics",
    "_is_magic",
    "_AsyncIterator",
    "_MockIter",
    "_to_stream",
    "_timeout_unset",
    "_is_async_func",
    "_is_async_obj",
    "_callable",
    "_SpecState",
    "_check_signature",
    "_set_signature",
    "_copy_func_details",
    "_get_signature_object",
    "_instance_callable",
    "_must_skip",
    "_is_list",
    "_setup_func",
    "_setup_async_mock",
    "_patch",
    "_patch_dict",
    "_patch_object",
    "_patch_multiple",
    "_patch_stopall",
    "_get_target",
    "_importer",
    "_dot_lookup",
    "_clear_dict",
)


def test_all_is_the_newest_stdlib_all() -> None:
    assert tuple(mockkit.__all__) == ALL_313


def test_star_import_gives_exactly_all() -> None:
    namespace: dict[str, object] = {}
    exec("from mockkit import *", namespace)
    namespace.pop("__builtins__")
    assert sorted(namespace) == sorted(ALL_313)


@pytest.mark.parametrize("name", stdlib_mock.__all__)
def test_every_stdlib_public_name_exists(name: str) -> None:
    assert name in mockkit.__all__
    ours, theirs = getattr(mockkit, name), getattr(stdlib_mock, name)
    # Same kind of object: classes stay classes, functions stay callables, values stay values.
    assert isinstance(ours, type) == isinstance(theirs, type)
    assert callable(ours) == callable(theirs)


@pytest.mark.parametrize("name", PRIVATE)
def test_private_name_exists(name: str) -> None:
    assert hasattr(mockkit, name)
    assert name not in mockkit.__all__


@pytest.mark.parametrize("name", [n for n in PRIVATE if hasattr(stdlib_mock, n)])
def test_private_name_has_the_stdlib_kind(name: str) -> None:
    ours, theirs = getattr(mockkit, name), getattr(stdlib_mock, name)
    assert isinstance(ours, type) == isinstance(theirs, type)


def test_names_come_from_the_packages_that_own_them() -> None:
    import mock_core
    import mock_magic
    import mock_patch
    import mock_spec

    assert mockkit.Mock is mock_core.Mock
    assert mockkit.MagicMock is mock_magic.MagicMock
    assert mockkit.create_autospec is mock_spec.create_autospec
    assert mockkit.patch is mock_patch.patch
    assert mockkit.FILTER_DIR is mock_core.FILTER_DIR


def test_dir_lists_the_public_names() -> None:
    assert set(ALL_313) <= set(dir(mockkit))
