"""Run in worker processes by test_pickling: uses a mock it was sent, and sends it back."""

from __future__ import annotations

from typing import Any


def use_client(client: Any) -> Any:
    # The worker sees what the parent recorded, and records more.
    client.get.assert_called_once_with("/users")
    client.post("/users", {"name": "ada"})
    return client
