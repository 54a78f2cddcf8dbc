"""Cutting content to a width: the ellipsis always marks the cut, right after what fits."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from fintech_tui.render.safe import clipped


@pytest.mark.parametrize(
    ("value", "width", "shown"),
    [
        ("Alipay", 10, "Alipay"),  # fits: untouched
        ("Xianghubao (mutual-aid plan)", 12, "Xianghubao…"),  # no space left before the mark
        ("金融科技公司提供生活服务", 9, "金融科技…"),  # a wide character that does not fit leaves no gap
        ("金融科技公司提供生活服务", 10, "金融科技…"),
        ("[bold]x[/bold]", 5, "[bol…"),  # content, not markup
        ("支付宝", 1, "…"),
    ],
)
def test_clipped_cuts_to_the_width_with_an_ellipsis(value: str, width: int, shown: str) -> None:
    line = clipped(value, width)
    assert line.plain == shown
    assert cell_len(line.plain) <= width


def test_ellipsised_keeps_styles_and_leaves_no_gap_before_the_mark() -> None:
    from rich.text import Text

    from fintech_tui.render.safe import ellipsised

    bar = Text.assemble(("fintech-tui", "bold"), " — （复原）从支付宝、掌上生活到凡秘")
    assert ellipsised(bar.copy(), 80).plain == bar.plain  # fits: untouched
    cut = ellipsised(bar.copy(), 24)
    assert cut.plain == "fintech-tui — （复原）…"  # 从 would need a 25th cell
    assert cut.cell_len <= 24 and cut.spans[0].style == "bold"
