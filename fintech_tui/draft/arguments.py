"""An argument skeleton: the thesis, a point per heading, and the claims discourse markers announce.

Every drafted claim quotes its sentence verbatim and is flagged for review; the relation
and hedge come from the marker that opens the sentence (首先 / first → supports, 但是 /
however → opposes, 以…为例 / for example → elaborates, 可能 / may → a hedge), and a claim
attributed to a speaker (X表示, "X said") concerns X. In Chinese text the thesis may also be
the author's judgement in the first paragraphs (我们认为) or the lead's first sentence that
reports no event and states no figure; a heading that only names a section (投资要点, 风险提示)
is no point; and a short sentence opening a paragraph (监管环境也在变化。) is a point of its own.
"""

from __future__ import annotations

import re
from typing import Any

import msgspec

from fintech_tui.draft.found import DRAFTED
from fintech_tui.draft.mentions import Mentions
from fintech_tui.draft.outline import Frame, Heading, bilingual, heading_of
from fintech_tui.draft.reading import Block


class Marker(msgspec.Struct, frozen=True):
    """A discourse marker's reading: the claim's role and its relation to the point it serves."""

    role: str
    relation: str


def _markers(words: str, marker: Marker) -> dict[str, Marker]:
    return dict.fromkeys(words.split("|"), marker)


