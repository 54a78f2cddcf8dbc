"""Problems found in a pack, each pointing at a file, line, column and field."""

from __future__ import annotations

from dataclasses import dataclass

from fintech_tui.sanitize import neutralise


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a pack; `line` and `column` are 1-based (0 = unknown)."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column}"
        field = f"{self.field}: " if self.field else ""
        line = " ".join(f"{where}: {field}{self.message}".splitlines())
        return neutralise(line)  # keys and text come from the file: keep them inert


class PackError(Exception):
    """A pack could not be loaded; carries every problem found, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.column))
        super().__init__("\n".join(str(p) for p in self.problems))
