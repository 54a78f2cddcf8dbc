"""Interop exports: Argdown, Mermaid, DOT and CSV, checked with real parsers where PyPI has one
(pydot for DOT, the csv module for CSV) and against the format's grammar otherwise."""

from __future__ import annotations

import csv
import io
import re

import pydot
import pytest

from fintech_tui.export.argdown import to_argdown
from fintech_tui.export.dot import to_dot
from fintech_tui.export.figures_csv import COLUMNS, to_csv
from fintech_tui.export.mermaid import to_mermaid
from fintech_tui.model import Argument, Entity, Evidence, Figure, Meta, Pack, Paragraph
from fintech_tui.model import Bilingual as Text

# pydot 4 still calls pyparsing's camelCase names, which pyparsing 3.3 reports as deprecated
pytestmark = pytest.mark.filterwarnings("ignore:'\\w+' deprecated - use:DeprecationWarning")

HOSTILE = (
    'Say "hi"] --> x; [y] <z> #tag *b* _i_ @[T] {a:1} // c /* d */ \\N back + - = :smile: 1.2亿. end.\n'
    "new line `code` | ~ & <br/> \x1b[31m"
)
FLAT = " ".join(HOSTILE.replace("\x1b", "\u241b").split())  # what a one-line format keeps


def hostile_pack() -> Pack:
    ev = (Evidence("p1", "x"),)
    return Pack(
        Meta(Text(en=HOSTILE)),
        (Paragraph("p1", "x"),),
        entities=(
            Entity("org", "company", Text(en=HOSTILE, zh="支付宝"), Text(en="s"), ev),
            Entity("kid", "app", Text(zh=HOSTILE), Text(en="s"), ev, parent="org"),
        ),
        arguments=(
            Argument("thesis", "thesis", Text(en=HOSTILE)),
            Argument("r1", "reason", Text(zh=HOSTILE), parent="thesis", relation="supports"),
            Argument("r2", "point", Text(en=HOSTILE), parent="thesis", relation="opposes", hedge="opinion"),
            Argument("r3", "point", Text(en="plain"), parent="r2", relation="elaborates"),
        ),
        figures=(
            Figure("f1", Text(en='=HYPERLINK("x")', zh=HOSTILE), "-1000万", ev, subject="org", value=-1e7),
            Figure("f2", Text(en="plain"), "30%", ev, value=30, unit="%", period="2020年第三季度"),
        ),
    )


# --- DOT: pydot's parser ------------------------------------------------------------------


def dot_unquote(value: str) -> str:
    """A DOT quoted string's characters; the line-break escape joins wrapped lines back."""
    assert value.startswith('"') and value.endswith('"')
    return re.sub(r"\\(.)", lambda m: "" if m.group(1) == "n" else m.group(1), value[1:-1])


def test_dot_parses_and_keeps_every_label_and_edge() -> None:
    [graph] = pydot.graph_from_dot_data(to_dot(hostile_pack()))
    nodes = {
        dot_unquote(n.get_name()): dot_unquote(n.get("label")) for s in graph.get_subgraphs() for n in s.get_nodes()
    }
    assert nodes == {
        "argument:thesis": FLAT,
        "argument:r1": FLAT,
        "argument:r2": FLAT,
        "argument:r3": "plain",
        "entity:org": f"{FLAT} / 支付宝",
        "entity:kid": FLAT,
    }
    edges = {
        (dot_unquote(e.get_source()), dot_unquote(e.get_destination()), dot_unquote(e.get("label")))
        for s in graph.get_subgraphs()
        for e in s.get_edges()
    }
    assert edges == {
        ("argument:r1", "argument:thesis", "supports"),
        ("argument:r2", "argument:thesis", "opposes"),
        ("argument:r3", "argument:r2", "elaborates"),
        ("entity:kid", "entity:org", "part of"),
    }
    assert dot_unquote(graph.get_name()) == FLAT


