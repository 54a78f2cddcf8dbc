"""The index: lookups, backlinks, mentions and search (aliases, pinyin, claim words)."""

from __future__ import annotations

from fintech_tui.queries.index import PackIndex, Ref
from fintech_tui.tui.history import History


def test_alias_resolves_to_canonical_entity(bundled_index: PackIndex) -> None:
    entity = bundled_index.resolve_alias("口袋生活")
    assert entity is not None and entity.id == "cmb-life"
    assert bundled_index.resolve_alias("ＰＯＣＫＥＴ life") is entity  # full-width and case folded


def test_backlinks(bundled_index: PackIndex) -> None:
    assert {e.id for e in bundled_index.children_of["cmb"]} == {"cmb-app", "cmb-life"}
    assert "two-app" in {s.id for s in bundled_index.strategies_of["cmb"]}
    cited = {c.ref for c in bundled_index.citations["p17"]}
    assert Ref("figure", "cmb-life-monthly-devices") in cited


def test_breadcrumb_runs_from_the_thesis(bundled_index: PackIndex) -> None:
    chain = bundled_index.breadcrumb(bundled_index.arguments["reason-platform"])
    assert [a.id for a in chain] == ["thesis", "alipay-made-xhb", "xhb-rise", "reason-platform"]


def test_mentions_prefer_the_longest_name(bundled_index: PackIndex) -> None:
    text = bundled_index.paragraphs["p26"].text
    found = {text[start:end] for start, end, _ in bundled_index.mentions(text)}
    assert "手持生活" in found and "手持" not in found
    assert bundled_index.mentioned_in["cmb-life"][:3] == [1, 16, 17]


def test_search_by_alias_name_claim_and_pinyin(bundled_index: PackIndex) -> None:
    assert bundled_index.search("口袋生活")[0] == Ref("entity", "cmb-life")
    assert bundled_index.search("Pocket")[0] == Ref("entity", "cmb-life")
    assert Ref("argument", "reason-platform") in bundled_index.search("decisive reason")
    assert bundled_index.search("zfb")[0] == Ref("entity", "alipay")
    assert bundled_index.search("zhangshang")[0] == Ref("entity", "cmb-life")
    assert bundled_index.search("   ") == []


def test_search_finds_the_restored_and_english_readings(bundled_index: PackIndex) -> None:
    # 走红 is only in p06's restored reading (the text has 受到冲击); "frightening" only in p12's English
    assert "走红" not in bundled_index.paragraphs["p06"].text
    assert Ref("paragraph", "p06") in bundled_index.search("走红")
    assert Ref("paragraph", "p12") in bundled_index.search("frightening")
    assert Ref("paragraph", "p17") in bundled_index.search("monthly effective devices")
    hits = bundled_index.search("CMB Life")
    assert hits[0] == Ref("entity", "cmb-life")  # the named item before the paragraphs that mention it


def test_search_respects_the_limit(bundled_index: PackIndex) -> None:
    assert len(bundled_index.search("a", limit=5)) == 5


def test_history_back_and_forward() -> None:
    history: History[str] = History()
    history.visit(None, "a")
    history.visit("a", "b")
    history.visit("b", "c")
    assert history.back("c") == "b"
    assert history.back("b") == "a"
    assert history.back("a") is None
    assert history.forward("a") == "b"
    history.visit("b", "d")  # a new visit clears the forward stack
    assert history.forward("d") is None


def test_search_table_finds_what_a_scan_of_each_item_finds(bundled_index: PackIndex) -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from fintech_tui.queries.index import SearchTable, fold

    table = bundled_index.search_entries
    items = [
        (ref, table.text[start : (table.starts[i + 1] - 1 if i + 1 < len(table.starts) else len(table.text))])
        for i, (ref, start) in enumerate(zip(table.refs, table.starts, strict=True))
    ]
    assert len(items) > 100 and all(SearchTable.SEPARATOR not in words for _, words in items)
    alphabet = sorted(set(table.text) - {SearchTable.SEPARATOR})

    @settings(max_examples=200, deadline=None)
    @given(st.lists(st.text(alphabet=alphabet, min_size=1, max_size=3), min_size=1, max_size=3))
    def same_as_a_scan(words: list[str]) -> None:
        words = [fold(word) for word in words if fold(word).strip()]
        expected = [ref for ref, text in items if all(word in text for word in words)] if words else []
        assert list(table.matching(words)) == expected

    same_as_a_scan()
    for query in ("支付宝", "zfb", "alipay life", "掌上 生活", "1000万", "nothing-like-this"):
        words = fold(query).split()
        assert list(table.matching(words)) == [ref for ref, text in items if all(w in text for w in words)]
