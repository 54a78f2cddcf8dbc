"""Where a Chinese name's head begins and whether it holds a name at all.

jieba cuts rare names oddly (富 滇 银行, 中邮邮惠 万家 银行), tags glued phrases as organisations
(对外部) and lets a verb or a place open a public body's name (会同江川市…局); these small tests
let the finders in names_zh keep what is a name and drop what is not.
"""

from __future__ import annotations

import re

from fintech_tui.draft.lexicon_zh import COUNTED, GENERIC, LEADING, SUFFIX_KINDS, _frequency, _generic

__all__ = [
    "before_the_place",
    "numeral_in_name",
    "one_character_before_one",
    "only_suffixes",
    "preposition_glued",
    "rare_pair",
]

# Flags jieba gives the characters of a rare name it cannot read (泓 q, 远 a).
PAIR_FLAGS = ("a", "b", "ng", "g", "n", "q", "j", "nr", "ns", "nz")


def only_suffixes(name: str) -> bool:
    """农村商业银行股份有限公司: nothing but suffixes and generic words, no name left."""
    while True:
        suffix = max((s for s in SUFFIX_KINDS if name.endswith(s)), key=len, default="")
        if not suffix:
            return len(name) < 2 or _generic(name)
        name = name[: -len(suffix)]


def preposition_glued(word: str) -> bool:
    """对外部 (jieba's nt): a preposition glued to a common word is no organisation."""
    return word[0] in "对在向从由与和被把将为给" and len(word) >= 3 and _frequency(word[1:]) >= 200


def before_the_place(head: list[tuple[str, str]], suffix: str) -> int:
    """A public body's name opens with its place (江川市 市场监督管理局): words before the place
    that are no name (会同, jieba's noun) are cut from `head`; returns how many characters went."""
    if not suffix.endswith(("局", "委员会")):
        return 0
    place = next((i for i, (_, flag) in enumerate(head) if flag == "ns"), 0)
    if not place or any(flag in ("ns", "nt", "nz", "j", "nr") for _, flag in head[:place]):
        return 0
    cut = sum(len(word) for word, _ in head[:place])
    del head[:place]
    return cut


def numeral_in_name(word: str, flag_before: str) -> bool:
    """万家 (jieba's numeral) between a proper word and a suffix belongs to the name (中邮邮惠万家银行);
    a count (五家, 多家) does not."""
    return (
        not any(ch.isdigit() for ch in word)
        and not COUNTED.match(word)
        and not re.fullmatch(r"[一二三四五六七八九十两几数多]+[家个只类种]", word)
        and flag_before in ("nz", "nt", "ns", "nr", "j")
    )


def one_character_before_one(word: str, flag: str, head: list[tuple[str, str]]) -> bool:
    """A one-character word (富) before a head that is one proper character (滇): one name, 富滇.

    jieba cuts rare two-character names of city banks this way; a lone character is no name.
    """
    if len(word) != 1 or word in LEADING or word in GENERIC or flag not in ("a", "b", "ng", "g", "n"):
        return False
    return len(head) == 1 and len(head[0][0]) == 1 and head[0][1] in ("j", "ns", "nr", "nz", "nt")


def rare_pair(first: tuple[str, str, int], second: tuple[str, str, int]) -> bool:
    """泓 远 before a suffix: two one-character words that make no word jieba knows are one name."""
    words = (first[0], second[0])
    if any(len(w) != 1 or w in LEADING or w in GENERIC for w in words):
        return False
    return first[1] in PAIR_FLAGS and second[1] in PAIR_FLAGS and _frequency(first[0] + second[0]) == 0
