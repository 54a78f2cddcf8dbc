"""Candidate organisations, products, apps and people, found with jieba's part-of-speech tags.

jieba's dictionary predates most fintech brands and tags some common words as names, so its
tags are a start, not an answer. Four readings add to them and one prunes: a name-like word
before an organisation suffix (平安 + 集团), a name before APP, a word listed with a known name
(支付宝和财付通), Latin-script names; and a name found only inside a longer one is dropped.
Every candidate is flagged for review.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import jieba  # the draft extra
import jieba.posseg
import msgspec

from fintech_tui.draft.figures import clause_around
from fintech_tui.draft.found import DRAFTED
from fintech_tui.draft.ids import unique_id
from fintech_tui.draft.outline import bilingual

jieba.setLogLevel(logging.WARNING)  # no "Building prefix dict" chatter on stderr


def _words(text: str) -> set[str]:
    """A word list written as one space-separated string."""
    return set(text.split())


# A word ending one of these names an organisation of that kind.
SUFFIX_KINDS = {
    "银行": "bank",
    "集团": "group",
    "控股": "group",
    "公司": "company",
    "咨询": "company",
    "科技": "company",
    "金科": "company",
    "金服": "company",
    "数科": "company",
    "证券": "company",
    "保险": "company",
    "基金": "company",
    "资本": "company",
    "支付": "company",
}
# Words that make a suffix generic, not a name: 商业银行, 保险公司, 金融科技公司.
GENERIC_WORDS = (
    "保险 金融 科技 互联网 商业 网上 网络 传统 国有 股份制 中小 中小型 大型 小型 地方 外资 民营 数字 移动 "
    "第三方 支付 消费 信用 银行 集团 公司 其他 投资 证券 基金 资产 管理 信托 理财 服务 平台 电商 电子商务 "
    "小贷 新兴 头部 城市 农村 村镇 民间 国内 国外 海外 上市 本地 生活 用户 产品 业务 市场 行业 企业 机构 "
    "跨境 手机 扫码 线上 线下 快捷 聚合 电子 在线 无感 刷脸 二维码"
)
GENERIC = _words(GENERIC_WORDS)
TAG_KINDS = {"nt": "organisation", "nz": "company", "ns": "organisation", "nr": "person", "nrt": "person"}
TAG_NAMES = {"nt": "an organisation", "nz": "a proper noun", "ns": "a place", "nr": "a person", "nrt": "a person"}
COMMON = 200  # jieba dictionary frequency above which a "name" tag is usually a common word (明星, 封锁)
BUSY_VERB = 1000  # a verb this common (推出, 访问) is not the first half of an app's name (掌上生活)
NAME_FLAGS = {"nr", "nrt", "nrfg", "ns", "nt", "nz", "n", "vn", "a", "j", "eng", "v"}
APP_WORDS = re.compile(r"\s*(?:APP|App|app|客户端|小程序)")
# Capitalised Latin words in a row: Pocket Life, Yu'ebao, BAT (not "and", nor a WeChat id).
LATIN_RUN = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z'’.-]*(?: [A-Z][A-Za-z'’.-]*)*")
JARGON = {"app", "apps", "pc", "it", "ai", "api", "mdash", "ndash", "nbsp", "amp", "http", "https", "www", "com", "cn"}
LIST_JOIN = "和与及、"
# The owner in "X旗下": the words from the clause's start up to 旗下, less a leading time word.
OWNER = re.compile(r"(?:^|[\s，,。；;：:！？!?、（）()])([^\s，,。；;：:！？!?、（）()]{2,8}?)旗下")
# The author named in a byline: 作者：李明
AUTHOR = re.compile(r"作者[:：]\s*([\u3400-\u9fffA-Za-z·]{2,6})")
APP_ENDINGS = "宝贷呗"  # 支付宝, 微粒贷, 花呗: a product's name, even where jieba tags a person
ITEM_END = "，,。、；;：:！？!?和与及等的"


class Candidate(msgspec.Struct):
    """A name found in the text, its drafted kind and why it was taken."""

    name: str
    kind: str
    reason: str
    parent: str = ""
    quotes: list[tuple[str, str]] = msgspec.field(default_factory=list)


def _tokens(text: str) -> list[tuple[str, str]]:
    return [(pair.word, pair.flag) for pair in jieba.posseg.cut(text)]


def _frequency(word: str) -> int:
    return int(jieba.dt.FREQ.get(word) or 0)


def _generic(name: str) -> bool:
    """Whether `name` is a generic noun phrase (商业银行) rather than a name."""
    if name in GENERIC:
        return True
    for suffix in SUFFIX_KINDS:
        if name.endswith(suffix):
            head = name[: -len(suffix)]
            return len(head) < 2 or head in GENERIC or all(part in GENERIC for part in _tokens_words(head))
    return False


def _tokens_words(text: str) -> list[str]:
    return [word for word, _ in _tokens(text)]


def find_candidates(paragraphs: list[tuple[str, str]]) -> dict[str, Candidate]:
    """Candidate names in `paragraphs` (id, text), keyed by name, in order of first appearance."""
    found: dict[str, Candidate] = {}
    counts: dict[str, int] = {}

    def add(name: str, kind: str, reason: str) -> None:
        name = name.strip()
        kind = next((k for suffix, k in SUFFIX_KINDS.items() if name.endswith(suffix)), kind)
        if len(name) >= 2 and not _generic(name) and name not in found:
            found[name] = Candidate(name, kind, reason)

    tagged: list[tuple[str, str]] = []
    for _, text in paragraphs:
        tokens = _tokens(text)
        for i, (word, flag) in enumerate(tokens):
            counts[word] = counts.get(word, 0) + 1
            if word in SUFFIX_KINDS:
                head = _name_before(tokens, i)
                if head:
                    add(head + word, SUFFIX_KINDS[word], f"a name ending in {word}")
            elif flag in TAG_KINDS:
                tagged.append((word, flag))
        for match in APP_WORDS.finditer(text):
            head = _app_name(text[: match.start()])
            if head:
                add(head, "app", "named before APP")
        for match in LATIN_RUN.finditer(text):
            words = [w for w in match.group().split(" ") if w.strip(".-'’").lower() not in JARGON]
            name = " ".join(words).strip(" .-'’")
            if len(name) >= 2 and name.lower() not in JARGON:
                add(name, "app" if APP_WORDS.match(text, match.end()) else "product", "a Latin-script name")
        for match in OWNER.finditer(text):
            owner = _without_time_words(match.group(1))
            if owner:
                add(owner, "company", "named as an owner (旗下)")
        for match in AUTHOR.finditer(text):
            add(match.group(1), "person", "named as the author")
    for word, flag in tagged:
        organisation = flag == "nt" and word.endswith(tuple(SUFFIX_KINDS))  # 中国人民银行: a name though common
        plausible = organisation or (_frequency(word) <= COMMON and (flag not in ("nr", "nrt") or 2 <= len(word) <= 3))
        if plausible and (_frequency(word) > 0 or counts.get(word, 0) >= 2 or flag == "nt"):
            kind = "app" if flag in ("nr", "nrt") and word.endswith(tuple(APP_ENDINGS)) else TAG_KINDS[flag]
            add(word, kind, f"jieba tags it as {TAG_NAMES[flag]} ({flag})")
    _add_listed(found, paragraphs)
    pruned = _drop_nested(found, paragraphs)
    order = {
        name: min((t.find(name) + i * 10**6 for i, (_, t) in enumerate(paragraphs) if name in t), default=0)
        for name in pruned
    }
    return {name: pruned[name] for name in sorted(pruned, key=order.__getitem__)}


def _without_time_words(text: str) -> str:
    """`text` less the time words, adverbs and prepositions that open it (目前阿里 → 阿里)."""
    tokens = _tokens(text)
    while tokens and tokens[0][1] in ("t", "p", "c", "r", "f") and tokens[0][0] != text:
        tokens.pop(0)
    return "".join(word for word, _ in tokens)


def _name_before(tokens: list[tuple[str, str]], i: int) -> str:
    """The name-like words right before token `i` (艾 瑞 before 咨询), at most six characters."""
    head = ""
    j = i - 1
    while j >= 0 and tokens[j][1] in NAME_FLAGS and len(head) + len(tokens[j][0]) <= 6:
        if tokens[j][0] in GENERIC or (tokens[j][1] == "v" and _frequency(tokens[j][0]) > COMMON):
            break
        head = tokens[j][0] + head
        j -= 1
    return head


def _app_name(before: str) -> str:
    """The name that ends `before` (the text up to APP): its last word, and the one before unless a common verb."""
    if not before or not ("\u3400" <= before[-1] <= "\u9fff"):
        return ""
    tokens = _tokens(before[-12:])
    name = ""
    for word, flag in reversed(tokens[-2:]):
        if flag not in NAME_FLAGS or (name and (word in GENERIC or (flag == "v" and _frequency(word) > BUSY_VERB))):
            break
        name = word + name
    return name


def _add_listed(found: dict[str, Candidate], paragraphs: list[tuple[str, str]]) -> None:
    """Words listed with a known name (X和Y, X、Y) are candidates of the same kind."""
    for _ in range(3):  # A、B、C和D: each round reaches one item further
        before = len(found)
        for text in (t for _, t in paragraphs):
            for name, candidate in list(found.items()):
                pattern = re.escape(name) + rf"[{LIST_JOIN}]([^\s{ITEM_END}]{{2,5}})(?=[{ITEM_END}]|$)"
                for match in re.finditer(pattern, text):
                    other = match.group(1)
                    if other not in found and not _generic(other) and not other.isdigit():
                        found[other] = Candidate(other, candidate.kind, f"listed with {name}")
        if len(found) == before:
            return


def _drop_nested(found: dict[str, Candidate], paragraphs: list[tuple[str, str]]) -> dict[str, Candidate]:
    """Candidates that also occur outside every longer candidate (金科 goes when only in 范普金科)."""
    kept: dict[str, Candidate] = {}
    names = sorted(found, key=len, reverse=True)
    for name in names:
        longer = [other for other in names if len(other) > len(name) and name in other]
        for _, text in paragraphs:
            covered = {i for other in longer for m in re.finditer(re.escape(other), text) for i in range(*m.span())}
            if any(m.start() not in covered for m in re.finditer(re.escape(name), text)):
                kept[name] = found[name]
                break
    return kept


def find_parents(candidates: dict[str, Candidate], paragraphs: list[tuple[str, str]]) -> None:
    """Set a parent where the text says so: X旗下(的)Y or X的Y, both candidates; never a loop."""
    names = sorted(candidates, key=len, reverse=True)
    for _, text in paragraphs:
        for child in names:
            for parent in names:
                if parent == child or candidates[child].parent:
                    continue
                if re.search(re.escape(parent) + r"(?:旗下的?|的)" + re.escape(child), text):
                    chain, step = {child}, parent
                    while step and step not in chain:
                        chain.add(step)
                        step = candidates[step].parent
                    if not step:
                        candidates[child].parent = parent


def draft_entities(paragraphs: list[tuple[str, str]], limit: int = 3) -> list[dict[str, Any]]:
    """Entities in the pack format, each with up to `limit` quotes and flagged for review."""
    candidates = find_candidates(paragraphs)
    find_parents(candidates, paragraphs)
    ids: dict[str, str] = {}
    for name in candidates:
        ids[name] = unique_id(name, set(ids.values()))
    out: list[dict[str, Any]] = []
    for name, candidate in candidates.items():
        evidence = []
        for para_id, text in paragraphs:
            at = text.find(name)
            if at >= 0:
                evidence.append({"para": para_id, "quote": clause_around(text, at, at + len(name))})
            if len(evidence) == limit:
                break
        entity: dict[str, Any] = {"id": ids[name], "kind": candidate.kind, "name": bilingual(name)}
        if candidate.parent:
            entity["parent"] = ids[candidate.parent]
        entity["summary"] = {"en": "A name found in the text: say what it is, or remove it."}
        entity["inference"] = f"{DRAFTED} ({candidate.reason})"
        entity["evidence"] = evidence
        out.append(entity)
    return out
