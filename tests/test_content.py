"""The bundled pack is held to the content rules, not to counts that a wrong pack could match."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import msgspec
import pytest

from fintech_tui.loader.traceability import readings_of
from fintech_tui.model import Pack, walk_outline
from fintech_tui.queries.goto import resolve_goto
from fintech_tui.queries.index import PackIndex, Ref

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
        "相互保护": "相互保",
        "手持续": "掌上生活",
        "Yu'ebao": "余额宝",
        "钱包": "壹钱包",
    }
    for garble, canonical in expected.items():
        entity = bundled_index.resolve_alias(garble)
        assert entity is not None and entity.name.zh == canonical, garble


def test_products_point_to_their_companies(bundled_index: PackIndex) -> None:
    assert bundled_index.entities["cmb-life"].parent == "cmb"
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


def strings(obj: object, path: str = "") -> Iterator[tuple[str, str]]:
    """(field path, text) for every string in the model below `obj`."""
    if isinstance(obj, str):
        yield path, obj
    elif isinstance(obj, tuple):
        for i, item in enumerate(obj):
            yield from strings(item, f"{path}[{i}]")
    elif isinstance(obj, msgspec.Struct):
        for name in obj.__struct_fields__:
            yield from strings(getattr(obj, name), f"{path}.{name}")


def authored(pack: Pack) -> Iterator[tuple[str, str]]:
    """Every string the pack's authors wrote about the article: not the article text nor the quotes from it."""
    for path, text in strings(pack):
        quoting = re.search(r"\.(text|quote)$", path) and ".aliases[" not in path
        article = path.startswith(".paragraphs") and ".restored_notes" not in path
        if not quoting and not (article and not path.endswith((".restored", ".en"))):
            yield path, text


def test_the_articles_own_product_name_is_canonical_and_the_later_name_only_a_flagged_note(
    bundled_pack: Pack, bundled_index: PackIndex
) -> None:
    product = bundled_index.entities["xianghubao"]
    assert product.name.zh == "相互保"
    assert any("相互保" in p.text for p in bundled_pack.paragraphs)
    later = [(path, text) for path, text in strings(bundled_pack) if "相互宝" in text]
    assert later, "the later name belongs in a flagged note"
    for path, text in later:
        assert path.endswith(".inference") and "outside" in text.lower(), path


def test_english_names_are_not_machine_renderings(bundled_index: PackIndex) -> None:
    for entity in bundled_index.entities.values():
        for alias in entity.aliases:
            if "rendering" in alias.note:
                assert alias.text not in entity.name.en, (entity.id, alias.text)
    pocket = bundled_index.entities["cmb-life"]
    assert pocket.name.en == "CMB Life"
    note = next(a.note for a in pocket.aliases if a.text == "Pocket Life")
    assert "掌上" in note


def test_quoted_chinese_is_the_articles(bundled_pack: Pack) -> None:
    """A phrase the pack puts in quotation marks must be the article's (as written or restored)."""
    width = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
    article = "\n".join(f"{p.text}\n{p.restored}" for p in bundled_pack.paragraphs).translate(width)
    quoted = re.compile(
        r"「([^」]*[\u4e00-\u9fff][^」]*)」|“([^”]*[\u4e00-\u9fff][^”]*)”|\"([^\"\s]*[\u4e00-\u9fff][^\"\s]*)\""
    )
    for path, text in authored(bundled_pack):
        for phrase in ("".join(groups) for groups in quoted.findall(text)):
            parts = [part for part in re.split(r"[,，、]", phrase.translate(width)) if part.strip()]
            assert all(part.strip() in article for part in parts), (path, phrase)


def test_the_slogan_amounts_are_not_given_a_purpose_the_text_lacks(bundled_pack: Pack) -> None:
    for path, text in authored(bundled_pack):
        assert "1分钱" not in text, path  # the text writes 1美分 and 1分, never 1分钱
    slogan = [f for f in bundled_pack.figures if any(ev.quote.startswith(("1美分", "免费接收")) for ev in f.evidence)]
    assert len(slogan) == 2
    for figure in slogan:
        assert not re.search(r"\b(join|cover|cost|premium)", figure.metric.en, re.I), figure.id


