"""A first outline from the paragraphs: title, page information, lead, headed sections, byline.

A heading is a Markdown heading, a numbered line (一、 第二章 （三） 4. (5)) or a short line
that does not end like a sentence. Sections run to the next heading of the same or a higher
level, so every paragraph falls in some node.
"""

from __future__ import annotations

import re
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
)
SENTENCE_END = tuple("。．.！!？?；;：:…,，、")
SHORT_HEADING = 30  # characters; a longer line is prose even without a full stop
META = re.compile(r"作者|来源|时间|浏览|阅读|发布|日期|编辑|\d{4}[-/年.]\d{1,2}")
BYLINE = re.compile(r"^[\[【(（]?\s*(作者|文|来源|责任编辑|编辑|撰文)\s*[:：|丨]")
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


def heading_of(block: Block) -> Heading | None:
    """The heading `block` is, or None for prose."""
    text = block.text.strip()
    for pattern, level in NUMBERING:
        match = pattern.match(text)
        if match and match.end() < len(text):
            rest = text[match.end() :]
            return Heading(block.level or level, match.group(1), first_sentence(rest, 40))
    if block.level:
        return Heading(block.level, "", text)
    if not block.marked and len(text) <= SHORT_HEADING and not text.endswith(SENTENCE_END):
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


def draft_outline(blocks: list[Block], ids: list[str]) -> list[dict[str, Any]]:
    """Outline nodes in the pack format, covering every paragraph of `blocks` (ids in `ids`)."""
    count = len(blocks)
    nodes = [_Node("title", "title", 0, blocks[0].text, last=0)]
    start, end = 1, count - 1
    while start <= end and start <= 2 and _is_meta(blocks[start]):
        start += 1
    if start > 1:
        nodes.append(_Node("page-info", "metadata", 1, "页面信息" if has_cjk(blocks[1].text) else "Page information"))
        nodes[-1].last = start - 1
    byline = None
    if end >= start and BYLINE.match(blocks[end].text.strip()):
        byline = _Node("byline", "byline", end, "作者" if has_cjk(blocks[end].text) else "Byline", last=end)
        end -= 1

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


def _is_meta(block: Block) -> bool:
    text = block.text.strip()
    return len(text) <= 60 and bool(META.search(text))


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