REASON = Marker("reason", "supports")
CONCLUSION = Marker("conclusion", "supports")
QUALIFICATION = Marker("qualification", "opposes")
EXAMPLE = Marker("observation", "elaborates")
MARKERS_ZH = {
    **_markers("首先|其次|再次|第一|第二|第三|第四|此外|另外|而且|更重要的是|一方面|另一方面|因为|由于|同时", REASON),
    **_markers(
        "因此|所以|总之|综上|综上所述|由此可见|可见|总的来看|总而言之|归根结底|说到底|总体来看|先说结论", CONCLUSION
    ),
    **_markers("但是|但|然而|不过|可是|尽管|虽然|只是", QUALIFICATION),
    **_markers("例如|比如|譬如|举例来说|举个例子", EXAMPLE),
}
MARKERS_EN = {
    **_markers(
        "First|Firstly|Second|Secondly|Third|Thirdly|Moreover|In addition|Also|Because|Since|Furthermore|"
        "Another reason|What is more|Besides",
        REASON,
    ),
    **_markers(
        "Therefore|Thus|So|Hence|As a result|In short|In sum|In summary|Overall|Ultimately|The bottom line|"
        "In the end|Consequently|Put simply|That is why|This is why|Which is why",
        CONCLUSION,
    ),
    **_markers(
        "However|But|Yet|Still|Although|Though|Nevertheless|That said|Even so|Even then|Of course|Not everyone",
        QUALIFICATION,
    ),
    **_markers("For example|For instance|Take|Consider|To take one example", EXAMPLE),
}
EXAMPLE_ZH = re.compile(r"^以.{1,20}?为例")
THESIS_ZH = re.compile(r"先说结论|总之|答案是|一句话")
# Chinese: the author's own judgement in the first paragraphs states the thesis (我认为, 我的判断是).
JUDGEMENT_ZH = re.compile(r"我认为|我的判断是|我们认为|笔者认为|在我看来|我觉得|我的看法是|我的观点是")
# Chinese: a lead sentence reporting an event (X披露年报) is news, not the thesis.
EVENT_ZH = re.compile(
    r"(?:披露|发布|公布|宣布|通报|公示|召开|举行)(?:了)?[^，。]{0,12}(?:报告|年报|半年报|业绩|数据|信息|情况|公告)"
    r"|^本报讯|(?:发布|印发|出台)(?:了)?《|开出(?:了)?[^，。]{0,4}罚单"
)
# Chinese: a notice's salutation (各金融监管局，各…公司：) addresses its readers and argues nothing.
SALUTATION_ZH = re.compile(r"^各[^。]{2,80}[：:]$")
# Chinese: a heading naming a section rather than saying something (投资要点, 风险提示, 规模与客户) is no point.
LABEL_ZH = re.compile(r"(?:要点|提示|估值|展望|判断|背景|总结|结语|引言|附录|概况|点评|建议|摘要)$")
# Chinese: a line that credits a picture or a source, introduces a firm (关于X), labels a column (【消费金融】)
# or heads a period (截至报告期末) is the page's furniture, never a claim.
FURNITURE_ZH = re.compile(
    r"^(?:图源|图片来源|数据来源|资料来源|来源|注)[：:]|^关于|^【[^】]{1,10}】$|^截至[^，,。]{2,12}$"
)
# English: the author's judgement in the first paragraphs ("we think the market underestimates …").
JUDGEMENT_EN = re.compile(r"\b(?:I|we) (?:think|believe|argue)\b|\bthis (?:piece|note|article|column) argues\b", re.I)
LIST_INTRO_EN = re.compile(r"^(?:Below|Here) (?:are|is)\b")  # "Below are the five stories I think matter"
# English: a greeting, an editor's note, a timestamp or a bare paragraph number opens no argument.
FURNITURE_EN = re.compile(
    r"^(?:Good (?:morning|afternoon|evening)\b|Hello\b|Welcome\b|This (?:transcript|note|story) (?:has been|was|is)"
    r"\b|\[?\d{1,2}:\d{2}|\d+(?:\.\d+)*\.?$)"
)
# "Since" opening a time rather than a reason: a month, a year, "then", or an event's date within a few words.
SINCE_TIME = re.compile(
    r"Since\s+(?:then\b|(?:the\s)?(?:start|end|beginning)\b|(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b|(?:19|20)\d\d\b|[^,.]{0,60}\b(?:in|last|this)\s(?:(?:19|20)\d\d|year|month|"
    r"week|January|February|March|April|May|June|July|August|September|October|November|December)\b)"
)
CAPTION_EN = re.compile(r"^\**(?:Sources?|Photo|Image|Chart|Note|Data)\**\s*:", re.I)
THESIS_EN = re.compile(r"\b(?:In short|The answer|The bottom line|In a word|Put simply)\b", re.IGNORECASE)
HEDGES = (
    (
        "opinion",
        re.compile(
            r"我认为|笔者认为|我们认为|在我看来|我觉得|\bI (?:think|believe|estimate|expect)\b|\bwe believe\b"
            r"|\bin my view\b|\bmy view is\b",
            re.I,
        ),
    ),
    (
        "prediction",
        re.compile(
            r"预计|预期|将会|有望|还会|将(?=[要成被在取超达继迎占])|\bexpects?\b|\bforecasts?\b|\bwill\b|\bis set to\b"
            r"|\bprojects?\b"
        ),
    ),
    ("possibility", re.compile(r"可能|或许|也许|或将|\bmay\b|\bmight\b|\bcould\b|\blikely\b|\bprobably\b")),
)
SPEECH_ZH = re.compile(r"(表示|认为|指出|(?<![简号名])称|坦言|透露|强调|介绍|提醒)")  # not 简称
SPEECH_EN = re.compile(
    r"\b(said|says|say|told|argued|argues|argue|noted|wrote|added|warned|warn|estimated|estimates|estimate that|"
    r"according to)\b"
)
ABBREVIATIONS = frozenset(
    "Mr. Mrs. Ms. Dr. Prof. St. Inc. Corp. Co. Ltd. Jr. Sr. U.S. U.K. No. vs. e.g. i.e. Jan. Feb.".split()  # noqa: SIM905
)
# Who speaks when no drafted name does: 分析师王强表示, "an analyst at X said".
SPEAKER = re.compile(
    r"分析师|行长|董事长|总裁|总经理|负责人|研究员|专家|人士|创始人|首席\S{0,4}官|发言人|合伙人|教授|"
    r"\b(?:analyst|chief executive|CEO|CFO|spokes(?:man|woman|person)|founder|president|"
    r"economist|professor|official)s?\b"
)
QUOTE_OPENERS = "「『“\"‘'（(【"


