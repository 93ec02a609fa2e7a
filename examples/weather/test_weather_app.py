"""Tests of the weather app, written against ``unittest.mock`` as usual.

run_demo.py runs them with mockkit switched in as ``unittest.mock``; they do not mention
mockkit except to show that the switch is on.
"""

from __future__ import annotations

import json
import sys
import unittest
from unittest import mock

import weather_app


def checked(what: str) -> None:
    """Tell the person watching the demo what was just verified."""
    print(f"  checked: {what}")
    sys.stdout.flush()


class SwitchTest(unittest.TestCase):
    def test_unittest_mock_is_mockkit(self) -> None:
        import mockkit

        self.assertIs(mock, mockkit)
        checked(f"`from unittest import mock` gives mockkit {mockkit.__version__}")


class FetchTest(unittest.TestCase):
    def test_fetch_reads_the_api_through_a_patched_http_client(self) -> None:
        body = json.dumps({"temp": 21.5, "summary": "light rain"}).encode()
        with mock.patch("urllib.request.urlopen") as urlopen:
            # urlopen() is used as a context manager: configure what __enter__ returns.
            urlopen.return_value.__enter__.return_value.read.return_value = body
            conditions = weather_app.fetch_current("São Paulo", timeout=2.0)
        self.assertEqual(conditions, {"temp": 21.5, "summary": "light rain"})
        urlopen.assert_called_once_with(
            "https://weather.example.invalid/v1/current?city=S%C3%A3o%20Paulo", timeout=2.0
        )
        urlopen.return_value.__exit__.assert_called_once()
        checked("fetch_current quotes the city, calls the patched urlopen, parses its JSON")


class ReporterTest(unittest.TestCase):
    def setUp(self) -> None:
        self.store = mock.create_autospec(weather_app.ReportStore, instance=True)
        self.fetch = mock.Mock(return_value={"temp": -3, "summary": "snow"})

    def test_report_is_saved_through_an_autospecced_store(self) -> None:
        reporter = weather_app.Reporter(self.store, fetch=self.fetch)
        self.assertEqual(reporter.report("Oslo"), "Oslo: -3.0 °C, snow")
        self.fetch.assert_called_once_with("Oslo")
        self.store.save.assert_called_once_with("Oslo", "Oslo: -3.0 °C, snow")
        # Autospec binds calls to the real signature: keywords match positionals...
        self.store.save.assert_called_once_with(city="Oslo", report="Oslo: -3.0 °C, snow")
        # ...and misuse fails like the real class would.
        with self.assertRaises(TypeError):
            self.store.save("Oslo")
        with self.assertRaises(AttributeError):  # not a ReportStore method
            self.store.delete_everything  # noqa: B018
        checked("Reporter saves through an autospecced ReportStore; bad calls raise TypeError")

    def test_store_is_written_while_the_lock_is_held(self) -> None:
        lock = mock.MagicMock()
        held = []
        self.store.save.side_effect = lambda *args: held.append(
            lock.__enter__.called and not lock.__exit__.called
        )
        weather_app.Reporter(self.store, fetch=self.fetch, lock=lock).report("Lima")
        self.assertEqual(held, [True])
        lock.__enter__.assert_called_once_with()
        lock.__exit__.assert_called_once_with(None, None, None)
        checked("a MagicMock context manager saw the save happen between __enter__ and __exit__")


class WriteReportTest(unittest.TestCase):
    def test_report_file_is_written_with_mock_open(self) -> None:
        opener = mock.mock_open()
        with mock.patch("builtins.open", opener):
            weather_app.write_report("oslo.txt", "Oslo: -3.0 °C, snow")
        opener.assert_called_once_with("oslo.txt", "w", encoding="utf-8")
        opener().write.assert_called_once_with("Oslo: -3.0 °C, snow\n")
        checked("write_report opens the file for writing and writes one line (mock_open)")


if __name__ == "__main__":
    unittest.main()
