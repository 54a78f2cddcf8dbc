"""Chinese page frames, round three: a notice's number and signature, analyst and editor bylines."""

from __future__ import annotations

from fintech_tui.draft.meta import draft_meta
from fintech_tui.draft.outline import draft_outline, frame_of
from fintech_tui.draft.reading import Block


def blocks(*lines: str) -> list[Block]:
    return [Block(line) for line in lines]


NOTICE = blocks(
    "关于做好存款业务宣传的通知",
    "银办发〔2026〕3号",
    "各银行：",
    "一、如实宣传利率",
    "银行不得夸大收益，宣传材料须标明期限。",
    "二、施行时间",
    "本通知自发布之日起施行。",
    "某省银行业协会",
    "2026年2月3日",
)


def test_a_notice_number_is_page_information_and_its_signature_is_no_heading() -> None:
    frame = frame_of(NOTICE)
    assert frame.start == 2 and frame.byline and frame.end == len(NOTICE) - 3
    outline = draft_outline(NOTICE, [f"p{i}" for i in range(len(NOTICE))])
    titles = [node["title"]["zh"] for node in outline if node["kind"] == "section"]
    assert titles == ["如实宣传利率", "施行时间"]
    assert outline[-1]["kind"] == "byline" and outline[-1]["first"] == "p7"
    assert draft_meta(NOTICE, frame)["date"] == "2026-02-03"


def test_a_dated_last_line_under_prose_keeps_the_prose_in_the_body() -> None:
    letter = blocks("标题行", "正文第一段，说明了情况。", "最后一段也说明了情况。", "2026年2月3日")
    assert frame_of(letter).end == 2


def test_an_analyst_or_editor_byline_beats_a_name_like_desk() -> None:
    note = blocks(
        "某公司点评：增长稳健",
        "某证券研究所 · 银行业 · 2026年1月5日",
        "分析师：孔令文（执业证书编号：S0000）",
        "正文。",
    )
    assert draft_meta(note, frame_of(note))["author"] == "孔令文"
    letter = blocks("周报｜第3期", "本期编辑：罗一鸣 | 2026年1月5日", "正文。")
    assert draft_meta(letter, frame_of(letter))["author"] == "罗一鸣"
    edited = blocks("标题", "2026年1月5日 责任编辑：王五", "正文。")
    assert "author" not in draft_meta(edited, frame_of(edited))


def test_a_reporters_line_under_the_page_information_is_no_section() -> None:
    lines = blocks(
        "多家银行手机银行大比拼",
        "2018-10-23 00:46 来源:证券日报 刘萌",
        "本报记者 刘萌",
        "随着互联网的发展，手机银行已成为银行最为重要的流量入口。",
        "国有大行手机银行APP下载量领先",
        "建设银行下载量位列第一位。",
    )
    outline = draft_outline(lines, [f"p{i}" for i in range(len(lines))])
    titles = [node["title"]["zh"] for node in outline if node["kind"] == "section"]
    assert titles == ["国有大行手机银行APP下载量领先"]
