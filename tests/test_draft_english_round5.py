"""English drafting, fifth round: kinds from evidence the whole article gives, and spans that are
no names, each drafted from an article text of its own as a user would (issue 20)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fintech_tui.draft import draft_pack
from fintech_tui.loader import load_pack
from fintech_tui.model import Entity


def drafted(folder: Path, *paragraphs: str) -> dict[str, Entity]:
    """The entities `fintech-tui draft` writes for an article of `paragraphs`, by English name."""
    folder.mkdir(parents=True, exist_ok=True)
    article = folder / "article.txt"
    article.write_text("\n".join(paragraphs) + "\n", encoding="utf-8")
    draft_pack(article, folder / "pack")
    pack = load_pack(folder / "pack", use_cache=False)
    return {entity.name.en: entity for entity in pack.entities}


def kinds(folder: Path, *paragraphs: str) -> dict[str, str]:
    return {name: entity.kind for name, entity in drafted(folder, *paragraphs).items()}


@pytest.mark.parametrize(
    ("paragraphs", "person"),
    [
        # a job title and a comma before the name
        (("Fenlow Mutual cut its dividend. Its chief executive, Tarik Osei, blamed higher costs.",), "Tarik Osei"),
        (("Tessle Pay grew fast. Its founder, Ingrid Valk, wants a banking licence next.",), "Ingrid Valk"),
        (("Orbel Bank will move. Orbel's head of digital, Rhys Mallory, confirmed the plan.",), "Rhys Mallory"),
        # the surname alone with a verb of speech elsewhere in the article
        (
            (
                "Delia Frost ran the payments desk at Corrigan Trust for a decade.",
                "Frost said the desk would close in June.",
            ),
            "Delia Frost",
        ),
    ],
)
def test_a_person_is_known_by_a_title_before_a_comma_or_a_surname_that_speaks(
    tmp_path: Path, paragraphs: tuple[str, ...], person: str
) -> None:
    assert kinds(tmp_path, *paragraphs)[person] == "person"


def test_a_surname_inside_a_longer_name_is_no_evidence_of_a_person(tmp_path: Path) -> None:
    found = kinds(tmp_path, "Grey Point opened in Leith in 2019.", "Harbor Point said it would not follow.")
    assert found.get("Grey Point") != "person"


def test_the_app_a_sentence_refers_back_to_makes_an_app(tmp_path: Path) -> None:
    found = kinds(
        tmp_path,
        "Fetchly said it now has two million users. The app added card payments in May.",
        "Readers also like Pennywell, but the app charges for instant transfers.",
    )
    assert found["Fetchly"] == "app"
    assert found["Pennywell"] == "app"


def test_a_word_that_only_opens_with_app_is_no_reference(tmp_path: Path) -> None:
    found = kinds(tmp_path, "We tried Corvane, the app-only account from Lumen Trust, for a month.")
    assert found["Corvane"] != "app"


def test_the_items_of_a_numbered_list_of_apps_are_apps(tmp_path: Path) -> None:
    found = kinds(
        tmp_path,
        "The 3 budgeting apps we kept using",
        "1. Sprout Ledger: best for couples",
        "Sprout Ledger costs $8 a month and links two accounts.",
        "2. Tallywise: best for students",
        "Students get Tallywise free for a year.",
    )
    assert found["Sprout Ledger"] == "app"
    assert found["Tallywise"] == "app"


def test_names_after_a_plural_kind_and_such_as_take_its_kind(tmp_path: Path) -> None:
    found = kinds(tmp_path, "Some tokens failed badly, such as Lumacoin, which collapsed within a week.")
    assert found["Lumacoin"] == "product"


def test_a_card_named_before_credit_card_is_a_product(tmp_path: Path) -> None:
    found = kinds(tmp_path, "We tested the Meridian Gold credit card from Ashcombe Bancorp for a month.")
    assert found["Meridian Gold"] == "product"
    assert found["Ashcombe Bancorp"] == "bank"


def test_a_name_and_its_operator_with_a_legal_form_are_two_entities(tmp_path: Path) -> None:
    found = drafted(tmp_path, "Wendle, the app-only account run by Wendle Ltd, charges no fee abroad.")
    assert {"Wendle", "Wendle Ltd"} <= set(found)
    assert found["Wendle"].parent == found["Wendle Ltd"].id


def test_an_appositive_with_an_owner_gives_the_kind(tmp_path: Path) -> None:
    found = kinds(tmp_path, "Kestle, Brightwater's digital bank, opened in 2021. BaFin, Germany's regulator, fined it.")
    assert found["Kestle"] == "bank"
    assert found["BaFin"] == "organisation"


def test_a_law_is_no_entity(tmp_path: Path) -> None:
    found = kinds(
        tmp_path,
        "The Harlow Card Services unit broke the Truth in Lending Act and the Fair Fees Act of 2021, "
        "the Consumer Credit Bureau said.",
    )
    assert "Consumer Credit Bureau" in found
    assert not [name for name in found if "Act" in name.split() or name in ("Truth", "Lending")]


def test_an_everyday_word_opening_the_sentence_is_not_part_of_the_name(tmp_path: Path) -> None:
    found = kinds(
        tmp_path,
        "Costs rose at Pellham Finance this year.",
        "Rival Tarrow Bank said it was not planning cuts. Demand at Tarrow rose 5%.",
    )
    assert found["Tarrow Bank"] == "bank"
    assert "Rival Tarrow Bank" not in found


def test_a_place_after_an_office_in_is_no_name(tmp_path: Path) -> None:
    found = kinds(tmp_path, "Pellham Finance will close its office in Duncaster, a spokesperson said.")
    assert "Duncaster" not in found


def test_a_headline_short_name_and_the_full_group_name_are_one_entity(tmp_path: Path) -> None:
    found = drafted(
        tmp_path,
        "Harwick Capital to cut 300 jobs",
        "Harwick Capital Group, the consumer lender, said on Tuesday it would cut 300 jobs.",
    )
    assert "Harwick Capital Group" in found
    assert "Harwick Capital" not in found


def test_a_headline_does_not_run_a_known_name_on_into_its_capitals(tmp_path: Path) -> None:
    found = drafted(
        tmp_path,
        "CFPB Orders Pellworth Lending to Refund Borrowers Over Late Fees",
        "The CFPB said Pellworth Lending must refund $2 million to borrowers.",
    )
    assert "Pellworth Lending" in found
    assert not [name for name in found if name.startswith("CFPB ")]


def test_people_the_page_information_names_by_role_are_people(tmp_path: Path) -> None:
    found = kinds(
        tmp_path,
        "Talvo (TLV): a quieter quarter",
        "Greyholm Securities · Equity Research · Payments · March 3, 2025",
        "Analyst: Mira Castell, CFA · Associate: Joon Park",
        "Talvo reported revenue of $80 million.",
    )
    assert found["Mira Castell"] == "person"
    assert found["Joon Park"] == "person"
    assert "Payments" not in found


def test_a_wallet_a_firm_names_is_an_app(tmp_path: Path) -> None:
    assert kinds(tmp_path, "Its rival Corvo Wallet says it has 3 million users.")["Corvo Wallet"] == "app"


def test_a_name_short_for_or_formerly_another_is_one_entity(tmp_path: Path) -> None:
    found = drafted(
        tmp_path,
        "We tested MBTW, short for Mind The Budget Well, for a month.",
        "We also tried Stellwise (formerly Harbour Ledger Capital), which tracks net worth.",
    )
    forms = [{entity.name.en, *(alias.text for alias in entity.aliases)} for entity in found.values()]
    assert {"MBTW", "Mind The Budget Well"} in forms
    assert {"Stellwise", "Harbour Ledger Capital"} in forms


def test_a_tables_first_heading_gives_its_row_labels_kind_and_an_issuer_column_their_owner(tmp_path: Path) -> None:
    article = tmp_path / "article.md"
    article.write_text(
        "# Three tokens compared\n\n"
        "Readers ask most about QRD and TSY. Both firms, Quorra Labs and Tessaly, publish reserves.\n\n"
        "| Stablecoin | Issuer | Supply |\n|---|---|---|\n"
        "| QRD | Quorra Labs | $3 billion |\n| TSY | Tessaly | $1 billion |\n",
        encoding="utf-8",
    )
    draft_pack(article, tmp_path / "pack")
    found = {entity.name.en: entity for entity in load_pack(tmp_path / "pack", use_cache=False).entities}
    assert found["QRD"].kind == "product"
    assert found["QRD"].parent == found["Quorra Labs"].id
    assert found["TSY"].parent == found["Tessaly"].id


def test_a_known_firms_bank_with_a_legal_form_is_the_firm_itself(tmp_path: Path) -> None:
    found = drafted(tmp_path, "Revolut Bank plc, which most people call Revolut, grew fast. Revolut said costs fell.")
    assert "Revolut" not in found
    assert found["Revolut Bank plc"].kind == "bank"
    assert [alias.text for alias in found["Revolut Bank plc"].aliases] == ["Revolut"]


def test_a_title_opening_with_a_programme_or_publication_names_it(tmp_path: Path) -> None:
    podcast = kinds(tmp_path / "a", "The Till Hour: why shops stopped taking cash", "Today the guest is Ana Ruiz.")
    newsletter = kinds(tmp_path / "b", "The Ledger Week: four stories you missed", "Brexa raised $20 million.")
    assert podcast["The Till Hour"] == "product"
    assert newsletter["The Ledger Week"] == "organisation"
    assert "Till Hour" not in podcast and "Week" not in newsletter


def test_an_accented_name_keeps_its_letters_in_its_id(tmp_path: Path) -> None:
    found = drafted(
        tmp_path, "Banco Atlântico and Crédit Agricole Bank both cut fees.", "Banco Atlântico said fees fell."
    )
    ids = {entity.id for entity in found.values()}
    assert "banco-atlantico" in ids, ids  # not banco-atl-ntico: the accent goes, the letter stays


def test_an_ordinal_opening_a_firms_name_is_part_of_it(tmp_path: Path) -> None:
    found = drafted(
        tmp_path,
        "Deposits sit at First Harbor Bank & Trust. First Rowan Bancorp bought Tenth Street, the payments firm.",
        "Shares of First Rowan rose 2%. First, the bank said, costs will fall.",
    )
    assert {"First Harbor Bank & Trust", "First Rowan Bancorp", "Tenth Street"} <= set(found)
    assert "First Rowan" in [alias.text for alias in found["First Rowan Bancorp"].aliases]
    assert not {"Harbor Bank & Trust", "Rowan Bancorp", "Rowan", "Tenth"} & set(found)


def test_a_byline_names_its_authors_less_their_roles_and_the_firm_a_role_names(tmp_path: Path) -> None:
    found = kinds(
        tmp_path,
        "Wallet rules tighten in Ostria",
        "Payments Desk | By Dr. Ilse Varga, Head of Research, and Tomas Brek | June 3, 2026",
        "Regulators in Ostria capped wallet balances at $2,000 this week.",
    )
    other = kinds(
        tmp_path / "b",
        "Card caps miss the point",
        "The Till Review | By Nadia Orrel, former general counsel of Pellwick | July 14, 2026",
        "Congress is weighing a cap on card fees.",
    )
    assert found["Ilse Varga"] == "person" and found["Tomas Brek"] == "person"
    assert other["Nadia Orrel"] == "person" and "Pellwick" in other
    assert not [name for name in {**found, **other} if "Research" in name or "counsel" in name]


def test_a_page_information_issuer_keeps_its_initials_and_the_pages_genre_is_no_name(tmp_path: Path) -> None:
    found = drafted(
        tmp_path,
        "Regulator fines Quellon Pay over checks",
        "Ostrian Department of Financial Markets (ODFM) | Press Release | March 4, 2026",
        "The ODFM said Quellon Pay must pay a penalty.",
        "Report",
        "Research Note | Brevant & Co. | By Lena Marsh | June 3, 2026",
    )
    issuer = found["Ostrian Department of Financial Markets"]
    assert issuer.kind == "organisation"
    assert "ODFM" in [alias.text for alias in issuer.aliases]
    assert "Brevant & Co." in found
    assert not {"Press Release", "Research Note"} & set(found)


def test_a_person_named_after_an_office_or_a_title_is_the_person_alone(tmp_path: Path) -> None:
    found = drafted(
        tmp_path,
        "Superintendent of Consumer Finance Odile Marchetti fined Quellon Pay $2 million.",
        '"Controls come first," Superintendent Marchetti said.',
    )
    assert found["Odile Marchetti"].kind == "person"
    assert "Marchetti" in [alias.text for alias in found["Odile Marchetti"].aliases]
    assert not [name for name in found if "Superintendent" in name or "Finance" in name]


def test_a_number_between_a_firms_words_is_part_of_its_name(tmp_path: Path) -> None:
    found = kinds(
        tmp_path,
        "Deposits sit at Brookvale 1st National Bank, said Ines Kaur, an analyst at Tarrow 9 Capital Markets.",
        "Brookvale 2 said nothing. In May 2025 Quellon Bank opened.",
    )
    assert found["Brookvale 1st National Bank"] == "bank"
    assert found["Tarrow 9 Capital Markets"] == "company"
    assert "Quellon Bank" in found
    assert not [name for name in found if name.startswith(("May", "2025", "Brookvale 2"))]


def test_the_names_a_title_compares_as_apps_are_apps(tmp_path: Path) -> None:
    found = kinds(
        tmp_path,
        "Ember vs. Tally: Two Budgeting Apps, Side by Side",
        "We used Ember and Tally for a month. Ember charges $4 a month; Tally is free.",
    )
    other = kinds(tmp_path / "b", "Ember vs. Tally: Two Lenders Compared", "We used Ember and Tally for a month.")
    assert found["Ember"] == "app" and found["Tally"] == "app"
    assert other["Ember"] != "app"


def test_the_initials_of_a_term_with_a_number_are_no_name(tmp_path: Path) -> None:
    found = drafted(tmp_path, "Quellon Bank expects its common equity tier 1 (CET1) ratio to fall by 15 basis points.")
    assert "Quellon Bank" in found
    assert "CET1" not in found


def test_a_known_name_only_a_headline_capitalises_over_a_body_writing_the_word_is_no_name(tmp_path: Path) -> None:
    found = drafted(
        tmp_path,
        "Quellon Trims Outlook as Student Visa Caps Bite",
        "Quellon Pay said tighter student visa rules would slow its growth.",
    )
    other = drafted(tmp_path / "b", "Quellon Signs Visa Deal", "Quellon Pay said Visa would issue its cards.")
    assert "Visa" not in found
    assert "Visa" in other


def test_a_compass_region_before_a_place_is_no_name(tmp_path: Path) -> None:
    found = drafted(tmp_path, "Quellon Pay sells cover in Southeast Asia and plans to enter the Northwest Territories.")
    assert "Quellon Pay" in found
    assert not {"Southeast", "Northwest", "Northwest Territories"} & set(found)


def test_a_name_opening_a_sentence_that_she_or_he_goes_on_from_is_a_person(tmp_path: Path) -> None:
    found = kinds(
        tmp_path,
        "Quellon Pay beat forecasts.",
        "Odile Marchetti of Brevant Securities was less sanguine. She said growth would slow.",
    )
    assert found["Odile Marchetti"] == "person"
    assert found["Brevant Securities"] == "company"


def test_a_firms_offering_the_text_names_with_called_is_a_product(tmp_path: Path) -> None:
    found = kinds(tmp_path, "Quellon's advance, called Wagely Bridge, starts at $25. Wagely Bridge has no fee.")
    assert found["Wagely Bridge"] == "product"


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("Earnings Desk | By Priya Raman, Senior Analyst | February 26, 2026", "Priya Raman"),
        ("By Ann Lee, CFA", "Ann Lee"),
        ("By Jane Doe and John Roe", "Jane Doe and John Roe"),  # two authors stay two
    ],
)
def test_a_bylines_role_is_not_part_of_the_author(tmp_path: Path, byline: str, author: str) -> None:
    article = tmp_path / "note.txt"
    article.write_text(f"Flywire beats forecasts\n{byline}\nFlywire said revenue rose 19%.\n", encoding="utf-8")
    draft_pack(article, tmp_path / "pack")
    assert load_pack(tmp_path / "pack", use_cache=False).meta.author == author
