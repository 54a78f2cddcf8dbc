"""Build plain values straight from libyaml's event stream, within limits.

PyYAML's own loaders compose a node object for every value, then a second
walk turns nodes into values; for a large pack that doubles the work and
the memory. Here one pass over the parser's events builds the values, and
everything a hostile file could abuse is counted *as it is read*: values
(aliases counted as what they expand to), nesting depth, and the text that
aliases repeat. A file over a limit is refused at the spot where it went
over, before the rest is built.

Line and column marks are not recorded on this fast path: a valid pack never
needs them. `marks_of` re-reads the same text for them when a problem has to
be located.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.resolver import Resolver

try:  # libyaml's parser is much faster; the pure-Python one is the fallback
    from yaml import CBaseLoader as EventSource
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import BaseLoader as EventSource  # type: ignore[assignment]

FieldPath = tuple[str | int, ...]
Mark = tuple[int, int]

STR = "tag:yaml.org,2002:str"
TIMESTAMP = "tag:yaml.org,2002:timestamp"
MERGE = "tag:yaml.org,2002:merge"
VALUE = "tag:yaml.org,2002:value"
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"
SCALAR_TAGS = frozenset(
    {
        STR,
        TIMESTAMP,
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null",
    }
)
_IMPLICIT: dict[str | None, list[tuple[str, Any]]] = Resolver.yaml_implicit_resolvers
_CONSTRUCTOR = SafeConstructor()
_CONSTRUCT: dict[str, Callable[[Any], Any]] = {
    "tag:yaml.org,2002:null": _CONSTRUCTOR.construct_yaml_null,
    "tag:yaml.org,2002:bool": _CONSTRUCTOR.construct_yaml_bool,
    "tag:yaml.org,2002:int": _CONSTRUCTOR.construct_yaml_int,
    "tag:yaml.org,2002:float": _CONSTRUCTOR.construct_yaml_float,
}
_KIND_NAME = {
    "tag:yaml.org,2002:int": "integer",
    "tag:yaml.org,2002:float": "number",
    "tag:yaml.org,2002:bool": "boolean",
}


class Refused(Exception):
    """The file goes over a limit; `mark` is where it did."""

    def __init__(self, reason: str, mark: Mark) -> None:
        super().__init__(reason)
        self.mark = mark


def plain_tag(value: str) -> str:
    """The tag YAML 1.1 gives an untagged plain scalar, as PyYAML's resolver decides it."""
    for tag, pattern in _IMPLICIT.get(value[0] if value else "", ()):
        if pattern.match(value):
            return str(tag)
    return STR


class PlainInt(int):
    """A number written as a plain scalar, keeping the text it was written as (`source`)."""

    source: str


class PlainFloat(float):
    """A number written as a plain scalar, keeping the text it was written as (`source`)."""

    source: str


_CORE_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_CORE_FLOAT = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)


def core_number(source: str) -> int | float | None:
    """What YAML 1.2's core schema reads `source` as, if it reads it as a number."""
    if len(source) > 400:  # no figure is written with this many digits
        return None
    if _CORE_INT.fullmatch(source):
        base = 8 if source.startswith("0o") else 16 if source.startswith("0x") else 10
        return int(source[2:] if base != 10 else source, base)
    if _CORE_FLOAT.fullmatch(source):
        return float(source.lower().replace(".inf", "inf").replace(".nan", "nan"))
    return None


def _with_source(value: Any, source: str) -> Any:
    """`value` as a PlainInt or PlainFloat remembering `source`, if it is a number written otherwise.

    `1` or `300` read the same in YAML 1.1 and 1.2 and print as written: kept as they are, so
    a file of millions of small numbers costs no more than before.
    """
    if type(value) is int and repr(value) == source:
        return value
    if type(value) is int:
        value = PlainInt(value)
    elif type(value) is float:
        value = PlainFloat(value)
    else:
        return value
    value.source = source
    return value


