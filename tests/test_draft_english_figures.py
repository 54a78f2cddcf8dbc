"""English figures the first held-out articles misread: cents, number words before percentage
points, spelled ranges of multiples and counts, durations, counts referred to again, numbers inside
a metric's name, and the hedges perhaps / might / guidance / "by one estimate" / a rule's limit.
Each sentence is written for the rule it tests.
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
        ("Earnings were 37 cents a share.", "37 cents", 0.37, "USD"),
        ("The dividend is 8 pence a share.", "8 pence", 0.08, "GBP"),
        ("The margin widened by seven percentage points.", "seven percentage points", 7, "percentage points"),
        ("Lending may be worth three or four times as much.", "three or four times", 3, "times"),
        ("It will publish two or three such reports a year.", "two or three such reports", 2, "reports"),
        ("Checks often took more than a week.", "a week", 1, "weeks"),
        (
            "The app had about 40 million monthly transacting actives.",
            "40 million monthly transacting actives",
            40000000,
            "actives",
        ),
        ("Employers covering 2 million workers use it.", "2 million workers", 2000000, "workers"),
    ],
)
def test_value_and_unit(text: str, as_written: str, value: object, unit: str) -> None:
    found = figures(text)[as_written]
    assert (found.value, found.unit) == (value, unit)


def test_how_long_something_went_on_is_a_figure_in_its_unit_of_time() -> None:
    found = figures("The bank held a charter for three years, and growth slowed for two quarters in a row.")
    assert {k: (f.value, f.unit) for k, f in found.items()} == {
        "three years": (3, "years"),
        "two quarters": (2, "quarters"),
    }


@pytest.mark.parametrize(
    ("text", "as_written", "value", "unit"),
    [
        ("Claims were settled within five business days.", "five business days", 5, "days"),
        ("A worker waits one to three business days for the money.", "one to three business days", 1, "days"),
        ("It costs $109 a year after a 34-day free trial.", "34-day", 34, "days"),
        ("It signed a three-year forward-flow agreement.", "three-year", 3, "years"),
        ("The regulator pushed the compliance date back by a year.", "a year", 1, "years"),
        ("She expects the programme to pay for itself within 18 months.", "18 months", 18, "months"),
    ],
)
def test_a_term_or_a_deadline_is_a_figure(text: str, as_written: str, value: object, unit: str) -> None:
    found = figures(text)[as_written]
    assert (found.value, found.unit, found.period) == (value, unit, "")


def test_a_period_stays_a_period_and_a_deadline_dates_the_figures_beside_it() -> None:
    assert figures("Revenue rose 5% in the 12 months to June.")["5%"].period == "the 12 months to June"
    assert figures("About a third of the money left within six months.")["a third"].period == "within six months"
    assert set(figures("It costs $109 a year, 30-year mortgages aside.")) == {"$109"}


def test_years_ago_opening_a_sentence_is_a_period() -> None:
    assert figures("Six years ago, a shop owner went to a bank.") == {}


def test_a_count_referred_to_again_is_no_figure_but_lends_its_noun() -> None:
    found = figures("Of the 12,000 accounts, about 8,000 were fake.")
    assert "12,000 accounts" not in found
    assert found["8,000"].unit == "accounts"


def test_a_bare_total_takes_the_noun_of_the_count_just_before_it() -> None:
    found = figures("It added 700,000 new members in the quarter, bringing the total to 9.1 million.")
    assert found["9.1 million"].unit == "members"


def test_a_number_inside_a_metric_name_is_no_figure() -> None:
    found = figures("Loans 60 days or more past due rose to 3.1%.")
    assert "60 days" not in found
    assert "3.1%" in found


@pytest.mark.parametrize(
    ("text", "as_written", "hedge"),
    [
        ("Platforms earn perhaps 2 percent on payments.", "2 percent", "possibility"),
        ("Gains might fall by as much as 30 percent next year.", "30 percent", "possibility"),
        ("That is up from earlier guidance of $1.2 billion.", "$1.2 billion", "prediction"),
        ("It expected fees and compensation of $2 billion.", "$2 billion", "prediction"),
        ("By one estimate, lending can lift revenue by 20 percent.", "20 percent", "estimate"),
        ("Each cut costs something in the order of $40 million.", "$40 million", "estimate"),
        ("Banks cut their programmes by 20 percent or more.", "20 percent", "estimate"),
        ("Growth remains above 30 percent.", "30 percent", "estimate"),
        ("The fine would have been £30 million.", "£30 million", ""),
        ("Firms have to reimburse victims up to £50,000 per claim.", "£50,000", ""),
        ("He said it was likely to publish 12 notices.", "12 notices", "prediction"),
    ],
)
def test_hedges(text: str, as_written: str, hedge: str) -> None:
    assert figures(text)[as_written].hedge == hedge


def test_a_figure_joined_by_and_to_a_forecast_is_one() -> None:
    found = figures("It expects revenue of $3 billion for 2025, and adjusted earnings of 40 cents a share.")
    assert found["40 cents"].hedge == "prediction"


def test_a_count_noun_after_three_describing_words() -> None:
    assert figures("It added about 1.2 million net new checking accounts.")[
        "1.2 million net new checking accounts"
    ].unit == ("accounts")


def test_a_plus_after_a_count_reads_on_to_its_noun_and_means_more_than() -> None:
    found = figures("Plaid connects 12,000+ institutions, and Revolut has 2 million+ users.")
    assert (found["12,000+ institutions"].unit, found["12,000+ institutions"].hedge) == ("institutions", "estimate")
    assert (found["2 million+ users"].value, found["2 million+ users"].hedge) == (2000000, "estimate")
