"""Problems found in a pack, each pointing at a file, line, column and field."""

from __future__ import annotations

import msgspec

from fintech_tui.util.sanitize import neutralise


class Problem(msgspec.Struct, frozen=True):
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
        field = f"{excerpt(self.field, MAX_FIELD_CHARS)}: " if self.field else ""
        line = " ".join(f"{where}: {field}{excerpt(self.message, MAX_MESSAGE_CHARS)}".splitlines())
        return neutralise(line)  # keys and text come from the file: keep them inert


#: A problem line quotes at most this much of a field path or a message: a 1 MB key or text
#: repeated in every problem once made hundreds of MB of output.
MAX_FIELD_CHARS = 200
MAX_MESSAGE_CHARS = 400
MAX_KEY_CHARS = 40


def excerpt(text: str, limit: int) -> str:
    """`text` if it is short, else its start and end around an ellipsis that says how much was cut."""
    if len(text) <= limit:
        return text
    keep = max(limit - 20, 2) // 2
    return f"{text[:keep]}…({len(text) - 2 * keep:,} more)…{text[-keep:]}"


#: Problems collected before the loader stops looking: more than anyone reads, and a
#: hostile file of a few MB could otherwise cost a problem (and its memory) per value.
MAX_PROBLEMS = 1000


class TooManyProblems(Exception):
    """MAX_PROBLEMS were found: stop looking for more."""


def collect(problems: list[Problem], problem: Problem, room: int) -> None:
    """Add `problem` to `problems`; TooManyProblems once they number `room`."""
    problems.append(problem)
    if len(problems) >= room:
        raise TooManyProblems


class PackError(Exception):
    """A pack could not be loaded; carries every problem found, in file order.

    `stopped` says the loader stopped looking once it had MAX_PROBLEMS.
    """

    def __init__(self, problems: list[Problem], *, stopped: bool = False) -> None:
        self.problems = sorted(problems[:MAX_PROBLEMS], key=lambda p: (p.file, p.line, p.column))
        self.stopped = stopped or len(problems) > MAX_PROBLEMS
        super().__init__("\n".join(str(p) for p in self.problems))
