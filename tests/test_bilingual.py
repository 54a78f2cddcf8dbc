"""Bilingual text: picking a language, the other one, and both in order."""

from __future__ import annotations

from fintech_tui.model import Bilingual


def test_pick_falls_back_to_the_other_language() -> None:
    assert Bilingual(en="Alipay", zh="支付宝").pick("zh") == "支付宝"
    assert Bilingual(zh="支付宝").pick("en") == "支付宝"
    assert Bilingual(en="Alipay").pick("zh") == "Alipay"


def test_other_and_ordered() -> None:
    text = Bilingual(en="Alipay", zh="支付宝")
    assert text.other("en") == "支付宝" and text.other("zh") == "Alipay"
    assert text.ordered("zh") == ("支付宝", "Alipay")
    assert Bilingual(zh="支付宝").ordered("en") == ("", "支付宝")
    assert Bilingual(zh="支付宝").present("en") == ("支付宝",)


def test_no_code_picks_a_language_by_hand() -> None:
    """`x.en or x.zh` is Bilingual.pick written out again: every such spot must call pick."""
    import re
    from pathlib import Path

    import fintech_tui

    by_hand = re.compile(r"\.(en|zh) or [\w.]+\.(en|zh)\b")
    spots = [
        f"{path.name}:{number}"
        for path in Path(fintech_tui.__file__).parent.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if by_hand.search(line)
    ]
    assert spots == []
