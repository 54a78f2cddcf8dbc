"""References between items, declared in the model's type hints.

`parent: Annotated[str, RefTo("entity")]` says the field holds the id of an
entity; the loader's reference checks are derived from these declarations,
so a new reference is declared once, beside the field.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RefTo:
    """Marks a str field (or each str of a tuple) as the id of an item of `kind`."""

    kind: str
