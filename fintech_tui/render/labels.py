"""Short labels for items: tree nodes, link lists, search results, breadcrumbs.

One label function per model class, chosen by `functools.singledispatch`; a
kind without its own gets a generic label from its first bilingual field.
"""

from __future__ import annotations

from functools import singledispatch
from typing import Any

from rich.cells import cell_len
from rich.text import Text

from fintech_tui.i18n import phrase, value_phrase
from fintech_tui.model import (
    Argument,
    Bilingual,
    Entity,
    Figure,
    GlossaryTerm,
    Lang,
    OutlineNode,
    Pack,
    Paragraph,
    Strategy,
    is_drafted,
    kind_named,
    kinds,
)
from fintech_tui.model.plan import yaml_fields
from fintech_tui.queries.index import PackIndex, Ref
from fintech_tui.render.safe import one_line
from fintech_tui.util.sanitize import neutralise

ROLE_STYLE = {
    "thesis": "bold magenta",
    "key-reason": "bold yellow",
    "reason": "yellow",
    "point": "cyan",
    "observation": "blue",
    "conclusion": "bold green",
    "qualification": "red",
}

RELATION_MARK = {"supports": "+", "opposes": "−", "elaborates": "…", None: "•"}


KIND_WIDTH = 12  # cells of the kind tag before a search result's label ("Organisation")


def kind_title(kind: str, lang: Lang = "en") -> str:
    """How views tag an item of `kind`: "Company" for an entity (its Chinese noun in Chinese)."""
    found = kind_named(kind)
    if found is None:
        return kind
    return found.zh if lang == "zh" else found.title


def pair(text: Bilingual, lang: Lang) -> Text:
    """`text` in `lang`, followed by the other language dimmed when both exist."""
    first = text.pick(lang)
    other = text.other(lang)
    label = one_line(first, "bold")
    if other and other != first:
        label.append("  ")
        label.append_text(one_line(other, "dim"))
    return label


def first_bilingual(item: Any) -> Bilingual | None:
    """The first bilingual field of a model object (its name or title, by convention)."""
    for spec in yaml_fields(type(item)):
        value = getattr(item, spec.name)
        if isinstance(value, Bilingual):
            return value
    return None


def item_kind(index: PackIndex, ref: Ref, lang: Lang = "en") -> str:
    """What `ref` is called in a tag or header: an entity's own kind (Bank, App, Person …),
    otherwise its kind's title (Strategy, Argument …)."""
    item = index.get(ref)
    if isinstance(item, Entity):
        return value_phrase("entity_kind", item.kind, lang).capitalize()
    return kind_title(ref.kind, lang)


def pack_title(pack: Pack, lang: Lang) -> str:
    """The title bar's text: the article's title, and how many drafted items await review, if any."""
    title = neutralise(pack.meta.title.pick(lang))
    drafted = sum(1 for kind in kinds() for item in kind.items(pack) if is_drafted(item))
    return f"{title}  {DRAFTED_BADGE}{phrase('title.drafted', lang, count=drafted)}" if drafted else title


#: Marks an item `draft` wrote that nobody has reviewed yet, wherever its label appears.
DRAFTED_BADGE = "✎ "


def item_label(index: PackIndex, ref: Ref, lang: Lang, *, with_kind: bool = False) -> Text:
    """A one-line label for the item `ref` names."""
    item = index.get(ref)
    label = Text(no_wrap=True, overflow="ellipsis")
    if with_kind:
        tag = item_kind(index, ref, lang)
        label.append(tag + " " * max(1, KIND_WIDTH + 1 - cell_len(tag)), "dim italic")  # CJK is two cells wide
    if item is None:
        label.append_text(one_line(str(ref), "red"))
    else:
        if is_drafted(item):
            label.append(DRAFTED_BADGE, "bold yellow")
        label_parts(item, label, index, lang)
    return label


@singledispatch
def label_parts(item: Any, label: Text, index: PackIndex, lang: Lang) -> None:
    """Append `item`'s label to `label`: for a kind without its own, its first bilingual field."""
    name = first_bilingual(item)
    label.append_text(one_line(name.pick(lang) if name else item.id, "bold"))


@label_parts.register
def _(item: Entity, label: Text, index: PackIndex, lang: Lang) -> None:
    label.append_text(pair(item.name, lang))


@label_parts.register
def _(item: Strategy, label: Text, index: PackIndex, lang: Lang) -> None:
    label.append_text(one_line(item.name.pick(lang), "bold"))


@label_parts.register
def _(item: Argument, label: Text, index: PackIndex, lang: Lang) -> None:
    label.append(f"{RELATION_MARK[item.relation]} ", ROLE_STYLE.get(item.role, ""))
    if item.number:
        label.append_text(one_line(item.number))
        label.append(". ")
    label.append_text(one_line(item.claim.pick(lang)))


@label_parts.register
def _(item: Figure, label: Text, index: PackIndex, lang: Lang) -> None:
    subject = index.entities.get(item.subject)
    who = subject.name.pick(lang) if subject else phrase("figure.article", lang)
    label.append_text(one_line(f"{who}: {item.metric.pick(lang)} = {item.as_written}"))


@label_parts.register
def _(item: GlossaryTerm, label: Text, index: PackIndex, lang: Lang) -> None:
    label.append_text(one_line(item.term, "bold"))
    label.append(" → ")
    label.append_text(one_line(item.meaning.pick(lang)))


@label_parts.register
def _(item: OutlineNode, label: Text, index: PackIndex, lang: Lang) -> None:
    if item.number:
        label.append_text(one_line(item.number, "bold"))
        label.append(" ")
    label.append_text(one_line(item.title.pick(lang)))


@label_parts.register
def _(item: Paragraph, label: Text, index: PackIndex, lang: Lang) -> None:
    label.append(f"¶{item.number} ", "bold")
    label.append_text(one_line(item.text))
