"""Every quantity an English paragraph states, with its unit, hedge, short metric and period.

Regular expressions, no model: a number (digits or words, with million / bn folded into the
value) and the currency, percent or count noun around it make one figure; fractions and
"six in 10" are shares in percent. Dates, times, years and ids (Form 10-K, COVID-19) are
never figures: dates and periods are found first and become the `period` of the figures in
their sentence, unless they are a comparison base ("from a year earlier").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from decimal import Decimal
from itertools import pairwise

import msgspec

from fintech_tui.draft.found import Found
from fintech_tui.draft.lexicon_en import classes_of
from fintech_tui.draft.limits import Taken
from fintech_tui.draft.periods_en import (
    NUMBER_WORD,
    SENTENCE_REACH,
    WORD_VALUES,
    Raw,
    clause_start,
    figure_period,
    find_periods,
    sentence_bounds,
)
from fintech_tui.draft.readings_en import COUNT_ADJECTIVES, hedge_after, metric_of
from fintech_tui.draft.units_en import (
    COUNT_UNITS,
    CURRENCY_AFTER,
    CURRENCY_BEFORE,
    FRACTIONS,
    LIST_NOUNS,
    MULTIPLES,
    NOT_COUNT_NOUNS,
    PERCENT,
    POINT_SIZES,
    SCALE_VALUES,
)

__all__ = ["find_figures", "find_periods"]


_SCALE = r"(?:\s?(?:thousand|million|billion|trillion)|\s?(?:mn|mln|bn|tn|trn)|(?:k|m|b))(?![A-Za-z])"


_CUR_BEFORE = r"(?:US\$|HK\$|S\$|A\$|C\$|\$|€|£|¥|₹|(?<![A-Za-z])(?:USD|HKD|SGD|EUR|GBP|RMB|CNY|Rs\.?)\s?)"

_CUR_AFTER = r"(?:dollars?|yuan|renminbi|RMB|USD|HKD|EUR|euros?|pounds?|yen|rupees)"


_PERCENT = r"(?:\s?%|\s(?:per\s?cent|bps|bp|pp|ppt)(?![A-Za-z])|[\s-](?:percentage|basis)[\s-]points?(?![A-Za-z]))"


_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"

FIGURE = re.compile(
    rf"(?P<cur>{_CUR_BEFORE})?"
    rf"(?P<num>{_NUMBER}|(?<![A-Za-z-])(?:a|one|{NUMBER_WORD})(?=\s(?:thousand|million|billion|trillion)))"
    rf"(?:\s?[-–]\s?(?P<upper>{_NUMBER})(?=\s?(?:%|percent|per cent|thousand|million|billion|trillion|bn|mn|m\b)))?"
    rf"(?P<scale>{_SCALE})?"
    rf"(?:\s(?P<curword>{_CUR_AFTER})(?![A-Za-z]))?"
    rf"(?P<pct>{_PERCENT})?"
    rf"(?P<fold>-fold|x(?![A-Za-z0-9]))?",
    re.IGNORECASE,
)

WORD_FIGURE = re.compile(
    rf"(?<![A-Za-z-])(?P<word>{NUMBER_WORD})(?:\s(?:to|or)\s{NUMBER_WORD}|-{NUMBER_WORD})?"
    rf"(?:\s(?P<pct>percentage points?|percent|per cent)(?![a-z])|(?P<fold>-fold|fold)"
    rf"|\s(?:such\s|more\s|other\s)?(?P<noun>[a-z][a-z-]+))",
    re.IGNORECASE,
)


_FRACTION = "|".join(sorted((re.escape(f) for f in FRACTIONS), key=len, reverse=True))

# A fraction is a share only where it is "of" something or hedged: "a quarter of adults", "nearly half".
FRACTION = re.compile(
    rf"(?<![A-Za-z-])(?P<hedged>(?:nearly|almost|about|around|roughly|more than|less than|over|just over|just under|"
    rf"some|close to|fewer than|as much as|up to|by|by about|by nearly)\s)?(?P<frac>{_FRACTION})(?![A-Za-z-])"
    rf"(?P<of>\s(?:of|the|its|their|our|all)\b)?",
    re.IGNORECASE,
)

_COUNT = rf"\d+|{NUMBER_WORD}"


POINTS = re.compile(r"(?<![\w-])(quarter|half)[- ](?:percentage[- ])?point(?![\w-])", re.IGNORECASE)

VAGUE = re.compile(r"\b(?:a few|several|many)\s(?:hundred|thousand|million|billion)(?:\s(?:thousand|million))?", re.I)


MULTIPLIED = re.compile(
    r"\b(?P<verb>doubled|tripled|trebled|quadrupled)\b"
    r"|\b(?:could|would|will|may|might|to|roughly|nearly|almost|more than)\s(?P<bare>double|triple|quadruple)\b",
    re.IGNORECASE,
)

SOURCES = re.compile(
    rf"\b(?:{NUMBER_WORD}|\d+)\s(?:people|persons|sources)\s(?:familiar|briefed|with knowledge|close to)\b",
    re.IGNORECASE,
)

ONE_IN = re.compile(rf"(?<![A-Za-z-])(?P<a>{_COUNT})\s(?:in|out of)\s(?P<b>{_COUNT})(?![\d,])", re.IGNORECASE)

TIMES = re.compile(
    rf"(?<![A-Za-z-])(?:(?P<low>\d+|{NUMBER_WORD})\s(?:or|to)\s)?"
    rf"(?P<n>\d+(?:\.\d+)?|{NUMBER_WORD}(?P<half>\sand\sa\shalf)?|twice)(?:\s(?P<times>times)(?=\s(?:as|more|larger|bigger|higher|"
    rf"greater|faster|the|that|its|their|what|over|less)|\s(?!(?:a|an|per|each|every|in|on|at|during|since|this|last|when|if|and|or|but|so|to|a\s?year|now)\b)[a-z])|(?<=twice)(?=\s(?:as|the)))",
    re.IGNORECASE,
)

# An id or a name with a number in it: Form 10-K, COVID-19, Section 230, Fortune 500, Basel III.
_ID_BEFORE = re.compile(
    r"(?:\b(?:Form|Section|Rule|Chapter|Article|Title|Schedule|Regulation|Fortune|Phase|Tier|Level|No|Nos|"
    r"Number|Item|Part|Series|Version|Model|Room|Route|Highway|Gate|Article|Clause|Figure|Table|Page|Top|"
    r"Issue|Vol|Volume|Edition|Episode|Unit|Suite|Floor|Ref|Reference|ID|Code)\.?:?"
    r"\s?|#\s?|[A-Za-z]-?|/|\[\^?)$"
)

_NAMED_BEFORE = re.compile(
    r"(?<![.!?]\s)(?<!^)\b(?!(?:About|Around|Nearly|Almost|Roughly|Some|Over|Only|Just|Up|More|Less|Fewer)\s)"
    r"[a-z]*[A-Z][\w-]*\s(?:in\s)?$"
)

_GLUED_AFTER = re.compile(r"(?:-?[A-Za-z]|-\d|\(|/\d|\.\d)")

LIST_NUMBER = re.compile(r"\s*(?:\d{1,2}|[A-Za-z])[.)]\s")

# "1.2. The firm …", "2.1 Background", "03 — What changed": a paragraph's or a heading's own number
SECTION_NUMBER = re.compile(r"\s*(?:\d{1,2}(?:\.\d{1,2})+\.?|0\d\.?)\s+(?:[—–-]\s)?[A-Z\"“‘(]")

# "12 Endeavour Square": a street number, not a quantity
_ADDRESS = re.compile(
    r"\s(?:[A-Z][\w'’-]*\s){1,3}(?:Street|St|Square|Road|Rd|Avenue|Ave|Lane|Place|Plaza|Boulevard|Blvd|Way|"
    r"Drive|Court|Wharf|Row|Hill|Park|Gardens)\b"
)

# "0% APR", "0% interest": a promotion's name, not a rate the article reports
_ZERO_PROMOTION = re.compile(r"\s(?:APR|APY|interest|financing|intro|introductory|promotional|down)\b")

# "−$14 million", "-2.4%": a sign written before the number (never a range's dash after a number or word)
_MINUS = re.compile(r"(?:^|(?<=[\s(|:]))[−-]$")

_GOES_ON = re.compile(
    r"^[\s,]*(?:(?:year-on-year|year-over-year|year over year|y/y|yoy|on the year|a year earlier)\s)?"
    r"(?:up from|down from|up|down|rising|falling|or|and|to|from|compared with|versus|"
    r"a (?:rise|gain|drop|fall|decline) of|an increase of)?"
    r"(?:\s(?:about|nearly|around|almost|roughly|some|more than))?\s*$"
)

# "rose 5% to 6%", "from $2bn to $3bn": a change from one figure to another, not a range.
_CHANGE_BEFORE = re.compile(
    r"\b(?:from|rose|fell|grew|increased|decreased|declined|dropped|jumped|climbed|surged|slipped|cut|raised|lifted|"
    r"lowered|narrowed|widened|up|down)\s(?:(?:by|about|nearly|around|almost|roughly|some|more than)\s)?[^\s]*\s?$",
    re.IGNORECASE,
)

# How long something went on ("for three years", "three quarters in a row"): a time, not a quantity stated.
DURATION = re.compile(
    rf"\bfor\s(?:(?:about|nearly|almost|roughly|more than|over|at least|the past|the last)\s)*"
    rf"(?:\d+|{NUMBER_WORD})\s(?:years|months|weeks|quarters|decades)\b"
    rf"|(?<![A-Za-z-])(?:\d+|{NUMBER_WORD})\s(?:years|months|weeks|quarters)\s(?:in a row|running|straight)\b"
    rf"|(?<![A-Za-z-])(?:\d+|{NUMBER_WORD})\s(?:consecutive|straight)\s(?:years|months|weeks|quarters)\b",
    re.IGNORECASE,
)

# A term in days ("within five business days", "a 34-day free trial", "a three-year agreement"): how long,
# stated as a quantity. Periods ("the past 12 months", "two years ago") are found first and keep their words.
TERM = re.compile(
    rf"(?<![\w$£€.-])(?P<n>\d+|{NUMBER_WORD})(?:\s(?:to|or)\s(?:\d+|{NUMBER_WORD}))?\s(?:more\s|further\s)?"
    rf"(?:business|working|calendar|trading)\s"
    rf"(?P<unit>days|weeks)\b"
    rf"|(?<![\w$£€.-])(?P<hn>\d+|{NUMBER_WORD})-(?P<hunit>day|week|month|year)\s(?:[a-z-]+\s)?"
    rf"(?=(?:agreement|deal|contract|term|trial|loan|plan|partnership|window|programme|program|pilot|"
    rf"moratorium|freeze|ban|licence|license|lease|commitment|extension|review|probation|suspension)\b)",
    re.IGNORECASE,
)

# "more than a month", "by a year", "at least a year": one unit of time, rounded or stated.
ONE_UNIT = re.compile(
    r"\b(?:more than|less than|nearly|almost|about|around|roughly|just over|just under|by|at least)\s(?P<one>an?)\s"
    r"(?P<unit>day|week|month|year|decade|hour)(?!\s(?:ago|earlier|later|before|after|on|from|or))\b",
    re.IGNORECASE,
)

# "loans 60 days or more past due", "a 90-day delinquency": a number inside a metric's name.
_IN_METRIC_NAME = re.compile(r"\s(?:or more\s)?(?:past due|overdue|delinquent)\b")

# "Of the 12,000 accounts, …": a count the text already stated, used to refer.
_REFERRING_DIGITS = re.compile(r"\b(?:of the|of those|among the|these|those)\s$", re.IGNORECASE)

_ORDINAL_BEFORE = re.compile(r"(?:first|second|the)\s$", re.IGNORECASE)  # "the first half" is a period
_NOT_SPACE = re.compile(r"\S")
_CENTS = re.compile(r"\s?(?:cents?\b|¢)|\s(?P<pence>pence\b)")
_FOLLOWING_WORDS = re.compile(r"\s([a-z]+)(?:\s([a-z]+))?")

_REFERRING = re.compile(r"\b(?:the|these|those|both|its|their|our|all|other)\s$", re.IGNORECASE)


def find_figures(text: str) -> list[Found]:
    """The figures in one paragraph, in order, each with its hedge, metric and period."""
    periods = find_periods(text)
    taken = Taken(periods)
    raw: list[Raw] = []
    referred: list[Raw] = []  # counts the text refers back to ("of the 12,000 accounts"): their nouns still count

    def add(start: int, end: int, value: int | float | None, unit: str) -> None:
        if not taken.overlaps(start, end):
            raw.append((start, end, value, unit))
            taken.add(start, end)

    for match in FRACTION.finditer(text):
        if match.group("of") or match.group("hedged"):
            fraction = match.group("frac").lower()
            if fraction == "half" and _ORDINAL_BEFORE.search(
                text, max(0, match.start("frac") - 12), match.start("frac")
            ):
                continue
            add(match.start("frac"), match.end("frac"), _plain(FRACTIONS[fraction]), "%")
    for match in ONE_IN.finditer(text):
        a, b = _count_value(match.group("a")), _count_value(match.group("b"))
        if a is not None and b and a < b and b in (2, 3, 4, 5, 6, 8, 10, 20, 25, 50, 100):
            add(match.start(), match.end(), _plain(100 * a / b), "%")
    for match in TIMES.finditer(text):
        word = (match.group("low") or match.group("n")).lower().removesuffix(" and a half")
        times = 2 if word == "twice" else _count_value(word)  # "two or three times": the low end
        if times is not None:
            add(match.start(), match.end(), times + 0.5 if match.group("half") else times, "times")
    for match in POINTS.finditer(text):  # "a quarter-point cut": 0.25 percentage points
        add(match.start(), match.end(), POINT_SIZES[match.group(1).lower()], "percentage points")
    for match in VAGUE.finditer(text):  # "a few hundred thousand users": a count with no exact value
        counted = _count_noun(text, match.end())
        if counted:
            add(match.start(), counted[1], None, counted[0])
    for match in MULTIPLIED.finditer(text):
        verb = "verb" if match.group("verb") else "bare"
        add(match.start(verb), match.end(verb), MULTIPLES[match.group(verb).lower()], "times")
    for match in SOURCES.finditer(text):
        taken.add(*match.span())  # "three people familiar with the matter": who said it, not a quantity
    for match in DURATION.finditer(text):  # "with us for 11 years", "three quarters in a row": how long
        number = re.search(rf"(?:\d+|{NUMBER_WORD})\s(?:consecutive\s|straight\s)?(\w+)", match.group(), re.IGNORECASE)
        value = _count_value(number.group().split()[0].lower()) if number else None
        if number and value is not None:
            at = match.start() + number.start()
            add(at, at + len(number.group()), value, number.group(1).lower())
        taken.add(*match.span())
    for match in TERM.finditer(text):
        word, unit = match.group("n") or match.group("hn"), match.group("unit") or match.group("hunit") + "s"
        value = _count_value(word.lower())
        end = match.end("unit") if match.group("unit") else match.end("hunit")
        if value is not None:
            add(match.start(), end, value, unit.lower())
    for match in ONE_UNIT.finditer(text):
        add(match.start("one"), match.end("unit"), 1, match.group("unit").lower() + "s")
    for match in FIGURE.finditer(text):
        read = _read(match, text)
        if (
            read
            and read[3]
            and read[3] not in _NOT_REFERRED
            and _REFERRING_DIGITS.search(text, max(0, read[0] - 20), read[0])
        ):
            referred.append(read)  # "Of the 12,000 accounts": referred to again, not stated
            taken.add(read[0], read[1])
            continue
        if read is None:
            continue
        if _IN_METRIC_NAME.match(text, read[1]):
            continue  # "60 days or more past due": part of the metric's name
        add(*read)
    for match in WORD_FIGURE.finditer(text):
        read = _read_word(match)
        if (
            read
            and read[3] not in ("%", "times")
            and _REFERRING.search(text[max(0, match.start() - 12) : match.start()])
        ):
            continue  # "the two banks", "both three products": a count used to refer, not a quantity
        if read is not None:
            add(*read)
    raw += _deadlines(text, periods, raw)
    ranged = _ranges(text, sorted(raw))
    figures: list[Found] = []
    for start, end, value, unit in ranged:
        as_written = text[start:end]
        previous = figures[-1] if figures and sentence_bounds(text, start, end)[0] <= figures[-1].start else None
        chained = previous is not None and bool(previous.metric) and bool(_GOES_ON.search(text[previous.end : start]))
        metric = previous.metric if previous and chained else metric_of(text, start, end, unit)
        goes_on = _GOES_ON.search(text[clause_start(text, start) : start])
        if not metric and previous and goes_on:
            metric = previous.metric  # "revenue of $1.2 billion, up 24%", "slipped 0.3 points to 4.1%": the same metric
        named = _unit_in_metric(metric) if metric and not unit else ""
        if named:
            unit = named  # "active members rose 23% to 8.6 million": 8.6 million members
        elif (
            not unit
            and previous
            and previous.unit in COUNT_UNITS.values()
            and _GOES_ON.search(text[previous.end : start])
        ):
            unit, metric = previous.unit, metric or previous.metric  # "8.6 million members, up from 7.9 million"
        else:
            reach = start - SENTENCE_REACH  # no sentence starts further back: keeps each figure's look-back short
            earlier = [(f.start, f.end, f.unit) for f in figures[bisect_left(figures, reach, key=_found_start) :]]
            earlier += [(r[0], r[1], r[3]) for r in referred[bisect_left(referred, reach, key=_raw_start) :]]
            unit = unit or _unit_before(text, start, value, earlier)
        figures.append(
            Found(
                start,
                end,
                as_written,
                value,
                unit,
                hedge=hedge_after(text, start, end, previous)
                or (
                    "estimate" if value is None or re.search(r"(?:\d|illion|thousand)\+", as_written) else ""
                ),  # "12,000+": more than
                metric=metric,
                period="" if unit in _DURATIONS else figure_period(text, start, end, periods, ranged),
            )
        )
    return _in_table(text, figures) if text.lstrip().startswith("|") else figures


_WITHIN = re.compile(rf"within\s(?P<n>\d+|{NUMBER_WORD})\s(?P<unit>quarters|years|months)", re.IGNORECASE)


def _deadlines(text: str, periods: list[tuple[int, int]], raw: list[Raw]) -> list[Raw]:
    """ "to pay for itself within 18 months": a deadline is the period of the figures in its sentence, and
    where its sentence states none, the figure itself."""
    found: list[Raw] = []
    for start, end in periods:
        match = _WITHIN.fullmatch(text, start, end)
        if not match:
            continue
        left, right = sentence_bounds(text, start, end)
        value = _count_value(match.group("n").lower())
        if value is not None and not any(left <= r[0] < right for r in raw):
            found.append((match.start("n"), end, value, match.group("unit").lower()))
    return found


def _cells(text: str, left: int, right: int) -> list[tuple[int, int]]:
    """The spans of the cells between `left` and `right` in a table row ("| a | b |")."""
    bars = [m.start() for m in re.finditer(r"\|", text[left:right])]
    return [(left + a + 1, left + b) for a, b in pairwise(bars)]


def _in_table(text: str, figures: list[Found]) -> list[Found]:
    """A Markdown table's figures read by their row and column: the row's label is the metric (and a
    count's noun), the column's heading the period ("| Active users | 9,000 |" under "| | Q3 2025 |")."""
    breaks = [m.start() + 1 for m in re.finditer(r"\|\s*\|", text)]
    rows = [_cells(text, a, b) for a, b in zip([0, *breaks], [*breaks, len(text)], strict=False)]
    rows = [row for row in rows if row]
    if not rows:
        return figures
    ruled = len(rows) > 1 and all(re.fullmatch(r"\s*:?-{2,}:?\s*", text[a:b]) for a, b in rows[1])
    heads = [text[a:b] for a, b in rows[0]] if ruled else []
    read: list[Found] = []
    row_starts = [row[0][0] for row in rows]  # rows and their cells are in order: found by bisection
    for figure in figures:
        at = bisect_right(row_starts, figure.start) - 1
        row = rows[at] if at >= 0 and figure.start < rows[at][-1][1] else None
        cell = bisect_right([a for a, _ in row], figure.start) - 1 if row else -1
        column = cell if row and cell >= 0 and figure.start < row[cell][1] else 0
        if row is None or column == 0 or (ruled and row is rows[0]):
            read.append(figure)
            continue
        label = text[row[0][0] : row[0][1]].strip()
        head = heads[column] if column < len(heads) else ""
        spans = find_periods(head)
        period = head[spans[0][0] : spans[0][1]] if spans else ("" if heads else figure.period)
        before = text[row[column][0] : figure.start]
        hedge = figure.hedge or ("estimate" if re.fullmatch(r"\s*(?:~|≈|c\.|ca\.)\s*", before) else "")
        measured = (head[: spans[0][0]] + head[spans[0][1] :]) if spans else head
        measured = re.sub(r"\s+", " ", re.sub(r"\(\s*\)", "", measured)).strip()  # "Members (2025)" → Members
        if _named_row(label) and re.search(
            r"[a-z]{3}", measured
        ):  # "| RTP | ~1,000 |" under "Participating institutions"
            counted = re.search(r"\(([a-z][a-z ]*)\)\s*$", measured)  # "2024 volume (transactions)"
            unit = figure.unit or _unit_in_metric(counted.group(1) if counted else measured)
            metric = re.sub(r"\s*\([^)]*\)\s*$", "", measured) or figure.metric
            read.append(msgspec.structs.replace(figure, metric=metric, unit=unit, period=period, hedge=hedge))
            continue
        if not re.search(r"[A-Za-z]", label) or re.search(r"\d", label):
            read.append(figure)
            continue
        unit = figure.unit or _unit_in_metric(label)
        read.append(msgspec.structs.replace(figure, metric=label, unit=unit, period=period, hedge=hedge))
    return read


def _named_row(label: str) -> bool:
    """Whether a row's label names a firm or a system ("RTP", "FedNow", "Banco Central do Brasil"),
    not a metric ("Net revenue"): every word capitalised but small linking words, or one coined word."""
    words = label.split()
    if not words or any(c.isdigit() for c in label):
        return False
    capitalised = [w for w in words if w[:1].isupper()]
    if len(words) == 1:
        word = words[0]
        return len(word) >= 2 and (word.isupper() or any(c.isupper() for c in word[1:]))
    small = {"of", "do", "da", "de", "del", "des", "di", "du", "and", "&", "for", "the", "y", "la", "le"}
    return len(capitalised) >= 2 and all(w[:1].isupper() or w in small for w in words)


def _unit_before(text: str, start: int, value: float | None, earlier: list[tuple[int, int, str]]) -> str:
    """A bare count's noun from the count just before it in its sentence, with no number between
    ("700,000 new members …, bringing the total to 9.1 million"; "Of the 12,000 accounts, about 8,000")."""
    if value is None or (value == int(value) and 1900 <= value <= 2099):
        return ""
    left = sentence_bounds(text, start, start)[0]
    before = [(s, e, unit) for s, e, unit in earlier if left <= s and e <= start]
    if not before:
        return ""
    _, end, unit = max(before)
    counted = unit in COUNT_UNITS.values() or (unit and unit not in _NOT_REFERRED and unit not in _DURATIONS)
    near = start - end <= 60  # a count further back is about something else
    return unit if counted and near and not re.search(r"\d", text[end:start]) else ""


def _ranges(text: str, raw: list[Raw]) -> list[Raw]:
    """ "25 to 40 lenders", "3-5%", "between 3% and 5%": one figure, valued at its low end."""
    merged: list[Raw] = []
    for figure in raw:
        if merged:
            start, end, value, unit = merged[-1]
            gap = text[end : figure[0]]
            between = re.search(r"between\s$", text[max(0, start - 8) : start], re.IGNORECASE)
            dash = re.fullmatch(r"\s?[-–]\s?", gap) and not unit
            aged = unit == "years old" and not figure[3]  # "aged 18 to 34"
            change = _CHANGE_BEFORE.search(text[max(0, start - 30) : start])
            alike = unit and unit == figure[3] and (not change or _against(change.group(), value, figure[2]))
            spelled = re.fullmatch(r"\s(?:to|or)\s", gap) and ((not unit and figure[3]) or aged or alike)
            if dash or spelled or (between and gap == " and " and unit in ("", figure[3])):
                merged[-1] = (start, figure[1], value, figure[3] or unit)
                continue
        merged.append(figure)
    return merged


_FALLING = re.compile(r"\b(?:fell|decreased|declined|dropped|slipped|cut|lowered|narrowed|down)\b", re.IGNORECASE)
_RISING = re.compile(r"\b(?:rose|grew|increased|jumped|climbed|surged|raised|lifted|widened|up)\b", re.IGNORECASE)


def _against(change: str, low: float | None, high: float | None) -> bool:
    """Whether "from A to B" runs against its verb, so is a range after the verb, not a change:
    "cut its outlook to 14% to 16%, down from 18% to 20%" (a fall to a higher number is no fall)."""
    if low is None or high is None:
        return False
    return bool((_FALLING.search(change) and high > low) or (_RISING.search(change) and high < low))


def _plain(number: float | Decimal) -> int | float:
    """An int when whole (prints as 34000000000), else a float rounded to what was written."""
    if float(number) == int(number):
        return int(number)
    return round(float(number), 6)


def _count_value(word: str) -> int | float | None:
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return _plain(Decimal(word))
    return _word_value(word)


def _word_value(word: str) -> int | None:
    word = word.lower()
    if word in WORD_VALUES:
        return WORD_VALUES[word]
    if "-" in word:
        tens, _, ones = word.partition("-")
        if tens in WORD_VALUES and ones in WORD_VALUES:
            return WORD_VALUES[tens] + WORD_VALUES[ones]
    return None


def _read(match: re.Match[str], text: str) -> tuple[int, int, int | float | None, str] | None:
    """A digit figure's span, value and unit; None where it is an id, a list number or glued to a word."""
    start, end = match.span()
    groups = match.groupdict()
    num = groups["num"]
    if _ID_BEFORE.search(text[max(0, start - 12) : start]) and not groups["cur"]:
        return None  # Section 230, COVID-19, Form 10-K, Fortune 500
    unit_read = groups["scale"] or groups["pct"] or groups["fold"]
    if num[0].isdigit() and not unit_read and _GLUED_AFTER.match(text, end):
        return None  # 10-K, 5G, 401(k), 24/7
    if (
        _NOT_SPACE.search(text, 0, start) is None
        and LIST_NUMBER.match(text, start)
        and not (groups["cur"] or groups["pct"])
    ):
        return None  # "1. " opening a numbered paragraph
    if (
        _NOT_SPACE.search(text, 0, start) is None
        and SECTION_NUMBER.match(text, start)
        and not unit_read
        and not groups["cur"]
    ):
        return None  # "1.2. The firm": the paragraph's number
    if not unit_read and not groups["cur"] and _ADDRESS.match(text, end):
        return None  # "12 Endeavour Square"
    if groups["pct"] and float(num.replace(",", "")) == 0 and _ZERO_PROMOTION.match(text, end):
        return None  # "0% APR loans": the name of a promotion
    value = _number(num)
    if value is None:
        return None
    scale = (groups["scale"] or "").strip().lower()
    counted_after = _count_noun(text, end) if scale in ("m", "b", "k") else None
    if scale in ("m", "b", "k") and not groups["cur"] and not groups["curword"] and not counted_after:
        return None  # 5m is a distance, 3b a grade: only money and counts (5.5m customers) take a one-letter scale
    value *= SCALE_VALUES.get(scale, 1)
    if _MINUS.search(text, max(0, start - 2), start):
        value, start = -value, start - 1  # "−$14 million": the sign as written (a verb's direction is never one)
    cur = (groups["cur"] or "").strip().lower().rstrip(".")
    unit = CURRENCY_BEFORE.get(cur, "") or CURRENCY_AFTER.get((groups["curword"] or "").lower(), "")
    if groups["pct"]:
        unit = PERCENT[re.sub(r"[\s-]+", " ", groups["pct"].strip(" -").lower())]
    elif groups["fold"]:
        unit = "times"
    cents = _CENTS.match(text, end) if not unit and not scale else None
    if cents:  # "18 cents a share": 0.18 dollars
        value, unit, end = value / 100, "GBP" if cents.group("pence") else "USD", cents.end()
    if not unit and re.search(r"\b(?:aged|ages|age)\s(?:between\s)?$", text[max(0, start - 16) : start]):
        unit = "years old"
    if not unit:
        plus = text[end : end + 1] == "+"  # "12,000+ institutions": the count reads on past its plus
        counted = _count_noun(text, end + plus)
        if counted:
            unit, end = counted
    if not unit:
        unit = _unit_of_whole(text, end)
    if not unit and _list_count(text, end):
        return None  # "5 things to know"
    if not unit and value == int(value) and 1900 <= value <= 2099 and not groups["scale"]:
        return None  # a year the period pattern did not take
    if not unit and not scale and _NAMED_BEFORE.search(text[max(0, start - 30) : start]):
        return None  # iPhone 15, Basel 3, Windows 11: a number inside a name
    return start, end, _plain(value), unit


_OF_WHOLE = re.compile(rf"\s(?:of|out of)\s(?:its|the|their|our|his|her|all)\s(?:(?:{_NUMBER})(?:{_SCALE})?)")


def _unit_of_whole(text: str, end: int) -> str:
    """The noun of the whole a bare count is part of: "the first 1.2 million of its 9 million customers"."""
    whole = _OF_WHOLE.match(text, end)
    counted = _count_noun(text, whole.end()) if whole else None
    return counted[0] if counted else ""


def _unit_in_metric(metric: str) -> str:
    """A count noun the metric names: "active members" → members, "customer base" → customers."""
    words = metric.lower().split()
    if not words:
        return ""
    counted = _count_noun(" " + words[-1], 0)
    if counted:
        return counted[0]
    if len(words) > 1 and words[-1] in ("base", "count", "number", "total", "tally", "roll", "rolls"):
        singular = words[-2].removesuffix("s")
        return COUNT_UNITS.get(singular, "") if singular not in ("day", "month", "year") else ""
    return ""


def _list_count(text: str, end: int) -> bool:
    """Whether the number before `end` counts a list's items ("5 things to know", "three big questions")."""
    following = _FOLLOWING_WORDS.match(text, end)
    return following is not None and bool({following.group(1), following.group(2)} & LIST_NOUNS)


def _number(num: str) -> Decimal | None:
    if num[0].isdigit() or num[0] == ".":
        return Decimal(num.replace(",", ""))
    if num.lower() in ("a", "one"):
        return Decimal(1)
    word = _word_value(num)
    return Decimal(word) if word is not None else None


def _count_noun(text: str, end: int) -> tuple[str, int] | None:
    """The noun counted right after a number ("700 million users", "38 million active members",
    "400,000 self-employed customers", "3,400 Hartwell Grocers stores", "12 million Mexicans")."""
    aged = re.match(r"\s(?:years?|yrs)[- ]old\b|-year-olds?\b", text[end : end + 12])
    if aged:
        return "years old", end + aged.end()
    words = list(re.finditer(r"\s((?:U\.S\.|U\.K\.)(?!\w)|[A-Za-z][A-Za-z-]*\b)", text[end : end + 60]))
    position = 0
    for index, match in enumerate(words[:4]):
        if match.start() != position:
            return None
        noun = match.group(1)
        if noun[0].isupper():
            if index < 3 and _nationals(noun):
                return "people", end + match.end()  # "12 million Mexicans": people of a nation
            if index < 2 and noun.lower() not in NOT_COUNT_NOUNS:
                position = match.end()  # a name or a place between: "30 million U.S. users", "3,400 Acme stores"
                continue
            return None
        describing = noun.endswith(("ing", "ly")) and index == 1 and words[0].group(1) in COUNT_ADJECTIVES
        if (noun in COUNT_ADJECTIVES or describing) and index < 3:
            position = match.end()
            continue
        if noun in NOT_COUNT_NOUNS or noun in LIST_NOUNS:
            return None
        singular = noun[:-3] + "y" if noun.endswith("ies") else noun[:-2] if noun.endswith("ches") else noun.rstrip("s")
        if noun in ("people", "staff"):
            singular = noun
        if singular in COUNT_UNITS:
            return COUNT_UNITS[singular], end + match.end()
        if noun.endswith("s") and not noun.endswith("ss") and len(noun) > 3:
            return noun, end + match.end()  # any plural after the adjectives skipped: "monthly transacting actives"
        if _modifier(noun) and index < 3:
            position = match.end()  # "self-employed customers", "regional lenders"
            continue
        return _compound(words[index + 1 : index + 4], noun, match.end(), end)
    return None


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith("ss") and len(word) > 3 and word not in NOT_COUNT_NOUNS


def _compound(rest: list[re.Match[str]], noun: str, after: int, end: int) -> tuple[str, int] | None:
    """A count whose noun is two nouns ("20 currency routes") or follows joined describing nouns
    ("2,400 utility and telecom clients" counts clients); a known count noun stands alone."""
    if not rest or rest[0].start() != after or noun in LIST_NOUNS:
        return None
    following = rest[0].group(1)
    if _plural(following) and following not in LIST_NOUNS:
        singular = following[:-3] + "y" if following.endswith("ies") else following.rstrip("s")
        known = COUNT_UNITS.get(singular)
        return (known or f"{noun} {following}"), end + rest[0].end()
    joined = following in ("and", "or") and len(rest) == 3 and rest[1].start() == rest[0].end()
    if joined and rest[2].start() == rest[1].end() and _plural(rest[2].group(1)):
        head = rest[2].group(1)
        singular = head[:-3] + "y" if head.endswith("ies") else head.rstrip("s")
        return COUNT_UNITS.get(singular, head), end + rest[2].end()
    return None


_MODIFIER = re.compile(r"[a-z]+-[a-z-]+|[a-z]{3,}(?:ed|al|ive|ic|ous|ary|ese|ian|ish)")


def _modifier(word: str) -> bool:
    """A describing word before a counted noun: "self-employed", "small-business", "regional", "overdue"."""
    return bool(_MODIFIER.fullmatch(word)) and word not in NOT_COUNT_NOUNS


def _nationals(word: str) -> bool:
    """Whether a capitalised plural names the people of a nation or region (Mexicans, Europeans, Britons)."""
    if not word.endswith("s") or len(word) < 5:
        return False
    return any("nationality" in classes_of(form) for form in (word[:-1], word[:-2] + "sh", word[:-2] + "n"))


def _read_word(match: re.Match[str]) -> tuple[int, int, int | float | None, str] | None:
    """A number word with a unit ("nine percent", "threefold", "three million users" is read as digits)."""
    value = _word_value(match.group("word"))
    if value is None:
        return None
    if match.group("pct"):
        return match.start(), match.end(), value, PERCENT[match.group("pct").lower().replace("per cent", "percent")]
    if match.group("fold"):
        return match.start(), match.end(), value, "times"
    noun = match.group("noun").lower()
    singular = noun[:-2] if noun.endswith("ches") else noun.rstrip("s")
    if noun in LIST_NOUNS or noun in NOT_COUNT_NOUNS or value < 2:
        return None
    if noun in COUNT_ADJECTIVES or (not noun.endswith("s") and _modifier(noun)):
        counted = _count_noun(match.string, match.start("noun") - 1)  # "eight new banks"
        return (match.start(), counted[1], value, counted[0]) if counted else None
    if singular in COUNT_UNITS and noun not in ("day", "month", "year"):
        return match.start(), match.end(), value, COUNT_UNITS[singular if noun != "people" else "people"]
    if noun.endswith("s") and not noun.endswith("ss") and len(noun) > 3:
        return match.start(), match.end(), value, noun  # "four payments", "six weeks"
    return None


_DURATIONS = ("years", "months", "weeks", "days", "years old")
_NOT_REFERRED = ("%", "percentage points", "basis points", "times", "USD", "EUR", "GBP", "HKD", "yuan")


def _found_start(found: Found) -> int:
    return found.start


def _raw_start(raw: Raw) -> int:
    return raw[0]
