"""Record-reading results and survey responses: CSV rows checked against the framework.

Each record and respondent appears once; each cell holds an answer its question allows.
Answers are kept in canonical form (scale points as numbers, options as the framework
spells them); blank cells are left out.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from inspectkit.diagnostics import Diagnostic
from inspectkit.errors import ReadFailure
from inspectkit.evidence.answers import Invalid, memoised, record_answer, survey_answer
from inspectkit.evidence.readers import Table, read_table
from inspectkit.framework.models import Framework, column_key
from inspectkit.suggest import did_you_mean
from inspectkit.textfile import display_path

AnswerValue = int | str


@dataclass(frozen=True)
class RecordRead:
    """One record read: its anonymous reference, where it is, and its answers."""

    record_id: str
    file: str
    line: int
    answers: Mapping[str, AnswerValue]
    notes: Mapping[str, str] = field(default_factory=dict)
    note_columns: Mapping[str, int] = field(default_factory=dict)  # 1-based field numbers
    reader: str = ""  # the reader or pair label (contract 1.1), "" without a reader column
    columns: Mapping[str, int] = field(default_factory=dict)  # question -> 1-based column
    unit: str = "field"  # what the columns count in its table (see Table.unit)


@dataclass(frozen=True)
class SurveyResponse:
    """One survey respondent's answers."""

    survey: str
    respondent_id: str
    file: str
    line: int
    answers: Mapping[str, str]
    notes: Mapping[str, str] = field(default_factory=dict)
    note_columns: Mapping[str, int] = field(default_factory=dict)  # 1-based field numbers


Reader = Callable[[str, str], "AnswerValue | Invalid | None"]


def _header(
    table: Table,
    id_column: str,
    known: list[str],
    what: str,
    problems: list[Diagnostic],
    other: tuple[str, ...] = (),
) -> dict[int, str] | None:
    """Map column index -> question id; None if the id column is missing.

    Columns named in ``other`` are kept under their own name but are not questions.
    """
    if not table.header or column_key(table.header[0]) != id_column:
        problems.append(
            table.diagnostic(
                "IK208",
                f"The first column of '{table.display}' should be "
                f"'{id_column}', not '{table.header[0] if table.header else ''}'"
                ".",
                1,
                1,
            )
        )
        return None
    columns: dict[int, str] = {}
    seen: dict[str, int] = {}
    by_key = {column_key(q): q for q in [*known, *other]}
    for index, name in enumerate(table.header[1:], start=1):
        if not name:
            problems.append(
                table.diagnostic("IK208", f"Column {index + 1} has no name.", 1, index + 1)
            )
            continue
        question = by_key.get(column_key(name))
        if question is None:
            problems.append(
                table.diagnostic(
                    "IK307" if what.startswith("survey") else "IK305",
                    f"Unknown {what} question '{name}': the framework does not define it.",
                    1,
                    index + 1,
                    hint=did_you_mean(name, known)
                    or "Remove the column, or list it in the framework's 'other_columns'.",
                )
            )
            continue
        if question in seen:
            problems.append(
                table.diagnostic(
                    "IK208",
                    f"The column '{name}' appears twice (first as column {seen[question] + 1}).",
                    1,
                    index + 1,
                )
            )
            continue
        seen[question] = index
        columns[index] = question
    return columns


Row = tuple[str, int, dict[str, AnswerValue], dict[str, str], dict[str, int]]

#: The column of a records table that names who read the record (contract 1.1).
READER_COLUMN = "reader"


def _rows(
    table: Table,
    columns: dict[int, str],
    read: Reader | None,
    label: str,
    problems: list[Diagnostic],
    other: tuple[str, ...] = (),
) -> list[Row]:
    out = []
    width = len(table.header)
    for row in table.rows:
        cells = row.cells
        if len(cells) != width:
            problems.append(
                table.diagnostic(
                    "IK209",
                    f"This row has {len(cells)} cells but the header has {width}.",
                    row.line,
                    1,
                    hint="Check for a stray comma or a missing cell.",
                )
            )
            cells = (*cells, *([""] * width))[:width]
        if not cells[0]:
            problems.append(table.diagnostic("IK203", f"The row has no {label}.", row.line, 1))
            continue
        answers: dict[str, AnswerValue] = {}
        notes: dict[str, str] = {}
        note_columns: dict[str, int] = {}
        for index, question in columns.items():
            if question in other:
                if cells[index]:
                    notes[question] = cells[index]
                    note_columns[question] = index + 1
                continue
            value = read(question, cells[index]) if read else (cells[index] or None)
            if isinstance(value, Invalid):
                problems.append(
                    table.diagnostic(
                        "IK210",
                        f"'{cells[index][:40]}' is not an answer to "
                        f"'{question}': use {value.allowed}.",
                        row.line,
                        index + 1,
                    )
                )
            elif value is not None:
                answers[question] = value
        out.append((cells[0], row.line, answers, notes, note_columns))
    return out


