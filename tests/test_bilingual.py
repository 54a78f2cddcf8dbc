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
