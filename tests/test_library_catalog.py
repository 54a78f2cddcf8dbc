"""The library's catalogue: which entries are packs, listing them from the index, broken packs."""

from __future__ import annotations

from pathlib import Path

import pytest

from fintech_tui.library.catalog import Library
from fintech_tui.library.discover import discover, is_library, pack_path
from fintech_tui.loader import PackError, load_pack
from fintech_tui.util.bundled import bundled_pack_path
from fintech_tui.util.synthetic import write_pack
from tests.library_helpers import entity, with_bundled, write_article

BROKEN = "meta:\n  title: {en: Broken}\nparagraphs:\n  - id: p1\n    txt: hello\n"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    with_bundled(root)
    write_article(
        root,
        "short",
        "蚂蚁集团旗下的支付宝。",
        title="A short one",
        date="2024-05-01",
        entities=[entity("alipay", "支付宝", "Alipay")],
    )
    write_pack(100, root / "2024" / "synthetic")
    (root / "broken").mkdir()
    (root / "broken" / "pack.yaml").write_text(BROKEN, encoding="utf-8")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "x.yaml").write_text(BROKEN, encoding="utf-8")
    (root / "notes.txt").write_text("not a pack", encoding="utf-8")
    return root


def test_discovery_finds_folders_files_and_nested_packs(library: Path) -> None:
    assert discover(library) == ["2024/synthetic", "broken", "bundled", "short.yaml"]
    assert is_library(library)
    assert not is_library(bundled_pack_path())  # a pack is never a library
    assert pack_path(library, "../etc") is None and pack_path(library, "a/.git") is None


def test_open_lists_every_pack_from_the_index(library: Path) -> None:
    seen: list[tuple[int, int]] = []
    with Library.open(library, progress=lambda done, total: seen.append((done, total))) as lib:
        assert lib.count() == 4
        assert seen[-1] == (4, 4)
        by_date = [a.key for a in lib.articles()]
        assert by_date[:2] == ["short.yaml", "bundled"]  # 2024-05-01, then 2021-03-22
        assert [a.key for a in lib.articles(sort="title", descending=False, limit=2)] == ["broken", "bundled"]
        assert [a.key for a in lib.articles(offset=3, limit=5)] == [by_date[3]]
        bundled = lib.article("bundled")
        pack = load_pack(bundled_pack_path())
        assert (bundled.entities, bundled.claims, bundled.figures) == (
            len(pack.entities),
            len(pack.arguments),
            len(pack.figures),
        )
        assert bundled.date == "2021-03-22" and bundled.title.zh == pack.meta.title.zh
        assert lib.load("bundled").meta == pack.meta
        with pytest.raises(KeyError):
            lib.article("nothing")


def test_a_broken_pack_is_listed_with_its_problems_and_the_others_open(library: Path) -> None:
    with Library.open(library) as lib:
        (broken,) = lib.broken()
        assert broken.key == "broken" and broken.entities == 0
        assert broken.problems and all(":" in p for p in broken.problems)
        assert broken.problems[0].startswith(f"{library.resolve()}/broken/pack.yaml:4:5:")
        assert lib.article("short.yaml").entities == 1
        with pytest.raises(PackError):
            lib.load("broken")


def test_same_as_and_not_same_as_are_checked_where_written(tmp_path: Path) -> None:
    bad = write_article(
        tmp_path,
        "bad",
        "支付宝和财付通。",
        entities=[
            entity("a", "支付宝", same_as="has space"),
            entity("b", "财付通", same_as="Q1", not_same_as=["Q1", "x", "x", ""]),
        ],
    )
    with pytest.raises(PackError) as error:
        load_pack(bad)
    found = [str(p).split(": ", 1)[1] for p in error.value.problems]
    assert any(line.startswith("entities[0].same_as: 'has space' is not a shared id") for line in found)
    assert "entities[1].not_same_as[0]: 'Q1' is this entity's own same_as" in found
    assert "entities[1].not_same_as[2]: 'x' is listed twice" in found
    assert "entities[1].not_same_as[3]: entry is empty" in found
    assert all(":" in str(p).split(": ")[0] for p in error.value.problems)  # FILE:LINE:COL


def test_valid_identity_fields_load(tmp_path: Path) -> None:
    good = write_article(
        tmp_path,
        "good",
        "支付宝。",
        entities=[entity("a", "支付宝", same_as="Q1340576", not_same_as=["Q860580", "财付通"])],
    )
    (found,) = load_pack(good).entities
    assert found.same_as == "Q1340576" and found.not_same_as == ("Q860580", "财付通")
