"""Chinese figures, round three: classes of error seen on articles the rules had not been fitted to."""

from __future__ import annotations

import pytest

from fintech_tui.draft.figures import find_figures


def figures(text: str) -> dict[str, tuple[object, str]]:
    return {f.as_written: (f.value, f.unit) for f in find_figures(text)}


def one(text: str, written: str):  # type: ignore[no-untyped-def]
    return next(f for f in find_figures(text) if f.as_written.startswith(written))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("参考5年期LPR再加点定价，利率为4.1%。", "5"),
        ("两年期存款利率调整为2.2%。", "两"),
        ("逾期60天以上的贷款占比为1.1%。", "60"),
        ("90天以上逾期的资产继续增加，达到12亿元。", "90"),
        ("前二十大客户的占比为31%。", "二十"),
        ("前三家的份额合计为55%。", "三"),
        ("银发〔2024〕112号文件要求占比不低于8%。", "112"),
        ("没有这套系统，我们一步也走不了，成本为3亿元。", "一步"),
    ],
)
def test_numbers_that_name_a_term_a_rank_or_a_document_are_not_figures(text: str, word: str) -> None:
    found = figures(text)
    assert len(found) == 1, found
    assert not any(written.startswith(word) for written in found)


def test_a_minus_sign_is_kept_and_a_range_hyphen_is_not_a_sign() -> None:
    assert figures("第二季度经营利润为−3.5亿元，上年同期为-0.2亿元。") == {
        "−3.5亿元": (-350000000, "yuan"),
        "-0.2亿元": (-20000000, "yuan"),
    }
    assert figures("目标客户年龄在25-40岁。") == {"25-40岁": (25, "years old")}


def test_by_one_amount_to_another_is_two_figures_not_a_range() -> None:
    found = find_figures("一年期存款利率上调10个基点至1.6%。")
    assert [(f.as_written, f.unit) for f in found] == [("10个基点", "basis points"), ("1.6%", "%")]
    assert found[1].metric == found[0].metric  # the measure is named once, before the first
    assert figures("规模可能收缩5%至8%。") == {"5%至8%": (5, "%")}


@pytest.mark.parametrize(
    ("text", "written", "unit"),
    [
        ("公司上架了23只基金。", "23只", "funds"),
        ("平台服务的境外国家已有40个国家。", "40个", "countries"),
        ("累计售出保单超过300万份。", "300万份", "policies"),
        ("审核时限缩短为10个工作日。", "10个", "days"),
        ("该行关闭了30家网点。", "30家", "branches"),
        ("入驻的机构共有30家。", "30家", "firms"),
    ],
)
def test_a_count_takes_the_noun_it_counts(text: str, written: str, unit: str) -> None:
    assert one(text, written).unit == unit


@pytest.mark.parametrize(
    ("text", "written", "period"),
    [
        ("目前该平台的月活为3,000万。", "3,000万", "目前"),
        ("我们现在的员工有800人。", "800人", "现在"),
        ("如今市场份额已达到两成。", "两成", "如今"),
        ("2024年全年交易额为5万亿元。", "5万亿元", "2024年全年"),
        ("本周有4家银行下调利率。", "4家", "本周"),
        ("“618”期间交易笔数增长了20%。", "20%", "“618”期间"),
        ("目前的利率为3%，较上年末下降了0.2个百分点。", "0.2个百分点", "目前"),
    ],
)
def test_standing_periods_now_this_week_the_whole_year(text: str, written: str, period: str) -> None:
    assert one(text, written).period == period


def test_what_is_reported_is_not_a_now() -> None:
    assert one("这体现在利率为3%上。", "3%").period == ""


@pytest.mark.parametrize(
    ("text", "written", "hedge"),
    [
        ("成本大概在0.2%左右。", "0.2%", "estimate"),
        ("至少有12家机构参与。", "12家", "estimate"),
        ("费率已降至0.15%以下，涉及资金60亿元。", "0.15%", "estimate"),
        ("不良率要控制在1.5%以下。", "1.5%", ""),
        ("我认为份额会从三成左右升到四成。", "三成", "opinion"),
        ("如果需求稳定，我认为规模会达到200亿元。", "200亿元", "possibility"),
    ],
)
def test_hedges_estimates_limits_and_the_speakers_opinion(text: str, written: str, hedge: str) -> None:
    assert one(text, written).hedge == hedge


def test_fenbie_pairs_a_list_of_periods_with_the_figures_after_it() -> None:
    found = find_figures("我们预计2026年、2027年营业收入分别为40亿元和46亿元，同比增长15%和14%。")
    assert [f.period for f in found] == ["2026年", "2027年", "2026年", "2027年"]
    assert found[1].metric == found[0].metric == "营业收入"


def test_an_estimate_before_a_list_is_for_each_of_it() -> None:
    found = find_figures("两项业务的收入分别增长约6%和3%。")
    assert [f.hedge for f in found] == ["estimate", "estimate"]


@pytest.mark.parametrize(
    ("text", "written", "metric"),
    [
        ("活跃商户数同比增长18%。", "18%", "活跃商户数"),
        ("交易金额环比下降了3%。", "3%", "交易金额"),
        ("网点员工现在有450人。", "450人", "网点员工"),
        ("新增贷款较上年末增长7%。", "7%", "新增贷款"),
    ],
)
def test_the_metric_survives_tongbi_a_period_inside_and_a_qualifying_verb(text: str, written: str, metric: str) -> None:
    assert one(text, written).metric == metric


@pytest.mark.parametrize(
    ("text", "as_written", "value", "unit"),
    [
        ("满分100分，松果理财以88分排在第一。", "88分", 88, "points"),
        ("平均分为81.2分，比去年提高2.4分。", "2.4分", 2.4, "points"),
        ("当事人对约2,300户特约商户未开展核查。", "2,300户", 2300, "merchants"),
        ("零售客户总数约1.97亿户。", "1.97亿户", 197000000, "users"),
        ("目前已覆盖23个县。", "23个", 23, "counties"),
        ("支持40多个币种的收款。", "40多个", 40, "currencies"),
        ("每3分钟放款一笔。", "3分钟", 3, "minutes"),
    ],
)
def test_a_score_and_the_noun_after_a_count(text: str, as_written: str, value: object, unit: str) -> None:
    found = {f.as_written: f for f in find_figures(text)}[as_written]
    assert (found.value, found.unit) == (value, unit)


def test_very_is_no_score() -> None:
    assert find_figures("这件事十分重要。") == []


def test_a_clock_time_is_no_score() -> None:
    assert all(f.unit != "points" for f in find_figures("截至北京时间15时30分，上午9点30分开盘。"))
