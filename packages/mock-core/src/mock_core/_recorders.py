"""Call recorders: plugins that decide what a call records (see plugins.add_call_recorder).

A mock class with recorders is given a call path of its own (_callable._recording_call, chosen
by _choose_call), so the paths every other mock takes (fused, step-by-step, async) have nothing
to check. There the recorders run once per call, before anything is recorded; what they
return is recorded everywhere the call leaves a trace (the mock, its ancestors, the observers,
the await records), while the side effect, the wrapped object and the return value get the
caller's own arguments.
"""

from __future__ import annotations

from ._call import _Call
from ._validation import describe

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: it would double the import cost
    from typing import Any

__all__ = ["RECORDED", "record_through"]

_new_call = tuple.__new__


class _Marker:
    __slots__ = ()

    def __repr__(self) -> str:
        return "<recorded call>"


#: Put first in the arguments of AsyncMockMixin._execute_mock_call, followed by the call as
#: recorded, so that the await is recorded as the call was. Only mock-core passes it, and
#: only to its own _execute_mock_call; an override gets the caller's arguments.
RECORDED: Any = _Marker()


def record_through(
    mock: Any, recorders: tuple[Any, ...], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> _Call:
    """Record the call of ``mock`` as the recorders have it; the (args, kwargs) recorded."""
    for recorder in recorders:
        replaced = recorder(mock, args, kwargs)
        if replaced is None:
            continue
        # Checked here, not where it would break: a wrong shape must name the recorder.
        if not (
            type(replaced) is tuple
            and len(replaced) == 2
            and isinstance(replaced[0], tuple)
            and isinstance(replaced[1], dict)
        ):
            raise TypeError(
                f"call recorder {describe(recorder)} must return (args, kwargs), a tuple and "
                f"a dict, or None; it returned {type(replaced).__name__}"
            )
        args, kwargs = replaced
    mock._increment_mock_call(*args, **kwargs)
    return _new_call(_Call, (args, kwargs))
