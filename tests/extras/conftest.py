"""mock-extras with the whole of mockkit: patch hygiene needs mock-patch's patch events, and
picklable mocks are tried on every kind of mock. These run where every package is installed
(the conformance sessions); mock-extras' own tests run with mock-core alone."""

from __future__ import annotations

import itertools
import sys
import types
from typing import Any, Callable, Iterator

import pytest

_counter = itertools.count()


@pytest.fixture
def make_module() -> Iterator[Callable[..., types.ModuleType]]:
    """Scratch modules in sys.modules, gone after the test."""
    names: list[str] = []

    def make(**attributes: Any) -> types.ModuleType:
        name = f"mock_extras_scratch_{next(_counter)}"
        module = types.ModuleType(name)
        module.__dict__.update(attributes)
        sys.modules[name] = module
        names.append(name)
        return module

    yield make
    for name in names:
        sys.modules.pop(name, None)


@pytest.fixture(autouse=True)
def _switched_off() -> Iterator[None]:
    # Each test stops the scopes it starts; one that did not would change the next tests.
    from mock_extras._features import stop_all

    yield
    started = stop_all()
    assert not started, f"features left on: {', '.join(started)}"
