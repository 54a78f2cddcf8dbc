"""Cross-tabulations behind the matrix, figures and compare views (no Textual)."""

from __future__ import annotations

from dataclasses import dataclass

from fintech_tui.index import PackIndex
from fintech_tui.model import Entity, Evidence, Figure, Strategy


@dataclass(frozen=True, slots=True)
class Tie:
    """How the article ties one company to one strategy: the quotes that do it."""

    entity: Entity
    strategy: Strategy
    evidence: tuple[Evidence, ...]

    @property
    def strength(self) -> int:
        return len(self.evidence)


def ties(index: PackIndex) -> dict[tuple[str, str], Tie]:
    """(entity id, strategy id) → Tie, for every pair the article links.

    A pair is linked when the entity pursues the strategy (the strategy's own
    quotes count) or when an argument concerns the entity and uses the
    strategy (that argument's quotes count). Duplicate quotes count once.
    """
    found: dict[tuple[str, str], dict[tuple[str, str], Evidence]] = {}
    for strategy in index.pack.strategies:
        for owner in strategy.pursued_by:
            bucket = found.setdefault((owner, strategy.id), {})
            for ev in strategy.evidence:
                bucket.setdefault((ev.para, ev.quote), ev)
    for argument in index.pack.arguments:
        for entity_id in argument.concerns:
            for strategy_id in argument.strategies:
                bucket = found.setdefault((entity_id, strategy_id), {})
                for ev in argument.evidence:
                    bucket.setdefault((ev.para, ev.quote), ev)
    return {
        key: Tie(index.entities[key[0]], index.strategies[key[1]], tuple(evidence.values()))
        for key, evidence in found.items()
    }


def comparable_groups(figures: list[Figure]) -> dict[str, float]:
    """Unit → the largest value among figures sharing that unit, where two or more do.

    Only values with the same unit can share a bar chart; a lone value or a
    rank has nothing to be compared with.
    """
    by_unit: dict[str, list[float]] = {}
    for figure in figures:
        if figure.value is not None and figure.unit and not figure.unit.startswith("rank"):
            by_unit.setdefault(figure.unit.split(" (")[0], []).append(figure.value)
    return {unit: max(values) for unit, values in by_unit.items() if len(values) >= 2 and max(values) > 0}
