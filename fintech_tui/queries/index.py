"""Lookups over a loaded pack: items by id, aliases, backlinks and search.

Built once per pack in linear time; the search table and alias positions are
built on first use so opening a large pack stays cheap.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from functools import cached_property, lru_cache, singledispatch
from typing import Any

import msgspec

from fintech_tui.model import (
    Argument,
    Bilingual,
    Entity,
    Evidence,
    Figure,
    GlossaryTerm,
    Item,
    ItemKind,
    OutlineNode,
    Pack,
    Paragraph,
    Strategy,
    kind_of,
    kinds,
    walk_outline,
)
from fintech_tui.model.plan import references, yaml_fields


class Ref(msgspec.Struct, frozen=True):
    """A typed pointer to one item: what history, links and deep links hold."""

    kind: ItemKind
    id: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.id}"


class Citation(msgspec.Struct, frozen=True):
    """An item that quotes a paragraph, with the quote it uses."""

    ref: Ref
    evidence: Evidence


#: The reference fields whose backlinks this index tables by hand (`children_of`, `strategies_of`,
#: `replies`, `arguments_about`, `arguments_using`, `figures_of`, `section_of`) and the views of
#: their targets show under words of their own. Every other `RefTo` field, a new kind's or a new
#: field of a known kind, is in `referrers` and listed by the generic backlinks.
BACKLINKED_BY_HAND = frozenset(
    {
        ("section", "first"),
        ("section", "last"),
        ("entity", "parent"),
        ("strategy", "pursued_by"),
        ("argument", "parent"),
        ("argument", "concerns"),
        ("argument", "strategies"),
        ("figure", "subject"),
    }
)


class Referrer(msgspec.Struct, frozen=True):
    """An item that names another in one of its reference fields (`RefTo`)."""

    ref: Ref
    field: str


class SearchTable(msgspec.Struct, frozen=True):
    """Every searchable item's folded words in one string, so a query is one scan in C.

    Testing each item's text in turn costs a Python step per item: tens of
    milliseconds a keystroke at 100k items. `str.find` over the joined text
    skips straight to the items that hold the query's longest word.
    """

    refs: list[Ref]
    text: str  # each item's words, one item after another, SEPARATOR between
    starts: list[int]  # where each item's words begin in `text`

    SEPARATOR = "\x00"  # in no folded word: it is stripped from them

    @classmethod
    def build(cls, entries: list[tuple[Ref, str]]) -> SearchTable:
        """The table of (ref, folded words) pairs, in their order."""
        starts, at = [], 0
        for _, words in entries:
            starts.append(at)
            at += len(words) + 1
        text = cls.SEPARATOR.join(words.replace(cls.SEPARATOR, " ") for _, words in entries)
        return cls([ref for ref, _ in entries], text, starts)

    def matching(self, words: list[str]) -> Iterator[Ref]:
        """Items whose words contain every one of `words`, in table order."""
        if not words:
            return
        longest = max(words, key=len)
        others = [word for word in words if word != longest]
        text, starts = self.text, self.starts
        found = text.find(longest)
        while found != -1:
            item = bisect_right(starts, found) - 1
            end = starts[item + 1] - 1 if item + 1 < len(starts) else len(text)
            if all(word in text[starts[item] : end] for word in others):
                yield self.refs[item]
            found = text.find(longest, end + 1)


def fold(text: str) -> str:
    """Normalise for matching: NFKC (full-width → ASCII) and case-folded."""
    return unicodedata.normalize("NFKC", text).casefold()


_HAN = re.compile(r"[\u3400-\u9fff]")
#: A paragraph named by number: "17", "¶17", "p17" (the ids' form, "p07", too), "#17".
PARAGRAPH_NUMBER = re.compile(r"(?:¶|[pP#])?\s*(\d{1,6})")


def romanised(names: list[str]) -> list[str]:
    """Pinyin and initials for names with Chinese characters: 支付宝 → zhifubao, zfb.

    pypinyin loads a large dictionary, so it is imported on the first search, never at
    start-up. Each name is romanised once: a library indexes the same names in many packs.
    """
    out: list[str] = []
    for name in names:
        if _HAN.search(name):
            out.extend(_romanised(name))
    return out


@lru_cache(maxsize=8192)
def _romanised(name: str) -> tuple[str, str]:
    from pypinyin import Style, lazy_pinyin

    syllables = [s for s in lazy_pinyin(name, style=Style.NORMAL, errors="ignore") if s.strip()]
    return "".join(syllables), "".join(s[0] for s in syllables)  # initials: zfb for 支付宝


def ref_of(item: Item) -> Ref:
    """The Ref that names `item`."""
    return Ref(kind_of(item).name, item.id)


class PackIndex:
    """Everything the explorer asks of a pack, answered without rescanning it."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self._tables: dict[ItemKind, dict[str, Any]] = {
            kind.name: {item.id: item for item in kind.items(pack)} for kind in kinds()
        }
        # Typed views of the built-in kinds' tables, for the code that knows which it wants.
        self.sections: dict[str, OutlineNode] = self._tables["section"]
        self.paragraphs: dict[str, Paragraph] = self._tables["paragraph"]
        self.entities: dict[str, Entity] = self._tables["entity"]
        self.strategies: dict[str, Strategy] = self._tables["strategy"]
        self.arguments: dict[str, Argument] = self._tables["argument"]
        self.figures: dict[str, Figure] = self._tables["figure"]
        self.terms: dict[str, GlossaryTerm] = self._tables["term"]
        self.children_of: dict[str, list[Entity]] = defaultdict(list)
        self.strategies_of: dict[str, list[Strategy]] = defaultdict(list)
        self.arguments_about: dict[str, list[Argument]] = defaultdict(list)
        self.arguments_using: dict[str, list[Argument]] = defaultdict(list)
        self.figures_of: dict[str, list[Figure]] = defaultdict(list)
        self.replies: dict[str, list[Argument]] = defaultdict(list)
        self.citations: dict[str, list[Citation]] = defaultdict(list)
        self.alias_to_entity: dict[str, Entity] = {}
        for entity in pack.entities:
            if entity.parent:
                self.children_of[entity.parent].append(entity)
            for name in (entity.name.zh, entity.name.en, *(a.text for a in entity.aliases)):
                if name:
                    self.alias_to_entity.setdefault(fold(name), entity)
        for strategy in pack.strategies:
            for owner in strategy.pursued_by:
                self.strategies_of[owner].append(strategy)
        for argument in pack.arguments:
            if argument.parent:
                self.replies[argument.parent].append(argument)
            for about in argument.concerns:
                self.arguments_about[about].append(argument)
            for used in argument.strategies:
                self.arguments_using[used].append(argument)
        for figure in pack.figures:
            self.figures_of[figure.subject].append(figure)
        for kind in kinds():
            for item in kind.items(pack):
                for ev in getattr(item, "evidence", ()):  # every kind that quotes the article
                    self.citations[ev.para].append(Citation(ref_of(item), ev))

    @cached_property
    def referrers(self) -> dict[Ref, list[Referrer]]:
        """Every item named in a reference field not in BACKLINKED_BY_HAND, with the items naming
        it, in pack order: a new `RefTo` field's backlinks with no table written for it. Built on
        the first detail view; for the built-in kinds alone there is nothing to scan."""
        found: dict[Ref, list[Referrer]] = defaultdict(list)
        for kind in kinds():
            fields = [spec for spec in references(kind.cls) if (kind.name, spec.name) not in BACKLINKED_BY_HAND]
            for item in kind.items(self.pack) if fields else ():
                ref = ref_of(item)
                for spec in fields:
                    value = getattr(item, spec.name)
                    for target in value if isinstance(value, tuple) else (value,):
                        if target:
                            found[Ref(spec.ref, target)].append(Referrer(ref, spec.name))
        return found

    def get(self, ref: Ref) -> Item | None:
        """The item `ref` names, or None if the pack has no such item."""
        return self._tables.get(ref.kind, {}).get(ref.id)

    def resolve_alias(self, text: str) -> Entity | None:
        """The entity a name or garbled alias stands for."""
        return self.alias_to_entity.get(fold(text))

    def breadcrumb(self, argument: Argument) -> list[Argument]:
        """The chain from the thesis down to `argument`, inclusive."""
        chain = [argument]
        while chain[-1].parent and chain[-1].parent in self.arguments and len(chain) <= len(self.arguments):
            chain.append(self.arguments[chain[-1].parent])
        return chain[::-1]

    def roots(self) -> list[Argument]:
        """Arguments without a parent, in pack order (normally one thesis)."""
        return [a for a in self.pack.arguments if not a.parent]

    def span(self, node: OutlineNode) -> tuple[int, int]:
        """The numbers of the first and the last paragraph `node` covers."""
        return self.paragraphs[node.first].number, self.paragraphs[node.last or node.first].number

    def covered(self, node: OutlineNode) -> tuple[Paragraph, ...]:
        """The paragraphs `node` covers, in order."""
        first, last = self.span(node)
        return self.pack.paragraphs[first - 1 : last]  # numbered from 1, in order

    def section_of(self, paragraph: Paragraph) -> OutlineNode | None:
        """The most specific outline node whose range holds `paragraph`."""
        return self._section_by_number.get(paragraph.number)

    @cached_property
    def _section_by_number(self) -> dict[int, OutlineNode]:
        found: dict[int, OutlineNode] = {}
        for node in walk_outline(self.pack.outline):  # deeper nodes come later and win
            first, last = self.span(node)
            for number in range(first, last + 1):
                found[number] = node
        return found

    def alias_occurrences(self, entity: Entity) -> dict[str, list[int]]:
        """For each alias of `entity`, the numbers of the paragraphs it occurs in."""
        return {
            alias.text: [p.number for p in self.pack.paragraphs if alias.text in p.text] for alias in entity.aliases
        }

    @cached_property
    def _names(self) -> Any:
        """An Aho–Corasick automaton of every entity name and alias, built on first use.

        One pass over a paragraph then finds every mention, longest first
        (手持生活 wins over 手持), however many names a pack has.
        """
        import ahocorasick  # deferred: only the source view and reports need it

        automaton = ahocorasick.Automaton()
        for entity in self.pack.entities:
            for text in (*(a.text for a in entity.aliases), entity.name.zh, entity.name.en):
                if text and text not in automaton:
                    automaton.add_word(text, (text, entity))
        if len(automaton):
            automaton.make_automaton()
        return automaton

    def mentions(self, text: str) -> list[tuple[int, int, Entity]]:
        """(start, end, entity) for each name or alias in `text`, longest match first."""
        automaton = self._names
        if not len(automaton):
            return []
        return [(end + 1 - len(name), end + 1, entity) for end, (name, entity) in automaton.iter_long(text)]

    @cached_property
    def mentioned_in(self) -> dict[str, list[int]]:
        """Entity id → the numbers of the paragraphs that name it (one pass over the text)."""
        found: dict[str, list[int]] = defaultdict(list)
        for paragraph in self.pack.paragraphs:
            for entity_id in {entity.id for _, _, entity in self.mentions(paragraph.text)}:
                found[entity_id].append(paragraph.number)
        return found

    @cached_property
    def search_entries(self) -> SearchTable:
        """Every searchable item's words, built on the first search (or just after start-up)."""
        entries: list[tuple[Ref, str]] = []
        for kind in kinds():
            for item in kind.items(self.pack):
                words = search_words(item, self)
                if words:
                    entries.append((ref_of(item), fold(" | ".join(words))))
        return SearchTable.build(entries)

    def paragraph_numbered(self, query: str) -> Paragraph | None:
        """The paragraph a query names by number, as the screen shows it or as typed: 17, ¶17, p17."""
        found = PARAGRAPH_NUMBER.fullmatch(query.strip())
        number = int(found.group(1)) if found else 0
        paragraphs = self.pack.paragraphs
        return paragraphs[number - 1] if 0 < number <= len(paragraphs) else None

    def search(self, query: str, limit: int = 50) -> list[Ref]:
        """Items whose names, aliases or words contain every word of `query`.

        An exact alias hit comes first, so typing a garbled name leads
        straight to the entity it stands for.
        """
        words = fold(query).split()
        if not words:
            return []
        hits: list[Ref] = []
        numbered = self.paragraph_numbered(query)
        if numbered is not None:
            hits.append(ref_of(numbered))
        exact = self.resolve_alias(query.strip())
        if exact is not None:
            hits.append(ref_of(exact))
        for ref in self.search_entries.matching(words):
            if ref not in hits:
                hits.append(ref)
                if len(hits) >= limit:
                    break
        return hits


