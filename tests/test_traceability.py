"""A restored reading may change its paragraph only where an alias, a glossary term or a note says why."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from fintech_tui.loader import PackError, load_pack
from fintech_tui.loader.traceability import Substitution, derivable, readings_of
from fintech_tui.model import Pack
from fintech_tui.util.bundled import bundled_pack_path
from tests.conftest import PackWriter

LOCATED = re.compile(r"^.+\.yaml:\d+:\d+: paragraphs\[\d+\]\.restored(_notes\[\d+\](\.\w+)?)?: ")


def source(p1_extra: str = "", p2_extra: str = "") -> str:
    return f"""
        paragraphs:
          - id: p1
            text: 口袋生活是招商银行的应用。
            {p1_extra}
          - id: p2
            text: 支付宝有数亿用户。
            {p2_extra}
        """


def problems(write_pack: PackWriter, body: str, folder: str = "pack") -> list[str]:
    try:
        load_pack(write_pack(folder, **{"source.yaml": body}), use_cache=False)
    except PackError as error:
        return [str(p) for p in error.problems]
    return []


def test_alias_and_glossary_changes_are_traceable(write_pack: PackWriter) -> None:
    # 口袋生活 is an alias of 掌上生活; 应用 is a glossary term meaning "app"
    glossary = """
        glossary:
          - id: app
            term: 应用
            meaning: {en: app, zh: APP（应用程序）}
        """
    folder = write_pack(
        **{
            "source.yaml": source("restored: 掌上生活是招商银行的APP。", "en: Alipay has many users."),
            "glossary.yaml": glossary,
        }
    )
    pack = load_pack(folder, use_cache=False)
    assert pack.paragraphs[0].restored == "掌上生活是招商银行的APP。"
    assert pack.paragraphs[1].en.startswith("Alipay")


def test_an_untraceable_change_is_a_located_problem(write_pack: PackWriter) -> None:
    found = problems(write_pack, source("restored: 掌上生活是平安银行的应用。"))
    assert len(found) == 1, found
    assert LOCATED.match(found[0]), found[0]
    assert "'招商' → '平安'" in found[0]


def test_an_alias_explains_a_change_only_where_the_alignment_puts_it(write_pack: PackWriter) -> None:
    # the alias 口袋生活 → 掌上生活 occurs in p1, but cannot excuse 用户 → 掌上生活 elsewhere in it
    found = problems(write_pack, source("restored: 掌上生活是招商银行的掌上生活。"))
    assert found and all("paragraphs[0].restored" in line for line in found), found


def test_a_note_explains_a_change_and_is_itself_checked(write_pack: PackWriter) -> None:
    note = """restored: 掌上生活是平安银行的应用。
            restored_notes:
              - {text: 招商, reading: 平安, note: a planted example}"""
    assert problems(write_pack, source(note)) == []
    stale = """restored: 掌上生活是招商银行的应用。
            restored_notes:
              - {text: 招商, reading: 招商银, note: names nothing that changed}
              - {text: 工商, reading: 招商, note: not in the text}"""
    found = problems(write_pack, source(stale), folder="stale")
    assert any("restored_notes[0]: this note explains no difference" in line for line in found), found
    assert any("restored_notes[1].text: '工商' does not occur" in line for line in found), found


def test_punctuation_width_alone_needs_no_reason(write_pack: PackWriter) -> None:
    assert problems(write_pack, source(p2_extra="restored: 支付宝有数亿用户!")) == []
    assert problems(write_pack, source("restored: 掌上生活，是招商银行的应用。"), folder="comma") == []


def test_notes_without_a_restored_reading_are_refused(write_pack: PackWriter) -> None:
    found = problems(write_pack, source("restored_notes: [{text: 招商, reading: 平安, note: x}]"))
    assert found and "no 'restored'" in found[0]


def test_glossary_meanings_give_their_readings() -> None:
    assert readings_of("小生态（有利的小环境）") == ["小生态"]
    assert readings_of("用户活跃度/用户粘性") == ["用户活跃度", "用户粘性"]


def test_a_wrongly_paired_alignment_still_finds_the_substitutions() -> None:
    # difflib pairs the 钱 of 钱展 with the 钱 of 爱钱进; the aliases still account for the change
    subs = [Substitution("艾千金", "爱钱进"), Substitution("钱展", "钱站"), Substitution("范普新", "凡普信")]
    assert derivable("如艾千金,钱展和范普新。", "如爱钱进、钱站和凡普信。", subs)
    assert not derivable("如艾千金,钱展和范普新。", "如爱钱进、钱站和凡普信。", subs[:2])
    assert not derivable("如艾千金,钱展和范普新。", "如爱钱进、钱站及凡普信。", subs)


def test_bundled_pack_passes_and_every_paragraph_has_both_readings(bundled_pack: Pack) -> None:
    for paragraph in bundled_pack.paragraphs:
        assert paragraph.restored.strip() and paragraph.en.strip(), paragraph.id


def test_bundled_pack_fails_on_a_planted_untraceable_change(tmp_path: Path) -> None:
    copy = tmp_path / "content"
    shutil.copytree(bundled_pack_path(), copy)
    source_file = copy / "source.yaml"
    text = source_file.read_text(encoding="utf-8")
    planted = text.replace('restored: "没有支付宝的话，相互保', 'restored: "没有微信的话，相互保', 1)
    assert planted != text, "the bundled p05 restored reading changed: update the planted change"
    source_file.write_text(planted, encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_pack(copy, use_cache=False)
    lines = [str(p) for p in caught.value.problems]
    assert len(lines) == 1 and LOCATED.match(lines[0]) and "paragraphs[4].restored" in lines[0], lines
