"""Objects named by "module:attribute" paths, so tables (verbs, export formats) name code without importing it."""

from __future__ import annotations

import importlib
from typing import Any


def resolve(target: str) -> Any:
    """The object a "module:attribute" path names, importing the module now."""
    module, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module), attribute)
