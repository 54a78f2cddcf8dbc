"""Numbers and units as each language's readers write them (fintech_tui.render.numbers)."""

from __future__ import annotations

import errno

import pytest

from fintech_tui.i18n import MESSAGES, os_error_words
from fintech_tui.render.numbers import format_amount, format_number, split_unit, unit_word

MAGNITUDES = [
    (0, "0", "0"),
    (7, "7", "7"),
    (278, "278", "278"),
    (5000, "5,000", "5000"),
    (9999, "9,999", "9999"),
    (10000, "10,000", "1万"),
    (12345, "12,345", "1.2345万"),
    (300000, "300,000", "30万"),
    (6000000, "6,000,000", "600万"),
    (10000000, "10,000,000", "1000万"),
    (30280000, "30,280,000", "3028万"),
    (50000000, "50,000,000", "5000万"),
    (100000000, "100,000,000", "1亿"),
    (113000000, "113,000,000", "1.13亿"),
    (123456789, "123,456,789", "12345.6789万"),  # exact: never rounded to 1.23亿
    (1200000000000, "1,200,000,000,000", "1.2万亿"),
    (10**16, "10,000,000,000,000,000", "10000万亿"),
    (0.01, "0.01", "0.01"),
    (2.5, "2.5", "2.5"),
    (12345.5, "12,345.5", "12345.5"),  # 1.23455万 would need five decimals
    (15000.5, "15,000.5", "15000.5"),
    (-30000, "-30,000", "-3万"),
    (-0.5, "-0.5", "-0.5"),
]


@pytest.mark.parametrize(("number", "english", "chinese"), MAGNITUDES)
def test_numbers_read_as_each_language_writes_them(number: float, english: str, chinese: str) -> None:
    assert format_number(number, "en") == english
    assert format_number(number, "zh") == chinese


@pytest.mark.parametrize("number", [n for n, _, _ in MAGNITUDES])
def test_a_chinese_number_means_the_same_value(number: float) -> None:
    """Read back, 3028万 is 30280000: no digit lost to a scale."""
    written = format_number(number, "zh")
    for word, scale in (("万亿", 10**12), ("亿", 10**8), ("万", 10**4)):
        if written.endswith(word):
            assert float(written[: -len(word)]) * scale == pytest.approx(number)
            break
    else:
        assert float(written) == number


@pytest.mark.parametrize(
    ("number", "unit", "english", "chinese"),
    [
        (10000000, "users", "10,000,000 users", "1000万用户"),
        (30280000, "devices", "30,280,000 devices", "3028万台"),
        (0.01, "yuan", "0.01 yuan", "0.01元"),
        (300000, "yuan", "300,000 yuan", "30万元"),
        (278, "views", "278 views", "278次浏览"),
        (50000000, "users (more than)", "50,000,000 users (more than)", "超过5000万用户"),
        (2, "rank (among Alibaba's apps)", "2 rank (among Alibaba's apps)", "第2名"),
        (3, "percentage points", "3 percentage points", "3个百分点"),
        (7, "widgets", "7 widgets", "7widgets"),  # a unit the table does not know: as written
        (5, "", "5", "5"),
    ],
)
def test_amounts_carry_their_unit_in_the_language(number: float, unit: str, english: str, chinese: str) -> None:
    assert format_amount(number, unit, "en") == english
    assert format_amount(number, unit, "zh") == chinese


def test_every_unit_the_drafting_writes_has_a_chinese_word() -> None:
    from fintech_tui.draft.figures import CANONICAL

    for unit in set(CANONICAL.values()) - {""}:
        assert unit_word(unit, "zh") != unit or unit in ("%", "‰"), unit
    assert split_unit("rank (third-party payment market)") == ("rank", "third-party payment market")


@pytest.mark.parametrize("code", [errno.EACCES, errno.ENOSPC, errno.EROFS, errno.ENOTDIR, 9999])
def test_a_write_error_is_worded_in_the_label_language(code: int) -> None:
    error = OSError(code, "English words from the system")
    chinese = os_error_words(error, "zh")
    assert not any("a" <= char.lower() <= "z" for char in chinese), chinese
    assert os_error_words(error, "en") != chinese
    assert f"oserror.{errno.errorcode.get(code, 'other')}" in MESSAGES or str(code) in chinese


def test_chinese_lists_and_names_of_the_pack_read_as_chinese() -> None:
    """Lists use 、 and ：, the side-by-side title says 原文 once, and the pack is never
    数据包 (数据 is the figures view's name)."""
    from fintech_tui.i18n import join_list, phrase

    assert join_list(["支付宝", "财付通", "京东"], "zh") == "支付宝、财付通、京东"
    assert join_list(["Alipay", "Tenpay"], "en") == "Alipay, Tenpay"
    assert phrase("list.colon", "zh") == "："
    assert phrase("source.title.side", "zh").count("原文") == 1
    assert not [key for key, (_, zh) in MESSAGES.items() if "数据包" in zh]


def test_a_chinese_gap_report_lists_peers_with_the_chinese_comma(bundled_pack: object) -> None:
    from fintech_tui.queries.index import PackIndex
    from fintech_tui.render.gaps import Finding, gap_report

    report = gap_report(PackIndex(bundled_pack), "zh")  # type: ignore[arg-type]
    peers = [gap.message for gap in report.groups.get(Finding.ONE_COMPANY_STRATEGY, [])]
    assert peers and all(", " not in message for message in peers), peers
    assert any("、" in message for message in peers), peers
