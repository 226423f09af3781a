"""Findings silenced where they stand, each with a reason.

In a YAML or Markdown file, a comment silences the codes it names on its own line, or, on a
line of its own, on the next line that is not a comment::

    indicators: ["2.1"]   # inspectkit: ignore IK401 -- the only kind of evidence there is

In a CSV file, a column named ``inspectkit`` does the same for its row::

    record_id,...,inspectkit
    R-07,...,ignore IK210 -- answer left blank by the reader on purpose

A silenced finding is not reported as a problem, but it is counted (IK021) and kept, with its
reason, for formats that can carry it (SARIF suppressions, JUnit skipped cases). An ignore
without a code or a reason silences nothing and is itself a warning (IK020).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from inspectkit.diagnostics import Diagnostic
from inspectkit.errors import ReadFailure
from inspectkit.evidence.readers import read_table, reader_for
from inspectkit.textfile import read_text

__all__ = ["NOTE_COLUMN", "Ignore", "Silenced", "find_ignores", "silence"]

#: The CSV column whose cells silence findings on their row.
NOTE_COLUMN = "inspectkit"
_COMMENT = re.compile(r"#\s*inspectkit:\s*ignore\b(?P<rest>.*)$")
_NOTE = re.compile(r"^\s*ignore\b(?P<rest>.*)$", re.IGNORECASE)
_CODE = re.compile(r"IK\d{3}")
_SUFFIXES = (".yaml", ".yml", ".md", ".csv")
_HINT = "Write it as 'inspectkit: ignore IK401 -- the reason'; a reason is required."


@dataclass(frozen=True)
class Ignore:
    """One instruction to silence ``codes`` on ``line`` of ``file``."""

    file: str
    line: int
    codes: frozenset[str]
    reason: str
    how: str


@dataclass(frozen=True)
class Silenced:
    """A finding that was silenced, why, and how (``comment`` or ``csv-note``)."""

    diagnostic: Diagnostic
    reason: str
    how: str


def _parse(rest: str) -> tuple[frozenset[str], str]:
    codes_part, _, reason = rest.partition("--")
    return frozenset(_CODE.findall(codes_part.upper())), reason.strip()


def _yaml_ignores(text: str, display: str, problems: list[Diagnostic]) -> list[Ignore]:
    found: list[Ignore] = []
    pending: list[tuple[int, str, int]] = []  # own-line comments waiting for their line
    for number, line in enumerate(text.splitlines(), start=1):
        match = _COMMENT.search(line)
        own_line = line.lstrip().startswith("#")
        if match is not None:
            pending.append((number, match.group("rest"), match.start() + 1))
        if own_line or not line.strip():
            continue
        for at, rest, column in pending:
            codes, reason = _parse(rest)
            if not codes or not reason:
                problems.append(_bad(display, at, column, "comment"))
            else:
                found.append(Ignore(display, number, codes, reason, "comment"))
        pending = []
    return found


def _table_ignores(path: Path, display: str, problems: list[Diagnostic]) -> list[Ignore]:
    """Ignores in a table's note column (a text table: workbooks are not read twice)."""

    try:
        table = read_table(path, display)
    except ReadFailure:
        return []
    if NOTE_COLUMN not in table.header:
        return []
    index = table.header.index(NOTE_COLUMN)
    found: list[Ignore] = []
    for row in table.rows:
        cell = row.cells[index] if index < len(row.cells) else ""
        match = _NOTE.match(cell)
        if match is None:
            continue
        codes, reason = _parse(match.group("rest"))
        if not codes or not reason:
            problems.append(_bad(display, row.line, index + 1, "note", unit=table.unit))
        else:
            found.append(Ignore(display, row.line, codes, reason, "csv-note"))
    return found


def _bad(display: str, line: int, column: int, what: str, unit: str = "character") -> Diagnostic:
    return Diagnostic(
        "IK020",
        f"This ignore {what} silences nothing: it needs the codes and a reason after '--'.",
        display,
        line,
        column,
        hint=_HINT,
        unit=unit,
    )


def find_ignores(
    files: Iterable[str], texts: Mapping[str, str] | None = None
) -> tuple[list[Ignore], list[Diagnostic]]:
    """The ignores written in ``files`` (display paths, as diagnostics name them), and the
    problems with them (IK020). ``texts`` holds the text of files already read."""
    found: list[Ignore] = []
    problems: list[Diagnostic] = []
    known = texts or {}
    for display in sorted(set(files)):
        path = Path(display)
        text = known.get(display)
        if text is None:
            try:
                text = read_text(path, display).text
            except ReadFailure:
                continue
        if NOTE_COLUMN not in text:
            continue  # most files: no ignore, and no second parse
        if reader_for(path) is not None:  # a table: the note column, cell by cell
            found += _table_ignores(path, display, problems)
        else:
            found += _yaml_ignores(text, display, problems)
    return found, problems


def silence(
    diagnostics: Sequence[Diagnostic],
    files: Iterable[str],
    texts: Mapping[str, str] | None = None,
) -> tuple[list[Diagnostic], list[Silenced]]:
    """Split ``diagnostics`` into those still reported and those silenced where they stand.

    The kept list gains IK020 for each unusable ignore and one IK021 note counting the
    silenced findings, so that nothing is hidden without a trace. ``texts`` holds the text
    of files already read (by display path); the others are read here.
    """
    wanted = (f for f in files if f.lower().endswith(_SUFFIXES))
    ignores, problems = find_ignores(wanted, texts)
    by_place = {(i.file, i.line, code): i for i in ignores for code in i.codes}
    kept: list[Diagnostic] = list(problems)
    silenced: list[Silenced] = []
    for d in diagnostics:
        ignore = by_place.get((d.file, d.line, d.code))
        if ignore is None or d.code in ("IK020", "IK021"):
            kept.append(d)
        else:
            silenced.append(Silenced(d, ignore.reason, ignore.how))
    if silenced:
        n = len(silenced)
        shown = sorted({s.diagnostic.file for s in silenced})
        kept.append(
            Diagnostic(
                "IK021",
                f"{n} finding{'' if n == 1 else 's'} silenced where "
                f"{'it stands' if n == 1 else 'they stand'} ({', '.join(shown)}).",
                shown[0],
                hint="Remove the ignore comment or note to report it again.",
            )
        )
    return kept, silenced
