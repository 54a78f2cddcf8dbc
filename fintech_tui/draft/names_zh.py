"""Names in Chinese text: banks, companies, groups, apps, products, organisations and people.

jieba segments the text with a dictionary of fintech names (data/names_zh.tsv) added to a
tokenizer of its own, so 花呗 or 饿了么 stay one word and the global jieba is left as it was.
Rules then read the tokens: a known name, a name-like run before an organisation suffix
(重庆两江新区科融小额贷款有限公司, 中信信托), a name before APP, a product in quotes
(“微业贷”), a name listed beside a known one, a person before 表示 or after 董事长, and
Latin-script brand names. Jieba's own name tags alone are too loose (护城河 nz, 高达 nr) to count.
Aliases come from what the text says (下称, 简称, 现名, a bracket after the name), from
abbreviations made of a name's own characters (招行, 工行) and short forms (腾讯 for 腾讯控股);
parents come from parents_zh (X旗下Y, X的Y, 其「Y」, 子公司Y, 都属于X旗下).
"""

from __future__ import annotations

import functools
import logging
import re

import jieba  # the draft extra
import jieba.posseg

from fintech_tui.draft.dictionary_zh import Entity, dictionary, load_dictionary
from fintech_tui.draft.found import Name
from fintech_tui.draft.limits import Taken
from fintech_tui.draft.parents_zh import find_parents

__all__ = ["find_names", "load_dictionary"]

jieba.setLogLevel(logging.WARNING)  # no "Building prefix dict" chatter on stderr


def _words(text: str) -> set[str]:
    """A word list written as one space-separated string."""
    return set(text.split())


