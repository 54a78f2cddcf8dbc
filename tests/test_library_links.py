"""Claims linked across articles: an argument's `across` names a claim of another article, with a relation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from fintech_tui.library.catalog import Library
from fintech_tui.loader import PackError, load_pack
from fintech_tui.render.library import sides_table
from tests.library_helpers import entity, write_article
from tests.test_library_cli import run

pytestmark = pytest.mark.fast


def claim(cid: str, words: str, **extra: Any) -> dict[str, Any]:
    return {"id": cid, "role": "thesis", "claim": {"en": words}, "concerns": ["life"], **extra}


def write_two(root: Path, across: list[dict[str, str]]) -> Path:
    """Two articles on CMB Life; the second's claim `doubt` carries `across`."""
    write_article(
        root,
        "one",
        "掌上生活用户数超过1亿。",
        title="One",
        entities=[entity("life", "掌上生活", "CMB Life")],
        arguments=[claim("growth", "CMB Life keeps growing.")],
    )
    write_article(
        root,
        "two",
        "掌上生活增长放缓。",
        title="Two",
        entities=[entity("life", "掌上生活", "CMB Life")],
        arguments=[claim("doubt", "CMB Life's growth is slowing.", across=across)],
    )
    return root


def test_a_link_shows_under_both_claims_side_by_side(tmp_path: Path) -> None:
    root = write_two(tmp_path / "lib", [{"article": "one.yaml", "claim": "growth", "relation": "opposes"}])
    with Library.open(root) as library:
        shared = library.shared_of("one.yaml", "life")
        assert shared is not None
        sides = library.side_by_side(["one.yaml", "two.yaml"], shared_key=shared.key)
        (growth,), (doubt,) = sides["one.yaml"], sides["two.yaml"]
        assert [(link.article, link.claim, link.relation) for link in doubt.links] == [
            ("one.yaml", "growth", "opposes")
        ]
        assert [(link.article, link.claim, link.relation) for link in growth.linked_from] == [
            ("two.yaml", "doubt", "opposes")
        ]
        assert not growth.links and not doubt.linked_from
        titles = {key: library.article(key).title for key in sides}
        console = Console(width=120, record=True, color_system=None)
        console.print(sides_table(sides, titles, "en", 116))
        text = console.export_text()
        assert "→ opposes One: CMB Life keeps growing." in text
        assert "← Two: CMB Life's growth is slowing. opposes this" in text
        assert library.dangling_links() == ()


@pytest.mark.parametrize(
    ("link", "field", "message"),
    [
        ({"article": "../elsewhere", "claim": "growth", "relation": "supports"}, "across[0].article", "not an article"),
        ({"article": "", "claim": "growth", "relation": "supports"}, "across[0].article", "article key is empty"),
        ({"article": "one.yaml", "claim": "no good", "relation": "supports"}, "across[0].claim", "not a claim id"),
        ({"article": "one.yaml", "claim": "growth", "relation": "refutes"}, "across[0].relation", ""),
        ({"article": "one.yaml", "relation": "supports"}, "across[0]", "claim"),
    ],
)
def test_a_malformed_link_is_a_located_problem(tmp_path: Path, link: dict[str, str], field: str, message: str) -> None:
    root = write_two(tmp_path / "lib", [link])
    with pytest.raises(PackError) as raised:
        load_pack(root / "two.yaml")
    lines = [str(p) for p in raised.value.problems]
    assert any("two.yaml:" in line and f"arguments[0].{field}" in line and message in line for line in lines), lines


def test_the_same_claim_twice_is_a_problem(tmp_path: Path) -> None:
    twice = {"article": "one.yaml", "claim": "growth", "relation": "supports"}
    root = write_two(tmp_path / "lib", [twice, {**twice, "relation": "opposes"}])
    with pytest.raises(PackError) as raised:
        load_pack(root / "two.yaml")
    assert any("arguments[0].across[1]" in str(p) and "named twice" in str(p) for p in raised.value.problems)


def test_check_library_reports_a_dangling_link_where_it_was_written_and_exits_2(tmp_path: Path) -> None:
    write_two(
        tmp_path / "lib",
        [
            {"article": "one.yaml", "claim": "growth", "relation": "supports"},
            {"article": "one.yaml", "claim": "gone", "relation": "opposes"},
            {"article": "three.yaml", "claim": "growth", "relation": "opposes"},
            {"article": "two.yaml", "claim": "doubt", "relation": "supports"},
        ],
    )
    done = run("check", "lib", cwd=tmp_path)
    assert done.returncode == 2, done.stdout + done.stderr
    lines = done.stderr.splitlines()
    located = [line for line in lines if line.startswith("lib/two.yaml:")]
    assert len(located) == 3, lines
    assert all(line.split(":")[1].isdigit() and line.split(":")[2].isdigit() for line in located)
    assert "arguments[0].across[1].claim: article 'one.yaml' has no claim 'gone'" in located[0]
    assert "arguments[0].across[2].claim: the library holds no article 'three.yaml'" in located[1]
    assert "arguments[0].across[3].claim: claim 'doubt' is of this same article" in located[2]
    assert "two.yaml: 3 links to no claim of another article" in lines
    assert "Traceback" not in done.stderr
    good = write_two(tmp_path / "good", [{"article": "one.yaml", "claim": "growth", "relation": "supports"}])
    assert run("check", str(good), cwd=tmp_path).returncode == 0


def test_the_json_export_holds_the_links_and_says_which_dangle(tmp_path: Path) -> None:
    write_two(
        tmp_path / "lib",
        [
            {"article": "one.yaml", "claim": "growth", "relation": "supports"},
            {"article": "one.yaml", "claim": "gone", "relation": "opposes"},
        ],
    )
    done = run("export", "-f", "json", "lib", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    links = json.loads(done.stdout)["claim_links"]
    assert links == [
        {
            "article": "two.yaml",
            "claim": "doubt",
            "relation": "supports",
            "to_article": "one.yaml",
            "to_claim": "growth",
            "dangling": False,
        },
        {
            "article": "two.yaml",
            "claim": "doubt",
            "relation": "opposes",
            "to_article": "one.yaml",
            "to_claim": "gone",
            "dangling": True,
        },
    ]
