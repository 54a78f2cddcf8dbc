"""Web Annotation export: expanded by pyld (a JSON-LD processor) and re-anchored by anchorpoint."""

from __future__ import annotations

import json
from typing import Any

from anchorpoint.textselectors import TextPositionSelector, TextQuoteSelector
from pyld import jsonld

from fintech_tui.export.annotations import CONTEXT, text_iri, to_annotations
from fintech_tui.export.quotes import article_text, placed_quotes
from fintech_tui.model import Pack

from .interchange import HOSTILE, QUOTE, hostile_pack

OA, AS, RDF = (
    "http://www.w3.org/ns/oa#",
    "http://www.w3.org/ns/activitystreams#",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
)


def term(iri: str, kind: str | None = None) -> dict[str, str]:
    return {"@id": iri, **({"@type": kind} if kind else {})}


#: The terms this export uses, mapped to the Web Annotation vocabulary's IRIs (written for the test:
#: nothing is fetched, and pyld ships no copy of the W3C context).
LOCAL_CONTEXT = {
    "@context": {
        "oa": OA,
        "as": AS,
        "id": "@id",
        "type": "@type",
        "language": "@language",
        "Annotation": OA + "Annotation",
        "TextualBody": OA + "TextualBody",
        "TextQuoteSelector": OA + "TextQuoteSelector",
        "TextPositionSelector": OA + "TextPositionSelector",
        "AnnotationCollection": AS + "OrderedCollection",
        "AnnotationPage": AS + "OrderedCollectionPage",
        "body": term(OA + "hasBody", "@id"),
        "target": term(OA + "hasTarget", "@id"),
        "source": term(OA + "hasSource", "@id"),
        "selector": term(OA + "hasSelector", "@id"),
        "motivation": term(OA + "motivatedBy", "@vocab"),
        "purpose": term(OA + "hasPurpose", "@vocab"),
        "linking": OA + "linking",
        "describing": OA + "describing",
        "tagging": OA + "tagging",
        "value": RDF + "value",
        "exact": OA + "exact",
        "prefix": OA + "prefix",
        "suffix": OA + "suffix",
        "start": OA + "start",
        "end": OA + "end",
        "label": "http://www.w3.org/2000/01/rdf-schema#label",
        "total": AS + "totalItems",
        "first": term(AS + "first", "@id"),
        "startIndex": AS + "startIndex",
        "items": {"@id": AS + "items", "@container": "@list"},
    }
}


def loader(url: str, options: Any = None) -> dict[str, Any]:
    assert url == CONTEXT
    return {"contextUrl": None, "documentUrl": url, "document": LOCAL_CONTEXT}


def expanded(document: dict[str, Any]) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = jsonld.expand(document, {"documentLoader": loader})
    return result


def selectors(document: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [tuple(item["target"]["selector"]) for item in document["first"]["items"]]  # type: ignore[misc]


def test_pyld_expands_each_annotation_to_the_vocabulary() -> None:
    document = json.loads(to_annotations(hostile_pack()))
    [collection] = expanded(document)
    items = collection[AS + "first"][0][AS + "items"][0]["@list"]
    assert len(items) == len(list(placed_quotes(hostile_pack()))) == len(document["first"]["items"])
    for item in items:
        assert item["@type"] == [OA + "Annotation"]
        assert item[OA + "motivatedBy"] == [{"@id": OA + "linking"}]
        [target] = item[OA + "hasTarget"]
        assert target[OA + "hasSource"] == [{"@id": text_iri(article_text(hostile_pack()))}]
        types = sorted(t for s in target[OA + "hasSelector"] for t in s["@type"])
        assert types == [OA + "TextPositionSelector", OA + "TextQuoteSelector"]
    exact = {
        s[OA + "exact"][0]["@value"]
        for i in items
        for s in i[OA + "hasTarget"][0][OA + "hasSelector"]
        if OA + "exact" in s
    }
    assert exact == {QUOTE, HOSTILE}  # hostile text comes back as the same string
    bodies = {b[RDF + "value"][0]["@value"] for i in items for b in i[OA + "hasBody"]}
    assert {"argument:thesis", "entity:org", "strategy:plan", HOSTILE} <= bodies


def test_anchorpoint_re_anchors_every_selector(bundled_pack: Pack) -> None:
    text = article_text(bundled_pack)
    document = json.loads(to_annotations(bundled_pack))
    assert document["total"] == len(document["first"]["items"]) > 100
    for quote, position in selectors(document):
        found = TextQuoteSelector(exact=quote["exact"], prefix=quote["prefix"], suffix=quote["suffix"]).as_position(
            text
        )
        assert (found.start, found.end) == (position["start"], position["end"])
        assert TextPositionSelector(start=position["start"], end=position["end"]).select_text(text) == quote["exact"]


def test_a_quote_re_anchors_after_the_text_changes_before_it(bundled_pack: Pack) -> None:
    text = article_text(bundled_pack)
    edited = "A new first line.\n" + text
    for quote, position in selectors(json.loads(to_annotations(bundled_pack)))[:20]:
        found = TextQuoteSelector(exact=quote["exact"], prefix=quote["prefix"], suffix=quote["suffix"]).as_position(
            edited
        )
        assert edited[found.start : found.end] == quote["exact"]
        assert found.start == position["start"] + len("A new first line.\n")


def test_hostile_text_is_escaped_for_a_terminal() -> None:
    out = to_annotations(hostile_pack())
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
    assert to_annotations(hostile_pack()) == out  # the same ids on a second export
