"""The library's rows and lines as Rich text: one article, one shared entity, one search hit.

Pure functions of the library's rows (`fintech_tui.library.catalog`), no Textual:
every string from a pack goes in through `one_line`/`plain`, never as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.table import Table
from rich.text import Text

from fintech_tui.i18n import phrase, value_phrase
from fintech_tui.model import Bilingual, Lang
from fintech_tui.render.labels import kind_title, pair
from fintech_tui.render.numbers import format_number
from fintech_tui.render.safe import clipped, one_line

if TYPE_CHECKING:
    from fintech_tui.library.catalog import (
        AcrossRow,
        ArticleRow,
        ClaimLinkRow,
        ClaimRow,
        Disagreement,
        FigureRow,
        Member,
        SearchHit,
        SharedEntity,
    )

#: The library list's columns, by id; their headings are the messages `column.<id>`.
ARTICLE_COLUMNS = ("title", "author", "date", "entities", "claims", "figures")
COUNT_COLUMNS = ("entities", "claims", "figures")
MARK = "✓ "  # before a marked article's title
BROKEN = "✗ "  # before a broken pack's key


def title_cell(title: Bilingual, lang: Lang, width: int, *, marked: bool = False) -> Text:
    """The title in `lang` with the other language dimmed beside it, as the explorer's
    labels show bilingual names; cut with "…" to `width` cells."""
    cell = Text(MARK, style="bold green") if marked else Text()
    cell.append_text(pair(title, lang))
    cell.truncate(width, overflow="ellipsis")
    cell.no_wrap = True
    return cell


def count_cell(number: int) -> Text:
    return Text(f"{number:,}", justify="right")


def article_cells(row: ArticleRow, lang: Lang, widths: dict[str, int], *, marked: bool = False) -> list[Text]:
    """One article's cells, in ARTICLE_COLUMNS order, each cut to its column's width;
    a broken pack's title is its key, marked, and it has no counts (its problems are listed apart)."""
    if row.problems:
        title = Text(BROKEN, style="bold red")
        title.append_text(one_line(row.key, "red"))
        title.truncate(widths["title"], overflow="ellipsis")
        problems = phrase("library.problems", lang, count=len(row.problems))
        return [
            title,
            Text(problems, style="red"),
            Text(""),
            *(Text("—", style="dim", justify="right") for _ in COUNT_COLUMNS),
        ]
    date = one_line(row.date) if row.date else Text(phrase("library.no_date", lang), style="dim")
    return [
        title_cell(row.title, lang, widths["title"], marked=marked),
        clipped(row.author, widths["author"]),
        date,
        *(count_cell(getattr(row, name)) for name in COUNT_COLUMNS),
    ]


def broken_lines(rows: tuple[ArticleRow, ...], lang: Lang, folder: str = "") -> Text:
    """The broken packs and their problems (FILE:LINE:COL lines), one under another; a file
    inside the library `folder` is named from there, as the reader names it."""
    prefix = folder.rstrip("/") + "/" if folder else ""
    text = Text(phrase("library.broken", lang, count=len(rows)), style="bold red")
    for row in rows:
        text.append("\n")
        text.append_text(one_line(row.key, "bold"))
        for problem in row.problems:
            text.append("\n  ")
            text.append_text(one_line(problem.removeprefix(prefix) if prefix else problem, "red"))
    return text


def match_note(member: Member, shared: SharedEntity, lang: Lang) -> Text:
    """How this article's entity was matched to the others: declared (same_as) or inferred."""
    if member.inferred:
        return Text(phrase("across.inferred", lang), style="italic yellow")
    return Text(phrase("across.declared", lang, key=shared.key), style="dim")


def across_heading(row: AcrossRow, member: Member | None, shared: SharedEntity, lang: Lang) -> Text:
    """An article's heading in the entity's library view, on one line: its date, how the match
    was made (declared, or inferred from names), then its title, which gives way first."""
    heading = Text("▌ ", style="bold cyan", no_wrap=True, overflow="ellipsis")
    if row.article.date:
        heading.append(f"{row.article.date}  ", style="dim")
    if member is not None:
        heading.append_text(match_note(member, shared, lang))
        heading.append("  ")
    heading.append_text(pair(row.article.title, lang))
    return heading


