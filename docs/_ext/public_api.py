"""How the reference pages present the mock API: public signatures, no first-release notes.

What autodoc would show by itself is what Python reports, and for mocks that is not what a
user calls: a mock class's constructor shows as ``(*args, **kw)`` (its ``__new__``, which takes
anything), ``create_autospec`` lists the ``_parent`` and ``_name`` it uses for itself, and every
default and return value carries a ``: Any`` annotation. This extension, for the names of the
mock API (the names of mock-core, mock-magic, mock-spec and mock-patch and their methods, not
the typed plugin API of ``mock_core.plugins``), shows instead:

- for a class, the parameters its constructors really accept: the ``__init__`` methods met
  along the MRO, as far as each one passes ``*args`` or ``**kwargs`` on to the next
  (``ThreadingMock`` adds ``timeout`` and passes the rest to ``Mock``, ``Mock`` passes extra
  keywords to ``NonCallableMock``, which takes ``unsafe``); a mixin (``...Mixin``) shows no
  parameters, since what it accepts depends on the class it is mixed into;
- without the private parameters: names that start with ``_``, ``parent`` of a mock class
  (set by the mock that makes a child) and ``visited`` of ``reset_mock`` (its guard against
  cycles). A parameter after a hidden one can then only be given by keyword, and shows so;
- without annotations and return annotations, and with ``DEFAULT`` for the ``DEFAULT``
  sentinel; a default that is a private marker (``timeout`` of ``ThreadingMock``: "not
  given") shows as ``...``.

It also drops ``.. versionadded::`` notes for the first release from docstrings: everything
in 0.1.0 was added in 0.1.0, so only what came later is marked.

``public_signature`` works on any object, the standard library's ``unittest.mock`` too
(``tests/docs`` compares the two); it does not import Sphinx.
"""

from __future__ import annotations

import inspect
import re
from typing import Any

# The packages whose names are unittest.mock's API; mock_core.plugins (like mockkit.swap,
# which is mockkit's own) keeps its annotations: there the types say what to pass.
API_MODULES = ("mock_core", "mock_magic", "mock_spec", "mock_patch")
TYPED_MODULES = ("mock_core.plugins",)
FIRST_RELEASE = "0.1.0"

P = inspect.Parameter
_KIND_ORDER = [
    P.POSITIONAL_ONLY,
    P.POSITIONAL_OR_KEYWORD,
    P.VAR_POSITIONAL,
    P.KEYWORD_ONLY,
    P.VAR_KEYWORD,
]


