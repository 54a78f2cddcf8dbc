"""Who owns what in a Chinese text: the parents of the names `names_zh` found.

X旗下(的)Y、Z and X的Y, with a description between (旗下金融科技平台Y, 的信贷产品“Y”); an
owner given by a back reference (公司旗下, 该公司旗下, 其「Y」, 其控股的Y); 子公司Y; 母公司为X;
Y都属于X旗下; 作为X旗下的…，Y; a speaking firm's own product (我们的“Y”); and an
organisation's own unit (X信用卡中心, X上海监管局).
"""

from __future__ import annotations

import functools
import re

from fintech_tui.draft.dictionary_zh import Entity, dictionary

# Y是X旗下的…, Y为X全资控股: a copula before the owner, whose mark must follow it.
COPULA = re.compile(r"(?:是|为|系)(?=[^，,。；;]{2,30}?(?:旗下|全资|控股的))")
BELONGS = re.compile(r"(?:都|均|同样|也)?(?:属于|隶属于|归属于|隶属|归属)")
# Between an owner's mark and the name it owns, a description: 旗下金融科技平台度小满…, 的信贷产品“有钱花”.
CATEGORY = re.compile(r"平台|公司|机构|产品|品牌|模型|系统|应用|App|APP|基金|银行|工具")
# Words that refer back to an owner named before, and the kinds they can stand for ("": any but a person).
OWNERS = ("company", "group", "bank", "organisation")
OWNER_REFERENCES = {
    "该公司": ("company", "group"),
    "公司": ("company", "group"),
    "该行": ("bank",),
    "该集团": ("group",),
    "其": OWNERS,
}
# 公司 alone refers back only where no noun phrase ends in it (头部公司的X is no X of the last firm named).
BACK_OWNER = re.compile(
    r"该公司|该集团|该行|(?:(?<![\u4e00-\u9fff])|(?<=[而但并且即由本及和与在从对为是让使将把被向据])"
    r"|(?<=目前|同时|此外|今年|去年|随后|此前|如今|其中|截至))公司|(?<![尤极与])其(?![中他余实次])"
)
SUBSIDIARY = re.compile(r"(?:全资|控股)?子公司|其控股的")
PARENT_NAMED = re.compile(r"母公司(?:为|是)?")  # 母公司为X, 由母公司X承接
# A unit named after its organisation: 江淮银行信用卡中心, 金融监管总局上海监管局.
UNIT_SUFFIXES = ("总部", "中心", "研究院", "研究所", "事业部", "事业群")


def find_parents(entities: dict[str, Entity], texts: list[str]) -> None:
    """Who owns what: X旗下(的)Y、Z, X的Y, 其「Y」, 子公司Y, 母公司为X, Y都属于X旗下, X's own unit XY.

    A description may stand between the owner and the name (旗下金融科技平台度小满), and the
    owner may be a back reference (公司旗下, 该公司旗下, 其控股的) to the last name before it.
    """
    forms = {form: key for key, e in entities.items() for form in e.forms()}
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    if not alternation:
        return
    any_name = re.compile(alternation)
    company = _declared_company(texts, forms)
    owner = re.compile(
        rf"({alternation}|{BACK_OWNER.pattern})(?:[（(][^（）()]{{1,20}}[)）])?(旗下的?|控股的|运营的|的|(?<=其))"
    )
    for number, text in enumerate(texts):
        for match in owner.finditer(text):
            if match.group(1) in forms:
                parent = forms[match.group(1)]
            else:
                parent = _referred_owner(match.group(1), entities, texts, number, match.start(), any_name, company)
            if not parent or (match.group(2) == "的" and entities[parent].kind in ("person", "product")):
                continue
            at = match.end()
            child = _named_after(text, at, any_name)
            if child and entities[parent].kind == "app" and entities[forms[child.group()]].kind != "product":
                continue  # 支付宝的余额宝: an app owns a product, not a firm or another app
            if match.group(1) not in forms and not child:
                continue
            listed = False
            while child:
                if text.startswith("旗下", child.end()):
                    break  # 美团旗下的美团月付、抖音旗下的…: 抖音 owns what follows
                key = forms[child.group()]
                entry = dictionary().get(child.group())
                if listed and entry and entry.kind in ("bank", "group", "organisation"):
                    break  # 蚂蚁集团旗下的蚂蚁基金、招商银行等: a known independent listed beside it
                listed = True
                _set_parent(entities, key, parent)
                at = child.end() + (text[child.end() : child.end() + 1] in '”"」')
                if match.group(2) == "的" or at >= len(text) or text[at] not in "、和及":  # 与 joins a rival
                    break
                child = any_name.match(text, at + 1 + (text[at + 1 : at + 2] in '“"「'))  # 、“Y2”
        _subsidiaries(entities, texts, number, any_name, forms, company)
        _belongs(entities, text, any_name, forms, alternation)
        _as_owned(entities, text, forms, alternation)
        _owned_bare(entities, text, any_name, forms)
        _ours(entities, texts, text, forms, alternation, company)
        _launched(entities, texts, number, any_name, forms, alternation, company)
        _acquired(entities, text, forms, alternation)
    _owners_of_several(entities)
    for key, entity in entities.items():
        if entity.name.endswith(UNIT_SUFFIXES):
            owner_form = max((f for f in forms if entity.name.startswith(f) and forms[f] != key), key=len, default="")
            if owner_form:
                _set_parent(entities, key, forms[owner_form])


