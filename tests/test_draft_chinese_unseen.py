"""Chinese draft, round four: classes of text the earlier rules were not written for.

Each test states a pattern in invented words: page-information shapes, names marked by the
words around them, counters, period headers and numbers that are no figures.
"""

from __future__ import annotations

from fintech_tui.draft.found import Name
from fintech_tui.draft.meta import draft_meta
from fintech_tui.draft.names_zh import find_names
from fintech_tui.draft.outline import frame_of
from fintech_tui.draft.reading import Block


def named(*texts: str) -> dict[str, Name]:
    return {n.name: n for n in find_names([(f"p{i}", t) for i, t in enumerate(texts)])}


def author_of(*lines: str) -> str:
    blocks = [Block(line) for line in lines]
    return str(draft_meta(blocks, frame_of(blocks)).get("author", ""))


def test_a_public_account_line_credits_its_author_then_its_account() -> None:
    lines = ("某题目：一句话", "原创 山川看金融 松果财经 2026年3月2日 21:40 杭州", "正文说了一件事。")
    names = named(*lines)
    assert names["山川看金融"].kind == "person" and names["松果财经"].kind == "organisation"
    assert "杭州" not in names
    assert author_of(*lines) == "山川看金融"


def test_labelled_segments_name_the_source_and_the_interviewer() -> None:
    lines = ("对话某行行长：稳中求进", "来源：湖畔财经评论 | 采写、编辑：乔木 | 2026年4月8日", "正文说了一件事。")
    names = named(*lines)
    assert names["湖畔财经评论"].kind == "organisation" and names["乔木"].kind == "person"
    assert author_of(*lines) == "乔木"


def test_an_editor_without_a_colon_and_an_outlet_after_the_byline() -> None:
    assert author_of("某题目", "监管周览 · 编辑 戴文君 · 2026-01-09", "正文。") == "戴文君"
    lines = ("某题目", "作者：孟一川 | 钱袋子周刊 | 2026年2月1日", "正文。")
    assert named(*lines)["钱袋子周刊"].kind == "organisation"
    assert author_of(*lines) == "孟一川"


def test_a_document_type_word_is_no_outlet_and_an_issuer_is_no_author() -> None:
    lines = ("某公司发布年度业绩", "新闻稿 | 某公司 | 2026年3月1日", "正文。")
    assert "新闻稿" not in named(*lines)
    assert author_of(*lines) == ""


def test_a_two_character_known_name_must_be_a_word_of_its_own() -> None:
    names = named("某行代理个人保险的收入下降，而人保的保费上升。")
    assert "人保" in names  # the second, a word of its own
    assert not named("某行代理个人保险的收入下降。")


def test_a_legal_name_with_a_place_in_brackets_is_one_name_after_its_owner() -> None:
    names = named("某某集团在泰国的子公司青禾数字科技（泰国）有限公司已经盈利。")
    assert "青禾数字科技（泰国）有限公司" in names


def test_a_note_in_the_bracket_before_the_short_name() -> None:
    names = named("青禾数字科技有限公司（香港联交所代码：9999，以下简称“青禾数科”）公布业绩。青禾数科表示满意。")
    assert names["青禾数字科技有限公司"].aliases == ["青禾数科"]


def test_a_field_of_business_and_a_segment_word_are_no_firms() -> None:
    assert "央行支付" not in named("三、央行支付领域处罚")
    assert not named("小微金融的难点在于信息。")
    assert not named("归属于公司股东的净利润为3亿元。")


def test_apps_of_a_product_of_a_brand_and_described_apps() -> None:
    names = named("数字人民币App的开户数增加，数字人民币的使用仍少。")
    assert names["数字人民币App"].kind == "app" and names["数字人民币"].kind == "product"
    assert "平安金管家App" in named("平安金管家App的月活下降。")
    assert not named("这是一款老牌记账App。", "记账App很多。")


def test_a_wealth_arm_named_by_its_banks_abbreviation() -> None:
    assert named("可以买到招银理财等公司的产品。")["招银理财"].kind == "company"


def test_a_quoted_handle_after_user_is_a_person_a_quoted_phrase_is_not() -> None:
    names = named("精选回答 · 用户“北港存钱罐”（会计）", "网友“阿宁在路上”表示同意。", "缺的是用户“离不开”的理由。")
    assert names["北港存钱罐"].kind == "person" and names["阿宁在路上"].kind == "person"
    assert "离不开" not in names


def test_a_quoted_system_or_a_quote_before_an_assistant_is_a_product() -> None:
    names = named("该行的“青鸾系统”已上线，客服用上了“听涛”理财助手。", "我们的“风控系统”还在改。")
    assert names["青鸾系统"].kind == "product" and names["听涛"].kind == "product"
    assert "风控系统" not in names


def test_a_chinese_name_with_its_latin_name_in_brackets() -> None:
    names = named("海外方面，多边跨境清算网（mLink）已有十家机构参与。", "月活跃用户（MAU）下降。")
    assert names["多边跨境清算网"].aliases == ["mLink"]
    assert len(names) == 1


