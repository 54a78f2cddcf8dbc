"""The words English figures are written with: scales, currencies, percent words, count nouns, fractions.

Each table maps what a text writes to the value or the canonical unit the evaluation's truth spells
(`USD`, `%`, `percentage points`, `users` …); figures_en reads numbers with them.
"""

from __future__ import annotations


def _words(text: str) -> list[str]:
    """A word list written as one space-separated string."""
    return text.split()


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

# Count nouns with the unit the evaluation's truth spells; any other plural noun is its own unit.
COUNT_UNITS = {
    "user": "users",
    "customer": "customers",
    "client": "clients",
    "member": "members",
    "account": "accounts",
    "transaction": "transactions",
    "branch": "branches",
    "employee": "employees",
    "staff": "employees",
    "worker": "workers",
    "people": "people",
    "person": "people",
    "adult": "people",
    "firm": "firms",
    "company": "firms",
    "day": "days",
    "month": "months",
    "year": "years",
}

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

POINT_SIZES = {"quarter": 0.25, "half": 0.5}

MULTIPLES = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4, "double": 2, "triple": 3, "quadruple": 4}
