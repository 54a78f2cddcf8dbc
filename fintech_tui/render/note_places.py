"""Where the pack's notes on a paragraph's readings stand, in each reading, as plain positions.

A note names words of the text (`text`) and what the restored reading has
there (`reading`). Its †n marker goes after those words: in the restored
reading where the reading stands, in the text where the noted words do, and
in the English translation, which lines up with neither word for word, after
the sentence that translates the noted one, when the translation has as many
sentences as the reading (else after the paragraph). No Rich here: the
exports place the same markers.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

from fintech_tui.model import Paragraph, ReadingNote
from fintech_tui.util.sanitize import neutralise

#: A Chinese sentence ends at 。！？ (and any closing quotes after it); an English one at . ! ? before a space.
CHINESE_SENTENCE_END = re.compile(r"[。！？!?][”’」』）)]*")
ENGLISH_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s|$)")


def restored_span(text: str, restored: str, quote: str) -> tuple[int, int] | None:
    """Where `quote`, words of `text`, lies in `restored`: (start, end), or None.

    The ends are carried over difflib's alignment of the two; an end inside a
    changed stretch takes the whole of that stretch's replacement.
    """
    start = text.find(quote) if quote else -1
    if start == -1:
        return None
    end = start + len(quote)
    first = last = -1
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, text, restored, autojunk=False).get_opcodes():
        if i1 <= start < i2:
            first = j1 + (start - i1) if tag == "equal" else j1
        if i1 < end <= i2:
            last = j1 + (end - i1) if tag == "equal" else j2
    if first < 0:
        return None
    while first < last and _is_punctuation(restored[first]) and not _is_punctuation(quote[0]):
        first += 1  # a comma before the quote changed with the word after it
    while first < last and _is_punctuation(restored[last - 1]) and not _is_punctuation(quote[-1]):
        last -= 1
    return (first, last) if first < last else None


def _is_punctuation(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P")


def ordered_notes(paragraph: Paragraph) -> list[tuple[int, ReadingNote]]:
    """The paragraph's notes in reading order, each with where its reading starts (-1: nowhere)."""
    text, reading = neutralise(paragraph.text), neutralise(paragraph.restored)
    placed = [(_note_position(text, reading, note), note) for note in paragraph.restored_notes]
    return sorted(placed, key=lambda pair: (pair[0] < 0, pair[0]))


def _note_position(text: str, reading: str, note: ReadingNote) -> int:
    """Where the note's reading stands in the restored reading: of its occurrences,
    the one nearest to where the noted words of the text land (阿里 → 支付宝 marks
    the 支付宝 that replaced 阿里, not the paragraph's first 支付宝)."""
    after = neutralise(note.reading)
    if not after:
        return _deletion_position(text, reading, neutralise(note.text))
    found = [i for i in range(len(reading)) if reading.startswith(after, i)]
    if len(found) < 2 or not note.text:
        return found[0] if found else -1
    span = restored_span(text, reading, neutralise(note.text))
    return min(found, key=lambda i: abs(i - span[0])) if span is not None else found[0]


def _deletion_position(text: str, reading: str, deleted: str) -> int:
    """Where words of the text that the reading drops stood: the reading's position
    after what it kept before them (-1 when the words are not in the text)."""
    start = text.find(deleted) if deleted else -1
    if start == -1:
        return -1
    for tag, i1, i2, j1, _ in SequenceMatcher(None, text, reading, autojunk=False).get_opcodes():
        if i1 <= start < i2:
            return j1 + (start - i1) if tag == "equal" else j1
    return len(reading)


def _from_reading(text: str, reading: str, at: int) -> int:
    """The position in `text` that position `at` of the reading was carried from."""
    for tag, i1, _, j1, j2 in SequenceMatcher(None, text, reading, autojunk=False).get_opcodes():
        if j1 <= at < j2:
            return i1 + (at - j1) if tag == "equal" else i1
    return len(text)


def restored_places(paragraph: Paragraph) -> list[tuple[int, str]]:
    """Each placed note's †n marker and where it goes in the restored reading (after the reading's words)."""
    return [
        (at + len(neutralise(note.reading)), f"†{number}")
        for number, (at, note) in enumerate(ordered_notes(paragraph), 1)
        if at != -1
    ]


def text_places(paragraph: Paragraph) -> list[tuple[int, str]]:
    """Each placed note's †n marker and where it goes in the text as written: after the noted words
    (of their occurrences, the one the reading's place was carried from), or where an insertion stands."""
    text, reading = neutralise(paragraph.text), neutralise(paragraph.restored)
    places = []
    for number, (at, note) in enumerate(ordered_notes(paragraph), 1):
        if at == -1:
            continue
        carried = _from_reading(text, reading, at)
        noted = neutralise(note.text)
        found = [i for i in range(len(text)) if noted and text.startswith(noted, i)]
        end = min(found, key=lambda i: abs(i - carried)) + len(noted) if found else carried
        places.append((end, f"†{number}"))
    return places


def english_places(paragraph: Paragraph) -> list[tuple[int, str]]:
    """Each placed note's †n marker and where it goes in the English translation: after the sentence
    that translates the noted one, when both have as many sentences; else all after the paragraph."""
    reading, english = neutralise(paragraph.restored), neutralise(paragraph.en)
    if not english:
        return []
    ends_zh = [m.end() for m in CHINESE_SENTENCE_END.finditer(reading.rstrip())]
    ends_en = [
        m.end()
        for m in ENGLISH_SENTENCE_END.finditer(english.rstrip())
        if not english[: m.start()].strip().isdigit()  # a list number (2. Xianghubao…) ends no sentence
    ]
    if not ends_zh or ends_zh[-1] < len(reading.rstrip()):
        ends_zh.append(len(reading.rstrip()))  # a last sentence without its full stop
    if not ends_en or ends_en[-1] < len(english.rstrip()):
        ends_en.append(len(english.rstrip()))
    aligned = len(ends_zh) == len(ends_en)
    places = []
    for number, (at, _) in enumerate(ordered_notes(paragraph), 1):
        if at == -1:
            continue
        sentence = next((i for i, end in enumerate(ends_zh) if at < end), len(ends_zh) - 1)
        places.append((ends_en[sentence] if aligned else ends_en[-1], f"†{number}"))
    return places
