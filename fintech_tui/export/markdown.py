"""The pack as a Markdown document: outline with quotes, then every item kind.

What each section holds comes from `export.sections`, shared with HTML; this
module only writes it as Markdown.
"""

from __future__ import annotations

import re

from fintech_tui.export import sections
from fintech_tui.model import Bilingual, Pack
from fintech_tui.queries.index import PackIndex
from fintech_tui.util.sanitize import neutralise

_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def md(text: str) -> str:
    """Content as inert Markdown: control codes neutralised, markup characters escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(neutralise(text).split()))


def both(text: Bilingual) -> str:
    return " — ".join(md(t) for t in text.present("en"))


def quotes(found: list[sections.Quote]) -> list[str]:
    return [f"> ¶{quote.number}: “{md(quote.text)}”" for quote in found]


def outline(entries: list[sections.OutlineEntry], depth: int = 0) -> list[str]:
    out = []
    for entry in entries:
        node = entry.node
        span = f"¶{entry.first}" if entry.first == entry.last else f"¶{entry.first}–{entry.last}"
        number = f"{md(node.number)} " if node.number else ""
        out.append(f"{'  ' * depth}- **{number}{both(node.title)}** ({span}): {md(node.summary.pick('en'))}")
        out += outline(entry.children, depth + 1)
    return out


def entities(index: PackIndex) -> list[str]:
    out = []
    for entry in sections.entities(index):
        entity = entry.entity
        out += [f"### {both(entity.name)}", ""]
        line = f"*{entity.kind}*" + (f", part of {both(entry.parent.name)}" if entry.parent else "")
        out += [line, "", md(entity.summary.pick("en")), ""]
        if entity.inference:
            out += [f"**Inference:** {md(entity.inference)}", ""]
        for alias in entity.aliases:
            flag = " *(inference)*" if alias.inference else ""
            out.append(f"- as “{md(alias.text)}”: {md(alias.note)}{flag}")
        out += ["", *quotes(entry.quotes), ""]
    return out


def strategies(index: PackIndex) -> list[str]:
    out = []
    for entry in sections.strategies(index):
        owners = ", ".join(both(owner.name) for owner in entry.owners) or "—"
        out += [f"### {both(entry.strategy.name)}", "", f"Pursued by: {owners}", ""]
        out += [md(entry.strategy.summary.pick("en")), "", *quotes(entry.quotes), ""]
    return out


def arguments(entries: list[sections.ArgumentEntry]) -> list[str]:
    out = []
    for entry in entries:
        argument, indent = entry.argument, "  " * entry.depth
        number = f"{md(argument.number)}. " if argument.number else ""
        out.append(f"{indent}- {number}{md(argument.claim.pick('en'))} *({', '.join(entry.tags)})*")
        out += [f"{indent}  {quote}" for quote in quotes(entry.quotes)]
    return out


def figures(index: PackIndex) -> list[str]:
    out = [
        "| " + " | ".join(sections.FIGURE_COLUMNS) + " |",
        "| --- | --- | --- | ---: | --- | --- | --- |",
    ]
    for entry in sections.figures(index):
        figure = entry.figure
        cells = [
            both(entry.subject.name) if entry.subject else "the article",
            md(figure.metric.pick("en")),
            md(figure.as_written),
            entry.value,
            md(figure.unit),
            md(figure.period),
            md(figure.source),
        ]
        out.append("| " + " | ".join(cells) + " |")
    return out


def generic(section: sections.GenericSection) -> list[str]:
    out = [f"## {section.kind.heading}", ""]
    for entry in section.entries:
        out += [f"### {both(entry.name) if entry.name else md(entry.item.id)}", ""]
        out += [both(text) for text in entry.texts]
        out += [f"- {md(name)}: {md(value)}" for name, value in entry.fields]
        out += ["", *quotes(entry.quotes), ""]
    return out


def source(index: PackIndex) -> list[str]:
    """Each paragraph as written, then the pack's restored reading and English translation."""
    out = [f"## {sections.heading('paragraph')}", ""]
    for entry in sections.source(index):
        out += [f"**¶{entry.paragraph.number}** {md(entry.paragraph.text)}", ""]
        out += [f"- *{reading.label}:* {md(reading.text)}" for reading in entry.readings]
        for note in entry.notes:
            change, why = sections.note_line(note)
            out.append(f"- *Note on the reading:* {md(change)}: {md(why)}")
        if entry.readings or entry.notes:
            out.append("")
    return out


def to_markdown(pack: Pack) -> str:
    """A readable outline of the whole pack, every claim with its quotes."""
    index = PackIndex(pack)
    out = [f"# {both(pack.meta.title)}", ""]
    if pack.meta.author or pack.meta.date:
        out += [f"*{md(pack.meta.author)}* {md(pack.meta.date)}".strip(), ""]
    if pack.meta.note:
        out += [md(pack.meta.note), ""]
    out += [f"## {sections.heading('section')}", "", *outline(sections.outline(index)), ""]
    out += [f"## {sections.heading('entity')}", "", *entities(index)]
    out += [f"## {sections.heading('strategy')}", "", *strategies(index)]
    out += [f"## {sections.heading('argument')}", "", *arguments(sections.arguments(index)), ""]
    if pack.figures:
        out += [f"## {sections.heading('figure')}", "", *figures(index), ""]
    if pack.glossary:
        out += [f"## {sections.heading('term')}", ""]
        out += [f"- **{md(term.term)}**: {both(term.meaning)}" for term in pack.glossary]
        out.append("")
    for section in sections.generic_sections(index):
        out += generic(section)
    out += source(index)
    return "\n".join(out)
