"""A figure's period as a date, where the text dates it.

The date is the period's last day, so 2024年, 2024年末 and "end of 2024" are all 2024-12-31,
Q2 2024 is 2024-06-30 and "as of June 2025" is 2025-06-30. Relative periods (今年, 去年,
"this year", "last year") are resolved against the article's own date and flagged inferred;
without an article date they stay undated. The parenthetical a pack adds to explain a period
(`今年2月 (February of "this year")`) is a comment, not the period.
"""

from __future__ import annotations

import calendar
import re

from fintech_tui.util.months import MONTHS

_MONTH_WORD = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR = r"((?:19|20)\d\d)"
_ISO = re.compile(rf"{_YEAR}[-/.](\d{{1,2}})(?:[-/.](\d{{1,2}}))?")
_ZH_DAY = re.compile(rf"{_YEAR}年(\d{{1,2}})月(\d{{1,2}})[日号]")
_ZH_MONTH = re.compile(rf"{_YEAR}年(\d{{1,2}})月")
_ZH_QUARTER = re.compile(rf"{_YEAR}年?(?:第([一二三四1-4])季度|[Qq]([1-4]))")
_ZH_HALF = re.compile(rf"{_YEAR}年?(上半年|下半年|[Hh][12])")
_EN_QUARTER = re.compile(rf"\b[Qq]([1-4])\s*(?:of\s*|FY)?{_YEAR}\b|\b{_YEAR}\s*[Qq]([1-4])\b")
_EN_HALF = re.compile(rf"\b([Hh][12]|first half|second half)\s*(?:of\s*)?{_YEAR}\b|\b{_YEAR}\s*([Hh][12])\b")
_EN_MONTH = re.compile(rf"\b({_MONTH_WORD})\.?\s+(?:(\d{{1,2}}),?\s+)?{_YEAR}\b", re.IGNORECASE)
_EN_DAY_FIRST = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_WORD})\.?\s+{_YEAR}\b", re.IGNORECASE)
_YEAR_ONLY = re.compile(rf"(?:FY\s*)?{_YEAR}(?:年|\b)")
_RELATIVE_ZH = re.compile(
    r"(今年|本年|去年|上年|前年|明年)(?:(\d{1,2})月(?:(\d{1,2})[日号])?|(上半年|下半年)|第?([一二三四1-4])季度)?"
)
_RELATIVE_EN = re.compile(r"\b(this|last|next)\s+year\b", re.IGNORECASE)
_OFFSETS = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1, "this": 0, "last": -1, "next": 1}
_ZH_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4}
_COMMENT = re.compile(r"\s*[（(][^)）]*[)）]\s*$")


def _end(year: int, month: int = 12, day: int = 0) -> str:
    if not 1 <= month <= 12:
        return ""
    last = calendar.monthrange(year, month)[1]
    day = day or last
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= day <= last else ""


def _quarter(year: int, quarter: str) -> str:
    return _end(year, 3 * (_ZH_DIGITS.get(quarter) or int(quarter)))


def _half(year: int, half: str) -> str:
    return _end(year, 6 if half.lower() in ("上半年", "h1", "first half") else 12)


def article_year(date: str) -> int | None:
    """The year of an article's date (`2021-3-22`, `2021年3月`), or None."""
    found = re.match(_YEAR, date.strip())
    return int(found.group(1)) if found else None


def iso_date(date: str) -> str:
    """An article's date as ISO (2021-3-22 → 2021-03-22), or "" when it is not a date."""
    found = _ISO.fullmatch(date.strip())
    if found is None:
        return ""
    year, month, day = (int(g) if g else 0 for g in found.groups())
    return _end(year, month, day) if day else ""


def dated(period: str, *, article_date: str = "", comment: bool = True) -> tuple[str, bool]:
    """(ISO date of the period's end, inferred?) for a period as written; ("", False) when undated.

    `comment`: a trailing parenthetical is the pack's gloss, not the period (off for quoted text).
    """
    text = (_COMMENT.sub("", period) if comment else period).strip()
    if not text:
        return "", False
    absolute = _absolute(text)
    if absolute:
        return absolute, False
    year = article_year(article_date)
    if year is None:
        return "", False
    found = _relative(text, year)
    return found, bool(found)


def _absolute(text: str) -> str:
    if found := _ZH_DAY.search(text):
        return _end(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    if found := _ISO.search(text):
        year, month, day = (int(g) if g else 0 for g in found.groups())
        return _end(year, month, day)
    if found := _ZH_MONTH.search(text):
        return _end(int(found.group(1)), int(found.group(2)))
    if found := _ZH_QUARTER.search(text):
        return _quarter(int(found.group(1)), found.group(2) or found.group(3))
    if found := _ZH_HALF.search(text):
        return _half(int(found.group(1)), found.group(2))
    if found := _EN_QUARTER.search(text):
        quarter, written = (found.group(1), found.group(2)) if found.group(1) else (found.group(4), found.group(3))
        return _quarter(int(written), quarter)
    if found := _EN_HALF.search(text):
        half, written = (found.group(1), found.group(2)) if found.group(1) else (found.group(4), found.group(3))
        return _half(int(written), half)
    if found := _EN_DAY_FIRST.search(text):
        return _end(int(found.group(3)), MONTHS[found.group(2).lower()], int(found.group(1)))
    if found := _EN_MONTH.search(text):
        day = int(found.group(2)) if found.group(2) else 0
        return _end(int(found.group(3)), MONTHS[found.group(1).lower()], day)
    if found := _YEAR_ONLY.search(text):
        return _end(int(found.group(1)))
    return ""


def _relative(text: str, year: int) -> str:
    if found := _RELATIVE_ZH.search(text):
        target = year + _OFFSETS[found.group(1)]
        month, day, half, quarter = found.group(2), found.group(3), found.group(4), found.group(5)
        if month:
            return _end(target, int(month), int(day) if day else 0)
        if half:
            return _half(target, half)
        if quarter:
            return _quarter(target, quarter)
        return _end(target)
    if found := _RELATIVE_EN.search(text):
        target = year + _OFFSETS[found.group(1).lower()]
        return _absolute(f"{text[: found.start()]}{target}{text[found.end() :]}") or _end(target)
    return ""
