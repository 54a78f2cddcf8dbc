"""Normalising names, and deciding which entities of different packs are one.

Two entities are one when a pack says so (`same_as`: the same shared id) or when a canonical
name or alias of one equals one of the other's after normalisation: NFKC (full-width to
half-width), case folded, traditional Chinese to simplified, spaces and joining marks dropped.
A match by name is *inferred*. A pack forbids a match with `not_same_as` (shared ids or names),
two different `same_as` ids never merge, and one article contributes at most one entity to a
shared entity. See docs/design/library.md for the converter and how it was chosen.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import msgspec

_DROPPED = re.compile(r"[\s\u00b7\u30fb\u2027\u2022'’‘\"“”._\-–—]+")


@lru_cache(maxsize=1)
def _converter() -> Any:
    """The traditional-to-simplified converter, loaded on first use (its tables take a moment)."""
    from fintech_tui.library.chinese import to_simplified

    return to_simplified


_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")


def simplified(text: str) -> str:
    """`text` with traditional Chinese characters made simplified (only Han text is touched)."""
    if _HAN.search(text) is None:
        return text
    convert: Any = _converter()
    return str(convert(text))


@lru_cache(maxsize=1 << 16)  # a library's packs name the same entities and metrics again and again
def normalise(text: str) -> str:
    """The form names are matched in: 'ＡＬＩＰＡＹ', 'Ali-pay' and 'alipay' are one; so are 支付寶 and 支付宝."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return simplified(_DROPPED.sub("", folded))


class Candidate(msgspec.Struct, frozen=True):
    """One entity as identity sees it: where it is, what it is called, what it says of itself."""

    article: str
    entity: str
    names: tuple[str, ...]  # normalised canonical names and aliases, canonical first
    same_as: str = ""
    not_same_as: tuple[str, ...] = ()  # as written; normalised when compared


