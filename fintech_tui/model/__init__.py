"""The typed, immutable content model (no Textual import)."""

from fintech_tui.model.pack import (
    Alias,
    Argument,
    Entity,
    Evidence,
    Figure,
    GlossaryTerm,
    Item,
    ItemKind,
    Meta,
    OutlineNode,
    Pack,
    Paragraph,
    ReadingNote,
    Strategy,
    Text,
    walk_outline,
)

__all__ = [
    "Alias",
    "Argument",
    "Entity",
    "Evidence",
    "Figure",
    "GlossaryTerm",
    "Item",
    "ItemKind",
    "Meta",
    "OutlineNode",
    "Pack",
    "Paragraph",
    "ReadingNote",
    "Strategy",
    "Text",
    "walk_outline",
]
