"""The YAML reader: same values as PyYAML, limits enforced while reading, clear syntax errors."""

from __future__ import annotations

import math
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fintech_tui.cli.dispatch import main
from fintech_tui.loader import yaml_source
from fintech_tui.loader.yaml_events import PlainFloat, PlainInt
from fintech_tui.loader.yaml_source import read_yaml

from .conftest import PackWriter


def problems_of(text: str | bytes) -> list[str]:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    _, problems = read_yaml(raw, "f.yaml")
    return [str(p) for p in problems]


def same(a: Any, b: Any) -> bool:
    if isinstance(a, PlainInt | PlainFloat):  # a plain number keeps its text; `1e5` is text to PyYAML
        return (type(b) is str and b == a.source) or (type(b) in (int, float) and same(type(b)(a), b))
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a):
        return math.isnan(b)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["yes", "No", "on", "~", "null", "0x1F", "0o17", "1_000", "1:30", ".5", "+1", "-.inf", "=", "p1"]),
)
trees = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5), st.dictionaries(st.text(min_size=1, max_size=8), children, max_size=5)
    ),
    max_leaves=40,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.text(min_size=1, max_size=8), trees, min_size=1, max_size=4), st.booleans())
def test_values_are_the_ones_pyyaml_builds(tree: dict[str, Any], flow: bool) -> None:
    text = yaml.safe_dump(tree, allow_unicode=True, default_flow_style=flow)
    expected = yaml.load(text, Loader=yaml.CSafeLoader)
    doc, problems = read_yaml(text.encode("utf-8"), "f.yaml")
    assert doc is not None and not problems
    assert same(doc.data, expected)


def test_problems_are_placed_on_the_line_they_concern() -> None:
    text = "a:\n  - x\n  - !!binary aGk=\n  - {b: 1, b: 2}\n"
    assert problems_of(text) == [
        "f.yaml:3:5: a[1]: tag 'tag:yaml.org,2002:binary' is not allowed",
        "f.yaml:4:12: a[2].b: duplicate key (first given on line 4)",
    ]
    doc, _ = read_yaml(text.encode(), "f.yaml")
    assert doc is not None
    assert str(doc.problem(("a", 2), "wrong")) == "f.yaml:4:5: a[2]: wrong"
    assert str(doc.problem(("a", 2, "b"), "key", at_key=True)) == "f.yaml:4:6: a[2].b: key"


def test_duplicate_anchor_is_still_an_error() -> None:
    assert problems_of("a: &x 1\nb: &x 2\n") == [
        "f.yaml:2:4: invalid YAML: second occurrence (found duplicate anchor; first occurrence)"
    ]


def test_bad_numbers_under_explicit_tags_are_located_problems() -> None:
    problems = problems_of("a: !!int abc\nb: !!float x\nc: !!bool maybe\nd: !!int " + "9" * 5000 + "\n")
    assert [p.split(": ", 2)[0] for p in problems] == ["f.yaml:1:4", "f.yaml:2:4", "f.yaml:3:4", "f.yaml:4:4"]
    assert all(": not a valid " in p for p in problems), problems


# -- limits, enforced while reading ---------------------------------------------


def test_too_many_values_stop_the_reading_where_the_limit_is_crossed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yaml_source, "MAX_NODES", 1000)
    line = "a: [" + ", ".join(["x"] * 5000) + "]\n"
    (problem,) = problems_of(line)
    # the 1001st value: the root mapping, the key and the list count too
    assert problem == f"f.yaml:1:{4 + 3 * 997 + 1}: refused: more than 1,000 values after expanding aliases"


def test_a_large_anchor_reused_many_times_is_refused_at_the_alias(
    write_pack: PackWriter, capsys: pytest.CaptureFixture[str]
) -> None:
    big = "x" * 1_000_000
    uses = ", ".join(["*big"] * 2000)
    folder = write_pack(**{"meta.yaml": f"meta:\n  title: &big {{en: {big}}}\n  note: [{uses}]\n"})
    assert main(["check", str(folder)]) == 2
    lines = capsys.readouterr().err.splitlines()
    limit = yaml_source.MAX_ALIAS_CHARS
    used = limit // (1_000_000 + 2) + 1  # the alias that goes over; each repeats the text and its key
    column = 10 + 6 * (used - 1)
    assert lines[0] == (
        f"{folder / 'meta.yaml'}:3:{column}: refused: aliases repeat more than {limit:,} characters of text"
    ), lines


def test_nesting_through_an_alias_counts_its_depth(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yaml_source, "MAX_DEPTH", 10)
    deep = "[" * 6 + "]" * 6
    assert problems_of(f"a: &d {deep}\nb: [[[[[*d]]]]]\n") == ["f.yaml:2:9: refused: nested more than 10 levels deep"]
    assert problems_of(f"a: &d {deep}\nb: [[[[*d]]]]\n") == []


def test_an_alias_inside_its_own_anchor_is_refused() -> None:
    assert problems_of("meta: &a [x, *a]\n") == ["f.yaml:1:14: refused: alias *a is inside the value it names"]


def test_an_unknown_section_is_checked_but_not_built() -> None:
    text = "meta: {title: {en: x}}\nchapters: [" + ", ".join(["c"] * 1000) + "]\nbroken: [\n"
    doc, problems = read_yaml(text.encode(), "f.yaml", sections={"meta"})
    assert doc is None and "invalid YAML" in problems[0].message  # its syntax is still read
    doc, problems = read_yaml(text[: text.index("broken")].encode(), "f.yaml", sections={"meta"})
    assert doc is not None and not problems
    assert doc.data == {"meta": {"title": {"en": "x"}}, "chapters": None}


