"""Module-level settings written through mockkit take effect where they are read."""

from __future__ import annotations

import os
import unittest.mock as stdlib_mock
from collections.abc import Iterator

import pytest

import mock_core
import mock_patch
import mockkit


@pytest.fixture(autouse=True)
def _filter_dir_restored() -> Iterator[None]:
    before = mock_core.FILTER_DIR
    yield
    mock_core.FILTER_DIR = before


def _shows_private_attributes() -> bool:
    return any(name.startswith("_mock_") for name in dir(mockkit.Mock()))


def test_assignment_reaches_mock_core() -> None:
    mockkit.FILTER_DIR = False
    assert mock_core.FILTER_DIR is False
    assert mockkit.FILTER_DIR is False
    assert _shows_private_attributes()
    mockkit.FILTER_DIR = True
    assert mock_core.FILTER_DIR is True
    assert not _shows_private_attributes()


def test_reads_follow_mock_core() -> None:
    mock_core.FILTER_DIR = False
    assert mockkit.FILTER_DIR is False


def test_setting_is_not_a_stale_module_global() -> None:
    assert "FILTER_DIR" not in vars(mockkit)
    assert "FILTER_DIR" in dir(mockkit)


@pytest.mark.parametrize("patch", [mockkit.patch, stdlib_mock.patch], ids=["mockkit", "stdlib"])
def test_patch_object_sets_and_restores(patch: object) -> None:
    with patch.object(mockkit, "FILTER_DIR", False):  # type: ignore[attr-defined]
        assert mock_core.FILTER_DIR is False
        assert _shows_private_attributes()
    assert mock_core.FILTER_DIR is True
    assert mockkit.FILTER_DIR is True
    assert "FILTER_DIR" not in vars(mockkit)


@pytest.mark.parametrize("patch", [mockkit.patch, stdlib_mock.patch], ids=["mockkit", "stdlib"])
def test_patch_by_name(patch: object) -> None:
    with patch("mockkit.FILTER_DIR", False):  # type: ignore[operator]
        assert mock_core.FILTER_DIR is False
    assert mock_core.FILTER_DIR is True


def test_delete_and_restore() -> None:
    del mockkit.FILTER_DIR
    assert not hasattr(mockkit, "FILTER_DIR")
    assert not hasattr(mock_core, "FILTER_DIR")
    with pytest.raises(AttributeError):
        del mockkit.FILTER_DIR
    mockkit.FILTER_DIR = True
    assert mock_core.FILTER_DIR is True


def test_patch_test_prefix_through_mockkit() -> None:
    with mockkit.patch("mockkit.patch.TEST_PREFIX", "check"):
        assert mockkit.patch.TEST_PREFIX == "check"
        assert mock_patch.patch.TEST_PREFIX == "check"

        @mockkit.patch("os.getcwd", return_value="patched")
        class Checks:
            def check_cwd(self, getcwd: object) -> str:
                return os.getcwd()

            def test_cwd(self) -> str:
                return os.getcwd()

        assert Checks().check_cwd() == "patched"
        assert Checks().test_cwd() != "patched"
    assert mockkit.patch.TEST_PREFIX == "test"
