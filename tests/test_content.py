"""The bundled pack is held to the content rules, not to counts that a wrong pack could match."""

from __future__ import annotations

import re
from pathlib import Path

from fintech_tui.index import PackIndex
from fintech_tui.model import Pack, walk_outline

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "article.txt"
ARTICLE_LINES = SEED.read_text(encoding="utf-8").splitlines() if SEED.exists() else None


def test_every_non_empty_line_is_a_paragraph_verbatim(bundled_pack: Pack) -> None:
    texts = [p.text for p in bundled_pack.paragraphs]
    if ARTICLE_LINES is not None:
        assert texts == [line for line in ARTICLE_LINES if line.strip()]
    assert all(re.fullmatch(r"p\d{2}", p.id) for p in bundled_pack.paragraphs)
    assert [p.number for p in bundled_pack.paragraphs] == list(range(1, len(texts) + 1))


def test_outline_covers_every_paragraph_in_order(bundled_pack: Pack, bundled_index: PackIndex) -> None:
    covered: set[int] = set()
    for node in walk_outline(bundled_pack.outline):
        first = bundled_index.paragraphs[node.first].number
        last = bundled_index.paragraphs[node.last or node.first].number
        covered.update(range(first, last + 1))
        assert node.summary.en, node.id
    assert covered == {p.number for p in bundled_pack.paragraphs}
    tops = [bundled_index.paragraphs[n.first].number for n in bundled_pack.outline]
    assert tops == sorted(tops)


def test_headed_sections_are_the_articles_headings(bundled_pack: Pack, bundled_index: PackIndex) -> None:
    for node in bundled_pack.outline:
        if node.kind == "section":
            heading = bundled_index.paragraphs[node.first].text
            assert node.title.zh == heading, node.id


def test_every_entity_has_evidence_and_its_aliases_occur(bundled_pack: Pack) -> None:
    article = "\n".join(p.text for p in bundled_pack.paragraphs)
    for entity in bundled_pack.entities:
        assert entity.evidence, entity.id
        assert entity.name.zh and entity.name.en, entity.id
        for alias in entity.aliases:
            assert alias.text in article, (entity.id, alias.text)


def test_known_garbles_resolve_to_the_real_entities(bundled_index: PackIndex) -> None:
    expected = {
        "口袋生活": "掌上生活",
        "Pocket Life": "掌上生活",
        "秘密": "凡秘",
        "神秘": "凡秘",
        "美国": "美团",
        "饥饿": "饿了么",
        "范普金科": "凡普金科",
        "万科金科": "凡普金科",
        "相互保护": "相互宝",
        "Yu'ebao": "余额宝",
        "钱包": "壹钱包",
    }
    for garble, canonical in expected.items():
        entity = bundled_index.resolve_alias(garble)
        assert entity is not None and entity.name.zh == canonical, garble


def test_products_point_to_their_companies(bundled_index: PackIndex) -> None:
    assert bundled_index.entities["pocket-life"].parent == "cmb"
    assert bundled_index.entities["fanmi"].parent == "fanpu"
    assert bundled_index.entities["yiqianbao"].parent == "pingan"
    assert bundled_index.entities["xianghubao"].parent == "alipay"


def test_reasons_for_the_rise_are_numbered_as_in_the_article(bundled_index: PackIndex) -> None:
    rise = bundled_index.arguments["xhb-rise"]
    reasons = [a for a in bundled_index.replies[rise.id] if a.role in ("reason", "key-reason")]
    numbered = [a.number for a in reasons if a.number]
    assert numbered == ["1", "2"]  # the article numbers two, then names a third as the main one
    key = [a for a in reasons if a.role == "key-reason"]
    assert len(key) == 1 and key[0].emphasis
    for reason in reasons:
        if reason.number:
            cited = bundled_index.paragraphs[reason.evidence[0].para].text
            assert cited.startswith(f"{reason.number}."), reason.id


def test_fanmi_points_match_the_articles_numbering(bundled_index: PackIndex) -> None:
    points = [a for a in bundled_index.replies["fanmi-transformation"] if a.number]
    assert [p.number for p in points] == ["1", "2", "3"]
    for point in points:
        heading = bundled_index.paragraphs[point.evidence[0].para].text
        assert heading.startswith(f"{point.number}.")


def test_argument_tree_has_one_thesis_and_typed_relations(bundled_pack: Pack, bundled_index: PackIndex) -> None:
    roots = bundled_index.roots()
    assert [r.role for r in roots] == ["thesis"]
    for argument in bundled_pack.arguments:
        assert argument.claim.en and argument.claim.zh, argument.id
        assert argument.evidence, argument.id
        if argument.parent:
            assert argument.relation in ("supports", "opposes", "elaborates")
    assert any(a.relation == "opposes" for a in bundled_pack.arguments)


def test_no_year_is_asserted_for_this_year(bundled_pack: Pack) -> None:
    for figure in bundled_pack.figures:
        if "今年" in figure.period:
            assert not re.search(r"\b(19|20)\d\d\b", figure.period), figure.id
        assert figure.evidence, figure.id


def test_hedged_statements_stay_hedged(bundled_pack: Pack) -> None:
    hedge_words = ("据估计", "可能", "或是", "应该")
    for argument in bundled_pack.arguments:
        quotes = "".join(ev.quote for ev in argument.evidence)
        if any(word in quotes for word in hedge_words) and argument.role not in ("qualification",):
            # a hedged source needs a hedge, unless the claim itself reports the hedge
            assert argument.hedge or "estimate" in argument.claim.en or "may" in argument.claim.en, argument.id


def test_inferences_are_explained(bundled_pack: Pack) -> None:
    flagged = [e for e in bundled_pack.entities if e.inference] + [
        a for e in bundled_pack.entities for a in e.aliases if a.inference
    ]
    assert flagged, "garble readings from context must be flagged"
    assert all(len(item.inference) > 10 for item in flagged)
