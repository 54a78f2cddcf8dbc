"""Read one YAML file safely into plain values, remembering where each came from.

Only the safe loaders are used (libyaml's C one when present). Instead of
letting PyYAML construct the document we walk its node graph ourselves: that
keeps every node's line and column, catches duplicate keys (which PyYAML
silently merges), refuses non-standard tags before anything is built, and
bounds alias expansion and nesting so a hostile file cannot exhaust memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

import yaml

from fintech_tui.loader.problems import Problem

try:  # libyaml is much faster; the pure-Python safe loader is the fallback
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader  # type: ignore[assignment]

FieldPath = tuple[str | int, ...]

MAX_NODES = 2_000_000  # values after alias expansion; stops "billion laughs"
MAX_DEPTH = 64

_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",  # kept as the text the author wrote
}
_TAG_NAMES = {
    "tag:yaml.org,2002:int": "integer",
    "tag:yaml.org,2002:float": "number",
    "tag:yaml.org,2002:bool": "boolean (true or false)",
}
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"


_PLAIN_KEY = re.compile(r"[\w-]+")


class _PackLoader(SafeLoader):
    """The safe loader with a memo for implicit tags.

    Resolving a plain scalar's tag runs several regular expressions in
    Python for every value; pack files repeat the same short values (ids,
    kinds, relations) thousands of times, so remembering the answer makes
    large packs parse markedly faster. Path resolvers are never used.
    """

    _memo: ClassVar[dict[str, str]] = {}

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is yaml.ScalarNode and implicit[0] and len(value) < 40:
            tag = self._memo.get(value)
            if tag is None:
                if len(self._memo) > 100_000:
                    self._memo.clear()
                tag = self._memo[value] = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
            return tag
        return super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]


def format_path(path: FieldPath) -> str:
    """Render ("entities", 2, "name") as entities[2].name."""
    out = ""
    for part in path:
        if isinstance(part, int) or not _PLAIN_KEY.fullmatch(part):
            out += f"[{part!r}]" if isinstance(part, str) else f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


@dataclass
class YamlDocument:
    """A file's plain value plus the 1-based (line, column) of every node."""

    file: str
    data: Any
    marks: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)

    def problem(self, path: FieldPath, message: str, *, at_key: bool = False) -> Problem:
        """A problem at `path`, placed at the closest node that has a mark."""
        probe = path
        while probe:
            mark = (self.key_marks if at_key else self.marks).get(probe) or self.marks.get(probe)
            if mark:
                return Problem(self.file, mark[0], mark[1], format_path(path), message)
            probe = probe[:-1]
        line, column = self.marks.get((), (1, 1))
        return Problem(self.file, line, column, format_path(path), message)


class _TooBig(Exception):
    pass


class _Builder:
    """Turns a composed node graph into plain values, recording marks and problems."""

    def __init__(self, doc: YamlDocument, loader: Any) -> None:
        self.doc = doc
        self.loader = loader
        self.nodes = 0
        self.problems: list[Problem] = []

    def _here(self, node: yaml.Node, path: FieldPath, message: str) -> None:
        m = node.start_mark
        self.problems.append(Problem(self.doc.file, m.line + 1, m.column + 1, format_path(path), message))

    def build(self, node: yaml.Node, path: FieldPath, depth: int = 0) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _TooBig(f"more than {MAX_NODES:,} values after expanding aliases")
        if depth > MAX_DEPTH:
            raise _TooBig(f"nested more than {MAX_DEPTH} levels deep")
        self.doc.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                self._here(node, path, f"tag {node.tag!r} is not allowed")
                return None
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: FieldPath, depth: int) -> Any:
        if node.tag != _MAP:
            self._here(node, path, f"tag {node.tag!r} is not allowed")
            return None
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self._here(key_node, path, "merge keys (<<) are not supported")
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _SCALAR_TAGS:
                self._here(key_node, path, "a key must be plain text")
                continue
            key = str(key_node.value)
            key_path = (*path, key)
            if key in out:
                line = self.doc.key_marks[key_path][0]
                self._here(key_node, key_path, f"duplicate key (first given on line {line})")
                continue
            self.doc.key_marks[key_path] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            out[key] = self.build(value_node, key_path, depth + 1)
        return out

    def _scalar(self, node: yaml.ScalarNode, path: FieldPath) -> Any:
        if node.tag not in _SCALAR_TAGS:
            self._here(node, path, f"tag {node.tag!r} is not allowed")
            return None
        if node.tag in (_STR, "tag:yaml.org,2002:timestamp"):
            return node.value
        try:
            return self.loader.construct_object(node)
        except (ValueError, KeyError, OverflowError):  # `!!int abc`, `!!bool maybe`, a 5000-digit integer
            value = node.value if len(node.value) <= 30 else f"{node.value[:20]}… ({len(node.value):,} characters)"
            self._here(node, path, f"not a valid {_TAG_NAMES.get(node.tag, 'value')}: {value!r}")
            return None


def _problem_from_yaml_error(file: str, text: str, error: yaml.YAMLError) -> Problem:
    """One located line for a PyYAML error, whatever its kind."""
    if isinstance(error, yaml.reader.ReaderError):
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        return Problem(file, line, column, "", f"invalid YAML: character {error.character!r} is not allowed")
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    message = f"invalid YAML: {problem}" + (f" ({context})" if context else "")
    message = " ".join(message.split())  # always one line
    if mark is None:
        return Problem(file, 0, 0, "", message)
    return Problem(file, mark.line + 1, mark.column + 1, "", message)


def read_yaml(raw: bytes, display: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse a file's bytes (read once, by the loader) into a YamlDocument, or say why they cannot be."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(display, line, 0, "", f"not UTF-8 text (byte {error.start:,})")]
    doc = YamlDocument(display, None)
    loader = _PackLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [Problem(display, 1, 1, "", "file is empty")]
        builder = _Builder(doc, loader)
        doc.data = builder.build(node, ())
    except yaml.YAMLError as error:
        return None, [_problem_from_yaml_error(display, text, error)]
    except (_TooBig, RecursionError) as error:
        reason = str(error) if isinstance(error, _TooBig) else "nested too deeply"
        return None, [Problem(display, 1, 1, "", f"refused: {reason}")]
    finally:
        loader.dispose()
    return doc, builder.problems
