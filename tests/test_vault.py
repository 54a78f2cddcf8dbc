"""The Obsidian vault export: every wikilink resolves to a note or a block, hostile text stays text."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from fintech_tui.export.vault import to_vault
from fintech_tui.model import Pack
from fintech_tui.util.sanitize import neutralise

from .interchange import HOSTILE, QUOTE, hostile_pack
from .test_cli import run

LINK = re.compile(r"(?<!\\)\[\[(.+?)\]\]")
FLAT = " ".join(neutralise(HOSTILE).split())


def plain(markdown: str) -> str:
    """What Obsidian shows for escaped text: backslash escapes and entities undone."""
    return html.unescape(re.sub(r"\\(.)", r"\1", markdown))


def split_note(text: str) -> tuple[dict[str, object], str]:
    """Front matter (read by YAML) and body, as Obsidian splits a note."""
    lines = text.split("\n")
    assert lines[0] == "---"
    end = lines.index("---", 1)
    return yaml.safe_load("\n".join(lines[1:end])), "\n".join(lines[end + 1 :])


def links(files: dict[str, str]) -> list[tuple[str, str, str]]:
    """(note path, linked note, block id or "") for every wikilink in the vault."""
    found = []
    for path, text in files.items():
        for target in LINK.findall(split_note(text)[1]):
            name, _, block = target.partition("|")[0].partition("#")
            found.append((path, name, block.removeprefix("^")))
    return found


def assert_every_link_resolves(files: dict[str, str]) -> int:
    notes = {Path(path).stem.casefold(): path for path in files}
    assert len(notes) == len(files)  # names unique, case aside
    found = links(files)
    for source, name, block in found:
        assert name.casefold() in notes, f"{source}: [[{name}]] names no note"
        if block:
            body = files[notes[name.casefold()]]
            assert re.search(rf" \^{re.escape(block)}$", body, re.MULTILINE), f"{source}: no block ^{block} in {name}"
    return len(found)


def test_every_link_in_the_bundled_vault_resolves(bundled_pack: Pack) -> None:
    files = to_vault(bundled_pack)
    assert assert_every_link_resolves(files) > 100
    kinds = sorted((str(split_note(t)[0]["kind"]), str(split_note(t)[0].get("id", ""))) for t in files.values())
    expected = [("article", "")]
    expected += [("entity", e.id) for e in bundled_pack.entities]
    expected += [("strategy", s.id) for s in bundled_pack.strategies]
    expected += [("argument", a.id) for a in bundled_pack.arguments]
    assert kinds == sorted(expected)  # one note per entity, strategy and argument, and the article


def note_of(files: dict[str, str], kind: str, item_id: str) -> tuple[str, str]:
    """(note name, text) of an item's note."""
    for path, text in files.items():
        meta = split_note(text)[0]
        if meta["kind"] == kind and meta.get("id") == item_id:
            return Path(path).stem, text
    raise AssertionError(f"no note for {kind}:{item_id}")


def test_cross_links_go_both_ways(bundled_pack: Pack) -> None:
    files = to_vault(bundled_pack)
    for argument in (a for a in bundled_pack.arguments if a.parent):
        name, text = note_of(files, "argument", argument.id)
        parent, parent_text = note_of(files, "argument", argument.parent)
        assert f"[[{parent}]]" in text and f"[[{name}]]" in parent_text
    for entity in (e for e in bundled_pack.entities if e.parent):
        name, text = note_of(files, "entity", entity.id)
        parent, parent_text = note_of(files, "entity", entity.parent)
        assert f"Part of: [[{parent}]]" in text and f"[[{name}]]" in parent_text
    for strategy in bundled_pack.strategies:
        name, text = note_of(files, "strategy", strategy.id)
        for owner in strategy.pursued_by:
            owner_name, owner_text = note_of(files, "entity", owner)
            assert f"[[{owner_name}]]" in text and f"[[{name}]]" in owner_text


def test_every_quote_links_to_the_block_of_its_paragraph(bundled_pack: Pack) -> None:
    files = to_vault(bundled_pack)
    article = next(path for path, text in files.items() if split_note(text)[0]["kind"] == "article")
    blocks = {m.group(2): plain(m.group(1)) for m in re.finditer(r"^¶\d+ (.*) \^(\S+)$", files[article], re.MULTILINE)}
    assert len(blocks) == len(bundled_pack.paragraphs)
    for argument in bundled_pack.arguments:
        _, text = note_of(files, "argument", argument.id)
        cited = re.findall(r"^- “(.*)” \[\[[^#\]]+#\^([^|\]]+)\|¶\d+\]\]$", text, re.MULTILINE)
        assert len(cited) == len(argument.evidence)
        for (quote, block), evidence in zip(cited, argument.evidence, strict=True):
            assert block == evidence.para and plain(quote) in blocks[block]


def test_hostile_names_make_safe_note_names_and_inert_text() -> None:
    files = to_vault(hostile_pack())
    assert_every_link_resolves(files)
    for path, text in files.items():
        assert not re.search(r'[\[\]#^|:*?"<>\\\x00-\x1f]', Path(path).stem), path
        assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text
        meta, body = split_note(text)
        assert "<script>" not in body and "</span>" not in body  # front matter is data: YAML quotes it
        assert "\n---\n" not in "\n" + body  # nothing from content reopens front matter
        assert "[[" not in str(meta) and "]]" not in str(meta)  # Obsidian would read a link in a property
        assert body.count("[[") == len(LINK.findall(body))  # every [[ is a link of ours; content's are escaped
    _, org = note_of(files, "entity", "org")
    meta, body = split_note(org)
    assert meta["aliases"] == [FLAT.replace("[[", "[ [").replace("]]", "] ]"), "支付宝"]
    assert plain(body.split("\n")[1]) == f"# {FLAT} — 支付宝"
    assert f"“{plain(QUOTE)}”" in plain(body)


def test_cli_writes_a_new_folder_and_refuses_an_existing_one(tmp_path: Path) -> None:
    result = run("export", "-f", "vault", "-o", "vault", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = {str(p.relative_to(tmp_path / "vault")) for p in (tmp_path / "vault").rglob("*.md")}
    assert assert_every_link_resolves({p: (tmp_path / "vault" / p).read_text(encoding="utf-8") for p in written}) > 0
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "note.md").write_text("keep", encoding="utf-8")
    for extra in ([], ["--force"]):
        result = run("export", "-f", "vault", "-o", "mine", *extra, cwd=tmp_path)
        assert result.returncode == 1 and "already exists" in result.stderr
    assert [p.name for p in mine.iterdir()] == ["note.md"]


@pytest.mark.parametrize("args", [["export", "-f", "vault"]])
def test_a_vault_needs_a_folder_name(args: list[str], tmp_path: Path) -> None:
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 1 and "-o DIR" in result.stderr and result.stdout == ""