# X(上半年)推出(了)(面向…的)“Y”: a firm's own launch; the name in quotes, as products are named.
LAUNCHED = r"(?:[^，,。；;“”\"「」]{0,6}?)(?:推出|上线|发布)了?(?:[^，,。；;“”\"「」]{0,12}?的)?[“\"「]"


def _launched(
    entities: dict[str, Entity],
    texts: list[str],
    number: int,
    any_name: re.Pattern[str],
    forms: dict[str, str],
    alternation: str,
    company: str,
) -> None:
    """众安银行上半年推出的“ZA Card”, 公司推出了面向慢病人群的“众民保”: the launcher owns the product."""
    text = texts[number]
    declared = r"(?:[（(][^（）()]{1,20}[)）]|[”\"」][)）])?"  # （下称“众安保险”） after the launcher
    pattern = _compiled(rf"({alternation}|{BACK_OWNER.pattern}){declared}{LAUNCHED}({alternation})[”\"」]")
    for match in pattern.finditer(text):
        child = forms[match.group(2)]
        if entities[child].kind not in ("product", "app"):
            continue
        word = match.group(1)
        parent = forms.get(word) or _referred_owner(word, entities, texts, number, match.start(), any_name, company)
        if parent and entities[parent].kind in OWNERS:
            _set_parent(entities, child, parent)


def _acquired(entities: dict[str, Entity], text: str, forms: dict[str, str], alternation: str) -> None:
    """X收购(了)Y, Y被X收购, X将Y收入旗下, Y并入X: the buyer owns what it bought."""
    buys = _compiled(rf"({alternation})(?:[^，,。；;]{{0,8}}?)(?:全资)?收购了?(?:其|对)?({alternation})")
    bought = _compiled(rf"({alternation})(?:[^，,。；;]{{0,6}}?)(?:被|由)({alternation})(?:[^，,。；;]{{0,6}}?)收购")
    folded = _compiled(rf"({alternation})(?:[^，,。；;]{{0,6}}?)将({alternation})(?:收入旗下|纳入旗下|并入)")
    joined = _compiled(rf"({alternation})(?:[^，,。；;]{{0,4}}?)(?:并入|加入)({alternation})(?:集团|旗下)?")
    for pattern, buyer_first in ((buys, True), (bought, False), (folded, True), (joined, False)):
        for match in pattern.finditer(text):
            if re.match(r"的?(?:部分|少数)?(?:股权|股份)", text[match.end() :]):
                continue  # 收购了Y的部分股权: a stake, not the firm
            buyer, target = (match.group(1), match.group(2)) if buyer_first else (match.group(2), match.group(1))
            if entities[forms[buyer]].kind in OWNERS:
                _set_parent(entities, forms[target], forms[buyer])


