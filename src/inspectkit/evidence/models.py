"""The evidence folder's YAML files as Pydantic models (contract v1, see the README).

Fields follow ``evidence-folder.md``; inspectkit also accepts a few things people write by
hand (a single indicator instead of a list, a scale label instead of a grade number).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from inspectkit.ids import Id, as_text

Text = Annotated[str, Field(min_length=1)]


def listify(value: Any) -> Any:
    """Let a single id stand for a one-item list: ``indicators: "2.1"``."""
    if type(value) is list:  # nearly every value: the quickest test first
        return value
    if value is None:
        return []
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return [value]
    return value


IdList = Annotated[list[Id], BeforeValidator(listify)]
Grade = Annotated[int | str, BeforeValidator(as_text)]


class Model(BaseModel):
    """Base of every evidence model: unknown fields are errors."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True
    )


class Period(Model):
    """When the inspection's evidence was gathered."""

    start: dt.date = Field(description="First day, ISO date (YYYY-MM-DD).")
    end: dt.date = Field(description="Last day, ISO date, on or after the start.")


class TeamMember(Model):
    """A member of the inspection or self-evaluation team (a role, not a personal name)."""

    name: Text = Field(description="How the member is shown, e.g. 'Lead inspector'.")
    role: str = Field("", description="Their role, e.g. 'lead', 'health', 'police'.")
    organisation: str = Field("", description="The body they come from.")


class Manifest(Model):
    """inspection.yaml: what this folder is about."""

    framework: Text = Field(description="Framework id, or id@version, e.g. 'cso-at-home@1.0'.")
    partnership: Text = Field(description="The community planning partnership inspected.")
    title: str = Field("", description="The inspection's title.")
    reference: str = Field("", description="A reference, free text.")
    period: Period | None = Field(None, description="When evidence was gathered.")
    team: list[TeamMember] = Field(default_factory=list, description="The team.")
    status: Literal["draft", "final"] = Field("draft", description="draft or final.")
    report_date: dt.date | None = Field(None, description="The date printed on reports.")
    context: str = Field("", description="The area in context, for the report (optional).")


Finding = Literal["strength", "area-for-improvement", "context"]
Significance = Literal["major", "important", "minor"]


class EvidenceItem(Model):
    """One piece of qualitative evidence: what was found, from which source, about what."""

    id: Id = Field(description="Unique in the folder, e.g. 'FG-03'.")
    source: Id = Field(description="An evidence source id of the framework, e.g. 'focus-group'.")
    indicators: IdList = Field(min_length=1, description="Quality indicator ids, e.g. ['2.1'].")
    finding: Finding = Field(description="strength, area-for-improvement or context.")
    significance: Significance = Field("important", description="major, important or minor.")
    summary: Text = Field(description="One or two anonymised sentences.")
    lines_of_enquiry: IdList = Field(default_factory=list, description="Line of enquiry ids.")
    themes: IdList = Field(default_factory=list, description="Theme ids.")
    date: dt.date | None = Field(None, description="When it was gathered, ISO date.")
    quote: str = Field("", description="A short anonymised quotation.")
    detail: str = Field("", description="Longer notes (the body of a Markdown item).")
    reference: str = Field("", description="Where it came from: document, page, meeting.")


class IndependentGrade(Model):
    """One evaluator's own grade before moderation."""

    evaluator: Text = Field(description="Who gave it (a role or initials, not a full name).")
    grade: Grade = Field(description="1-6, or the scale label.")


class ModeratedOn(Model):
    """The evidence an evaluation was moderated on, as written by ``inspectkit evaluate --lock``.

    Each hash is of one piece of evidence as it stood on the date of moderation, so that
    ``validate`` can name what was added, changed or removed since.
    """

    date: dt.date = Field(description="The date of moderation, ISO date.")
    fingerprint: Text = Field(description="One hash of all the evidence below, 'sha256:...'.")
    items: dict[str, str] = Field(
        default_factory=dict, description="Evidence item id -> hash, for items on the indicator."
    )
    records: dict[str, str] = Field(
        default_factory=dict,
        description="Record id -> hash of its readings' answers to the indicator's questions.",
    )
    surveys: dict[str, str] = Field(
        default_factory=dict,
        description="Survey id -> hash of its answers to the indicator's questions.",
    )


class Evaluation(Model):
    """The team's evaluation of one quality indicator."""

    indicator: Id = Field(description="The quality indicator evaluated, e.g. '2.1'.")
    grade: Grade | None = Field(
        None, description="The moderated grade: 1-6 or the scale label. Leave out until moderated."
    )
    rationale: Text = Field(description="Why: the evidence that led to the grade.")
    departure: str = Field(
        "",
        description="Why the team's grade departs from the grade "
        "inspectkit proposes, where they differ by two points or more.",
    )
    decided: dt.date | None = Field(None, description="When it was decided, ISO date.")
    moderated_by: list[Text] = Field(default_factory=list, description="Who moderated it.")
    independent: list[IndependentGrade] = Field(
        default_factory=list, description="Evaluators' own grades before moderation."
    )
    moderated_on: ModeratedOn | None = Field(
        None,
        description="The evidence the evaluation was moderated on (written by "
        "'inspectkit evaluate --lock'; leave it to the command).",
    )

    @model_validator(mode="after")
    def _graded_somehow(self) -> Evaluation:
        if self.grade is None and not self.independent:
            raise ValueError("give a 'grade' (or the evaluators' 'independent' grades)")
        return self
