"""create_autospec of dataclasses (the newest standard library's behaviour, on every Python).

No ``from __future__ import annotations`` here: field types must be real types, as in
ordinary dataclasses.
"""

import dataclasses
from typing import ClassVar

import pytest

from mock_magic import MagicMock
from mock_spec import create_autospec


class TestDataclasses:
    @dataclasses.dataclass
    class Point:
        x: int
        y: int = 0
        tags: list = dataclasses.field(default_factory=list)  # type: ignore[type-arg]

        def norm(self) -> int:
            return 0  # pragma: no cover

    def test_instance_has_fields_and_passes_isinstance(self) -> None:
        for m in (
            create_autospec(self.Point, instance=True),
            create_autospec(self.Point).return_value,
        ):
            assert isinstance(m, self.Point)
            assert m.__class__ is self.Point
            assert isinstance(m.x, int)
            assert isinstance(m.y, int)
            assert isinstance(m.tags, list)
            m.norm.assert_not_called()
            for name in ("__dataclass_fields__", "__dataclass_params__", "__match_args__"):
                if hasattr(self.Point, name):  # __match_args__ is new in 3.10
                    assert isinstance(getattr(m, name), MagicMock)

    def test_class_has_no_instance_fields(self) -> None:
        m = create_autospec(self.Point)
        with pytest.raises(AttributeError, match="Mock object has no attribute"):
            m.x

    def test_non_fields_are_not_attributes(self) -> None:
        @dataclasses.dataclass
        class WithNonFields:
            a: ClassVar[int]
            b: dataclasses.InitVar[int]

        m = create_autospec(WithNonFields, instance=True)
        assert isinstance(m, WithNonFields)
        for name in ("a", "b"):
            with pytest.raises(AttributeError, match="Mock object has no attribute"):
                getattr(m, name)

    def test_post_init_fields(self) -> None:
        @dataclasses.dataclass
        class WithPostInit:
            a: int = dataclasses.field(init=False)

            def __post_init__(self) -> None:
                self.a = 1

        m = create_autospec(WithPostInit, instance=True)
        assert isinstance(m.a, int)
