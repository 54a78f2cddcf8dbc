"""Chinese finders: the hostile cases of names, aliases, parents and figures the first drafts got wrong."""

from __future__ import annotations

import pytest

from fintech_tui.draft.figures import find_figures, find_periods
from fintech_tui.draft.found import Name
from fintech_tui.draft.names_zh import find_names, load_dictionary


def named(*texts: str) -> dict[str, Name]:
    return {n.name: n for n in find_names([(f"p{i}", t) for i, t in enumerate(texts)])}


@pytest.mark.parametrize(
    "text",
    [
        "利率高达23.99%，这是提高风控维度的护城河。",
        "传统商业银行和保险公司都在做消费金融。",
        "整改后注册资本增至185亿元，代理保险收入下降。",
        "上半年该行信息科技投入为64.3亿元。",
    ],
)
def test_common_words_are_not_names(text: str) -> None:
    assert named(text) == {}


def test_no_leading_word_is_glued_on() -> None:
    found = named("回望微众银行的十年，比如京东金融，京东数科现名京东科技。")
    assert {"微众银行", "京东金融"} <= set(found)
    assert not {"回望微众银行", "比如京东金融", "现名京东科技"} & set(found)
    assert found["京东数科"].aliases == ["京东科技"]


def test_splits_and_merges() -> None:
    found = named("重庆两江新区科融小额贷款有限公司成立于两江新区。", "花呗借呗都属于蚂蚁集团旗下。")
    assert "重庆两江新区科融小额贷款有限公司" in found and "两江" not in found and "新区" not in found
    assert {"花呗", "借呗"} <= set(found) and "花呗借呗" not in found
    assert found["花呗"].parent == found["借呗"].parent == "蚂蚁集团"


def test_well_known_names_with_kinds() -> None:
    found = named("美团和饿了么在竞争，微信、天猫、芝麻信用、京东白条，央行与中信信托。")
    kinds = {name: n.kind for name, n in found.items()}
    assert kinds == {
        "美团": "company",
        "饿了么": "app",
        "微信": "app",
        "天猫": "app",
        "芝麻信用": "product",
        "京东白条": "product",
        "央行": "organisation",
        "中信信托": "company",
    }


def test_names_come_in_order_of_first_appearance() -> None:
    names = [n.name for n in find_names([("p1", "网商银行与支付宝"), ("p2", "招商银行和网商银行")])]
    assert names == ["网商银行", "支付宝", "招商银行"]


def test_a_quoted_product_is_a_name_but_a_quoted_kind_of_product_is_not() -> None:
    found = named("微众银行推出“微业贷”", "“先用后付”产品快速扩张，借呗更名为“信用贷”。")
    assert found["微业贷"].kind == "product"
    assert "先用后付" not in found and "信用贷" not in found
    assert found["借呗"].aliases == ["信用贷"]


def test_stated_aliases_abbreviations_and_short_forms() -> None:
    found = named(
        "招商银行(下称“招行”)与中国工商银行合作。",
        "招行和工行都在推进，腾讯控股也入局，腾讯的态度积极。",
        "重庆蚂蚁消费金融有限公司（以下简称“蚂蚁消金”）承接了业务。",
    )
    assert found["招商银行"].aliases == ["招行"]
    assert found["中国工商银行"].aliases == ["工行"]
    assert found["腾讯控股"].aliases == ["腾讯"]
    assert found["重庆蚂蚁消费金融有限公司"].aliases == ["蚂蚁消金"]
    assert "招行" not in found and "工行" not in found


def test_parents_from_qixia_de_and_belongs() -> None:
    found = named(
        "蚂蚁集团旗下的网商银行和支付宝，微众银行的“微粒贷”，美团旗下的美团月付、抖音旗下的抖音月付。",
        "京东金条和京东白条都属于京东科技旗下。",
    )
    assert found["网商银行"].parent == found["支付宝"].parent == "蚂蚁集团"
    assert found["微粒贷"].parent == "微众银行"
    assert found["美团月付"].parent == "美团" and found["抖音月付"].parent == "抖音"
    assert found["抖音"].parent == ""  # a new owner in the list, not a child of 美团
    assert found["京东金条"].parent == found["京东白条"].parent == "京东科技"