_ANY: Any = object()
_NO_KEY: Any = object()  # a mapping frame waiting for its next key
_DROP: Any = object()  # a mapping frame whose next value is not kept


class _Frame:
    """One open mapping or sequence while its events arrive."""

    __slots__ = ("anchor", "at", "container", "is_key", "is_map", "keep", "key", "nodes_before", "where")

    def __init__(self, container: Any, is_map: bool, keep: bool, where: Any, anchor: str | None, nodes: int) -> None:
        self.container = container  # None when the values are not kept
        self.is_map = is_map
        self.keep = keep  # attach the finished value to the parent
        self.where = where  # the key or index of this value in its parent
        self.anchor = anchor
        self.nodes_before = nodes
        self.key: Any = _NO_KEY
        self.at = 0  # index of the next item of a sequence
        self.is_key = False  # a mapping or list used as a key, which is refused


class _Anchored:
    """What an anchor names: its value, key text if usable as a key, and its expanded size."""

    __slots__ = ("chars", "height", "key", "mark", "nodes", "value")

    def __init__(self, value: Any, key: str | None, nodes: int, mark: Any) -> None:
        self.value = value
        self.mark = mark
        self.key = key
        self.nodes = nodes
        self.chars = -1  # worked out on the first alias to it
        self.height = 0


def _size(value: Any, seen: dict[int, tuple[int, int]]) -> tuple[int, int]:
    """(characters of text, height) of a built value; shared parts are measured once."""
    if isinstance(value, str):
        return len(value), 0
    if not isinstance(value, dict | list):
        return 1, 0
    known = seen.get(id(value))
    if known is not None:
        return known
    chars = height = 0
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, item in items:
        size, tall = _size(item, seen)
        chars += size + (len(key) if isinstance(key, str) else 0)
        height = max(height, tall + 1)
    seen[id(value)] = (chars, height)
    return chars, height


