"""The English finders of `draft`: names with kinds, aliases and parents; figures with units and periods.

Each sentence here is of a kind that misled the first drafts: possessives, sentence-initial
words, months and weekdays, titles, names split or merged across a sentence end, ids and dates
read as figures, scale words and number words lost.
"""

from __future__ import annotations

import pytest

from fintech_tui.draft.figures_en import find_figures, find_periods
from fintech_tui.draft.found import Found, Name
from fintech_tui.draft.names_en import find_names


def names(*texts: str) -> dict[str, Name]:
    return {name.name: name for name in find_names([(f"p{i}", t) for i, t in enumerate(texts, 1)])}


def figures(text: str) -> dict[str, Found]:
    return {found.as_written: found for found in find_figures(text)}


# Names


def test_a_possessive_is_the_name_it_belongs_to() -> None:
    found = names("Ant Group's payment app dominates, and China's regulators took note of Ant Group.")
    assert "Ant Group" in found
    assert not any("'s" in name for name in found)
    assert "China" not in found


def test_sentence_initial_words_are_not_names_nor_glued_on() -> None:
    found = names("But Ant Group grew. Overall, the market slowed. The Federal Reserve held rates.")
    assert set(found) == {"Ant Group", "Federal Reserve"}


def test_months_weekdays_and_titles_are_left_out() -> None:
    found = names("On Tuesday the CEO of Acme Lending Inc said March sales rose, Chairman Li Wei added in June.")
    assert "Acme Lending Inc" in found
    assert not set(found) & {"Tuesday", "CEO", "March", "June", "Chairman", "On Tuesday"}


def test_connectors_keep_one_name_whole() -> None:
    found = names("Deposits moved from Bank of America to the Northwind Bank of Commerce and the Securities Exchange.")
    assert "Bank of America" in found
    assert "Northwind Bank of Commerce" in found
    assert found["Northwind Bank of Commerce"].kind == "bank"


def test_and_between_two_names_does_not_merge_them() -> None:
    found = names("Customers of Wells Fargo and Goldman Sachs complained.")
    assert {"Wells Fargo", "Goldman Sachs"} <= set(found)
    assert not any(" and " in name for name in found)


def test_a_sentence_end_splits_names() -> None:
    found = names("Deposits fled to Wells Fargo. What's more, Zephyr Capital grew.")
    assert "Wells Fargo" in found and "Zephyr Capital" in found
    assert not any("What" in name for name in found)


def test_a_bracket_after_a_name_is_its_alias() -> None:
    found = names("The Northwind Savings Authority (NSA) fined lenders; the NSA said more would follow.")
    assert found["Northwind Savings Authority"].aliases == ["NSA"]
    assert found["Northwind Savings Authority"].kind == "organisation"
    assert "NSA" not in found


def test_a_short_form_the_text_uses_is_an_alias() -> None:
    found = names("Zephyr Financial said it would expand. Zephyr now serves students.")
    assert found["Zephyr Financial"].aliases == ["Zephyr"]
    assert found["Zephyr Financial"].kind == "company"


def test_a_dictionary_name_takes_the_fullest_form_the_text_uses() -> None:
    found = names("Chime Financial filed to list. Chime has grown fast.")
    assert "Chime Financial" in found
    assert found["Chime Financial"].aliases == ["Chime"]


def test_parents_from_unit_of_owned_by_and_possessive() -> None:
    found = names(
        "Zephyr Pay, a unit of Northwind Group, grew.",
        "Quill Lending is owned by Harbor Capital.",
        "Harbor Capital's Quill Card launched.",
    )
    assert found["Zephyr Pay"].parent == "Northwind Group"
    assert found["Zephyr Pay"].kind == "product"
    assert found["Quill Lending"].parent == "Harbor Capital"
    assert found["Quill Card"].parent == "Harbor Capital"
    assert found["Northwind Group"].kind == "group"


def test_a_person_said_is_a_person_and_not_the_parent_of_anything() -> None:
    found = names('"Growth is slowing," said Dana Whitlock, chief executive of Zephyr Capital. Whitlock\'s team grew.')
    assert found["Dana Whitlock"].kind == "person"
    assert found["Dana Whitlock"].aliases == ["Whitlock"]
    assert found["Zephyr Capital"].parent == ""


def test_a_quoted_name_is_a_candidate() -> None:
    found = names("The bank's new app, called “Pocket Ledger”, has a waiting list.")
    assert found["Pocket Ledger"].kind == "product"


def test_a_title_case_headline_adds_no_names_of_its_own() -> None:
    found = names("Why Young Savers Love The Neobank Boom", "Zephyr Financial has grown fast.")
    assert set(found) == {"Zephyr Financial"}


