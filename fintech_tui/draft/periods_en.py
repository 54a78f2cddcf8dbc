"""Dates and periods in English text, and which of them is a figure's period.

A period is never a figure; a figure's period is one right after it, else one in its clause,
else one opening its sentence, and never a comparison base ("from a year earlier").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right


def _words(text: str) -> list[str]:
    """A word list written as one space-separated string."""
    return text.split()


_SMALL = _words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
)

_TENS = _words("twenty thirty forty fifty sixty seventy eighty ninety")

WORD_VALUES = {word: i for i, word in enumerate(_SMALL)} | {word: 20 + 10 * i for i, word in enumerate(_TENS)}

NUMBER_WORD = rf"(?:(?:{'|'.join(_TENS)})(?:-(?:{'|'.join(_SMALL[1:10])}))?|{'|'.join(_SMALL)})"

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)

_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

_ORD = r"(?:first|second|third|fourth|final|last|latest|same|previous|prior|current|past|next|coming)"

_YEAR = r"(?:19|20)\d\d"

PERIOD = re.compile(
    rf"(?:as of|at the end of|end of|in|since|by|during|through|for|from|until)?\s?"
    rf"(?:{_MONTH}\s\d{{1,2}}(?!\d)(?:st|nd|rd|th)?(?:,?\s{_YEAR})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s{_MONTH}(?:,?\s{_YEAR})?"
    rf"|{_MONTH}\s{_YEAR}"
    rf"|\d{{4}}-\d\d-\d\d|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}"
    rf"|(?:(?:the|its|their)\s)?(?:(?:fiscal|financial)\s)?(?:year|half|quarter)\s(?:to|ended|ending|through)\s"
    rf"{_MONTH}(?:\s\d{{1,2}}(?!\d))?(?:,?\s{_YEAR})?"
    rf"|(?:(?:the|its|their)\s)?(?:{_ORD}\s)?(?:(?:fiscal|financial|calendar)\s)?"
    rf"(?:quarter|half|year|month|week|decade|period)s?"
    rf"(?:\s(?:of\s)?(?:(?:fiscal|financial)\s)?{_YEAR}(?:/\d\d)?)?(?=\W|$)"
    rf"|(?:the\s)?(?:past|last|next|previous|first|coming)\s(?:\d+|{NUMBER_WORD}|few|several)\s(?:years|months|quarters|weeks|days)"
    rf"|(?:the\s)?(?:\d+|{NUMBER_WORD})\s(?:months|weeks|quarters|years)\s(?:to|ended|ending|through)\s"
    rf"(?:{_MONTH}|the end of)"
    rf"(?:\s\d{{1,2}})?(?:,?\s{_YEAR})?"
    rf"|(?:Q[1-4]|H[12]|FY|CY)\s?(?:{_YEAR}|'?\d\d)?|(?:fiscal|financial)\s(?:year\s)?{_YEAR}"
    rf"|(?:(?:this|last|next|that|each|every)\s(?:year|quarter|month|week|spring|summer|autumn|fall|winter|decade))(?!-)"
    rf"|(?:the|this|last|next)\s(?:spring|summer|autumn|fall|winter)(?:\s(?:of\s)?{_YEAR})?"
    rf"|(?:\d+|(?i:{NUMBER_WORD})|[Aa])\s(?:years?|months?|weeks?|days?|quarters?|decades?)\s(?:ago|earlier)"
    rf"|(?:\d+|(?i:{NUMBER_WORD}))\s(?:years?|months?|weeks?|quarters?|decades?)\s(?:after|later)(?=\s)"
    rf"|over\s(?:the\s(?:past|last|next)\s)?(?:\d+|{NUMBER_WORD})\s(?:years|months|quarters|decades)(?![\w-])"
    rf"|[Ss]ince then"
    rf"|(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ull|[Hh]alf)-(?:quarter|half|year)(?=\s)"
    rf"|within\s(?:\d+|{NUMBER_WORD})\s(?:quarters|years|months)"
    rf"|(?:a|one)\s(?:year|quarter|month)\s(?:earlier|ago|before(?=[,.;)]|$))|year[- ]earlier"
    rf"|(?:the\s)?year\sbefore(?=[,.;)]|$)"
    rf"|{_YEAR}(?:s|\s?[-–/]\s?(?:{_YEAR}|\d\d)(?!\d))?(?!\d|%|\s?(?:percent|per cent))"
    rf"|{_MONTH}(?=\W|$)|{_DAY}|today|yesterday|tomorrow|(?:this|last|next)\s{_DAY}"
    rf"|\d{{1,2}}(?::\d\d)+(?:\s?[ap]\.?m\.?)?|\d{{1,2}}\s?[ap]\.m\.)",
)

_SHORT_MONTHS = ("May", "Mar", "Jan", "Jun", "Jul", "Aug", "Dec")

Raw = tuple[int, int, int | float | None, str]  # start, end, value, unit

_LEAD = re.compile(r"(?:as of|at the end of|end of|in|since|by|during|through|for|from|until)\s")

_BARE = re.compile(r"(?:(?:the|its|their)\s)?(?:quarter|half|year|month|week|decade|period)s?", re.IGNORECASE)


def find_periods(text: str) -> list[tuple[int, int]]:
    """Spans of the dates, times and periods in `text` (years, quarters, "last year", "as of June 30")."""
    spans = [_period_span(text, match) for match in PERIOD.finditer(text)]
    return [span for span in spans if span]


def _period_span(text: str, match: re.Match[str]) -> tuple[int, int] | None:
    """The span a PERIOD match stands for, less its preposition; None where it is a word, not a period."""
    start, end = match.span()
    while start < end and text[start].isspace():
        start += 1
    if text[end - 1] == "." and not _SHORT_MONTH_END.search(text, max(0, end - 8), end):
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
    at = start + (lead.end() if lead else 0)
    if short_month and not _MONTH_PREPOSITION.search(text, max(0, at - 8), at):
        return None  # "May" or "Mar" alone is more often a verb or a name than a month
    if re.fullmatch(_YEAR, body) and _money_or_count(text, start + len(core) - len(body), end):
        return None
    return start + (lead.end() if lead else 0), end


def _money_or_count(text: str, start: int, end: int) -> bool:
    """Whether the four digits at [start, end) are an amount ($2020, 2020 users) rather than a year."""
    before, after = text[max(0, start - 4) : start], text[end : end + 12]
    return bool(re.search(r"[$€£¥]\s?$", before)) or bool(re.match(r"\s(?:users|customers|people|firms)", after))


_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z\"“‘(0-9$€£])|[!?;]$|\.$")

_CLAUSE_STOP = re.compile(r"[,;:()—–]\s|\s(?:and|but|while|whereas|although|which|who|that|if|unless)\s")

_COMPARE_BEFORE = re.compile(
    r"(?:\bfrom|\bthan|\bcompared (?:with|to)|\bversus|\bvs\.?|\bagainst|\brelative to)\s(?:the\s)?"
    r"(?:(?:a|an|the|its|about|around|nearly|some)\s)?$",
    re.IGNORECASE,
)

_ATTACHED = re.compile(r"[\s,]*(?:(?:in|for|during|as of|at the end of|by|through|over|of|on)\s*)*")

_DAYS = re.compile(rf"(?:(?:this|last|next)\s)?{_DAY}|today|yesterday|tomorrow", re.IGNORECASE)


_SHORT_MONTH_END = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.$")
_MONTH_PREPOSITION = re.compile(r"(?:in|since|by|until|from)\s$")
_CONTRAST_BEFORE = re.compile(r"\b(?:while|whereas|but|although|though)\s$")
SENTENCE_REACH = 800  # no sentence a figure is read in runs longer: keeps a paragraph of many figures linear


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end), at most SENTENCE_REACH characters either side."""
    reach = max(0, start - SENTENCE_REACH)
    left = max((m.end() for m in _SENTENCE_END.finditer(text, reach, start)), default=reach)
    right_match = _SENTENCE_END.search(text, end, end + SENTENCE_REACH)
    return left, right_match.start() if right_match else min(len(text), end + SENTENCE_REACH)


