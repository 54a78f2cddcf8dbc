"""English patterns the articles seen for the first time in the third round misread, one class each:
counts that lose their noun behind describing words or names, a written minus sign, a paragraph's or
a heading's own number, ids and street numbers, a promotion's 0%, a month and year cut to a day, and
the present as a period. Each sentence is written for the rule it tests.
"""

from __future__ import annotations

import pytest

from fintech_tui.draft.figures_en import find_figures
from fintech_tui.draft.found import Found


def figures(text: str) -> dict[str, Found]:
    return {found.as_written: found for found in find_figures(text)}


@pytest.mark.parametrize(
    ("text", "as_written", "value", "unit"),
    [
        (
            "The scheme pays out to some 250,000 part-qualified savers.",
            "250,000 part-qualified savers",
            250000,
            "savers",
        ),
        ("It reached 60,000 small-business accounts.", "60,000 small-business accounts", 60000, "accounts"),
        ("The fund has 90 regional lenders on its panel.", "90 regional lenders", 90, "lenders"),
        ("The lender now serves 3 million Canadians.", "3 million Canadians", 3000000, "people"),
        ("The terminal runs in 1,500 Harbour Books shops.", "1,500 Harbour Books shops", 1500, "shops"),
        ("It has about 4 million U.K. members.", "4 million U.K. members", 4000000, "members"),
    ],
)
def test_a_count_keeps_its_noun_behind_describing_words_and_names(
    text: str, as_written: str, value: int, unit: str
) -> None:
    found = figures(text)[as_written]
    assert (found.value, found.unit) == (value, unit)


def test_a_bare_count_takes_the_noun_of_its_whole_or_of_its_metric() -> None:
    found = figures("So far it has moved 300,000 of its 2 million savers to the new app.")
    assert (found["300,000"].unit, found["2 million savers"].unit) == ("savers", "savers")
    assert figures("Its member base grew to 81,000 last year.")["81,000"].unit == "members"


def test_a_written_minus_is_kept_and_a_range_dash_is_not_a_sign() -> None:
    found = figures("Operating profit swung to −€3.1 million, after -0.4% a year before, on 2-3% growth.")
    assert found["−€3.1 million"].value == -3100000
    assert found["-0.4%"].value == -0.4
    assert found["2-3%"].value == 2


@pytest.mark.parametrize(
    "text",
    [
        "2.4. The bank did not review the alerts it raised.",
        "02 — Where the deposits went",
        "Customer Reference Number: 770341",
        "Issue 48 · Edited by Jo Park",
        "Write to us at 40 Harbour Street, Leeds.",
        "It sells phones on 0% APR plans and 0% interest deals.",
    ],
)
def test_numbers_that_label_locate_or_name_are_no_figures(text: str) -> None:
    assert find_figures(text) == []


def test_a_section_number_does_not_hide_the_figures_after_it() -> None:
    found = figures("3.1. The firm was fined £2.2 million.")
    assert list(found) == ["£2.2 million"]


def test_a_month_and_year_is_never_cut_to_a_day() -> None:
    found = figures("It expects revenue of $4 billion in the year to June 2027.")
    assert found["$4 billion"].period.endswith("June 2027")
    assert figures("The board heard in May 2024 that 12 more staff were needed.")["12 more staff"].period == "May 2024"


def test_the_present_a_clause_states_is_its_period() -> None:
    assert figures("The app now has 700,000 users.")["700,000 users"].period == "now"
    assert figures("It currently holds 5% of the market.")["5%"].period == "currently"
    assert figures("In 2023 the bank had 40 branches.")["40 branches"].period == "2023"


def test_a_markdown_table_reads_figures_by_row_label_and_column_heading() -> None:
    table = (
        "| Item | FY2025 | FY2024 | Change ||---|---|---|---|| Card revenue | $9.5 million | $8 million | +19% |"
        "| Paying members | 41,000 | 35,500 | +15% |"
    )
    found = {f.as_written: f for f in find_figures(table)}
    assert (found["$9.5 million"].metric, found["$9.5 million"].period) == ("Card revenue", "FY2025")
    assert (found["35,500"].unit, found["35,500"].period) == ("members", "FY2024")
    assert found["19%"].period == ""  # the change column states no period
    row = {f.as_written: f for f in find_figures("| Open accounts | 2,300 | 1,900 |")}
    assert (row["2,300"].unit, row["2,300"].metric) == ("accounts", "Open accounts")


@pytest.mark.parametrize(
    ("text", "as_written", "hedge"),
    [
        ("We believe margins can stay above 4% next year.", "4%", "opinion"),
        ("I expect arrears to climb in the spring, to roughly 2.5% of loans.", "2.5%", "prediction"),
        ("About 900 more branches may close.", "900 more branches", "possibility"),
        ("Roughly 3 million savers will switch.", "3 million savers", "prediction"),
        ("Management guided to revenue of $2 billion.", "$2 billion", "prediction"),
        ("Sales rose about 5% and margins will widen.", "5%", "estimate"),
    ],
)
def test_the_stance_of_the_sentence_wins_over_a_rounding_word(text: str, as_written: str, hedge: str) -> None:
    assert figures(text)[as_written].hedge == hedge


def test_a_level_a_figure_is_compared_with_is_no_period() -> None:
    found = figures("Card spending hit $80 billion in 2025, roughly triple its 2021 level.")
    assert found["triple"].period == "2025"
    assert figures("Fees rose to 3% last year, above their 2019 peak.")["3%"].period == "last year"


# ---------------------------------------------------------------- names

from fintech_tui.draft.found import Name  # noqa: E402
from fintech_tui.draft.names_en import find_names  # noqa: E402


def names(*texts: str) -> dict[str, Name]:
    return {name.name: name for name in find_names([(f"p{i}", t) for i, t in enumerate(texts, 1)])}


