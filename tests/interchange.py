"""What the interchange-format tests share: hostile text and a pack carrying it everywhere."""

from __future__ import annotations

from fintech_tui.model import Argument, Entity, Evidence, Meta, OutlineNode, Pack, Paragraph, Strategy
from fintech_tui.model import Bilingual as Text

#: Markup of every format under test, control codes, quotes, a newline, wikilink and block syntax.
HOSTILE = (
    "Say \"hi\" & 'bye' </span><script>alert(1)</script> <br> [[note|alias]] ]] #tag ^p01 | pipe "
    "*b* _i_ `c` --- {a: 1} \\N \x1b[31mred\x07\u202e rtl\nnew line: - item"
)
QUOTE = "hi\" & 'bye' </span><script>"  # a quote that is itself markup, inside HOSTILE


def hostile_pack() -> Pack:
    """A pack whose every name, claim, title and quote is HOSTILE (ids stay valid ids)."""
    paragraphs = (Paragraph("p01", "Title: " + HOSTILE), Paragraph("p02", "Body " + HOSTILE + " end"))
    ev = (Evidence("p02", QUOTE), Evidence("p01", HOSTILE))
    return Pack(
        Meta(Text(en=HOSTILE, zh="标题" + HOSTILE), author=HOSTILE, date="2021-3-22"),
        paragraphs,
        outline=(
            OutlineNode("title", "title", Text(en=HOSTILE, zh="题" + HOSTILE), "p01", Text(en=HOSTILE)),
            OutlineNode("body", "section", Text(en=HOSTILE), "p02", Text(zh=HOSTILE), last="p02"),
        ),
        entities=(
            Entity("org", "company", Text(en=HOSTILE, zh="支付宝"), Text(en=HOSTILE), ev),
            Entity("kid", "app", Text(zh=HOSTILE), Text(en="s"), ev[:1], parent="org"),
        ),
        strategies=(Strategy("plan", Text(en=HOSTILE), Text(en=HOSTILE), ev, pursued_by=("org", "kid")),),
        arguments=(
            Argument("thesis", "thesis", Text(en=HOSTILE), ev),
            Argument("r1", "reason", Text(zh=HOSTILE), ev[:1], parent="thesis", relation="supports", concerns=("org",)),
            Argument("r2", "point", Text(en=HOSTILE), (), parent="thesis", relation="opposes", strategies=("plan",)),
            Argument("r3", "point", Text(en="plain"), ev[1:], parent="r2", relation="elaborates"),
        ),
    )
