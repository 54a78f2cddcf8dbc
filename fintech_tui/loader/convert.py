"""Turn plain YAML values into model objects, guided by their type hints.

The model's annotations are the schema (read once, in `model.plan`), so this
walks them generically and collects every mismatch (wrong type, missing field,
unknown key) instead of stopping at the first. Each object built is remembered with its YAML path so
later checks can point back into the file.
"""

from __future__ import annotations

import difflib
import math
from functools import cache
from typing import Any

from fintech_tui.loader.locations import Locations
from fintech_tui.loader.problems import MAX_PROBLEMS, Problem, collect
from fintech_tui.loader.yaml_events import PlainFloat, PlainInt, core_number
from fintech_tui.loader.yaml_source import FieldPath, YamlDocument, format_path
from fintech_tui.model import Bilingual, kind_of_class
from fintech_tui.model.plan import hint_plan, yaml_fields

INVALID: Any = object()  # returned where a value could not be converted
MAX_NUMBER = 1e18  # far beyond any figure an article states; keeps arithmetic on values finite


@cache
def _known(cls: type) -> frozenset[str]:
    return frozenset(spec.name for spec in yaml_fields(cls))


def describe(hint: Any) -> str:
    """A reader's name for a type hint, used in error messages."""
    kind, detail = hint_plan(hint)
    if kind == "literal":
        return "one of " + ", ".join(repr(a) for a in detail)
    if kind == "optional":
        return describe(detail)
    return {"str": "text", "number": "a number", "tuple": "a list", "struct": "a mapping"}[kind]


def _kind(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a boolean)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float):
        return f"the number {value}"
    return f"text {str(value)[:30]!r}"


class Converter:
    """Converts one document's values; problems and locations accumulate."""

    def __init__(
        self,
        doc: YamlDocument,
        locations: Locations,
        *,
        room: int = MAX_PROBLEMS,
        refused: frozenset[str] = frozenset(),
    ) -> None:
        self.doc = doc
        self.refused = refused  # fields whose value the parser refused (a tag): already reported
        self.problems: list[Problem] = []
        self.locations = locations  # shared by every document of the pack
        self.room = room  # problems still worth collecting; TooManyProblems once they are found

    def fail(self, path: FieldPath, message: str, *, at_key: bool = False) -> Any:
        collect(self.problems, self.doc.problem(path, message, at_key=at_key), self.room)
        return INVALID

    def convert(self, value: Any, hint: Any, path: FieldPath) -> Any:
        if value is None and self.refused and format_path(path) in self.refused:
            return INVALID  # one problem per refused tag, not a second "got nothing (null)"
        kind, detail = hint_plan(hint)
        if kind == "optional":
            return None if value is None else self.convert(value, detail, path)
        if kind == "tuple":
            if not isinstance(value, list):
                return self.fail(path, f"expected {describe(hint)}, got {_kind(value)}")
            items = [self.convert(v, detail, (*path, i)) for i, v in enumerate(value)]
            # Keep the items that converted, so the checks that follow can still
            # look at them; the dropped ones' problems are already recorded.
            return tuple(item for item in items if item is not INVALID)
        if kind == "literal":
            if isinstance(value, bool) or not isinstance(value, str) or value not in detail:
                return self.fail(path, f"expected {describe(hint)}, got {_kind(value)}")
            return value
        if kind == "str":
            if type(value) is str:
                return value
            if isinstance(value, PlainInt | PlainFloat):
                return value.source  # `text: 1:30` is the text "1:30", not 90
            if isinstance(value, int) and not isinstance(value, bool):
                return str(value)  # `number: 2` is as good as `number: "2"`
            return self.fail(path, f"expected text, got {_kind(value)}")
        if kind == "number":
            if not isinstance(value, int | float) or isinstance(value, bool):
                return self.fail(path, f"expected a number, got {_kind(value)}")
            if isinstance(value, PlainInt | PlainFloat):
                return self.core(value, path)
            return self.finite(value, path)
        return self.build(value, detail, path)

    def core(self, value: PlainInt | PlainFloat, path: FieldPath) -> Any:
        """A plain number as YAML 1.2 reads it; refused where YAML 1.1 reads it otherwise."""
        number = core_number(value.source)
        if number is None:
            return self.fail(path, f"{value.source!r} is a number only in YAML 1.1 ({value}); write {value}")
        old = int(value) if isinstance(value, PlainInt) else float(value)
        if old != number and not (old != old and number != number):  # NaN is NaN in both
            return self.fail(path, f"{value.source!r} is {old} in YAML 1.1 but {number} in YAML 1.2; write one")
        return self.finite(number, path)

    def finite(self, value: float, path: FieldPath) -> Any:
        """A number every view can show and JSON can hold: no NaN, no infinity, nothing astronomic."""
        if isinstance(value, float) and not math.isfinite(value):
            return self.fail(path, f"expected a finite number, got {value}")
        if abs(value) > MAX_NUMBER:
            return self.fail(path, f"number too large: at most {MAX_NUMBER:.0e} either side of zero")
        return value

    def build(self, value: Any, cls: type, path: FieldPath) -> Any:
        if not isinstance(value, dict):
            return self.fail(path, f"expected a mapping, got {_kind(value)}")
        specs = yaml_fields(cls)
        known = _known(cls)
        ok = True
        for key in value:
            if key not in known:
                close = difflib.get_close_matches(key, sorted(known), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                allowed = ", ".join(s.name for s in specs)
                # Reported, but the item is still built from its known fields, so the
                # checks that follow (quotes, references) report its other problems now.
                self.fail((*path, key), f"unknown field{hint}; allowed: {allowed}", at_key=True)
        kwargs: dict[str, Any] = {}
        for spec in specs:
            if spec.name not in value:
                if spec.required:
                    self.fail(path, f"missing required field {spec.name!r}")
                    ok = False
                continue
            converted = self.convert(value[spec.name], spec.hint, (*path, spec.name))
            if converted is INVALID:
                ok = False
            else:
                kwargs[spec.name] = converted
        if not ok:
            kind = kind_of_class(cls)
            if kind is not None and isinstance(value.get("id"), str):
                self.locations.drop(kind.name, value["id"])
            self.locations.salvage(cls, kwargs, self.doc, path)
            return INVALID
        obj = cls(**kwargs)
        if isinstance(obj, Bilingual) and not (obj.en.strip() or obj.zh.strip()):
            return self.fail(path, "needs at least one of 'en' or 'zh'")
        self.locations.add(obj, self.doc, path)
        return obj
