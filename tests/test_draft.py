"""`draft`: a pack that passes `check`, drafted from a raw article (bundled, lending, Markdown, hostile)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from fintech_tui import draft
from fintech_tui.draft import MissingExtra, draft_pack
from fintech_tui.draft.figures import find_figures
from fintech_tui.loader import load_pack
from fintech_tui.model import Pack, walk_outline
from fintech_tui.queries.index import PackIndex
from fintech_tui.render.gaps import gap_report

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def bundled_draft(tmp_path_factory: pytest.TempPathFactory) -> tuple[Pack, Pack]:
    """The bundled article's own text, drafted: (the draft, the bundled pack)."""
    from fintech_tui.util.bundled import bundled_pack_path

    bundled = load_pack(bundled_pack_path(), use_cache=False)
    folder = tmp_path_factory.mktemp("bundled")
    article = folder / "article.txt"
    article.write_text("\n\n".join(p.text for p in bundled.paragraphs) + "\n", encoding="utf-8")
    draft_pack(article, folder / "pack")
    return load_pack(folder / "pack", use_cache=False), bundled


@pytest.fixture(scope="module")
def lending(tmp_path_factory: pytest.TempPathFactory) -> Pack:
    folder = tmp_path_factory.mktemp("lending") / "pack"
    draft_pack(DATA / "lending_article.txt", folder)
    return load_pack(folder, use_cache=False)


def figures_by_text(pack: Pack) -> dict[str, Any]:
    return {f.as_written: f for f in pack.figures}


def names(pack: Pack) -> dict[str, Any]:
    return {e.name.pick("zh"): e for e in pack.entities}


def test_bundled_text_is_kept_verbatim(bundled_draft: tuple[Pack, Pack]) -> None:
    drafted, bundled = bundled_draft
    assert [p.text for p in drafted.paragraphs] == [p.text for p in bundled.paragraphs]
    assert drafted.meta.title.zh == bundled.paragraphs[0].text


def test_bundled_outline_covers_every_paragraph(bundled_draft: tuple[Pack, Pack]) -> None:
    drafted, _ = bundled_draft
    report = gap_report(PackIndex(drafted))
    assert report.groups["Paragraphs outside the outline"] == []
    nodes = list(walk_outline(drafted.outline))
    kinds = [node.kind for node in drafted.outline]
    assert kinds[:3] == ["title", "metadata", "lead"] and kinds[-1] == "byline"
    titles = [node.title.zh for node in nodes if node.kind == "section"]
    assert titles == [
        "没有支付宝的话,相互保什么都不是",
        "金融科技竞争加剧,抢先构建服务生态布局",
        "凡秘是中小金融科技企业的一次自我变革",
        "金融科技+生活服务,或是未来趋势",
    ]
    points = [(node.number, node.title.zh) for node in nodes if node.kind == "point"]
    assert ("3", "有利于统一公司的多产品和强化整体品牌形象") in points


def test_bundled_figures_are_found_with_value_unit_and_period(bundled_draft: tuple[Pack, Pack]) -> None:
    drafted, _ = bundled_draft
    found = figures_by_text(drafted)
    users = found["1000万用户"]
    assert (users.value, users.unit, users.period) == (10_000_000, "users", "10天内")
    assert (found["10天内"].value, found["10天内"].unit) == (10, "days")
    assert found["278"].value == 278
    assert found["30万"].value == 300_000
    assert (found["5000万"].value, found["5000万"].period) == (50_000_000, "今年2月")
    assert (found["3028万"].value, found["3028万"].period) == (30_280_000, "今年9月")
    several = found["数千万用户"]
    assert several.value is None and several.hedge == "estimate"
    assert all(f.inference == "drafted automatically — review" for f in drafted.figures)
    # every value the bundled pack states by hand is among the drafted ones
    drafted_values = {f.value for f in drafted.figures}
    by_hand = {f.value for f in bundled_draft[1].figures if f.value is not None and f.unit in ("users", "yuan")}
    assert by_hand - drafted_values <= {0.01}  # 1美分 is drafted as 1 US cents, not converted to yuan


