"""Every quantity an English paragraph states, with its unit, hedge, short metric and period.

Regular expressions, no model: a number (digits or words, with million / bn folded into the
value) and the currency, percent or count noun around it make one figure; fractions and
"six in 10" are shares in percent. Dates, times, years and ids (Form 10-K, COVID-19) are
never figures: dates and periods are found first and become the `period` of the figures in
their sentence, unless they are a comparison base ("from a year earlier").
"""

from __future__ import annotations

import re
from decimal import Decimal

from fintech_tui.draft.found import Found


def _words(text: str) -> list[str]:
    """A word list written as one space-separated string."""
    return text.split()


_SMALL = _words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
)
_TENS = _words("twenty thirty forty fifty sixty seventy eighty ninety")
WORD_VALUES = {word: i for i, word in enumerate(_SMALL)} | {word: 20 + 10 * i for i, word in enumerate(_TENS)}
_WORD = rf"(?:(?:{'|'.join(_TENS)})(?:-(?:{'|'.join(_SMALL[1:10])}))?|{'|'.join(_SMALL)})"
SCALE_VALUES = {
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "mn": 10**6,
    "m": 10**6,
    "mln": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
    "trn": 10**12,
}
_SCALE = r"(?:\s?(?:thousand|million|billion|trillion)|\s?(?:mn|mln|bn|tn|trn)|(?:k|m|b))(?![A-Za-z])"
CURRENCY_BEFORE = {
    "us$": "USD",
    "usd": "USD",
    "$": "USD",
    "hk$": "HKD",
    "hkd": "HKD",
    "s$": "SGD",
    "sgd": "SGD",
    "a$": "AUD",
    "c$": "CAD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "rmb": "yuan",
    "cny": "yuan",
    "¥": "yuan",
    "rs": "INR",
    "₹": "INR",
}
CURRENCY_AFTER = {
    "dollars": "USD",
    "dollar": "USD",
    "usd": "USD",
    "yuan": "yuan",
    "renminbi": "yuan",
    "rmb": "yuan",
    "euros": "EUR",
    "euro": "EUR",
    "eur": "EUR",
    "pounds": "GBP",
    "pound": "GBP",
    "hkd": "HKD",
    "yen": "JPY",
    "rupees": "INR",
}
_CUR_BEFORE = r"(?:US\$|HK\$|S\$|A\$|C\$|\$|€|£|¥|₹|(?:USD|HKD|SGD|EUR|GBP|RMB|CNY|Rs\.?)\s?)"
_CUR_AFTER = r"(?:dollars?|yuan|renminbi|RMB|USD|HKD|EUR|euros?|pounds?|yen|rupees)"
PERCENT = {
    "%": "%",
    "percent": "%",
    "per cent": "%",
    "pc": "%",
    "percentage points": "percentage points",
    "percentage point": "percentage points",
    "pp": "percentage points",
    "ppt": "percentage points",
    "basis points": "basis points",
    "basis point": "basis points",
    "bps": "basis points",
    "bp": "basis points",
}
_PERCENT = r"(?:\s?%|\s(?:percentage points?|per\s?cent|basis points?|bps|bp|pp|ppt)(?![A-Za-z]))"
# Count nouns with the unit the evaluation's truth spells; any other plural noun is its own unit.
COUNT_UNITS = {
    "user": "users",
    "customer": "customers",
    "client": "customers",
    "member": "members",
    "account": "accounts",
    "transaction": "transactions",
    "branch": "branches",
    "employee": "employees",
    "staff": "employees",
    "worker": "employees",
    "people": "people",
    "person": "people",
    "adult": "people",
    "firm": "firms",
    "company": "firms",
    "day": "days",
    "month": "months",
    "year": "years",
}
# Words that may stand between a number and its count noun: "38 million active members".
COUNT_ADJECTIVES = set(
    _words(
        "active monthly daily weekly annual new registered paying funded verified unique total retail small "
        "individual corporate online mobile digital young older full-time part-time more additional"
    )
)
# "5 things to know": a list's count, not a quantity the article states.
LIST_NOUNS = set(
    _words(
        "things ways reasons lessons questions takeaways tips steps facts charts trends signs myths rules "
        "mistakes ideas predictions"
    )
)
NOT_COUNT_NOUNS = set(
    _words(
        "of and or to in on at for by from with than as the a an per is are was were has have had will would "
        "percent cent times"
    )
)
HEDGES = (
    ("estimate", r"about|around|roughly|approximately|nearly|almost|some|over|more than|less than|fewer than"),
    ("estimate", r"as (?:much|many|high|low|little) as|up to|at least|at most|close to|just (?:over|under)"),
    ("estimate", r"an estimated|estimated|an approximate|upwards of|well over|north of|more like"),
)
_HEDGE_BEFORE = re.compile(rf"(?:\b(?:{'|'.join(words for _, words in HEDGES)}))\s+(?:a |an )?$", re.IGNORECASE)
_PREDICTION = re.compile(
    r"\b(?:expect(?:s|ed)?|forecasts?|forecast(?:ing|ed)?|projects?|projected|projection|predict(?:s|ed)?|"
    r"will|is set to|are set to|on track to|poised to|targets?|aims? to|plans? to|by 20\d\d)\b",
    re.IGNORECASE,
)
_ESTIMATE_VERB = re.compile(r"\b(?:estimates?|estimated|approximately|roughly)\b", re.IGNORECASE)
_BY_YEAR = re.compile(r"[^.;]{0,30}?\b(?:by (?:the end of )?20\d\d|next year|in the coming)\b")
_POSSIBLE = re.compile(r"\b(?:could|may|might)\b", re.IGNORECASE)

