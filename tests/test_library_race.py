"""Two processes at one library's index: each waits for the other's build, neither takes a lock for damage.

Each test starts real processes (the index is shared through the cache folder, as two explorers
share it): one builds, held at its first pack until the other has started and is about to open
the library; the other must wait for that build, not start a second one, and both must end with
a sound index and no traceback.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fintech_tui.library import index as index_module
from fintech_tui.library.catalog import Library
from fintech_tui.library.index import IndexBusy, busy, index_file
from tests.library_helpers import entity, write_article

ROOT = Path(__file__).resolve().parent.parent

#: Opens the library at argv[1] as the screen does (argv[3] "screen": the index as it is, then
#: `sync`) or as the CLI does; prints one line per build and, at the end, what it shows. With a
#: flag file argv[2] that is not "-", the first pack indexed waits until that file exists.
OPENER = r"""
import sys, time
from pathlib import Path
from fintech_tui.library import index
from fintech_tui.library.catalog import Library

real = index.Index._build.__func__

def counted(cls, folder, where, **options):
    print("built", flush=True)
    return real(cls, folder, where, **options)

index.Index._build = classmethod(counted)
flag = Path(sys.argv[2])

def progress(done, total):
    if done == 1 and sys.argv[2] != "-":
        Path(str(flag) + ".held").touch()
        while not flag.exists():
            time.sleep(0.05)
        time.sleep(1.0)  # the other process is past its imports: it is opening the library now

screen = sys.argv[3] == "screen"
with Library.open(Path(sys.argv[1]), progress=progress, sync=not screen) as lib:
    if screen:
        lib.articles(limit=100)
        lib.sync()
    print("shows", lib.count(), len(lib.articles(limit=100)), len(lib.shared_entities(limit=100)), flush=True)
"""


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    for name in ("a", "b", "c", "d"):
        write_article(root, name, f"{name}的支付宝。", title=f"Article {name}", entities=[entity("zfb", "支付宝")])
    return root


def _start(library: Path, flag: str, how: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", OPENER, str(library), flag, how],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _race(library: Path, tmp_path: Path, first: str, second: str) -> list[tuple[str, str]]:
    """Run the first opener, held at its first pack; start the second; let the first go on."""
    flag = tmp_path / "second-started"
    one = _start(library, str(flag), first)
    deadline = time.monotonic() + 120
    while not Path(str(flag) + ".held").exists():
        assert one.poll() is None, one.communicate()
        assert time.monotonic() < deadline, "the first process never reached its first pack"
        time.sleep(0.05)
    two = _start(library, "-", second)
    flag.touch()
    results = []
    for process in (one, two):
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0 and "Traceback" not in err, err
        results.append((out, err))
    return results


def _sound(library: Path) -> None:
    where = index_file(library.resolve())
    assert where is not None
    connection = sqlite3.connect(where)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("SELECT count(*) FROM packs").fetchone() == (4,)
        assert connection.execute("SELECT count(*) FROM shared").fetchone() == (4,)
        assert connection.execute("SELECT articles FROM groups").fetchall() == [(4,)]
    finally:
        connection.close()
    assert not list(where.parent.glob("*-journal"))


def test_two_explorers_opening_one_cold_library_build_it_once(library: Path, tmp_path: Path) -> None:
    results = _race(library, tmp_path, "screen", "screen")
    outs = [out for out, _ in results]
    assert sum(out.count("built") for out in outs) == 1  # the second waited for the first's index
    assert all("shows 4 4 1" in out for out in outs)
    _sound(library)


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_damaged_index_rebuilt_by_another_process_is_waited_for(library: Path, tmp_path: Path, damage: str) -> None:
    Library.open(library).close()
    where = index_file(library.resolve())
    assert where is not None
    if damage == "garbage":
        where.write_bytes(os.urandom(40_000))
    else:
        os.truncate(where, where.stat().st_size // 3)
    results = _race(library, tmp_path, "cli", "screen")
    outs = [out for out, _ in results]
    assert outs[0].count("built") == 1 and "built" not in outs[1]  # the rebuilt index, taken as it is
    assert all("shows 4 4 1" in out for out in outs)
    _sound(library)


def test_a_lock_held_past_the_wait_is_said_in_one_line_never_taken_for_damage(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_module, "BUSY_MS", 50)
    lib = Library.open(library)
    where = index_file(library.resolve())
    assert where is not None
    before = where.stat().st_ino
    holder = sqlite3.connect(where, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program's transaction, not through the library's lock
    try:
        with pytest.raises(IndexBusy) as error:
            lib.sync()
        assert "\n" not in str(error.value)
        with pytest.raises(IndexBusy):
            Library.open(library)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert where.stat().st_ino == before  # not rebuilt
    assert lib.count() == 4
    lib.close()


def test_busy_is_a_lock_and_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite"
    one = sqlite3.connect(path, isolation_level=None)
    one.execute("CREATE TABLE t (a)")
    one.execute("BEGIN EXCLUSIVE")
    two = sqlite3.connect(path, timeout=0)
    with pytest.raises(sqlite3.OperationalError) as locked:
        two.execute("SELECT * FROM t")
    one.execute("ROLLBACK")
    assert busy(locked.value)
    path.write_bytes(b"x" * 4096)
    three = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError) as garbage:
        three.execute("SELECT * FROM sqlite_master")
    assert not busy(garbage.value) and not busy(ValueError("x"))
    for connection in (one, two, three):
        connection.close()
