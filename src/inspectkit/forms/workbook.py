"""The fillable workbook of a form: a data sheet, a guidance sheet and hidden answer lists.

The data sheet comes first and is what inspectkit reads back (see
:mod:`inspectkit.evidence.xlsxread`): the id column, then one column per question headed by
its text with the id in square brackets, each with a drop-down of its answers. ``Guidance``
gives each question's full text, its answers, what counts as positive and the indicators it
informs; ``Lists`` (hidden) holds the drop-downs' answers, so that an answer holding a comma
stays one answer. A filled copy validates without any edit.
"""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation

from inspectkit.diagnostics import column_letters
from inspectkit.forms.model import FormPart
from inspectkit.ooxml import reproducible

#: Rows given drop-downs below the header: more than any sample a framework asks for.
ROWS = 1000
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")


def write_xlsx(part: FormPart) -> bytes:
    """The workbook of ``part``, as the bytes of an .xlsx file (the same bytes every time)."""
    workbook = Workbook()
    data = workbook.active
    assert data is not None  # a new workbook has one sheet
    data.title = "records" if part.kind == "records" else part.id
    _data_sheet(data, part)
    _guidance_sheet(workbook.create_sheet("Guidance"), part)
    lists = workbook.create_sheet("Lists")
    lists.sheet_state = "hidden"
    for column, question in enumerate(part.questions, start=1):
        lists.cell(1, column, question.id)
        for row, answer in enumerate(question.answers, start=2):
            lists.cell(row, column, answer).number_format = "@"
        letter = column_letters(column)
        last = len(question.answers) + 1
        validation = DataValidation(
            type="list",
            formula1=f"=Lists!${letter}$2:${letter}${last}",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Not an answer to this question",
            error=f"Use {question.answer_help}.",
            promptTitle=question.id[:32],
            prompt=question.answer_help[:255],
            showInputMessage=True,
        )
        target = column_letters(column + 1)
        validation.add(f"{target}2:{target}{ROWS + 1}")
        data.add_data_validation(validation)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return reproducible(buffer.getvalue())


def _data_sheet(sheet: Any, part: FormPart) -> None:
    headers = [part.id_column, *(q.header for q in part.questions), *part.note_columns]
    for column, text in enumerate(headers, start=1):
        cell = sheet.cell(1, column, text)
        cell.font, cell.alignment = _BOLD, _WRAP
        sheet.column_dimensions[column_letters(column)].width = 16 if column == 1 else 24
        if column == 1 or column > len(part.questions) + 1:
            continue
        for row in range(2, ROWS + 2):  # typed answers stay text: "4" is never 4.0
            sheet.cell(row, column).number_format = "@"
    sheet.row_dimensions[1].height = 60
    sheet.freeze_panes = "B2"


def _guidance_sheet(sheet: Any, part: FormPart) -> None:
    title = f"{part.title}: {part.framework}"
    sheet.cell(1, 1, "Question id").font = _BOLD
    headings = ("Question", "Answers", "Counts as positive", "Indicators it informs")
    for column, text in enumerate(headings, start=2):
        sheet.cell(1, column, text).font = _BOLD
    for row, question in enumerate(part.questions, start=2):
        values = (
            question.id,
            question.text,
            question.answer_help,
            question.positive,
            "; ".join(question.indicators),
        )
        for column, value in enumerate(values, start=1):
            sheet.cell(row, column, value).alignment = _WRAP
    end = len(part.questions) + 3
    sheet.cell(end, 1, title).font = _BOLD
    sheet.cell(
        end + 1,
        1,
        f"Fill in the first sheet, one row per {_row_is(part)}, with an anonymous "
        f"{part.id_column} (never a name). Blank means not answered. "
        "Columns whose header starts with 'notes' or 'comment' are kept as notes, never "
        "counted; keep them anonymous too. This sheet is not read.",
    )
    for letter, width in zip("ABCDE", (18, 60, 40, 24, 40), strict=True):
        sheet.column_dimensions[letter].width = width


def _row_is(part: FormPart) -> str:
    return "record read" if part.kind == "records" else "respondent"
