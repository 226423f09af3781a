"""The parts of a saved grade file (``inspectkit grade --format json``) that a diff reads.

The grade file is untrusted input: it is validated against these models before anything is
compared, and fields a diff does not need are ignored (``schema_version`` 1 may gain fields).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError


class Part(BaseModel):
    """Base of every part: frozen, other fields ignored."""

    model_config = ConfigDict(extra="ignore", frozen=True)


class Grade(Part):
    """A grade and its scale label; the grade is None when there is none."""

    grade: int | None = Field(description="The grade on the scale, or None.")
    label: str = Field("", description="The scale label of the grade.")


class Final(Grade):
    """The team's evaluation."""

    rationale: str = Field("", description="Why the team gave the grade.")


class Strand(Part):
    """One evidence strand's score, a percentage."""

    name: str = Field(description="records, surveys or qualitative.")
    score: float | None = Field(None, description="The strand's score, 0-100, or None.")


class Records(Part):
    """Record reading for one indicator."""

    records: int = Field(0, ge=0, description="Records read with an answer for the indicator.")


class Audience(Part):
    """One survey's respondents."""

    survey: str = Field(description="The survey id.")
    respondents: int = Field(ge=0, description="Respondents to the survey.")


class Surveys(Part):
    """Survey agreement for one indicator."""

    audiences: list[Audience] = Field(default_factory=list, description="Per survey.")


class Item(Part):
    """A qualitative evidence item weighed for an indicator."""

    id: str = Field(description="The item's id.")


class Qualitative(Part):
    """Strengths and areas for improvement weighed for an indicator."""

    strengths: list[Item] = Field(default_factory=list, description="Strengths.")
    areas_for_improvement: list[Item] = Field(
        default_factory=list, description="Areas for improvement."
    )


class Explanation(Part):
    """How the proposed grade was reached."""

    strands: list[Strand] = Field(default_factory=list, description="The three strands.")
    records: Records = Field(default_factory=Records, description="Record reading.")
    surveys: Surveys = Field(default_factory=Surveys, description="Surveys.")
    qualitative: Qualitative = Field(
        default_factory=Qualitative, description="Qualitative evidence."
    )


class IndicatorRow(Part):
    """One graded indicator: the proposal beside the team's evaluation."""

    indicator: str = Field(description="The indicator id, e.g. '5.3'.")
    title: str = Field("", description="The indicator's title.")
    proposed: Grade = Field(description="The proposed grade.")
    final: Final | None = Field(None, description="The team's evaluation, or None.")
    explanation: Explanation = Field(default_factory=Explanation, description="The explanation.")


class GradeDoc(Part):
    """A saved grade file, ``schema_version`` 1."""

    schema_version: Literal[1] = Field(description="1.")
    framework: str = Field(description="The framework, id@version.")
    partnership: str = Field("", description="The partnership.")
    indicators: list[IndicatorRow] = Field(description="One row per graded indicator.")


def parse_grades(data: Any) -> GradeDoc:
    """``data`` as a grade document.

    Raises:
        ValueError: it is not one; the message says where, in a plain sentence.
    """
    try:
        return GradeDoc.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the top level"
        more = len(exc.errors()) - 1
        tail = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        raise ValueError(f"{where}: {first['msg'].lower()}{tail}") from None
