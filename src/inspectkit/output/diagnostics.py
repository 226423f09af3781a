"""Diagnostics rendered as text, yamllint's parsable lines, JSON, GitHub, JUnit or SARIF.

Every function returns text and never prints. Evidence folders are untrusted, so every message,
hint and path passes through :func:`safe` first: no format can carry a raw control character or
bidirectional override to a terminal, a log viewer or an editor.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from inspectkit.codes import CODES
from inspectkit.diagnostics import Diagnostic, Severity, count
from inspectkit.evidence.silence import Silenced
from inspectkit.textsafe import safe

__all__ = ["DiagnosticsView", "render", "resolve_format"]

TOOL_NAME = "inspectkit"
INFORMATION_URI = "https://github.com/inspectkit/inspectkit"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
JSON_SCHEMA_VERSION = 1

_GITHUB_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "notice"}
_NO_FILE = "(no file)"


@dataclass(frozen=True)
class DiagnosticsView:
    """What a diagnostics writer is given.

    Attributes:
        diagnostics: The findings, already sorted by file, line and column.
        tool_version: inspectkit's version, for the JSON, JUnit and SARIF headers.
        files: Display paths (POSIX, relative) of every file checked, with or without findings.
        color: ANSI colours in the text format.
        strict: Warnings fail (JUnit failures rather than passing cases with output).
        silenced: Findings silenced where they stand: counted in every summary, and kept
            with their reasons where a format can carry them (JSON, JUnit, SARIF).
        width: The text format's line width; explanation lines wrap with a hanging indent.
        quiet: The text format leaves out notes and the summary of a clean run.
    """

    diagnostics: Sequence[Diagnostic]
    tool_version: str
    files: Sequence[str] = ()
    color: bool = False
    strict: bool = False
    silenced: Sequence[Silenced] = ()
    width: int = 0
    quiet: bool = False

    @property
    def checked(self) -> list[str]:
        """The checked files plus any file a diagnostic names, sorted, made safe."""
        quiet = [s.diagnostic for s in self.silenced]
        return _checked_files([*self.diagnostics, *quiet], self.files)


def resolve_format(name: str, *, github_actions: bool) -> str:
    """Turn ``auto`` into a concrete format; the caller says whether this is GitHub Actions."""
    if name == "auto":
        return "github" if github_actions else "text"
    return name


def render(
    diagnostics: Sequence[Diagnostic],
    fmt: str,
    *,
    tool_version: str,
    files: Sequence[str] = (),
    color: bool = False,
    strict: bool = False,
    silenced: Sequence[Silenced] = (),
    width: int = 0,
    quiet: bool = False,
) -> str:
    """Render sorted diagnostics in one format of :data:`inspectkit.formats.DIAGNOSTIC_FORMATS`.

    ``auto`` is rendered as text (resolve it first with :func:`resolve_format`). The keyword
    arguments are those of :class:`DiagnosticsView`.

    Returns:
        The whole output, ending with a newline unless empty.
    """
    from inspectkit.formats import DIAGNOSTIC_FORMATS

    view = DiagnosticsView(diagnostics, tool_version, files, color, strict, silenced, width, quiet)
    chosen = DIAGNOSTIC_FORMATS.get("text" if fmt == "auto" else fmt)
    return chosen.write(view).decode("utf-8")


def write_text(view: DiagnosticsView) -> bytes:
    """Text for people: findings grouped by file, hints indented, a summary line."""
    from inspectkit.output.diagtext import text

    return text(view).encode("utf-8")


def write_parsable(view: DiagnosticsView) -> bytes:
    """yamllint's ``file:line:col: [level] message (code)`` lines."""
    return _lines(_parsable_line(d) for d in view.diagnostics).encode("utf-8")


def write_json(view: DiagnosticsView) -> bytes:
    """Every finding with its place, and the files checked."""
    return _json(view).encode("utf-8")


def write_github(view: DiagnosticsView) -> bytes:
    """GitHub Actions workflow commands, one annotation per finding."""
    return _lines(_github_line(d) for d in view.diagnostics).encode("utf-8")


def write_junit(view: DiagnosticsView) -> bytes:
    """JUnit XML: a test case per file and finding."""
    return _junit(view).encode("utf-8")


