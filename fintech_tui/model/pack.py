"""The content model: frozen msgspec Structs that mirror the YAML pack format.

The field types here are also the schema: the loader validates YAML against
them and `fintech-tui schema` derives a JSON Schema from them, so a field is
declared once. Nothing in this package imports Textual.

Structs rather than dataclasses: their classes are made in C (a frozen
dataclass generates and compiles its methods: 0.4 ms a class at every start)
and their instances are smaller. `gc=False`: an object holds only text,
numbers and objects made before it, so it can never be part of a reference
cycle and the cycle collector need not track it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Annotated, Literal

import msgspec

from fintech_tui.model.bilingual import Bilingual
from fintech_tui.model.field_marks import DERIVED, RefTo

EntityKind = Literal["company", "group", "bank", "product", "app", "organisation", "person"]
ArgumentRole = Literal["thesis", "reason", "key-reason", "point", "observation", "conclusion", "qualification"]
Relation = Literal["supports", "opposes", "elaborates"]
Hedge = Literal["estimate", "prediction", "opinion", "possibility"]
OutlineKind = Literal["title", "metadata", "lead", "section", "point", "byline"]

#: The `inference` of every item `draft` wrote, until an author has checked it and deleted the flag.
DRAFTED = "drafted automatically — review"


def is_drafted(item: object) -> bool:
    """Whether `item` is still as `draft` wrote it (its inference opens with the flag)."""
    return str(getattr(item, "inference", "")).startswith(DRAFTED)


#: A number as the author wrote it: 10000000 stays an int (and prints as one), 1.5 a float.
Number = int | float

ParagraphId = Annotated[str, RefTo("paragraph")]
EntityId = Annotated[str, RefTo("entity")]
StrategyId = Annotated[str, RefTo("strategy")]
ArgumentId = Annotated[str, RefTo("argument")]


class Evidence(msgspec.Struct, frozen=True, gc=False):
    """A verbatim quote from one paragraph of the source article."""

    para: ParagraphId
    quote: str


class ReadingNote(msgspec.Struct, frozen=True, gc=False):
    """Why the restored reading departs from the text at one place (or keeps a doubtful word)."""

    text: str  # as it occurs in the paragraph; empty for an insertion
    reading: str  # what the restored reading has there; empty for a deletion
    note: str
    inference: str = ""

    @property
    def change(self) -> str:
        """The change in one line, for every view and export: "口袋 → 掌上", or "kept: 打电话"."""
        if self.text == self.reading:
            return f"kept: {self.text}"
        return f"{self.text or '∅'} → {self.reading or '∅'}"


#: What one reading of one paragraph may hold (4 Mi characters): a book's chapter, far past any
#: article's paragraph. The loader refuses more with its place and the schema says so, so a
#: valid pack is one the explorer can lay out (docs/design/big-packs.md).
MAX_PARAGRAPH_CHARS = 4 * 1024 * 1024
PARAGRAPH_READINGS = ("text", "restored", "en")


class Paragraph(msgspec.Struct, frozen=True, gc=False):
    """One non-empty line of the source article, kept verbatim, with the pack's readings of it.

    `restored` (the Chinese with every garble resolved) and `en` (its English
    translation) are the pack's readings, not the author's words; each change
    from `text` must be traceable to an alias, a glossary term or a note.
    """

    id: str
    text: str
    restored: str = ""
    en: str = ""
    restored_notes: tuple[ReadingNote, ...] = ()
    number: Annotated[int, DERIVED] = 0  # 1-based, from the order


class OutlineNode(msgspec.Struct, frozen=True, gc=False):
    """A part of the article's structure covering a range of paragraphs."""

    id: str
    kind: OutlineKind
    title: Bilingual
    first: ParagraphId
    summary: Bilingual
    last: ParagraphId = ""
    number: str = ""
    children: tuple[OutlineNode, ...] = ()


class Alias(msgspec.Struct, frozen=True, gc=False):
    """A form under which an entity appears in the text, often a garble."""

    text: str
    note: str = ""
    inference: str = ""


class Entity(msgspec.Struct, frozen=True, gc=False):
    """A company, product, app, organisation or person the article names."""

    id: str
    kind: EntityKind
    name: Bilingual
    summary: Bilingual
    evidence: tuple[Evidence, ...]
    parent: EntityId = ""
    aliases: tuple[Alias, ...] = ()
    inference: str = ""
    #: A library-wide identifier (a Wikidata QID such as Q1234, or any id the library shares):
    #: entities of different packs with the same one are the same entity.
    same_as: str = ""
    #: Shared ids or names this entity must never be matched with, in a library of packs.
    not_same_as: tuple[str, ...] = ()


class Strategy(msgspec.Struct, frozen=True, gc=False):
    """A strategy or business model the article describes."""

    id: str
    name: Bilingual
    summary: Bilingual
    evidence: tuple[Evidence, ...]
    pursued_by: tuple[EntityId, ...] = ()
    inference: str = ""


class ClaimLink(msgspec.Struct, frozen=True, gc=False):
    """A claim of another article of the same library that this claim supports or opposes."""

    #: The other article's key in the library: its path inside the library folder, with `/`
    #: (`2024/alipay`, `ant-group.yaml`), as the library view and `check LIBRARY` name it.
    article: str
    claim: str  # the argument's id in that article
    relation: Relation


class Argument(msgspec.Struct, frozen=True, gc=False):
    """A claim in the article's argument tree, linked to its parent claim."""

    id: str
    role: ArgumentRole
    claim: Bilingual
    evidence: tuple[Evidence, ...] = ()
    parent: ArgumentId = ""
    relation: Relation | None = None
    number: str = ""
    emphasis: str = ""
    hedge: Hedge | None = None
    concerns: tuple[EntityId, ...] = ()
    strategies: tuple[StrategyId, ...] = ()
    inference: str = ""
    #: Claims of other articles of a library this one supports, opposes or elaborates.
    across: tuple[ClaimLink, ...] = ()


class Figure(msgspec.Struct, frozen=True, gc=False):
    """A quantitative fact, with the value as written and as a number."""

    id: str
    metric: Bilingual
    as_written: str
    evidence: tuple[Evidence, ...]
    subject: EntityId = ""  # empty means the article itself
    value: Number | None = None
    unit: str = ""
    period: str = ""
    source: str = ""
    hedge: Hedge | None = None
    inference: str = ""


class GlossaryTerm(msgspec.Struct, frozen=True, gc=False):
    """A garbled non-name word in the text and what it means."""

    id: str
    term: str
    meaning: Bilingual
    evidence: tuple[Evidence, ...] = ()
    note: str = ""
    inference: str = ""


class Meta(msgspec.Struct, frozen=True, gc=False):
    """What the pack is about: the article's title, author and provenance."""

    title: Bilingual
    author: str = ""
    date: str = ""
    note: str = ""


class Pack(msgspec.Struct, frozen=True, gc=False):
    """One article turned into a map: the root of the model."""

    meta: Meta
    paragraphs: tuple[Paragraph, ...]
    outline: tuple[OutlineNode, ...] = ()
    entities: tuple[Entity, ...] = ()
    strategies: tuple[Strategy, ...] = ()
    arguments: tuple[Argument, ...] = ()
    figures: tuple[Figure, ...] = ()
    glossary: tuple[GlossaryTerm, ...] = ()
    origin: Annotated[str, DERIVED] = ""  # where it was loaded from


def walk_outline(nodes: Iterable[OutlineNode]) -> Iterator[OutlineNode]:
    """Every outline node, depth first, in article order."""
    for node in nodes:
        yield node
        yield from walk_outline(node.children)
