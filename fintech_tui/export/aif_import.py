"""`fintech-tui import -f aif FILE DIR`: an AIF or xAIF argument map from another tool as a new pack.

I-nodes become arguments (their text the claim); an RA, CA or MA node between two I-nodes
makes the premise a reply to the conclusion (supports, opposes, elaborates). A pack's
arguments form a tree, so a claim that bears on several others keeps the first and its
`inference` names the rest. The article is xAIF's `text` (HTML, `<br>` between
paragraphs) as plain paragraphs; without one, the locutions' texts or else the claims'.
A locution (L-node) asserting a claim (through a YA node) is its evidence where its
text occurs in a paragraph.

Every problem with the file is collected and printed as `FILE: field.path: what is wrong`,
one a line, then the run exits 2 and writes nothing; the folder must not exist.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

import yaml

LIMIT = 64 << 20  # bytes: larger than any argument map a person edits
RELATIONS = {"RA": "supports", "CA": "opposes", "MA": "elaborates"}
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
TAG = re.compile(r"<[^>]*>")
BREAK = re.compile(r"<br\s*/?>|</p>|\n", re.IGNORECASE)


class MapProblems(Exception):
    """The map cannot become a pack; `problems` holds one located line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} problems")
        self.problems = problems


def pack_from_map(raw: bytes, title: str) -> dict[str, str]:
    """The pack files (name → YAML text) for an AIF map; MapProblems lists what is wrong."""
    try:
        document = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise MapProblems([f"not UTF-8 text (byte {error.start})"]) from None
    except json.JSONDecodeError as error:
        raise MapProblems([f"line {error.lineno}, column {error.colno}: not JSON: {error.msg}"]) from None
    graph, prefix = _graph_of(document)
    nodes, edges = _checked(graph, prefix)
    return _pack_files(document, nodes, edges, title)


def _graph_of(document: Any) -> tuple[dict[str, Any], str]:
    if isinstance(document, dict) and isinstance(document.get("AIF"), dict):
        return document["AIF"], "AIF."
    if isinstance(document, dict) and "nodes" in document:
        return document, ""
    raise MapProblems(["top level: neither xAIF (an object with 'AIF') nor AIF (an object with 'nodes')"])


def _checked(graph: dict[str, Any], prefix: str) -> tuple[dict[str, dict[str, str]], list[tuple[str, str]]]:
    """Nodes by id ({type, text}) and edges (from, to), or every problem found on the way."""
    problems: list[str] = []
    nodes: dict[str, dict[str, str]] = {}
    raw_nodes = graph.get("nodes")
    if not isinstance(raw_nodes, list):
        raise MapProblems([f"{prefix}nodes: missing or not a list"])
    for i, node in enumerate(raw_nodes):
        at = f"{prefix}nodes[{i}]"
        if not isinstance(node, dict):
            problems.append(f"{at}: not an object")
            continue
        node_id, kind, text = node.get("nodeID"), node.get("type"), node.get("text", "")
        if not isinstance(node_id, str | int) or isinstance(node_id, bool) or str(node_id) == "":
            problems.append(f"{at}.nodeID: missing, or neither a string nor a number")
            continue
        if str(node_id) in nodes:
            problems.append(f"{at}.nodeID: {node_id!r} is already the id of another node")
        if not isinstance(kind, str):
            problems.append(f"{at}.type: missing or not a string")
        if not isinstance(text, str):
            problems.append(f"{at}.text: not a string")
        elif kind == "I" and not text.strip():
            problems.append(f"{at}.text: an I-node needs a claim; this one is empty")
        nodes[str(node_id)] = {"type": str(kind), "text": text if isinstance(text, str) else ""}
    edges: list[tuple[str, str]] = []
    raw_edges = graph.get("edges", [])
    if not isinstance(raw_edges, list):
        problems.append(f"{prefix}edges: not a list")
        raw_edges = []
    for i, edge in enumerate(raw_edges):
        at = f"{prefix}edges[{i}]"
        if not isinstance(edge, dict):
            problems.append(f"{at}: not an object")
            continue
        ends = []
        for field in ("fromID", "toID"):
            value = edge.get(field)
            if not isinstance(value, str | int) or isinstance(value, bool):
                problems.append(f"{at}.{field}: missing, or neither a string nor a number")
            elif str(value) not in nodes:
                problems.append(f"{at}.{field}: no node has the id {value!r}")
            else:
                ends.append(str(value))
        if len(ends) == 2:
            edges.append((ends[0], ends[1]))
    if not any(node["type"] == "I" for node in nodes.values()) and not problems:
        problems.append(f"{prefix}nodes: no I-node (claim) to import")
    if problems:
        raise MapProblems(problems)
    return nodes, edges


def _paragraphs(document: Any, nodes: dict[str, dict[str, str]]) -> list[str]:
    """The article's paragraphs: xAIF's `text` as plain text, else the locutions', else the claims'."""
    text = document.get("text") if isinstance(document, dict) else None
    if isinstance(text, dict):
        text = text.get("txt")
    if isinstance(text, str) and text.strip():
        lines = [" ".join(html.unescape(TAG.sub("", piece)).split()) for piece in BREAK.split(text)]
        if any(lines):
            return [line for line in lines if line]
    for kind in ("L", "I"):
        lines = [" ".join(n["text"].split()) for n in nodes.values() if n["type"] == kind]
        if any(lines):
            return list(dict.fromkeys(line for line in lines if line))
    return []