def write_sarif(view: DiagnosticsView) -> bytes:
    """SARIF 2.1.0 for code-scanning tools."""
    return _sarif(view).encode("utf-8")


def _checked_files(diagnostics: Sequence[Diagnostic], files: Sequence[str]) -> list[str]:
    """The checked files plus any file a diagnostic names, sorted, made safe."""
    names = set(files) | {d.file for d in diagnostics if d.file}
    return sorted({safe(name) for name in names})


def _lines(lines: Iterable[str]) -> str:
    return "".join(f"{line}\n" for line in lines)


def _place(d: Diagnostic) -> str:
    """:attr:`Diagnostic.place`, made safe (a sheet's name comes from the workbook)."""
    return safe(d.place)


def _where(d: Diagnostic) -> str:
    """``file:line:col`` with the unknown parts left out."""
    return ":".join(part for part in (safe(d.file), _place(d)) if part)


def _with_hint(d: Diagnostic) -> str:
    message = safe(d.message)
    return f"{message} (hint: {safe(d.hint)})" if d.hint else message


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# -- parsable and github ----------------------------------------------------------------------


def _parsable_line(d: Diagnostic) -> str:
    return f"{safe(d.file)}:{d.line}:{d.column}: [{d.severity.value}] {safe(d.message)} ({d.code})"


def _github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def _github_line(d: Diagnostic) -> str:
    props: list[tuple[str, str]] = []
    if d.file:
        props.append(("file", safe(d.file)))
        if d.line > 0:
            props.append(("line", str(d.line)))
            if d.column > 0:
                props.append(("col", str(d.column)))
    props.append(("title", f"{d.code} {d.name}"))
    joined = ",".join(f"{key}={_github_property(value)}" for key, value in props)
    where = _where(d)
    message = f"{where}: {_with_hint(d)}" if where else _with_hint(d)
    return f"::{_GITHUB_COMMAND[d.severity]} {joined}::{_github_data(message)}"


# -- json -------------------------------------------------------------------------------------


def _json(view: DiagnosticsView) -> str:
    diagnostics, checked = view.diagnostics, view.checked
    totals = count(diagnostics)
    data = {
        "schema_version": JSON_SCHEMA_VERSION,
        "tool": {"name": TOOL_NAME, "version": view.tool_version},
        "summary": {
            "errors": totals[Severity.ERROR],
            "warnings": totals[Severity.WARNING],
            "notes": totals[Severity.NOTE],
            "silenced": len(view.silenced),
            "files": len(checked),
        },
        "files": checked,
        "diagnostics": [_safe_dict(d) for d in diagnostics],
        "silenced": [
            {**_safe_dict(s.diagnostic), "reason": safe(s.reason), "how": s.how}
            for s in view.silenced
        ],
    }
    return json.dumps(data, sort_keys=False, indent=2, ensure_ascii=False) + "\n"


def _safe_dict(d: Diagnostic) -> dict[str, object]:
    return {k: safe(v) if isinstance(v, str) else v for k, v in d.to_dict().items()}


# -- junit ------------------------------------------------------------------------------------


def _junit(view: DiagnosticsView) -> str:
    diagnostics, checked = view.diagnostics, view.checked
    failing = {Severity.ERROR, Severity.WARNING} if view.strict else {Severity.ERROR}
    cases: list[ET.Element] = []
    by_file: dict[str, list[Diagnostic]] = {}
    for d in diagnostics:
        if d.severity is not Severity.NOTE:
            by_file.setdefault(safe(d.file), []).append(d)
    for name in sorted(set(checked) | set(by_file)):
        found = by_file.get(name)
        if not found:
            cases.append(_testcase(name, name))
        for d in found or ():
            cases.append(_finding_case(d, failed=d.severity in failing))
    for quiet in view.silenced:
        case = _finding_case(quiet.diagnostic, failed=False)
        ET.SubElement(case, "skipped", {"message": f"silenced: {safe(quiet.reason)}"})
        cases.append(case)
    failures = sum(1 for case in cases if case.find("failure") is not None)
    counts = {"tests": str(len(cases)), "failures": str(failures), "errors": "0"}
    root = ET.Element("testsuites", {"name": TOOL_NAME, **counts})
    skipped = str(len(view.silenced))
    suite = ET.SubElement(root, "testsuite", {"name": TOOL_NAME, **counts, "skipped": skipped})
    suite.extend(cases)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def _testcase(file: str, name: str) -> ET.Element:
    return ET.Element("testcase", {"classname": f"{TOOL_NAME}.{file or _NO_FILE}", "name": name})


