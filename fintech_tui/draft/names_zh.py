"""Names in Chinese text: banks, companies, groups, apps, products, organisations and people.

jieba segments the text with a dictionary of fintech names (data/names_zh.tsv) added to a
tokenizer of its own, so 花呗 or 饿了么 stay one word and the global jieba is left as it was.
Rules then read the tokens: a known name, a name-like run before an organisation suffix
(重庆两江新区科融小额贷款有限公司, 中信信托), a name before APP, a product in quotes
(“微业贷”), a name listed beside a known one, a person before 表示 or after 董事长, and
Latin-script brand names (the tables and the tagger are in lexicon_zh). Jieba's own name tags
alone are too loose (护城河 nz, 高达 nr) to count.
Aliases come from what the text says (下称, 简称, 现名, a bracket after the name), from
abbreviations made of a name's own characters (招行, 工行) and short forms (腾讯 for 腾讯控股);
parents come from parents_zh (X旗下Y, X的Y, 其「Y」, 子公司Y, 都属于X旗下).
"""

from __future__ import annotations

import re

import msgspec

from fintech_tui.draft.brands_zh import fold_bare_brands
from fintech_tui.draft.dictionary_zh import Entity, dictionary, load_dictionary
from fintech_tui.draft.found import Name
from fintech_tui.draft.heads_zh import (
    before_the_place,
    numeral_in_name,
    one_character_before_one,
    only_suffixes,
    preposition_glued,
    rare_pair,
)
from fintech_tui.draft.lexicon_en import classes_of
from fintech_tui.draft.lexicon_zh import (
    APP_AFTER,
    APP_BEFORE,
    APP_DESCRIPTORS,
    APP_FUNCTIONS,
    APP_WORDS,
    COMPOUND_NAMED,
    COUNTED,
    DATELINE,
    DECLARED,
    DESCRIPTOR_ENDINGS,
    FIELD_WORDS,
    GENERIC,
    HANDLE_AFTER,
    HANDLE_BEFORE,
    ITEM_STOP,
    JARGON,
    LATIN_BRACKET,
    LATIN_RUN,
    LEADING,
    LEGAL_SUFFIXES,
    LIST_ITEM,
    LIST_JOIN,
    LIST_TITLE,
    NAME_FLAGS,
    NATIONAL,
    NOT_OUTLETS,
    NOT_SUFFIXES,
    PAGE_INFO,
    PERSON_NAME,
    PLACED,
    PRODUCT_AFTER,
    PRODUCT_BEFORE,
    PRODUCT_ENDINGS,
    QUOTE_AFTER,
    QUOTED,
    RARE_SURNAMES,
    REPORTED,
    SAID_BY,
    SAYS,
    SPEAKER_TURN,
    STATED,
    SUFFIX_KINDS,
    SURNAMES,
    SYSTEM_ENDINGS,
    TITLED,
    TITLED_CLOSED,
    _compiled,
    _ends_in_title,
    _first_suffix,
    _frequency,
    _generic,
    _longest_first,
    _makers,
    _suffix_kind,
    _tokens,
)
from fintech_tui.draft.limits import Taken
from fintech_tui.draft.pageinfo_zh import credits, looks_like_page_info
from fintech_tui.draft.parents_zh import find_parents

__all__ = ["find_names", "load_dictionary"]