def test_well_known_names_have_their_kinds() -> None:
    found = names("Customers of Bank of America use Cash App, Apple Pay and Alipay.")
    assert found["Bank of America"].kind == "bank"
    assert found["Cash App"].kind == "app"
    assert found["Apple Pay"].kind == "product"


def test_names_come_in_order_of_first_appearance() -> None:
    order = [n.name for n in find_names([("p1", "Zephyr Capital and Klarna met."), ("p2", "Visa joined Klarna.")])]
    assert order == ["Zephyr Capital", "Klarna", "Visa"]


# Figures


@pytest.mark.parametrize(
    ("text", "as_written", "value", "unit"),
    [
        ("It raised $34 billion last year.", "$34 billion", 34_000_000_000, "USD"),
        ("The app has 700 million users.", "700 million users", 700_000_000, "users"),
        ("Margins fell 9.6 percent.", "9.6 percent", 9.6, "%"),
        ("Margins fell 2.5 per cent.", "2.5 per cent", 2.5, "%"),
        ("Fees were US$5m.", "US$5m", 5_000_000, "USD"),
        ("It lent HK$3.2bn.", "HK$3.2bn", 3_200_000_000, "HKD"),
        ("It lent RMB 800 million.", "RMB 800 million", 800_000_000, "yuan"),
        ("It lent 50 billion yuan.", "50 billion yuan", 50_000_000_000, "yuan"),
        ("It lost €40 million.", "€40 million", 40_000_000, "EUR"),
        ("Rates rose by 25 basis points.", "25 basis points", 25, "basis points"),
        ("Share rose 0.5 percentage points.", "0.5 percentage points", 0.5, "percentage points"),
        ("It has 38 million active members.", "38 million active members", 38_000_000, "members"),
        ("A quarter of adults use one.", "A quarter", 25, "%"),
        ("Two-thirds of customers agreed.", "Two-thirds", pytest.approx(66.666667), "%"),
        ("Six in 10 borrowers paid late.", "Six in 10", 60, "%"),
        ("One in five users left.", "One in five", 20, "%"),
        ("It grew threefold.", "threefold", 3, "times"),
        ("It hired 4,700 employees.", "4,700 employees", 4700, "employees"),
    ],
)
def test_figure_value_and_unit(text: str, as_written: str, value: object, unit: str) -> None:
    found = figures(text)
    assert as_written in found, list(found)
    assert found[as_written].value == value
    assert found[as_written].unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "In 2020, the firm filed its Form 10-K on March 14, 2025 at 11:51 a.m.",
        "It cited COVID-19 and Section 230 in its 3rd report on the iPhone 15.",
        "1. Service runs 24/7 on 5G networks.",
        "On Tuesday, June 30, the board met at 9 a.m.",
    ],
)
def test_dates_times_ids_and_list_numbers_are_not_figures(text: str) -> None:
    assert find_figures(text) == []


def test_the_year_2020_is_a_period_never_a_figure() -> None:
    text = "Revenue was $5 billion in 2020."
    assert [f.as_written for f in find_figures(text)] == ["$5 billion"]
    assert find_figures(text)[0].period == "2020"
    assert (text.index("2020"), text.index("2020") + 4) in find_periods(text)


def test_a_range_is_one_figure() -> None:
    assert [f.as_written for f in find_figures("Between 25 to 40 lenders applied.")] == ["25 to 40 lenders"]
    assert [f.as_written for f in find_figures("Losses were between 3% and 5%.")] == ["3% and 5%"]


def test_a_change_from_one_figure_to_another_is_two() -> None:
    assert len(find_figures("The rate rose from 2% to 3% in 2024.")) == 2


def test_hedges() -> None:
    found = figures("About 40% paid, nearly half saved, more than 1 billion users joined and it will reach $2 billion.")
    assert found["40%"].hedge == "estimate"
    assert found["half"].hedge == "estimate"
    assert found["1 billion users"].hedge == "estimate"
    assert found["$2 billion"].hedge == "prediction"
    assert figures("Revenue was $2 billion.")["$2 billion"].hedge == ""


def test_period_is_never_the_comparison_base() -> None:
    found = figures("Revenue rose 24% to $1.2 billion in 2023 from a year earlier.")
    assert found["24%"].period == "2023"
    assert found["$1.2 billion"].period == "2023"
    base = figures("The rate reached 8% in 2023, up from 5% in 2021.")
    assert base["8%"].period == "2023"
    assert base["5%"].period == "2021"
    assert figures("Sales rose 10% compared with 2022.")["10%"].period == ""