def test_dot_of_the_bundled_pack_parses_with_wrapped_labels(bundled_pack: Pack) -> None:
    [graph] = pydot.graph_from_dot_data(to_dot(bundled_pack))
    labels = {dot_unquote(n.get_name()): n.get("label") for s in graph.get_subgraphs() for n in s.get_nodes()}
    assert len(labels) == len(bundled_pack.arguments) + len(bundled_pack.entities)
    thesis = labels["argument:thesis"]
    assert dot_unquote(thesis) == bundled_pack.arguments[0].claim.en
    assert all(len(line) <= 48 for line in thesis.split("\\n")), thesis  # wrapped, not one wide box


# --- CSV: the csv module ------------------------------------------------------------------


def test_csv_reads_back_row_per_figure_with_formula_guard() -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(hostile_pack()))))
    assert list(rows[0]) == list(COLUMNS)
    first, second = rows
    assert first["metric_en"] == '\'=HYPERLINK("x")'  # a spreadsheet would run it as a formula
    assert first["as_written"] == "'-1000万"
    assert first["metric_zh"] == HOSTILE.replace("\x1b", "\u241b")  # line breaks are data, ESC is not
    assert first["value"] == "-10000000.0" and first["subject_name"] == HOSTILE.replace("\x1b", "\u241b")
    assert (second["value"], second["unit"], second["period"]) == ("30", "%", "2020年第三季度")
    assert second["evidence"] == "p1: x"


def test_csv_of_the_bundled_pack(bundled_pack: Pack) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(bundled_pack))))
    assert [r["id"] for r in rows] == [f.id for f in bundled_pack.figures]
    users = next(r for r in rows if r["id"] == "xhb-users-10-days")
    assert (users["as_written"], users["value"], users["subject"]) == ("1000万用户", "10000000", "xianghubao")


# --- Argdown: its grammar -------------------------------------------------------------------

ARGDOWN_LINE = re.compile(
    r"^(?P<indent>(?:  )*)(?:(?P<sign>[+-]) )?\[(?P<id>[A-Za-z0-9_.-]+)\]: (?P<text>.*?)(?P<tags>(?: #[A-Za-z0-9-]+)+)$"
)
ARGDOWN_SPECIAL = set("[]<>#*_@{}/+-=:`~|\\")


def argdown_unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\":
            out.append(text[i + 1])
            i += 2
        else:
            assert text[i] not in ARGDOWN_SPECIAL, f"unescaped {text[i]!r} in {text!r}"
            out.append(text[i])
            i += 1
    return "".join(out)


def test_argdown_is_a_statement_tree_with_inert_text() -> None:
    lines = to_argdown(hostile_pack()).splitlines()
    assert lines[0].startswith("# ") and argdown_unescape(lines[0][2:]) == FLAT
    parsed = [ARGDOWN_LINE.match(line) for line in lines[2:] if line]
    assert all(parsed), lines
    tree = [
        (len(m["indent"]) // 2, m["sign"], m["id"], argdown_unescape(m["text"]), m["tags"].split()) for m in parsed if m
    ]
    assert tree == [
        (0, None, "thesis", FLAT, ["#thesis"]),
        (1, "+", "r1", FLAT, ["#reason"]),
        (1, "-", "r2", FLAT, ["#point", "#opinion"]),
        (2, "+", "r3", "plain", ["#point", "#elaborates"]),
    ]


def test_argdown_of_the_bundled_pack_holds_every_argument_once(bundled_pack: Pack) -> None:
    ids = [m["id"] for line in to_argdown(bundled_pack).splitlines() if (m := ARGDOWN_LINE.match(line))]
    assert sorted(ids) == sorted(a.id for a in bundled_pack.arguments)


# --- Mermaid: its grammar -------------------------------------------------------------------

MERMAID_NODE = re.compile(r'^    (?P<id>[ae]\d+)\["(?P<label>[^"]*)<br/>#40;(?P<kind>[a-z-]+)#41;"\]$')
MERMAID_EDGE = re.compile(r'^    (?P<src>[ae]\d+) (?P<arrow>-->|-\.->)\|"(?P<label>[^"]*)"\| (?P<dst>[ae]\d+)$')
MERMAID_OTHER = re.compile(r'^(flowchart BT|  subgraph [ae]_graph\["[^"]*"\]|  end)$')


def mermaid_unescape(label: str) -> str:
    label = label.replace("<br/>", "")  # the wrapped lines, joined back
    decoded = re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), label)
    stripped = re.sub(r"#\d+;", "", label)
    assert not set(stripped) & set('"<>[]{}|;#`&-=*_@~\\'), f"raw markup in {label!r}"
    return decoded


