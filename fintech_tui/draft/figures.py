"""Every number the article states, as written and as a value, with its unit and a nearby period.

Arabic numerals and Chinese ones (两千万, 百分之三十) alike; cn2an reads the Chinese numerals.
Dates and periods (2020年第三季度, 今年2月) are not figures: they become the `period` of the
figures in the same sentence.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

import cn2an  # the draft extra

from fintech_tui.draft.found import DRAFTED, Found
from fintech_tui.draft.outline import CLAUSE_END

_CN = "零〇一二两三四五六七八九"
_CN_ALL = _CN + "十百千万亿点"
SCALES = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "万": Decimal(10) ** 4, "千": Decimal(10) ** 3}
# Units a count may carry, longest first so 个月 wins over 月.
_UNIT_WORDS = (
    "% ％ ‰ 元 美元 美分 港元 欧元 用户 人次 人 户 家 笔 次 倍 天 日 周 个月 年 小时 分钟 岁 "
    "件 张 台 部 款 项 名 位 单 个 座 辆 套 条"
)
UNITS = sorted(
    _UNIT_WORDS.split(),
    key=len,
    reverse=True,
)
_UNIT = "|".join(re.escape(u) for u in UNITS)
_SCALE = "万亿|亿|万|千"
_AFTER = "内|以上|以下|左右|多|余"

PERIOD = re.compile(
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
    rf"|(?:\d{{4}}|[{_CN}]{{4}}|[今去明前])年(?:第?[{_CN}1-4]季度|Q[1-4]|[上下]半年|(?:\d{{1,2}}|[{_CN}十]{{1,3}})月份?(?:\d{{1,2}}日)?)?"
    rf"|(?<![\d{_CN}个])(?:\d{{1,2}}|[{_CN}十]{{1,3}})月份?(?:\d{{1,2}}日)?"
    rf"|第?[{_CN}1-4]季度|[上下]半年|\d+(?:天|个月|周|年)(?:内|以来|之内)"
)
DURATION = re.compile(r"\d+(?:天|个月|周|年)(?:内|以来|之内)")  # a period that is also a figure
FIGURE = re.compile(
    rf"(?P<per>百分之|千分之)(?P<pct>[{_CN_ALL}]+|\d+(?:\.\d+)?)"
    rf"|(?<!第)(?P<approx>[数几])?(?P<cn>[{_CN}十][{_CN_ALL}]*|[十百千万亿]+)"
    rf"(?P<cnunit>{_UNIT})?(?P<cnafter>{_AFTER})?"
    rf"|(?<![A-Za-z0-9_.,第])(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?)(?![\d.]*[A-Za-z])"
    rf"(?P<scale>{_SCALE})?(?P<unit>{_UNIT})?(?P<after>{_AFTER})?"
)
PER = {"百分之": "%", "千分之": "‰"}  # 百分之三十 is 30 %, 千分之六 is 6 ‰
LIST_MARK = re.compile(r"\s*[.．、)）]")


def chinese_number(text: str) -> Decimal:
    """A Chinese numeral as a Decimal; cn2an reads it, a trailing 万亿 it cannot is multiplied here."""
    for scale in ("万亿", ""):
        if text.endswith(scale) and text != scale:
            head = text[: len(text) - len(scale)] if scale else text
            try:
                number = Decimal(str(cn2an.cn2an(head, "normal")))
            except (ValueError, KeyError, InvalidOperation):
                continue
            return number * SCALES.get(scale, Decimal(1))
    raise ValueError(f"not a Chinese numeral: {text!r}")


def _plain(number: Decimal) -> int | float:
    return int(number) if number == number.to_integral_value() else float(number)


def find_figures(text: str) -> list[Found]:
    """The figures in one paragraph, in order; periods and list numbering are left out."""
    taken = [m.span() for m in PERIOD.finditer(text) if not DURATION.fullmatch(m.group())]
    found: list[Found] = []
    for match in FIGURE.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        figure = _read(match, text)
        if figure is not None:
            found.append(figure)
    return found


def _read(match: re.Match[str], text: str) -> Found | None:
    groups = match.groupdict()
    as_written = match.group()
    if groups["num"] is not None:
        opening = not text[: match.start()].strip()
        if opening and LIST_MARK.match(text, match.end()) and not groups["unit"]:
            return None  # "1." opening a numbered paragraph
        number = Decimal(groups["num"].replace(",", "")) * SCALES.get(groups["scale"] or "", Decimal(1))
        unit = groups["unit"] or ""
        return Found(match.start(), match.end(), as_written, _plain(number), unit)
    if groups["pct"] is not None:
        pct = groups["pct"]
        try:
            number = Decimal(pct) if pct[0].isdigit() else chinese_number(pct)
        except ValueError:
            return None
        return Found(match.start(), match.end(), as_written, _plain(number), PER[groups["per"]])
    numeral, unit = groups["cn"], groups["cnunit"] or ""
    if groups["approx"]:  # 数千万, 几亿: an order of magnitude, not a number
        if not any(ch in numeral for ch in "十百千万亿"):
            return None
        return Found(match.start(), match.end(), as_written, None, unit, "estimate")
    if numeral[0] in "百千万亿":
        return None  # 千万 as "by all means", 万 in a name
    scaled = any(ch in numeral for ch in "十百千万亿")
    if not (scaled and len(numeral) >= 2) and not (unit and numeral not in ("一", "两", "二")):
        return None  # 一定, 三巨头, 二三线: words, not figures
    try:
        number = chinese_number(numeral)
    except ValueError:
        return None
    return Found(match.start(), match.end(), as_written, _plain(number), unit)


CLAUSE_STOP = re.compile(r"[，,。！？!?；;：:]")


def clause_around(text: str, start: int, end: int) -> str:
    """The clause of `text` that holds [start, end), as a verbatim quote."""
    left = max((m.end() for m in CLAUSE_STOP.finditer(text, 0, start)), default=0)
    right_match = CLAUSE_STOP.search(text, end)
    right = right_match.start() if right_match else len(text)
    return text[left:right].strip() or text[start:end]


def period_near(text: str, start: int, end: int) -> str:
    """The period stated in the same sentence as [start, end), nearest before it, else after it.

    A duration after the figure (…三百万家，退款须在10天内完成) times what follows it, not the
    figure: it counts only within the figure's own clause.
    """
    left = max((m.end() for m in CLAUSE_END.finditer(text, 0, start)), default=0)
    right_match = CLAUSE_END.search(text, end)
    right = right_match.start() if right_match else len(text)
    periods = [m for m in PERIOD.finditer(text, left, right) if not (m.start() < end and start < m.end())]
    before = [m for m in periods if m.end() <= start]
    if before:
        return before[-1].group()
    clause_end = CLAUSE_STOP.search(text, end)
    after = [
        m for m in periods if not DURATION.fullmatch(m.group()) or clause_end is None or m.start() < clause_end.start()
    ]
    return after[0].group() if after else ""


def draft_figures(paragraphs: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Figures in the pack format for `paragraphs` (id, text), each flagged for review."""
    figures: list[dict[str, Any]] = []
    for para_id, text in paragraphs:
        for found in find_figures(text):
            quote = clause_around(text, found.start, found.end)
            figure: dict[str, Any] = {
                "id": f"fig-{len(figures) + 1:02d}",
                "metric": {"zh": quote} if any("\u3400" <= c <= "\u9fff" for c in quote) else {"en": quote},
                "as_written": found.as_written,
            }
            if found.value is not None:
                figure["value"] = found.value
            if found.unit:
                figure["unit"] = found.unit
            period = period_near(text, found.start, found.end)
            if period:
                figure["period"] = period
            if found.hedge:
                figure["hedge"] = found.hedge
            figure["inference"] = DRAFTED
            figure["evidence"] = [{"para": para_id, "quote": quote}]
            figures.append(figure)
    return figures