def test_periods_as_written() -> None:
    text = "In the third quarter, Q2 2024 and the first half, as of June 30, and last year too."
    spans = [text[s:e] for s, e in find_periods(text)]
    assert spans == ["the third quarter", "Q2 2024", "the first half", "June 30", "last year"]


def test_metric_is_short() -> None:
    assert figures("Revenue rose 12% last year.")["12%"].metric == "Revenue"
    assert figures("It posted a net loss of $12 million.")["$12 million"].metric == "net loss"
    assert figures("It holds $2 trillion in deposits.")["$2 trillion"].metric == "deposits"
    assert figures("It has 38 million active members.")["38 million active members"].metric == "active members"


def test_vague_words_are_not_figures() -> None:
    assert find_figures("Dozens of lenders and hundreds of startups joined; several banks left.") == []


def test_a_dateline_and_a_byline() -> None:
    found = names("By Priya Raman, March 2025", "NEW YORK (Reuters) — Evolve Bank & Trust was fined.")
    assert found["Priya Raman"].kind == "person"
    assert found["Evolve Bank & Trust"].kind == "bank"
    assert "NEW YORK" not in found


def test_an_alias_is_only_a_form_the_text_uses() -> None:
    found = names("The CFPB proposed a rule.")
    assert found["CFPB"].aliases == []


def test_a_suffix_alone_is_not_a_name() -> None:
    assert "Service" not in names("She works at the Postal Service desk of Zephyr Capital; Service was slow.")


def test_a_figure_chained_by_to_shares_the_period_and_the_metric() -> None:
    found = figures("Its active members rose 23% to 8.6 million in the fourth quarter.")
    assert found["23%"].period == "the fourth quarter"
    assert found["8.6 million"].unit == "members"
    assert found["8.6 million"].metric == "active members"


def test_the_day_of_the_news_yields_to_the_period_of_the_figure() -> None:
    found = figures("Zephyr said on Monday that revenue rose 9%, and it expects 12% growth in 2026.")
    assert found["12%"].period == "2026"
    assert found["12%"].hedge == "prediction"
    assert found["9%"].period == "Monday"  # nothing better in its sentence


def test_a_share_measures_what_it_is_a_share_of() -> None:
    assert (
        figures("It said three-quarters of its new accounts open on mobile.")["three-quarters"].metric == "new accounts"
    )
    assert figures("Regulators found one in three users missed a payment.")["one in three"].metric == "users"


def test_a_forecast_reaches_over_that_and_to() -> None:
    assert figures("Analysts estimate that 40% of loans are late.")["40%"].hedge == "estimate"
    found = figures("The market could be worth $560 billion by 2027.")["$560 billion"]
    assert (found.hedge, found.metric, found.period) == ("prediction", "market", "2027")
    assert figures("Zephyr could lose $5 million.")["$5 million"].hedge == "possibility"
    assert figures("Zephyr expects loan volume to grow 20% this year.")["20%"].metric == "loan volume"


@pytest.mark.parametrize(
    ("text", "as_written", "value", "unit"),
    [
        ("Fees fell 3-5% last year.", "3-5%", 3, "%"),
        ("It may lend $3-5 billion.", "$3-5 billion", 3_000_000_000, "USD"),
        ("Users aged 18 to 34 joined.", "18 to 34", 18, "years old"),
        ("Loans grew 1.5 times faster than deposits.", "1.5 times", 1.5, "times"),
        ("It serves 5.5m customers.", "5.5m customers", 5_500_000, "customers"),
    ],
)
def test_ranges_ages_multiples_and_short_scales(text: str, as_written: str, value: object, unit: str) -> None:
    found = figures(text)
    assert as_written in found, list(found)
    assert (found[as_written].value, found[as_written].unit) == (value, unit)


def test_a_one_letter_scale_needs_money_or_a_count() -> None:
    assert find_figures("The runner ran 5m.") == []


def test_a_rolling_period_is_one_period() -> None:
    text = "Some 13.5 million people used it in the 12 months to June."
    assert [text[s:e] for s, e in find_periods(text)] == ["the 12 months to June"]
    assert [f.as_written for f in find_figures(text)] == ["13.5 million people"]


def test_a_known_name_keeps_its_legal_tail() -> None:
    found = names("Chime Financial Inc said it grew; Chime did not comment.")
    assert "Chime Financial Inc" in found
    assert "Inc" not in found
    assert found["Chime Financial Inc"].aliases == ["Chime"]


