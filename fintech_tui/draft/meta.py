"""The article's title, author and date, read from its title line, page-information line and byline.

Only those lines are read for a date: a date in the body is a period of something the
article reports, not when it was written.
"""

from __future__ import annotations

import re
from typing import Any

from fintech_tui.draft.outline import Frame, bilingual, has_cjk, short_title
from fintech_tui.draft.reading import Block
from fintech_tui.util.months import MONTHS

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
DATES = (
    re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"),
    re.compile(r"(?<!\d)(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)"),
    re.compile(rf"\b(?P<month>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b", re.IGNORECASE),
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH})\.?,?\s+(?P<y>\d{{4}})\b", re.IGNORECASE),
)
_ZH_NAME = r"[\u3400-\u9fff·•]{2,8}?"
_EN_NAME = r"[A-Z][A-Za-z'’.-]+(?:\s+(?:[A-Z][A-Za-z'’.-]+|de|van|von|der|da|di|la|le)){0,3}"
_EN_AUTHORS = rf"{_EN_NAME}(?:(?:,\s*|\s+and\s+){_EN_NAME})*"
AUTHORS = (
    re.compile(
        rf"(?:作者|撰文|文|记者|作者系|分析师|本期编辑|(?<!责任)编辑(?=\s*[:：]))\s*[:：|｜丨/]?\s*(?P<name>{_ZH_NAME})(?=$|[\s|｜丨·•,，。;；:：()（）\]】/]|来源|时间|发布|编辑)"
    ),
    re.compile(
        rf"(?:^|[\s(（\[【|·•—–-])(?:By|Written by|Reporting by|Words by|Compiled by)\s+(?P<name>{_EN_AUTHORS})"
    ),
)
NOT_NAMES = {"staff", "the", "our", "a", "an"}
# "By Priya Raman, Senior Analyst": a byline's role after a comma is not a second author's name.
ROLE_AFTER_NAME = re.compile(
    r",\s*(?:[A-Z][\w.’'-]*\s+){0,3}?(?:Analyst|Editor|Correspondent|Reporter|Writer|Strategist|Economist|"
    r"Director|Head|Officer|Partner|Contributor|Columnist|Producer|Associate|Researcher|CFA)\b.*$"
)


def date_in(text: str) -> str:
    """The first date `text` states, as an ISO 8601 date, or ""."""
    for pattern in DATES:
        match = pattern.search(text)
        if match is None:
            continue
        groups = match.groupdict()
        month = MONTHS[groups["month"].lower()] if groups.get("month") else int(groups["m"])
        year, day = int(groups["y"]), int(groups["d"])
        if 1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2100:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return ""


SEPARATORS = re.compile(r"\s*[·|丨｜•]\s*")
PERSON_ZH = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,4}·[\u4e00-\u9fff]{1,6}")
PERSON_EN = re.compile(r"[A-Z][a-z'’-]+(?: (?:[A-Z]\.|[A-Z][a-z'’-]+)){1,2}")
OUTLET_WORDS = re.compile(
    r"新闻|财经|日报|晚报|周刊|网|报|前沿|观察|研究|资讯|频道|号|社|"
    r"\b(?:News|Notes|Wire|Times|Journal|Daily|Weekly|Review|Post|Insider|Research|Digest|Report|Media|Press)\b"
)


def author_in(text: str) -> str:
    """The author a byline or page-information line names, or "".

    A page-information line without a byline word (支付前沿 | 王雨桐 | 2025年1月15日) names its
    author in a segment after the outlet's that reads as a person's name.
    """
    stated = _stated_author(text)
    if stated:
        return stated
    for segment in SEPARATORS.split(text.strip())[1:]:
        person = PERSON_ZH.fullmatch(segment) or PERSON_EN.fullmatch(segment)
        if person and not OUTLET_WORDS.search(segment) and segment.split()[0].lower().strip(".") not in MONTHS:
            return segment
    return ""


def _stated_author(text: str) -> str:
    for pattern in AUTHORS:
        match = pattern.search(text)
        if match is None:
            continue
        name = re.sub(r"\s+(?:and|with)$", "", match.group("name").strip(" .,"))
        name = ROLE_AFTER_NAME.sub("", name)
        if name.lower() not in NOT_NAMES and not date_in(name):
            return _without_month(name)
    return ""


# A wire story's dateline opens its first paragraph: "SAN FRANCISCO, Oct 8, 2024 (Wire) -", 新华社北京3月5日电.
# A Latin one may abbreviate its month (Sept. 9) and end in a double dash after a /Wire/ credit.
DATELINE = re.compile(
    r"^(?:[^.!?\n]|\.(?=\s\d)){0,80}?\s(?:[-–—]|--)\s|^[^，。！？\n]{0,30}?[日号][电讯](?:[（(][^）)]{0,20}[）)])?"
)


def dateline_date(text: str) -> str:
    """The date a dateline at the start of `text` gives, or "" (a date later in the sentence is a period).

    A Latin dateline holds only capitalised words, numbers and a parenthesis (the outlet): a
    lower-case word before the dash means the sentence has begun.
    """
    match = DATELINE.match(text)
    if match is None:
        return ""
    words = re.sub(r"\([^)]*\)", " ", match.group()).split()
    if any(word[0].islower() for word in words):
        return ""
    return date_in(match.group())


def _credited_author(text: str) -> str:
    """The person a line of page information credits; a Chinese line is read by its segments
    (原创 作者 公众号 日期, 采访、整理：X), so an issuer (新闻稿 | 云海数科 | 日期) is no author."""
    if has_cjk(text):
        from fintech_tui.draft.lexicon_zh import PERSON_NAME  # deferred: Chinese only
        from fintech_tui.draft.pageinfo_zh import credits, looks_like_page_info

        if looks_like_page_info(text):
            return next((c.text for c in credits(text, PERSON_NAME) if c.kind == "person"), "")
    return author_in(text)


def _without_month(name: str) -> str:
    """A Latin byline runs into the date after it (By Jane Doe March 3): the month is not the name."""
    words = name.split()
    while len(words) > 1 and words[-1].lower().strip(".") in MONTHS:
        words.pop()
    return " ".join(words)


def draft_meta(blocks: list[Block], frame: Frame) -> dict[str, Any]:
    """The pack's meta: the title line (or a short title), and the author and date its frame states."""
    title = blocks[0].text.strip() if frame.titled else short_title(blocks[0].text)
    framing = [block.text for block in blocks[1 : frame.start]]
    if frame.byline:
        framing.append(blocks[-1].text)
    meta: dict[str, Any] = {"title": bilingual(title)}
    # A byline word anywhere in the framing (分析师：X on the second line) beats a segment that
    # merely reads as a name (the desk 非银金融 in "Outlet · desk · date").
    author = next((found for found in map(_stated_author, framing) if found), "")
    author = author or next((found for found in map(_credited_author, framing) if found), "")
    date = next((found for found in map(date_in, framing) if found), "")
    if frame.start <= frame.end and not (date and author):
        dateline = DATELINE.match(blocks[frame.start].text)  # 新华社北京3月5日电（记者 王强）
        if dateline and not date:
            date = dateline_date(blocks[frame.start].text)
        if dateline and not author:
            author = author_in(dateline.group())
    if author:
        meta["author"] = author
    if date:
        meta["date"] = date
    return meta