# A name ending in one of these is an organisation of that kind; longest first when matching.
SUFFIX_KINDS = {
    "股份有限公司": "company",
    "有限责任公司": "company",
    "有限公司": "company",
    "小额贷款公司": "company",
    "消费金融公司": "company",
    "消费金融": "company",
    "农村商业银行": "bank",
    "农商银行": "bank",
    "农商行": "bank",
    "银行": "bank",
    "集团股份有限公司": "group",
    "集团有限公司": "group",
    "集团": "group",
    "控股": "group",
    "公司": "company",
    "科技": "company",
    "金科": "company",
    "金服": "company",
    "数科": "company",
    "金融": "company",
    "证券": "company",
    "保险": "company",
    "人寿": "company",
    "财险": "company",
    "基金": "company",
    "信托": "company",
    "资本": "company",
    "资管": "company",
    "支付": "company",
    "征信": "company",
    "咨询": "company",
    "商业银行": "bank",
    "研究院": "organisation",
    "研究所": "organisation",
    "分行": "bank",
    "支行": "bank",
    "分公司": "company",
    "中心": "organisation",
    "协会": "organisation",
    "委员会": "organisation",
    "交易所": "organisation",
    "监管局": "organisation",
    "总局": "organisation",
    "管理局": "organisation",
    "法院": "organisation",
}
# Words that make a suffix generic, not a name: 商业银行, 保险公司, 金融科技公司, 消费金融.
GENERIC = _words(
    "保险 金融 科技 互联网 商业 网上 网络 传统 国有 股份制 中小 中小型 大型 小型 地方 外资 民营 数字 移动 "
    "第三方 支付 消费 信用 银行 集团 公司 其他 投资 证券 基金 资产 管理 信托 理财 服务 平台 电商 电子商务 "
    "小贷 小额贷款 新兴 头部 城市 农村 村镇 民间 国内 国外 海外 上市 本地 生活 用户 产品 业务 市场 行业 企业 "
    "机构 跨境 手机 扫码 线上 线下 快捷 聚合 电子 在线 无感 刷脸 二维码 普惠 供应链 财富 零售 对公 个人 "
    "数字化 智能 开放 直销 民营 农商 城商 外卖 社交 各家 多家 这家 该 这些 一家 两家 几家 全国 全球 中国 "
    "美国 香港 母 子 控股 合资 独立 持牌 非银 银行业 保险业 证券业 基金业 头部 龙头 大 小 新 老 原 "
    "券商 险企 消金 贷款 借贷 网贷 助贷 信贷 汽车 房地产 养老 健康 医疗 教育 能源 物流 出行"
)
# Words that open a clause and are never the start of a name: 回望微众银行, 比如京东金融.
LEADING = _words(
    "比如 例如 譬如 包括 回望 回顾 现名 原名 更名 改名 以及 还有 其中 旗下 其 由 对 与 和 及 在 将 把 被 让 "
    "向 从 像 如 即 而 但 也 还 都 就 又 再 是 为 于 据 称 说 表示 认为 指出 截至 目前 如今 此前 随后 "
    "今年 去年 同期 作为 通过 依托 联合 携手 牵手 宣布 推出 上线 成立 设立 发起 入股 收购 投资 "
    "这 那 该 此 各 每 某 其他 另 另一 不少 很多 许多 一些 部分 以 给 跟 同 连 让 令 使"
)
# Words that describe what follows without being part of its name: 上市公司瀚海科技…, 金融科技平台度小满….
DESCRIPTOR_ENDINGS = ("公司", "平台", "机构")
LEGAL_SUFFIXES = ("有限公司", "股份有限公司", "有限责任公司")
DECLARED = re.compile(r"[（(]\s*(?:以下简称|以下称|下称|简称)")
COUNTED = re.compile(r"[一两几另每该这那某多]+家")  # 另一家子公司: jieba cuts 一家子
NOT_SUFFIXES = _words("母公司 子公司 上市公司 全资子公司 控股子公司 总公司")
NAME_FLAGS = {"s", "nr", "nrt", "nrfg", "ns", "nt", "nz", "n", "j", "eng", "x", "l", "an", "vn", "ng", "nrf"}
# A quoted product or app's name usually ends so: 微业贷, 余额宝, 花呗, 美团月付, 零钱通.
PRODUCT_ENDINGS = ("贷", "宝", "呗", "付", "通", "花", "条", "借", "钱包", "卡", "分", "险", "保", "金")
# A quoted name the text calls a product by the words around it: 百万医疗险“尊享e生”系列, 推出了「基金组合」.
PRODUCT_BEFORE = re.compile(r"(?:(?:推出|上线|发布|旗下)(?:了|的)?|产品|品牌|平台|模型|系统|工具|应用|[^保]险)$")
QUOTE_AFTER = re.compile(r"(?:系列|品牌|小程序)")
QUOTED = re.compile(r"[“\"「『]([^“”\"「」『』\s，,。；;：:！？!?、（）()]{2,10})[”\"」』]")
APP_WORDS = re.compile(r"\s*(?:APP|App|app|客户端|小程序)")
# Capitalised Latin words in a row: PayPal, Ant Group, WeLab Bank.
LATIN_RUN = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z0-9'’&.-]*(?: [A-Z][A-Za-z0-9'’&.-]*)*")
# Latin words that are terms of art, not names (the glossary takes them).
JARGON = _words(
    "web3 web2 app apps pc it ai api ip ipo gmv mau dau arpu roe roa nim npl kyc aml esg p2p b2b b2c c2c o2o saas "
    "paas iaas sdk bnpl cbdc fintech gdp cpi ppi pmi yoy qoq mom vip ceo cfo coo cto ta cm http https www "
    "com cn q1 q2 q3 q4 h1 h2 mdash ndash nbsp amp ok id nfc qr pos atm lpr mlf shibor etf reits ltv"
)
LIST_JOIN = "、和与及"
ITEM_STOP = '，,。、；;：:！？!?和与及等的（）()“”"「」 '
# Titles before a person's name, verbs after one: 董事长王明, 李娜表示.
TITLES = _words(
    "董事长 总裁 行长 副行长 首席执行官 首席经济学家 经济学家 创始人 联合创始人 总经理 副总裁 主席 副主席 "
    "分析师 研究员 院长 所长 教授 记者 作者 负责人 合伙人 CEO 董事 秘书长 局长 部长 主任 理事长 "
    "首席技术官 首席风险官 首席财务官 首席运营官 首席信息官 首席投资官 首席分析师 首席策略师 首席信息安全官 "
    "行政总裁 副总经理 总监 副董事长 执行董事 董秘 发言人 监事长 首席 行长助理 总裁助理 常务副行长"
)
SAYS = ("表示", "认为", "指出", "称", "说", "介绍", "坦言", "透露", "强调", "预计", "提到", "告诉", "回应", "解释")
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温"
    "康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍"
    "涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑"
    "景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
