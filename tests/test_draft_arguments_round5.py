"""Drafting, fifth round: the glossary's terms by shape and list, the argument skeleton and the
Chinese parents (issue 20, items 2 and 5). Each test drafts a short text written for its rule and
reads the pack as an author would."""

from __future__ import annotations

from typing import Any

from fintech_tui.draft import draft_sections
from fintech_tui.draft.reading import text_blocks


def pack(text: str) -> dict[str, Any]:
    sections = draft_sections(text_blocks(text), "article.txt")
    return {key: value for section in sections.values() for key, value in section.items()}


def terms(text: str) -> list[str]:
    return [entry["term"] for entry in pack(text)["glossary"]]


def names(text: str) -> set[str]:
    return {form for entity in pack(text)["entities"] for form in entity["name"].values()}


# ---------------------------------------------------------------- glossary


def test_an_acronym_glossed_by_plain_words_is_a_term_but_a_names_acronym_is_not() -> None:
    text = (
        "Harbor results\n"
        "Harbor Lending said revenue less transaction costs (RLTC) rose, and RLTC margins held. "
        "The Financial Conduct Authority (FCA) said nothing.\n"
    )
    found = terms(text)
    assert "RLTC" in found
    assert "FCA" not in found


def test_a_chinese_acronym_glossed_is_a_term_and_an_exchange_code_is_not() -> None:
    text = (
        "江淮银行年报点评\n"
        "江淮银行表示，若贷款市场报价利率（LPR）继续下调，净息差将承压。"
        "云海数字科技有限公司（纽约证券交易所代码：YHDT）同日公布业绩。\n"
    )
    found = terms(text)
    assert "LPR" in found and "净息差" in found
    assert "YHDT" not in found


def test_an_adjusted_acronym_is_the_term_as_written() -> None:
    assert "Adjusted EBITDA" in terms("Kestrel quarter\nKestrel Pay said Adjusted EBITDA rose to $12 million.\n")


def test_a_plural_only_term_does_not_match_its_singular() -> None:
    found = terms("Fiserv outlook\nThe bank's future depends on merchants, not on futures trading.\n")
    assert found.count("futures") == 1 and "future" not in found


def test_general_words_are_not_terms_and_terms_of_art_are() -> None:
    text = (
        "持牌机构观察\n多家持牌机构加强风控，消费金融公司的经调整净利润和综合融资成本均有变化，最大回撤也被写入说明。\n"
    )
    found = terms(text)
    assert {"经调整净利润", "综合融资成本", "最大回撤"} <= set(found)
    assert not {"风控", "消费金融", "持牌"} & set(found)


def test_a_term_is_never_an_entity() -> None:
    text = "Lumen quarter\nLumen Inc said its gross margin and its price target were raised. Lumen Inc grew.\n"
    assert {"gross margin", "price target"} <= set(terms(text))
    assert not {"gross margin", "price target"} & names(text)


# ---------------------------------------------------------------- parents in Chinese


def parents(text: str) -> dict[str, str]:
    entities = pack(text)["entities"]
    by_id = {e["id"]: e["name"]["zh"] for e in entities}
    return {e["name"]["zh"]: by_id.get(e.get("parent", ""), "") for e in entities if e.get("parent")}


def test_operated_by_and_an_apps_own_product_set_the_parent() -> None:
    text = "理财平台观察\n京东科技运营的「京东金融」新增了基金频道。支付宝的余额宝规模仍居首位，支付宝的用户也最多。\n"
    found = parents(text)
    assert found.get("京东金融") == "京东科技"
    assert found.get("余额宝") == "支付宝"


def test_a_launch_and_an_acquisition_set_the_parent() -> None:
    text = (
        "众安保险观察\n"
        "众安在线财产保险股份有限公司（下称“众安保险”）上半年推出的“众民保”投保人数约为280万人。"
        "2013年，蚂蚁集团收购了天弘基金；招商银行收购了网商银行的部分股权。\n"
    )
    found = parents(text)
    assert found.get("众民保") == "众安在线财产保险股份有限公司"
    assert found.get("天弘基金") == "蚂蚁集团"
    assert "网商银行" not in found  # a stake bought is no ownership