#: The article's hedges and how an English rendering keeps each.
HEDGES = {
    "被认为": r"considered|regarded",
    "据悉": r"reportedly",
    "预计": r"expect",
    "据估计": r"estimate",
    "或是": r"perhaps",
    "也可能": r"\bmay\b",
    "表面上看": r"on the surface",
}


def test_every_english_reading_keeps_the_articles_hedges(bundled_pack: Pack) -> None:
    for paragraph in bundled_pack.paragraphs:
        for word, english in HEDGES.items():
            if word in paragraph.restored:
                assert re.search(english, paragraph.en, re.I), (paragraph.id, word)


def test_claims_and_summaries_keep_the_hedges_of_their_quotes(bundled_pack: Pack) -> None:
    items = [*bundled_pack.arguments, *bundled_pack.strategies, *bundled_pack.entities]
    for item in items:
        words = "".join(ev.quote for ev in item.evidence)
        said = item.claim.en if hasattr(item, "claim") else item.summary.en
        for word, english in HEDGES.items():
            if word in words:
                assert re.search(english, said, re.I) or getattr(item, "hedge", None), (item.id, word)


def _numbers(text: str) -> list[tuple[str, float]]:
    found = []
    for digits, unit in re.findall(r"(\d+(?:\.\d+)?)([万亿]?)(?!\d|月)", text):
        found.append((digits, float(digits) * {"": 1, "万": 1e4, "亿": 1e8}[unit]))
    return found


def test_every_english_reading_gives_the_numbers_as_written(bundled_pack: Pack) -> None:
    for paragraph in bundled_pack.paragraphs:
        for digits, value in _numbers(paragraph.restored):
            forms = {digits, f"{value:,.0f}", f"{value / 1e6:g} million", f"{value / 1e8:g} hundred million"}
            assert any(re.search(rf"(?<![\d.,]){re.escape(form)}(?!\d|,\d)", paragraph.en) for form in forms), (
                paragraph.id,
                digits,
            )


def test_every_quantity_in_the_article_is_a_figure(bundled_pack: Pack) -> None:
    quoted = "\n".join(ev.quote for figure in bundled_pack.figures for ev in figure.evidence)
    for paragraph in bundled_pack.paragraphs:
        for amount in re.findall(r"数[千百十]?[万亿]|\d+(?:\.\d+)?[万亿]", paragraph.text):
            assert amount in quoted, (paragraph.id, amount)
    assert any(f.as_written == "数千万用户" for f in bundled_pack.figures)


def test_a_reading_that_moves_a_name_to_another_entity_is_flagged(bundled_pack: Pack, bundled_index: PackIndex) -> None:
    for paragraph in bundled_pack.paragraphs:
        for note in paragraph.restored_notes:
            before, after = bundled_index.resolve_alias(note.text), bundled_index.resolve_alias(note.reading)
            if before is not None and after is not None and before.id != after.id:
                assert note.inference, (paragraph.id, note.text)


def test_p10_keeps_alipay_among_alibabas_apps_and_alibaba_counts_its_mention(bundled_index: PackIndex) -> None:
    """支付宝是阿里继淘宝之后的第二大应用: the text's 阿里 is the owner, so p10 counts as Alibaba's."""
    p10 = bundled_index.paragraphs["p10"]
    assert "的阿里是继淘宝之后" in p10.text
    assert "支付宝是阿里继淘宝之后的第二大应用" in p10.restored
    assert "Alibaba's second-largest app after Taobao" in p10.en
    note = next(n for n in p10.restored_notes if n.reading == "支付宝是阿里")
    assert note.inference
    assert bundled_index.mentioned_in["alibaba"] == [8, 9, 10, 19, 26]
    assert "p10" in {ev.para for ev in bundled_index.entities["alibaba"].evidence}
    rank = bundled_index.figures["alipay-app-rank"]
    assert "Alibaba" in rank.metric.en and "Alibaba's apps" in rank.unit


