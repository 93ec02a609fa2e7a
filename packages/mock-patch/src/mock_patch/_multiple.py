"""``patch.multiple``: several attributes of one target patched by a single patcher.

The first attribute goes to the main patcher and the others to its ``additional_patchers``;
each knows its keyword name (``attribute_name``), which makes the patcher hand the mocks it
creates (for ``DEFAULT`` values) to a decorated function as keyword arguments, or return
them as a dict from ``with`` and ``start()``.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from functools import partial

from mock_patch._patcher import _patch
from mock_patch._target import _importer

# typing is only needed by type checkers; importing it at run time would cost more than the
# rest of this package.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

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
    """Perform multiple patches in a single call.

    ``target`` is the object to patch, or the dotted name of one (imported when the patch
    starts); each keyword argument names an attribute and gives its new value, ``DEFAULT``
    for a created mock. ``spec``, ``create``, ``spec_set``, ``autospec`` and
    ``new_callable`` apply to every attribute.

    .. versionadded:: 0.1.0
    """
    getter: Callable[[], Any]
    # Exactly str: an instance of a str subclass is an object to patch, not a name.
    if type(target) is str:
        getter = partial(_importer, target)
    else:

        def getter() -> Any:
            return target

    if not kwargs:
        raise ValueError("Must supply at least one keyword argument with patch.multiple")
    items = list(kwargs.items())
    attribute, new = items[0]
    patcher = _patch(getter, attribute, new, spec, create, spec_set, autospec, new_callable, {})
    patcher.attribute_name = attribute
    for attribute, new in items[1:]:
        this_patcher = _patch(
            getter, attribute, new, spec, create, spec_set, autospec, new_callable, {}
        )
        this_patcher.attribute_name = attribute
        patcher.additional_patchers.append(this_patcher)
    return patcher
