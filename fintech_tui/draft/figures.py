"""Every number the article states, as written and as a value, with its unit and a nearby period.

Arabic numerals and Chinese ones (两千万, 百分之三十) alike; cn2an reads the Chinese numerals.
Dates and periods (2020年第三季度, 今年2月) are not figures: they become the `period` of the
figures in the same sentence.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from decimal import Decimal, InvalidOperation
from itertools import pairwise

import cn2an  # the draft extra
import msgspec

from fintech_tui.draft.found import Found
from fintech_tui.draft.limits import NEAR, Taken, span_end, span_start
from fintech_tui.draft.outline import CLAUSE_END

_CN = "零〇一二两三四五六七八九"
_CN_ALL = _CN + "十百千万亿点"
SCALES = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "万": Decimal(10) ** 4, "千": Decimal(10) ** 3}
# Each unit word as written and its canonical name (the truth files' and the model's units).
CANONICAL = {
    "%": "%",
    "％": "%",
    "‰": "‰",
    "个百分点": "percentage points",
    "百分点": "percentage points",
    "个基点": "basis points",
    "基点": "basis points",
    "万亿元": "yuan",
    "元": "yuan",
    "美元": "USD",
    "港元": "HKD",
    "港币": "HKD",
    "欧元": "EUR",
    "英镑": "GBP",
    "日元": "JPY",
    "美分": "US cents",
    "名用户": "users",
    "用户": "users",
    "户": "users",
    "名客户": "customers",
    "人次": "visits",
    "人": "people",
    "名": "people",
    "位": "people",
    "家": "firms",
    "笔": "transactions",
    "倍": "times",
    "天": "days",
    "日": "days",
    "周": "weeks",
    "个月": "months",
    "年": "years",
    "小时": "hours",
    "分钟": "minutes",
    "秒": "seconds",
    "岁": "years old",
    "张": "cards",
    "次": "occurrences",
    "件": "items",
    "台": "devices",
    "款": "products",
    "项": "items",
    "单": "orders",
    "个": "",
    "只": "",
    "份": "",
    "座": "",
    "辆": "vehicles",
    "套": "",
    "条": "",
    "部": "",
    "期": "installments",  # 分12期还款 (a phase is 第二期, not counted)
}
UNITS = sorted(CANONICAL, key=len, reverse=True)  # longest first so 个百分点 wins over 个, 个月 over 月
_UNIT = "|".join(re.escape(u) for u in UNITS)
_SCALE = "万亿|亿|万|千"
_AFTER = "内|以上|以下|左右|上下|多|余"
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CNNUM = rf"[{_CN}十][{_CN_ALL}]*"
_PREFIX = r"(?:截至|截止到?|到)?"
PERIOD = re.compile(
    _PREFIX + r"(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
    r"|\d{1,2}:\d{2}(?::\d{2})?"
    r"|\d{4}\s*[QH][1-4]|[QH][1-4]"
    rf"|(?:\d{{4}}|[{_CN}]{{4}}|[今去明前上本])年(?:度)?(?:第?[{_CN}1-4]季度末?|前三季度|[上下]半年|全年|年[末底初]|[末底初]|同期|以来"
    r"|\d{1,2}\s*[-~～至到—–]\s*\d{1,2}月(?:份|末)?"
    rf"|(?:\d{{1,2}}|[{_CN}十]{{1,3}})月(?:份|末|底|初)?(?:\d{{1,2}}日)?)?"
    rf"|(?<![\d{_CN}个])(?:\d{{1,2}}|[{_CN}十]{{1,3}})月(?:份|末|底|初|中旬|上旬|下旬)?(?:\d{{1,2}}[日号])?"
    rf"|(?:第?[{_CN}1-4]|前三)季度末?|[上下]半年|年[末底初]|上年末|去年同期|上年同期"
    r"|(?:全年|年内|目前|(?<![体表实出发])现在|如今|当前|眼下|本周|上周|本月|上月|本季度?末?|上季度?末?|本年度|上个月|报告期[末内]?)"
    r"|(?:“[^”]{1,8}”|「[^」]{1,8}」)期间"
    rf"|(?:未来|过去|近|最近|此前|前)(?:\d+|[{_CN}十]{{1,3}})(?:年|个月|周|天)"
    rf"|(?:\d+|[{_CN}十]{{1,3}})(?:年|个月|周|天)(?:前|后|以来)"
    r"|\d+(?:天|个月|周|年)(?:内|以来|之内))"
)
DURATION = re.compile(r"(?:截至|截止到?|到)?\d+(?:天|个月|周|年)(?:内|之内)")  # a period that is also a figure
# A comparison base, not the figure's period: 较2024年末, 比上年末, 同比 (a year earlier).
BASE = re.compile(r"(?:较|比|相比|相较于?|对比|较之|比起|环比|同比)\s*(?:于)?\s*$")
# Festivals and list numbering that look like numbers: 双十一, 双11, 618大促, 1）2）, ①.
NOT_FIGURES = re.compile(
    r"双(?:十一|十二|11|12)|(?<!\d)618(?=大促|购物节|年中|期间|当天|活动|”|\"|」)"
    r"|\d+(?:天|日|个月)(?=逾期|不良|留存|复购|活跃|账龄)"  # 30天逾期率: a measure's name
    rf"|(?:\d+|[{_CN}十]{{1,3}})(?:年|个月|天|日)期"  # 1年期LPR, 三年期定期存款: a term in a product's name
    rf"|逾期(?:\d+|[{_CN}十]{{1,3}})(?:天|日|个月)(?:以上)?|(?:\d+|[{_CN}十]{{1,3}})(?:天|日|个月)以上(?=的?逾期)"
    rf"|前(?:\d+|[{_CN}十]{{1,3}})(?:大|名|强|位|家|款)"  # 前十大, 前五家: a rank, not a count
    r"|[〔［\[]\d{4}[〕］\]]\s*第?\d+号"  # 金规〔2025〕47号: a document's number
    rf"|(?<![\d{_CN}十])一(?:天|日|分|刻|步|点)(?=都|也)"  # 一天都做不下去: an idiom
    r"|(?<![\d（(])\d{1,2}[）)](?=\s*[\u4e00-\u9fffA-Za-z])|[（(]\d{1,2}[）)]|[①-⑳]"
    r"|^\s*\d{1,2}\s*[｜|丨]"  # 01｜规模: a section's number
    rf"|(?:\d+|[{_CN}十]{{1,3}})周年"  # 五周年: an anniversary, not weeks
    rf"|(?:\d+|[{_CN}十]{{1,3}})(?:天|日)(?=年化)"  # 七日年化收益率: a measure's name
    rf"|头部(?:\d+|[{_CN}十]{{1,3}})(?:家|款|名)"  # 头部五家: the leaders, a rank
    r"|(?<![\d.])(?:\d{3,4}[-－]\d{7,8}|\d{2,4}[-－]\d{3,4}[-－]\d{3,4}|1[3-9]\d{9}|400[-－]?\d{3}[-－]?\d{4})(?![\d.])"
)
_RANGE_JOIN = r"\s*[-~～—–至到]\s*"
FIGURE = re.compile(
    rf"(?P<r1>{_NUM}|{_CNNUM})(?P<rs1>{_SCALE})?(?P<ru1>{_UNIT})?{_RANGE_JOIN}"
    rf"(?P<r2>{_NUM}|{_CNNUM})(?P<rs2>{_SCALE})?(?P<ru2>{_UNIT})"
    rf"|(?P<fd>\d+|[{_CN}十]+)分之(?P<fn>\d+(?:\.\d+)?|[{_CN}十]+)"
    rf"|(?P<per>百分之|千分之)(?P<pct>[{_CN_ALL}]+|\d+(?:\.\d+)?)"
    rf"|(?P<cheng>\d(?:\.\d)?|[一二两三四五六七八九])成(?!本|立|为|功|交|长|员|熟|果|绩|型|都|不变|就|年|色|分)"
    r"|(?P<half>一半)"
    rf"|(?P<approx>(?:[数几]|十几|几十)[十百千万亿]*)(?P<aunit>{_UNIT})?"
    rf"|(?<!第)(?P<cn>{_CNNUM}|[十百千万亿]+)(?P<cnmore>多|余)?"
    rf"(?P<cnunit>{_UNIT})?(?P<cnafter>{_AFTER})?"
    rf"|(?<![A-Za-z0-9_.第])(?<!\d,)(?P<sign>(?<![0-9A-Za-z%％)）])[−－-])?(?P<num>{_NUM})(?![\d.]*[A-Za-z])"
    rf"(?P<scale>{_SCALE})?(?P<more>多|余)?(?P<unit>{_UNIT})?(?P<after>{_AFTER})?"
)
PER = {"百分之": "%", "千分之": "‰"}  # 百分之三十 is 30 %, 千分之六 is 6 ‰
LIST_MARK = re.compile(r"\s*[.．、)）]")
# Words before a figure that make it approximate (约, 近, 超过, 逾), and after it (左右, 以上, 多).
APPROX_BEFORE = re.compile(
    r"(?:约|大约|大概|近|将近|接近|超过|超|逾|多达|不足|不到|上下|至少)(?:为|是|达到?|至|到|了|在|有)?\s*$"
)
APPROX_AFTER = ("以上", "以下", "左右", "上下", "多", "余", "出头")
ESTIMATED = re.compile(r"据估计|据估算|估计|估算|粗略计算|据测算|测算")
PREDICTED = re.compile(
    r"预计|预期|预测|目标(?:是|为)|(?<![托财管])计划(?=在|于|未来|明年|今年|年内|到|将|把)|力争|将(?:会|要)?(?:相应)?(?:达到|达|超过|突破|增至|增长|降至|下降|提升|提高|升至|减少|扩大|回落|保持"
    r"|维持|占|变动|把|使|让)"
)
POSSIBLE = re.compile(r"可能|或许|也许|或将|有望|不排除|若(?!干)|如果|假如|假设|一旦")
# A bound stated as a rule or a limit has no hedge: 上限调整至不超过20%, 限制在不超过50%, 100万元以上的罚单.
LIMIT = re.compile(r"上限|下限|限制|不得|要求|规定|门槛|控制在|应当|须")
# The speaker's own judgement (我认为): the figure is an opinion, which wins over an estimate.
OPINION = re.compile(r"我认为|我们认为|我觉得|我相信|在我看来|我判断|笔者认为")
BOUND_WORDS = re.compile(r"(?:不超过|不低于|不少于|超过|低于|高于)\s*$")
# What a count counts, by the noun beside it, when its measure word (个, 份, 只, 单) does not say.
COUNTED = (
    ("保单", "policies"),
    ("用户", "users"),
    ("客户", "customers"),
    ("商户", "merchants"),
    ("账户", "accounts"),
    ("门店", "branches"),
    ("网点", "branches"),
    ("营业部", "branches"),
    ("国家", "countries"),
    ("工作日", "days"),
    ("交易日", "days"),
    ("理赔", "claims"),
    ("罚单", "penalties"),
    ("员工", "employees"),
    ("产品", "products"),
    ("基金", "funds"),
    ("股票", "stocks"),
    ("订单", "orders"),
    ("省份", "provinces"),
    ("城市", "cities"),
    ("钱包", "wallets"),
    ("项目", "projects"),
    ("违法违规行为", "violations"),
    ("违规行为", "violations"),
    ("下载", "downloads"),
    ("会员", "members"),
    ("币种", "currencies"),
    ("区县", "counties"),
    ("县", "counties"),
    ("借款人", "borrowers"),
    ("场景", "scenarios"),
    ("小微企业", "firms"),
)
# A score: digits and 分 (88分, 满分100分), not 分钟, 分之, 分钱, 分期, 分行, 分公司.
SCORE = re.compile(r"分(?![钟之钱期行公红享布析类成散别支局])")
CLOCK_BEFORE = re.compile(r"[时点:：]$")  # 15时30分, 9点30分: a time, not a score
GENERIC_COUNTS = {"", "items", "orders", "occurrences", "cards"}
LISTED = re.compile(r"\s*(?:和|及|与|、|以及)\s*")
JOINED = re.compile(r"\s*(?:至|到|增至|降至|升至|和|及|与|、|或)\s*")
USER_WORDS = re.compile(r"用户|MAU|DAU|月活|日活|活跃")


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


def _number(text: str) -> Decimal:
    """An Arabic or Chinese numeral as a Decimal."""
    return Decimal(text.replace(",", "")) if text[0].isdigit() else chinese_number(text)


def find_periods(text: str) -> list[tuple[int, int]]:
    """The spans of the dates, times and periods `text` states (2024年上半年, 截至6月末, 21:05)."""
    return [m.span() for m in PERIOD.finditer(text)]


def find_figures(text: str) -> list[Found]:
    """The figures in one paragraph, in order, each with its hedge, a short metric and its period.

    Periods, festivals (双十一) and list numbering (1）) are left out; a duration (10天内) is both.
    """
    periods = [m for m in PERIOD.finditer(text)]
    taken = Taken(m.span() for m in periods if not DURATION.fullmatch(m.group()))
    for match in NOT_FIGURES.finditer(text):
        taken.add(*match.span())
    found: list[Found] = []
    for match in _matches(text):
        if taken.overlaps(match.start(), match.end()):
            continue
        figure = _read(match, text)
        if figure is None or _referring(text, figure):
            continue
        metric = _metric(text, figure.start, found[-1].metric if found else "")
        if found and JOINED.fullmatch(text[found[-1].end : figure.start]):
            metric = found[-1].metric  # 下调15个基点至1.85%, 分别为3%和5%: the figure before names the measure
        if (
            not figure.unit
            and figure.as_written[-1:].isdigit()
            and SCORE.match(text, figure.end)
            and not CLOCK_BEFORE.search(text, 0, figure.start)
        ):
            figure = msgspec.structs.replace(
                figure, end=figure.end + 1, as_written=figure.as_written + "分", unit="points"
            )
        unit = _counted(text, figure, metric)
        if not unit and figure.value is not None and USER_WORDS.search(metric):
            unit = "users"  # 月活跃用户合计1.13亿: the count is of users
        hedge = _hedge(text, figure)
        if (
            not hedge
            and found
            and found[-1].hedge == "estimate"
            and LISTED.fullmatch(text[found[-1].end : figure.start])
        ):
            hedge = "estimate"  # 分别增长约9%和5%: the 约 before a list is for each of it
        period = _spread(text, figure, found, periods) or _period(text, figure.start, figure.end, periods)
        found.append(msgspec.structs.replace(figure, unit=unit, hedge=hedge, metric=metric, period=period))
    return _in_table(text, found) if text.lstrip().startswith("|") else found


HEAD_UNIT = re.compile(rf"[（(]\s*(?P<scale>{_SCALE})?(?P<unit>{_UNIT})?\s*[)）]\s*$")


def _in_table(text: str, found: list[Found]) -> list[Found]:
    """A Markdown table's figures read by their column: its heading names the measure, and a unit
    in brackets there (资产总额（亿元）) is the unit and scale of the bare numbers under it."""
    breaks = [m.start() + 1 for m in re.finditer(r"\|\s*\|", text)]
    rows = [_cells(text, a, b) for a, b in zip([0, *breaks], [*breaks, len(text)], strict=False)]
    rows = [row for row in rows if row]
    ruled = len(rows) > 1 and all(re.fullmatch(r"\s*:?-{2,}:?\s*", text[a:b]) for a, b in rows[1])
    if not ruled:
        return found
    heads = [text[a:b].strip() for a, b in rows[0]]
    body = rows[2:]
    starts = [row[0][0] for row in body]  # rows and cells by bisection: a long table stays linear
    read: list[Found] = []
    for figure in found:
        at = bisect_right(starts, figure.start) - 1
        row = body[at] if at >= 0 and figure.start < body[at][-1][1] else None
        column = bisect_right([a for a, _ in row], figure.start) - 1 if row else 0
        if row is None or column <= 0 or column >= len(heads) or figure.start >= row[column][1]:
            read.append(figure)
            continue
        head = heads[column]
        bracket = HEAD_UNIT.search(head)
        metric = head[: bracket.start()].strip() if bracket else head
        value, unit = figure.value, figure.unit
        if bracket and not unit and value is not None and figure.as_written[-1:].isdigit():
            scale = SCALES.get(bracket.group("scale") or "", Decimal(1))
            value = _plain(Decimal(str(value)) * scale)
            unit = _unit(bracket.group("unit") or "")
        spans = find_periods(head)
        period = head[spans[0][0] : spans[0][1]] if spans else figure.period
        read.append(
            msgspec.structs.replace(figure, value=value, unit=unit, metric=metric or figure.metric, period=period)
        )
    return read


def _cells(text: str, left: int, right: int) -> list[tuple[int, int]]:
    """The spans of the cells between `left` and `right` in a table row ("| a | b |")."""
    bars = [m.start() for m in re.finditer(r"\|", text[left:right])]
    return [(left + a + 1, left + b) for a, b in pairwise(bars)]


# Words before a count of products that make it a quantity (超过十款), not a way of referring to them.
QUANTITY_BEFORE = re.compile(r"(?:超过|共有?|达到?|累计|新增|多达|近|约|逾|上线了?|有)\s*$")


PER_ONE = frozenset({"一年", "一天", "一个月", "一周", "一次", "一笔", "一单", "每年", "每月"})


def _referring(text: str, figure: Found) -> bool:
    """A count of products that only refers to them (两款产品, 挑选了五款App), or "one year" that is
    the span a rate is given for (一年保费只要200元): no figure."""
    if figure.as_written in PER_ONE:
        stop = CLAUSE_STOP.search(text, figure.end, figure.end + NEAR)
        return FIGURE.search(text[figure.end : stop.start() if stop else figure.end + NEAR]) is not None
    if not figure.as_written.endswith("款") or figure.value is None:
        return False
    return not QUANTITY_BEFORE.search(text, max(0, figure.start - 4), figure.start)


def _spread(text: str, figure: Found, found: list[Found], periods: list[re.Match[str]]) -> str:
    """分别 pairs a list of periods with the figures after it, in order (2025年、2026年…分别为
    118亿元和131亿元; a second list in the sentence pairs again), else ""."""
    left, _ = _sentence(text, figure.start, figure.end)
    each = text.rfind("分别", left, figure.start)
    if each < 0:
        return ""
    run: list[re.Match[str]] = []
    for match in (m for m in periods if left <= m.start() and m.end() <= each):
        if run and not LISTED.fullmatch(text[run[-1].end() : match.start()]):
            run = []
        run.append(match)
    if len(run) < 2:
        return ""
    index = sum(1 for f in found if each < f.start)
    return run[index % len(run)].group()


def _counted(text: str, figure: Found, metric: str) -> str:
    """The unit of a count whose measure word says little (个, 份, 件, 只, 单, or none): the noun it
    counts, right after it (183个国家, 11只理财产品) or in its metric (保单超过500万份)."""
    bare_households = (
        figure.unit == "users" and figure.as_written.endswith("户") and not figure.as_written.endswith("用户")
    )
    generic = (
        figure.unit in GENERIC_COUNTS
        or (figure.unit == "firms" and figure.as_written.endswith("家"))
        or bare_households  # 2,300户商户: the noun after 户 says what is counted
    )
    if not generic or figure.value is None:
        return figure.unit
    stop = CLAUSE_STOP.search(text, figure.end, figure.end + 6)  # bounded: a long line stays linear
    after = text[figure.end : stop.start() if stop else figure.end + 6]
    for place in (after,) if bare_households else (after, metric):  # 客户数1.97亿户: 户 is users, as written
        for noun, unit in COUNTED:
            if noun in place and (unit == "branches" or figure.unit != "firms"):
                return unit
    return figure.unit


def _matches(text: str) -> list[re.Match[str]]:
    """FIGURE's matches, but a "range" whose ends have different units (下调15个基点至1.85%: by one
    amount to another) is two figures."""
    out: list[re.Match[str]] = []
    for match in FIGURE.finditer(text):
        ru1, ru2 = match.group("ru1"), match.group("ru2")
        if ru1 and ru2 and _unit(ru1) != _unit(ru2):
            first = FIGURE.match(text, match.start(), match.end("ru1"))
            second = FIGURE.match(text, match.start("r2"), match.end())
            out += [m for m in (first, second) if m is not None]
        else:
            out.append(match)
    return out


def _unit(written: str) -> str:
    return CANONICAL.get(written, written)


def _read(match: re.Match[str], text: str) -> Found | None:
    groups = match.groupdict()
    as_written = match.group()
    start, end = match.span()
    if groups["r1"] is not None:  # 30-45岁, 30亿至50亿元, 1%-3%: one figure, read as its low end
        try:
            low = _number(groups["r1"]) * SCALES.get(groups["rs1"] or groups["rs2"] or "", Decimal(1))
        except ValueError:
            return None
        return Found(start, end, as_written, _plain(low), _unit(groups["ru2"] or ""))
    if groups["fd"] is not None:  # 三分之一
        try:
            share = _number(groups["fn"]) / _number(groups["fd"]) * 100
        except (ValueError, InvalidOperation, ZeroDivisionError):
            return None
        return Found(start, end, as_written, _plain(share.quantize(Decimal("0.0001"))), "%")
    if groups["cheng"] is not None:  # 六成 is 60 %
        return Found(start, end, as_written, _plain(_number(groups["cheng"]) * 10), "%")
    if groups["half"] is not None:
        return Found(start, end, as_written, 50, "%")
    if groups["num"] is not None:
        opening = _NOT_SPACE.search(text, 0, start) is None  # as `not text[:start].strip()`, without the copy
        if opening and LIST_MARK.match(text, end) and not groups["unit"]:
            return None  # "1." opening a numbered paragraph
        number = Decimal(groups["num"].replace(",", "")) * SCALES.get(groups["scale"] or "", Decimal(1))
        if groups["sign"]:
            number = -number  # −1.6亿元: a loss written as a negative number keeps its sign
        unit = _unit(groups["unit"] or "")
        return Found(start, end, as_written, _plain(number), unit, "estimate" if groups["more"] else "")
    if groups["pct"] is not None:
        pct = groups["pct"]
        try:
            number = Decimal(pct) if pct[0].isdigit() else chinese_number(pct)
        except ValueError:
            return None
        return Found(start, end, as_written, _plain(number), PER[groups["per"]])
    if groups["approx"] is not None:  # 数千万, 几亿, 十几家, 数倍: an order of magnitude, not a number
        numeral, unit = groups["approx"], groups["aunit"] or ""
        if not (any(ch in numeral for ch in "十百千万亿") or unit == "倍"):
            return None
        return Found(start, end, as_written, None, _unit(unit), "estimate")
    numeral, unit = groups["cn"], groups["cnunit"] or ""
    if numeral[0] in "百千万亿":
        return None  # 千万 as "by all means", 万 in a name
    scaled = any(ch in numeral for ch in "十百千万亿")
    small_word = numeral in ("一", "两", "二") and unit not in ("倍", "个百分点", "个月", "年", "天")
    if not (scaled and len(numeral) >= 2) and not (unit and not small_word):
        return None  # 一定, 三巨头, 二三线, 一家: words, not figures
    if unit == "个" and not scaled:
        return None  # 三个判断: a count of the text's own points
    try:
        number = chinese_number(numeral)
    except ValueError:
        return None
    return Found(start, end, as_written, _plain(number), _unit(unit), "estimate" if groups["cnmore"] else "")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    return span_start(CLAUSE_END, text, start), span_end(CLAUSE_END, text, end)


def _hedge(text: str, figure: Found) -> str:
    """prediction (预计, 有望, 将达到) or estimate (约, 近, 超过, 左右, 据估计) from the figure's sentence."""
    left, _ = _sentence(text, figure.start, figure.end)
    before = text[left : figure.start]
    if POSSIBLE.search(before):
        return "possibility"
    if OPINION.search(before):
        return "opinion"
    if PREDICTED.search(before):
        return "prediction"
    after = text[figure.end : figure.end + 2]
    bound = (
        BOUND_WORDS.search(before) or after.startswith(("以上", "以下")) or figure.as_written.endswith(("以上", "以下"))
    )
    if bound and (LIMIT.search(before) or text[figure.end :].lstrip("以上下内").startswith("的")):
        return ""  # a rule's bound (上限…不超过20%) or a threshold naming a class (100万元以上的罚单)
    if (
        figure.hedge
        or APPROX_BEFORE.search(before)
        or figure.as_written.endswith(APPROX_AFTER)
        or after.startswith(APPROX_AFTER)
        or ESTIMATED.search(before)
    ):
        return "estimate"
    return ""


