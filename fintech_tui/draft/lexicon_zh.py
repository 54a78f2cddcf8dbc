"""The Chinese name finder's lexicon: suffix and word tables, and the jieba tagger that knows the dictionary.

Kept apart from the rules that read the tokens (names_zh) so each stays a size one can read;
figures' metric reader shares the tagger.
"""

from __future__ import annotations

import functools
import logging
import re

import jieba  # the draft extra
import jieba.posseg

from fintech_tui.draft.dictionary_zh import dictionary

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
    "小贷": "company",  # 青禾小贷: a small lender's short name (网络小贷 stays generic)
    "消金": "company",
    "农村商业银行": "bank",
    "农商银行": "bank",
    "农商行": "bank",
    "银行": "bank",
    "集团股份有限公司": "group",
    "集团有限公司": "group",
    "控股集团": "group",  # 某某控股集团: the holding group's whole suffix (控股 alone is a common word)
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
    "理财": "company",  # 平安理财, 招银理财: a bank's wealth-management arm (a common word: the head must be proper)
    "资本": "company",
    "资管": "company",
    "支付": "company",
    "征信": "company",
    "咨询": "company",
    "商业银行": "bank",
    "研究院": "organisation",
    "学院": "organisation",  # 某某大学金融学院: the head must hold a proper word, as for every suffix
    "大学": "organisation",
    "研究所": "organisation",
    "分行": "bank",
    "支行": "bank",
    "分公司": "company",
    "中心": "organisation",
    "协会": "organisation",
    "委员会": "organisation",
    "交易所": "organisation",
    "监管局": "organisation",
    "证监局": "organisation",  # 深圳证监局: a regulator's local office, written short
    "银保监局": "organisation",
    "金融局": "organisation",
    "总局": "organisation",
    "管理局": "organisation",
    "法院": "organisation",
}
# Words opening a national body's name: 中国互联网金融协会, 全国银行间同业拆借中心.
NATIONAL = ("中国", "全国", "国家")
# Words that make a suffix generic, not a name: 商业银行, 保险公司, 金融科技公司, 消费金融.
GENERIC = _words(
    "保险 金融 科技 互联网 商业 网上 网络 传统 国有 股份制 中小 中小型 大型 小型 地方 外资 民营 数字 移动 "
    "第三方 支付 消费 信用 银行 集团 公司 其他 投资 证券 基金 资产 管理 信托 理财 服务 平台 电商 电子商务 "
    "小贷 小额贷款 新兴 头部 城市 农村 村镇 民间 国内 国外 海外 上市 本地 生活 用户 产品 业务 市场 行业 企业 "
    "机构 跨境 手机 扫码 线上 线下 快捷 聚合 电子 在线 无感 刷脸 二维码 普惠 供应链 财富 零售 对公 个人 "
    "数字化 智能 开放 直销 民营 农商 城商 外卖 社交 各家 多家 这家 该 这些 一家 两家 几家 全国 全球 中国 "
    "美国 香港 母 子 控股 合资 独立 持牌 非银 银行业 保险业 证券业 基金业 头部 龙头 大 小 新 老 原 "
    "券商 险企 融资担保 融资再担保 再担保 金融租赁 担保 寿险 财险 产险 非银行 属地 派出 自营 当地 外地 区域 "
    "消金 资管 老牌 知名 标品 非标 省级 市级 县级 贷款 借贷 网贷 助贷 信贷 "
    "汽车 房地产 养老 健康 医疗 教育 能源 物流 出行 "
    "小微 县域 涉农 三农 个体 大众 绿色 科创 惠民 公募 私募 交易 结算 清算 风控 合规 营销 "
    "车企 主机厂 整车厂 厂家 厂商 车商 新车 二手车 商户 特约商户 多地 各地 部分 "
    "本地化 国际化 全球化 移动化 线上化 智能化 场景化 平台化 一体化"
)
# Words after a trade word that make it a field of business (支付领域, 保险业务), not a firm's suffix.
FIELD_WORDS = _words(
    "领域 业务 板块 行业 市场 方面 条线 牌照 赛道 场景 模式 体系 产业 生态 监管 处罚 改革 接口 通道 系统"
)
# Words that open a clause and are never the start of a name: 回望微众银行, 比如京东金融.
LEADING = _words(
    "比如 例如 譬如 包括 回望 回顾 现名 原名 更名 改名 以及 还有 其中 旗下 其 由 对 与 和 及 在 将 把 被 让 "
    "向 从 像 如 即 而 但 也 还 都 就 又 再 是 为 于 据 称 说 表示 认为 指出 截至 目前 如今 此前 随后 "
    "今年 去年 同期 作为 通过 依托 联合 会同 协同 配合 携手 牵手 宣布 推出 上线 成立 设立 发起 入股 收购 投资 "
    "这 那 该 此 各 每 某 其他 另 另一 不少 很多 许多 一些 部分 以 给 跟 同 连 让 令 使 "
    "归属于 属于 隶属于 来自 面向 针对 关于 对话 专访 访谈 独家 涉及 包含 时任 现任 原任 前任 曾任 "
    "本季度 本年度 本期 报告期 报告期内 期内 上半年 下半年 前三季度 全年 当年 当季 本月 本周 "
    "股东 控股股东 大股东 第一大股东 实际控制人 实控人 担保主体 合作方 发起人"
)
# Words that describe what follows without being part of its name: 上市公司瀚海科技…, 金融科技平台度小满….
DESCRIPTOR_ENDINGS = ("公司", "平台", "机构")
LEGAL_SUFFIXES = ("有限公司", "股份有限公司", "有限责任公司")
# A bracket that declares a short name, perhaps after a note (纽约证券交易所代码：XX，以下简称…).
DECLARED = re.compile(r"[（(](?:[^（）()]{0,30}?[，,；;]\s*)?\s*(?:以下简称|以下称|下称|简称)")
# A legal name with a place in brackets before its legal suffix: 某某科技（深圳）有限公司.
PLACED = re.compile(r"[\u4e00-\u9fff][（(][\u4e00-\u9fff]{2,4}[)）](?:集团)?(?:股份有限公司|有限责任公司|有限公司)")
COUNTED = re.compile(r"[一两几另每该这那某多]+家")  # 另一家子公司: jieba cuts 一家子
NOT_SUFFIXES = _words("母公司 子公司 上市公司 全资子公司 控股子公司 总公司")
NAME_FLAGS = {"s", "nr", "nrt", "nrfg", "ns", "nt", "nz", "n", "j", "eng", "x", "l", "an", "vn", "ng", "nrf"}
# A quoted product or app's name usually ends so: 微业贷, 余额宝, 花呗, 美团月付, 零钱通.
PRODUCT_ENDINGS = ("贷", "宝", "呗", "付", "通", "花", "条", "借", "钱包", "卡", "分", "险", "保", "金")
# A quoted name the text calls a product by the words around it: 百万医疗险“尊享e生”系列, 推出了「基金组合」.
PRODUCT_BEFORE = re.compile(
    r"(?:(?:推出|上线|发布|旗下)(?:了|的)?|产品|品牌|平台|模型|系统|工具|应用|助手|机器人|客服|[^保]险)$"
)
QUOTE_AFTER = re.compile(r"(?:系列|品牌|小程序|[\u4e00-\u9fff]{0,2}(?:助手|系统|引擎|机器人|大脑))")
# After a quoted name, what kind of app it is: “某某”移动银行App, “某某”手机银行客户端.
APP_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}\s*(?:APP|App|app|客户端|小程序)")
# A quoted name ending in what a product is (“某某系统”, “某某助手”): a product when its head is no common word.
SYSTEM_ENDINGS = ("系统", "助手", "大脑", "引擎", "机器人", "平台")
# Before a quoted handle (用户“某某”, 网友“某某”): a person writing under a name of their own.
HANDLE_BEFORE = re.compile(r"(?:用户|网友|博主|答主|楼主|昵称为?|账号|ID为?)[:：]?$")
# …and after it, where a handle ends: the line, a bracket, a separator, or what the person did (的回答, 表示).
HANDLE_AFTER = re.compile(
    r"\s*(?:$|[（(·|｜：:，,。]|的?(?:回答|提问|帖子|评论|留言|回复|分享)|表示|说|称|写道|认为|发帖|提到|指出)"
)
# A Latin name in brackets after a Chinese one: 某某桥（mBridge）. One word, not all capitals
# (月活跃用户（MAU） is a term).
LATIN_BRACKET = re.compile(r"([\u4e00-\u9fff]{2,16})[（(]([A-Za-z][A-Za-z0-9]{1,29})[)）]")
# A transcript's turn: a name and a colon open the paragraph (唐某：欢迎收听…).
SPEAKER_TURN = re.compile(r"\s*([\u4e00-\u9fff]{2,3})[：:]")
# A list piece's title counts the names it goes through: 五款理财App, 十家银行.
LIST_TITLE = re.compile(
    r"(?:\d+|[一二两三四五六七八九十]+)(?:款|家|个|只)[^，。；]{0,14}?(App|APP|app|应用|平台|产品|银行|公司|券商|基金)"
)
LIST_ITEM = re.compile(
    r"^\s*(?:\d{1,2}[.、．)）]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）])\s*([^：:，,。；;“”]{2,10})[：:]"
)
QUOTED = re.compile(r"[“\"「『]([^“”\"「」『』\s，,。；;：:！？!?、（）()]{2,10})[”\"」』]")
# What an app does and how it ranks: 记账App, 老牌理财App describe apps, they do not name them.
APP_FUNCTIONS = _words(
    "记账 理财 借贷 贷款 借款 炒股 证券 券商 支付 保险 购物 外卖 社交 银行 基金 消费 信贷 打车 出行 视频 直播 "
    "办公 招聘 旅游 外汇 期货 信用卡 钱包 金融 投资 股票 资讯 新闻 工具 手机 移动"
)
APP_DESCRIPTORS = _words("老牌 热门 知名 主流 头部 大型 常用 官方 第三方 新兴 小众 同类 各类 各家 多款 这款 该款 一款")
# A quoted name right after one of these is an app: 手机银行App“某某e行”.
APP_BEFORE = re.compile(r"(?:APP|App|app|手机银行|客户端|小程序)$")
# 据X报道 / 据X消息: X is the outlet that reported it, unless a generic source (媒体, 业内人士).
REPORTED = re.compile(
    r"据([\u4e00-\u9fffA-Za-z0-9]{2,8}?)(?:的)?(?:报道|消息称|消息|不完全统计|统计|观察|梳理|计算|调查)"
)
NOT_OUTLETS = _words(
    "媒体 外媒 港媒 人士 方面 部门 记者 知情 业内 相关 有关 官方 公开 网友 市场 多家 消息 报道 "
    "笔者 本报 本刊 本台 我们 作者 机构 分析 行业 不完全"
)
APP_WORDS = re.compile(r"\s*(?:APP|App|app|客户端|小程序)")
# Capitalised Latin words in a row: PayPal, Ant Group, WeLab Bank.
LATIN_RUN = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z0-9'’&.-]*(?: [A-Z][A-Za-z0-9'’&.-]*)*\+?")  # Alipay+, DOU+
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
    "行政总裁 副总经理 总监 副董事长 执行董事 董秘 发言人 监事长 首席 行长助理 总裁助理 常务副行长 "
    "会长 副会长 司长 处长 厅长 署长 委员 书记 党委书记 基金经理 投资经理 客户经理 策略师 科学家 首席科学家 掌门人 "
    "法定代表人 实际控制人 主要负责人"
)
SAYS = ("表示", "认为", "指出", "称", "说", "介绍", "坦言", "透露", "强调", "预计", "提到", "告诉", "回应", "解释")
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温"
    "康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍"
    "涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑"
    "景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
