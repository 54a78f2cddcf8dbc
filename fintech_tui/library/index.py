"""The library's SQLite index in the user's cache folder: schema, build, refresh, trust.

One file per library folder, beside the pack cache (`loader.cache`: the same folder, found and
checked the same way). A pack's rows are rewritten only when its files' bytes change: a
signature of names, sizes and mtimes says "unchanged" without reading, and when it differs
the pack cache's digest of the bytes decides. A cold build is written into a temporary file
that is renamed into place; later changes are SQLite transactions. The file is untrusted: it
is used only when it is a regular file of ours whose schema is exactly this one (tables are
STRICT, so every value has its declared type) and whose format, version and folder match;
otherwise it is rebuilt. With the cache off (or its folder unsafe) the index lives in memory.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import stat
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import msgspec

from fintech_tui import __version__
from fintech_tui.library.discover import discover_signed, pack_path
from fintech_tui.library.schema import FORMAT, SCHEMA, expected_schema
from fintech_tui.loader import cache
from fintech_tui.model.plan import model_fingerprint
from fintech_tui.util.digest import blake2b
from fintech_tui.util.safe_files import TEMP_SUFFIX

MAX_INDEX_BYTES = 8 * 1024**3
TERMS_KEPT = 50_000  # distinct names whose ids a build remembers (a few MiB)
BUSY_MS = 10_000  # how long a statement waits for another connection's lock
Progress = Callable[[int, int], None]


class IndexUnusable(Exception):
    """The index cannot be built at all; the message says why in one line."""


class CorruptIndex(Exception):
    """A value read from the index is not what this version wrote: rebuild it."""


class IndexBusy(IndexUnusable):
    """Another process held the index's SQLite lock past the wait: a lock, not a corrupt file."""


BUSY_CODES = frozenset({5, 6})  # SQLITE_BUSY, SQLITE_LOCKED (and their extended codes, by the low byte)


def busy(error: BaseException) -> bool:
    """Whether `error` is another connection's lock held past the wait, not a damaged file.

    Taking a held lock for damage once made a second explorer build the whole index again, and
    rename it over the file the first was still writing."""
    code = getattr(error, "sqlite_errorcode", None) if isinstance(error, sqlite3.DatabaseError) else None
    return code is not None and code & 0xFF in BUSY_CODES


def held() -> IndexBusy:
    return IndexBusy("another process holds this library's index locked; try again when it has finished")


@contextlib.contextmanager
def writing(where: Path | None) -> Iterator[None]:
    """Hold the library's write lock (a file beside the index, `flock`ed) while building or changing it.

    One process at a time builds, syncs or refreshes an index; another waits, then finds the index
    built and in step, and does nothing more. Reading takes no lock: a reader sees the index as
    last committed, or the old file a rebuild renamed a new one over. Without `fcntl`, or when the
    lock file cannot be opened (a link planted in its place), the work goes ahead unlocked."""
    if where is None:
        yield
        return
    try:
        import fcntl
    except ImportError:  # no flock on this system
        yield
        return
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(where.with_name(where.name + LOCK_SUFFIX), flags, 0o600)
    except OSError:
        yield
        return
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # and with it the lock


LOCK_SUFFIX = ".lock"


FTS_PROBE = "CREATE VIRTUAL TABLE t USING fts5(a, tokenize='trigram')"


def require_fts5() -> None:
    """Fail with one clear line when this Python's SQLite has no FTS5 trigram tokenizer."""
    try:
        connection = sqlite3.connect(":memory:")
        try:
            connection.execute(FTS_PROBE)
        finally:
            connection.close()
    except sqlite3.Error:
        raise IndexUnusable(
            f"this Python's SQLite ({sqlite3.sqlite_version}) lacks FTS5 with the trigram tokenizer"
            " (SQLite 3.34 or later built with FTS5); a library needs it"
        ) from None


