"""Chinese names, round three: groups, a bank's wealth arm, a unit with a long head, 是X旗下的."""

from __future__ import annotations

from fintech_tui.draft.found import Name
from fintech_tui.draft.names_zh import find_names


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