def _owners_of_several(entities: dict[str, Entity]) -> None:
    """A brand the text shows owning two or more of its names (阿里巴巴旗下的淘宝、天猫) is a group."""
    children: dict[str, int] = {}
    for entity in entities.values():
        if entity.parent:
            children[entity.parent] = children.get(entity.parent, 0) + 1
    for key, count in children.items():
        owner = entities.get(key)
        if owner and count >= 2 and owner.kind == "company" and not owner.name.endswith(("公司", "银行")):
            owner.kind = "group"


def _named_after(text: str, at: int, any_name: re.Pattern[str]) -> re.Match[str] | None:
    """The name right after `at`, or after a short description ending in a category word (金融科技平台)."""
    words = re.split(r"[^\u4e00-\u9fffA-Za-z]", text[at : at + 12])[0]
    ends = [at] + [at + m.end() for m in CATEGORY.finditer(words) if not words[: m.start()].endswith(("母", "总"))]
    for end in ends:
        child = any_name.match(text, end + (text[end : end + 1] in '“"「'))
        if child:
            return child
    return None


def _declared_company(texts: list[str], forms: dict[str, str]) -> str:
    """The entity an article names 公司 for short: 东方财富信息股份有限公司（以下简称“东方财富”或“公司”）."""
    for text in texts:
        match = re.search(r"简称[“\"「]([^”\"」]{2,12})[”\"」]或[“\"「](?:公司|本公司|该公司)[”\"」]", text)
        if match and match.group(1) in forms:
            return forms[match.group(1)]
    return ""


def _referred_owner(
    word: str,
    entities: dict[str, Entity],
    texts: list[str],
    number: int,
    at: int,
    any_name: re.Pattern[str],
    company: str,
) -> str:
    """The entity a back reference (公司, 该行, 其) stands for: the last one of its kind named before it."""
    if word in ("公司", "该公司") and company:
        return company
    kinds = OWNER_REFERENCES.get(word, ())
    for index in range(number, -1, -1):
        text = texts[index][:at] if index == number else texts[index]
        for match in reversed(list(any_name.finditer(text))):
            found = next((k for k, e in entities.items() if match.group() in e.forms()), "")
            kind = entities[found].kind if found else "person"
            if kind != "person" and (not kinds or kind in kinds):
                return found
    return ""


def _subsidiaries(
    entities: dict[str, Entity],
    texts: list[str],
    number: int,
    any_name: re.Pattern[str],
    forms: dict[str, str],
    company: str,
) -> None:
    """子公司Y and 其控股的Y belong to the owner named before them; Y…母公司为X belongs to X."""
    text = texts[number]
    for match in SUBSIDIARY.finditer(text):
        child = any_name.match(text, match.end())
        if not child:
            continue
        sentence = max(text.rfind(mark, 0, match.start()) for mark in "。！？；") + 1
        head = text[sentence : match.start()]
        back = BACK_OWNER.search(head)
        names = [m for m in any_name.finditer(head) if entities[forms[m.group()]].kind != "person"]
        if back and (not names or back.start() > names[-1].end()):
            parent = _referred_owner(back.group(), entities, texts, number, sentence + back.start(), any_name, company)
        elif names:
            parent = forms[names[-1].group()]
        else:  # 由全资子公司Y承担: the owner is the one the text was about
            parent = _referred_owner("其", entities, texts, number, sentence, any_name, company)
        if parent:
            _set_parent(entities, forms[child.group()], parent)
    for match in PARENT_NAMED.finditer(text):
        owner = _named_after(text, match.end(), any_name)
        sentence = max(text.rfind(mark, 0, match.start()) for mark in "。！？；") + 1
        child = next(iter(any_name.finditer(text, sentence, match.start())), None)
        if owner and child:
            _set_parent(entities, forms[child.group()], forms[owner.group()])


