"""What the library answers with: plain frozen Structs, no Rich, no Textual.

These are the contract between the library and its screens (see `catalog.Library`); they
carry plain text only, and every field that comes from a pack is content, never markup.
"""

from __future__ import annotations

import msgspec

from fintech_tui.model import Bilingual


class ArticleRow(msgspec.Struct, frozen=True):
    """One pack as the library lists it; counts are 0 and `problems` is set when it is broken."""

    key: str  # the pack's path relative to the library folder, with "/": stable across opens
    path: str  # absolute path of the pack (file or folder)
    title: Bilingual
    author: str
    date: str  # ISO date or ""
    entities: int
    claims: int
    figures: int
    problems: tuple[str, ...] = ()  # FILE:LINE:COL lines


class Member(msgspec.Struct, frozen=True):
    """One article's entity inside a shared entity."""

    article: str  # ArticleRow.key
    entity: str  # the entity's id in that pack
    name: Bilingual
    inferred: bool  # True when matched by a normalised name or alias; False when same_as says so


class SharedEntity(msgspec.Struct, frozen=True):
    """Entities of different articles that are one: by a shared id, or by matching names."""

    key: str  # the same_as id, or "name:<normalised name>"
    name: Bilingual  # the most common name among the members
    kind: str
    members: tuple[Member, ...]


class QuoteRow(msgspec.Struct, frozen=True):
    """A verbatim quote of one paragraph of one article."""

    article: str
    para: str  # the paragraph id
    number: int  # its ¶ number
    quote: str


class ClaimLinkRow(msgspec.Struct, frozen=True):
    """One end of a link between claims of two articles (an argument's `across` entry)."""

    article: str  # the other article's key
    claim: str  # the claim's id there
    relation: str  # supports, opposes or elaborates: always said of the claim that declares it


class ClaimRow(msgspec.Struct, frozen=True):
    """One argument of one article."""

    article: str
    id: str
    claim: Bilingual
    role: str
    hedge: str  # "" when the article does not hedge it
    relation: str  # to its parent: supports, opposes, elaborates, or ""
    parent: str
    quotes: tuple[QuoteRow, ...]
    concerns: tuple[str, ...] = ()  # entity ids in its pack
    strategies: tuple[str, ...] = ()  # strategy ids in its pack
    links: tuple[ClaimLinkRow, ...] = ()  # claims of other articles this one declares it supports or opposes
    linked_from: tuple[ClaimLinkRow, ...] = ()  # claims of other articles that declare so of this one


class FigureRow(msgspec.Struct, frozen=True):
    """One figure of one article, with its period as written and, where the text dates it, as a date."""

    article: str
    id: str
    metric: Bilingual
    as_written: str
    value: float | None
    unit: str
    period: str  # as written
    period_date: str  # ISO date (the period's last day) or ""
    hedge: str
    source: str
    quotes: tuple[QuoteRow, ...]
    subject: str = ""  # the entity id in its pack
    period_inferred: bool = False  # the date rests on the article's own date (今年, this year) or its quote


SeriesPoint = FigureRow  # a row of figures_over_time


class Disagreement(msgspec.Struct, frozen=True):
    """Articles giving different values of one metric for the same period."""

    period: str  # the ISO date, or the period as written where it has none
    points: tuple[FigureRow, ...]


class AcrossRow(msgspec.Struct, frozen=True):
    """What one article says of a shared entity."""

    article: ArticleRow
    entity: str
    summary: Bilingual
    claims: tuple[ClaimRow, ...]
    figures: tuple[FigureRow, ...]
    quotes: tuple[QuoteRow, ...]


class SearchHit(msgspec.Struct, frozen=True):
    """One item found by a library-wide search."""

    article: str
    kind: str  # an item kind: "entity", "argument", "paragraph", …
    item: str  # its id
    label: str  # plain text, never markup
    snippet: str
    score: float
