"""Chinese names, fifth round: shapes of text the set had not shown (a broker's morning note, a
local regulator's notice on small lenders, an interview with a bank's chairman). Each test drafts
a short text written for its rule, in invented names, and reads the pack's entities."""

from __future__ import annotations

from typing import Any

from fintech_tui.draft import draft_sections
from fintech_tui.draft.reading import text_blocks


def entities(*lines: str) -> dict[str, dict[str, Any]]:
    """The drafted pack's entities by their Chinese name, for a title line and paragraphs."""
    sections = draft_sections(text_blocks("\n".join(("某题目", *lines)) + "\n"), "article.txt")
    found = [e for section in sections.values() for e in section.get("entities", [])]
    return {e["name"].get("zh") or next(iter(e["name"].values())): e for e in found}


def kinds(*lines: str) -> dict[str, str]:
    return {name: e["kind"] for name, e in entities(*lines).items()}


def aliases(*lines: str) -> dict[str, list[str]]:
    return {name: [a["text"] for a in e.get("aliases", [])] for name, e in entities(*lines).items()}


def parents(*lines: str) -> dict[str, str]:
    found = entities(*lines)
    by_id = {e["id"]: name for name, e in found.items()}
    return {name: by_id.get(e.get("parent", ""), "") for name, e in found.items() if e.get("parent")}


def test_a_two_character_name_jieba_cuts_into_single_characters_is_one_bank() -> None:
    found = kinds("青岚银行与富滇银行、某某支付共同推出了服务站。")
    assert found.get("富滇银行") == "bank"
    assert "滇银行" not in found


def test_a_public_body_opens_at_its_place_not_at_the_verb_before_it() -> None:
    found = kinds("下一步，市金融监管局将会同江川市市场监督管理局加强监测。")
    assert found.get("江川市市场监督管理局") == "organisation"
    assert not any(name.startswith("会同") for name in found)
    assert kinds("工作由人员江川市地方金融管理局负责。").get("江川市地方金融管理局") == "organisation"


def test_full_legal_names_of_small_lenders_and_guarantors_with_their_short_names() -> None:
    lines = (
        "江川市鼎盛小额贷款有限公司（以下简称“鼎盛小贷”）存在超比例融资问题。",
        "江川市中小企业融资担保有限责任公司未按规定提取准备金，广东省融资再担保有限公司则未受处罚。",
        "全市21家融资担保公司和38家小额贷款公司接受了检查。",
    )
    found = aliases(*lines)
    assert found.get("江川市鼎盛小额贷款有限公司") == ["鼎盛小贷"]
    assert "江川市中小企业融资担保有限责任公司" in found
    assert "广东省融资再担保有限公司" in found
    assert "融资担保公司" not in found and "小额贷款公司" not in found


def test_a_clause_opening_with_qixia_belongs_to_the_sentences_last_firm() -> None:
    found = parents("分析师表示，杭州银行三季度净息差持平；旗下杭银理财的规模突破3,000亿元。")
    assert found.get("杭银理财") == "杭州银行"
    assert not parents("分析师表示，杭州银行三季度净息差持平。杭银理财的规模突破3,000亿元。")


def test_a_whole_name_after_a_title_closed_by_punctuation_and_an_anonymous_one() -> None:
    found = kinds(
        "分析师：顾清和（执业证书编号：S1090523070002）　联系人：唐悦",
        "时任某支付公司副总经理的刘某对违规行为负有责任。分析师许安称，收益率仍有压力。",
    )
    assert found.get("顾清和") == "person" and found.get("刘某") == "person" and found.get("许安") == "person"
    assert "顾清" not in found and "许安称" not in found
    assert not any(name.startswith("S10") for name in found)


