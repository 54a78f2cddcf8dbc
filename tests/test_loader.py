"""The loader: a valid pack loads; each kind of problem names file, line and field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fintech_tui.loader import PackError, load_pack
from fintech_tui.model import Entity, Pack

from .conftest import PackWriter

LOCATED = re.compile(r"^(?P<file>.+\.yaml):(?P<line>\d+):(?P<col>\d+): (?P<field>[\w\[\].-]+): (?P<msg>.+)$")


def problems_of(path: Path) -> list[str]:
    with pytest.raises(PackError) as caught:
        load_pack(path)
    return [str(p) for p in caught.value.problems]


def test_tiny_pack_loads_into_the_model(write_pack: PackWriter) -> None:
    pack = load_pack(write_pack())
    assert isinstance(pack, Pack)
    assert [p.number for p in pack.paragraphs] == [1, 2]
    pocket = pack.entities[1]
    assert isinstance(pocket, Entity)
    assert pocket.parent == "cmb"
    assert pocket.aliases[0].text == "口袋生活"
    assert pack.arguments[1].relation == "supports"


def test_model_is_immutable(write_pack: PackWriter) -> None:
    pack = load_pack(write_pack())
    with pytest.raises(AttributeError):
        pack.entities[0].id = "other"  # type: ignore[misc]


def test_single_file_pack_loads(tmp_path: Path, write_pack: PackWriter) -> None:
    folder = write_pack()
    single = tmp_path / "all.yaml"
    single.write_text("\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.yaml"))), encoding="utf-8")
    assert len(load_pack(single).entities) == 2


def test_wrong_type_names_file_line_column_and_field(write_pack: PackWriter) -> None:
    folder = write_pack(
        **{
            "figures.yaml": """
        figures:
          - id: users
            metric: {en: Users}
            as_written: 数亿用户
            value: many
            evidence:
              - {para: p2, quote: 数亿用户}
        """
        }
    )
    [problem] = problems_of(folder)
    match = LOCATED.match(problem)
    assert match, problem
    assert match["file"].endswith("figures.yaml")
    assert (match["line"], match["col"]) == ("5", "12")
    assert match["field"] == "figures[0].value"
    assert "expected a number" in match["msg"]


def test_every_problem_is_reported_not_just_the_first(write_pack: PackWriter) -> None:
    folder = write_pack(
        **{
            "strategies.yaml": """
        strategies:
          - id: a
            name: {en: A}
            summary: {en: A.}
            pursued_by: [nobody]
            evidence: []
          - id: b
            nmae: {en: B}
            summary: {en: B.}
            evidence: []
        """
        }
    )
    found = problems_of(folder)
    assert any("unknown field (did you mean 'name'?)" in p and "strategies[1].nmae" in p for p in found)
    assert any("missing required field 'name'" in p for p in found)
    # the whole-pack checks still run on the items that converted
    assert any("strategies[0].pursued_by[0]: no entity with id 'nobody'" in p for p in found)
    assert any("arguments[1].strategies[0]: no strategy with id 'two-app'" in p for p in found)  # replaced above
    assert len(found) == 4


def test_references_to_an_item_with_its_own_problem_are_not_reported_twice(write_pack: PackWriter) -> None:
    folder = write_pack(
        **{
            "entities.yaml": """
        entities:
          - id: cmb
            kind: bank
            name: {zh: 招商银行, en: CMB}
            summary: {en: A bank.}
            evidence: []
          - id: pocket
            kind: app
            parent: cmb
            name: {zh: 掌上生活, en: Pocket Life}
            sumary: {en: An app.}
            evidence: []
        """
        }
    )
    found = problems_of(folder)
    assert any("entities[1].sumary: unknown field" in p for p in found)
    assert not any("no entity with id 'pocket'" in p for p in found), found  # arguments[1] concerns it


def test_dangling_references_are_caught(write_pack: PackWriter) -> None:
    folder = write_pack(
        **{
            "arguments.yaml": """
        arguments:
          - id: thesis
            role: thesis
            claim: {en: Apps matter.}
          - id: because
            role: reason
            parent: thesis-typo
            relation: supports
            concerns: [ghost]
            strategies: [no-such]
            claim: {en: Because.}
        """
        }
    )
    found = problems_of(folder)
    assert any("arguments[1].parent: no argument with id 'thesis-typo'" in p for p in found)
    assert any("arguments[1].concerns[0]: no entity with id 'ghost'" in p for p in found)
    assert any("arguments[1].strategies[0]: no strategy with id 'no-such'" in p for p in found)
    assert all(LOCATED.match(p) for p in found), found


def test_quote_not_in_its_paragraph_is_caught(write_pack: PackWriter) -> None:
    folder = write_pack(
        **{
            "glossary.yaml": """
        glossary:
          - id: app
            term: 应用
            meaning: {en: app}
            evidence:
              - {para: p2, quote: 应用}
        """
        }
    )
    [problem] = problems_of(folder)
    assert "glossary.yaml:6:" in problem
    assert "glossary[0].evidence[0].quote: quote not found verbatim in paragraph p2 (¶2)" in problem


def test_duplicate_ids_and_keys(write_pack: PackWriter) -> None:
    folder = write_pack(
        **{
            "source.yaml": """
        paragraphs:
          - id: p1
            text: 口袋生活是招商银行的应用。
          - id: p1
            id: p2
            text: 支付宝有数亿用户。
        """
        }
    )
    found = problems_of(folder)
    assert any("source.yaml:5:5: paragraphs[1].id: duplicate key (first given on line 4)" in p for p in found), found


def test_duplicate_item_id(write_pack: PackWriter) -> None:
    folder = write_pack(
        **{
            "strategies.yaml": """
        strategies:
          - id: two-app
            name: {en: Two apps}
            summary: {en: Two apps.}
            evidence: []
          - id: two-app
            name: {en: Again}
            summary: {en: Again.}
            evidence: []
        """
        }
    )
    [problem] = problems_of(folder)
    assert "strategies.yaml:6:" in problem
    assert "duplicate strategy id 'two-app' (first used on line 2)" in problem


def test_unsafe_tags_are_refused_and_run_nothing(tmp_path: Path, write_pack: PackWriter) -> None:
    marker = tmp_path / "pwned"
    folder = write_pack(
        **{
            "meta.yaml": f"""
        meta:
          title: !!python/object/apply:os.system ["touch {marker}"]
        """
        }
    )
    found = problems_of(folder)
    assert any("tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed" in p for p in found)
    assert not marker.exists()


def test_argument_cycle_is_caught(write_pack: PackWriter) -> None:
    folder = write_pack(
        **{
            "arguments.yaml": """
        arguments:
          - id: root
            role: thesis
            claim: {en: Root.}
          - id: a
            role: point
            parent: b
            relation: supports
            claim: {en: A.}
          - id: b
            role: point
            parent: a
            relation: supports
            claim: {en: B.}
        """
        }
    )
    found = problems_of(folder)
    assert any("parent chain loops back" in p for p in found)


def test_alias_must_occur_in_the_article(write_pack: PackWriter) -> None:
    folder = write_pack(
        **{
            "entities.yaml": """
        entities:
          - id: cmb
            kind: bank
            name: {en: CMB}
            aliases:
              - {text: 不存在的名字}
            summary: {en: A bank.}
            evidence: []
          - id: pocket
            kind: app
            name: {en: Pocket Life}
            summary: {en: An app.}
            evidence: []
        """
        }
    )
    found = problems_of(folder)
    assert any("entities[0].aliases[0].text: alias '不存在的名字' does not occur in the article" in p for p in found)


def test_loader_never_writes_into_the_pack(write_pack: PackWriter) -> None:
    folder = write_pack()
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.iterdir()}
    load_pack(folder)
    after = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.iterdir()}
    assert before == after


def test_an_unknown_field_and_a_bad_quote_in_one_item_come_out_in_one_run(write_pack: PackWriter) -> None:
    folder = write_pack(
        **{
            "strategies.yaml": """
        strategies:
          - id: two-app
            name: {en: Two apps}
            pursued_by: [cmb]
            summary: {en: Two apps.}
            sumary: {en: typo}
            evidence:
              - {para: p1, quote: 不在这里}
        """
        }
    )
    found = problems_of(folder)
    assert any("strategies[0].sumary: unknown field (did you mean 'summary'?)" in p for p in found), found
    assert any("strategies[0].evidence[0].quote: quote not found verbatim in paragraph p1" in p for p in found), found
    assert len(found) == 2, found


def test_a_misspelt_required_field_still_lets_the_items_other_problems_out(write_pack: PackWriter) -> None:
    """`sumary:` for `summary:` also leaves `summary` missing, so the item is dropped; its quotes
    and references are checked all the same, and the dropped item's id is still offered."""
    folder = write_pack(
        **{
            "strategies.yaml": """
        strategies:
          - id: two-app
            name: {en: Two apps}
            pursued_by: [cmbx]
            sumary: {en: typo}
            evidence:
              - {para: p1, quote: 不在这里}
          - id: other
            name: {en: Other}
            summary: {en: Other.}
            pursued_by: [cmb]
            evidence:
              - {para: p1, quote: 招商银行}
        """,
            "arguments.yaml": """
        arguments:
          - id: thesis
            role: thesis
            claim: {en: A claim.}
            strategies: [two-ap]
        """,
        }
    )
    found = problems_of(folder)
    assert any("strategies[0]: missing required field 'summary'" in p for p in found), found
    assert any("strategies[0].sumary: unknown field (did you mean 'summary'?)" in p for p in found), found
    assert any("strategies[0].evidence[0].quote: quote not found verbatim in paragraph p1" in p for p in found), found
    assert any("strategies[0].pursued_by[0]: no entity with id 'cmbx' (did you mean 'cmb'?)" in p for p in found)
    assert any("arguments[0].strategies[0]: no strategy with id 'two-ap' (did you mean 'two-app'?)" in p for p in found)
    assert len(found) == 5, found


