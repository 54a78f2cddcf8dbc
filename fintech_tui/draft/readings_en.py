"""How an English figure is read: its hedge (estimate, prediction, possibility) and a short metric."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from fintech_tui.draft.periods_en import clause_start, find_periods, sentence_bounds

if TYPE_CHECKING:
    from fintech_tui.draft.found import Found


def _words(text: str) -> list[str]:
    """A word list written as one space-separated string."""
    return text.split()


# Words that may stand between a number and its count noun: "38 million active members".
COUNT_ADJECTIVES = set(
    _words(
        "active monthly daily weekly annual new registered paying funded verified unique total retail small "
        "individual corporate online mobile digital young older full-time part-time more additional net gross "
        "checking savings deposit credit debit card"
    )
)

HEDGES = (
    ("estimate", r"about|around|roughly|approximately|nearly|almost|some|over|above|more than|less than|fewer than"),
    ("estimate", r"(?:something\s)?(?:in|on) the order of|something like|no more than|no fewer than|no less than"),
    ("estimate", r"as (?:much|many|high|low|little) as|up to|at least|at most|close to|just (?:over|under)"),
    ("estimate", r"an estimated|estimated|an approximate|upwards of|well over|north of|more like"),
)

_HEDGE_BEFORE = re.compile(rf"(?:\b(?:{'|'.join(words for _, words in HEDGES)}))\s+(?:a |an )?$", re.IGNORECASE)

_PREDICTION = re.compile(
    r"\b(?:expect(?:s|ed)?|forecasts?|forecast(?:ing|ed)?|projects?|projected|projection|predict(?:s|ed)?|"
    r"will|would(?! have)|is set to|are set to|on track to|poised to|targets? (?:of|to)|aims? to|plans? to|by 20\d\d|"
    r"guidance|outlook|guided|guides|sees|(?:un)?likely to)\b",
    re.IGNORECASE,
)

# "I think", "we believe", "in my view": the speaker's judgement, which wins over a rounding word.
_OPINION = re.compile(
    r"\b(?:I|we)\s(?:(?:still|really|do)\s)?(?:think|believe|reckon|suspect|doubt|feel)\b|\bin (?:my|our) view\b"
    r"|\bmy (?:guess|bet|sense)\b",
    re.IGNORECASE,
)

# "4.5 million firms could qualify", "the figure will rise": a modal the figure is the subject of.
_MODAL_AFTER = re.compile(
    r"^(?:\s(?!(?:and|but|or|while|as|which|that|who|if|when)\b)[\w-]+){0,3}?"
    r"\s(?P<modal>could|may|might|will|would|is expected|are expected)\b"
)

_ESTIMATE_VERB = re.compile(r"\b(?:estimates?|estimated|approximately|roughly)\b", re.IGNORECASE)

_BY_YEAR = re.compile(r"[^.;]{0,30}?\b(?:by (?:the end of )?20\d\d|next year|in the coming)\b")

_POSSIBLE = re.compile(r"\b(?:could|may|might|perhaps|possibly)\b", re.IGNORECASE)

# "might", "perhaps": a possibility even with a horizon ("might fall by a quarter next year").
_ONLY_POSSIBLE = re.compile(r"\b(?:might|perhaps|possibly)\b", re.IGNORECASE)

# "By one estimate, …" opening the sentence rounds every figure in it.
_BY_ESTIMATE = re.compile(r"(?:By|On|According to)\s(?:one|some|its|their|our|an?|the)\s(?:[\w-]+\s)?estimates?\b")

# A bound stated as a rule: "must reimburse up to £50,000", "capped at 36%": a limit, not a rounding.
_RULE = re.compile(
    r"\b(?:must|have to|has to|had to|required to|requires?|capped|caps?|limits?|limited|allowed to|may not|cannot|"
    r"no more than is allowed)\b",
    re.IGNORECASE,
)

# "a third or more": rounded from above.
_OR_MORE = re.compile(r"\s(?:or (?:more|so|higher|above)|plus)\b", re.IGNORECASE)

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

_SHARES = ("%", "percentage points", "basis points", "times", "")


def hedge_after(text: str, start: int, end: int, previous: Found | None) -> str:
    """The figure's hedge; one in apposition ("about $15 billion, roughly a third of that peak") shares a forecast's."""
    hedge = _hedge(text, start, end)
    lead = text[clause_start(text, start) : start].split()
    compared = any(word in ("from", "than", "compared", "versus") for word in lead)
    if previous and previous.hedge in ("prediction", "possibility") and len(lead) <= 2 and not compared:
        return previous.hedge
    if previous and previous.hedge == "prediction" and lead[:1] == ["and"] and not compared and not hedge:
        return previous.hedge  # "expects revenue of $3.5 billion …, and earnings of 40 cents a share"
    return hedge


def _hedge(text: str, start: int, end: int) -> str:
    """estimate for "about", "nearly", "more than"…; prediction for "expected", "will", "forecast"."""
    left = clause_start(text, start, reported=True)
    if re.match(r"\s*(?:to|at|of)\s", text[left:start]) and left > 2:
        left = clause_start(text, left - 2, reported=True)  # "expects losses to rise, to about 0.4%": the target
    clause = text[left:start]
    after = text[end : sentence_bounds(text, start, end)[1]]
    if _OPINION.search(text[sentence_bounds(text, start, end)[0] : start]):
        return "opinion"  # "I think we can keep it above 3%"
    if _ONLY_POSSIBLE.search(clause):
        return "possibility"  # "might fall by as much as 30 percent next year", "perhaps 2 percent"
    joined = text[min(left, clause_start(text, start, joined=True)) : start]
    if _PREDICTION.search(joined) or (_POSSIBLE.search(clause) and _BY_YEAR.match(after)):
        return "prediction"  # "expect the listing to value it at about $15 billion", "could reach $2bn next year"
    if _POSSIBLE.search(clause):
        return "possibility"  # "could seek roughly $12 billion"
    modal = _MODAL_AFTER.match(after)
    if modal:  # "at least 4.5 million firms could qualify"
        return "possibility" if modal.group("modal") in ("could", "may", "might") else "prediction"
    hedged = _HEDGE_BEFORE.search(text[max(0, start - 30) : start])
    if hedged and re.match(r"(?:up to|at most|no more than)\b", hedged.group(), re.IGNORECASE) and _RULE.search(clause):
        return ""  # "have to reimburse victims up to £50,000 per claim": a limit the rule sets
    sentence_start = sentence_bounds(text, start, end)[0]
    if _BY_ESTIMATE.match(text, sentence_start) or _OR_MORE.match(text, end):
        return "estimate"
    if (
        hedged
        and re.match(r"over\b", hedged.group(), re.IGNORECASE)
        and re.search(r"(?:days|weeks|months|years)$", text[start:end])
    ):
        hedged = None  # "over six weeks" spans a time; it does not round one
    if hedged or _ESTIMATE_VERB.search(clause):
        return "estimate"
    return ""


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
    share = _SHARE_OF.match(text, end)  # match(text, end), not of text[end:]: no copy of the paragraph per figure
    if share and unit == "%":  # "three-quarters of its new accounts", "12% of its staff"
        words = _noun_phrase(share.group(2).split())
        if words:
            return " ".join(words)
    counted = _WORDS_AFTER.match(text, end)
    if counted and unit == "%" and re.search(r"\s(?:in|out of)\s", text[start:end]):
        words = _noun_phrase(counted.group(1).split())  # "one in three users", "six in 10 new checking accounts"
        if words:
            return " ".join(words)
    # The metric is within a few words of the figure: a window keeps a paragraph of many figures linear.
    return _metric_before(_without_periods(text, max(clause_start(text, start), start - 160), start))


_SHARE_OF = re.compile(r"\s(?:of|of all)\s((?:the|its|their|our|all|[A-Z]\w+(?:'s|’s))\s)?((?:[A-Za-z][\w-]*\s?){1,3})")
_WORDS_AFTER = re.compile(r"\s((?:[a-z][\w-]*\s?){1,3})")


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
