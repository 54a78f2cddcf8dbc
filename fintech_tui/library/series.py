"""Figures over time: one metric of one shared entity, every article's figure on one line.

Ordered by the period's date (undated periods last, by their text), then by article. Two
articles disagree when they give different values for the same period: the same date, or
the same period as written where neither has a date.
"""

from __future__ import annotations

from collections.abc import Iterable

from fintech_tui.library.rows import Disagreement, FigureRow

#: Values this close (relative) are one value written two ways (1.2亿 and 120,000,000).
TOLERANCE = 0.005


def ordered(points: Iterable[FigureRow]) -> tuple[FigureRow, ...]:
    """The points in time order: dated first by date, then undated by period as written; then by article."""
    return tuple(sorted(points, key=lambda p: (not p.period_date, p.period_date or p.period, p.article, p.id)))


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b))


def disagreements(points: Iterable[FigureRow]) -> tuple[Disagreement, ...]:
    """Periods for which two or more articles give values that differ (or units that differ)."""
    by_period: dict[str, list[FigureRow]] = {}
    for point in points:
        period = point.period_date or point.period.strip()
        if period:
            by_period.setdefault(period, []).append(point)
    found = []
    for period, group in by_period.items():
        if len({p.article for p in group}) < 2:
            continue
        first = group[0]
        if any(not _same(p.value, first.value) or p.unit.strip() != first.unit.strip() for p in group[1:]):
            found.append(Disagreement(period, tuple(group)))
    return tuple(sorted(found, key=lambda d: d.period))
