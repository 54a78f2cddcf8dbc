"""Companies, banks, apps, regulators and people an English article names, with aliases and owners.

Rules, no model (docs/design/draft-english.md says why): a small dictionary of well-known
finance names (data/names_en.tsv) is matched first; then runs of capitalised words, joined by
"of", "and" and "&" where an organisation's name goes on ("Bank of America", "Securities and
Exchange Commission"), with their kind from the last word (Bank, Group, Inc, Commission …).
A run is cut at a sentence end and a possessive; function words, titles, places, months and
terms of art (data/words_en.tsv) are never names on their own; a sentence's first word is a
name only where the article also capitalises it elsewhere. Aliases come from brackets, the
dictionary and short forms the text uses; parents from "a unit of X", "owned by X", "X's Y".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TypeVar

from fintech_tui.draft.found import Name
from fintech_tui.draft.kinds_en import compared_apps, listed_apps, named_as, referred_as_app, table_kinds, table_owners
from fintech_tui.draft.lexicon_en import (
    AGENT_VERBS,
    APP_WORDS,
    APPOSITIVE,
    APPOSITIVE_KINDS,
    BRACKET,
    CALLED_OFFERING,
    COMPOUND_OWNER,
    CONNECTORS,
    DATELINE,
    DEFINED,
    DESCRIBED_BEFORE,
    DETERMINERS,
    FOREIGN_HEADS,
    FOREIGN_LINKS,
    JOB_TITLE,
    LAW,
    LEGAL_TAIL,
    NOT_NAMES,
    OF_HEADS,
    ORDINAL_WORDS,
    PAGE_INFO,
    PERSON_AFTER,
    PERSON_CUES,
    PERSON_LIKE,
    PERSON_TITLED,
    PLAN_WORDS,
    POSSESSIVE,
    POSTCODE,
    PRODUCT_TAIL,
    PRODUCT_WORDS,
    QUOTED,
    SPOKE_AFTER,
    STREET_WORDS,
    SUFFIX_KINDS,
    SYSTEM_WORDS,
    TOKEN,
    classes_of,
    dictionary,
    dictionary_pattern,
    is_capitalised,
    is_headline,
    is_shouted,
    run_ahead,
    sentences,
)
from fintech_tui.draft.limits import NEAR, Taken
from fintech_tui.draft.parents_en import stated_owners

POSSESSIVE_FREE_STOPS = {"I"}

_WORD = re.compile(r"\w+")

# A firm that publishes research as a broker does: its page line names a company, not an outlet.
PUBLISHING_FIRMS = set(["Securities", "Capital", "Partners", "Advisors", "Advisers", "Brokerage", "Markets"])

# Words of a publication's or a programme's name: an outlet, never its author ("The Clearing Podcast").
MEDIA_WORDS = set(
    [
        "Podcast",
        "Show",
        "Radio",
        "Weekly",
        "Daily",
        "Monthly",
        "Quarterly",
        "News",
        "Times",
        "Journal",
        "Review",
        "Wire",
        "Desk",
        "Notes",
        "Letter",
        "Newsletter",
        "Post",
        "Herald",
        "Gazette",
        "Digest",
        "Brief",
        "Briefing",
        "Report",
        "Magazine",
        "Tribune",
        "Observer",
        "Chronicle",
        "Insider",
        "Hour",
        "Live",
        "Week",
    ]
)
# A programme's name (a product of its outlet) rather than a publication's: "The Ledger Hour".
PROGRAMME_WORDS = set(["Podcast", "Show", "Radio", "Hour", "Live"])
_WORDISH = re.compile(r"[\w-]")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")  # N.A., and a person's "J."
_T = TypeVar("_T")

_LIST_NUMBER_BEFORE = re.compile(r"\s*(?:\d{1,2}|[A-Za-z])[.)]\s*")
_ENDED = re.compile(r"(?:^|[.!?]\s)\W*$")  # a sentence's end, then only punctuation or space

# "Keefe, Bruyette & Woods": surnames in a row before "& X" are one firm's name
FIRM_OF_NAMES = re.compile(r"(?<![\w&])[A-Z][a-z]+(?:,\s[A-Z][a-z]+){1,3},?\s&\s[A-Z][a-z]+(?![\w&])")

# "based in Norfolk", "Leeds, England": a place, not a firm
PLACED_BEFORE = re.compile(
    r"\b(?:based|headquartered|located|incorporated|registered|office|offices|branch|branches|headquarters|"
    r"hub|plant|staff)\sin\s$"
)

# The legal form a company's full name ends in; the words before it are the name as the text shortens it.
LEGAL_FORMS = set(
    [
        "Inc",
        "Corp",
        "Co",
        "Ltd",
        "Limited",
        "LLC",
        "LLP",
        "PLC",
        "plc",
        "Plc",
        "AG",
        "SA",
        "NV",
        "GmbH",
        "AB",
        "ASA",
        "SE",
        "Oyj",
        "SpA",
        "BV",
        "Pty",
    ]
)


# A person the page information names by role: "Analyst: Jane Roe, CFA", "Host: Tom Lee"
PAGE_ROLE = re.compile(
    r"(?:Analysts?|Associates?|Hosts?|Host and producer|Presenter|Guests?|Reporter|Editor|Author|Writer|Interviewer)"
    r":\s([A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){1,2})(?:,\s[A-Z]{2,5})?"
)


# A byline in the page information: "By Jane Roe", "By Dr. Jane Roe, Head of Research, and Tom Lee",
# "By Jane Roe, former counsel of Stash"; the role after the comma is no part of the name.
def _person_named(group: str) -> str:
    """A person's name in a byline, perhaps after an honorific (Dr. Jane Roe), as the named group `group`."""
    return rf"(?:(?:Dr|Prof|Mr|Mrs|Ms)\.?\s)?(?P<{group}>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){{1,2}})"


BYLINE = re.compile(
    r"(?:(?:Compiled|Edited|Written|Reported|Words|Text|Interview|Hosted|Presented|Produced)\s|"
    r"[A-Z][a-z]+(?:\s[a-z]+){0,2}\s(?=by\s))?(?:By|by)\s"
    + _person_named("first")
    + r"(?:,\s(?P<role>[^,]+?))?(?:,?\sand\s"
    + _person_named("second")
    + r")?"
)
# The firm a byline's role names: "former general counsel of Stash", "an analyst at Harlow Capital".
ROLE_FIRM = re.compile(r"\b(?:of|at)\s([A-Z][\w&'’.-]*(?:\s[A-Z][\w&'’.-]*){0,3})$")

# A page-information part that says what the page is, not who wrote it: "Press Release", "Research Note".
PAGE_FURNITURE = re.compile(
    r"(?:(?:Press|News|Media)\s(?:Release|Statement)|Research\s(?:Note|Report|Brief|Update)|Statement|Announcement|"
    r"Opinion|Analysis|Commentary|Explainer|Fact\sSheet|Factsheet|Feature|Interview|Editorial|Guest\sColumn)"
)
# An issuer named with its initials in brackets: "Financial Conduct Authority (FCA)".
ISSUER_WITH_INITIALS = re.compile(
    r"([A-Z][\w&'’.-]*(?:\s(?:of|and|for|the|&)?\s?[A-Z][\w&'’.-]*){1,8})\s\(([A-Z]{2,6})\)"
)

# A number that may stand inside a firm's name: "Harlow 9 Capital Markets", "Lakeside 1st National Bank".
NUMBER_WORD = re.compile(r"\d{1,3}(?:st|nd|rd|th)?")

# The rest of a sentence, then a next one opening with "She" or "He": the sentence's subject was a person.
PRONOUN_NEXT = re.compile(r"[^.!?\n]{0,120}[.!?][\"”’]?\s(?:She|He)\s")