def _finding_case(d: Diagnostic, *, failed: bool) -> ET.Element:
    where = _where(d) or _NO_FILE
    case = _testcase(safe(d.file), f"{where}: {d.code} {d.name}")
    text = f"{where}: {safe(d.message)}"
    if d.hint:
        text += f"\nhint: {safe(d.hint)}"
    if failed:
        failure = ET.SubElement(case, "failure", {"type": d.code, "message": safe(d.message)})
        failure.text = text
    else:
        ET.SubElement(case, "system-out").text = f"[{d.severity.value}] {text}"
    return case


# -- sarif ------------------------------------------------------------------------------------


def _sarif(view: DiagnosticsView) -> str:
    diagnostics, checked, tool_version = view.diagnostics, view.checked, view.tool_version
    silenced = [s.diagnostic for s in view.silenced]
    codes = sorted({d.code for d in [*diagnostics, *silenced]})
    rule_index = {code: i for i, code in enumerate(codes)}
    artifact_index = {name: i for i, name in enumerate(checked)}
    driver = {
        "name": TOOL_NAME,
        "version": tool_version,
        "informationUri": INFORMATION_URI,
        "rules": [_rule(code) for code in codes],
    }
    run = {
        "tool": {"driver": driver},
        "artifacts": [{"location": _artifact_location(name)} for name in checked],
        "results": [_result(d, rule_index, artifact_index) for d in diagnostics]
        + [_suppressed(s, rule_index, artifact_index) for s in view.silenced],
        "columnKind": "unicodeCodePoints",
    }
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, sort_keys=False, indent=2, ensure_ascii=False) + "\n"


def _rule(code: str) -> dict[str, object]:
    entry = CODES[code]
    return {
        "id": code,
        "name": entry.name,
        "shortDescription": {"text": entry.summary},
        "defaultConfiguration": {"level": entry.default},
    }


def _artifact_location(name: str) -> dict[str, object]:
    """A URI for a display path: relative to %SRCROOT%, or a file URI when absolute."""
    if name.startswith("/"):
        return {"uri": "file://" + quote(name, safe="/")}
    if re.match(r"[A-Za-z]:/", name):  # a Windows drive
        return {"uri": "file:///" + name[:2] + quote(name[2:], safe="/")}
    return {"uri": quote(name, safe="/"), "uriBaseId": "%SRCROOT%"}


def _suppressed(
    quiet: Silenced, rule_index: dict[str, int], artifact_index: dict[str, int]
) -> dict[str, object]:
    """A silenced finding: a SARIF result with an in-source suppression and its reason."""
    result = _result(quiet.diagnostic, rule_index, artifact_index)
    result["suppressions"] = [{"kind": "inSource", "justification": safe(quiet.reason)}]
    return result


def _result(
    d: Diagnostic, rule_index: dict[str, int], artifact_index: dict[str, int]
) -> dict[str, object]:
    result: dict[str, object] = {
        "ruleId": d.code,
        "ruleIndex": rule_index[d.code],
        "level": d.severity.value,
        "message": {"text": _with_hint(d)},
    }
    if d.file:
        name = safe(d.file)
        physical: dict[str, object] = {
            "artifactLocation": {**_artifact_location(name), "index": artifact_index[name]}
        }
        if d.line > 0:
            region = {"startLine": d.line}
            # A CSV diagnostic's column is a field number, not a character offset.
            if d.column > 0 and d.unit == "character":
                region["startColumn"] = d.column
            physical["region"] = region
        result["locations"] = [{"physicalLocation": physical}]
        if d.sheet:  # SARIF regions know no worksheets: the cell goes in a property bag
            result["properties"] = {"sheet": safe(d.sheet), "cell": safe(d.cell)}
    return result