def index_file(folder: Path) -> Path | None:
    """Where the index of the library at `folder` lives (None: the cache is off or unsafe)."""
    where = cache.trusted_folder(create=True)
    if where is None:
        return None
    name = blake2b(str(folder).encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return where / f"library-{name}.sqlite"


def _connect(path: str) -> sqlite3.Connection:
    connection = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    connection.execute("PRAGMA trusted_schema = OFF")  # no function a planted schema names may run
    connection.execute("PRAGMA cell_size_check = ON")
    connection.execute(f"PRAGMA busy_timeout = {BUSY_MS}")  # a reader waits out another connection's commit
    return connection


def _ours(path: Path) -> bool:
    """A regular file (not a link) owned by this user, writable by nobody else, within the cap."""
    try:
        info = path.lstat()
    except OSError:
        return False
    return (
        stat.S_ISREG(info.st_mode)
        and info.st_uid == os.geteuid()
        and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
        and info.st_size <= MAX_INDEX_BYTES
    )


def _inode(path: Path) -> int | None:
    try:
        return path.lstat().st_ino
    except OSError:
        return None


def _meta(folder: Path) -> dict[str, str]:
    return {"format": str(FORMAT), "version": __version__, "model": model_fingerprint(), "folder": str(folder)}


def open_existing(path: Path, folder: Path) -> sqlite3.Connection | None:
    """The index at `path` if it is ours, whole and of this shape; None to rebuild it."""
    if not _ours(path):
        return None
    connection = None
    try:
        connection = _connect(str(path))
        found = set(connection.execute("SELECT type, name, COALESCE(sql, '') FROM sqlite_master"))
        if found != expected_schema():
            raise CorruptIndex("schema differs")
        meta = dict(connection.execute("SELECT name, value FROM meta"))
        if meta != _meta(folder):
            raise CorruptIndex("another format, version or folder")
        connection.execute("SELECT count(*) FROM packs").fetchone()
        return connection
    except (sqlite3.Error, CorruptIndex, ValueError, TypeError) as error:
        if connection is not None:
            connection.close()
        if busy(error):  # locked by another process: not a reason to build it again
            raise held() from None
        return None


def _fresh(path: str, folder: Path) -> sqlite3.Connection:
    connection = _connect(path)
    connection.execute("PRAGMA journal_mode = OFF")  # a temporary file until renamed: nothing to roll back to
    connection.execute("PRAGMA synchronous = OFF")  # and nothing to keep across a crash: it would be rebuilt
    connection.execute("BEGIN")
    for statement in SCHEMA:
        connection.execute(statement)
    connection.executemany("INSERT INTO meta VALUES (?, ?)", _meta(folder).items())
    connection.execute("COMMIT")
    return connection


def _temporary(where: Path) -> Path:
    """A new empty file beside the index, created exclusively (never through a link)."""
    name = where.parent / f".{os.urandom(8).hex()}{TEMP_SUFFIX}"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    os.close(os.open(name, flags, 0o600))
    return name


class Index:
    """An open index of one library folder.

    Every change to the file goes through `writing` (one process at a time) and starts by
    following a rename: a connection whose file another process has replaced (a rebuild) opens
    the new one first, so nothing is ever written into a file that is no longer the index, and no
    journal of an old file is left where the new one's readers would roll it back into theirs."""

    def __init__(
        self, connection: sqlite3.Connection, folder: Path, where: Path | None, inode: int | None = None
    ) -> None:
        self.db = connection
        self.folder = folder
        self.where = where
        self.inode = inode  # the file `db` opened: another process's rebuild renames a new one over it
        self.checked = True  # False: opened as it was, its packs' signatures not yet compared (`sync`)
        self._guard = threading.RLock()  # one change of `db` at a time (the screen and its sync thread)
        self._terms: dict[str, int] = {}  # distinct names' ids, during a build (`_term_id`)

    @classmethod
    def _existing(cls, folder: Path, where: Path) -> Index | None:
        inode = _inode(where)
        connection = open_existing(where, folder)
        return None if connection is None else cls(connection, folder, where, inode)

    @classmethod
    def open(
        cls, folder: Path, *, progress: Progress | None = None, workers: int | None = None, sync: bool = True
    ) -> Index:
        """The index of `folder`, brought up to date with its packs (cheap when nothing changed).

        With `sync=False` an index already built is used as it is, unchecked (`checked` False):
        a screen shows it at once and calls `sync_apart` after its first paint. When another
        process is building or syncing the same index, this waits for it, then uses what it built."""
        require_fts5()
        where = index_file(folder)
        if where is None:
            return cls._build(folder, None, progress=progress, workers=workers)
        if not sync:
            found = cls._existing(folder, where)
            if found is not None:
                found.checked = False
                return found
        with writing(where):
            found = cls._existing(folder, where)  # again: another process may have built it meanwhile
            if found is not None and not sync:
                found.checked = False
                return found
            if found is not None:
                try:
                    found._sync(progress=progress, workers=workers)
                    return found
                except (sqlite3.DatabaseError, CorruptIndex) as error:  # damaged past what the schema check sees
                    with contextlib.suppress(sqlite3.Error):
                        found.close()
                    if busy(error):
                        raise held() from None
            return cls._build(folder, where, progress=progress, workers=workers)

    @classmethod
    def build(
        cls, folder: Path, where: Path | None, *, progress: Progress | None = None, workers: int | None = None
    ) -> Index:
        """Build the whole index anew: in a temporary file renamed over the old one, or in memory."""
        with writing(where):
            return cls._build(folder, where, progress=progress, workers=workers)

    @classmethod
    def _build(
        cls, folder: Path, where: Path | None, *, progress: Progress | None = None, workers: int | None = None
    ) -> Index:
        """`build`, with the write lock held."""
        if where is None:
            index = cls(_fresh(":memory:", folder), folder, None)
            index._sync(progress=progress, workers=workers)
            return index
        from fintech_tui.util.safe_files import sweep_temporaries

        sweep_temporaries(where.parent)
        try:
            temporary = _temporary(where)
        except OSError:
            return cls._build(folder, None, progress=progress, workers=workers)
        try:
            index = cls(_fresh(str(temporary), folder), folder, None)
            index._sync(progress=progress, workers=workers)
            index.db.close()
            os.replace(temporary, where)  # readers see the old index or the new one, never half of one
        except BaseException:
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise
        found = cls._existing(folder, where)
        if found is None:  # replaced under us: keep going from memory
            return cls._build(folder, None, progress=progress, workers=workers)
        return found

    def close(self) -> None:
        self.db.close()

    def _adopt(self, fresh: Index) -> None:
        old = self.db
        self.db, self.where, self.inode, self.checked = fresh.db, fresh.where, fresh.inode, True
        if old is not fresh.db:
            with contextlib.suppress(sqlite3.Error):
                old.close()

    def _follow(self) -> None:
        """Open the index file anew if another process has renamed a new one over ours (write lock held)."""
        if self.where is None or _inode(self.where) == self.inode:
            return
        found = Index._existing(self.folder, self.where)
        if found is None:
            raise CorruptIndex("the index was replaced by a file that is not one")
        self._adopt(found)

    def rebuild(self, *, progress: Progress | None = None, failed: sqlite3.Connection | None = None) -> None:
        """Throw this index away and build it again (it was found corrupt).

        `failed` is the connection the corruption was found on: when another thread has already put
        a new one in its place, nothing is done; when another process has already rebuilt the file,
        its index is taken instead of building a third."""
        with self._guard:
            if failed is not None and self.db is not failed:
                return
            with writing(self.where):
                fresh = None
                if self.where is not None and _inode(self.where) != self.inode:
                    fresh = Index._existing(self.folder, self.where)
                if fresh is None:
                    fresh = Index._build(self.folder, self.where, progress=progress)
                self._adopt(fresh)

    def sync_apart(self, *, progress: Progress | None = None, workers: int | None = None) -> bool:
        """`sync` on a connection of its own (from a worker thread), so that this one keeps answering the
        screen meanwhile and never sees half a change: it reads the index as committed."""
        if self.where is None:  # in memory: one connection only
            changed = self.sync(progress=progress, workers=workers)
        else:
            with writing(self.where):
                connection = open_existing(self.where, self.folder)
                if connection is None:
                    raise CorruptIndex("the index changed under us")
                try:
                    changed = Index(connection, self.folder, self.where)._sync(progress=progress, workers=workers)
                except sqlite3.DatabaseError as error:
                    if busy(error):
                        raise held() from None
                    raise
                finally:
                    connection.close()
        self.checked = True
        return changed

    def sync(self, *, progress: Progress | None = None, workers: int | None = None) -> bool:
        """Re-index the packs whose bytes changed, drop the ones gone; True when anything changed."""
        with self._guard, writing(self.where):
            self._follow()
            return self._sync(progress=progress, workers=workers)

    def _sync(self, *, progress: Progress | None = None, workers: int | None = None) -> bool:
        """`sync`, with the write lock held."""
        from fintech_tui.library.build import digest

        known = {key: (sig, dig) for key, sig, dig in self.db.execute("SELECT key, sig, digest FROM packs")}
        cold = not known  # nothing indexed yet: no rows to delete first
        stale: list[str] = []
        touched: list[tuple[str, str]] = []
        for key, sig in discover_signed(self.folder):
            path = pack_path(self.folder, key)
            if path is None:
                continue
            old = known.pop(key, None)
            if old is None:
                stale.append(key)
                continue
            if sig and sig == old[0]:
                continue
            if digest(path) == old[1] and old[1]:
                touched.append((sig, key))  # touched, not changed: only the signature is new
                continue
            stale.append(key)
        if touched:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.executemany("UPDATE packs SET sig = ? WHERE key = ?", touched)  # one commit, not one a pack
            self.db.execute("COMMIT")
        gone = list(known)
        if gone:
            self.db.execute("BEGIN IMMEDIATE")
            for key in gone:
                self._delete_rows(key)
                self.db.execute("DELETE FROM packs WHERE key = ?", (key,))
            self.db.execute("COMMIT")
        if stale:
            self._index(stale, progress=progress, workers=workers, fresh=cold)
        elif progress is not None:
            progress(0, 0)
        changed = bool(stale or gone)
        if changed:
            self.regroup()
        return changed

    def refresh(self, key: str) -> None:
        """Re-index one pack (it changed on disk, or was added or removed), then regroup."""
        from fintech_tui.library.build import digest

        with self._guard, writing(self.where):
            self._follow()
            path = pack_path(self.folder, key)
            row = self.db.execute("SELECT digest FROM packs WHERE key = ?", (key,)).fetchone()
            if path is None or not path.exists():
                if row is not None:
                    self._drop(key)
                    self.regroup()
                return
            if row is not None and row[0] and digest(path) == row[0]:
                return
            self._index([key], workers=1)
            self.regroup()

    def _drop(self, key: str) -> None:
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        self._delete_rows(key)
        db.execute("DELETE FROM packs WHERE key = ?", (key,))
        db.execute("COMMIT")

    def _delete_rows(self, key: str) -> None:
        db = self.db
        for table in ("entities", "claims", "claim_links", "figures", "strategies", "shared"):
            db.execute(f"DELETE FROM {table} WHERE pack = ?", (key,))
        docs = db.execute("SELECT id, words, named FROM docs WHERE pack = ?", (key,)).fetchall()
        for table, named in (("name_search", 1), ("text_search", 0)):
            db.executemany(
                f"INSERT INTO {table} ({table}, rowid, words) VALUES ('delete', ?, ?)",
                [(doc, words) for doc, words, flag in docs if flag == named],
            )
        db.executemany("DELETE FROM term_docs WHERE doc = ?", [(doc,) for doc, _, flag in docs if flag])
        db.execute("DELETE FROM docs WHERE pack = ?", (key,))

    def _index(
        self, keys: list[str], *, progress: Progress | None = None, workers: int | None = None, fresh: bool = False
    ) -> None:
        from fintech_tui.library.build import index_packs

        paths = [str(pack_path(self.folder, key)) for key in keys]
        self._terms = {}
        batch = 0
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for i, rows in index_packs(paths, workers=workers, progress=progress):
                self._write(keys[i], rows, fresh=fresh)
                batch += 1
                if batch >= 200:  # commit now and then: a killed build keeps what it finished
                    self.db.execute("COMMIT")
                    self.db.execute("BEGIN IMMEDIATE")
                    batch = 0
            self.db.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self.db.execute("ROLLBACK")
            raise
        finally:
            self._terms = {}

    def _write(self, key: str, rows: dict[str, Any], *, fresh: bool = False) -> None:
        db = self.db
        if not fresh:
            self._delete_rows(key)
            db.execute("DELETE FROM packs WHERE key = ?", (key,))
        problems = rows.get("problems")
        if problems is not None:
            db.execute(
                "INSERT INTO packs VALUES (?, ?, ?, '', '', '', '', 0, 0, 0, ?)",
                (key, rows["sig"], rows["digest"], json.dumps(problems, ensure_ascii=False)),
            )
            return
        title_en, title_zh, author, date = rows["meta"]
        counts = rows["counts"]
        db.execute(
            "INSERT INTO packs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]')",
            (key, rows["sig"], rows["digest"], title_en, title_zh, author, date, *counts),
        )
        db.executemany(
            "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(key, i, *row) for i, row in enumerate(rows["entities"])],
        )
        db.executemany(
            "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(key, i, *row) for i, row in enumerate(rows["claims"])],
        )
        db.executemany("INSERT INTO claim_links VALUES (?, ?, ?, ?, ?, ?)", [(key, *row) for row in rows["links"]])
        db.executemany(
            "INSERT INTO figures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(key, i, *row) for i, row in enumerate(rows["figures"])],
        )
        db.executemany(
            "INSERT INTO strategies VALUES (?, ?, ?, ?, ?, ?)",
            [(key, i, *row) for i, row in enumerate(rows["strategies"])],
        )
        self._write_search(key, rows["search"])

    def _write_search(self, key: str, entries: list[Any]) -> None:
        db = self.db
        first = int(db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM docs").fetchone()[0])
        docs = [
            (first + i, key, kind, item, label, words, named)
            for i, (kind, item, label, words, named, _) in enumerate(entries)
        ]
        db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?)", docs)
        db.executemany("INSERT INTO name_search (rowid, words) VALUES (?, ?)", [(d[0], d[5]) for d in docs if d[6]])
        db.executemany("INSERT INTO text_search (rowid, words) VALUES (?, ?)", [(d[0], d[5]) for d in docs if not d[6]])
        db.executemany(
            "INSERT OR IGNORE INTO term_docs VALUES (?, ?, ?, ?, ?, ?)",
            [
                (self._term_id(term), first + i, key, entry[0], entry[1], entry[2])
                for i, entry in enumerate(entries)
                for term in entry[5]
            ],
        )

    def _term_id(self, term: str) -> int:
        """The id of a distinct name in `terms` (added when new), remembered for the rest of a build.

        The memory is capped: past TERMS_KEPT names it starts again (a lookup is all that is lost)."""
        found = self._terms.get(term)
        if found is not None:
            return found
        row = self.db.execute("SELECT id FROM terms WHERE term = ?", (term,)).fetchone()
        if row is None:
            made = self.db.execute("INSERT INTO terms (term) VALUES (?)", (term,)).lastrowid
            assert made is not None
            found = int(made)
        else:
            found = int(row[0])
        if len(self._terms) >= TERMS_KEPT:
            self._terms.clear()
        self._terms[term] = found
        return found

    def regroup(self) -> None:
        """Work out the shared entities of the whole library again (after any pack changed)."""
        from fintech_tui.library.regroup import regroup

        try:
            regroup(self.db)
        except msgspec.MsgspecError as error:  # a names column this version did not write
            raise CorruptIndex(str(error)) from None