def test_a_job_title_before_a_person_is_not_part_of_the_name() -> None:
    found = names("Chief Operating Officer Dana Whitfield said costs would fall.")
    assert "Dana Whitfield" in found and found["Dana Whitfield"].kind == "person"
    assert not [n for n in found if "Officer" in n or "Operating" in n]


def test_a_legal_form_with_its_stop_and_without_is_one_name() -> None:
    found = names("Harbourline Payments: a quiet quarter", "Harbourline Payments Ltd., the processor, grew.")
    assert list(found) == ["Harbourline Payments Ltd."]
    assert found["Harbourline Payments Ltd."].aliases == ["Harbourline Payments"]


def test_a_bracketed_alias_after_a_name_found_by_its_capitals() -> None:
    found = names('The Banco de la Plata (Plata) said the Prudential Oversight Board (the "Board") agreed.')
    assert found["Banco de la Plata"].aliases == ["Plata"]
    assert found["Prudential Oversight Board"].aliases == ["Board"]


def test_a_term_a_notice_defines_is_no_name() -> None:
    found = names('From 1 May 2023 to 1 May 2024 (the "Review Window"), it failed. During the Review Window it grew.')
    assert "Review Window" not in found


def test_a_foreign_public_body_runs_on_through_its_small_words() -> None:
    found = names("The Superintendencia de Banca y Seguros approved it, as did the Banco de Portugal.")
    assert found["Superintendencia de Banca y Seguros"].kind == "organisation"
    assert "Banco de Portugal" in found
    assert not {"Seguros", "Portugal"} & set(found)


def test_a_firm_named_for_its_founders_is_one_name_but_a_list_is_not() -> None:
    found = names("The adviser was Hollis, Marten & Crane, and the banks were Visa, Mastercard & Amex.")
    assert "Hollis, Marten & Crane" in found
    assert "Visa, Mastercard & Amex" not in found


def test_a_legal_suffix_after_a_bank_keeps_it_a_bank() -> None:
    found = names("Nordhavn Bank AB, the Swedish lender, grew.")
    assert found["Nordhavn Bank AB"].kind == "bank"


def test_a_sentence_first_word_that_acts_like_a_firm_is_a_name() -> None:
    found = names("Quorvia raises $40 million. Brackwater, which runs the accounts, agreed. Analysts said so.")
    assert {"Quorvia", "Brackwater"} <= set(found)
    assert "Analysts" not in found


def test_places_addresses_and_capitals_are_no_names() -> None:
    found = names(
        "Larch Bank, a lender based in Dunmore, Ohio, grew.",
        "3. FINDINGS OF FACT",
        "Write to 40 Lantern Square, London EC2A 4BX.",
        "About 3 million Canadians hold one.",
    )
    assert list(found) == ["Larch Bank"]


def test_a_page_line_in_markdown_emphasis_names_its_outlet_and_author() -> None:
    found = names("*Ledger Weekly · Compiled by Ines Moreau · 3 June 2025*", "Ledger Weekly readers wrote in.")
    assert found["Ledger Weekly"].kind == "organisation"
    assert found["Ines Moreau"].kind == "person"


def test_table_cells_open_like_sentences() -> None:
    found = names("| Metric | 2025 | Change || Net revenue | $4 million | +3% || Active users | 9,000 | +2% |")
    assert found == {}


# ---------------------------------------------------------------- meta and outline

from typing import Any  # noqa: E402

from fintech_tui.draft import draft_sections  # noqa: E402
from fintech_tui.draft.reading import text_blocks  # noqa: E402


def drafted(text: str) -> dict[str, Any]:
    return draft_sections(text_blocks(text), "article.txt")


def titles(sections: dict[str, Any]) -> list[str]:
    return [node["title"]["en"] for node in sections["outline.yaml"]["outline"] if node["kind"] == "section"]


def test_a_notice_s_fields_are_page_information_and_give_its_date() -> None:
    sections = drafted("FINAL NOTICE\nTo: Harrow Credit Limited\nDate: 3 July 2025\n1. ACTION\nThe firm is fined.\n")
    assert sections["meta.yaml"]["meta"]["date"] == "2025-07-03"
    assert titles(sections) == ["ACTION"]


def test_a_release_s_dateline_with_a_wire_credit_gives_its_date() -> None:
    text = "Harrow opens in Lima\nLIMA, Peru, Feb. 4, 2026 /BusinessWire/ -- Harrow Credit said today it opened.\n"
    assert drafted(text)["meta.yaml"]["meta"]["date"] == "2026-02-04"


def test_a_release_s_about_section_is_a_heading_and_its_contact_line_is_not() -> None:
    text = (
        "Harrow opens in Lima\nHarrow Credit said today it opened an office in Lima, its first abroad.\n"
        "About Harrow Credit Ltd.\nHarrow lends to small firms.\nPress contact: Ola Berg, Harrow Credit\n"
    )
    assert titles(drafted(text)) == ["About Harrow Credit Ltd."]


def test_a_compiled_by_line_names_the_author() -> None:
    text = "The Week in Cards\nIssue 9 · Compiled by Ada Brook · 2 March 2026\nA busy week for card issuers.\n"
    assert drafted(text)["meta.yaml"]["meta"]["author"] == "Ada Brook"


def test_a_code_before_a_company_suffix_is_a_firm_s_name() -> None:
    assert "Q4 Holdings" in names("The bank's app was built with Q4 Holdings, a software vendor.")


def test_a_count_of_years_earlier_is_a_period_not_a_figure() -> None:
    found = figures("Loans were 40% of assets, against 35% three years earlier.")
    assert list(found) == ["40%", "35%"]
    assert found["35%"].period == "three years earlier"