def sentences(text: str, chinese: bool) -> list[tuple[int, str]]:
    """The sentences of `text` with where each starts, verbatim but for surrounding space."""
    pattern = (
        re.compile(r"[^。！？!?]+(?:[。！？!?]+[”」』\"]?|$)")
        if chinese
        else re.compile(r".+?(?:[.!?]+[\"”’)]?(?=\s+[A-Z\"“‘(]|\s*$)|$)")
    )
    out: list[tuple[int, str]] = []
    for match in pattern.finditer(text):
        sentence = match.group()
        stripped = sentence.strip()
        if not stripped:
            continue
        at = match.start() + sentence.index(stripped)
        if out and out[-1][1].split()[-1] in ABBREVIATIONS:  # "Dr." did not end the sentence
            at = out[-1][0]
            stripped = text[at : match.start() + sentence.index(stripped) + len(stripped)]
            out.pop()
        out.append((at, stripped))
    return [(at, sentence) for at, sentence in out if len(sentence) >= 4]


def marker_of(sentence: str, chinese: bool) -> Marker | None:
    """The marker opening `sentence` (after any quotation mark), or None."""
    opening = sentence.lstrip(QUOTE_OPENERS)
    if chinese:
        if EXAMPLE_ZH.match(opening):
            return EXAMPLE
        for word in sorted(MARKERS_ZH, key=len, reverse=True):
            if opening.startswith(word) and (len(word) > 1 or opening[1:2] in "，,是也"):
                return MARKERS_ZH[word]
        return None
    for words in sorted(MARKERS_EN, key=len, reverse=True):
        if re.match(rf"{re.escape(words)}\b[,\s]", opening):
            if words == "Since" and SINCE_TIME.match(opening):
                return None  # "Since October 2024, …", "Since then": a time, not a reason
            return MARKERS_EN[words]
    return None


def hedge_of(sentence: str) -> str:
    return next((hedge for hedge, pattern in HEDGES if pattern.search(sentence)), "")


class _Skeleton:
    def __init__(self, chinese: bool, mentions: Mentions, ids: dict[str, str]) -> None:
        self.chinese = chinese
        self.mentions = mentions
        self.ids = ids
        self.arguments: list[dict[str, Any]] = []

    def add(self, role: str, para: str, quote: str, parent: str = "", relation: str = "", **extra: Any) -> str:
        argument_id = f"a{len(self.arguments) + 1:02d}"
        argument: dict[str, Any] = {"id": argument_id, "role": role, "claim": bilingual(_claim(quote))}
        if parent:
            argument["parent"] = parent
            argument["relation"] = relation
        hedge = hedge_of(quote)
        if hedge:
            argument["hedge"] = hedge
        concerns = self.concerns(quote)
        if concerns:
            argument["concerns"] = concerns
        argument.update(extra)
        argument["inference"] = DRAFTED
        argument["evidence"] = [{"para": para, "quote": quote}]
        self.arguments.append(argument)
        return argument_id

    def concerns(self, sentence: str) -> list[str]:
        """The speaker of an attributed claim, else the entities the claim names (at most three)."""
        found = self.mentions.in_text(sentence)
        speech = (SPEECH_ZH if self.chinese else SPEECH_EN).search(sentence)
        if speech:
            speakers = [m.name for m in found if m.end <= speech.start()] or [
                m.name for m in found if m.start >= speech.end()
            ]
            found = [m for m in found if m.name in speakers[:1]] or found
        names = list(dict.fromkeys(m.name for m in found))
        return [self.ids[name] for name in names[:3] if name in self.ids]


def _claim(quote: str, limit: int = 120) -> str:
    return quote if len(quote) <= limit else quote[: limit - 1] + "…"


