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
        "持牌机构观察\n"
        "多家持牌机构加强风控，消费金融公司的经调整净利润和综合融资成本均有变化，最大回撤也被写入说明。\n"
    )
    found = terms(text)
    assert {"经调整净利润", "综合融资成本", "最大回撤"} <= set(found)
    assert not {"风控", "消费金融", "持牌"} & set(found)


def test_a_term_is_never_an_entity() -> None:
    text = "Lumen quarter\nLumen Inc said its gross margin and its price target were raised. Lumen Inc grew.\n"
    assert {"gross margin", "price target"} <= set(terms(text))
    assert not {"gross margin", "price target"} & names(text)
