"""Read one YAML file safely into plain values, and place problems in it.

Only libyaml's parser (or PyYAML's pure-Python one) reads the text, and
values are built from its events by `yaml_events`, never by PyYAML's
constructors: nothing in a file can name a Python object, duplicate keys are
caught (PyYAML silently keeps the last), non-standard tags are refused, and
size, nesting and alias expansion are bounded while the file is read.
Line and column marks are worked out only when a problem needs one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Any, AnyStr

import yaml

from fintech_tui.loader.problems import MAX_KEY_CHARS, Problem, excerpt
from fintech_tui.loader.yaml_events import EventBuilder, FieldPath, MarkTree, Refused, marks_of

__all__ = ["FieldPath", "YamlDocument", "format_path", "read_yaml"]

MAX_NODES = 2_000_000  # values, counting what aliases expand to: stops "billion laughs"
MAX_DEPTH = 64
MAX_ALIAS_CHARS = 4_000_000  # text that aliases may repeat: stops one large anchor reused many times

Progress = Callable[[float, int], None]  # (share of the file read, items read so far)

_PLAIN_KEY = re.compile(r"[\w-]+")
# In JSON, a character beyond U+FFFF may be written as two escapes, a surrogate pair (Python's
# json.dumps writes 🏦 as \ud83c\udfe6); YAML refuses a surrogate escape. An even run of
# backslashes before it is escaped backslashes, so the pair is an escape only after an odd one.
_SURROGATE_PAIR = re.compile(r"(?<!\\)((?:\\\\)*)\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})", re.IGNORECASE)


def json_as_yaml(text: str) -> str:
    """A JSON file's text as YAML 1.2 reads JSON: each surrogate pair escape as the one
    character it stands for (`\\U0001f3e6`), which libyaml accepts. Everything else JSON
    writes YAML already reads the same (strings are quoted, so no text becomes a number)."""
    if "\\u" not in text:
        return text

    def joined(match: re.Match[str]) -> str:
        high, low = int(match.group(2), 16), int(match.group(3), 16)
        return f"{match.group(1)}\\U{0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00):08x}"

    return _SURROGATE_PAIR.sub(joined, text)


def format_path(path: FieldPath) -> str:
    """Render ("entities", 2, "name") as entities[2].name."""
    out = ""
    for part in path:
        if isinstance(part, str):
            part = excerpt(part, MAX_KEY_CHARS)  # a key may be megabytes long
        if isinstance(part, int) or not _PLAIN_KEY.fullmatch(part):
            out += f"[{part!r}]" if isinstance(part, str) else f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


class YamlDocument:
    """A file's plain value; the 1-based (line, column) of any node on request."""

    def __init__(self, file: str, data: Any, source: str | bytes = "") -> None:
        self.file = file
        self.data = data
        self._source = source  # the text, or the UTF-8 bytes it was decoded from
        self._marks: MarkTree | None = None

    @property
    def marks(self) -> MarkTree:
        """Where each value (and its key) starts, by field path; read on first use."""
        if self._marks is None:
            source = self._source
            self._marks = marks_of(source.decode("utf-8-sig") if isinstance(source, bytes) else source)
        return self._marks

    def problem(self, path: FieldPath, message: str, *, at_key: bool = False) -> Problem:
        """A problem at `path`, placed at the closest node that has a mark."""
        marks = self.marks
        probe = path
        while probe:
            mark = (at_key and marks.get(probe, key=True)) or marks.get(probe)
            if mark:
                return Problem(self.file, mark[0], mark[1], format_path(path), message)
            probe = probe[:-1]
        line, column = marks.get((), (1, 1)) or (1, 1)
        return Problem(self.file, line, column, format_path(path), message)


def _tab_in_indentation(text: str, mark: Any) -> bool:
    index = getattr(mark, "index", None)
    if index is None or index >= len(text) or text[index] != "\t":
        return False
    line_start = text.rfind("\n", 0, index) + 1
    return not text[line_start:index].strip()