def test_ping_ans_wallet_is_named_at_its_first_mention_with_a_flagged_note(bundled_index: PackIndex) -> None:
    p18 = bundled_index.paragraphs["p18"]
    assert p18.restored.startswith("另一个成功的例子是平安集团的壹钱包。")
    assert p18.restored.count("壹钱包") == 1 and "支付钱包" in p18.restored  # only the first mention
    note = next(n for n in p18.restored_notes if n.reading == "的壹钱包")
    assert "outside" in note.inference and "Yiqianbao" in p18.en


def test_the_translations_once_misleading_now_say_what_the_text_says(bundled_index: PackIndex) -> None:
    paragraphs = bundled_index.paragraphs
    assert "let us talk" not in paragraphs["p04"].en.lower() and "Leaving aside" in paragraphs["p04"].en
    assert any(n.reading == "抛开产品本身的争议不谈" and n.inference for n in paragraphs["p04"].restored_notes)
    assert "in advance" not in paragraphs["p31"].en and "offensive" in paragraphs["p31"].en
    assert "in advance" not in bundled_index.terms["in-advance"].meaning.en
    for item in (paragraphs["p22"].en, bundled_index.arguments["fanmi-cost"].claim.en):
        assert "cross-border" not in item.lower() and "core business" in item
    assert "economies of scale" not in paragraphs["p32"].en and paragraphs["p32"].en.startswith("China ")
    assert "active devices" not in paragraphs["p17"].en and "monthly effective devices" in paragraphs["p17"].en
    assert bundled_index.figures["cmb-life-monthly-devices"].metric.en == "Monthly effective devices"
    assert "(the text adds" in paragraphs["p26"].en  # CMB Life set off as the text's unclear insertion


def test_the_title_says_when_it_is_a_reconstruction(bundled_pack: Pack) -> None:
    first = bundled_pack.paragraphs[0]
    title = bundled_pack.meta.title
    if title.zh != first.text:
        assert title.zh.startswith("（复原）") and title.en.startswith("(restored)")


def test_inferred_bank_kinds_are_flagged(bundled_pack: Pack) -> None:
    for entity in bundled_pack.entities:
        quotes = "".join(ev.quote for ev in entity.evidence)
        if "joint-stock" in entity.summary.en.lower() and "股份制" not in quotes:
            assert "joint-stock" in entity.inference, entity.id


def test_known_additions_stay_out(bundled_pack: Pack) -> None:
    """Readings once written that the text does not make."""
    added = ("双子星", "the largest app", "buying traffic", "live inside it", "widely shared", "not the product")
    for path, text in authored(bundled_pack):
        for phrase in added:
            assert phrase not in text, (path, phrase)


def test_claims_are_placed_where_the_article_puts_them(bundled_index: PackIndex) -> None:
    # p31's closed islands give smaller firms room (p32), not a reason that life services are a survival means
    islands = bundled_index.arguments["closed-islands"]
    assert islands.parent == "room-for-smaller-firms" and islands.relation == "supports"
    tools = bundled_index.arguments["bank-apps-were-tools"]
    assert "apps" in tools.claim.en and "e-commerce" in tools.claim.en


def test_garbled_words_the_readings_rely_on_are_glossary_terms(bundled_pack: Pack) -> None:
    terms = {t.term for t in bundled_pack.glossary}
    gaps = ["受到冲击", "保存这么多用户", "精致市场", "秘密线", "商业用户", "更加活跃", "振兴之后"]
    gaps += ["货币更有效但不高", "情况并非如此", "撤退", "入侵", "日常用户", "频率消耗相对较高"]
    assert [gap for gap in gaps if gap not in terms] == []


