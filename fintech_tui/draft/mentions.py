"""Where each drafted name occurs, and which one a figure is about.

A figure's subject is the entity its clause names before it, else its sentence; a back
reference (该行, 该公司, "the company", "its") stands for the last entity of that kind named
before it. A name introduced as the source (据艾瑞咨询, "according to X") is the figure's
source, never its subject. In Chinese text a speaker (邵文涛透露, 分析师宋文认为) is no subject,
a product or unit wins over its owner named beside it, a market's figure (全国…, 行业…) has
none, 公司 is the company the text said it would call so, and a sentence naming nobody is
about the paragraph's subject so far.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import msgspec

from fintech_tui.draft.found import Name
from fintech_tui.draft.limits import NEAR, span_end, span_start, starting_in

CJK = re.compile(r"[\u4e00-\u9fff]")
SEGMENT = re.compile(r"[；;。！？!?]")  # a Chinese sentence's parts between semicolons
CLAUSE = re.compile(r"[，,；;：:]|\s[-–—]\s")
SENTENCE = re.compile(
    r"[。！？!?]|(?<=[a-z0-9%)”\"])(?<!\bInc)(?<!\bCorp)(?<!\bCo)(?<!\bLtd)(?<!\bMr)(?<!\bMs)(?<!\bDr)\.(?=\s|$)"
    r"|\|(?=\s*\|)"  # a table's row ends where the next begins ("…| |…" or "…||…")
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
    r"|(?:[\d年月日]{2,10}|此前|近期|日前|最新)(?:发布|公布|披露)的"  # 中国人民银行5月14日公布的…显示
)
# Chinese: a person, or an organisation's spokesperson, before a verb of saying is whom a claim is
# attributed to, not what a figure is about (邵文涛透露，…; 启衡证券分析师宋子墨认为，…).
SAYS = "表示|认为|指出|透露|介绍|称|说|预计|坦言|强调|解释|提醒|回应|告诉|预测"
SPEAKER_AFTER = re.compile(rf"(?:[^，,。；;：:！？“”]{{0,12}}?(?:{SAYS}))")
SPOKESPERSON = re.compile(r"分析师|负责人|人士|研究员|经济学家|首席|总裁|总经理|董事长|行长|主席|主任|发言人")
# Chinese: a figure the clause says is about a whole market or industry has no entity for subject.
MARKET = re.compile(r"(?:而|但|其中|据统计)?(?:全国|全行业|行业|全市场|市场(?!份额|占有率)|业内|部分|多数|全球)")
# …and inside a clause that names nobody, after a time or a place: 今年以来全国已有, 目前行业整体.
MARKET_INSIDE = re.compile(r"全国|全行业|全市场|全球|整个行业|行业(?:整体|平均)|业内")
SOURCE_REACH = 100  # characters before a name that SOURCE_BEFORE may cover (据, "data compiled by the" …)
# Chinese: the speaker's own firm, in an interview's answers or a quote (我们的费率, 我行, 本公司).
FIRST_PERSON = re.compile(r"我们|我行|本行|我司|本公司|咱们")
DECLARED_COMPANY = re.compile(r"简称[“\"「]([^”\"」]{2,12})[”\"」]或[“\"「](?:公司|本公司)[”\"」]")


class Mention(msgspec.Struct, frozen=True):
    """One occurrence of an entity's name or alias in a paragraph."""

    start: int
    end: int
    name: str  # the entity's Name.name
    source: bool = False  # introduced as a source: 据X, according to X
    speaker: bool = False  # a Chinese text's person or spokesperson's organisation before 表示, 认为 …


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
            name = self.forms[match.group()]
            before = SOURCE_BEFORE.search(text, max(0, match.start() - SOURCE_REACH), match.start())
            source = bool(before or SOURCE_AFTER.match(text, match.end()))
            says = SPEAKER_AFTER.match(text, match.end())
            speaker = bool(says) and (
                self.kinds.get(name) == "person" or bool(says and SPOKESPERSON.search(says.group()))
            )
            turn = self.kinds.get(name) == "person" and not text[: match.start()].strip()
            speaker = speaker or (turn and text.startswith(("：", ":"), match.end()))  # 严立：… opens a turn
            found.append(Mention(match.start(), match.end(), name, source, speaker))
        return found