def draft_arguments(
    blocks: list[Block], ids: list[str], frame: Frame, mentions: Mentions, entity_ids: dict[str, str]
) -> list[dict[str, Any]]:
    """The argument skeleton in the pack format, every claim flagged for review."""
    chinese = any("\u3400" <= ch <= "\u9fff" for block in blocks[:5] for ch in block.text)
    skeleton = _Skeleton(chinese, mentions, entity_ids)
    body = range(frame.start, frame.end + 1)
    thesis_at = _thesis(blocks, body, chinese)
    if thesis_at is None:
        return []
    if not chinese:
        thesis_at = _english_thesis(blocks, frame, thesis_at)
    i, quote = thesis_at
    if not chinese:
        from fintech_tui.draft.arguments_en import clauses

        quote = clauses(quote)[0][0]
    thesis = skeleton.add("thesis", ids[i], quote)
    point = thesis
    lead = next((b for b in body if heading_of(blocks[b]) is None and not blocks[b].listed), -1)
    levels = [h.level for h in map(heading_of, (blocks[i] for i in body)) if h is not None]
    for i in body:
        block = blocks[i]
        heading = heading_of(block)
        if heading is not None:
            if heading.level == min(levels) and _point_heading(heading, chinese):  # a subsection names a topic
                point = skeleton.add(
                    "point", ids[i], block.text.strip(), thesis, "supports", claim=bilingual(heading.title)
                )
            if not _prose(block):
                continue
        found = sentences(block.text, chinese)
        for number, (_, whole) in enumerate(found):
            parts = _chinese_parts(whole) if chinese else _english_parts(whole)
            for part, (sentence, inside) in enumerate(parts):
                if i == thesis_at[0] and sentence == quote:
                    continue
                if inside is not None:  # ", though …", ", because …": the clause a marker opens mid-sentence
                    skeleton.add(inside[0], ids[i], sentence, point, inside[1])
                    continue
                if chinese:
                    topic = number == 0 and _topic_sentence(sentence)
                else:
                    first = number == 0 and part == 0 and i != lead and not block.listed
                    topic = first and _topic(sentence, len(found))
                _claim_of(skeleton, ids[i], sentence, point, chinese, topic)
    return skeleton.arguments


def _claim_of(skeleton: _Skeleton, para: str, sentence: str, point: str, chinese: bool, topic: bool) -> None:
    """A sentence's claim, if it makes one: by its opening marker, its judgement, its speaker or its place."""
    if (FURNITURE_ZH if chinese else CAPTION_EN).search(sentence):
        return  # 图源：…, Source: company filings: a credit, not a claim
    marker = marker_of(sentence, chinese)
    speech = (SPEECH_ZH if chinese else SPEECH_EN).search(sentence)
    relation = "supports" if chinese else "elaborates"  # an English source's claim bears out the point
    if marker is not None:
        skeleton.add(marker.role, para, sentence, point, marker.relation)
    elif chinese and hedge_of(sentence) == "prediction":
        skeleton.add("observation", para, sentence, point, "elaborates")  # 预计…: a forecast fills in the point
    elif hedge_of(sentence) in ("opinion", "prediction") and not (speech and not chinese):
        skeleton.add("reason", para, sentence, point, "supports")  # the author's own judgement
    elif chinese and hedge_of(sentence) == "possibility" and not sentence.endswith(("？", "?")):
        skeleton.add("observation", para, sentence, point, "elaborates")  # 可能…: a hedged claim
    elif (
        _attributed(sentence, chinese)
        or (speech and skeleton.concerns(sentence) and len(FIGURE_LIKE.findall(sentence)) < REPORTING)
        or (speech and not chinese and hedge_of(sentence) and len(FIGURE_LIKE.findall(sentence)) <= REPORTING)
    ):
        skeleton.add("observation", para, sentence, point, relation)
    elif topic and not chinese and _turns_against(sentence):
        skeleton.add("qualification", para, sentence, point, "opposes")  # "The risks are not small."
    elif topic:
        skeleton.add("point", para, sentence, point, "supports")  # the paragraph's opening statement
    elif chinese and any(m.start() > 6 for m in BUT_ZH.finditer(sentence)):
        skeleton.add("qualification", para, sentence, point, "opposes")  # …，但…: a sentence that turns


