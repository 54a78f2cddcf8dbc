"""The figures as CSV, one row per figure, for a spreadsheet.

The csv module quotes every field that needs it. Text cells are neutralised (no control
characters) and a cell that a spreadsheet would run as a formula (= + - @ at the start)
gets a leading apostrophe, the usual guard; numbers stay numbers.
"""

from __future__ import annotations

import csv
import io

from fintech_tui.model import Pack
from fintech_tui.util.sanitize import neutralise

COLUMNS = (
    "id",
    "subject",
    "subject_name",
    "metric_en",
    "metric_zh",
    "as_written",
    "value",
    "unit",
    "period",
    "source",
    "hedge",
    "inference",
    "evidence",
)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(text: str) -> str:
    """Content as an inert spreadsheet cell."""
    text = neutralise(text)
    return "'" + text if text.startswith(FORMULA_START) else text


def to_csv(pack: Pack) -> str:
    """Every figure with its subject, metric, value and evidence (¶ID: quote, joined by ' | ')."""
    entities = {e.id: e for e in pack.entities}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for figure in pack.figures:
        subject = entities.get(figure.subject)
        evidence = " | ".join(f"{ev.para}: {ev.quote}" for ev in figure.evidence)
        writer.writerow(
            [
                cell(figure.id),
                cell(figure.subject),
                cell(subject.name.pick("en")) if subject else "",
                cell(figure.metric.en),
                cell(figure.metric.zh),
                cell(figure.as_written),
                "" if figure.value is None else repr(figure.value),
                cell(figure.unit),
                cell(figure.period),
                cell(figure.source),
                figure.hedge or "",
                cell(figure.inference),
                cell(evidence),
            ]
        )
    return out.getvalue()
