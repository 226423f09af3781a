"""A table's header read against its questions, and the mapping file kept beside it.

The mapping file is YAML: each key a column header as it is written in the export, each
value a question id, ``note`` (keep the column as notes) or ``ignore``::

    "I feel safe where I live": c01
    "Anything else you want to tell us?": note
    "Which school do you go to?": ignore

Records share one file, ``records/columns.yaml``; each survey has its own,
``surveys/<survey-id>.columns.yaml``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from inspectkit.diagnostics import Diagnostic, column_letters
from inspectkit.errors import ReadFailure
from inspectkit.evidence.columns import IGNORE, NOTE, Matcher, normalise
from inspectkit.evidence.readers import Table
from inspectkit.framework.models import column_key
from inspectkit.suggest import did_you_mean
from inspectkit.textfile import display_path
from inspectkit.yamlread import load_yaml_file

__all__ = ["Header", "load_mapping", "mapping_path", "read_header"]


@dataclass(frozen=True)
class Header:
    """What each column of a table holds, by column index (0 is the id column)."""

    questions: dict[int, str] = field(default_factory=dict)
    notes: dict[int, str] = field(default_factory=dict)
    personal: dict[int, str] = field(default_factory=dict)


def mapping_path(table_path: Path, survey: bool) -> Path:
    """The mapping file that applies to a table."""
    name = f"{table_path.stem}.columns.yaml" if survey else "columns.yaml"
    return table_path.parent / name


def load_mapping(
    path: Path, known: Sequence[str], code: str, problems: list[Diagnostic]
) -> dict[str, str]:
    """A mapping file's entries by normalised header; {} when there is none.

    Each entry that maps to something other than a known question, ``note`` or ``ignore``
    is reported (``code``) at its value, with a did-you-mean.
    """
    if not path.is_file():
        return {}
    try:
        doc = load_yaml_file(path, display_path(path))
    except ReadFailure as exc:
        problems.append(exc.diagnostic)
        return {}
    if doc.data is None:
        return {}
    if not isinstance(doc.data, dict):
        problems.append(
            doc.diagnostic(
                "IK014",
                f"'{doc.display}' should map column headers to question ids, '{NOTE}' or "
                f"'{IGNORE}' (e.g. \"I feel safe at home\": c01).",
                (),
            )
        )
        return {}
    by_key = {column_key(q): q for q in known}
    out: dict[str, str] = {}
    for header, target in doc.data.items():
        value = target.strip() if isinstance(target, str) else ""
        if value in (NOTE, IGNORE):
            out[normalise(str(header))] = value
        elif column_key(value) in by_key:
            out[normalise(str(header))] = by_key[column_key(value)]
        else:
            problems.append(
                doc.diagnostic(
                    code,
                    f"'{target}' is not a question here: map '{header}' to a question id, "
                    f"'{NOTE}' or '{IGNORE}'.",
                    (header,),
                    hint=did_you_mean(value, known) or f"Questions: {', '.join(known)}.",
                )
            )
    return out


def read_header(
    table: Table,
    id_columns: tuple[str, ...],
    matcher: Matcher,
    what: str,
    mapping_file: str,
    problems: list[Diagnostic],
) -> Header | None:
    """What each column holds; None (with a problem) when the id column is missing."""
    line = table.header_line
    if not table.header or column_key(table.header[0]) not in id_columns:
        problems.append(
            table.diagnostic(
                "IK208",
                f"The first column of '{table.display}' should be "
                f"'{id_columns[0]}', not '{table.header[0] if table.header else ''}'.",
                line,
                1,
            )
        )
        return None
    header = Header()
    seen: dict[str, int] = {}
    code = "IK307" if matcher.survey else "IK305"
    for index, name in enumerate(table.header[1:], start=1):
        if index in table.empty_columns:
            continue
        if not name:
            problems.append(_no_name(table, index))
            continue
        found = matcher.match(name)
        if found is None:
            problems.append(
                table.diagnostic(
                    code,
                    f"Unknown {what} question '{name}': the framework does not define it.",
                    line,
                    index + 1,
                    hint=did_you_mean(name, [q.id for q in matcher.questions])
                    or matcher.unknown_hint(name, mapping_file),
                )
            )
            continue
        kind, value = found
        if kind == IGNORE:
            continue
        if kind == "personal":
            header.personal[index] = name
            continue
        if value in seen:
            problems.append(
                table.diagnostic(
                    "IK208",
                    f"The column '{name}' appears twice (first as column {seen[value] + 1}).",
                    line,
                    index + 1,
                )
            )
            continue
        seen[value] = index
        (header.questions if kind == "question" else header.notes)[index] = value
    return header


def _no_name(table: Table, index: int) -> Diagnostic:
    if table.unit != "cell":
        return table.diagnostic(
            "IK208", f"Column {index + 1} has no name.", table.header_line, index + 1
        )
    return table.diagnostic(
        "IK208",
        f"Column {column_letters(index + 1)} has data but no header.",
        table.header_line,
        index + 1,
        hint="A header merged across columns names only its first column: give this column "
        "its own header.",
    )
