"""Prose in two languages, and the language a reader picks."""

from __future__ import annotations

from typing import Literal

import msgspec

#: A label language: what `--lang`, the `t` key and every renderer take.
Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = ("en", "zh")


class Bilingual(msgspec.Struct, frozen=True, gc=False):
    """A piece of prose in Chinese and English; at least one is present."""

    en: str = ""
    zh: str = ""

    def pick(self, lang: Lang) -> str:
        """The text in `lang`, falling back to the other language."""
        first, second = self.ordered(lang)
        return first or second

    def other(self, lang: Lang) -> str:
        """The text in the language that is not `lang` (empty if absent)."""
        return self.en if lang == "zh" else self.zh

    def ordered(self, lang: Lang) -> tuple[str, str]:
        """(text in `lang`, text in the other language); either may be empty."""
        return (self.zh, self.en) if lang == "zh" else (self.en, self.zh)

    def present(self, lang: Lang = "en") -> tuple[str, ...]:
        """The texts that are given, `lang` first."""
        return tuple(text for text in self.ordered(lang) if text)
