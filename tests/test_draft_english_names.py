"""English names the first held-out articles missed: brand + product names, owners in compounds
("X-backed"), what a descriptor before or after a name says it is, a place before a suffix, and
the initials of a term of art. Each sentence is written for the rule it tests.
"""

from __future__ import annotations

from fintech_tui.draft.found import Name
from fintech_tui.draft.names_en import find_names


def names(*texts: str) -> dict[str, Name]:
    return {name.name: name for name in find_names([(f"p{i}", t) for i, t in enumerate(texts, 1)])}


def test_a_word_after_a_known_name_makes_a_name_of_its_own() -> None:
    found = names("Customers of Klarna Prime, the paid tier, spend more, and Monzo Flex is growing too.")
    assert {"Klarna Prime", "Monzo Flex"} <= set(found)
    assert found["Klarna Prime"].kind == "product"
    assert "Prime" not in found and "Flex" not in found


def test_a_known_name_runs_on_to_a_company_suffix_through_common_words() -> None:
    found = names("The exchange is now run as a unit of Coinbase Crypto LLC in Europe.")
    assert "Coinbase Crypto LLC" in found
    assert found["Coinbase Crypto LLC"].kind == "company"


def test_a_title_after_a_known_name_is_no_name() -> None:
    found = names("Source: company filings, Federal Reserve Survey of Consumer Finances.")
    assert "Federal Reserve" in found
    assert not any("Survey" in name for name in found)


def test_an_owner_in_a_backed_compound_is_a_name_but_not_a_parent() -> None:
    found = names("Quillfund, a Monzo-backed wage-advance firm, and Larkpay, the Ostrander-backed lender, grew.")
    assert {"Monzo", "Ostrander", "Quillfund", "Larkpay"} <= set(found)
    assert found["Quillfund"].parent == "" and found["Larkpay"].parent == ""


def test_a_descriptor_before_a_name_gives_its_kind() -> None:
    found = names(
        "Revolut grew. Its lending product, Revolut Credit Line, grew; its trading arm, Tallow Capital, did not."
    )
    assert found["Revolut Credit Line"].kind == "product"
    assert found["Tallow Capital"].kind == "company"


def test_an_appositive_provider_or_body_gives_the_kind() -> None:
    found = names(
        "Rates fell. Paysmith, the wage-advance provider, grew.",
        "Prices rose, said Canada Payments, the trade body.",
    )
    assert found["Paysmith"].kind == "company"
    assert found["Canada Payments"].kind == "organisation"


def test_an_appositive_institution_is_no_person() -> None:
    found = names("The fine follows one against Vellum Money, a small electronic money institution, in May.")
    assert found["Vellum Money"].kind == "company"


def test_a_place_before_one_suffix_word_stays_in_the_name() -> None:
    found = names("Figures from UK Finance and the rules of the Swiss Exchange were cited.")
    assert {"UK Finance", "Swiss Exchange"} <= set(found)


def test_initials_of_a_lower_case_term_are_not_a_name() -> None:
    found = names("Losses from authorised push payment (APP) scams rose, and Monzo said APP cases doubled.")
    assert "APP" not in found
    assert "Monzo" in found


def test_a_section_label_in_the_page_information_is_no_outlet() -> None:
    found = names("Fintech Monthly · Opinion · Jane Abbott · 3 March 2025", "Lending slowed.")
    assert "Opinion" not in found
    assert "Fintech Monthly" in found


def test_a_name_called_a_system_is_a_product_and_one_followed_by_app_is_an_app() -> None:
    found = names("Merchants use the Bramble point-of-sale system. Fraud hit users of its Swift Pay app.")
    assert found["Bramble"].kind == "product"
    assert found["Swift Pay"].kind == "app"


# Parents