# An English opening statement that names a weakness, a risk or a limit turns against the point.
AGAINST_EN = re.compile(
    r"\b(?:risks?|weak(?:ness|er|est)?|weak spot|downside|catch|problem|concerns?|doubts?|steep|harder|"
    r"not|none|no longer|never|different|worse|lower than|below|short of|price of|cost of|pressure)\b",
    re.IGNORECASE,
)


def _turns_against(sentence: str) -> bool:
    from fintech_tui.draft.arguments_en import clauses

    return bool(AGAINST_EN.search(clauses(sentence)[0][0]))


def _topic_sentence(sentence: str) -> bool:
    """A short Chinese sentence opening a paragraph, with no figure, states what the paragraph
    goes on to show (证券业务量价齐升。监管环境也在变化。); so does an answer's first sentence
    after its turn label (答：靠数据。某某：合作大于竞争。), but not a question or a greeting."""
    if sentence.endswith(("？", "?")):
        return False
    body = TURN_ZH.sub("", sentence, count=1).rstrip("。！？!?”」")
    if GREETING_ZH.match(body) or FURNITURE_ZH.search(sentence):
        return False
    return len(body) <= TOPIC_LENGTH and not FIGURE_LIKE.search(body) and "：" not in body


# A turn's label opening an answer: 答：, 回复：, a speaker's name and a colon (two to four characters).
TURN_ZH = re.compile(r"^(?:答|回答|回复|A|[\u4e00-\u9fff]{2,4})[：:]")
GREETING_ZH = re.compile(r"(?:大家好|谢谢|感谢|欢迎|你好|您好|再见|好的)")


FIGURE_LIKE = re.compile(r"\d+(?:[.,]\d+)*")
TOPIC_LENGTH = 16  # characters: a topic sentence is short; a longer one already reports
REPORTING = 2  # a sentence stating this many numbers reports data (Chime said it had 8.6 million …), not a claim


# A marker opening a clause inside a Chinese sentence (…，因为…; …，但…): the clause is a claim of its own.
INSIDE_ZH = (
    (re.compile(r"[，,；;]\s*(?=(?:因为|由于)[^，。]{4})"), REASON),
    (re.compile(r"[，,；;]\s*(?=(?:所以|因此|因而)[^，。]{4})"), CONCLUSION),
)


# …，但这些数字要打个折扣: the clause 但 opens qualifies what precedes it, which is a claim of its own.
BUT_ZH = re.compile(r"[，,；;]\s*(?=(?:但是|但|然而|不过|可是)[^，。；]{4})")


def _chinese_parts(sentence: str) -> list[tuple[str, tuple[str, str] | None]]:
    """The sentence, then each clause a marker opens inside it (…，因为更多经营者被纳入…) as its own claim;
    a sentence that turns on 但 with no other claim in it qualifies (see _claim_of)."""
    parts: list[tuple[str, tuple[str, str] | None]] = [(sentence, None)]
    for pattern, marker in INSIDE_ZH:
        for match in pattern.finditer(sentence):
            if match.end() > 6:  # not the sentence's own opening marker
                parts.append((sentence[match.end() :], (marker.role, marker.relation)))
    return parts


def _english_parts(sentence: str) -> list[tuple[str, tuple[str, str] | None]]:
    from fintech_tui.draft.arguments_en import clauses

    return clauses(sentence)


def _topic(sentence: str, count: int) -> bool:
    from fintech_tui.draft.arguments_en import is_topic_sentence

    return is_topic_sentence(sentence, count)


