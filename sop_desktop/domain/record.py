"""Plain value classes for the first screen's path: a dataclass's equality, repr and copy-with
changes, without the code a dataclass generates when its module is imported.

Each `@dataclass` costs ~0.3-1.5 ms to define (its methods are written as source and compiled
at import); a `Record` costs ~0.02 ms. Used by the classes the window's start imports
(the inbox's rows and queries, `Changes`, the start-up check): start-up, issue 19. A subclass
names its fields in `__slots__` (in the order of its `__init__`), annotates them and assigns
them in a typed `__init__`.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from typing import Any, ClassVar, TypeVar

R = TypeVar("R", bound="Record")


class Record:
    """Fields in `__slots__`; equal when of the same class with equal compared fields
    (`_uncompared` names those left out), shown as `Name(field=value, ...)` like a dataclass."""

    __slots__ = ()
    _uncompared: ClassVar[frozenset[str]] = frozenset()

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        """The fields, in the order of the class's `__init__`."""
        return tuple(cls.__slots__)

    def _compared(self) -> tuple[Any, ...]:
        skip = self._uncompared
        return tuple(getattr(self, n) for n in self.field_names() if n not in skip)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Record)
        return self._compared() == other._compared()

    __hash__ = None  # type: ignore[assignment]  # mutable and compared by value, as a dataclass

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.field_names())
        return f"{type(self).__qualname__}({shown})"

    def replaced(self: R, **changes: Any) -> R:
        """A copy with some fields changed (dataclasses.replace); an unknown name: TypeError."""
        names = self.field_names()
        unknown = set(changes) - set(names)
        if unknown:
            raise TypeError(f"{type(self).__qualname__} has no field {sorted(unknown)[0]!r}")
        new = object.__new__(type(self))
        for n in names:
            object.__setattr__(new, n, changes[n] if n in changes else getattr(self, n))
        return new


class FrozenRecord(Record):
    """A Record whose fields cannot be set after `__init__` (a frozen dataclass: hashable,
    assignment raises dataclasses.FrozenInstanceError). `__init__` sets them with `_fill`."""

    __slots__ = ()

    def _fill(self, *values: Any) -> None:
        """Set every field, in `__slots__` order (only from `__init__`)."""
        for name, value in zip(self.field_names(), values, strict=True):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(self._compared())

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        """copy, deepcopy and pickle rebuild it through `__init__` (its fields cannot be set)."""
        return type(self), tuple(getattr(self, n) for n in self.field_names())
