"""One search across the library: grouped by article, names first, short queries, pinyin, scripts."""

from __future__ import annotations

import pytest

from fintech_tui.library.catalog import Library
from tests.library_helpers import entity, with_bundled, write_article


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("search") / "lib"
    with_bundled(root)
    write_article(
        root,
        "hk",
        "螞蟻集團旗下的支付寶有十億用戶。",
        entities=[entity("zfb", "支付寶", "Alipay HK")],
        arguments=[
            {
                "id": "t",
                "role": "thesis",
                "claim": {"en": "Scale [bold]wins[/bold]."},
                "evidence": [{"para": "p1", "quote": "十億用戶"}],
            }
        ],
    )
    write_article(root, "other", "美团的外卖。", entities=[entity("mt", "美团", "Meituan")])
    return Library.open(root)


def test_hits_are_grouped_by_article_names_first(lib: Library) -> None:
    found = lib.search("支付宝")
    assert set(found) == {"bundled", "hk.yaml"}
    assert found["bundled"][0].kind == "entity" and found["bundled"][0].item == "alipay"
    kinds = [hit.kind for hit in found["bundled"]]
    assert "paragraph" in kinds and "argument" in kinds
    assert kinds.index("entity") < kinds.index("paragraph")
    assert all(hit.article == article for article, hits in found.items() for hit in hits)


def test_traditional_and_simplified_find_each_other(lib: Library) -> None:
    assert ("hk.yaml", "zfb") in {(h.article, h.item) for hits in lib.search("支付宝").values() for h in hits}
    assert "bundled" in lib.search("支付寶")
    assert lib.search("十亿用户")["hk.yaml"][0].kind in ("paragraph", "argument")


def test_pinyin_and_initials(lib: Library) -> None:
    assert lib.search("zhifubao")["bundled"][0].item == "alipay"
    assert lib.search("meituan")["other.yaml"][0].item == "mt"


@pytest.mark.parametrize("query", ["美", "美团", "zf", "ZF"])
def test_short_queries_find_names(lib: Library, query: str) -> None:
    found = lib.search(query)
    assert found, query
    assert all(hit.kind in ("entity", "strategy", "term") for hits in found.values() for hit in hits)
    assert ("other.yaml" in found) == query.startswith("美")


def test_every_word_must_match_and_labels_are_plain_text(lib: Library) -> None:
    (hit,) = lib.search("scale wins")["hk.yaml"]
    assert hit.label == "Scale [bold]wins[/bold]." and hit.kind == "argument"  # content, kept as written
    assert lib.search("支付宝 nothing-like-this") == {}


@pytest.mark.parametrize("query", ['"', '" OR 1', "AND", "*", "a:b", "NEAR(", "''", "   ", "\x00"])
def test_query_syntax_is_text_never_an_error(lib: Library, query: str) -> None:
    assert isinstance(lib.search(query), dict)


def test_limit_caps_the_hits(lib: Library) -> None:
    assert sum(len(h) for h in lib.search("支付", limit=1).values()) == 1
    assert sum(len(h) for h in lib.search("支付宝", limit=3).values()) == 3