def test_a_list_items_quoted_name_owned_in_its_text() -> None:
    text = (
        "2025年六款理财App测评\n"
        "1. 「蚂蚁财富」：产品最全\n"
        "蚂蚁集团旗下的「蚂蚁财富」以88分排在第一。\n"
        "2. 「且慢」：投顾服务做得最深\n"
        "盈米基金旗下的「且慢」得分83分。\n"
    )
    entities = {e["name"]["zh"]: e for e in pack(text)["entities"]}
    assert "「蚂蚁财富」" not in entities and "蚂蚁财富" in entities
    found = parents(text)
    assert found.get("蚂蚁财富") == "蚂蚁集团" and found.get("且慢") == "盈米基金"


def test_a_shareholders_registered_name_is_not_an_abbreviation_of_the_bank_it_founded() -> None:
    text = (
        "百信银行年报解读\n"
        "中信百信银行股份有限公司（以下简称“百信银行”）资产总额增长。"
        "百信银行由中信银行股份有限公司（以下简称“中信银行”）与百度联合发起设立。"
        "作为中信银行旗下的数字银行，百信银行的新增客户来自中信体系。\n"
    )
    assert parents(text).get("中信百信银行股份有限公司") == "中信银行股份有限公司"


# ---------------------------------------------------------------- claims


def claims(text: str) -> dict[str, dict[str, Any]]:
    return {argument["evidence"][0]["quote"]: argument for argument in pack(text)["arguments"]}


ENGLISH = (
    "# Lumen's quarter\n\n"
    "Lumen Inc reported revenue of $400 million. The results suggest that fees now carry the lender.\n\n"
    "## Guidance\n\n"
    "Lumen Inc kept its outlook for the year and said costs would stay flat.\n\n"
    "## How Lumen got here\n\n"
    "It began as a card issuer in 2015 and added loans later.\n\n"
    "## The fee line is here to stay\n\n"
    "Fees rose faster than loans. They now make up 40% of revenue, up from 31%.\n\n"
    "## What could go wrong?\n\n"
    "[00:12:30] Is the fee line safe? Rates could fall and take deposits with them.\n"
)


def test_an_english_heading_that_says_something_is_a_point_and_a_topic_label_is_not() -> None:
    found = claims(ENGLISH)
    points = {quote for quote, argument in found.items() if argument["role"] == "point"}
    assert "## The fee line is here to stay" in points  # the heading's block, quoted verbatim
    assert not {"## Guidance", "## How Lumen got here", "## What could go wrong?"} & points
    assert "Fees rose faster than loans." in points  # the paragraph's opening statement still is


def test_every_drafted_claim_quotes_its_paragraph_and_is_marked_for_review() -> None:
    drafted = pack(ENGLISH)
    paragraphs = {p["id"]: p["text"] for p in drafted["paragraphs"]}
    for argument in drafted["arguments"]:
        assert argument["inference"].startswith("drafted automatically — review")
        assert all(e["quote"] in paragraphs[e["para"]] for e in argument["evidence"])


def test_a_question_or_a_timestamp_is_no_paragraph_point_but_an_answer_is() -> None:
    text = (
        "Ramp and its rivals\n"
        "The card market is crowded, and the software is why customers stay.\n"
        "JORDAN VALE: And Brex? It sells cards to start-ups too.\n"
        "[00:18:05]\n"
        "NADIA CORTEZ: Ramp went after finance teams. They wanted fewer tools.\n"
    )
    points = {quote for quote, argument in claims(text).items() if argument["role"] == "point"}
    assert points == {"NADIA CORTEZ: Ramp went after finance teams."}


def test_chinese_captions_period_headers_and_firm_profiles_are_no_claims() -> None:
    text = (
        "江淮银行年报点评\n"
        "江淮银行的增长正在放缓。\n"
        "图源：江淮银行供图\n"
        "一、关于江淮银行\n"
        "江淮银行成立于1998年，总部位于合肥。\n"
        "二、零售转型仍需时间\n"
        "截至报告期末\n"
        "零售贷款占比为41%，较上年末提高2个百分点。\n"
    )
    quotes = set(claims(text))
    assert not {"图源：江淮银行供图", "一、关于江淮银行", "截至报告期末"} & quotes
    assert "二、零售转型仍需时间" in quotes


