"""English drafting, fourth round: classes of text the rules missed on articles they were not
written for, each in sentences of its own (issue 20)."""

from __future__ import annotations

import pytest

from fintech_tui.draft.figures_en import find_figures, find_periods
from fintech_tui.draft.names_en import find_names


def figures(text: str) -> list[tuple[str, float | None, str]]:
    return [(f.as_written, f.value, f.unit) for f in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count whose noun is two nouns, or follows describing nouns joined by "and"
        ("The carrier now flies 14 cargo routes.", ("14 cargo routes", 14, "cargo routes")),
        ("It serves 310 water and power clients.", ("310 water and power clients", 310, "clients")),
        ("It serves 95 hospital customers.", ("95 hospital customers", 95, "customers")),
        # a number word before a describing word
        ("The fund backed nine new lenders this year.", ("nine new lenders", 9, "lenders")),
        # points written with a hyphen, as an adjective
        ("A 50 basis-point rise would hurt.", ("50 basis-point", 50, "basis points")),
        ("It took a 2-percentage-point hit.", ("2-percentage-point", 2, "percentage points")),
        # a multiple before a noun
        ("The sector trades at 18 times next year's earnings.", ("18 times", 18, "times")),
        # a currency code is a word of its own, never the end of one
        ("The app charges travellers 30 cents a transfer.", ("30 cents", 0.3, "USD")),
    ],
)
def test_counts_points_and_multiples_keep_their_unit(text: str, expected: tuple[str, float, str]) -> None:
    assert expected in figures(text)


@pytest.mark.parametrize(
    "text",
    [
        "Take-up doubled in 2024.[^3] The rest came later.",  # a Markdown footnote's number
        "The plan lapsed three times a year ago.",
    ],
)
def test_footnote_markers_are_not_figures(text: str) -> None:
    assert all(unit or value not in (3,) for _, value, unit in figures(text))


def test_a_range_after_a_fall_to_a_higher_number_is_a_range() -> None:
    """ "down from 9% to 11%": the old range, since a fall cannot end higher; "fell from 11% to 9%" is two."""
    assert figures("Growth should be 6% to 8%, down from 9% to 11%.") == [("6% to 8%", 6, "%"), ("9% to 11%", 9, "%")]
    assert figures("Its margin fell from 11% to 9%.") == [("11%", 11, "%"), ("9%", 9, "%")]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Fees have fallen by a third over five years.", "over five years"),
        ("It broke even six months after launch.", "six months after"),
    ],
)
def test_a_span_of_time_after_over_or_before_after_is_a_period(text: str, period: str) -> None:
    assert period in [text[a:b] for a, b in find_periods(text)]
    assert not any(unit in ("years", "months") for _, _, unit in figures(text))


def test_a_table_row_named_for_a_firm_reads_its_unit_from_the_column() -> None:
    table = "| Scheme | Members (2025) | Fee ||---|---:|---:|| Kestra Pay | ~4,100 | 1.2% || Net revenue | 7 | 2% |"
    read = {f.as_written: f for f in find_figures(table)}
    assert (read["4,100"].unit, read["4,100"].hedge, read["4,100"].period) == ("members", "estimate", "2025")
    assert read["7"].metric == "Net revenue"  # a metric's row keeps its label


def test_the_names_of_a_long_table_are_found_once_each() -> None:
    rows = "".join(f"| Korb{chr(97 + i)} Capital | {i + 1}% || Acme | 2% |" for i in range(20))
    names = find_names([("p1", "| Lender | Share ||---|---:|" + rows)])
    assert len([n for n in names if n.name.endswith("Capital")]) == 20


def names_of(*paragraphs: str) -> dict[str, tuple[str, list[str], str]]:
    return {n.name: (n.kind, n.aliases, n.parent) for n in find_names([(f"p{i}", t) for i, t in enumerate(paragraphs)])}


def test_a_transcript_s_speakers_in_capitals_and_by_first_name_are_the_people_it_names() -> None:
    names = names_of(
        "Episode notes · The Ledger Hour · Hosted by Nadia Brandt · 4 May 2025",
        "NADIA BRANDT: My guest is Colm Fairley, who runs payments at Quaybank. Colm, welcome.",
        "COLM FAIRLEY: Thanks, Nadia.",
    )
    assert names["Nadia Brandt"][:2] == ("person", ["Nadia"])
    assert names["Colm Fairley"][:2] == ("person", ["Colm"])
    assert "NADIA BRANDT" not in names and "COLM FAIRLEY" not in names
    assert names["The Ledger Hour"][0] == "organisation"  # a programme's name is an outlet, not its host


def test_a_title_line_uses_the_outlet_s_full_name_with_its_article() -> None:
    names = names_of("The Margin Weekly: rates and rails", "**The Margin Weekly** · By Ada Quist · 2 June 2025")
    assert "The Margin Weekly" in names and "Margin Weekly" not in names


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("The board named Chief Risk Officer Tamsin Oyelaran. Oyelaran starts in May.", "Tamsin Oyelaran", "person"),
        ("Calder plc said revenue rose. Calder plc also cut costs.", "Calder plc", "company"),
        ("Rivet N.V. (Rivet) raised its outlook.", "Rivet N.V.", "company"),
        ("Its Lumo point-of-sale system is new, and the Lumo point-of-sale system sells.", "Lumo", "product"),
        ("Osprey Group's TernBank, another digital lender, grew fast.", "TernBank", "bank"),
        ("The Banco Central de Reserva del Perú cut rates.", "Banco Central de Reserva del Perú", "organisation"),
    ],
)
def test_kinds_from_a_title_a_legal_form_a_system_a_bank_word_and_a_central_bank(
    text: str, name: str, kind: str
) -> None:
    assert names_of(text)[name][0] == kind


def test_page_labels_ratings_time_zones_and_contractions_are_not_names() -> None:
    names = names_of(
        "Harrow Partners · Equity Research · By Lin Okoye · 3 March 2025",
        "We keep our Hold rating. Data is out at 07:00 GMT. I've said so before.",
    )
    assert not {"Equity Research", "Hold", "GMT", "I've"} & set(names)
    assert names["Harrow Partners"][0] == "company"  # a broker publishes its research
