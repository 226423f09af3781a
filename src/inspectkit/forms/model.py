"""What a form shows: each question's header, allowed answers, positive answers, indicators.

Everything comes from the framework; no answer, label or indicator is written here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from inspectkit.evidence.answers import NOT_APPLICABLE
from inspectkit.framework.models import YES_NO, Framework, RecordQuestion

__all__ = ["FormPart", "FormQuestion", "form_parts", "template_files"]


@dataclass(frozen=True)
class FormQuestion:
    """One question as a form shows it.

    Attributes:
        id: The question id (the part of the header inspectkit matches).
        text: The question as published.
        answers: Every answer the drop-down offers, in order.
        answer_help: The answers in words ("a point of the scale: 6 Excellent ... or n/a").
        positive: What counts as positive, in words.
        indicators: The indicators it informs, each as "2.1 Impact on ...".
    """

    id: str
    text: str
    answers: tuple[str, ...]
    answer_help: str
    positive: str
    indicators: tuple[str, ...]

    @property
    def header(self) -> str:
        """The column header: the text with the id visible, as inspectkit reads it back."""
        return f"{self.text} [{self.id}]"


@dataclass(frozen=True)
class FormPart:
    """One form: the record-reading template, or one survey.

    Attributes:
        kind: ``records`` or ``survey``.
        id: ``record-reading``, or the survey id.
        title: A heading ("Record reading", "Staff survey").
        framework: The framework's title and reference, for the heading.
        id_column: The first column: ``record_id`` or ``respondent_id``.
        questions: The questions in the framework's order.
        note_columns: Columns kept as notes after the questions.
    """

    kind: str
    id: str
    title: str
    framework: str
    id_column: str
    questions: tuple[FormQuestion, ...]
    note_columns: tuple[str, ...] = ()

    @property
    def workbook_path(self) -> str:
        """Where the workbook goes in an evidence folder."""
        return f"records/{self.id}.xlsx" if self.kind == "records" else f"surveys/{self.id}.xlsx"

    def printable_path(self, suffix: str) -> str:
        """Where the printable form goes: ``forms/``, outside the contract's folders."""
        name = self.id if self.kind == "records" else f"survey-{self.id}"
        return f"forms/{name}{suffix}"


def _indicators(fw: Framework, ids: Sequence[str]) -> tuple[str, ...]:
    shown = []
    for indicator_id in ids:
        indicator = fw.indicator(indicator_id)
        shown.append(f"{indicator_id} {indicator.title}" if indicator else indicator_id)
    return tuple(shown)


def _record_question(fw: Framework, q: RecordQuestion) -> FormQuestion:
    if q.answer == "scale" and fw.scale is not None:
        points = fw.scale.points
        answers = (*(str(p.value) for p in points), *(p.label for p in points))
        listed = ", ".join(f"{p.value} {p.label}" for p in points)
        help_text = f"a point of the scale ({listed}), as its number or its label, or n/a"
        at_least = next((p for p in points if p.value == q.positive_at_least), None)
        positive = (
            f"{q.positive_at_least} ({at_least.label}) or better"
            if at_least
            else f"{q.positive_at_least} or better"
        )
    else:
        answers = YES_NO if q.answer == "yes-no" else tuple(q.options)
        help_text = ", ".join(answers) + " or n/a"
        positive = ", ".join(q.positive)
    return FormQuestion(
        q.id,
        q.text,
        (*answers, NOT_APPLICABLE),
        help_text,
        positive,
        _indicators(fw, q.indicators),
    )


def form_parts(fw: Framework) -> list[FormPart]:
    """The record-reading form (when the framework has a template) and one per survey."""
    heading = f"{fw.title} ({fw.ref})"
    parts = []
    if fw.record_reading is not None:
        questions = tuple(_record_question(fw, q) for q in fw.record_reading.questions)
        parts.append(
            FormPart(
                "records",
                "record-reading",
                "Record reading",
                heading,
                "record_id",
                questions,
                ("notes",),
            )
        )
    for survey in fw.surveys:
        scale = next((a for a in fw.answer_scales if a.id == survey.answer_scale), None)
        options = tuple(scale.options) if scale else ()
        positive = ", ".join(scale.positive) if scale else ""
        questions = tuple(
            FormQuestion(
                q.id, q.text, options, ", ".join(options), positive, _indicators(fw, q.indicators)
            )
            for q in survey.questions
        )
        parts.append(
            FormPart("survey", survey.id, survey.title, heading, "respondent_id", questions)
        )
    return parts


def template_files(fw: Framework, formats: Sequence[str]) -> dict[str, bytes]:
    """Every file of the forms in ``formats`` (names of ``TEMPLATE_FORMATS``), by path.

    Raises:
        UsageError: a format is not one of ``TEMPLATE_FORMATS``.
    """
    from inspectkit.formats import TEMPLATE_FORMATS

    files: dict[str, bytes] = {}
    for name in formats:
        chosen = TEMPLATE_FORMATS.get(name)
        for part in form_parts(fw):
            path = part.workbook_path if name == "xlsx" else part.printable_path(chosen.suffix)
            files[path] = chosen.write(part)
    return files