RARE_SURNAMES = "冀邸訾蔺宓佴郦璩濮扈逄竺廉"
TITLED = re.compile(
    "(?:" + "|".join(sorted(TITLES, key=len, reverse=True)) + r")([\u4e00-\u9fff]{2,3}?)(?:" + "|".join(SAYS) + ")"
)
# 以下简称 / 下称 / 简称 / 现名 / 原名 after a name, the alias after them.
# A page-information line: the outlet, then a byline or a date after a separator.
PAGE_INFO = re.compile(
    r"\s*([\u4e00-\u9fff]{2,12})\s*[·|｜/]\s*(?:记者|作者|编辑|文|来源|\d{4}|([\u4e00-\u9fff]{2,4})\s*[·|｜/]\s*\d{4})"
)
# A wire story's dateline: the outlet, a city, the date, 电 or 讯 (金融时讯北京2025年3月18日电).
DATELINE = re.compile(r"([\u4e00-\u9fff]{2,10}?)(?:\d{4}年)?\d{1,2}月\d{1,2}日[电讯]")
PRODUCT_AFTER = r"([\u4e00-\u9fff]?[付贷呗宝花条借]|钱包)(?=[、，,。；;和与及的等）)”」\s]|$)"
ALIAS_WORDS = r"(?:以下简称为?|以下称|下称|简称为?|现名为?|原名为?|更名为|改名为|现更名为|原为|原)"
ALIAS_BODY = r"(?:[“\"「]([^“”\"「」]{2,12})[”\"」]|([^\s，,。；;：:！？!?、（）()“”\"「」]{2,12}?))"
ALIAS_END = r"(?:(?<=[”\"」])|(?=[，,。；;)）、\s]|$))"  # a closing quote ends an alias, else punctuation
STATED = (
    re.compile(
        rf"\s*[（(]\s*[，,]?\s*{ALIAS_WORDS}[:：]?\s*{ALIAS_BODY}(?:\s*或\s*[“\"「][^”\"」]{{1,12}}[”\"」])*\s*[)）]"
    ),
    re.compile(rf"\s*[，,]?\s*(?:以下简称为?|以下称|下称|简称为?)[:：]?\s*{ALIAS_BODY}{ALIAS_END}"),
    re.compile(rf"(?:已经|已|后)?(?:现名为?|更名为|改名为|现更名为|原名为?)\s*{ALIAS_BODY}{ALIAS_END}"),
    re.compile(r"\s*[（(]\s*([^（）()，,。；;、\d]{2,16})\s*[)）]"),
)


@functools.lru_cache(maxsize=8192)
def _compiled(pattern: str) -> re.Pattern[str]:
    """A pattern compiled once: the per-name patterns outnumber re's own cache (512)."""
    return re.compile(pattern)


@functools.cache
def tokenizer() -> jieba.posseg.POSTokenizer:
    """A jieba tagger of our own that knows the dictionary's names (built once, ~1 s)."""
    words = jieba.Tokenizer()
    for form in dictionary():
        if not form.isascii():
            words.add_word(form, max(words.suggest_freq(form), 2000), tag="nt")
    for suffix in ("有限公司", "股份有限公司", "小额贷款"):
        words.add_word(suffix, tag="n")
    return jieba.posseg.POSTokenizer(words)


@functools.lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[tuple[str, str, int], ...]:
    """(word, flag, start) for each token of `text`; cached, as rules ask again of the same words."""
    out, at = [], 0
    for pair in tokenizer().cut(text):
        out.append((pair.word, pair.flag, at))
        at += len(pair.word)
    return tuple(out)


def _frequency(word: str) -> int:
    return int(tokenizer().tokenizer.FREQ.get(word) or 0)


def _generic(name: str) -> bool:
    """Whether `name` is a generic phrase (商业银行, 消费金融) rather than a name."""
    if name in GENERIC or len(name) < 2 or name.isdigit():
        return True
    for suffix in sorted(SUFFIX_KINDS, key=len, reverse=True):
        if name.endswith(suffix):
            head = name[: -len(suffix)]
            if len(head) < 2 or head in GENERIC:
                return True
            return all(word in GENERIC for word, _, _ in _tokens(head))
    return False


@functools.cache
def _longest_first() -> list[str]:
    """The dictionary's forms, longest first, sorted once."""
    return sorted(dictionary(), key=len, reverse=True)


@functools.cache
def _makers() -> list[str]:
    """The dictionary's apps, companies and groups, whose products a text may name after them (抖音月付)."""
    return [f for f, e in dictionary().items() if e.kind in ("app", "company", "group") and len(f) >= 2]


