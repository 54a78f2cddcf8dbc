"""Numbers and units as each language's readers write them: 30,280,000 devices, 3028万台.

One module, so every view (the figures table, details, compare) writes a value the
same way. English groups digits by thousands; Chinese counts in 万 (10⁴), 亿 (10⁸)
and 万亿 (10¹²), as the articles themselves do (1000万用户, 1.13亿), and writes the
unit straight after the number with no space (3028万台, 0.01元).
"""

from __future__ import annotations

from decimal import Decimal

from fintech_tui.i18n import has, phrase
from fintech_tui.model import Lang

#: Chinese scales, largest first.
_SCALES = ((Decimal(10) ** 12, "万亿"), (Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万"))
#: At most this many decimals on a scaled number (1.2345亿); an integer always fits in 万 with four.
_DECIMALS = 4
#: A unit's qualifier ("users (more than)") that Chinese writes before the number.
_BEFORE = {"more than": "超过", "over": "超过", "at least": "至少", "about": "约", "nearly": "近", "up to": "最多"}


def _plain(number: Decimal) -> str:
    """The shortest exact decimal: 1000 not 1E+3, 0.01 not 0.0100."""
    text = format(number.normalize(), "f")
    return text if "." not in text else text.rstrip("0").rstrip(".")


def format_number(number: float, lang: Lang = "en") -> str:
    """30280000 → 30,280,000 (English) or 3028万 (Chinese); 0.01 stays 0.01 in both."""
    exact = Decimal(str(number))
    if lang != "zh":
        return f"{number:,.0f}" if float(number).is_integer() else f"{number:,}"
    sign, size = ("-" if exact < 0 else ""), abs(exact)
    for scale, word in _SCALES:
        if size >= scale:
            scaled = size / scale
            if -scaled.normalize().as_tuple().exponent <= _DECIMALS:  # type: ignore[operator]
                return f"{sign}{_plain(scaled)}{word}"
    return sign + _plain(size)


def split_unit(unit: str) -> tuple[str, str]:
    """ "users (more than)" → ("users", "more than"); a unit with no qualifier → (unit, "")."""
    base, _, qualifier = unit.partition(" (")
    return base.strip(), qualifier.rstrip(")").strip()


def unit_word(unit: str, lang: Lang) -> str:
    """The unit's word in `lang` (users → 用户); a unit the table does not know is shown as written."""
    base, _ = split_unit(unit)
    key = f"unit.{base}"
    return phrase(key, lang) if has(key) else base


def format_amount(number: float, unit: str, lang: Lang) -> str:
    """A number with its unit: "50,000,000 users (more than)" in English, "超过5000万用户" in Chinese.

    Chinese drops an English qualifier it has no word for: the metric's Chinese name says
    what it qualifies ("rank (among Alibaba's apps)" is 在阿里旗下应用中的排名 → 第2名)."""
    written = format_number(number, lang)
    if lang != "zh":
        return f"{written} {unit}".strip()
    base, qualifier = split_unit(unit)
    before = _BEFORE.get(qualifier.lower(), "")
    if base == "rank":
        return f"{before}第{written}{phrase('unit.rank', lang)}"
    return f"{before}{written}{unit_word(base, lang)}"
