"""Chinese subjects, round three: a list distributed by 分别, first-person firms and back references."""

from __future__ import annotations

from fintech_tui.draft.found import Name
from fintech_tui.draft.mentions import Mentions, Reader


def subjects(names: list[Name], *paragraphs: str) -> list[list[str]]:
    """Each paragraph's figures (by a plain number search) and the subject the reader gives each."""
    import re

    reader = Reader(Mentions(names))
    out = []
    for text in paragraphs:
        found = reader.paragraph(text)
        out.append([reader.subject(text, found, m.start()) for m in re.finditer(r"\d+(?:\.\d+)?", text)])
        reader.seen(found, text)
    return out


BANKS = [Name("东海银行", "bank", "test"), Name("西岭银行", "bank", "test"), Name("北辰科技", "company", "test")]


def test_fenbie_gives_each_listed_name_its_figure() -> None:
    assert subjects(BANKS, "东海银行和西岭银行的存款分别增长4%和9%。") == [["东海银行", "西岭银行"]]
    assert subjects(BANKS, "东海银行、西岭银行分别为3.1%、2.6%，同比提高0.2和0.1个百分点。") == [
        ["东海银行", "西岭银行", "东海银行", "西岭银行"]
    ]


def test_without_fenbie_the_name_in_the_clause_stands() -> None:
    assert subjects(BANKS, "东海银行的存款增长4%，西岭银行增长9%。") == [["东海银行", "西岭银行"]]


def test_first_person_in_an_answer_is_the_firm_the_text_is_about() -> None:
    names = [*BANKS, Name("南岸支付", "app", "test"), Name("林晓", "person", "test")]
    assert subjects(
        names,
        "北辰科技是一家支付公司，北辰科技的首席执行官林晓接受了采访。",
        "问：南岸支付进入后，北辰科技怎么应对？",
        "答：我们今年的费率是0.5%，合规团队有120人。",
    )[2] == ["北辰科技", "北辰科技"]


def test_a_clause_about_the_whole_market_has_no_subject_even_after_a_time_word() -> None:
    assert subjects(BANKS, "东海银行收购了一家支付公司。今年以来全国已有19张支付牌照被注销。") == [[""]]
    assert subjects(BANKS, "东海银行收购了一家支付公司。今年以来东海银行的存款增长4%。") == [["东海银行"]]


def test_an_interbank_word_inside_a_firms_clause_keeps_the_firm() -> None:
    assert subjects(BANKS, "东海银行存款增长4%，同业存单余额达300亿元。") == [["东海银行", "东海银行"]]