def test_facts_once_only_quoted_are_items_of_their_own(bundled_pack: Pack) -> None:
    """Each fact has an item whose own words (not only its quote) state it."""
    facts = {
        "除了不做淘宝的电子商务业务外": r"e-commerce",
        "在当地占有很大份额": r"Shanghai",
        "业内眼光敏锐的人已经看到了它": r"ambition",
        "货币更有效但不高": r"efficiency",
    }
    for quote, words in facts.items():
        stating = [
            a
            for a in bundled_pack.arguments
            if any(quote in ev.quote for ev in a.evidence) and re.search(words, a.claim.en)
        ]
        assert stating, quote


UNCERTAIN = re.compile(r"cannot be recovered|does not name")


def test_a_reading_the_pack_calls_uncertain_is_noted_where_a_reader_of_the_readings_meets_it(
    bundled_pack: Pack,
) -> None:
    """The restored and English readings show restored notes, not alias or glossary notes: a
    substitution whose own inference says the text does not settle it needs a note on its paragraph."""
    uncertain: list[tuple[str, str]] = [
        (alias.text, entity.name.zh)
        for entity in bundled_pack.entities
        for alias in entity.aliases
        if UNCERTAIN.search(alias.inference)
    ]
    uncertain += [
        (term.term, reading)
        for term in bundled_pack.glossary
        if UNCERTAIN.search(term.inference)
        for reading in readings_of(term.meaning.zh)
    ]
    assert uncertain
    applied = 0
    for paragraph in bundled_pack.paragraphs:
        for before, after in uncertain:
            if before in paragraph.text and before not in paragraph.restored and after in paragraph.restored:
                applied += 1
                noted = [n for n in paragraph.restored_notes if before in n.text and after in n.reading]
                assert noted and all(n.inference for n in noted), (paragraph.id, before, after)
    assert applied


def test_a_causal_since_is_not_made_temporal(bundled_pack: Pack) -> None:
    """由于 gives a reason: a claim quoting it does not turn it into 自…以来 (since a time)."""
    for argument in bundled_pack.arguments:
        if any("由于" in bundled_pack_paragraph(bundled_pack, ev.para) for ev in argument.evidence):
            assert "以来" not in argument.claim.zh, argument.id
            assert not re.match(r"Since\b", argument.claim.en), argument.id


def bundled_pack_paragraph(pack: Pack, para: str) -> str:
    return next(p.text for p in pack.paragraphs if p.id == para)


def test_cmb_life_has_a_real_id_and_its_old_links_still_open_it(bundled_index: PackIndex) -> None:
    """pocket-life was the garble's id; links written with it (and the figure ids built on it) still work."""
    assert "pocket-life" not in bundled_index.entities
    assert bundled_index.entities["cmb-life"].name.en == "CMB Life"
    assert resolve_goto("entity:pocket-life", bundled_index) == Ref("entity", "cmb-life")
    old_figure = "figure:pocket-life-monthly-devices"
    assert resolve_goto(old_figure, bundled_index) == Ref("figure", "cmb-life-monthly-devices")
    with pytest.raises(ValueError):
        resolve_goto("figure:pocket-life-nothing", bundled_index)  # an old spelling of no item is still an error


def test_finup_is_the_english_name_and_the_pinyin_only_a_findable_note(
    bundled_pack: Pack, bundled_index: PackIndex
) -> None:
    finup = bundled_index.entities["fanpu"]
    assert finup.name.en == "Finup" and finup.name.zh == "凡普金科"
    assert "outside" in finup.inference and "Fanpu Jinke" in finup.inference
    assert bundled_index.search("Fanpu Jinke")[0] == Ref("entity", "fanpu")
    where = next(i for i, e in enumerate(bundled_pack.entities) if e.id == "fanpu")
    pinyin = [path for path, text in strings(bundled_pack) if "Fanpu Jinke" in text]
    assert pinyin == [f".entities[{where}].inference"], pinyin  # no English reading calls it Fanpu Jinke


