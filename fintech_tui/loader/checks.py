"""Checks that need the whole pack: ids, references, quotes, aliases and trees."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from fintech_tui.loader.problems import Problem
from fintech_tui.loader.yaml_source import FieldPath, YamlDocument
from fintech_tui.model import Argument, Entity, Evidence, Pack, Paragraph, walk_outline

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,79}")

Locate = Callable[[object], tuple[YamlDocument, FieldPath]]


@dataclass
class PackChecker:
    """Runs every cross-item check on a converted pack and collects problems."""

    pack: Pack
    locate: Locate
    tolerated: set[tuple[str, str]] = field(default_factory=set)  # (kind, id) dropped for other problems

    def __post_init__(self) -> None:
        self.problems: list[Problem] = []
        self.paragraphs: dict[str, Paragraph] = {p.id: p for p in self.pack.paragraphs}
        self.entities = {e.id: e for e in self.pack.entities}
        self.strategies = {s.id: s for s in self.pack.strategies}
        self.arguments = {a.id: a for a in self.pack.arguments}
        self.acyclic: set[tuple[str, str]] = set()  # (kind, id) known to reach a root

    def report(self, obj: object, field: str | int | None, message: str) -> None:
        doc, path = self.locate(obj)
        self.problems.append(doc.problem(path if field is None else (*path, field), message))

    def run(self) -> list[Problem]:
        self.check_ids()
        self.check_outline()
        self.check_entities()
        self.check_strategies()
        self.check_arguments()
        for figure in self.pack.figures:
            self.check_ref(figure, "subject", figure.subject, self.entities, "entity")
            self.check_evidence(figure, figure.evidence)
        for term in self.pack.glossary:
            self.check_evidence(term, term.evidence)
            if term.term and not self.occurs(term.term, term.evidence):
                self.report(term, "term", f"{term.term!r} does not occur in the article")
        return self.problems

    def check_ids(self) -> None:
        groups: list[tuple[str, Iterable[object]]] = [
            ("paragraph", self.pack.paragraphs),
            ("outline node", walk_outline(self.pack.outline)),
            ("entity", self.pack.entities),
            ("strategy", self.pack.strategies),
            ("argument", self.pack.arguments),
            ("figure", self.pack.figures),
            ("glossary term", self.pack.glossary),
        ]
        for kind, items in groups:
            seen: dict[str, object] = {}
            for item in items:
                item_id: str = getattr(item, "id")  # noqa: B009 - every item kind has an id
                if not ID_PATTERN.fullmatch(item_id):
                    self.report(item, "id", f"{item_id!r} is not a valid id (letters, digits, - _ . ; at most 80)")
                elif item_id in seen:
                    doc, first = self.locate(seen[item_id])
                    line = doc.marks.get((*first, "id"), (0, 0))[0]
                    where = f"line {line}" if doc is self.locate(item)[0] else f"{doc.file}:{line}"
                    self.report(item, "id", f"duplicate {kind} id {item_id!r} (first used on {where})")
                else:
                    seen[item_id] = item

    def check_ref(
        self,
        obj: object,
        field: str | FieldPath,
        ref: str,
        table: Mapping[str, object],
        noun: str,
    ) -> bool:
        """Whether `ref` (if given) names an item; report it unless it was dropped for another problem."""
        if not ref or ref in table:
            return True
        if (noun, ref) not in self.tolerated:
            doc, path = self.locate(obj)
            where = (*path, field) if isinstance(field, str) else (*path, *field)
            self.problems.append(doc.problem(where, f"no {noun} with id {ref!r}"))
        return False

    def check_evidence(self, obj: object, evidence: tuple[Evidence, ...]) -> None:
        for i, ev in enumerate(evidence):
            paragraph = self.paragraphs.get(ev.para)
            if paragraph is None:
                self.check_ref(obj, ("evidence", i, "para"), ev.para, self.paragraphs, "paragraph")
            elif not ev.quote.strip():
                self.report_path(obj, ("evidence", i, "quote"), "quote is empty")
            elif ev.quote not in paragraph.text:
                self.report_path(
                    obj,
                    ("evidence", i, "quote"),
                    f"quote not found verbatim in paragraph {ev.para} (¶{paragraph.number})",
                )

    def report_path(self, obj: object, rel: FieldPath, message: str) -> None:
        doc, path = self.locate(obj)
        self.problems.append(doc.problem((*path, *rel), message))

    def occurs(self, text: str, evidence: tuple[Evidence, ...]) -> bool:
        """Whether `text` is in the article: cited paragraphs first, the rest only if needed."""
        for ev in evidence:
            paragraph = self.paragraphs.get(ev.para)
            if paragraph is not None and text in paragraph.text:
                return True
        return any(text in p.text for p in self.pack.paragraphs)

    def check_outline(self) -> None:
        order = {p.id: p.number for p in self.pack.paragraphs}
        for node in walk_outline(self.pack.outline):
            ok_first = self.check_ref(node, "first", node.first, self.paragraphs, "paragraph")
            ok_last = self.check_ref(node, "last", node.last, self.paragraphs, "paragraph")
            if ok_first and ok_last and node.last and order[node.last] < order[node.first]:
                self.report(node, "last", f"paragraph {node.last!r} comes before first paragraph {node.first!r}")

    def check_entities(self) -> None:
        for entity in self.pack.entities:
            if self.check_ref(entity, "parent", entity.parent, self.entities, "entity"):
                self.check_cycle(entity, lambda e: self.entities.get(e.parent) if e.parent else None, "parent")
            self.check_evidence(entity, entity.evidence)
            for i, alias in enumerate(entity.aliases):
                if not alias.text.strip():
                    self.report_path(entity, ("aliases", i, "text"), "alias is empty")
                elif not self.occurs(alias.text, entity.evidence):
                    self.report_path(
                        entity, ("aliases", i, "text"), f"alias {alias.text!r} does not occur in the article"
                    )

    def check_strategies(self) -> None:
        for strategy in self.pack.strategies:
            for i, ref in enumerate(strategy.pursued_by):
                self.check_ref(strategy, ("pursued_by", i), ref, self.entities, "entity")
            self.check_evidence(strategy, strategy.evidence)

    def check_arguments(self) -> None:
        roots = 0
        for arg in self.pack.arguments:
            if arg.parent:
                if self.check_ref(arg, "parent", arg.parent, self.arguments, "argument"):
                    self.check_cycle(arg, lambda a: self.arguments.get(a.parent) if a.parent else None, "parent")
                if arg.relation is None:
                    self.report(
                        arg,
                        None,
                        "an argument with a parent needs a 'relation' (supports, opposes or elaborates)",
                    )
            else:
                roots += 1
                if arg.relation is not None:
                    self.report(arg, "relation", "a root argument (no parent) cannot have a relation")
            for i, ref in enumerate(arg.concerns):
                self.check_ref(arg, ("concerns", i), ref, self.entities, "entity")
            for i, ref in enumerate(arg.strategies):
                self.check_ref(arg, ("strategies", i), ref, self.strategies, "strategy")
            self.check_evidence(arg, arg.evidence)
        has_broken = any(kind == "argument" for kind, _ in self.tolerated)
        if self.pack.arguments and roots == 0 and not has_broken:
            self.report(
                self.pack.arguments[0],
                "parent",
                "the argument tree has no root (every argument has a parent)",
            )

    def check_cycle(self, start: Entity | Argument, step: Callable, field: str) -> None:  # type: ignore[type-arg]
        """Follow parent links from `start`; chains already known to end are not re-walked."""
        chain = {start.id}  # a set: a 30,000-deep chain stays linear
        node = step(start)
        kind = type(start).__name__
        while node is not None and (kind, node.id) not in self.acyclic:
            if node.id in chain:
                self.report(start, field, f"{field} chain loops back to {node.id!r}")
                return
            chain.add(node.id)
            node = step(node)
        self.acyclic.update((kind, item_id) for item_id in chain)
