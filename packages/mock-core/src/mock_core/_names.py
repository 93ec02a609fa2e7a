"""Dunder names the language gives meaning to, and the names mocks guard.

mock-core does not own the magic-method tables (mock-magic does); it only needs
to recognise a special method name well enough to say which package to install.
"""

from __future__ import annotations

__all__ = [
    "ALLOWED_NAMES",
    "ASSERT_PREFIXES",
    "ATTRIB_DENY_LIST",
    "LANGUAGE_DUNDERS",
    "LINK_NAMES",
    "REFUSED_DUNDERS",
    "is_dunder",
]

# Attribute names that bypass a mock's own attribute rules when set.
ALLOWED_NAMES = frozenset(
    {
        "return_value", "_mock_return_value", "side_effect", "_mock_side_effect",
        "_mock_parent", "_mock_new_parent", "_mock_name", "_mock_new_name",
        "called", "call_count", "call_args", "call_args_list", "mock_calls",
        "await_count", "await_args", "await_args_list",
    }
)  # fmt: skip

# The links that place a mock in its tree (attribute parent and name, recording parent and
# name); where a call is recorded depends on them.
LINK_NAMES = frozenset(("_mock_parent", "_mock_new_parent", "_mock_name", "_mock_new_name"))

ASSERT_PREFIXES = ("assert", "assret", "asert", "aseert", "assrt")
ATTRIB_DENY_LIST = frozenset(
    {"called", "called_once", "called_once_with", "called_with", "has_calls", "any_call",
     "not_called"}
)  # fmt: skip

_OPERATORS = ("add sub mul matmul truediv floordiv mod divmod pow lshift rshift and xor or").split()

LANGUAGE_DUNDERS = frozenset(
    {
        f"__{n}__"
        for n in (
            "lt gt le ge eq ne hash str repr bool len iter next reversed contains getitem "
            "setitem delitem missing enter exit aenter aexit aiter anext int float complex "
            "index round trunc floor ceil neg pos abs invert sizeof fspath format dir get set "
            "delete reduce reduce_ex getstate setstate getnewargs getnewargs_ex "
            "getinitargs subclasses getformat"
        ).split()
    }
    | {f"__{op}__" for op in _OPERATORS}
    | {f"__r{op}__" for op in _OPERATORS}
    | {f"__i{op}__" for op in _OPERATORS}
)


# Refused as magic methods whatever the tables say; known here so that a mock
# without mock-magic refuses them too, instead of silently storing them.
REFUSED_DUNDERS = frozenset(
    {"__getattr__", "__setattr__", "__init__", "__new__", "__prepare__", "__instancecheck__",
     "__subclasscheck__", "__del__"}
)  # fmt: skip


def is_dunder(name: str) -> bool:
    return len(name) > 4 and name[:2] == "__" and name[-2:] == "__"
