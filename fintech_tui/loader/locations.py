"""Where each converted object came from, and which items were dropped.

One object answers every "where did this come from" question the loader
asks, so the converter records places in one way and the checks look them
up in one way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fintech_tui.loader.problems import Problem

if TYPE_CHECKING:  # only for hints: a cache hit re-checks a pack without importing YAML
    from fintech_tui.loader.yaml_source import FieldPath, YamlDocument


class Locations:
    """The YAML document and field path of every model object built, and dropped items."""

    def __init__(self) -> None:
        self._places: dict[int, tuple[YamlDocument, FieldPath]] = {}  # by id(): model objects are not hashable by place
        self._dropped: set[tuple[str, str]] = set()  # (kind name, id)
        #: What converted inside objects that were dropped: (class, fields built, document, path)
        self.salvaged: list[tuple[type, dict[str, Any], YamlDocument, FieldPath]] = []

    def add(self, obj: object, doc: YamlDocument, path: FieldPath) -> None:
        """Remember that `obj` was built from `path` in `doc`."""
        self._places[id(obj)] = (doc, path)

    def moved(self, old: object, new: object) -> None:
        """`new` replaces `old` (a copy with derived fields filled in): same place."""
        self._places[id(new)] = self._places[id(old)]

    def where(self, obj: object) -> tuple[YamlDocument, FieldPath]:
        """The document and path `obj` was built from."""
        return self._places[id(obj)]

    def problem(self, obj: object, path: FieldPath, message: str) -> Problem:
        """A problem at `path` inside `obj`."""
        doc, base = self.where(obj)
        return doc.problem((*base, *path), message)

    def line_of(self, obj: object, *path: str | int) -> int:
        """The line a field of `obj` is on (0 if unknown)."""
        doc, base = self.where(obj)
        return (doc.marks.get((*base, *path)) or (0, 0))[0]

    def drop(self, kind: str, item_id: str) -> None:
        """An item of `kind` with `item_id` was dropped for its own problems."""
        self._dropped.add((kind, item_id))

    def salvage(self, cls: type, fields: dict[str, Any], doc: YamlDocument, path: FieldPath) -> None:
        """An object of `cls` at `path` was dropped, but these of its fields converted: the
        checks that follow still look at them, so one run reports all of its problems."""
        if fields:
            self.salvaged.append((cls, fields, doc, path))

    def dropped_ids(self, kind: str) -> list[str]:
        """The ids of the items of `kind` dropped for their own problems."""
        return sorted(item_id for dropped, item_id in self._dropped if dropped == kind)

    def dropped(self, kind: str, item_id: str) -> bool:
        """Whether references to this item should stay quiet: it exists, but was dropped."""
        return (kind, item_id) in self._dropped

    def any_dropped(self, kind: str) -> bool:
        """Whether some item of `kind` was dropped (so whole-tree checks would mislead)."""
        return any(dropped == kind for dropped, _ in self._dropped)
