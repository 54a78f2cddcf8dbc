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
