"""The pack as an Obsidian vault: a note per entity, strategy and argument, and the article.

Each note opens with YAML front matter (`kind`, `id`, `aliases`: Obsidian offers a note
under each alias). Every reference becomes a `[[wikilink]]` both ways: a child names its
parent and the parent its parts, an argument the claim it answers and the claim its
replies, an entity its strategies and the arguments about it. The article note gives
each paragraph a block id (`^p09`), so every quote links to its paragraph as
`[[Article#^p09|¶9]]`.

Note names are made from content with every character a wikilink or a file system
would read dropped (`[ ] # ^ | \\ / : * ? " < >`, control codes), and are unique in the
vault (case aside), so a link is `[[Name]]` and resolves from any folder. Text in a note
body is escaped Markdown: control codes neutralised, markup characters escaped with a
backslash, `&` `<` `>` as entities, a line never starts a list or a heading.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

import yaml

from fintech_tui.export.quotes import PlacedQuote, placed_quotes
from fintech_tui.model import Bilingual, Pack
from fintech_tui.util.sanitize import neutralise

_MARKUP = re.compile(r"([\\`*_\[\]{}#^|~=$%])")
_UNSAFE_NAME = re.compile(
    r'[\[\]#^|\\/:*?"<>\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]'
)
_BLOCK = re.compile(r"[^A-Za-z0-9-]")
NAME_LIMIT = 80  # characters of a note name: file systems allow 255 bytes, Chinese takes 3 each
REPLIED = {"supports": "Supported by", "opposes": "Opposed by", "elaborates": "Elaborated by"}
FOLDERS = {"entity": "Entities", "strategy": "Strategies", "argument": "Arguments"}


def text(value: str) -> str:
    """Content as inert Markdown on one line."""
    flat = " ".join(neutralise(value).split())
    escaped = _MARKUP.sub(r"\\\1", flat).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"^(\d+)([.)])|^([-+])", r"\1\\\2\3", escaped)  # "1." or "- " would start a list


def both(value: Bilingual) -> str:
    return " — ".join(text(t) for t in value.present("en"))


def note_name(value: str, fallback: str) -> str:
    """A file and link name from content: no character a link or a file system reads, trimmed."""
    name = " ".join(_UNSAFE_NAME.sub(" ", value).split())[:NAME_LIMIT].strip(" .")
    return name or fallback


class Names:
    """Unique note names (case aside): the first to ask gets the name, later ones add their id."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.of: dict[tuple[str, str], str] = {}

    def add(self, key: tuple[str, str], wanted: str) -> str:
        name, n = wanted, 1
        while name.casefold() in self.taken:
            n += 1
            name = f"{wanted} ({key[1]})" if n == 2 else f"{wanted} ({key[1]} {n})"
        self.taken.add(name.casefold())
        self.of[key] = name
        return name

    def link(self, kind: str, item_id: str) -> str:
        return f"[[{self.of[(kind, item_id)]}]]"


def front_matter(fields: dict[str, Any]) -> list[str]:
    """YAML front matter; every string flattened to one neutral line, so no value can close it,
    and `[[` or `]]` spaced apart, since Obsidian reads a property holding `[[…]]` as a link."""

    def flat(value: Any) -> Any:
        if isinstance(value, str):
            return " ".join(neutralise(value).split()).replace("[[", "[ [").replace("]]", "] ]")
        if isinstance(value, list):
            return [flat(v) for v in value]
        return value

    dumped = yaml.safe_dump({k: flat(v) for k, v in fields.items()}, allow_unicode=True, sort_keys=False, width=1 << 16)
    return ["---", *dumped.splitlines(), "---", ""]


