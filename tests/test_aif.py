"""AIF: the xAIF export read back by arguebuf (a real AIF reader) and by hand, and `import -f aif`."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import arguebuf
import pytest

from fintech_tui.export.aif import to_aif
from fintech_tui.loader import load_pack
from fintech_tui.model import Pack

from .interchange import HOSTILE, QUOTE, hostile_pack
from .test_cli import run


def conclusions(document: dict[str, Any]) -> set[tuple[str, str, str]]:
    """(premise text, scheme type, conclusion text) for every scheme node between two I-nodes."""
    nodes = {n["nodeID"]: n for n in document["AIF"]["nodes"]}
    out: dict[str, list[str]] = {}
    for edge in document["AIF"]["edges"]:
        out.setdefault(edge["fromID"], []).append(edge["toID"])
    return {
        (nodes[p]["text"], nodes[s]["type"], nodes[c]["text"])
        for p in nodes
        if nodes[p]["type"] == "I"
        for s in out.get(p, [])
        for c in out.get(s, [])
        if nodes[c]["type"] == "I"
    }


def test_hostile_text_survives_as_data() -> None:
    text = to_aif(hostile_pack())
    assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text  # escaped for a terminal
    document = json.loads(text)
    claims = [n["text"] for n in document["AIF"]["nodes"] if n["type"] == "I"]
    assert claims == [HOSTILE, HOSTILE, HOSTILE, "plain"]
    assert conclusions(document) == {(HOSTILE, "RA", HOSTILE), (HOSTILE, "CA", HOSTILE), ("plain", "MA", HOSTILE)}
    assert "<script>" not in document["text"] and "</span>" not in document["text"]  # the text is HTML: escaped
    pieces = document["text"].split("<br>")
    assert [html.unescape(p) for p in pieces] == [p.text for p in hostile_pack().paragraphs]


def test_each_quote_is_a_locution_at_its_place() -> None:
    pack = hostile_pack()
    document = json.loads(to_aif(pack))
    nodes = {n["nodeID"]: n for n in document["AIF"]["nodes"]}
    said = [n for n in nodes.values() if n["type"] == "L"]
    assert [n["text"] for n in said] == [QUOTE, HOSTILE, QUOTE, HOSTILE]  # thesis 2, r1 1, r3 1
    texts = {p.id: p.text for p in pack.paragraphs}
    for node in said:
        assert texts[node["paragraph"]][node["start"] : node["end"]] == node["text"]
    assert {loc["nodeID"] for loc in document["AIF"]["locutions"]} == {n["nodeID"] for n in said}
    ya = {e["toID"] for e in document["AIF"]["edges"] if e["fromID"] in {n["nodeID"] for n in said}}
    assert {nodes[y]["type"] for y in ya} == {"YA"}


def test_arguebuf_reads_the_hostile_export() -> None:
    graph = arguebuf.load.xaif(json.loads(to_aif(hostile_pack())))
    assert sorted(n.plain_text for n in graph.atom_nodes.values()) == sorted([HOSTILE, HOSTILE, HOSTILE, "plain"])
    schemes = sorted(type(n.scheme).__name__ for n in graph.scheme_nodes.values())
    assert schemes == ["Attack", "Rephrase", "Support"]


def test_arguebuf_reads_the_bundled_pack_as_the_same_tree(bundled_pack: Pack) -> None:
    document = json.loads(to_aif(bundled_pack))
    for graph in (arguebuf.load.xaif(document), arguebuf.load.aif(document["AIF"])):
        assert len(graph.atom_nodes) == len(bundled_pack.arguments)
        claims = {a.id: a.claim.pick("en") for a in bundled_pack.arguments}
        names = {"supports": "Support", "opposes": "Attack", "elaborates": "Rephrase"}
        replies = [a for a in bundled_pack.arguments if a.parent]
        expected = sorted((claims[a.id], names[a.relation or "supports"], claims[a.parent]) for a in replies)
        found = sorted(
            (premise.plain_text, type(scheme.scheme).__name__, conclusion.plain_text)
            for scheme in graph.scheme_nodes.values()
            for premise in graph.incoming_nodes(scheme)
            for conclusion in graph.outgoing_nodes(scheme)
        )
        assert found == expected


# --- import -f aif ------------------------------------------------------------------------------


def test_a_map_written_by_arguebuf_imports_as_a_valid_pack(tmp_path: Path) -> None:
    graph = arguebuf.Graph()
    thesis = arguebuf.AtomNode("Banks become platforms.", id="t")
    reason = arguebuf.AtomNode("移动支付很普遍。", id="r")
    doubt = arguebuf.AtomNode(HOSTILE, id="d")
    support = arguebuf.SchemeNode(arguebuf.Support.DEFAULT, id="s1")
    attack = arguebuf.SchemeNode(arguebuf.Attack.DEFAULT, id="s2")
    for node in (thesis, reason, doubt, support, attack):
        graph.add_node(node)
    for n, (a, b) in enumerate([(reason, support), (support, thesis), (doubt, attack), (attack, thesis)]):
        graph.add_edge(arguebuf.Edge(a, b, id=f"e{n}"))
    source = tmp_path / "map.json"
    source.write_text(json.dumps(arguebuf.dump.xaif(graph)), encoding="utf-8")
    result = run("import", "-f", "aif", str(source), str(tmp_path / "pack"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    pack = load_pack(tmp_path / "pack", use_cache=False)
    by_claim = {a.claim.pick("en"): a for a in pack.arguments}
    assert by_claim["Banks become platforms."].role == "thesis"
    assert by_claim["移动支付很普遍。"].relation == "supports"
    assert by_claim["移动支付很普遍。"].claim.zh == "移动支付很普遍。"
    hostile = by_claim[" ".join(HOSTILE.split())]
    assert (hostile.relation, hostile.parent) == ("opposes", by_claim["Banks become platforms."].id)


def test_our_export_imports_back_with_tree_and_quotes(bundled_pack: Pack, tmp_path: Path) -> None:
    source = tmp_path / "article.json"
    source.write_text(to_aif(bundled_pack), encoding="utf-8")
    result = run("import", "-f", "aif", str(source), str(tmp_path / "pack"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    pack = load_pack(tmp_path / "pack", use_cache=False)
    assert [p.text for p in pack.paragraphs] == [" ".join(p.text.split()) for p in bundled_pack.paragraphs]
    claims = {a.id: a.claim.pick("en") for a in bundled_pack.arguments}
    mine = {a.id: a for a in pack.arguments}
    tree = sorted((claims[a.id], a.relation, claims[a.parent]) for a in bundled_pack.arguments if a.parent)
    back = sorted((a.claim.pick("en"), a.relation, mine[a.parent].claim.pick("en")) for a in pack.arguments if a.parent)
    assert back == tree
    quotes = sorted(e.quote for a in bundled_pack.arguments for e in a.evidence)
    assert sorted(e.quote for a in pack.arguments for e in a.evidence) == sorted(" ".join(q.split()) for q in quotes)


CLAIM = '{"nodeID": "1", "type": "I", "text": "a"}'


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ("{", "map.json: line 1, column 2: not JSON"),
        ("[1]", "map.json: top level: neither xAIF"),
        ('{"AIF": {"nodes": 3}}', "map.json: AIF.nodes: missing or not a list"),
        ('{"nodes": [{"type": "I", "text": "x"}]}', "map.json: nodes[0].nodeID: missing"),
        ('{"nodes": [{"nodeID": "1", "type": "I", "text": 5}]}', "map.json: nodes[0].text: not a string"),
        (
            f'{{"nodes": [{CLAIM}, {{"nodeID": 1, "type": "I", "text": "b"}}]}}',
            "map.json: nodes[1].nodeID: 1 is already",
        ),
        (f'{{"nodes": [{CLAIM}], "edges": [{{"fromID": "1", "toID": "9"}}]}}', "map.json: edges[0].toID: no node has"),
        ('{"nodes": [{"nodeID": "1", "type": "RA", "text": "a"}]}', "map.json: nodes: no I-node"),
    ],
)
def test_a_bad_map_is_refused_with_a_located_line(document: str, expected: str, tmp_path: Path) -> None:
    (tmp_path / "map.json").write_text(document, encoding="utf-8")
    result = run("import", "-f", "aif", "map.json", "pack", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0].startswith(expected), result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "pack").exists()


def test_every_problem_is_listed_at_once(tmp_path: Path) -> None:
    bad = {"nodes": [{"nodeID": "1", "type": "I", "text": ""}, "x"], "edges": [{"fromID": "1"}]}
    (tmp_path / "map.json").write_text(json.dumps(bad), encoding="utf-8")
    result = run("import", "-f", "aif", "map.json", "pack", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "map.json: nodes[0].text: an I-node needs a claim; this one is empty",
        "map.json: nodes[1]: not an object",
        "map.json: edges[0].toID: missing, or neither a string nor a number",
        "fintech-tui: 3 problems; nothing was written",
    ]


def test_an_existing_folder_is_refused_and_kept(tmp_path: Path) -> None:
    (tmp_path / "map.json").write_text('{"nodes": [{"nodeID": "1", "type": "I", "text": "a"}]}', encoding="utf-8")
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "mine.txt").write_text("keep", encoding="utf-8")
    result = run("import", "-f", "aif", "map.json", "pack", cwd=tmp_path)
    assert result.returncode == 1 and "already exists" in result.stderr
    assert [p.name for p in (tmp_path / "pack").iterdir()] == ["mine.txt"]


def test_a_claim_bearing_on_two_keeps_one_parent_and_says_so(tmp_path: Path) -> None:
    nodes = [{"nodeID": i, "type": "I", "text": t} for i, t in (("a", "A."), ("b", "B."), ("c", "C."))]
    nodes += [{"nodeID": "s", "type": "RA", "text": ""}, {"nodeID": "u", "type": "RA", "text": ""}]
    edges = [("c", "s"), ("s", "a"), ("c", "u"), ("u", "b"), ("a", "s2"), ("s2", "c")]
    nodes.append({"nodeID": "s2", "type": "RA", "text": ""})  # a loop back to c is dropped too
    document = {"nodes": nodes, "edges": [{"edgeID": str(n), "fromID": f, "toID": t} for n, (f, t) in enumerate(edges)]}
    (tmp_path / "map.json").write_text(json.dumps(document), encoding="utf-8")
    result = run("import", "-f", "aif", "map.json", "pack", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    pack = load_pack(tmp_path / "pack", use_cache=False)
    by_id = {a.id: a for a in pack.arguments}
    assert by_id["claim-c"].parent == "claim-a"
    assert "supports claim-b" in by_id["claim-c"].inference
    assert by_id["claim-a"].parent == "" and "supports claim-c" in by_id["claim-a"].inference
