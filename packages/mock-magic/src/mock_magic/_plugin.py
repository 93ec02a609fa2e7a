"""Registration of mock-magic into mock-core's plugin points."""

from __future__ import annotations

from mock_core.plugins import (
    MagicTable,
    add_call_observer,
    add_child_class_rule,
    register_magic_table,
)

__all__ = ["register"]

_done = False


def register() -> None:
    """Install the magic tables, child-class rules and ThreadingMock's observer (idempotent).

    .. versionadded:: 0.1.0
    """
    global _done
    if _done:
        return
    _done = True
    from ._rules import rules
    from ._tables import _all_magics, _unsupported_magics, make_method
    from ._threading import ThreadingMixin, observe_call

    register_magic_table(
        MagicTable(frozenset(_all_magics), frozenset(_unsupported_magics), make_method)
    )
    from ._rules import _spec_async_rule

    for rule, owner in rules():
        # The spec rule only matters for mocks with a spec object; saying so keeps
        # plain mocks' first attribute access on mock-core's fast path.
        add_child_class_rule(rule, owner, spec_only=rule is _spec_async_rule)
    add_call_observer(observe_call, ThreadingMixin, after=True)