def test_bundled_companies_are_found(bundled_draft: tuple[Pack, Pack]) -> None:
    drafted, _ = bundled_draft
    found = names(drafted)
    for name in ("支付宝", "招商银行", "平安集团", "阿里", "淘宝", "京东", "网易", "财付通", "艾瑞咨询", "范普金科"):
        assert name in found, name
    assert "Pocket Life" in found and "Yu'ebao" in found
    assert found["招商银行"].kind == "bank" and found["平安集团"].kind == "group"
    assert "金科" not in found  # only ever part of 范普金科 and 万科金科
    assert "商业银行" not in found and "APP" not in found  # generic words are not names
    assert all(e.inference.startswith("drafted automatically — review") for e in drafted.entities)


def test_lending_article_figures(lending: Pack) -> None:
    found = figures_by_text(lending)
    expected = {
        "3.5万亿元": (3_500_000_000_000, "yuan", "2020年第三季度"),
        "30%": (30, "%", "2020年第三季度"),
        "10天内": (10, "days", ""),
        "两千万": (20_000_000, "merchants", "今年2月"),  # 小微商户超过两千万: a count of merchants
        "1000万": (10_000_000, "users", "今年2月"),  # 授信用户达到1000万: a count of users
        "1.2亿元": (120_000_000, "yuan", ""),
        "百分之三十": (30, "%", ""),
        "278家": (278, "firms", "目前"),  # 目前仍有278家: "now" is the period
        "三成": (30, "%", "目前"),  # 不足三成: a share, 30 %, in the same sentence
        "3个月内": (3, "months", ""),
    }
    assert {text: (f.value, f.unit, f.period) for text, f in found.items()} == expected
    assert found["两千万"].evidence[0].quote == "蚂蚁集团旗下的网商银行服务的小微商户超过两千万"


def test_lending_article_entities_and_parents(lending: Pack) -> None:
    found = names(lending)
    assert set(found) == {
        "李明",  # the byline's author
        "蚂蚁集团",
        "网商银行",
        "腾讯",
        "微众银行",
        "微粒贷",
        "京东数科",
        "度小满",
        "招商银行",
        "平安银行",
    }
    ids = {e.id: e for e in lending.entities}
    assert ids[found["网商银行"].parent] is found["蚂蚁集团"]
    assert ids[found["微众银行"].parent] is found["腾讯"]
    assert found["微粒贷"].kind == "app" and found["招商银行"].kind == "bank"
    assert found["招商银行"].parent == ""
    assert found["蚂蚁集团"].id == "mayijituan"
    assert found["李明"].kind == "person" and found["腾讯"].kind == "company"  # the brand written, not 腾讯控股


@pytest.fixture(scope="module")
def payments(tmp_path_factory: pytest.TempPathFactory) -> Pack:
    folder = tmp_path_factory.mktemp("payments") / "pack"
    draft_pack(DATA / "payments_article.txt", folder)
    return load_pack(folder, use_cache=False)


def test_payments_article_figures(payments: Pack) -> None:
    found = figures_by_text(payments)
    assert {text: (f.value, f.unit, f.period) for text, f in found.items()} == {
        "两千万笔": (20_000_000, "transactions", "去年"),
        "3.5万亿元": (3_500_000_000_000, "yuan", "去年"),
        "1.2亿户": (120_000_000, "users", "2022年第四季度"),
        "百分之三十": (30, "%", "2022年第四季度"),
        "三百万家": (3_000_000, "firms", ""),  # the 10天内 after it times the refunds, not the merchants
        "10天内": (10, "days", ""),
        "2.9%": (2.9, "%", ""),
        "千分之六": (6, "‰", ""),
        "一千二百万元": (12_000_000, "yuan", "今年3月"),
        "十五个": (15, "countries", "今年3月"),  # 十五个国家: 个 says nothing, the noun after it does
        "三个月内": (3, "months", ""),
        "四百五十万元": (4_500_000, "yuan", ""),
    }