RARE_SURNAMES = "冀邸訾蔺宓佴郦璩濮扈逄竺廉宣芮闻伏茅邰郜缑亢况郗鄢阎揭储井"
COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "皇甫",
    "慕容",
    "令狐",
    "宇文",
    "公孙",
    "端木",
    "夏侯",
    "司徒",
    "尉迟",
)
# A clause opening with a surname and one or two characters, then (after a short phrase such as
# 对记者, 在发布会上, 补充, 笑着) a verb of saying: 何嘉宁补充说, 钱一川对记者表示. The name must be no
# common word (高管表示), which names_zh checks.
SAID_BY = re.compile(
    r"(?:^|(?<=[，,。；;：:”」\s]))(["
    + "".join(sorted(SURNAMES))
    + RARE_SURNAMES
    + r"][\u4e00-\u9fff]{1,2}?)(?:对记者|在[\u4e00-\u9fff]{1,6}?上|补充|笑着|也|还|则|进一步|随后|接着|直言|坦率地)?(?:"
    + "|".join(SAYS)
    + ")"
)
# A person with a two-character surname before a verb of saying (欧阳明远表示): jieba seldom tags these nr.
# Not after 公 or 长 (公司马…, 局长孙…), where the first character belongs to the word before.
COMPOUND_NAMED = re.compile(
    r"(?<![公长])((?:" + "|".join(COMPOUND_SURNAMES) + r")[\u4e00-\u9fff]{1,2}?)(?:" + "|".join(SAYS) + ")"
)
PERSON_NAME = re.compile("[" + "".join(sorted(SURNAMES)) + RARE_SURNAMES + r"][\u4e00-\u9fff]{1,2}")
# The verb may come after where the person spoke: 首席财务官钱嘉禾在业绩电话会上表示.
TITLED = re.compile(
    "(?:"
    + "|".join(sorted(TITLES, key=len, reverse=True))
    + r")([\u4e00-\u9fff]{2,3}?)(?:[在于][^，,。；;：:]{1,12}?)?(?:"
    + "|".join(SAYS)
    + ")"
)
# A title, then a name closed by punctuation (分析师：顾清和（…）, 董事长沈修远、) or kept anonymous
# (时任副总经理的刘某): the name is whole, however jieba cuts it.
TITLED_CLOSED = re.compile(
    "(?:" + "|".join(sorted(TITLES | {"文/", "受访人", "受访者"}, key=len, reverse=True)) + r")(?:[：:]\s*|\s+|的)?"
    r"(["
    + "".join(sorted(SURNAMES))
    + RARE_SURNAMES
    + r"](?:某某|某|[\u4e00-\u9fff]{1,2}(?=[（(，,、。；;：:\s|｜]|$)))"
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
    re.compile(
        rf"\s*[（(][^（）()]{{1,30}}?[，,；;]\s*(?:以下简称为?|以下称|下称|简称为?)[:：]?\s*{ALIAS_BODY}\s*[)）]"
    ),
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
    for suffix in ("有限公司", "股份有限公司", "有限责任公司", "小额贷款", "融资担保", "融资再担保", "金融租赁"):
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
            words = _tokens(head)
            if SUFFIX_KINDS[suffix] == "organisation" and len(words) >= 2 and words[0][0] in NATIONAL:
                return False  # 中国互联网金融协会, 全国中小企业…中心: a national body's name, however plain its words
            affiliated = re.fullmatch(r"(.{2,5}?)系(.*)", head)  # 车企系金融公司: a class of firms, not one
            if affiliated and all(w in GENERIC for part in affiliated.groups() for w, _, _ in _tokens(part)):
                return True
            return all(word in GENERIC for word, _, _ in words)
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
    if suffix == "理财":  # a bank's arm (平安理财) is a company; a platform's (度小满理财) is its product
        head = dictionary().get(name[:-2])
        if name[:-2] + "银行" in dictionary() or (head and head.kind == "bank") or _bank_abbreviation(name[:-2]):
            return "company"
        return ""
    if SUFFIX_KINDS.get(suffix) == "company" and re.search(r"[（(]集团[)）]", name):
        return "group"  # 中国平安保险（集团）股份有限公司
    return SUFFIX_KINDS.get(suffix, "")


@functools.lru_cache(maxsize=1024)
def _bank_abbreviation(head: str) -> bool:
    """Whether `head` is made of a known bank's characters, from its first (招银 for 招商银行)."""
    if len(head) != 2:
        return False
    for form, entry in dictionary().items():
        if entry.kind == "bank" and len(form) > 2 and form.endswith("银行"):
            body = form[2:] if form.startswith("中国") else form
            if body[0] == head[0] and head[1] in body[1:]:
                return True
    return False