# A title and "of" just before a run: the run is the office, then perhaps its holder's name.
OFFICE_BEFORE = re.compile(r"\b([A-Z][a-z]+)\sof\s(?:the\s)?$")

# Small words capitalised inside a run: the run is a title-case name ("You Need A Budget").
TITLE_CASE_SMALL = set(["A", "An", "The", "Of", "In", "To", "For", "And", "On", "With", "My", "Your"])

# "YNAB, short for You Need A Budget", "Empower (formerly Personal Capital)": another form of the name before
RENAMED = re.compile(r"(?:,\s|\s\()(?:short\sfor|formerly|previously|once\scalled|also\sknown\sas)\s$")

# An ordinal and the capitalised words after it, to the run's end: "First Citizens Bank", "Sixth Street".
ORDINAL_RUN = re.compile(
    r"(?<![\w-])("
    + "|".join(sorted(ORDINAL_WORDS))
    + r")\s([A-Z][\w'’-]*)((?:\s(?:&\s)?[A-Z][\w'’-]*(?:\.(?!\s[A-Z]))?)*)"
)

# Words a firm's full name ends in after the name a headline or a short mention uses.
GROUP_FORMS = set(["Group", "Holdings", "Holding"])


def _initial_stop(text: str, token: re.Match[str]) -> bool:
    """Whether `token` is a person's initial with its stop, inside a run: the "J" of "J. Thomas Reyes"."""
    return len(token.group()) == 1 and token.group().isupper() and text.startswith(". ", token.end())


def _caps(span: str) -> bool:
    """A span of two or more words in capitals: a speaker's label ("TOM ALDRIDGE:") or a shouted heading."""
    return len(span.split()) > 1 and span.isupper()


def _foreign(run: list[re.Match[str]]) -> bool:
    """Whether a run of capitalised words holds the head of a foreign body's name (Banco, Comisión)."""
    return any(token.group() in FOREIGN_HEADS for token in run)


# A word made of an activity or a quality (Tracking, Regulation, Settlement): a name only if never in lower case.
ABSTRACT_NOUN = re.compile(r"[A-Z][a-z]+(?:ing|tion|sion|ment|ness|ity|ance|ence)")
# A legal form after a comma ends a firm's legal name: "Block, Inc.", "LoanCare, LLC", "Citibank, N.A.".
LEGAL_AFTER = re.compile(r",\s(?:Inc\.|LLC|L\.L\.C\.|Ltd\.|L\.P\.|N\.A\.|plc|PLC|Corp\.|S\.A\.|N\.V\.)(?![\w.])")
# After a run: a verb of saying (a person spoke), or the kind of event the run names.
SAID_NEXT = re.compile(r"\s(?:said|says|told|noted|added|wrote|warned)\b")
EVENT_NEXT = re.compile(
    r"(?:['’]s)?\s(?!conference\scall)(?:conference|summit|forum|expo|festival|awards|hackathon|roadshow)\b"
)


def _legal_form(text: str, run: list[re.Match[str]], words: list[str]) -> re.Match[str] | None:
    """The comma legal form after a run whose last word the name kept ("Block, Inc."), else None."""
    return LEGAL_AFTER.match(text, run[-1].end()) if words and words[-1] == run[-1].group() else None


def _after_title(words: list[str]) -> int:
    """How many words after a job title end the run ("Chief Operating Officer Ana Ruiz" → 2), else 0."""
    for i in range(len(words) - 3, -1, -1):
        rest = words[i + 1 :]
        plain = not any(classes_of(w) & NOT_NAMES or w in SUFFIX_KINDS or w.isupper() for w in rest)
        if "title" in classes_of(words[i]) and 2 <= len(rest) <= 3 and plain:
            return len(rest)
    return 0


@dataclass
class _Found:
    name: str
    kind: str
    reason: str
    first: int
    forms: list[str] = field(default_factory=list)
    parent: str = ""


def find_names(paragraphs: list[tuple[str, str]]) -> list[Name]:
    """The names `paragraphs` (id, text) use, in order of first appearance, with kinds, aliases and parents."""
    finder = _Finder(paragraphs)
    return finder.run()


