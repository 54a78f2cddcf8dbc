"""The pack as one standalone HTML page: no scripts, no external files.

Every string from the pack is escaped; evidence quotes link to their
paragraph in the source section at the end of the page. What each section
holds comes from `export.sections`, shared with Markdown; this module only
writes it as HTML.
"""

from __future__ import annotations

from html import escape

from fintech_tui.export import sections
from fintech_tui.export.sections import heading
from fintech_tui.model import Bilingual, Pack
from fintech_tui.queries.index import PackIndex
from fintech_tui.util.nesting import nested_list
from fintech_tui.util.sanitize import neutralise

STYLE = """
body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; max-width: 60rem; margin: 2rem auto;
       padding: 0 1rem; line-height: 1.55; color: #1d1d1f; }
h1 { font-size: 1.6rem; } h2 { border-bottom: 1px solid #ccc; margin-top: 2.5rem; }
.zh { color: #555; } .tag { font-size: .8rem; background: #eef; border-radius: .3rem; padding: 0 .3rem; }
.inference { background: #fff4c2; } blockquote { margin: .3rem 0 .3rem 1rem; color: #333; }
table { border-collapse: collapse; } td, th { border: 1px solid #ddd; padding: .2rem .5rem; }
.para { margin: .8rem 0; } .para b { color: #06c; } .para p { margin: .2rem 0; }
.reading { color: #444; } .reading i { color: #777; } .notes { font-size: .9rem; color: #555; }
"""


def h(text: str) -> str:
    """Escaped, neutralised content."""
    return escape(neutralise(text))


def both(text: Bilingual) -> str:
    out = h(text.en) if text.en else ""
    if text.zh:
        out += f' <span class="zh" lang="zh">{h(text.zh)}</span>'
    return out


def quotes(found: list[sections.Quote]) -> str:
    return "".join(
        f'<blockquote><a href="#{h(quote.para)}">¶{quote.number}</a> “{h(quote.text)}”</blockquote>' for quote in found
    )


def inference(note: str) -> str:
    return f'<p class="inference">Inference: {h(note)}</p>' if note else ""


def outline(entries: list[sections.OutlineEntry]) -> str:
    items = []
    for entry in entries:
        node = entry.node
        number = f"{h(node.number)} " if node.number else ""
        link = f'<a href="#{h(node.first)}">¶{entry.first}</a>'
        children = outline(entry.children) if entry.children else ""
        items.append(f"<li><b>{number}{both(node.title)}</b> {link}: {both(node.summary)}{children}</li>")
    return f"<ul>{''.join(items)}</ul>"


def entities(index: PackIndex) -> list[str]:
    parts = []
    for entry in sections.entities(index):
        entity = entry.entity
        parts.append(f'<h3 id="entity-{h(entity.id)}">{both(entity.name)}</h3>')
        part_of = f" — part of {both(entry.parent.name)}" if entry.parent else ""
        parts.append(f'<p><span class="tag">{h(entity.kind)}</span>{part_of}</p><p>{both(entity.summary)}</p>')
        parts.append(inference(entity.inference))
        if entity.aliases:
            rows = "".join(
                f"<tr><td>{h(a.text)}</td><td>{h(a.note)}{' <i>(inference)</i>' if a.inference else ''}</td></tr>"
                for a in entity.aliases
            )
            parts.append(f"<table><tr><th>In the text</th><th>Reading</th></tr>{rows}</table>")
        parts.append(quotes(entry.quotes))
    return parts


def strategies(index: PackIndex) -> list[str]:
    parts = []
    for entry in sections.strategies(index):
        owners = ", ".join(f'<a href="#entity-{h(owner.id)}">{h(owner.name.pick("en"))}</a>' for owner in entry.owners)
        strategy = entry.strategy
        parts.append(f"<h3>{both(strategy.name)}</h3><p>Pursued by: {owners or '—'}</p><p>{both(strategy.summary)}</p>")
        parts.append(quotes(entry.quotes))
    return parts


