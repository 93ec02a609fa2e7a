"""Patching the class of a mock reaches that mock alone, and stopping undoes it, as in the
standard library (each mock has a class of its own; see mock_core._classes).

The same steps run against ``unittest.mock`` and against mockkit's packages: both must
observe what the test expects (this behaviour is the same in every supported version of the
standard library).
"""

from __future__ import annotations

import unittest.mock as std
from types import SimpleNamespace
from typing import Any

import pytest

import mock_core
import mock_magic
import mock_patch

KIT = SimpleNamespace(
    Mock=mock_core.Mock,
    MagicMock=mock_magic.MagicMock,
    PropertyMock=mock_core.PropertyMock,
    patch=mock_patch.patch,
)
MODULES = [pytest.param(std, id="unittest.mock"), pytest.param(KIT, id="mockkit")]


def kind_or_value(value: Any) -> Any:
    return type(value).__name__ if hasattr(type(value), "_mock_return_value") else value


def patch_object_with_new_callable(M: Any) -> Any:
    c, d = M.MagicMock(), M.MagicMock()
    with M.patch.object(type(c), "s", new_callable=M.PropertyMock, create=True) as prop:
        prop.return_value = 5
        during = (c.s, kind_or_value(d.s), prop.call_count)
    return during, kind_or_value(c.s), hasattr(type(c), "s")


def patch_object_with_a_value(M: Any) -> Any:
    c, d = M.Mock(), M.Mock()
    with M.patch.object(type(c), "__len__", lambda self: 9, create=True):
        during = len(c), hasattr(type(d), "__len__")
    return during, hasattr(type(c), "__len__")


def patch_started_and_stopped(M: Any) -> Any:
    c, d = M.MagicMock(), M.MagicMock()
    patcher = M.patch.object(type(c), "__str__", new=lambda self: "patched")
    patcher.start()
    during = str(c), str(d) == "patched"
    patcher.stop()
    return during, str(c) == "patched", type(c).__str__ is c.__str__


@pytest.mark.parametrize("M", MODULES)
@pytest.mark.parametrize(
    ("scenario", "expected"),
    [
        (patch_object_with_new_callable, ((5, "MagicMock", 1), "MagicMock", False)),
        (patch_object_with_a_value, ((9, False), False)),
        (patch_started_and_stopped, (("patched", False), False, True)),
    ],
    ids=["new_callable", "value", "start_stop"],
)
def test_patching_a_mocks_class(M: Any, scenario: Any, expected: Any) -> None:
    assert scenario(M) == expected


@pytest.mark.parametrize("M", MODULES)
def test_monkeypatching_a_mocks_class(M: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    c, d = M.MagicMock(), M.MagicMock()
    monkeypatch.setattr(type(c), "s", M.PropertyMock(return_value=1), raising=False)
    assert c.s == 1
    assert kind_or_value(d.s) == "MagicMock"
    monkeypatch.undo()
    assert kind_or_value(c.s) == "MagicMock"
    assert not hasattr(type(c), "s")
