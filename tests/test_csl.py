"""CSL-JSON and citations: read and rendered by citeproc-py, a ¶ locator per quote, hostile text kept as data."""

from __future__ import annotations

import json

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source import Locator
from citeproc.source.json import CiteProcJSON

from fintech_tui.export.csl import to_citations, to_csl
from fintech_tui.export.quotes import placed_quotes
from fintech_tui.model import Pack

from .interchange import HOSTILE, hostile_pack

STYLE = "harvard-cite-them-right"  # the style citeproc-py ships


def test_citeproc_reads_the_article_and_cites_each_quote_by_paragraph(bundled_pack: Pack) -> None:
    [item] = json.loads(to_csl(bundled_pack))
    assert item["author"] == [{"literal": bundled_pack.meta.author}]
    assert item["issued"] == {"date-parts": [[2021, 3, 22]]}
    document = json.loads(to_citations(bundled_pack))
    citations = document["citations"]
    quotes = list(placed_quotes(bundled_pack))
    assert len(citations) == len(quotes) > 100
    bibliography = CitationStylesBibliography(
        CitationStylesStyle(STYLE, validate=False), CiteProcJSON(document["items"]), formatter.plain
    )
    for citation, quote in zip(citations[:20], quotes, strict=False):
        [cited] = citation["citationItems"]
        assert (cited["locator"], cited["label"], citation["quote"]) == (str(quote.number), "paragraph", quote.quote)
        processed = Citation([CitationItem(cited["id"], locator=Locator(cited["label"], cited["locator"]))])
        bibliography.register(processed)
        rendered = str(bibliography.cite(processed, lambda _: None))
        assert rendered == f"({bundled_pack.meta.author}, 2021, para. {quote.number})"
    [entry] = [str(e) for e in bibliography.bibliography()]
    assert bundled_pack.meta.title.en in entry


def test_hostile_text_is_data_in_both() -> None:
    pack = hostile_pack()
    for text in (to_csl(pack), to_citations(pack)):
        assert "\x1b" not in text and "\x07" not in text  # escaped, never raw
        document = json.loads(text)
        items = document if isinstance(document, list) else document["items"]
        assert HOSTILE in items[0]["title"] or HOSTILE in items[0].get("original-title", "")