def hedge_word(hedge: str, lang: Lang) -> Text:
    """A hedge ("estimate", "prediction") as its label, marked "~" as the figures view does."""
    if not hedge:
        return Text("")
    return Text(f"~ {value_phrase('hedge', hedge, lang)}", style="yellow")


def claim_line(claim: ClaimRow, lang: Lang) -> Text:
    """A claim: its role, its words in `lang` and its hedge."""
    line = Text(f"{value_phrase('role', claim.role, lang)}: ", style="dim")
    line.append_text(one_line(claim.claim.pick(lang)))
    if claim.relation:
        line.append(f"  ({value_phrase('relation', claim.relation, lang)})", style="dim")
    if claim.hedge:
        line.append("  ")
        line.append_text(hedge_word(claim.hedge, lang))
    return line


def link_line(
    link: ClaimLinkRow,
    outgoing: bool,
    titles: dict[str, Bilingual],
    shown: dict[tuple[str, str], ClaimRow],
    lang: Lang,
) -> Text:
    """One link to a claim of another article: its title (or key) and the claim's words when it is on
    screen, else its id; the relation is always the declaring claim's (`supports` what it points at)."""
    title = titles.get(link.article)
    article = title.pick(lang) if title is not None else link.article
    other = shown.get((link.article, link.claim))
    claim = other.claim.pick(lang) if other is not None else f"#{link.claim}"
    words = phrase(
        "sides.link_out" if outgoing else "sides.link_in",
        lang,
        relation=value_phrase("relation", link.relation, lang),
        article=one_line(article).plain,
        claim=one_line(claim).plain,
    )
    return Text(words, style="magenta" if link.relation == "opposes" else "cyan")


def claim_with_links(
    claim: ClaimRow, titles: dict[str, Bilingual], shown: dict[tuple[str, str], ClaimRow], lang: Lang
) -> Text:
    """A claim's line, then a line for each claim of another article it supports or opposes, and for each
    that supports or opposes it."""
    lines = [claim_line(claim, lang)]
    lines += [link_line(link, True, titles, shown, lang) for link in claim.links]
    lines += [link_line(link, False, titles, shown, lang) for link in claim.linked_from]
    return Text("\n").join(lines)


def figure_value(figure: FigureRow) -> Text:
    """The value with its unit, or "—" when the article gives none."""
    if figure.value is None:
        return Text("—", style="dim")
    return one_line(f"{format_number(figure.value)} {figure.unit.split(' (')[0]}".strip())


def figure_line(figure: FigureRow, lang: Lang) -> Text:
    """A figure: metric, as written, value, period, hedge and source."""
    line = one_line(figure.metric.pick(lang), "bold")
    line.append(phrase("list.colon", lang))
    line.append_text(one_line(figure.as_written))
    if figure.value is not None:
        line.append("  = ", style="dim")
        line.append_text(figure_value(figure))
    if figure.period:
        line.append("  · ", style="dim")
        line.append_text(one_line(figure.period))
    if figure.hedge:
        line.append("  ")
        line.append_text(hedge_word(figure.hedge, lang))
    if figure.source:
        line.append("  ← ", style="dim")
        line.append_text(one_line(figure.source, "dim"))
    return line


def quote_line(number: int, quote: str) -> Text:
    """A quote with the ¶ number of its paragraph."""
    line = Text(f"¶{number} ", style="cyan")
    line.append_text(one_line(f"「{quote}」"))
    return line


def hit_label(hit: SearchHit, lang: Lang) -> Text:
    """A search hit: its kind, its label and, dimmed, the words around the match."""
    line = Text(f"{kind_title(hit.kind, lang)}  ", style="dim")
    line.append_text(one_line(hit.label, "bold"))
    if hit.snippet and hit.snippet != hit.label:
        line.append("  ")
        line.append_text(one_line(hit.snippet, "dim"))
    return line