def _period(text: str, start: int, end: int, periods: list[re.Match[str]]) -> str:
    """The period of the figure's sentence, nearest before it, else in its clause after it; never a
    comparison base (较2024年末, 比上年末). A header's period (截至2023Q2) is the drafting's to pass down."""
    left, right = _sentence(text, start, end)
    near = periods[bisect_left(periods, left, key=_start) : bisect_left(periods, right, key=_start)]
    own = [
        m
        for m in near
        if not (m.start() < end and start < m.end()) and not BASE.search(text[max(0, m.start() - 4) : m.start()])
    ]
    before = [m for m in own if left <= m.start() and m.end() <= start]
    if before:
        return before[-1].group()
    clause_end = CLAUSE_STOP.search(text, end, end + NEAR)
    after = [
        m
        for m in own
        if start < m.start() < right
        and (not DURATION.fullmatch(m.group()) or clause_end is None or m.start() < clause_end.start())
    ]
    return after[0].group() if after else ""


# Words that end a metric's phrase before its figure: verbs of change, copulas, hedges, comparisons.
_METRIC_TAIL = re.compile(
    r"(?:同比|环比|较|比)?(?:增长了?|下降了?|减少了?|增加了?|提升了?|提高了?|上升了?|回落|收窄|扩大|降低了?|"
    r"下调|上调|下滑|下跌|上涨|增至|降至|升至|达到|达|为|是|约为|约|近|超过|逾|超|高达|不足|不到|不低于|不少于|至少|在|保持在|维持在|合计|共|"
    r"仅|只有|已|已经|突破|占比|占|大约|将近|接近|多达|了|的|已有|仍有|共有|有|到|至|会|将)+$"
)
_METRIC_HEAD = re.compile(r"^(?:其中|此外|同时|而|但|并|且|其|以及|和|与|及|该行|该公司|全年|目前|当前|累计)+")