class EventBuilder:
    """Turns one YAML document's events into plain values, within limits.

    `problems` collects (path, mark, message) for values that cannot be
    used (a forbidden tag, a key that is not text, a duplicate key); the
    rest of the file is still built. `keep_sections`, when given, names the
    top-level keys whose values are worth building: any other key's value
    is read (so the syntax is checked) but not built, and left as None.
    """

    def __init__(
        self,
        text: str,
        *,
        max_nodes: int,
        max_depth: int,
        max_alias_chars: int,
        keep_sections: Collection[str] | None = None,
        on_progress: Callable[[float, int], None] | None = None,
    ) -> None:
        self.text = text
        self.max_nodes = max_nodes
        self.max_depth = max_depth
        self.max_alias_chars = max_alias_chars
        self.keep_sections = keep_sections
        self.on_progress = on_progress
        self.problems: list[tuple[FieldPath, Mark, str]] = []
        self.duplicates: list[tuple[FieldPath, Mark]] = []
        self.nodes = 0
        self.alias_chars = 0
        self._anchors: dict[str, _Anchored] = {}
        self._open_anchors: dict[str, Any] = {}  # name -> mark, for collections still being read
        self._sizes: dict[int, tuple[int, int]] = {}
        self._memo: dict[str, str] = {}  # plain scalars known to be text

    # -- entry point -------------------------------------------------------

    def build(self) -> tuple[bool, Any]:
        """(False, None) for an empty stream, else (True, the document's value).

        Raises yaml.YAMLError for broken YAML and Refused over a limit.
        """
        source = EventSource(self.text)
        try:
            get_event = source.get_event
            get_event()  # stream start
            event: Any = get_event()
            if type(event) is StreamEndEvent:
                return False, None
            value = self._document(get_event)
            get_event()  # document end
            event = get_event()
            if type(event) is not StreamEndEvent:
                raise yaml.composer.ComposerError(
                    "expected a single document in the stream", None, "but found another document", event.start_mark
                )
            return True, value
        finally:
            source.dispose()

    # -- the event loop ----------------------------------------------------

    def _document(self, get_event: Callable[[], Any]) -> Any:
        root = _Frame([], False, True, None, None, 0)
        stack = [root]
        max_nodes, max_depth = self.max_nodes, self.max_depth
        memo, keep_sections, implicit = self._memo, self.keep_sections, _IMPLICIT
        tick = 4096
        while True:
            event: Any = get_event()
            kind = type(event)
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                frame = stack.pop()
                self._finish(frame, stack[-1], frame.container)
                if len(stack) == 1:
                    return root.container[0]
                continue
            self.nodes += 1
            if self.nodes > max_nodes:
                self._refuse(f"more than {max_nodes:,} values after expanding aliases", event)
            if self.nodes >= tick:
                tick += 4096
                if self.on_progress is not None:
                    self.on_progress(event.start_mark.index / len(self.text), self._items(stack))
            parent = stack[-1]
            if len(stack) > max_depth + 1:
                self._refuse(f"nested more than {max_depth} levels deep", event)
            if kind is ScalarEvent:
                # The common case inline: untagged, unanchored text in a value being built.
                container = parent.container
                if event.tag is None and event.anchor is None and container is not None:
                    value = event.value
                    if event.implicit[0]:
                        made = memo.get(value)
                        if made is None and value and value[0] not in implicit:
                            made = value  # no implicit type starts with this character: text
                    else:
                        made = value
                    if made is not None:
                        if not parent.is_map:
                            if parent is root:
                                self._scalar(event, parent, stack)
                                return root.container[0]
                            parent.at += 1
                            container.append(made)
                            continue
                        key = parent.key
                        if key is _NO_KEY:
                            if made is value and made not in container and (len(stack) != 2 or keep_sections is None):
                                parent.key = made
                                continue
                        elif key is not _DROP:
                            container[key] = made
                            parent.key = _NO_KEY
                            continue
                self._scalar(event, parent, stack)
            elif kind is AliasEvent:
                self._alias(event, parent, stack)
            else:
                self._start(event, parent, stack, kind is MappingStartEvent)
            if len(stack) == 1:
                return root.container[0]

    def _resolve(self, value: str) -> tuple[str, Any]:
        """(tag, value) of an untagged plain scalar; text is remembered for the fast path."""
        resolved = plain_tag(value)
        if resolved == VALUE:
            return STR, value  # a plain `=` is text: the value-key type of YAML 1.1 names no data
        if resolved not in (STR, TIMESTAMP):
            return resolved, _ANY
        if resolved == STR and value[:1] in "-+.0123456789" and (number := core_number(value)) is not None:
            return resolved, _with_source(number, value)  # `1e-07`: text to YAML 1.1, a number to 1.2
        if len(value) < 40:
            if len(self._memo) > 100_000:
                self._memo.clear()
            value = self._memo.setdefault(value, value)  # one string object for repeated ids and kinds
        return resolved, value

    def _slot(self, parent: _Frame) -> tuple[bool, Any]:
        """Whether the next value in `parent` is kept, and its key or index there."""
        if parent.is_map:
            key = parent.key
            return (parent.container is not None and key is not _DROP), key
        index = parent.at
        parent.at = index + 1
        return parent.container is not None, index

    def _put(self, parent: _Frame, where: Any, value: Any) -> None:
        if parent.is_map:
            parent.container[where] = value
        else:
            parent.container.append(value)

    def _scalar(self, event: Any, parent: _Frame, stack: list[_Frame]) -> None:
        value = event.value
        tag = event.tag
        if tag is None or tag == "!":
            if event.implicit[0]:
                tag, made = self._resolve(value)
            else:
                tag, made = STR, value
        else:
            made = value if tag in (STR, TIMESTAMP) else _ANY
        if parent.is_map and parent.key is _NO_KEY:
            self._key(event, parent, stack, tag, value)
            return
        if tag == MERGE and made is _ANY and event.tag is None:
            tag, made = STR, value  # `quote: <<` is text: `<<` merges only as a key
        keep, where = self._slot(parent)
        if made is _ANY:
            made = self._construct(event, tag, value, stack, where, keep)
            if event.implicit[0] and (event.tag is None or event.tag == "!"):
                made = _with_source(made, value)  # a text field takes `010` as written, not as 8
        if event.anchor is not None:
            self._anchor(event.anchor, made, value if tag in SCALAR_TAGS else None, event)
        if keep:
            self._put(parent, where, made)
        if parent.is_map:
            parent.key = _NO_KEY

    def _construct(self, event: Any, tag: str, value: str, stack: list[_Frame], where: Any, keep: bool) -> Any:
        if tag not in SCALAR_TAGS:
            if keep:
                self._problem(stack, where, event, f"tag {tag!r} is not allowed")
            return None
        try:
            return _CONSTRUCT[tag](yaml.ScalarNode(tag, value))
        except (ValueError, KeyError, OverflowError, yaml.YAMLError):  # `!!int abc`, `!!bool maybe`, 5000 digits
            if keep:
                shown = value if len(value) <= 30 else f"{value[:20]}… ({len(value):,} characters)"
                self._problem(stack, where, event, f"not a valid {_KIND_NAME.get(tag, 'value')}: {shown!r}")
            return None

    def _key(self, event: Any, parent: _Frame, stack: list[_Frame], tag: str, value: str) -> None:
        if event.anchor is not None:
            self._anchor(event.anchor, value, value if tag in SCALAR_TAGS else None, event)
        if tag == MERGE:
            self._key_problem(parent, stack, event, "merge keys (<<) are not supported")
        elif tag not in SCALAR_TAGS:
            self._key_problem(parent, stack, event, "a key must be plain text")
        else:
            self._use_key(parent, stack, event, value)

    def _use_key(self, parent: _Frame, stack: list[_Frame], event: Any, key: str) -> None:
        building = parent.container is not None
        if building and key in parent.container:
            self.duplicates.append(((*self._path(stack), key), _mark(event)))
            parent.key = _DROP
            return
        if building and len(stack) == 2 and self.keep_sections is not None and key not in self.keep_sections:
            parent.container[key] = None  # the caller reports the unknown section; its value is never built
            parent.key = _DROP
            return
        parent.key = key

    def _key_problem(self, parent: _Frame, stack: list[_Frame], event: Any, message: str) -> None:
        if parent.container is not None:
            self.problems.append((self._path(stack), _mark(event), message))
        parent.key = _DROP

    def _alias(self, event: Any, parent: _Frame, stack: list[_Frame]) -> None:
        name = event.anchor
        anchored = self._anchors.get(name)
        if anchored is None:
            if name in self._open_anchors:
                self._refuse(f"alias *{name} is inside the value it names", event)
            raise yaml.composer.ComposerError(None, None, "found undefined alias", event.start_mark)
        if parent.is_map and parent.key is _NO_KEY:
            if anchored.key is None:
                self._key_problem(parent, stack, event, "a key must be plain text")
            else:
                self.alias_chars += len(anchored.key)  # a key repeated by alias is text repeated too
                if self.alias_chars > self.max_alias_chars:
                    self._refuse(f"aliases repeat more than {self.max_alias_chars:,} characters of text", event)
                self._use_key(parent, stack, event, anchored.key)
            return
        keep, where = self._slot(parent)
        if parent.is_map:
            parent.key = _NO_KEY
        if not keep:
            return
        if anchored.chars < 0:
            anchored.chars, anchored.height = _size(anchored.value, self._sizes)
        self.nodes += anchored.nodes - 1
        if self.nodes > self.max_nodes:
            self._refuse(f"more than {self.max_nodes:,} values after expanding aliases", event)
        self.alias_chars += anchored.chars
        if self.alias_chars > self.max_alias_chars:
            self._refuse(f"aliases repeat more than {self.max_alias_chars:,} characters of text", event)
        if len(stack) - 1 + anchored.height > self.max_depth:
            self._refuse(f"nested more than {self.max_depth} levels deep", event)
        self._put(parent, where, anchored.value)

    def _start(self, event: Any, parent: _Frame, stack: list[_Frame], is_map: bool) -> None:
        anchor = event.anchor
        if parent.is_map and parent.key is _NO_KEY:  # a mapping or list used as a key
            self._key_problem(parent, stack, event, "a key must be plain text")
            frame = _Frame(None, is_map, False, None, None, self.nodes)
            frame.is_key = True
            stack.append(frame)
            if anchor is not None:
                self._open(anchor, event)
                frame.anchor = anchor
                frame.container = {} if is_map else []
            return
        keep, where = self._slot(parent)
        tag = event.tag
        allowed = tag is None or tag == "!" or tag == (MAP if is_map else SEQ)
        if not allowed:
            if keep:
                self._problem(stack, where, event, f"tag {tag!r} is not allowed")
                self._put(parent, where, None)
            keep = False
        build = allowed and (keep or anchor is not None)
        frame = _Frame(({} if is_map else []) if build else None, is_map, keep, where, anchor, self.nodes)
        stack.append(frame)
        if anchor is not None:
            self._open(anchor, event)

    def _finish(self, frame: _Frame, parent: _Frame, value: Any) -> None:
        if frame.anchor is not None:
            mark = self._open_anchors.pop(frame.anchor)
            self._anchors[frame.anchor] = _Anchored(value, None, self.nodes - frame.nodes_before + 1, mark)
        if frame.is_key:  # a key that was not text: drop its value too
            parent.key = _DROP
            return
        if frame.keep:
            self._put(parent, frame.where, value)
        if parent.is_map:
            parent.key = _NO_KEY

    def _open(self, name: str, event: Any) -> None:
        """Note an anchor as its node starts; the same name twice is an error, as in PyYAML."""
        first = self._anchors.get(name)
        first_mark = first.mark if first is not None else self._open_anchors.get(name)
        if first_mark is not None:
            raise yaml.composer.ComposerError(
                "found duplicate anchor; first occurrence", first_mark, "second occurrence", event.start_mark
            )
        self._open_anchors[name] = event.start_mark

    def _anchor(self, name: str, value: Any, key: str | None, event: Any) -> None:
        self._open(name, event)
        self._anchors[name] = _Anchored(value, key, 1, self._open_anchors.pop(name))

    # -- reporting ---------------------------------------------------------

    def _path(self, stack: list[_Frame]) -> FieldPath:
        return tuple(frame.where for frame in stack[2:])

    def _problem(self, stack: list[_Frame], where: Any, event: Any, message: str) -> None:
        path = (*self._path(stack), where) if len(stack) > 1 else ()
        self.problems.append((path, _mark(event), message))

    def _refuse(self, reason: str, event: Any) -> None:
        raise Refused(reason, _mark(event))

    def _items(self, stack: list[_Frame]) -> int:
        """Entries read so far in the file's top-level lists (the pack's items)."""
        if len(stack) < 2 or not stack[1].is_map or stack[1].container is None:
            return 0
        done = sum(len(v) for v in stack[1].container.values() if isinstance(v, list))
        if len(stack) > 2 and not stack[2].is_map:
            done += stack[2].at
        return done


