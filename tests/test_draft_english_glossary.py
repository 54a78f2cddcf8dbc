"""English glossary candidates: a term in its written forms (plurals in -es, a term ending in
double s, an "adjusted" measure), the longest term where two start together, and the results
vocabulary of earnings reports. Each sentence is written for the rule it tests.
"""

from __future__ import annotations

from fintech_tui.draft.glossary import draft_glossary


def terms(*texts: str) -> list[str]:
    return [entry["term"] for entry in draft_glossary([(f"p{i}", t) for i, t in enumerate(texts, 1)], set())]


def test_a_term_ending_in_double_s_keeps_it() -> None:
    assert "earned-wage access" in terms("Employers offer earned-wage access to staff.")


def test_a_plural_in_es_is_the_term() -> None:
    assert "credit losses" in terms("Its credit losses rose.")


def test_an_adjusted_measure_is_the_term_as_used() -> None:
    assert "adjusted operating margin" in terms("The adjusted operating margin widened.")


def test_the_longest_term_starting_at_one_place_wins() -> None:
    found = terms("The net charge-off rate fell.")
    assert "net charge-off rate" in found
    assert "net charge-off" not in found


def test_results_vocabulary_is_known() -> None:
    found = terms(
        "The margin book grew, the take rate held, net interest margin slipped, charge-offs fell, "
        "AUM rose, TPV doubled, ARPU and CAC improved, and guidance was raised above the consensus estimate."
    )
    assert {"margin book", "take rate", "net interest margin", "charge-offs", "AUM", "TPV", "ARPU", "CAC"} <= set(found)
    assert {"guidance", "consensus estimate"} <= set(found)


def test_a_term_inside_an_entity_name_is_no_candidate() -> None:
    text = "The Federal Deposit Insurance Corporation said deposit insurance held."
    found = [
        e["evidence"][0]["quote"] for e in draft_glossary([("p1", text)], {"Federal Deposit Insurance Corporation"})
    ]
    assert found and all("said deposit insurance" in quote or "deposit insurance held" in quote for quote in found)
    first = draft_glossary(
        [("p1", "The Federal Deposit Insurance Corporation spoke.")], {"Federal Deposit Insurance Corporation"}
    )
    assert first == []
