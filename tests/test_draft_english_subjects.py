"""Which entity an English figure is about (subjects_en.EnglishReader): sentences naming nobody,
back references, sources, people, units against their owners. Each case is written for its rule.
"""

from __future__ import annotations

from fintech_tui.draft.found import Name
from fintech_tui.draft.mentions import Mentions
from fintech_tui.draft.subjects_en import EnglishReader


def subjects(names: list[Name], *paragraphs: str) -> dict[str, str]:
    """Each figure's subject, by a number word written in it, read paragraph by paragraph."""
    reader = EnglishReader(Mentions(names))
    out: dict[str, str] = {}
    for text in paragraphs:
        found = reader.paragraph(text)
        for token in [w.strip(".,") for w in text.split()]:
            if token.startswith("$") or token.endswith("%"):
                out[token] = reader.subject(text, found, text.index(token))
        reader.seen(found, text)
    return out


LUMEN = Name("Lumen Inc", "company", "", ["Lumen"])
ORBIT = Name("Orbit Bank", "bank", "")
NORA = Name("Nora Kent", "person", "")


def test_a_sentence_naming_nobody_takes_the_figure_before_it_else_the_title_company() -> None:
    found = subjects(
        [LUMEN, ORBIT],
        "Lumen lifts its outlook",
        "Funded accounts rose 12%. Revenue was $40 million.",
        "Orbit Bank said deposits grew 5%. Net income rose 9%.",
    )
    assert found["12%"] == "Lumen Inc"  # the title's company
    assert found["$40"] == "Lumen Inc"
    assert found["9%"] == "Orbit Bank"  # the figure before, in its paragraph


def test_a_source_and_what_follows_it_are_about_a_market() -> None:
    analysts = Name("Redpoint Research", "company", "")
    found = subjects(
        [LUMEN, analysts],
        "Lumen lifts its outlook",
        "Analysts at Redpoint Research estimate that losses could reach 8% next year. Fees may rise 2%.",
    )
    assert found["8%"] == "" and found["2%"] == ""


def test_a_generic_subject_is_no_one() -> None:
    found = subjects([LUMEN], "Lumen lifts its outlook", "A bank that earns a 3% margin loses some of it.")
    assert found["3%"] == ""


def test_a_person_is_never_the_subject() -> None:
    found = subjects([LUMEN, NORA], "Lumen lifts its outlook", "Nora Kent said margins were 4%.")
    assert found["4%"] == "Lumen Inc"


def test_a_unit_wins_over_its_owner_in_one_sentence() -> None:
    unit = Name("Lumen Advance", "product", "", [], "Lumen Inc")
    found = subjects([LUMEN, unit], "Markets", "Lumen says its arm, Lumen Advance, lent $9 billion.")
    assert found["$9"] == "Lumen Advance"


def test_the_company_is_the_one_the_article_names_most() -> None:
    arm = Name("Quarry Labs", "company", "")
    found = subjects(
        [LUMEN, arm],
        "Lumen lifts its outlook",
        "Lumen grew. Lumen hired. Quarry Labs, a unit, shrank.",
        "The chief executive said the company expects $3 billion of revenue.",
    )
    assert found["$3"] == "Lumen Inc"


def test_its_is_the_clause_subject_and_an_appositive_is_not_referred_back_to() -> None:
    plan = Name("Lumen Gold", "product", "", [], "Lumen Inc")
    found = subjects(
        [LUMEN, ORBIT, plan],
        "Markets",
        "Lumen said fees were 2%, while Orbit Bank put its loss rate at 3%.",
        "Lumen Gold, the company's subscription, has 40% of users.",
    )
    assert found["3%"] == "Orbit Bank"
    assert found["40%"] == "Lumen Gold"


def test_a_name_that_only_reports_yields_to_the_name_reported_on() -> None:
    regulator = Name("Conduct Office", "organisation", "")
    found = subjects(
        [regulator, ORBIT], "Markets", "The Conduct Office found that Orbit Bank missed checks, and 6% of cases failed."
    )
    assert found["6%"] == "Orbit Bank"


def test_a_company_name_ending_in_co_does_not_end_the_sentence() -> None:
    firm = Name("Lumen & Co.", "bank", "")
    assert subjects([firm], "Markets", "Lumen & Co. added 12% more accounts.")["12%"] == "Lumen & Co."


def test_a_regulator_reporting_on_a_market_is_no_subject() -> None:
    regulator = Name("Conduct Office", "organisation", "", ["CO"])
    assert subjects([regulator], "Markets", "The Conduct Office (CO) said deposits fell 2%.")["2%"] == ""


def test_an_owner_stays_the_subject_over_a_name_in_its_relative_clause() -> None:
    arm = Name("Quarry Labs", "company", "", [], "Lumen Inc")
    found = subjects([LUMEN, arm], "Markets", "Lumen Inc, which bought Quarry Labs in 2025, pays 3% on savings.")
    assert found["3%"] == "Lumen Inc"


def test_a_regulator_acting_on_a_firm_leaves_the_figures_to_the_firm() -> None:
    bureau = Name("Consumer Credit Bureau", "organisation", "")
    found = subjects(
        [bureau, LUMEN], "The Consumer Credit Bureau ordered Lumen Inc to refund $3 million to 9% of its clients."
    )
    assert found["$3"] == "Lumen Inc" and found["9%"] == "Lumen Inc"


def test_the_agent_of_a_deal_is_not_its_figure_s_subject() -> None:
    fund = Name("Harrow Ventures", "company", "")
    found = subjects(
        [LUMEN, fund], "Lumen Inc grew 8%. It closed a round led by Harrow Ventures that values it at $90 million."
    )
    assert found["$90"] == "Lumen Inc"


def test_we_in_an_interview_is_the_company_the_article_names_most() -> None:
    app = Name("Lumen Go", "app", "", [], "Lumen Inc")
    found = subjects(
        [LUMEN, app],
        "Lumen Inc, the lender, says Lumen Inc has grown.",
        "A: We built Lumen Go in a year, and we spent $9 million on it.",
    )
    assert found["$9"] == "Lumen Inc"
