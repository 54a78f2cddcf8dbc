"""Back and forward history, like a browser's; no Textual import."""

from __future__ import annotations

from typing import Generic, TypeVar

import msgspec

T = TypeVar("T")


class History(msgspec.Struct, Generic[T]):
    """Where the reader has been. Visiting a new place clears the forward stack."""

    limit: int = 500
    back_stack: list[T] = msgspec.field(default_factory=list)
    forward_stack: list[T] = msgspec.field(default_factory=list)

    def visit(self, leaving: T | None, arriving: T) -> None:
        """Record a move from `leaving` (None at start) to `arriving`."""
        if leaving is None or leaving == arriving:
            return
        self.back_stack.append(leaving)
        del self.back_stack[: -self.limit]
        self.forward_stack.clear()

    def back(self, current: T) -> T | None:
        """The place before `current`, or None at the start."""
        if not self.back_stack:
            return None
        self.forward_stack.append(current)
        return self.back_stack.pop()

    def forward(self, current: T) -> T | None:
        """The place `back` left, or None if there is none."""
        if not self.forward_stack:
            return None
        self.back_stack.append(current)
        return self.forward_stack.pop()
