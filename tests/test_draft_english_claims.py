"""The English argument skeleton (arguments_en): clauses a marker opens mid-sentence, a paragraph's
topic sentence, the lead sentence that interprets, and attributed estimates. The article is
written for these rules.
"""

from __future__ import annotations

from typing import Any

import pytest

from fintech_tui.draft import draft_sections
from fintech_tui.draft.arguments_en import clauses
from fintech_tui.draft.reading import text_blocks

ARTICLE = (
    "Lumen's quarter: lending grows, but fees carry the results\n"
    "Ledger Weekly | By Ann Hale | May 2, 2025\n"
    "Lumen Inc reported revenue of $400 million on Tuesday. The results suggest that the lender no longer "
    "depends on cards, though its fortunes remain tied to rates.\n"
    "Costs grew more slowly than revenue. Operating expenses rose 4 percent to $200 million, and headcount was flat.\n"
    "Not everyone is convinced. Analysts doubt the fee line will last, so the shares may stay cheap. "
    "She estimated that fees could fall by a fifth next year.\n"
)


@pytest.fixture(scope="module")
def claims() -> dict[str, dict[str, Any]]:
    arguments = draft_sections(text_blocks(ARTICLE), "lumen.txt")["arguments.yaml"]["arguments"]
    return {argument["evidence"][0]["quote"]: argument for argument in arguments}


def test_the_lead_sentence_that_interprets_is_the_thesis(claims: dict[str, dict[str, Any]]) -> None:
    thesis = [quote for quote, argument in claims.items() if argument["role"] == "thesis"]
    assert thesis == ["The results suggest that the lender no longer depends on cards"]


def test_a_clause_a_marker_opens_mid_sentence_is_a_claim(claims: dict[str, dict[str, Any]]) -> None:
    assert claims["though its fortunes remain tied to rates."]["relation"] == "opposes"
    assert claims["so the shares may stay cheap."]["role"] == "conclusion"


def test_a_short_opening_sentence_is_its_paragraphs_point(claims: dict[str, dict[str, Any]]) -> None:
    assert claims["Costs grew more slowly than revenue."]["role"] == "point"
    assert claims["Not everyone is convinced."]["relation"] == "opposes"


def test_an_attributed_estimate_elaborates(claims: dict[str, dict[str, Any]]) -> None:
    assert claims["She estimated that fees could fall by a fifth next year."]["relation"] == "elaborates"


def test_quoted_speech_a_correction_and_data_are_not_cut() -> None:
    assert len(clauses('"Fees are healthy, but rates are the story," she said.')) == 1
    assert len(clauses("The question is not whether they lend, but who carries the losses.")) == 1
    assert len(clauses("The fine was large, but the bank won a 30 percent discount.")) == 1
    assert len(clauses("It will suffer, because the client left.")) == 2


def test_that_is_why_concludes_and_an_opinion_in_the_lead_is_the_thesis() -> None:
    from fintech_tui.draft.arguments import marker_of
    from fintech_tui.draft.arguments_en import lead_thesis

    marker = marker_of("That is why both firms spend more on payroll.", False)
    assert marker is not None and marker.role == "conclusion"
    assert lead_thesis(["Banks paid up for deposits.", "I think the thrifty will win."], "") == 1