_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
FIGURE = re.compile(
    rf"(?P<cur>{_CUR_BEFORE})?"
    rf"(?P<num>{_NUMBER}|(?<![A-Za-z-])(?:a|one|{_WORD})(?=\s(?:thousand|million|billion|trillion)))"
    rf"(?:\s?[-–]\s?(?P<upper>{_NUMBER})(?=\s?(?:%|percent|per cent|thousand|million|billion|trillion|bn|mn|m\b)))?"
    rf"(?P<scale>{_SCALE})?"
    rf"(?:\s(?P<curword>{_CUR_AFTER})(?![A-Za-z]))?"
    rf"(?P<pct>{_PERCENT})?"
    rf"(?P<fold>-fold|x(?![A-Za-z0-9]))?",
    re.IGNORECASE,
)
WORD_FIGURE = re.compile(
    rf"(?<![A-Za-z-])(?P<word>{_WORD})(?:\s(?:to|or)\s{_WORD}|-{_WORD})?"
    rf"(?:\s(?P<pct>percent|per cent|percentage points?)|(?P<fold>-fold|fold)"
    rf"|\s(?P<noun>[a-z][a-z-]+))",
    re.IGNORECASE,
)
FRACTIONS = {
    "half": 50,
    "a half": 50,
    "one half": 50,
    "a third": 100 / 3,
    "one third": 100 / 3,
    "one-third": 100 / 3,
    "two-thirds": 200 / 3,
    "two thirds": 200 / 3,
    "a quarter": 25,
    "one quarter": 25,
    "one-quarter": 25,
    "three-quarters": 75,
    "three quarters": 75,
    "a fifth": 20,
    "one fifth": 20,
    "one-fifth": 20,
    "two-fifths": 40,
    "three-fifths": 60,
    "a tenth": 10,
    "one-tenth": 10,
    "a sixth": 100 / 6,
    "one-sixth": 100 / 6,
    "an eighth": 12.5,
    "one-eighth": 12.5,
    "a twelfth": 100 / 12,
    "one-twelfth": 100 / 12,
}
_FRACTION = "|".join(sorted((re.escape(f) for f in FRACTIONS), key=len, reverse=True))
# A fraction is a share only where it is "of" something or hedged: "a quarter of adults", "nearly half".
FRACTION = re.compile(
    rf"(?<![A-Za-z-])(?P<hedged>(?:nearly|almost|about|around|roughly|more than|less than|over|just over|just under|"
    rf"some|close to|fewer than|as much as|up to|by|by about|by nearly)\s)?(?P<frac>{_FRACTION})(?![A-Za-z-])"
    rf"(?P<of>\s(?:of|the|its|their|our|all)\b)?",
    re.IGNORECASE,
)
_COUNT = rf"\d+|{_WORD}"
POINT_SIZES = {"quarter": 0.25, "half": 0.5}
POINTS = re.compile(r"(?<![\w-])(quarter|half)[- ](?:percentage[- ])?point(?![\w-])", re.IGNORECASE)
VAGUE = re.compile(r"\b(?:a few|several|many)\s(?:hundred|thousand|million|billion)(?:\s(?:thousand|million))?", re.I)
MULTIPLES = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4, "double": 2, "triple": 3, "quadruple": 4}
MULTIPLIED = re.compile(
    r"\b(?P<verb>doubled|tripled|trebled|quadrupled)\b"
    r"|\b(?:could|would|will|may|might|to|roughly|nearly|almost|more than)\s(?P<bare>double|triple|quadruple)\b",
    re.IGNORECASE,
)
SOURCES = re.compile(
    rf"\b(?:{_WORD}|\d+)\s(?:people|persons|sources)\s(?:familiar|briefed|with knowledge|close to)\b", re.IGNORECASE
)
ONE_IN = re.compile(rf"(?<![A-Za-z-])(?P<a>{_COUNT})\s(?:in|out of)\s(?P<b>{_COUNT})(?![\d,])", re.IGNORECASE)
TIMES = re.compile(
    rf"(?<![A-Za-z-])(?P<n>\d+(?:\.\d+)?|{_WORD}(?P<half>\sand\sa\shalf)?|twice)(?:\s(?P<times>times)(?=\s(?:as|more|larger|bigger|higher|"
    rf"greater|faster|the|that|its|their|what|over|less))|(?<=twice)(?=\s(?:as|the)))",
    re.IGNORECASE,
)

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ORD = r"(?:first|second|third|fourth|final|last|latest|same|previous|prior|current|past|next|coming)"
_YEAR = r"(?:19|20)\d\d"
PERIOD = re.compile(
    rf"(?:as of|at the end of|end of|in|since|by|during|through|for|from|until)?\s?"
    rf"(?:{_MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s{_YEAR})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s{_MONTH}(?:,?\s{_YEAR})?"
    rf"|{_MONTH}\s{_YEAR}"
    rf"|\d{{4}}-\d\d-\d\d|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}"
    rf"|(?:(?:the|its|their)\s)?(?:{_ORD}\s)?(?:(?:fiscal|financial|calendar)\s)?"
    rf"(?:quarter|half|year|month|week|decade|period)s?"
    rf"(?:\s(?:of\s)?(?:(?:fiscal|financial)\s)?{_YEAR}(?:/\d\d)?)?(?=\W|$)"
    rf"|(?:the\s)?(?:past|last|next|previous|first|coming)\s(?:\d+|{_WORD}|few|several)\s(?:years|months|quarters|weeks|days)"
    rf"|(?:the\s)?(?:\d+|{_WORD})\s(?:months|weeks|quarters|years)\s(?:to|ended|ending|through)\s"
    rf"(?:{_MONTH}|the end of)"
    rf"(?:\s\d{{1,2}})?(?:,?\s{_YEAR})?"
    rf"|(?:Q[1-4]|H[12]|FY|CY)\s?(?:{_YEAR}|'?\d\d)?|(?:fiscal|financial)\s(?:year\s)?{_YEAR}"
    rf"|(?:(?:this|last|next|that|each|every)\s(?:year|quarter|month|week|spring|summer|autumn|fall|winter|decade))(?!-)"
    rf"|(?:the|this|last|next)\s(?:spring|summer|autumn|fall|winter)(?:\s(?:of\s)?{_YEAR})?"
    rf"|(?:\d+|{_WORD}|a)\s(?:years?|months?|weeks?|days?|quarters?|decades?)\sago|[Ss]ince then"
    rf"|(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ull|[Hh]alf)-(?:quarter|half|year)(?=\s)"
    rf"|within\s(?:\d+|{_WORD})\s(?:quarters|years|months)"
    rf"|(?:a|one)\s(?:year|quarter|month)\s(?:earlier|ago|before(?=[,.;)]|$))|year[- ]earlier"
    rf"|(?:the\s)?year\sbefore(?=[,.;)]|$)"
    rf"|{_YEAR}(?:s|\s?[-–/]\s?(?:{_YEAR}|\d\d)(?!\d))?(?!\d|%|\s?(?:percent|per cent))"
    rf"|{_MONTH}(?=\W|$)|{_DAY}|today|yesterday|tomorrow|(?:this|last|next)\s{_DAY}"
    rf"|\d{{1,2}}(?::\d\d)+(?:\s?[ap]\.?m\.?)?|\d{{1,2}}\s?[ap]\.m\.)",
)
# An id or a name with a number in it: Form 10-K, COVID-19, Section 230, Fortune 500, Basel III.
_ID_BEFORE = re.compile(
    r"(?:\b(?:Form|Section|Rule|Chapter|Article|Title|Schedule|Regulation|Fortune|Phase|Tier|Level|No|Nos|"
    r"Number|Item|Part|Series|Version|Model|Room|Route|Highway|Gate|Article|Clause|Figure|Table|Page|Top)\.?"
    r"\s?|#\s?|[A-Za-z]-?|/)$"
)
_NAMED_BEFORE = re.compile(
    r"(?<![.!?]\s)(?<!^)\b(?!(?:About|Around|Nearly|Almost|Roughly|Some|Over|Only|Just|Up|More|Less|Fewer)\s)"
    r"[a-z]*[A-Z][\w-]*\s(?:in\s)?$"
)
_GLUED_AFTER = re.compile(r"(?:-?[A-Za-z]|-\d|\(|/\d|\.\d)")
LIST_NUMBER = re.compile(r"\s*(?:\d{1,2}|[A-Za-z])[.)]\s")
_COMPARE_BEFORE = re.compile(
    r"(?:\bfrom|\bthan|\bcompared (?:with|to)|\bversus|\bvs\.?|\bagainst|\brelative to)\s(?:the\s)?"
    r"(?:(?:a|an|the|its|about|around|nearly|some)\s)?$",
    re.IGNORECASE,
)
_ATTACHED = re.compile(r"[\s,]*(?:(?:in|for|during|as of|at the end of|by|through|over|of|on)\s*)*")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z\"“‘(0-9$€£])|[!?;]$|\.$")
_CLAUSE_STOP = re.compile(r"[,;:()—–]\s|\s(?:and|but|while|whereas|although|which|who|that|if|unless)\s")
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
_REFERRING = re.compile(r"\b(?:the|these|those|both|its|their|our|all|other)\s$", re.IGNORECASE)
_DAYS = re.compile(rf"(?:(?:this|last|next)\s)?{_DAY}|today|yesterday|tomorrow", re.IGNORECASE)


