"""The library's index: rebuilt for a pack only when its bytes change, and never trusted blindly."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from fintech_tui.library import extract
from fintech_tui.library import index as index_module
from fintech_tui.library.catalog import Library
from fintech_tui.library.index import IndexUnusable, index_file
from tests.library_helpers import entity, write_article


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    for name in ("a", "b", "c"):
        write_article(root, name, f"{name}的支付宝。", title=f"Article {name}", entities=[entity("zfb", "支付宝")])
    return root


@pytest.fixture
def indexed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The packs the index reads, in order (packs are indexed in this process below 8 of them)."""
    seen: list[str] = []
    real = extract.index_one

    def counting(path: str) -> dict[str, object]:
        seen.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(extract, "index_one", counting)
    return seen


def test_a_pack_is_indexed_again_only_when_its_bytes_change(library: Path, indexed: list[str]) -> None:
    Library.open(library).close()
    assert sorted(indexed) == ["a.yaml", "b.yaml", "c.yaml"]
    indexed.clear()
    Library.open(library).close()
    assert indexed == []
    old = library / "b.yaml"
    os.utime(old, ns=(1_000_000_000, 1_000_000_000))  # touched: another mtime, the same bytes
    Library.open(library).close()
    assert indexed == []
    old.write_text(old.read_text(encoding="utf-8").replace("Article b", "Article B, edited"), encoding="utf-8")
    with Library.open(library) as lib:
        assert indexed == ["b.yaml"]
        assert lib.article("b.yaml").title.en == "Article B, edited"
    indexed.clear()
    (library / "c.yaml").unlink()
    write_article(library, "d", "d的支付宝。", entities=[entity("zfb", "支付宝")])
    with Library.open(library) as lib:
        assert indexed == ["d.yaml"]
        assert [a.key for a in lib.articles(sort="key", descending=False)] == ["a.yaml", "b.yaml", "d.yaml"]
        shared = lib.shared_of("d.yaml", "zfb")
        assert shared is not None and {m.article for m in shared.members} == {"a.yaml", "b.yaml", "d.yaml"}


def test_refresh_reindexes_the_one_pack_that_changed(library: Path, indexed: list[str]) -> None:
    with Library.open(library) as lib:
        indexed.clear()
        path = library / "a.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("Article a", "Renamed"), encoding="utf-8")
        lib.refresh(path)
        assert indexed == ["a.yaml"] and lib.article("a.yaml").title.en == "Renamed"
        lib.refresh(path)  # the same bytes again: nothing to do
        assert indexed == ["a.yaml"]
        path.unlink()
        lib.refresh(path)
        assert lib.count() == 2


def _index_of(library: Path) -> Path:
    where = index_file(library.resolve())
    assert where is not None
    return where


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda p: p.write_bytes(b"not a database at all" * 100), id="garbage"),
        pytest.param(lambda p: p.write_bytes(p.read_bytes()[:5000]), id="truncated"),
        pytest.param(
            lambda p: p.write_bytes(p.read_bytes()[:100] + os.urandom(4000) + p.read_bytes()[4100:]), id="scrambled"
        ),
        pytest.param(lambda p: _sql(p, "CREATE TRIGGER t AFTER INSERT ON packs BEGIN SELECT 1; END"), id="trigger"),
        pytest.param(lambda p: _sql(p, "UPDATE meta SET value = '0' WHERE name = 'format'"), id="old-format"),
        pytest.param(lambda p: _sql(p, "UPDATE packs SET problems = 'no json'"), id="bad-value"),
        pytest.param(
            lambda p: _sql(p, "UPDATE packs SET key = '../../etc/passwd' WHERE key = 'a.yaml'"), id="hostile-key"
        ),
        pytest.param(lambda p: _sql(p, "UPDATE entities SET quotes = '[[1]]'"), id="bad-quotes"),
    ],
)
def test_a_damaged_or_planted_index_is_rebuilt_never_trusted(library: Path, damage: object) -> None:
    Library.open(library).close()
    where = _index_of(library)
    damage(where)  # type: ignore[operator]
    with Library.open(library) as lib:
        assert [a.key for a in lib.articles(sort="key", descending=False)] == ["a.yaml", "b.yaml", "c.yaml"]
        assert all(not a.problems for a in lib.articles())
        shared = lib.shared_of("a.yaml", "zfb")
        assert shared is not None
        (row, *_) = lib.across(shared.key)
        assert row.quotes[0].quote == "支付宝"
        assert lib.search("支付宝")


def _sql(path: Path, statement: str) -> None:
    connection = sqlite3.connect(path)
    connection.execute(statement)
    connection.commit()
    connection.close()


def test_a_link_planted_at_the_index_is_replaced_not_followed(library: Path, tmp_path: Path) -> None:
    where = _index_of(library)
    victim = tmp_path / "victim"
    victim.write_text("keep me", encoding="utf-8")
    where.symlink_to(victim)
    with Library.open(library) as lib:
        assert lib.count() == 3
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not where.is_symlink()


def test_corruption_found_while_open_rebuilds_and_answers(library: Path) -> None:
    with Library.open(library) as lib:
        lib.db.execute("UPDATE packs SET problems = 'broken json'")
        assert lib.count() == 3
        assert not lib.article("a.yaml").problems  # rebuilt, then asked again


def test_without_a_cache_folder_the_index_lives_in_memory(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FINTECH_TUI_CACHE", "off")
    with Library.open(library) as lib:
        assert lib.index.where is None and lib.count() == 3


def test_sqlite_without_trigram_fts_fails_in_one_line(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_module, "FTS_PROBE", "CREATE VIRTUAL TABLE t USING fts5(a, tokenize='no_such')")
    with pytest.raises(IndexUnusable) as error:
        Library.open(library)
    assert "trigram" in str(error.value) and "\n" not in str(error.value)