def _form_pattern(form: str) -> str:
    escaped = re.escape(form)
    if form[:1].isascii() and form[:1].isalnum():
        escaped = r"(?<![A-Za-z0-9])" + escaped
    if form[-1:].isascii() and form[-1:].isalnum():
        escaped += r"(?![A-Za-z0-9])"
    return escaped


class Reader:
    """Reads a paragraph's figures in order, remembering the last entity named for back references."""

    def __init__(self, mentions: Mentions) -> None:
        self.mentions = mentions
        self.recent: list[str] = []  # names in the order last named, most recent last
        self.pinned = ""  # the entity a Chinese text calls 公司 for short (简称“X”或“公司”)
        self.counts: dict[str, int] = {}  # how often each name was named in the paragraphs read
        self.titled: str | None = None  # a Chinese title's firm (平安银行三季报速览): what the article is about

    def paragraph(self, text: str) -> list[Mention]:
        found = self.mentions.in_text(text)
        if self.titled is None:  # the first paragraph read, when a title line (short, no full stop)
            study = re.search(r"报告|数据|调查|研究|统计|显示", text)  # X发布报告: a source, not the topic
            firms = [
                m.name
                for m in found
                if self.mentions.kinds.get(m.name) in ("company", "bank", "group") and not (m.source and study)
            ]
            title = len(text) <= 40 and not re.search(r"[。！？!?]$", text.strip())
            self.titled = firms[0] if firms and title and _chinese(text, 0) else ""
        declared = DECLARED_COMPANY.search(text)
        if declared and not self.pinned:
            self.pinned = self.mentions.forms.get(declared.group(1), "")
        return found

    def subject(self, text: str, found: list[Mention], start: int) -> str:
        """The entity a figure at `start` in `text` is about, or ""."""
        chinese = _chinese(text, start)
        sentence = span_start(SENTENCE, text, start)
        clause = max(span_start(CLAUSE, text, start), sentence)  # a clause never reaches back past its sentence
        before = [m for m in starting_in(found, min(clause, sentence), start) if m.end <= start]
        before = [m for m in before if not m.source and not m.speaker and not (chinese and _cause(text, m))]
        back = _resolvable(list(_BACK.finditer(text, sentence, start)))
        spread = _spread(text, [m for m in before if m.start >= sentence], start) if chinese else ""
        if spread:
            return spread
        in_clause = [m for m in before if m.start >= clause]
        in_sentence = [m for m in before if m.start >= sentence]
        if back and (not in_sentence or back[-1].start() > in_sentence[-1].end):
            at = back[-1].start()
            earlier = [m.name for m in starting_in(found, max(0, at - NEAR), at) if m.end <= at]
            return self._referred(back[-1].group().lower(), earlier)
        if in_clause:
            return self._preferred(in_clause, text, first=False)
        if chinese and not in_sentence and FIRST_PERSON.search(text, sentence, start):
            return self._own_firm(
                starting_in(found, max(0, start - NEAR), start + NEAR)
            )  # 答：我们的费率…: the speaker's firm, the one the text is about
        if chinese and (MARKET.match(text, clause) or MARKET_INSIDE.search(text, clause, start)):
            return ""  # 全国小额贷款公司已从…, 而行业平均降幅…, 今年以来全国已有…: the market's figure
        segment = [m for m in in_sentence if m.start >= span_start(SEGMENT, text, start)] if chinese else []
        if segment or in_sentence:
            return self._preferred(segment or in_sentence, text, first=True)
        after = [m for m in starting_in(found, start, _clause_end(text, start)) if not m.source]
        if after or not chinese:
            return after[0].name if after else ""
        return self._carried(text, found, sentence)

    def _preferred(self, found: list[Mention], text: str, first: bool) -> str:
        """Of several names, the one a figure is most likely about: a Chinese text's product or unit
        over its owner named beside it (度小满的信贷产品“有钱花”…), else the first (or last) named."""
        if _chinese(text, found[0].start):
            owners = {self.mentions.parents.get(m.name, "") for m in found}
            kept = [m for m in found if m.name not in owners and not text.startswith("旗下", m.end)]
            found = kept or found
        if first:
            return found[0].name if len({m.name for m in found}) > 1 else found[-1].name
        return found[-1].name

    def _carried(self, text: str, found: list[Mention], sentence: int) -> str:
        """A Chinese sentence naming nobody is about the paragraph's subject so far, else the one the text
        calls 公司. Carrying a subject across paragraphs too was measured: subjects P 66 → 60 %.

        Of the sentences up to NEAR characters back, the last one naming someone: the one that
        holds the last such name before `sentence`."""
        earlier = [m for m in starting_in(found, max(0, sentence - NEAR), sentence) if not m.source and not m.speaker]
        if not earlier:
            return self.pinned or self.titled or ""  # else the firm the title is about
        first = span_start(SENTENCE, text, earlier[-1].start + 1)
        return self._preferred([m for m in earlier if m.start >= first], text, first=True)

    def source(self, text: str, found: list[Mention], start: int) -> str:
        """The source a figure's sentence names (据艾瑞咨询, according to X), or ""."""
        sentence = span_start(SENTENCE, text, start)
        sources = [m for m in starting_in(found, sentence, _sentence_end(text, start)) if m.source]
        return sources[0].name if sources else ""

    def seen(self, found: list[Mention], text: str = "") -> None:
        """Remember the paragraph's names for back references in the paragraphs after it.

        Within a sentence the first name is the likeliest to be referred back to (it is
        usually the sentence's subject), so it is remembered as the most recent.
        """
        sentence_starts = [0, *(m.end() for m in SENTENCE.finditer(text))] if text else [0]
        for first, last in zip(sentence_starts, [*sentence_starts[1:], len(text) + 10**9], strict=True):
            for mention in reversed([m for m in found if first <= m.start < last and not m.source]):
                self.counts[mention.name] = self.counts.get(mention.name, 0) + 1
                if mention.name in self.recent:
                    self.recent.remove(mention.name)
                self.recent.append(mention.name)

    def _own_firm(self, found: list[Mention]) -> str:
        """The firm 我们 / 我行 / 本公司 speaks for: the one the text declared as 公司, else the firm
        (company, bank, group) named most often so far."""
        if self.pinned:
            return self.pinned
        counts = dict(self.counts)
        for mention in found:
            counts[mention.name] = counts.get(mention.name, 0) + 1
        firms = [n for n in counts if self.mentions.kinds.get(n) in ("company", "bank", "group")]
        return max(firms, key=lambda n: counts[n]) if firms else ""

    def _referred(self, word: str, earlier_here: list[str]) -> str:
        if word in ("公司", "该公司") and self.pinned:
            return self.pinned  # 以下简称“东方财富”或“公司”: 公司 is that one throughout
        kinds = BACK_REFERENCES.get(word, ())
        for name in reversed([*self.recent, *earlier_here]):
            if not kinds or self.mentions.kinds.get(name) in kinds:
                return name
        return ""