def test_people_by_title_or_verb_of_saying_and_outlets() -> None:
    found = named("金融科技观察 · 记者 周明远 · 2024-08-30 21:05", "分析师张伟认为，行业仍在调整。")
    assert found["周明远"].kind == "person" and found["张伟"].kind == "person"
    assert found["金融科技观察"].kind == "organisation"


def test_an_organisations_app() -> None:
    found = named("招商银行App与掌上生活App的月活合计约1.13亿。")
    assert found["招商银行App"].kind == "app" and found["掌上生活"].kind == "app"


def test_a_bad_dictionary_line_is_named() -> None:
    with pytest.raises(ValueError, match=r"line 2: expected name<TAB>kind"):
        load_dictionary("招商银行\tbank\t招行\n微众银行\tbanc\n")


@pytest.mark.parametrize(
    ("text", "as_written", "value", "unit", "hedge"),
    [
        ("营业收入1,682.6亿元", "1,682.6亿元", 168_260_000_000, "yuan", ""),
        ("收窄0.6个百分点", "0.6个百分点", 0.6, "percentage points", ""),
        ("净息差收窄25个基点", "25个基点", 25, "basis points", ""),
        ("零售客户约1.97亿户", "1.97亿户", 197_000_000, "users", "estimate"),
        ("研发人员超过1万人", "1万人", 10_000, "people", "estimate"),
        ("交易58亿笔", "58亿笔", 5_800_000_000, "transactions", ""),
        ("融资34亿美元", "34亿美元", 3_400_000_000, "USD", ""),
        ("高出两倍多", "两倍多", 2, "times", "estimate"),
        ("占比超过六成", "六成", 60, "%", "estimate"),
        ("减少了近一半", "一半", 50, "%", "estimate"),
        ("下降了三分之一", "三分之一", 33.3333, "%", ""),
        ("30-45岁客群", "30-45岁", 30, "years old", ""),
        ("计提30亿至50亿元", "30亿至50亿元", 3_000_000_000, "yuan", ""),
        ("市场份额保持在9%左右", "9%左右", 9, "%", "estimate"),
        ("同比下降逾20%", "20%", 20, "%", "estimate"),
        ("预计全年增长8%", "8%", 8, "%", "prediction"),
        ("占比将超过六成", "六成", 60, "%", "prediction"),
        ("可能还要持续两到三年", "两到三年", 2, "years", "possibility"),
        ("从40多家压缩到十几家", "40多家", 40, "firms", "estimate"),
        ("将利率上限调整至不超过20%", "20%", 20, "%", ""),
        ("比例被限制在不超过50%", "50%", 50, "%", ""),
        ("权益投资占比不超过10%", "10%", 10, "%", "estimate"),
        ("金额在100万元以上的罚单", "100万元以上", 1_000_000, "yuan", ""),
        ("利息净收入将变动约3亿元", "3亿元", 300_000_000, "yuan", "prediction"),
        ("计划未来两年拓展约10万家商户", "10万家", 100_000, "firms", "prediction"),
        ("信托计划规模减少了近一半", "一半", 50, "%", "estimate"),
        ("如果日均成交额回落至1万亿元", "1万亿元", 1_000_000_000_000, "yuan", "possibility"),
    ],
)
def test_figures_value_unit_hedge(text: str, as_written: str, value: float, unit: str, hedge: str) -> None:
    found = find_figures(text)[0]
    assert (found.as_written, found.value, found.unit, found.hedge) == (as_written, value, unit, hedge)


def test_a_number_after_an_ascii_comma_is_kept() -> None:
    assert [f.value for f in find_figures("增长12%,达到3000万元")] == [12, 30_000_000]


@pytest.mark.parametrize(
    "text",
    ["双十一当天", "双11大促", "“618”期间", "1）降本 2）增效", "（1）获客", "2024-08-30 21:05", "2023Q2", "二季度末"],
)
def test_festivals_list_numbers_dates_and_times_are_not_figures(text: str) -> None:
    assert find_figures(text) == []


def test_the_period_is_the_clauses_never_a_comparison_base() -> None:
    figures = find_figures("截至2024年6月末，资产总额11.6万亿元，较2024年末增长5.2%，比上年末多3%。")
    assert [f.period for f in figures] == ["截至2024年6月末", "截至2024年6月末", "截至2024年6月末"]
    [figure] = find_figures("较上年末增长5.2%。")
    assert figure.period == ""