class _Finder:
    """Spans found in each paragraph, then merged into entities across the text."""

    def __init__(self, paragraphs: list[tuple[str, str]]) -> None:
        self.texts = [text for _, text in paragraphs]
        self.spans: list[tuple[int, int, int, str, str, str]] = []  # para, start, end, name, kind, reason
        self.counts: dict[str, int] = {}

    def add(self, para: int, start: int, name: str, kind: str, reason: str, named: bool = False) -> None:
        """A span found by a rule; `named` when the text itself says what it is (a product in quotes)."""
        name = name.strip()
        cut = self._past_the_copula(name)
        start, name = start + cut, name[cut:]
        if len(name) >= 2 and (name in dictionary() or named or not _generic(name)):
            entry = dictionary().get(name)
            if re.search(r"银行(?:股份|有限|（|\()", name):
                kind = "bank"  # 招商银行股份有限公司
            elif named:
                pass  # 基金销售平台“天天基金”: a product, whatever its suffix says
            elif not (entry and kind == "app" and entry.kind == "product"):
                kind = entry.kind if entry else (_suffix_kind(name) or kind)
                if kind == "group" and entry and not re.search(r"集团|控股|Group|Holdings", name):
                    kind = "company"  # 腾讯, 百度: the brand the text writes is the company, not its holding group
            self.spans.append((para, start, start + len(name), name, kind, reason))

    def _past_the_copula(self, name: str) -> int:
        """Where a name read back over 为 / 系 / 是 starts: 计划管理人为中信证券股份有限公司 is 中信证券…, and
        汇联通支付系汇联控股集团有限公司 (the text's short name, then 系) is 汇联控股集团有限公司."""
        cut = 0
        for match in COPULA.finditer(name):
            before = name[: match.start()]
            role = before.endswith(ROLES)
            named = len(before) >= 2 and any(f"“{before}”" in text or f"「{before}」" in text for text in self.texts)
            if (role or named) and len(name) - match.end() >= 4:
                cut = match.end()
        return cut

    def scan(self) -> None:
        for para, text in enumerate(self.texts):
            tokens = _tokens(text)
            for word, _, _ in tokens:
                self.counts[word] = self.counts.get(word, 0) + 1
            self._known(para, text, {at for _, _, at in tokens} | {len(text)})
            self._declared(para, text)
            self._suffixed(para, tokens)
            self._persons(para, tokens)
            self._outlet(para, text)
            self._reported(para, text)
            self._titled(para, text)
            self._products_of(para, text)
            self._quoted(para, text)
            self._apps(para, text)
            self._latin(para, text)
            self._latin_bracket(para, text)
            self._list_item(para, text)
            self._new_words(para, tokens)
        self._speakers()
        self._listed()

    def _known(self, para: int, text: str, cuts: set[int]) -> None:
        """Dictionary forms in the text; a two-character one only where jieba cuts it as a word
        (人保 is no name inside 个人保险), as `cuts` (the token boundaries) say, and never inside a
        quoted phrase that does not open with it (银联 in “警银联动”)."""
        inside = [(m.start(1), m.end(1)) for m in QUOTED.finditer(text)]
        for form in _longest_first():
            if form not in text:
                continue
            for match in _compiled(re.escape(form)).finditer(text):
                before = text[match.start() - 1 : match.start()]
                after = text[match.end() : match.end() + 1]
                if form.isascii() and (
                    (before.isascii() and before.isalnum()) or (after.isascii() and after.isalnum())
                ):
                    continue  # Visa inside Visas, OPPO inside a longer word
                if len(form) == 2 and not form.isascii() and not (match.start() in cuts and match.end() in cuts):
                    continue
                if len(form) == 2 and any(start < match.start() < end for start, end in inside):
                    continue
                if after == "业" and form.endswith(("银行", "保险", "证券", "信托", "基金")):
                    continue  # 中国银行业分析师: the industry, not 中国银行
                kind = dictionary()[form].kind
                self.add(para, match.start(), form, kind, "a known name")
                if kind in ("organisation", "bank"):
                    self._branch(para, text, match.start(), form, kind)

    def _branch(self, para: int, text: str, start: int, form: str, kind: str) -> None:
        """A known body's office in a place is one name: 国家税务总局四川省税务局, 中国人民银行北京市分行,
        国家金融监督管理总局上海监管局. A public body's office is an organisation, a bank's branch a bank."""
        branch = BRANCH_AFTER.match(text, start + len(form))
        if not branch:
            return
        place = _tokens(branch.group(1))
        if place and all(flag == "ns" or word in PLACE_ENDINGS for word, flag, _ in place):
            self.add(para, start, form + branch.group(), kind, f"an office of {form} in a place", named=True)

    def _declared(self, para: int, text: str) -> None:
        """A full name the text gives a short name for: 度小满科技（北京）有限公司（以下简称“度小满”),
        or a legal name with a place in brackets (某某科技（深圳）有限公司), which is a name alone.

        Whatever jieba makes of its words, the name runs back from its suffix to a clause
        opening, an owner (旗下, 的) or a description (金融科技平台, 消费金融机构).
        """
        ends = [m.start() for m in DECLARED.finditer(text)] + [m.end() for m in PLACED.finditer(text)]
        for end in sorted(set(ends)):
            before = text[:end]
            suffix = max((s for s in SUFFIX_KINDS if before.endswith(s)), key=len, default="")
            if not suffix:
                continue
            at, name = _read_back(before, suffix)
            if len(name) - len(suffix) >= 2:
                self.add(para, at, name, SUFFIX_KINDS[suffix], "a name the text gives a short name for")

    def _suffixed(self, para: int, tokens: tuple[tuple[str, str, int], ...]) -> None:
        """A name-like run of words before an organisation suffix: 中信 信托, 重庆 两江 新区 科融 … 有限公司."""
        for i, (word, _, start) in enumerate(tokens):
            if i and tokens[i - 1][0] + word in SUFFIX_KINDS:
                continue  # read with the word before it
            if i + 1 < len(tokens) and word + tokens[i + 1][0] in SUFFIX_KINDS:
                word = suffix = word + tokens[i + 1][0]  # 消费 金融: a suffix jieba cut in two
            else:
                suffix = _first_suffix(word)
                if not suffix or (word in dictionary() and word != suffix) or word in NOT_SUFFIXES:
                    continue
            if self.texts[para][max(0, start - 2) : start] in SEVERAL_PLACES and word == suffix:
                continue  # 中国人民银行多地分行: branches in many places, no branch's name
            following = tokens[i + 1][0] if i + 1 < len(tokens) else ""
            if following in FIELD_WORDS and not suffix.endswith(("公司", "银行", "集团")):
                continue  # 某某支付领域, 某某保险业务: a field of business, not a firm's name
            strong = (
                suffix.endswith("公司") or suffix in ("分行", "支行") or tokens[i - 1][0].endswith(("有限", "有限责任"))
            )
            strong = strong if i else False
            unit = SUFFIX_KINDS[suffix] == "organisation"  # 招商银行 信用卡 中心, 某某院 金融 研究所: a unit's name
            head_tokens: list[tuple[str, str]] = [(word[: -len(suffix)], "n")] if word != suffix else []
            first, j = start + len(word) - len(suffix) - len(head_tokens[0][0] if head_tokens else ""), i - 1
            while j >= 0:
                other, flag, at = tokens[j]
                if self._joined_on(other):
                    head_tokens.insert(0, (other[1:], flag))  # 青禾支付 和青禾 小贷: 和 joins a list
                    first = at + 1
                    break
                if flag == "m" and j and numeral_in_name(other, tokens[j - 1][1]):
                    head_tokens.insert(0, (other, "nz"))  # 中邮邮惠 万家 银行: 万家 is part of the name
                    first, j = at, j - 1
                    continue
                if strong and len(other) == 1 and flag in GLUE_FLAGS and other not in LEADING and other not in SAYS:
                    head_tokens.insert(0, (other, flag))  # 山城 快 付 信息技术 有限公司: jieba's cut of a rare name
                    first, j = at, j - 1
                    continue
                if not head_tokens and j and rare_pair(tokens[j - 1], tokens[j]):
                    head_tokens[:0] = [(tokens[j - 1][0], "nz"), (other, "nz")]  # 泓 远 消费金融: a rare name
                    first, j = tokens[j - 1][2], j - 2
                    continue
                if one_character_before_one(other, flag, head_tokens):
                    head_tokens.insert(0, (other, "j"))  # 富 滇 银行: jieba split a two-character name
                    first, j = at, j - 1
                    continue
                if strong and flag in ("d", "a", "ad") and other not in LEADING and _opens_clause(tokens, j):
                    head_tokens.insert(
                        0, (other, "nz")
                    )  # ，马上 消费 金融 股份有限公司: a legal name from the clause's start
                    first, j = at, j - 1
                    continue
                if other not in dictionary() and _not_a_name_word(other):
                    break  # 折射出 消费金融, 这三家 公司: a verb and its complement, a demonstrative
                rare = 0 < _frequency(other) < 20  # 启衡 (v) 证券: a rare word jieba knows, not one it made up (获批)
                verb = flag in ("v", "vn", "l") and (_frequency(other) < 5000 if strong else rare)
                if (
                    other in LEADING
                    or not (flag in NAME_FLAGS or verb)
                    or sum(len(w) for w, _ in head_tokens) + len(other) > (18 if strong or unit else 8)
                ):
                    break
                if flag == "x" and not other.isalnum():
                    break
                descriptor = other.endswith(DESCRIPTOR_ENDINGS) and other not in LEGAL_SUFFIXES
                if other not in dictionary() and (descriptor or COUNTED.match(other)):
                    break  # 上市公司 瀚海科技集团…, 金融科技平台 度小满科技…: a description, not the name
                head_tokens.insert(0, (other, flag))
                first, j = at, j - 1
            opening = strong and _opens_clause(tokens, j + 1)  # ，拉 卡拉 支付 股份有限公司: 拉 opens the name
            while head_tokens and (
                head_tokens[0][0] in "的之及与和"
                or (len(head_tokens[0][0]) == 1 and head_tokens[0][1] in GLUE_FLAGS and not opening)
            ):
                first += len(head_tokens.pop(0)[0])
            first += before_the_place(head_tokens, suffix)
            head = "".join(w for w, _ in head_tokens)
            kind = _suffix_kind(head + suffix) if suffix == "理财" else SUFFIX_KINDS[suffix]  # 度小满理财: no firm
            while suffix == "理财" and not kind and len(head_tokens) > 1:  # 买到 招银 理财: the bank's arm
                first += len(head_tokens.pop(0)[0])
                head = "".join(w for w, _ in head_tokens)
                kind = _suffix_kind(head + suffix)
            if suffix == "公司" and head in dictionary():
                continue  # 蚂蚁消金公司, 腾讯公司: a known name and the word company, the known name found already
            if head and kind and self._name_like_head(head_tokens, strong, unit):
                self.add(para, first, head + suffix, kind, f"a name ending in {suffix}")
            elif unit and j >= 0 and len(tokens[j][0]) >= 2 and tokens[j][0] in LEADING:
                self._past_a_verb(para, tokens, start + len(word), suffix)

    def _past_a_verb(self, para: int, tokens: tuple[tuple[str, str, int], ...], end: int, suffix: str) -> None:
        """深圳前海 联合 交易中心: a unit's name read past a verb-like word (联合) when the words after
        it are only the suffix's, and a place opens it."""
        text = "".join(word for word, _, _ in tokens)
        at, name = _read_back(text[:end], suffix)
        if not only_suffixes(name) and any(flag == "ns" for _, flag, _ in _tokens(name)[:1]):
            self.add(para, at, name, SUFFIX_KINDS[suffix], f"a name ending in {suffix}")

    def _joined_on(self, word: str) -> bool:
        """和青禾 (one jieba word) where the text also writes 青禾 alone: 和 joins a list, no name's start."""
        return len(word) >= 3 and word[0] in "和与及" and self.counts.get(word[1:], 0) > 0

    def _name_like_head(self, head: list[tuple[str, str]], strong: bool, unit: bool) -> bool:
        """A head holds a proper or rare word (宁波, 科融, 微众), and ends in one unless the suffix is 公司.

        代理保险, 注册资本 and 招行信息科技 (招行's IT, not a company) are refused.
        """

        def proper(word: str, flag: str) -> bool:
            common = _frequency(word) >= 200 and flag in ("n", "v", "vn", "a", "l", "d")
            if word in GENERIC:
                return False
            return word in dictionary() or flag in ("nr", "nrt", "nz", "nt", "ns", "j", "eng") or not common

        if unit and len(head) >= 2 and head[0][0] in NATIONAL:
            return True  # 中国 互联网 金融 协会: a national body's name, however plain its words
        if not any(proper(w, f) for w, f in head):
            return False
        return strong or unit or proper(*head[-1]) or len(head) == 1

    def _persons(self, para: int, tokens: tuple[tuple[str, str, int], ...]) -> None:
        """A person's name (jieba's nr) after a title or before a verb of saying: 董事长王明, 李娜表示.

        After a title a surname and the one or two characters after it are a name even where
        jieba cuts them apart (记者 周 明远).
        """
        for i, (word, flag, start) in enumerate(tokens):
            k = i - 1
            while k >= 0 and tokens[k][0].strip(" ：:|｜·") == "":
                k -= 1  # 作者：李明
            before = tokens[k][0] if k >= 0 else ""
            titled = _ends_in_title(before) or before in ("文", "撰文", "编辑", "联系人", "联系", "媒体联系")
            if titled and len(word) == 1 and word in SURNAMES and i + 1 < len(tokens):
                given = tokens[i + 1][0]
                if 1 <= len(given) <= 2 and all("\u4e00" <= ch <= "\u9fff" for ch in given):
                    self.add(para, start, word + given, "person", "a person named after a title")
                continue
            if flag not in ("nr", "nrfg", "nrt") or not 2 <= len(word) <= 3 or word[0] not in SURNAMES:
                continue
            after = tokens[i + 1][0] if i + 1 < len(tokens) else ""
            if titled or (after in SAYS and _frequency(word) < 1000):  # 顾客 (nr) 表示: a common word
                self.add(para, start, word, "person", "a person named with a title or a verb of saying")

    def _titled(self, para: int, text: str) -> None:
        """A name between a title and a verb of saying, whatever jieba makes of it: 行长冀光恒表示."""
        for match in TITLED.finditer(text):
            if match.group(1)[0] in SURNAMES or match.group(1)[0] in RARE_SURNAMES:
                self.add(para, match.start(1), match.group(1), "person", "a person between a title and a verb")
        for match in SAID_BY.finditer(text):
            name = match.group(1)
            if _reads_as_person(name):
                self.add(para, match.start(1), name, "person", "a person opening a clause before a verb of saying")
        for match in COMPOUND_NAMED.finditer(text):
            self.add(para, match.start(1), match.group(1), "person", "a person with a two-character surname")
        for match in TITLED_CLOSED.finditer(text):
            name = match.group(1)
            said = next((verb for verb in SAYS if name.endswith(verb) and len(name) > len(verb) + 1), "")
            name = name[: len(name) - len(said)]  # 分析师许安称，: the verb closes the name
            self.add(para, match.start(1), name, "person", "a person's whole name after a title")

    def _reported(self, para: int, text: str) -> None:
        """据澎湃新闻报道: the outlet a report is credited to, unless a generic source (据媒体报道)."""
        for match in REPORTED.finditer(text):
            outlet = match.group(1)
            words = [word for word, _, _ in _tokens(outlet)]
            if (
                outlet in NOT_OUTLETS
                or any(word in NOT_OUTLETS or word in LEADING for word in words)
                or all(word in GENERIC for word in words)  # 据金融虎网观察: one plain word is no reason to skip
            ):
                continue
            if len(words) == 1 and _frequency(outlet) >= 200 and outlet not in dictionary():
                continue  # a common word, not a title
            self.add(para, match.start(1), outlet, "organisation", "the outlet a report is credited to")

    def _outlet(self, para: int, text: str) -> None:
        """The outlet opening a page-information line: 金融科技观察 · 记者 周明远 · 2024-08-30.

        Lines under the title that hold a date are read segment by segment (pageinfo_zh):
        来源：X | 采访、整理：Y, and 原创 作者 公众号 日期 as well.
        """
        if 1 <= para <= 3 and looks_like_page_info(text):
            for credit in credits(text, PERSON_NAME):
                department = DEPARTMENT.search(credit.text) if credit.kind == "organisation" else None
                firm = credit.text[: department.start()] if department else ""
                if firm and (firm in dictionary() or _suffix_kind(firm)):
                    credit = msgspec.structs.replace(credit, text=firm)  # 华岳资本投资部: the firm the desk belongs to
                reason = (
                    "the byline in the page information"
                    if credit.kind == "person"
                    else "the outlet in the page information"
                )
                self.add(para, credit.start, credit.text, credit.kind, reason, named=True)
            return
        match = PAGE_INFO.match(text)
        if match and len(text) <= 80:
            self.add(para, match.start(1), match.group(1), "organisation", "the outlet in the page information")
            if match.group(2):
                self.add(para, match.start(2), match.group(2), "person", "the byline in the page information")
        dateline = DATELINE.match(text)
        if dateline and para <= 2:
            tokens = _tokens(dateline.group(1))
            if len(tokens) >= 2 and tokens[-1][1] == "ns":  # 金融时讯 北京: the city after the outlet
                outlet = dateline.group(1)[: tokens[-1][2]]
                if len(outlet) >= 2:
                    self.add(para, 0, outlet, "organisation", "the outlet in a dateline")

    def _products_of(self, para: int, text: str) -> None:
        """A known name with a product word after it: 抖音月付, 美团借钱 (not 微信支付: 支付 is generic)."""
        for form in _makers():
            if form not in text:
                continue
            for match in _compiled(re.escape(form) + PRODUCT_AFTER).finditer(text):
                tail = match.group(1)
                if tail not in GENERIC and _frequency(tail) < 500:
                    self.add(para, match.start(), form + tail, "product", "a product named after its maker")

    def _quoted(self, para: int, text: str) -> None:
        """A short quoted name that reads as a product (“微业贷”) or that the text calls a product."""
        for match in QUOTED.finditer(text):
            inner = match.group(1)
            if _terms_of_an_offer(inner) or re.search(r".[+＋=/／×].", inner):
                continue  # “零首付”“零利率”, “厂家+金融”: what is offered or a formula, not a name
            before = text[max(0, match.start() - 6) : match.start()]
            if HANDLE_BEFORE.search(before) and HANDLE_AFTER.match(text, match.end()) and inner not in dictionary():
                self.add(para, match.start(1), inner, "person", "a user's handle in quotes", named=True)
                continue
            system = next((e for e in SYSTEM_ENDINGS if inner.endswith(e) and len(inner) > len(e) + 1), "")
            if system and inner not in dictionary() and not _generic(inner):
                head = inner[: -len(system)]
                if head not in GENERIC and _frequency(head) < 500 and not re.search(r"\d", head):
                    self.add(para, match.start(1), inner, "product", "a quoted system or assistant", named=True)
                    continue
            app = bool(APP_AFTER.match(text, match.end()) or APP_BEFORE.search(before))
            app = app or text.startswith("平台", match.end())
            named = bool(PRODUCT_BEFORE.search(before) or QUOTE_AFTER.match(text, match.end()) or app)
            product = inner.endswith(PRODUCT_ENDINGS) or app or named
            if named and inner not in dictionary() and len(inner) <= 6 and not self._kind_of_product(text, match):
                kind = "app" if app else "product"  # 基金销售平台“天天基金”, 其「钱大掌柜」平台, 金融大模型“轩辕”
                self.add(para, match.start(1), inner, kind, "a product the text names in quotes", named=True)
            elif inner in dictionary() or (_suffix_kind(inner) and not _common_head(inner)):
                self.add(para, match.start(1), inner, "company", "a name in quotes")
            elif product and len(inner) <= 6 and not re.search(r"\d", inner) and not self._kind_of_product(text, match):
                self.add(para, match.start(1), inner, "app" if app else "product", "a product's name in quotes")
            elif (
                self._branded(inner)
                and not self._kind_of_product(text, match)
                and not SLOGAN_AFTER.match(text, match.end())
            ):
                self.add(para, match.start(1), inner, "product", "a quoted name opening with a firm's brand")

    def _branded(self, inner: str) -> bool:
        """“长汀红利优选” in a text that names 长汀基金: a quoted name opening with a found firm's brand
        (the firm's name without its suffix) and going on is that firm's product or fund."""
        for span in self.spans:
            firm, kind = span[3], span[4]
            suffix = max((x for x in SUFFIX_KINDS if firm.endswith(x)), key=len, default="")
            brand = firm[: -len(suffix)] if suffix else ""
            if kind in ("company", "bank", "group") and len(brand) >= 2 and inner.startswith(brand):
                rest = inner[len(brand) :]
                return len(rest) >= 2 and not _first_suffix(inner) and not re.search(r"\d", inner)
        return False

    @staticmethod
    def _kind_of_product(text: str, match: re.Match[str]) -> bool:
        """A quoted phrase naming a kind of product: “先用后付”产品, “信用贷” (a common word and 贷)."""
        inner = match.group(1)
        if re.match(r"(?:类|式|型)?(?:产品|模式|服务|业务|功能|方式|额度)", text[match.end() :]):
            return True
        head = inner.rstrip("".join(PRODUCT_ENDINGS))
        return len(head) >= 2 and _frequency(head) >= 500

    def _apps(self, para: int, text: str) -> None:
        """A name before APP: the app's own name (掌上生活), or an organisation's app (招商银行App)."""
        for match in APP_WORDS.finditer(text):
            before = text[max(0, match.start() - 12) : match.start()]
            owner = next((f for f in _longest_first() if before.endswith(f)), "")
            if owner and dictionary()[owner].kind in ("bank", "company", "group", "organisation", "product"):
                at = match.start() - len(owner)  # 招商银行App; 某某币App, a product's own app
                reason = "a product's app" if dictionary()[owner].kind == "product" else "an organisation's app"
                self.add(para, at, text[at : match.end()].replace(" ", ""), "app", reason)
                continue
            tokens = _tokens(before[-8:])
            if not tokens or tokens[-1][1] not in NAME_FLAGS or not ("\u3400" <= tokens[-1][0][-1] <= "\u9fff"):
                continue
            name = tokens[-1][0]
            prior = tokens[-2][0] if len(tokens) > 1 else ""
            if (
                len(name) < 3
                and prior
                and tokens[-2][1] in NAME_FLAGS
                and prior not in LEADING
                and "\u4e00" <= prior[0] <= "\u9fff"
            ):
                name = tokens[-2][0] + name  # 掌上 生活
            joined = name != tokens[-1][0]
            if (not joined and name in APP_FUNCTIONS) or (joined and prior in APP_DESCRIPTORS):
                continue  # 记账App, 老牌记账App: words that describe an app do not name it
            brand = next((f for f in _longest_first() if before[: len(before) - len(name)].endswith(f)), "")
            if brand and len(brand) >= 2 and dictionary()[brand].kind in ("bank", "company", "group"):
                at = match.start() - len(name) - len(brand)  # 某行 + 口袋银行 App: the maker's brand opens it
                self.add(para, at, text[at : match.end()].replace(" ", ""), "app", "an app under its maker's brand")
                continue
            if (
                name not in LEADING
                and not name.endswith(("类", "型", "式"))
                and (name in dictionary() or _frequency(name) < 200)
            ):
                self.add(para, match.start() - len(name), name, "app", "named before APP")

    def _latin(self, para: int, text: str) -> None:
        for match in LATIN_RUN.finditer(text):
            words = match.group().split(" ")
            while words and words[-1].strip(".-'’").lower() in JARGON:
                words.pop()
            name = " ".join(words).strip(" .-'’")
            short_caps = name.isupper() and len(name) <= 5
            code = sum(ch.isdigit() for ch in name) * 2 >= len(name)  # 执业证书编号：S1090523070002
            if self._gloss(para, text, match.start(), match.start() + len(name)) or (
                " " not in name
                and (name.rstrip("+").lower() in TECH_WORDS or classes_of(name) & {"term", "month", "weekday", "title"})
            ):
                continue  # Web 端, 智能投资顾问（Robo-Advisor）: an English word or a translation, no name
            if len(name) >= 2 and name.lower() not in JARGON and not short_caps and not name[:1].isdigit() and not code:
                app = bool(APP_WORDS.match(text, match.start() + len(name)))
                product = name.rsplit(" ", 1)[-1] in ("Card", "Pay", "Wallet") and " " in name  # ZA Card, Ant Pay
                kind = "app" if app else "product" if product else "company"
                self.add(para, match.start(), name, kind, "a Latin-script name")

    def _gloss(self, para: int, text: str, start: int, end: int) -> bool:
        """Latin words in brackets after an everyday Chinese term that names nothing: its translation."""
        if not (text[start - 1 : start] in "(（" and start and text[end : end + 1] in ")）" and end < len(text)):
            return False
        if any(p == para and span_end == start - 1 for p, _, span_end, *_ in self.spans):
            return False  # 蚂蚁集团（Ant Group）: the name's own Latin form
        words = _tokens(text[max(0, start - 9) : start - 1])
        if not words or words[-1][1] == "eng":
            return False
        frequency = _frequency(words[-1][0])  # jieba tags 顾问 nr: a frequent word is everyday whatever its tag
        return frequency >= 1000 or (frequency >= 100 and words[-1][1] not in ("nr", "ns", "nt", "nz", "j"))

    def _latin_bracket(self, para: int, text: str) -> None:
        """A Chinese name with its Latin one in brackets (某某桥（mBridge）): the words before the
        bracket back to a clause opening are the name."""
        for match in LATIN_BRACKET.finditer(text):
            latin = match.group(2)
            if latin.isupper() or latin.lower() in JARGON or len(latin) < 3:
                continue
            phrase, cut = match.group(1), 0
            for word, flag, start in _tokens(phrase):
                if word in LEADING or word in FIELD_WORDS or flag in ("p", "c", "uj", "ul"):
                    cut = start + len(word)
            name = phrase[cut:]
            if len(name) >= 2 and not _generic(name) and name not in GENERIC:
                kind = _suffix_kind(name) or "product"
                self.add(para, match.start(1) + cut, name, kind, "a name given with its Latin form")

    def _list_item(self, para: int, text: str) -> None:
        """In a list piece (its title counts names: 五款理财App), an item's heading names its topic
        before the colon (3. 某某记账：…) when the item's text names it again."""
        title = LIST_TITLE.search(self.texts[0]) if self.texts else None
        item = LIST_ITEM.match(text)
        if not (title and item and para + 1 < len(self.texts)):
            return
        name = item.group(1).strip().strip('「」『』"')  # 1. 「蚂蚁财富」：the name inside its quotes
        if len(name) < 2 or name not in self.texts[para + 1] or name in GENERIC or name in LEADING or _generic(name):
            return
        tokens = _tokens(name)
        if len(tokens) == 1 and _frequency(name) > 0 and name not in dictionary():
            return  # 费率：…, 监管：…: a common word heads the item, not a name
        app = title.group(1).lower() in ("app", "应用") or bool(APP_WORDS.search(name))
        kind = "app" if app and not _suffix_kind(name) else (_suffix_kind(name) or "product")
        self.add(para, text.index(name, item.start(1)), name, kind, "the name a list item is about")

    def _speakers(self) -> None:
        """A transcript's speakers: personal names and a colon opening paragraphs (唐某：…), three
        turns or more in the text; a common word (周一：) is no name."""
        turns: list[tuple[int, str]] = []
        for para, text in enumerate(self.texts):
            match = SPEAKER_TURN.match(text)
            if match and PERSON_NAME.fullmatch(match.group(1)) and _frequency(match.group(1)) < 50:
                turns.append((para, match.group(1)))
        if len(turns) >= 3:
            for para, name in turns:
                self.add(para, 0, name, "person", "a speaker's turn in a transcript", named=True)

    def _new_words(self, para: int, tokens: tuple[tuple[str, str, int], ...]) -> None:
        """An organisation jieba tags (nt) or a proper noun its dictionary has never seen, said twice."""
        for word, flag, start in tokens:
            if flag == "nt" and word not in dictionary() and not preposition_glued(word):
                self.add(para, start, word, "organisation", "jieba tags it as an organisation (nt)")
            elif flag == "nz" and _frequency(word) == 0 and word not in dictionary() and len(word) >= 2:  # noqa: SIM102
                if self.counts.get(word, 0) >= 2 or word.endswith(PRODUCT_ENDINGS):
                    self.add(para, start, word, "product", "a proper noun jieba does not know (nz)")

    def _listed(self) -> None:
        """Words listed beside a found name (支付宝和财付通, 美团、饿了么) are names of the same kind."""
        for _ in range(3):  # A、B、C和D: each round reaches one item further
            known = {span[3]: span[4] for span in self.spans}
            added = False
            for para, text in enumerate(self.texts):
                for name, kind in list(known.items()):  # an item found here is known to the next round
                    if kind == "person":
                        continue
                    pattern = re.escape(name) + rf"[{LIST_JOIN}]([^{ITEM_STOP}\d]{{2,6}}?)(?=[{ITEM_STOP}]|$)"
                    for match in _compiled(pattern).finditer(text):
                        other = match.group(1)
                        if other in known or not self._name_like(other):
                            continue
                        self.add(para, match.start(1), other, kind, f"listed with {name}")
                        known[other] = kind
                        added = True
            if not added:
                return

    def _name_like(self, word: str) -> bool:
        """A listed word that reads as a name: one token unknown to jieba or tagged a proper noun."""
        tokens = _tokens(word)
        if len(tokens) != 1 or word in LEADING or _generic(word):
            return False
        flag = tokens[0][1]
        proper = flag in ("nz", "nt", "j", "eng", "nrt") or _frequency(word) == 0
        common = flag in ("v", "a", "d", "m", "t", "r", "vn")
        return bool(_suffix_kind(word)) or word.endswith(PRODUCT_ENDINGS) or (proper and not common)