def _belongs(
    entities: dict[str, Entity], text: str, any_name: re.Pattern[str], forms: dict[str, str], alternation: str
) -> None:
    """Y都属于X旗下: every name before 属于 in the clause belongs to X."""
    for clause in re.split(r"[，,。；;！？!?]", text):
        found = BELONGS.search(clause) or COPULA.search(clause)
        if not found:
            continue
        tail = _owner_after(alternation).match(clause[found.end() :])
        if tail:
            parent = forms[tail.group(1)]
            if found.re is COPULA and not re.match(
                r"\s*(?:旗下|全资|控股的)", clause[found.end() + len(tail.group(1)) :]
            ):
                continue
            for child in any_name.finditer(clause, 0, found.start()):
                _set_parent(entities, forms[child.group()], parent)


BARE_OWNED = re.compile(r"(?:^|(?<=[，,；;]))\s*旗下的?")


def _owned_bare(entities: dict[str, Entity], text: str, any_name: re.Pattern[str], forms: dict[str, str]) -> None:
    """X…；旗下Y: a clause opening with 旗下 speaks of the last firm its sentence named before it."""
    for match in BARE_OWNED.finditer(text):
        child = _named_after(text, match.end(), any_name)
        if not child:
            continue
        sentence = re.split(r"[。！？!?]", text[: match.start()])[-1]
        owners = [forms[m.group()] for m in any_name.finditer(sentence)]
        owner = next((key for key in reversed(owners) if entities[key].kind in OWNERS), "")
        if owner and owner != forms[child.group()]:
            _set_parent(entities, forms[child.group()], owner)


def _as_owned(entities: dict[str, Entity], text: str, forms: dict[str, str], alternation: str) -> None:
    """作为X旗下的…，Y: the name opening the clause after an "as X's …" phrase is X's."""
    pattern = _compiled(
        rf"作为({alternation})(?:[（(][^（）()]{{1,30}}[)）])?旗下的?[^，,。；;]{{0,20}}[，,]\s*({alternation})"
    )
    for match in pattern.finditer(text):
        _set_parent(entities, forms[match.group(2)], forms[match.group(1)])


def _ours(
    entities: dict[str, Entity], texts: list[str], text: str, forms: dict[str, str], alternation: str, company: str
) -> None:
    """我们的“X”, 我行的X: a product the speaking firm calls its own is that firm's (the declared
    公司, else the bank or company the text names most)."""
    ours = rf"(?:我们|我行|本行|我司|本公司)(?:[^，,。；;“”\"「」]{{0,8}}的)?[“\"「]?({alternation})"
    owner = None  # counted once, on the first match: a long paragraph of matches stays linear
    for match in _compiled(ours).finditer(text):  # 我们的“Y”, 本行自主研发的“Y”
        child = forms[match.group(1)]
        if entities[child].kind not in ("product", "app"):
            continue
        owner = (company or _most_named(entities, texts)) if owner is None else owner
        if owner:
            _set_parent(entities, child, owner)


def _most_named(entities: dict[str, Entity], texts: list[str]) -> str:
    """The bank, company or group the text names most often (its forms counted)."""
    counts = {
        key: sum(text.count(form) for text in texts for form in entity.forms())
        for key, entity in entities.items()
        if entity.kind in ("bank", "company", "group")
    }
    return max(counts, key=lambda k: counts[k], default="") if counts else ""


@functools.lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


@functools.lru_cache(maxsize=8)
def _owner_after(alternation: str) -> re.Pattern[str]:
    """The owner's name right after 属于 / 是 (compiled once per text's names, not per clause)."""
    return re.compile(rf"\s*({alternation})(?:旗下|所有)?")


def _set_parent(entities: dict[str, Entity], child: str, parent: str) -> None:
    if child == parent or entities[child].parent or entities[child].kind == "person":
        return
    step = parent
    while step:
        if step == child:
            return
        step = entities[step].parent if step in entities else ""
    entities[child].parent = parent