def _problem_from_yaml_error(file: str, raw: bytes, text: str, error: yaml.YAMLError) -> Problem:
    """One located line for a PyYAML error, whatever its kind."""
    if isinstance(error, yaml.reader.ReaderError):
        code = error.character if isinstance(error.character, int) else ord(error.character)
        # libyaml counts bytes of the UTF-8 text, the pure-Python reader characters
        before = raw[: error.position].decode("utf-8", "replace") if isinstance(error.character, int) else text
        offset = len(before) if isinstance(error.character, int) else error.position
        line, line_start = _placed(text, offset)
        return Problem(file, line, offset - line_start + 1, "", f"invalid YAML: character U+{code:04X} is not allowed")
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    context_mark = getattr(error, "context_mark", None)
    tab = problem and (
        "tab character" in problem or ("cannot start any token" in problem and _tab_in_indentation(text, mark))
    )
    if tab:
        problem, context = "tabs are not allowed for indentation", None
    opener = {"while parsing a flow mapping": "'{'", "while parsing a flow sequence": "'['"}.get(context or "")
    if context == "while scanning a quoted scalar" and problem == "found unexpected end of stream":
        opener = "quote"
    if opener and context_mark is not None and mark is not None:
        # Say where the bracket or quote opened: the parser only notices much later.
        gave_up = f"line {mark.line + 1}, column {mark.column + 1}"
        message = f"invalid YAML: this {opener} is never closed ({problem} at {gave_up})"
        mark = context_mark
    else:
        message = f"invalid YAML: {problem}" + (f" ({context})" if context else "")
    message = " ".join(message.split())  # always one line
    if mark is None:
        return Problem(file, 0, 0, "", message)
    return Problem(file, mark.line + 1, mark.column + 1, "", message)


def _placed(data: AnyStr, offset: int) -> tuple[int, int]:
    """The 1-based line of `offset` in `data` and where that line starts, a line ending in LF, CRLF
    or a lone CR as YAML counts them (a file saved with old Mac line endings has no LF at all)."""
    lf, cr = ("\n", "\r") if isinstance(data, str) else (b"\n", b"\r")
    crlf = cr + lf
    breaks = data.count(lf, 0, offset) + data.count(cr, 0, offset) - data.count(crlf, 0, offset)
    return breaks + 1, max(data.rfind(lf, 0, offset), data.rfind(cr, 0, offset)) + 1


def _not_utf8(display: str, raw: bytes, error: UnicodeDecodeError) -> Problem:
    line, line_start = _placed(raw, error.start)
    column = len(raw[line_start : error.start].decode("utf-8", "replace")) + 1
    return Problem(display, line, column, "", f"not UTF-8 text (byte {error.start:,})")


def read_yaml(
    raw: bytes,
    display: str,
    *,
    sections: Collection[str] | None = None,
    on_progress: Progress | None = None,
) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse a file's bytes into a YamlDocument, or say why they cannot be used.

    `sections`, when given, are the top-level keys worth building; any other
    key is kept with the value None (so the caller can name it) and its value
    is only checked for syntax. `on_progress` hears how far reading has got.
    """
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return None, [_not_utf8(display, raw, error)]
    source: str | bytes = raw
    if display.lower().endswith(".json"):  # a JSON pack is read as JSON: its escapes as JSON means them
        source = text = json_as_yaml(text)
    builder = EventBuilder(
        text,
        max_nodes=MAX_NODES,
        max_depth=MAX_DEPTH,
        max_alias_chars=MAX_ALIAS_CHARS,
        keep_sections=sections,
        on_progress=on_progress,
    )
    try:
        found, data = builder.build()
    except yaml.YAMLError as error:
        return None, [_problem_from_yaml_error(display, raw, text, error)]
    except Refused as error:
        return None, [Problem(display, error.mark[0], error.mark[1], "", f"refused: {error}")]
    if not found:
        return None, [Problem(display, 1, 1, "", "file is empty")]
    doc = YamlDocument(display, data, source)
    problems = [Problem(display, m[0], m[1], format_path(path), message) for path, m, message in builder.problems]
    for path, (line, column) in builder.duplicates:
        first = (doc.marks.get(path, key=True) or (line, column))[0]
        problems.append(
            Problem(display, line, column, format_path(path), f"duplicate key (first given on line {first})")
        )
    return doc, problems