def test_a_possessive_or_its_descriptor_before_a_name_states_its_owner() -> None:
    found = names(
        "Lumen Inc. grew fast. Its lending programme, Lumen Advance, reached shops.",
        "Northwind Bank's payments arm, Tallow Pay, grew too.",
    )
    assert found["Lumen Advance"].parent.rstrip(".") == "Lumen Inc"
    assert found["Tallow Pay"].parent == "Northwind Bank"


def test_a_possessive_or_its_descriptor_after_a_name_states_its_owner() -> None:
    found = names(
        "Sapphire Reserve, Northwind Bank's premium card, sells trips.",
        "Harbor Corp. folded the tool into Brightline, its budgeting app, in May.",
        "Revolut raised prices. Revolut Metal, the company's paid subscription, has 2 million members.",
    )
    assert found["Sapphire Reserve"].parent == "Northwind Bank"
    assert found["Brightline"].parent.rstrip(".") == "Harbor Corp"
    assert found["Revolut Metal"].parent == "Revolut"


def test_its_before_a_named_app_is_the_last_company_not_a_regulator() -> None:
    found = names("The Financial Conduct Authority fined Wexford Bank over fraud on its Kite Pay app.")
    assert found["Kite Pay"].parent == "Wexford Bank"


def test_bought_the_owner_of_and_launched_state_owners() -> None:
    found = names(
        "Fiserv bought Kestrel Systems in 2023.",
        "Harcourt Group, the owner of Brightpay, said little.",
        "Orbit Card, the credit card Quillsoft launched with a partner, grew.",
    )
    assert found["Kestrel Systems"].parent == "Fiserv"
    assert found["Brightpay"].parent == "Harcourt Group"
    assert found["Orbit Card"].parent == "Quillsoft"


def test_a_unit_of_may_come_many_words_after_the_comma() -> None:
    found = names(
        "Bitvault, the exchange that Coinbase bought last year and now runs as a unit of Coinbase Europe Ltd, grew."
    )
    assert found["Bitvault"].parent == "Coinbase Europe Ltd"
    assert found["Coinbase"].parent == ""


def test_a_form_inside_another_names_longer_form_is_no_alias() -> None:
    found = names("Chime Financial Inc. said Chime Card spending rose.")
    assert "Chime" not in found["Chime Financial Inc."].aliases


def test_a_descriptor_lets_a_known_name_run_on_through_an_everyday_word() -> None:
    found = names("Revolut grew. Its mobile app, Revolut Mobile, has 9 million users.")
    assert found["Revolut Mobile"].kind == "app"
    assert found["Revolut Mobile"].parent == "Revolut"


def test_a_bank_named_after_a_known_firm_is_its_own_name() -> None:
    found = names("Revolut Ltd lends through Revolut Bank, and Revolut Ltd pays well.")
    assert found["Revolut Bank"].kind == "bank"
    assert "Revolut Bank" not in found["Revolut Ltd"].aliases


def test_which_bought_states_an_owner() -> None:
    found = names("Harcourt Group, which bought Brightpay in 2025, pays well.")
    assert found["Brightpay"].parent == "Harcourt Group"


def test_of_the_goes_on_with_a_head_that_takes_of() -> None:
    found = names(
        "Analysts asked whether the Office of the Comptroller of the Currency and "
        "the Bureau of the Fiscal Service agreed."
    )
    assert found["Office of the Comptroller of the Currency"].kind == "organisation"
    assert "Bureau of the Fiscal Service" in found
    assert "Comptroller" not in found and "Currency" not in found
    assert not names("It is a Bank of the kind we like.")


def test_an_everyday_word_capitalised_mid_sentence_opens_a_firms_name() -> None:
    found = names("Last year Harlow Bancorp bought Discover Wealth Services, and regulators fined The Quayside Bank.")
    assert "Discover Wealth Services" in found and "Wealth Services" not in found
    assert "Quayside Bank" in found and "The Quayside Bank" not in found


