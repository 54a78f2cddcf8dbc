"""Chinese draft: an industry's jargon is no name, however it is quoted or suffixed.

Columns put their terms in quotes (“零首付”, “成本中心”) and speak of classes of firms
(车企系金融公司, 二手车金融); the names around them must still be found, among them a person
whose verb of saying comes after where they spoke.
"""

from __future__ import annotations

from fintech_tui.draft.found import Name
from fintech_tui.draft.names_zh import find_names


def named(*texts: str) -> dict[str, Name]:
    return {n.name: n for n in find_names([(f"p{i}", t) for i, t in enumerate(texts)])}


def test_what_an_offer_gives_for_nothing_is_not_a_product() -> None:
    names = named("各家把“零首付”“免手续费”“无门槛”写进广告，青桐汽车金融有限公司也推出了“零钱桶”。")
    assert not {"零首付", "免手续费", "无门槛"} & set(names)
    assert "青桐汽车金融有限公司" in names


def test_a_quoted_everyday_word_before_a_suffix_is_a_figure_of_speech() -> None:
    names = named("补贴从“营销手段”变成了“成本中心”，而“赤松科技中心”仍在扩张。")
    assert "成本中心" not in names
    assert "赤松科技中心" in names


def test_a_quoted_formula_is_not_a_name() -> None:
    assert "厂家+金融" not in named("优势在于“厂家+金融”的一体化。")


def test_a_class_of_firms_is_not_a_firm() -> None:
    names = named("车企系金融公司的份额在扩大，车企系公司占比接近九成，二手车金融与新车金融各有打法。")
    assert not {"车企系金融公司", "车企系公司", "二手车金融", "新车金融"} & set(names)


def test_a_period_before_the_company_is_not_part_of_its_name() -> None:
    names = named("松岩控股集团发布季报。本季度公司实现营业收入3.2亿元。")
    assert "本季度公司" not in names and "松岩控股集团" in names


def test_an_interview_headline_does_not_glue_its_verb_to_the_firm() -> None:
    names = named("对话岚川证券财富管理部总经理：投顾要回到客户身上")
    assert "对话岚川证券" not in names and "岚川证券" in names


def test_a_titled_person_whose_verb_comes_after_the_venue() -> None:
    names = named("公司首席财务官钱嘉禾在业绩电话会上表示，拨备仍然充足。")
    assert names["钱嘉禾"].kind == "person"


def test_an_assistant_named_in_quotes_after_what_it_is() -> None:
    names = named("我们上线的智能投顾助手“岚小聪”已承担约三成咨询。")
    assert names["岚小聪"].kind == "product"


def test_a_banks_wealth_arm_and_a_carmaker_are_known() -> None:
    names = named("建信理财随后跟进；比亚迪旗下的汽车金融公司放款最快。")
    assert names["建信理财"].kind == "company" and names["比亚迪"].kind == "company"


def test_an_english_word_or_a_translation_in_brackets_is_not_a_name() -> None:
    names = named("在小程序、APP、Web 端中，智能投资顾问(Robo-Advisor)的核心是理解用户；蚂蚁集团(Ant Group)也在做。")
    assert not {"Web", "Robo-Advisor"} & set(names)
    assert "蚂蚁集团" in names


def test_a_brand_that_is_an_english_word_is_still_a_name_in_chinese_text() -> None:
    names = named("Alipay+则聚焦移动端收单，接入东南亚Grab、韩国KakaoPay等本地钱包，实现本地化支付体验。")
    assert {"Alipay+", "Grab", "KakaoPay"} <= set(names)
    assert "本地化支付" not in names