def _metric(text: str, start: int, previous: str) -> str:
    """A short name of what the figure measures: the noun phrase its clause gives before it.

    The clause before the figure less its periods, comparison bases, verbs of change and the
    subject's name; what is left is cut at 从 (员工从400人…) and its trailing nouns are kept.
    Without one (同比下降2.9%) the figure shares the metric of the figure before it.
    """
    left = span_start(CLAUSE_STOP, text, start)
    phrase = PERIOD.sub(" ", text[left:start])
    phrase = BASE_WORD.sub(" ", phrase)
    if "从" in phrase:
        pieces = [re.split(r"[从由自]|\s", phrase.strip())[0]]
    else:  # the last piece a period or a base left that names something: 合规团队 现在有130人
        pieces = [p for p in phrase.split(" ") if p][::-1] or [""]
    for piece in pieces:
        metric = _nouns(_METRIC_HEAD.sub("", _METRIC_TAIL.sub("", piece.strip())))
        if len(metric) >= 2:
            return metric
    return previous


# A comparison's word and its base (较上年末, 比年初), but not 同比 / 环比 / 占比 / 比重 / 比较 of a metric.
BASE_WORD = re.compile(
    r"(?:(?<![同环对占])(?:较(?![为大高低多少快慢好])|比(?![重例率较])|相比|相较于?))\s*"
    r"(?:上年末|去年同期|上年同期|年初|上月|上季度)?"
)


