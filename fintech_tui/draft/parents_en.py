"""Which English name the text says owns which: the ownership phrases, and the owner "its" stands for.

Stated ownership only: "Y, a unit of X", "owned by X", "X's Y", "X subsidiary Y", "X's payments
arm, Y", "Y, the company's subscription", "its Y app", "X bought Y", "X, the owner of Y", "Y, the
card X launched". A backer is no owner ("X-backed"); a person owns nothing here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

# The kinds "its" and "the company's" can stand for, and those an owned name can have.
OWNER_KINDS: dict[str, tuple[str, ...]] = {
    "its": ("company", "bank", "group"),
    "their": ("company", "bank", "group"),
    "the company's": ("company", "group"),
    "the firm's": ("company", "group"),
    "the group's": ("group", "company"),
    "the bank's": ("bank",),
    "the lender's": ("bank", "company"),
}
_OWNED_NOUNS = (
    r"unit|subsidiary|division|arm|affiliate|business|brand|product|programme|program|subscription|plan|service|"
    r"app|application|platform|card|wallet|exchange|fund|venture|tier|offering|system"
)
_PRONOUN = r"(?P<pronoun>[Ii]ts|[Tt]heir|[Tt]he (?:company|firm|group|bank|lender)(?:'s|’s))"

Pair = tuple[str, str]  # (child form, owner form)
Resolve = Callable[[str, int, str, str], str]  # (text, at, pronoun, child form) → owner form or ""


def stated_owners(texts: list[str], forms: list[str], kind_of: Callable[[str], str]) -> Iterator[Pair]:
    """(child form, owner form) for each ownership the texts state, in the order they state it."""
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    name = rf"(?<![\w-])({alternation})(?![\w-])"
    patterns = _patterns(name)
    earlier: list[str] = []  # the forms named in the paragraphs before, in order
    for text in texts:
        at_names = [(m.start(), m.group(1)) for m in re.finditer(name, text)]
        resolve = _resolver(earlier, at_names, kind_of)
        for pattern, pick in patterns:
            for match in pattern.finditer(text):
                pair = pick(match, text, resolve)
                if pair and pair[0] and pair[1]:
                    yield pair
        earlier.extend(form for _, form in at_names)


def _resolver(earlier: list[str], at_names: list[tuple[int, str]], kind_of: Callable[[str], str]) -> Resolve:
    """The owner "its" or "the company's" at a place stands for: the last company named before it."""

    def resolve(_: str, at: int, pronoun: str, child: str) -> str:
        kinds = OWNER_KINDS.get(pronoun.lower().replace("’", "'"), ())
        before = [form for start, form in at_names if start < at]
        for form in [*reversed(before), *reversed(earlier)]:
            if form != child and kind_of(form) in kinds:
                return form
        return ""

    return resolve


def _patterns(name: str) -> list[tuple[re.Pattern[str], Callable[[re.Match[str], str, Resolve], Pair | None]]]:
    owner_after = re.compile(
        name + r"(?:'s|’s)?[\"”’]?(?:,\s(?:[\w'’-]+\s){0,12}?|\s(?:[\w'’-]+\s){0,5}?)"
        r"(?:unit|subsidiary|division|arm|affiliate|part|business|brand|owned|operated|run|"
        r"controlled)\s(?:of|by)\s(?:the\s)?" + name
    )
    owner_before = re.compile(
        name + r"(?:'s|’s|-owned)\s(?:(?:[a-z-]+\s){0,3}?(?:subsidiary|unit|arm|division)\s)?"
        r"(?:(?:payment|payments|lending|banking|credit|digital|online|mobile|wallet|super|consumer|"
        r"financial|app|platform|service|brand|bank|card|fund)\s){0,3}"
        + name
        + r"|"
        + name
        + r"\s(?:[a-z-]+\s){0,3}?(?:subsidiary|unit|arm|division)\s"
        + name
    )
    # "X's payments arm, Y" / "its lending product, Y"
    described_before = re.compile(
        r"(?:" + _PRONOUN + r"|" + name + r"(?:'s|’s))\s(?:[\w-]+\s){0,4}?(?:" + _OWNED_NOUNS + r"),\s" + name
    )
    # "Y, X's premium card" / "Y, its payments app" / "Y, the company's paid subscription"
    described_after = re.compile(
        name + r",\s(?:" + _PRONOUN + r"|" + name + r"(?:'s|’s))\s(?:[\w-]+\s){0,4}?(?:" + _OWNED_NOUNS + r")s?\b"
    )
    # "its Y app", "its Y desktop platform"
    its_name = re.compile(r"\b" + _PRONOUN + r"\s" + name + r"\s(?:[a-z-]+\s){0,2}?(?:" + _OWNED_NOUNS + r")\b")
    bought = re.compile(name + r"\s(?:bought|acquired|purchased|took over|has acquired|has bought)\s" + name)
    owner_of = re.compile(name + r",\s(?:the\s)?(?:owner|parent|operator)\sof\s(?:the\s)?" + name)
    made_by = re.compile(
        name
        + r",\s(?:the|a)\s(?:[\w-]+\s){0,3}?(?:"
        + _OWNED_NOUNS
        + r")\s"
        + name
        + r"\s(?:launched|built|created|introduced|started|runs|acquired|bought)\b"
    )

    def after(m: re.Match[str], _: str, __: Resolve) -> Pair:
        return m.group(1), m.group(2)

    def before(m: re.Match[str], _: str, __: Resolve) -> Pair | None:
        groups = [g for g in m.groups() if g]
        return (groups[1], groups[0]) if len(groups) == 2 else None

    def with_pronoun(child_group: int, owner_group: int) -> Callable[[re.Match[str], str, Resolve], Pair | None]:
        def pick(m: re.Match[str], text: str, resolve: Resolve) -> Pair | None:
            child = m.group(child_group)
            if m.group("pronoun"):
                return child, resolve(text, m.start(), m.group("pronoun"), child)
            return child, m.group(owner_group)

        return pick

    return [
        (owner_after, after),
        (owner_before, before),
        (described_before, with_pronoun(3, 2)),
        (described_after, with_pronoun(1, 3)),
        (its_name, with_pronoun(2, 2)),
        (bought, lambda m, _, __: (m.group(2), m.group(1))),
        (owner_of, lambda m, _, __: (m.group(2), m.group(1))),
        (made_by, lambda m, _, __: (m.group(1), m.group(2))),
    ]