def test_payments_article_entities(payments: Pack) -> None:
    found = names(payments)
    for name in ("连连支付", "微信支付", "支付宝", "中国人民银行", "Stripe", "PayPal", "李明"):
        assert name in found, name
    assert found["支付宝"].kind == "app"  # jieba tags it as a person's name
    assert found["中国人民银行"].kind == "organisation" and found["李明"].kind == "person"  # the regulator
    assert "跨境支付" not in found and "支付" not in found  # generic payment words are not names
    assert payments.meta.author == "李明"


def test_lending_outline_levels(lending: Pack) -> None:
    top = [(node.kind, node.number) for node in lending.outline]
    assert top == [("title", ""), ("metadata", ""), ("lead", ""), ("section", "一"), ("section", "二")]
    second = lending.outline[-1]
    assert [(c.kind, c.number, c.title.zh) for c in second.children] == [("point", "1", "降低获客成本")]
    assert second.last == lending.paragraphs[-1].id


@pytest.mark.parametrize(
    ("text", "as_written", "value", "unit"),
    [
        ("用户两千万", "两千万", 20_000_000, "users"),
        ("余额1.2亿", "1.2亿", 120_000_000, ""),
        ("规模3.5万亿", "3.5万亿", 3_500_000_000_000, ""),
        ("约三万亿元", "三万亿元", 3_000_000_000_000, "yuan"),
        ("增长百分之三十", "百分之三十", 30, "%"),
        ("占比30%", "30%", 30, "%"),
        ("占比12.5％", "12.5％", 12.5, "%"),
        ("在10天内", "10天内", 10, "days"),
        ("浏览:278", "278", 278, ""),
        ("共3,000家", "3,000家", 3000, "firms"),
        ("三十天", "三十天", 30, "days"),
    ],
)
def test_numbers_as_written_and_as_values(text: str, as_written: str, value: float, unit: str) -> None:
    [found] = find_figures(text)
    assert (found.as_written, found.value, found.unit) == (as_written, value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "一定",
        "三巨头",
        "二三线",
        "千万不要",
        "万科金科",
        "1.严重疾病",
        "第三名",
        "第1名",
        "P2P",
        "5G",
        "2021-3-22",
        "2020年",
        "今年9月",
        "十分重要",
    ],
)
def test_words_dates_and_numbering_are_not_figures(text: str) -> None:
    assert find_figures(text) == []