@functools.lru_cache(maxsize=8192)
def _first_suffix(word: str) -> str:
    """The first organisation suffix (in SUFFIX_KINDS order) `word` ends in; cached, as words repeat."""
    return next((s for s in SUFFIX_KINDS if word.endswith(s)), "")


@functools.lru_cache(maxsize=8192)
def _ends_in_title(word: str) -> bool:
    return any(word.endswith(t) for t in TITLES)


def _suffix_kind(name: str) -> str:
    """The kind the longest organisation suffix of `name` gives: 集团股份有限公司 is a group's."""
    suffix = max((s for s in SUFFIX_KINDS if name.endswith(s)), key=len, default="")
    return SUFFIX_KINDS.get(suffix, "")


class _Finder:
    """Spans found in each paragraph, then merged into entities across the text."""

    def __init__(self, paragraphs: list[tuple[str, str]]) -> None:
        self.texts = [text for _, text in paragraphs]
        self.spans: list[tuple[int, int, int, str, str, str]] = []  # para, start, end, name, kind, reason
        self.counts: dict[str, int] = {}

    def add(self, para: int, start: int, name: str, kind: str, reason: str, named: bool = False) -> None:
        """A span found by a rule; `named` when the text itself says what it is (a product in quotes)."""
        name = name.strip()
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

    def scan(self) -> None:
        for para, text in enumerate(self.texts):
            tokens = _tokens(text)
            for word, _, _ in tokens:
                self.counts[word] = self.counts.get(word, 0) + 1
            self._known(para, text)
            self._declared(para, text)
            self._suffixed(para, tokens)
            self._persons(para, tokens)
            self._outlet(para, text)
            self._titled(para, text)
            self._products_of(para, text)
            self._quoted(para, text)
            self._apps(para, text)
            self._latin(para, text)
            self._new_words(para, tokens)
        self._listed()

    def _known(self, para: int, text: str) -> None:
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
                kind = dictionary()[form].kind
                if kind == "product" and APP_WORDS.match(text, match.end()):
                    kind = "app"  # 微粒贷APP: the text names the app
                self.add(para, match.start(), form, kind, "a known name")

    def _declared(self, para: int, text: str) -> None:
        """A full name the text gives a short name for: 度小满科技（北京）有限公司（以下简称“度小满”）.

        Whatever jieba makes of its words, the name runs back from its suffix to a clause
        opening, an owner (旗下, 的) or a description (金融科技平台, 消费金融机构).
        """
        for match in DECLARED.finditer(text):
            before = text[: match.start()]
            suffix = max((s for s in SUFFIX_KINDS if before.endswith(s)), key=len, default="")
            if not suffix:
                continue
            at = len(before)
            while at > 0 and len(before) - at < 30:
                if "\u4e00" <= before[at - 1] <= "\u9fff" or before[at - 1].isalnum():
                    at -= 1
                elif before[at - 1] in "）)" and re.search(r"[（(][\u4e00-\u9fff]{2,4}[）)]$", before[:at]):
                    at -= (
                        before[:at][::-1].index("（" if before[at - 1] == "）" else "(") + 1
                    )  # 度小满科技（北京）有限公司
                else:
                    break
            segment = before[at:]
            cut = 0
            for word, flag, start in _tokens(segment):
                if start >= len(segment) - len(suffix):
                    break
                descriptor = word.endswith(DESCRIPTOR_ENDINGS) and word not in LEGAL_SUFFIXES
                if (
                    word in LEADING
                    or word in SAYS
                    or flag in ("uj", "p", "c", "r", "ul")
                    or descriptor
                    or COUNTED.match(word)
                ):
                    cut = start + len(word)
            name = segment[cut:]
            if len(name) - len(suffix) >= 2:
                self.add(para, at + cut, name, SUFFIX_KINDS[suffix], "a name the text gives a short name for")

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
            strong = (
                suffix.endswith("公司") or suffix in ("分行", "支行") or tokens[i - 1][0].endswith(("有限", "有限责任"))
            )
            strong = strong if i else False
            head_tokens: list[tuple[str, str]] = [(word[: -len(suffix)], "n")] if word != suffix else []
            first, j = start + len(word) - len(suffix) - len(head_tokens[0][0] if head_tokens else ""), i - 1
            while j >= 0:
                other, flag, at = tokens[j]
                rare = 0 < _frequency(other) < 20  # 启衡 (v) 证券: a rare word jieba knows, not one it made up (获批)
                verb = flag in ("v", "vn", "l") and (_frequency(other) < 5000 if strong else rare)
                if (
                    other in LEADING
                    or not (flag in NAME_FLAGS or verb)
                    or sum(len(w) for w, _ in head_tokens) + len(other) > (18 if strong else 8)
                ):
                    break
                if flag == "x" and not other.isalnum():
                    break
                descriptor = other.endswith(DESCRIPTOR_ENDINGS) and other not in LEGAL_SUFFIXES
                if other not in dictionary() and (descriptor or COUNTED.match(other)):
                    break  # 上市公司 瀚海科技集团…, 金融科技平台 度小满科技…: a description, not the name
                head_tokens.insert(0, (other, flag))
                first, j = at, j - 1
            while head_tokens and head_tokens[0][0] in "的之及与和":
                first += len(head_tokens.pop(0)[0])
            head = "".join(w for w, _ in head_tokens)
            unit = SUFFIX_KINDS[suffix] == "organisation"  # 招商银行 信用卡 中心: a unit's name
            if head and self._name_like_head(head_tokens, strong, unit):
                self.add(para, first, head + suffix, SUFFIX_KINDS[suffix], f"a name ending in {suffix}")

    def _name_like_head(self, head: list[tuple[str, str]], strong: bool, unit: bool) -> bool:
        """A head holds a proper or rare word (宁波, 科融, 微众), and ends in one unless the suffix is 公司.

        代理保险, 注册资本 and 招行信息科技 (招行's IT, not a company) are refused.
        """

        def proper(word: str, flag: str) -> bool:
            common = _frequency(word) >= 200 and flag in ("n", "v", "vn", "a", "l", "d")
            if word in GENERIC:
                return False
            return word in dictionary() or flag in ("nr", "nrt", "nz", "nt", "ns", "j", "eng") or not common

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
            titled = _ends_in_title(before) or before in ("文", "撰文", "编辑")
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

    def _outlet(self, para: int, text: str) -> None:
        """The outlet opening a page-information line: 金融科技观察 · 记者 周明远 · 2024-08-30."""
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
            before = text[max(0, match.start() - 6) : match.start()]
            app = bool(APP_WORDS.match(text, match.end())) or text.startswith("平台", match.end())
            named = bool(PRODUCT_BEFORE.search(before) or QUOTE_AFTER.match(text, match.end()))
            product = inner.endswith(PRODUCT_ENDINGS) or app or named
            if named and inner not in dictionary() and len(inner) <= 6 and not self._kind_of_product(text, match):
                kind = "app" if app else "product"  # 基金销售平台“天天基金”, 其「钱大掌柜」平台, 金融大模型“轩辕”
                self.add(para, match.start(1), inner, kind, "a product the text names in quotes", named=True)
            elif inner in dictionary() or _suffix_kind(inner):
                self.add(para, match.start(1), inner, "company", "a name in quotes")
            elif product and len(inner) <= 6 and not re.search(r"\d", inner) and not self._kind_of_product(text, match):
                self.add(para, match.start(1), inner, "app" if app else "product", "a product's name in quotes")

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
            if owner and dictionary()[owner].kind in ("bank", "company", "group", "organisation"):
                at = match.start() - len(owner)
                self.add(para, at, text[at : match.end()].replace(" ", ""), "app", "an organisation's app")
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
            if len(name) >= 2 and name.lower() not in JARGON and not short_caps and not name[:1].isdigit():
                app = bool(APP_WORDS.match(text, match.start() + len(name)))
                self.add(para, match.start(), name, "app" if app else "company", "a Latin-script name")

    def _new_words(self, para: int, tokens: tuple[tuple[str, str, int], ...]) -> None:
        """An organisation jieba tags (nt) or a proper noun its dictionary has never seen, said twice."""
        for word, flag, start in tokens:
            if flag == "nt" and word not in dictionary():
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
                for name, kind in known.items():
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
    find_parents(entities, texts)
    ordered = sorted(entities.values(), key=lambda e: e.first)
    return [Name(e.name, e.kind, e.reason, e.aliases, e.parent) for e in ordered]


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
                before = text[: match.start()]
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
        if entities[name].kind != "bank":
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
