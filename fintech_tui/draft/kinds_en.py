"""Kinds an English article shows for a name across its whole text, not at one place only.

The name finder gives each name a kind from where it is named (its suffix, an appositive, a cue
before it). Some names carry no such mark where they first appear, but the article says what
they are elsewhere: "the app" a sentence later, "apps such as X", an item of a list of apps.
Counting that evidence over the article generalises better than lists of names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from fintech_tui.draft.lexicon_en import sentences

# "the app", "The budgeting app": a reference back to the sentence's (or the previous one's) subject
THE_APP = re.compile(r"\b[Tt]he\s(?:[a-z-]+\s)?app(?![\w-])(?!\s(?:store|stores)\b)")

# "apps such as X", "banks like X": the plural noun gives the kind of the names after it
SUCH_AS = re.compile(
    r"\b(?P<noun>apps|banks|lenders|stablecoins|tokens|coins|cards|regulators|agencies|watchdogs)"
    r"(?:\s[\w-]+){0,4}?,?\s(?:such\sas|like|including)\s"
)
SUCH_AS_KINDS = {
    "apps": "app",
    "banks": "bank",
    "lenders": "company",
    "stablecoins": "product",
    "tokens": "product",
    "coins": "product",
    "cards": "product",
    "regulators": "organisation",
    "agencies": "organisation",
    "watchdogs": "organisation",
}

# A numbered list item or heading: "1. YNAB: best for …", "## 2. Monarch Money"
LIST_ITEM = re.compile(r"^(?:#{1,6}\s*)?\d{1,2}[.)]\s+(?P<label>[^:—–(]+?)\s*(?::|[—–-]\s|\(|$)")

Where = Callable[[str], list[tuple[int, int, int]]]  # a form → its uses (text, start, end)


def listed_apps(texts: list[str]) -> set[str]:
    """The labels of a numbered list's items where the title or a heading speaks of apps."""
    if not texts or not re.search(r"\bapps\b", texts[0], re.IGNORECASE):
        return set()
    labels = set()
    for text in texts:
        item = LIST_ITEM.match(text)
        if item:
            labels.add(item.group("label").strip().strip("*_").strip())
    return labels


# A title setting two names side by side: "Current vs. Dave: Two Cash-Advance Apps", "# Chime or Varo?"
_TITLE_NAME = r"[A-Z][\w&'’.-]*(?:\s[A-Z][\w&'’.-]*){0,2}"
COMPARED = re.compile(
    rf"^(?:#{{1,6}}\s*)?(?P<first>{_TITLE_NAME})\s(?:vs\.?|versus|or)\s(?P<second>{_TITLE_NAME}?)(?=[:?,]|\s[—–-]\s|$)"
)


def compared_apps(texts: list[str]) -> set[str]:
    """The two names a title compares where it calls them apps ("Current vs. Dave: Two Cash-Advance Apps")."""
    title = COMPARED.match(texts[0]) if texts else None
    if not title or not re.search(r"\bapps\b", texts[0], re.IGNORECASE):
        return set()
    return {title.group("first"), title.group("second").rstrip(".")}


def named_as(texts: list[str], forms: dict[str, str]) -> dict[str, str]:
    """Name → kind, for names written after "apps such as", "tokens like" … (`forms`: form → name)."""
    if not forms:
        return {}
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    listed = re.compile(rf"(?:,\s|\sand\s|\sor\s)?(?<![\w-])({alternation})(?![\w-])")
    kinds: dict[str, str] = {}
    for text in texts:
        for such in SUCH_AS.finditer(text):
            at = such.end()
            while True:
                item = listed.match(text, at)
                if not item:
                    break
                kinds.setdefault(forms[item.group(1)], SUCH_AS_KINDS[such.group("noun")])
                at = item.end()
    return kinds


def referred_as_app(texts: list[str], mentions: Iterable[tuple[int, int, str]]) -> set[str]:
    """Names that "the app" refers back to: the first name of its sentence, or of the one before
    when "The app" opens the sentence. `mentions`: (text, start, name) for every use of every name."""
    by_text: dict[int, list[tuple[int, str]]] = {}
    for index, start, name in mentions:
        by_text.setdefault(index, []).append((start, name))
    apps = set()
    for index, text in enumerate(texts):
        named = sorted(by_text.get(index, ()))
        bounds = sentences(text)
        for match in THE_APP.finditer(text):
            which = next(i for i, (left, right) in enumerate(bounds) if left <= match.start() < max(right, left + 1))
            left, right = bounds[which]
            opening = not text[left : match.start()].strip()
            if opening and which:
                left, right = bounds[which - 1]
            subject = next((name for start, name in named if left <= start < right), "")
            if subject:
                apps.add(subject)
    return apps


_OWNER_HEADINGS = {"issuer", "owner", "provider", "operator", "parent", "issued by", "owned by", "run by"}


def _rows(texts: list[str]) -> list[list[list[str]]]:
    """The Markdown tables in `texts` (a row per line or per paragraph), each as its rows' cells,
    the header row first and the separator row left out."""
    tables: list[list[list[str]]] = []
    current: list[list[str]] = []
    # the reader may join a table's rows into one block, "| a | b || c | d |": a row ends where the next opens
    for line in (line.strip() for text in texts for line in re.split(r"\n|(?<=\|)(?=\|)", text)):
        if not (line.startswith("|") and line.endswith("|")):
            if current:
                tables.append(current)
            current = []
            continue
        cells = [cell.strip().strip("*_").strip() for cell in line[1:-1].split("|")]
        if not all(re.fullmatch(r":?-{3,}:?", cell) for cell in cells):
            current.append(cells)
    if current:
        tables.append(current)
    return tables


def table_kinds(texts: list[str], forms: dict[str, str]) -> dict[str, str]:
    """Name → kind, for the row labels of a table whose first heading names their kind ("| Stablecoin |")."""
    kinds: dict[str, str] = {}
    for table in _rows(texts):
        heading = table[0][0].casefold().rstrip("s") if table[0] else ""
        kind = {**SUCH_AS_KINDS, "app": "app", "card": "product", "stablecoin": "product", "bank": "bank"}.get(
            heading + "s", {"product": "product", "provider": "company", "lender": "company"}.get(heading, "")
        )
        for row in table[1:]:
            if kind and row and row[0] in forms:
                kinds.setdefault(forms[row[0]], kind)
    return kinds


def table_owners(texts: list[str], forms: dict[str, str]) -> list[tuple[str, str]]:
    """(row label, owner) for tables with an issuer or owner column: "| USDC | Circle |"."""
    pairs = []
    for table in _rows(texts):
        column = next((i for i, cell in enumerate(table[0]) if cell.casefold() in _OWNER_HEADINGS), 0)
        for row in table[1:] if column else ():
            if len(row) > column and row[0] in forms and row[column] in forms:
                pairs.append((row[0], row[column]))
    return pairs