# A desk or department after a firm's name in a byline: 华岳资本投资部, 某某证券研究部.
DEPARTMENT = re.compile(r"(?:投资|研究|策略|资管|资产管理|固收|宏观|行业研究|金融市场|战略|品牌|公关|市场)部$")
# The copulas a name read back may hold (…人为, …系), and the roles before them: 计划管理人为, 法定代表人为.
COPULA = re.compile("[为系是]")
ROLES = (
    "管理人",
    "托管人",
    "受托人",
    "发行人",
    "发起人",
    "发起机构",
    "原始权益人",
    "承销商",
    "股东",
    "控制人",
    "代表人",
    "运营方",
    "运营主体",
    "服务商",
    "合作方",
    "合作机构",
    "出资方",
    "投资方",
    "牵头方",
    "借款人",
    "担保人",
    "担保方",
    "贷款人",
    "机构",
    "主体",
    "平台",
)
# A place and an office after a known body's name: 四川省税务局, 北京市分行, 上海监管局.
BRANCH_AFTER = re.compile(
    r"([\u4e00-\u9fff]{2,8}?)(税务局|监管局|监管分局|分局|中心支行|营业管理部|分行|支行|总部|分公司)"
)
# Words jieba may cut off a place's name: 四川 省, 北京 市.
PLACE_ENDINGS = ("省", "市", "区", "县", "自治区", "州")
# A quoted phrase the words after it call a motto or a plan, not a product: “青岚速度”的口号.
SLOGAN_AFTER = re.compile(r"的?(?:口号|理念|精神|文化|战略|模式|愿景|目标|计划|工程|行动)")
# Flags of one-character words a legal name may hold inside it (快 付), never at its start.
GLUE_FLAGS = ("a", "v", "d", "ad", "vd")