def clause_start(text: str, start: int, reported: bool = False, joined: bool = False) -> int:
    """Where the clause holding `start` begins; `reported` reaches back over "that" to "estimate that",
    `joined` over "and" too ("expected expenses and compensation of $2 billion")."""
    sentence_start, _ = sentence_bounds(text, start, start)
    skip = ("that", "and") if joined else ("that",) if reported else ()
    stops = [m.end() for m in _CLAUSE_STOP.finditer(text, sentence_start, start) if m.group().strip() not in skip]
    return max(stops, default=sentence_start)


def figure_period(text: str, start: int, end: int, periods: list[tuple[int, int]], figures: list[Raw]) -> str:
    """The period of the figure at [start, end): one right after it, else the sentence's, never a base."""
    left, right = sentence_bounds(text, start, end)
    own = [
        (s, e) for s, e in periods[bisect_left(periods, (left,)) : bisect_right(periods, (right, right))] if e <= right
    ]
    for s, e in own:  # right after the figure: "5% in 2021", "$3bn in the third quarter", "23% to 8.6m in Q4"
        gap = text[end:s]
        for f in sorted((f for f in _starting_in(figures, end, s) if f[1] <= s), reverse=True):
            gap = gap[: f[0] - end] + "\0" + gap[f[1] - end :]
        gap = re.sub(r"^\s(?:to|and|or)\s(?:(?:about|nearly|around|almost|roughly|some|over)\s)?\0", "", gap)
        near = s >= end and len(gap) <= 40 and "\0" not in gap
        if near and _ATTACHED.fullmatch(gap) and (not _COMPARE_BEFORE.search(text[left:s]) or _direct(text, end, s)):
            return _period_text(text, s, e)
    bases = {(s, e) for s, e in own if _is_base(text, left, s, figures)}
    free = [(s, e) for s, e in own if (s, e) not in bases]
    clause_left = clause_start(text, start)
    stop = _CLAUSE_STOP.search(text, end, right)
    clause_right = stop.start() if stop else right
    days = [p for p in free if _DAYS.fullmatch(text[p[0] : p[1]])]  # the day of the news, a last resort
    free = [p for p in free if p not in days]
    in_clause = [p for p in free if clause_left <= p[0] and p[1] <= clause_right]
    contrast = _CONTRAST_BEFORE.search(text, max(0, clause_left - 12), clause_left) or re.match(
        r"(?:while|whereas|but|although|though)\s", text[clause_left:start]
    )
    if contrast and re.search(r"\b[A-Z][a-z]+", text[clause_left:start]):
        free, days = [], []  # "…last year, while Affirm put the share at 2.6%": another subject, another time
    present = re.search(r"\b(?:now|currently|today)\b", text[clause_left:start])
    if present:
        free, days = [], []  # "…since its 2021 debut, and it now serves 100 million": the present, not then
    for group, later in ((in_clause, True), (free, False), (days, False)):
        before = [p for p in group if p[1] <= start]
        if before:
            return _period_text(text, *before[-1])
        after = [p for p in group if p[0] >= end]
        if after and later:  # a period later in the sentence but in another clause times another figure
            return _period_text(text, *after[0])
    return present.group() if present else ""  # "it now serves 100 million": the period is the present