def test_people_by_a_two_character_surname_and_by_titles_of_associations_and_parties() -> None:
    found = kinds(
        "在接受采访时，欧阳明远表示，需求没有减弱。协会副会长潘启光主持会议。董事长、党委书记柯望在年会上表示，要稳。"
    )
    assert found.get("欧阳明远") == "person"
    assert found.get("潘启光") == "person"
    assert found.get("柯望") == "person"


def test_a_compound_surname_is_not_read_across_a_title() -> None:
    found = kinds("市金融监管局副局长孙立群表示，将加强监测。")
    assert found.get("孙立群") == "person" and "长孙立群" not in found


def test_junk_is_refused_a_preposition_glued_on_a_descriptor_and_an_industry() -> None:
    found = kinds(
        "为了降低对外部流量的依赖，众安在自营渠道上加大了投入，并与一家寿险公司合作。",
        "属地金融监管局要求非银行支付机构整改。瑞银证券中国银行业分析师巩昱表示，息差企稳。",
    )
    for junk in ("对外部", "寿险公司", "属地金融监管局", "非银行支付", "中国银行"):
        assert junk not in found
    assert found.get("巩昱") == "person"


def test_a_legal_names_head_survives_a_word_that_usually_opens_a_clause() -> None:
    found = aliases("杭州联合农村商业银行股份有限公司（下称“杭州联合银行”）发布了年报。")
    assert found.get("杭州联合农村商业银行股份有限公司") == ["杭州联合银行"]


def test_a_numeral_tagged_word_inside_a_banks_name_and_a_university_unit() -> None:
    found = kinds("中邮邮惠万家银行是邮储银行旗下的直销银行。清华大学五道口金融学院教授张晓燕称，利率将下行。")
    assert found.get("中邮邮惠万家银行") == "bank"
    assert found.get("清华大学五道口金融学院") == "organisation"
    assert "三家银行" not in kinds("国内三家银行和五家银行都下调了利率。")


def test_foreign_central_banks_are_known() -> None:
    found = kinds("海外：美联储官员称，12月是否降息仍取决于通胀数据；欧洲央行按兵不动。")
    assert found.get("美联储") == "organisation" and found.get("欧洲央行") == "organisation"


def test_a_name_given_as_the_cause_is_not_the_figures_subject() -> None:
    sections = draft_sections(
        text_blocks("某题目\n青禾控股利息收入占比为38%。我们预计随着美联储降息，2026年该比重将降至35%以下。\n"), "a.txt"
    )
    figures = [f for section in sections.values() for f in section.get("figures", [])]
    ids = {e["id"]: e["name"]["zh"] for section in sections.values() for e in section.get("entities", [])}
    subjects = {f["value"]: ids.get(f.get("subject", ""), "") for f in figures}
    assert "美联储" in ids.values()
    assert subjects[35] != "美联储"


def test_a_rarer_surname_between_a_title_and_a_verb_and_a_regulators_local_office() -> None:
    found = kinds("中国人民银行副行长宣昌能表示，将保持流动性合理充裕。深圳市地方金融监督管理局、深圳证监局联合发文。")
    assert found.get("宣昌能") == "person"
    assert found.get("深圳证监局") == "organisation"
    assert not kinds("宣布降息后，市场反应平淡。")


def test_a_quote_after_a_mobile_bank_is_an_app_and_a_credited_outlet_is_an_organisation() -> None:
    found = kinds("长风银行推出了手机银行App“长风e行”。据澎湃新闻报道，据媒体报道，据业内人士消息，需求回升。")
    assert found.get("长风e行") == "app"
    assert found.get("澎湃新闻") == "organisation"
    assert not any(name in found for name in ("媒体", "业内人士"))


def test_descriptions_of_a_kind_of_firm_are_no_names_but_a_brand_before_the_same_suffix_is() -> None:
    found = kinds("保险资管公司加大了配置。这家老牌信托公司的标品信托规模首次超过非标。泰康资管的规模在增长。")
    assert not any(name in found for name in ("保险资管公司", "老牌信托公司", "标品信托"))
    assert found.get("泰康资管") == "company"