# English words a Chinese text writes for a channel or a technique, never a name: Web 端, App 内, Online 渠道.
TECH_WORDS = frozenset({"web", "app", "online", "internet", "mobile", "digital", "cloud", "data", "smart", "open"})
SEVERAL_PLACES = frozenset({"多地", "各地", "部分", "当地", "多家", "各家", "全国", "各级", "多个", "各个"})


def _not_a_name_word(word: str) -> bool:
    """A word no name holds before its suffix, whatever jieba tags it: a verb with its complement
    (折射出, 看到了) or a demonstrative with a count (这三家, 该类)."""
    return (len(word) >= 3 and word[-1] in "出了着过到") or (len(word) >= 2 and word[0] in "这那该此某")


def _terms_of_an_offer(inner: str) -> bool:
    """零首付, 免手续费, 无门槛: zero, free or no, then a common word, is what is offered, never a name
    (零钱通 goes on in no word jieba knows)."""
    return inner[:1] in "零免无" and len(inner) >= 3 and _frequency(inner[1:]) >= 50


def _common_head(inner: str) -> bool:
    """“成本中心”: a quoted phrase whose part before the suffix is one everyday word is a figure of
    speech, not a unit's name; names have proper or rare words there (“蚂蚁集团”)."""
    suffix = max((s for s in SUFFIX_KINDS if inner.endswith(s)), key=len, default="")
    head = inner[: -len(suffix)] if suffix else inner
    words = _tokens(head)
    return len(words) == 1 and words[0][1] not in ("nr", "ns", "nt", "nz", "j") and _frequency(head) >= 1000


