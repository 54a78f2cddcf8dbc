"""Exports of a library: one entity across articles (Markdown, or CSV of its figures over time),
and the whole library as JSON.

Content is data: Markdown is escaped as the pack export escapes it, CSV cells are inert for a
spreadsheet, and JSON escapes what could drive a terminal. Every export reads the index, page by
page; no pack is loaded.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import msgspec

from fintech_tui.export.figures_csv import cell
from fintech_tui.export.markdown import both, md
from fintech_tui.library.catalog import Library
from fintech_tui.library.identity import normalise
from fintech_tui.library.rows import AcrossRow, FigureRow, SharedEntity
from fintech_tui.util.sanitize import json_safe

PAGE = 500
FIGURE_COLUMNS = (
    "metric_en",
    "metric_zh",
    "period",
    "period_date",
    "period_inferred",
    "value",
    "as_written",
    "unit",
    "hedge",
    "source",
    "article",
    "article_title",
    "figure",
    "disagreement",
    "quotes",
)


class UnknownEntity(LookupError):
    """No shared entity has that key, shared id or name."""


def find_entity(library: Library, wanted: str) -> SharedEntity:
    """The shared entity `wanted` names: its key ("Q1234", "name:支付宝"), or a name of it."""
    found = library.shared(wanted) or library.shared(f"name:{normalise(wanted)}")
    if found is None:
        for hits in library.search(wanted, limit=20).values():
            for hit in hits:
                if hit.kind == "entity" and (shared := library.shared_of(hit.article, hit.item)) is not None:
                    return shared
        raise UnknownEntity(f"no entity {wanted!r} in the library (give its key, shared id or name)")
    return found


def _value(value: float | None) -> str:
    return "" if value is None else repr(value)


def _figure_line(point: FigureRow, titles: dict[str, str]) -> str:
    when = point.period_date + (" (inferred)" if point.period_inferred else "") if point.period_date else "undated"
    parts = [f"{md(point.as_written)}", md(point.unit), md(point.period) or "no period", md(when)]
    if point.hedge:
        parts.append(f"hedge: {md(point.hedge)}")
    if point.source:
        parts.append(f"source: {md(point.source)}")
    return f"- {' · '.join(p for p in parts if p)} — {md(titles.get(point.article, point.article))}"


def _article(row: AcrossRow, inferred: bool) -> list[str]:
    a = row.article
    lines = [f"## {both(a.title) or md(a.key)}", ""]
    lines.append(
        f"`{md(a.key)}` · {md(a.author) or 'no author'} · {md(a.date) or 'undated'} · entity `{md(row.entity)}`"
        + (" (matched by name: inferred)" if inferred else "")
    )
    lines += ["", both(row.summary) or "(no summary)", ""]
    if row.claims:
        lines += ["### Claims", ""]
        for claim in row.claims:
            tags = ", ".join(t for t in (claim.role, claim.relation, claim.hedge and f"hedge: {claim.hedge}") if t)
            lines.append(f"- {both(claim.claim)} ({md(tags)})")
            lines += [f"  > ¶{q.number}: “{md(q.quote)}”" for q in claim.quotes]
        lines.append("")
    if row.figures:
        lines += ["### Figures", ""]
        titles = {a.key: a.key}
        for point in row.figures:
            lines.append(f"- {both(point.metric)}: " + _figure_line(point, titles).removeprefix("- "))
        lines.append("")
    if row.quotes:
        lines += ["### Quotes", ""]
        lines += [f"> ¶{q.number}: “{md(q.quote)}”" for q in row.quotes]
        lines.append("")
    return lines


def entity_markdown(library: Library, wanted: str) -> str:
    """The entity across the library's articles: each article's summary, claims, figures and quotes,
    then its figures over time with the periods on which articles disagree."""
    shared = find_entity(library, wanted)
    rows = library.across(shared.key)
    inferred = {(m.article, m.entity): m.inferred for m in shared.members}
    lines = [f"# {both(shared.name)}", ""]
    lines.append(
        f"Shared entity `{md(shared.key)}` ({md(shared.kind)}), in {len(rows)} article{'s' * (len(rows) != 1)}."
    )
    lines.append("")
    for row in rows:
        lines += _article(row, inferred.get((row.article.key, row.entity), False))
    titles = {row.article.key: row.article.title.pick("en") or row.article.key for row in rows}
    for metric in library.metrics(shared.key):
        points, disagreements = library.figures_over_time(shared.key, metric.pick("en"))
        lines += [f"## Over time: {both(metric)}", ""]
        lines += [_figure_line(point, titles) for point in points]
        for disagreement in disagreements:
            values = ", ".join(
                f"{md(p.as_written)} ({md(titles.get(p.article, p.article))})" for p in disagreement.points
            )
            lines.append(f"- **Articles disagree for {md(disagreement.period)}**: {values}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def entity_csv(library: Library, wanted: str) -> str:
    """The entity's figures over time, every metric, one row per figure."""
    shared = find_entity(library, wanted)
    titles = {a.article.key: a.article.title.pick("en") for a in library.across(shared.key)}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIGURE_COLUMNS)
    for metric in library.metrics(shared.key):
        points, disagreements = library.figures_over_time(shared.key, metric.pick("en"))
        disputed = {(p.article, p.id) for d in disagreements for p in d.points}
        for p in points:
            quotes = " | ".join(f"¶{q.number}: {q.quote}" for q in p.quotes)
            writer.writerow(
                [
                    cell(p.metric.en),
                    cell(p.metric.zh),
                    cell(p.period),
                    p.period_date,
                    "yes" if p.period_inferred else "",
                    _value(p.value),
                    cell(p.as_written),
                    cell(p.unit),
                    p.hedge,
                    cell(p.source),
                    cell(p.article),
                    cell(titles.get(p.article, "")),
                    cell(p.id),
                    "yes" if (p.article, p.id) in disputed else "",
                    cell(quotes),
                ]
            )
    return out.getvalue()


def library_data(library: Library) -> dict[str, Any]:
    """The whole library as plain data: every article and every shared entity with its members."""
    articles: list[Any] = []
    while page := library.articles(sort="key", descending=False, offset=len(articles), limit=PAGE):
        articles += [msgspec.to_builtins(a) for a in page]
    shared: list[Any] = []
    while found := library.shared_entities(offset=len(shared), limit=PAGE):
        shared += [msgspec.to_builtins(s) for s in found]
    links: list[Any] = []
    while linked := library.claim_links(offset=len(links), limit=PAGE):
        links += [
            {"article": a, "claim": c, "relation": link.relation, "to_article": link.article, "to_claim": link.claim}
            for a, c, link in linked
        ]
    dangling = {(a, c, link.article, link.claim) for a, c, _, link in library.dangling_links()}
    for link in links:
        link["dangling"] = (link["article"], link["claim"], link["to_article"], link["to_claim"]) in dangling
    for article in articles:
        del article["path"]  # where it lies on this machine is not part of the library
    return {
        "format": "fintech-tui library",
        "version": 1,
        "articles": articles,
        "shared_entities": shared,
        "claim_links": links,
    }


def library_json(library: Library) -> str:
    """`library_data` as readable JSON, with what could drive a terminal escaped."""
    return json_safe(json.dumps(library_data(library), ensure_ascii=False, indent=2)) + "\n"