CAUSE_BEFORE = ("随着", "由于", "伴随", "受")


def _cause(text: str, mention: Mention) -> bool:
    """随着美联储降息，…: a name a Chinese clause gives as the cause is not what its figure is about."""
    return text[max(0, mention.start - 2) : mention.start].endswith(CAUSE_BEFORE)


def back_references(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The back references between `start` and `end` worth resolving."""
    return _resolvable(list(_BACK.finditer(text, start, end)))


def _resolvable(back: list[re.Match[str]]) -> list[re.Match[str]]:
    """The back references worth resolving: one that names a kind (the bank) over a bare "its"."""
    named = [m for m in back if BACK_REFERENCES.get(m.group().lower())]
    return named or back


def _spread(text: str, named: list[Mention], start: int) -> str:
    """分别 gives each name listed before it the figure in its place after it (A和B分别增长9%和5%:
    5% is B's), a second list pairing again; "" when 分别 does not stand between them."""
    each = text.rfind("分别", named[0].start if named else start, start)
    names = list(dict.fromkeys(m.name for m in named if m.end <= each))
    if each < 0 or len(names) < 2:
        return ""
    index = len(FIGURE_START.findall(text, each, start))
    return names[index % len(names)]


FIGURE_START = re.compile(r"(?<![\d.,])[−-]?\d+(?:[.,]\d+)*")


def _clause_end(text: str, at: int) -> int:
    limit = min(len(text), at + NEAR)
    match = CLAUSE.search(text, at, limit) or SENTENCE.search(text, at, limit)
    return match.start() if match else limit


def _sentence_end(text: str, at: int) -> int:
    return span_end(SENTENCE, text, at)


def _chinese(text: str, at: int) -> bool:
    """Whether the text around `at` is Chinese (any CJK character within NEAR of it)."""
    return bool(CJK.search(text, max(0, at - NEAR), at + NEAR))