def _read_back(before: str, suffix: str) -> tuple[int, str]:
    """The name ending `before` in `suffix`, read back over its characters to a clause opening, an
    owner (旗下, 的) or a description, whatever jieba makes of its words; (where it starts, the name)."""
    at = len(before)
    while at > 0 and len(before) - at < 30:
        if "\u4e00" <= before[at - 1] <= "\u9fff" or before[at - 1].isalnum():
            at -= 1
        elif before[at - 1] in "）)" and re.search(r"[（(][\u4e00-\u9fff]{2,4}[）)]$", before[:at]):
            at -= before[:at][::-1].index("（" if before[at - 1] == "）" else "(") + 1  # 度小满科技（北京）有限公司
        else:
            break
    segment = before[at:]
    cut, cuts = 0, [0]
    for word, flag, start in _tokens(segment):
        if start >= len(segment) - len(suffix):
            break
        descriptor = word.endswith(DESCRIPTOR_ENDINGS) and word not in LEGAL_SUFFIXES
        if word in LEADING or word in SAYS or flag in ("uj", "p", "c", "r", "ul") or descriptor or COUNTED.match(word):
            cut = start + len(word)
            cuts.append(cut)
    name = segment[cut:]
    while cut and only_suffixes(name) and cuts[:-1]:
        cuts.pop()  # 杭州 联合 农村商业银行…: 联合 opens no clause when the name left is generic
        cut = cuts[-1] if cuts else 0
        name = segment[cut:]
    return at + cut, name