def test_mermaid_lines_follow_the_grammar_and_labels_decode_back() -> None:
    nodes, edges = {}, []
    for line in to_mermaid(hostile_pack()).splitlines():
        if m := MERMAID_NODE.match(line):
            nodes[m["id"]] = (mermaid_unescape(m["label"]), m["kind"])
        elif m := MERMAID_EDGE.match(line):
            edges.append((m["src"], m["arrow"], mermaid_unescape(m["label"]), m["dst"]))
        else:
            assert MERMAID_OTHER.match(line), line
    assert nodes == {
        "a1": (FLAT, "thesis"),
        "a2": (FLAT, "reason"),
        "a3": (FLAT, "point"),
        "a4": ("plain", "point"),
        "e1": (f"{FLAT} / 支付宝", "company"),
        "e2": (FLAT, "app"),
    }
    assert edges == [
        ("a2", "-->", "supports", "a1"),
        ("a3", "-.->", "opposes", "a1"),
        ("a4", "-->", "elaborates", "a3"),
        ("e2", "-->", "part of", "e1"),
    ]


@pytest.mark.parametrize("render", [to_mermaid, to_dot, to_argdown])
def test_diagrams_of_the_bundled_pack_name_every_parent_link(render, bundled_pack: Pack) -> None:  # type: ignore[no-untyped-def]
    text = render(bundled_pack)
    with_parent = [a for a in bundled_pack.arguments if a.parent]
    if render is to_argdown:
        assert sum(1 for line in text.splitlines() if re.match(r"^\s+[+-] \[", line)) == len(with_parent)
    else:
        relations = ("supports", "opposes", "elaborates")
        assert sum(text.count(f'"{r}"') for r in relations) == len(with_parent)


@pytest.mark.parametrize(
    ("name", "render"), [("argdown", to_argdown), ("mermaid", to_mermaid), ("dot", to_dot), ("csv", to_csv)]
)
def test_cli_exports_each_interop_format(name: str, render, bundled_pack: Pack, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from .test_cli import run

    result = run("export", "-f", name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == render(bundled_pack)


@pytest.mark.parametrize("cells", [6, 10, 16, 24, 40])
def test_diagram_labels_wrap_as_chinese_is_typeset(cells: int) -> None:
    """A wrapped label never splits a number from its unit (1美分, 30万元), never starts a line
    with a closing mark nor ends one with an opening mark, and gives the text back whole."""
    from itertools import pairwise

    from fintech_tui.export.graph import wrap
    from fintech_tui.render.wrap import NO_BREAK_AFTER as NO_LINE_END
    from fintech_tui.render.wrap import NO_BREAK_BEFORE as NO_LINE_START

    text = "阿里营销能力遥遥领先，口号（“1美分拯救生命”、“免费领取30万元”）让人们觉得风险低。用户达3028万台设备。"
    lines = wrap(text, cells)
    assert "".join(lines) == text
    assert len(lines) > 1
    for line, after in pairwise(lines):
        assert after[0] not in NO_LINE_START, lines
        assert line[-1] not in NO_LINE_END, lines
        assert not (line[-1].isdigit() and after[0] in "美分万元台"), lines
        assert not (line.endswith("1美") or line.endswith("30万")), lines
