"""Every change a restored reading makes to its paragraph must be traceable to the pack.

A paragraph's `restored` reading may differ from its `text` only where the pack
says why: an entity alias replaced by the entity's Chinese name, a glossary term
replaced by its Chinese meaning, or a `restored_notes` entry on that paragraph
(`text` → `reading`, with the reason). Changes of punctuation or spacing alone
need no reason. difflib aligns the two; a substitution counts only where the
alignment places it, so a name replaced in one place cannot excuse a change in
another. Where difflib's alignment crosses a substitution (艾千金,钱展 →
爱钱进、钱站 can pair the wrong 钱), a direct search decides whether the
paragraph can be derived from its text by the allowed substitutions.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable

import msgspec

from fintech_tui.loader.checks import oversized
from fintech_tui.loader.problems import Problem, excerpt
from fintech_tui.loader.yaml_source import FieldPath, YamlDocument
from fintech_tui.model import Pack, Paragraph

Locate = Callable[[object], tuple[YamlDocument, FieldPath]]

#: Full-width forms of ASCII (，？：（）…) compare equal to ASCII: a width change is not a change of wording.
_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_PARENTHETICAL = re.compile(r"（[^）]*）|\([^)]*\)")


def readings_of(meaning: str) -> list[str]:
    """The forms a glossary meaning allows in a restored reading.

    Alternatives are separated by "/", and a parenthetical is a comment:
    "用户活跃度/用户粘性" allows either; "小生态（有利的小环境）" allows 小生态.
    """
    plain = _PARENTHETICAL.sub("", meaning)
    return [part.strip() for part in re.split(r"[/／]", plain) if part.strip()]


class Substitution(msgspec.Struct, frozen=True):
    """One allowed change: `before` in the text may read `after` in the restored reading."""

    before: str
    after: str
    note_index: int = -1  # the paragraph's restored_notes entry it comes from, if any


def pack_substitutions(pack: Pack) -> list[Substitution]:
    """The substitutions the pack's aliases and glossary allow in every paragraph."""
    found: dict[tuple[str, str], Substitution] = {}
    for entity in pack.entities:
        for alias in entity.aliases:
            if alias.text and entity.name.zh and alias.text != entity.name.zh:
                found.setdefault((alias.text, entity.name.zh), Substitution(alias.text, entity.name.zh))
    for term in pack.glossary:
        for reading in readings_of(term.meaning.zh):
            if term.term and reading != term.term:
                found.setdefault((term.term, reading), Substitution(term.term, reading))
    return list(found.values())


def _fold(text: str) -> str:
    return text.translate(_WIDTH)