def _opens_clause(tokens: tuple[tuple[str, str, int], ...], i: int) -> bool:
    """Whether token `i` opens its clause: the text's start, or punctuation just before it."""
    return i == 0 or (i > 0 and not tokens[i - 1][0].strip('，,。；;：:、！？!?（）()“”"「」 |｜·'))


def _reads_as_person(name: str) -> bool:
    """钱一川, 王珂珂, 何嘉宁: jieba tags the name a person's, or cuts the surname off a rare given name;
    a word of its own (高管, a place 江川) is none."""
    tokens = _tokens(name)
    rare_rest = all(_frequency(w) < 1100 for w, _, _ in tokens[1:])  # 王珂 珂, not 张口 就
    if tokens[0][1] in ("nr", "nrfg", "nrt"):
        return len(tokens) == 1 or (len(tokens[0][0]) >= 2 and rare_rest)
    return tokens[0][0] == name[0] and len(tokens) <= 2 and rare_rest


def _resolve(spans: list[tuple[int, int, int, str, str, str]]) -> list[tuple[int, int, int, str, str, str]]:
    """Overlapping spans in one paragraph: the longer wins (两江新区 inside a company's full name)."""
    kept: list[tuple[int, int, int, str, str, str]] = []
    taken: dict[int, Taken] = {}  # per paragraph, what the kept spans cover
    for span in sorted(spans, key=lambda s: (s[0], -(s[2] - s[1]), s[1])):
        here = taken.setdefault(span[0], Taken())
        if not here.overlaps(span[1], span[2]):
            here.add(span[1], span[2])
            kept.append(span)
    return sorted(kept, key=lambda s: (s[0], s[1]))