def test_markdown_headings_and_wrapped_paragraphs(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(
        "# 支付行业观察\n\n导语第一行，\n第二行接着写。\n\n## 一、 清算\n\n银联在2020年第三季度处理了1.2亿笔交易。\n\n"
        "### 小节\n\n- 列表项也是段落\n\n```\ncode 1000万\n```\n\n## Wallets\n\nPayPal and\nStripe grew 30%.\n",
        encoding="utf-8",
    )
    draft_pack(article, tmp_path / "pack")
    pack = load_pack(tmp_path / "pack", use_cache=False)
    texts = [p.text for p in pack.paragraphs]
    assert texts == [
        "支付行业观察",
        "导语第一行，第二行接着写。",
        "一、 清算",
        "银联在2020年第三季度处理了1.2亿笔交易。",
        "小节",
        "列表项也是段落",
        "Wallets",
        "PayPal and Stripe grew 30%.",
    ]
    sections = [node for node in pack.outline if node.kind == "section"]
    assert [(s.number, s.title.pick("zh")) for s in sections] == [("一", "清算"), ("", "Wallets")]
    assert [c.title.zh for c in sections[0].children] == ["小节"]
    figure = figures_by_text(pack)["1.2亿笔"]
    assert (figure.value, figure.unit, figure.period) == (120_000_000, "transactions", "2020年第三季度")
    assert "1000万" not in figures_by_text(pack)  # code is not prose
    assert {"PayPal", "Stripe", "Wallets"} <= set(names(pack))


HOSTILE_LINES = [
    "- not a list",
    "key: value",
    "# not a comment",
    "!!python/object/apply:os.system ['echo hi']",
    "&anchor *alias",
    "yes",
    "null",
    "1e3",
    "0x1F",
    "~",
    "---",
    "...",
    '"half quoted',
    "it's {braces} and [brackets] | > %",
    "tab\tinside and trailing space ",
    "\x1b[31mred\x1b[0m and a bell \x07",
    "? question",
]


def test_hostile_text_is_written_as_data_and_reads_back_verbatim(tmp_path: Path) -> None:
    article = tmp_path / "hostile.txt"
    article.write_text("标题\n" + "\n".join(HOSTILE_LINES) + "\n", encoding="utf-8")
    draft_pack(article, tmp_path / "pack")
    pack = load_pack(tmp_path / "pack", use_cache=False)
    assert [p.text for p in pack.paragraphs] == ["标题", *HOSTILE_LINES]


def test_refuses_an_existing_folder_and_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.yaml").write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError, match="already exists"):
        draft_pack(DATA / "lending_article.txt", folder)
    assert [p.name for p in folder.iterdir()] == ["notes.yaml"]
    assert (folder / "notes.yaml").read_text(encoding="utf-8") == "mine"


def test_missing_extra_names_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real = draft.importlib.util.find_spec
    monkeypatch.setattr(draft.importlib.util, "find_spec", lambda name: None if name == "jieba" else real(name))
    with pytest.raises(MissingExtra, match=r"jieba.*pip install 'fintech-tui\[draft\]'"):
        draft_pack(DATA / "lending_article.txt", tmp_path / "pack")
    assert not (tmp_path / "pack").exists()


def test_cli_draft_prints_gaps_and_next_steps(tmp_path: Path) -> None:
    from .test_cli import run

    result = run("draft", str(DATA / "lending_article.txt"), str(tmp_path / "pack"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"created {tmp_path / 'pack' / 'figures.yaml'}" in result.stdout
    assert "gaps found" in result.stdout and "Entities mentioned only once" in result.stdout
    assert f"fintech-tui check --report {tmp_path / 'pack'}" in result.stdout
    assert f"fintech-tui --watch {tmp_path / 'pack'}" in result.stdout  # the README's next step
    checked = run("check", str(tmp_path / "pack"), cwd=tmp_path).stdout
    nodes = re.search(r"drafted \d+ paragraphs, (\d+) outline nodes", result.stdout)
    assert nodes is not None and f" {nodes.group(1)} outline nodes" in checked  # the same count as check's
    assert run("check", str(tmp_path / "pack"), cwd=tmp_path).returncode == 0

    again = run("draft", str(DATA / "lending_article.txt"), str(tmp_path / "pack"), cwd=tmp_path)
    assert again.returncode == 1
    assert (
        again.stderr.strip()
        == f"fintech-tui: {tmp_path / 'pack'} already exists; choose a new folder (nothing was written)"
    )


def test_cli_draft_without_the_extra_names_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from fintech_tui.cli.dispatch import main

    real = draft.importlib.util.find_spec
    monkeypatch.setattr(draft.importlib.util, "find_spec", lambda name: None if name == "cn2an" else real(name))
    assert main(["draft", str(DATA / "lending_article.txt"), str(tmp_path / "pack")]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "fintech-tui: draft needs cn2an: install the draft extra, pip install 'fintech-tui[draft]'"
    assert not (tmp_path / "pack").exists()


def test_cli_draft_refuses_text_that_is_not_utf8(tmp_path: Path) -> None:
    from .test_cli import run

    article = tmp_path / "gbk.txt"
    article.write_bytes("支付宝".encode("gbk"))
    result = run("draft", str(article), str(tmp_path / "pack"), cwd=tmp_path)
    assert result.returncode == 1
    assert "not UTF-8" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "pack").exists()