def _ids(nodes: dict[str, dict[str, str]]) -> dict[str, str]:
    """A pack id for each I-node, from its nodeID where that makes a valid id."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for node_id, node in nodes.items():
        if node["type"] != "I":
            continue
        base = "claim-" + (re.sub(r"[^A-Za-z0-9_.-]", "-", node_id)[:60] or "x")
        name, n = base, 1
        while name in taken:
            n += 1
            name = f"{base}-{n}"
        taken.add(name)
        ids[node_id] = name
    return ids


def _pack_files(
    document: Any, nodes: dict[str, dict[str, str]], edges: list[tuple[str, str]], title: str
) -> dict[str, str]:
    ids = _ids(nodes)
    into: dict[str, list[str]] = {}
    out_of: dict[str, list[str]] = {}
    for source, target in edges:
        out_of.setdefault(source, []).append(target)
        into.setdefault(target, []).append(source)
    parent: dict[str, tuple[str, str]] = {}
    dropped: dict[str, list[str]] = {}
    for scheme_id, scheme in nodes.items():
        relation = RELATIONS.get(scheme["type"])
        if relation is None:
            continue
        conclusions = [t for t in out_of.get(scheme_id, []) if t in ids]
        for premise in (s for s in into.get(scheme_id, []) if s in ids):
            for conclusion in conclusions:
                if premise in parent or conclusion == premise or _above(conclusion, premise, parent):
                    dropped.setdefault(premise, []).append(f"{relation} {ids[conclusion]}")
                else:
                    parent[premise] = (conclusion, relation)
    paragraphs = _paragraphs(document, nodes)
    para_ids = [f"p{n:02d}" for n in range(1, len(paragraphs) + 1)]
    arguments = []
    for node_id, argument_id in ids.items():
        claim = " ".join(nodes[node_id]["text"].split())
        entry: dict[str, Any] = {"id": argument_id}
        if node_id in parent:
            conclusion, relation = parent[node_id]
            entry |= {"parent": ids[conclusion], "relation": relation, "role": "point"}
        else:
            entry["role"] = "thesis"
        entry["claim"] = {"zh" if CJK.search(claim) else "en": claim}
        quotes = [nodes[said]["text"] for said in _locutions(node_id, nodes, into)] or [claim]
        evidence = list(_evidence(quotes, paragraphs, para_ids))
        if evidence:
            entry["evidence"] = evidence
        if node_id in dropped:
            entry["inference"] = "imported from AIF; the map also has this claim " + "; ".join(dropped[node_id])
        arguments.append(entry)
    author = _author(document)
    meta: dict[str, Any] = {"title": {"zh" if CJK.search(title) else "en": title}}
    if author:
        meta["author"] = author
    meta["note"] = "Imported from an AIF argument map; review the claims' roles and the outline."
    files = {
        "meta.yaml": _yaml({"meta": meta}),
        "source.yaml": _yaml({"paragraphs": [{"id": i, "text": t} for i, t in zip(para_ids, paragraphs, strict=True)]}),
        "arguments.yaml": _yaml({"arguments": arguments}),
    }
    if para_ids:
        outline: dict[str, Any] = {"id": "all", "kind": "section", "first": para_ids[0], "last": para_ids[-1]}
        outline |= {"title": {"en": "The map's text"}, "summary": {"en": "Every paragraph of the imported map."}}
        files["outline.yaml"] = _yaml({"outline": [outline]})
    return files


def _above(node: str, target: str, parent: dict[str, tuple[str, str]]) -> bool:
    """Whether `target` is `node` or an ancestor of it (so making `node` its parent would loop)."""
    seen = set()
    while node not in seen:
        if node == target:
            return True
        seen.add(node)
        if node not in parent:
            return False
        node = parent[node][0]
    return True


def _locutions(claim: str, nodes: dict[str, dict[str, str]], into: dict[str, list[str]]) -> Iterator[str]:
    """The L-nodes that assert `claim` through a YA node."""
    for ya in into.get(claim, []):
        if nodes[ya]["type"] == "YA":
            yield from (said for said in into.get(ya, []) if nodes[said]["type"] == "L")


def _evidence(quotes: list[str], paragraphs: list[str], para_ids: list[str]) -> Iterator[dict[str, str]]:
    for quote in dict.fromkeys(" ".join(q.split()) for q in quotes):
        for para_id, text in zip(para_ids, paragraphs, strict=True):
            if quote and quote in text:
                yield {"para": para_id, "quote": quote}
                break


def _author(document: Any) -> str:
    graph = document.get("AIF", document) if isinstance(document, dict) else {}
    people = graph.get("participants") if isinstance(graph, dict) else None
    if isinstance(people, list) and people and isinstance(people[0], dict):
        names = (people[0].get("firstname"), people[0].get("surname"))
        return " ".join(str(n) for n in names if isinstance(n, str) and n.strip())
    return ""


def _yaml(data: dict[str, Any]) -> str:
    """Safe YAML (every string quoted where YAML would read it otherwise), as the loader reads it back."""
    dumped: str = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return "# Imported from an AIF argument map.\n" + dumped