def arguments(entries: list[sections.ArgumentEntry]) -> str:
    items = []
    for entry in entries:
        argument = entry.argument
        tags = " ".join(f'<span class="tag">{h(t)}</span>' for t in entry.tags)
        number = f"{h(argument.number)}. " if argument.number else ""
        items.append((f"{number}{both(argument.claim)} {tags}{quotes(entry.quotes)}", entry.depth))
    return nested_list(items)


def figures(index: PackIndex) -> list[str]:
    parts = [f"<h2>{heading('figure')}</h2><table><tr>"]
    parts.append("".join(f"<th>{c.capitalize()}</th>" for c in sections.FIGURE_COLUMNS))
    parts.append("</tr>")
    for entry in sections.figures(index):
        figure = entry.figure
        cells = [
            both(entry.subject.name) if entry.subject else "the article",
            both(figure.metric),
            h(figure.as_written),
            entry.value,
            h(figure.unit),
            h(figure.period),
            h(figure.source),
        ]
        parts.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    parts.append("</table>")
    return parts


def generic(section: sections.GenericSection) -> list[str]:
    parts = [f"<h2>{h(section.kind.heading)}</h2>"]
    for entry in section.entries:
        parts.append(f"<h3>{both(entry.name) if entry.name else h(entry.item.id)}</h3>")
        parts += [f"<p>{both(text)}</p>" for text in entry.texts]
        parts += [f"<p><b>{h(name)}</b>: {h(value)}</p>" for name, value in entry.fields]
        parts.append(quotes(entry.quotes))
    return parts


def marked(reading: sections.Reading) -> str:
    """The reading's text, escaped, with its notes' †n markers as superscripts."""
    out, position = [], 0
    for at, mark in sorted(reading.marks):
        out += [h(reading.text[position:at]), f'<sup class="mark">{h(mark)}</sup>']
        position = at
    return "".join([*out, h(reading.text[position:])])


def source(index: PackIndex) -> list[str]:
    """Each paragraph as written, then the pack's restored reading and English translation."""
    parts = [f"<h2>{heading('paragraph')}</h2>"]
    for entry in sections.source(index):
        paragraph = entry.paragraph
        parts.append(f'<div class="para" id="{h(paragraph.id)}">')
        parts.append(f'<p lang="zh"><b>¶{paragraph.number}</b> {h(paragraph.text)}</p>')
        parts += [
            f'<p class="reading" lang="{reading.lang}"><i>{h(reading.label)}:</i> {marked(reading)}</p>'
            for reading in entry.readings
        ]
        if entry.notes:
            lines = enumerate(map(sections.note_line, entry.notes), 1)
            notes = "".join(
                f'<li><sup class="mark">†{n}</sup> {h(change)}: {h(why)}</li>' for n, (change, why) in lines
            )
            parts.append(f'<ul class="notes">{notes}</ul>')
        parts.append("</div>")
    return parts


def to_html(pack: Pack) -> str:
    """The whole pack as a standalone HTML document."""
    index = PackIndex(pack)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{h(pack.meta.title.pick('en'))}</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>{both(pack.meta.title)}</h1>",
        f"<p>{h(pack.meta.author)} {h(pack.meta.date)}</p>",
        f"<p>{h(pack.meta.note)}</p>" if pack.meta.note else "",
        f"<h2>{heading('section')}</h2>",
        outline(sections.outline(index)),
        f"<h2>{heading('entity')}</h2>",
        *entities(index),
        f"<h2>{heading('strategy')}</h2>",
        *strategies(index),
        f"<h2>{heading('argument')}</h2>",
        arguments(sections.arguments(index)),
    ]
    if pack.figures:
        parts += figures(index)
    if pack.glossary:
        parts.append(f"<h2>{heading('term')}</h2><dl>")
        for term in pack.glossary:
            parts.append(f"<dt>{h(term.term)}</dt><dd>{both(term.meaning)} {h(term.note)}</dd>")
        parts.append("</dl>")
    for section in sections.generic_sections(index):
        parts += generic(section)
    parts += source(index)
    parts.append("</body></html>")
    return "\n".join(p for p in parts if p) + "\n"
