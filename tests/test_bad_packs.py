"""Broken packs: each gets one clear, located line per problem, exit 2, never a traceback."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

import fintech_tui.loader as loader
from fintech_tui.cli.dispatch import main

from .conftest import TINY_PACK, PackWriter

PROBLEM_LINE = re.compile(r"^\S.*?(\.ya?ml|pack|missing|empty)(:\d+:\d+)?: (\S+: )?.+$")

ENTITY = textwrap.dedent(TINY_PACK["entities.yaml"])  # the tiny pack's entities, changed once per case


def entity_with(change: str, to: str) -> dict[str, str]:
    assert change in ENTITY
    return {"entities.yaml": ENTITY.replace(change, to, 1)}


ARGUMENTS = """
arguments:
  - id: thesis
    role: thesis
    claim: {en: Apps matter.}
  - id: because
    role: reason
    parent: thesis
    relation: supports
    claim: {en: Because.}
"""


def arguments_with(change: str, to: str) -> dict[str, str]:
    assert change in ARGUMENTS
    return {"arguments.yaml": ARGUMENTS.replace(change, to, 1)}


#: name -> (files to replace in the tiny pack, words the error must contain)
CASES: dict[str, tuple[dict[str, str | bytes | None], str]] = {
    "unclosed bracket": ({"meta.yaml": "meta:\n  title: {en: [oops}\n"}, "invalid YAML"),
    "unclosed brace": ({"meta.yaml": "meta:\n  title: {en: x\n"}, "invalid YAML"),
    "tab indentation": ({"meta.yaml": "meta:\n\ttitle: {en: x}\n"}, "invalid YAML"),
    "bad indentation": ({"meta.yaml": "meta:\n  title:\n    en: x\n   zh: y\n"}, "invalid YAML"),
    "unterminated string": ({"meta.yaml": 'meta:\n  title: {en: "x}\n'}, "invalid YAML"),
    "duplicate key": ({"meta.yaml": "meta:\n  title: {en: x}\n  title: {en: y}\n"}, "duplicate key"),
    "two documents": ({"meta.yaml": "meta:\n  title: {en: x}\n---\nmeta: {}\n"}, "invalid YAML"),
    "top level is a list": ({"meta.yaml": "- meta\n"}, "top level must be a mapping"),
    "top level is a scalar": ({"meta.yaml": "just text\n"}, "top level must be a mapping"),
    "empty file": ({"meta.yaml": ""}, "file is empty"),
    "only comments": ({"meta.yaml": "# nothing here\n"}, "file is empty"),
    "unknown section": ({"extra.yaml": "chapters: []\n"}, "unknown section"),
    "section in two files": ({"extra.yaml": "meta:\n  title: {en: x}\n"}, "section already given"),
    "missing meta": ({"meta.yaml": None}, "missing required section"),
    "missing paragraphs": ({"source.yaml": None}, "missing required section"),
    "paragraphs is a mapping": ({"source.yaml": "paragraphs: {p1: x}\n"}, "expected a list, got a mapping"),
    "paragraph without text": ({"source.yaml": "paragraphs:\n  - id: p1\n"}, "missing required field 'text'"),
    "text is a list": (
        {"source.yaml": "paragraphs:\n  - id: p1\n    text: [a]\n"},
        "expected text, got a list",
    ),
    "untraceable restored reading": (
        {
            "source.yaml": "paragraphs:\n  - id: p1\n    text: 口袋生活是招商银行的应用。\n"
            "    restored: 掌上生活是平安银行的应用。\n  - id: p2\n    text: 支付宝有数亿用户。\n"
        },
        "is not explained by an alias, a glossary term or a restored note",
    ),
    "unknown entity field": (
        entity_with("    summary: {en: A bank.}", "    summary: {en: A bank.}\n    colour: red"),
        "unknown field",
    ),
    "misspelt field gets a hint": (
        entity_with("    summary: {en: A bank.}", "    sumary: {en: A bank.}"),
        "did you mean 'summary'",
    ),
    "kind not allowed": (entity_with("kind: bank", "kind: spaceship"), "expected one of"),
    "name is plain text": (
        entity_with("name: {zh: 招商银行, en: China Merchants Bank}", "name: CMB"),
        "expected a mapping",
    ),
    "name without en or zh": (
        entity_with("name: {zh: 招商银行, en: China Merchants Bank}", "name: {}"),
        "needs at least one of",
    ),
    "evidence not a list": (
        entity_with("    evidence:\n      - {para: p1, quote: 招商银行}", "    evidence: p1"),
        "expected a list",
    ),
    "evidence without quote": (
        entity_with("{para: p1, quote: 招商银行}", "{para: p1}"),
        "missing required field 'quote'",
    ),
    "evidence para missing": (
        entity_with("{para: p1, quote: 招商银行}", "{para: p9, quote: 招商银行}"),
        "no paragraph with id 'p9'",
    ),
    "quote not in paragraph": (
        entity_with("{para: p1, quote: 招商银行}", "{para: p2, quote: 招商银行}"),
        "quote not found verbatim",
    ),
    "empty quote": (entity_with("{para: p1, quote: 招商银行}", "{para: p1, quote: ''}"), "quote is empty"),
    "duplicate entity id": (entity_with("  - id: pocket", "  - id: cmb"), "duplicate entity id 'cmb'"),
    "invalid id": (entity_with("  - id: pocket", "  - id: 'pocket life!'"), "is not a valid id"),
    "dangling parent": (entity_with("parent: cmb", "parent: hsbc"), "no entity with id 'hsbc'"),
    "parent cycle": (
        entity_with("    kind: bank", "    kind: bank\n    parent: pocket"),
        "parent chain loops back",
    ),
    "alias not in article": (
        entity_with("{text: 口袋生活, note: garbled}", "{text: 不在文中}"),
        "does not occur in the article",
    ),
    "dangling pursued_by": (
        {
            "strategies.yaml": "strategies:\n  - id: s\n    name: {en: S}\n    summary: {en: S.}\n    pursued_by: [ghost]\n    evidence: []\n"
        },
        "no entity with id 'ghost'",
    ),
    "dangling argument parent": (
        arguments_with("parent: thesis", "parent: thesys"),
        "no argument with id 'thesys'",
    ),
    "parent without relation": (arguments_with("    relation: supports\n", ""), "needs a 'relation'"),
    "root with relation": (
        arguments_with("    role: thesis\n", "    role: thesis\n    relation: supports\n"),
        "cannot have a relation",
    ),
    "relation not allowed": (arguments_with("relation: supports", "relation: agrees"), "expected one of"),
    "no root argument": (
        arguments_with("    role: thesis\n", "    role: thesis\n    parent: because\n    relation: supports\n"),
        "no root",
    ),
    "figure value is a boolean": (
        {
            "figures.yaml": "figures:\n  - id: f\n    metric: {en: M}\n    as_written: x\n    value: yes\n    evidence: []\n"
        },
        "expected a number, got true",
    ),
    "figure subject dangling": (
        {
            "figures.yaml": "figures:\n  - id: f\n    subject: nobody\n    metric: {en: M}\n    as_written: x\n    evidence: []\n"
        },
        "no entity with id 'nobody'",
    ),
    "outline first dangling": (
        {
            "outline.yaml": "outline:\n  - id: o\n    kind: section\n    first: p7\n    title: {en: O}\n    summary: {en: O.}\n"
        },
        "no paragraph with id 'p7'",
    ),
    "outline last before first": (
        {
            "outline.yaml": "outline:\n  - id: o\n    kind: section\n    first: p2\n    last: p1\n    title: {en: O}\n    summary: {en: O.}\n"
        },
        "comes before first paragraph",
    ),
    "glossary term not in article": (
        {"glossary.yaml": "glossary:\n  - id: g\n    term: 不在\n    meaning: {en: absent}\n"},
        "does not occur in the article",
    ),
    "not UTF-8": ({"meta.yaml": "meta:\n  title: {en: café}\n".encode("latin-1")}, "not UTF-8 text"),
    "binary garbage": ({"meta.yaml": bytes(range(256)) * 4}, "not UTF-8 text"),
    "control character": ({"meta.yaml": "meta:\n  title: {en: \x07bell}\n"}, "invalid YAML"),
    "python object tag": (
        {"meta.yaml": "meta:\n  title: !!python/object/apply:os.getcwd []\n"},
        "is not allowed",
    ),
    "custom tag": ({"meta.yaml": "meta:\n  title: !secret {en: x}\n"}, "is not allowed"),
    "merge key": ({"meta.yaml": "base: &b {en: x}\nmeta:\n  <<: *b\n"}, "merge keys"),
    "mapping as key": ({"meta.yaml": "? {a: b}\n: c\n"}, "key must be plain text"),
    "deep nesting": ({"meta.yaml": "meta: " + "[" * 200 + "]" * 200 + "\n"}, "nested"),
    "recursive alias": ({"meta.yaml": "meta: &a [*a]\n"}, "refused"),
    "billion laughs": (
        {
            "meta.yaml": "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
            + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8))
        },
        "more than",
    ),
}


def check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["check", str(path)])
    captured = capsys.readouterr()
    assert captured.out == "" or code == 0
    return code, captured.err.splitlines()


def test_there_are_at_least_forty_distinct_bad_inputs() -> None:
    assert len(CASES) >= 40
    assert len({repr(files) for files, _ in CASES.values()}) == len(CASES)


@pytest.mark.parametrize("name", CASES)
def test_bad_pack(name: str, write_pack: PackWriter, capsys: pytest.CaptureFixture[str]) -> None:
    files, expected = CASES[name]
    overrides = {k: textwrap.dedent(v) if isinstance(v, str) else v for k, v in files.items()}
    folder = write_pack(**overrides)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    code, lines = check(folder, capsys)
    assert code == 2
    *problems, summary = lines
    assert summary.startswith("fintech-tui: ") and summary.endswith("pack invalid")
    assert problems, lines
    assert any(expected in line for line in problems), lines
    assert all(PROBLEM_LINE.match(line) for line in problems), problems
    assert all(line.startswith(str(folder)) for line in problems), problems
    assert not any("Traceback" in line for line in lines)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # nothing written


def test_huge_file_is_refused_before_reading(
    write_pack: PackWriter, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_pack(**{"extra.yaml": "# " + "x" * 5000 + "\n"})
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 4096)
    code, lines = check(folder, capsys)
    assert code == 2
    assert any("extra.yaml: file is 5,003 bytes; the limit is 4,096" in line for line in lines)


def test_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = check(tmp_path, capsys)
    assert code == 2
    assert lines[0] == f"{tmp_path}: folder holds no .yaml or .yml files"


def test_missing_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Exit 1, one line: a path that is not there is a failure, not invalid content (2)."""
    code, lines = check(tmp_path / "nope", capsys)
    assert code == 1
    assert lines == [f"fintech-tui: {tmp_path / 'nope'}: no such file or folder"]


def test_utf8_bom_is_accepted(write_pack: PackWriter, capsys: pytest.CaptureFixture[str]) -> None:
    meta = "\ufeffmeta:\n  title: {en: With a BOM}\n"
    folder = write_pack(**{"meta.yaml": meta.encode("utf-8")})
    code, _ = check(folder, capsys)
    assert code == 0


def test_yaml_syntax_error_points_at_the_spot(write_pack: PackWriter, capsys: pytest.CaptureFixture[str]) -> None:
    folder = write_pack(**{"meta.yaml": "meta:\n  title: {en: [oops}\n"})
    _, lines = check(folder, capsys)
    assert re.match(rf"^{re.escape(str(folder / 'meta.yaml'))}:2:\d+: invalid YAML: ", lines[0]), lines