_SHORT_MONTHS = ("May", "Mar", "Jan", "Jun", "Jul", "Aug", "Dec")
_Raw = tuple[int, int, int | float | None, str]  # start, end, value, unit


def find_periods(text: str) -> list[tuple[int, int]]:
    """Spans of the dates, times and periods in `text` (years, quarters, "last year", "as of June 30")."""
    spans = [_period_span(text, match) for match in PERIOD.finditer(text)]
    return [span for span in spans if span]


_LEAD = re.compile(r"(?:as of|at the end of|end of|in|since|by|during|through|for|from|until)\s")
_BARE = re.compile(r"(?:(?:the|its|their)\s)?(?:quarter|half|year|month|week|decade|period)s?", re.IGNORECASE)


def _period_span(text: str, match: re.Match[str]) -> tuple[int, int] | None:
    """The span a PERIOD match stands for, less its preposition; None where it is a word, not a period."""
    start, end = match.span()
    while start < end and text[start].isspace():
        start += 1
    if text[end - 1] == "." and not re.search(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.$", text[:end]):
        end -= 1  # "to June." ends the sentence, not an abbreviation
    core = text[start:end]
    if not core or core.lower() in ("in", "since", "by", "for", "from", "during", "through", "until"):
        return None
    lead = _LEAD.match(core)
    body = core[lead.end() :] if lead else core
    after_preposition = lead is not None and lead.group().strip() in ("in", "during", "over", "through")
    if _BARE.fullmatch(body) and not (after_preposition and body.startswith("the ")):
        return None  # a bare "quarter" or "half" is a word ("a quarter of adults"); "in the quarter" is a period
    short_month = re.fullmatch(_MONTH, body) and body.rstrip(".") in _SHORT_MONTHS
    if short_month and not re.search(r"(?:in|since|by|until|from)\s$", text[: start + (lead.end() if lead else 0)]):
        return None  # "May" or "Mar" alone is more often a verb or a name than a month
    if re.fullmatch(_YEAR, body) and _money_or_count(text, start + len(core) - len(body), end):
        return None
    return start + (lead.end() if lead else 0), end


def _money_or_count(text: str, start: int, end: int) -> bool:
    """Whether the four digits at [start, end) are an amount ($2020, 2020 users) rather than a year."""
    before, after = text[max(0, start - 4) : start], text[end : end + 12]
    return bool(re.search(r"[$€£¥]\s?$", before)) or bool(re.match(r"\s(?:users|customers|people|firms)", after))


def find_figures(text: str) -> list[Found]:
    """The figures in one paragraph, in order, each with its hedge, metric and period."""
    periods = find_periods(text)
    taken: list[tuple[int, int]] = list(periods)
    raw: list[_Raw] = []

    def add(start: int, end: int, value: int | float | None, unit: str) -> None:
        if not any(s < end and start < e for s, e in taken):
            raw.append((start, end, value, unit))
            taken.append((start, end))

    for match in FRACTION.finditer(text):
        if match.group("of") or match.group("hedged"):
            fraction = match.group("frac").lower()
            if fraction == "half" and re.search(r"(?:first|second|the)\s$", text[: match.start("frac")], re.I):
                continue
            add(match.start("frac"), match.end("frac"), _plain(FRACTIONS[fraction]), "%")
    for match in ONE_IN.finditer(text):
        a, b = _count_value(match.group("a")), _count_value(match.group("b"))
        if a is not None and b and a < b and b in (2, 3, 4, 5, 6, 8, 10, 20, 25, 50, 100):
            add(match.start(), match.end(), _plain(100 * a / b), "%")
    for match in TIMES.finditer(text):
        word = match.group("n").lower().removesuffix(" and a half")
        times = 2 if word == "twice" else _count_value(word)
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
        taken.append(match.span())  # "three people familiar with the matter": who said it, not a quantity
    for match in FIGURE.finditer(text):
        read = _read(match, text)
        if read is not None:
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
    ranged = _ranges(text, sorted(raw))
    figures: list[Found] = []
    for start, end, value, unit in ranged:
        as_written = text[start:end]
        previous = figures[-1] if figures and _sentence_bounds(text, start, end)[0] <= figures[-1].start else None
        chained = previous is not None and bool(previous.metric) and bool(_GOES_ON.search(text[previous.end : start]))
        metric = previous.metric if previous and chained else metric_of(text, start, end, unit)
        goes_on = _GOES_ON.search(text[_clause_start(text, start) : start])
        if not metric and previous and goes_on:
            metric = previous.metric  # "revenue of $1.2 billion, up 24%", "slipped 0.3 points to 4.1%": the same metric
        counted = _count_noun(" " + metric.split()[-1], 0) if metric and not unit else None
        if counted:
            unit = counted[0]  # "active members rose 23% to 8.6 million": 8.6 million members
        elif (
            not unit
            and previous
            and previous.unit in COUNT_UNITS.values()
            and _GOES_ON.search(text[previous.end : start])
        ):
            unit, metric = previous.unit, metric or previous.metric  # "8.6 million members, up from 7.9 million"
        figures.append(
            Found(
                start,
                end,
                as_written,
                value,
                unit,
                hedge=_hedge_after(text, start, end, previous) or ("estimate" if value is None else ""),
                metric=metric,
                period="" if unit in _DURATIONS else _period(text, start, end, periods, ranged),
            )
        )
    return figures


def _ranges(text: str, raw: list[_Raw]) -> list[_Raw]:
    """ "25 to 40 lenders", "3-5%", "between 3% and 5%": one figure, valued at its low end."""
    merged: list[_Raw] = []
    for figure in raw:
        if merged:
            start, end, value, unit = merged[-1]
            gap = text[end : figure[0]]
            between = re.search(r"between\s$", text[max(0, start - 8) : start], re.IGNORECASE)
            dash = re.fullmatch(r"\s?[-–]\s?", gap) and not unit
            aged = unit == "years old" and not figure[3]  # "aged 18 to 34"
            alike = unit and unit == figure[3] and not _CHANGE_BEFORE.search(text[max(0, start - 30) : start])
            spelled = re.fullmatch(r"\s(?:to|or)\s", gap) and ((not unit and figure[3]) or aged or alike)
            if dash or spelled or (between and gap == " and " and unit in ("", figure[3])):
                merged[-1] = (start, figure[1], value, figure[3] or unit)
                continue
        merged.append(figure)
    return merged


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
    if not text[:start].strip() and LIST_NUMBER.match(text, start) and not (groups["cur"] or groups["pct"]):
        return None  # "1. " opening a numbered paragraph
    value = _number(num)
    if value is None:
        return None
    scale = (groups["scale"] or "").strip().lower()
    counted_after = _count_noun(text, end) if scale in ("m", "b", "k") else None
    if scale in ("m", "b", "k") and not groups["cur"] and not groups["curword"] and not counted_after:
        return None  # 5m is a distance, 3b a grade: only money and counts (5.5m customers) take a one-letter scale
    value *= SCALE_VALUES.get(scale, 1)
    cur = (groups["cur"] or "").strip().lower().rstrip(".")
    unit = CURRENCY_BEFORE.get(cur, "") or CURRENCY_AFTER.get((groups["curword"] or "").lower(), "")
    if groups["pct"]:
        unit = PERCENT[re.sub(r"\s+", " ", groups["pct"].strip().lower()).replace("percent", "percent")]
    elif groups["fold"]:
        unit = "times"
    if not unit and re.search(r"\b(?:aged|ages|age)\s(?:between\s)?$", text[max(0, start - 16) : start]):
        unit = "years old"
    if not unit:
        counted = _count_noun(text, end)
        if counted:
            unit, end = counted
    if not unit and _list_count(text, end):
        return None  # "5 things to know"
    if not unit and value == int(value) and 1900 <= value <= 2099 and not groups["scale"]:
        return None  # a year the period pattern did not take
    if not unit and not scale and _NAMED_BEFORE.search(text[max(0, start - 30) : start]):
        return None  # iPhone 15, Basel 3, Windows 11: a number inside a name
    return start, end, _plain(value), unit


def _list_count(text: str, end: int) -> bool:
    """Whether the number before `end` counts a list's items ("5 things to know", "three big questions")."""
    following = re.match(r"\s([a-z]+)(?:\s([a-z]+))?", text[end:])
    return following is not None and bool({following.group(1), following.group(2)} & LIST_NOUNS)


def _number(num: str) -> Decimal | None:
    if num[0].isdigit() or num[0] == ".":
        return Decimal(num.replace(",", ""))
    if num.lower() in ("a", "one"):
        return Decimal(1)
    word = _word_value(num)
    return Decimal(word) if word is not None else None


def _count_noun(text: str, end: int) -> tuple[str, int] | None:
    """The noun counted right after a number ("700 million users", "38 million active members")."""
    aged = re.match(r"\s(?:years?|yrs)[- ]old\b|-year-olds?\b", text[end : end + 12])
    if aged:
        return "years old", end + aged.end()
    words = list(re.finditer(r"\s([a-z][a-z-]*\b|(?:U\.S\.|US|UK|EU|U\.K\.)(?!\w))", text[end : end + 60]))
    position = 0
    for index, match in enumerate(words[:3]):
        if match.start() != position:
            return None
        noun = match.group(1)
        if (noun in COUNT_ADJECTIVES or noun[0].isupper()) and index < 2:
            position = match.end()
            continue
        if noun in NOT_COUNT_NOUNS or noun in LIST_NOUNS or noun[0].isupper():
            return None
        singular = noun[:-3] + "y" if noun.endswith("ies") else noun[:-2] if noun.endswith("ches") else noun.rstrip("s")
        if noun in ("people", "staff"):
            singular = noun
        if singular in COUNT_UNITS:
            return COUNT_UNITS[singular], end + match.end()
        if noun.endswith("s") and not noun.endswith("ss") and len(noun) > 3 and index == 0:
            return noun, end + match.end()
        return None
    return None


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
    if singular in COUNT_UNITS and noun not in ("day", "month", "year"):
        return match.start(), match.end(), value, COUNT_UNITS[singular if noun != "people" else "people"]
    if noun.endswith("s") and not noun.endswith("ss") and len(noun) > 3:
        return match.start(), match.end(), value, noun  # "four payments", "six weeks"
    return None


def _hedge_after(text: str, start: int, end: int, previous: Found | None) -> str:
    """The figure's hedge; one in apposition ("about $15 billion, roughly a third of that peak") shares a forecast's."""
    hedge = _hedge(text, start, end)
    lead = text[_clause_start(text, start) : start].split()
    compared = any(word in ("from", "than", "compared", "versus") for word in lead)
    if previous and previous.hedge in ("prediction", "possibility") and len(lead) <= 2 and not compared:
        return previous.hedge
    return hedge


def _hedge(text: str, start: int, end: int) -> str:
    """estimate for "about", "nearly", "more than"…; prediction for "expected", "will", "forecast"."""
    clause = text[_clause_start(text, start, reported=True) : start]
    after = text[end : _sentence_bounds(text, start, end)[1]]
    if _PREDICTION.search(clause) or (_POSSIBLE.search(clause) and _BY_YEAR.match(after)):
        return "prediction"  # "expect the listing to value it at about $15 billion", "could reach $2bn next year"
    if _POSSIBLE.search(clause):
        return "possibility"  # "could seek roughly $12 billion"
    hedged = _HEDGE_BEFORE.search(text[max(0, start - 30) : start])
    if (
        hedged
        and re.match(r"over\b", hedged.group(), re.IGNORECASE)
        and re.search(r"(?:days|weeks|months|years)$", text[start:end])
    ):
        hedged = None  # "over six weeks" spans a time; it does not round one
    if hedged or _ESTIMATE_VERB.search(clause):
        return "estimate"
    return ""


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right_match = _SENTENCE_END.search(text, end)
    return left, right_match.start() if right_match else len(text)


def _clause_start(text: str, start: int, reported: bool = False) -> int:
    """Where the clause holding `start` begins; `reported` reaches back over "that" to "estimate that"."""
    sentence_start, _ = _sentence_bounds(text, start, start)
    stops = [
        m.end() for m in _CLAUSE_STOP.finditer(text, sentence_start, start) if not reported or "that" not in m.group()
    ]
    return max(stops, default=sentence_start)


def _period(text: str, start: int, end: int, periods: list[tuple[int, int]], figures: list[_Raw]) -> str:
    """The period of the figure at [start, end): one right after it, else the sentence's, never a base."""
    left, right = _sentence_bounds(text, start, end)
    own = [(s, e) for s, e in periods if left <= s and e <= right]
    for s, e in own:  # right after the figure: "5% in 2021", "$3bn in the third quarter", "23% to 8.6m in Q4"
        gap = text[end:s]
        for f in sorted((f for f in figures if end <= f[0] and f[1] <= s), reverse=True):
            gap = gap[: f[0] - end] + "\0" + gap[f[1] - end :]
        gap = re.sub(r"^\s(?:to|and|or)\s(?:(?:about|nearly|around|almost|roughly|some|over)\s)?\0", "", gap)
        near = s >= end and len(gap) <= 40 and "\0" not in gap
        if near and _ATTACHED.fullmatch(gap) and (not _COMPARE_BEFORE.search(text[left:s]) or _direct(text, end, s)):
            return _period_text(text, s, e)
    bases = {(s, e) for s, e in own if _is_base(text, left, s, figures)}
    free = [(s, e) for s, e in own if (s, e) not in bases]
    clause_left = _clause_start(text, start)
    stop = _CLAUSE_STOP.search(text, end, right)
    clause_right = stop.start() if stop else right
    days = [p for p in free if _DAYS.fullmatch(text[p[0] : p[1]])]  # the day of the news, a last resort
    free = [p for p in free if p not in days]
    in_clause = [p for p in free if clause_left <= p[0] and p[1] <= clause_right]
    contrast = re.search(r"\b(?:while|whereas|but|although|though)\s$", text[:clause_left]) or re.match(
        r"(?:while|whereas|but|although|though)\s", text[clause_left:start]
    )
    if contrast and re.search(r"\b[A-Z][a-z]+", text[clause_left:start]):
        free, days = [], []  # "…last year, while Affirm put the share at 2.6%": another subject, another time
    if re.search(r"\b(?:now|currently|today)\b", text[clause_left:start]):
        free, days = [], []  # "…since its 2021 debut, and it now serves 100 million": the present, not then
    for group, later in ((in_clause, True), (free, False), (days, False)):
        before = [p for p in group if p[1] <= start]
        if before:
            return _period_text(text, *before[-1])
        after = [p for p in group if p[0] >= end]
        if after and later:  # a period later in the sentence but in another clause times another figure
            return _period_text(text, *after[0])
    return ""


def _direct(text: str, end: int, s: int) -> bool:
    return not re.search(r"\b(?:from|than|compared|versus|vs|against)\b", text[end:s])


def _is_base(text: str, left: int, s: int, figures: list[_Raw]) -> bool:
    """Whether the period at `s` is what a figure is compared with ("from a year earlier", "up from 5% in 2021")."""
    if _COMPARE_BEFORE.search(text[max(left, s - 40) : s]):
        return True
    chained = [p for p in find_periods(text[left:s]) if re.fullmatch(r"[\s,]*", text[left + p[1] : s])]
    if chained and _is_base(text, left, left + chained[-1][0], figures):
        return True  # "from the same period a year earlier": the whole base
    previous = [f for f in figures if f[1] <= s and left <= f[0]]
    if previous and re.fullmatch(r"[\s,]*(?:in|for|during|as of|at the end of|of)?\s*", text[previous[-1][1] : s]):
        return bool(_COMPARE_BEFORE.search(text[max(left, previous[-1][0] - 30) : previous[-1][0]]))
    return False


def _period_text(text: str, s: int, e: int) -> str:
    return text[s:e].strip(" ,")


_METRIC_VERB = re.compile(
    r"\b(?:rose|fell|grew|increased|decreased|declined|dropped|jumped|climbed|surged|soared|slipped|slid|reached|"
    r"hit|totall?ed|stood|was|were|is|are|came|amounted|doubled|tripled|topped|exceeded|rise|fall|grow|reach|"
    r"increase|decline|climb|jump|narrowed|widened|shrank|expanded|swelled|tumbled|plunged|plummeted|eased|"
    r"edged|rebounded|slumped|accounted for|made up|be worth|worth|be|valued at|of|at|to|by)\s"
    r"(?:(?:about|around|nearly|almost|roughly|more than|over|some|up|down|an estimated|by|to|of|at|in|just|"
    r"as much as|close to|a|an|the|record|new)\s)*$"
)
# "volume to grow 20%", "deposits are expected to reach": the modal before the verb is not the metric.
_INFINITIVE = re.compile(
    r"\s(?:(?:is|are|was|were)\s)?(?:(?:expected|forecast|projected|set|likely|poised|predicted)\s)?"
    r"to\s(?=(?:\w+\s){1,2}$)"
    r"|\s(?:will|would|could|may|might|should|can)\s(?=(?:\w+\s){1,2}$)"
)
_AUXILIARY = {"keep", "keeps", "kept", "continue", "continues", "continued", "to", "be", "been"}
_NOT_METRIC = set(
    _words(
        "it they he she we which that this who there what company bank firm group said says say percent the a an its "
        "their his her our and or but of to from by with in on at for as up down has have had reported posted recorded "
        "booked saw generated earned made raised lost added expects expected forecast forecasts while when where "
        "also only just still even than more less about some is are was were be been being will would could may might "
        "total overall annual if whether unless them us those these ones all each"
    )
)
_MONEY = ("USD", "HKD", "EUR", "GBP", "yuan", "JPY", "SGD", "INR", "AUD", "CAD")
_DURATIONS = ("years", "months", "weeks", "days", "years old")
_SHARES = ("%", "percentage points", "basis points", "times", "")


def metric_of(text: str, start: int, end: int, unit: str) -> str:
    """A short name of what the figure measures: "revenue", "active members", "net loss"."""
    after = re.match(r"\s(?:in|of|worth of)\s((?:[a-z-]+\s?){1,3})", text[end : end + 50])
    if after and unit in _MONEY:
        words = _words_until_break(after.group(1).split())
        if words:
            return " ".join(words)
    if unit not in _SHARES and unit not in _MONEY and unit not in ("years", "days", "months", "years old"):
        words = text[start:end].split()
        kept = [w for w in words[:-1] if w.lower() in COUNT_ADJECTIVES]
        return " ".join([*kept, words[-1]])
    share = re.match(
        r"\s(?:of|of all)\s((?:the|its|their|our|all|[A-Z]\w+(?:'s|’s))\s)?((?:[A-Za-z][\w-]*\s?){1,3})", text[end:]
    )
    if share and unit == "%":  # "three-quarters of its new accounts", "12% of its staff"
        words = _noun_phrase(share.group(2).split())
        if words:
            return " ".join(words)
    counted = re.match(r"\s((?:[a-z][\w-]*\s?){1,3})", text[end:])
    if counted and unit == "%" and re.search(r"\s(?:in|out of)\s", text[start:end]):
        words = _noun_phrase(counted.group(1).split())  # "one in three users", "six in 10 new checking accounts"
        if words:
            return " ".join(words)
    return _metric_before(_without_periods(text, _clause_start(text, start), start))


def _metric_before(clause: str) -> str:
    """The noun phrase before the clause's verb: "its operating loss narrowed to" → "operating loss"."""
    clause = _INFINITIVE.sub(" ", clause)
    match = _METRIC_VERB.search(clause)
    if not match:
        return ""
    before = re.findall(r"[\w'’-]+", clause[: match.start()])
    words: list[str] = []
    for index in range(len(before) - 1, -1, -1):
        word = before[index]
        if not words and (word.endswith("ing") or word in _AUXILIARY):
            continue  # "members keep growing at 9%": the verb's helpers are not the metric
        if word.lower() in _NOT_METRIC or not word.isalpha() or (word[0].isupper() and index > 0):
            break
        words.insert(0, word)
    return " ".join(words[-3:])


def _noun_phrase(words: list[str]) -> list[str]:
    """The words up to the first plural noun ("monthly active users", "new accounts"), else up to two."""
    kept = _words_until_break(words)
    for i, word in enumerate(kept):
        if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
            return kept[: i + 1]
    return kept[:2]


def _without_periods(text: str, start: int, end: int) -> str:
    """text[start:end] less its periods and their prepositions ("Revenue for the twelve months to June rose")."""
    clause = text[start:end]
    for s, e in sorted(find_periods(clause), reverse=True):
        head = re.search(r"(?:\b(?:for|in|during|over|as of|at the end of|by|through)\s)?$", clause[:s])
        cut = head.start() if head else s
        clause = clause[:cut] + clause[e:]
    return re.sub(r"\s{2,}", " ", clause)


def _words_until_break(words: list[str]) -> list[str]:
    kept = []
    for word in words:
        if word in _NOT_METRIC or not word.isalpha():
            break
        kept.append(word)
    return kept