def test_a_dateline_and_a_page_information_line_name_the_outlet_and_author_only() -> None:
    found = names("LONDON, Oct 8 (Fintech Wire) - Zephyr Capital raised funds.")
    assert set(found) == {"Fintech Wire", "Zephyr Capital"}
    assert found["Fintech Wire"].kind == "organisation"
    found = names("Lending Ledger · By Maya Chen · March 3, 2025, 8:30 AM ET", "Zephyr Capital raised funds.")
    assert set(found) == {"Lending Ledger", "Maya Chen", "Zephyr Capital"}
    assert (found["Lending Ledger"].kind, found["Maya Chen"].kind) == ("organisation", "person")


def test_a_product_named_after_a_known_name_is_its_own_name() -> None:
    found = names("Shoppers can use the Cash App Card, and Apple shut down Apple Pay Later; Cash App grew.")
    assert found["Cash App Card"].kind == "product"
    assert found["Apple Pay Later"].kind == "product"
    assert found["Cash App"].kind == "app"


def test_places_and_nationalities_are_not_names() -> None:
    found = names("In the United States and Hong Kong, Swedish lenders and Zephyr Capital grew.")
    assert set(found) == {"Zephyr Capital"}


def test_an_appositive_gives_the_kind_and_a_controller_the_parent() -> None:
    found = names(
        "Quillpay, an earned-wage access product, is popular.",
        "Lumo, the Brazilian digital bank controlled by Harbor Holdings, grew.",
        "Dana Whitlock, a fintech analyst at Zephyr Research, agreed.",
    )
    assert found["Quillpay"].kind == "product"
    assert found["Lumo"].kind == "bank"
    assert found["Lumo"].parent == "Harbor Holdings"
    assert found["Dana Whitlock"].kind == "person"


def test_a_wire_source_is_not_a_figure_and_a_bare_count_takes_the_unit_before() -> None:
    assert find_figures("The plan was reported by three people familiar with the matter.") == []
    found = figures("It had 8.6 million active members, up from 7.9 million a year earlier.")
    assert (found["7.9 million"].unit, found["7.9 million"].period) == ("members", "a year earlier")


def test_a_spelled_range_of_money_is_one_figure_but_a_change_is_two() -> None:
    assert [f.as_written for f in find_figures("It may seek roughly $12 billion to $15 billion.")] == [
        "$12 billion to $15 billion"
    ]
    assert len(find_figures("Revenue rose from $12 billion to $15 billion.")) == 2


def test_list_counts_ages_durations_and_name_numbers() -> None:
    assert find_figures("5 things to know about lending") == []
    assert find_figures("Three big questions for lenders") == []
    assert find_figures("PayPal's Pay in 4 product grew.") == []
    found = figures("Half of users were under 35 years old; it can be paid over six weeks.")
    assert (found["35 years old"].unit, found["35 years old"].hedge) == ("years old", "")
    assert (found["six weeks"].value, found["six weeks"].unit, found["six weeks"].hedge) == (6, "weeks", "")
    assert [f.as_written for f in find_figures("It splits a bill into three to six payments.")] == [
        "three to six payments"
    ]


def test_double_with_a_modal_is_a_multiple_and_the_period_a_horizon() -> None:
    found = figures("Analysts estimate that loss rates could roughly double within two quarters.")
    assert (found["double"].value, found["double"].unit, found["double"].hedge) == (2, "times", "possibility")
    assert found["double"].period == "within two quarters"
    assert find_figures("It offers a double bed.") == []


def test_hedges_rank_forecasts_over_rounding() -> None:
    found = figures("Bankers expect the listing to value it at about $15 billion, roughly a third of that peak.")
    assert found["$15 billion"].hedge == "prediction"
    assert found["a third"].hedge == "prediction"
    assert figures("It could seek roughly $12 billion.")["$12 billion"].hedge == "possibility"
    assert figures("It will grow if members keep growing at about 9% a year.")["9%"].hedge == "estimate"


def test_periods_since_ago_and_other_subjects() -> None:
    assert figures("Since then the company has cut about 12% of its staff.")["12%"].period == "Since then"
    assert figures("It cut its staff by nearly half since 2022.")["half"].period == "2022"
    assert figures("It rose to 25%, up from about 18% three years ago.")["18%"].period == "three years ago"
    found = figures("Losses were 0.5% of volume last year, while Affirm put the late share at 2.6%.")
    assert (found["0.5%"].period, found["2.6%"].period) == ("last year", "")
    found = figures("Shares rose in 2021, and it now serves 100 million customers.")
    assert found["100 million customers"].period == "now"  # the present the clause states, never 2021


def test_a_count_used_to_refer_is_not_a_figure() -> None:
    assert find_figures("The two banks merged, and the three founders left.") == []
    assert [f.as_written for f in find_figures("It opened three branches.")] == ["three branches"]