def test_a_firm_opening_a_sentence_keeps_its_first_word_when_the_text_writes_it_whole_elsewhere() -> None:
    found = names(
        "Cross Harbour Bank, a Delaware lender, issues the cards.",
        "The partner banks include Celtic Bank and Cross Harbour Bank.",
    )
    assert found["Cross Harbour Bank"].kind == "bank"
    assert "Harbour Bank" not in found


def test_a_job_title_in_capitals_names_no_firm_and_marks_the_person_before_it() -> None:
    found = names(
        "Tessa Lindqvist, Chief Operating Officer at Brightwater Credit Union, said deposits grew.",
        "Ola Berg, Head of Payments at Nordvik Bank, and Mara Quint, Chief Risk Officer, spoke in Las Vegas.",
    )
    assert found["Tessa Lindqvist"].kind == found["Ola Berg"].kind == "person"
    assert {"Operating", "Risk", "Payments", "Las Vegas"}.isdisjoint(found)
    assert found["Nordvik Bank"].kind == "bank"


def test_a_persons_initial_keeps_its_stop() -> None:
    found = names("CEO J. Thomas Reyes called it a solid quarter. Mary K. Odum, an analyst at Veritas, agreed.")
    assert found["J. Thomas Reyes"].kind == found["Mary K. Odum"].kind == "person"
    assert "Thomas Reyes" not in found and "J Thomas Reyes" not in found


def test_an_amendment_is_a_law_not_a_firm() -> None:
    assert "Durbin Amendment" not in names("Under the Durbin Amendment, interchange on debit is capped by Visa.")


def test_a_newsletters_greeting_an_event_and_a_headline_number_are_no_names() -> None:
    found = names(
        "Which Lenders Have Over 1 Million Customers?",
        "Happy Mother's Day! This week was the Lendworld Nexus conference, and Corvane Bank spoke there.",
    )
    assert not {"Happy Mother", "Lendworld Nexus", "Million"} & set(found)
    assert "Corvane Bank" in found


def test_a_title_and_a_surname_before_said_is_a_person() -> None:
    found = names("Meanwhile, New York Fed President Williams said the office sector is a real issue.")
    assert found["Williams"].kind == "person"


def test_a_legal_form_after_a_comma_is_part_of_the_name_and_the_bare_name_its_alias() -> None:
    found = names(
        "Regulator Orders Tollbrook Lending to Refund Borrowers",
        "The bureau took action against Tollbrook Lending, Inc. and Quarrymoor, LLC for deceiving consumers.",
        "Block, Inc. owns the app.",
    )
    assert found["Tollbrook Lending, Inc."].aliases == ["Tollbrook Lending"]
    assert found["Quarrymoor, LLC"].kind == "company"
    assert found["Block, Inc."].kind == "company"


def test_a_press_release_defines_terms_and_names_its_chief_by_an_appositive() -> None:
    found = names(
        'RADNOR, Pa. — Tollbrook Technologies, Inc. ("Tollbrook," "we," or the "Company") today reported results.',
        "Ilse Varnow, Tollbrook's Chair and Chief Executive Officer commented on the quarter. Varnow continued.",
        "The New York Attorney General announced a settlement with banking-as-a-service (BaaS) providers.",
    )
    assert not {"Company", "BaaS", "Attorney"} & set(found)
    assert found["Ilse Varnow"].kind == "person"
    assert "Tollbrook Technologies, Inc." in found


def test_an_activity_capitalised_mid_sentence_is_no_name_when_the_body_writes_it_in_lower_case() -> None:
    found = names(
        "Financial Tracking is retrospective, and budgeting is not the same as tracking.",
        "Active Budgeting, conversely, is prospective; Rocket Money does both.",
    )
    assert not {"Tracking", "Budgeting"} & set(found)
    assert "Rocket Money" in found


def test_a_firm_that_continues_or_holds_a_conference_call_stays_a_firm() -> None:
    found = names("Rocket Quill continued to grow its loan book. Analysts joined the Quillbank conference call.")
    assert found["Rocket Quill"].kind != "person"
    assert "Quillbank" in found
