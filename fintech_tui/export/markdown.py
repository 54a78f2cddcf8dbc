"""The pack as a Markdown document: outline with quotes, then every item kind."""

from __future__ import annotations

import re

from fintech_tui.index import PackIndex
from fintech_tui.model import Evidence, OutlineNode, Pack
from fintech_tui.model import Text as Bilingual
from fintech_tui.nesting import preorder
from fintech_tui.sanitize import neutralise

_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def md(text: str) -> str:
    """Content as inert Markdown: control codes neutralised, markup characters escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(neutralise(text).split()))


def both(text: Bilingual) -> str:
    parts = [md(t) for t in (text.en, text.zh) if t]
    return " — ".join(parts)


def quotes(index: PackIndex, evidence: tuple[Evidence, ...]) -> list[str]:
    return [f"> ¶{index.paragraphs[ev.para].number}: “{md(ev.quote)}”" for ev in evidence]


def to_markdown(pack: Pack) -> str:
    """A readable outline of the whole pack, every claim with its quotes."""
    index = PackIndex(pack)
    out = [f"# {both(pack.meta.title)}", ""]
    if pack.meta.author or pack.meta.date:
        out += [f"*{md(pack.meta.author)}* {md(pack.meta.date)}".strip(), ""]
    if pack.meta.note:
        out += [md(pack.meta.note), ""]

    out += ["## Outline", ""]

    def outline(nodes: tuple[OutlineNode, ...], depth: int) -> None:
        for node in nodes:
            first = index.paragraphs[node.first].number
            last = index.paragraphs[node.last or node.first].number
            span = f"¶{first}" if first == last else f"¶{first}–{last}"
            number = f"{md(node.number)} " if node.number else ""
            out.append(
                f"{'  ' * depth}- **{number}{both(node.title)}** ({span}): {md(node.summary.en or node.summary.zh)}"
            )
            outline(node.children, depth + 1)

    outline(pack.outline, 0)
    out.append("")

    out += ["## Companies and products", ""]
    for entity in pack.entities:
        parent = index.entities.get(entity.parent)
        out.append(f"### {both(entity.name)}")
        out.append("")
        line = f"*{entity.kind}*" + (f", part of {both(parent.name)}" if parent else "")
        out += [line, "", md(entity.summary.en or entity.summary.zh), ""]
        if entity.inference:
            out += [f"**Inference:** {md(entity.inference)}", ""]
        for alias in entity.aliases:
            flag = " *(inference)*" if alias.inference else ""
            out.append(f"- as “{md(alias.text)}”: {md(alias.note)}{flag}")
        out += ["", *quotes(index, entity.evidence), ""]

    out += ["## Strategies", ""]
    for strategy in pack.strategies:
        owners = ", ".join(both(index.entities[e].name) for e in strategy.pursued_by) or "—"
        out += [f"### {both(strategy.name)}", "", f"Pursued by: {owners}", "", md(strategy.summary.en), ""]
        out += [*quotes(index, strategy.evidence), ""]

    out += ["## Arguments", ""]

    for argument, depth in preorder(index.roots(), lambda a: index.replies.get(a.id, [])):
        tags: list[str] = [argument.role]
        if argument.relation:
            tags.append(argument.relation)
        if argument.hedge:
            tags.append(argument.hedge)
        number = f"{md(argument.number)}. " if argument.number else ""
        out.append(f"{'  ' * depth}- {number}{md(argument.claim.en)} *({', '.join(tags)})*")
        for quote in quotes(index, argument.evidence):
            out.append(f"{'  ' * depth}  {quote}")
    out.append("")

    if pack.figures:
        out += [
            "## Figures",
            "",
            "| subject | metric | as written | value | unit | period | source |",
            "| --- | --- | --- | ---: | --- | --- | --- |",
        ]
        for figure in pack.figures:
            subject = index.entities.get(figure.subject)
            value = "" if figure.value is None else f"{figure.value:,}"
            cells = [
                both(subject.name) if subject else "the article",
                md(figure.metric.en or figure.metric.zh),
                md(figure.as_written),
                value,
                md(figure.unit),
                md(figure.period),
                md(figure.source),
            ]
            out.append("| " + " | ".join(cells) + " |")
        out.append("")

    if pack.glossary:
        out += ["## Glossary", ""]
        for term in pack.glossary:
            out.append(f"- **{md(term.term)}**: {both(term.meaning)}")
        out.append("")
    return "\n".join(out)