def test_a_short_metric_not_the_whole_clause() -> None:
    [revenue, change] = find_figures("上半年招行实现营业收入1,682.6亿元，同比下降2.9%。")
    assert revenue.metric == "营业收入" and revenue.period == "上半年"
    assert change.metric == "营业收入"  # the clause names none: the figure before it gives it
    [users] = find_figures("两个App的月活跃用户合计约1.13亿")
    assert users.unit == "users" and "月活跃用户" in users.metric


def test_find_periods_spans() -> None:
    text = "截至2023Q2，三季度与2024年上半年"
    assert [text[a:b] for a, b in find_periods(text)] == ["截至2023Q2", "三季度", "2024年上半年"]


def test_a_person_between_a_title_and_a_verb_and_a_rival_after_yu_is_no_child() -> None:
    found = named("该行行长冀光恒表示将加大投入，总裁在会上表示支持。", "字节跳动旗下的抖音支付与拼多多展开竞争。")
    assert found["冀光恒"].kind == "person" and "在会上" not in found
    assert found["抖音支付"].parent == "字节跳动" and found["拼多多"].parent == ""


def test_a_wallet_named_after_its_maker() -> None:
    found = named("小米集团也推出了小米钱包。")
    assert found["小米钱包"].kind == "product" and found["小米集团"].aliases == []


def test_a_suffix_jieba_cuts_in_two() -> None:
    found = named("杭州银行旗下的杭银消费金融也在追赶，中信银行与消费金融公司合作。")
    assert found["杭银消费金融"].parent == "杭州银行"
    assert "消费金融公司" not in found


def test_dictionary_names_are_never_generic() -> None:
    found = named("香港金融管理局和中国互联网金融协会发布了指引。")
    assert {"香港金融管理局", "中国互联网金融协会"} <= set(found)


def test_a_description_stands_between_the_owner_and_the_name() -> None:
    found = named(
        "星河集团旗下金融科技平台星河数科（上海）有限公司（以下简称“星河数科”）发布年报。",
        "星河数科的信贷产品“星河贷”增长较快，星河集团旗下的消费金融公司星河消费金融有限公司亦然。",
    )
    assert found["星河数科（上海）有限公司"].aliases == ["星河数科"]
    assert found["星河数科（上海）有限公司"].parent == "星河集团"
    assert found["星河贷"].parent == "星河数科（上海）有限公司"
    assert found["星河消费金融有限公司"].parent == "星河集团"


def test_descriptions_are_not_part_of_a_name() -> None:
    found = named(
        "云帆支付是一家支付机构，母公司为上市公司云帆科技集团股份有限公司。",
        "公司另一家子公司云帆期货有限公司规模较小，归属于母公司股东的净利润下降。",
    )
    assert found["云帆科技集团股份有限公司"].kind == "group"
    assert found["云帆支付"].parent == "云帆科技集团股份有限公司"
    assert "云帆期货有限公司" in found
    assert not [name for name in found if name.startswith(("上市", "公司", "一家", "归属"))]


def test_an_owner_named_by_a_back_reference() -> None:
    found = named(
        "云帆科技股份有限公司（以下简称“云帆”或“公司”）披露年报。",
        "公司旗下的基金销售平台“云帆理财”增长较快。云帆称其金融大模型“天枢”已上线。",
        "科技输出由全资子公司云帆信息技术有限公司承担。",
    )
    owner = "云帆科技股份有限公司"
    assert found[owner].aliases == ["云帆"]
    assert found["云帆理财"].kind == "product" and found["云帆理财"].parent == owner
    assert found["天枢"].parent == owner
    assert found["云帆信息技术有限公司"].parent == owner


def test_the_outlet_and_byline_of_page_information_and_datelines() -> None:
    found = named("保险观察 | 李文博 | 2025年4月8日", "经济快报上海2025年5月16日电（记者 王海）本报讯。")
    assert found["保险观察"].kind == found["经济快报"].kind == "organisation"
    assert found["李文博"].kind == "person"


def test_executives_with_titles_and_common_words_that_are_not_people() -> None:
    found = named("蓝鲸科技首席技术官陈向东介绍，系统已上线。店员需要向顾客解释付款流程。")
    assert found["陈向东"].kind == "person"
    assert "顾客" not in found