def block_ids(pack: Pack) -> dict[str, str]:
    """A block id per paragraph (letters, digits, dashes: what Obsidian accepts), unique."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for n, paragraph in enumerate(pack.paragraphs, 1):
        block = _BLOCK.sub("-", paragraph.id) or f"p{n}"
        while block in taken:
            block = f"{block}-{n}"
        taken.add(block)
        ids[paragraph.id] = block
    return ids


def to_vault(pack: Pack) -> dict[str, str]:
    """The vault's files: relative path → Markdown text."""
    names = Names()
    article = names.add(("article", ""), note_name(pack.meta.title.pick("en"), "Article"))
    for entity in pack.entities:
        names.add(("entity", entity.id), note_name(entity.name.pick("en"), entity.id))
    for strategy in pack.strategies:
        names.add(("strategy", strategy.id), note_name(strategy.name.pick("en"), strategy.id))
    for argument in pack.arguments:
        names.add(("argument", argument.id), note_name(argument.id, "argument"))
    blocks = block_ids(pack)
    quotes: dict[tuple[str, str], list[PlacedQuote]] = defaultdict(list)
    cited_by: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for quote in placed_quotes(pack):
        if quote.kind in FOLDERS:
            quotes[(quote.kind, quote.item.id)].append(quote)
            if (quote.kind, quote.item.id) not in cited_by[quote.para]:
                cited_by[quote.para].append((quote.kind, quote.item.id))

    def evidence(kind: str, item_id: str) -> list[str]:
        found = quotes.get((kind, item_id), [])
        lines = [f"- “{text(q.quote)}” [[{article}#^{blocks[q.para]}|¶{q.number}]]" for q in found]
        return ["## Evidence", "", *lines, ""] if lines else []

    def listed(title: str, refs: list[tuple[str, str]]) -> list[str]:
        known = [names.link(kind, item_id) for kind, item_id in refs if (kind, item_id) in names.of]
        return [f"{title}: {', '.join(known)}", ""] if known else []

    entity_ids = {e.id for e in pack.entities}
    argument_ids = {a.id for a in pack.arguments}
    files: dict[str, str] = {}

    def write(kind: str, item_id: str, lines: list[str]) -> None:
        files[f"{FOLDERS[kind]}/{names.of[(kind, item_id)]}.md"] = "\n".join(lines).rstrip("\n") + "\n"

    for entity in pack.entities:
        aliases = list(dict.fromkeys([*entity.name.present("en"), *(a.text for a in entity.aliases)]))
        lines = front_matter({"kind": "entity", "id": entity.id, "type": entity.kind, "aliases": aliases})
        lines += [
            f"# {both(entity.name)}",
            "",
            f"*{text(entity.kind)}*",
            "",
            *(text(t) for t in entity.summary.present()),
        ]
        lines.append("")
        lines += listed("Part of", [("entity", entity.parent)] if entity.parent in entity_ids else [])
        lines += listed("Parts", [("entity", e.id) for e in pack.entities if e.parent == entity.id])
        lines += listed("Pursues", [("strategy", s.id) for s in pack.strategies if entity.id in s.pursued_by])
        lines += listed("Argued about in", [("argument", a.id) for a in pack.arguments if entity.id in a.concerns])
        write("entity", entity.id, lines + evidence("entity", entity.id))
    for strategy in pack.strategies:
        lines = front_matter({"kind": "strategy", "id": strategy.id, "aliases": list(strategy.name.present("en"))})
        lines += [f"# {both(strategy.name)}", "", *(text(t) for t in strategy.summary.present()), ""]
        lines += listed("Pursued by", [("entity", e) for e in strategy.pursued_by])
        lines += listed("Argued about in", [("argument", a.id) for a in pack.arguments if strategy.id in a.strategies])
        write("strategy", strategy.id, lines + evidence("strategy", strategy.id))
    for argument in pack.arguments:
        fields: dict[str, Any] = {"kind": "argument", "id": argument.id, "role": argument.role}
        if argument.relation and argument.parent in argument_ids:
            fields["relation"] = argument.relation
        if argument.hedge:
            fields["hedge"] = argument.hedge
        lines = front_matter(fields | {"aliases": list(argument.claim.present("en"))})
        lines += [f"# {both(argument.claim)}", ""]
        if argument.parent in argument_ids:
            lines += listed((argument.relation or "supports").capitalize(), [("argument", argument.parent)])
        replies = [a for a in pack.arguments if a.parent == argument.id and a.id != argument.id]
        for relation, title in REPLIED.items():
            lines += listed(title, [("argument", a.id) for a in replies if (a.relation or "supports") == relation])
        lines += listed("Concerns", [("entity", e) for e in argument.concerns])
        lines += listed("Strategies", [("strategy", s) for s in argument.strategies])
        write("argument", argument.id, lines + evidence("argument", argument.id))
    files[f"{article}.md"] = _article(pack, blocks, cited_by, names)
    return files


def _article(pack: Pack, blocks: dict[str, str], cited_by: dict[str, list[tuple[str, str]]], names: Names) -> str:
    """The article note: outline headings, each paragraph a block, what cites it under it."""
    meta = pack.meta
    fields: dict[str, Any] = {"kind": "article", "aliases": list(meta.title.present("en"))}
    fields |= {key: value for key, value in (("author", meta.author), ("date", meta.date)) if value}
    lines = [*front_matter(fields), f"# {both(meta.title)}", ""]
    if meta.author or meta.date:
        lines += [text(" · ".join(v for v in (meta.author, meta.date) if v)), ""]
    headings: dict[str, list[tuple[int, str]]] = defaultdict(list)

    def depth_walk(nodes: Any, depth: int) -> None:
        for node in nodes:
            headings[node.first].append((depth, both(node.title)))
            depth_walk(node.children, depth + 1)

    depth_walk(pack.outline, 2)
    for n, paragraph in enumerate(pack.paragraphs, 1):
        for depth, title in headings.get(paragraph.id, []):
            lines += [f"{'#' * min(depth, 6)} {title}", ""]
        lines += [f"¶{n} {text(paragraph.text)} ^{blocks[paragraph.id]}", ""]
        cites = [names.link(kind, item_id) for kind, item_id in cited_by.get(paragraph.id, [])]
        if cites:
            lines += [f"Cited by: {', '.join(cites)}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