def test_a_base_of_two_periods_is_left_whole() -> None:
    found = figures(
        "Revenue was $412 million for the third quarter of 2024, up 18 per cent from the same period a year earlier."
    )
    assert found["18 per cent"].period == "the third quarter of 2024"


def test_in_the_quarter_and_fourth_quarter_revenue_are_periods() -> None:
    assert (
        figures("Funding costs fell by about 45 basis points in the quarter.")["45 basis points"].period
        == "the quarter"
    )
    text = "It expects fourth-quarter revenue of between $180 million and $190 million."
    assert [text[s:e] for s, e in find_periods(text)] == ["fourth-quarter"]
    found = figures(text)["$180 million and $190 million"]
    assert (found.value, found.hedge, found.period) == (180_000_000, "prediction", "fourth-quarter")


def test_a_base_figure_does_not_inherit_the_forecast() -> None:
    found = figures("Balances will reach $300 billion by 2026, up from $245 billion today.")
    assert found["$300 billion"].hedge == "prediction"
    assert found["$245 billion"].hedge == ""
    assert found["$245 billion"].metric == found["$300 billion"].metric == "Balances"


def test_a_figure_after_to_shares_the_metric_before_it() -> None:
    found = figures("The delinquency rate slipped 0.3 percentage points to 4.1%.")
    assert found["4.1%"].metric == "delinquency rate"


@pytest.mark.parametrize(
    ("text", "as_written", "value", "unit"),
    [
        ("Every quarter-point cut hurts.", "quarter-point", 0.25, "percentage points"),
        ("It loses roughly a twelfth of it.", "a twelfth", pytest.approx(8.333333), "%"),
        ("They log two and a half times as many sessions.", "two and a half times", 2.5, "times"),
        ("It has won only a few hundred thousand users.", "a few hundred thousand users", None, "users"),
        ("Profit could fall by a quarter before rates rise.", "a quarter", 25, "%"),
    ],
)
def test_fractions_points_multiples_and_vague_counts(text: str, as_written: str, value: object, unit: str) -> None:
    found = figures(text)
    assert as_written in found, list(found)
    assert (found[as_written].value, found[as_written].unit) == (value, unit)


def test_a_vague_count_is_an_estimate_and_a_price_per_year_has_no_period() -> None:
    assert figures("It won a few hundred thousand users.")["a few hundred thousand users"].hedge == "estimate"
    assert figures("It adds up to £200 a year before any fee.")["£200"].period == ""


def test_an_author_without_by_and_a_firm_with_an_ampersand() -> None:
    found = names(
        "Lending Notes · Sam Okafor · 12 June 2025",
        "Photo: Lending Notes",
        "Analysts at Marlowe & Finch, a unit of the Finch Capital Group, agreed. The Metal plan costs more.",
    )
    assert (found["Lending Notes"].kind, found["Sam Okafor"].kind) == ("organisation", "person")
    assert "Notes" not in found
    assert (found["Marlowe & Finch"].kind, found["Marlowe & Finch"].parent) == ("company", "Finch Capital Group")
    assert found["Metal"].kind == "product"


def test_an_owner_that_shares_the_first_word_is_not_a_short_form() -> None:
    found = names("Zephyr Insurance, a unit of Zephyr, prices cover from driving data.")
    assert found["Zephyr Insurance"].parent == "Zephyr"
    assert found["Zephyr Insurance"].aliases == []


def test_a_public_body_with_and_and_a_nationality_stays_whole() -> None:
    found = names("The European Insurance and Occupational Pensions Authority (EIOPA) issued guidance.")
    name = "European Insurance and Occupational Pensions Authority"
    assert (found[name].kind, found[name].aliases) == ("organisation", ["EIOPA"])


def test_a_numbered_heading_and_a_column_byline() -> None:
    found = names("Column by Tomas Varga, 4 February 2025", "1) Distribution is cheaper", "Zephyr Capital grew.")
    assert set(found) == {"Tomas Varga", "Zephyr Capital"}
    assert found["Tomas Varga"].kind == "person"


def test_more_legal_tails_and_what_the_word_after_a_name_says() -> None:
    found = names(
        "Shares of Wise Plc grew, Remitly Global cut fees, and PayPal's Xoom service expanded; the Quill app too."
    )
    assert {"Wise Plc", "Remitly Global"} <= set(found)
    assert "Plc" not in found
    assert (found["Xoom"].kind, found["Xoom"].parent) == ("product", "PayPal")
    assert found["Quill"].kind == "app"


def test_would_is_a_forecast() -> None:
    assert figures("He said rates would fall by about 5 basis points.")["5 basis points"].hedge == "prediction"
