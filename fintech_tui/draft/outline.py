"""A first outline from the paragraphs: title, page information, lead, headed sections, byline.

A heading is a Markdown heading, a numbered line (一、 第二章 （三） 4. (5) 1）) or a short line
that does not end like a sentence. Captions (图源：, Source:), bullets, timestamps and bylines
are never headings. Sections run to the next heading of the same or a higher level, so every
paragraph falls in some node.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import msgspec

from fintech_tui.draft.reading import Block

_CN_DIGITS = "零〇一二两三四五六七八九十百"
# (pattern, level): the numbering styles of Chinese articles, outermost first.
NUMBERING = (
    (re.compile(rf"^第([{_CN_DIGITS}\d]+)[章节部分篇][、.．:：\s]*"), 1),
    (re.compile(rf"^([{_CN_DIGITS}]+)[、.．]\s*"), 1),
    (re.compile(rf"^[（(]([{_CN_DIGITS}]+)[)）]\s*"), 2),
    (re.compile(r"^(\d{1,2})[、.．](?!\d)\s*"), 3),
    (re.compile(r"^[（(](\d{1,2})[)）]\s*"), 3),
    (re.compile(r"^(\d{1,2})[)）]\s*"), 3),
)
SENTENCE_END = tuple("。．.！!？?；;：:…,，、")
SHORT_HEADING = 30  # characters of Chinese; a longer line is prose even without a full stop
SHORT_LATIN_HEADING = 80  # the same for a line in Latin script, whose words are longer
META = re.compile(
    r"作者|来源|时间|浏览|阅读|发布|日期|编辑|\d{4}[-/年.]\d{1,2}|^\s*By\s|\bUpdated\b|\bPublished\b|min read"
    r"|分析师[:：]|[〔［\[]\d{4}[〕］\]]\s*第?\d+号"  # an analyst byline, a notice's number (金规〔2025〕47号)
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}"
    r"|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}",
    re.IGNORECASE,
)
BYLINE = re.compile(
    r"^[\[【(（]?\s*(?:作者|文|来源|责任编辑|编辑|撰文|记者)\s*[:：|丨｜/]"
    r"|^[\[(（—–-]*\s*(?:By|Written by|Reporting by|Editing by|Edited by|Additional reporting by)\s"
    r"|^(?:本报|本刊|本台|本网)?(?:特约|实习)?记者\s+[\u4e00-\u9fff·]{2,4}(?:[\s、]+[\u4e00-\u9fff·]{2,4})*"
    r"(?:\s*[\u4e00-\u9fff]{2,3}报道)?\s*$"  # 本报记者 刘萌, 记者 王岚 李雪 北京报道
)
CAPTION = re.compile(
    r"^[\[【(（]?\s*(?:图源|图片来源|图片|来源|数据来源|资料来源|图|表|注|制图|摄影|Sources?|Photo|Image|Picture|Chart|Graphic"
    r"|Credit|Note|Data|Illustration)\s*(?:\d+\s*)?[:：|丨]",
    re.IGNORECASE,
)
# A form's field ("To: …", "Firm Reference Number: …", "Media contact: …"): a notice's or a release's details
FIELD = re.compile(
    r"^(?:[A-Z][a-z]+\s){0,3}(?:To|From|Date|Dated|Subject|Re|Ref|Reference|Number|No\.?|[Cc]ontacts?|E-?mail|Phone|"
    r"Tel|Telephone|Website|Address|Attention|Cc|Filed|Case|Issued|Effective)\s?:\s\S"
)
ABOUT = re.compile(r"^About\s[A-Z][\w&'’-]*\.?(?:\s[A-Z][\w&'’-]*\.?){0,5}$")
TIMESTAMP = re.compile(r"^[\d\s:：.\-/年月日号APMapm]+$|^\d{1,2}:\d{2}")
CLAUSE_END = re.compile(r"[。！？!?；;]")


def has_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def bilingual(text: str) -> dict[str, str]:
    """`text` under `zh` when it holds Chinese, else under `en`."""
    return {"zh": text} if has_cjk(text) else {"en": text}


def first_sentence(text: str, limit: int = 60) -> str:
    """The first sentence of `text`, cut to `limit` characters with an ellipsis."""
    match = CLAUSE_END.search(text)
    sentence = text[: match.end()] if match else text
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"


class Heading(msgspec.Struct, frozen=True):
    """How a block opens a part of the article: its depth, written number and bare title."""

    level: int
    number: str
    title: str


# A Chinese line that only states a period (第三季度单季, 2025年上半年) heads the figures under it, not a section.
PERIOD_LINE = re.compile(
    r"^(?:截至|截止)?(?:\d{4}\s*年|[今去本上]年)?(?:度)?(?:第?[一二三四1-4]季度|[上下]半年|前三季度|全年|\d{1,2}\s*[-至~]\s*\d{1,2}月)"
    r"(?:末|底|单季|累计|以来|数据|情况)?$"
)
# A line wholly in brackets is an editor's note ((本文根据采访整理)), never a heading.
NOTE_LINE = re.compile(r"^[（(][^（）()]+[)）]$")


def never_heading(block: Block) -> bool:
    """Captions, bullets, timestamps, bylines, notes and period lines: lines a heading test must not
    take for headings."""
    text = block.text.strip()
    return block.listed or bool(
        CAPTION.match(text)
        or TIMESTAMP.match(text)
        or BYLINE.match(text)
        or FIELD.match(text)
        or NOTE_LINE.match(text)
        or (not block.level and PERIOD_LINE.match(text))
    )


def heading_of(block: Block) -> Heading | None:
    """The heading `block` is, or None for prose."""
    text = block.text.strip()
    if never_heading(block) and not block.level:
        return None
    for pattern, level in NUMBERING:
        match = pattern.match(text)
        if match and match.end() < len(text):
            rest = text[match.end() :]
            return Heading(block.level or level, match.group(1), first_sentence(rest, 40))
    if block.level:
        return Heading(block.level, "", text)
    if ABOUT.match(text):
        return Heading(1, "", text)  # a release's "About Acme Inc." section, stop or none
    short = SHORT_HEADING if has_cjk(text) else SHORT_LATIN_HEADING
    if not block.marked and len(text) <= short and not text.endswith(SENTENCE_END) and not _is_meta(block):
        return Heading(1, "", text)
    return None


class _Node(msgspec.Struct):
    id: str
    kind: str
    first: int
    title: str
    level: int = 0
    number: str = ""
    last: int = -1
    children: list[_Node] = msgspec.field(default_factory=list)


def is_title_line(block: Block) -> bool:
    """Whether the article's first block is a title rather than the start of its prose."""
    text = block.text.strip()
    return block.level == 1 or len(text) <= 40 or not text.endswith(("。", "！", ".", "!", "”", '"'))


