"""Where each drafted name occurs, and which one a figure is about.

A figure's subject is the entity its clause names before it, else its sentence; a back
reference (该行, 该公司, "the company", "its") stands for the last entity of that kind named
before it. A name introduced as the source (据艾瑞咨询, "according to X") is the figure's
source, never its subject.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import msgspec

from fintech_tui.draft.found import Name

CLAUSE = re.compile(r"[，,；;：:]|\s[-–—]\s")
SENTENCE = re.compile(
    r"[。！？!?]|(?<=[a-z0-9%)”\"])(?<!\bInc)(?<!\bCorp)(?<!\bCo)(?<!\bLtd)(?<!\bMr)(?<!\bMs)(?<!\bDr)\.(?=\s|$)"
)  # "Lumen & Co. added …" goes on
# A back reference and the kinds of entity it can stand for ("" : any kind).
BACK_REFERENCES: dict[str, tuple[str, ...]] = {
    "该行": ("bank",),
    "该银行": ("bank",),
    "该集团": ("group",),
    "该公司": ("company", "group"),
    "公司": ("company", "group"),
    "该平台": ("app", "company", "product"),
    "该应用": ("app",),
    "该产品": ("product", "app"),
    "该机构": ("organisation",),
    "the bank": ("bank",),
    "the lender": ("bank", "company"),
    "the group": ("group",),
    "the company": ("company", "group"),
    "the firm": ("company", "group"),
    "the startup": ("company",),
    "the app": ("app",),
    "the platform": ("app", "company", "product"),
    "the regulator": ("organisation",),
    "the agency": ("organisation",),
    "its": (),
}
_BACK = re.compile(
    "|".join(
        rf"\b{re.escape(word)}\b" if word.isascii() else re.escape(word)
        for word in sorted(BACK_REFERENCES, key=len, reverse=True)
    ),
    re.IGNORECASE,
)
SOURCE_BEFORE = re.compile(
    r"(?:据|根据|来自|援引|according to|data from|figures from|a report by|a survey by|a study by|analysts? at|"
    r"economists? at|researchers? at|(?:an\s)?estimates? (?:from|by)|data compiled by)\s*(?:the\s)?$",
    re.IGNORECASE,
)
SOURCE_AFTER = re.compile(
    r"\s*(?:的?数据|的?统计|的?报告|的?调查|显示|发布|测算|估计|(?:data|figures|report|survey|study|estimates)\b|"
    r"(?:,\s[^,]{1,40},\s)?(?:estimates?|estimated|forecasts?|projects?)\s(?:that\b)?)"
)


class Mention(msgspec.Struct, frozen=True):
    """One occurrence of an entity's name or alias in a paragraph."""

    start: int
    end: int
    name: str  # the entity's Name.name
    source: bool = False  # introduced as a source: 据X, according to X


class Mentions:
    """Every form of every drafted name, found longest first so 招商银行 wins over 招行 inside it."""

    def __init__(self, names: Iterable[Name]) -> None:
        self.kinds: dict[str, str] = {}
        self.parents: dict[str, str] = {}
        forms: dict[str, str] = {}
        for name in names:
            self.kinds[name.name] = name.kind
            self.parents[name.name] = name.parent
            for form in (name.name, *name.aliases):
                forms.setdefault(form, name.name)
        self.forms = forms
        alternatives = [_form_pattern(form) for form in sorted(forms, key=len, reverse=True)]
        self.pattern = re.compile("|".join(alternatives)) if alternatives else None

    def in_text(self, text: str) -> list[Mention]:
        """The mentions in `text`, in order, none overlapping."""
        if self.pattern is None:
            return []
        found = []
        for match in self.pattern.finditer(text):
            source = bool(SOURCE_BEFORE.search(text, 0, match.start()) or SOURCE_AFTER.match(text, match.end()))
            found.append(Mention(match.start(), match.end(), self.forms[match.group()], source))
        return found


def _form_pattern(form: str) -> str:
    escaped = re.escape(form)
    if form[:1].isascii() and form[:1].isalnum():
        escaped = r"(?<![A-Za-z0-9])" + escaped
    if form[-1:].isascii() and form[-1:].isalnum():
        escaped += r"(?![A-Za-z0-9])"
    return escaped


def _span_start(pattern: re.Pattern[str], text: str, at: int) -> int:
    return max((m.end() for m in pattern.finditer(text, 0, at)), default=0)


class Reader:
    """Reads a paragraph's figures in order, remembering the last entity named for back references."""

    def __init__(self, mentions: Mentions) -> None:
        self.mentions = mentions
        self.recent: list[str] = []  # names in the order last named, most recent last

    def paragraph(self, text: str) -> list[Mention]:
        return self.mentions.in_text(text)

    def subject(self, text: str, found: list[Mention], start: int) -> str:
        """The entity a figure at `start` in `text` is about, or ""."""
        clause = _span_start(CLAUSE, text, start)
        sentence = _span_start(SENTENCE, text, start)
        before = [m for m in found if m.end <= start and not m.source]
        back = _resolvable(list(_BACK.finditer(text, sentence, start)))
        in_clause = [m for m in before if m.start >= clause]
        in_sentence = [m for m in before if m.start >= sentence]
        if back and (not in_sentence or back[-1].start() > in_sentence[-1].end):
            return self._referred(back[-1].group().lower(), [m.name for m in found if m.end <= back[-1].start()])
        if in_clause:
            return in_clause[-1].name
        if in_sentence:
            return in_sentence[0].name if len({m.name for m in in_sentence}) > 1 else in_sentence[-1].name
        after = [m for m in found if m.start >= start and not m.source and m.start < _clause_end(text, start)]
        return after[0].name if after else ""

    def source(self, text: str, found: list[Mention], start: int) -> str:
        """The source a figure's sentence names (据艾瑞咨询, according to X), or ""."""
        sentence = _span_start(SENTENCE, text, start)
        sources = [m for m in found if m.source and sentence <= m.start and m.start < _sentence_end(text, start)]
        return sources[0].name if sources else ""

    def seen(self, found: list[Mention], text: str = "") -> None:
        """Remember the paragraph's names for back references in the paragraphs after it.

        Within a sentence the first name is the likeliest to be referred back to (it is
        usually the sentence's subject), so it is remembered as the most recent.
        """
        sentence_starts = [0, *(m.end() for m in SENTENCE.finditer(text))] if text else [0]
        for first, last in zip(sentence_starts, [*sentence_starts[1:], len(text) + 10**9], strict=True):
            for mention in reversed([m for m in found if first <= m.start < last and not m.source]):
                if mention.name in self.recent:
                    self.recent.remove(mention.name)
                self.recent.append(mention.name)

    def _referred(self, word: str, earlier_here: list[str]) -> str:
        kinds = BACK_REFERENCES.get(word, ())
        for name in reversed([*self.recent, *earlier_here]):
            if not kinds or self.mentions.kinds.get(name) in kinds:
                return name
        return ""


def back_references(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The back references between `start` and `end` worth resolving."""
    return _resolvable(list(_BACK.finditer(text, start, end)))


def _resolvable(back: list[re.Match[str]]) -> list[re.Match[str]]:
    """The back references worth resolving: one that names a kind (the bank) over a bare "its"."""
    named = [m for m in back if BACK_REFERENCES.get(m.group().lower())]
    return named or back


def _clause_end(text: str, at: int) -> int:
    match = CLAUSE.search(text, at) or SENTENCE.search(text, at)
    return match.start() if match else len(text)


def _sentence_end(text: str, at: int) -> int:
    match = SENTENCE.search(text, at)
    return match.start() if match else len(text)