def test_an_alias_to_an_anchor_in_an_unknown_section_still_resolves() -> None:
    text = "templates: {base: &b {en: x}}\nmeta: {title: *b}\n"
    doc, problems = read_yaml(text.encode(), "f.yaml", sections={"meta"})
    assert doc is not None and not problems
    assert doc.data == {"templates": None, "meta": {"title": {"en": "x"}}}


# The peak resident size of this process alone: VmHWM starts afresh at exec, while
# getrusage's ru_maxrss on Linux carries over the parent's peak from before the exec.
PEAK_PROBE = """
import sys
from fintech_tui.loader.yaml_events import PlainFloat, PlainInt
from fintech_tui.loader.yaml_source import read_yaml
raw = open(sys.argv[1], "rb").read()
doc, problems = read_yaml(raw, "big.yaml", sections={"meta"})
peak = [line for line in open("/proc/self/status") if line.startswith("VmHWM:")][0]
print(int(peak.split()[1]) // 1024, problems[:1])
"""

SHAPES = {
    "flow list of short values": lambda n: "meta: [" + ", ".join(f"v{i % 50}" for i in range(n)) + "]\n",
    "flow list of empty lists": lambda n: "meta: [" + ", ".join(["[]"] * n) + "]\n",
    "block mapping": lambda n: "meta:\n" + "".join(f"  k{i}: {i}\n" for i in range(n // 2)),
    "unknown section": lambda n: "other: [" + ", ".join(["{a: b}"] * (n // 2)) + "]\n",
}


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the peak from /proc")
@pytest.mark.parametrize("shape", SHAPES)
def test_peak_memory_of_a_few_megabytes_stays_low(shape: str, tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    text = SHAPES[shape](700_000)
    path.write_text(text, encoding="utf-8")
    assert len(text) > 2_000_000
    result = subprocess.run(
        [sys.executable, "-c", PEAK_PROBE, str(path)], capture_output=True, text=True, timeout=120, check=True
    )
    peak_mib = int(result.stdout.split()[0])
    assert peak_mib < 250, result.stdout  # it was 600-900 MiB when every node was built first


# -- syntax errors say where and what --------------------------------------------


def test_an_unclosed_brace_is_reported_where_it_opened() -> None:
    text = "meta:\n  title: {en: x\n  author: y\nparagraphs: []\n"
    (problem,) = problems_of(text)
    assert problem.startswith("f.yaml:2:10: invalid YAML: this '{' is never closed"), problem


def test_an_unterminated_quote_is_reported_where_it_opened() -> None:
    (problem,) = problems_of('meta:\n  title: {en: "x}\n  author: y\n')
    assert problem.startswith("f.yaml:2:15: invalid YAML: this quote is never closed"), problem


@pytest.mark.parametrize("text", ["meta:\n\ttitle: {en: x}\n", "meta:\n  title: x\n\tauthor: y\n"])
def test_a_tab_used_for_indentation_is_named(text: str) -> None:
    (problem,) = problems_of(text)
    assert problem.endswith("invalid YAML: tabs are not allowed for indentation"), problem
    assert problem.startswith(("f.yaml:2:1:", "f.yaml:3:1:")), problem


def test_not_utf8_column_is_one_based() -> None:
    raw = "meta:\n  title: {en: café}\n".encode("latin-1")
    assert problems_of(raw) == ["f.yaml:2:18: not UTF-8 text (byte 23)"]
    assert problems_of(b"\xff") == ["f.yaml:1:1: not UTF-8 text (byte 0)"]


def test_a_control_character_is_placed_by_characters_not_bytes() -> None:
    assert problems_of("a: 口袋生活\x07\n") == ["f.yaml:1:8: invalid YAML: character U+0007 is not allowed"]


def test_error_text_is_one_line() -> None:
    text = textwrap.dedent("""\
        a: [1,
          2
        b: 3
        """)
    (problem,) = problems_of(text)
    assert "\n" not in problem


PARALLEL_PROBE = """
import json, sys
from fintech_tui.loader import parallel
from fintech_tui.util.synthetic import write_pack
from pathlib import Path
folder = Path(sys.argv[1])
write_pack(3000, folder)
contents = [(str(p), p.read_bytes()) for p in sorted(folder.iterdir())]
contents.append(("bad.yaml", b"meta: {a: 1, a: 2}\\nx: [\\n"))
contents.append(("dup.yaml", b"meta:\\n  a: 1\\n  a: [2]\\n"))
seen = []
parallel.FORK_FROM_BYTES = 1
forked = bool(parallel._share_for_a_child(contents))
together = parallel.parse_files(contents, progress=lambda *a: seen.append(a))
parallel.FORK_FROM_BYTES = 10**12
alone = parallel.parse_files(contents)
def plain(results):
    return [(doc.data if doc else None, [str(p) for p in problems]) for doc, problems in results]
print(json.dumps({
    "same": plain(together) == plain(alone),
    "forked": forked,
    "marks": str(together[-1][0].problem(("meta", "a"), "here")) if together[-1][0] else "",
    "done": seen[-1][1] == seen[-1][2],
    "items": seen[-1][3],
    "progress_calls": len(seen),
}))
"""


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="parses in a forked process")
def test_files_parsed_in_a_second_process_come_back_the_same(tmp_path: Path) -> None:
    # A fresh process: forking is only done where no other thread runs.
    result = subprocess.run(
        [sys.executable, "-c", PARALLEL_PROBE, str(tmp_path / "pack")],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    report = __import__("json").loads(result.stdout)
    assert report["same"] is True
    assert report["marks"] == "dup.yaml:2:6: meta.a: here"
    assert report["forked"] is True
    assert report["done"] is True
    assert report["items"] > 3000  # paragraphs, entities, arguments … all counted
    assert report["progress_calls"] > 3