def find_names(paragraphs: list[tuple[str, str]]) -> list[Name]:
    """The names `paragraphs` (id, text) use, in order of first appearance, with aliases and parents."""
    finder = _Finder(paragraphs)
    finder.scan()
    entities: dict[str, Entity] = {}
    for para, start, _, name, kind, reason in _resolve(finder.spans):
        if name not in entities:
            entities[name] = Entity(name, kind, reason, para * 10**6 + start)
        elif reason.startswith("a product the text names"):
            entities[name].kind, entities[name].reason = kind, reason  # 天天基金的…, then 平台“天天基金”
    texts = finder.texts
    _merge_stated_aliases(entities, texts)
    _drop_nested(entities, texts)
    _merge_dictionary_forms(entities)
    _merge_short_forms(entities, texts)
    _drop_nested(entities, texts)  # 南岭基金 only inside 南岭基金销售, a short form found just now
    _name_apps_by_product(entities)
    fold_bare_brands(entities, texts, _merge)  # 众安 for 众安在线财产保险（下称“众安保险”）
    find_parents(entities, texts)  # after every form is known: 众安旗下的…
    ordered = sorted(entities.values(), key=lambda e: e.first)
    return [Name(e.name, e.kind, e.reason, e.aliases, e.parent) for e in ordered]


def _name_apps_by_product(entities: dict[str, Entity]) -> None:
    """A product's app (某贷APP) is the product itself when the text never names the product
    alone: the app takes the product's name, its form with APP an alias."""
    for key in list(entities):
        entity = entities[key]
        if entity.reason != "a product's app":
            continue
        product = next((f for f in _longest_first() if key.startswith(f) and len(f) < len(key)), "")
        if product and product not in entities:
            entity.aliases.append(entity.name)
            entity.name = product
            entities[product] = entities.pop(key)


def _merge(entities: dict[str, Entity], keep: str, other: str) -> None:
    """Fold entity `other` into `keep`: its forms become aliases; the fuller form names it."""
    if keep == other or keep not in entities or other not in entities:
        return
    a, b = entities[keep], entities.pop(other)
    for form in b.forms():
        if form not in a.forms():
            a.aliases.append(form)
    a.first = min(a.first, b.first)
    if b.kind != a.kind and a.reason.startswith("listed"):
        a.kind = b.kind
    longest = max(a.forms(), key=len)
    if len(longest) > len(a.name) and not longest.isascii():
        a.aliases = [f for f in a.forms() if f != longest]
        a.name = longest
        entities[longest] = entities.pop(keep)


