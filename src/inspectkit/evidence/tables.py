"""Record-reading results and survey responses: table rows checked against the framework.

Each record and respondent appears once; each cell holds an answer its question allows.
Answers are kept in canonical form (scale points as numbers, options as the framework
spells them); blank cells are left out.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, cast

from inspectkit.diagnostics import Diagnostic, cell_place
from inspectkit.errors import ReadFailure
from inspectkit.evidence.answers import (
    Invalid,
    canonical,
    memoised,
    record_answer,
    survey_answer,
)
from inspectkit.evidence.columns import ANONYMOUS, Matcher, Question
from inspectkit.evidence.header import Header, load_mapping, mapping_path, read_header
from inspectkit.evidence.readers import Table, read_table
from inspectkit.evidence.silence import NOTE_COLUMN
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
    sheet: str = ""  # the worksheet, for a workbook (``line`` is then its row)
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
    sheet: str = ""
    #: Personal-data columns (e-mail, name) that held something here: (header, column).
    #: Their values are never kept.
    personal: tuple[tuple[str, int], ...] = ()


def _texts(answers: Mapping[str, AnswerValue]) -> dict[str, str]:
    """Survey answers as text (a survey's answers are its scale's options, already text)."""
    if all(type(v) is str for v in answers.values()):
        return cast("dict[str, str]", dict(answers))
    return {k: str(v) for k, v in answers.items()}


def place_of(file: str, sheet: str, line: int) -> str:
    """Where a row is, in words: ``file:7``, or ``file:Sheet1!A7`` in a workbook."""
    return f"{file}:{cell_place(sheet, line, 1)}" if sheet else f"{file}:{line}"


Reader = Callable[[str, str], "AnswerValue | Invalid | None"]


class Row(NamedTuple):
    """One data row as read: its id, line, answers, notes and personal columns."""

    ident: str
    line: int
    answers: dict[str, AnswerValue]
    notes: dict[str, str]
    note_columns: dict[str, int]
    personal: tuple[tuple[str, int], ...]


#: The column of a records table that names who read the record (contract 1.1).
READER_COLUMN = "reader"


def _rows(
    table: Table, header: Header, read: Reader | None, label: str, problems: list[Diagnostic]
) -> list[Row]:
    out = []
    width = len(table.header)
    questions = list(header.questions.items())
    note_items = list(header.notes.items())
    personal_items = list(header.personal.items())
    # Each column's answers as read, by cell: exports repeat the same few answers.
    seen: dict[int, dict[str, AnswerValue | Invalid | None]] = {i: {} for i, _ in questions}
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
        for i, name in note_items:
            if cells[i]:
                notes[name], note_columns[name] = cells[i], i + 1
        for index, question in questions:
            column, cell = seen[index], cells[index]
            try:
                value = column[cell]
            except KeyError:
                value = column[cell] = read(question, cell) if read else (cell or None)
            if value is None:
                continue
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
            else:
                answers[question] = value
        personal = (
            tuple(
                (name, i + 1) for i, name in personal_items if canonical(cells[i]) not in ANONYMOUS
            )
            if personal_items
            else ()
        )
        out.append(Row(cells[0], row.line, answers, notes, note_columns, personal))
    return out


def _read_table(
    path: Path, problems: list[Diagnostic], texts: dict[str, str] | None
) -> Table | None:
    try:
        table = read_table(path, display_path(path))
    except ReadFailure as exc:
        problems.append(exc.diagnostic)
        return None
    problems.extend(table.notes)
    if texts is not None and table.text:
        texts[table.display] = table.text
    return table


def _untyped(table: Table) -> Header:
    """Without a framework every column after the id is kept as it is."""
    return Header(questions=dict(enumerate(table.header[1:], 1)))


def load_records(
    paths: list[Path],
    fw: Framework | None,
    problems: list[Diagnostic],
    texts: dict[str, str] | None = None,
) -> list[RecordRead]:
    """Read every records table; a record id may appear once across all of them.

    The text of each text table is added to ``texts`` (when given) by its display path.
    """
    template = fw.record_reading if fw else None
    questions = {q.id: q for q in template.questions} if template else {}
    read: Reader | None = None
    if fw is not None and fw.scale is not None:
        scale = fw.scale
        read = memoised(lambda q, cell: record_answer(questions[q], scale, cell))
    records: list[RecordRead] = []
    first: dict[str, RecordRead] = {}
    mappings: dict[Path, dict[str, str]] = {}
    for path in paths:
        table = _read_table(path, problems, texts)
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
        header: Header | None = _untyped(table)
        paired = any(column_key(h) == READER_COLUMN for h in table.header[1:])
        if template is not None:
            where = mapping_path(path, survey=False)
            if where not in mappings:
                mappings[where] = load_mapping(where, list(questions), "IK305", problems)
            other = (*template.other_columns, NOTE_COLUMN)
            if paired and READER_COLUMN not in other:
                other = (*other, READER_COLUMN)
            matcher = Matcher(
                [Question(q.id, q.text) for q in template.questions], other, mappings[where]
            )
            header = read_header(
                table, ("record_id",), matcher, "record-reading", display_path(where), problems
            )
        if header is None:
            continue
        places = {q: i + 1 for i, q in header.questions.items()}
        for row in _rows(table, header, read, "record_id", problems):
            reader = row.notes.get(READER_COLUMN, "").strip().lower() if paired else ""
            record = RecordRead(
                row.ident,
                table.display,
                row.line,
                row.answers,
                row.notes,
                row.note_columns,
                sheet=table.sheet,
                reader=reader,
                columns=places,
                unit=table.unit,
            )
            key = f"{row.ident}\0{reader}"
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
        f"Record '{record.record_id}' was already read{by} at "
        f"{place_of(seen.file, seen.sheet, seen.line)}; {rule}.",
        record.line,
        1,
    )


def load_survey(
    path: Path,
    fw: Framework | None,
    problems: list[Diagnostic],
    texts: dict[str, str] | None = None,
) -> list[SurveyResponse]:
    """Read surveys/<survey-id>.<kind> (any table a reader takes); a respondent appears once.

    The text of a text table is added to ``texts`` (when given) by its display path.
    """
    survey_id = path.stem.lower()
    display = display_path(path)
    survey = next((s for s in fw.surveys if s.id == survey_id), None) if fw else None
    if fw is not None and survey is None:
        known = [s.id for s in fw.surveys]
        close = did_you_mean(survey_id, known, shown="{}" + path.suffix.lower())
        problems.append(
            Diagnostic(
                "IK306",
                f"The framework has no survey '{survey_id}' (the file name names the survey).",
                display,
                hint=close or f"Surveys: {', '.join(known) or 'none'}.",
            )
        )
        return []
    table = _read_table(path, problems, texts)
    if table is None:
        return []
    header: Header | None = _untyped(table)
    read: Reader | None = None
    if survey is not None and fw is not None:
        scale = next((a for a in fw.answer_scales if a.id == survey.answer_scale), None)
        if scale is not None:
            read = memoised(lambda _q, cell: survey_answer(scale, cell), by_question=False)
        where = mapping_path(path, survey=True)
        known = [q.id for q in survey.questions]
        matcher = Matcher(
            [Question(q.id, q.text) for q in survey.questions],
            (*survey.other_columns, NOTE_COLUMN),
            load_mapping(where, known, "IK307", problems),
            survey=True,
        )
        header = read_header(
            table,
            ("respondent_id", "id"),
            matcher,
            f"survey '{survey_id}'",
            display_path(where),
            problems,
        )
    if header is None:
        return []
    responses: list[SurveyResponse] = []
    first: dict[str, int] = {}
    for row in _rows(table, header, read, "respondent_id", problems):
        if row.ident in first:
            at = cell_place(table.sheet, first[row.ident], 1) if table.sheet else None
            problems.append(
                table.diagnostic(
                    "IK206",
                    f"Respondent '{row.ident}' already answered at "
                    f"{at or f'line {first[row.ident]}'}; each respondent appears once.",
                    row.line,
                    1,
                )
            )
            continue
        first[row.ident] = row.line
        responses.append(
            SurveyResponse(
                survey_id,
                row.ident,
                display,
                row.line,
                _texts(row.answers),
                row.notes,
                row.note_columns,
                table.sheet,
                row.personal,
            )
        )
    return responses