def test_brand_and_pen_name_readings_are_flagged(bundled_index: PackIndex) -> None:
    brand = bundled_index.entities["aiqianjin"]
    assert brand.name.en == "iQianjin" and "outside" in brand.inference
    assert "iQianjin" in bundled_index.paragraphs["p28"].en
    author = bundled_index.entities["author"]
    assert "garbled" in author.inference
    account = next(a for a in author.aliases if a.text == "ant miniant-cn")
    assert "garbled" in account.inference.lower()
    notes = bundled_index.paragraphs["p33"].restored_notes
    assert any(n.text == "蚂蚁蠕虫" and "garbled" in n.note and n.inference for n in notes)


def test_items_say_no_more_than_the_text(bundled_index: PackIndex) -> None:
    """Readings once written that the text does not make: an order, a split, a date, a lost "some"."""
    assert "behind Alipay" not in bundled_index.entities["tenpay"].summary.en
    assert "Split the bank" not in bundled_index.strategies["two-app"].summary.en
    views = bundled_index.figures["page-views"]
    assert "2021" not in views.period and "posting date" in views.inference
    banks = bundled_index.arguments["banks-conflict"].claim
    assert banks.en.startswith("Some ") and banks.zh.startswith("一些")
    par = bundled_index.figures["meituan-eleme-par"]
    assert par.subject == "cmb-life" and par.hedge is None and "Meituan and Ele.me" in par.metric.en
    assert "original 1分" not in bundled_index.terms["one-fen"].inference
    assert "author's own image" not in bundled_index.terms["twin-star"].note
    product = bundled_index.entities["xianghubao"]
    for text in (product.name.en, product.summary.en, product.summary.zh):
        assert "mutual-aid" not in text and "互助产品" not in text, text  # p04 only reports the dispute


def test_garbles_the_readings_keep_are_flagged_where_a_reader_meets_them(bundled_index: PackIndex) -> None:
    kept = {"p07": "虽然它有一定的覆盖范围", "p15": "随着支付市场结构", "p19": "集团的业务基本成功"}
    for para, words in kept.items():
        notes = [n for n in bundled_index.paragraphs[para].restored_notes if words in n.text]
        assert notes and all(n.inference for n in notes), para
    # one rule for 我们 standing for the thing discussed: p04 and p28 both read it as 它
    for para in ("p04", "p28"):
        paragraph = bundled_index.paragraphs[para]
        assert any("我们" in n.text and "它" in n.reading and n.inference for n in paragraph.restored_notes), para
    assert "we can" not in bundled_index.paragraphs["p28"].en


def test_the_meta_note_dates_this_year_only_as_a_flagged_inference(bundled_pack: Pack) -> None:
    note = bundled_pack.meta.note
    assert "cannot be September 2021" in note and "inference" in note and "outside knowledge" in note
    assert "2018" in note and "No period in this pack asserts a year" in note


def test_the_english_readings_do_not_read_as_translation(bundled_pack: Pack) -> None:
    """Phrases a native reader stumbles on, once in the English readings."""
    stumbles = ("taken up the banner", "taken over this banner", "(C-end)", "service-ecosystem layout")
    stumbles += ('"Gemini" (twin) strategy', "sensing the risk of the future", "it is so in every case")
    stumbles += ("Slightly differently from", "in advance they", "seems somewhat cross-border")
    for paragraph in bundled_pack.paragraphs:
        for phrase in stumbles:
            assert phrase not in paragraph.en, (paragraph.id, phrase)


def test_prose_names_paragraphs_as_the_screen_does() -> None:
    """Notes, inferences and summaries say ¶30, as every view does, never the file id p30."""
    import re

    from fintech_tui.util.bundled import bundled_pack_path

    ids_in_prose = []
    for path in sorted(bundled_pack_path().glob("*.yaml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            field = re.match(r"\s*(?:-\s*)?([a-z_]+)\s*:", line)
            if field and field.group(1) in {"para", "id", "first", "last", "paragraphs"}:
                continue  # a field that holds ids
            if re.search(r"\bp\d{2}\b", re.sub(r"\bpara: p\d+", "", line)):  # evidence holds ids too
                ids_in_prose.append(f"{path.name}:{number}: {line.strip()}")
    assert not ids_in_prose, "\n".join(ids_in_prose)
