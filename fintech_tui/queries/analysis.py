"""Cross-tabulations behind the matrix, figures and compare views (no Textual)."""

from __future__ import annotations

import msgspec

from fintech_tui.model import Entity, Evidence, Figure, Strategy, walk_outline
from fintech_tui.queries.index import PackIndex


class Tie(msgspec.Struct, frozen=True):
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


class Peer(msgspec.Struct, frozen=True):
    """An entity chosen to compare with another, and why."""

    entity: Entity
    shared_strategies: int
    shared_arguments: int
    shared_paragraphs: int
    in_title: bool = False  # the article's title names both
    quoted_together: int = 0  # paragraphs with a quote (any item's evidence) that names both

    @property
    def paired(self) -> bool:
        """Whether the article itself pairs the two: in its title or in one quote."""
        return self.in_title or self.quoted_together > 0

    @property
    def score(self) -> tuple[int, int]:
        return (self.shared_strategies + self.shared_arguments, self.shared_paragraphs)

    @property
    def rank(self) -> tuple[bool, int, int, int]:
        """The sort key: the article's own pairings first, then the other ties."""
        return (self.in_title, self.quoted_together, *self.score)


def named_in_title(index: PackIndex) -> set[str]:
    """The ids of the entities the article's title names (outline nodes of kind `title`)."""
    found: set[str] = set()
    for node in walk_outline(index.pack.outline):
        if node.kind == "title":
            for paragraph in index.covered(node):
                found.update(entity.id for _, _, entity in index.mentions(paragraph.text))
    return found


def quoted_with(index: PackIndex, entity: Entity) -> dict[str, set[str]]:
    """Entity id → the paragraphs where one quote (any item's evidence) names it together with `entity`."""
    found: dict[str, set[str]] = {}
    for para, citations in index.citations.items():
        for quote in {citation.evidence.quote for citation in citations}:
            named = {other.id for _, _, other in index.mentions(quote)}
            if entity.id in named:
                for other_id in named - {entity.id}:
                    found.setdefault(other_id, set()).add(para)
    return found


def peers(index: PackIndex, entity: Entity, count: int = 4) -> list[Peer]:
    """The entities the article puts closest to `entity`, most related first.

    The article's own pairings rank first, read from the text, never from a
    list: entities its title names together with `entity` (the title's "from
    Alipay and CMB Life to Fanmi" pairs all three), then entities named with
    it in one quote, by how many paragraphs hold such a quote. Then, and to
    break ties, how related they are: pursuing the same strategies and being
    the subject of the same arguments, then being named in the same
    paragraphs. The entity's own products and its parent are left out: they
    are parts of it, not its peers. Entities sharing nothing are never chosen.
    """
    family = {entity.id, entity.parent, *(child.id for child in index.children_of.get(entity.id, []))}
    strategies = {s.id for s in index.strategies_of.get(entity.id, [])}
    arguments = {a.id for a in index.arguments_about.get(entity.id, [])}
    paragraphs = set(index.mentioned_in.get(entity.id, []))
    title = named_in_title(index)
    titled = entity.id in title
    quoted = quoted_with(index, entity)
    found: list[Peer] = []
    for other in index.pack.entities:
        if other.id in family:
            continue
        peer = Peer(
            other,
            len(strategies & {s.id for s in index.strategies_of.get(other.id, [])}),
            len(arguments & {a.id for a in index.arguments_about.get(other.id, [])}),
            len(paragraphs & set(index.mentioned_in.get(other.id, []))),
            titled and other.id in title,
            len(quoted.get(other.id, ())),
        )
        if peer.paired or any(peer.score):
            found.append(peer)
    found.sort(key=lambda p: p.rank, reverse=True)  # stable: ties stay in file order
    return found[:count]
