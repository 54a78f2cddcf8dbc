"""The registry of item kinds: one declaration per kind, everything else derives from it.

A kind's entry says which model class it is, which section of the pack holds
it, its name in refs and `--goto`, its nouns and its display names. The index
tables, id and reference checks, `check`'s counts, search and the exports all
iterate this registry, so a new kind is one class, one section and one entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import msgspec

from fintech_tui.model.pack import (
    Argument,
    Entity,
    Figure,
    GlossaryTerm,
    OutlineNode,
    Pack,
    Paragraph,
    Strategy,
)

#: The name of a registered kind, as refs, deep links and search results spell it
#: ("entity"); the registry, not a fixed list, says which names exist.
ItemKind = str
Item = OutlineNode | Entity | Strategy | Argument | Figure | GlossaryTerm | Paragraph


class Kind(msgspec.Struct, frozen=True):
    """One kind of item a reader can open."""

    name: ItemKind  # in refs and --goto: "entity"
    cls: type  # the model class: Entity
    section: str  # the Pack field holding the items: "entities"
    singular: str  # English nouns, for counts and messages: "entity"
    plural: str  # "entities"
    zh: str  # the Chinese noun (Chinese has no plural form): "实体"
    title: str  # how views tag an item of this kind: "Company"
    heading: str  # the heading of the kind's part of an export: "Companies and products"
    children: str = ""  # the field that nests items of the same kind (the outline's tree)

    def noun(self, count: int) -> str:
        """The English noun for `count` items: 1 strategy, 2 strategies."""
        return self.singular if count == 1 else self.plural

    def items(self, pack: Pack) -> Iterator[Any]:
        """Every item of this kind in `pack`, nested ones included, in pack order."""
        yield from self._walk(getattr(pack, self.section, ()))

    def _walk(self, items: Iterable[Any]) -> Iterator[Any]:
        for item in items:
            yield item
            if self.children:
                yield from self._walk(getattr(item, self.children))


_KINDS: dict[str, Kind] = {}
_BY_CLASS: dict[type, Kind] = {}


def register_kind(kind: Kind) -> Kind:
    """Add `kind` to the registry (its name and class must be new); returns it."""
    if kind.name in _KINDS or kind.cls in _BY_CLASS:
        raise ValueError(f"item kind {kind.name!r} ({kind.cls.__name__}) is already registered")
    _KINDS[kind.name] = kind
    _BY_CLASS[kind.cls] = kind
    return kind


def unregister_kind(name: str) -> None:
    """Remove a kind registered at run time (for tests)."""
    kind = _KINDS.pop(name)
    del _BY_CLASS[kind.cls]


def kinds() -> tuple[Kind, ...]:
    """Every registered kind, in registration order."""
    return tuple(_KINDS.values())


def kind_named(name: str) -> Kind | None:
    """The kind called `name` in refs and --goto, or None."""
    return _KINDS.get(name)


def kind_of(item: object) -> Kind:
    """The kind of a model item (KeyError for an object that is not one)."""
    return _BY_CLASS[type(item)]


def kind_of_class(cls: type) -> Kind | None:
    """The kind whose items are instances of `cls`, or None."""
    return _BY_CLASS.get(cls)


for _kind in (
    Kind("section", OutlineNode, "outline", "outline node", "outline nodes", "章节", "Section", "Outline", "children"),
    Kind("entity", Entity, "entities", "entity", "entities", "实体", "Company", "Companies and products"),
    Kind("strategy", Strategy, "strategies", "strategy", "strategies", "策略", "Strategy", "Strategies"),
    Kind("argument", Argument, "arguments", "argument", "arguments", "论点", "Argument", "Arguments"),
    Kind("figure", Figure, "figures", "figure", "figures", "数据", "Figure", "Figures"),
    Kind("term", GlossaryTerm, "glossary", "glossary term", "glossary terms", "术语", "Term", "Glossary"),
    Kind("paragraph", Paragraph, "paragraphs", "paragraph", "paragraphs", "段落", "Paragraph", "Source"),
):
    register_kind(_kind)
