"""The pack as one standalone HTML page: no scripts, no external files.

Every string from the pack is escaped; evidence quotes link to their
paragraph in the source section at the end of the page.
"""

from __future__ import annotations

from html import escape

from fintech_tui.index import PackIndex
from fintech_tui.model import Argument, Evidence, OutlineNode, Pack
from fintech_tui.model import Text as Bilingual
from fintech_tui.nesting import nested_list, preorder
from fintech_tui.sanitize import neutralise

STYLE = """
body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; max-width: 60rem; margin: 2rem auto;
       padding: 0 1rem; line-height: 1.55; color: #1d1d1f; }
h1 { font-size: 1.6rem; } h2 { border-bottom: 1px solid #ccc; margin-top: 2.5rem; }
.zh { color: #555; } .tag { font-size: .8rem; background: #eef; border-radius: .3rem; padding: 0 .3rem; }
.inference { background: #fff4c2; } blockquote { margin: .3rem 0 .3rem 1rem; color: #333; }
table { border-collapse: collapse; } td, th { border: 1px solid #ddd; padding: .2rem .5rem; }
.para { margin: .4rem 0; } .para b { color: #06c; }
"""


def h(text: str) -> str:
    """Escaped, neutralised content."""
    return escape(neutralise(text))


def both(text: Bilingual) -> str:
    out = h(text.en) if text.en else ""
    if text.zh:
        out += f' <span class="zh" lang="zh">{h(text.zh)}</span>'
    return out


def quotes(index: PackIndex, evidence: tuple[Evidence, ...]) -> str:
    return "".join(
        f'<blockquote><a href="#{h(ev.para)}">¶{index.paragraphs[ev.para].number}</a> “{h(ev.quote)}”</blockquote>'
        for ev in evidence
    )


def inference(note: str) -> str:
    return f'<p class="inference">Inference: {h(note)}</p>' if note else ""


def to_html(pack: Pack) -> str:
    """The whole pack as a standalone HTML document."""
    index = PackIndex(pack)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{h(pack.meta.title.en or pack.meta.title.zh)}</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>{both(pack.meta.title)}</h1>",
        f"<p>{h(pack.meta.author)} {h(pack.meta.date)}</p>",
        f"<p>{h(pack.meta.note)}</p>" if pack.meta.note else "",
        "<h2>Outline</h2>",
    ]

    def outline(nodes: tuple[OutlineNode, ...]) -> str:
        items = []
        for node in nodes:
            number = f"{h(node.number)} " if node.number else ""
            link = f'<a href="#{h(node.first)}">¶{index.paragraphs[node.first].number}</a>'
            children = outline(node.children) if node.children else ""
            items.append(f"<li><b>{number}{both(node.title)}</b> {link}: {both(node.summary)}{children}</li>")
        return f"<ul>{''.join(items)}</ul>"

    parts.append(outline(pack.outline))
    parts.append("<h2>Companies and products</h2>")
    for entity in pack.entities:
        parent = index.entities.get(entity.parent)
        parts.append(f'<h3 id="entity-{h(entity.id)}">{both(entity.name)}</h3>')
        part_of = f" — part of {both(parent.name)}" if parent else ""
        parts.append(f'<p><span class="tag">{h(entity.kind)}</span>{part_of}</p><p>{both(entity.summary)}</p>')
        parts.append(inference(entity.inference))
        if entity.aliases:
            rows = "".join(
                f"<tr><td>{h(a.text)}</td><td>{h(a.note)}{' <i>(inference)</i>' if a.inference else ''}</td></tr>"
                for a in entity.aliases
            )
            parts.append(f"<table><tr><th>In the text</th><th>Reading</th></tr>{rows}</table>")
        parts.append(quotes(index, entity.evidence))
    parts.append("<h2>Strategies</h2>")
    for strategy in pack.strategies:
        owners = ", ".join(
            f'<a href="#entity-{h(e)}">{h(index.entities[e].name.en or e)}</a>' for e in strategy.pursued_by
        )
        parts.append(f"<h3>{both(strategy.name)}</h3><p>Pursued by: {owners or '—'}</p><p>{both(strategy.summary)}</p>")
        parts.append(quotes(index, strategy.evidence))
    parts.append("<h2>Arguments</h2>")

    def argument_item(argument: Argument) -> str:
        tags = " ".join(
            f'<span class="tag">{h(t)}</span>' for t in (argument.role, argument.relation, argument.hedge) if t
        )
        number = f"{h(argument.number)}. " if argument.number else ""
        return f"{number}{both(argument.claim)} {tags}{quotes(index, argument.evidence)}"

    tree = preorder(index.roots(), lambda a: index.replies.get(a.id, []))
    parts.append(nested_list((argument_item(argument), depth) for argument, depth in tree))
    if pack.figures:
        parts.append("<h2>Figures</h2><table><tr>")
        parts.append(
            "".join(f"<th>{c}</th>" for c in ("Subject", "Metric", "As written", "Value", "Unit", "Period", "Source"))
        )
        parts.append("</tr>")
        for figure in pack.figures:
            subject = index.entities.get(figure.subject)
            value = "" if figure.value is None else f"{figure.value:,}"
            cells = [
                both(subject.name) if subject else "the article",
                both(figure.metric),
                h(figure.as_written),
                value,
                h(figure.unit),
                h(figure.period),
                h(figure.source),
            ]
            parts.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        parts.append("</table>")
    if pack.glossary:
        parts.append("<h2>Glossary</h2><dl>")
        for term in pack.glossary:
            parts.append(f"<dt>{h(term.term)}</dt><dd>{both(term.meaning)} {h(term.note)}</dd>")
        parts.append("</dl>")
    parts.append("<h2>Source</h2>")
    for paragraph in pack.paragraphs:
        parts.append(
            f'<p class="para" id="{h(paragraph.id)}" lang="zh"><b>¶{paragraph.number}</b> {h(paragraph.text)}</p>'
        )
    parts.append("</body></html>")
    return "\n".join(p for p in parts if p) + "\n"