class _Finder:
    def __init__(self, paragraphs: list[tuple[str, str]]) -> None:
        self.texts = [text for _, text in paragraphs]
        self.body = "\n".join(t for t in self.texts if not is_headline(t))
        self.defined = {m.group(1) for t in self.texts for m in DEFINED.finditer(t)}
        self.found: dict[str, _Found] = {}
        self.form_of: dict[str, str] = {}  # a form the text uses → the name it stands for
        self.offset = 0
        # Where each word stands, so a form's uses are found from its first word's places rather
        # than by a scan of every paragraph per question: a long table naming a firm per row made
        # the finder quadratic (each row's name searched the whole article again).
        self._words: dict[str, list[tuple[int, int]]] = {}
        for index, text in enumerate(self.texts):
            for match in _WORD.finditer(text):
                self._words.setdefault(match.group(), []).append((index, match.start()))
        self._answers: dict[tuple[object, ...], object] = {}
        self._rank: dict[str, int] = {}  # the order names were found in
        self._titled: set[str] = set()  # spans that followed a job title: people
        self._shortened: dict[str, list[str]] = {}  # a first word, last word or initials → names they may shorten
        self._listed_apps = listed_apps(self.texts) | compared_apps(self.texts)  # items of a list of apps
        self._ordinal_openings = self._firms_opening_with_ordinals()

    def _firms_opening_with_ordinals(self) -> set[str]:
        """An ordinal and the word after it where they open a firm's name: the run ends in a firm's
        suffix ("First Citizens Bank") or an appositive calls it a firm ("Sixth Street, the investment firm").
        "First, the bank said" and "the first Harbor branch" are no such openings."""
        openings = set()
        for text in self.texts:
            for match in ORDINAL_RUN.finditer(text):
                last = re.sub(r"(?:'s|’s)$", "", (match.group(3).split() or [match.group(2)])[-1]).rstrip(".,")
                firm = SUFFIX_KINDS.get(last, SUFFIX_KINDS.get(last + ".", "product")) != "product"
                if firm or APPOSITIVE.match(text[match.end() : match.end() + 80]):
                    openings.add(f"{match.group(1)} {match.group(2)}")
        return openings

    def _where(self, form: str) -> list[tuple[int, int, int]]:
        """Where the texts use `form` as whole words (not inside "Blockchain" or "e-Chime"): (text, start, end)."""
        return self._once(("where", form), lambda: self._find_uses(form))

    def _find_uses(self, form: str) -> list[tuple[int, int, int]]:
        key = _WORD.match(form)
        if not key:
            bounded = re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-])")
            return [(i, m.start(), m.end()) for i, text in enumerate(self.texts) for m in bounded.finditer(text)]
        uses = []
        for index, start in self._words.get(key.group(), ()):
            text, end = self.texts[index], start + len(form)
            if text.startswith(form, start) and text[start - 1 : start] != "-" and not _WORDISH.match(text, end):
                uses.append((index, start, end))
        return uses

    def _ends_in(self, form: str) -> dict[int, list[int]]:
        """Where each use of `form` ends, by text."""

        def grouped() -> dict[int, list[int]]:
            ends: dict[int, list[int]] = {}
            for index, _, end in self._where(form):
                ends.setdefault(index, []).append(end)
            return ends

        return self._once(("ends", form), grouped)

    def _once(self, key: tuple[object, ...], answer: Callable[[], _T]) -> _T:
        """`answer()`, computed once per key: the questions asked of a span depend on the text alone."""
        if key not in self._answers:
            self._answers[key] = answer()
        return self._answers[key]  # type: ignore[return-value]

    def run(self) -> list[Name]:
        base = 0
        candidates: list[tuple[int, str, str]] = []  # (position, span, where)
        pages = []  # the page information first, so the title line above it knows the outlet's name
        for text in self.texts:
            pages.append(self._page_information(text, base))
            base += len(text) + 1
        self._masthead()
        base = 0
        for text, page in zip(self.texts, pages, strict=True):
            headline = is_headline(text) and not PAGE_INFO.search(text)
            laws = [law.span() for law in LAW.finditer(text)]  # "the Truth in Lending Act": a law, no entity
            laws += [title.span() for title in JOB_TITLE.finditer(text)]  # "Chief Risk Officer": a title, no entity
            known = self._known(text, base, headline)
            taken = Taken(page + known + laws + self._firms_of_names(text, base, candidates))
            if is_shouted(text):
                base += len(text) + 1
                continue  # "SUMMARY OF REASONS": a heading in capitals names nothing the dictionary does not
            for start, span in self._spans(text, taken):
                if headline and not self._in_body(span):
                    continue
                candidates.append((base + start, span, text))
            for match in COMPOUND_OWNER.finditer(text):  # "a Monzo-backed lender": Monzo is a name
                if not taken.holds(match.start(1)) and not classes_of(match.group(1)):
                    candidates.append((base + match.start(1), match.group(1), text))
            for match in QUOTED.finditer(text):
                quoted = match.group(1)
                if " " not in quoted and (quoted in SUFFIX_KINDS or classes_of(quoted) & NOT_NAMES):
                    continue  # the "Company", "we": a defined term of a release, no name
                if not taken.holds(match.start(1)) and quoted not in self.defined:
                    candidates.append((base + match.start(1), match.group(1), "quoted"))
            base += len(text) + 1
        self._brackets()
        quoted = {span for _, span, where in candidates if where == "quoted"}
        candidates = [(pos, span, "quoted" if span in quoted else where) for pos, span, where in candidates]
        shouted = [(pos, span, where) for pos, span, where in candidates if _caps(span)]
        candidates = [c for c in candidates if not _caps(c[1])]
        full = [(pos, span, where) for pos, span, where in candidates if len(span.split()) > 1]
        single = [(pos, span, where) for pos, span, where in candidates if len(span.split()) == 1]
        for pos, span, where in sorted(full) + sorted(single) + sorted(shouted):
            self._take(pos, span, where)
        self._merge_renamed()
        self._parents()
        self._weigh_evidence()
        for found in self.found.values():  # "Harbor Point Lending" in a headline, "Harbor Point Lending, Inc." below
            bare = found.name.split(",")[0]
            if bare != found.name and LEGAL_AFTER.match(found.name, len(bare)) and self._used_alone(bare, found.name):
                found.forms.append(bare)
        ordered = sorted(self.found.values(), key=lambda f: f.first)
        fullest = {f.name: self._fullest(f) for f in ordered}
        return [
            Name(
                fullest[f.name],
                f.kind,
                f.reason,
                [
                    form
                    for form in dict.fromkeys(f.forms)
                    if form.casefold() != fullest[f.name].casefold() and self._alone(form, f.forms)
                ],  # "PRIYA MENON:" labelling a speaker is her name, not another form of it
                fullest.get(f.parent, f.parent),
            )
            for f in ordered
        ]

    def _merge_renamed(self) -> None:
        """Join a name to the one written just before "short for" or "formerly" it: one entity, two forms."""
        for name in list(self.found):
            for index, start, _ in self._where(name):
                text = self.texts[index]
                said = RENAMED.search(text, max(0, start - 25), start)
                before = [form for form in self.form_of if text.endswith(form, 0, said.start())] if said else []
                other = self.form_of[max(before, key=len)] if before else ""
                if other and other != name and other in self.found and name in self.found:
                    self._join(other, name)

    def _join(self, keep: str, merged: str) -> None:
        """Move every form of `merged` to `keep`."""
        gone = self.found.pop(merged)
        self.found[keep].forms.extend(gone.forms)
        self.found[keep].first = min(self.found[keep].first, gone.first)
        for form, name in list(self.form_of.items()):
            if name == merged:
                self.form_of[form] = keep

    def _weigh_evidence(self) -> None:
        """Kinds the whole article shows for names no suffix or appositive marked (kinds_en):
        "tokens such as X", an item of a list of apps, "the app" referring back to X."""
        labels = self._listed_apps
        named = named_as(self.texts, self.form_of)
        tabled = table_kinds(self.texts, self.form_of)  # the weakest: a table's first heading
        longest: dict[tuple[int, int], tuple[int, str]] = {}
        for form, name in self.form_of.items():
            for index, start, _ in self._where(form):
                if len(form) > longest.get((index, start), (0, ""))[0]:
                    longest[(index, start)] = (len(form), name)
        referred = referred_as_app(self.texts, [(i, at, name) for (i, at), (_, name) in longest.items()])
        for name, found in self.found.items():
            lasts = {form.split()[-1].rstrip(".") for form in found.forms if form}
            suffixed = any(SUFFIX_KINDS.get(last, "product") not in ("product", "app") for last in lasts)
            marked = suffixed or found.reason.startswith("called")
            if found.kind not in ("company", "product") or marked:
                continue
            if name in named:
                found.kind = named[name]
            elif name in referred or any(form in labels for form in found.forms):
                found.kind = "app"
            elif name in tabled:
                found.kind = tabled[name]

    def _fullest(self, found: _Found) -> str:
        """The longest form the text itself uses (Chime Financial, not the dictionary's Chime)."""
        used = [form for form in dict.fromkeys(found.forms) if self._used(form)]
        return max(used, key=len) if used else found.name

    def _alone(self, form: str, forms: list[str]) -> bool:
        """Whether the text uses `form` outside the longer forms of any name (Block, not Block Inc, not Block Card)."""
        longer = [f for f in set(forms) | set(self.form_of) if len(f) > len(form) and form in f]
        for index, start, _ in self._where(form):
            text = self.texts[index]
            if not any(self._inside(text, start, form, f) for f in longer):
                return True
        return False

    @staticmethod
    def _inside(text: str, start: int, form: str, longer: str) -> bool:
        """Whether the use of `form` at `start` is part of a use of `longer` (Block inside Block Inc)."""
        at = longer.find(form)
        while at >= 0:
            if start - at >= 0 and text.startswith(longer, start - at):
                return True
            at = longer.find(form, at + 1)
        return False

    def _used(self, form: str) -> bool:
        return bool(self._where(form))

    def _known(self, text: str, base: int, headline: bool) -> list[tuple[int, int]]:
        """Dictionary names in `text`, with a legal tail (Chime Financial Inc) or as a product (Cash App Card)."""
        taken = []
        for match in dictionary_pattern().finditer(text):
            form = match.group()
            if form in STREET_WORDS and re.search(
                r"\d+\s(?:[A-Z][\w'’-]*\s){1,3}$", text[max(0, match.start() - 80) : match.start()]
            ):
                continue  # "12 Endeavour Square": an address, not the brand
            initial = self._initial(text, match.start())
            legal = bool(LEGAL_TAIL.match(text, match.end())) and not PRODUCT_TAIL.match(text, match.end())
            if initial and "common" in classes_of(form) and not self._elsewhere(form) and not legal:
                continue  # "Wise plc received …": a legal form makes the everyday word a firm's name
            if (
                headline
                and not self._in_body(form)
                and ("common" in classes_of(form) or self._lower_in_body(form.lower()))
            ):
                continue  # "Student Visa Caps Bite" over a body that writes "visa rules": the word, not the brand
            name, kind = dictionary()[form]
            product = PRODUCT_TAIL.match(text, match.end())
            longer = None if product else LEGAL_TAIL.match(text, match.end())
            end = (product or longer or match).end()
            described = bool(DESCRIBED_BEFORE.search(text, max(0, match.start() - 80), match.start()))
            named = self._named_after(text, end, described)
            if headline and named > end and not self._in_body(text[match.start() : named]):
                named = end  # "CFPB Orders Harbor Point Lending …": a headline's capitals run on past the name
            banked = bool(longer) and kind != "bank" and text[match.end() : end].split()[:1] == ["Bank"]
            title = self._title_after(text, end, named)
            if title:  # a publication named after its maker: the maker is the name, the title none
                self._add(name, kind, "a well-known name", base + match.start(), text[match.start() : end])
                taken.append((match.start(), title))
                continue
            legal_bank = banked and named <= end and bool(re.fullmatch(r"\sBank,?\s[\w.]+", text[match.end() : end]))
            if legal_bank:  # "Klarna Bank AB": the firm's legal name as a bank, one entity with the short name
                self._add(name, "bank", "a well-known name", base + match.start(), text[match.start() : end])
                self.found[self.form_of[name]].kind = "bank"
            elif product or named > end or banked:  # "Cash App Card", "Klarna Prime", a known firm's "… Bank"
                end = max(end, named)
                span = text[match.start() : end]
                kind = self._described(span) or self._kind_after(span, kind)
                self._add(span, kind, f"named after {name}", base + match.start(), span)
            else:
                self._add(name, kind, "a well-known name", base + match.start(), text[match.start() : end])
            taken.append((match.start(), end))
        return taken

    def _named_after(self, text: str, end: int, described: bool = False) -> int:
        """Where capitalised words right after a known name end ("Klarna| Prime", "Monzo| Flex"), else `end`."""
        start, plain, suffixed = end, end, end
        for token in TOKEN.finditer(text, start):
            word = token.group()
            if text[end : token.start()] != " " or not is_capitalised(word) or word in POSSESSIVE_FREE_STOPS:
                break
            bare = re.sub(r"(?:'s|’s)$", "", word)
            if bare in dictionary() or (bare.isupper() and len(bare) <= 2):
                break
            end = token.start() + len(bare)
            ordinary = classes_of(bare) & NOT_NAMES
            if plain == token.start() - 1 and (not ordinary or (described and ordinary == {"common"})):
                plain = end  # words that are names' words: "Klarna Prime"; "its mobile app, Revolut Mobile"
            if bare in SUFFIX_KINDS or bare.rstrip(".") in SUFFIX_KINDS:
                suffixed = end  # or any words up to a company's suffix: "Coinbase Crypto LLC"
            if bare != word:
                break  # "Klarna Prime's members": the possessive ends the name
        return max(plain, suffixed)

    @staticmethod
    def _title_after(text: str, start: int, end: int) -> int:
        """The end of a title that follows a known name ("Federal Reserve| Survey of Consumer Finances"), else 0."""
        title = re.compile(r"(?:\s(?:of|for|and|on|the|&)\s(?:the\s)?[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)*)+")
        after = title.match(text, end) if end > start else None
        return after.end() if after else 0

    @staticmethod
    def _kind_after(span: str, kind: str) -> str:
        """The kind of a name made from a known name and more words: its last word's, else a product."""
        last = span.split()[-1].rstrip(".")
        if last in LEGAL_FORMS and "Bank" in span.split():
            return "bank"  # "Klarna Bank AB"
        if last in SUFFIX_KINDS or span.split()[-1] in SUFFIX_KINDS:
            return SUFFIX_KINDS.get(span.split()[-1], SUFFIX_KINDS.get(last, "product"))
        return "product" if kind in ("company", "bank", "group", "app", "product") else "company"

    def _page_information(self, text: str, base: int) -> list[tuple[int, int]]:
        """The outlet and the author a dateline or a page-information line names ("Fintech Ledger · By Maya Chen")."""
        dateline = DATELINE.match(text)
        if dateline:  # SAN FRANCISCO, Oct 8 (Fintech Wire) -
            outlet = dateline.group("outlet")
            self._add(outlet, "organisation", "the outlet in the dateline", base + dateline.start("outlet"), outlet)
            return [dateline.span()]
        roles = [PAGE_ROLE.fullmatch(part.strip().strip("*_").strip()) for part in re.split(r"[·|•]", text)]
        if not PAGE_INFO.search(text) and not all(roles):  # or a line of roles only: "Analyst: Jane Roe, CFA"
            return []
        taken: list[tuple[int, int]] = []
        for segment in re.finditer(r"[^·|•]+", text):
            part = segment.group().strip().strip("*_").strip()  # "*Outlet · Jane Doe · 2 May 2025*" in Markdown
            at = base + segment.start() + segment.group().index(part[:1] or " ")
            author = BYLINE.fullmatch(part)
            role = PAGE_ROLE.fullmatch(part)  # "Analyst: Jane Roe, CFA", "Host: Tom Lee"
            if author:
                self._byline(author, at)
            elif role:
                self._add(
                    role.group(1), "person", "a person the page information names", at + role.start(1), role.group(1)
                )
            elif part in SUFFIX_KINDS or PAGE_FURNITURE.fullmatch(part):
                pass  # "Equity Research · Payments", "Press Release": the page's section or genre, no outlet
            elif issuer := ISSUER_WITH_INITIALS.fullmatch(part):
                self._issuer(issuer, at)
            elif re.fullmatch(r"[A-Z][\w&'’.-]*(?:\s(?:&\s)?[A-Z][\w&'’.-]*){0,3}", part) and not (
                classes_of(part) & NOT_NAMES
            ):
                person = (
                    bool(taken) and PERSON_LIKE.fullmatch(part) and not any(w in SUFFIX_KINDS for w in part.split())
                )
                media = bool(set(part.split()) & MEDIA_WORDS)
                kind, said = ("person", "the author") if person and not media else ("organisation", "the outlet")
                last = part.split()[-1]
                if kind == "organisation" and (last in PUBLISHING_FIRMS or last.rstrip(".,") in LEGAL_FORMS):
                    kind = "company"  # "Tidemark Securities · Equity Research": a broker publishes it
                self._add(part, kind, f"{said} in the page information", at, part)
            taken.append(segment.span())
        return taken

    def _issuer(self, issuer: re.Match[str], at: int) -> None:
        """ "New York State Department of Financial Services (DFS)": the issuer, its initials a form of it."""
        name = issuer.group(1)
        words = name.split()
        head = next((w for w, after in pairwise(words) if w in OF_HEADS and after == "of"), "")
        # "Department of Financial Services": the head before "of" says the kind, not the last word
        kind = SUFFIX_KINDS.get(head, "organisation") if head else self._kind(name, "")[0]
        self._add(name, kind or "organisation", "the issuer in the page information", at, name)
        self._add(name, "", "", at, issuer.group(2))

    def _byline(self, author: re.Match[str], at: int) -> None:
        """The authors a byline names, and a firm their role names ("By Jo Lin, former counsel of Stash")."""
        for group in ("first", "second"):
            if author.group(group):
                name = author.group(group)
                self._add(name, "person", "the author in the page information", at + author.start(group), name)
        firm = ROLE_FIRM.search(author.group("role") or "")
        if firm and firm.group(1) not in SUFFIX_KINDS and not classes_of(firm.group(1)) & NOT_NAMES:
            name, kind = dictionary().get(firm.group(1), (firm.group(1), "company"))
            self._add(name, kind, "a firm the author's role names", at + author.start("role") + firm.start(1), name)

    def _masthead(self) -> None:
        """A title opening with a publication's or a programme's name before a colon ("The Ledger Hour: …")."""
        title = (
            re.match(r"(?:The\s)?(?:[A-Z][\w'’&-]*\s){1,3}([A-Z][\w'’-]*):\s", self.texts[0]) if self.texts else None
        )
        if title and title.group(1) in MEDIA_WORDS:
            name = title.group()[:-2].strip()
            kind = "product" if title.group(1) in PROGRAMME_WORDS else "organisation"
            self._add(name, kind, "a publication's name opening the title", 0, name)

    def _firms_of_names(self, text: str, base: int, candidates: list[tuple[int, str, str]]) -> list[tuple[int, int]]:
        """ "Keefe, Bruyette & Woods": a firm named after its founders, unless a part is a name of its own."""
        taken = []
        for match in FIRM_OF_NAMES.finditer(text):
            parts = re.split(r",\s|,?\s&\s", match.group())
            if any(p in dictionary() or classes_of(p) or self._used_alone(p, match.group()) for p in parts):
                continue  # "Visa, Mastercard & Amex": a list of names
            candidates.append((base + match.start(), match.group(), text))
            taken.append(match.span())
        return taken

    def _used_alone(self, part: str, whole: str) -> bool:
        """Whether the text names `part` outside `whole`."""
        return any(re.search(rf"(?<![\w-]){re.escape(part)}(?![\w-])", text.replace(whole, " ")) for text in self.texts)

    def _placed(self, span: str) -> bool:
        """Whether the text uses `span` as a place: "based in Norfolk", "Norfolk, Virginia"."""
        return self._once(("placed", span), lambda: self._is_placed(span))

    def _is_placed(self, span: str) -> bool:
        for index, start, end in self._where(span):
            text = self.texts[index]
            if PLACED_BEFORE.search(text, max(0, start - 30), start):
                return True
            after = re.match(r",\s([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b(?!['’]s)", text[end : end + 30])  # not "Germany's"
            if after and "place" in classes_of(after.group(1)) and "place" not in classes_of(span):
                return True
        return False

    def _initial(self, text: str, start: int) -> bool:
        """Whether `start` opens a sentence (or the paragraph, or follows an opening quote)."""
        opening = start
        while opening and text[opening - 1] in "\"“‘'( ":
            opening -= 1  # as text[:start].rstrip(…), without copying the paragraph for each word
        if _LIST_NUMBER_BEFORE.fullmatch(text, 0, start):
            return True  # "1) Distribution is cheaper": the first word after a list number
        ended = _ENDED.search(text, max(0, start - NEAR), start)
        return not opening or text[opening - 1] in ".!?:;—|\n" or bool(ended)

    def _elsewhere(self, form: str) -> bool:
        """Whether the article capitalises `form` somewhere other than at a sentence's start."""
        return self._once(("elsewhere", form), lambda: self._is_elsewhere(form))

    def _is_elsewhere(self, form: str) -> bool:
        for index, start, _ in self._where(form):
            text = self.texts[index]
            if not self._initial(text, start) and not self._headline(index):
                return True
        return False

    def _headline(self, index: int) -> bool:
        return self._once(("headline", index), lambda: is_headline(self.texts[index]))

    def _in_body(self, form: str) -> bool:
        return any(not self._headline(index) for index, _, _ in self._where(form))

    def _add(self, name: str, kind: str, reason: str, position: int, form: str) -> None:
        known = self.form_of.get(form) or self.form_of.get(name)
        if known:
            self.found[known].forms.append(form)
            self.form_of.setdefault(form, known)
            return
        if name not in self.found:
            self.found[name] = _Found(name, kind, reason, position, [name])
            self._index_name(name)
        self.found[name].forms.append(form)
        self.form_of[form] = name
        self.form_of[name] = name
        self.found[name].first = min(self.found[name].first, position)

    def _spans(self, text: str, taken: Taken) -> list[tuple[int, str]]:
        """Runs of capitalised words in each sentence, cut at possessives and at dictionary names."""
        spans = []
        for left, right in sentences(text):
            tokens = [m for m in TOKEN.finditer(text, left, right) if not taken.holds(m.start())]
            run: list[re.Match[str]] = []
            for i, token in enumerate(tokens):
                word = token.group().rstrip(".") if not re.fullmatch(r"(?:[A-Z]\.)+", token.group()) else token.group()
                gap = text[run[-1].end() : token.start()] if run else ""
                initial = gap == ". " and len(run[-1].group()) == 1 and run[-1].group().isupper()
                joined = run and (gap in (" ", "") or initial)  # "J. Thomas Reyes": an initial and its stop
                if run and not joined:
                    spans.append(self._close(text, run, left))
                    run = []
                possessive = word.endswith(POSSESSIVE)
                if run and word.rstrip("'’s") == "plc":
                    run.append(token)  # "Calder plc": a legal form in lower case ends the name
                    spans.append(self._close(text, run, left))
                    run = []
                elif is_capitalised(word):
                    run.append(token)
                    if possessive:
                        spans.append(self._close(text, run, left))
                        run = []
                elif run and joined and self._number_in_name(text, run, tokens, i):
                    run.append(token)  # "Lakeside 1st National Bank", "Harlow 9 Capital Markets"
                elif run and word in FOREIGN_LINKS and _foreign(run) and self._links_on(tokens, i):
                    run.append(token)  # "Comisión Nacional Bancaria y de Valores"
                elif run and word == "of" and self._of_the(run, tokens, i):
                    run.append(token)  # "Office of the Comptroller of the Currency": "the" follows
                elif run and word in CONNECTORS and i + 1 < len(tokens) and is_capitalised(tokens[i + 1].group()):
                    ahead = run_ahead(text, tokens[i + 1 :])
                    if self._connects(run, word, ahead):
                        run.append(token)
                    else:
                        spans.append(self._close(text, run, left))
                        run = []
                elif run:
                    spans.append(self._close(text, run, left))
                    run = []
            if run:
                spans.append(self._close(text, run, left))
        return [(start, span) for start, span in spans if span]

    @staticmethod
    def _number_in_name(text: str, run: list[re.Match[str]], tokens: list[re.Match[str]], i: int) -> bool:
        """Whether a number (9, 1st) between capitalised words is part of a firm's name: a name's word
        before it, and capitalised words after it that end in a firm's suffix ("Harlow 9 Capital Markets")."""
        if not NUMBER_WORD.fullmatch(tokens[i].group()) or i + 1 >= len(tokens):
            return False
        if classes_of(run[-1].group()) & NOT_NAMES or text[tokens[i].end() : tokens[i + 1].start()] != " ":
            return False
        ahead = run_ahead(text, tokens[i + 1 :]) if is_capitalised(tokens[i + 1].group()) else []
        last = ahead[-1].rstrip(".,") if ahead else ""
        return SUFFIX_KINDS.get(last, SUFFIX_KINDS.get(last + ".", "product")) != "product"

    @staticmethod
    def _links_on(tokens: list[re.Match[str]], i: int) -> bool:
        """Whether small words from `i` lead to a capitalised word ("y de Valores"), within three words."""
        for token in tokens[i + 1 : i + 4]:
            if is_capitalised(token.group()):
                return True
            if token.group() not in FOREIGN_LINKS:
                return False
        return False

    def _connects(self, run: list[re.Match[str]], word: str, ahead: list[str]) -> bool:
        """Whether "of", "and" or "&" goes on with the name: Bank of America, Securities and Exchange Commission.

        `ahead` is the run of capitalised words after the connector.
        """
        last = run[-1].group()
        following = ahead[0]
        if word == "&":
            return True
        if word == "of":
            return last in OF_HEADS
        if word == "and":  # only inside a name that ends as a public body: "… and Occupational Pensions Authority"
            ends_public = SUFFIX_KINDS.get(ahead[-1]) == "organisation" or following in ("Commercial", "Insurance")
            return len(run) <= 3 and ends_public and SUFFIX_KINDS.get(last) != "organisation"
        if word in ("for", "on"):
            return last in OF_HEADS
        if word == "the":  # "Office of the Comptroller": "of the" after a head that takes "of"
            return last == "of" and len(run) >= 2 and run[-2].group() in OF_HEADS
        return False

    @staticmethod
    def _of_the(run: list[re.Match[str]], tokens: list[re.Match[str]], i: int) -> bool:
        """Whether "of the" and a capitalised word go on with a head that takes "of": "Office of the Currency"."""
        return (
            run[-1].group() in OF_HEADS
            and i + 2 < len(tokens)
            and tokens[i + 1].group() == "the"
            and is_capitalised(tokens[i + 2].group())
        )

    def _close(self, text: str, run: list[re.Match[str]], left: int) -> tuple[int, str]:
        """A run as a name: less opening function words and titles, less a possessive and a trailing connector."""
        words = [m.group() + "." if _initial_stop(text, m) else m.group() for m in run]
        starts = [m.start() for m in run]
        words[-1] = re.sub(r"(?:'s|’s|'|’)$", "", words[-1])
        if words[-1] in ("Inc", "Corp", "Ltd", "Co") and text[run[-1].end() : run[-1].end() + 1] == ".":
            words[-1] += "."  # "Acme Holdings Ltd., the lender": the legal form keeps its stop
        if " ".join(words) in self.form_of:
            return starts[0], " ".join(words)  # "Fintech Notes", already the outlet: nothing to cut
        if words[-1] in STREET_WORDS and re.search(r"\d\s$", text[max(0, starts[0] - 2) : starts[0]]):
            return 0, ""  # "12 Endeavour Square": an address
        if EVENT_NEXT.match(text, run[-1].end()):
            return 0, ""  # "the Fintech Nexus conference": an event, none of the kinds a map names
        if self._titled_surname(text, words, run[-1].end()):
            self._titled.add(words[1])  # "President Williams said": a person named by title and surname
            return starts[1], words[1]
        firm_suffixed = len(words) >= 2 and SUFFIX_KINDS.get(words[-1], "product") not in ("product", "app")
        if (
            firm_suffixed
            and words[0] not in DETERMINERS
            and not self._not_name(words[-2])
            and self._initial(text, starts[0])
            and self._elsewhere(" ".join(words))
        ):
            legal = _legal_form(text, run, words)
            name = " ".join(words) + (legal.group() if legal else "")
            return starts[0], name  # "Cross River Bank, a lender" opening a sentence, written whole elsewhere
        mid_sentence = (
            len(words) >= 3 and firm_suffixed and not self._initial(text, starts[0]) and not is_headline(text)
        )
        public = SUFFIX_KINDS.get(words[-1]) in ("organisation", "bank") and len(words) >= 3
        public = public or (len(words) == 2 and words[1] in SUFFIX_KINDS and SUFFIX_KINDS[words[1]] != "product")
        titled_phrase = any(w in TITLE_CASE_SMALL for w in words[1:-1])  # "You Need A Budget": all one name
        ordinal = len(words) >= 2 and " ".join(words[:2]) in self._ordinal_openings
        while words and not titled_phrase and not ordinal and (self._not_name(words[0]) or words[0] in CONNECTORS):
            term_firm = len(words) == 2 and "term" in classes_of(words[0]) and SUFFIX_KINDS.get(words[1]) == "company"
            if term_firm and not words[0].isalpha():
                break  # "Q2 Holdings", "5G Networks": a code and a company suffix make a firm's name
            if public and classes_of(words[0]) & {"nationality", "place"} and len(words) >= 2:
                break  # "European Insurance and … Authority", "Hong Kong Monetary Authority": part of the name
            if mid_sentence and classes_of(words[0]) == {"common"} and words[0] not in DETERMINERS:
                break  # "bought Discover Financial Services": an everyday word capitalised mid-sentence opens a firm
            words.pop(0)
            starts.pop(0)
        if len(words) >= 2 and not ordinal and self._opener(text, words, starts[0]):
            words.pop(0)  # "Rival Harrowgate Bank said …": an everyday word opens the sentence, not the name
            starts.pop(0)
        headed = len(words) >= 3 and (words[0] in OF_HEADS or words[0] in FOREIGN_HEADS) and words[-2] in CONNECTORS
        while words and (self._not_name(words[-1], last=True) or words[-1] in CONNECTORS):
            if ordinal and len(words) == 2:
                break  # "Sixth Street, the investment firm": the ordinal's word is the name's
            if headed and "place" in classes_of(words[-1]) and words[-2] in CONNECTORS:
                break  # "Bank of Jamaica", "Banco de Portugal": the place is the name's
            words.pop()
        titled = _after_title(words) or (self._after_office(text, words, starts[0]) if words else 0)
        if titled:  # "Chief Financial Officer Jane Roe": the person, less the title
            starts, words = starts[len(words) - titled :], words[len(words) - titled :]
            self._titled.add(" ".join(w.rstrip(".") for w in words))
        kept = ("Inc", "Corp", "Co", "Ltd")  # and initials: "Rivet N.V." keeps its stops
        words = [
            w.rstrip(".") if w.endswith(".") and w[:-1] not in kept and not _INITIALS.fullmatch(w) else w for w in words
        ]
        legal = _legal_form(text, run, words)
        if legal and not titled and not all(self._not_name(w) or w in CONNECTORS or w in SUFFIX_KINDS for w in words):
            return starts[0], " ".join(words) + legal.group()  # "Block, Inc.", "LoanCare, LLC": the legal name
        if len(words) == 1 and classes_of(words[0]) == {"given"}:
            return starts[0], "~" + words[0]  # "Thank you, Tom.": a short form of a person, if one is named
        if not words or all(self._not_name(w) or w in CONNECTORS for w in words) or classes_of(" ".join(words)):
            return 0, ""
        if len(words) == 1 and words[0] in SUFFIX_KINDS:
            return 0, ""  # "Service", "Group", "Pay" alone: the rest of a name, not one
        if len(words) == 1 and ABSTRACT_NOUN.fullmatch(words[0]) and self._lower_in_body(words[0].lower()):
            return 0, ""  # "Financial Tracking is retrospective": an activity the body writes in lower case
        if len(words) == 1 and POSTCODE.match(text, starts[0]):
            return 0, ""  # "E20 1JN"
        start = starts[0]
        if len(words) == 1 and self._initial(text, start) and not self._elsewhere(words[0]):
            return start, "^" + words[0]  # a sentence's first word, capitalised only there: a short form at most
        return start, " ".join(words)

    @staticmethod
    def _titled_surname(text: str, words: list[str], end: int) -> bool:
        """A title and one plain capitalised word before a verb of saying: "President Williams said"."""
        if len(words) != 2 or "title" not in classes_of(words[0]) or not SAID_NEXT.match(text, end):
            return False
        return words[1].isalpha() and not classes_of(words[1]) & NOT_NAMES and words[1] not in SUFFIX_KINDS

    @staticmethod
    def _after_office(text: str, words: list[str], start: int) -> int:
        """How many words after an office a title names end the run, else 0: "Superintendent of
        Financial Services Marisol Ortega" → 2 (the run starts after the title's "of")."""
        office = OFFICE_BEFORE.search(text, max(0, start - 40), start)
        if not office or "title" not in classes_of(office.group(1)):
            return 0
        for size in (3, 2):
            rest = words[-size:]
            plain = not any(classes_of(w) & NOT_NAMES or w in SUFFIX_KINDS or w.isupper() for w in rest)
            if len(words) > size and plain and PERSON_LIKE.fullmatch(" ".join(rest)):
                return size
        return 0

    def _opener(self, text: str, words: list[str], start: int) -> bool:
        """Whether a sentence's first word is an everyday word before a name: the body writes it in lower
        case, and the next word stands capitalised elsewhere in the article."""
        if len(words) < 2 or not self._initial(text, start) or words[1] in SUFFIX_KINDS or words[1] in CONNECTORS:
            return False
        first = words[0]
        if first in dictionary() or not first.isalpha() or not first[1:].islower():
            return False
        suffixed = words[-1] in SUFFIX_KINDS and not self._elsewhere(first) and "given" not in classes_of(first)
        return (suffixed or self._lower_in_body(first.lower())) and self._elsewhere(words[1])

    def _not_name(self, word: str, last: bool = False) -> bool:
        classes = classes_of(word) | classes_of(word.rstrip("."))
        return bool(classes & NOT_NAMES) and not (last and word in SUFFIX_KINDS and "place" not in classes)

    def _brackets(self) -> None:
        """ "Securities and Exchange Commission (SEC)", Chime Financial ("Chime"): the bracket is an alias."""
        for index, text in enumerate(self.texts):
            for name in list(self.found):
                for form in list(dict.fromkeys(self.found[name].forms)):
                    for end in self._ends_in(form).get(index, ()):
                        bracket = BRACKET.match(text[end : end + 80])  # its ^ anchors a slice
                        if bracket and not any(c.isdigit() for c in bracket.group(1)) and ":" not in bracket.group():
                            alias = bracket.group(1)
                            if not classes_of(alias) & {"place", "common"} and alias not in self.form_of:
                                self._add(name, "", "", self.found[name].first, alias)

    def _take(self, position: int, span: str, where: str) -> None:
        """Add a capitalised span: a form of a name already found, or a new name of its kind."""
        initial = span.startswith("^")
        given = span.startswith("~")  # a given name alone: only ever a short form of a person named in full
        span = span.lstrip("^~")
        if span in self.form_of:
            self._add(self.form_of[span], "", "", position, span)
            return
        cased = self._cased(span) if _caps(span) else ""
        if cased or "The " + span in self.form_of:  # "TOM ALDRIDGE:", "Ledger Weekly" for The Ledger Weekly
            self._add(self.form_of[cased or "The " + span], "", "", position, span)
            return
        if given:
            person = self._short_form_of(span)
            if person and self.found[person].kind == "person":
                self._add(person, "", "", position, span)
            return
        words = span.split()
        while len(words) > 1 and (words[-1].rstrip(".,") in LEGAL_FORMS or words[-1] in GROUP_FORMS):
            words.pop()  # "Acme Capital Group" after a headline's "Acme Capital": one firm
        if len(words) < len(span.split()) and " ".join(words) in self.form_of:
            self._add(self.form_of[" ".join(words)], "", "", position, span)  # the full legal name of one found
            return
        owner = self._short_form_of(span)
        if owner:
            self._add(owner, "", "", position, span)
            return
        if self._term_initials(span):
            return  # "authorised push payment (APP)": the initials of a term of art, not a name
        if span in self.defined or (span not in dictionary() and self._placed(span)):
            return  # "the Relevant Period" a notice defines; "based in Norfolk"
        bracketed = self._bracket_owner(span)
        if bracketed:
            self._add(bracketed, "", "", position, span)  # "Banco de México (Banxico)"
            return
        kind, reason = ("person", "named after a job title") if span in self._titled else self._kind(span, where)
        if kind and (not initial or self._appositive(span) or self._acts(span)):  # "Quillpay, an app that …"
            self._add(span, kind, reason, position, span)

    def _cased(self, span: str) -> str:
        """The form already found that `span`, written in capitals, stands for ("PRIYA MENON" → Priya Menon)."""
        return next((form for form in self.form_of if form.upper() == span and form != span), "")

    def _bracket_owner(self, span: str) -> str:
        """The name found just before `span` in brackets ("Banco de México (Banxico)"), else ""."""
        for before in self._once(("bracketed", span), lambda: self._before_brackets(span)):
            owners = [before[k:] for k in range(len(before)) if before[k:] in self.form_of and before[k:] != span]
            if owners:
                return self.form_of[max(owners, key=len)]
        return ""

    def _before_brackets(self, span: str) -> list[str]:
        """The 80 characters before each " (span)", " ("span")" or " (the span)" the texts write."""
        opening = re.compile(r"\s\((?:the\s)?[\"“]?$")
        found = []
        for index, start, end in self._where(span):
            text = self.texts[index]
            inner = opening.search(text, max(0, start - 8), start)
            if inner and re.match(r"[\"”]?\)", text[end : end + 2]):
                found.append(text[max(0, inner.start() - 80) : inner.start()])
        return found

    def _acts(self, span: str) -> bool:
        """Whether a sentence's first word acts as a firm does: "Lendora raises …", "Quillpay, which …".

        Only a word the article never writes in lower case and that is no plural ("Analysts said").
        """
        return self._once(("acts", span), lambda: self._is_acting(span))

    def _is_acting(self, span: str) -> bool:
        if classes_of(span) or span.endswith("s") or self._lower_in_body(span.lower()):
            return False
        for index, _, end in self._where(span):
            after = self.texts[index][end : end + 20]
            if AGENT_VERBS.match(after) or re.match(r",\s(?:which|who|whose)\b", after):
                return True
        return False

    def _lower_in_body(self, word: str) -> bool:
        """Whether the body writes `word` (in lower case) between word boundaries."""
        bounded = re.compile(rf"\b{re.escape(word)}\b")
        key = _WORD.match(word)
        if not key or key.group() != word:
            return bool(bounded.search(self.body))
        return any(
            not self._headline(index) and bounded.match(self.texts[index], start)
            for index, start in self._words.get(word, ())
        )

    def _index_name(self, name: str) -> None:
        """File a new name under the words a short form of it would start with or be (see _short_form_of)."""
        self._rank[name] = len(self._rank)
        words = name.split()
        if len(words) < 2:
            return
        initials = "".join(w[0] for w in words if w not in CONNECTORS and w[:1].isupper())
        for key in dict.fromkeys((words[0], words[-1], initials)):
            self._shortened.setdefault(key, []).append(name)

    def _short_form_of(self, span: str) -> str:
        """The name `span` shortens: Chime for Chime Financial, SEC for its initials, Doe for Jane Doe.

        Only the names filed under the span's first word or the span itself are tried, in the order
        they were found: trying every name per span made a table of a thousand firms quadratic."""
        keys = dict.fromkeys((span.split()[0], span))
        filed = {name for key in keys for name in self._shortened.get(key, ())}
        for name in sorted(filed, key=self._rank.__getitem__):
            found = self.found[name]
            words = name.split()
            if len(words) < 2:
                continue
            if found.kind == "person":
                if span == words[-1] or (span == words[0] and "given" not in classes_of(words[-1])):
                    return name  # Okafor or Daniel for Daniel Okafor; Lai for Lai Wei Ling
                continue
            significant = [w for w in words if w not in CONNECTORS and w[:1].isupper()]
            if len(span) >= 2 and span.isupper() and span == "".join(w[0] for w in significant):
                return name
            opening = " ".join(w.rstrip(",") for w in words[: len(span.split())]) == span  # "Block" of "Block, Inc."
            generic = span.split()[-1] in SUFFIX_KINDS or span.split()[0] in OF_HEADS or "place" in classes_of(span)
            rest = words[len(span.split()) :]
            legal_rest = all(w.rstrip(".,") in LEGAL_FORMS or w in ("Group", "Holdings", "Holding") for w in rest)
            if opening and (not generic or (legal_rest and len(span.split()) >= 2)):
                return name  # "Chime" for Chime Financial; "Acme Payments" for Acme Payments Inc.
        return ""

    def _kind(self, span: str, where: str) -> tuple[str, str]:
        words = span.split()
        last = words[-1]
        if "Central" in words and ("Bank" in words or words[0] in FOREIGN_HEADS):
            return "organisation", "a central bank (a public body)"
        if re.fullmatch(r"[A-Z][a-z]+Bank", last):
            return "bank", "a name ending in Bank (MariBank)"
        if "Bank" in words[:-1] and SUFFIX_KINDS.get(last) == "company":
            return "bank", "a bank's name (Bank & Trust)"
        described = self._described(span)
        if described and SUFFIX_KINDS.get(last, "company") == "company":
            return described, "called so just before it is named"
        said = self._appositive(span)
        if said and last in SUFFIX_KINDS and SUFFIX_KINDS[last] == "company" and "given" not in classes_of(words[0]):
            return APPOSITIVE_KINDS[said], f"called a {said} where it is named"
        if SUFFIX_KINDS.get(last) == "product" and self._before_word(span, APP_WORDS):
            return "app", "named before 'app'"
        if last in SUFFIX_KINDS:
            return SUFFIX_KINDS[last], f"a name ending in {last}"
        if words[0] in FOREIGN_HEADS and len(words) > 1:
            return FOREIGN_HEADS[words[0]], f"a name opening with {words[0]}"
        head = next((w for w, after in pairwise(words) if w in OF_HEADS and after == "of"), "")
        if head:
            return SUFFIX_KINDS.get(head, "organisation"), f"a name with {head} of"
        if said and "given" not in classes_of(words[0]):
            return APPOSITIVE_KINDS[said], f"called a {said} where it is named"
        if self._person(span):
            return "person", "a person's name, said or titled"
        if len(words) == 1 and self._before_word(span, PLAN_WORDS):
            return "product", "named as a plan or tier"
        if self._before_word(span, APP_WORDS):
            return "app", "named before 'app'"
        if self._before_word(span, PRODUCT_WORDS):
            return "product", "named before a product's word (service, card)"
        if self._before_word(span, SYSTEM_WORDS, after_the=True):
            return "product", "named as a system or platform (the Bramble point-of-sale system)"
        said = self._appositive(span)
        if said:
            return APPOSITIVE_KINDS[said], f"called a {said} where it is named"
        if where == "quoted":
            return "product", "a capitalised name in quotes"
        if self._called_offering(span):
            return "product", "named as a firm's offering (its advance, called X)"
        if len(words) == 1 and span.isupper() and len(span) <= 2:
            return "", ""
        return "company", "a capitalised name"

    def _called_offering(self, span: str) -> bool:
        """Whether the text names `span` as a firm's offering: "Current's advance, called Paycheck Advance"."""
        return any(
            CALLED_OFFERING.search(self.texts[index], max(0, start - 80), start)
            for index, start, _ in self._where(span)
        )

    def _described(self, span: str) -> str:
        """The kind a descriptor just before `span` gives it ("its lending product, Revolut Credit" → product)."""
        return self._once(("described", span), lambda: self._descriptor(span))

    def _descriptor(self, span: str) -> str:
        for index, start, _ in self._where(span):
            said = DESCRIBED_BEFORE.search(self.texts[index], max(0, start - 80), start)
            if said:
                return APPOSITIVE_KINDS[said.group(1)]
        return ""

    def _term_initials(self, span: str) -> bool:
        """Whether `span` stands in brackets after lower-case words it abbreviates ("push payment (PP)")."""
        if not (span.isupper() and 2 <= len(span) <= 6):
            return False
        words = re.compile(rf"((?:[a-z0-9][\w]*[\s-]){{{len(span)}}})$")  # "common equity tier 1 (CET1)"
        for index, start, end in self._where(span):
            text = self.texts[index]
            if text[start - 1 : start] != "(" or text[end : end + 1] != ")":
                continue
            match = words.search(text, max(0, start - 1 - 40 * len(span)), start - 1)
            initials = "".join(w[0] for w in re.split(r"[\s-]", match.group(1)) if w) if match else ""
            if initials.upper() == span:
                return True
        return False

    def _before_word(self, span: str, following: re.Pattern[str], after_the: bool = False) -> bool:
        """Whether the text puts `span` right before one of `following` ("the Metal plan")."""
        return self._once(
            ("before", span, following.pattern, after_the), lambda: self._is_before(span, following, after_the)
        )

    def _is_before(self, span: str, following: re.Pattern[str], after_the: bool) -> bool:
        the = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s$")  # "Its Genius point-of-sale system" opens a sentence
        for index, start, end in self._where(span):
            text = self.texts[index]
            if not text[end : end + 1].isspace() or (after_the and not the.search(text, max(0, start - 6), start)):
                continue
            if following.match(text, end + 1):
                return True
        return False

    def _appositive(self, span: str) -> str:
        """The noun of an appositive right after `span` ("MyPay, an earned-wage access product" → product)."""
        return self._once(("appositive", span), lambda: self._appositive_noun(span))

    def _appositive_noun(self, span: str) -> str:
        for index, _, end in self._where(span):
            said = APPOSITIVE.match(self.texts[index][end : end + 80])
            if said:
                return said.group(1)
        return ""

    def _person(self, span: str) -> bool:
        words = span.split()
        if not 2 <= len(words) <= 4 or any(
            (w.isupper() and not _INITIALS.fullmatch(w)) or w in SUFFIX_KINDS or w == "&" for w in words
        ):
            return False
        if "given" in classes_of(words[0]):
            return True
        return self._once(("person", span), lambda: self._cued(span))

    def _cued(self, span: str) -> bool:
        for index, start, end in self._where(span):
            text = self.texts[index]
            if PERSON_CUES.search(text[max(0, start - 30) : start]) or PERSON_AFTER.match(text[end : end + 40]):
                return True
            if PERSON_TITLED.search(text, max(0, start - 40), start):
                return True  # "Its founder, Jane Roe, said"
            if self._initial(text, start) and PRONOUN_NEXT.match(text, end):
                return True  # "Jane Roe of Acme Securities was less sanguine. She said …"
        return self._spoken(span)

    def _spoken(self, span: str) -> bool:
        """Whether the article treats `span` as a person's name elsewhere: its surname alone before "said",
        or the name in capitals as a speaker's label ("JANE ROE:")."""
        surname = span.split()[-1]
        for index, start, end in self._where(surname):
            text = self.texts[index]
            alone = not re.search(r"[A-Z][\w'’.-]*\s$", text[max(0, start - 30) : start])  # not "Harbor Point said"
            if alone and SPOKE_AFTER.match(text, end):
                return True
        return any(text.startswith(span.upper() + ":") for text in self.texts)

    def _parents(self) -> None:
        """Owners the text states (parents_en): "Y, a unit of X", "X's payments arm, Y", "its Y app"."""
        if not self.form_of:
            return
        kind_of = lambda form: self.found[self.form_of[form]].kind  # noqa: E731
        for child, owner in stated_owners(self.texts, list(self.form_of), kind_of):
            self._own(child, owner, "")
        for child, owner in table_owners(self.texts, self.form_of):  # "| USDC | Circle |" under "| … | Issuer |"
            self._own(child, owner, "")

    def _split(self, name: str, form: str) -> str:
        """Make `form`, taken for a short form of `name`, a name of its own; return it."""
        found = self.found[name]
        found.forms = [f for f in found.forms if f != form]
        kind = dictionary().get(form, (form, "company"))[1]
        self.found[form] = _Found(form, kind, "named as the owner of another name", found.first + 1, [form])
        self._index_name(form)
        self.form_of[form] = form
        return form

    @staticmethod
    def _legal_rest(longer: str, shorter: str) -> bool:
        """Whether `longer` is `shorter` and a legal form only (Roamly Ltd for Roamly)."""
        rest = longer[len(shorter) :].split()
        return bool(rest) and all(w.strip(".,") in LEGAL_FORMS for w in rest)

    def _own(self, child_form: str, owner_form: str, _: str) -> None:
        child, owner = self.form_of.get(child_form), self.form_of.get(owner_form)
        if child and child == owner and len(owner_form) < len(child_form) and child_form.startswith(owner_form):
            owner = self._split(child, owner_form)  # "Tesla Insurance, a unit of Tesla": Tesla is the owner, no alias
        elif (
            child
            and child == owner
            and owner_form.startswith(child_form + " ")
            and self._legal_rest(owner_form, child_form)
        ):
            child = self._split(child, child_form)  # "Roamly, the app run by Roamly Ltd": the app is no alias
        if not child or not owner or child == owner or self.found[child].parent:
            return
        if self.found[child].kind != "person" and self.found[owner].kind != "person":
            self.found[child].parent = owner
