"""The `Library`: many packs as one map, every answer read from the index, one pack loaded at a time.

What a screen asks for (a page of articles, one shared entity, a search) is one or two SQLite
queries; memory grows with the answer, not with the library. Only `load` reads a pack, through
the loader and its cache. A value the index holds that this version did not write (a
corrupt or planted file) makes the index be rebuilt and the question asked again, once.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import msgspec

from fintech_tui.library import series
from fintech_tui.library.discover import is_pack_folder, pack_path
from fintech_tui.library.identity import normalise
from fintech_tui.library.index import CorruptIndex, Index, IndexUnusable, busy, held
from fintech_tui.library.rows import (
    AcrossRow,
    ArticleRow,
    ClaimLinkRow,
    ClaimRow,
    Disagreement,
    FigureRow,
    Member,
    QuoteRow,
    SearchHit,
    SharedEntity,
)
from fintech_tui.model import Bilingual, Pack

__all__ = [
    "AcrossRow",
    "ArticleRow",
    "ClaimLinkRow",
    "ClaimRow",
    "Disagreement",
    "FigureRow",
    "IndexUnusable",
    "Library",
    "Member",
    "QuoteRow",
    "SearchHit",
    "SharedEntity",
]

P = ParamSpec("P")
R = TypeVar("R")
SORTS = {"date": "date", "title": "lower(COALESCE(NULLIF(title_en, ''), title_zh))", "key": "key"}
_PACK_COLUMNS = "key, title_en, title_zh, author, date, entities, claims, figures, problems"
_CLAIM_COLUMNS = "pack, id, claim_en, claim_zh, role, hedge, relation, parent, quotes, concerns, strategies"
_FIGURE_COLUMNS = (
    "pack, id, metric_en, metric_zh, as_written, value, unit, period, period_date, hedge, source, quotes,"
    " subject, period_inferred"
)


def _guarded(method: Callable[P, R]) -> Callable[P, R]:
    """Rebuild the index and ask again when what it holds turns out corrupt."""

    @functools.wraps(method)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> R:
        library = args[0]
        assert isinstance(library, Library)
        asked = library.index.db
        try:
            return method(*args, **kwargs)
        except (sqlite3.DatabaseError, CorruptIndex) as error:
            if busy(error):
                raise held() from None
            library.index.rebuild(failed=asked)  # nothing to do when the sync thread has just rebuilt it
            return method(*args, **kwargs)

    return guarded


_QUOTES = msgspec.json.Decoder(list[tuple[str, int, str]])
_STRINGS = msgspec.json.Decoder(list[str])


def _decode(decoder: msgspec.json.Decoder[Any], text: object) -> Any:
    """A JSON column decoded into its declared type; CorruptIndex for anything else."""
    try:
        return decoder.decode(str(text))
    except msgspec.MsgspecError as error:
        raise CorruptIndex(str(error)) from None


def _quotes(article: str, text: object) -> tuple[QuoteRow, ...]:
    return tuple(QuoteRow(article, para, number, quote) for para, number, quote in _decode(_QUOTES, text))


def _strings(text: object) -> tuple[str, ...]:
    return tuple(_decode(_STRINGS, text))


class Library:
    """A folder of packs, opened through its index (see `fintech_tui.library`)."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.folder = index.folder

    @classmethod
    def open(
        cls,
        folder: Path,
        *,
        progress: Callable[[int, int], None] | None = None,
        workers: int | None = None,
        sync: bool = True,
    ) -> Library:
        """Open the library at `folder`, building or refreshing its index (cheap when warm).

        `progress(done, total)` hears each pack indexed; IndexUnusable when SQLite lacks FTS5,
        ValueError when `folder` is itself a pack. `sync=False` takes an index already built as it
        is, without comparing any pack's signature (`checked` says so); `sync` does that later.
        """
        folder = Path(folder).resolve()
        if is_pack_folder(folder):  # its files are sections of one pack, not packs of a library
            raise ValueError(f"{folder} is a pack, not a library of packs")
        return cls(Index.open(folder, progress=progress, workers=workers, sync=sync))

    @property
    def checked(self) -> bool:
        """Whether the index has been compared with the packs on disk since it was opened."""
        return self.index.checked

    def sync(self, *, progress: Callable[[int, int], None] | None = None, workers: int | None = None) -> bool:
        """Re-index the packs that changed on disk and drop the ones gone, on a connection of its own
        (safe from a worker thread while the screen reads); True when anything changed."""
        try:
            return self.index.sync_apart(progress=progress, workers=workers)
        except (sqlite3.DatabaseError, CorruptIndex):  # a lock held too long is IndexBusy, raised as it is
            self.index.rebuild(progress=progress)
            return True

    def close(self) -> None:
        self.index.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def db(self) -> sqlite3.Connection:
        return self.index.db

    # -- articles ---------------------------------------------------------------------------------

    def _row(self, row: Sequence[Any]) -> ArticleRow:
        key = str(row[0])
        path = pack_path(self.folder, key)
        if path is None:
            raise CorruptIndex(f"pack key {key!r} leaves the library")
        return ArticleRow(
            key,
            str(path),
            Bilingual(en=str(row[1]), zh=str(row[2])),
            str(row[3]),
            str(row[4]),
            int(row[5]),
            int(row[6]),
            int(row[7]),
            _strings(row[8]),
        )

    @_guarded
    def count(self) -> int:
        """How many packs the library holds, broken ones included."""
        return int(self.db.execute("SELECT count(*) FROM packs").fetchone()[0])

    @_guarded
    def articles(
        self, *, sort: str = "date", descending: bool = True, offset: int = 0, limit: int = 200
    ) -> tuple[ArticleRow, ...]:
        """A page of the articles, sorted by "date", "title" or "key" (ties by key)."""
        if sort not in SORTS:
            raise ValueError(f"sort by one of {', '.join(SORTS)}, not {sort!r}")
        direction = "DESC" if descending else "ASC"
        rows = self.db.execute(
            f"SELECT {_PACK_COLUMNS} FROM packs ORDER BY {SORTS[sort]} {direction}, key LIMIT ? OFFSET ?",
            (max(0, limit), max(0, offset)),
        )
        return tuple(self._row(row) for row in rows)

    @_guarded
    def broken(self) -> tuple[ArticleRow, ...]:
        """The packs that failed to load, each with its problems."""
        rows = self.db.execute(f"SELECT {_PACK_COLUMNS} FROM packs WHERE problems != '[]' ORDER BY key")
        return tuple(self._row(row) for row in rows)

    @_guarded
    def article(self, key: str) -> ArticleRow:
        """The article `key` names; KeyError when the library has none."""
        row = self.db.execute(f"SELECT {_PACK_COLUMNS} FROM packs WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        return self._row(row)

    def load(self, key: str) -> Pack:
        """The full pack `key` names, through the loader and its cache (PackError when it is broken)."""
        from fintech_tui.loader import load_pack

        return load_pack(Path(self.article(key).path))

    def refresh(self, changed: Path) -> None:
        """Re-index the pack holding `changed` (a file or folder inside the library), for --watch."""
        changed = Path(changed).resolve()
        try:
            relative = changed.relative_to(self.folder)
        except ValueError:
            return
        parts = relative.parts
        for depth in range(1, len(parts) + 1):
            key = "/".join(parts[:depth])
            known = self.db.execute("SELECT 1 FROM packs WHERE key = ?", (key,)).fetchone()
            if known is not None:
                self.index.refresh(key)
                return
        self.index.sync()  # a new pack, or a folder of them

    # -- shared entities --------------------------------------------------------------------------

    def _members(self, key: str) -> tuple[Member, ...]:
        rows = self.db.execute(
            "SELECT s.pack, s.entity, e.name_en, e.name_zh, s.inferred FROM shared s"
            " JOIN entities e ON e.pack = s.pack AND e.id = s.entity WHERE s.key = ? ORDER BY s.pack",
            (key,),
        )
        return tuple(Member(str(a), str(e), Bilingual(en=str(en), zh=str(zh)), bool(inf)) for a, e, en, zh, inf in rows)

    def _shared(self, row: Sequence[Any]) -> SharedEntity:
        key = str(row[0])
        return SharedEntity(key, Bilingual(en=str(row[1]), zh=str(row[2])), str(row[3]), self._members(key))

    @_guarded
    def shared_entities(self, *, min_articles: int = 1, offset: int = 0, limit: int = 200) -> tuple[SharedEntity, ...]:
        """A page of shared entities, those named by the most articles first."""
        rows = self.db.execute(
            "SELECT key, name_en, name_zh, kind FROM groups WHERE articles >= ?"
            " ORDER BY articles DESC, key LIMIT ? OFFSET ?",
            (min_articles, max(0, limit), max(0, offset)),
        ).fetchall()
        return tuple(self._shared(row) for row in rows)

    @_guarded
    def shared_count(self, *, min_articles: int = 1) -> int:
        """How many shared entities `shared_entities` pages through."""
        return int(self.db.execute("SELECT count(*) FROM groups WHERE articles >= ?", (min_articles,)).fetchone()[0])

    @_guarded
    def shared(self, key: str) -> SharedEntity | None:
        """The shared entity `key` names, or None."""
        row = self.db.execute("SELECT key, name_en, name_zh, kind FROM groups WHERE key = ?", (key,)).fetchone()
        return None if row is None else self._shared(row)

    @_guarded
    def shared_of(self, article: str, entity: str) -> SharedEntity | None:
        """The shared entity that article's entity belongs to, or None when the library has no such entity."""
        row = self.db.execute("SELECT key FROM shared WHERE pack = ? AND entity = ?", (article, entity)).fetchone()
        return None if row is None else self.shared(str(row[0]))

    def _links(self, article: str, claim: str) -> tuple[tuple[ClaimLinkRow, ...], tuple[ClaimLinkRow, ...]]:
        """The claims of other articles this one declares a relation to, and those that declare one to it."""
        out = self.db.execute(
            "SELECT target_pack, target_claim, relation FROM claim_links WHERE pack = ? AND claim = ? ORDER BY ord",
            (article, claim),
        )
        into = self.db.execute(
            "SELECT pack, claim, relation FROM claim_links WHERE target_pack = ? AND target_claim = ?"
            " ORDER BY pack, claim, ord",
            (article, claim),
        )
        return (
            tuple(ClaimLinkRow(str(a), str(c), str(r)) for a, c, r in out),
            tuple(ClaimLinkRow(str(a), str(c), str(r)) for a, c, r in into),
        )

    @_guarded
    def claim_links(self, *, offset: int = 0, limit: int = 500) -> tuple[tuple[str, str, ClaimLinkRow], ...]:
        """A page of every link between claims of different articles: (article, claim, what it links to)."""
        rows = self.db.execute(
            "SELECT pack, claim, target_pack, target_claim, relation FROM claim_links"
            " ORDER BY pack, claim, ord LIMIT ? OFFSET ?",
            (max(0, limit), max(0, offset)),
        )
        return tuple((str(p), str(c), ClaimLinkRow(str(a), str(t), str(r))) for p, c, a, t, r in rows)

    @_guarded
    def dangling_links(self) -> tuple[tuple[str, str, int, ClaimLinkRow], ...]:
        """(article, claim, position, link) for each `across` entry naming a claim the library does not hold,
        or one of its own article."""
        rows = self.db.execute(
            "SELECT l.pack, l.claim, l.ord, l.target_pack, l.target_claim, l.relation FROM claim_links l"
            " LEFT JOIN claims c ON c.pack = l.target_pack AND c.id = l.target_claim"
            " WHERE c.id IS NULL OR l.target_pack = l.pack ORDER BY l.pack, l.claim, l.ord"
        )
        return tuple((str(p), str(c), int(o), ClaimLinkRow(str(a), str(t), str(r))) for p, c, o, a, t, r in rows)

    def _claim(self, row: Sequence[Any]) -> ClaimRow:
        article = str(row[0])
        links, linked_from = self._links(article, str(row[1]))
        return ClaimRow(
            article,
            str(row[1]),
            Bilingual(en=str(row[2]), zh=str(row[3])),
            str(row[4]),
            str(row[5]),
            str(row[6]),
            str(row[7]),
            _quotes(article, row[8]),
            _strings(row[9]),
            _strings(row[10]),
            links,
            linked_from,
        )

    def _figure(self, row: Sequence[Any]) -> FigureRow:
        article = str(row[0])
        value = row[5]
        if value is not None and not isinstance(value, int | float):
            raise CorruptIndex(f"figure value {value!r}")
        return FigureRow(
            article,
            str(row[1]),
            Bilingual(en=str(row[2]), zh=str(row[3])),
            str(row[4]),
            value,
            str(row[6]),
            str(row[7]),
            str(row[8]),
            str(row[9]),
            str(row[10]),
            _quotes(article, row[11]),
            str(row[12]),
            bool(row[13]),
        )

    def _claims_about(self, article: str, entity: str) -> tuple[ClaimRow, ...]:
        rows = self.db.execute(
            f"SELECT {_CLAIM_COLUMNS} FROM claims WHERE pack = ? AND instr(concerns, ?) > 0 ORDER BY ord",
            (article, json.dumps(entity)),
        )
        return tuple(claim for claim in map(self._claim, rows) if entity in claim.concerns)

    def _figures_of(self, article: str, entity: str) -> tuple[FigureRow, ...]:
        rows = self.db.execute(
            f"SELECT {_FIGURE_COLUMNS} FROM figures WHERE pack = ? AND subject = ? ORDER BY ord",
            (article, entity),
        )
        return tuple(map(self._figure, rows))

    @_guarded
    def across(self, shared_key: str) -> tuple[AcrossRow, ...]:
        """What each article says of the shared entity: its summary, claims, figures and quotes."""
        found = []
        for member in self._members(shared_key):
            row = self.db.execute(
                "SELECT summary_en, summary_zh, quotes FROM entities WHERE pack = ? AND id = ?",
                (member.article, member.entity),
            ).fetchone()
            if row is None:
                continue
            found.append(
                AcrossRow(
                    self.article(member.article),
                    member.entity,
                    Bilingual(en=str(row[0]), zh=str(row[1])),
                    self._claims_about(member.article, member.entity),
                    self._figures_of(member.article, member.entity),
                    _quotes(member.article, row[2]),
                )
            )
        return tuple(found)

    def _all_figures(self, shared_key: str) -> list[FigureRow]:
        rows = self.db.execute(
            f"SELECT {', '.join('f.' + c.strip() for c in _FIGURE_COLUMNS.split(','))} FROM shared s"
            " JOIN figures f ON f.pack = s.pack AND f.subject = s.entity WHERE s.key = ? ORDER BY f.pack, f.ord",
            (shared_key,),
        )
        return list(map(self._figure, rows))

    @_guarded
    def metrics(self, shared_key: str) -> tuple[Bilingual, ...]:
        """The metrics the articles give figures of for this entity, one each (matched as names are)."""
        seen: dict[str, Bilingual] = {}
        for figure in self._all_figures(shared_key):
            key = _metric_key(figure.metric)
            seen.setdefault(key, figure.metric)
        return tuple(seen.values())

    @_guarded
    def figures_over_time(self, shared_key: str, metric: str) -> tuple[tuple[FigureRow, ...], tuple[Disagreement, ...]]:
        """Every article's figure of `metric` (its English or Chinese name) for the entity, in time order,
        and the periods for which articles disagree."""
        wanted = normalise(metric)
        points = [
            f for f in self._all_figures(shared_key) if wanted in (normalise(f.metric.en), normalise(f.metric.zh))
        ]
        return series.ordered(points), series.disagreements(points)

    @_guarded
    def side_by_side(
        self, articles: Sequence[str], *, shared_key: str = "", strategy: str = ""
    ) -> dict[str, tuple[ClaimRow, ...]]:
        """For each article, its claims that concern the shared entity, or the strategy (by name), or all."""
        found: dict[str, tuple[ClaimRow, ...]] = {}
        members = {m.article: m.entity for m in self._members(shared_key)} if shared_key else {}
        wanted = normalise(strategy) if strategy else ""
        for article in articles:
            if shared_key:
                entity = members.get(article)
                found[article] = self._claims_about(article, entity) if entity else ()
                continue
            rows = self.db.execute(
                f"SELECT {_CLAIM_COLUMNS} FROM claims WHERE pack = ? ORDER BY ord",
                (article,),
            )
            claims = tuple(map(self._claim, rows))
            if wanted:
                ids = {
                    str(sid)
                    for (sid,) in self.db.execute(
                        "SELECT id FROM strategies WHERE pack = ? AND name_key = ?", (article, wanted)
                    )
                }
                claims = tuple(c for c in claims if ids & set(c.strategies))
            found[article] = claims
        return found

    # -- search -----------------------------------------------------------------------------------

    def prepare_search(self) -> None:
        """Load what the first Chinese query needs (OpenCC's tables: 16 ms on an idle machine, much more
        on a busy one), so a screen can pay it in its worker thread rather than on a keystroke."""
        from fintech_tui.library.identity import simplified

        simplified("預備")

    @_guarded
    def search(self, text: str, *, limit: int = 50) -> dict[str, tuple[SearchHit, ...]]:
        """Items of every pack matching every word of `text`, grouped by article key."""
        from fintech_tui.library.search import search

        return search(self.db, text, limit=limit)


def _metric_key(metric: Bilingual) -> str:
    return normalise(metric.pick("en"))
