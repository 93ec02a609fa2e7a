"""Patch hygiene: patches that cannot reach the code under test, and unused mocks."""

from __future__ import annotations

import types
import warnings
from typing import Any, Callable

import pytest

import mockkit
from mock_core import plugins
from mock_extras import (
    PatchHygieneWarning,
    Scope,
    _hygiene,
    bound_elsewhere,
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


def test_bound_elsewhere_compares_by_identity_alone(make_module: Maker) -> None:
    # Module-level objects that claim equality with anything are neither asked nor counted:
    # the search must not run user code, nor report what is only equal.
    asked: list[object] = []

    class EqualToAll:
        def __eq__(self, other: object) -> bool:
            asked.append(other)
            return True

        __hash__ = object.__hash__

    home = make_module()
    fetch = _defined_in(home)
    make_module(anything=EqualToAll(), mocked=mockkit.MagicMock())
    user = make_module(fetch=fetch)
    assert bound_elsewhere(home, "fetch", fetch) == [f"{user.__name__}.fetch"]
    assert asked == []


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


def test_an_inner_scope_has_its_own_options_until_it_stops(make_module: Maker) -> None:
    home = make_module()
    _defined_in(home)
    run = patch_hygiene(unused=False).start()
    try:
        with patch_hygiene(), warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with mockkit.patch.object(home, "fetch"):
                pass
        assert len(_hygiene_warnings(caught)) == 1  # the inner scope's unused=True
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with mockkit.patch.object(home, "fetch"):
                pass
        # unused=False again, as the outer scope has it.
        assert _hygiene_warnings(caught) == []
    finally:
        run.stop()


def _unused_patch_warnings(home: types.ModuleType) -> int:
    """How many hygiene warnings an unused patch of ``home.fetch`` gives now."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with mockkit.patch.object(home, "fetch"):
            pass
    return len(_hygiene_warnings(caught))


def test_patch_hygiene_is_a_scope(make_module: Maker) -> None:
    home = make_module()
    _defined_in(home)
    scope = patch_hygiene()
    assert isinstance(scope, Scope) and not scope.active
    assert _unused_patch_warnings(home) == 0  # made, not started
    assert scope.start() is scope and scope.active
    assert _unused_patch_warnings(home) == 1
    scope.stop()
    assert not scope.active
    assert _unused_patch_warnings(home) == 0
    scope.stop()  # not started: nothing to undo
    assert _hygiene._dispatch not in plugins.patch_listeners()


def test_patch_hygiene_decorates_functions(make_module: Maker) -> None:
    import asyncio

    home = make_module()
    _defined_in(home)
    seen = []

    @patch_hygiene(bound_elsewhere=False)
    def sync_test(value: int) -> int:
        seen.append(_unused_patch_warnings(home))
        return value + 1

    @patch_hygiene(bound_elsewhere=False)
    async def async_test(value: int) -> int:
        seen.append(_unused_patch_warnings(home))
        await asyncio.sleep(0)
        seen.append(_unused_patch_warnings(home))
        return value + 2

    assert sync_test.__name__ == "sync_test" and async_test.__name__ == "async_test"
    assert _unused_patch_warnings(home) == 0
    assert sync_test(1) == 2
    assert asyncio.run(async_test(1)) == 3
    assert seen == [1, 1, 1]
    # On only while each call ran.
    assert _unused_patch_warnings(home) == 0
    assert _hygiene._dispatch not in plugins.patch_listeners()


def test_nested_scopes_keep_hygiene_on_until_both_stop(make_module: Maker) -> None:
    home = make_module()
    _defined_in(home)
    outer, inner = patch_hygiene(), patch_hygiene(bound_elsewhere=False)
    outer.start()
    inner.start()
    outer.stop()  # out of order: the inner one is still started
    assert _unused_patch_warnings(home) == 1
    inner.start()  # one scope, started twice
    inner.stop()
    assert _unused_patch_warnings(home) == 1
    inner.stop()
    assert _unused_patch_warnings(home) == 0
    assert _hygiene._dispatch not in plugins.patch_listeners()


def test_off_by_default(make_module: Maker) -> None:
    home = make_module()
    _defined_in(home)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with mockkit.patch.object(home, "fetch"):
            pass
    assert caught == []
