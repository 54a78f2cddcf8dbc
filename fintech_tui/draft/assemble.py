"""Names and figures into the pack's entities and figures: ids, aliases, parents, subjects, evidence.

The finders say what the text holds; this is where it is tied together: each figure gets the
entity it is about and the period of a header line above it when its own sentence states none.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fintech_tui.draft.found import DRAFTED, Found, Name
from fintech_tui.draft.ids import unique_id
from fintech_tui.draft.mentions import SENTENCE, Mentions, Reader
from fintech_tui.draft.outline import bilingual
from fintech_tui.draft.quotes import clause_around

EVIDENCE_LIMIT = 3  # quotes drafted for each entity: enough to check it, few enough to read


def entity_ids(names: list[Name]) -> dict[str, str]:
    """A readable, unique id for each name."""
    ids: dict[str, str] = {}
    for name in names:
        ids[name.name] = unique_id(name.name, set(ids.values()))
    return ids


def draft_entities(names: list[Name], paragraphs: list[tuple[str, str]], ids: dict[str, str]) -> list[dict[str, Any]]:
    """Entities in the pack format, each with its aliases, parent and up to three quotes, flagged for review."""
    text = "\n".join(t for _, t in paragraphs)
    out: list[dict[str, Any]] = []
    for name in names:
        forms = [name.name, *(a for a in name.aliases if a != name.name and a in text)]
        evidence = _quotes(forms, paragraphs)
        if not evidence:
            continue  # a name the finder made up from parts is not in the text: nothing to cite
        entity: dict[str, Any] = {"id": ids[name.name], "kind": name.kind, "name": bilingual(name.name)}
        if name.parent in ids and name.parent != name.name:
            entity["parent"] = ids[name.parent]
        if len(forms) > 1:
            entity["aliases"] = [{"text": alias, "inference": DRAFTED} for alias in forms[1:]]
        entity["summary"] = _summary(name)
        entity["inference"] = f"{DRAFTED} ({name.reason})"
        entity["evidence"] = evidence
        out.append(entity)
    return out


def _quotes(forms: list[str], paragraphs: list[tuple[str, str]]) -> list[dict[str, str]]:
    evidence = []
    for para_id, text in paragraphs:
        at, form = min(((text.find(f), f) for f in forms if f in text), default=(-1, ""))
        if at >= 0:
            evidence.append({"para": para_id, "quote": clause_around(text, at, at + len(form))})
        if len(evidence) == EVIDENCE_LIMIT:
            break
    return evidence


def _summary(name: Name) -> dict[str, str]:
    return {
        "en": f"A name the text uses ({name.kind}, drafted): say what it is, or remove it.",
        "zh": "文中出现的名称（自动起草）：请说明它是什么，或删除。",
    }


def draft_figures(
    paragraphs: list[tuple[str, str]],
    names: list[Name],
    ids: dict[str, str],
    find: Callable[[str], list[Found]],
    headers: list[str | None],
    reader: Reader | None = None,
) -> list[dict[str, Any]]:
    """Figures in the pack format, each with its subject, period and hedge, flagged for review.

    `headers` holds, for each block, the period it states as a header line ("" for a header
    stating none), or None where the block is prose.
    """
    reader = reader or Reader(Mentions(names))
    figures: list[dict[str, Any]] = []
    inherited = ""
    for header, (para_id, text) in zip(headers, paragraphs, strict=True):
        found = find(text)
        mentions = reader.paragraph(text)
        if header is not None and not found:
            inherited = header
            reader.seen(mentions, text)
            continue
        carried, last_end = "", 0  # a sentence that states its period once goes on about it (6月末，A为…，B为…)
        for figure in found:
            if SENTENCE.search(text, last_end, figure.start):
                carried = ""
            last_end = figure.end
            subject = reader.subject(text, mentions, figure.start)
            source = reader.source(text, mentions, figure.start)
            period, why = _period(figure, carried, inherited)
            figures.append(_figure(len(figures) + 1, para_id, text, figure, ids.get(subject, ""), source, period, why))
            carried = figure.period or carried
        reader.seen(mentions, text)
    return figures


def _period(found: Found, carried: str, inherited: str) -> tuple[str, str]:
    """The figure's period and, when it is not its own sentence's, where it came from."""
    if found.period:
        return found.period, ""
    if carried:
        return carried, "period from earlier in the sentence"
    if inherited:
        return inherited, "period from the header above"
    return "", ""


def _figure(
    number: int, para_id: str, text: str, found: Found, subject: str, source: str, period: str, why: str
) -> dict[str, Any]:
    quote = clause_around(text, found.start, found.end)
    figure: dict[str, Any] = {"id": f"fig-{number:02d}"}
    if subject:
        figure["subject"] = subject
    figure["metric"] = bilingual(found.metric or quote)
    figure["as_written"] = found.as_written
    if found.value is not None:
        figure["value"] = found.value
    if found.unit:
        figure["unit"] = found.unit
    if period:
        figure["period"] = period
    if source:
        figure["source"] = source
    if found.hedge:
        figure["hedge"] = found.hedge
    figure["inference"] = f"{DRAFTED} ({why})" if why else DRAFTED
    figure["evidence"] = [{"para": para_id, "quote": quote}]
    return figure
