"""Checks that need the whole pack: ids, references, quotes, aliases and trees.

Id checks run over every registered item kind, and reference checks over
every field the model declares with `RefTo`, so neither is wired by hand.
What remains here are the rules no annotation can say.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import msgspec

from fintech_tui.loader.locations import Locations
from fintech_tui.loader.problems import MAX_PROBLEMS, Problem, collect
from fintech_tui.model import Evidence, Pack, Paragraph, kind_named, kind_of_class, kinds, walk_outline
from fintech_tui.model.pack import MAX_PARAGRAPH_CHARS, PARAGRAPH_READINGS
from fintech_tui.model.plan import hint_plan, references, yaml_fields

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,79}")
#: A shared identifier (`same_as`): a Wikidata QID, or a library-wide id such as "lei:5493…" or "cmb-life".
SHARED_ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:/-]{0,199}")
MAX_NOT_SAME_AS_CHARS = 200
MAX_ARTICLE_KEY_CHARS = 500


def oversized(paragraph: Paragraph) -> bool:
    """Whether some reading of `paragraph` holds more than MAX_PARAGRAPH_CHARS."""
    return any(len(getattr(paragraph, field)) > MAX_PARAGRAPH_CHARS for field in PARAGRAPH_READINGS)


def article_key_problem(key: str) -> str:
    """Why `key` cannot name an article of a library (its path inside the folder, with `/`), or ""."""
    parts = key.split("/")
    if not key.strip():
        return "article key is empty"
    if len(key) > MAX_ARTICLE_KEY_CHARS:
        return f"article key is longer than {MAX_ARTICLE_KEY_CHARS}"
    if "\\" in key or any(part in ("", ".", "..") or part.startswith(".") for part in parts):
        return f"{key!r} is not an article key (a path inside the library with '/', no '..' or hidden part)"
    return ""


@cache
def _part_fields(cls: type) -> tuple[str, ...]:
    """The fields of `cls` that hold objects with references in them (evidence), not items.

    Worked out once per class: names, aliases and notes hold no reference, so
    the walk over a 100k-item pack skips them (1.25 s → 0.3 s for the reference check).
    Nested items (the outline's children) are items of their own, walked by their kind.
    """
    found = []
    for spec in yaml_fields(cls):
        kind, detail = hint_plan(spec.hint)
        while kind in ("optional", "tuple"):
            kind, detail = hint_plan(detail)
        if kind == "struct" and kind_of_class(detail) is None and _holds_references(detail):
            found.append(spec.name)
    return tuple(found)


@cache
def _holds_references(cls: type) -> bool:
    return bool(references(cls)) or bool(_part_fields(cls))


class PackChecker:
    """Runs every cross-item check on a converted pack and collects problems."""

    def __init__(self, pack: Pack, locations: Locations, *, room: int = MAX_PROBLEMS) -> None:
        self.pack = pack
        self.locations = locations
        self.problems: list[Problem] = []
        self.room = room  # problems still worth collecting; TooManyProblems once they are found
        self.tables: dict[str, dict[str, Any]] = {}
        for kind in kinds():
            table: dict[str, Any] = {}
            for item in kind.items(pack):
                table.setdefault(item.id, item)
            self.tables[kind.name] = table
        self.paragraphs = self.tables["paragraph"]
        self.acyclic: set[tuple[str, str]] = set()  # (kind, id) known to reach a root
        self._objects: list[Any] | None = None

    def report(self, obj: object, *path: str | int, message: str) -> None:
        """A problem at field `path` inside `obj` (at `obj` itself when no path is given)."""
        collect(self.problems, self.locations.problem(obj, path, message), self.room)

    def run(self) -> list[Problem]:
        self.check_paragraph_sizes()
        self.check_ids()
        self.check_references()
        self.check_trees()
        self.check_quotes()
        self.check_outline()
        self.check_aliases()
        self.check_identity()
        self.check_terms()
        self.check_arguments()
        self.check_across()
        return self.problems

    def objects(self) -> list[Any]:
        """Every model object in the pack's sections that may hold a reference: items and their evidence.

        Walked once and kept: several checks go over them, and the walk is a large part of
        checking a big pack.
        """
        if self._objects is None:
            self._objects = [part for kind in kinds() for item in kind.items(self.pack) for part in self._parts(item)]
            for _, fields, _, _ in self.locations.salvaged:  # the parts that converted inside dropped objects
                for value in fields.values():
                    for part in value if isinstance(value, tuple) else (value,):
                        if isinstance(part, msgspec.Struct):
                            self._objects.extend(self._parts(part))
        return self._objects

    def _parts(self, obj: Any) -> Iterator[Any]:
        yield obj
        cls: type = type(obj)
        for name in _part_fields(cls):
            value = getattr(obj, name)
            for part in value if isinstance(value, tuple) else (value,):
                if part is not None:
                    yield from self._parts(part)

    def check_paragraph_sizes(self) -> None:
        """No reading of a paragraph holds more than MAX_PARAGRAPH_CHARS characters."""
        for paragraph in self.pack.paragraphs:
            for field in PARAGRAPH_READINGS:
                if (size := len(getattr(paragraph, field))) > MAX_PARAGRAPH_CHARS:
                    self.report(
                        paragraph,
                        field,
                        message=f"{size:,} characters, more than the {MAX_PARAGRAPH_CHARS:,} a paragraph may hold; "
                        "split it into several paragraphs",
                    )

    def check_ids(self) -> None:
        for kind in kinds():
            seen: dict[str, object] = {}
            for item in kind.items(self.pack):
                item_id: str = item.id
                if not ID_PATTERN.fullmatch(item_id):
                    self.report(
                        item, "id", message=f"{item_id!r} is not a valid id (letters, digits, - _ . ; at most 80)"
                    )
                elif item_id in seen:
                    first = seen[item_id]
                    line = self.locations.line_of(first, "id")
                    same_file = self.locations.where(first)[0] is self.locations.where(item)[0]
                    where = f"line {line}" if same_file else f"{self.locations.where(first)[0].file}:{line}"
                    self.report(item, "id", message=f"duplicate {kind.singular} id {item_id!r} (first used on {where})")
                else:
                    seen[item_id] = item

    def resolves(self, kind: str, ref: str) -> bool:
        """Whether `ref` is empty or names an item of `kind` (or one dropped for its own problems)."""
        return not ref or ref in self.tables[kind] or self.locations.dropped(kind, ref)

    def check_references(self) -> None:
        """Every field declared `RefTo(kind)` names an existing item of that kind."""
        for obj in self.objects():
            for spec in references(type(obj)):
                value = getattr(obj, spec.name)
                if isinstance(value, tuple):
                    for i, ref in enumerate(value):
                        if not self.resolves(spec.ref, ref):
                            self.report(obj, spec.name, i, message=self.unknown(spec.ref, ref))
                elif not self.resolves(spec.ref, value):
                    self.report(obj, spec.name, message=self.unknown(spec.ref, value))
        for cls, fields, doc, path in self.locations.salvaged:  # a dropped object's own references
            for spec in references(cls):
                value = fields.get(spec.name, "")
                places = (
                    [((*path, spec.name, i), ref) for i, ref in enumerate(value)] if isinstance(value, tuple) else []
                )
                for where, ref in places or [((*path, spec.name), value)]:
                    if not self.resolves(spec.ref, ref):
                        self.problems.append(doc.problem(where, self.unknown(spec.ref, ref)))

    def unknown(self, kind: str, ref: str) -> str:
        """The message for a reference to no item: with the closest id, when one is close."""
        found = kind_named(kind)
        noun = found.singular if found else kind
        known = [*self.tables[kind], *self.locations.dropped_ids(kind)]  # a dropped item still has its id
        close = difflib.get_close_matches(ref, known, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"no {noun} with id {ref!r}{hint}"

    def check_trees(self) -> None:
        """Items that name a parent of their own kind form trees: no parent chain may loop."""
        for kind in kinds():
            for spec in references(kind.cls):
                if spec.ref == kind.name and hint_plan(spec.hint)[0] != "tuple":
                    table = self.tables[kind.name]
                    for item in kind.items(self.pack):
                        if getattr(item, spec.name) and getattr(item, spec.name) in table:  # "" is no parent
                            self.check_cycle(item, kind.name, spec.name, table)

    def check_cycle(self, start: Any, kind: str, field: str, table: dict[str, Any]) -> None:
        """Follow `field` links from `start`; chains already known to end are not re-walked."""
        chain = {start.id}  # a set: a 30,000-deep chain stays linear
        node = table.get(getattr(start, field))
        while node is not None and (kind, node.id) not in self.acyclic:
            if node.id in chain:
                self.report(start, field, message=f"{field} chain loops back to {node.id!r}")
                return
            chain.add(node.id)
            parent = getattr(node, field)
            node = table.get(parent) if parent else None  # an item with id '' is no one's parent
        self.acyclic.update((kind, item_id) for item_id in chain)

    def check_quotes(self) -> None:
        for obj in self.objects():
            if not isinstance(obj, Evidence):
                continue
            paragraph = self.paragraphs.get(obj.para)
            if paragraph is None:
                continue  # reported as a reference
            if not obj.quote.strip():
                self.report(obj, "quote", message="quote is empty")
            elif obj.quote not in paragraph.text:
                self.report(
                    obj, "quote", message=f"quote not found verbatim in paragraph {obj.para} (¶{paragraph.number})"
                )

    def occurs(self, text: str, evidence: tuple[Evidence, ...]) -> bool:
        """Whether `text` is in the article: cited paragraphs first, the rest only if needed."""
        for ev in evidence:
            paragraph = self.paragraphs.get(ev.para)
            if paragraph is not None and text in paragraph.text:
                return True
        return any(text in p.text for p in self.pack.paragraphs)

    def check_outline(self) -> None:
        for node in walk_outline(self.pack.outline):
            first, last = self.paragraphs.get(node.first), self.paragraphs.get(node.last)
            if first is not None and last is not None and last.number < first.number:
                self.report(
                    node, "last", message=f"paragraph {node.last!r} comes before first paragraph {node.first!r}"
                )

    def check_aliases(self) -> None:
        for entity in self.pack.entities:
            for i, alias in enumerate(entity.aliases):
                if not alias.text.strip():
                    self.report(entity, "aliases", i, "text", message="alias is empty")
                elif not self.occurs(alias.text, entity.evidence):
                    self.report(
                        entity, "aliases", i, "text", message=f"alias {alias.text!r} does not occur in the article"
                    )

    def check_identity(self) -> None:
        """`same_as` is one well-formed shared id; `not_same_as` names other ids or names, once each."""
        for entity in self.pack.entities:
            if entity.same_as and not SHARED_ID_PATTERN.fullmatch(entity.same_as):
                self.report(
                    entity,
                    "same_as",
                    message=f"{entity.same_as!r} is not a shared id (letters, digits, - _ . : / ; at most 200)",
                )
            seen: set[str] = set()
            for i, other in enumerate(entity.not_same_as):
                if not other.strip():
                    self.report(entity, "not_same_as", i, message="entry is empty")
                elif len(other) > MAX_NOT_SAME_AS_CHARS:
                    self.report(entity, "not_same_as", i, message=f"entry is longer than {MAX_NOT_SAME_AS_CHARS}")
                elif entity.same_as and other == entity.same_as:
                    self.report(entity, "not_same_as", i, message=f"{other!r} is this entity's own same_as")
                elif other in seen:
                    self.report(entity, "not_same_as", i, message=f"{other!r} is listed twice")
                seen.add(other)

    def check_across(self) -> None:
        """Each `across` entry names another article by a key that stays inside a library, and a claim id, once."""
        for arg in self.pack.arguments:
            seen: set[tuple[str, str]] = set()
            for i, link in enumerate(arg.across):
                why = article_key_problem(link.article)
                if why:
                    self.report(arg, "across", i, "article", message=why)
                elif not ID_PATTERN.fullmatch(link.claim):
                    self.report(arg, "across", i, "claim", message=f"{link.claim!r} is not a claim id")
                elif (link.article, link.claim) in seen:
                    self.report(arg, "across", i, message=f"claim {link.claim!r} of {link.article!r} is named twice")
                seen.add((link.article, link.claim))

    def check_terms(self) -> None:
        for term in self.pack.glossary:
            if term.term and not self.occurs(term.term, term.evidence):
                self.report(term, "term", message=f"{term.term!r} does not occur in the article")

    def check_arguments(self) -> None:
        roots = 0
        for arg in self.pack.arguments:
            if arg.parent:
                if arg.relation is None:
                    self.report(
                        arg, message="an argument with a parent needs a 'relation' (supports, opposes or elaborates)"
                    )
            else:
                roots += 1
                if arg.relation is not None:
                    self.report(arg, "relation", message="a root argument (no parent) cannot have a relation")
        if self.pack.arguments and roots == 0 and not self.locations.any_dropped("argument"):
            self.report(
                self.pack.arguments[0], "parent", message="the argument tree has no root (every argument has a parent)"
            )