def _nouns(phrase: str) -> str:
    """The trailing nouns of `phrase` (营业 收入), at most 12 characters; the subject's name stops them."""
    nouns: list[str] = []
    tagged = _tagged(phrase)
    for i in range(len(tagged) - 1, -1, -1):
        word, flag = tagged[i]
        if flag == "v" and not nouns and i and tagged[i - 1][1] in ("n", "vn"):
            flag = "n"  # 营业 收入: jieba tags the second half of a compound noun a verb
        if word in ("新增", "累计", "存量", "净") and nouns:
            flag = "n"  # 新增 贷款: a verb that qualifies the measure
        if flag == "m" and nouns and word in ("月", "日", "年", "季"):
            flag = "n"  # 月 活跃用户, 日 均
        if flag in _TRAILING and not nouns:
            continue  # 合作平台也: the adverb after the noun goes
        if not (flag in _NOUNS or (flag == "x" and re.fullmatch(r"[（(]?[A-Za-z]+[)）]?", word))):
            break
        if flag == "nt" and nouns:
            break  # 招行 实现 营业收入: the subject is not the metric
        nouns.insert(0, word)
    metric = "".join(nouns)
    return metric[-12:] if len(metric) > 12 else metric


_NOUNS = {"n", "nz", "vn", "eng", "j", "l", "an", "ng", "nrt", "nr", "nt", "b", "x"}
_TRAILING = {"d", "p", "c", "u", "uj", "ul", "y", "v", "m", "r", "f"}


@functools.lru_cache(maxsize=4096)
def _tagged(phrase: str) -> tuple[tuple[str, str], ...]:
    """jieba's words and tags for a metric phrase; cached, as clauses repeat their phrases."""
    from fintech_tui.draft.lexicon_zh import tokenizer  # deferred: the dictionary loads on first use

    return tuple((pair.word, pair.flag) for pair in tokenizer().cut(phrase)) if phrase else ()


CLAUSE_STOP = re.compile(r"[，,。！？!?；;：:]")
_NOT_SPACE = re.compile(r"\S")


def _start(match: re.Match[str]) -> int:
    return match.start()
