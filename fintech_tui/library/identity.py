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
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import msgspec

_DROPPED = re.compile(r"[\s\u00b7\u30fb\u2027\u2022'’‘\"“”._\-–—]+")


@lru_cache(maxsize=1)
def _converter() -> Any:
    """The traditional-to-simplified converter, loaded on first use (its tables take a moment)."""
    from fintech_tui.library.chinese import to_simplified

    return to_simplified


def simplified(text: str) -> str:
    """`text` with traditional Chinese characters made simplified (only Han text is touched)."""
    if not any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text):
        return text
    convert: Any = _converter()
    return str(convert(text))


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


class _Group:
    """A set of candidates that are one entity so far, with what a merge must respect."""

    __slots__ = ("articles", "forbidden", "ids", "members", "names")

    def __init__(self, candidate: Candidate, index: int) -> None:
        self.members = [index]
        self.articles = {candidate.article}
        self.ids = {candidate.same_as} if candidate.same_as else set()
        self.names = set(candidate.names)
        self.forbidden = {normalise(x) for x in candidate.not_same_as} | set(candidate.not_same_as)

    def can_join(self, other: _Group) -> bool:
        if self.articles & other.articles or len(self.ids | other.ids) > 1:
            return False  # one entity per article; two different shared ids are two entities
        return not (self.forbidden & (other.ids | other.names) or other.forbidden & (self.ids | self.names))

    def absorb(self, other: _Group) -> None:
        self.members += other.members
        self.articles |= other.articles
        self.ids |= other.ids
        self.names |= other.names
        self.forbidden |= other.forbidden


def group(candidates: list[Candidate]) -> list[tuple[str, list[tuple[int, bool]]]]:
    """Shared entities: (key, [(candidate index, inferred)…]) for every candidate, singletons too.

    Explicit ids first (they win over names), then names, each in a stable order, so the same
    library always groups the same way.
    """
    groups: list[_Group] = []
    owner: list[int] = []
    by_id: dict[str, int] = {}
    for i, candidate in enumerate(candidates):
        g = by_id.get(candidate.same_as) if candidate.same_as else None
        fresh = _Group(candidate, i)
        if g is not None and groups[g].can_join(fresh):
            groups[g].absorb(fresh)
            owner.append(g)
            continue
        owner.append(len(groups))
        if candidate.same_as and g is None:
            by_id[candidate.same_as] = len(groups)
        groups.append(fresh)
    by_name: dict[str, list[int]] = {}
    for i, candidate in enumerate(candidates):
        for name in dict.fromkeys(candidate.names):
            if name:
                by_name.setdefault(name, []).append(i)
    for name in sorted(by_name):
        holders = by_name[name]
        for i in holders[1:]:
            a, b = _find(owner, groups, holders[0]), _find(owner, groups, i)
            if a == b:
                continue
            big, small = (a, b) if len(groups[a].members) >= len(groups[b].members) else (b, a)
            if groups[big].can_join(groups[small]):
                groups[big].absorb(groups[small])
                for m in groups[small].members:
                    owner[m] = big
                groups[small].members = []
    return [_keyed(groups[g], candidates) for g in sorted({owner[i] for i in range(len(candidates))})]


def _find(owner: list[int], groups: list[_Group], i: int) -> int:
    return owner[i]


def _keyed(g: _Group, candidates: list[Candidate]) -> tuple[str, list[tuple[int, bool]]]:
    members = sorted(g.members)
    if g.ids:
        key = next(iter(g.ids))
        return key, [(m, len(members) > 1 and candidates[m].same_as != key) for m in members]
    common = Counter(candidates[m].names[0] for m in members if candidates[m].names)
    name = min(common, key=lambda n: (-common[n], n)) if common else candidates[members[0]].entity
    return f"name:{name}", [(m, len(members) > 1) for m in members]


def unique_keys(keys: Iterable[str], tags: Iterable[str]) -> list[str]:
    """Keys made unique: a second group with the same key gets its first member's tag appended."""
    seen: set[str] = set()
    out = []
    for key, tag in zip(keys, tags, strict=True):
        if key in seen:
            key = f"{key}~{tag}"
        seen.add(key)
        out.append(key)
    return out