def short_title(text: str, limit: int = 40) -> str:
    """A title for an article without a title line: its first clause, cut to `limit` characters."""
    clause = re.split(r"[，,。；;：:！？!?]|\s[-–—]\s", text.strip(), maxsplit=1)[0].strip()
    return clause if len(clause) <= limit else clause[: limit - 1].rstrip() + "…"


class Frame(msgspec.Struct, frozen=True):
    """What stands around the article's body: a title line, page information under it, a closing byline.

    The body is blocks[start..end]; the page information is blocks[1..start-1] when titled.
    """

    titled: bool
    start: int
    end: int
    byline: bool


def frame_of(blocks: list[Block]) -> Frame:
    """The title line, page-information lines and closing byline of `blocks`, if any."""
    titled = is_title_line(blocks[0])
    start, end = int(titled), len(blocks) - 1
    while titled and start <= end and start <= 3 and _is_meta(blocks[start]):
        start += 1
    byline = end >= start and _closing_byline(blocks[end].text.strip())
    if byline and end - 1 > start and SIGNED_DATE.fullmatch(blocks[end].text.strip()):
        signer = blocks[end - 1].text.strip()  # a notice's issuer above its date, not a heading
        end -= (
            len(signer) <= SHORT_HEADING
            and not signer.endswith(SENTENCE_END)
            and heading_of(blocks[end - 1]) is not None
        )
    return Frame(titled, start, end - byline, byline)


