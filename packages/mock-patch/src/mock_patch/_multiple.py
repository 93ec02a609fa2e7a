"""``patch.multiple``: several attributes of one target patched by a single patcher.

The first attribute goes to the main patcher and the others to its ``additional_patchers``;
each knows its keyword name (``attribute_name``), which makes the patcher hand the mocks it
creates (for ``DEFAULT`` values) to a decorated function as keyword arguments, or return
them as a dict from ``with`` and ``start()``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from mock_patch import _messages as messages
from mock_patch._patcher import _patch
from mock_patch._target import _owner_getter

# typing is only needed by type checkers; importing it at run time would cost more than the
# rest of this package.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

__all__ = ["_patch_multiple"]


def _patch_multiple(
    target: Any,
    spec: Any = None,
    create: bool = False,
    spec_set: Any = None,
    autospec: Any = None,
    new_callable: Any = None,
    **kwargs: Any,
) -> _patch:
    """Replace several attributes of one target together, one keyword argument each.

    ``target`` is the object or its dotted name (imported when the patch starts). Each
    keyword names an attribute and gives its replacement; ``DEFAULT`` asks for a created
    mock. ``spec``, ``create``, ``spec_set``, ``autospec`` and ``new_callable`` apply to
    all of them.

    .. versionadded:: 0.1.0
    """
    getter = _owner_getter(target)
    if not kwargs:
        raise ValueError(messages.MULTIPLE_WITHOUT_KEYWORDS)

    # One patcher per keyword, in keyword order. Each knows its keyword (attribute_name), under
    # which it hands over the mock it creates; the first leads and carries the others.
    patchers = []
    for attribute, new in kwargs.items():
        made = _patch(getter, attribute, new, spec, create, spec_set, autospec, new_callable, {})
        made.attribute_name = attribute
        patchers.append(made)
    lead = patchers[0]
    lead.additional_patchers = patchers[1:]
    return lead
