"""Build a Pack from its YAML files: read, convert, check; collect every problem."""

from __future__ import annotations

import dataclasses
import typing
from pathlib import Path
from typing import Any

from fintech_tui.loader.checks import PackChecker
from fintech_tui.loader.convert import INVALID, Converter
from fintech_tui.loader.problems import PackError, Problem
from fintech_tui.loader.traceability import check_readings
from fintech_tui.loader.yaml_source import FieldPath, YamlDocument, read_yaml
from fintech_tui.model import Pack

REQUIRED_SECTIONS = ("meta", "paragraphs")


def build_pack(path: Path, files: list[Path]) -> Pack:
    """Read, convert and check the pack in `files`; raise PackError listing all problems."""
    problems: list[Problem] = []
    sections: dict[str, Any] = {}
    owners: dict[str, YamlDocument] = {}
    located: dict[int, tuple[YamlDocument, FieldPath]] = {}
    broken: set[tuple[str, str]] = set()
    hints = typing.get_type_hints(Pack)
    allowed = [f.name for f in dataclasses.fields(Pack) if f.metadata.get("yaml", True)]

    unreadable = False  # a file that failed to parse may hold a "missing" section
    for file in files:
        doc, read_problems = read_yaml(file, str(file))
        problems.extend(read_problems)
        if doc is None:
            unreadable = True
            continue
        if not isinstance(doc.data, dict):
            problems.append(doc.problem((), "the top level must be a mapping of sections (meta, paragraphs, …)"))
            continue
        converter = Converter(doc)
        for name, value in doc.data.items():
            if name not in allowed:
                converter.fail((name,), f"unknown section; allowed: {', '.join(allowed)}", at_key=True)
                continue
            if name in owners:
                converter.fail((name,), f"section already given in {owners[name].file}", at_key=True)
                continue
            owners[name] = doc
            result = converter.convert(value, hints[name], (name,))
            if result is not INVALID:
                sections[name] = result
            else:
                unreadable = True  # a whole section is unusable: cross-item checks would mislead
        problems.extend(converter.problems)
        located.update(converter.located)
        broken |= converter.broken

    for name in REQUIRED_SECTIONS:
        if name not in owners and not unreadable:
            problems.append(Problem(str(path), 0, 0, name, "missing required section"))
    if unreadable or any(name not in sections for name in REQUIRED_SECTIONS):
        raise PackError(problems)  # fix these first: without whole sections, references cannot be judged

    paragraphs = []
    for number, paragraph in enumerate(sections["paragraphs"], start=1):
        numbered = dataclasses.replace(paragraph, number=number)
        located[id(numbered)] = located[id(paragraph)]
        paragraphs.append(numbered)
    sections["paragraphs"] = tuple(paragraphs)
    pack = Pack(**sections, origin=str(path))

    problems += PackChecker(pack, lambda obj: located[id(obj)], tolerated=broken).run()
    problems += check_readings(pack, lambda obj: located[id(obj)])
    if problems:
        raise PackError(problems)
    return pack