class _Shown:
    """A default as the reference writes it (``DEFAULT``, ``...``), not as its repr."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Shown) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)


def _is_mock_class(cls: type) -> bool:
    return any(klass.__name__ == "NonCallableMock" for klass in cls.__mro__)


def _hidden(name: str, owner: Any) -> bool:
    """Whether parameter ``name`` of ``owner`` (a class, or a function) is private."""
    if name.startswith("_"):
        return True
    if isinstance(owner, type):
        return name == "parent" and _is_mock_class(owner)
    return name == "visited" and getattr(owner, "__name__", "") == "reset_mock"


def _shown_default(value: Any) -> Any:
    """``DEFAULT`` by name; private markers as ``...``; anything else as it is."""
    if value is P.empty:
        return value
    kind = type(value)
    if kind.__name__ == "_SentinelObject":
        # DEFAULT is public; other sentinels of the mock modules are private markers.
        return _Shown("DEFAULT" if getattr(value, "name", None) == "DEFAULT" else "...")
    if kind is object:
        return _Shown("...")
    return value


def _tidy(parameters: list[inspect.Parameter], owner: Any) -> inspect.Signature:
    """A signature of the public ``parameters``, without annotations."""
    shown: list[inspect.Parameter] = []
    keyword_only = False  # once a positional parameter is hidden, later ones are keyword-only
    for param in parameters:
        if _hidden(param.name, owner):
            if param.kind in (P.POSITIONAL_ONLY, P.POSITIONAL_OR_KEYWORD):
                if param.default is P.empty:
                    raise ValueError(f"{owner!r}: private parameter {param.name} is required")
                keyword_only = True
            continue
        kind = param.kind
        if keyword_only and kind is P.POSITIONAL_OR_KEYWORD:
            kind = P.KEYWORD_ONLY
        if keyword_only and kind is P.POSITIONAL_ONLY:
            continue  # unreachable by the caller
        shown.append(
            param.replace(kind=kind, default=_shown_default(param.default), annotation=P.empty)
        )
    shown.sort(key=lambda param: _KIND_ORDER.index(param.kind))
    return inspect.Signature(shown)


def constructor_parameters(cls: type) -> list[inspect.Parameter]:
    """Every parameter ``cls(...)`` accepts, private ones included.

    Follows the ``__init__`` methods along the MRO while each passes ``*args`` or
    ``**kwargs`` on; a parameter first met after an ``__init__`` that takes no ``*args`` can
    only be reached by keyword.
    """
    found: dict[str, inspect.Parameter] = {}
    positional = True
    var_positional = var_keyword = None
    for klass in cls.__mro__:
        init = klass.__dict__.get("__init__")
        if init is None or klass is object:
            continue
        params = list(inspect.signature(init).parameters.values())[1:]  # without self
        takes_args = takes_kwargs = None
        for param in params:
            if param.kind is P.VAR_POSITIONAL:
                takes_args = param
            elif param.kind is P.VAR_KEYWORD:
                takes_kwargs = param
            elif param.name not in found:
                if not positional and param.kind is P.POSITIONAL_ONLY:
                    continue
                if not positional and param.kind is P.POSITIONAL_OR_KEYWORD:
                    param = param.replace(kind=P.KEYWORD_ONLY)
                found[param.name] = param
        positional = positional and takes_args is not None
        var_positional, var_keyword = takes_args, takes_kwargs
        if takes_args is None and takes_kwargs is None:
            break
    result = list(found.values())
    # What the last __init__ reached still takes on (to object.__init__, or for itself).
    if positional and var_positional is not None:
        result.append(var_positional.replace(name="args"))
    if var_keyword is not None:
        result.append(var_keyword.replace(name="kwargs"))
    return result


def public_signature(obj: Any) -> inspect.Signature | None:
    """The signature the reference shows for ``obj``; None where it shows no parameters."""
    if isinstance(obj, type):
        if obj.__name__.endswith("Mixin"):
            return None
        return _tidy(constructor_parameters(obj), obj)
    try:
        signature = inspect.signature(obj)
    except (TypeError, ValueError):
        return None
    return _tidy(list(signature.parameters.values()), obj)


def _in_api(name: str) -> bool:
    if any(name == typed or name.startswith(typed + ".") for typed in TYPED_MODULES):
        return False
    return name.split(".", 1)[0] in API_MODULES


def _process_signature(
    app: Any,
    what: str,
    name: str,
    obj: Any,
    options: Any,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str, str] | None:
    if what not in ("class", "function", "method") or not _in_api(name):
        return None
    if what == "class" and issubclass(obj, BaseException):
        return None
    shown = public_signature(obj)
    if shown is None:
        return "", ""
    if what == "method":
        params = list(shown.parameters.values())
        if params and params[0].name == "self":
            shown = shown.replace(parameters=params[1:])
    return str(shown), ""


_FIRST_RELEASE_NOTE = re.compile(rf"^(\s*)\.\. versionadded:: {re.escape(FIRST_RELEASE)}\s*$")


def drop_first_release_notes(lines: list[str]) -> None:
    """Remove ``versionadded`` notes for the first release (with any indented text of theirs)."""
    kept: list[str] = []
    note_indent: int | None = None
    for line in lines:
        indent = len(line) - len(line.lstrip())
        if note_indent is not None:
            if not line.strip() or indent > note_indent:
                continue  # the note's own text
            note_indent = None
        match = _FIRST_RELEASE_NOTE.match(line)
        if match:
            note_indent = len(match.group(1))
            continue
        if line.strip() or (kept and kept[-1].strip()):
            kept.append(line)  # no doubled blank lines where a note was
    while kept and not kept[-1].strip():
        kept.pop()
    lines[:] = kept


def _process_docstring(
    app: Any, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    drop_first_release_notes(lines)


def setup(app: Any) -> dict[str, Any]:
    app.setup_extension("sphinx.ext.autodoc")
    app.connect("autodoc-process-signature", _process_signature)
    app.connect("autodoc-process-docstring", _process_docstring)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
