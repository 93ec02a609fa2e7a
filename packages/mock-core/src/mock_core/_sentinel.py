"""Named unique objects: ``sentinel``, ``DEFAULT`` and the internal markers."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time: it would double the import cost
    from typing import Any

__all__ = ["DEFAULT", "_Sentinel", "_SentinelObject", "_deleted", "_missing", "sentinel"]


class _SentinelObject:
    """One named sentinel; identity survives ``copy`` and ``pickle``."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"sentinel.{self.name}"

    def __reduce__(self) -> str:
        # A string tells pickle and copy to look the object up by this dotted
        # name in the defining module, which hands back the very same object.
        return f"sentinel.{self.name}"


class _Sentinel:
    """Hands out one :class:`_SentinelObject` per attribute name.

    .. versionadded:: 0.1.0
    """

    def __init__(self) -> None:
        self._sentinels: dict[str, _SentinelObject] = {}

    def __getattr__(self, name: str) -> Any:
        if name == "__bases__":
            # Without this, tools probing for a class would get a sentinel.
            raise AttributeError
        found = self._sentinels.get(name)
        if found is None:
            found = self._sentinels.setdefault(name, _SentinelObject(name))
        return found

    def __reduce__(self) -> str:
        return "sentinel"


sentinel = _Sentinel()
DEFAULT: Any = sentinel.DEFAULT
_missing: Any = sentinel.MISSING
_deleted: Any = sentinel.DELETED