def test_a_person_opening_a_clause_before_a_verb_of_saying_and_bylines_without_a_colon() -> None:
    found = kinds(
        "何嘉宁补充说，不良率下降。钱一川对记者表示，需求回暖。孔令芸在发布会上指出，要控风险。",
        "文/吕青萍　受访人：柏庭，某银行零售部总经理。蚂蚁集团董事长井贤栋表示，要稳。",
    )
    for person in ("何嘉宁", "钱一川", "孔令芸", "吕青萍", "柏庭", "井贤栋"):
        assert found.get(person) == "person", person


def test_a_common_word_or_a_place_before_a_verb_of_saying_is_no_person() -> None:
    found = kinds("高管表示，业务正常。江川称，方面认为，张口就说，王者称，一切如常。")
    assert not [name for name, kind in found.items() if kind == "person"]


def test_a_legal_name_holds_one_character_words_jieba_cut_inside_it_but_not_at_its_start() -> None:
    found = kinds("另外两家分别是广西桂联支付服务有限公司和山城快付信息技术有限公司，均为主动申请注销。")
    assert found.get("山城快付信息技术有限公司") == "company"
    assert found.get("广西桂联支付服务有限公司") == "company"
    assert not any(name.startswith(("是", "和")) for name in found)


def test_the_parent_named_after_mugongsi_owns_the_firm_the_sentence_opened_with() -> None:
    found = parents(
        "浙江易付通网络科技有限公司（以下简称“易付通”）被注销许可证，其业务将由母公司杭州云栖数字科技股份有限公司承接。"
    )
    assert found.get("浙江易付通网络科技有限公司") == "杭州云栖数字科技股份有限公司"
    assert "杭州云栖数字科技股份有限公司" not in found


def test_a_small_lenders_short_name_and_a_list_word_jieba_glued_to_the_next_name() -> None:
    found = parents("青禾集团旗下的青禾支付和青禾小贷都在扩张。")
    assert found.get("青禾支付") == "青禾集团" and found.get("青禾小贷") == "青禾集团"
    found_kinds = kinds("旗下的青禾支付和青禾小额贷款有限公司都在扩张。网络小贷和头部消金的利率下降。")
    assert found_kinds.get("青禾小额贷款有限公司") == "company"
    assert not any(name.startswith("和") or "支付和" in name for name in found_kinds)
    assert "网络小贷" not in found_kinds and "头部消金" not in found_kinds


def test_a_name_listed_beside_a_found_one_is_drafted_without_failing() -> None:
    found = kinds("ZA Card和Ant Pay都很受欢迎。")  # the list rule once changed its table while reading it
    assert found.get("ZA Card") == "product" and found.get("Ant Pay") == "product"


def test_a_rare_name_jieba_reads_as_two_single_characters_before_a_suffix() -> None:
    found = kinds("尤其是泓远消费金融的不良率上升。老牌银行、小型银行和新银行都在变。")
    assert found.get("泓远消费金融") == "company"
    assert not any(name in found for name in ("老牌银行", "小型银行", "新银行", "是泓远消费金融"))


def test_a_units_name_is_read_past_a_verb_like_word_when_a_place_opens_it() -> None:
    found = kinds("合作方深圳前海联合交易中心的代表也到场交流。两家银行联合研究中心发布报告。")
    assert found.get("深圳前海联合交易中心") == "organisation"
    assert not any(name.endswith("研究中心") for name in found)


def test_a_quoted_name_opening_with_a_found_firms_brand_is_its_product_but_a_motto_is_not() -> None:
    found = kinds(
        "长汀基金管理有限公司（以下简称“长汀基金”）的基金经理苏映雪称，她管理的“长汀红利优选”收益率为14.2%。",
        "长汀基金提出“长汀速度”的口号。",
    )
    assert found.get("长汀红利优选") == "product"
    assert "长汀速度" not in found
