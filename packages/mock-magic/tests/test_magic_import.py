"""Import cost: ``import mock_magic`` loads no asyncio (nor inspect), and no package above it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import mock_core
import mock_magic

SOURCES = [
    str(Path(module.__file__ or "").resolve().parents[1]) for module in (mock_core, mock_magic)
]
WATCHED = ["asyncio", "inspect", "mock_spec", "mock_patch", "mockkit", "unittest.mock"]


def _loaded_after(code: str) -> dict[str, bool]:
    """Which WATCHED modules a fresh interpreter has loaded after running ``code``."""
    script = textwrap.dedent(code) + textwrap.dedent(
        f"""
        import json, sys
        print(json.dumps({{name: name in sys.modules for name in {WATCHED!r}}}))
        """
    )
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    environment["PYTHONPATH"] = os.pathsep.join(SOURCES)
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    loaded: dict[str, bool] = json.loads(done.stdout.splitlines()[-1])
    return loaded


def test_import_loads_no_asyncio_inspect_or_upper_layers() -> None:
    loaded = _loaded_after("import mock_magic")
    assert not any(loaded.values()), loaded


def test_making_and_using_mocks_loads_no_asyncio() -> None:
    loaded = _loaded_after(
        """
        import mock_magic
        mock = mock_magic.MagicMock()
        int(mock); len(mock); str(mock); list(mock); mock.child(1)
        with mock:
            pass
        async_mock = mock_magic.AsyncMock()
        async_mock.child
        async_mock.__aenter__
        mock_magic.ThreadingMock()(1)
        mock_magic.mock_open(read_data="x")().read()
        """
    )
    assert not loaded["asyncio"], loaded
    assert not any(loaded[name] for name in ("mock_spec", "mock_patch", "mockkit"))


def test_async_mocks_work_once_asyncio_is_used() -> None:
    loaded = _loaded_after(
        """
        import asyncio, inspect
        import mock_magic
        mock = mock_magic.AsyncMock(return_value=3)
        assert asyncio.iscoroutinefunction(mock)
        assert asyncio.run(mock()) == 3
        mock.assert_awaited_once()
        """
    )
    assert loaded["asyncio"]