def _mark(event: Any) -> Mark:
    mark = event.start_mark
    return mark.line + 1, mark.column + 1


class MarkTree:
    """Where each node of a document starts, and where its key does, in the document's own shape.

    A table keyed by field path cost a tuple, a pair and a dict entry per value:
    half a gigabyte for a few MB of small values, just to place one problem.
    Here a mapping or sequence is `[marks, children]` (a dict or a list) and a
    scalar is its packed marks alone: a few dozen bytes a value.
    """

    def __init__(self) -> None:
        self.root: Any = None

    def get(self, path: FieldPath, default: Mark | None = None, *, key: bool = False) -> Mark | None:
        """The (line, column) of the node at `path` (of its key, with `key`), or `default`."""
        node = self.root
        for part in path:
            if not isinstance(node, list):
                return default
            children = node[1]
            if isinstance(children, dict):
                node = children.get(part)
            elif isinstance(part, int) and 0 <= part < len(children):
                node = children[part]
            else:
                return default
        if node is None:
            return default
        packed = node[0] if isinstance(node, list) else node
        mark = (packed >> _KEY_SHIFT if key else packed) & _MARK_MASK
        return (mark >> _LINE_SHIFT, mark & _COLUMN_MASK) if mark else default


_LINE_SHIFT = 24  # a mark packs line << 24 | column
_COLUMN_MASK = (1 << _LINE_SHIFT) - 1
_KEY_SHIFT = 64  # a node's marks pack key mark << 64 | value mark
_MARK_MASK = (1 << _KEY_SHIFT) - 1


