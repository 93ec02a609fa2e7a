"""The API reference shows what a user calls: the public parameters, as in the standard library.

Left to itself, autodoc shows ``Mock(*args, **kw)`` (the ``__new__`` that takes anything),
private parameters such as ``_parent`` and ``_new_parent``, and "Added in version 0.1.0"
under every name. ``docs/_ext/public_api.py`` decides what the reference shows instead:

- on every interpreter, what it shows for mockkit's public names must equal what it derives,
  the same way, from that interpreter's own ``unittest.mock``;
- after a build (``nox -s docs`` runs this module with ``MOCKKIT_DOCS_HTML`` naming the built
  HTML; elsewhere those tests skip), the pages must show exactly that, document every public
  name, show nothing private and no note for the first release.
"""

from __future__ import annotations

import importlib.util
import inspect
import os
import re
import sys
import unittest.mock
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import mockkit

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("mock_core", "mock_magic", "mock_spec", "mock_patch")


def _load_extension() -> Any:
    spec = importlib.util.spec_from_file_location(
        "public_api", ROOT / "docs" / "_ext" / "public_api.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


public_api = _load_extension()

# The callables of unittest.mock's public API, by the name a user writes.
PATCH_HELPERS = ["patch.object", "patch.dict", "patch.multiple", "patch.stopall"]
CALLABLES = [
    name
    for name in [*unittest.mock.__all__, "ThreadingMock"]
    if name not in ("call", "sentinel", "ANY", "DEFAULT", "FILTER_DIR")
]
CALLABLES = sorted(set(CALLABLES)) + PATCH_HELPERS


def _lookup(module: Any, dotted: str) -> Any:
    obj = module
    for part in dotted.split("."):
        obj = getattr(obj, part)
    return obj


def _shown(obj: Any) -> str:
    signature = public_api.public_signature(obj)
    return "" if signature is None else str(signature)


@pytest.mark.parametrize("name", CALLABLES)
def test_public_parameters_are_the_standard_librarys(name: str) -> None:
    if not hasattr(unittest.mock, name.split(".")[0]):
        pytest.skip(f"unittest.mock of Python {sys.version_info[:2]} has no {name}")
    ours = _shown(_lookup(mockkit, name))
    theirs = _shown(_lookup(unittest.mock, name))
    assert ours == theirs


@pytest.mark.parametrize("name", CALLABLES)
def test_nothing_private_is_shown(name: str) -> None:
    obj = _lookup(mockkit, name)
    signature = public_api.public_signature(obj)
    assert signature is not None
    names = list(signature.parameters)
    assert not [n for n in names if n.startswith("_")]
    if isinstance(obj, type):
        assert "parent" not in names
        assert "args" not in names  # a mock class takes named parameters, not *args


def test_mock_shows_its_real_parameters() -> None:
    assert _shown(mockkit.Mock) == (
        "(spec=None, side_effect=None, return_value=DEFAULT, wraps=None, name=None,"
        " spec_set=None, *, unsafe=False, **kwargs)"
    )
    assert _shown(mockkit.create_autospec) == (
        "(spec, spec_set=False, instance=False, *, unsafe=False, **kwargs)"
    )
    assert _shown(mockkit.ThreadingMock).endswith("*, timeout=..., unsafe=False, **kwargs)")


def test_what_is_shown_positionally_is_taken_positionally() -> None:
    # The parameters shown before "*" are the constructor's first positional ones.
    signature = public_api.public_signature(mockkit.Mock)
    positional = [
        name
        for name, param in signature.parameters.items()
        if param.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    ]
    values = {"name": "shown", "return_value": 7}
    mock = mockkit.Mock(*[values.get(name) for name in positional])
    assert "shown" in repr(mock) and mock() == 7


def test_first_release_notes_are_dropped_later_ones_kept() -> None:
    lines = [
        "Do a thing.",
        "",
        ".. versionadded:: 0.1.0",
        "",
        "More about it.",
        "",
        ".. versionadded:: 0.2.0",
        "   With a note.",
        "",
        ".. versionadded:: 0.1.0",
        "   Its own text goes too.",
        "",
    ]
    public_api.drop_first_release_notes(lines)
    assert lines == [
        "Do a thing.",
        "",
        "More about it.",
        "",
        ".. versionadded:: 0.2.0",
        "   With a note.",
    ]


# -- the built pages ---------------------------------------------------------------------

BUILT = os.environ.get("MOCKKIT_DOCS_HTML")
built = pytest.mark.skipif(not BUILT, reason="needs MOCKKIT_DOCS_HTML (nox -s docs sets it)")


class _Signatures(HTMLParser):
    """``{id: text}`` of the object descriptions (``<dt class="sig" id=...>``) of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: dict[str, str] = {}
        self._id: str | None = None
        self._depth = 0
        self._text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if self._id is None:
            if tag == "dt" and "sig" in classes and attributes.get("id"):
                self._id, self._depth, self._text = attributes["id"], 1, []
            return
        self._depth += 1
        if self._skip or "headerlink" in classes:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if self._id is None:
            return
        self._depth -= 1
        if self._skip:
            self._skip -= 1
        if self._depth == 0:
            self.found[self._id] = re.sub(r"\s+", " ", "".join(self._text)).strip()
            self._id = None

    def handle_data(self, data: str) -> None:
        if self._id is not None and not self._skip:
            self._text.append(data)


def _pages() -> dict[str, str]:
    assert BUILT is not None
    reference = Path(BUILT) / "reference"
    return {page.stem: page.read_text(encoding="utf-8") for page in reference.glob("*.html")}


def _signatures() -> dict[str, str]:
    found: dict[str, str] = {}
    for html in _pages().values():
        parser = _Signatures()
        parser.feed(html)
        found.update(parser.found)
    return found


def _home(name: str) -> str:
    """The documented id of a public name: ``Mock`` -> ``mock_core.Mock``."""
    top = name.split(".")[0]
    for package in PACKAGES:
        if top in importlib.import_module(package).__all__:
            return f"{package}.{name}"
    raise AssertionError(f"{name} is in no package's __all__")


@built
def test_built_reference_documents_every_public_name() -> None:
    shown = _signatures()
    expected = [
        f"{package}.{name}"
        for package in PACKAGES
        for name in importlib.import_module(package).__all__
        if name != "plugins"  # documented as a module (mock_core.plugins)
    ]
    assert [name for name in expected if name not in shown] == []


@built
@pytest.mark.parametrize("name", CALLABLES)
def test_built_reference_shows_the_public_signature(name: str) -> None:
    shown = _signatures()[_home(name)]
    assert shown.endswith(name.split(".")[-1] + _shown(_lookup(mockkit, name))), shown


@built
def test_built_reference_hides_private_parameters() -> None:
    private = re.compile(r"[(,] ?\*{0,2}_\w+|\b_new_parent\b|\b_spec_state\b")
    leaks = {id_: text for id_, text in _signatures().items() if private.search(text)}
    assert leaks == {}


@built
def test_built_pages_have_no_first_release_notes() -> None:
    pages = [*Path(BUILT or ".").glob("*.html"), *Path(BUILT or ".").glob("reference/*.html")]
    assert pages
    noted = [page.name for page in pages if "Added in version 0.1.0" in page.read_text()]
    assert noted == []


@built
def test_built_reference_ids_are_the_names_users_write() -> None:
    # ".. py:data:: mock_core.call" under ".. automodule:: mock_core" would make the id (and
    # every link to it) "mock_core.mock_core.call".
    doubled = [id_ for id_ in _signatures() if id_.split(".")[0] in id_.split(".")[1:]]
    assert doubled == []
