"""Scratch modules for the staging tests, and no feature left switched on after a test."""

from __future__ import annotations

import itertools
import sys
import types
from typing import Any, Callable, Iterator

import mock_extras
import pytest

_counter = itertools.count()


@pytest.fixture
def make_module() -> Iterator[Callable[..., types.ModuleType]]:
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
    yield
    mock_extras.disable_patch_hygiene()
    while mock_extras.is_picklable(mock_extras._pickling.NonCallableMock()):
        mock_extras.disable_picklable_mocks()