def _packed(event: Any) -> int:
    mark = event.start_mark
    return int(mark.line + 1) << _LINE_SHIFT | min(int(mark.column) + 1, _COLUMN_MASK)


def _node(marks: int, is_container: bool, is_map: bool) -> Any:
    """A MarkTree node: a scalar is its packed marks, a mapping or sequence `[marks, children]`."""
    return [marks, {} if is_map else []] if is_container else marks


def marks_of(text: str) -> MarkTree:
    """Value and key marks of every node, from a second read of `text`.

    Only called to place a problem, so it favours simplicity over speed. The
    first occurrence of a key wins, as it is the one that was kept; a value
    reached through an alias is placed at the alias.
    """
    tree = MarkTree()
    # Each open collection: [its node (None when ignored), is a mapping, the pending (key, key mark)]
    stack: list[list[Any]] = []
    key_anchors: dict[str, str] = {}  # anchored scalars, which an alias may use as a key
    source = EventSource(text)
    try:
        while True:
            event: Any = source.get_event()
            kind = type(event)
            if kind is StreamEndEvent or (kind is DocumentStartEvent and tree.root is not None):
                break
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                stack.pop()
                continue
            if kind not in (ScalarEvent, AliasEvent, MappingStartEvent, SequenceStartEvent):
                continue
            is_map = kind is MappingStartEvent
            is_container = is_map or kind is SequenceStartEvent
            marks = _packed(event)
            if kind is ScalarEvent and event.anchor is not None:
                key_anchors[event.anchor] = event.value
            target: Any = None  # the node this event becomes, if it is kept
            if not stack:
                if tree.root is None:
                    target = _node(marks, is_container, is_map)
                    tree.root = target
            else:
                top = stack[-1]
                parent = top[0]
                if top[1] and top[2] is _NO_KEY:  # this node is a key
                    if kind is ScalarEvent and parent is not None and not (event.value == "<<" and event.implicit[0]):
                        top[2] = (event.value, marks)
                    elif kind is AliasEvent and parent is not None and event.anchor in key_anchors:
                        top[2] = (key_anchors[event.anchor], marks)  # the key an alias repeats
                    else:
                        top[2] = _DROP
                        if is_container:
                            stack.append([None, is_map, _NO_KEY])
                    continue
                if top[1]:
                    pending, top[2] = top[2], _NO_KEY
                    if parent is not None and pending is not _DROP and pending[0] not in parent[1]:
                        marks |= pending[1] << _KEY_SHIFT
                        target = _node(marks, is_container, is_map)
                        parent[1][pending[0]] = target
                elif parent is not None:
                    target = _node(marks, is_container, is_map)
                    parent[1].append(target)
            if is_container:
                stack.append([target, is_map, _NO_KEY])
    except yaml.YAMLError:
        pass  # marks up to the error are still useful
    finally:
        source.dispose()
    return tree
