"""The gap report: where a pack's map of its article is thin or incomplete.

An analysis of the model worded for a reader (no Textual); `fintech-tui check
--report` prints it and the Gaps screen shows it. It sits with the renderers
because its lines are cut to a width in terminal cells, which is Rich's to measure.
"""

from __future__ import annotations

import re
from enum import StrEnum

import msgspec

from fintech_tui.i18n import join_list, phrase, value_phrase
from fintech_tui.model import Bilingual, Lang, is_drafted, kind_named, kinds
from fintech_tui.model.plan import yaml_fields
from fintech_tui.queries.index import PackIndex, Ref, ref_of
from fintech_tui.render.safe import shortened


def kind_noun(kind: str, lang: Lang) -> str:
    """The kind's noun: "argument", or 论点 in Chinese."""
    found = kind_named(kind)
    return (found.zh if lang == "zh" else found.singular) if found else kind


# Runs of Latin letters in a Chinese text are usually names left untranslated
# by the round trip (Pocket Life, Apprentice, Yu Bao) or jargon (APP, PC).
LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z'’.-]*(?: [A-Za-z][A-Za-z'’.-]*)*")
# In English text every word is Latin: a name there is a run of capitalised words ("Bank of
# America") that does not open a sentence, and is not a month, a weekday or a pronoun.
# A quoted sentence opens a sentence too ('she said. "Most of our merchants …').
CAPITALISED_RUN = re.compile(
    r"(?<![.!?:;]\s)(?<![.!?:;,]\s[\"“‘])(?<!^[\"“‘])(?<!^)\b[A-Z][A-Za-z'’&-]*(?:\s+(?:of|and|&|de|[A-Z][A-Za-z'’&-]*))*"
)
# "Lisbon-based", "state-owned": an adjective made of a place or a name, not a name to resolve.
DESCRIBING = re.compile(r"-(?:based|owned|listed|born|backed|run|led|headquartered)$")
_NOT_NAMES = (
    "I January February March April May June July August September October November December Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday Mr Mrs Ms Dr "
    # Latin words a Chinese sentence uses as common nouns (手机银行APP, 首席执行官CEO)
    "APP App AI CEO CFO CTO COO VIP PC H5"
)
NOT_NAMES = frozenset(_NOT_NAMES.split())
ENGLISH_SHARE = 0.8  # a paragraph whose letters are this Latin is English


class Gap(msgspec.Struct, frozen=True):
    """One finding: what is thin, the item it concerns (if any) and the paragraphs."""

    message: str
    ref: Ref | None = None
    paragraphs: tuple[int, ...] = ()
    quote: str = ""  # the words to show highlighted in the first paragraph, when no item holds them


class GapReport(msgspec.Struct):
    """Findings grouped by kind, each group in pack order."""

    groups: dict[str, list[Gap]] = msgspec.field(default_factory=dict)

    def add(self, group: str, gap: Gap) -> None:
        self.groups.setdefault(group, []).append(gap)

    @property
    def count(self) -> int:
        return sum(len(gaps) for gaps in self.groups.values())

    def lines(self) -> list[str]:
        """The report as plain text lines for the terminal."""
        out = [f"{self.count} gap{'s' * (self.count != 1)} found"]
        for group, gaps in self.groups.items():
            out += ["", f"{group} ({len(gaps)}):"]
            for gap in gaps:
                where = f" [¶{', ¶'.join(map(str, gap.paragraphs))}]" if gap.paragraphs else ""
                out.append(f"  - {gap.message}{where}")
        return out


class Finding(StrEnum):
    """The kinds of gap, each valued by its heading in the report, in report order."""

    UNEVIDENCED = "Claims without evidence"
    UNREVIEWED = "Drafted items not yet reviewed"
    MENTIONED_ONCE = "Entities mentioned only once"
    UNRESOLVED_NAME = "Names in the text not resolved to any entity"
    ONE_COMPANY_STRATEGY = "Strategies found for one company only"
    OUTSIDE_OUTLINE = "Paragraphs outside the outline"
    UNCITED = "Paragraphs nothing cites"


