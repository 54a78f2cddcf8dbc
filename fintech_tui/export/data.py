"""The model as plain data in the pack format, so JSON exports load back as packs."""

from __future__ import annotations

import json
from typing import Any

import msgspec

from fintech_tui.model import Pack
from fintech_tui.model.plan import yaml_fields
from fintech_tui.util.sanitize import json_safe


def to_data(value: Any) -> Any:
    """`value` (a model object, tuple or scalar) as JSON-ready data, pack-format keys only."""
    if isinstance(value, msgspec.Struct):
        return {spec.name: to_data(getattr(value, spec.name)) for spec in yaml_fields(type(value))}
    if isinstance(value, tuple | list):
        return [to_data(item) for item in value]
    return value


def to_json(pack: Pack) -> str:
    """The whole pack as JSON; `fintech-tui check FILE.json` loads it back.

    Readable UTF-8, except that characters which could reorder or drive a terminal
    showing it are escaped (the data is the same).
    """
    return json_safe(json.dumps(to_data(pack), ensure_ascii=False, indent=2)) + "\n"
