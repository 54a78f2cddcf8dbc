"""The argument tree in Argdown, for argument-mapping tools.

Each argument is a statement titled by its id (`[thesis]: …`); a reply sits indented under
the claim it answers, with `+` for supports and elaborates and `-` for opposes. Its role,
hedge and the elaborates relation become tags. Text is escaped with backslashes wherever
Argdown would read markup (brackets, angle brackets, #, *, _, @, braces, slashes), and line
breaks become spaces, so content stays text.
"""

from __future__ import annotations

import re
from collections import defaultdict

from fintech_tui.model import Argument, Pack
from fintech_tui.util.nesting import preorder
from fintech_tui.util.sanitize import neutralise

SPECIAL = re.compile(r"([\\\[\]<>#*_@{}/+\-=:`~|])")
RELATION_SIGN = {"supports": "+", "opposes": "-", "elaborates": "+"}


def text(value: str) -> str:
    """Content as inert Argdown text."""
    return SPECIAL.sub(r"\\\1", " ".join(neutralise(value).split()))


def tag(value: str) -> str:
    """A tag for a known word (role, hedge): letters, digits and hyphens only."""
    return "#" + re.sub(r"[^A-Za-z0-9-]", "-", value)


def to_argdown(pack: Pack) -> str:
    """The whole argument tree, roots first, each reply under its parent."""
    replies: dict[str, list[Argument]] = defaultdict(list)
    known = {a.id for a in pack.arguments}
    for argument in pack.arguments:
        replies[argument.parent if argument.parent in known else ""].append(argument)
    title = pack.meta.title.pick("en")
    lines = [f"# {text(title)}", ""] if title else []

    def emit(argument: Argument, depth: int) -> None:
        claim = argument.claim.pick("en")
        tags = [tag(argument.role)]
        if argument.hedge:
            tags.append(tag(argument.hedge))
        if argument.relation == "elaborates":
            tags.append("#elaborates")
        body = f"[{argument.id}]: {text(claim)} {' '.join(tags)}"
        if depth == 0:
            lines.append(body)
        else:
            sign = RELATION_SIGN.get(argument.relation or "supports", "+")
            lines.append(f"{'  ' * depth}{sign} {body}")

    for root in replies.get("", []):  # walked without recursion, each claim once: deep chains and loops are safe
        for argument, depth in preorder([root], lambda a: replies.get(a.id, [])):
            emit(argument, depth)
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