def _first_text(item: object, lang: Lang) -> str:
    """The item's first bilingual field (its name, claim or metric) in `lang`, as a label."""
    for spec in yaml_fields(type(item)):
        value = getattr(item, spec.name)
        if isinstance(value, Bilingual):
            return value.pick(lang)
    return ""


def _latin_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    return sum(ch.isascii() for ch in letters) / len(letters) if letters else 0.0


def gap_report(index: PackIndex, lang: Lang = "en") -> GapReport:
    """Every gap in the pack `index` covers, its findings worded in `lang`."""
    pack = index.pack
    report = GapReport({finding: [] for finding in Finding})
    for argument in pack.arguments:
        if not argument.evidence:
            report.add(
                Finding.UNEVIDENCED,
                Gap(f"{kind_noun('argument', lang)} {argument.id}: {argument.claim.pick(lang)}", ref_of(argument)),
            )
    for strategy in pack.strategies:
        if not strategy.evidence:
            report.add(
                Finding.UNEVIDENCED,
                Gap(f"{kind_noun('strategy', lang)} {strategy.id}: {strategy.name.pick(lang)}", ref_of(strategy)),
            )

    for kind in kinds():
        for item in kind.items(pack):
            if is_drafted(item):
                label = _first_text(item, lang)
                message = f"{kind_noun(kind.name, lang)} {item.id}" + (
                    f": {shortened(label, 60).plain}" if label else ""
                )
                report.add(Finding.UNREVIEWED, Gap(message, ref_of(item)))

    for entity in pack.entities:
        where = index.mentioned_in.get(entity.id, [])
        if len(where) <= 1:
            label = " / ".join(entity.name.present(lang))
            report.add(Finding.MENTIONED_ONCE, Gap(f"{label} ({entity.id})", ref_of(entity), tuple(where)))

    known = [a.text for e in pack.entities for a in e.aliases] + [t.term for t in pack.glossary]
    known += [n for e in pack.entities for n in e.name.present("en")]
    known += [pack.meta.author]  # the byline's name is the author, not a name left unresolved
    unresolved: dict[str, list[int]] = {}
    for paragraph in pack.paragraphs:
        english = _latin_share(paragraph.text) >= ENGLISH_SHARE
        for match in (CAPITALISED_RUN if english else LATIN_RUN).finditer(paragraph.text):
            word = re.sub(r"(?:'s|’s)$", "", match.group().strip(" .-'’&"))
            word = re.sub(r"\s+(?:of|and|&|de)$", "", word)
            if len(word) < 2 or word in NOT_NAMES or DESCRIBING.search(word):
                continue
            if any(word in name or name in word for name in known if name):
                continue
            unresolved.setdefault(word, []).append(paragraph.number)
    for word, numbers in unresolved.items():
        report.add(Finding.UNRESOLVED_NAME, Gap(f"“{word}”", None, tuple(sorted(set(numbers))), word))

    for strategy in pack.strategies:
        if len(strategy.pursued_by) == 1:
            owner = index.entities[strategy.pursued_by[0]]
            peers = [e for e in pack.entities if e.kind == owner.kind and e.id != owner.id]
            message = phrase("gaps.only", lang, strategy=strategy.name.pick(lang), owner=owner.name.pick(lang))
            if peers:  # reported either way; peers, when there are any, suggest where to look
                names = join_list((e.name.pick(lang) for e in peers[:4]), lang)
                message += phrase("gaps.peers", lang, kind=value_phrase("entity_kind", owner.kind, lang), names=names)
            report.add(Finding.ONE_COMPANY_STRATEGY, Gap(message, ref_of(strategy)))

    for paragraph in pack.paragraphs:
        if index.section_of(paragraph) is None:
            report.add(Finding.OUTSIDE_OUTLINE, Gap(f"¶{paragraph.number}", ref_of(paragraph), (paragraph.number,)))
        if paragraph.id not in index.citations:
            report.add(
                Finding.UNCITED, Gap(f"¶{paragraph.number}: {shortened(paragraph.text, 60).plain}", ref_of(paragraph))
            )
    return report
