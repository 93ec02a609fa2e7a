"""Objects the scenarios mock: big classes, an instance, a function, patch targets.

The classes are generated from source text so that every method is a distinct function with its
own code object, the way a real class is. Sharing one function object between methods would let
a signature cache keyed on the function hit 200 times and flatter whoever has one.
"""

from __future__ import annotations

from typing import Any, Callable

# Signature shapes cycled through the generated methods, with a call that binds to each.
_SHAPES: list[tuple[str, str]] = [
    ("self", ""),
    ("self, a", "1"),
    ("self, a, b=2", "1, b=3"),
    ("self, a, *args, **kwargs", "1, 2, k=3"),
    ("self, *, key=None", "key=1"),
    ("self, a, b, /, c=None", "1, 2, c=3"),
]


def _class_source(name: str, methods: int) -> str:
    lines = [
        f"class {name}:",
        f'    """A class with {methods} methods of assorted signatures."""',
        "    LIMIT = 10",
        "    label = 'fixture'",
        "    def __init__(self, a, b=2):",
        "        self._a = a",
        "        self._b = b",
        "    @classmethod",
        "    def make(cls, a):",
        "        return cls(a)",
        "    @staticmethod",
        "    def helper(x):",
        "        return x",
        "    @property",
        "    def value(self):",
        "        return self._a",
    ]
    for i in range(methods):
        params, _ = _SHAPES[i % len(_SHAPES)]
        lines.append(f"    def method_{i}({params}):")
        lines.append(f'        """Method number {i}."""')
        lines.append(f"        return {i}")
    return "\n".join(lines) + "\n"


def _call_ten_source() -> str:
    lines = [
        "def call_ten(obj):",
        '    """Call method_0 .. method_9 of obj with valid arguments."""',
    ]
    for i in range(10):
        _, args = _SHAPES[i % len(_SHAPES)]
        lines.append(f"    obj.method_{i}({args})")
    lines.append("    return obj")
    return "\n".join(lines) + "\n"


def _build() -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": __name__}
    source = _class_source("Class50", 50) + _class_source("Class200", 200) + _call_ten_source()
    exec(compile(source, f"<{__name__} generated>", "exec"), namespace)
    return namespace


_ns = _build()

#: A class with 50 methods (plus a classmethod, a staticmethod, a property, two data attributes).
Class50: type = _ns["Class50"]
#: A class with 200 methods (same extras as Class50).
Class200: type = _ns["Class200"]
#: ``call_ten(obj)`` calls ``obj.method_0`` .. ``obj.method_9`` with arguments valid for each.
call_ten: Callable[[Any], Any] = _ns["call_ten"]
#: An instance of Class200, for ``create_autospec(instance)``.
INSTANCE200: Any = Class200(1)


def func(a: int, b: int, c: int = 1, *args: int, d: Any = None, **kwargs: Any) -> int:
    """A plain module-level function: the target of function autospec scenarios."""
    return a + b + c


#: Ten lines of text for mock_open scenarios.
READ_DATA = "".join(f"line {i} of the file\n" for i in range(10))