def _is_punctuation(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P")


def _occurrences(haystack: str, needle: str) -> Iterable[int]:
    start = haystack.find(needle)
    while start != -1:
        yield start
        start = haystack.find(needle, start + 1)


class Alignment:
    """difflib's alignment of a paragraph's text with its restored reading."""

    def __init__(self, text: str, restored: str) -> None:
        self.a, self.b = _fold(text), _fold(restored)
        self.matcher = difflib.SequenceMatcher(None, self.a, self.b, autojunk=False)
        self.a_to_b = [-1] * len(self.a)
        self.b_to_a = [-1] * len(self.b)
        self.gap_a = [0] * len(self.a)  # unmatched stretches, numbered by the matching blocks before them
        self.gap_b = [0] * len(self.b)
        a_end = b_end = 0
        for gap, (i, j, size) in enumerate(self.matcher.get_matching_blocks()):
            for p in range(a_end, i):
                self.gap_a[p] = gap
            for q in range(b_end, j):
                self.gap_b[q] = gap
            for k in range(size):
                self.a_to_b[i + k], self.b_to_a[j + k] = j + k, i + k
            a_end, b_end = i + size, j + size

    def places(self, sub: Substitution) -> Iterable[tuple[range, range]]:
        """Where the alignment puts `sub`: (text span, restored span) pairs that map onto each other."""
        before, after = _fold(sub.before), _fold(sub.after)
        a_starts = list(_occurrences(self.a, before)) if before else []
        b_starts = list(_occurrences(self.b, after)) if after else []
        if not before:  # an insertion: the inserted text must be wholly unmatched
            for t in b_starts:
                span = range(t, t + len(after))
                if all(self.b_to_a[q] < 0 for q in span):
                    yield range(0), span
            return
        if not after:  # a deletion: the deleted text must be wholly unmatched
            for s in a_starts:
                span = range(s, s + len(before))
                if all(self.a_to_b[p] < 0 for p in span):
                    yield span, range(0)
            return
        for s in a_starts:
            a_span = range(s, s + len(before))
            for t in b_starts:
                b_span = range(t, t + len(after))
                if self._aligned(a_span, b_span):
                    yield a_span, b_span

    def _aligned(self, a_span: range, b_span: range) -> bool:
        """Matched characters stay inside the pair; with none, both sides sit in one unmatched stretch."""
        gaps: set[int] = set()
        anchored = False
        for p in a_span:
            q = self.a_to_b[p]
            if q < 0:
                gaps.add(self.gap_a[p])
            elif q not in b_span:
                return False
            else:
                anchored = True
        for q in b_span:
            p = self.b_to_a[q]
            if p < 0:
                gaps.add(self.gap_b[q])
            elif p not in a_span:
                return False
        return anchored or len(gaps) == 1


def derivable(text: str, restored: str, subs: Iterable[Substitution]) -> bool:
    """Whether `restored` is `text` with some non-overlapping substitutions and punctuation changes."""
    a, b = _fold(text), _fold(restored)
    at: dict[int, list[tuple[int, str]]] = defaultdict(list)  # text position → (length replaced, replacement)
    insertions: list[str] = []
    for sub in subs:
        before, after = _fold(sub.before), _fold(sub.after)
        if not before:
            insertions.append(after)
        for start in _occurrences(a, before) if before else ():
            at[start].append((len(before), after))
    seen: set[tuple[int, int]] = set()
    stack = [(0, 0)]
    while stack:
        state = stack.pop()
        if state in seen:
            continue
        seen.add(state)
        i, j = state
        if i == len(a) and j == len(b):
            return True
        if i < len(a) and j < len(b) and a[i] == b[j]:
            stack.append((i + 1, j + 1))
        if i < len(a) and _is_punctuation(a[i]):
            stack.append((i + 1, j))
        if j < len(b) and _is_punctuation(b[j]):
            stack.append((i, j + 1))
        for length, after in at.get(i, ()):
            if b.startswith(after, j):
                stack.append((i + length, j + len(after)))
        for after in insertions:
            if after and b.startswith(after, j):
                stack.append((i, j + len(after)))
    return False


def check_readings(pack: Pack, locate: Locate) -> list[Problem]:
    """A problem for each untraceable change between a paragraph's text and its restored reading."""
    shared = pack_substitutions(pack)
    problems: list[Problem] = []
    for paragraph in pack.paragraphs:
        if not oversized(paragraph):  # already refused with its size: aligning it would take minutes
            problems += _check_paragraph(paragraph, shared, locate)
    return problems


def _check_paragraph(paragraph: Paragraph, shared: list[Substitution], locate: Locate) -> list[Problem]:
    doc, path = locate(paragraph)
    problems: list[Problem] = []

    def report(rel: FieldPath, message: str) -> None:
        problems.append(doc.problem((*path, *rel), message))

    if not paragraph.restored:
        if paragraph.restored_notes:
            report(("restored_notes",), "notes on a restored reading, but the paragraph has no 'restored'")
        return problems
    if paragraph.restored == paragraph.text and not paragraph.restored_notes:
        return problems  # nothing changed, nothing noted: no alignment needed
    own = [Substitution(n.text, n.reading, i) for i, n in enumerate(paragraph.restored_notes)]
    for sub in own:
        if sub.before and _fold(sub.before) not in _fold(paragraph.text):
            report(
                ("restored_notes", sub.note_index, "text"),
                f"{excerpt(sub.before, 60)!r} does not occur in the paragraph's text",
            )
        if sub.after and _fold(sub.after) not in _fold(paragraph.restored):
            report(
                ("restored_notes", sub.note_index, "reading"),
                f"{excerpt(sub.after, 60)!r} does not occur in the restored reading",
            )
        if not sub.before and not sub.after:
            report(("restored_notes", sub.note_index), "a note needs a 'text' or a 'reading'")

    alignment = Alignment(paragraph.text, paragraph.restored)
    covered_a: set[int] = set()
    covered_b: set[int] = set()
    used: set[int] = set()
    for sub in (*own, *shared):
        if sub.before == sub.after:
            continue  # a note on a word kept as written explains no change
        for a_span, b_span in alignment.places(sub):
            fresh = {p for p in a_span if alignment.a_to_b[p] < 0} - covered_a
            fresh_b = {q for q in b_span if alignment.b_to_a[q] < 0} - covered_b
            if fresh or fresh_b:
                used.add(sub.note_index)
            covered_a.update(a_span)
            covered_b.update(b_span)

    a, b = alignment.a, alignment.b
    loose: list[tuple[int, int, int, int]] = []
    for tag, i1, i2, j1, j2 in alignment.matcher.get_opcodes():
        if tag == "equal":
            continue
        loose_a = [p for p in range(i1, i2) if p not in covered_a and not _is_punctuation(a[p])]
        loose_b = [q for q in range(j1, j2) if q not in covered_b and not _is_punctuation(b[q])]
        if loose_a or loose_b:
            loose.append((i1, i2, j1, j2))
    everything = [*own, *shared]
    if loose and derivable(paragraph.text, paragraph.restored, everything):
        loose = []  # difflib paired the wrong characters; the substitutions do account for every change
        for sub in own:
            if sub.note_index not in used:
                others = [s for s in everything if s is not sub]
                if not derivable(paragraph.text, paragraph.restored, others):
                    used.add(sub.note_index)
    for i1, i2, j1, j2 in loose:
        before, after = (excerpt(t, 60) for t in (paragraph.text[i1:i2], paragraph.restored[j1:j2]))
        change = f"{before!r} → {after!r}"
        report(
            ("restored",),
            f"change {change} at character {i1 + 1} of the text is not explained "
            "by an alias, a glossary term or a restored note",
        )
    for sub in own:
        occurs = _fold(sub.before) in _fold(paragraph.text) and _fold(sub.after) in _fold(paragraph.restored)
        if sub.before != sub.after and sub.note_index not in used and occurs:
            report(("restored_notes", sub.note_index), "this note explains no difference between text and restored")
    return problems
