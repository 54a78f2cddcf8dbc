"""Short labels for items: tree nodes, link lists, search results, breadcrumbs."""

from __future__ import annotations

from rich.text import Text

from fintech_tui.index import PackIndex, Ref
from fintech_tui.model import Argument, Entity, Figure, GlossaryTerm, OutlineNode, Paragraph, Strategy
from fintech_tui.model import Text as Bilingual
from fintech_tui.render.safe import one_line

KIND_NAMES = {
    "section": "Section",
    "entity": "Company",
    "strategy": "Strategy",
    "argument": "Argument",
    "figure": "Figure",
    "term": "Term",
    "paragraph": "Paragraph",
}

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


def pair(text: Bilingual, lang: str) -> Text:
    """`text` in `lang`, followed by the other language dimmed when both exist."""
    first = text.pick(lang)
    other = text.en if lang == "zh" else text.zh
    label = one_line(first, "bold")
    if other and other != first:
        label.append("  ")
        label.append_text(one_line(other, "dim"))
    return label


def item_label(index: PackIndex, ref: Ref, lang: str, *, with_kind: bool = False) -> Text:
    """A one-line label for the item `ref` names."""
    item = index.get(ref)
    label = Text(no_wrap=True, overflow="ellipsis")
    if with_kind:
        label.append(f"{KIND_NAMES[ref.kind]:<9} ", "dim italic")
    if isinstance(item, Entity):
        label.append_text(pair(item.name, lang))
    elif isinstance(item, Strategy):
        label.append_text(one_line(item.name.pick(lang), "bold"))
    elif isinstance(item, Argument):
        label.append(f"{RELATION_MARK[item.relation]} ", ROLE_STYLE.get(item.role, ""))
        if item.number:
            label.append_text(one_line(item.number))
            label.append(". ")
        label.append_text(one_line(item.claim.pick(lang)))
    elif isinstance(item, Figure):
        subject = index.entities.get(item.subject)
        who = subject.name.pick(lang) if subject else "article"
        label.append_text(one_line(f"{who}: {item.metric.pick(lang)} = {item.as_written}"))
    elif isinstance(item, GlossaryTerm):
        label.append_text(one_line(item.term, "bold"))
        label.append(" → ")
        label.append_text(one_line(item.meaning.pick(lang)))
    elif isinstance(item, OutlineNode):
        if item.number:
            label.append_text(one_line(item.number, "bold"))
            label.append(" ")
        label.append_text(one_line(item.title.pick(lang)))
    elif isinstance(item, Paragraph):
        label.append(f"¶{item.number} ", "bold")
        label.append_text(one_line(item.text))
    else:
        label.append_text(one_line(str(ref), "red"))
    return label
