"""Shared entities, worked out again over the whole library: streamed, a few bytes an entity.

The entities are read a row at a time into `identity.Grouping` (flat arrays, not an object and
four sets an entity: 744 MiB at 10,000 packs before), the `shared` rows written from a second
pass in the same order, and each group's name, kind and size counted a group at a time.
"""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator

import msgspec

from fintech_tui.library.identity import Candidate, Grouping


def regroup(db: sqlite3.Connection) -> None:
    """Replace the `shared` and `groups` tables with the grouping of every entity now indexed, in one
    transaction (rolled back on any error; a names column that is not a list of strings raises
    `msgspec.MsgspecError`, which the index takes for damage)."""
    strings = msgspec.json.Decoder(tuple[str, ...])
    order = "FROM entities ORDER BY pack, ord"
    rowids = array("q")

    def candidates() -> Iterator[Candidate]:
        for rowid, pack, entity, found, same_as, not_same_as in db.execute(
            f"SELECT rowid, pack, id, names, same_as, not_same_as {order}"
        ):
            rowids.append(rowid)
            yield Candidate(pack, entity, strings.decode(found), same_as, strings.decode(not_same_as))

    db.execute("BEGIN IMMEDIATE")
    try:
        grouping = Grouping(candidates())
        keys: dict[int, str] = {}
        inferred = bytearray(len(rowids))
        seen: set[str] = set()
        for root, (key, members) in zip(grouping.roots(), grouping.keyed(), strict=True):
            if key in seen:  # a second group of that key: tagged with its first member
                pack, entity = db.execute(
                    "SELECT pack, id FROM entities WHERE rowid = ?", (rowids[members[0][0]],)
                ).fetchone()
                key = f"{key}~{pack}/{entity}"
            seen.add(key)
            keys[root] = key
            for m, flag in members:
                inferred[m] = flag
        del seen
        db.execute("DELETE FROM shared")
        db.execute("DELETE FROM groups")
        owner = grouping.owner
        db.executemany(
            "INSERT INTO shared VALUES (?, ?, ?, ?)",
            (
                (pack, entity, keys[owner[i]], inferred[i])
                for i, (pack, entity) in enumerate(db.cursor().execute(f"SELECT pack, id {order}"))
            ),
        )
        db.executemany("INSERT INTO groups VALUES (?, ?, ?, ?, ?)", _groups(db.cursor().execute(GROUP_MEMBERS)))
        db.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            db.execute("ROLLBACK")
        raise


#: The shared entities' members, a group after another (the `shared_key` index's order).
GROUP_MEMBERS = (
    "SELECT s.key, e.name_en, e.name_zh, e.kind FROM shared s JOIN entities e ON e.pack = s.pack AND e.id = s.entity"
    " ORDER BY s.key"
)


def _groups(members: Iterable[tuple[str, str, str, str]]) -> Iterator[tuple[str, str, str, str, int]]:
    """Each group's row: its most common (English, Chinese) name and kind (ties: the smallest), and its size.

    `members` come a group at a time, so one group's counts are held at once."""
    for key, rows in itertools.groupby(members, key=lambda row: row[0]):
        names: Counter[tuple[str, str]] = Counter()
        kinds: Counter[str] = Counter()
        for _, name_en, name_zh, kind in rows:
            names[name_en, name_zh] += 1
            kinds[kind] += 1
        name = min(names, key=lambda n: (-names[n], n))
        kind = min(kinds, key=lambda k: (-kinds[k], k))
        yield key, *name, kind, sum(kinds.values())
