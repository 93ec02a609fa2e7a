"""Patch hygiene: patches that cannot reach the code under test, and unused mocks."""

from __future__ import annotations

import types
import warnings
from typing import Any, Callable

import pytest

import mockkit
from mock_extras import (
    PatchHygieneWarning,
    bound_elsewhere,
    enable_patch_hygiene,
    mock_was_used,
    patch_hygiene,
)

Maker = Callable[..., types.ModuleType]


def _defined_in(module: types.ModuleType, name: str = "fetch") -> Any:
    def fetch() -> str:
        return "real"

    fetch.__module__ = module.__name__
    setattr(module, name, fetch)
    return fetch


def _hygiene_warnings(caught: list[warnings.WarningMessage]) -> list[str]:
    return [str(w.message) for w in caught if w.category is PatchHygieneWarning]


def test_patch_at_the_definition_names_the_copies(make_module: Maker) -> None:
    home = make_module()
    fetch = _defined_in(home)
    user = make_module(fetch=fetch)  # from home import fetch
    with patch_hygiene(unused=False), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with mockkit.patch(f"{home.__name__}.fetch"):
            pass
    [message] = _hygiene_warnings(caught)
    assert f"{home.__name__}.fetch does not reach {user.__name__}.fetch" in message
    # Points at this file, where the patch was started.
    assert [w.filename for w in caught] == [__file__]


def test_patch_where_used_is_not_reported(make_module: Maker) -> None:
    home = make_module()
    fetch = _defined_in(home)
    user = make_module(fetch=fetch)
    with patch_hygiene(unused=False), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with mockkit.patch.object(user, "fetch"):
            pass
    assert _hygiene_warnings(caught) == []


def test_bound_elsewhere_needs_the_definition(make_module: Maker) -> None:
    home = make_module()
    fetch = _defined_in(home)
    user = make_module(fetch=fetch, alias=fetch)
    assert bound_elsewhere(home, "fetch", fetch) == [
        f"{user.__name__}.alias",
        f"{user.__name__}.fetch",
    ]
    assert bound_elsewhere(user, "fetch", fetch) == []
    assert bound_elsewhere(home, "fetch", 3) == []


def test_unused_mock_is_reported_when_the_patch_stops(make_module: Maker) -> None:
    home = make_module()
    _defined_in(home)
    with patch_hygiene(bound_elsewhere=False), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with mockkit.patch.object(home, "fetch", return_value=3):
            pass
    [message] = _hygiene_warnings(caught)
    assert f"{home.__name__}.fetch stopped, and the mock it made was never used" in message


@pytest.mark.parametrize(
    "use",
    [
        lambda m: m(),
        lambda m: m.attribute,
        lambda m: m.method(),
        lambda m: m.return_value.x,
        lambda m: len(m),
        lambda m: str(m),
    ],
    ids=["called", "attribute read", "child called", "return value", "len", "str"],
)
def test_used_mock_is_not_reported(make_module: Maker, use: Callable[[Any], Any]) -> None:
    home = make_module()
    _defined_in(home)
    with patch_hygiene(), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with mockkit.patch.object(home, "fetch") as mock:
            use(mock)
    assert _hygiene_warnings(caught) == []


def test_given_replacements_and_autospec(make_module: Maker) -> None:
    home = make_module()
    _defined_in(home)
    with patch_hygiene(), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with mockkit.patch.object(home, "fetch", mockkit.Mock()):
            pass  # given, not made by the patch: the test's business
        with mockkit.patch.object(home, "fetch", autospec=True) as spec_function:
            spec_function()
        with mockkit.patch.object(home, "fetch", autospec=True):
            pass
    [message] = _hygiene_warnings(caught)
    assert "never used" in message


def test_mock_was_used_reads_awaits() -> None:
    import asyncio

    mock = mockkit.AsyncMock()
    assert not mock_was_used(mock)
    asyncio.run(mock())
    assert mock_was_used(mock)
    assert mock_was_used("not a mock")


def test_context_manager_restores_the_run_setting(make_module: Maker) -> None:
    home = make_module()
    _defined_in(home)
    enable_patch_hygiene(unused=False)
    with patch_hygiene():
        pass
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with mockkit.patch.object(home, "fetch"):
            pass
    # unused=False again, as the run had it.
    assert _hygiene_warnings(caught) == []


def test_off_by_default(make_module: Maker) -> None:
    home = make_module()
    _defined_in(home)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with mockkit.patch.object(home, "fetch"):
            pass
    assert caught == []