def test_quoted_products_named_by_the_words_around_them() -> None:
    found = named("平台推出了「财富星」会员服务，百万医疗险“安心e生”系列也在卖，以兴业银行为例，其「云掌柜」平台增长。")
    assert found["财富星"].kind == found["安心e生"].kind == "product"
    assert found["云掌柜"].kind == "app" and found["云掌柜"].parent == "兴业银行"
    assert "第二曲线" not in named("众安保险的“第二曲线”正在形成。")


def test_a_unit_belongs_to_its_organisation_but_a_branch_named_after_it_states_no_owner() -> None:
    found = named(
        "江南银行股份有限公司（简称“江南银行”）被罚款，江南银行信用卡中心整改。",
        "国家金融监督管理总局（简称“金融监管总局”）公布罚单，金融监管总局江苏监管局对东岸银行股份有限公司杭州分行开出罚单。",
    )
    assert found["江南银行信用卡中心"].parent == "江南银行股份有限公司"
    assert found["金融监管总局江苏监管局"].parent == ""
    assert found["东岸银行股份有限公司杭州分行"].kind == "bank"
    assert found["东岸银行股份有限公司杭州分行"].parent == ""


def test_a_known_bodys_office_in_a_place_is_one_name_of_the_bodys_kind() -> None:
    found = named("我们与国家税务总局四川省税务局对接数据，中国人民银行北京市分行开出罚单，国家税务总局也发文。")
    assert found["国家税务总局四川省税务局"].kind == "organisation"
    assert found["中国人民银行北京市分行"].kind == "organisation"
    assert "税务局" not in found and "国家税务总局" in found


def test_a_name_read_back_stops_at_a_role_and_its_copula() -> None:
    found = named(
        "计划管理人为中信证券股份有限公司。",
        "当事人：北京青桐支付有限公司（以下简称“青桐支付”），法定代表人：韩立新。"
        "青桐支付系青桐控股集团有限公司旗下的支付机构。",
    )
    assert "中信证券股份有限公司" in found and not any(name.startswith("计划") for name in found)
    assert "青桐控股集团有限公司" in found and not any("系" in name for name in found)
    assert found["韩立新"].kind == "person"


def test_a_desk_in_the_byline_is_the_firm_it_belongs_to() -> None:
    found = named("投资备忘录", "华岳资本投资部 | 高级分析师 周启明 | 2026年3月18日", "本次尽调的结论如下。")
    assert "华岳资本" in found and "华岳资本投资部" not in found


def test_a_list_after_qixia_stops_at_a_known_independent() -> None:
    found = named("蚂蚁集团旗下的蚂蚁基金、招商银行等渠道都在争夺客户。")
    assert found["蚂蚁基金"].parent == "蚂蚁集团"
    assert found["招商银行"].parent == ""


def test_a_name_only_inside_a_short_form_is_dropped() -> None:
    found = named("证监会对青松基金销售有限公司出具警示函。青松基金销售是一家独立销售机构。")
    assert found["青松基金销售有限公司"].aliases == ["青松基金销售"]
    assert "青松基金" not in found


def test_a_holding_group_written_as_its_brand_is_a_company() -> None:
    found = named("腾讯和百度都在做支付，蚂蚁集团也是。")
    assert (found["腾讯"].kind, found["百度"].kind, found["蚂蚁集团"].kind) == ("company", "company", "group")


def test_the_packaged_dictionary_knows_regulators_brokers_and_insurers() -> None:
    found = named("中国证券投资基金业协会（基金业协会）、中信证券、中国人寿和银联国际都发布了数据。")
    assert found["中国证券投资基金业协会"].aliases == ["基金业协会"]
    assert {"中信证券", "中国人寿", "银联国际"} <= set(found)


def test_a_national_bodys_name_is_a_name_however_plain_its_words() -> None:
    found = named("中国互联网金融协会发布报告，中国银行业协会也发文，行业协会纷纷表态。")
    assert found["中国互联网金融协会"].kind == found["中国银行业协会"].kind == "organisation"
    assert "行业协会" not in found


def test_a_legal_name_runs_back_to_its_clauses_opening_over_plain_words() -> None:
    found = named(
        "截至目前，拉卡拉支付股份有限公司的规模下降。马上消费金融股份有限公司发起了证券，将青桐支付有限公司列入名单。"
    )
    assert {"拉卡拉支付股份有限公司", "马上消费金融股份有限公司", "青桐支付有限公司"} <= set(found)
    assert not any(name.startswith("将") for name in found)
