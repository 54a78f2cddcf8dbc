"""What the finders of each language hand the drafting: names and figures, before ids and files.

A finder reads text and knows its language (`names_zh`/`names_en`, `figures`/`figures_en`);
the drafting around them (subjects, header periods, ids, evidence, YAML) is shared and reads
only these records, so a language is added by writing its finders.
"""

from __future__ import annotations

import msgspec

from fintech_tui.model import DRAFTED

__all__ = ["DRAFTED", "Found", "Name"]


class Name(msgspec.Struct):
    """A name the text uses for one entity, with what else the text calls it and what owns it.

    `kind` is one of the model's EntityKind values; `aliases` are other forms the text
    itself uses (招行 for 招商银行, SEC for Securities and Exchange Commission);
    `parent` is the owner's `name` as another Name gives it, or empty.
    """

    name: str
    kind: str
    reason: str
    aliases: list[str] = msgspec.field(default_factory=list)
    parent: str = ""


class Found(msgspec.Struct, frozen=True):
    """One figure in one paragraph: where it is, as written, its value, unit and reading of it.

    `unit` is canonical where one exists (%, percentage points, yuan, USD, times, users …);
    `hedge` is one of the model's Hedge values (estimate, prediction, opinion, possibility)
    or empty; `metric` is a short name of what is measured (营业收入, active members);
    `period` is the period the clause or sentence states, as written, never a comparison base.
    """

    start: int
    end: int
    as_written: str
    value: int | float | None
    unit: str
    hedge: str = ""
    metric: str = ""
    period: str = ""
