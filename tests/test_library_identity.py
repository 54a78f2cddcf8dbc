"""Which entities of different packs are one: shared ids, normalised names, forbidden matches."""

from __future__ import annotations

from pathlib import Path

from fintech_tui.library.catalog import Library
from fintech_tui.library.identity import Candidate, group, normalise
from tests.library_helpers import entity, with_bundled, write_article


def test_normalise_folds_width_case_spacing_and_script() -> None:
    assert normalise("ＡＬＩＰＡＹ") == normalise("Ali-Pay") == normalise("alipay") == "alipay"
    assert normalise("支付寶") == normalise("支付宝") == "支付宝"
    assert normalise("螞蟻集團") == "蚂蚁集团"
    assert normalise("招商銀行 掌上生活") == "招商银行掌上生活"
    assert normalise("乾坤") == "乾坤"  # a phrase-aware converter: not 干坤
    assert normalise("Alibaba") != normalise("Alipay")


def _shared(lib: Library, article: str, entity_id: str) -> tuple[str, set[tuple[str, str, bool]]]:
    found = lib.shared_of(article, entity_id)
    assert found is not None
    return found.key, {(m.article, m.entity, m.inferred) for m in found.members}


def test_names_match_across_scripts_and_widths(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    with_bundled(root)
    write_article(
        root,
        "hk",
        "螞蟻集團旗下的支付寶。",
        entities=[
            entity("zfb", "支付寶", "ALIPAY", quote="支付寶"),
            entity("ant", "螞蟻集團", "Ant Group", quote="螞蟻集團"),
        ],
    )
    write_article(root, "wide", "ＡＬＩＰＡＹ的用户。", entities=[entity("a", "ＡＬＩＰＡＹ", "ＡＬＩＰＡＹ")])
    with Library.open(root) as lib:
        key, members = _shared(lib, "hk.yaml", "zfb")
        assert key == "name:支付宝"
        assert members == {("bundled", "alipay", True), ("hk.yaml", "zfb", True), ("wide.yaml", "a", True)}
        assert _shared(lib, "hk.yaml", "ant") == ("name:蚂蚁集团", {("hk.yaml", "ant", False)})  # alone: not inferred
        top = lib.shared_entities(min_articles=2)
        assert top[0].key == "name:支付宝" and len(top[0].members) == 3
        assert top[0].name.en == "ALIPAY" or top[0].name.zh in ("支付宝", "支付寶")
        assert all(len(s.members) >= 2 for s in top)
        lone = lib.shared_entities(min_articles=1, limit=1000)
        assert len(lone) > len(top)


def test_same_as_wins_over_names_and_a_pack_can_forbid_a_match(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    # Two different "Ping An": the group (Q1) and a bank (Q2), both named 平安 somewhere.
    write_article(root, "a", "平安集团。", entities=[entity("pa", "平安", "Ping An", quote="平安", same_as="Q1")])
    write_article(root, "b", "平安银行。", entities=[entity("pab", "平安", "Ping An", quote="平安", same_as="Q2")])
    write_article(root, "c", "平安的钱包。", entities=[entity("x", "平安", "Ping An", quote="平安")])
    write_article(
        root, "d", "平安之外。", entities=[entity("y", "平安", "Ping An", quote="平安", not_same_as=["Q1", "Q2"])]
    )
    write_article(
        root,
        "e",
        "另一个平安集团。",
        entities=[entity("z", "平安集团", "Ping An Group", quote="平安集团", same_as="Q1")],
    )
    with Library.open(root) as lib:
        key_a, members_a = _shared(lib, "a.yaml", "pa")
        assert key_a == "Q1"
        assert ("a.yaml", "pa", False) in members_a and ("e.yaml", "z", False) in members_a  # same id, other names
        assert _shared(lib, "b.yaml", "pab")[0] == "Q2"  # the same name does not merge two declared ids
        assert ("b.yaml", "pab", False) not in members_a
        inferred = [m for m in members_a if m[0] == "c.yaml"] + [
            m for m in _shared(lib, "b.yaml", "pab")[1] if m[0] == "c.yaml"
        ]
        assert len(inferred) == 1 and inferred[0][2] is True  # joined one of them, by name, inferred
        key_d, members_d = _shared(lib, "d.yaml", "y")
        assert key_d not in ("Q1", "Q2") and members_d == {("d.yaml", "y", False)}  # forbidden both ids


def test_forbidding_by_name_and_one_entity_per_article() -> None:
    candidates = [
        Candidate("a", "x", ("美团",)),
        Candidate("b", "y", ("美团",), not_same_as=("美團",)),  # forbids by name, in another script
        Candidate("c", "z", ("美团", "美团点评")),
        Candidate("c", "w", ("美团点评",)),  # the same article: never merged with its sibling
    ]
    groups = {tuple(sorted(m for m, _ in members)) for _, members in group(candidates)}
    assert (0, 2) in groups and (1,) in groups and (3,) in groups