def _english_thesis(blocks: list[Block], frame: Frame, thesis_at: tuple[int, str]) -> tuple[int, str]:
    """An English lead's thesis: the sentence that interprets or echoes the title, unless one says it is the thesis."""
    from fintech_tui.draft.arguments_en import lead_thesis

    i, quote = thesis_at
    found = [s for _, s in sentences(blocks[i].text, False)]
    if THESIS_EN.search(quote) or not found or quote != found[0]:
        return thesis_at
    title = blocks[0].text if frame.titled else ""
    return i, found[lead_thesis(found, title)]


def _attributed(sentence: str, chinese: bool) -> bool:
    """A sentence that reports what a speaker said, the speaker named by a title (分析师, analyst)."""
    speech = (SPEECH_ZH if chinese else SPEECH_EN).search(sentence)
    return speech is not None and SPEAKER.search(sentence) is not None


def _prose(block: Block) -> bool:
    """A numbered point whose heading line runs on as prose (1. 首先，……。) holds claims too."""
    return len(block.text) > 60 and not block.level


def _point_heading(heading: Heading, chinese: bool) -> bool:
    """A heading that is a point: in Chinese one that is no section label (an unnumbered period line,
    截至报告期末, heads figures), in English one that says something."""
    title = heading.title
    if chinese:
        return not _label(title) and not (not heading.number and FURNITURE_ZH.search(title.rstrip("：:")))
    from fintech_tui.draft.arguments_en import states_claim

    return states_claim(title)


def _label(title: str) -> bool:
    """A Chinese heading that names a section (资产质量, 盈利预测与估值) rather than states a point."""
    furniture = FURNITURE_ZH.search(title.rstrip("：:"))
    return len(title) <= 5 or bool(LABEL_ZH.search(title) or (furniture and not title.startswith("截至")))


def _thesis(blocks: list[Block], body: range, chinese: bool) -> tuple[int, str] | None:
    """The thesis: a sentence that says it is one (先说结论, In short) near the start or end, else the lead's first.

    In Chinese, else the author's judgement in the first paragraphs (我认为), else the lead's first
    sentence that states no figure and reports no event (这份成绩单好于市场预期, not X披露年报).
    """
    marked = THESIS_ZH if chinese else THESIS_EN
    near = [*body[:4], *body[-2:]]
    for i in near:
        for _, sentence in sentences(blocks[i].text, chinese):
            if marked.search(sentence):
                return i, sentence
    prose = [i for i in body if heading_of(blocks[i]) is None and not blocks[i].listed]
    if chinese:
        for i in prose[:5]:
            for _, sentence in sentences(blocks[i].text, chinese):
                if JUDGEMENT_ZH.search(sentence):
                    return i, sentence
        for i in prose[:2]:
            for _, sentence in sentences(blocks[i].text, chinese):
                plain = re.sub(r"\d{4}年|\d{1,2}月\d{1,2}日", "", sentence)
                if (
                    not FIGURE_LIKE.search(plain)
                    and not EVENT_ZH.search(sentence)
                    and not _opens_nothing(sentence, True)
                ):
                    return i, sentence
    else:
        for i in prose[:5]:
            for _, sentence in sentences(blocks[i].text, chinese):
                if JUDGEMENT_EN.search(sentence) and not LIST_INTRO_EN.search(sentence):
                    return i, sentence
    for i in prose:
        found = [s for _, s in sentences(blocks[i].text, chinese) if not _opens_nothing(s, chinese)]
        if chinese and len(found) > 1 and EVENT_ZH.search(found[0]):
            return i, found[1]  # 本报讯…发布《方案》。方案提出…: the news reported, then what it says
        if found:
            return i, found[0]
    return None


def _opens_nothing(sentence: str, chinese: bool) -> bool:
    """A greeting, a note, a timestamp or a salutation: no thesis, whatever its place."""
    return bool((SALUTATION_ZH if chinese else FURNITURE_EN).search(sentence))
