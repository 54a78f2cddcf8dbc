"""The model's field plan: one reading of its type hints, shared by every consumer.

The loader converts YAML by it, `fintech-tui schema` writes JSON Schema from
it, the reference checks come from its `RefTo` declarations and the cache
keys its entries by its fingerprint. All depend downward on this module, so
the annotations in `model.pack` stay the single declaration of the format.
"""

from __future__ import annotations

import operator
import types
import typing
from functools import cache, reduce
from typing import Annotated, Any, Literal, Union

import msgspec

from fintech_tui.model.field_marks import DERIVED, RefTo
from fintech_tui.util.digest import blake2b


class FieldSpec(msgspec.Struct, frozen=True):
    """A field an author may write: its name, resolved hint, whether required, what it refers to."""

    name: str
    hint: Any
    required: bool
    ref: str = ""  # the kind whose id this field (or each of its items) holds


def _ref_of(hint: Any) -> str:
    """The kind a hint's RefTo names: on the hint itself or on a tuple's items."""
    if typing.get_origin(hint) is tuple:
        hint = typing.get_args(hint)[0]
    if typing.get_origin(hint) is Annotated:
        for extra in hint.__metadata__:
            if isinstance(extra, RefTo):
                return extra.kind
    return ""


def yaml_fields(cls: type) -> tuple[FieldSpec, ...]:
    """The fields of a model class an author may write, with resolved hints."""
    return _yaml_fields(cls)


def references(cls: type) -> tuple[FieldSpec, ...]:
    """The fields of `cls` that hold ids of other items."""
    return _references(cls)


@cache
def _yaml_fields(cls: type) -> tuple[FieldSpec, ...]:
    return tuple(
        FieldSpec(f.name, f.type, f.required, _ref_of(f.type))
        for f in msgspec.structs.fields(cls)
        if not _derived(f.type)
    )


def _derived(hint: Any) -> bool:
    """Whether the loader sets this field rather than the author (`Annotated[..., DERIVED]`)."""
    return typing.get_origin(hint) is Annotated and DERIVED in hint.__metadata__


@cache
def _references(cls: type) -> tuple[FieldSpec, ...]:
    return tuple(spec for spec in yaml_fields(cls) if spec.ref)


@cache
def hint_plan(hint: Any) -> tuple[str, Any]:
    """What a model type hint asks for: (kind, detail), worked out once per hint.

    Conversion, error messages and the JSON Schema all dispatch on it. Kinds:
    optional (detail: the inner hint), tuple (the item hint), literal (the
    allowed values, in order), str, number (int or float), struct (the model class). `Annotated`
    metadata (references) does not change what is written, so it is looked through.
    """
    origin = typing.get_origin(hint)
    if origin is Annotated:
        return hint_plan(typing.get_args(hint)[0])
    if origin in (Union, types.UnionType):
        given = typing.get_args(hint)
        inner = tuple(a for a in given if a is not type(None))
        if len(inner) < len(given):
            return "optional", reduce(operator.or_, inner)  # Number | None: Number
        if set(inner) == {int, float}:
            return "number", None
    if origin is tuple:
        return "tuple", typing.get_args(hint)[0]
    if origin is Literal:
        return "literal", typing.get_args(hint)
    if hint is str:
        return "str", None
    if isinstance(hint, type) and issubclass(hint, msgspec.Struct):
        return "struct", hint
    raise TypeError(f"model uses an unsupported type hint: {hint!r}")  # a bug, not bad input


def model_shape() -> str:
    """A canonical text of the model's shape: every class with its fields and their
    types, and every type alias (allowed values, references) they use.

    Read from the declarations as written, without evaluating any hint, so the
    cache can key on it at start-up for next to nothing.
    """
    from fintech_tui.model import bilingual, pack

    lines = []
    for module in (bilingual, pack):
        for name, value in sorted(vars(module).items()):
            if isinstance(value, type) and issubclass(value, msgspec.Struct) and value.__module__ == module.__name__:
                fields = ", ".join(f"{name}: {value.__annotations__[name]}" for name in value.__struct_fields__)
                lines.append(f"{module.__name__}.{name}({fields})")
            elif typing.get_origin(value) in (Literal, Annotated, types.UnionType):
                lines.append(f"{module.__name__}.{name} = {value!r}")
    return "\n".join(lines)


def model_fingerprint() -> str:
    """A short hash of `model_shape()`: it changes whenever the model changes shape,
    so cached packs of an older shape are never served."""
    return blake2b(model_shape().encode()).hexdigest()[:16]
