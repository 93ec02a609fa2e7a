"""A small weather application: the code the demo's tests check.

It fetches current conditions over HTTP with urllib, formats a one-line report, stores it
through a ReportStore while holding a lock, and can write the report to a file.
"""

from __future__ import annotations

import json
import threading
import urllib.parse
import urllib.request
from typing import Any, Callable, ContextManager

API = "https://weather.example.invalid/v1/current?city={city}"


def fetch_current(city: str, *, timeout: float = 5.0) -> dict[str, Any]:
    """Fetch the current conditions for ``city`` from the weather API."""
    url = API.format(city=urllib.parse.quote(city))
    with urllib.request.urlopen(url, timeout=timeout) as response:
        conditions: dict[str, Any] = json.load(response)
    return conditions


class ReportStore:
    """Where reports go (a database in real life)."""

    def save(self, city: str, report: str) -> None:
        """Store ``report`` as the latest one for ``city``."""
        raise NotImplementedError("talks to the database")

    def latest(self, city: str) -> str | None:
        """The latest report stored for ``city``."""
        raise NotImplementedError("talks to the database")


class Reporter:
    """Builds reports from the weather API and saves them."""

    def __init__(
        self,
        store: ReportStore,
        fetch: Callable[[str], dict[str, Any]] = fetch_current,
        lock: ContextManager[Any] | None = None,
    ) -> None:
        self.store = store
        self.fetch = fetch
        self.lock = lock if lock is not None else threading.Lock()

    def report(self, city: str) -> str:
        """Fetch, format and save the report for ``city``; return it."""
        conditions = self.fetch(city)
        text = f"{city}: {conditions['temp']:.1f} °C, {conditions['summary']}"
        with self.lock:  # one writer at a time
            self.store.save(city, text)
        return text


def write_report(path: str, text: str) -> None:
    """Write ``text`` to the file at ``path``."""
    with open(path, "w", encoding="utf-8") as out:
        out.write(text + "\n")