def shared_cells(shared: SharedEntity, lang: Lang, width: int) -> list[Text]:
    """A shared entity's row: its name (both languages), kind, and how many articles name it."""
    articles = len({member.article for member in shared.members})
    inferred = any(member.inferred for member in shared.members)
    name = pair(shared.name, lang)
    if inferred:
        name.append(" ≈", style="yellow")
    name.truncate(width, overflow="ellipsis")
    return [name, Text(value_phrase("entity_kind", shared.kind, lang), style="dim"), count_cell(articles)]


#: The figures-over-time table's columns, by id, and their widths; headings are `column.<id>`.
SERIES_COLUMNS = {"period": 18, "value": 18, "article": 22, "hedge": 12, "date": 13, "as_written": 14, "source": 18}


def series_cells(point: FigureRow, title: str, differs: bool, lang: Lang) -> list[Text]:
    """One article's figure as a row of the series (SERIES_COLUMNS order, each cut to its width):
    marked "≠" when another article differs for its period, "≈" when its date is inferred."""
    widths = SERIES_COLUMNS
    period = clipped(point.period, widths["period"] - 2 * differs) if point.period else Text("—", style="dim")
    if differs:
        period = Text.assemble(("≠ ", "bold red"), period)
    value = figure_value(point)
    if differs:
        value.stylize("bold red")
    date = one_line(point.period_date, "dim") if point.period_date else Text("—", style="dim")
    if point.period_inferred:  # dated from the article's own date (今年, "this year"), not its words
        date = Text.assemble(("≈ ", "yellow"), date)
    return [
        period,
        value,
        clipped(title, widths["article"]),
        hedge_word(point.hedge, lang),
        date,
        clipped(point.as_written, widths["as_written"]),
        clipped(point.source, widths["source"], "dim"),
    ]


def compact_number(value: float, lang: Lang) -> str:
    """A chart's axis label: 100,000,000 as "100M" (English) or "1亿" (Chinese)."""
    steps = ((1e8, "亿"), (1e4, "万")) if lang == "zh" else ((1e9, "B"), (1e6, "M"), (1e3, "K"))
    for size, suffix in steps:
        if abs(value) >= size:
            return f"{value / size:.4g}{suffix}"
    return f"{value:.4g}"


def disagreement_lines(disagreements: tuple[Disagreement, ...], lang: Lang) -> Text:
    """What the view says of disagreements: per period, each article's value."""
    if not disagreements:
        return Text(phrase("series.agree", lang), style="dim")
    text = Text()
    for number, disagreement in enumerate(disagreements):
        if number:
            text.append("\n")
        text.append(phrase("series.disagree", lang, period=disagreement.period), style="bold red")
        text.append(phrase("list.colon", lang))
        text.append_text(
            Text(" · ").join(
                Text.assemble(one_line(point.article, "dim"), " ", figure_value(point)) for point in disagreement.points
            )
        )
    return text


SIDE_MIN_WIDTH = 24  # narrower, a column breaks every claim into short lines: the table scrolls sideways


def sides_table(columns: dict[str, tuple[ClaimRow, ...]], titles: dict[str, Bilingual], lang: Lang, room: int) -> Table:
    """One column per article, its claims one under another (relation and hedge shown)."""
    width = max(SIDE_MIN_WIDTH, room // max(len(columns), 1) - 3)
    table = Table(box=box.SIMPLE_HEAD, show_lines=False, header_style="bold", padding=(0, 1))
    for key in columns:
        header = pair(titles.get(key, Bilingual(en=key)), lang)
        header.no_wrap = False
        table.add_column(header, width=width, vertical="top")
    shown = {(claim.article, claim.id): claim for claims in columns.values() for claim in claims}
    cells: list[Text] = []
    for claims in columns.values():
        lines = [claim_with_links(claim, titles, shown, lang) for claim in claims]
        cell = Text("\n\n").join(lines) if lines else Text(phrase("sides.nothing", lang), style="dim")
        cell.no_wrap = False
        cell.overflow = "fold"
        cells.append(cell)
    table.add_row(*cells)
    return table