def _read_table(path: Path, problems: list[Diagnostic]) -> Table | None:
    try:
        return read_table(path, display_path(path))
    except ReadFailure as exc:
        problems.append(exc.diagnostic)
        return None


def load_records(
    paths: list[Path], fw: Framework | None, problems: list[Diagnostic]
) -> list[RecordRead]:
    """Read every records/*.csv; a record id may appear once across all of them."""
    questions = {q.id: q for q in fw.record_reading.questions} if fw and fw.record_reading else {}
    read: Reader | None = None
    if fw is not None and fw.scale is not None:
        scale = fw.scale
        read = memoised(lambda q, cell: record_answer(questions[q], scale, cell))
    records: list[RecordRead] = []
    first: dict[str, RecordRead] = {}
    for path in paths:
        table = _read_table(path, problems)
        if table is None:
            continue
        if fw is not None and not questions:
            problems.append(
                table.diagnostic(
                    "IK305",
                    "The framework has no record-reading template, so records cannot be read.",
                )
            )
            continue
        other = tuple(fw.record_reading.other_columns) if fw and fw.record_reading else ()
        paired = any(column_key(h) == READER_COLUMN for h in table.header[1:])
        if paired and READER_COLUMN not in other:
            other = (*other, READER_COLUMN)
        columns = (
            _header(table, "record_id", list(questions), "record-reading", problems, other)
            if fw is not None
            else dict(enumerate(table.header[1:], 1))
        )
        if columns is None:
            continue
        places = {q: i + 1 for i, q in columns.items()}
        for record_id, line, answers, notes, note_columns in _rows(
            table, columns, read, "record_id", problems, other
        ):
            reader = notes.get(READER_COLUMN, "").strip().lower() if paired else ""
            record = RecordRead(
                record_id,
                table.display,
                line,
                answers,
                notes,
                note_columns,
                reader,
                places,
                table.unit,
            )
            key = f"{record_id}\0{reader}"
            if key in first:
                problems.append(_twice(table, record, first[key]))
                continue
            first[key] = record
            records.append(record)
    return records


def _twice(table: Table, record: RecordRead, seen: RecordRead) -> Diagnostic:
    """IK206: a record read twice (by the same reader, where readers are named)."""
    by = f" by reader '{record.reader}'" if record.reader else ""
    rule = "a record appears once per reader" if record.reader else "each record appears once"
    return table.diagnostic(
        "IK206",
        f"Record '{record.record_id}' was already read{by} at {seen.file}:{seen.line}; {rule}.",
        record.line,
        1,
    )


def load_survey(
    path: Path, fw: Framework | None, problems: list[Diagnostic]
) -> list[SurveyResponse]:
    """Read surveys/<survey-id>.csv; a respondent may appear once."""
    survey_id = path.stem.lower()
    display = display_path(path)
    survey = next((s for s in fw.surveys if s.id == survey_id), None) if fw else None
    if fw is not None and survey is None:
        known = [s.id for s in fw.surveys]
        close = did_you_mean(survey_id, known, shown="{}.csv")
        problems.append(
            Diagnostic(
                "IK306",
                f"The framework has no survey '{survey_id}' (the file name names the survey).",
                display,
                hint=close or f"Surveys: {', '.join(known) or 'none'}.",
            )
        )
        return []
    table = _read_table(path, problems)
    if table is None:
        return []
    read: Reader | None = None
    known_questions: list[str] = []
    if survey is not None and fw is not None:
        scale = next((a for a in fw.answer_scales if a.id == survey.answer_scale), None)
        known_questions = [q.id for q in survey.questions]
        if scale is not None:
            read = memoised(lambda _q, cell: survey_answer(scale, cell), by_question=False)
    other = tuple(survey.other_columns) if survey else ()
    columns = (
        _header(table, "respondent_id", known_questions, f"survey '{survey_id}'", problems, other)
        if fw
        else dict(enumerate(table.header[1:], start=1))
    )
    if columns is None:
        return []
    responses: list[SurveyResponse] = []
    first: dict[str, int] = {}
    for respondent, line, answers, notes, note_columns in _rows(
        table, columns, read, "respondent_id", problems, other
    ):
        if respondent in first:
            problems.append(
                table.diagnostic(
                    "IK206",
                    f"Respondent '{respondent}' already answered at "
                    f"line {first[respondent]}; each respondent appears once.",
                    line,
                    1,
                )
            )
            continue
        first[respondent] = line
        responses.append(
            SurveyResponse(
                survey_id,
                respondent,
                display,
                line,
                {k: str(v) for k, v in answers.items()},
                notes,
                note_columns,
            )
        )
    return responses
