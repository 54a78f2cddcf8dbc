"""Chinese names, round three: groups, a bank's wealth arm, a unit with a long head, 是X旗下的."""

from __future__ import annotations

from fintech_tui.draft.brands_zh import fold_bare_brands
from fintech_tui.draft.dictionary_zh import Entity
from fintech_tui.draft.found import Name
from fintech_tui.draft.names_zh import _merge, find_names


def named(*texts: str) -> dict[str, Name]:
    return {n.name: n for n in find_names([(f"p{i}", t) for i, t in enumerate(texts)])}


def test_a_legal_name_with_jituan_in_brackets_is_a_group() -> None:
    found = named("东岭保险（集团）股份有限公司（以下简称“东岭”）今年的保费收入增长了。")
    assert found["东岭保险（集团）股份有限公司"].kind == "group"


def test_a_brand_shown_owning_several_names_is_a_group_one_owning_one_stays_a_company() -> None:
    found = named("瀚海科技旗下的“瀚海钱包”和“瀚海借条”都在增长。", "远帆科技旗下的“远帆钱包”也在增长。")
    assert found["瀚海科技"].kind == "group"
    assert found["远帆科技"].kind == "company"


def test_a_banks_wealth_arm_is_a_company_owned_by_the_bank() -> None:
    found = named("宁波银行旗下的宁波理财发行了新产品，现金理财的规模下降。")
    assert found["宁波理财"].kind == "company" and found["宁波理财"].parent == "宁波银行"
    assert "现金理财" not in found


def test_an_owner_after_a_copula_and_qixia() -> None:
    found = named("青禾支付有限公司（以下简称“青禾支付”）是万川集团旗下的支付机构。")
    assert found["青禾支付有限公司"].parent == "万川集团"
    plain = named("青禾支付有限公司是一家支付机构，万川集团旗下另有业务。")
    assert plain["青禾支付有限公司"].parent == ""


def test_a_research_unit_keeps_its_long_head() -> None:
    found = named("中国人民大学金融研究所的一位研究员表示，增速会回升。")
    assert "中国人民大学金融研究所" in found
    assert "中国人民大学金融" not in found


def _entities(*rows: tuple[str, str, list[str], str]) -> dict[str, Entity]:
    return {
        name: Entity(name, kind, "test", n, list(aliases), parent)
        for n, (name, kind, aliases, parent) in enumerate(rows)
    }


def test_a_bare_brand_is_the_firm_that_owns_the_others() -> None:
    entities = _entities(
        ("云岫", "company", [], ""),
        ("云岫保险股份有限公司", "company", ["云岫保险"], ""),
        ("云岫银行", "bank", [], "云岫保险股份有限公司"),
        ("云岫科技有限公司", "company", ["云岫科技"], "云岫"),
    )
    fold_bare_brands(entities, ["云岫保险……云岫银行……云岫科技"], _merge)
    assert "云岫" not in entities and "云岫" in entities["云岫保险股份有限公司"].aliases


def test_a_bare_brand_shared_by_unrelated_firms_stays_apart() -> None:
    entities = _entities(("云岫", "company", [], ""), ("云岫银行", "bank", [], ""), ("云岫科技", "company", [], ""))
    fold_bare_brands(entities, ["云岫银行 云岫科技"], _merge)
    assert "云岫" in entities


def test_a_bare_brand_the_dictionary_knows_goes_to_its_firm_only() -> None:
    known = named("众安在线财产保险股份有限公司（下称“众安保险”）的理赔更快了，众安的保费增长。")
    assert "众安" in known["众安在线财产保险股份有限公司"].aliases
    entities = _entities(("平安", "company", [], ""), ("平安银行", "bank", [], ""))
    fold_bare_brands(entities, ["平安 平安银行"], _merge)
    assert "平安" in entities  # the dictionary's 平安 is 中国平安, not the bank
