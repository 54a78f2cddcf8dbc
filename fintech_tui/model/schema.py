"""A JSON Schema of the pack format, derived from the model's type hints.

The same hints drive the loader, so the schema an editor uses and the rules
`fintech-tui check` applies cannot drift apart. Cross-item rules (references,
quotes, aliases) are beyond JSON Schema and are checked only by the loader.
"""

from __future__ import annotations

import json
from typing import Any

from fintech_tui import __version__
from fintech_tui.model import Bilingual, Pack, Paragraph
from fintech_tui.model.pack import MAX_PARAGRAPH_CHARS, PARAGRAPH_READINGS
from fintech_tui.model.plan import hint_plan, yaml_fields


def _schema(hint: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    kind, detail = hint_plan(hint)
    if kind == "optional":
        return {"anyOf": [_schema(detail, definitions), {"type": "null"}]}
    if kind == "tuple":
        return {"type": "array", "items": _schema(detail, definitions)}
    if kind == "literal":
        return {"enum": list(detail)}
    if kind == "str":
        return {"type": ["string", "integer"]}
    if kind == "number":
        return {"type": "number"}
    if kind == "struct":
        cls: type = detail
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
            if cls is Bilingual:
                definition["minProperties"] = 1
            if cls is Paragraph:
                for field in PARAGRAPH_READINGS:
                    definition["properties"][field]["maxLength"] = MAX_PARAGRAPH_CHARS
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
