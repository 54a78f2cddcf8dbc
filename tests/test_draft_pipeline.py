"""`draft` around the finders: meta, the frame of an article, subjects, header periods, claims, terms, batches."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from fintech_tui.draft import draft_pack
from fintech_tui.draft.arguments import marker_of, sentences
from fintech_tui.draft.found import Name
from fintech_tui.draft.language import language_of
from fintech_tui.draft.mentions import Mentions, Reader
from fintech_tui.draft.meta import author_in, date_in
from fintech_tui.draft.outline import heading_of
from fintech_tui.draft.reading import Block, text_blocks
from fintech_tui.loader import load_pack

from .test_cli import run


@pytest.mark.parametrize(
    ("line", "author", "date"),
    [
        ("作者：李明 时间：2021-5-10", "李明", "2021-05-10"),
        ("新浪财经 · 文｜王小二 · 2024年3月5日 10:32", "王小二", "2024-03-05"),
        ("By Jane Doe | March 5, 2024 10:32 a.m. ET", "Jane Doe", "2024-03-05"),
        ("(作者：张三，某研究院研究员)", "张三", ""),
        ("Published 5 March 2024 · 6 min read", "", "2024-03-05"),
        ("By Jane Doe March 3, 2025", "Jane Doe", "2025-03-03"),
        ("Fintech Notes · Sam Okafor · 12 June 2025", "Sam Okafor", "2025-06-12"),  # no byline word
        ("支付前沿 | 王雨桐 | 2025年1月15日 10:30", "王雨桐", "2025-01-15"),
        ("新浪财经 · 2024-03-05 10:00", "", "2024-03-05"),  # the outlet is no author
        ("2023年13月40日", "", ""),  # not a date
    ],
)
def test_author_and_date_from_a_page_information_line(line: str, author: str, date: str) -> None:
    assert (author_in(line), date_in(line)) == (author, date)


def test_language_is_chinese_when_a_fifth_of_the_letters_are() -> None:
    assert language_of(["招商银行推出了掌上生活APP和CMB Life"]) == "zh"
    assert language_of(["Ant Group (蚂蚁集团) said on Monday its revenue rose."]) == "en"


def test_a_hard_wrapped_file_is_joined_into_paragraphs_and_a_line_a_paragraph_is_not() -> None:
    wrapped = (
        "A title\n\nThe first paragraph runs over more than one line because an editor\n"
        "wrapped it at a fixed width, as plain text files often are, and it goes\non.\n\n"
        "The second one is wrapped the same way over two lines of the same file\nand ends here.\n"
    )
    assert [b.text for b in text_blocks(wrapped)] == [
        "A title",
        "The first paragraph runs over more than one line because an editor wrapped it at a fixed width, "
        "as plain text files often are, and it goes on.",
        "The second one is wrapped the same way over two lines of the same file and ends here.",
    ]
    one_a_line = "标题\n\n第一段写完了。\n第二段也写完了，它们之间没有空行。\n"
    assert [b.text for b in text_blocks(one_a_line)] == ["标题", "第一段写完了。", "第二段也写完了，它们之间没有空行。"]


@pytest.mark.parametrize(
    "line",
    ["图源：视觉中国", "数据来源：公司财报", "Source: company filings", "Photo: Reuters", "10:32", "By Jane Doe"],
)
def test_captions_timestamps_and_bylines_are_never_headings(line: str) -> None:
    assert heading_of(Block(line)) is None


def test_a_bullet_is_never_a_heading_but_a_numbered_point_is() -> None:
    assert heading_of(Block("- 短的列表项", listed=True)) is None
    heading = heading_of(Block("1）降低获客成本"))
    assert heading is not None and (heading.number, heading.title) == ("1", "降低获客成本")


def names(*pairs: tuple[str, str]) -> list[Name]:
    return [Name(name, kind, "test") for name, kind in pairs]


def test_a_figure_is_about_the_entity_its_clause_or_sentence_names() -> None:
    reader = Reader(Mentions(names(("招商银行", "bank"), ("蚂蚁集团", "group"))))
    text = "招商银行2024年营收3000亿元，净利润1400亿元；蚂蚁集团的用户超过10亿。"
    found = reader.paragraph(text)
    assert reader.subject(text, found, text.index("3000")) == "招商银行"
    assert reader.subject(text, found, text.index("1400")) == "招商银行"
    assert reader.subject(text, found, text.index("10亿")) == "蚂蚁集团"


def test_a_back_reference_stands_for_the_last_entity_of_its_kind() -> None:
    reader = Reader(Mentions(names(("招商银行", "bank"), ("腾讯", "company"))))
    first = "招商银行与腾讯合作推出新产品。"
    reader.seen(reader.paragraph(first), first)
    text = "该行的不良率为0.95%。"
    assert reader.subject(text, reader.paragraph(text), text.index("0.95")) == "招商银行"
    english = Reader(Mentions(names(("Chime", "company"), ("Bank of America", "bank"))))
    before = "Chime signed a deal with Bank of America."
    english.seen(english.paragraph(before), before)
    text = "The company said its members grew 20%."
    assert english.subject(text, english.paragraph(text), text.index("20%")) == "Chime"


def test_a_source_is_never_the_subject() -> None:
    reader = Reader(Mentions(names(("艾瑞咨询", "company"), ("支付宝", "app"))))
    text = "据艾瑞咨询数据，移动支付规模达到300万亿元。"
    found = reader.paragraph(text)
    assert reader.subject(text, found, text.index("300")) == ""
    assert reader.source(text, found, text.index("300")) == "艾瑞咨询"


def test_a_speaker_is_not_the_subject_and_a_product_wins_over_its_owner() -> None:
    owned = [*names(("邵文涛", "person"), ("星河", "company")), Name("星河贷", "product", "test", [], "星河")]
    reader = Reader(Mentions(owned))
    text = "邵文涛透露，星河的信贷产品“星河贷”服务借款人约1,900万人，笔均借款金额为8,600元左右。"
    assert reader.subject(text, reader.paragraph(text), text.index("8,600")) == "星河贷"
    reader = Reader(Mentions(names(("启明证券", "company"), ("宋文", "person"), ("云帆", "company"))))
    text = "启明证券分析师宋文认为，云帆的承保端稳健，2024年综合成本率为96.3%。"
    assert reader.subject(text, reader.paragraph(text), text.index("96.3")) == "云帆"


def test_chinese_figures_of_a_market_of_a_declared_company_and_of_a_sentence_naming_nobody() -> None:
    reader = Reader(Mentions(names(("云帆", "company"))))
    text = "云帆2024年营收增长12%，而行业平均增速在5%左右。"
    assert reader.subject(text, reader.paragraph(text), text.index("5%")) == ""
    text = "健康生态是云帆最大的板块。2024年，健康生态的保费为121.8亿元。"
    assert reader.subject(text, reader.paragraph(text), text.index("121.8")) == "云帆"
    owner = Name("云帆科技股份有限公司", "company", "test", ["云帆"])
    reader = Reader(Mentions([owner, *names(("云帆证券", "company"))]))
    for text in ("云帆科技股份有限公司（以下简称“云帆”或“公司”）披露年报。", "云帆证券全年手续费收入58亿元。"):
        reader.seen(reader.paragraph(text), text)
    text = "公司两融余额为686亿元。"
    assert reader.subject(text, reader.paragraph(text), text.index("686")) == "云帆科技股份有限公司"


def test_an_organisation_publishing_the_data_is_its_source() -> None:
    reader = Reader(Mentions(names(("中国人民银行", "organisation"), ("瀚海支付", "company"))))
    text = "中国人民银行5月14日公布的信息显示，瀚海支付被罚款1,180万元。"
    found = reader.paragraph(text)
    assert reader.subject(text, found, text.index("1,180")) == "瀚海支付"
    assert reader.source(text, found, text.index("1,180")) == "中国人民银行"


@pytest.mark.parametrize(
    ("sentence", "chinese", "role", "relation"),
    [
        ("首先，获客成本太高。", True, "reason", "supports"),
        ("因此，中小平台必须转型。", True, "conclusion", "supports"),
        ("但是，监管趋严。", True, "qualification", "opposes"),
        ("以招商银行为例，它推出了两个APP。", True, "observation", "elaborates"),
        ("However, regulators pushed back.", False, "qualification", "opposes"),
        ("For example, Chime offers early pay.", False, "observation", "elaborates"),
        ("Therefore the moat is thin.", False, "conclusion", "supports"),
    ],
)
def test_discourse_markers_give_a_claim_its_role_and_relation(
    sentence: str, chinese: bool, role: str, relation: str
) -> None:
    marker = marker_of(sentence, chinese)
    assert marker is not None and (marker.role, marker.relation) == (role, relation)


def test_words_that_only_begin_like_markers_are_not_markers() -> None:
    assert marker_of("但愿如此。", True) is None  # 但 alone must be followed by a comma
    assert marker_of("Sonic boom.", False) is None  # "So" is a word of its own
    assert [s for _, s in sentences("Dr. Who said hi. Then left.", False)] == ["Dr. Who said hi.", "Then left."]


ARTICLE = """先说结论：金融科技公司正在变成生活服务公司
澎湃新闻 · 作者：周舟 · 2025年4月2日 09:15
先说结论：金融科技的下一站是生活服务。招商银行（以下简称"招行"）的掌上生活APP月活超过5000万。
一、截至2024年6月：
招行的信用卡用户约1.2亿户，其中该行的不良率为1.7%。
但是，流量并不等于收入。分析师王强表示，GMV可能被高估。
图源：公司财报
（作者：周舟，金融观察员）
"""


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    folder = tmp_path_factory.mktemp("pipeline")
    article = folder / "column.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    draft_pack(article, folder / "pack")
    files = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (folder / "pack").glob("*.yaml")}
    return folder / "pack", files


def test_the_drafted_column_passes_check_with_its_meta(drafted: tuple[Path, dict[str, object]]) -> None:
    folder, _ = drafted
    pack = load_pack(folder, use_cache=False)
    assert (pack.meta.author, pack.meta.date) == ("周舟", "2025-04-02")
    kinds = [node.kind for node in pack.outline]
    assert kinds[:2] == ["title", "metadata"] and kinds[-1] == "byline"
    assert [n.title.zh for n in pack.outline if n.kind == "section"] == ["截至2024年6月："]


def test_figures_under_a_header_take_its_period(drafted: tuple[Path, dict[str, object]]) -> None:
    _, files = drafted
    figures = {f["as_written"]: f for f in files["figures"]["figures"]}  # type: ignore[index]
    assert "2024年6月" in figures["1.7%"]["period"]  # as the header writes it: 截至2024年6月
    assert "period from the header" in figures["1.7%"]["inference"]


def test_the_skeleton_has_the_thesis_a_point_and_a_qualification(drafted: tuple[Path, dict[str, object]]) -> None:
    _, files = drafted
    arguments = files["arguments"]["arguments"]  # type: ignore[index]
    roles = [(a["role"], a.get("relation")) for a in arguments]
    assert roles[0] == ("thesis", None) and ("point", "supports") in roles and ("qualification", "opposes") in roles
    assert arguments[0]["evidence"][0]["quote"] == "先说结论：金融科技的下一站是生活服务。"
    assert all(a["inference"] == "drafted automatically — review" for a in arguments)
    said = next(a for a in arguments if "表示" in a["evidence"][0]["quote"])
    assert said.get("hedge") == "possibility"


def test_terms_of_art_are_glossary_candidates(drafted: tuple[Path, dict[str, object]]) -> None:
    _, files = drafted
    terms = [t["term"] for t in files["glossary"]["glossary"]]  # type: ignore[index]
    assert terms == ["月活", "不良率", "GMV"]


def test_draft_takes_a_folder_and_writes_one_pack_per_article(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (articles / "two.md").write_text("# Wallets\n\nChime said its members grew 20% in 2024.\n", encoding="utf-8")
    (articles / "bad.txt").write_bytes(b"\xff\xfe\x00")
    (articles / "notes.csv").write_text("a,b\n", encoding="utf-8")
    result = run("draft", str(articles), str(tmp_path / "packs"), cwd=tmp_path)
    assert result.returncode == 1  # one article could not be read
    assert result.stderr.strip() == f"fintech-tui: {articles / 'bad.txt'}: not UTF-8 text (byte 0)"
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in (tmp_path / "packs").iterdir()) == ["one", "two"]
    assert "[2/3]" in result.stdout and "drafted 2 of 3 articles" in result.stdout
    for name in ("one", "two"):
        assert run("check", str(tmp_path / "packs" / name), cwd=tmp_path).returncode == 0
    before = {p: p.read_bytes() for p in (tmp_path / "packs").rglob("*.yaml")}
    again = run("draft", str(articles / "one.txt"), str(articles / "two.md"), str(tmp_path / "packs"), cwd=tmp_path)
    assert again.returncode == 0, again.stderr  # a folder of packs is a library: the drafts go in beside
    assert sorted(p.name for p in (tmp_path / "packs").iterdir()) == ["one", "one-2", "two", "two-2"]
    assert all(p.read_bytes() == data for p, data in before.items())  # nothing already there is touched


def test_the_gap_report_lists_what_is_unreviewed_and_no_english_clause_fragments(tmp_path: Path) -> None:
    from fintech_tui.model import is_drafted, kinds
    from fintech_tui.queries.index import PackIndex
    from fintech_tui.render.gaps import Finding, gap_report

    article = tmp_path / "wire.txt"
    article.write_text(
        "Payments rivals push into lending\n"
        "The app said less than a third of users borrow, and yes, that is low. But Wells Fargo disagreed.\n"
        "In March, revenue at Acme Pay rose 12%, according to Jane Roe of Example Research.\n",
        encoding="utf-8",
    )
    draft_pack(article, tmp_path / "pack")
    pack = load_pack(tmp_path / "pack", use_cache=False)
    report = gap_report(PackIndex(pack))
    drafted = [item for kind in kinds() for item in kind.items(pack) if is_drafted(item)]
    assert drafted and len(report.groups[Finding.UNREVIEWED]) == len(drafted)
    unresolved = [gap.message.strip("“”") for gap in report.groups[Finding.UNRESOLVED_NAME]]
    assert all(word[0].isupper() for word in unresolved), unresolved
    for fragment in ("less than", "and yes", "The", "But", "In March", "March"):
        assert fragment not in unresolved


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "no text to draft from"),
        (
            b"<!DOCTYPE html><html><body><p>Hi</p></body></html>\n",
            "an HTML page, not an article's text: save it as text (.txt) or Markdown (.md)",
        ),
        (b"a\x00b\n", "line 1: a NUL byte: not a text file"),
        (b"title\n" + b"x" * 60_000 + b"\n", "line 2: 60,000 characters in one paragraph (at most 50,000)"),
        (b"y" * (4 * 1024 * 1024 + 1), "file is 4,194,305 bytes; the limit is 4,194,304"),
    ],
    ids=["empty", "html", "nul", "long-paragraph", "too-big"],
)
def test_what_is_not_an_article_is_refused_in_one_line_and_nothing_is_written(
    tmp_path: Path, content: bytes, message: str
) -> None:
    article = tmp_path / "article.txt"
    article.write_bytes(content)
    result = run("draft", str(article), str(tmp_path / "pack"), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == f"fintech-tui: {article}: {message}"
    assert not (tmp_path / "pack").exists()


async def test_the_explorer_badges_every_drafted_item(drafted: tuple[Path, dict[str, object]]) -> None:
    from fintech_tui.model import is_drafted, kinds
    from fintech_tui.render.labels import DRAFTED_BADGE
    from fintech_tui.tui.app import FintechApp
    from fintech_tui.tui.widgets.item_tree import ItemTree

    folder, _ = drafted
    pack = load_pack(folder, use_cache=False)
    app = FintechApp(pack)
    async with app.run_test(size=(120, 40)) as pilot:
        drafted = sum(1 for kind in kinds() for item in kind.items(pack) if is_drafted(item))
        assert app.sub_title.endswith(f"{DRAFTED_BADGE}{drafted} drafted, to review")
        await pilot.press("2")
        companies = app.focused
        assert isinstance(companies, ItemTree)
        labels = [str(node.label) for node in companies.root.children]
        assert labels and all(label.startswith(DRAFTED_BADGE) for label in labels), labels
        await pilot.press("1")
        outline = app.focused
        assert isinstance(outline, ItemTree)
        assert not any(str(node.label).startswith(DRAFTED_BADGE) for node in outline.root.children)  # not drafted


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("SAN FRANCISCO, Oct 8, 2024 (Fintech Wire) - Chime Financial said", "2024-10-08"),
        ("新华社北京2024年3月5日电 央行宣布", "2024-03-05"),
        ("金融时讯北京2025年3月18日电（记者 许嘉宁）百度旗下", "2025-03-18"),  # 讯 in the outlet's name
        ("In 2024, March 5, 2024 revenue rose - a lot", ""),  # the sentence has begun: a period
        ("Chime said on March 5, 2024 that it - no", ""),
    ],
)
def test_a_dateline_dates_a_wire_story(text: str, date: str) -> None:
    from fintech_tui.draft.meta import dateline_date

    assert dateline_date(text) == date


def test_english_terms_are_found_as_words_in_any_case_and_kept_as_written() -> None:
    from fintech_tui.draft.glossary import draft_glossary

    text = "Its Interchange fees, a banking charter and an IPO. Neobanks grew; GMV is not gmv-like. Mau is a name."
    terms = [t["term"] for t in draft_glossary([("p1", text)], set())]
    assert terms == ["Interchange fees", "banking charter", "IPO", "Neobanks", "GMV"]


def test_chinese_results_and_fund_terms_and_a_word_glossed_by_its_acronym() -> None:
    from fintech_tui.draft.glossary import draft_glossary

    text = "月活跃用户（MAU）达到1亿，市盈率（PE）为20倍；申购费率下调后，尾随佣金和保有规模成为焦点，综合成本率为96%。"
    terms = [t["term"] for t in draft_glossary([("p1", text)], set())]
    assert terms == ["MAU", "市盈率", "PE", "申购费率", "尾随佣金", "保有规模", "综合成本率"]


def test_a_sentence_states_its_period_once_and_the_next_sentence_does_not_inherit_it(tmp_path: Path) -> None:
    article = tmp_path / "report.txt"
    article.write_text(
        "半年报\n6月末，招商银行不良贷款率为0.95%，拨备覆盖率为430.7%。员工超过10万人。\n", encoding="utf-8"
    )
    draft_pack(article, tmp_path / "pack")
    figures = {f.as_written: f for f in load_pack(tmp_path / "pack", use_cache=False).figures}
    assert figures["430.7%"].period == figures["0.95%"].period != ""
    assert figures["10万人"].period == ""


NOTE = """云帆科技年报点评：科技输出成为第二曲线
财经观察 · 作者：李文 · 2025年3月5日 09:15
投资要点
3月4日，云帆科技股份有限公司（以下简称“云帆科技”）披露2024年年报。我们认为，公司的科技输出正在成为第二增长曲线。
一、监管让规模红利消失
监管环境也在变化。金融监管总局近期要求平台加强合作机构管理，云帆科技的合作银行增至80家。
风险提示
市场竞争加剧的风险。
"""
WIRE = (
    "金融监管总局开出多张罚单\n"
    "快讯北京2025年5月16日电（记者 王海）金融监管总局5月15日公布了一批行政处罚信息。"
    "其中，甲银行被罚款680万元。这是今年以来金额最大的一张罚单。\n"
)


def _claims(tmp_path: Path, text: str) -> list[dict[str, object]]:
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    draft_pack(article, tmp_path / "pack")
    return yaml.safe_load((tmp_path / "pack" / "arguments.yaml").read_text(encoding="utf-8"))["arguments"]  # type: ignore[no-any-return]


def test_a_chinese_thesis_points_without_section_labels_and_topic_sentences(tmp_path: Path) -> None:
    claims = _claims(tmp_path, NOTE)
    quotes = [c["evidence"][0]["quote"] for c in claims]  # type: ignore[index]
    assert claims[0]["role"] == "thesis" and quotes[0] == "我们认为，公司的科技输出正在成为第二增长曲线。"
    points = [c["claim"]["zh"] for c in claims if c["role"] == "point"]  # type: ignore[index]
    assert "监管让规模红利消失" in points and not {"投资要点", "风险提示"} & set(points)
    assert "监管环境也在变化。" in quotes
    assert not [q for q in quotes if "简称" in q]  # 简称 is no verb of saying


def test_a_news_thesis_is_no_event_report(tmp_path: Path) -> None:
    claims = _claims(tmp_path, WIRE)
    assert claims[0]["evidence"][0]["quote"] == "这是今年以来金额最大的一张罚单。"  # type: ignore[index]


def test_the_gap_report_takes_no_quoted_sentence_opening_or_describing_word_for_a_name(tmp_path: Path) -> None:
    from fintech_tui.queries.index import PackIndex
    from fintech_tui.render.gaps import Finding, gap_report

    article = tmp_path / "wire.txt"
    article.write_text(
        "Harbourpay signs up merchants\n"
        "Harbourpay, the Lisbon-based payments start-up, said it had 48,000 merchants.\n"
        '"Most of our merchants take few payments," she said. "For them a fee matters." '
        "Harbourpay said so twice.\n",
        encoding="utf-8",
    )
    draft_pack(article, tmp_path / "pack")
    report = gap_report(PackIndex(load_pack(tmp_path / "pack", use_cache=False)))
    unresolved = [gap.message.strip("“”") for gap in report.groups[Finding.UNRESOLVED_NAME]]
    for word in ("Most", "For", "Lisbon-based"):
        assert word not in unresolved, unresolved


def test_the_gap_report_takes_a_chinese_sentences_app_for_no_name(tmp_path: Path) -> None:
    from fintech_tui.queries.index import PackIndex
    from fintech_tui.render.gaps import Finding, gap_report

    article = tmp_path / "news.txt"
    article.write_text("星禾银行上线新版\n星禾银行的手机银行APP“星禾生活”用户超过300万。\n", encoding="utf-8")
    draft_pack(article, tmp_path / "pack")
    report = gap_report(PackIndex(load_pack(tmp_path / "pack", use_cache=False)))
    assert "APP" not in [gap.message.strip("“”") for gap in report.groups[Finding.UNRESOLVED_NAME]]