def test_a_chinese_sentence_that_turns_on_but_qualifies_and_a_forecast_elaborates() -> None:
    text = (
        "江淮银行年报点评\n"
        "江淮银行的增长正在放缓。\n"
        "零售贷款占比为41%，较上年末提高2个百分点，但信用卡业务的资产质量仍在承压。"
        "我们预计全年零售贷款将增长8%左右。\n"
    )
    found = claims(text)
    turned = next(a for q, a in found.items() if q.startswith("零售贷款占比"))
    assert (turned["role"], turned["relation"]) == ("qualification", "opposes")
    forecast = found["我们预计全年零售贷款将增长8%左右。"]
    assert (forecast["relation"], forecast["hedge"]) == ("elaborates", "prediction")


def test_an_english_opening_statement_that_names_a_risk_opposes_the_point() -> None:
    text = (
        "# Lumen's quarter\n\n"
        "Lumen Inc reported revenue of $400 million. The results suggest that fees now carry the lender.\n\n"
        "The risks are not small. Deposits fell 3% and costs rose in every market.\n\n"
        "Fees rose faster than loans. They now make up 40% of revenue.\n"
    )
    found = claims(text)
    assert (found["The risks are not small."]["role"], found["The risks are not small."]["relation"]) == (
        "qualification",
        "opposes",
    )
    assert found["Fees rose faster than loans."]["relation"] == "supports"


def test_an_english_thesis_is_the_authors_judgement_not_a_greeting() -> None:
    text = (
        "Morning note: payments\n"
        "Good morning. Here is what moved overnight.\n"
        "Kestrel Pay reported volume of $10 billion, up 52% from a year earlier. Revenue rose 20%, and "
        "we think the market still underestimates how much of the growth comes from large merchants.\n"
        "Costs grew more slowly than revenue. Operating expenses rose 4 percent.\n"
    )
    found = claims(text)
    thesis = [quote for quote, argument in found.items() if argument["role"] == "thesis"]
    assert len(thesis) == 1 and "we think the market still underestimates" in thesis[0]
    assert "Good morning." not in found


def test_a_chinese_news_leads_thesis_follows_the_event_and_a_salutation_is_none() -> None:
    text = (
        "邮储银行发布县域行动方案\n"
        "本报讯 9月17日，中国邮政储蓄银行在北京发布《县域数字普惠金融行动方案》。"
        "方案提出，到2027年末，邮储银行县域小微企业贷款余额力争突破1.5万亿元。\n"
        "邮储银行表示，线上贷款占比将提高到80%。\n"
    )
    thesis = [q for q, a in claims(text).items() if a["role"] == "thesis"]
    assert thesis == ["方案提出，到2027年末，邮储银行县域小微企业贷款余额力争突破1.5万亿元。"]
    notice = (
        "关于规范信用卡分期业务的通知\n各金融监管局，各消费金融公司：\n为规范分期业务经营行为，现就有关事项通知如下。\n"
    )
    thesis = [q for q, a in claims(notice).items() if a["role"] == "thesis"]
    assert thesis == ["为规范分期业务经营行为，现就有关事项通知如下。"]


def test_an_english_source_line_is_no_claim() -> None:
    text = (
        "# Kestrel's quarter\n\n"
        "Kestrel Pay reported revenue of $40 million. The results suggest that lending now carries the group.\n\n"
        "Source: company filings, Harbourline Securities estimates\n\n"
        "Fees rose faster than loans. They now make up 40% of revenue.\n"
    )
    assert not [q for q in claims(text) if q.startswith("Source:")]


def test_since_a_date_is_a_time_and_since_a_cause_is_a_reason() -> None:
    text = (
        "# Lumen's quarter\n\n"
        "Lumen Inc reported revenue of $400 million. The results suggest that fees now carry the lender.\n\n"
        "Since October 2024, banks have had to refund victims of fraud. "
        "Since fees do not depend on rates, the line should hold.\n"
    )
    found = claims(text)
    dated = found.get("Since October 2024, banks have had to refund victims of fraud.", {})
    assert dated.get("role") != "reason"  # at most the paragraph's opening statement
    assert found["Since fees do not depend on rates, the line should hold."]["role"] == "reason"
