"""The parts of a Chinese page-information line: the outlet, the people credited, the date and place.

Outlets write this line in a few shapes: "金融观察 · 记者 周明 · 2025-03-01", a labelled
"来源：X | 采访、整理：Y | 日期", and the public-account form "原创 作者 公众号 日期 时间 城市"
(the author's name first, then the account's). The line is cut at its separators (· | ／ and
runs of spaces); each segment is a label and what it labels, a date, a time, a place, a
document-type word (原创, 新闻稿), a person or an outlet.
"""

from __future__ import annotations

import re

import msgspec


def _words(text: str) -> frozenset[str]:
    """A word list written as one space-separated string."""
    return frozenset(text.split())


# A segment ends at these; spaces only split where they stand between words.
_SPLIT = re.compile(r"\s*[·|｜丨•/／]\s*|\s+")
# Labels that credit a person (作者：X, 记者 X, 采访、整理：X), and those that name the outlet (来源：X).
_PERSON_LABEL = re.compile(
    r"^(?:(?:采访|整理|撰文|采写|文字|统筹|口述|编译|翻译|执笔)[、和/]?)+[：:]?"
    r"|^(?:作者|文|记者|编辑|本期编辑|撰稿|撰稿人|主笔|特约作者|特约撰稿|分析师)[：:]?"
)
_OUTLET_LABEL = re.compile(r"^(?:来源|出处|发布|发布者|出品|出品方|转自)[：:]?")
# What a segment may be besides a name: a date, a time, a count of reads, a document type, a place.
_DATE = re.compile(r"^\d{4}[-/.年]\d{1,2}(?:[-/.月]\d{1,2}日?)?$|^\d{1,2}月\d{1,2}日$|^\d{1,2}[-/]\d{1,2}$")
_TIME = re.compile(r"^\d{1,2}[:：]\d{2}(?::\d{2})?$")
_NOT_NAME = re.compile(r"\d|^(?:阅读|浏览|点赞|评论|在看|字数|发表于|发布于|首发|更新|时间|日期)")
DOC_TYPES = _words(
    "原创 转载 独家 首发 新闻稿 公告 通知 快讯 速递 声明 通稿 专栏 专访 深度 观点 评论 头条 推荐 热点 置顶"
)
# Cities and regions a public-account line ends with (北京, 上海…), written out as the common ones.
PLACES = _words(
    "北京 上海 天津 重庆 深圳 广州 杭州 南京 苏州 成都 武汉 西安 长沙 郑州 济南 青岛 厦门 福州 合肥 宁波 "
    "昆明 南宁 贵阳 沈阳 大连 长春 哈尔滨 石家庄 太原 南昌 兰州 海口 香港 澳门 台北 浙江 江苏 广东 山东 "
    "四川 湖北 湖南 河南 河北 福建 安徽 辽宁 陕西 云南 广西 海南 新加坡 伦敦 纽约 东京"
)


class Credit(msgspec.Struct, frozen=True):
    """One name the page-information line gives: where it starts, its text, person or organisation."""

    start: int
    text: str
    kind: str


def _segments(text: str) -> list[tuple[int, str]]:
    out, at = [], 0
    for match in _SPLIT.finditer(text):
        if match.start() > at:
            out.append((at, text[at : match.start()]))
        at = match.end()
    if at < len(text):
        out.append((at, text[at:]))
    return out


def looks_like_page_info(text: str) -> bool:
    """A short line split into parts, holding a date or two labels (来源：X 作者：Y): the line under a
    title that credits it."""
    stripped = text.strip()
    if len(stripped) > 80 or stripped.endswith(("。", "！", "？")):
        return False
    parts = [s for _, s in _segments(stripped)]
    labelled = sum(1 for s in parts if _PERSON_LABEL.match(s) or _OUTLET_LABEL.match(s))
    return len(parts) >= 2 and (any(_DATE.match(s) for s in parts) or labelled >= 2)


def _plain_words(segment: str) -> bool:
    """A segment made only of the trade's plain words (零售金融, 数字银行): a column's label."""
    from fintech_tui.draft.lexicon_zh import GENERIC, _tokens  # jieba: loaded only when a line is read

    return all(word in GENERIC for word, _, _ in _tokens(segment))


def credits(text: str, person: re.Pattern[str]) -> list[Credit]:
    """The outlet and the people a page-information line names, in order.

    `person` matches a Chinese personal name (a surname and one or two characters). An
    unlabelled segment is the author in the public-account form (after 原创), else the
    outlet when it is the first name of the line, else a person when it reads as one.
    """
    found: list[Credit] = []
    account = False  # 原创 opens the public-account form: author, then account
    pending = ""  # a label standing alone (记者 周明): the next segment is what it labels
    labelled_column = False
    for start, segment in _segments(text):
        if segment in DOC_TYPES:
            account = account or segment == "原创"
            continue
        if _DATE.match(segment) or _TIME.match(segment) or segment in PLACES:
            pending = ""
            continue
        label = _PERSON_LABEL.match(segment) or _OUTLET_LABEL.match(segment)
        role = pending
        if label:
            role = "person" if label.re is _PERSON_LABEL else "organisation"
            start, segment = start + label.end(), segment[label.end() :]
            if not segment:
                pending = role
                continue
        pending = ""
        if len(segment) < 2 or len(segment) > (24 if role else 12) or _NOT_NAME.search(segment):
            continue
        if not re.fullmatch(r"[\u3400-\u9fff·A-Za-z]+", segment):
            continue
        outlet = any(c.kind == "organisation" for c in found)
        if not role and _plain_words(segment):
            labelled_column = True
            continue  # 零售金融 李薇 零壹财经: a column's label in plain words, not the outlet
        if not role:
            if labelled_column and not found and person.fullmatch(segment):
                role = "person"  # after a column's label the byline comes first, then the outlet
            elif account:
                role = "person" if not any(c.kind == "person" for c in found) else "organisation"
            elif not found:
                role = "organisation"  # the line opens with its outlet
            elif person.fullmatch(segment):
                role = "person"
            elif not outlet:
                role = "organisation"  # 作者：X | 小财迷 | 日期: the outlet after the byline
            else:
                continue
        found.append(Credit(start, segment, role))
    return found
