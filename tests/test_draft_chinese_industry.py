"""Chinese draft: the shapes of an industry round-up, which names many firms in a row.

A round-up credits its counts to an outlet (据某网观察), speaks of groups of firms (这三家公司,
头部公司的X) and quotes its slogans; none of that may become a name or an owner.
"""

from __future__ import annotations

from fintech_tui.draft.found import Name
from fintech_tui.draft.meta import draft_meta
from fintech_tui.draft.names_zh import find_names
from fintech_tui.draft.outline import frame_of
from fintech_tui.draft.reading import Block


def named(*texts: str) -> dict[str, Name]:
    return {n.name: n for n in find_names([(f"p{i}", t) for i, t in enumerate(texts)])}


def test_a_firm_described_as_one_of_a_class_has_no_owner() -> None:
    names = named("仅松涛消金保持三项正增长。作为中尾部公司的柏川消金净利润同比大增。")
    assert names["柏川消金"].parent == ""


def test_a_verb_and_its_complement_or_a_demonstrative_open_no_name() -> None:
    names = named("业绩分化折射出消费金融行业的变革。同时，这三家公司资产质量持续恶化。")
    assert not {"折射出消费金融", "这三家公司"} & set(names)


def test_an_outlet_credited_with_a_count_is_named() -> None:
    names = named("据金融松鼠网观察，31家公司均已披露资产规模；据不完全统计，其中8家受罚。")
    assert names["金融松鼠网"].kind == "organisation"
    assert "不完全" not in names


def test_a_line_of_two_labels_under_the_title_is_page_information() -> None:
    lines = ("消金行业年度全景", "来源:金融松鼠网 作者:雄飞", "随着年报季结束，行业图景浮现。")
    names = named(*lines)
    assert names["金融松鼠网"].kind == "organisation" and names["雄飞"].kind == "person"
    blocks = [Block(line) for line in lines]
    assert draft_meta(blocks, frame_of(blocks)).get("author") == "雄飞"


def test_a_known_short_name_inside_a_quoted_slogan_is_not_named() -> None:
    assert "银联" in named("该行与银联合作推广。")
    assert "银联" not in named("该行建立了“警银联动”机制。")


def test_a_penalty_notice_names_the_firms_not_its_phrases() -> None:
    names = named(
        "日前，中国人民银行多地分行发布处罚信息，涉及青石在线支付技术有限公司（以下简称“青石支付”）。",
        "该公司未及时发现特约商户支付接口转接情况。时任青石支付风控部经理刘某负有责任。",
    )
    assert not {"中国人民银行多地分行", "商户支付", "时任青石支付"} & set(names)
    assert names["青石在线支付技术有限公司"].aliases == ["青石支付"]


def test_a_column_label_before_the_byline_is_neither_outlet_nor_author() -> None:
    lines = ("手机银行半年排名：总量与活跃度", "零售金融 李薇 零壹财经 2019-09-18", "工商银行的用户规模总量第一。")
    names = named(*lines)
    assert "零售金融" not in names
    assert names["李薇"].kind == "person" and names["零壹财经"].kind == "organisation"
    blocks = [Block(line) for line in lines]
    assert draft_meta(blocks, frame_of(blocks)).get("author") == "李薇"


def test_outlets_and_data_vendors_articles_credit_are_known() -> None:
    names = named("根据艾瑞监测数据，流量平稳；《证券日报》记者统计，36氪也有报道。")
    assert (names["艾瑞"].kind, names["证券日报"].kind, names["36氪"].kind) == (
        "company",
        "organisation",
        "organisation",
    )


def test_a_known_name_and_the_word_company_is_the_known_name() -> None:
    names = named("花呗由蚂蚁消金公司负责运营，抖音月付由一家小贷公司运营。")
    assert "蚂蚁消金公司" not in names and "蚂蚁消金" in names