def draft_outline(blocks: list[Block], ids: list[str]) -> list[dict[str, Any]]:
    """Outline nodes in the pack format, covering every paragraph of `blocks` (ids in `ids`)."""
    frame = frame_of(blocks)
    nodes = [_Node("title", "title", 0, blocks[0].text, last=0)] if frame.titled else []
    start, end = frame.start, frame.end
    if start > 1:
        nodes.append(_Node("page-info", "metadata", 1, "页面信息" if has_cjk(blocks[1].text) else "Page information"))
        nodes[-1].last = start - 1
    byline = None
    if frame.byline:
        last = len(blocks) - 1
        first = frame.end + 1  # the byline, or a notice's issuer and date
        byline = _Node("byline", "byline", first, "作者" if has_cjk(blocks[last].text) else "Byline", last=last)

    stack: list[_Node] = []
    top: list[_Node] = []
    counters: dict[str, int] = {}
    for i in range(start, end + 1):
        heading = heading_of(blocks[i])
        if heading is None:
            if not stack and not (top and top[-1].kind == "lead"):
                top.append(_Node("lead", "lead", i, "导语" if has_cjk(blocks[i].text) else "Lead"))
            continue
        while stack and stack[-1].level >= heading.level:
            stack.pop().last = i - 1
        if top and top[-1].kind == "lead" and top[-1].last < 0:
            top[-1].last = i - 1
        parent = stack[-1] if stack else None
        prefix = parent.id if parent else "s"
        counters[prefix] = counters.get(prefix, 0) + 1
        node = _Node(
            f"{prefix}{'-' if parent else ''}{counters[prefix]}",
            "point" if parent else "section",
            i,
            heading.title,
            heading.level,
            heading.number,
        )
        (parent.children if parent else top).append(node)
        stack.append(node)
    for node in stack:
        node.last = end
    if top and top[-1].last < 0:
        top[-1].last = end
    nodes += top
    if byline:
        nodes.append(byline)
    return [_as_data(node, blocks, ids) for node in nodes]


HEADER_LINE = 40  # characters: a line this short ending in a colon introduces what follows (截至6月末：)


def header_period(block: Block, periods: Callable[[str], list[tuple[int, int]]]) -> str | None:
    """For a heading or a short line that does not end like a sentence, the period it states ("" if none).

    None for prose. The figures under a header that state no period of their own are of its
    period (截至2024年6月末, "As of June 30:"); a heading that states none ends the last one's reach.
    """
    text = block.text.strip()
    short = len(text) <= HEADER_LINE and (text.endswith((":", "：")) or not text.endswith(SENTENCE_END))
    if CAPTION.match(text) or (heading_of(block) is None and not short):
        return None  # a caption's date (数据来源：2024年三季度报告) is its source's, not a header
    spans = periods(text)
    return text[spans[0][0] : spans[0][1]] if spans else ""


def _is_meta(block: Block) -> bool:
    """A page-information line: outlet, byline, date and time, reads, under the title."""
    text = block.text.strip()
    limit = 60 if has_cjk(text) else 120
    stated = META.search(text) or BYLINE.match(text) or FIELD.match(text)
    return len(text) <= limit and not text.endswith(tuple("。！？")) and bool(stated)


def _closing_byline(text: str) -> bool:
    """The last line names the author: (作者：…), 文|…, "By …", "Reporting by …", or dates a notice
    (2025年11月20日 alone, under its issuer)."""
    return (bool(BYLINE.match(text)) and len(text) <= 200) or bool(SIGNED_DATE.fullmatch(text))


# A Chinese notice or letter ends with its issuer and the date alone on a line.
SIGNED_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")


def _as_data(node: _Node, blocks: list[Block], ids: list[str]) -> dict[str, Any]:
    """The node as pack data; its summary is the first sentence of its first paragraph of prose."""
    last = max(node.last, node.first)
    body = next((blocks[i].text for i in range(node.first, last + 1) if heading_of(blocks[i]) is None), "")
    data: dict[str, Any] = {"id": node.id, "kind": node.kind}
    if node.number:
        data["number"] = node.number
    data["title"] = bilingual(node.title)
    data["first"] = ids[node.first]
    if last != node.first:
        data["last"] = ids[last]
    data["summary"] = bilingual(first_sentence(body or blocks[node.first].text))
    if node.children:
        data["children"] = [_as_data(child, blocks, ids) for child in node.children]
    return data