class Grouping:
    """Which candidates are one entity, held in flat arrays (a few bytes a candidate, not objects).

    A library of 10,000 packs has some 300,000 entities: one object and four sets each held
    700 MiB at once. Here a group is its first candidate's position (its root); `owner[i]` is
    candidate i's root; only groups of more than one member keep their members and articles,
    and only candidates with a `not_same_as` keep what they forbid. Names are kept as numbers
    (one table of strings), so a group's names are worked out only when a forbidding group
    meets it. Explicit ids first (they win over names), then names, each in a stable order, so
    the same library always groups the same way.
    """

    def __init__(self, candidates: Iterable[Candidate]) -> None:
        self._ids: dict[str, int] = {}
        self.texts: list[str] = []
        self.article = array("q")
        self.same = array("q")  # the candidate's same_as (its number), -1 for none
        self.first = array("q")  # its first name, -1 for none
        self._starts = array("q", [0])  # candidate i's names are _names[_starts[i]:_starts[i + 1]]
        self._names = array("q")
        self.owner = array("q")
        self.gid = array("q")  # a root's one shared id, -1 for none (two different ids never merge)
        self.members: dict[int, array[int]] = {}  # roots of more than one member
        self.articles: dict[int, set[int]] = {}  # likewise
        self.forbidden: dict[int, set[int]] = {}  # roots that forbid something: ids and names, as numbers
        self.nameless: dict[int, str] = {}  # the entity id of a candidate with no name (its key)
        by_id: dict[int, int] = {}
        for i, candidate in enumerate(candidates):
            self._add(i, candidate)
            same = self.same[i]
            root = by_id.get(same) if same >= 0 else None
            if root is not None and self._can_join(root, i):
                self._absorb(root, i)
            elif same >= 0 and root is None:
                by_id[same] = i
        by_name: dict[int, array[int]] = {}
        for i in range(len(self.owner)):
            for name in dict.fromkeys(self._names[self._starts[i] : self._starts[i + 1]]):
                if not self.texts[name]:
                    continue
                holders = by_name.get(name)
                if holders is None:
                    by_name[name] = array("q", [i])
                else:
                    holders.append(i)
        for name in sorted(by_name, key=self.texts.__getitem__):
            holders = by_name.pop(name)
            for i in holders[1:]:
                a, b = self.owner[holders[0]], self.owner[i]
                if a == b:
                    continue
                big, small = (a, b) if self.size(a) >= self.size(b) else (b, a)
                if self._can_join(big, small):
                    self._absorb(big, small)

    def _number(self, text: str) -> int:
        found = self._ids.get(text)
        if found is None:
            found = self._ids[text] = len(self.texts)
            self.texts.append(text)
        return found

    def _add(self, i: int, candidate: Candidate) -> None:
        number = self._number
        self.article.append(number(candidate.article))
        self.same.append(number(candidate.same_as) if candidate.same_as else -1)
        self.gid.append(self.same[i])
        names = [number(name) for name in candidate.names]
        self.first.append(number(candidate.names[0]) if candidate.names else -1)
        self._names.extend(names)
        self._starts.append(len(self._names))
        self.owner.append(i)
        if not candidate.names:
            self.nameless[i] = candidate.entity
        if candidate.not_same_as:
            forbidden = {normalise(x) for x in candidate.not_same_as} | set(candidate.not_same_as)
            self.forbidden[i] = {number(x) for x in forbidden}

    def size(self, root: int) -> int:
        found = self.members.get(root)
        return 1 if found is None else len(found)

    def member_list(self, root: int) -> array[int]:
        found = self.members.get(root)
        return array("q", [root]) if found is None else found

    def _articles(self, root: int) -> set[int]:
        found = self.articles.get(root)
        return {self.article[root]} if found is None else found

    def _group_names(self, root: int) -> set[int]:
        return {n for m in self.member_list(root) for n in self._names[self._starts[m] : self._starts[m + 1]]}

    def _can_join(self, a: int, b: int) -> bool:
        if self.gid[a] >= 0 and self.gid[b] >= 0 and self.gid[a] != self.gid[b]:
            return False  # two different shared ids are two entities
        mine, theirs = self._articles(a), self._articles(b)
        if not mine.isdisjoint(theirs):
            return False  # one entity per article
        for one, other in ((a, b), (b, a)):
            forbidden = self.forbidden.get(one)
            if forbidden and (self.gid[other] in forbidden or not forbidden.isdisjoint(self._group_names(other))):
                return False
        return True

    def _absorb(self, big: int, small: int) -> None:
        moved = self.members.pop(small, None) or array("q", [small])
        for m in moved:
            self.owner[m] = big
        self.members[big] = self.member_list(big) + moved
        articles = self.articles.pop(small, None) or {self.article[small]}
        self.articles[big] = self._articles(big) | articles
        if self.gid[big] < 0:
            self.gid[big] = self.gid[small]
        forbidden = self.forbidden.pop(small, None)
        if forbidden:
            self.forbidden[big] = self.forbidden.get(big, set()) | forbidden

    def roots(self) -> Iterator[int]:
        """Each group's root (its first candidate's position), in order: the order of `keyed`."""
        return (root for root in range(len(self.owner)) if self.owner[root] == root)

    def keyed(self) -> Iterator[tuple[str, list[tuple[int, bool]]]]:
        """(key, [(candidate, inferred)…]) for each group, singletons too, in the order of their roots."""
        for root in self.roots():
            members = sorted(self.member_list(root))
            gid = self.gid[root]
            if gid >= 0:
                yield self.texts[gid], [(m, len(members) > 1 and self.same[m] != gid) for m in members]
                continue
            common = Counter(self.first[m] for m in members if self.first[m] >= 0)
            name = (
                self.texts[min(common, key=lambda n: (-common[n], self.texts[n]))]
                if common
                else self.nameless[members[0]]
            )
            yield f"name:{name}", [(m, len(members) > 1) for m in members]


def group(candidates: Iterable[Candidate]) -> list[tuple[str, list[tuple[int, bool]]]]:
    """Shared entities: (key, [(candidate index, inferred)…]) for every candidate, singletons too."""
    return list(Grouping(candidates).keyed())
