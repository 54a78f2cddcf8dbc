"""A JSON Schema of the pack format, derived from the model's type hints.

The same hints drive the loader, so the schema an editor uses and the rules
`fintech-tui check` applies cannot drift apart. Cross-item rules (references,
quotes, aliases) are beyond JSON Schema and are checked only by the loader.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import Any, Literal, Union

from fintech_tui import __version__
from fintech_tui.loader.convert import yaml_fields
from fintech_tui.model import Pack, Text


def _schema(hint: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return {"anyOf": [_schema(options[0], definitions), {"type": "null"}]}
    if origin is tuple:
        return {"type": "array", "items": _schema(typing.get_args(hint)[0], definitions)}
    if origin is Literal:
        return {"enum": list(typing.get_args(hint))}
    if hint is str:
        return {"type": ["string", "integer"]}
    if hint is float:
        return {"type": "number"}
    if dataclasses.is_dataclass(hint):
        cls = typing.cast(type, hint)
        name = cls.__name__
        if name not in definitions:
            definitions[name] = {}  # placeholder: recursive types (OutlineNode) refer to themselves
            specs = yaml_fields(cls)
            definition: dict[str, Any] = {
                "type": "object",
                "description": (cls.__doc__ or "").strip().splitlines()[0],
                "properties": {s.name: _schema(s.hint, definitions) for s in specs},
                "required": [s.name for s in specs if s.required],
                "additionalProperties": False,
            }
            if cls is Text:
                definition["minProperties"] = 1
            definitions[name] = definition
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema for {hint!r}")


def pack_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one pack file (any subset of the sections)."""
    definitions: dict[str, Any] = {}
    root = _schema(Pack, definitions)
    pack = definitions.pop("Pack")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://fintech-tui.invalid/schema/{__version__}/pack.json",
        "title": "fintech-tui content pack file",
        "description": "One YAML file of a pack. Sections may be spread over several files; "
        "'meta' and 'paragraphs' must appear in one of them.",
        "type": "object",
        "properties": pack["properties"],
        "additionalProperties": False,
        "$defs": definitions,
        "x-root": root,
    }


def schema_json() -> str:
    return json.dumps(pack_schema(), ensure_ascii=False, indent=2) + "\n"