def test_an_unknown_id_suggests_the_closest_one(write_pack: PackWriter) -> None:
    folder = write_pack(
        **{
            "arguments.yaml": """
        arguments:
          - id: thesis
            role: thesis
            claim: {en: Apps matter.}
          - id: because
            role: reason
            parent: thesys
            relation: supports
            concerns: [zzz]
            claim: {en: Because.}
        """
        }
    )
    found = problems_of(folder)
    assert any(p.endswith("arguments[1].parent: no argument with id 'thesys' (did you mean 'thesis'?)") for p in found)
    assert any(p.endswith("arguments[1].concerns[0]: no entity with id 'zzz'") for p in found), found  # nothing close


def test_fields_the_loader_sets_are_not_the_authors_to_write(write_pack: PackWriter) -> None:
    """A paragraph's number and the pack's origin are DERIVED: writing them is an unknown field."""
    source = (
        "paragraphs:\n  - id: p1\n    text: 口袋生活是招商银行的应用。\n    number: 7\n"
        "  - id: p2\n    text: 支付宝有数亿用户。\n"
    )
    with pytest.raises(PackError) as raised:
        load_pack(write_pack(**{"source.yaml": source}), use_cache=False)
    (problem,) = raised.value.problems
    assert (problem.line, problem.field) == (4, "paragraphs[0].number")
    assert problem.message.startswith("unknown field; allowed: id, text, restored, en, restored_notes")
    assert "number" not in problem.message.removeprefix("unknown field")

    meta = "meta:\n  title: {en: A tiny article}\norigin: /elsewhere\n"
    with pytest.raises(PackError) as raised:
        load_pack(write_pack("again", **{"meta.yaml": meta}), use_cache=False)
    assert [p.field for p in raised.value.problems] == ["origin"]
    assert "unknown section" in raised.value.problems[0].message


def test_fields_the_loader_sets_are_set_by_it(write_pack: PackWriter) -> None:
    folder = write_pack()
    pack = load_pack(folder, use_cache=False)
    assert [p.number for p in pack.paragraphs] == [1, 2]
    assert pack.origin == str(folder)