def test_a_list_pieces_items_name_their_topic_before_the_colon() -> None:
    names = named(
        "盘点｜三款好用的记账App",
        "1. 松鼠记账：界面简洁",
        "松鼠记账的记账速度很快。",
        "2. 费率：都不高",
        "费率差别不大。",
    )
    assert names["松鼠记账"].kind == "app" and "费率" not in names
    assert not named("三个问题", "1. 松鼠记账：界面简洁", "松鼠记账的记账速度很快。")


def test_a_media_contact_is_a_person() -> None:
    assert named("媒体联系：韦思远 电话：010-0000-0000")["韦思远"].kind == "person"


def written(text: str) -> dict[str, tuple[object, str]]:
    from fintech_tui.draft.figures import find_figures

    return {f.as_written: (f.value, f.unit) for f in find_figures(text)}


def test_numbers_that_are_no_figures() -> None:
    assert written("02｜费率之争") == {}
    assert written("某平台上线三周年") == {}
    assert written("七日年化收益率为1.5%") == {"1.5%": (1.5, "%")}
    assert written("头部三家公司拿走了大部分利润") == {}
    assert written("咨询电话：010-1234-5678，传真0755-12345678，手机13912345678") == {}


def test_a_count_of_products_that_only_refers_to_them() -> None:
    assert written("我们比较了四款记账App") == {}
    assert written("平台上线了超过十款理财产品")["十款"] == (10, "products")


def test_counts_take_the_unit_of_the_noun_they_count() -> None:
    assert written("试点覆盖17个省份")["17个"] == (17, "provinces")
    assert written("累计开立电子钱包约3亿个")["3亿个"] == (300000000, "wallets")
    assert written("存在挪用资金等5项违法违规行为")["5项"] == (5, "violations")
    assert written("这款App的下载量超过2亿次")["2亿次"] == (200000000, "downloads")
    assert written("账单可以分6期还款")["6期"] == (6, "installments")


def test_a_month_range_is_a_period_and_quarters_of_this_year_are_periods() -> None:
    from fintech_tui.draft.figures import find_periods

    text = "2026年1-6月，本季度收入增长，上季度末为3亿元"
    assert [text[a:b] for a, b in find_periods(text)] == ["2026年1-6月", "本季度", "上季度末"]
    assert written(text) == {"3亿元": (300000000, "yuan")}


def test_a_tables_column_heading_gives_the_unit_and_scale_of_its_numbers() -> None:
    from fintech_tui.draft.figures import find_figures

    table = (
        "| 机构 | 贷款余额（亿元） | 不良率 || --- | ---: | ---: |"
        "| 甲消费金融 | 1,200 | 1.5% || 乙消费金融 | 80.5 | 2.0% |"
    )
    found = {f.as_written: f for f in find_figures(table)}
    assert (found["1,200"].value, found["1,200"].unit, found["1,200"].metric) == (120000000000, "yuan", "贷款余额")
    assert found["80.5"].value == 8050000000
    assert (found["2.0%"].value, found["2.0%"].metric) == (2.0, "不良率")


def test_a_transcripts_speakers_are_people_and_not_the_subject_of_their_figures() -> None:
    from fintech_tui.draft.mentions import Mentions, Reader

    lines = (
        "主持人开场",
        "苗晓禾：欢迎收听。",
        "范一舟：谢谢。去年全行业的保费大约是800亿元。",
        "苗晓禾：再见。",
    )
    names = named(*lines)
    assert names["苗晓禾"].kind == "person" and names["范一舟"].kind == "person"
    assert "主持人开场" not in names
    reader = Reader(Mentions(list(names.values())))
    text = lines[2]
    assert reader.subject(text, reader.paragraph(text), text.index("800")) == ""


def test_hedges_of_spoken_figures_and_a_rate_per_year() -> None:
    assert {f.as_written: f.hedge for f in _found("保费大约是900亿元，单价只要300元出头")} == {
        "900亿元": "estimate",
        "300元": "estimate",
    }
    assert _found("目标是明年把占比提高到40%")[0].hedge == "prediction"
    assert [f.as_written for f in _found("有的产品一年保费只要99元")] == ["99元"]
    assert [f.as_written for f in _found("贷款期限为一年")] == ["一年"]


def _found(text: str):  # type: ignore[no-untyped-def]
    from fintech_tui.draft.figures import find_figures

    return find_figures(text)


def _claims(*lines: str) -> dict[str, tuple[str, str]]:
    from fintech_tui.draft.arguments import draft_arguments
    from fintech_tui.draft.mentions import Mentions

    blocks = [Block(line) for line in lines]
    ids = [f"p{i}" for i in range(len(blocks))]
    found = draft_arguments(blocks, ids, frame_of(blocks), Mentions([]), {})
    return {a["evidence"][0]["quote"]: (a["role"], a.get("relation", "")) for a in found}


