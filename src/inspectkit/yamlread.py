"""A careful YAML reader: safe, bounded, strict about duplicates, and it remembers places.

The document is built from the parser's event stream without recursion, so that deep
nesting cannot overflow the stack and aliases are never expanded. No tag can construct an
object. Plain scalars follow the YAML 1.2 core schema (``no`` stays a string; ``2.1``
becomes a number that remembers its text, so ids such as ``2.10`` survive).

The result maps each path (a tuple of keys and indexes) to the line and column of its value
and of its key, so that later checks can report problems with their place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from inspectkit.diagnostics import Diagnostic
from inspectkit.errors import ReadFailure
from inspectkit.textfile import decode, read_bytes
from inspectkit.yamlhints import syntax_hint

try:  # libyaml's C parser where present: several times faster
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path_ = tuple[str | int, ...]

MAX_ALIASES = 10_000
MAX_DEPTH = 64
MAX_NODES = 500_000
MAX_EXPANDED = 100_000
MAX_NUMBER_DIGITS = 100


class YamlInt(int):
    """An integer read from a plain scalar; ``text`` keeps how it was written."""

    text: str

    def __new__(cls, value: int, text: str) -> YamlInt:
        obj = super().__new__(cls, value)
        obj.text = text
        return obj


class YamlFloat(float):
    """A float read from a plain scalar; ``text`` keeps how it was written (``2.10``)."""

    text: str

    def __new__(cls, value: float, text: str) -> YamlFloat:
        obj = super().__new__(cls, value)
        obj.text = text
        return obj


@dataclass
class YamlDocument:
    """A loaded YAML document with the places of its parts.

    Attributes:
        display: The file name shown to users.
        data: The plain Python data (dict, list, str, int, float, bool, None).
        values: Path -> (line, column) of each value, 1-based.
        keys: Path -> (line, column) of the key of each mapping entry.
    """

    display: str
    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    source: str | None = None  # set while places have not been worked out yet
    line_offset: int = 0
    text: str = field(default="", repr=False)  # the whole source, to place text inside values
    # Where the root and each entry of a root list start, kept on the first read: a report
    # lists every item with its line, and these need no second reading of the file.
    starts: dict[Path_, tuple[int, int]] = field(default_factory=dict, repr=False)

    def place(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """The place of ``path``, or of its nearest ancestor that exists.

        Places are worked out on first use, by reading the text again: most files have
        no problem to place, and skipping the bookkeeping halves the time to load them.
        """
        if self.source is not None and not key and tuple(path) in self.starts:
            return self.starts[tuple(path)]
        if self.source is not None:
            placed = load_yaml_text(
                self.source, self.display, line_offset=self.line_offset, places=True
            )
            self.values, self.keys, self.source = placed.values, placed.keys, None
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if key and probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), (1, 1))

    def text_place(self, path: Path_, value: str, offset: int) -> tuple[int, int]:
        """The place of character ``offset`` of the string ``value`` found at ``path``.

        A character of a folded or literal block, or of a quoted or plain string written
        over several lines, is placed on its own line and column (see
        :mod:`inspectkit.yamlplaces`), not on the line where the value starts.
        """
        from inspectkit.yamlplaces import source_lines, value_places

        line, column = self.place(path)
        if not self.text or path not in self.values or not value:
            return line, column
        lines = source_lines(self.text)
        places = value_places(lines, line - 1 - self.line_offset, column - 1, value)
        found_line, found_column = places[min(max(offset, 0), len(value) - 1)]
        return found_line + 1 + self.line_offset, found_column + 1

    def diagnostic(
        self,
        code: str,
        message: str,
        path: Path_,
        *,
        key: bool = False,
        hint: str = "",
        severity: Any = None,
    ) -> Diagnostic:
        """A diagnostic placed at ``path`` in this document."""
        line, column = self.place(path, key=key)
        return Diagnostic(code, message, self.display, line, column, severity, hint)


class YamlFailure(ReadFailure):
    """The file is not acceptable YAML; ``diagnostic`` says why and where."""


class _NeedPlaces(Exception):
    """A problem whose message needs places that were not being recorded."""


# YAML 1.2 core schema for plain scalars.
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z")
_SPECIAL_FLOAT = {".inf": "inf", "+.inf": "inf", "-.inf": "-inf", ".nan": "nan"}
_SPECIAL_START = frozenset("0123456789+-.~nNtTfF")
_STANDARD_TAGS = {
    "tag:yaml.org,2002:str": "str",
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:map": "map",
    "tag:yaml.org,2002:seq": "seq",
    "!": "str",
}


def load_yaml_file(path: Path, display: str) -> YamlDocument:
    """Read ``path`` and load it as one YAML document.

    Raises:
        ReadFailure: the file is unreadable, not text, not YAML or breaks a limit.
    """
    text = decode(read_bytes(path, display), display, allow_utf16=True)
    return load_yaml_text(text, display)


def load_yaml_text(
    text: str, display: str, *, line_offset: int = 0, places: bool = False
) -> YamlDocument:
    """Load one YAML document from ``text``; ``line_offset`` shifts reported lines.

    With ``places`` the places of all values and keys are recorded at once; otherwise
    they are worked out when first asked for.

    Raises:
        ReadFailure: the text is not YAML, is empty, or breaks a limit.
    """
    builder = _Builder(display, line_offset, places)
    loader = _Loader(text)
    try:
        feed, next_event = builder.feed, loader.get_event
        while (event := next_event()) is not None:
            feed(event)
    except yaml.MarkedYAMLError as exc:
        raise YamlFailure(_syntax_diagnostic(exc, text, display, line_offset)) from None
    except yaml.YAMLError as exc:
        raise YamlFailure(
            Diagnostic("IK004", f"'{display}' is not valid YAML: {exc}.", display)
        ) from None
    except _NeedPlaces:
        return load_yaml_text(text, display, line_offset=line_offset, places=True)
    finally:
        loader.dispose()
    doc = builder.result()
    doc.text, doc.line_offset = text, line_offset
    if not places:
        doc.source = text
    return doc


def _syntax_diagnostic(
    exc: yaml.MarkedYAMLError, text: str, display: str, offset: int
) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line = (mark.line + 1 + offset) if mark else 0
    column = (mark.column + 1) if mark else 0
    lines = text.splitlines()
    if mark and lines and mark.line >= len(lines):
        # The parser stops past the last line break: place it at the end of the last line,
        # a line the file has (editors and annotations cannot show the one after it).
        line, column = len(lines) + offset, len(lines[-1]) + 1
    problem = (exc.problem or "syntax error").rstrip(".")
    problem = re.sub(r"[^\x20-\x7e]", "?", problem)  # never echo control bytes
    context = f" ({exc.context})" if exc.context else ""
    hint = ""
    source_line = lines[mark.line] if mark and mark.line < len(lines) else ""
    if "\t" in source_line[: len(source_line) - len(source_line.lstrip())]:
        hint = "YAML does not allow tabs for indentation: indent with spaces."
    elif "unacceptable character" in problem or "control characters" in problem:
        hint = "Remove the control character; YAML files hold printable text only."
    elif mark and (found := syntax_hint(problem, text, mark.line, mark.column)):
        hint, line, column = found.text, found.line + offset, found.column
    return Diagnostic(
        "IK004", f"Not valid YAML: {problem}{context}.", display, line, column, hint=hint
    )


@dataclass(slots=True)
class _Frame:
    container: Any
    path: Path_
    anchor: str | None
    pending_key: Any = None
    key_event: Any = None
    has_key: bool = False
    is_map: bool = True
    start: Any = None  # the start event, to place problems with the whole container
    weight: int = 1  # values inside, counting what aliases stand for


class _Builder:
    """Builds plain data from parser events, iteratively, with limits."""

    def __init__(self, display: str, line_offset: int, places: bool) -> None:
        self.places = places
        self.display = display
        self.offset = line_offset
        self.stack: list[_Frame] = []
        self.anchors: dict[str, Any] = {}
        self.open_anchors: set[str] = set()
        self.aliases = 0
        self.nodes = 0
        self.weights: dict[str, int] = {}
        self.expanded = 0
        self.documents = 0
        self.root: Any = None
        self.has_root = False
        self.doc = YamlDocument(display, None)

    def fail(self, code: str, message: str, mark: Any = None, hint: str = "") -> None:
        line, column = self.pos(mark) if mark is not None else (0, 0)
        raise YamlFailure(Diagnostic(code, message, self.display, line, column, hint=hint))

    def pos(self, mark: Any) -> tuple[int, int]:
        return (mark.line + 1 + self.offset, mark.column + 1)

    def feed(self, event: Any) -> None:
        kind = type(event)
        if kind is yaml.ScalarEvent:
            if event.tag is None and event.anchor is None:  # the common case, kept lean
                self.nodes += 1
                if self.nodes > MAX_NODES:
                    self.count()
                value = event.value
                if (
                    not event.style
                    and event.implicit[0]
                    and (not value or value[0] in _SPECIAL_START)
                ):  # most plain values are words: no number, boolean or null starts so
                    value = self.resolve_plain(value, event)
                if not self.stack or self.places:
                    if self.stack:
                        self.stack[-1].weight += 1
                    self.add(value, event)
                    return
                frame = self.stack[-1]  # the plain value of a list or mapping, inlined
                frame.weight += 1
                if not frame.is_map:
                    frame.container.append(value)
                elif not frame.has_key:
                    frame.pending_key, frame.has_key, frame.key_event = value, True, event
                else:
                    key = frame.pending_key
                    name = key if type(key) is str else _key_text(key)
                    if name in frame.container:
                        self.attach(value, (), event)  # says where both are
                    else:
                        frame.container[name] = value
                        frame.has_key = False
            else:
                self.add(self.scalar(event), event)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            self.start(event, is_map=kind is yaml.MappingStartEvent)
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            frame = self.stack.pop()
            if frame.anchor:
                self.open_anchors.discard(frame.anchor)
                self.weights[frame.anchor] = frame.weight
            if self.stack:
                self.stack[-1].weight += frame.weight
            self.attach(frame.container, frame.path, frame.start)
        elif kind is yaml.AliasEvent:
            self.alias(event)
        elif kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                self.fail(
                    "IK007",
                    f"'{self.display}' holds more than one YAML document "
                    f"(a second one starts at line {self.pos(event.start_mark)[0]}).",
                    event.start_mark,
                    "Keep one document per file: remove the extra '---'.",
                )

    def check_tag(self, event: Any) -> str | None:
        tag = event.tag
        if tag is None:
            return None
        if tag in _STANDARD_TAGS:
            return _STANDARD_TAGS[tag]
        shown = re.sub(r"[^\x20-\x7e]", "?", tag.replace("tag:yaml.org,2002:", "!!"))[:80]
        if "python/" in tag:
            self.fail(
                "IK008",
                f"The tag '{shown}' asks to build a Python object; inspectkit "
                "never does that, so the file is refused.",
                event.start_mark,
                "Remove the tag: evidence holds plain text, numbers and lists only.",
            )
        self.fail(
            "IK008",
            f"The tag '{shown}' is not supported.",
            event.start_mark,
            "Remove the tag: evidence holds plain text, numbers, true/false and lists.",
        )
        return None  # unreachable

    def start(self, event: Any, *, is_map: bool) -> None:
        tag = self.check_tag(event)
        if tag not in (None, "map" if is_map else "seq"):
            self.fail(
                "IK008",
                f"The tag '!!{tag}' cannot be used on a {'mapping' if is_map else 'list'}.",
                event.start_mark,
            )
        if len(self.stack) >= MAX_DEPTH:
            self.fail(
                "IK009",
                f"The data is nested more than {MAX_DEPTH} levels deep.",
                event.start_mark,
                "Evidence files need only a few levels of nesting.",
            )
        self.count()
        path: Path_ = ()
        if self.places:
            path = self.child_path(event)
            self.doc.values[path] = self.pos(event.start_mark)
        elif not self.stack:
            self.doc.starts[()] = self.pos(event.start_mark)
        elif len(self.stack) == 1 and not self.stack[0].is_map:
            self.doc.starts[(len(self.stack[0].container),)] = self.pos(event.start_mark)
        frame = _Frame({} if is_map else [], path, event.anchor, is_map=is_map, start=event)
        if event.anchor:
            self.anchors[event.anchor] = frame.container
            self.open_anchors.add(event.anchor)
        self.stack.append(frame)

    def child_path(self, event: Any) -> Path_:
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if frame.is_map:
            if not frame.has_key:
                return (*frame.path, "\x00key")  # a key's own value is never looked up
            return (*frame.path, _key_text(frame.pending_key))
        return (*frame.path, len(frame.container))

    def count(self) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            self.fail("IK009", f"The file holds more than {MAX_NODES:,} values.")

    def scalar(self, event: Any) -> Any:
        tag = self.check_tag(event)
        self.count()
        value: str = event.value
        plain = not event.style and tag is None and event.implicit[0]
        if tag in ("map", "seq"):
            self.fail(
                "IK008", f"The tag '!!{tag}' cannot be used on a plain value.", event.start_mark
            )
        if tag == "str" or (tag is None and not plain):
            result: Any = value
        elif tag is None:
            result = self.resolve_plain(value, event)
        else:
            result = self.resolve_tagged(value, tag, event)
        if event.anchor:
            self.anchors[event.anchor] = result
            self.weights[event.anchor] = 1
        if self.stack:
            self.stack[-1].weight += 1
        return result

    def resolve_plain(self, value: str, event: Any) -> Any:
        if value and value[0] not in _SPECIAL_START:
            return value  # most values are words: no number, boolean or null starts so
        if value in _NULL:
            return None
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        if value in _SPECIAL_FLOAT or value.lower() in _SPECIAL_FLOAT:
            return YamlFloat(float(_SPECIAL_FLOAT[value.lower()]), value)
        if len(value) > MAX_NUMBER_DIGITS and (_INT.match(value) or _FLOAT.match(value)):
            self.fail(
                "IK009",
                f"A number of {len(value):,} characters is too long to be a value here.",
                event.start_mark,
                "Put it in quotes if it is text.",
            )
        if _INT.match(value):
            return YamlInt(int(value), value)
        if _OCT.match(value):
            return YamlInt(int(value[2:], 8), value)
        if _HEX.match(value):
            return YamlInt(int(value[2:], 16), value)
        if _FLOAT.match(value):
            return YamlFloat(float(value), value)
        return value

    def resolve_tagged(self, value: str, tag: str, event: Any) -> Any:
        if tag == "null":
            return None
        resolved = self.resolve_plain(value.strip(), event)
        kinds: dict[str, type | tuple[type, ...]] = {
            "int": int,
            "float": (int, float),
            "bool": bool,
        }
        wanted = kinds[tag]
        if isinstance(resolved, bool) != (tag == "bool") or not isinstance(resolved, wanted):
            self.fail("IK004", f"'{value[:40]}' is not a valid !!{tag} value.", event.start_mark)
        return YamlFloat(float(resolved), value) if tag == "float" else resolved

    def alias(self, event: Any) -> None:
        self.aliases += 1
        if event.anchor in self.open_anchors:
            self.fail(
                "IK010",
                f"The alias '*{event.anchor}' refers to the structure that "
                "contains it, which would never end.",
                event.start_mark,
            )
        if event.anchor not in self.anchors:  # the parser reports undefined aliases first
            self.fail("IK004", f"The alias '*{event.anchor}' has no anchor.", event.start_mark)
        # Aliases are never copied, but what they stand for is counted, so that a
        # "billion laughs" file stops here rather than later, when it is walked.
        self.expanded += self.weights.get(event.anchor, 1)
        if self.aliases > MAX_ALIASES or self.expanded > MAX_EXPANDED:
            self.fail(
                "IK009",
                f"The aliases in this file stand for more than "
                f"{MAX_EXPANDED:,} values; inspectkit stops here rather than expand them "
                "(a 'billion laughs' file does this).",
                event.start_mark,
                "Write the values out instead of using aliases.",
            )
        if self.stack:
            self.stack[-1].weight += self.weights.get(event.anchor, 1)
        self.add(self.anchors[event.anchor], event)

    def add(self, value: Any, event: Any) -> None:
        frame = self.stack[-1] if self.stack else None
        if frame is not None and frame.is_map and not frame.has_key:
            self.attach(value, (), event)  # a key: its place is kept by attach
            return
        if not self.places:
            self.attach(value, (), event)
            return
        path = self.child_path(event)
        self.doc.values[path] = self.pos(event.start_mark)
        self.attach(value, path, event)

    def attach(self, value: Any, path: Path_, event: Any = None) -> None:
        if not self.stack:
            self.root, self.has_root = value, True
            return
        frame = self.stack[-1]
        if not frame.is_map:
            frame.container.append(value)
            return
        if not frame.has_key:
            mark = event.start_mark if event is not None else None
            if isinstance(value, (dict, list)):
                self.fail("IK015", "A key is a list or a mapping; keys must be plain values.", mark)
            frame.pending_key, frame.has_key = value, True
            frame.key_event = event
            return
        key = frame.pending_key
        name = _key_text(key)
        if name in frame.container:
            if not self.places:
                raise _NeedPlaces  # read again, keeping places, to say where both are
            line, column = self.pos(frame.key_event.start_mark) if frame.key_event else (0, 0)
            first = self.doc.keys.get((*frame.path, name), (0, 0))[0]
            raise YamlFailure(
                Diagnostic(
                    "IK005",
                    f"The key '{_short(name)}' appears twice in the same mapping "
                    f"(first at line {first}); the second would silently replace the first.",
                    self.display,
                    line,
                    column,
                    hint="Remove or rename one of them.",
                )
            )
        frame.container[name] = value
        if self.places and frame.key_event is not None:
            self.doc.keys[(*frame.path, name)] = self.pos(frame.key_event.start_mark)
        frame.has_key = False

    def result(self) -> YamlDocument:
        if not self.has_root or self.root is None or self.root == "":
            raise YamlFailure(
                Diagnostic(
                    "IK006",
                    f"'{self.display}' is empty: it holds no data, only blank lines or comments.",
                    self.display,
                    1 + self.offset,
                    1,
                )
            )
        self.doc.data = self.root
        return self.doc


def _key_text(key: Any) -> str:
    if key is None:
        return ""
    return str(getattr(key, "text", key))


def _short(text: str) -> str:
    text = re.sub(r"[^\x20-\x7e]", "?", text)
    return text if len(text) <= 40 else text[:37] + "..."
