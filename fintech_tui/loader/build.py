"""Build a Pack from its YAML files: read, convert, check; collect every problem."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import msgspec

from fintech_tui.loader.checks import PackChecker
from fintech_tui.loader.convert import INVALID, Converter
from fintech_tui.loader.locations import Locations
from fintech_tui.loader.parallel import parse_files
from fintech_tui.loader.problems import MAX_PROBLEMS, PackError, Problem, TooManyProblems
from fintech_tui.loader.progress import LoadProgress
from fintech_tui.loader.traceability import check_readings
from fintech_tui.loader.yaml_source import YamlDocument
from fintech_tui.model import Pack
from fintech_tui.model.plan import yaml_fields

REQUIRED_SECTIONS = ("meta", "paragraphs")


def build_pack(path: Path, files: list[tuple[Path, bytes]], progress: LoadProgress | None = None) -> Pack:
    """Parse, convert and check the pack's files, each with the bytes the loader read (and hashed) once.

    Raise PackError listing all problems (the first MAX_PROBLEMS of them).
    """
    try:
        return _build(path, files, progress)
    except _Stopped as stopped:
        raise PackError(stopped.problems, stopped=True) from None


class _Stopped(Exception):
    """MAX_PROBLEMS found: these are they."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems


def _build(path: Path, files: list[tuple[Path, bytes]], progress: LoadProgress | None) -> Pack:
    problems: list[Problem] = []
    sections: dict[str, Any] = {}
    owners: dict[str, YamlDocument] = {}
    locations = Locations()
    hints = {spec.name: spec.hint for spec in yaml_fields(Pack)}  # the sections an author may write
    allowed = list(hints)

    unreadable = False  # a file that failed to parse may hold a "missing" section
    contents = [(str(file), raw) for file, raw in files]
    parsed = parse_files(contents, sections=allowed, progress=progress.reading if progress else None)
    if progress is not None:
        progress.checking()
    for doc, read_problems in parsed:
        problems.extend(read_problems)
        if doc is None:
            unreadable = True
            continue
        if not isinstance(doc.data, dict):
            problems.append(doc.problem((), "the top level must be a mapping of sections (meta, paragraphs, …)"))
            unreadable = True  # its sections may be in it: do not also call them missing
            continue
        refused = frozenset(problem.field for problem in read_problems if problem.field)
        converter = Converter(doc, locations, room=MAX_PROBLEMS - len(problems), refused=refused)
        try:
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
        except TooManyProblems:
            raise _Stopped(problems + converter.problems) from None
        problems.extend(converter.problems)

    for name in REQUIRED_SECTIONS:
        if name not in owners and not unreadable:
            problems.append(Problem(str(path), 0, 0, name, "missing required section"))
    if unreadable or any(name not in sections for name in REQUIRED_SECTIONS):
        raise PackError(problems)  # fix these first: without whole sections, references cannot be judged

    paragraphs = []
    for number, paragraph in enumerate(sections["paragraphs"], start=1):
        numbered = msgspec.structs.replace(paragraph, number=number)
        locations.moved(paragraph, numbered)
        paragraphs.append(numbered)
    sections["paragraphs"] = tuple(paragraphs)
    pack = Pack(**sections, origin=str(path))

    checker = PackChecker(pack, locations, room=MAX_PROBLEMS - len(problems))
    try:
        problems += checker.run()
    except TooManyProblems:
        raise _Stopped(problems + checker.problems) from None
    problems += check_readings(pack, locations.where)
    if problems:
        raise PackError(problems)
    return pack
