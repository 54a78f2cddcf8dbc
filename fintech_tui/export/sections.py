"""What each part of an export holds, decided once for every format.

Each function here walks one section of the pack and returns plain records
(the item, what it links to, its quotes with paragraph numbers, its tags);
the Markdown and HTML exporters only format them. Kinds without a section of
their own (registered later) get `generic_section`, so every export shows them.
"""

from __future__ import annotations

from typing import Any

import msgspec

from fintech_tui.model import (
    Argument,
    Bilingual,
    Entity,
    Evidence,
    Figure,
    Kind,
    Lang,
    OutlineNode,
    Paragraph,
    ReadingNote,
    Strategy,
    kind_named,
    kinds,
)
from fintech_tui.model.plan import yaml_fields
from fintech_tui.queries.index import PackIndex
from fintech_tui.util.nesting import preorder

#: The kinds with a section of their own in every export, in the order they appear.
OWN_SECTIONS = ("section", "entity", "strategy", "argument", "figure", "term")


def heading(kind: str) -> str:
    """The heading of a kind's section: "Companies and products" for entities."""
    found = kind_named(kind)
    return found.heading if found else kind


class Quote(msgspec.Struct, frozen=True):
    """A piece of evidence as exports show it: the paragraph's number, its id and the words."""

    number: int
    para: str
    text: str


def quotes(index: PackIndex, evidence: tuple[Evidence, ...]) -> list[Quote]:
    return [Quote(index.paragraphs[ev.para].number, ev.para, ev.quote) for ev in evidence]


class OutlineEntry(msgspec.Struct, frozen=True):
    """An outline node with the numbers of its first and last paragraph, and its parts."""

    node: OutlineNode
    first: int
    last: int
    children: list[OutlineEntry]


def outline(index: PackIndex, nodes: tuple[OutlineNode, ...] | None = None) -> list[OutlineEntry]:
    entries = []
    for node in index.pack.outline if nodes is None else nodes:
        entries.append(OutlineEntry(node, *index.span(node), outline(index, node.children)))
    return entries


class EntityEntry(msgspec.Struct, frozen=True):
    entity: Entity
    parent: Entity | None
    quotes: list[Quote]


def entities(index: PackIndex) -> list[EntityEntry]:
    return [EntityEntry(e, index.entities.get(e.parent), quotes(index, e.evidence)) for e in index.pack.entities]


class StrategyEntry(msgspec.Struct, frozen=True):
    strategy: Strategy
    owners: list[Entity]
    quotes: list[Quote]


def strategies(index: PackIndex) -> list[StrategyEntry]:
    return [
        StrategyEntry(s, [index.entities[e] for e in s.pursued_by], quotes(index, s.evidence))
        for s in index.pack.strategies
    ]


class ArgumentEntry(msgspec.Struct, frozen=True):
    """An argument with its tags (role, relation, hedge) and its depth in the tree."""

    argument: Argument
    tags: list[str]
    quotes: list[Quote]
    depth: int  # 0 for a root; capped (see `nesting.preorder`)


def arguments(index: PackIndex) -> list[ArgumentEntry]:
    """The argument tree from its roots, parents before replies, in pack order; walked without recursion."""
    return [
        ArgumentEntry(a, [t for t in (a.role, a.relation, a.hedge) if t], quotes(index, a.evidence), depth)
        for a, depth in preorder(index.roots(), lambda a: index.replies.get(a.id, []))
    ]


class FigureEntry(msgspec.Struct, frozen=True):
    figure: Figure
    subject: Entity | None  # None: the article itself
    value: str  # the number as exports print it, empty when not given


FIGURE_COLUMNS = ("subject", "metric", "as written", "value", "unit", "period", "source")


def figures(index: PackIndex) -> list[FigureEntry]:
    return [
        FigureEntry(f, index.entities.get(f.subject), "" if f.value is None else f"{f.value:,}")
        for f in index.pack.figures
    ]


class GenericEntry(msgspec.Struct, frozen=True):
    """An item of a kind without its own section: its name, other bilingual texts and plain fields."""

    item: Any
    name: Bilingual | None
    texts: list[Bilingual]
    fields: list[tuple[str, str]]
    quotes: list[Quote]


class GenericSection(msgspec.Struct, frozen=True):
    kind: Kind
    entries: list[GenericEntry] = msgspec.field(default_factory=list)


def generic_sections(index: PackIndex) -> list[GenericSection]:
    """One section per registered kind that has no section of its own (paragraphs are the source)."""
    sections = []
    for kind in kinds():
        if kind.name in OWN_SECTIONS or kind.name == "paragraph":
            continue
        section = GenericSection(kind)
        for item in kind.items(index.pack):
            values = [(spec, getattr(item, spec.name)) for spec in yaml_fields(type(item))]
            bilingual = [value for _, value in values if isinstance(value, Bilingual)]
            plain = [(s.name, v) for s, v in values if isinstance(v, str) and v and s.name != "id"]
            section.entries.append(
                GenericEntry(
                    item,
                    bilingual[0] if bilingual else None,
                    bilingual[1:],
                    plain,
                    quotes(index, getattr(item, "evidence", ())),
                )
            )
        sections.append(section)
    return sections


#: The pack's readings of a paragraph, labelled as what they are (not the author's words):
#: (field, label, language of the text).
READINGS: tuple[tuple[str, str, Lang], ...] = (
    ("restored", "Restored reading", "zh"),
    ("en", "English translation", "en"),
)


class Reading(msgspec.Struct, frozen=True):
    """One of the pack's readings of a paragraph, with the label every format shows and where
    the notes' †n markers go in it (a position in `text`, the marker)."""

    label: str
    lang: Lang
    text: str
    marks: tuple[tuple[int, str], ...] = ()


class SourceEntry(msgspec.Struct, frozen=True):
    """A paragraph as written, then the pack's readings of it and the notes on them, in the
    order of the text (numbered †1, †2… as the readings mark them)."""

    paragraph: Paragraph
    readings: list[Reading]
    notes: tuple[ReadingNote, ...]


def source(index: PackIndex) -> list[SourceEntry]:
    """Every paragraph in order, with whichever readings the pack gives."""
    from fintech_tui.render.note_places import english_places, ordered_notes, restored_places  # deferred: its difflib

    places = {"restored": restored_places, "en": english_places}
    return [
        SourceEntry(
            p,
            [
                Reading(label, lang, getattr(p, name), tuple(places[name](p)))
                for name, label, lang in READINGS
                if getattr(p, name)
            ],
            tuple(note for _, note in ordered_notes(p)),
        )
        for p in index.pack.paragraphs
    ]


def note_line(note: ReadingNote) -> tuple[str, str]:
    """(what changed, why): "口袋 → 掌上" or "kept: 打电话", and the note with its inference."""
    why = note.note + (f" (inference: {note.inference})" if note.inference else "")
    return note.change, why