@singledispatch
def search_words(item: Any, index: PackIndex) -> list[str]:
    """The words that find `item` in search (none: not searchable).

    For a kind without its own rule: its id and every bilingual field, with
    pinyin for the Chinese of the first (its name, by convention).
    """
    texts = [getattr(item, spec.name) for spec in yaml_fields(type(item))]
    bilingual = [text for text in texts if isinstance(text, Bilingual)]
    words = [item.id, *(t for text in bilingual for t in (text.zh, text.en))]
    return words + (romanised([bilingual[0].zh]) if bilingual else [])


@search_words.register
def _(item: Entity, index: PackIndex) -> list[str]:
    names = [item.id, item.name.zh, item.name.en, *(a.text for a in item.aliases)]
    return names + romanised([item.name.zh, *(a.text for a in item.aliases)])


@search_words.register
def _(item: Strategy, index: PackIndex) -> list[str]:
    return [item.id, item.name.zh, item.name.en, item.summary.en, *romanised([item.name.zh])]


@search_words.register
def _(item: Argument, index: PackIndex) -> list[str]:
    return [item.id, item.claim.zh, item.claim.en]


@search_words.register
def _(item: Figure, index: PackIndex) -> list[str]:
    subject = index.entities.get(item.subject)
    words = [item.id, item.metric.zh, item.metric.en, item.as_written]
    return words + ([subject.name.zh, subject.name.en] if subject is not None else [])


@search_words.register
def _(item: GlossaryTerm, index: PackIndex) -> list[str]:
    return [item.id, item.term, item.meaning.zh, item.meaning.en]


@search_words.register
def _(item: OutlineNode, index: PackIndex) -> list[str]:
    return []  # found through the outline pane, not search


@search_words.register
def _(item: Paragraph, index: PackIndex) -> list[str]:
    return [item.text, item.restored, item.en]  # the registry lists paragraphs last: named items come first
