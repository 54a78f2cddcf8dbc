"""The typed, immutable content model (no Textual import)."""

from fintech_tui.model.bilingual import LANGS, Bilingual, Lang
from fintech_tui.model.kinds import (
    Item,
    ItemKind,
    Kind,
    kind_named,
    kind_of,
    kind_of_class,
    kinds,
    register_kind,
    unregister_kind,
)
from fintech_tui.model.pack import (
    Alias,
    Argument,
    Entity,
    Evidence,
    Figure,
    GlossaryTerm,
    Meta,
    OutlineNode,
    Pack,
    Paragraph,
    ReadingNote,
    Strategy,
    walk_outline,
)
from fintech_tui.model.refs import RefTo

__all__ = [
    "LANGS",
    "Alias",
    "Argument",
    "Bilingual",
    "Entity",
    "Evidence",
    "Figure",
    "GlossaryTerm",
    "Item",
    "ItemKind",
    "Kind",
    "Lang",
    "Meta",
    "OutlineNode",
    "Pack",
    "Paragraph",
    "ReadingNote",
    "RefTo",
    "Strategy",
    "kind_named",
    "kind_of",
    "kind_of_class",
    "kinds",
    "register_kind",
    "unregister_kind",
    "walk_outline",
]
