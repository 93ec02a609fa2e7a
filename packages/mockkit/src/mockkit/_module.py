"""The module type of ``mockkit``: settings written through it reach the package that reads them."""

from __future__ import annotations

import types

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing is not imported at run time
    from typing import Any


class Forwarded:
    """A module attribute whose value lives on another module.

    mock-core reads ``FILTER_DIR`` from its own namespace at call time, so a copy bound in
    ``mockkit`` would silently do nothing when assigned; this forwards get, set and delete.
    """

    __slots__ = ("_name", "_owner")

    def __init__(self, owner: types.ModuleType, name: str) -> None:
        self._owner = owner
        self._name = name

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        if instance is None:
            return self
        try:
            return getattr(self._owner, self._name)
        except AttributeError:
            # Same wording as a plain module, so hasattr() and patch's restore logic agree.
            raise AttributeError(f"module 'mockkit' has no attribute {self._name!r}") from None

    def __set__(self, instance: object, value: Any) -> None:
        setattr(self._owner, self._name, value)

    def __delete__(self, instance: object) -> None:
        try:
            delattr(self._owner, self._name)
        except AttributeError:
            raise AttributeError(f"module 'mockkit' has no attribute {self._name!r}") from None


class MockkitModule(types.ModuleType):
    """``types.ModuleType`` with forwarded settings; assigned to ``mockkit.__class__``."""

    def __dir__(self) -> list[str]:
        names = set(super().__dir__())
        for name, value in vars(type(self)).items():
            if isinstance(value, Forwarded) and hasattr(self, name):
                names.add(name)
        return sorted(names)


def adopt(module: types.ModuleType, forwards: dict[str, types.ModuleType]) -> None:
    """Give ``module`` a private subclass of :class:`MockkitModule` forwarding ``forwards``."""
    namespace: dict[str, Any] = {name: Forwarded(owner, name) for name, owner in forwards.items()}
    namespace["__module__"] = __name__
    cls = type("MockkitModule", (MockkitModule,), namespace)
    for name in forwards:
        # A plain copy in the module dict would shadow nothing (data descriptors win) but
        # would make vars(mockkit) lie and patch.object treat the setting as local.
        module.__dict__.pop(name, None)
    module.__class__ = cls
