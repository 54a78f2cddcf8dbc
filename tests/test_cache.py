"""The pack cache: a hit skips parsing, any edit misses, and failures fall back quietly."""

from __future__ import annotations

from pathlib import Path

import pytest

from fintech_tui.loader import PackError, cache, load_pack

from .conftest import PackWriter


def forbid_building(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_: object) -> None:
        raise AssertionError("the pack was parsed although it is cached")

    monkeypatch.setattr("fintech_tui.loader.build.build_pack", fail)


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("FINTECH_TUI_CACHE", str(folder))
    return folder


def test_second_load_comes_from_the_cache(
    write_pack: PackWriter, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_pack()
    first = load_pack(folder)
    assert len(list(cache_dir.glob("*.json"))) == 1
    forbid_building(monkeypatch)
    second = load_pack(folder)
    assert second == first
    assert second.origin == str(folder)


def test_any_edit_misses_the_cache(write_pack: PackWriter, cache_dir: Path) -> None:
    folder = write_pack()
    load_pack(folder)
    meta = folder / "meta.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("A tiny article", "An edited article"), encoding="utf-8")
    assert load_pack(folder).meta.title.en == "An edited article"
    assert len(list(cache_dir.glob("*.json"))) == 2


def test_invalid_packs_are_never_cached(write_pack: PackWriter, cache_dir: Path) -> None:
    folder = write_pack(**{"meta.yaml": "meta: {}\n"})
    for _ in range(2):
        with pytest.raises(PackError):
            load_pack(folder)
    assert not list(cache_dir.glob("*.json"))


def test_a_corrupt_entry_is_a_miss(write_pack: PackWriter, cache_dir: Path) -> None:
    folder = write_pack()
    load_pack(folder)
    [entry] = cache_dir.glob("*.json")
    entry.write_bytes(b"not json")
    assert load_pack(folder).meta.title.en == "A tiny article"


def test_cache_can_be_turned_off(write_pack: PackWriter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FINTECH_TUI_CACHE", "off")
    assert cache.folder() is None
    load_pack(write_pack())
    assert not list(tmp_path.rglob("*.json"))


def test_unwritable_cache_folder_is_ignored(
    write_pack: PackWriter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setenv("FINTECH_TUI_CACHE", str(blocker / "cache"))
    assert load_pack(write_pack()).meta.title.en == "A tiny article"


def test_default_location_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("FINTECH_TUI_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.folder() == tmp_path / "fintech-tui"


def test_numbers_come_back_from_the_cache_as_written(
    write_pack: PackWriter, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """10000000 stays an int (it prints without ".0"), 1.5 a float, through the cache and back."""
    figures = """
        figures:
          - id: users
            metric: {en: Users}
            as_written: 数亿用户
            value: 10000000
            evidence: [{para: p2, quote: 数亿用户}]
          - id: share
            metric: {en: Share}
            as_written: 数亿用户
            value: 1.5
            evidence: [{para: p2, quote: 数亿用户}]
        """
    folder = write_pack(**{"figures.yaml": figures})
    first = load_pack(folder)
    forbid_building(monkeypatch)
    second = load_pack(folder)
    values = [(type(f.value), f.value) for f in second.figures]
    assert values == [(int, 10000000), (float, 1.5)] == [(type(f.value), f.value) for f in first.figures]
