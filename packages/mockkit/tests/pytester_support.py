"""Shared by the pytest-plugin tests: how to run pytest on generated files with the plugin."""

from __future__ import annotations

from importlib import metadata

import pytest

# The plugin's lazily imported modules, imported here once and for all: pytester's in-process
# runs forget modules first imported inside them, and a module imported again in a later run
# would bring classes that are equal in name only.
from _mockkit_pytest import _diff, _fixtures  # noqa: F401
from mockkit._pytest import _mocker, _spy  # noqa: F401

__all__ = ["BARE", "PLUGIN_ARGS", "QUIET", "pytest_mock_installed", "plugin_installed", "run"]


def plugin_installed() -> bool:
    """Whether mockkit's pytest11 entry point is installed (nox and editable installs)."""
    found = metadata.entry_points(group="pytest11")
    return any(entry.value == "_mockkit_pytest" for entry in found)


def pytest_mock_installed() -> bool:
    """Whether the real pytest-mock is installed."""
    try:
        metadata.distribution("pytest-mock")
    except metadata.PackageNotFoundError:
        return False
    return True


# From a source checkout on sys.path there is no entry point: name the plugin instead.
PLUGIN_ARGS: tuple[str, ...] = () if plugin_installed() else ("-p", "mockkit.pytest_plugin")


# Plugins of the outer environment that the generated tests must not see. hypothesis's
# would import unittest.mock in the in-process runs on some Pythons; pytest-mock, if
# installed, would make ours stand aside (the tests about that ask for it explicitly).
QUIET = ("-p", "no:cacheprovider", "-p", "no:hypothesispytest", "-p", "no:pytest_mock")
BARE = QUIET[:4]


def run(pytester: pytest.Pytester, *args: str, subprocess: bool = False) -> pytest.RunResult:
    """Run pytest on the pytester directory with the plugin and without :data:`QUIET`'s."""
    arguments = (*PLUGIN_ARGS, *QUIET, *args)
    if subprocess:
        return pytester.runpytest_subprocess(*arguments)
    return pytester.runpytest_inprocess(*arguments)
