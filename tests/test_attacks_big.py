"""Big valid packs (issue 21, items 11 and 12): a paragraph too long to show is refused where
it stands, and an explorer busy with a big one still ends when told to.

Each case runs the real command line, as a user would; each failed before its fix.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from fintech_tui.loader.checks import MAX_PARAGRAPH_CHARS

from .test_attacks_fresh import one_line, run

SENTENCE = "支付宝有数亿用户。"


def _long(chars: int) -> str:
    return (SENTENCE * (chars // len(SENTENCE) + 1))[:chars]


def _pack_with(tmp_path: Path, field: str, chars: int) -> Path:
    """A one-file pack whose second paragraph's `field` holds `chars` characters (on line 7)."""
    readings = {"text": SENTENCE, "restored": "", "en": ""}
    readings[field] = _long(chars)
    lines = ["meta:", "  title: {en: Big}", "paragraphs:", "  - id: p1", "    text: 开头。", "  - id: p2"]
    lines += [f"    {name}: {value}" for name, value in readings.items() if value]
    path = tmp_path / "big.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("field", ["text", "restored", "en"])
def test_a_paragraph_past_the_cap_is_one_located_problem(tmp_path: Path, field: str) -> None:
    pack = _pack_with(tmp_path, field, MAX_PARAGRAPH_CHARS + 1)
    result = run("check", str(pack), cwd=tmp_path)
    assert result.returncode == 2, result.stderr[:300]
    assert "Traceback" not in result.stderr
    problem, summary = result.stderr.splitlines()
    line = 7 if field == "text" else 8
    assert re.fullmatch(
        rf"{re.escape(str(pack))}:{line}:\d+: paragraphs\[1\]\.{field}: 4,194,305 characters, "
        r"more than the 4,194,304 a paragraph may hold; split it into several paragraphs",
        problem,
    ), problem[:300]
    assert summary == "fintech-tui: 1 problem; pack not opened"


def test_a_paragraph_at_the_cap_checks(tmp_path: Path) -> None:
    result = run("check", str(_pack_with(tmp_path, "text", MAX_PARAGRAPH_CHARS)), cwd=tmp_path)
    assert result.returncode == 0, result.stderr[:300]


def test_the_explorer_refuses_it_too_and_says_where(tmp_path: Path) -> None:
    pack = _pack_with(tmp_path, "text", MAX_PARAGRAPH_CHARS + 1)
    result = run(str(pack), cwd=tmp_path, stdin=subprocess.DEVNULL)
    assert result.returncode == 2
    assert "paragraphs[1].text: 4,194,305 characters" in result.stderr
    assert "Traceback" not in result.stderr


def test_draft_refuses_a_paragraph_its_loader_would() -> None:
    from fintech_tui.draft.limits import within_limits
    from fintech_tui.draft.reading import ArticleError

    paragraphs = [{"id": "p1", "text": "开头。"}, {"id": "p2", "text": _long(MAX_PARAGRAPH_CHARS + 1)}]
    with pytest.raises(ArticleError, match=r"paragraph 2 holds 4,194,305 characters, more than the 4,194,304"):
        within_limits({"source.yaml": {"paragraphs": paragraphs}}, "article.txt")


def test_draft_refuses_a_paragraph_long_before_the_loader_would(tmp_path: Path) -> None:
    """`draft` stops at its own, smaller paragraph limit with one line; nothing is written."""
    article = tmp_path / "article.txt"
    article.write_text("a" * (MAX_PARAGRAPH_CHARS // 2), encoding="utf-8")
    drafted = run("draft", str(article), str(tmp_path / "pack"), cwd=tmp_path)
    assert drafted.returncode != 0
    assert "characters in one paragraph (at most 50,000)" in one_line(drafted)
    assert not (tmp_path / "pack").exists()
