"""What the English name finder knows before it reads: suffixes and their kinds, cue patterns, the
dictionary of known names and the word classes (data/names_en.tsv, data/words_en.tsv), read once.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from itertools import pairwise


def _words(text: str) -> list[str]:
    """A word list written as one space-separated string."""
    return text.split()


SUFFIX_KINDS = {
    **dict.fromkeys(_words("Bank Bancorp Banking Bankshares Bancshares"), "bank"),
    **dict.fromkeys(_words("Group Conglomerate"), "group"),
    **dict.fromkeys(_words("Pay Card Coin Token"), "product"),
    **dict.fromkeys(_words("App Wallet"), "app"),  # a wallet a firm names is an app on a phone
    **dict.fromkeys(
        _words(
            "Inc Inc. Corp Corp. Corporation Co Co. Company Companies Ltd Ltd. Limited LLC LLP PLC plc AG SA NV GmbH "
            "AB ASA Oyj SpA BV Pty "
            "Technologies Technology Tech Financial Capital Advisors Advisers Partners Securities Insurance Assurance "
            "Payments Labs Systems Software Ventures Investments Management Markets Finance Fintech Lending Mortgage "
            "Brokerage Solutions Services Networks Network Analytics Research Consulting Credit Trust Wealth Energy "
            "Motors Airlines Industries Enterprises Brands Media Health Global International Holdings Holding"
        ),
        "company",
    ),
    **dict.fromkeys(
        _words(
            "Commission Reserve Bureau Authority Agency Administration Board Ministry Department Fund Association "
            "Council Office Institute University College School Court Congress Treasury Committee Center Centre "
            "Foundation Federation Union Exchange Parliament Senate Forum Organisation Organization Regulator Service "
            "Corps Police Government Cabinet Assembly Tribunal Ombudsman Alliance Society Coalition"
        ),
        "organisation",
    ),
}

# Where a name's last word is one of these, "of ..." may continue it: "Bank of America".
OF_HEADS = set(
    _words(
        "Bank Commission Bureau Authority Agency Administration Board Ministry Department Office Institute University "
        "College School Court Committee Council Association Federation Union Exchange Fund Reserve Center Centre "
        "Comptroller Corporation Treasury Chamber Organisation Organization Society Academy Federation"
    )
)

# An ordinal may open a firm's name ("First Harbor Bank & Trust", "Sixth Street, the investment firm").
ORDINAL_WORDS = set(_words("First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth"))

# Words that open a noun phrase, capitalised or not, and so never a firm's name: "The", "Its", "Every".
DETERMINERS = set(
    _words(
        "The A An This That These Those Its Their Our His Her Your My Some Many Most All Both Each Every No Other "
        "Another Several Such Any Few Which What Whose"
    )
)
CONNECTORS = {"of", "and", "&", "for", "on", "the", "de", "du", "la", "von", "van", "y", "del", "da", "do", "des"}

# The first word of a Spanish, Portuguese, French or Italian body's name, and the kind it gives; its name
# runs on through the small words of its language: "Comisión Nacional Bancaria y de Valores", "Banco de México".
FOREIGN_HEADS = {
    **dict.fromkeys(_words("Banco Banca Banque Caixa Caja Cassa Crédit Credito Crédito"), "bank"),
    **dict.fromkeys(
        _words(
            "Comisión Comision Comissão Comissao Commissione Superintendencia Superintendência Autorité Autoridad "
            "Autoridade Secretaría Secretaria Consejo Conselho Instituto Bolsa Fondo Fundación Fundação Ministerio "
            "Ministério Agencia Agência Agence Conseil Direction Dirección Junta Tribunal"
        ),
        "organisation",
    ),
    **dict.fromkeys(_words("Grupo Groupe Gruppo"), "group"),
}
FOREIGN_LINKS = set(_words("de del y e et da do das dos des du la las los le di della degli"))

# A street's last word: "12 Endeavour Square" is an address, not a name.
STREET_WORDS = set(
    _words("Street St Square Road Rd Avenue Ave Lane Place Plaza Boulevard Blvd Way Drive Court Wharf Row Gardens")
)

# A UK postcode: "E20 1JN"
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b")

# A term a document defines in brackets ("the Relevant Period"): after a name it is an alias, else no name.
DEFINED = re.compile(r"\((?:the\s)?[\"“]([A-Z][\w'’ -]{1,40})[\"”]\)")

# A verb a company is the subject of, for a sentence's first word no other test names: "Lendora raises …"
AGENT_VERBS = re.compile(
    r"\s(?:said|says|raised|raises|announced|announces|launched|launches|reported|reports|plans|planned|agreed|"
    r"acquired|acquires|bought|buys|hired|hires|fined|fines|picked|picks|signed|signs|filed|files|sued|sues|"
    r"unveiled|unveils|posted|posts|opened|opens|cut|cuts|closed|closes)\b"
)

PERSON_CUES = re.compile(
    r"(?:\b(?:said|says|told|wrote|argued|added|noted|explained|according to|by|asked|thinks|believes|"
    r"CEO|CFO|COO|founder|co-founder|chief executive|chairman|chairwoman|analyst|economist|president|"
    r"Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Professor|Senator|Governor|Secretary|Commissioner|director|partner|"
    r"head|spokesperson|spokesman|spokeswoman)\s$)",
    re.IGNORECASE,
)

# A job title, then a comma, just before a name: "Its chief executive, Jane Roe, said"
PERSON_TITLED = re.compile(
    r"\b(?:chief\s(?:executive|[\w-]+\sofficer)|founder|co-founder|CEO|CFO|COO|CTO|chairman|chairwoman|chair|"
    r"president|head\sof\s[\w-]+|spokesperson|spokesman|spokeswoman|analyst|economist|director|partner|"
    r"managing\sdirector|host|presenter|guest|reporter|editor)\s?,\s$",
    re.IGNORECASE,
)

# Verbs of speech after a person's name ("Dana Whitlock said", "Iles told")
SPEECH_VERBS = "said|says|told|wrote|argued|added|noted|explained|thinks|believes|commented"
# A verb of speech after a surname alone: "Iles said", "Okafor told", "Frost asked"
SPOKE_AFTER = re.compile(rf"\s(?:{SPEECH_VERBS}|asked)\b")

# A law's name: "the Truth in Lending Act", "GENIUS Act", "Credit Card Competition Act": no entity.
LAW = re.compile(
    r"(?<![\w-])(?:[A-Z][\w'’-]*\s(?:(?:in|of|and|for|on|to|the)\s)?)*[A-Z][\w'’-]*\s(?:Act|Bill|Amendment|Directive|Accord)(?![\w-])"
    r"(?:\sof\s\d{4})?"
)

# A job title in capitals after a name, which names no firm: "Chief Operating Officer at", "Head of Payments,".
JOB_TITLE = re.compile(
    r"\b(?:Chief(?:\s[A-Z][a-z]+){1,3}\sOfficer|(?:Senior\s|Executive\s)?Vice\sPresident|Managing\sDirector|"
    r"General\sCounsel|Head\sof\s[A-Z][a-z]+(?:\s(?:and\s)?[A-Z][a-z]+)?)"
    r"(?=\s(?:at|for|of|in|and|to)\s|[,.;)]|$)"  # after a name, not before one ("Chief Risk Officer Tamsin Oyelaran")
)

PERSON_AFTER = re.compile(
    r"^(?:,\s(?:[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3}['’]s\s)?"  # "Jane Roe, Acme's Chair and …"
    r"(?:a|an|the|its|who|whose|(?i:chief|founder|co-founder|CEO|CFO|COO|CTO|head|president|director|senior|"
    r"managing|executive|analyst|economist|partner|chair|vice|professor|general\scounsel))\b|\s(?:"
    + SPEECH_VERBS
    + r")\b)",
)

TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[\w][\w'’&.-]*[\w]|[\w&]")

# A sentence ends at . ! ? and the space after, but not after an initial or Inc., Corp., Mr.
SENTENCE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\bInc)(?<!\bCorp)(?<!\bCo)(?<!\bLtd)(?<!\bMr)(?<!\bMs)(?<!\bDr)[.!?]['\"”’)]*\s+"
)

QUOTED = re.compile(r"[\"“]([A-Z][\w'’&.-]*(?:\s[A-Z][\w'’&.-]*){0,3})[\"”]")

BRACKET = re.compile(r"^\s\((?:the\s)?[\"“]?([A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){0,2})[\"”]?\)")

# A company-form tail after a known name: "Inc", "Ltd", "Bank", "Holdings".
LEGAL_TAIL = re.compile(
    r"(?:,?\s(?:Inc\.?|Incorporated|Corp\.?|Corporation|Co\.|Ltd\.?|Limited|LLC|plc|Plc|PLC|AG|SA|NV|N\.V\.|S\.A\.|"
    r"B\.V\.|N\.A\.|AB|ASA|Oyj|SpA)(?![\w-])"
    r"|\s(?:Bank|Holdings|Group|Financial|Technologies|Global|International|Payments|Markets)(?![\w-]))+"
)

# A wire story's dateline: "SAN FRANCISCO, Oct 8 (Fintech Wire) -"
DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,[^()\n]{0,30}\((?P<outlet>[^)]{1,40})\)\s?[-—–]")

# What an appositive calls a name: "MyPay, an earned-wage access product"; "Stride, a bank".
APPOSITIVE_KINDS = {
    "bank": "bank",
    "lender": "company",
    "neobank": "company",
    "startup": "company",
    "company": "company",
    "firm": "company",
    "fintech": "company",
    "insurer": "company",
    "broker": "company",
    "brokerage": "company",
    "regulator": "organisation",
    "agency": "organisation",
    "watchdog": "organisation",
    "group": "group",
    "conglomerate": "group",
    "app": "app",
    "application": "app",
    "wallet": "app",
    "product": "product",
    "card": "product",
    "feature": "product",
    "service": "product",
    "platform": "company",
    "provider": "company",
    "processor": "company",
    "issuer": "company",
    "consultancy": "company",
    "exchange": "company",
    "institution": "company",
    "marketplace": "company",
    "unit": "company",
    "arm": "company",
    "subsidiary": "company",
    "division": "company",
    "programme": "product",
    "program": "product",
    "subscription": "product",
    "plan": "product",
    "body": "organisation",
    "brand": "product",
    "token": "product",
    "stablecoin": "product",
}

# What a name is called just before it: "its lending product, Revolut Credit"; "Lyft's payments unit, Lyft Cash".
DESCRIBED_BEFORE = re.compile(
    r"(?:\b(?:[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)|(?<![\w-])[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3}(?:'s|’s))\s"
    r"(?:[\w-]+,?\s){0,4}?(" + "|".join(k for k in APPOSITIVE_KINDS if k not in ("bank", "group")) + r"),\s$"
)

# "Current's advance, called Paycheck Advance": a firm's offering the text names just after it, a product.
CALLED_OFFERING = re.compile(
    r"(?<![\w-])[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3}(?:'s|’s)\s(?:[a-z][\w-]*\s){0,2}?[a-z][\w-]*,\s"
    r"(?:called|named|dubbed|branded)\s$"
)

# An owner named in a compound before a name: "a Monzo-backed wage-advance firm".
COMPOUND_OWNER = re.compile(
    r"(?<![\w-])([A-Z][\w&]*(?:\s[A-Z][\w&]*){0,2})-(?:backed|owned|funded|controlled|led|run)\b"
)

APPOSITIVE = re.compile(
    r"^,\s(?:an?|another|the|its|their|[A-Z][\w&.-]*(?:'s|’s))\s(?:[\w'’-]+\s){0,4}?("
    + "|".join(APPOSITIVE_KINDS)
    + r")s?"
    r"(?=[,.;:)]|\s(?:that|which|who|owned|controlled|run|based|with|in|of|for|from|launched|backed)\b|\s[A-Z])"
)

# A page-information line: "Fintech Ledger · By Maya Chen · March 3, 2025, 8:30 AM ET"
# Stops after an abbreviation ("Dr. Jane Roe", "Larkspur & Co.") end no sentence of it.
_NO_STOP = r"(?:[^.!?]|(?<=\bDr)\.|(?<=\bCo)\.|(?<=\bInc)\.|(?<=\bLtd)\.|(?<=\bCorp)\.|(?<=\bJr)\.)"
PAGE_INFO = re.compile(rf"^(?![\s*_]*\|){_NO_STOP}{{0,80}}\s[·|•]\s(?:(?:\w+\s)?By\s|[^·|•]*\d){_NO_STOP}*$")

# A product named after a known name: "Cash App Card", "Apple Pay Later"
PRODUCT_TAIL = re.compile(r"\s(?:Card|Later|Wallet|Plus|Premium|Savings|Checkout|Credit|Cash|Business|Pro)(?![\w-])")

PERSON_LIKE = re.compile(r"[A-Z][a-z'’-]+(?:\s[A-Z]\.)?(?:\s[A-Z][a-z'’-]+){1,2}")

# "PayPal's Xoom service", "the Zephyr app": the word after a name that says what it is.
PRODUCT_WORDS = re.compile(
    r"(?:(?:credit|debit|prepaid|charge|travel|rewards)\s)?(?:service|card|wallet|product|feature)\b"
)
# "the Bramble point-of-sale system": a name the text calls a system or platform after "the", "its"
SYSTEM_WORDS = re.compile(r"(?:[a-z-]+\s){0,2}(?:system|platform|terminal|programme|program)s?\b")
APP_WORDS = re.compile(r"(?:app|application)\b")
PLAN_WORDS = re.compile(r"(?:plan|plans|tier|tiers|subscription|membership|package)\b")

NOT_NAMES = {"common", "month", "weekday", "title", "term", "place", "nationality"}

POSSESSIVE = ("'s", "’s", "'", "’")


@cache
def dictionary() -> dict[str, tuple[str, str]]:
    """Every dictionary form (name or alias) → (the name, its kind), read once."""
    forms: dict[str, tuple[str, str]] = {}
    text = resources.files("fintech_tui.draft").joinpath("data/names_en.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        name, kind = parts[0], parts[1]
        forms.setdefault(name, (name, kind))
        for alias in parts[2].split("|") if len(parts) > 2 else ():
            forms.setdefault(alias, (name, kind))
    return forms


@cache
def word_classes() -> dict[str, set[str]]:
    """Each listed word → its classes (common, month, weekday, title, term, place, given)."""
    classes: dict[str, set[str]] = {}
    text = resources.files("fintech_tui.draft").joinpath("data/words_en.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            word, cls = line.split("\t")
            classes.setdefault(word, set()).add(cls)
    return classes


@cache
def dictionary_pattern() -> re.Pattern[str]:
    forms = sorted(dictionary(), key=len, reverse=True)
    compound = r"-(?!(?:backed|owned|funded|controlled|led|run)\b)[a-z]"  # "Monzo-backed" names Monzo
    return re.compile(r"(?<![\w&.-])(?:" + "|".join(re.escape(f) for f in forms) + rf")(?![\w&]|{compound}|\.\w)")


def classes_of(word: str) -> set[str]:
    """The classes of `word`; an all-capitals word (a dateline's NEW YORK) also as title-cased, and
    the people of a nation as its nationality (Mexicans, Canadians)."""
    classes = word_classes().get(word, set())
    if word.isupper() and len(word) > 3:
        classes = classes | word_classes().get(word.title(), set())
    if not classes and word.endswith("s") and "nationality" in word_classes().get(word[:-1], set()):
        classes = {"nationality"}
    return classes


def is_shouted(text: str) -> bool:
    """A line in capitals ("SUMMARY OF REASONS"): a notice's heading, whose words are no names."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def is_capitalised(token: str) -> bool:
    """A capitalised word (Chime, JPMorgan, eBay, N26), not a number, not "-based" compounds."""
    if not token or token[0].isdigit():
        return False
    if token[0].islower():
        return len(token) > 1 and any(c.isupper() for c in token[1:3])  # eBay, iPhone
    return all(part[:1].isupper() or part[:1].isdigit() for part in token.split("-") if part)


def sentences(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in SENTENCE_END.finditer(text):
        bounds.append((start, match.end()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


def run_ahead(text: str, tokens: list[re.Match[str]]) -> list[str]:
    """The capitalised words that follow one another by single spaces from the first of `tokens`."""
    words = [tokens[0].group()]
    for previous, token in pairwise(tokens):
        if text[previous.end() : token.start()] != " " or not is_capitalised(token.group()):
            break
        words.append(token.group())
    return words


def is_headline(text: str) -> bool:
    """A title-case line with no closing stop: its capitals say nothing about names."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    byline = re.search(r"\b[Bb]y\s[A-Z][a-z]+\s[A-Z]", text)  # "Column by Tomas Varga, 4 February 2025"
    if text.rstrip().endswith((".", "!", "?", ":")) or len(words) > 20 or byline:
        return False
    if len(words) < 4:  # a short heading ("Forward-Looking Statements"): every word capitalised, nothing else
        return bool(words) and len(text.split()) <= 5 and all(w[0].isupper() for w in text.split() if w[0].isalpha())
    return sum(1 for w in words if w[0].isupper()) / len(words) >= 0.6
