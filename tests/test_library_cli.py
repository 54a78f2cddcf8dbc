"""The library on the command line, run as a user runs it: check, draft into it, and its exports."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fintech_tui.library.catalog import Library
from tests.library_helpers import entity, figure, write_article

BROKEN = "meta:\n  title: {en: Broken}\nparagraphs:\n  - id: p1\n    txt: hello\n"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fintech_tui", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ},
    )


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "lib"
    write_article(
        root,
        "one",
        "掌上生活用户数超过1亿。",
        title="One",
        date="2024-03-01",
        entities=[entity("life", "掌上生活", "CMB Life", same_as="cmb-life")],
        figures=[figure("u", "life", "Users", 100_000_000, period="2023年末", quote="用户数超过1亿")],
    )
    write_article(
        root,
        "two",
        "掌上生活用户达=1.2亿。",
        title="Two",
        date="2024-06-01",
        entities=[entity("cmblife", "掌上生活", "CMB Life")],
        figures=[
            figure("u", "cmblife", "Users", 120_000_000, period="Q4 2023", quote="用户达=1.2亿", source="=HYPERLINK(1)")
        ],
    )
    return root


def test_check_library_lists_broken_packs_and_exits_2(library: Path, tmp_path: Path) -> None:
    good = run("check", str(library), cwd=tmp_path)
    assert good.returncode == 0, good.stderr
    assert "one.yaml: valid — 1 entity, 0 claims, 1 figure" in good.stdout
    assert "2 of 2 packs valid" in good.stdout
    (library / "zz-broken").mkdir()
    (library / "zz-broken" / "pack.yaml").write_text(BROKEN, encoding="utf-8")
    bad = run("check", "lib", cwd=tmp_path)  # named as the user names it, relative
    assert bad.returncode == 2
    assert "two.yaml: valid" in bad.stdout  # the others are still checked
    lines = bad.stderr.splitlines()
    assert "lib/zz-broken/pack.yaml:4:5: paragraphs[0]: missing required field 'text'" in lines, lines
    assert "zz-broken: 2 problems" in lines
    assert "Traceback" not in bad.stderr


def test_export_an_entity_as_markdown_and_csv_and_the_library_as_json(library: Path, tmp_path: Path) -> None:
    md = run("export", "-f", "md", "--entity", "掌上生活", str(library), cwd=tmp_path)
    assert md.returncode == 0, md.stderr
    assert md.stdout.startswith("# CMB Life — 掌上生活")
    assert "Shared entity `cmb-life`" in md.stdout and "(matched by name: inferred)" in md.stdout
    assert "**Articles disagree for 2023-12-31**" in md.stdout
    table = list(
        csv.DictReader(
            io.StringIO(run("export", "-f", "csv", "--entity", "cmb-life", str(library), cwd=tmp_path).stdout)
        )
    )
    assert [(r["article"], r["period_date"], r["value"], r["disagreement"]) for r in table] == [
        ("one.yaml", "2023-12-31", "100000000", "yes"),
        ("two.yaml", "2023-12-31", "120000000", "yes"),
    ]
    assert table[1]["source"] == "'=HYPERLINK(1)"  # a formula stays text in a spreadsheet
    out = tmp_path / "library.json"
    assert run("export", "-f", "json", "-o", str(out), str(library), cwd=tmp_path).returncode == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [a["key"] for a in data["articles"]] == ["one.yaml", "two.yaml"]
    (shared,) = [s for s in data["shared_entities"] if s["key"] == "cmb-life"]
    assert {(m["article"], m["inferred"]) for m in shared["members"]} == {("one.yaml", False), ("two.yaml", True)}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("-f", "html"), "-f json exports the whole library"),
        ((), "-f md of a library needs --entity NAME"),
        (("-f", "json", "--entity", "x"), "--entity exports as -f md or -f csv"),
        (("-f", "md", "--entity", "no such thing"), "no entity 'no such thing' in the library"),
    ],
)
def test_export_mistakes_are_one_line(library: Path, tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    result = run("export", *args, str(library), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and message in result.stderr


def test_draft_adds_packs_to_a_library_without_overwriting(library: Path, tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "one.txt").write_text("招商银行的掌上生活\n\n掌上生活用户超过1亿。\n", encoding="utf-8")
    (articles / "fresh.txt").write_text("支付宝的新闻\n\n支付宝用户超过10亿。\n", encoding="utf-8")
    before = (library / "one.yaml").read_bytes()
    result = run("draft", str(articles / "one.txt"), str(articles / "fresh.txt"), str(library), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "added 2 of 2 drafted packs to the library" in result.stdout
    assert (library / "one.yaml").read_bytes() == before  # the name was taken: the draft went beside it
    assert (library / "one-2").is_dir() and (library / "fresh").is_dir()
    with Library.open(library) as lib:
        assert {a.key for a in lib.articles()} == {"one.yaml", "two.yaml", "one-2", "fresh"}
        assert lib.broken() == ()
