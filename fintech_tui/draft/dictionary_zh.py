"""The packaged dictionary of Chinese fintech names, and the entity record the finders build.

`data/names_zh.tsv` holds one name a line (`name<TAB>kind[<TAB>alias|alias]`), written from
general knowledge of the sector; it is read once, and a bad row names its line.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources

DICTIONARY = "names_zh.tsv"
KINDS = {"bank", "company", "group", "app", "product", "organisation", "person"}


@dataclass
class Entry:
    """One dictionary row: a name's kind and the other forms it goes by."""

    kind: str
    forms: tuple[str, ...]


@dataclass
class Entity:
    """An entity while it is being found: its forms in the text, kind, reason and owner."""

    name: str
    kind: str
    reason: str
    first: int
    aliases: list[str] = field(default_factory=list)
    parent: str = ""

    def forms(self) -> list[str]:
        return [self.name, *self.aliases]


def load_dictionary(text: str) -> dict[str, Entry]:
    """Dictionary rows (`name<TAB>kind[<TAB>alias|alias]`) by every form they list; # lines are comments."""
    entries: dict[str, Entry] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.rstrip("\n").split("\t")
        if len(cells) < 2 or cells[1] not in KINDS:
            raise ValueError(f"{DICTIONARY} line {number}: expected name<TAB>kind[<TAB>aliases], kind one of {KINDS}")
        aliases = tuple(a for a in (cells[2].split("|") if len(cells) > 2 else []) if a)
        entry = Entry(cells[1], (cells[0], *aliases))
        for form in entry.forms:
            entries.setdefault(form, entry)
    return entries


@functools.cache
def dictionary() -> dict[str, Entry]:
    """The packaged dictionary, read once."""
    return load_dictionary((resources.files("fintech_tui.draft") / "data" / DICTIONARY).read_text("utf-8"))
