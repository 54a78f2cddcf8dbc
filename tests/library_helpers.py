"""Small articles for the library tests, written as single-file packs (JSON is YAML)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from fintech_tui.util.bundled import bundled_pack_path


def entity(eid: str, zh: str, en: str = "", *, quote: str = "", **extra: Any) -> dict[str, Any]:
    """An entity quoting paragraph p1 (its name, unless `quote` says otherwise)."""
    found = {"id": eid, "kind": extra.pop("kind", "company"), "name": {"zh": zh, "en": en or zh}}
    found["summary"] = {"en": extra.pop("summary", f"{en or zh} as this article sees it.")}
    found["evidence"] = [{"para": "p1", "quote": quote or zh}]
    return {**found, **extra}


def figure(fid: str, subject: str, metric: str, value: float, *, period: str = "", quote: str, **extra: Any) -> Any:
    return {
        "id": fid,
        "subject": subject,
        "metric": {"en": metric},
        "as_written": str(value),
        "value": value,
        "unit": extra.pop("unit", "users"),
        "period": period,
        "evidence": [{"para": "p1", "quote": quote}],
        **extra,
    }


def write_article(
    folder: Path,
    name: str,
    text: str,
    *,
    title: str = "",
    date: str = "",
    entities: list[dict[str, Any]] = (),  # type: ignore[assignment]
    arguments: list[dict[str, Any]] = (),  # type: ignore[assignment]
    figures: list[dict[str, Any]] = (),  # type: ignore[assignment]
    strategies: list[dict[str, Any]] = (),  # type: ignore[assignment]
) -> Path:
    """A one-paragraph article `name`.yaml in `folder`; returns its path."""
    pack: dict[str, Any] = {
        "meta": {"title": {"en": title or name}, "author": "Tester", "date": date},
        "paragraphs": [{"id": "p1", "text": text}],
    }
    for section, items in (
        ("entities", entities),
        ("arguments", arguments),
        ("figures", figures),
        ("strategies", strategies),
    ):
        if items:
            pack[section] = list(items)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(json.dumps(pack, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def with_bundled(folder: Path, name: str = "bundled") -> Path:
    """A copy of the bundled pack inside `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copytree(bundled_pack_path(), folder / name))
