"""What a model field's type hint says beyond its type.

`parent: Annotated[str, RefTo("entity")]` says the field holds the id of an
entity; the loader's reference checks are derived from these declarations,
so a new reference is declared once, beside the field. `Annotated[int,
DERIVED]` says the loader sets the field (a paragraph's number, the pack's
origin): an author never writes it, so the loader, the schema and the JSON
export leave it out.
"""

from __future__ import annotations

import msgspec


class RefTo(msgspec.Struct, frozen=True):
    """Marks a str field (or each str of a tuple) as the id of an item of `kind`."""

    kind: str


class Derived(msgspec.Struct, frozen=True):
    """Marks a field the loader sets, not the author (see DERIVED)."""


DERIVED = Derived()
