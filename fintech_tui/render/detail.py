"""The detail view of one item: a Rich body plus the links a reader can follow.

`describe()` returns both together so the body and its link list never
disagree about what is related; which function builds them is chosen by the
item's class (`functools.singledispatch`), with a generic view for a kind that
has none of its own. Everything from content goes through `render.safe`, so
it is shown as text, never interpreted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import singledispatch
from typing import Any, Literal

import msgspec
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from fintech_tui.i18n import has, join_list, phrase, value_phrase
from fintech_tui.model import (
    Argument,
    Bilingual,
    Entity,
    Evidence,
    Figure,
    GlossaryTerm,
    Lang,
    OutlineNode,
    Paragraph,
    Strategy,
    kind_of,
)
from fintech_tui.model.plan import references, yaml_fields
from fintech_tui.queries.index import PackIndex, Ref, ref_of
from fintech_tui.render.labels import ROLE_STYLE, first_bilingual, item_kind, item_label, kind_title, pair
from fintech_tui.render.numbers import format_amount, format_number
from fintech_tui.render.safe import one_line, plain, shortened

#: What following a link does: open the item, or show the source at a quote.
LinkKind = Literal["item", "evidence"]


class Link(msgspec.Struct, frozen=True):
    """Something the reader can follow from a detail view."""

    group: str  # the heading it is listed under
    ref: Ref
    label: Text
    quote: str = ""  # for evidence: the words to highlight in the source
    kind: LinkKind = "item"


#: The pack's reading of a cited paragraph shown under a quote, by label language:
#: the paragraph's field and the message naming it.
EVIDENCE_READINGS: dict[Lang, tuple[str, str]] = {
    "en": ("en", "reading.en"),
    "zh": ("restored", "reading.restored"),
}


#: A section links to at most this many of its paragraphs (the source view shows them all): a
#: link per paragraph of a 100,000-paragraph article kept the explorer busy for seconds.
MAX_SOURCE_LINKS = 200
#: A detail pane shows this much of a paragraph (or its reading); the source view shows all of it.
SHOWN_CHARS = 1_200


def shown_part(text: str, at: float = 0.0, reach: int = SHOWN_CHARS) -> tuple[str, str, str]:
    """The part of `text` a pane shows: all of it, or `reach` characters around the fraction `at`
    of the way through it, with "…" where text is left out before and after."""
    if len(text) <= reach:
        return "", text, ""
    start = min(max(0, int(at * len(text)) - reach // 2), len(text) - reach)
    return ("…" if start else ""), text[start : start + reach], ("…" if start + reach < len(text) else "")


def _around(text: str, at: float) -> Text:
    before, part, after = shown_part(text, at)
    return Text.assemble(before, plain(part, "dim"), after)


class CitedQuote(msgspec.Struct, frozen=True):
    """A quote of the evidence, with the pack's reading of its whole paragraph
    (the English, or the restored Chinese) to show under it or not."""

    number: int
    quote: str
    reading: str = ""
    reading_name: str = ""  # says whose reading it is: "English translation of ¶8: "
    at: float = 0.0  # how far through its paragraph the quote stands: a long reading is shown around there

    def renderable(self, with_reading: bool) -> RenderableType:
        line = Text.assemble((f"¶{self.number:<3}", "bold cyan"), "“", plain(self.quote, "italic"), "”")
        if not (with_reading and self.reading):
            return line
        under = Text.assemble((self.reading_name, "dim bold"), _around(self.reading, self.at))
        return Group(line, Padding(under, (0, 0, 0, 4)))


class Detail(msgspec.Struct):
    """What the detail pane shows for one item."""

    title: Text
    body: list[RenderableType | CitedQuote] = msgspec.field(default_factory=list)
    links: list[Link] = msgspec.field(default_factory=list)

    def renderable(self, *, readings: bool = True) -> RenderableType:
        """The body; `readings` shows the reading of each cited paragraph under its quote."""
        parts = [part.renderable(readings) if isinstance(part, CitedQuote) else part for part in self.body]
        return Group(self.title, *parts)

    @property
    def has_readings(self) -> bool:
        """Whether some quote has a reading of its paragraph to show."""
        return any(isinstance(part, CitedQuote) and part.reading for part in self.body)

    def heading(self, text: str) -> None:
        self.body.append(Text(f"\n{text}", style="bold underline"))

    def link(self, group: str, index: PackIndex, refs: Iterable[Ref], lang: Lang) -> None:
        for ref in refs:
            self.links.append(Link(group, ref, item_label(index, ref, lang)))

    def related(self, heading: str, group: str, index: PackIndex, refs: list[Ref], lang: Lang) -> None:
        """A headed table of related items, each also a link in `group`; nothing if none."""
        if refs:
            self.heading(heading)
            self.body.append(_cited_by_table(index, refs, lang))
            self.link(group, index, refs, lang)


def _badges(*parts: tuple[str, str]) -> Text:
    text = Text()
    for label, style in parts:
        if label:
            text.append(f" {label} ", style=style)
            text.append(" ")
    return text


def _inference(detail: Detail, note: str, lang: Lang) -> None:
    if note:
        detail.body.append(
            Text.assemble(("\n" + phrase("detail.inference", lang), "bold yellow"), plain(note, "yellow"))
        )


def _inferred(inference: str, lang: Lang) -> tuple[str, str]:
    """The badge of an item the pack infers (nothing if it does not)."""
    return (phrase("detail.inference_badge", lang), "black on yellow") if inference else ("", "")


def _prose(detail: Detail, text: str, style: str = "") -> None:
    if text:
        detail.body.append(plain(text, style))


def _bilingual(detail: Detail, text: Bilingual, lang: Lang) -> None:
    first, second = text.ordered(lang)
    _prose(detail, first)
    _prose(detail, second, "dim")


def _evidence(detail: Detail, index: PackIndex, evidence: tuple[Evidence, ...], lang: Lang) -> None:
    if not evidence:
        return
    detail.heading(phrase("heading.evidence", lang))
    field_name, reading_key = EVIDENCE_READINGS[lang]
    group = phrase("link.evidence", lang)
    for ev in evidence:
        paragraph = index.paragraphs[ev.para]
        name = phrase("detail.reading_of", lang, reading=phrase(reading_key, lang), number=paragraph.number)
        at = max(paragraph.text.find(ev.quote), 0) / max(len(paragraph.text), 1)
        detail.body.append(CitedQuote(paragraph.number, ev.quote, getattr(paragraph, field_name), name, at))
        label = Text.assemble((f"¶{paragraph.number} ", "bold cyan"), one_line(ev.quote, "italic"))
        detail.links.append(Link(group, Ref("paragraph", ev.para), label, ev.quote, kind="evidence"))


def _cited_by_table(index: PackIndex, refs: Iterable[Ref], lang: Lang) -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_column(style="dim italic", no_wrap=True)
    table.add_column(overflow="fold")
    for ref in refs:
        table.add_row(item_kind(index, ref, lang), item_label(index, ref, lang))
    return table


def _figures_table(index: PackIndex, figures: Iterable[Figure], lang: Lang) -> Table:
    table = Table(box=None, pad_edge=False, header_style="bold", show_edge=False)
    for column in ("metric", "as_written", "value", "period", "source"):
        table.add_column(phrase(f"column.{column}", lang), overflow="fold")
    for figure in figures:
        table.add_row(
            one_line(figure.metric.pick(lang)),
            plain(figure.as_written),
            format_value(figure, lang),
            plain(figure.period),
            plain(figure.source),
        )
    return table


def format_value(figure: Figure, lang: Lang) -> Text:
    """The figure's value as a reader words it: the number with its unit as `lang` writes them
    (50,000,000 users, 5000万用户), a rank as an ordinal (2nd, 第2名), and where the article gives
    no number, its own words (数亿用户, not a dash)."""
    if figure.value is not None and (lang == "zh" or not is_rank(figure)):
        text = Text(format_amount(figure.value, figure.unit, lang), style="bold")
    else:
        text = value_words(figure, lang, style="bold")
        if is_rank(figure) and (among := figure.unit.partition(" (")[2].rstrip(")")):
            text.append_text(plain(f" ({among})"))
    if figure.hedge:
        text.append(f" ({value_phrase('hedge', figure.hedge, lang)})", style="yellow")
    return text


def is_rank(figure: Figure) -> bool:
    """Whether the figure is a place in an order (unit "rank", perhaps with what it ranks among)."""
    return figure.unit.split(" (")[0].strip() == "rank"


def ordinal(number: float, lang: Lang) -> str:
    """2 → 2nd (第2 in Chinese); a number that is no whole place stays as written."""
    if not float(number).is_integer() or number < 1:
        return format_number(number, lang)
    whole = int(number)
    if lang == "zh":
        return f"第{whole}"
    suffix = "th" if 10 <= whole % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(whole % 10, "th")
    return f"{whole:,}{suffix}"


def value_words(figure: Figure, lang: Lang, style: str = "") -> Text:
    """The value alone, worded: the number, a rank's ordinal, or the article's words when it gives no number."""
    if figure.value is None:
        return plain(figure.as_written, "italic") if figure.as_written else Text("—", style="dim")
    return Text(ordinal(figure.value, lang) if is_rank(figure) else format_number(figure.value, lang), style=style)


def describe(index: PackIndex, ref: Ref, lang: Lang) -> Detail:
    """The detail view of the item `ref` names, with the items that refer to it."""
    item = index.get(ref)
    if item is None:
        return Detail(Text(phrase("detail.missing", lang, ref=ref), style="red"))
    detail = describe_item(item, index, lang)
    _backlinks(detail, index, ref, lang)
    return detail


def _backlinks(detail: Detail, index: PackIndex, ref: Ref, lang: Lang) -> None:
    """The items naming `ref` in a reference field no view lists by hand, one group per field."""
    groups: dict[tuple[str, str], list[Ref]] = {}
    for referrer in index.referrers.get(ref, ()):
        groups.setdefault((referrer.ref.kind, referrer.field), []).append(referrer.ref)
    for (kind, field), refs in groups.items():
        heading = phrase("link.referred_by", lang, kind=kind_title(kind, lang), field=field_name(field, lang))
        detail.related(heading, heading, index, refs, lang)


def field_name(field: str, lang: Lang) -> str:
    """A field's name as the views write it: the table's `field.<name>` if it has one, else the name itself."""
    key = f"field.{field}"
    return phrase(key, lang) if has(key) else field.replace("_", " ")


@singledispatch
def describe_item(item: Any, index: PackIndex, lang: Lang) -> Detail:
    """The detail view of an item of a kind without a view of its own: its bilingual
    fields, its plain text fields, the items it refers to, and its evidence."""
    name = first_bilingual(item)
    detail = Detail(pair(name, lang) if name else plain(item.id, "bold"))
    kind = kind_of(item)
    detail.body.append(_badges((kind.zh if lang == "zh" else kind.singular, "reverse")))
    for spec in yaml_fields(type(item)):
        value = getattr(item, spec.name)
        if isinstance(value, Bilingual) and value is not name:
            _bilingual(detail, value, lang)
        elif isinstance(value, str) and value and spec.name != "id" and not spec.ref:
            label = phrase("detail.field", lang, field=field_name(spec.name, lang))
            detail.body.append(Text.assemble((label, "dim"), plain(value)))
    for spec in references(type(item)):
        value = getattr(item, spec.name)
        ids = value if isinstance(value, tuple) else (value,)
        refs = [Ref(spec.ref, i) for i in ids if i and index.get(Ref(spec.ref, i)) is not None]
        heading = field_name(spec.name, lang)
        detail.related(heading[:1].upper() + heading[1:], heading, index, refs, lang)
    _evidence(detail, index, getattr(item, "evidence", ()), lang)
    return detail


@describe_item.register
def describe_entity(entity: Entity, index: PackIndex, lang: Lang) -> Detail:
    detail = Detail(pair(entity.name, lang))
    parent = index.entities.get(entity.parent)
    badges = _badges((value_phrase("entity_kind", entity.kind, lang), "reverse"), _inferred(entity.inference, lang))
    if parent is not None:
        badges.append(phrase("detail.part_of", lang))
        badges.append_text(pair(parent.name, lang))
    detail.body.append(badges)
    _bilingual(detail, entity.summary, lang)
    _inference(detail, entity.inference, lang)
    if entity.aliases:
        detail.heading(phrase("heading.names", lang))
        occurrences = index.alias_occurrences(entity)
        table = Table(box=None, show_edge=False, pad_edge=False, header_style="bold")
        table.add_column(phrase("column.form", lang), no_wrap=True)
        table.add_column("¶", no_wrap=True, style="cyan")
        table.add_column(phrase("column.reading", lang), overflow="fold")
        for alias in entity.aliases:
            numbers = occurrences.get(alias.text, [])
            where = join_list((str(n) for n in numbers[:SHOWN_OCCURRENCES]), lang)
            if len(numbers) > SHOWN_OCCURRENCES:  # say how many more rather than stop short
                where += phrase("list.separator", lang) + f"…+{len(numbers) - SHOWN_OCCURRENCES}"
            reading = plain(alias.note)
            if alias.inference:
                reading.append(" ⚠ ", "yellow")
                reading.append_text(plain(alias.inference, "yellow"))
            table.add_row(plain(alias.text, "bold"), where, reading)
        detail.body.append(table)
    if parent is not None:
        detail.link(phrase("link.part_of", lang), index, [ref_of(parent)], lang)
    children = [ref_of(x) for x in index.children_of.get(entity.id, [])]
    detail.related(phrase("heading.products", lang), phrase("link.products", lang), index, children, lang)
    pursued = [ref_of(x) for x in index.strategies_of.get(entity.id, [])]
    detail.related(phrase("heading.strategies_pursued", lang), phrase("link.strategies", lang), index, pursued, lang)
    about = [ref_of(x) for x in index.arguments_about.get(entity.id, [])]
    detail.related(phrase("heading.arguments_concern", lang), phrase("link.arguments", lang), index, about, lang)
    figures = index.figures_of.get(entity.id, [])
    if figures:
        detail.heading(phrase("heading.figures", lang))
        detail.body.append(_figures_table(index, figures, lang))
        detail.link(phrase("link.figures", lang), index, map(ref_of, figures), lang)
    _evidence(detail, index, entity.evidence, lang)
    return detail


@describe_item.register
def describe_strategy(strategy: Strategy, index: PackIndex, lang: Lang) -> Detail:
    detail = Detail(pair(strategy.name, lang))
    detail.body.append(_badges((phrase("badge.strategy", lang), "reverse"), _inferred(strategy.inference, lang)))
    _bilingual(detail, strategy.summary, lang)
    _inference(detail, strategy.inference, lang)
    owners = [index.entities[e] for e in strategy.pursued_by]
    detail.heading(phrase("heading.pursued_by", lang))
    if owners:
        detail.body.append(_cited_by_table(index, map(ref_of, owners), lang))
        detail.link(phrase("link.pursued_by", lang), index, map(ref_of, owners), lang)
    else:
        detail.body.append(Text(phrase("detail.no_owner", lang), style="dim"))
    using = [ref_of(x) for x in index.arguments_using.get(strategy.id, [])]
    detail.related(phrase("heading.arguments_use", lang), phrase("link.arguments", lang), index, using, lang)
    _evidence(detail, index, strategy.evidence, lang)
    return detail


SHOWN_OCCURRENCES = 8  # ¶ numbers listed for a name in the text before "…+N"
CRUMB_WIDTH = 24  # cells of each claim up the tree in an argument's breadcrumb


@describe_item.register
def describe_argument(argument: Argument, index: PackIndex, lang: Lang) -> Detail:
    chain = index.breadcrumb(argument)
    crumbs = Text(no_wrap=True, overflow="ellipsis", style="dim")
    for step in chain[:-1]:
        crumbs.append_text(shortened(step.claim.pick(lang), CRUMB_WIDTH))
        crumbs.append(" › ")
    title = Text()
    title.append_text(crumbs)
    title.append("\n")
    title.append_text(plain(argument.claim.pick(lang), "bold"))
    detail = Detail(title)
    role = value_phrase("role", argument.role, lang).replace("-", " ")
    badges = _badges(
        (role, f"reverse {ROLE_STYLE.get(argument.role, '')}"),
        (f"#{argument.number}" if argument.number else "", "bold"),
        (value_phrase("relation", argument.relation, lang) if argument.relation else "", "italic"),
        (value_phrase("hedge", argument.hedge, lang) if argument.hedge else "", "black on yellow"),
        _inferred(argument.inference, lang),
    )
    detail.body.append(badges)
    _prose(detail, argument.claim.other(lang), "dim")
    if argument.emphasis:
        detail.body.append(Text.assemble(("★ ", "bold yellow"), plain(argument.emphasis, "yellow")))
    _inference(detail, argument.inference, lang)
    if len(chain) > 1:
        detail.heading(phrase("heading.breadcrumb", lang))
        for depth, step in enumerate(chain[:-1]):
            detail.body.append(
                Text.assemble("  " * depth, "↳ " if depth else "", item_label(index, ref_of(step), lang))
            )
        detail.link(phrase("link.up_the_tree", lang), index, (ref_of(step) for step in reversed(chain[:-1])), lang)
    replies = index.replies.get(argument.id, [])
    if replies:
        detail.heading(phrase("heading.children", lang))
        table = Table.grid(padding=(0, 1))
        table.add_column(no_wrap=True)
        table.add_column(overflow="fold")
        for child in replies:
            relation = value_phrase("relation", child.relation, lang) if child.relation else ""
            table.add_row(Text(relation, style="italic"), item_label(index, ref_of(child), lang))
        detail.body.append(table)
        detail.link(phrase("link.children", lang), index, map(ref_of, replies), lang)
    concerns = [Ref("entity", e) for e in argument.concerns]
    detail.related(phrase("heading.concerns", lang), phrase("link.concerns", lang), index, concerns, lang)
    strategies = [Ref("strategy", s) for s in argument.strategies]
    detail.related(phrase("heading.strategies", lang), phrase("link.strategies", lang), index, strategies, lang)
    _evidence(detail, index, argument.evidence, lang)
    return detail


def figure_facts(figure: Figure, index: PackIndex, lang: Lang) -> Table:
    """The whole of a figure, one field a line (the figures view's row, nothing cut): metric,
    value, as written, unit, period, source, hedge and subject."""
    subject = index.entities.get(figure.subject)
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    not_stated = Text(phrase("figure.not_stated", lang), style="dim")
    hedge = value_phrase("hedge", figure.hedge, lang) if figure.hedge else ""
    rows = (
        ("metric", pair(figure.metric, lang)),
        ("value", format_value(figure, lang)),
        ("as_written", plain(figure.as_written, "bold cyan")),
        ("unit", plain(figure.unit) if figure.unit else not_stated),
        ("period", plain(figure.period) if figure.period else not_stated),
        ("source", plain(figure.source) if figure.source else Text(phrase("figure.not_named", lang), style="dim")),
        ("hedge", Text(hedge, style="yellow") if hedge else Text(phrase("figure.stated", lang), style="dim")),
        ("subject", pair(subject.name, lang) if subject else Text(phrase("figure.article_itself", lang), style="dim")),
    )
    for column, value in rows:
        table.add_row(phrase(f"column.{column}", lang), value)
    return table


@describe_item.register
def describe_figure(figure: Figure, index: PackIndex, lang: Lang) -> Detail:
    subject = index.entities.get(figure.subject)
    title = Text.assemble(one_line(figure.metric.pick(lang), "bold"), " — ", plain(figure.as_written, "bold cyan"))
    detail = Detail(title)
    detail.body.append(
        _badges(
            (phrase("badge.figure", lang), "reverse"),
            (value_phrase("hedge", figure.hedge, lang) if figure.hedge else "", "black on yellow"),
            _inferred(figure.inference, lang),
        )
    )
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    article = Text(phrase("figure.article_itself", lang), style="dim")
    table.add_row(phrase("column.subject", lang), pair(subject.name, lang) if subject else article)
    table.add_row(phrase("column.value", lang), format_value(figure, lang))
    table.add_row(phrase("column.as_written", lang), plain(figure.as_written))
    not_stated = Text(phrase("figure.not_stated", lang), style="dim")
    table.add_row(phrase("column.period", lang), plain(figure.period) if figure.period else not_stated)
    not_named = Text(phrase("figure.not_named", lang), style="dim")
    table.add_row(phrase("column.source", lang), plain(figure.source) if figure.source else not_named)
    detail.body.append(table)
    _inference(detail, figure.inference, lang)
    if subject is not None:
        detail.link(phrase("link.subject", lang), index, [ref_of(subject)], lang)
    _evidence(detail, index, figure.evidence, lang)
    return detail


@describe_item.register
def describe_term(term: GlossaryTerm, index: PackIndex, lang: Lang) -> Detail:
    detail = Detail(Text.assemble(plain(term.term, "bold"), "  →  ", pair(term.meaning, lang)))
    detail.body.append(_badges((phrase("badge.term", lang), "reverse"), _inferred(term.inference, lang)))
    _prose(detail, term.note)
    _inference(detail, term.inference, lang)
    _evidence(detail, index, term.evidence, lang)
    return detail


@describe_item.register
def describe_section(node: OutlineNode, index: PackIndex, lang: Lang) -> Detail:
    detail = Detail(pair(node.title, lang))
    first, last = index.span(node)
    span = f"¶{first}" if first == last else f"¶{first}–{last}"
    detail.body.append(
        _badges(
            (value_phrase("outline_kind", node.kind, lang), "reverse"),
            (f"#{node.number}" if node.number else "", "bold"),
            (span, "bold cyan"),
        )
    )
    _bilingual(detail, node.summary, lang)
    parts = [ref_of(child) for child in node.children]
    detail.related(phrase("heading.parts", lang), phrase("link.parts", lang), index, parts, lang)
    detail.heading(phrase("heading.text", lang))
    paragraphs = index.covered(node)
    for paragraph in paragraphs[:12]:
        _, part, more = shown_part(paragraph.text)
        if more:  # what is left, and where to read it
            more = phrase("detail.more_characters", lang, count=len(paragraph.text) - len(part))
        detail.body.append(Text.assemble((f"¶{paragraph.number:<3}", "bold cyan"), plain(part), (more, "dim")))
    if len(paragraphs) > 12:
        more = phrase("detail.more_paragraphs", lang, count=len(paragraphs) - 12)
        detail.body.append(Text(more, style="dim"))
    detail.link(phrase("link.source", lang), index, (ref_of(p) for p in paragraphs[:MAX_SOURCE_LINKS]), lang)
    cited = _citations(index, paragraphs)
    detail.related(phrase("heading.drawn_from", lang), phrase("link.drawn_from", lang), index, cited, lang)
    return detail


def _citations(index: PackIndex, paragraphs: Iterable[Paragraph]) -> list[Ref]:
    seen: dict[Ref, None] = {}
    for paragraph in paragraphs:
        for citation in index.citations.get(paragraph.id, []):
            seen.setdefault(citation.ref, None)
    return list(seen)


@describe_item.register
def describe_paragraph(paragraph: Paragraph, index: PackIndex, lang: Lang) -> Detail:
    from fintech_tui.render.pages import page_count, page_of
    from fintech_tui.render.readings import english_paragraph, reading_notes, restored_paragraph
    from fintech_tui.render.source import marked_paragraph

    detail = Detail(Text(f"¶{paragraph.number}", style="bold cyan"))
    section = index.section_of(paragraph)
    if section is not None:
        detail.body.append(Text.assemble(phrase("detail.in_section", lang), item_label(index, ref_of(section), lang)))
        detail.link(phrase("link.section", lang), index, [ref_of(section)], lang)
    pages = page_count(paragraph)
    shown = page_of(paragraph, 0, pages)  # a long paragraph's first page: the source view has the rest
    more = Text(phrase("detail.more_characters", lang, count=len(paragraph.text) - len(shown.text)), style="dim")
    detail.body.append(marked_paragraph(index, shown))
    if pages > 1:
        detail.body.append(more)
    readings: list[tuple[str, str, Callable[..., Text]]] = [
        ("reading.restored_heading", paragraph.restored, restored_paragraph),
        ("reading.en_heading", paragraph.en, english_paragraph),
    ]
    for heading, given, render in readings if lang == "zh" else readings[::-1]:
        if given:
            detail.heading(phrase(heading, lang))
            detail.body.append(render(shown, lang=lang))
    if (notes := reading_notes(paragraph, lang)) is not None:
        detail.heading(phrase("reading.notes_heading", lang))
        detail.body.append(notes)
    cited = _citations(index, [paragraph])
    detail.heading(phrase("heading.cited_by", lang))
    if cited:
        detail.body.append(_cited_by_table(index, cited, lang))
        detail.link(phrase("link.cited_by", lang), index, cited, lang)
    else:
        detail.body.append(Text(phrase("detail.nothing_cites", lang), style="dim"))
    return detail
