"""Write a drafted pack: one YAML file per section, quoted safely, into a folder that is new."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from fintech_tui.util.safe_files import write_new_folder

HEADERS = {
    "meta.yaml": "# What the pack is about. Drafted by `fintech-tui draft`: check the title, author and date.",
    "source.yaml": "# The article, one entry per paragraph, verbatim. Do not edit the text: quotes cite it.",
    "outline.yaml": "# A first outline: headings were guessed from numbering and short lines. Every paragraph\n"
    "# falls in some node's first..last range; merge, split and rename the nodes as the article reads.",
    "entities.yaml": "# Candidate names found by a segmenter. Remove what is not a name, set each kind, add every\n"
    "# form the text uses as an alias, and delete `inference` once you have checked an entry.",
    "figures.yaml": "# Every number the text states, with the entity it is about (`subject`), its period and hedge\n"
    "# as read from its sentence. Correct what is wrong, and delete `inference` once you have checked an entry.",
    "arguments.yaml": "# An argument skeleton: the thesis, a point per heading, and the claims that discourse markers\n"
    "# (first, however, therefore, for example) announce. Reword each claim, fix its parent and relation.",
    "glossary.yaml": "# Terms of art the text uses, with their general meaning: say what the article means by each.",
}


def dump(data: dict[str, Any]) -> str:
    """`data` as YAML that reads back to the same values, whatever characters the text holds."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)


def write_pack(folder: Path, sections: dict[str, dict[str, Any]]) -> list[Path]:
    """Write each file of `sections` (file name → its top-level mapping) into the new `folder`.

    The folder must not exist; it is created with its parents, and each file is created
    exclusively, so nothing already on disk is overwritten.
    """
    return write_new_folder(
        folder, {name: HEADERS.get(name, "") + "\n" + dump(data) for name, data in sections.items()}
    )
