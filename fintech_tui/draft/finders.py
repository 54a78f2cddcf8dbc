"""Each language's finders, chosen once per article: the drafting calls them and nothing else."""

from __future__ import annotations

from collections.abc import Callable

import msgspec

from fintech_tui.draft.found import Found, Name
from fintech_tui.draft.language import Language
from fintech_tui.draft.mentions import Mentions, Reader

Paragraphs = list[tuple[str, str]]


class Finders(msgspec.Struct, frozen=True):
    """What reads names, figures and periods in one language."""

    names: Callable[[Paragraphs], list[Name]]
    figures: Callable[[str], list[Found]]
    periods: Callable[[str], list[tuple[int, int]]]
    reader: Callable[[Mentions], Reader] = Reader  # which entity a figure is about


def finders_for(language: Language) -> Finders:
    """The finders for `language`, imported only when an article in it is drafted."""
    if language == "en":
        from fintech_tui.draft import figures_en, names_en, subjects_en

        return Finders(names_en.find_names, figures_en.find_figures, figures_en.find_periods, subjects_en.EnglishReader)
    from fintech_tui.draft import figures, names_zh

    return Finders(names_zh.find_names, figures.find_figures, figures.find_periods)