def test_an_answers_first_sentence_is_a_point_a_question_or_greeting_is_not() -> None:
    claims = _claims(
        "访谈：某行的打法",
        "来源：某刊 | 2026年1月1日",
        "我认为这一年变化很大。",
        "问：你们靠什么增长？",
        "答：靠渠道下沉。我们在县城开了很多网点。",
        "钟明远：大家好。今天聊聊渠道。",
        "为什么会这样？原因有很多，需要慢慢说清楚。",
    )
    assert claims["答：靠渠道下沉。"] == ("point", "supports")
    assert "问：你们靠什么增长？" not in claims and "钟明远：大家好。" not in claims
    assert "为什么会这样？" not in claims


def test_a_reason_inside_a_sentence_and_a_possibility_are_claims() -> None:
    claims = _claims(
        "某题目",
        "我认为这一年变化很大。",
        "费率下调未必是坏事，因为更多商户愿意接入了。",
        "明年的增速可能会放缓一些。",
    )
    assert claims["因为更多商户愿意接入了。"] == ("reason", "supports")
    assert claims["明年的增速可能会放缓一些。"] == ("observation", "elaborates")


def test_an_editors_note_and_a_period_line_are_no_headings() -> None:
    from fintech_tui.draft.outline import heading_of

    assert heading_of(Block("（本文据录音整理，未经本人审阅）")) is None
    assert heading_of(Block("第二季度单季")) is None and heading_of(Block("2026年1-6月")) is None
    assert heading_of(Block("第二季度的看点")) is not None


def test_terms_of_lending_payments_and_supervision_are_glossary_candidates() -> None:
    from fintech_tui.draft.glossary import draft_glossary

    text = "该行要求受托支付，并对委外催收实行双罚制；这款医疗险的免赔额为1万元，资产质量稳定。"
    terms = [t["term"] for t in draft_glossary([("p1", text)], set())]
    assert terms == ["受托支付", "委外催收", "双罚制", "免赔额"]


def test_an_as_phrase_and_a_speakers_own_product_set_the_parent() -> None:
    names = named(
        "作为云杉控股集团旗下的城商行，云杉银行股份有限公司（以下简称“云杉银行”）今年增长较快。",
        "答：我们的“松针”平台已经接入三千家商户，云杉银行还在扩大投放。",
    )
    assert names["云杉银行股份有限公司"].parent == "云杉控股集团"
    assert names["松针"].parent == "云杉银行股份有限公司"


def test_a_paragraph_naming_nobody_is_about_the_firm_the_title_names() -> None:
    from fintech_tui.draft.mentions import Mentions, Reader

    lines = ("云杉银行半年报：存款稳住了", "上半年存款余额为3,000亿元。", "全国银行业的存款增速约为6%。")
    names = list(named(*lines).values())
    reader = Reader(Mentions(names))
    subjects = []
    for text in lines:
        found = reader.paragraph(text)
        digits = [i for i, ch in enumerate(text) if ch.isdigit()]
        if digits:
            subjects.append(reader.subject(text, found, digits[0]))
        reader.seen(found, text)
    assert subjects == ["云杉银行", ""]  # the market's figure keeps no subject


def test_a_banks_short_name_made_of_its_own_characters_and_its_quoted_app() -> None:
    names = named(
        "云杉农商银行年报摘录",
        "发布：云杉农村商业银行股份有限公司 | 2026年3月1日",
        "本行自主研发的“杉叶”手机银行App注册用户增长。",
        "中国银行和中国工商银行也在推广。",
    )
    bank = names["云杉农村商业银行股份有限公司"]
    assert bank.aliases == ["云杉农商银行"] and bank.kind == "bank"
    assert names["杉叶"].kind == "app" and names["杉叶"].parent == "云杉农村商业银行股份有限公司"
    assert "中国银行" in names and "中国工商银行" in names  # two known banks stay two


def test_the_reporting_period_is_a_period() -> None:
    from fintech_tui.draft.figures import find_periods

    text = "截至报告期末，不良率为1.2%；报告期内新增客户较多。"
    assert [text[a:b] for a, b in find_periods(text)] == ["截至报告期末", "报告期内"]


def test_a_long_table_drafts_in_time_in_proportion_to_it() -> None:
    """Twice the rows, at most three times the CPU time: rows and cells are found by bisection."""
    import time

    from fintech_tui.draft import draft_sections

    def cpu(rows: int) -> float:
        table = "| 机构 | 余额（亿元） | 不良率 || --- | ---: | ---: |" + "| 甲银行 | 1,200 | 1.5% |" * rows
        started = time.process_time()
        sections = draft_sections([Block("某题目"), Block(table)], "article.md")
        assert len(sections["figures.yaml"]["figures"]) == 2 * rows
        return time.process_time() - started

    cpu(10)
    once, twice = cpu(300), cpu(600)
    assert twice / once < 3, f"{once:.2f} s, then {twice:.2f} s for twice the rows"