_LEVEL_AFTER = re.compile(r"(?:'s)?\s(?:levels?|peak|high|low|average|figure|total|pace)\b")


def _end_of_period(text: str, s: int) -> int:
    """Where the period starting at `s` ends."""
    match = PERIOD.match(text, s)
    return match.end() if match else s


def _direct(text: str, end: int, s: int) -> bool:
    return not re.search(r"\b(?:from|than|compared|versus|vs|against)\b", text[end:s])


def _is_base(text: str, left: int, s: int, figures: list[Raw]) -> bool:
    """Whether the period at `s` is what a figure is compared with ("from a year earlier", "up from 5% in 2021")."""
    if _COMPARE_BEFORE.search(text[max(left, s - 40) : s]):
        return True
    if _LEVEL_AFTER.match(text, _end_of_period(text, s)):
        return True  # "nearly double its 2022 level", "above pre-2020 levels": the base, not the time
    near = max(left, s - 60)  # a base's own period sits right before it; a window keeps many figures linear
    chained = [p for p in find_periods(text[near:s]) if re.fullmatch(r"[\s,]*", text[near + p[1] : s])]
    if chained and _is_base(text, left, near + chained[-1][0], figures):
        return True  # "from the same period a year earlier": the whole base
    previous = [f for f in _starting_in(figures, left, s) if f[1] <= s]
    if previous and re.fullmatch(r"[\s,]*(?:in|for|during|as of|at the end of|of)?\s*", text[previous[-1][1] : s]):
        return bool(_COMPARE_BEFORE.search(text[max(left, previous[-1][0] - 30) : previous[-1][0]]))
    return False


def _period_text(text: str, s: int, e: int) -> str:
    return text[s:e].strip(" ,")


def _starting_in(figures: list[Raw], low: int, high: int) -> list[Raw]:
    """The figures (ordered by start) that start in [low, high): a scan of all of them per period was quadratic."""
    return figures[bisect_left(figures, low, key=_raw_start) : bisect_left(figures, high, key=_raw_start)]


def _raw_start(raw: Raw) -> int:
    return raw[0]