def _owner_of(entities: dict[str, Entity], form: str) -> str:
    """The key of the entity that has `form` among its forms, or ""."""
    return next((key for key, e in entities.items() if form in e.forms()), "")


def _merge_dictionary_forms(entities: dict[str, Entity]) -> None:
    """Forms one dictionary row lists (央行, 中国人民银行) found in one text are one entity."""
    for key in list(entities):
        entry = dictionary().get(key)
        if entry is None or key not in entities:
            continue
        for form in entry.forms:
            other = _owner_of(entities, form)
            if other and other != key and dictionary().get(other) is entry:
                keep = key if key in entities else _owner_of(entities, key)
                _merge(entities, keep, other)


def _merge_stated_aliases(entities: dict[str, Entity], texts: list[str]) -> None:
    """Aliases the text states: 招商银行(下称“招行”), 京东数科现名京东科技, 蚂蚁集团（Ant Group）.

    The patterns find the statement; the name is the longest found form that ends right before it.
    """
    for text in texts:
        for number, pattern in enumerate(STATED):
            for match in pattern.finditer(text):
                before = text[: match.start()].rstrip('」』”"')  # 「腾讯理财通」（以下简称“理财通”）
                forms = sorted((f for e in entities.values() for f in e.forms()), key=len, reverse=True)
                form = next((f for f in forms if before.endswith(f)), "")
                if not form:
                    continue
                alias = (match.group(1) or match.group(match.lastindex or 1)).strip('“”"「」 ')
                if number == 3 and not _plain_bracket_alias(form, alias):
                    continue
                _add_alias(entities, _owner_of(entities, form), alias)


def _plain_bracket_alias(name: str, alias: str) -> bool:
    """A bracket with no 简称 names the entity only in Latin script or with the name's own characters."""
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9 .&'’-]*", alias):
        return True
    return _abbreviates(alias, name) or alias in dictionary()


def _add_alias(entities: dict[str, Entity], key: str, alias: str) -> None:
    if not key or len(alias) < 2 or alias == key or alias in GENERIC or alias.isdigit():
        return
    other = _owner_of(entities, alias)
    if other:
        _merge(entities, key, other)
    elif alias not in entities[key].forms():
        entities[key].aliases.append(alias)


def _abbreviates(short: str, name: str) -> bool:
    """Whether `short` is made of `name`'s own characters in order, from its start: 招行, 工行, 邮储."""
    if not 2 <= len(short) < len(name):
        return False
    body = name[2:] if name.startswith("中国") and short[0] != "中" else name
    if short[0] != body[0]:
        return False
    rest = iter(body[1:])
    return all(ch in rest for ch in short[1:])


# A name less one of these is its short form: 腾讯 for 腾讯控股, 蚂蚁 for 蚂蚁集团.
SHORT_SUFFIXES = ("控股集团", "控股有限公司", "集团股份有限公司", "股份有限公司", "有限公司", "集团", "控股", "公司")


def _merge_short_forms(entities: dict[str, Entity], texts: list[str]) -> None:
    """A short form or abbreviation the text uses for a name it gave in full becomes its alias."""
    names = sorted(entities, key=len, reverse=True)
    for name in names:
        if name not in entities or entities[name].kind == "person":
            continue
        short = next((name[: -len(s)] for s in SHORT_SUFFIXES if name.endswith(s) and len(name) - len(s) >= 2), "")
        if short and short not in GENERIC and _used_alone(short, entities, texts):
            _add_alias(entities, name, short)
        registered = entities[name].kind in ("bank", "company", "group") and name.endswith(LEGAL_SUFFIXES)
        for other in [k for k in entities if registered and k != name and len(k) >= 4]:
            if (
                other in entities
                and name in entities
                and entities[other].kind == entities[name].kind
                and other not in dictionary()
                and other[:2] == name[:2]
                and not name.startswith(other)
                and not other.endswith(LEGAL_SUFFIXES)  # 中信银行股份有限公司 is no short form of 中信百信银行…
                and _abbreviates(other, name)
            ):
                _merge(entities, name, other)  # 某某农商银行 for 某某农村商业银行股份有限公司: its own characters
        if name not in entities or entities[name].kind != "bank":
            continue
        for text in texts:  # 招行 for 招商银行: two or three characters ending in 行
            for match in re.finditer(r"[\u3400-\u9fff]{1,2}行", text):
                for cut in (match.group(), match.group()[1:]):
                    if (
                        len(cut) >= 2
                        and _abbreviates(cut, name)
                        and cut not in entities[name].forms()
                        and _used_alone(cut, entities, texts)
                        and _is_word(cut, text, match.start() + len(match.group()) - len(cut))
                    ):
                        _add_alias(entities, name, cut)


def _is_word(word: str, text: str, start: int) -> bool:
    """Whether jieba cuts `word` as a word of its own at `start` in `text`."""
    for token, _, at in _tokens(text[max(0, start - 6) : start + len(word) + 6]):
        if at + max(0, start - 6) == start and token == word:
            return True
    return False


def _drop_nested(entities: dict[str, Entity], texts: list[str]) -> None:
    """A name found only inside other names' forms is no name of its own (招银 only in 招银理财)."""
    for key in list(entities):
        others = {k: e for k, e in entities.items() if k != key}
        if not any(_used_alone(form, others, texts) for form in entities[key].forms()):
            del entities[key]


def _used_alone(form: str, entities: dict[str, Entity], texts: list[str]) -> bool:
    """Whether `form` occurs somewhere outside every longer name found in the text."""
    longer = [f for e in entities.values() for f in e.forms() if len(f) > len(form) and form in f]
    for text in texts:
        covered = {i for f in longer for m in _compiled(re.escape(f)).finditer(text) for i in range(*m.span())}
        if any(m.start() not in covered for m in _compiled(re.escape(form)).finditer(text)):
            return True
    return False
