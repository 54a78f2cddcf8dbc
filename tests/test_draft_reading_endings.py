"""An article's line endings: LF, CRLF and a lone CR (classic Mac OS) all end a line, and every
drafted item still points at the paragraph its text is in."""

from __future__ import annotations

from pathlib import Path

import pytest

from fintech_tui.draft import draft_sections
from fintech_tui.draft.reading import MAX_PARAGRAPH, ArticleError, read_article

LINES = [
    "Orchard Lending cuts its fees",
    "Orchard Lending said on Monday it would cut its late fee for all customers.",
    "The lender had 2.4 million customers at the end of June, up 18% from a year earlier.",
    "Its rival Quaybank did not comment.",
]


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_every_line_ending_makes_the_same_paragraphs(tmp_path: Path, ending: str, suffix: str) -> None:
    gap = ending * (2 if suffix == ".md" else 1)  # Markdown needs a blank line between paragraphs
    article = tmp_path / f"orchard{suffix}"
    article.write_bytes(gap.join(LINES).encode() + ending.encode())
    blocks = read_article(article)
    assert [block.text for block in blocks] == LINES  # before, with CR alone: one paragraph of all four
    sections = draft_sections(blocks, article.name)
    paragraphs = {p["id"]: p["text"] for p in sections["source.yaml"]["paragraphs"]}
    figures = sections["figures.yaml"]["figures"]
    assert {f["as_written"] for f in figures} >= {"2.4 million customers", "18%"}
    for figure in figures:  # each figure's evidence names the paragraph that holds its quote
        [evidence] = figure["evidence"]
        assert evidence["quote"] in paragraphs[evidence["para"]]
        assert paragraphs[evidence["para"]] == LINES[2]


def test_a_mixed_file_reads_each_ending_as_one_line_ending(tmp_path: Path) -> None:
    article = tmp_path / "mixed.txt"
    article.write_bytes(b"First line.\r\nSecond line.\rThird line.\nFourth line.\r\n\r\nFifth line.")
    assert [b.text for b in read_article(article)] == [
        "First line.",
        "Second line.",
        "Third line.",
        "Fourth line.",
        "Fifth line.",
    ]


def test_a_refusal_names_the_line_counted_by_carriage_returns_too(tmp_path: Path) -> None:
    article = tmp_path / "long.txt"
    article.write_bytes(b"Title\rA short first paragraph.\r" + b"x" * (MAX_PARAGRAPH + 1) + b"\r")
    with pytest.raises(ArticleError, match=r"long\.txt: line 3: "):
        read_article(article)
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"one\rtwo\rthree \x00 four\r")
    with pytest.raises(ArticleError, match=r"nul\.txt: line 3: a NUL byte"):
        read_article(nul)
